/*
 * Private declarations shared by the library's sources. Non-static internal
 * names start with smtpdiag__ and are hidden from the shared library.
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_INTERNAL_H
#define SMTPDIAG_INTERNAL_H

#include "smtpdiag.h"

#include <string.h>

/* ---- generated tables (tables.c) ---- */

struct smtpdiag__lang_row {
    uint8_t id;         /* the pinned smtpdiag_lang value */
    uint8_t is_default; /* the default for its primary language subtag */
    uint32_t tag, name, primary, script, regions, also; /* pool offsets */
};

struct smtpdiag__reply_row {
    uint16_t code; /* 200..599, or 2..5 for the first-digit entries */
    uint8_t standard;
    uint32_t key; /* pool offset of "550" or "5xx" */
    uint32_t msg; /* index of its first message (title, explanation, advice) */
};

struct smtpdiag__status_row {
    uint32_t code; /* packed smtpdiag_code */
    uint32_t key;  /* pool offset of "5.1.1" */
    uint32_t msg;
};

/* Message indices are relative to an entry's first message. */
enum { SMTPDIAG__TITLE = 0, SMTPDIAG__EXPLANATION = 1, SMTPDIAG__ADVICE = 2 };

/* "No entry": getters answer "". */
#define SMTPDIAG__NO_MSG 0xFFFFFFFFu

const char *smtpdiag__string(uint32_t offset);
const char *smtpdiag__message(size_t lang_index, uint32_t msg);
size_t smtpdiag__lang_count(void);
const struct smtpdiag__lang_row *smtpdiag__lang_at(size_t index);
/* Index of a built-in language in the tables, or (size_t)-1. */
size_t smtpdiag__lang_index(int lang);
const struct smtpdiag__reply_row *smtpdiag__find_reply(int code);
const struct smtpdiag__status_row *smtpdiag__find_status(smtpdiag_code code);
const char *smtpdiag__data_hash(void);

/* ---- the private view of smtpdiag_result (result.c) ---- */

struct smtpdiag__state {
    uint64_t reply_at;  /* byte offset + 1 of the reply code; 0: none */
    uint64_t status_at; /* byte offset + 1 of the enhanced code; 0: none */
    smtpdiag_code status;
    uint32_t msg;          /* first message of the explaining entry */
    uint32_t explained_by; /* pool offset of the entry's key */
    int16_t reply_code;
    uint8_t severity;
    uint8_t lang;
    uint8_t source;
    uint8_t command; /* smtpdiag_command */
};

void smtpdiag__state_clear(struct smtpdiag__state *s);
void smtpdiag__state_load(struct smtpdiag__state *s, const smtpdiag_result *r);
void smtpdiag__state_store(smtpdiag_result *r, const struct smtpdiag__state *s);

/* ---- codes (code.c) and reply reading (reply.c) ---- */

int smtpdiag__ascii_lower(int c);

/* A reply code / an enhanced status code token at p[i]: its length, or 0. */
size_t smtpdiag__match_reply(const unsigned char *p, size_t n, size_t i,
                             int *code);
size_t smtpdiag__match_status(const unsigned char *p, size_t n, size_t i,
                              smtpdiag_code *code);
/* Skips a DSN diagnostic type ("smtp; ") at p[i]; returns the new index. */
size_t smtpdiag__skip_diagnostic_type(const unsigned char *p, size_t n,
                                      size_t i);

/* Finds the codes in a text; fills the codes, their offsets, the command
 * and the severity. */
int smtpdiag__parse(struct smtpdiag__state *s, const char *text, size_t len);

/* The SMTP command a text says the reply answered (command.c). */
smtpdiag_command smtpdiag__find_command(const char *text, size_t len);

/* ---- explaining (explain.c) ---- */

/* Chooses the entry that explains s->reply_code and s->status in lang. */
void smtpdiag__explain_state(struct smtpdiag__state *s, smtpdiag_lang lang);

#endif
