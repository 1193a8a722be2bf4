/*
 * Reader for the subset of gettext PO syntax the translations use:
 * msgctxt / msgid / msgstr with concatenated string lines, '#,' flags
 * (fuzzy), comments, obsolete '#~' entries (ignored). No plurals.
 * SPDX-License-Identifier: MIT
 */
#include "gen.h"

#include <stdlib.h>
#include <string.h>

enum part { NONE, CTXT, ID, STR };

/* Decodes one "quoted" PO string and appends it to *dst. */
static int append_quoted(const char *path, int lineno, const char *p,
                         char **dst)
{
    size_t old = *dst ? strlen(*dst) : 0, n = 0;
    char *out;
    while (*p == ' ')
        p++;
    if (*p != '"') {
        gen_error(path, lineno, "expected a quoted string");
        return -1;
    }
    p++;
    out = gen_xmalloc(strlen(p) + 1);
    while (*p && *p != '"') {
        char c = *p++;
        if (c == '\\') {
            c = *p++;
            switch (c) {
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case '"':
            case '\\':
                break;
            default:
                gen_error(path, lineno, "unsupported escape '\\%c'",
                          c ? c : '0');
                free(out);
                return -1;
            }
        }
        out[n++] = c;
    }
    if (*p != '"') {
        gen_error(path, lineno, "unterminated string");
        free(out);
        return -1;
    }
    for (p++; *p == ' ' || *p == '\r'; p++)
        ;
    if (*p) {
        gen_error(path, lineno, "text after the closing quote");
        free(out);
        return -1;
    }
    *dst = gen_xrealloc(*dst, old + n + 1);
    memcpy(*dst + old, out, n);
    (*dst)[old + n] = '\0';
    free(out);
    return 0;
}

static void finish(struct gen_pofile *out, struct gen_po_entry *e)
{
    if (e->id && e->str)
        GEN_PUSH(out->entries, out->count, out->cap, *e);
    else if (e->id || e->ctxt || e->str)
        gen_error(out->path, e->line, "incomplete entry");
    memset(e, 0, sizeof *e);
}

void gen_po_load(const char *path, struct gen_pofile *out)
{
    char *text = gen_read_file(path, NULL), *line, *next;
    struct gen_po_entry e;
    enum part part = NONE;
    int lineno = 0, pending_fuzzy = 0;

    memset(out, 0, sizeof *out);
    memset(&e, 0, sizeof e);
    out->path = path;
    if (!text)
        return;
    for (line = text; line && *line; line = next) {
        char **target = NULL;
        int keyword = 1;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (line[0] == '\0' || line[0] == '\r') {
            if (e.str) {
                finish(out, &e);
                part = NONE;
            }
            continue;
        }
        if (line[0] == '#') {
            if (line[1] == ',' && strstr(line, "fuzzy"))
                pending_fuzzy = 1;
            continue;
        }
        if (strncmp(line, "msgctxt", 7) == 0 ||
            strncmp(line, "msgid ", 6) == 0) {
            if (e.str)
                finish(out, &e);
        }
        if (strncmp(line, "msgctxt ", 8) == 0) {
            part = CTXT;
            e.line = lineno;
            e.fuzzy = pending_fuzzy;
            pending_fuzzy = 0;
            target = &e.ctxt;
            line += 8;
        } else if (strncmp(line, "msgid_plural", 12) == 0 ||
                   strncmp(line, "msgstr[", 7) == 0) {
            gen_error(path, lineno, "plural forms are not used here");
            continue;
        } else if (strncmp(line, "msgid ", 6) == 0) {
            part = ID;
            if (!e.line) {
                e.line = lineno;
                e.fuzzy = pending_fuzzy;
                pending_fuzzy = 0;
            }
            target = &e.id;
            line += 6;
        } else if (strncmp(line, "msgstr ", 7) == 0) {
            part = STR;
            target = &e.str;
            line += 7;
        } else if (line[0] == '"') {
            keyword = 0;
            target = part == CTXT  ? &e.ctxt
                     : part == ID  ? &e.id
                     : part == STR ? &e.str
                                   : NULL;
            if (!target) {
                gen_error(path, lineno, "string outside an entry");
                continue;
            }
        } else {
            gen_error(path, lineno, "unexpected line");
            continue;
        }
        if (keyword && *target) {
            gen_error(path, lineno, "keyword given twice in one entry");
            continue;
        }
        if (!*target)
            *target = gen_xstrdup("");
        append_quoted(path, lineno, line, target);
    }
    finish(out, &e);
    free(text);
}
