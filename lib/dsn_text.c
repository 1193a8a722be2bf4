/*
 * Plain-text bounces: the shapes of the notices that MTAs send without a
 * delivery-status part, each recognised by the sentence that introduces its
 * list of recipients (docs/dsn.md lists them):
 *
 *   angle     qmail, Postfix, Yahoo, OpenSMTPD: "<user@example.com>:" (or
 *             "user@example.com:") then the reply
 *   exim      Exim: "  user@example.com" indented two, the reply below it
 *   sendmail  Sendmail: "<user@example.com>" then "(reason: ...)"
 *   exchange  Exchange: "  user@example.com on <date>", the reply indented
 *   domino    Domino: "was not delivered to:" the address, "because:" why
 *
 * Every function is linear in the text; nothing is allocated.
 * SPDX-License-Identifier: MIT
 */
#include "dsn.h"

#include "internal.h"

enum {
    SHAPE_NONE,
    SHAPE_ANGLE,
    SHAPE_EXIM,
    SHAPE_SENDMAIL,
    SHAPE_EXCHANGE,
    SHAPE_DOMINO
};

size_t smtpdiag__find_ci(const char *p, size_t n, size_t from,
                         const char *needle)
{
    size_t m = strlen(needle), i, k;
    int first = smtpdiag__ascii_lower((unsigned char)needle[0]);
    for (i = from; m > 0 && i + m <= n; i++) {
        if (smtpdiag__ascii_lower((unsigned char)p[i]) != first)
            continue;
        for (k = 1; k < m; k++)
            if (smtpdiag__ascii_lower((unsigned char)p[i + k]) !=
                smtpdiag__ascii_lower((unsigned char)needle[k]))
                break;
        if (k == m)
            return i;
    }
    return n;
}

struct intro {
    const char *text;
    int shape;
    int delayed;
};

/* Sentences that introduce a list of recipients, most specific first. */
static const struct intro intros[] = {
    {"following address(es) failed:", SHAPE_EXIM, 0},
    {"has not yet been delivered is:", SHAPE_EXIM, 1},
    {"have not yet been delivered are:", SHAPE_EXIM, 1},
    {"following address(es) deferred", SHAPE_EXIM, 1},
    {"had permanent fatal errors", SHAPE_SENDMAIL, 0},
    {"had transient non-fatal errors", SHAPE_SENDMAIL, 1},
    {"recipient(s) could not be reached:", SHAPE_EXCHANGE, 0},
    {"recipient(s) cannot be reached:", SHAPE_EXCHANGE, 0},
    {"qmail-send program", SHAPE_ANGLE, 0},
    {"This is the mail system at host", SHAPE_ANGLE, 0},
    {"could not be delivered to one or more recipients", SHAPE_ANGLE, 0},
    {"unable to deliver your message to the following", SHAPE_ANGLE, 0},
    {"list of recipients:", SHAPE_ANGLE, 0},
    {"was not delivered to:", SHAPE_DOMINO, 0},
};

/* Postfix marks delay warnings so; other shapes say it in their intro. */
static const char *const delay_marks[] = {"THIS IS A WARNING ONLY",
                                          "Delivery attempts will continue",
                                          "only a temporary failure report"};

static size_t line_after(const char *p, size_t n, size_t i)
{
    const char *nl = i < n ? memchr(p + i, '\n', n - i) : NULL;
    return nl ? (size_t)(nl - p) + 1 : n;
}

/* The end of the line at i, without its line break. */
static size_t line_stop(const char *p, size_t n, size_t i)
{
    size_t next = line_after(p, n, i);
    if (next > i && next <= n && p[next - 1] == '\n')
        next--;
    if (next > i && p[next - 1] == '\r')
        next--;
    return next;
}

static size_t indent_of(const char *p, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && (p[k] == ' ' || p[k] == '\t'))
        k++;
    return k - i;
}

static int is_blank_line(const char *p, size_t n, size_t i)
{
    size_t stop = line_stop(p, n, i);
    return i + indent_of(p, stop, i) == stop;
}

int smtpdiag__text_shape(const char *p, size_t n, size_t *start,
                         uint8_t *delayed)
{
    size_t i, best = n;
    int shape = SHAPE_NONE;
    *delayed = 0;
    for (i = 0; i < sizeof intros / sizeof intros[0]; i++) {
        size_t at = smtpdiag__find_ci(p, n, 0, intros[i].text);
        if (at < best) {
            best = at;
            shape = intros[i].shape;
            *delayed = (uint8_t)intros[i].delayed;
        }
    }
    if (shape == SHAPE_NONE)
        return SHAPE_NONE;
    for (i = 0; i < sizeof delay_marks / sizeof delay_marks[0]; i++)
        if (smtpdiag__find_ci(p, n, 0, delay_marks[i]) < n)
            *delayed = 1;
    *start = line_after(p, n, best);
    {
        /* Only a shape that names at least one recipient counts. */
        struct smtpdiag__span r, dg;
        size_t pos = *start;
        if (!smtpdiag__text_next(shape, p, n, &pos, &r, &dg))
            return SHAPE_NONE;
    }
    return shape;
}

/* The first word of [i, stop) that holds an '@', without <> and quotes. */
static int address_in(const char *p, size_t i, size_t stop,
                      struct smtpdiag__span *out)
{
    while (i < stop) {
        size_t k, at = 0;
        while (i < stop && (p[i] == ' ' || p[i] == '\t'))
            i++;
        for (k = i; k < stop && p[k] != ' ' && p[k] != '\t'; k++)
            if (p[k] == '@')
                at = k;
        if (at) {
            while (i < k && (p[i] == '<' || p[i] == '\'' || p[i] == '"'))
                i++;
            while (k > i &&
                   (p[k - 1] == '>' || p[k - 1] == ':' || p[k - 1] == '\'' ||
                    p[k - 1] == '"' || p[k - 1] == ','))
                k--;
            out->p = p + i;
            out->n = k - i;
            return k > i;
        }
        i = k;
    }
    return 0;
}

/* The lines after `from` up to a blank line or, with min_indent > 0, a
 * line indented less. */
static struct smtpdiag__span paragraph(const char *p, size_t n, size_t from,
                                       size_t min_indent, size_t *after)
{
    struct smtpdiag__span s = {p + from, 0};
    size_t i = from, end = from;
    while (i < n && !is_blank_line(p, n, i) &&
           (min_indent == 0 || indent_of(p, n, i) >= min_indent)) {
        end = line_stop(p, n, i);
        i = line_after(p, n, i);
    }
    s.n = end - from;
    *after = i;
    return s;
}

/* "<user@example.com>:" at the start of a line (Postfix may put
 * " (expanded from <alias>)" before the colon); the reply follows, on the
 * same line (Postfix) or the next (qmail). */
static int next_angle(const char *p, size_t n, size_t *pos,
                      struct smtpdiag__span *rcpt, struct smtpdiag__span *diag)
{
    size_t i = *pos;
    for (; i < n; i = line_after(p, n, i)) {
        size_t stop = line_stop(p, n, i), close, colon;
        if (p[i] != '<') {
            /* OpenSMTPD: "user@example.com: reply" */
            for (close = i; close < stop && p[close] > ' '; close++)
                ;
            if (close - i < 4 || p[close - 1] != ':' ||
                !memchr(p + i, '@', close - i))
                continue;
            rcpt->p = p + i;
            rcpt->n = close - 1 - i;
            colon = close;
            if (is_blank_line(p, n, colon))
                colon = line_after(p, n, colon);
            *diag = paragraph(p, n, colon, 0, pos);
            return 1;
        }
        for (close = i; close < stop && p[close] != '>'; close++)
            ;
        if (close == stop || !memchr(p + i, '@', close - i))
            continue;
        colon = close + 1;
        if (colon < stop && p[colon] == ' ' && colon + 1 < stop &&
            p[colon + 1] == '(')
            while (colon < stop && p[colon] != ')')
                colon++;
        if (colon < stop && p[colon] == ')')
            colon++;
        if (colon >= stop || p[colon] != ':')
            continue;
        rcpt->p = p + i + 1;
        rcpt->n = close - i - 1;
        colon++;
        if (is_blank_line(p, n, colon)) /* qmail: the reply on the next line */
            colon = line_after(p, n, colon);
        *diag = paragraph(p, n, colon, 0, pos);
        return 1;
    }
    *pos = n;
    return 0;
}

/* Exim: the address indented by two, the reply indented further below. */
static int next_exim(const char *p, size_t n, size_t *pos,
                     struct smtpdiag__span *rcpt, struct smtpdiag__span *diag)
{
    size_t i = *pos;
    for (; i < n; i = line_after(p, n, i)) {
        size_t stop = line_stop(p, n, i), indent = indent_of(p, stop, i);
        if (smtpdiag__find_ci(p, stop, i, "------ This is a copy") < stop)
            break;
        if (indent < 1 || indent > 3 || !address_in(p, i, stop, rcpt))
            continue;
        *diag = paragraph(p, n, line_after(p, n, i), indent + 1, pos);
        if (diag->n == 0) /* the reply on the address's own line */
            diag->p = rcpt->p + rcpt->n, diag->n = (size_t)(p + stop - diag->p);
        return 1;
    }
    *pos = n;
    return 0;
}

/* Sendmail: "<user@example.com>" then "    (reason: 550 5.1.1 ...)". */
static int next_sendmail(const char *p, size_t n, size_t *pos,
                         struct smtpdiag__span *rcpt,
                         struct smtpdiag__span *diag)
{
    size_t i = *pos;
    for (; i < n; i = line_after(p, n, i)) {
        size_t stop = line_stop(p, n, i), k;
        if (p[i] == '-' && stop - i > 5 && p[i + 1] == '-')
            break; /* "----- Transcript of session follows -----" */
        if (indent_of(p, stop, i) > 0 || !address_in(p, i, stop, rcpt))
            continue;
        *diag = paragraph(p, n, line_after(p, n, i), 1, pos);
        k = smtpdiag__find_ci(diag->p, diag->n, 0, "(reason:");
        if (k < diag->n) {
            size_t end = k + 8;
            while (end < diag->n && diag->p[end] != ')' && diag->p[end] != '\n')
                end++;
            diag->p += k + 8;
            diag->n = end - k - 8;
        }
        return 1;
    }
    *pos = n;
    return 0;
}

/* Exchange: "      user@example.com on 11/2/2026 10:00 AM", the reply
 * indented further below it. */
static int next_exchange(const char *p, size_t n, size_t *pos,
                         struct smtpdiag__span *rcpt,
                         struct smtpdiag__span *diag)
{
    size_t i = *pos;
    for (; i < n; i = line_after(p, n, i)) {
        size_t stop = line_stop(p, n, i), indent = indent_of(p, stop, i);
        if (indent == 0 && !is_blank_line(p, n, i) && i > *pos)
            break; /* the list ends where unindented text resumes */
        if (indent == 0 || !address_in(p, i, stop, rcpt))
            continue;
        *diag = paragraph(p, n, line_after(p, n, i), indent + 1, pos);
        return 1;
    }
    *pos = n;
    return 0;
}

/* Domino: the address indented after the intro, then "because:" and the
 * reason indented after it. */
static int next_domino(const char *p, size_t n, size_t *pos,
                       struct smtpdiag__span *rcpt, struct smtpdiag__span *diag)
{
    size_t i = *pos, because;
    for (; i < n; i = line_after(p, n, i)) {
        size_t stop = line_stop(p, n, i);
        if (indent_of(p, stop, i) > 0 && address_in(p, i, stop, rcpt))
            break;
        if (indent_of(p, stop, i) == 0 && !is_blank_line(p, n, i))
            i = n - 1; /* the list has ended */
    }
    if (i >= n) {
        *pos = n;
        return 0;
    }
    because = smtpdiag__find_ci(p, n, i, "because:");
    if (because == n) {
        diag->p = p + n;
        diag->n = 0;
        *pos = n;
        return 1;
    }
    i = line_after(p, n, because);
    while (i < n && is_blank_line(p, n, i))
        i = line_after(p, n, i);
    *diag = paragraph(p, n, i, 0, pos);
    *pos = n; /* one recipient per notice */
    return 1;
}

static struct smtpdiag__span from(struct smtpdiag__span s, size_t at)
{
    s.p += at;
    s.n -= at;
    return s;
}

/* The first reply code (three digits, 2xx-5xx, standing alone) at or after
 * `at`, or s.n. */
static size_t first_reply_code(struct smtpdiag__span s, size_t at)
{
    for (; at + 3 <= s.n; at++) {
        const char *c = s.p + at;
        if (c[0] >= '2' && c[0] <= '5' && c[1] >= '0' && c[1] <= '9' &&
            c[2] >= '0' && c[2] <= '9' &&
            (at == 0 || c[-1] == ' ' || c[-1] == '\t' || c[-1] == '\n' ||
             c[-1] == ':' || c[-1] == ';') &&
            (at + 3 == s.n || c[3] == ' ' || c[3] == '-' || c[3] == '\r' ||
             c[3] == '\n'))
            return at;
    }
    return s.n;
}

/* The remote server's own reply inside an MTA's account of the failure:
 *   Exchange  "<mx.example.net #5.1.1 smtp;550 5.1.1 User unknown>"
 *   qmail     "Remote host said: 550 ... Giving up on 192.0.2.1."
 *   Postfix   "host mx.example.net[192.0.2.1] said: 550 ..."
 *   Exim      "SMTP error from remote mail server after RCPT TO:<x>: 550 ..."
 * Without one of these, the whole account. */
static struct smtpdiag__span remote_reply(struct smtpdiag__span d)
{
    size_t at = smtpdiag__find_ci(d.p, d.n, 0, " smtp;");
    if (at < d.n && smtpdiag__find_ci(d.p, at, 0, " #") < at) {
        size_t end;
        d = from(d, at + 6);
        end = d.n;
        while (end > 0 && d.p[end - 1] != '>')
            end--;
        if (end > 0)
            d.n = end - 1;
        return d;
    }
    at = smtpdiag__find_ci(d.p, d.n, 0, " said:");
    if (at < d.n) {
        size_t stop;
        d = from(d, at + 6);
        stop = smtpdiag__find_ci(d.p, d.n, 0, "Giving up on");
        d.n = stop;
        return d;
    }
    at = smtpdiag__find_ci(d.p, d.n, 0, "SMTP error from remote mail");
    if (at < d.n) {
        size_t code = first_reply_code(d, at);
        if (code < d.n)
            return from(d, code);
    }
    return d;
}

int smtpdiag__text_next(int shape, const char *p, size_t n, size_t *pos,
                        struct smtpdiag__span *rcpt,
                        struct smtpdiag__span *diag)
{
    int found;
    switch (shape) {
    case SHAPE_ANGLE:
        found = next_angle(p, n, pos, rcpt, diag);
        break;
    case SHAPE_EXIM:
        found = next_exim(p, n, pos, rcpt, diag);
        break;
    case SHAPE_SENDMAIL:
        found = next_sendmail(p, n, pos, rcpt, diag);
        break;
    case SHAPE_EXCHANGE:
        found = next_exchange(p, n, pos, rcpt, diag);
        break;
    case SHAPE_DOMINO:
        found = next_domino(p, n, pos, rcpt, diag);
        break;
    default:
        found = 0;
        *pos = n;
    }
    if (found)
        *diag = remote_reply(*diag);
    return found;
}
