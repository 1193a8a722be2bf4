/*
 * The conventions every smtpdiag subcommand shares: options, the language,
 * inputs (arguments or standard input, one input per line), output escaping
 * and JSON Lines, and the exit status. See smtpdiag(1).
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_CLI_H
#define SMTPDIAG_CLI_H

#include <smtpdiag.h>

#include <stddef.h>
#include <stdio.h>

/* Exit statuses (smtpdiag(1)). */
enum {
    EXIT_ALL_ANSWERED = 0,
    EXIT_SOME_UNANSWERED = 1,
    EXIT_USAGE = 2,
    EXIT_IO = 3
};

/* What a subcommand accepts besides the common options. */
enum {
    CLI_HINTS = 1, /* --command, --remote-host, --domain */
    CLI_FILES = 2  /* the operands are files of inputs, not inputs */
};

struct cli {
    const char *prog;     /* "smtpdiag explain" */
    unsigned features;    /* CLI_HINTS | CLI_FILES */
    smtpdiag_hints hints; /* --command, --remote-host, --domain */
    const char *usage;    /* the subcommand's usage line */
    int json;             /* --json */
    int escapes;          /* --escapes: \r \n \\ in an input are interpreted */
    int multiline;        /* --multiline: stdin holds raw multi-line replies */
    const char *lang_tag; /* --lang, or NULL */
    smtpdiag_lang lang;
    char **args; /* the operands */
    int arg_count;
    int status;    /* the exit status so far */
    char *scratch; /* reused for unescaped and joined inputs */
    size_t scratch_len, scratch_cap;
};

/* Parses the common options; any other option is a usage error (returns
 * EXIT_USAGE after printing the usage). Returns 0 on success. */
int cli_parse(struct cli *c, int argc, char **argv, const char *prog,
              const char *usage, unsigned features);

/* Calls fn for each input: each operand (with CLI_FILES: each line of each
 * operand file), or each line of standard input when there is no operand or
 * it is "-". Returns the exit status. */
typedef void (*cli_input_fn)(struct cli *c, const char *input, size_t len);
int cli_run(struct cli *c, cli_input_fn fn);

/* Marks that an input yielded no answer (exit status 1). */
void cli_unanswered(struct cli *c);

/* ---- a whole diagnosis, for explain and classify (diagnosis.c) ---- */

/* Writes one result line: JSON with every field, or a line for people. */
void print_diagnosis(struct cli *c, const char *input, size_t len,
                     const smtpdiag_result *r, int rc);

/* The classification fields of a JSON object (reply_code ... explained_by),
 * between json_begin() and json_end(). */
void json_diagnosis_fields(const smtpdiag_result *r, int rc);

/* ---- output (text_out.c) ---- */

/* Writes UTF-8 text for people: invalid bytes become U+FFFD, control and
 * bidi characters become visible escapes (\x1B, \u202E). */
void out_human(const char *s, size_t len);
void out_str(const char *s);
void out_char(char ch);
/* Output is handed to stdio at the end of each line; this hands over the
 * rest. */
void out_flush(void);

/* JSON Lines: one object per input. */
void json_begin(void);
void json_string(const char *key, const char *s, size_t len);
void json_cstring(const char *key, const char *s); /* NULL or "" gives null */
void json_int(const char *key, long value, int is_null);
void json_code(const char *key, smtpdiag_code code);
void json_bool(const char *key, int value);
void json_end(void);

/* What was written since a mark, while it is still in the line buffer
 * (json_cache.c keeps copies of fields). */
struct out_mark {
    size_t at;
    unsigned long flushes;
};
struct out_mark out_mark(void);
/* The bytes written since m, or NULL when they were handed over already. */
const char *out_written(struct out_mark m, size_t *len);
/* Writes a whole field, `,"key":value`, as json_cstring() wrote it (the
 * comma becomes "{" for the first field of an object). */
void json_field(const char *field, size_t len);

/* json_cstring() for n fields in a row whose keys (a static array) and
 * values are static strings or NULL, such as the library's texts
 * (smtpdiag.h: "every string the library returns is UTF-8, static, and
 * never NULL"): each run of values is escaped once, then copied from a
 * fixed cache (json_cache.c). n is at most JSON_STATIC_MAX. */
#define JSON_STATIC_MAX 8
void json_static_fields(const char *const *keys, const char *const *values,
                        size_t n);

/* Whether output failed; a closed pipe ends the run quietly. */
int out_failed(void);
int out_pipe_closed(void);

#endif
