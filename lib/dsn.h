/*
 * The private view of smtpdiag_dsn, shared by the DSN reader (dsn.c), the
 * plain-text bounce shapes (dsn_text.c) and the notices (notice.c).
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_DSN_H
#define SMTPDIAG_DSN_H

#include "mime.h"

#include "smtpdiag.h"

struct smtpdiag__dsn {
    const char *src; /* the DSN body, or the bounce's text */
    size_t src_len;
    const char *msg_block; /* the DSN's per-message fields */
    size_t msg_block_len;
    const char *orig; /* the original message's header section */
    size_t orig_len;
    size_t start;                /* where the first recipient is looked for */
    size_t next;                 /* where the next one is looked for */
    struct smtpdiag__span block; /* DSN: the current recipient's fields */
    struct smtpdiag__span rcpt;  /* text: the current address */
    struct smtpdiag__span diag;  /* text: the current diagnostic */
    uint8_t kind;                /* smtpdiag_dsn_kind */
    uint8_t on;                  /* on a recipient */
    uint8_t shape;               /* text: the shape found (dsn_text.c) */
    uint8_t delayed;             /* text: a delay warning */
};

void smtpdiag__dsn_load(struct smtpdiag__dsn *v, const smtpdiag_dsn *d);
void smtpdiag__dsn_store(smtpdiag_dsn *d, const struct smtpdiag__dsn *v);

/* Plain-text bounces: chooses the shape of the text (0: none known) and
 * finds the next recipient at or after *pos. */
int smtpdiag__text_shape(const char *p, size_t n, size_t *start,
                         uint8_t *delayed);
int smtpdiag__text_next(int shape, const char *p, size_t n, size_t *pos,
                        struct smtpdiag__span *rcpt,
                        struct smtpdiag__span *diag);

/* Case-insensitive search of an ASCII needle; n when absent. */
size_t smtpdiag__find_ci(const char *p, size_t n, size_t from,
                         const char *needle);

#endif
