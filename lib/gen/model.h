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
    int reason;      /* the reason the code means when the text says nothing */
    int one_meaning; /* an extension gives the code a single meaning */
    size_t msg;      /* index of its first message */
};

struct gen_status {
    uint32_t code; /* packed class * 1000000 + subject * 1000 + detail */
    char key[16];
    int reason;
    size_t msg;
};

/* ---- the classifier's knowledge (classifier.c) ---- */

enum { GEN_BOUNCE_NONE = 0, GEN_BOUNCE_SOFT = 1, GEN_BOUNCE_HARD = 2 };

struct gen_reason {
    int id; /* the pinned smtpdiag_reason value */
    const char *name;
    int bounce;
    char *explained; /* "reason:NAME" */
    size_t msg;
};

struct gen_notice {
    const char *id; /* "subject-failed-one" */
    size_t msg;
};

struct gen_provider {
    const char *id, *name, *domains;
};

struct gen_rule {
    const char *id;
    char *explained; /* "rule:ID" */
    const char *detail;
    const char *file;
    int line;
    int reason;      /* index into reasons */
    int priority;    /* 1..9 */
    int provider;    /* index into providers, or -1 */
    uint32_t status; /* required enhanced code, or 0 */
    int reply_class; /* required class of the reply (2, 4, 5), or 0 */
    int phrase_count;
};

enum {
    GEN_PHRASE_SINGLE = 0,      /* matching it fires its rule */
    GEN_PHRASE_PAIR_FIRST = 1,  /* arms its pair */
    GEN_PHRASE_PAIR_SECOND = 2, /* fires its rule when its pair is armed */
    GEN_PHRASE_MARKER = 3,      /* identifies a provider */
    GEN_PHRASE_COMMAND = 4      /* names a command; target: what to check */
};

struct gen_phrase {
    char *norm; /* normalised: lower-case, separators as one ' ' */
    size_t len;
    int kind;
    int target; /* rule index, or provider index for a marker */
    int pair;   /* pair index for pair phrases */
    const char *file;
    int line;
};

/* A phrase has at most this many words (a normalised phrase is at most
 * 128 bytes: 64 one-letter words). */
#define GEN_MAX_PHRASE_WORDS 64

/* States up to this depth, then deeper states with several edges, get
 * dense rows in the tables, within a budget of bytes (automaton.c). */
#define GEN_DENSE_DEPTH  3
#define GEN_DENSE_BUDGET ((size_t)256 * 1024)

/* A DFA over byte classes (automaton.c). */
struct gen_automaton {
    unsigned char byte_class[256];
    int classes;
    int ascii_classes;   /* classes of ASCII bytes: 0 .. ascii_classes - 1 */
    size_t states;       /* the dense-row states first (automaton.c) */
    uint32_t *depth;     /* states: length of each state's label */
    size_t dense_rows;   /* states 0 .. dense_rows - 1 get dense rows */
    uint32_t *delta;     /* states * classes: the full DFA */
    uint32_t *fail;      /* states: Aho-Corasick failure links */
    int32_t *child;      /* states * classes: the trie's own edges, -1 none */
    uint32_t *out_index; /* states + 1 */
    uint32_t *out;       /* phrase indices */
    size_t out_count;
};

struct gen_language {
    int id;
    const char *tag, *name, *primary, *script, *regions, *also, *po;
    int is_default;
    const char **texts; /* one per message; for the source language, english */
};

struct gen_model {
    const char *data_version;
    struct gen_reason *reasons;
    size_t reason_count, reason_cap;
    struct gen_provider *providers;
    size_t provider_count, provider_cap;
    struct gen_rule *rules;
    size_t rule_count, rule_cap;
    struct gen_phrase *phrases;
    size_t phrase_count, phrase_cap;
    int pair_count;
    struct gen_automaton dfa;
    struct gen_message *msgs;
    size_t msg_count, msg_cap;
    struct gen_reply *replies;
    size_t reply_count, reply_cap;
    struct gen_status *statuses;
    size_t status_count, status_cap;
    struct gen_notice *notices;
    size_t notice_count, notice_cap;
    struct gen_language *langs; /* sorted by id; langs[0] is English */
    size_t lang_count, lang_cap;
    char hash[65];
};

/* classifier.c */
void gen_load_reasons(struct gen_model *m, const char *path);
void gen_load_providers(struct gen_model *m, const char *path);
void gen_load_rules(struct gen_model *m, const char *path);
void gen_load_notices(struct gen_model *m, const char *path);
/* The index of a reason by name, or -1 (reported at file:line). */
int gen_reason_index(const struct gen_model *m, const char *name,
                     const char *file, int line);
/* Adds the title/explanation/advice messages of a record under prefix. */
void gen_add_messages(struct gen_model *m, const struct gen_record *r,
                      const char *prefix, const char *comment);
int gen_parse_status(const char *s, uint32_t *out);
/* Normalises a phrase as the matcher sees text (allocated). */
char *gen_normalise(const char *s);

/* commands.c */
void gen_add_command_phrases(struct gen_model *m);
/* For each list of command wordings, which start with each letter. */
void gen_emit_command_index(FILE *f);

/* automaton.c */
void gen_build_automaton(struct gen_model *m);

/* emit.c */
int gen_emit_tables(const struct gen_model *m, const char *path);
int gen_emit_pot(const struct gen_model *m, const char *path,
                 const char *source_root);

#endif
