/*
 * Reading replies: finding the basic reply code and the enhanced status code
 * in a reply line, a multi-line reply, a DSN diagnostic or a log line. One
 * pass over the bytes, bounded look-ahead at each position, no allocation.
 * The precedence rule it implements is written down in docs/precedence.md.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_eol(unsigned char c)
{
    return c == '\r' || c == '\n';
}

/* Space as MTAs write it, including qmail's logs, which turn spaces into
 * underscores ("Remote_host_said:_550_5.1.1"). */
static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '_';
}

/* A code may not continue a word or a dotted number (IP addresses,
 * versions): "a5.1.1", "192.0.2.5.1.1" and "10.4.4.1" hold no code. */
static int starts_token(const unsigned char *p, size_t i)
{
    return i == 0 || (!is_alnum(p[i - 1]) && p[i - 1] != '.');
}

/* A reply code at p[i]: [2-5][0-9][0-9] then a space, '-', end of line or
 * end of input. Returns its length (3) or 0. */
size_t smtpdiag__match_reply(const unsigned char *p, size_t n, size_t i,
                             int *code)
{
    if (i + 3 > n || p[i] < '2' || p[i] > '5' || !is_digit(p[i + 1]) ||
        !is_digit(p[i + 2]) || !starts_token(p, i))
        return 0;
    if (i + 3 < n && !is_blank(p[i + 3]) && p[i + 3] != '-' &&
        !is_eol(p[i + 3]))
        return 0;
    *code = (p[i] - '0') * 100 + (p[i + 1] - '0') * 10 + (p[i + 2] - '0');
    return 3;
}

/* A reply code in parentheses, as client libraries report one:
 * "SMTP Error (550): ...", "SMTPDataError: (554, b'5.7.1 ...')". */
static size_t match_paren_reply(const unsigned char *p, size_t n, size_t i,
                                int *code)
{
    if (i == 0 || p[i - 1] != '(' || i + 4 > n || p[i] < '2' || p[i] > '5' ||
        !is_digit(p[i + 1]) || !is_digit(p[i + 2]) ||
        (p[i + 3] != ')' && p[i + 3] != ','))
        return 0;
    *code = (p[i] - '0') * 100 + (p[i + 1] - '0') * 10 + (p[i + 2] - '0');
    return 3;
}

/* 1 to 3 digits without a leading zero; returns the count or 0. */
static size_t number(const unsigned char *p, size_t n, size_t i,
                     unsigned *value)
{
    size_t k = 0;
    *value = 0;
    while (i + k < n && is_digit(p[i + k]) && k < 4)
        *value = *value * 10 + (unsigned)(p[i + k++] - '0');
    if (k == 0 || k > 3 || (k > 1 && p[i] == '0'))
        return 0;
    return k;
}

/* An enhanced status code at p[i] (RFC 3463 section 2), not glued to a
 * following digit, letter or ".digit". Returns its length or 0. */
size_t smtpdiag__match_status(const unsigned char *p, size_t n, size_t i,
                              smtpdiag_code *code)
{
    unsigned subject, detail;
    size_t a, b, end;
    if (i + 5 > n || (p[i] != '2' && p[i] != '4' && p[i] != '5') ||
        p[i + 1] != '.' || !starts_token(p, i))
        return 0;
    a = number(p, n, i + 2, &subject);
    if (a == 0 || i + 2 + a >= n || p[i + 2 + a] != '.')
        return 0;
    b = number(p, n, i + 3 + a, &detail);
    if (b == 0)
        return 0;
    end = i + 3 + a + b;
    if (end < n && (is_alnum(p[end]) ||
                    (p[end] == '.' && end + 1 < n && is_digit(p[end + 1]))))
        return 0;
    *code = SMTPDIAG_CODE(p[i] - '0', subject, detail);
    return end - i;
}

/* Skips what may stand between a reply code and its enhanced code:
 * "550 5.1.1", "550-5.1.1", "550 #5.1.0", "550-'5.2.2", a folded line
 * ("said: 550\n    5.1.1"). Sets *quote when a quotation mark opens. */
static size_t skip_to_status(const unsigned char *p, size_t n, size_t i,
                             int *quote)
{
    size_t k = 0;
    *quote = 0;
    while (i < n && (is_blank(p[i]) || p[i] == '-') && k++ < 4)
        i++;
    if (i < n && is_eol(p[i])) { /* a fold: end of line, then indentation */
        size_t j = i;
        while (j < n && is_eol(p[j]) && j - i < 2)
            j++;
        if (j < n && is_blank(p[j])) {
            while (j < n && is_blank(p[j]) && j - i < 40)
                j++;
            i = j;
        }
    }
    while (i < n && (p[i] == '#' || p[i] == '\'' || p[i] == '"') && k++ < 6) {
        *quote |= p[i] != '#';
        i++;
    }
    return i;
}

/* What may start a line before a reply: indentation, and the direction
 * marks of an SMTP transcript ("<<< 550 ...", in Sendmail's bounces). */
static size_t skip_line_prefix(const unsigned char *p, size_t n, size_t i)
{
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    if (i + 4 <= n && p[i + 3] == ' ' &&
        ((p[i] == '<' && p[i + 1] == '<' && p[i + 2] == '<') ||
         (p[i] == '>' && p[i + 1] == '>' && p[i + 2] == '>')))
        i += 4;
    return i;
}

/* Whether the reply at p[i] opens a nested quotation: "... '451 ...",
 * "(451 ...", "[Message=451 ...", "LED=450 ...". */
static int opens_quotation(const unsigned char *p, size_t i)
{
    unsigned char c = i > 0 ? p[i - 1] : 0;
    return c == '\'' || c == '"' || c == '(' || c == '[' || c == '<' ||
           c == '=';
}

/* Whether a diagnostic type ("x-unix; ") names a local delivery program. */
static int is_unix_type(const unsigned char *p, size_t n)
{
    static const char type[] = "x-unix;";
    size_t k;
    if (n < sizeof type - 1)
        return 0;
    for (k = 0; k + 1 < sizeof type; k++)
        if (smtpdiag__ascii_lower(p[k]) != (unsigned char)type[k])
            return 0;
    return 1;
}

/* A DSN field name before its value: "Diagnostic-Code: smtp; 554 ...". */
static size_t skip_field_name(const unsigned char *p, size_t n, size_t i)
{
    static const char name[] = "diagnostic-code:";
    size_t k;
    for (k = 0; k + 1 < sizeof name; k++)
        if (i + k >= n ||
            smtpdiag__ascii_lower(p[i + k]) != (unsigned char)name[k])
            return i;
    for (i += k; i < n && (p[i] == ' ' || p[i] == '\t'); i++)
        ;
    return i;
}

/* A DSN diagnostic type before the reply: "smtp; ", "X-Postfix; ". */
size_t smtpdiag__skip_diagnostic_type(const unsigned char *p, size_t n,
                                      size_t i)
{
    size_t k = i;
    while (k < n && k - i < 40 && (is_alnum(p[k]) || p[k] == '-'))
        k++;
    if (k == i || k >= n || p[k] != ';' || !(p[i] >= 'A'))
        return i;
    for (k++; k < n && (p[k] == ' ' || p[k] == '\t'); k++)
        ;
    return k;
}

/* Case-insensitive "said:" at p[i], as in Postfix's "host X said: 550 ...". */
static int at_said(const unsigned char *p, size_t n, size_t i)
{
    static const char word[] = "said:";
    size_t k;
    if (i + 5 > n)
        return 0;
    for (k = 0; k < 5; k++)
        if (smtpdiag__ascii_lower(p[i + k]) != word[k])
            return 0;
    return 1;
}

/* A quotation mark before the reply: "... with message \"554 DT:SPM ...". */
static int opens_quote_mark(const unsigned char *p, size_t i)
{
    return i > 0 && (p[i - 1] == '\'' || p[i - 1] == '"');
}

/* Whether the word before the colon at p[colon] names a number in a log
 * line ("time: 431", "size: 550"), not a reply. */
static int numeric_field(const unsigned char *p, size_t colon)
{
    static const char *const fields[] = {"time", "delay", "size", "port",
                                         "pid",  "mid",   "id",   "len"};
    size_t start = colon, k, j, n;
    while (start > 0 && is_alnum(p[start - 1]))
        start--;
    for (k = 0; k < sizeof fields / sizeof fields[0]; k++) {
        n = strlen(fields[k]);
        if (colon - start != n)
            continue;
        for (j = 0; j < n; j++)
            if (smtpdiag__ascii_lower(p[start + j]) !=
                (unsigned char)fields[k][j])
                break;
        if (j == n)
            return 1;
    }
    return 0;
}

/* Words that introduce a reply in prose: "...Exception: 554 ...",
 * "[ip]: 501 ...", "DATA:554 ...", "Permanent Error 550 ...". Such a reply
 * counts only when nothing better was found. */
static int introduces_reply(const unsigned char *p, size_t i)
{
    static const char error[] = "error ";
    size_t k;
    if (i >= 1 && p[i - 1] == ':' && (i < 2 || !is_digit(p[i - 2])))
        return !numeric_field(p, i - 1);
    if (i >= 2 && p[i - 1] == ' ' && p[i - 2] == ':')
        return !numeric_field(p, i - 2);
    if (i < 6)
        return 0;
    for (k = 0; k < 6; k++)
        if (smtpdiag__ascii_lower(p[i - 6 + k]) != error[k])
            return 0;
    return 1;
}

/* The bytes at which the loop below has something to check: a line end,
 * the colon of "said:" (rarer than its 's'), a reply code (2-5, also in
 * parentheses) or an enhanced code (2, 4, 5). */
static const unsigned char may_start[256] = {
    ['\n'] = 1, ['\r'] = 1, [':'] = 1, ['2'] = 1,
    ['3'] = 1,  ['4'] = 1,  ['5'] = 1};

/* The first index from i on where may_start holds, or n: most bytes are
 * passed over here, four to a loop test. */
static size_t next_start(const unsigned char *p, size_t n, size_t i)
{
    for (; i + 4 <= n; i += 4) {
        if (may_start[p[i]])
            return i;
        if (may_start[p[i + 1]])
            return i + 1;
        if (may_start[p[i + 2]])
            return i + 2;
        if (may_start[p[i + 3]])
            return i + 3;
    }
    while (i < n && !may_start[p[i]])
        i++;
    return i;
}

/* What every reply code starts with, tested inline before the full match:
 * most digits in a text are not the start of one. */
static int three_digits(const unsigned char *p, size_t n, size_t i)
{
    return i + 3 <= n && p[i] >= '2' && p[i] <= '5' && is_digit(p[i + 1]) &&
           is_digit(p[i + 2]);
}

struct found {
    int reply;
    smtpdiag_code status;
    size_t reply_at, status_at; /* byte offsets, valid when the code is set */
    int quoted;                 /* a quotation mark stood between them */
};

/* A reply code and the enhanced code right after it, at p[i]. */
static size_t match_reply_and_status(const unsigned char *p, size_t n, size_t i,
                                     struct found *f)
{
    int code = 0, paren = 0;
    size_t len = smtpdiag__match_reply(p, n, i, &code), j, s;
    if (!len) {
        len = match_paren_reply(p, n, i, &code);
        paren = len != 0;
    }
    if (!len)
        return 0;
    memset(f, 0, sizeof *f);
    f->reply = code;
    f->reply_at = i;
    j = skip_to_status(p, n, i + len, &f->quoted);
    f->quoted |= paren; /* "(550)" is a reply reported by a client */
    s = smtpdiag__match_status(p, n, j, &f->status);
    f->status_at = j;
    return s ? j + s - i : len;
}

static void use_status(struct smtpdiag__state *st, const struct found *f)
{
    st->status = f->status;
    st->status_at = f->status ? (uint64_t)f->status_at + 1 : 0;
}

/*
 * Candidates, in the order of docs/precedence.md:
 *   quoted  the last reply quoted inside a wrapper ("said: 550 ...",
 *           "returned '550 5.1.10 ...'", "error 550-'5.2.2 ...'"): the
 *           innermost quotation is the remote server's own reply
 *   lead    the codes at the start of the text ("550 5.1.1", "smtp; 550",
 *           "5.1.1", "2.1.5 250")
 *   line    the first reply code at the start of a later line, when the
 *           text itself starts with prose ("... after RCPT TO:<x>:\n550 ...")
 *   loose   the first free-standing enhanced code ("(#5.1.1)", "dsn=5.0.0")
 */
int smtpdiag__parse(struct smtpdiag__state *st, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    struct found lead, quoted, line, intro, loose, f;
    const struct found *reply;
    size_t i = 0, lead_end;
    int at_line_start = 0;

    memset(&lead, 0, sizeof lead);
    memset(&quoted, 0, sizeof quoted);
    memset(&line, 0, sizeof line);
    memset(&intro, 0, sizeof intro);
    memset(&loose, 0, sizeof loose);
    memset(&f, 0, sizeof f);
    if (!p)
        len = 0;
    while (i < len && (p[i] == ' ' || p[i] == '\t' || is_eol(p[i])))
        i++;
    i = skip_line_prefix(p, len, i);
    i = skip_field_name(p, len, i);
    {
        size_t type = i, k;
        i = smtpdiag__skip_diagnostic_type(p, len, i);
        /* "x-unix; 255": a local program's exit status, not a reply */
        k = i > type && is_unix_type(p + type, i - type)
                ? 0
                : match_reply_and_status(p, len, i, &lead);
        if (k == 0) {
            size_t j = i < len && p[i] == '#' ? i + 1 : i;
            if ((k = smtpdiag__match_status(p, len, j, &lead.status)) != 0) {
                size_t r = j + k;
                lead.status_at = j;
                k += j - i;
                while (r < len && p[r] == ' ')
                    r++;
                if (smtpdiag__match_reply(p, len, r, &lead.reply)) {
                    lead.reply_at = r; /* "2.1.5 250 OK" */
                    k = r + 3 - i;
                }
            }
        }
        lead_end = i + k;
    }

    for (i = lead_end; i < len; i++) {
        if (!may_start[p[i]]) {
            i = next_start(p, len, i + 1) - 1;
            at_line_start = 0;
            continue;
        }
        if (is_eol(p[i])) {
            /* indentation and transcript marks keep a line's start */
            i = skip_line_prefix(p, len, i + 1) - 1;
            at_line_start = 1;
            continue;
        }
        if (p[i] == ':') { /* nothing else starts at a colon */
            size_t j = i + 1;
            at_line_start = 0;
            if (i < lead_end + 4 || !at_said(p, len, i - 4))
                continue;
            while (j < len && is_blank(p[j]))
                j++;
            if (match_reply_and_status(p, len, j, &f))
                quoted = f;
            continue;
        }
        if (at_line_start) {
            if (!line.reply && match_reply_and_status(p, len, i, &f))
                line = f;
        } else if (three_digits(p, len, i) &&
                   match_reply_and_status(p, len, i, &f)) {
            if ((f.status || f.quoted || opens_quote_mark(p, i)) &&
                (f.reply != lead.reply || f.status != lead.status) &&
                (!quoted.reply || opens_quotation(p, i)))
                /* The first reply quoted in the text, or one nested deeper
                 * in it; a repetition of the lead's codes is no quotation. */
                quoted = f;
            else if (!intro.reply && introduces_reply(p, i))
                intro = f;
        }
        at_line_start = 0;
        if (!loose.status && i + 5 <= len && p[i + 1] == '.' &&
            smtpdiag__match_status(p, len, i, &loose.status))
            loose.status_at = i;
    }

    reply = quoted.reply  ? &quoted
            : lead.reply  ? &lead
            : line.reply  ? &line
            : intro.reply ? &intro
                          : NULL;
    st->reply_code = (int16_t)(reply ? reply->reply : 0);
    st->reply_at = reply ? (uint64_t)reply->reply_at + 1 : 0;
    /* The enhanced code that belongs to the chosen reply; else the
     * wrapper's; else a free-standing one of the same class. */
    if (reply && reply->status)
        use_status(st, reply);
    else if (lead.status)
        use_status(st, &lead);
    else if (loose.status && (!reply || (unsigned)reply->reply / 100 ==
                                            SMTPDIAG_CODE_CLASS(loose.status)))
        use_status(st, &loose);
    else
        st->status = 0, st->status_at = 0;

    st->severity =
        (uint8_t)(st->reply_code ? smtpdiag_reply_severity(st->reply_code)
                                 : smtpdiag_status_severity(st->status));
    return st->reply_code || st->status ? SMTPDIAG_OK : SMTPDIAG_ERR_NO_CODE;
}

int smtpdiag_parse(smtpdiag_result *r, const char *text, size_t len)
{
    struct smtpdiag__state s;
    int rc;
    if (!r)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    smtpdiag__state_clear(&s);
    if (!text && len > 0) {
        smtpdiag__state_store(r, &s);
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    }
    rc = smtpdiag__parse(&s, text, len);
    s.command =
        (uint8_t)smtpdiag__find_command(text, len, s.reply_code, s.status);
    smtpdiag__state_store(r, &s);
    return rc;
}
