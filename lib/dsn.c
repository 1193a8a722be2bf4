/*
 * Reading bounces: finds the delivery-status part of a message (or takes a
 * bare DSN body, or a plain-text bounce), and walks its recipients one
 * block at a time. The cursor holds spans into the caller's message and
 * scratch buffer, so its size never depends on the number of recipients.
 * SPDX-License-Identifier: MIT
 */
#include "dsn.h"

#include "internal.h"

typedef char smtpdiag__dsn_fits
    [sizeof(struct smtpdiag__dsn) <= sizeof(smtpdiag_dsn) ? 1 : -1];

void smtpdiag__dsn_load(struct smtpdiag__dsn *v, const smtpdiag_dsn *d)
{
    memcpy(v, d, sizeof *v);
}

void smtpdiag__dsn_store(smtpdiag_dsn *d, const struct smtpdiag__dsn *v)
{
    memcpy(d, v, sizeof *v);
}

/* Nested multiparts deeper than this are not entered (a bounce nests two
 * or three); it bounds the work on hostile input. */
#define MAX_DEPTH    8
/* RFC 2046 allows 70 characters; a longer boundary is not entered, so that
 * the search for delimiter lines stays linear. */
#define MAX_BOUNDARY 200

struct found {
    struct smtpdiag__span dsn, dsn_cte; /* the delivery-status part */
    struct smtpdiag__span orig, orig_cte;
    int orig_is_message; /* message/rfc822: its header section is wanted */
    struct smtpdiag__span text, text_cte;
};

static struct smtpdiag__span field_or_empty(struct smtpdiag__span headers,
                                            const char *name)
{
    struct smtpdiag__span v;
    smtpdiag__find_field(headers.p, headers.n, name, &v);
    return v;
}

/* Looks at one MIME entity (headers + body) and records the parts wanted. */
static void visit(struct smtpdiag__span entity, int depth, struct found *f)
{
    size_t hend = smtpdiag__header_end(entity.p, entity.n);
    struct smtpdiag__span headers = {entity.p, hend};
    struct smtpdiag__span body = {entity.p + hend, entity.n - hend};
    struct smtpdiag__span ct = field_or_empty(headers, "Content-Type");
    struct smtpdiag__span cte =
        field_or_empty(headers, "Content-Transfer-Encoding");

    if (smtpdiag__content_type_is(ct, "multipart/")) {
        struct smtpdiag__span boundary, part;
        size_t pos = 0;
        if (depth >= MAX_DEPTH ||
            !smtpdiag__content_type_param(ct, "boundary", &boundary) ||
            boundary.n > MAX_BOUNDARY)
            return;
        while (smtpdiag__next_part(body, boundary, &pos, &part))
            visit(part, depth + 1, f);
    } else if (smtpdiag__content_type_is(ct, "message/delivery-status") ||
               smtpdiag__content_type_is(ct,
                                         "message/global-delivery-status")) {
        if (!f->dsn.p) {
            f->dsn = body;
            f->dsn_cte = cte;
        }
    } else if (smtpdiag__content_type_is(ct, "message/rfc822") ||
               smtpdiag__content_type_is(ct, "message/global") ||
               smtpdiag__content_type_is(ct, "text/rfc822-headers") ||
               smtpdiag__content_type_is(ct, "message/global-headers")) {
        if (!f->orig.p) {
            f->orig = body;
            f->orig_cte = cte;
            f->orig_is_message = smtpdiag__content_type_is(ct, "message/");
        }
    } else if ((ct.n == 0 || smtpdiag__content_type_is(ct, "text/plain")) &&
               !f->text.p && depth > 0) {
        f->text = body;
        f->text_cte = cte;
    }
}

/* Whether the text starts with a header field ("Name: value"); if not,
 * it has no header section and is all body. */
static int starts_with_field(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && p[i] > ' ' && p[i] < 127 && p[i] != ':')
        i++;
    return i > 0 && i < n && p[i] == ':';
}

/* A field only a DSN body starts with: the input is a bare DSN. */
static int looks_like_dsn(const char *p, size_t n)
{
    static const char *const names[] = {
        "Reporting-MTA", "Final-Recipient",      "Original-Recipient",
        "Arrival-Date",  "Original-Envelope-Id", "Received-From-MTA"};
    size_t hend = smtpdiag__header_end(p, n), i;
    struct smtpdiag__span v;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (smtpdiag__find_field(p, hend, names[i], &v))
            return 1;
    return 0;
}

/* Puts a part's body where it can be read: in place, or decoded into the
 * scratch buffer. Returns 0 when the scratch buffer is too small. */
static int place(struct smtpdiag__span body, struct smtpdiag__span cte,
                 char *scratch, size_t size, size_t *used,
                 struct smtpdiag__span *out)
{
    int enc = smtpdiag__transfer_encoding(cte);
    if (enc == SMTPDIAG__CTE_IDENTITY) {
        *out = body;
        return 1;
    }
    if (!scratch || size - *used < body.n)
        return 0;
    out->p = scratch + *used;
    out->n = smtpdiag__decode(enc, body.p, body.n, scratch + *used);
    *used += out->n;
    return 1;
}

/* Plain-text bounces return the original message inline, after a line
 * that says so; its header section follows (blank lines skipped). */
static void inline_original(struct smtpdiag__dsn *v)
{
    static const char *const marks[] = {
        "This is a copy of the message",            /* Exim */
        "Below this line is a copy of the message", /* qmail */
        "Original message follows",                 /* Sendmail */
        "copy of the original message",             /* OpenSMTPD */
    };
    size_t i, at = v->src_len;
    for (i = 0; i < sizeof marks / sizeof marks[0] && at == v->src_len; i++)
        at = smtpdiag__find_ci(v->src, v->src_len, 0, marks[i]);
    if (at == v->src_len)
        return;
    while (at < v->src_len && v->src[at] != '\n')
        at++;
    while (at < v->src_len &&
           (v->src[at] == '\n' || v->src[at] == '\r' || v->src[at] == ' '))
        at++;
    v->orig = v->src + at;
    v->orig_len = smtpdiag__header_end(v->orig, v->src_len - at);
}

static int block_has_recipient(struct smtpdiag__span block)
{
    struct smtpdiag__span v;
    return smtpdiag__find_field(block.p, block.n, "Final-Recipient", &v) ||
           smtpdiag__find_field(block.p, block.n, "Original-Recipient", &v);
}

/* The block of fields at *pos (blank lines before it skipped); 0 at the
 * end. */
static int next_block(const char *p, size_t n, size_t *pos,
                      struct smtpdiag__span *block)
{
    size_t i = *pos;
    while (i < n) {
        size_t k = i;
        while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
            k++;
        if (k < n && p[k] == '\n') {
            i = k + 1; /* a blank line */
            continue;
        }
        break;
    }
    if (i >= n) {
        *pos = n;
        return 0;
    }
    block->p = p + i;
    /* The block ends at a line of nothing but white space. */
    for (*pos = i; *pos < n;) {
        const char *nl = memchr(p + *pos, '\n', n - *pos);
        size_t end = nl ? (size_t)(nl - p) : n, k = *pos;
        while (k < end && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
            k++;
        if (k == end && *pos > i)
            break;
        *pos = nl ? end + 1 : n;
    }
    block->n = *pos - i;
    return 1;
}

static void open_report(struct smtpdiag__dsn *v)
{
    struct smtpdiag__span first;
    size_t pos = 0;
    v->kind = SMTPDIAG_DSN_KIND_REPORT;
    if (next_block(v->src, v->src_len, &pos, &first) &&
        !block_has_recipient(first)) {
        v->msg_block = first.p;
        v->msg_block_len = first.n;
        v->start = pos;
    }
}

int smtpdiag_dsn_open(smtpdiag_dsn *d, const char *msg, size_t len,
                      char *scratch, size_t scratch_size)
{
    struct smtpdiag__dsn v;
    struct found f;
    struct smtpdiag__span whole = {msg, len}, src = {NULL, 0};
    size_t used = 0;
    int ok = 1;

    memset(&v, 0, sizeof v);
    memset(&f, 0, sizeof f);
    if (!d)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    if ((!msg && len > 0) || (!scratch && scratch_size > 0)) {
        smtpdiag__dsn_store(d, &v);
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    }
    if (!msg)
        whole.p = "";

    if (looks_like_dsn(whole.p, whole.n)) {
        v.src = whole.p;
        v.src_len = whole.n;
        open_report(&v);
        smtpdiag__dsn_store(d, &v);
        return SMTPDIAG_OK;
    }
    visit(whole, 0, &f);
    if (f.orig.p) {
        struct smtpdiag__span orig;
        ok = place(f.orig, f.orig_cte, scratch, scratch_size, &used, &orig);
        if (ok) {
            v.orig = orig.p;
            v.orig_len = f.orig_is_message
                             ? smtpdiag__header_end(orig.p, orig.n)
                             : orig.n;
        }
    }
    if (ok && f.dsn.p) {
        ok = place(f.dsn, f.dsn_cte, scratch, scratch_size, &used, &src);
        v.src = src.p;
        v.src_len = src.n;
        if (ok)
            open_report(&v);
    } else if (ok) {
        struct smtpdiag__span text = f.text, cte = f.text_cte;
        if (!text.p) { /* not multipart: the body itself */
            size_t hend = starts_with_field(whole.p, whole.n)
                              ? smtpdiag__header_end(whole.p, whole.n)
                              : 0;
            struct smtpdiag__span headers = {whole.p, hend};
            text.p = whole.p + hend;
            text.n = whole.n - hend;
            cte = field_or_empty(headers, "Content-Transfer-Encoding");
        }
        ok = place(text, cte, scratch, scratch_size, &used, &src);
        if (ok) {
            v.src = src.p;
            v.src_len = src.n;
            v.shape = (uint8_t)smtpdiag__text_shape(src.p, src.n, &v.start,
                                                    &v.delayed);
            if (v.shape)
                v.kind = SMTPDIAG_DSN_KIND_TEXT;
            if (v.shape && !v.orig)
                inline_original(&v);
        }
    }
    if (!ok) {
        memset(&v, 0, sizeof v);
        smtpdiag__dsn_store(d, &v);
        return SMTPDIAG_ERR_NO_SPACE;
    }
    v.next = v.start;
    smtpdiag__dsn_store(d, &v);
    return v.kind == SMTPDIAG_DSN_KIND_NONE ? SMTPDIAG_ERR_NOT_FOUND
                                            : SMTPDIAG_OK;
}

smtpdiag_dsn_kind smtpdiag_dsn_kind_of(const smtpdiag_dsn *d)
{
    struct smtpdiag__dsn v;
    if (!d)
        return SMTPDIAG_DSN_KIND_NONE;
    smtpdiag__dsn_load(&v, d);
    return (smtpdiag_dsn_kind)v.kind;
}

int smtpdiag_dsn_next(smtpdiag_dsn *d)
{
    struct smtpdiag__dsn v;
    if (!d)
        return 0;
    smtpdiag__dsn_load(&v, d);
    v.on = 0;
    if (v.kind == SMTPDIAG_DSN_KIND_REPORT) {
        struct smtpdiag__span block;
        while (next_block(v.src, v.src_len, &v.next, &block))
            if (block_has_recipient(block)) {
                v.block = block;
                v.on = 1;
                break;
            }
    } else if (v.kind == SMTPDIAG_DSN_KIND_TEXT) {
        v.on = (uint8_t)smtpdiag__text_next(v.shape, v.src, v.src_len, &v.next,
                                            &v.rcpt, &v.diag);
    }
    smtpdiag__dsn_store(d, &v);
    return v.on;
}

void smtpdiag_dsn_rewind(smtpdiag_dsn *d)
{
    struct smtpdiag__dsn v;
    if (!d)
        return;
    smtpdiag__dsn_load(&v, d);
    v.next = v.start;
    v.on = 0;
    smtpdiag__dsn_store(d, &v);
}

/* ---- field values ---- */

/* Every string getter: the value when found, unfolded, with snprintf
 * semantics; else 0 and "". */
static size_t put_value(int found, struct smtpdiag__span s, char *buf,
                        size_t size)
{
    if (!buf)
        size = 0;
    if (!found) {
        s.p = "";
        s.n = 0;
    }
    return smtpdiag__copy_value(s, buf, size);
}

/* The cursor's private view; 0 for a NULL cursor. */
static int load(const smtpdiag_dsn *d, struct smtpdiag__dsn *v)
{
    if (!d)
        return 0;
    smtpdiag__dsn_load(v, d);
    return 1;
}

/* A field of the per-message block, or of the returned original's header
 * section; 0 when the bounce has none. */
static int block_field(const char *block, size_t len, const char *name,
                       struct smtpdiag__span *out)
{
    out->p = "";
    out->n = 0;
    return block && name && smtpdiag__find_field(block, len, name, out);
}

/* A current-recipient field, raw; for a text bounce, the two it knows. */
static int recipient_field(const struct smtpdiag__dsn *v, const char *name,
                           struct smtpdiag__span *out)
{
    struct smtpdiag__span key;
    out->p = ""; /* never NULL: spans take offsets without a check */
    out->n = 0;
    if (!v->on || !name)
        return 0;
    if (v->kind == SMTPDIAG_DSN_KIND_TEXT) {
        key.p = name;
        key.n = strlen(name);
        if (smtpdiag__span_is(key, "Final-Recipient")) {
            *out = v->rcpt;
            return 1;
        }
        if (smtpdiag__span_is(key, "Diagnostic-Code")) {
            *out = v->diag;
            return 1;
        }
        return 0;
    }
    return smtpdiag__find_field(v->block.p, v->block.n, name, out);
}

size_t smtpdiag_dsn_field(const smtpdiag_dsn *d, const char *name, char *buf,
                          size_t size)
{
    struct smtpdiag__dsn v;
    struct smtpdiag__span s = {"", 0};
    int found = load(d, &v) && recipient_field(&v, name, &s);
    return put_value(found, s, buf, size);
}

size_t smtpdiag_dsn_message_field(const smtpdiag_dsn *d, const char *name,
                                  char *buf, size_t size)
{
    struct smtpdiag__dsn v;
    struct smtpdiag__span s = {"", 0};
    int found =
        load(d, &v) && block_field(v.msg_block, v.msg_block_len, name, &s);
    return put_value(found, s, buf, size);
}

size_t smtpdiag_dsn_original_header(const smtpdiag_dsn *d, const char *name,
                                    char *buf, size_t size)
{
    struct smtpdiag__dsn v;
    struct smtpdiag__span s = {"", 0};
    int found = load(d, &v) && block_field(v.orig, v.orig_len, name, &s);
    return put_value(found, s, buf, size);
}

/* "rfc822; <user@example.com>" -> "user@example.com"; "dns; mx" -> "mx".
 * The type is an atom before the first ';'. */
static struct smtpdiag__span without_type(struct smtpdiag__span s)
{
    size_t i = 0;
    while (i < s.n && (s.p[i] == ' ' || s.p[i] == '\t'))
        i++;
    {
        size_t k = i;
        while (k < s.n && ((s.p[k] >= 'a' && s.p[k] <= 'z') ||
                           (s.p[k] >= 'A' && s.p[k] <= 'Z') ||
                           (s.p[k] >= '0' && s.p[k] <= '9') || s.p[k] == '-'))
            k++;
        if (k > i && k < s.n && s.p[k] == ';')
            i = k + 1;
    }
    s.p += i;
    s.n -= i;
    return s;
}

static struct smtpdiag__span trimmed(struct smtpdiag__span s)
{
    while (s.n > 0 && (unsigned char)s.p[0] <= ' ') {
        s.p++;
        s.n--;
    }
    while (s.n > 0 && (unsigned char)s.p[s.n - 1] <= ' ')
        s.n--;
    return s;
}

static struct smtpdiag__span address_of(struct smtpdiag__span s)
{
    s = trimmed(without_type(s));
    if (s.n >= 2 && s.p[0] == '<' && s.p[s.n - 1] == '>') {
        s.p++;
        s.n -= 2;
    }
    return trimmed(s);
}

static int current_address(const struct smtpdiag__dsn *v,
                           struct smtpdiag__span *out)
{
    if (!recipient_field(v, "Final-Recipient", out) || address_of(*out).n == 0)
        recipient_field(v, "Original-Recipient", out);
    *out = address_of(*out);
    return out->n > 0;
}

size_t smtpdiag_dsn_recipient(const smtpdiag_dsn *d, char *buf, size_t size)
{
    struct smtpdiag__dsn v;
    struct smtpdiag__span s = {"", 0};
    int found = load(d, &v) && current_address(&v, &s);
    return put_value(found, s, buf, size);
}

/* "dns; mx.example.net. (192.0.2.1, the server for ...)" and
 * "dns; mx.example.net [192.0.2.1]" -> "mx.example.net". */
static struct smtpdiag__span host_of(struct smtpdiag__span s)
{
    size_t n = 0;
    s = trimmed(without_type(s));
    while (n < s.n && s.p[n] != ' ' && s.p[n] != '\t' && s.p[n] != '(' &&
           s.p[n] != '[' && s.p[n] != ';')
        n++;
    while (n > 0 && s.p[n - 1] == '.')
        n--;
    s.n = n;
    return s;
}

size_t smtpdiag_dsn_remote_mta(const smtpdiag_dsn *d, char *buf, size_t size)
{
    struct smtpdiag__dsn v;
    struct smtpdiag__span s = {"", 0};
    int found = load(d, &v) && recipient_field(&v, "Remote-MTA", &s);
    return put_value(found, host_of(s), buf, size);
}

size_t smtpdiag_dsn_reporting_mta(const smtpdiag_dsn *d, char *buf, size_t size)
{
    struct smtpdiag__dsn v;
    struct smtpdiag__span s = {"", 0};
    int found = load(d, &v) &&
                block_field(v.msg_block, v.msg_block_len, "Reporting-MTA", &s);
    return put_value(found, host_of(s), buf, size);
}

static int diagnostic_of(const struct smtpdiag__dsn *v,
                         struct smtpdiag__span *out)
{
    if (!recipient_field(v, "Diagnostic-Code", out))
        return 0;
    if (v->kind == SMTPDIAG_DSN_KIND_REPORT)
        *out = without_type(*out);
    *out = trimmed(*out);
    return out->n > 0;
}

size_t smtpdiag_dsn_diagnostic(const smtpdiag_dsn *d, char *buf, size_t size)
{
    struct smtpdiag__dsn v;
    struct smtpdiag__span s = {"", 0};
    int found = load(d, &v) && diagnostic_of(&v, &s);
    return put_value(found, s, buf, size);
}

smtpdiag_action smtpdiag_dsn_action(const smtpdiag_dsn *d)
{
    static const char *const names[] = {"failed", "delayed", "delivered",
                                        "relayed", "expanded"};
    struct smtpdiag__dsn v;
    struct smtpdiag__span s;
    size_t i, n = 0;
    if (!d)
        return SMTPDIAG_ACTION_UNKNOWN;
    smtpdiag__dsn_load(&v, d);
    if (v.on && v.kind == SMTPDIAG_DSN_KIND_TEXT)
        return v.delayed ? SMTPDIAG_ACTION_DELAYED : SMTPDIAG_ACTION_FAILED;
    if (!recipient_field(&v, "Action", &s))
        return SMTPDIAG_ACTION_UNKNOWN;
    s = trimmed(s);
    while (n < s.n && s.p[n] != ' ' && s.p[n] != '\t' && s.p[n] != '(' &&
           s.p[n] != ';')
        n++;
    s.n = n;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (smtpdiag__span_is(s, names[i]))
            return (smtpdiag_action)(i + 1);
    return SMTPDIAG_ACTION_UNKNOWN;
}

/* The unfolded diagnostic, cut to SMTPDIAG_DSN_DIAGNOSTIC_MAX bytes. */
static size_t unfolded_diagnostic(const struct smtpdiag__dsn *v, char *buf)
{
    struct smtpdiag__span s;
    size_t n;
    if (!diagnostic_of(v, &s)) {
        buf[0] = '\0';
        return 0;
    }
    n = smtpdiag__copy_value(s, buf, SMTPDIAG_DSN_DIAGNOSTIC_MAX + 1);
    return n > SMTPDIAG_DSN_DIAGNOSTIC_MAX ? SMTPDIAG_DSN_DIAGNOSTIC_MAX : n;
}

/* The Status field's code; 0 when there is none or it is malformed. */
static smtpdiag_code status_field(const struct smtpdiag__dsn *v)
{
    struct smtpdiag__span s;
    smtpdiag_code code = 0;
    size_t len;
    if (!recipient_field(v, "Status", &s))
        return 0;
    s = trimmed(s);
    len = smtpdiag__match_status((const unsigned char *)s.p, s.n, 0, &code);
    return len ? code : 0;
}

/* docs/dsn.md: the Status field, unless the diagnostic's code of the same
 * class is more specific; without a Status field, the diagnostic's. */
static smtpdiag_code effective_status(smtpdiag_code field, smtpdiag_code text)
{
    if (!field)
        return text;
    if (text && SMTPDIAG_CODE_CLASS(text) == SMTPDIAG_CODE_CLASS(field) &&
        (SMTPDIAG_CODE_SUBJECT(field) == 0 ||
         SMTPDIAG_CODE_DETAIL(field) == 0) &&
        SMTPDIAG_CODE_SUBJECT(text) != 0 && SMTPDIAG_CODE_DETAIL(text) != 0)
        return text;
    return field;
}

/* Parses the diagnostic into s and applies the status rule. */
static void read_recipient(const struct smtpdiag__dsn *v,
                           struct smtpdiag__state *s, char *diag,
                           size_t *diag_len)
{
    smtpdiag_code status;
    *diag_len = unfolded_diagnostic(v, diag);
    smtpdiag__state_clear(s);
    smtpdiag__parse(s, diag, *diag_len);
    status = effective_status(status_field(v), s->status);
    if (status != s->status) {
        s->status = status;
        s->status_at = 0;
    }
    s->severity =
        (uint8_t)(s->reply_code ? smtpdiag_reply_severity(s->reply_code)
                                : smtpdiag_status_severity(s->status));
}

/* Whether the diagnostic's type is "x-unix": a local program's output. */
static int is_local_program(const struct smtpdiag__dsn *v)
{
    struct smtpdiag__span s;
    size_t n = 0;
    if (v->kind != SMTPDIAG_DSN_KIND_REPORT ||
        !recipient_field(v, "Diagnostic-Code", &s))
        return 0;
    s = trimmed(s);
    while (n < s.n && s.p[n] != ';')
        n++;
    s.n = n;
    return smtpdiag__span_is(trimmed(s), "x-unix");
}

smtpdiag_code smtpdiag_dsn_status(const smtpdiag_dsn *d)
{
    struct smtpdiag__dsn v;
    struct smtpdiag__state s;
    char diag[SMTPDIAG_DSN_DIAGNOSTIC_MAX + 1];
    size_t n;
    if (!d)
        return 0;
    smtpdiag__dsn_load(&v, d);
    if (!v.on)
        return 0;
    read_recipient(&v, &s, diag, &n);
    return s.status;
}

int smtpdiag_dsn_classify(const smtpdiag_dsn *d, smtpdiag_result *r,
                          smtpdiag_lang lang)
{
    struct smtpdiag__dsn v;
    struct smtpdiag__state s;
    struct smtpdiag__hints h;
    smtpdiag_hints hints;
    struct smtpdiag__span host, addr;
    char diag[SMTPDIAG_DSN_DIAGNOSTIC_MAX + 1];
    size_t n;
    int decided;

    if (!r)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    smtpdiag__state_clear(&s);
    if (d)
        smtpdiag__dsn_load(&v, d);
    if (!d || !v.on) {
        smtpdiag__explain_state(&s, lang);
        smtpdiag__state_store(r, &s);
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    }
    read_recipient(&v, &s, diag, &n);

    smtpdiag_hints_init(&hints);
    smtpdiag_hints_set_action(&hints, smtpdiag_dsn_action(d));
    if (recipient_field(&v, "Remote-MTA", &host)) {
        host = host_of(host);
        smtpdiag_hints_set_remote_host(&hints, host.p, host.n);
    }
    if (current_address(&v, &addr)) {
        const char *at = NULL;
        size_t i;
        for (i = 0; i < addr.n; i++)
            if (addr.p[i] == '@')
                at = addr.p + i;
        if (at)
            smtpdiag_hints_set_domain(&hints, at + 1,
                                      (size_t)(addr.p + addr.n - at - 1));
    }
    smtpdiag__hints_load(&h, &hints);
    decided = smtpdiag__classify_state(&s, diag, n, &h);
    if (is_local_program(&v) && (s.reason == SMTPDIAG_REASON_UNDEFINED ||
                                 s.reason == SMTPDIAG_REASON_SYSTEMERROR)) {
        /* An "x-unix" diagnostic comes from a local delivery program (a
         * pipe, a filter): its failure is the mailer's error. */
        const struct smtpdiag__reason_row *why =
            smtpdiag__find_reason(SMTPDIAG_REASON_MAILERERROR);
        s.reason = SMTPDIAG_REASON_MAILERERROR;
        s.rule = SMTPDIAG__NO_RULE;
        s.match_at = 0;
        s.match_len = 0;
        s.bounce = why ? why->bounce : s.bounce;
    }
    smtpdiag__explain_state(&s, lang);
    smtpdiag__state_store(r, &s);
    return s.reply_code || s.status || decided ? SMTPDIAG_OK
                                               : SMTPDIAG_ERR_NO_CODE;
}
