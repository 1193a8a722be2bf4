/*
 * Error reporting and small helpers for the generator.
 * SPDX-License-Identifier: MIT
 */
#include "gen.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int error_count;

void gen_error(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    if (line > 0)
        fprintf(stderr, "%s:%d: ", file, line);
    else
        fprintf(stderr, "%s: ", file);
    va_start(ap, fmt);
    /* va_start is on the line above: a false positive of clang 14's
     * analyzer on this path. */
    vfprintf(stderr, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized)
    va_end(ap);
    fputc('\n', stderr);
    error_count++;
}

int gen_error_count(void)
{
    return error_count;
}

static void out_of_memory(void)
{
    fputs("smtpdiag-gen: out of memory\n", stderr);
    exit(2);
}

int gen_number(const char *s, const char *file, int line)
{
    int v = 0;
    size_t i;
    for (i = 0; s[i] >= '0' && s[i] <= '9' && i < 9; i++)
        v = v * 10 + (s[i] - '0');
    if (i == 0 || s[i] != '\0') {
        gen_error(file, line, "malformed number '%s'", s);
        return -1;
    }
    return v;
}

void *gen_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *gen_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *gen_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(gen_xmalloc(n), s, n);
}

char *gen_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    if (!f) {
        gen_error(path, 0, "cannot open");
        return NULL;
    }
    do {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 65536;
            buf = gen_xrealloc(buf, cap + 1);
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    if (ferror(f))
        gen_error(path, 0, "read error");
    (void)fclose(f); /* read only: nothing to lose */
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

const char *gen_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *back = strrchr(path, '\\');
    if (back && (!slash || back > slash))
        slash = back;
    return slash ? slash + 1 : path;
}
