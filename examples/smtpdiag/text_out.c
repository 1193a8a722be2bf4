/*
 * Safe output: UTF-8 checked, control and bidi characters made visible for
 * people, JSON escaping for machines.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <errno.h>
#include <string.h>

static int failed, pipe_closed, first_field;

static void put(const char *s, size_t n)
{
    if (failed || n == 0)
        return;
    if (fwrite(s, 1, n, stdout) != n) {
        failed = 1;
#ifdef EPIPE
        if (errno == EPIPE)
            pipe_closed = 1;
#endif
    }
}

int out_failed(void)
{
    return failed || ferror(stdout);
}
int out_pipe_closed(void)
{
    return pipe_closed;
}
void out_str(const char *s)
{
    put(s, strlen(s));
}
void out_char(char ch)
{
    put(&ch, 1);
}

/* Decodes one UTF-8 sequence at s; returns its length, or 0 when invalid
 * (overlong forms, surrogates and values past U+10FFFF are invalid). */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
    size_t len, i;
    unsigned long min;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    } else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        len = 2, min = 0x80, *cp = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        len = 3, min = 0x800, *cp = s[0] & 0x0F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4, min = 0x10000, *cp = s[0] & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        *cp = (*cp << 6) | (s[i] & 0x3F);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
        return 0;
    return len;
}

static int is_bidi_control(unsigned long cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Writes s, with invalid UTF-8 replaced by U+FFFD and every character for
 * which escape() writes an escape sequence replaced by that sequence. */
static void write_text(const char *s, size_t len,
                       int (*escape)(unsigned long cp, char *esc, size_t size))
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0; /* bytes from run to i are written as they are */
    while (i < len) {
        unsigned long cp;
        size_t n;
        char esc[24];
        if (p[i] >= 0x20 && p[i] < 0x7F && p[i] != '"' && p[i] != '\\') {
            i++; /* plain ASCII: the common case, no decoding */
            continue;
        }
        n = utf8_decode(p + i, len - i, &cp);
        if (n != 0 && !escape(cp, esc, sizeof esc)) {
            i += n;
            continue;
        }
        put(s + run, i - run);
        if (n == 0) {
            put(replacement, 3);
            i++;
        } else {
            out_str(esc);
            i += n;
        }
        run = i;
    }
    put(s + run, i - run);
}

/* For people: control characters and bidi controls become visible. */
static int human_escape(unsigned long cp, char *esc, size_t size)
{
    if (cp < 0x20 || cp == 0x7F)
        (void)snprintf(esc, size, "\\x%02X", (unsigned)cp);
    else if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp))
        (void)snprintf(esc, size, "\\u%04lX", cp);
    else
        return 0;
    return 1;
}

/* For JSON: quotes, backslashes and controls (and U+2028/9 for JavaScript). */
static int json_escape(unsigned long cp, char *esc, size_t size)
{
    if (cp == '"' || cp == '\\')
        (void)snprintf(esc, size, "\\%c", (char)cp);
    else if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029)
        (void)snprintf(esc, size, "\\u%04lx", cp);
    else
        return 0;
    return 1;
}

void out_human(const char *s, size_t len)
{
    write_text(s, len, human_escape);
}

static void json_text(const char *s, size_t len)
{
    out_char('"');
    write_text(s, len, json_escape);
    out_char('"');
}

static void key(const char *k)
{
    out_str(first_field ? "{\"" : ",\"");
    first_field = 0;
    out_str(k);
    out_str("\":");
}

void json_begin(void)
{
    first_field = 1;
}

void json_string(const char *k, const char *s, size_t len)
{
    key(k);
    json_text(s, len);
}

void json_cstring(const char *k, const char *s)
{
    key(k);
    if (s && s[0])
        json_text(s, strlen(s));
    else
        out_str("null");
}

void json_int(const char *k, long value, int is_null)
{
    char buf[32];
    key(k);
    (void)snprintf(buf, sizeof buf, "%ld", value);
    out_str(is_null ? "null" : buf);
}

void json_code(const char *k, smtpdiag_code code)
{
    char buf[16];
    smtpdiag_code_format(code, buf, sizeof buf);
    json_cstring(k, buf);
}

void json_bool(const char *k, int value)
{
    key(k);
    out_str(value ? "true" : "false");
}

void json_end(void)
{
    out_str(first_field ? "{}\n" : "}\n");
}
