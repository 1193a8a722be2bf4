/*
 * Safe output: UTF-8 checked, control and bidi characters made visible for
 * people, JSON escaping for machines.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

static int failed, pipe_closed, first_field;

/* Output is gathered here and handed to stdio a line at a time: one
 * fwrite() per line instead of one per field and escape. */
static char line_buf[8192];
static size_t line_len;
static unsigned long flushes; /* lines handed over, for out_written() */

void out_flush(void)
{
    flushes++;
    if (failed || line_len == 0) {
        line_len = 0;
        return;
    }
    if (fwrite(line_buf, 1, line_len, stdout) != line_len) {
        failed = 1;
#ifdef EPIPE
        if (errno == EPIPE)
            pipe_closed = 1;
#endif
    }
    line_len = 0;
}

static void put(const char *s, size_t n)
{
    if (n <= sizeof line_buf - line_len) { /* the common case */
        memcpy(line_buf + line_len, s, n);
        line_len += n;
        return;
    }
    while (n > 0 && !failed) {
        size_t room = sizeof line_buf - line_len, k = n < room ? n : room;
        memcpy(line_buf + line_len, s, k);
        line_len += k;
        s += k;
        n -= k;
        if (line_len == sizeof line_buf)
            out_flush();
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
    size_t n = strlen(s);
    put(s, n);
    if (n > 0 && s[n - 1] == '\n')
        out_flush();
}
void out_char(char ch)
{
    put(&ch, 1);
    if (ch == '\n')
        out_flush();
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

/* The length of the run at p of printable ASCII other than '"' and '\\',
 * which is written as it is whatever the escaping. Eight bytes at a time,
 * as every byte of every field passes here: a byte is plain unless it is
 * below 0x20, 0x7F or above, or a quote or backslash. */
static size_t plain_run(const unsigned char *p, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x, special;
        memcpy(&x, p + i, 8);
        special = ((x - ones * 0x20) | (x + ones * 0x01) | /* < 0x20, 7F */
                   ((x ^ ones * '"') - ones) | ((x ^ ones * '\\') - ones) | x) &
                  highs;
        if (special)
            break;
    }
    while (i < len && p[i] >= 0x20 && p[i] < 0x7F && p[i] != '"' &&
           p[i] != '\\')
        i++;
    return i;
}

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
        i += plain_run(p + i, len - i); /* the common case, no decoding */
        if (i == len)
            break;
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

/* Writes `{"k":` or `,"k":` into buf (at least strlen(k) + 4 bytes);
 * returns its length. */
static size_t key_to(char *buf, const char *k, size_t n)
{
    buf[0] = first_field ? '{' : ',';
    buf[1] = '"';
    memcpy(buf + 2, k, n);
    buf[n + 2] = '"';
    buf[n + 3] = ':';
    first_field = 0;
    return n + 4;
}

static void key(const char *k)
{
    char buf[64];
    size_t n = strlen(k);
    if (n + 4 <= sizeof buf) { /* one put: keys are short words */
        put(buf, key_to(buf, k, n));
        return;
    }
    put(first_field ? "{\"" : ",\"", 2);
    first_field = 0;
    put(k, n);
    put("\":", 2);
}

struct out_mark out_mark(void)
{
    struct out_mark m;
    m.at = line_len;
    m.flushes = flushes;
    return m;
}

const char *out_written(struct out_mark m, size_t *len)
{
    if (m.flushes != flushes || m.at > line_len)
        return NULL;
    *len = line_len - m.at;
    return line_buf + m.at;
}

void json_field(const char *field, size_t len)
{
    if (first_field) {
        put("{", 1);
        first_field = 0;
        put(field + 1, len - 1);
    } else {
        put(field, len);
    }
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

/* A field of a key and a value that needs no escaping, written with one
 * put(): numbers, codes, null. */
static void plain_field(const char *k, const char *value, size_t len)
{
    char buf[96];
    size_t n = strlen(k), at;
    if (n + 4 + len > sizeof buf) {
        key(k);
        put(value, len);
        return;
    }
    at = key_to(buf, k, n);
    memcpy(buf + at, value, len);
    put(buf, at + len);
}

void json_int(const char *k, long value, int is_null)
{
    char buf[32];
    size_t at = sizeof buf;
    /* digits by hand: snprintf() costs more than the rest of the field */
    unsigned long v =
        value < 0 ? 0ul - (unsigned long)value : (unsigned long)value;
    if (is_null) {
        plain_field(k, "null", 4);
        return;
    }
    do {
        buf[--at] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    if (value < 0)
        buf[--at] = '-';
    plain_field(k, buf + at, sizeof buf - at);
}

void json_code(const char *k, smtpdiag_code code)
{
    char buf[18];
    size_t n;
    smtpdiag_code_format(code, buf + 1, sizeof buf - 2);
    n = strlen(buf + 1);
    if (n == 0) {
        plain_field(k, "null", 4);
        return;
    }
    buf[0] = '"'; /* digits and dots: nothing to escape */
    buf[n + 1] = '"';
    plain_field(k, buf, n + 2);
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
