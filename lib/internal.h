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
    uint8_t reason;      /* what the code means when the text says nothing */
    uint8_t one_meaning; /* beats an enhanced code that names no reason */
    uint32_t key;        /* pool offset of "550" or "5xx" */
    uint32_t msg; /* index of its first message (title, explanation, advice) */
};

struct smtpdiag__status_row {
    uint32_t code; /* packed smtpdiag_code */
    uint8_t reason;
    uint32_t key; /* pool offset of "5.1.1" */
    uint32_t msg;
};

struct smtpdiag__reason_row {
    uint8_t id;               /* the pinned smtpdiag_reason value */
    uint8_t bounce;           /* smtpdiag_bounce */
    uint32_t name, explained; /* pool: "userunknown", "reason:userunknown" */
    uint32_t msg;
};

struct smtpdiag__provider_row {
    uint32_t id, name, domains; /* pool; domains space-separated */
};

struct smtpdiag__rule_row {
    uint32_t id, explained, detail; /* pool: "quota", "rule:quota", "" */
    uint32_t status;                /* required enhanced code, or 0 */
    uint8_t reason;                 /* smtpdiag_reason */
    uint8_t priority;               /* 1..9 */
    uint8_t provider;               /* provider index, 255: any */
    uint8_t reply_class;            /* required class 2/4/5, 0: any */
};

/* What a phrase of the automaton does when it matches. */
enum {
    SMTPDIAG__PHRASE_SINGLE = 0,
    SMTPDIAG__PHRASE_PAIR_FIRST = 1,
    SMTPDIAG__PHRASE_PAIR_SECOND = 2,
    SMTPDIAG__PHRASE_MARKER = 3,
    SMTPDIAG__PHRASE_COMMAND = 4 /* names a command (command_patterns.h) */
};

struct smtpdiag__phrase_row {
    uint16_t target; /* rule index, or provider index for a marker */
    uint16_t pair;
    uint8_t kind;
    uint16_t words; /* its word lengths in smtpdiag__phrase_words (tables.c) */
};

struct smtpdiag__notice_row {
    uint32_t id;  /* pool: "subject-failed-one" */
    uint32_t msg; /* its message */
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
/* The message of a notice block (lib/data/notices.txt), or
 * SMTPDIAG__NO_MSG. */
uint32_t smtpdiag__notice_msg(const char *id);
const char *smtpdiag__data_version(void);

/* The classifier's tables. */
size_t smtpdiag__reason_count(void);
const struct smtpdiag__reason_row *smtpdiag__reason_at(size_t index);
const struct smtpdiag__reason_row *smtpdiag__find_reason(int id);
size_t smtpdiag__provider_count(void);
const struct smtpdiag__provider_row *smtpdiag__provider_at(size_t index);
const struct smtpdiag__rule_row *smtpdiag__rule_at(size_t index);
const struct smtpdiag__phrase_row *smtpdiag__phrase_at(size_t index);
/* The provider's rules that have no phrase (its meanings of codes), in
 * file order: sets *rules, returns how many. */
size_t smtpdiag__code_rules_of(size_t provider, const uint16_t **rules);

/* Runs the automaton over a text once; calls on_match for every phrase
 * found, with the phrase's row and the byte span [start, end) in the text,
 * in the order the matches end. */
typedef void (*smtpdiag__match_fn)(void *ctx,
                                   const struct smtpdiag__phrase_row *ph,
                                   size_t start, size_t end);
void smtpdiag__scan(const char *text, size_t len, smtpdiag__match_fn on_match,
                    void *ctx);

/* ---- the private view of smtpdiag_result (result.c) ---- */

struct smtpdiag__state {
    uint64_t reply_at;  /* byte offset + 1 of the reply code; 0: none */
    uint64_t status_at; /* byte offset + 1 of the enhanced code; 0: none */
    uint64_t match_at;  /* byte offset + 1 of the deciding phrase; 0: none */
    uint32_t match_len;
    uint16_t rule; /* the deciding rule, SMTPDIAG__NO_RULE: none */
    smtpdiag_code status;
    uint32_t msg;          /* first message of the explaining entry */
    uint32_t explained_by; /* pool offset of the entry's key */
    int16_t reply_code;
    uint8_t severity;
    uint8_t lang;
    uint8_t source;
    uint8_t command;  /* smtpdiag_command */
    uint8_t reason;   /* smtpdiag_reason */
    uint8_t bounce;   /* smtpdiag_bounce */
    uint8_t provider; /* provider index, SMTPDIAG__NO_PROVIDER: none */
};

#define SMTPDIAG__NO_RULE     0xFFFFu
#define SMTPDIAG__NO_PROVIDER 0xFFu

void smtpdiag__state_clear(struct smtpdiag__state *s);
void smtpdiag__state_load(struct smtpdiag__state *s, const smtpdiag_result *r);
void smtpdiag__state_store(smtpdiag_result *r, const struct smtpdiag__state *s);

/* ---- codes (code.c) and reply reading (reply.c) ---- */

/* ASCII lower case; inline, as it runs for every byte of a text. */
static inline int smtpdiag__ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* A reply code / an enhanced status code token at p[i]: its length, or 0. */
size_t smtpdiag__match_reply(const unsigned char *p, size_t n, size_t i,
                             int *code);
size_t smtpdiag__match_status(const unsigned char *p, size_t n, size_t i,
                              smtpdiag_code *code);
/* Skips a DSN diagnostic type ("smtp; ") at p[i]; returns the new index. */
size_t smtpdiag__skip_diagnostic_type(const unsigned char *p, size_t n,
                                      size_t i);

/* Finds the codes in a text; fills the codes, their offsets and the
 * severity (not the command: smtpdiag__find_command or the classifier's
 * scan finds it). */
int smtpdiag__parse(struct smtpdiag__state *s, const char *text, size_t len);

/* The SMTP command a reply answered: what its text says, else what its
 * codes imply (command.c). The automaton's scan reports where a command
 * wording starts; the finder checks each place and keeps the earliest. */
struct smtpdiag__command_finder {
    size_t text_at, passing_at; /* where each was found; SIZE_MAX: not */
    uint8_t text, passing;      /* smtpdiag_command */
    uint8_t text_group;         /* the list that said it (command.c) */
    uint8_t ehlo;               /* an extension of the reply to EHLO */
};
void smtpdiag__command_init(struct smtpdiag__command_finder *f);
/* A command phrase starts at text[start]; checks: SMTPDIAG__CMD_* bits. */
void smtpdiag__command_candidate(struct smtpdiag__command_finder *f,
                                 const char *text, size_t len, size_t start,
                                 unsigned checks);
/* Which wordings of a list of lib/command_patterns.h (SMTPDIAG__CMD_ANCHOR,
 * _PHRASE, or _WORD for the command names) start with the lower-case byte
 * c: bit k for the list's k-th (tables.c, generated). */
uint64_t smtpdiag__command_first(unsigned list, int c);
smtpdiag_command
smtpdiag__command_result(const struct smtpdiag__command_finder *f,
                         int reply_code, smtpdiag_code status);
/* The same with a scan of its own (smtpdiag_parse). */
smtpdiag_command smtpdiag__find_command(const char *text, size_t len,
                                        int reply_code, smtpdiag_code status);

/* ---- classifying (classify.c) ---- */

/* The private view of smtpdiag_hints (hints.c). */
struct smtpdiag__hints {
    uint8_t command, action;
    uint16_t host_len, domain_len;
    char host[256], domain[256];
};
void smtpdiag__hints_load(struct smtpdiag__hints *h, const smtpdiag_hints *src);

/* Sets the command, reason, bounce kind, provider and rule of a parsed
 * state from its codes and its text, in one scan of the text; returns
 * whether anything decided a reason. */
int smtpdiag__classify_state(struct smtpdiag__state *s, const char *text,
                             size_t len, const struct smtpdiag__hints *h);
/* The same for a state without text or hints: the codes alone decide. */
void smtpdiag__classify_codes(struct smtpdiag__state *s);

/* ---- explaining (explain.c) ---- */

/* Chooses the entry that explains s->reply_code and s->status in lang. */
void smtpdiag__explain_state(struct smtpdiag__state *s, smtpdiag_lang lang);

#endif
