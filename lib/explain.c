/*
 * Explaining: choosing the texts that explain a diagnosis, in the caller's
 * language, and the public entry points that run the whole pipeline
 * (text -> parse -> classify -> explain).
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

static void use_entry(struct smtpdiag__state *s, uint32_t msg, uint32_t key,
                      smtpdiag_source source)
{
    s->msg = msg;
    s->explained_by = key;
    s->source = (uint8_t)source;
}

/*
 * The most specific knowledge explains:
 *   rule   a rule that decided the reason from the text: the reason's texts
 *   X.Y.Z  the enhanced code's own entry
 *   X.Y.0  its subject ("other" in that subject, RFC 3463 section 2)
 *   NNN    the reply code's own entry
 *   X.0.0  the enhanced code's class alone
 *   Nxx    the reply code's first digit
 *   reason with no code, the reason the context gave (an Action hint)
 * When the reply code's class (2, 4, 5) differs from the enhanced code's, the
 * enhanced code is read in the reply code's class: the reply code governs.
 */
void smtpdiag__explain_state(struct smtpdiag__state *s, smtpdiag_lang lang)
{
    smtpdiag_code status = s->status;
    const struct smtpdiag__status_row *st = NULL;
    const struct smtpdiag__reply_row *rp = NULL;
    int reply_class = s->reply_code / 100;

    s->lang =
        (uint8_t)(smtpdiag__lang_index(lang) == (size_t)-1 ? SMTPDIAG_LANG_EN
                                                           : lang);
    s->msg = SMTPDIAG__NO_MSG;
    s->source = SMTPDIAG_SOURCE_NONE;

    if (s->rule != SMTPDIAG__NO_RULE) {
        const struct smtpdiag__rule_row *row = smtpdiag__rule_at(s->rule);
        const struct smtpdiag__reason_row *why =
            row ? smtpdiag__find_reason(row->reason) : NULL;
        if (why && row->provider != SMTPDIAG__NO_PROVIDER) {
            use_entry(s, why->msg, row->explained, SMTPDIAG_SOURCE_RULE);
            return;
        }
        if (why) {
            use_entry(s, why->msg, why->explained, SMTPDIAG_SOURCE_REASON);
            return;
        }
    }

    if (status && s->reply_code &&
        (reply_class == 2 || reply_class == 4 || reply_class == 5) &&
        (unsigned)reply_class != SMTPDIAG_CODE_CLASS(status))
        status = SMTPDIAG_CODE(reply_class, SMTPDIAG_CODE_SUBJECT(status),
                               SMTPDIAG_CODE_DETAIL(status));

    if (status && SMTPDIAG_CODE_SUBJECT(status) != 0) {
        if ((st = smtpdiag__find_status(status)) != NULL) {
            use_entry(s, st->msg, st->key, SMTPDIAG_SOURCE_STATUS);
            return;
        }
        st = smtpdiag__find_status(status - SMTPDIAG_CODE_DETAIL(status));
        if (st) {
            use_entry(s, st->msg, st->key, SMTPDIAG_SOURCE_STATUS_SUBJECT);
            return;
        }
    }
    if (s->reply_code && (rp = smtpdiag__find_reply(s->reply_code)) != NULL) {
        use_entry(s, rp->msg, rp->key, SMTPDIAG_SOURCE_REPLY);
        return;
    }
    if (status) {
        st = smtpdiag__find_status(
            SMTPDIAG_CODE(SMTPDIAG_CODE_CLASS(status), 0, 0));
        if (st) {
            use_entry(s, st->msg, st->key,
                      SMTPDIAG_CODE_SUBJECT(status) ||
                              SMTPDIAG_CODE_DETAIL(status)
                          ? SMTPDIAG_SOURCE_STATUS_CLASS
                          : SMTPDIAG_SOURCE_STATUS);
            return;
        }
    }
    if (s->reply_code && (rp = smtpdiag__find_reply(reply_class)) != NULL) {
        use_entry(s, rp->msg, rp->key, SMTPDIAG_SOURCE_REPLY_CLASS);
        return;
    }
    /* No code, and the context (a DSN Action hint) gave the reason. */
    if (s->reason != SMTPDIAG_REASON_UNDEFINED) {
        const struct smtpdiag__reason_row *why =
            smtpdiag__find_reason(s->reason);
        if (why)
            use_entry(s, why->msg, why->explained, SMTPDIAG_SOURCE_REASON);
    }
}

int smtpdiag_explain_code(smtpdiag_result *r, smtpdiag_lang lang,
                          int reply_code, smtpdiag_code status)
{
    struct smtpdiag__state s;
    int rc = SMTPDIAG_OK;
    if (!r)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    smtpdiag__state_clear(&s);
    if (reply_code != 0 && !smtpdiag_reply_code_is_valid(reply_code))
        rc = SMTPDIAG_ERR_INVALID_CODE;
    else
        s.reply_code = (int16_t)reply_code;
    if (status != 0 && !smtpdiag_code_is_valid(status))
        rc = SMTPDIAG_ERR_INVALID_CODE;
    else
        s.status = status;
    if (rc == SMTPDIAG_OK && reply_code == 0 && status == 0)
        rc = SMTPDIAG_ERR_NO_CODE;
    s.severity = (uint8_t)(s.reply_code ? smtpdiag_reply_severity(s.reply_code)
                                        : smtpdiag_status_severity(s.status));
    smtpdiag__classify_codes(&s);
    smtpdiag__explain_state(&s, lang);
    smtpdiag__state_store(r, &s);
    return rc;
}

int smtpdiag_classify(smtpdiag_result *r, smtpdiag_lang lang, const char *text,
                      size_t len, const smtpdiag_hints *hints)
{
    struct smtpdiag__state s;
    struct smtpdiag__hints h;
    int rc = SMTPDIAG_ERR_INVALID_ARGUMENT, decided = 0;
    if (!r)
        return rc;
    smtpdiag__state_clear(&s);
    if (text || len == 0) {
        /* the classifier's one scan also finds the command */
        rc = smtpdiag__parse(&s, text, len);
        smtpdiag__hints_load(&h, hints);
        decided = smtpdiag__classify_state(&s, text, len, &h);
    }
    smtpdiag__explain_state(&s, lang);
    smtpdiag__state_store(r, &s);
    if (rc == SMTPDIAG_ERR_NO_CODE && decided)
        rc = SMTPDIAG_OK;
    return rc;
}

int smtpdiag_explain(smtpdiag_result *r, smtpdiag_lang lang, const char *text,
                     size_t len)
{
    return smtpdiag_classify(r, lang, text, len, NULL);
}

int smtpdiag_explain_reason(smtpdiag_result *r, smtpdiag_lang lang,
                            smtpdiag_reason reason)
{
    struct smtpdiag__state s;
    const struct smtpdiag__reason_row *row = smtpdiag__find_reason(reason);
    if (!r)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    smtpdiag__state_clear(&s);
    smtpdiag__explain_state(&s, lang);
    if (row) {
        s.reason = row->id;
        s.bounce = row->bounce;
        s.msg = row->msg;
        s.explained_by = row->explained;
        s.source = SMTPDIAG_SOURCE_REASON;
    }
    smtpdiag__state_store(r, &s);
    return row ? SMTPDIAG_OK : SMTPDIAG_ERR_INVALID_ARGUMENT;
}
