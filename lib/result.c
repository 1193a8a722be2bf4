/*
 * smtpdiag_result: the opaque public storage and its getters. The private
 * view is copied in and out with memcpy, so no code depends on the storage's
 * declared type (and no aliasing rule is bent).
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

/* The private view must fit the public storage, with room to grow. */
typedef char smtpdiag__state_fits
    [sizeof(struct smtpdiag__state) <= sizeof(smtpdiag_result) ? 1 : -1];

void smtpdiag__state_clear(struct smtpdiag__state *s)
{
    memset(s, 0, sizeof *s);
    s->msg = SMTPDIAG__NO_MSG;
    s->rule = SMTPDIAG__NO_RULE;
    s->provider = SMTPDIAG__NO_PROVIDER;
    s->lang = SMTPDIAG_LANG_EN;
}

void smtpdiag__state_load(struct smtpdiag__state *s, const smtpdiag_result *r)
{
    if (r)
        memcpy(s, r, sizeof *s);
    else
        smtpdiag__state_clear(s);
}

void smtpdiag__state_store(smtpdiag_result *r, const struct smtpdiag__state *s)
{
    memcpy(r, s, sizeof *s);
}

int smtpdiag_result_reply_code(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return s.reply_code;
}

smtpdiag_code smtpdiag_result_status(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return s.status;
}

smtpdiag_severity smtpdiag_result_severity(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return (smtpdiag_severity)s.severity;
}

smtpdiag_lang smtpdiag_result_lang(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return (smtpdiag_lang)s.lang;
}

smtpdiag_source smtpdiag_result_source(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return (smtpdiag_source)s.source;
}

size_t smtpdiag_result_reply_code_at(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return s.reply_at ? (size_t)(s.reply_at - 1) : SMTPDIAG_NO_OFFSET;
}

size_t smtpdiag_result_status_at(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return s.status_at ? (size_t)(s.status_at - 1) : SMTPDIAG_NO_OFFSET;
}

smtpdiag_command smtpdiag_result_command(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return (smtpdiag_command)s.command;
}

static const char *text(const smtpdiag_result *r, uint32_t which)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    if (s.msg == SMTPDIAG__NO_MSG)
        return "";
    return smtpdiag__message(smtpdiag__lang_index(s.lang), s.msg + which);
}

const char *smtpdiag_result_title(const smtpdiag_result *r)
{
    return text(r, SMTPDIAG__TITLE);
}

const char *smtpdiag_result_explanation(const smtpdiag_result *r)
{
    return text(r, SMTPDIAG__EXPLANATION);
}

const char *smtpdiag_result_advice(const smtpdiag_result *r)
{
    return text(r, SMTPDIAG__ADVICE);
}

const char *smtpdiag_result_explained_by(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return s.msg == SMTPDIAG__NO_MSG ? "" : smtpdiag__string(s.explained_by);
}

smtpdiag_reason smtpdiag_result_reason(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return (smtpdiag_reason)s.reason;
}

smtpdiag_bounce smtpdiag_result_bounce(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return (smtpdiag_bounce)s.bounce;
}

/* The deciding rule of a result, or NULL. */
static const struct smtpdiag__rule_row *rule_of(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return s.rule == SMTPDIAG__NO_RULE ? NULL : smtpdiag__rule_at(s.rule);
}

const char *smtpdiag_result_detail(const smtpdiag_result *r)
{
    const struct smtpdiag__rule_row *row = rule_of(r);
    return row ? smtpdiag__string(row->detail) : "";
}

const char *smtpdiag_result_rule(const smtpdiag_result *r)
{
    const struct smtpdiag__rule_row *row = rule_of(r);
    return row ? smtpdiag__string(row->id) : "";
}

const char *smtpdiag_result_provider(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return s.provider == SMTPDIAG__NO_PROVIDER
               ? ""
               : smtpdiag_provider_id(s.provider);
}

size_t smtpdiag_result_match_at(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return s.match_at ? (size_t)(s.match_at - 1) : SMTPDIAG_NO_OFFSET;
}

size_t smtpdiag_result_match_len(const smtpdiag_result *r)
{
    struct smtpdiag__state s;
    smtpdiag__state_load(&s, r);
    return s.match_len;
}
