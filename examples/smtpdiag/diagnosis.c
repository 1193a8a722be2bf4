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

/* Every string below is the library's, static: json_static() escapes each
 * field once (json_cache.c). */
void json_diagnosis_fields(const smtpdiag_result *r, int rc)
{
    int reply = smtpdiag_result_reply_code(r);
    size_t match_at = smtpdiag_result_match_at(r);
    json_int("reply_code", reply, reply == 0);
    json_code("status", smtpdiag_result_status(r));
    json_static("severity", smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY,
                                               smtpdiag_result_severity(r)));
    json_static("reason", rc == SMTPDIAG_OK
                              ? smtpdiag_enum_name(SMTPDIAG_ENUM_REASON,
                                                   smtpdiag_result_reason(r))
                              : NULL);
    json_static("detail", smtpdiag_result_detail(r));
    json_static("bounce", smtpdiag_enum_name(SMTPDIAG_ENUM_BOUNCE,
                                             smtpdiag_result_bounce(r)));
    json_static("provider", smtpdiag_result_provider(r));
    json_static("rule", smtpdiag_result_rule(r));
    json_offset("match_at", match_at);
    json_int("match_len", (long)smtpdiag_result_match_len(r),
             match_at == SMTPDIAG_NO_OFFSET);
    json_static("lang", smtpdiag_lang_tag(smtpdiag_result_lang(r)));
    json_static("title", smtpdiag_result_title(r));
    json_static("explanation", smtpdiag_result_explanation(r));
    json_static("advice", smtpdiag_result_advice(r));
    json_static("explained_by", smtpdiag_result_explained_by(r));
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
