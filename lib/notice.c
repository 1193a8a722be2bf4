/*
 * Bounce notices: the failed and delayed recipients of a bounce (or of an
 * MTA's own delivery attempts), each explained in the reader's language, in
 * the layout of docs/dsn.md. The texts are the blocks of
 * lib/data/notices.txt; everything from outside is cleaned by the writer
 * (notice_text.c).
 * SPDX-License-Identifier: MIT
 */
#include "dsn.h"
#include "internal.h"
#include "notice_text.h"

#include <stdio.h>

/* Longest address or date put into a template (an address has at most 254
 * bytes, RFC 5321); longer ones are cut. */
#define VALUE_MAX    320
#define TEMPLATE_MAX 2048

struct recipient {
    char address[VALUE_MAX + 1];
    const char *reply;
    size_t reply_len;
    smtpdiag_action action;
    smtpdiag_result result;
};

/* Where the recipients come from: a DSN cursor, or the caller's arrays. */
struct source {
    smtpdiag_dsn *dsn;
    const char *const *recipients, *const *replies;
    const smtpdiag_action *actions;
    size_t count, index;
    const char *retry_until;
    smtpdiag_lang lang;
    char diag[SMTPDIAG_DSN_DIAGNOSTIC_MAX + 1];
};

static void rewind_source(struct source *s)
{
    if (s->dsn)
        smtpdiag_dsn_rewind(s->dsn);
    s->index = 0;
}

/* The next failed or delayed recipient, classified; 0 at the end. */
static int next_recipient(struct source *s, struct recipient *r, int classify)
{
    if (s->dsn) {
        while (smtpdiag_dsn_next(s->dsn)) {
            r->action = smtpdiag_dsn_action(s->dsn);
            if (r->action != SMTPDIAG_ACTION_FAILED &&
                r->action != SMTPDIAG_ACTION_DELAYED)
                continue;
            smtpdiag_dsn_recipient(s->dsn, r->address, sizeof r->address);
            r->reply_len =
                smtpdiag_dsn_diagnostic(s->dsn, s->diag, sizeof s->diag);
            if (r->reply_len >= sizeof s->diag)
                r->reply_len = sizeof s->diag - 1;
            r->reply = s->diag;
            if (classify)
                smtpdiag_dsn_classify(s->dsn, &r->result, s->lang);
            return 1;
        }
        return 0;
    }
    while (s->index < s->count) {
        size_t i = s->index++;
        smtpdiag_hints hints;
        r->action = s->actions ? s->actions[i] : SMTPDIAG_ACTION_FAILED;
        if (r->action != SMTPDIAG_ACTION_FAILED &&
            r->action != SMTPDIAG_ACTION_DELAYED)
            continue;
        (void)snprintf(r->address, sizeof r->address, "%s",
                       s->recipients[i] ? s->recipients[i] : "");
        r->reply = s->replies[i] ? s->replies[i] : "";
        r->reply_len = strlen(r->reply);
        if (classify) {
            smtpdiag_hints_init(&hints);
            smtpdiag_hints_set_action(&hints, r->action);
            smtpdiag_classify(&r->result, s->lang, r->reply, r->reply_len,
                              &hints);
        }
        return 1;
    }
    return 0;
}

static const char *block(smtpdiag_lang lang, const char *id)
{
    size_t index = smtpdiag__lang_index(lang);
    uint32_t msg = smtpdiag__notice_msg(id);
    if (index == (size_t)-1)
        index = 0;
    return msg == SMTPDIAG__NO_MSG ? "" : smtpdiag__message(index, msg);
}

/* A template with {recipient}, {count} and {date} filled in; values are
 * cleaned later, by the writer. */
static size_t expand(const char *tpl, const char *recipient, const char *count,
                     const char *date, char *out)
{
    size_t o = 0;
    while (*tpl && o < TEMPLATE_MAX) {
        const char *value = NULL;
        size_t skip = 0;
        if (strncmp(tpl, "{recipient}", 11) == 0)
            value = recipient, skip = 11;
        else if (strncmp(tpl, "{count}", 7) == 0)
            value = count, skip = 7;
        else if (strncmp(tpl, "{date}", 6) == 0)
            value = date, skip = 6;
        if (value) {
            while (*value && o < TEMPLATE_MAX)
                out[o++] = *value++;
            tpl += skip;
        } else {
            out[o++] = *tpl++;
        }
    }
    out[o] = '\0';
    return o;
}

static void put_template(struct smtpdiag__writer *w, smtpdiag_lang lang,
                         const char *id, const char *recipient,
                         const char *count, const char *date, int paragraph)
{
    char text[TEMPLATE_MAX + 1];
    size_t n = expand(block(lang, id), recipient, count, date, text);
    if (paragraph) {
        smtpdiag__put_paragraph(w, NULL, text, n, 0);
    } else {
        smtpdiag__put_line_text(w, text, n);
        smtpdiag__put_newline(w);
    }
}

/* "Label: " -- no space after a full-width colon. */
static const char *lead(smtpdiag_lang lang, const char *id, char *out,
                        size_t size)
{
    const char *label = block(lang, id);
    size_t n = strlen(label);
    int ascii_end = n > 0 && (unsigned char)label[n - 1] < 0x80;
    (void)snprintf(out, size, "%s%s", label, ascii_end ? " " : "");
    return out;
}

static void put_entry(struct smtpdiag__writer *w, smtpdiag_lang lang,
                      struct recipient *r)
{
    char label[128];
    const char *text;
    if (smtpdiag_result_title(&r->result)[0] == '\0')
        smtpdiag_explain_reason(&r->result, lang, SMTPDIAG_REASON_UNDEFINED);
    smtpdiag__put_paragraph(w,
                            lead(lang, "label-recipient", label, sizeof label),
                            r->address, strlen(r->address), 2);
    text = smtpdiag_result_title(&r->result);
    smtpdiag__put_paragraph(w, lead(lang, "label-problem", label, sizeof label),
                            text, strlen(text), 2);
    text = smtpdiag_result_explanation(&r->result);
    smtpdiag__put_paragraph(
        w, lead(lang, "label-explanation", label, sizeof label), text,
        strlen(text), 2);
    text = smtpdiag_result_advice(&r->result);
    smtpdiag__put_paragraph(w, lead(lang, "label-advice", label, sizeof label),
                            text, strlen(text), 2);
    if (r->reply_len == 0) {
        r->reply = block(lang, "no-reply");
        r->reply_len = strlen(r->reply);
    }
    smtpdiag__put_paragraph(w, lead(lang, "label-reply", label, sizeof label),
                            r->reply, r->reply_len, 2);
    smtpdiag__put_newline(w);
}

/* The recipients with this action, each as an entry. */
static void put_entries(struct smtpdiag__writer *w, struct source *s,
                        smtpdiag_action action, struct recipient *r)
{
    rewind_source(s);
    while (next_recipient(s, r, 1))
        if (r->action == action)
            put_entry(w, s->lang, r);
}

static size_t render(struct source *s, char *buf, size_t size)
{
    struct smtpdiag__writer w;
    struct recipient r;
    size_t failed = 0, delayed = 0;
    char first_failed[VALUE_MAX + 1] = "", first_delayed[VALUE_MAX + 1] = "";
    char date[VALUE_MAX + 1] = "", subject[VALUE_MAX + 1] = "", count[32];
    char label[128];

    smtpdiag__writer_init(&w, buf, size);
    rewind_source(s);
    while (next_recipient(s, &r, 0)) {
        int is_failed = r.action == SMTPDIAG_ACTION_FAILED;
        char *first = is_failed ? first_failed : first_delayed;
        if ((is_failed ? failed++ : delayed++) == 0)
            memcpy(first, r.address, sizeof r.address);
        if (!is_failed && date[0] == '\0') {
            if (s->dsn)
                smtpdiag_dsn_field(s->dsn, "Will-Retry-Until", date,
                                   sizeof date);
            else if (s->retry_until)
                (void)snprintf(date, sizeof date, "%s", s->retry_until);
        }
    }
    if (failed + delayed == 0) {
        rewind_source(s);
        return smtpdiag__writer_finish(&w);
    }

    (void)snprintf(count, sizeof count, "%lu",
                   (unsigned long)(failed ? failed : delayed));
    if (failed)
        put_template(&w, s->lang,
                     failed == 1 ? "subject-failed-one" : "subject-failed-many",
                     first_failed, count, date, 0);
    else
        put_template(&w, s->lang,
                     delayed == 1 ? "subject-delayed-one"
                                  : "subject-delayed-many",
                     first_delayed, count, date, 0);
    smtpdiag__put_newline(&w);

    if (s->dsn)
        smtpdiag_dsn_original_header(s->dsn, "Subject", subject,
                                     sizeof subject);
    if (strstr(subject, "=?")) /* encoded words are not decoded: omit */
        subject[0] = '\0';

    if (failed) {
        put_template(&w, s->lang, "intro-failed", "", "", "", 1);
        smtpdiag__put_newline(&w);
    }
    if (subject[0]) {
        smtpdiag__put_paragraph(
            &w, lead(s->lang, "label-subject", label, sizeof label), subject,
            strlen(subject), 2);
        smtpdiag__put_newline(&w);
    }
    if (failed)
        put_entries(&w, s, SMTPDIAG_ACTION_FAILED, &r);
    if (delayed) {
        put_template(&w, s->lang,
                     date[0] ? "intro-delayed-until" : "intro-delayed", "", "",
                     date, 1);
        smtpdiag__put_newline(&w);
        put_entries(&w, s, SMTPDIAG_ACTION_DELAYED, &r);
    }
    put_template(&w, s->lang, "footer", "", "", "", 1);
    rewind_source(s);
    return smtpdiag__writer_finish(&w);
}

size_t smtpdiag_dsn_notice(smtpdiag_dsn *d, smtpdiag_lang lang, char *buf,
                           size_t size)
{
    struct source s;
    if (!d) {
        if (buf && size > 0)
            buf[0] = '\0';
        return 0;
    }
    memset(&s, 0, sizeof s);
    s.dsn = d;
    s.lang = lang;
    return render(&s, buf, size);
}

size_t smtpdiag_notice(smtpdiag_lang lang, const char *const *recipients,
                       const char *const *replies,
                       const smtpdiag_action *actions, size_t count,
                       const char *retry_until, char *buf, size_t size)
{
    struct source s;
    if (!recipients || !replies) {
        if (buf && size > 0)
            buf[0] = '\0';
        return 0;
    }
    memset(&s, 0, sizeof s);
    s.recipients = recipients;
    s.replies = replies;
    s.actions = actions;
    s.count = count;
    s.retry_until = retry_until;
    s.lang = lang;
    return render(&s, buf, size);
}
