/*
 * Notice text: cleans text from outside as it is written (invalid UTF-8 ->
 * U+FFFD; control characters and bidirectional formatting -> U+FFFD, line
 * breaks and tabs -> a space) and wraps paragraphs: at spaces, and between
 * wide (CJK) characters, which take two columns. No line exceeds
 * SMTPDIAG__MAX_LINE bytes, whatever the input.
 * SPDX-License-Identifier: MIT
 */
#include "notice_text.h"

#include <string.h>

#define REPLACEMENT 0xFFFDu

void smtpdiag__writer_init(struct smtpdiag__writer *w, char *buf, size_t size)
{
    w->buf = buf;
    w->size = buf ? size : 0;
    w->len = 0;
    w->col = 0;
    w->line = 0;
}

size_t smtpdiag__writer_finish(struct smtpdiag__writer *w)
{
    if (w->size > 0)
        w->buf[w->len < w->size ? w->len : w->size - 1] = '\0';
    return w->len;
}

static void put_byte(struct smtpdiag__writer *w, char c)
{
    if (w->len + 1 < w->size)
        w->buf[w->len] = c;
    w->len++;
    w->line++;
}

void smtpdiag__put_newline(struct smtpdiag__writer *w)
{
    put_byte(w, '\n');
    w->col = 0;
    w->line = 0;
}

/* Decodes one character at p[*i]: its code point, with invalid UTF-8,
 * controls and bidi formatting already replaced. */
static unsigned long next_char(const unsigned char *p, size_t n, size_t *i)
{
    unsigned long c = p[*i], min;
    size_t need, k;
    if (c < 0x80) {
        (*i)++;
        if (c == '\t' || c == '\r' || c == '\n')
            return ' ';
        return c < 0x20 || c == 0x7F ? REPLACEMENT : c;
    }
    if (c >= 0xC2 && c <= 0xDF)
        need = 1, c &= 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 2, c &= 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 3, c &= 0x07, min = 0x10000;
    else {
        (*i)++;
        return REPLACEMENT;
    }
    for (k = 1; k <= need; k++) {
        if (*i + k >= n || (p[*i + k] & 0xC0) != 0x80) {
            *i += k; /* a truncated sequence: one replacement */
            return REPLACEMENT;
        }
        c = c << 6 | (p[*i + k] & 0x3F);
    }
    *i += need + 1;
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return REPLACEMENT;
    if (c <= 0x9F || c == 0x2028 || c == 0x2029)
        return c == 0x2028 || c == 0x2029 ? ' ' : REPLACEMENT; /* C1 */
    if (c == 0x061C || c == 0x200E || c == 0x200F ||
        (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return REPLACEMENT; /* bidi formatting could reorder the notice */
    return c;
}

static size_t utf8_length(unsigned long c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

static void put_char(struct smtpdiag__writer *w, unsigned long c)
{
    if (c < 0x80) {
        put_byte(w, (char)c);
    } else if (c < 0x800) {
        put_byte(w, (char)(0xC0 | c >> 6));
        put_byte(w, (char)(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        put_byte(w, (char)(0xE0 | c >> 12));
        put_byte(w, (char)(0x80 | (c >> 6 & 0x3F)));
        put_byte(w, (char)(0x80 | (c & 0x3F)));
    } else {
        put_byte(w, (char)(0xF0 | c >> 18));
        put_byte(w, (char)(0x80 | (c >> 12 & 0x3F)));
        put_byte(w, (char)(0x80 | (c >> 6 & 0x3F)));
        put_byte(w, (char)(0x80 | (c & 0x3F)));
    }
}

/* East Asian wide characters (the main blocks): two columns, and a line may
 * break before any of them. */
static int is_wide(unsigned long c)
{
    if (c < 0x1100) /* most text: Latin, Greek, Cyrillic */
        return 0;
    return c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

/* Wide punctuation that must not start a line (kinsoku): it stays with the
 * character before it. */
static int no_break_before(unsigned long c)
{
    static const unsigned long marks[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E,
                                          0xFF1A, 0xFF1B, 0xFF01, 0xFF1F,
                                          0x300D, 0x300F, 0xFF09, 0x3011};
    size_t i;
    if (c < 0x3001) /* the smallest of the marks */
        return 0;
    for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (marks[i] == c)
            return 1;
    return 0;
}

static void put_spaces(struct smtpdiag__writer *w, size_t n)
{
    while (n-- > 0) {
        put_byte(w, ' ');
        w->col++;
    }
}

/* The unit of wrapping at p[i]: a word of narrow characters, or one wide
 * character with the punctuation that sticks to it. Returns its end;
 * *width gets its columns, *bytes its encoded length. */
static size_t measure_unit(const unsigned char *p, size_t n, size_t i,
                           size_t *width, size_t *bytes)
{
    size_t k = i, next;
    int first = 1;
    *width = 0;
    *bytes = 0;
    while (k < n) {
        unsigned long c;
        next = k;
        c = next_char(p, n, &next);
        if (c == ' ')
            break;
        if (is_wide(c) && !no_break_before(c) && !first)
            break;
        *width += is_wide(c) ? 2 : 1;
        *bytes += utf8_length(c);
        k = next;
        if (is_wide(c) && !no_break_before(c)) {
            /* the punctuation that follows stays with this character */
            while (k < n) {
                size_t after = k;
                unsigned long d = next_char(p, n, &after);
                if (!no_break_before(d))
                    break;
                *width += 2;
                *bytes += utf8_length(d);
                k = after;
            }
            break;
        }
        first = 0;
    }
    return k;
}

void smtpdiag__put_paragraph(struct smtpdiag__writer *w, const char *lead,
                             const char *text, size_t len, size_t indent)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    int space = 0;
    if (lead) {
        size_t n = strlen(lead);
        const unsigned char *q = (const unsigned char *)lead;
        size_t k = 0;
        while (k < n) {
            unsigned long c = next_char(q, n, &k);
            put_char(w, c);
            w->col += is_wide(c) ? 2 : 1;
        }
    }
    while (i < len) {
        size_t width, bytes, end, k;
        unsigned long c;
        size_t at = i;
        if (next_char(p, len, &at) == ' ') {
            space = 1;
            i = at;
            continue;
        }
        end = measure_unit(p, len, i, &width, &bytes);
        if (w->col > indent &&
            (w->col + (size_t)space + width > SMTPDIAG__WRAP_COLUMNS ||
             w->line + (size_t)space + bytes > SMTPDIAG__MAX_LINE)) {
            smtpdiag__put_newline(w);
            put_spaces(w, indent);
            space = 0;
        }
        if (space && w->col > 0)
            put_spaces(w, 1);
        space = 0;
        for (k = i; k < end;) {
            c = next_char(p, len, &k);
            if (w->line + utf8_length(c) > SMTPDIAG__MAX_LINE) {
                /* a word longer than a line may be: cut it */
                smtpdiag__put_newline(w);
                put_spaces(w, indent);
            }
            put_char(w, c);
            w->col += is_wide(c) ? 2 : 1;
        }
        i = end;
    }
    smtpdiag__put_newline(w);
}

void smtpdiag__put_line_text(struct smtpdiag__writer *w, const char *text,
                             size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    int space = 0;
    while (i < len) {
        unsigned long c = next_char(p, len, &i);
        if (c == ' ') {
            space = w->col > 0;
            continue;
        }
        if (w->line + (size_t)space + utf8_length(c) > SMTPDIAG__MAX_LINE)
            return;
        if (space)
            put_spaces(w, 1);
        space = 0;
        put_char(w, c);
        w->col += is_wide(c) ? 2 : 1;
    }
}
