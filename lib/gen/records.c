/*
 * Reader for the record files in lib/data: records separated by blank lines,
 * "name: value" fields, continuation lines indented by two spaces (joined
 * with one space), '#' comments. See docs/data.md.
 * SPDX-License-Identifier: MIT
 */
#include "gen.h"

#include <stdlib.h>
#include <string.h>

static int is_valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n;
        if (*p < 0x80)
            n = 0;
        else if ((*p & 0xE0) == 0xC0 && *p >= 0xC2)
            n = 1;
        else if ((*p & 0xF0) == 0xE0)
            n = 2;
        else if ((*p & 0xF8) == 0xF0 && *p <= 0xF4)
            n = 3;
        else
            return 0;
        p++;
        while (n-- > 0) {
            if ((*p & 0xC0) != 0x80)
                return 0;
            p++;
        }
    }
    return 1;
}

static void append(char **value, const char *text, size_t len)
{
    size_t old = strlen(*value);
    *value = gen_xrealloc(*value, old + 1 + len + 1);
    (*value)[old] = ' ';
    memcpy(*value + old + 1, text, len);
    (*value)[old + 1 + len] = '\0';
}

void gen_records_load(const char *path, struct gen_recfile *out)
{
    char *text = gen_read_file(path, NULL), *line, *next;
    struct gen_record *cur = NULL;
    int lineno = 0;

    memset(out, 0, sizeof *out);
    out->path = path;
    if (!text)
        return;
    for (line = text; line && *line; line = next) {
        size_t len;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (!is_valid_utf8(line)) {
            gen_error(path, lineno, "invalid UTF-8");
            continue;
        }
        if (strchr(line, '\t')) {
            gen_error(path, lineno, "tab character (use spaces)");
            continue;
        }
        if (line[0] == '#')
            continue;
        if (len == 0) {
            cur = NULL;
            continue;
        }
        if (line[0] == ' ') {
            struct gen_field *f;
            if (!cur || cur->count == 0 || strncmp(line, "  ", 2) != 0 ||
                line[2] == ' ' || line[2] == '\0') {
                gen_error(path, lineno,
                          "continuation line must follow a field and start "
                          "with exactly two spaces");
                continue;
            }
            f = &cur->fields[cur->count - 1];
            while (len > 0 && line[len - 1] == ' ')
                len--;
            append(&f->value, line + 2, len - 2);
            continue;
        }
        {
            char *colon = strchr(line, ':');
            struct gen_field f;
            char *v;
            if (!colon || colon == line || colon[1] != ' ') {
                gen_error(path, lineno, "expected 'name: value'");
                continue;
            }
            *colon = '\0';
            v = colon + 2;
            while (*v == ' ')
                v++;
            len = strlen(v);
            while (len > 0 && v[len - 1] == ' ')
                v[--len] = '\0';
            if (!cur) {
                struct gen_record r;
                memset(&r, 0, sizeof r);
                r.file = path;
                r.line = lineno;
                GEN_PUSH(out->records, out->count, out->cap, r);
                cur = &out->records[out->count - 1];
            }
            f.name = gen_xstrdup(line);
            f.value = gen_xstrdup(v);
            f.line = lineno;
            GEN_PUSH(cur->fields, cur->count, cur->cap, f);
        }
    }
    free(text);
}

const struct gen_field *gen_record_field(const struct gen_record *r,
                                         const char *name)
{
    size_t i;
    for (i = 0; i < r->count; i++)
        if (strcmp(r->fields[i].name, name) == 0)
            return &r->fields[i];
    return NULL;
}

void gen_record_check_names(const struct gen_record *r,
                            const char *const *allowed)
{
    size_t i, j;
    for (i = 0; i < r->count; i++) {
        const char *const *a;
        const char *name = r->fields[i].name;
        size_t n = strlen(name);
        int repeatable = 0;
        for (a = allowed; *a; a++)
            if (strncmp(*a, name, n) == 0 &&
                ((*a)[n] == '\0' || ((*a)[n] == '*' && (*a)[n + 1] == '\0'))) {
                repeatable = (*a)[n] == '*';
                break;
            }
        if (!*a) {
            gen_error(r->file, r->fields[i].line, "unknown field '%s'", name);
            continue;
        }
        for (j = 0; j < i && !repeatable; j++)
            if (strcmp(r->fields[j].name, name) == 0) {
                gen_error(r->file, r->fields[i].line, "field '%s' given twice",
                          name);
                break;
            }
    }
}

const char *gen_record_require(const struct gen_record *r, const char *name)
{
    const struct gen_field *f = gen_record_field(r, name);
    if (!f) {
        gen_error(r->file, r->line, "record lacks field '%s'", name);
        return "";
    }
    if (!f->value[0])
        gen_error(r->file, f->line, "field '%s' is empty", name);
    return f->value;
}
