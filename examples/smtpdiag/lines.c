/*
 * Line reader over fread with one growing buffer.
 * SPDX-License-Identifier: MIT
 */
#include "lines.h"

#include <stdlib.h>
#include <string.h>

void lines_init(struct line_reader *r, FILE *f)
{
    memset(r, 0, sizeof *r);
    r->f = f;
}

static int fill(struct line_reader *r)
{
    size_t got;
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->end == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 65536;
        char *buf = realloc(r->buf, cap);
        if (!buf) {
            r->error = 1;
            return 0;
        }
        r->buf = buf;
        r->cap = cap;
    }
    got = fread(r->buf + r->end, 1, r->cap - r->end, r->f);
    r->end += got;
    if (got == 0) {
        if (ferror(r->f))
            r->error = 1;
        r->eof = 1;
    }
    return got > 0;
}

int lines_next(struct line_reader *r, const char **line, size_t *len)
{
    size_t scanned = 0;
    for (;;) {
        char *nl = r->end > r->start + scanned
                       ? memchr(r->buf + r->start + scanned, '\n',
                                r->end - r->start - scanned)
                       : NULL;
        if (nl || (r->eof && r->end > r->start)) {
            size_t n =
                nl ? (size_t)(nl - (r->buf + r->start)) : r->end - r->start;
            *line = r->buf + r->start;
            r->start += n + (nl != NULL);
            if (n > 0 && (*line)[n - 1] == '\r')
                n--;
            *len = n;
            return 1;
        }
        if (r->eof || r->error)
            return 0;
        scanned = r->end - r->start;
        fill(r);
    }
}

void lines_free(struct line_reader *r)
{
    free(r->buf);
    memset(r, 0, sizeof *r);
}

char *read_whole_file(const char *prog, const char *path, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f) {
        fprintf(stderr, "%s: %s: cannot open\n", prog, path);
        return NULL;
    }
    for (;;) {
        size_t got;
        if (n == cap) {
            char *bigger = realloc(buf, cap ? cap * 2 : 65536);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap = cap ? cap * 2 : 65536;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    if (!buf)
        fprintf(stderr, "%s: %s: cannot read\n", prog, path);
    if (!is_stdin)
        (void)fclose(f); /* read only: nothing to lose */
    *len = n;
    return buf;
}
