/*
 * Header fields, Content-Type, multipart bodies and transfer encodings: what
 * reading a bounce needs of RFC 5322 and MIME (RFC 2045, 2046), on spans of
 * the caller's bytes. Every function is linear in its input.
 * SPDX-License-Identifier: MIT
 */
#include "mime.h"

#include "internal.h"

static int is_wsp(int c)
{
    return c == ' ' || c == '\t';
}

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The end of the line at i (the index of its '\n', or n) and the start of
 * the next one. */
static size_t line_end(const char *p, size_t n, size_t i, size_t *next)
{
    const char *nl = i < n ? memchr(p + i, '\n', n - i) : NULL;
    size_t end = nl ? (size_t)(nl - p) : n;
    *next = nl ? end + 1 : n;
    return end;
}

static int line_is_blank(const char *p, size_t start, size_t end)
{
    for (; start < end; start++)
        if (!is_space((unsigned char)p[start]))
            return 0;
    return 1;
}

size_t smtpdiag__header_end(const char *p, size_t n)
{
    size_t i = 0, next;
    while (i < n) {
        size_t end = line_end(p, n, i, &next);
        if (end == i || (end == i + 1 && p[i] == '\r'))
            return next;
        i = next;
    }
    return n;
}

int smtpdiag__next_field(const char *p, size_t n, size_t *pos,
                         struct smtpdiag__span *name,
                         struct smtpdiag__span *value)
{
    size_t i = *pos, next;
    while (i < n) {
        size_t end = line_end(p, n, i, &next), colon = i, name_end;
        if (line_is_blank(p, i, end) && !is_wsp((unsigned char)p[i])) {
            *pos = n; /* the blank line that ends the block */
            return 0;
        }
        while (colon < end && p[colon] != ':')
            colon++;
        name_end = colon;
        while (name_end > i && is_wsp((unsigned char)p[name_end - 1]))
            name_end--;
        if (is_wsp((unsigned char)p[i]) || colon == end || name_end == i) {
            i = next; /* a stray continuation or a line that is no field */
            continue;
        }
        name->p = p + i;
        name->n = name_end - i;
        value->p = p + colon + 1;
        /* The value runs on over continuation lines. */
        while (next < n && is_wsp((unsigned char)p[next])) {
            size_t after;
            size_t cont_end = line_end(p, n, next, &after);
            if (line_is_blank(p, next, cont_end) && after < n &&
                !is_wsp((unsigned char)p[after]))
                break; /* a blank line: the block ends */
            end = cont_end;
            next = after;
        }
        value->n = end - (colon + 1);
        *pos = next;
        return 1;
    }
    *pos = n;
    return 0;
}

int smtpdiag__span_is(struct smtpdiag__span s, const char *word)
{
    size_t i;
    for (i = 0; i < s.n; i++)
        if (!word[i] || smtpdiag__ascii_lower((unsigned char)s.p[i]) !=
                            smtpdiag__ascii_lower((unsigned char)word[i]))
            return 0;
    return word[i] == '\0';
}

int smtpdiag__find_field(const char *p, size_t n, const char *name,
                         struct smtpdiag__span *value)
{
    size_t pos = 0;
    struct smtpdiag__span field;
    while (smtpdiag__next_field(p, n, &pos, &field, value))
        if (smtpdiag__span_is(field, name))
            return 1;
    value->p = ""; /* never NULL: spans take offsets without a check */
    value->n = 0;
    return 0;
}

size_t smtpdiag__copy_value(struct smtpdiag__span v, char *buf, size_t size)
{
    size_t i, out = 0;
    int pending_space = 0;
    for (i = 0; i < v.n; i++) {
        unsigned char c = (unsigned char)v.p[i];
        if (is_space(c)) {
            pending_space = out > 0;
            continue;
        }
        if (pending_space) {
            if (out + 1 < size)
                buf[out] = ' ';
            out++;
            pending_space = 0;
        }
        if (out + 1 < size)
            buf[out] = (char)c;
        out++;
    }
    if (size > 0)
        buf[out < size ? out : size - 1] = '\0';
    return out;
}

/* Skips white space (folds included) and RFC 5322 comments. */
static size_t skip_cfws(struct smtpdiag__span s, size_t i)
{
    int depth = 0;
    for (; i < s.n; i++) {
        char c = s.p[i];
        if (c == '(')
            depth++;
        else if (c == ')' && depth > 0)
            depth--;
        else if (c == '\\' && depth > 0 && i + 1 < s.n)
            i++;
        else if (depth == 0 && !is_space((unsigned char)c))
            break;
    }
    return i;
}

int smtpdiag__content_type_is(struct smtpdiag__span ct, const char *type)
{
    size_t i = skip_cfws(ct, 0), k = 0;
    for (; type[k]; k++, i++)
        if (i >= ct.n || smtpdiag__ascii_lower((unsigned char)ct.p[i]) !=
                             (unsigned char)type[k])
            return 0;
    if (type[k - 1] == '/')
        return 1; /* "multipart/": any subtype */
    return i == ct.n || ct.p[i] == ';' || ct.p[i] == '(' ||
           is_space((unsigned char)ct.p[i]);
}

int smtpdiag__content_type_param(struct smtpdiag__span ct, const char *param,
                                 struct smtpdiag__span *value)
{
    size_t i = 0;
    while (i < ct.n && ct.p[i] != ';')
        i++;
    while (i < ct.n) {
        struct smtpdiag__span name;
        size_t start;
        i = skip_cfws(ct, i + 1); /* past ';' */
        name.p = ct.p + i;
        while (i < ct.n && ct.p[i] != '=' && ct.p[i] != ';' &&
               !is_space((unsigned char)ct.p[i]))
            i++;
        name.n = (size_t)(ct.p + i - name.p);
        i = skip_cfws(ct, i);
        if (i >= ct.n || ct.p[i] != '=')
            continue;
        i = skip_cfws(ct, i + 1);
        if (i < ct.n && ct.p[i] == '"') {
            start = ++i;
            while (i < ct.n && ct.p[i] != '"')
                i += ct.p[i] == '\\' && i + 1 < ct.n ? 2 : 1;
            value->p = ct.p + start;
            value->n = (i < ct.n ? i : ct.n) - start;
        } else {
            start = i;
            while (i < ct.n && ct.p[i] != ';' &&
                   !is_space((unsigned char)ct.p[i]))
                i++;
            value->p = ct.p + start;
            value->n = i - start;
        }
        while (i < ct.n && ct.p[i] != ';')
            i++;
        if (smtpdiag__span_is(name, param))
            return 1;
    }
    return 0;
}

int smtpdiag__transfer_encoding(struct smtpdiag__span cte)
{
    size_t start = skip_cfws(cte, 0), end = start;
    struct smtpdiag__span word;
    while (end < cte.n && !is_space((unsigned char)cte.p[end]) &&
           cte.p[end] != '(')
        end++;
    word.p = cte.n ? cte.p + start : cte.p; /* no arithmetic on NULL */
    word.n = end - start;
    if (smtpdiag__span_is(word, "base64"))
        return SMTPDIAG__CTE_BASE64;
    if (smtpdiag__span_is(word, "quoted-printable"))
        return SMTPDIAG__CTE_QUOTED_PRINTABLE;
    return SMTPDIAG__CTE_IDENTITY;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = smtpdiag__ascii_lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static size_t decode_qp(const char *p, size_t n, char *out)
{
    size_t i = 0, o = 0;
    while (i < n) {
        if (p[i] != '=') {
            out[o++] = p[i++];
            continue;
        }
        if (i + 2 < n && hex_value((unsigned char)p[i + 1]) >= 0 &&
            hex_value((unsigned char)p[i + 2]) >= 0) {
            out[o++] = (char)(hex_value((unsigned char)p[i + 1]) * 16 +
                              hex_value((unsigned char)p[i + 2]));
            i += 3;
            continue;
        }
        {
            /* A soft line break: '=', perhaps trailing blanks, the end of
             * the line. */
            size_t k = i + 1;
            while (k < n && is_wsp((unsigned char)p[k]))
                k++;
            if (k < n && p[k] == '\r')
                k++;
            if (k >= n || p[k] == '\n') {
                i = k < n ? k + 1 : n;
                continue;
            }
        }
        out[o++] = p[i++]; /* a stray '=' is kept as it is */
    }
    return o;
}

static int base64_value(int c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    return c == '/' ? 63 : -1;
}

static size_t decode_base64(const char *p, size_t n, char *out)
{
    size_t i, o = 0;
    unsigned long bits = 0;
    int count = 0;
    for (i = 0; i < n && p[i] != '='; i++) {
        int v = base64_value((unsigned char)p[i]);
        if (v < 0)
            continue; /* line breaks and anything else outside the alphabet */
        bits = (bits << 6) | (unsigned long)v;
        if (++count == 4) {
            out[o++] = (char)(bits >> 16 & 0xFF);
            out[o++] = (char)(bits >> 8 & 0xFF);
            out[o++] = (char)(bits & 0xFF);
            bits = 0;
            count = 0;
        }
    }
    if (count >= 2)
        out[o++] = (char)(bits >> (6 * count - 8) & 0xFF);
    if (count == 3)
        out[o++] = (char)(bits >> 2 & 0xFF);
    return o;
}

size_t smtpdiag__decode(int encoding, const char *p, size_t n, char *out)
{
    if (encoding == SMTPDIAG__CTE_BASE64)
        return decode_base64(p, n, out);
    if (encoding == SMTPDIAG__CTE_QUOTED_PRINTABLE)
        return decode_qp(p, n, out);
    if (n > 0)
        memcpy(out, p, n);
    return n;
}

/* Whether a delimiter line "--boundary" starts at i; *close is set for the
 * closing "--boundary--". */
static int is_delimiter(struct smtpdiag__span body,
                        struct smtpdiag__span boundary, size_t i, int *close)
{
    if (boundary.n == 0 || body.n - i < boundary.n + 2 || body.p[i] != '-' ||
        body.p[i + 1] != '-' ||
        memcmp(body.p + i + 2, boundary.p, boundary.n) != 0)
        return 0;
    i += boundary.n + 2;
    *close = body.n - i >= 2 && body.p[i] == '-' && body.p[i + 1] == '-';
    if (*close)
        i += 2;
    while (i < body.n && is_wsp((unsigned char)body.p[i]))
        i++;
    return i == body.n || body.p[i] == '\r' || body.p[i] == '\n';
}

/* The next delimiter line at or after the line start `from`. */
static size_t find_delimiter(struct smtpdiag__span body,
                             struct smtpdiag__span boundary, size_t from,
                             int *close)
{
    size_t i = from, next;
    while (i < body.n) {
        if (is_delimiter(body, boundary, i, close))
            return i;
        line_end(body.p, body.n, i, &next);
        i = next;
    }
    return body.n;
}

/* *pos: 0 before the first delimiter; then the start of the next part; n+1
 * after the last. */
int smtpdiag__next_part(struct smtpdiag__span body,
                        struct smtpdiag__span boundary, size_t *pos,
                        struct smtpdiag__span *part)
{
    size_t start = *pos, next, end;
    int close = 0;
    if (start > body.n)
        return 0;
    if (start == 0) {
        size_t first = find_delimiter(body, boundary, 0, &close);
        if (first == body.n || close) {
            *pos = body.n + 1;
            return 0;
        }
        line_end(body.p, body.n, first, &start);
    }
    end = find_delimiter(body, boundary, start, &close);
    if (end == body.n) {
        *pos = body.n + 1; /* cut short: the rest is the last part */
    } else {
        line_end(body.p, body.n, end, &next);
        *pos = close ? body.n + 1 : next;
    }
    part->p = body.p + start;
    part->n = end - start;
    /* The line break before the delimiter belongs to the delimiter. */
    if (end < body.n && part->n > 0 && part->p[part->n - 1] == '\n')
        part->n--;
    if (end < body.n && part->n > 0 && part->p[part->n - 1] == '\r')
        part->n--;
    return 1;
}
