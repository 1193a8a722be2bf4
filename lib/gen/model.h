/*
 * The generator's in-memory model of the knowledge: entries, the messages
 * they own, languages and their translations.
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_GEN_MODEL_H
#define SMTPDIAG_GEN_MODEL_H

#include "gen.h"

/* The texts every explained entry has, in this order. */
#define GEN_TEXT_FIELDS 3
extern const char *const gen_text_fields[GEN_TEXT_FIELDS];

struct gen_message {
    char *key;           /* msgctxt, e.g. "status:5.1.1:title" */
    const char *english; /* source text */
    const char *file;    /* where the source text is */
    int line;
    const char *comment; /* for translators */
};

struct gen_reply {
    int code; /* 200..599, or 2..5 for the first-digit entries "2xx".."5xx" */
    char key[8];
    int standard;
    size_t msg; /* index of its first message */
};

struct gen_status {
    uint32_t code; /* packed class * 1000000 + subject * 1000 + detail */
    char key[16];
    size_t msg;
};

struct gen_language {
    int id;
    const char *tag, *name, *primary, *script, *regions, *also, *po;
    int is_default;
    const char **texts; /* one per message; for the source language, english */
};

struct gen_model {
    struct gen_message *msgs;
    size_t msg_count, msg_cap;
    struct gen_reply *replies;
    size_t reply_count, reply_cap;
    struct gen_status *statuses;
    size_t status_count, status_cap;
    struct gen_language *langs; /* sorted by id; langs[0] is English */
    size_t lang_count, lang_cap;
    char hash[65];
};

/* emit.c */
int gen_emit_tables(const struct gen_model *m, const char *path);
int gen_emit_pot(const struct gen_model *m, const char *path,
                 const char *source_root);

#endif
