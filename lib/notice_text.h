/*
 * Writing notice text into a caller's buffer with snprintf semantics:
 * outside text made harmless (invalid UTF-8, controls, bidi formatting) and
 * paragraphs wrapped for mail (notice_text.c).
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_NOTICE_TEXT_H
#define SMTPDIAG_NOTICE_TEXT_H

#include <stddef.h>

struct smtpdiag__writer {
    char *buf;
    size_t size;
    size_t len;  /* everything written, also what did not fit */
    size_t col;  /* display columns on the current line */
    size_t line; /* bytes on the current line */
};

/* The width notices are wrapped to, in display columns, and the most bytes
 * a line may hold (RFC 5322 allows 998). */
#define SMTPDIAG__WRAP_COLUMNS 76
#define SMTPDIAG__MAX_LINE     990

void smtpdiag__writer_init(struct smtpdiag__writer *w, char *buf, size_t size);
/* NUL-terminates; returns the whole length. */
size_t smtpdiag__writer_finish(struct smtpdiag__writer *w);
void smtpdiag__put_newline(struct smtpdiag__writer *w);
/* Writes text as a paragraph wrapped at SMTPDIAG__WRAP_COLUMNS: `lead`
 * (trusted, e.g. "Recipient: ") first, continuation lines indented by
 * `indent` spaces. Text is cleaned as it is written. Ends the line. */
void smtpdiag__put_paragraph(struct smtpdiag__writer *w, const char *lead,
                             const char *text, size_t len, size_t indent);
/* Writes text on the current line, cleaned, white space collapsed, cut at
 * SMTPDIAG__MAX_LINE bytes; does not end the line. */
void smtpdiag__put_line_text(struct smtpdiag__writer *w, const char *text,
                             size_t len);

#endif
