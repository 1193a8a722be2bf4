/*
 * The human text of a reply: the input with its codes, the DSN diagnostic
 * type and the line structure removed, written with snprintf semantics.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

struct writer {
    char *buf;
    size_t size, len;
    int space; /* a space is due before the next visible byte */
};

static void put(struct writer *w, unsigned char c)
{
    if (c < 0x20 || c == 0x7F || c == ' ') {
        w->space = w->len > 0;
        return;
    }
    if (w->space) {
        if (w->len + 1 < w->size)
            w->buf[w->len] = ' ';
        w->len++;
        w->space = 0;
    }
    if (w->len + 1 < w->size)
        w->buf[w->len] = (char)c;
    w->len++;
}

/* The span [*from, *to) of a chosen enhanced code with its "#" and, for
 * qmail's "(#5.1.1)", its parentheses. */
static void status_span(const unsigned char *p, size_t n, size_t at,
                        size_t *from, size_t *to)
{
    smtpdiag_code c;
    *from = at;
    *to = at + smtpdiag__match_status(p, n, at, &c);
    if (*from > 0 && p[*from - 1] == '#')
        (*from)--;
    if (*from > 0 && p[*from - 1] == '(' && *to < n && p[*to] == ')') {
        (*from)--;
        (*to)++;
    }
}

/* Skips the codes that start a line: "550-5.7.1 ", "550 #5.1.0 ". */
static size_t skip_line_codes(const unsigned char *p, size_t n, size_t i)
{
    int reply;
    smtpdiag_code status;
    size_t k;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    if ((k = smtpdiag__match_reply(p, n, i, &reply)) != 0) {
        i += k;
        if (i < n && (p[i] == ' ' || p[i] == '-'))
            i++;
    }
    k = i < n && p[i] == '#' ? i + 1 : i;
    if (smtpdiag__match_status(p, n, k, &status))
        i = k + smtpdiag__match_status(p, n, k, &status);
    return i;
}

size_t smtpdiag_parse_text(const char *text, size_t len, char *buf, size_t size)
{
    const unsigned char *p = (const unsigned char *)text;
    struct smtpdiag__state st;
    struct writer w;
    size_t i = 0, reply_from = 0, reply_to = 0, status_from = 0, status_to = 0;

    w.buf = buf;
    w.size = buf ? size : 0;
    w.len = 0;
    w.space = 0;
    if (buf && size > 0)
        buf[0] = '\0';
    if (!p)
        return 0;
    smtpdiag__state_clear(&st);
    smtpdiag__parse(&st, text, len);
    if (st.reply_at) {
        reply_from = (size_t)st.reply_at - 1;
        reply_to = reply_from + 3;
    }
    if (st.status_at)
        status_span(p, len, (size_t)st.status_at - 1, &status_from, &status_to);

    while (i < len &&
           (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    i = smtpdiag__skip_diagnostic_type(p, len, i);
    i = skip_line_codes(p, len, i);
    while (i < len) {
        if (p[i] == '\r' || p[i] == '\n') {
            put(&w, ' ');
            i++;
            if (p[i - 1] == '\r' && i < len && p[i] == '\n')
                i++;
            i = skip_line_codes(p, len, i);
        } else if (st.reply_at && i == reply_from) {
            i = reply_to;
        } else if (st.status_at && i == status_from) {
            i = status_to;
        } else {
            put(&w, p[i++]);
        }
    }
    if (buf && size > 0)
        buf[w.len < size ? w.len : size - 1] = '\0';
    return w.len;
}
