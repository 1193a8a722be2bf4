/*
 * One line per diagnosis, for `smtpdiag explain` and `smtpdiag classify`:
 * JSON Lines with every field (null when unknown), or a line for people.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <string.h>

static void json_offset(const char *key, size_t at)
{
    json_int(key, (long)at, at == SMTPDIAG_NO_OFFSET);
}

/* The fields of the library's static strings come in two runs, each
 * escaped once per distinct run of values (json_cache.c). */
static const char *const run_rule[] = {"severity", "reason",   "detail",
                                       "bounce",   "provider", "rule"};
static const char *const run_texts[] = {"lang", "title", "explanation",
                                        "advice", "explained_by"};

void json_diagnosis_fields(const smtpdiag_result *r, int rc)
{
    int reply = smtpdiag_result_reply_code(r);
    size_t match_at = smtpdiag_result_match_at(r);
    const char *rule[6], *texts[5];
    json_int("reply_code", reply, reply == 0);
    json_code("status", smtpdiag_result_status(r));
    rule[0] =
        smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY, smtpdiag_result_severity(r));
    rule[1] = rc == SMTPDIAG_OK ? smtpdiag_enum_name(SMTPDIAG_ENUM_REASON,
                                                     smtpdiag_result_reason(r))
                                : NULL;
    rule[2] = smtpdiag_result_detail(r);
    rule[3] =
        smtpdiag_enum_name(SMTPDIAG_ENUM_BOUNCE, smtpdiag_result_bounce(r));
    rule[4] = smtpdiag_result_provider(r);
    rule[5] = smtpdiag_result_rule(r);
    json_static_fields(run_rule, rule, 6);
    json_offset("match_at", match_at);
    json_int("match_len", (long)smtpdiag_result_match_len(r),
             match_at == SMTPDIAG_NO_OFFSET);
    texts[0] = smtpdiag_lang_tag(smtpdiag_result_lang(r));
    texts[1] = smtpdiag_result_title(r);
    texts[2] = smtpdiag_result_explanation(r);
    texts[3] = smtpdiag_result_advice(r);
    texts[4] = smtpdiag_result_explained_by(r);
    json_static_fields(run_texts, texts, 5);
}

static void print_json(const char *input, size_t len, const smtpdiag_result *r,
                       int rc)
{
    json_begin();
    json_string("input", input, len);
    json_diagnosis_fields(r, rc);
    json_end();
}

void print_diagnosis(struct cli *c, const char *input, size_t len,
                     const smtpdiag_result *r, int rc)
{
    const char *provider = smtpdiag_result_provider(r);
    if (rc != SMTPDIAG_OK)
        cli_unanswered(c);
    if (c->json) {
        print_json(input, len, r, rc);
        return;
    }
    out_human(input, len);
    if (rc != SMTPDIAG_OK) {
        out_str(" => no reply code, enhanced status code or known reason\n");
        return;
    }
    out_str(" => [");
    out_str(smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY,
                               smtpdiag_result_severity(r)));
    out_str("] ");
    out_str(
        smtpdiag_enum_name(SMTPDIAG_ENUM_REASON, smtpdiag_result_reason(r)));
    out_str(" (");
    out_str(
        smtpdiag_enum_name(SMTPDIAG_ENUM_BOUNCE, smtpdiag_result_bounce(r)));
    if (provider[0]) {
        out_str(", ");
        out_str(provider);
    }
    out_str("): ");
    out_str(smtpdiag_result_title(r));
    out_str(": ");
    out_str(smtpdiag_result_explanation(r));
    out_char(' ');
    out_str(smtpdiag_result_advice(r));
    out_char('\n');
}
