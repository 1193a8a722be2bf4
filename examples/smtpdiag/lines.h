/*
 * Reading standard input one line at a time through one reusable buffer:
 * no allocation per line, any line length, embedded NUL bytes kept.
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_LINES_H
#define SMTPDIAG_LINES_H

#include <stddef.h>
#include <stdio.h>

struct line_reader {
    FILE *f;
    char *buf;
    size_t cap, start, end;
    int eof, error;
};

void lines_init(struct line_reader *r, FILE *f);
/* The next line without its LF (and without a CR before it); returns 0 at
 * the end of input or on a read error (see r->error). */
int lines_next(struct line_reader *r, const char **line, size_t *len);
void lines_free(struct line_reader *r);

/* Reads a whole file ("-": standard input) into a malloc'd buffer; NULL on
 * error, after a message on stderr. */
char *read_whole_file(const char *prog, const char *path, size_t *len);

#endif
