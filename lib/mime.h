/*
 * The small part of RFC 5322 and MIME that reading bounces needs: header
 * fields with folding, Content-Type parameters, multipart bodies and the
 * two transfer encodings. Everything works on spans of the caller's bytes
 * and allocates nothing.
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_MIME_H
#define SMTPDIAG_MIME_H

#include <stddef.h>

struct smtpdiag__span {
    const char *p;
    size_t n;
};

/* The length of the header section at p (up to and including the blank
 * line that ends it); n when there is no blank line. */
size_t smtpdiag__header_end(const char *p, size_t n);

/* Reads the field at *pos of a header block: its name and its raw value
 * (folds included), and moves *pos past it. Lines that are not fields are
 * skipped. Returns 0 at the end of the block. */
int smtpdiag__next_field(const char *p, size_t n, size_t *pos,
                         struct smtpdiag__span *name,
                         struct smtpdiag__span *value);

/* The first field of a header block with this name (ASCII
 * case-insensitive); 0 when there is none. */
int smtpdiag__find_field(const char *p, size_t n, const char *name,
                         struct smtpdiag__span *value);

/* Copies a raw value with snprintf semantics: folds and runs of white
 * space become one space, ends are trimmed. Returns the whole length. */
size_t smtpdiag__copy_value(struct smtpdiag__span v, char *buf, size_t size);

/* Whether a span equals a NUL-terminated ASCII word, ignoring case. */
int smtpdiag__span_is(struct smtpdiag__span s, const char *word);

/* Content-Type: whether the media type is type/subtype ("multipart/" with
 * an empty subtype: any subtype); a parameter's value, unquoted. */
int smtpdiag__content_type_is(struct smtpdiag__span ct, const char *type);
int smtpdiag__content_type_param(struct smtpdiag__span ct, const char *param,
                                 struct smtpdiag__span *value);

enum {
    SMTPDIAG__CTE_IDENTITY = 0,
    SMTPDIAG__CTE_QUOTED_PRINTABLE = 1,
    SMTPDIAG__CTE_BASE64 = 2
};
int smtpdiag__transfer_encoding(struct smtpdiag__span cte);

/* Decodes into out (room for n bytes always suffices); returns the decoded
 * length. Invalid input is skipped, never an error. */
size_t smtpdiag__decode(int encoding, const char *p, size_t n, char *out);

/* The parts of a multipart body: *pos starts at 0; each call gives the next
 * part (headers and body) and returns 0 after the last. A body cut short
 * ends with the part that was cut. */
int smtpdiag__next_part(struct smtpdiag__span body,
                        struct smtpdiag__span boundary, size_t *pos,
                        struct smtpdiag__span *part);

#endif
