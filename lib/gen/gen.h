/*
 * smtpdiag-gen: turns libsmtpdiag's data files and translations into C tables.
 * A host tool run at build time; it may allocate and exit on fatal errors.
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_GEN_H
#define SMTPDIAG_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- diagnostics (util.c) ---- */

/* Reports "file:line: message" and counts it; the build fails if any. */
void gen_error(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
int gen_error_count(void);
void *gen_xmalloc(size_t n);
void *gen_xrealloc(void *p, size_t n);
char *gen_xstrdup(const char *s);
char *gen_read_file(const char *path, size_t *len);
const char *gen_basename(const char *path);
/* A whole number written in decimal digits only (no sign, no spaces, at
 * most 9 digits); reports "file:line: malformed number" and answers -1
 * otherwise. */
int gen_number(const char *s, const char *file, int line);

/* A growable array of any element type. */
#define GEN_PUSH(arr, count, cap, item)                                        \
    do {                                                                       \
        if ((count) == (cap)) {                                                \
            (cap) = (cap) ? (cap)*2 : 16;                                      \
            (arr) = gen_xrealloc((arr), (cap) * sizeof *(arr));                \
        }                                                                      \
        (arr)[(count)++] = (item);                                             \
    } while (0)

/* ---- record files (records.c) ---- */

struct gen_field {
    char *name;
    char *value;
    int line;
};

struct gen_record {
    const char *file;
    int line;
    struct gen_field *fields;
    size_t count, cap;
};

struct gen_recfile {
    const char *path;
    struct gen_record *records;
    size_t count, cap;
};

/* Reads a record file; syntax errors are reported through gen_error. */
void gen_records_load(const char *path, struct gen_recfile *out);
/* The value of a field, or NULL when the record lacks it. */
const struct gen_field *gen_record_field(const struct gen_record *r,
                                         const char *name);
/* Reports every field whose name is not in the NULL-terminated list, and
 * every repeated field unless its name is listed with a '*' ("phrase*"). */
void gen_record_check_names(const struct gen_record *r,
                            const char *const *allowed);
/* Reports a missing or empty required field; returns its value or "". */
const char *gen_record_require(const struct gen_record *r, const char *name);

/* ---- gettext PO files (po.c) ---- */

struct gen_po_entry {
    char *ctxt; /* NULL when the entry has none */
    char *id;
    char *str;
    int line;
    int fuzzy;
};

struct gen_pofile {
    const char *path;
    struct gen_po_entry *entries;
    size_t count, cap;
};

void gen_po_load(const char *path, struct gen_pofile *out);

/* ---- SHA-256 (sha256.c) ---- */

struct gen_sha256 {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char buf[64];
    size_t used;
};

void gen_sha256_init(struct gen_sha256 *s);
void gen_sha256_update(struct gen_sha256 *s, const void *data, size_t len);
void gen_sha256_hex(struct gen_sha256 *s, char out[65]);

#endif
