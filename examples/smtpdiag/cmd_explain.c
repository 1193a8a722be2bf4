/*
 * smtpdiag explain [--lang TAG] [--json] [ARG...]
 * Explains each argument (a reply line or a code), or each line of standard
 * input, with one output line per input.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"
#include "commands.h"

static void explain_one(struct cli *c, const char *input, size_t len)
{
    smtpdiag_result r;
    int rc = smtpdiag_explain(&r, c->lang, input, len);
    int reply = smtpdiag_result_reply_code(&r);
    smtpdiag_code status = smtpdiag_result_status(&r);
    const char *severity = smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY,
                                              smtpdiag_result_severity(&r));

    if (rc != SMTPDIAG_OK)
        cli_unanswered(c);
    if (c->json) {
        json_begin();
        json_string("input", input, len);
        json_int("reply_code", reply, reply == 0);
        json_code("status", status);
        json_cstring("severity", severity);
        json_cstring("lang", smtpdiag_lang_tag(smtpdiag_result_lang(&r)));
        json_cstring("title", smtpdiag_result_title(&r));
        json_cstring("explanation", smtpdiag_result_explanation(&r));
        json_cstring("advice", smtpdiag_result_advice(&r));
        json_cstring("explained_by", smtpdiag_result_explained_by(&r));
        json_end();
        return;
    }
    out_human(input, len);
    if (rc != SMTPDIAG_OK) {
        out_str(" => no reply code or enhanced status code found\n");
        return;
    }
    out_str(" => [");
    out_str(severity);
    out_str("] ");
    out_str(smtpdiag_result_title(&r));
    out_str(": ");
    out_str(smtpdiag_result_explanation(&r));
    out_char(' ');
    out_str(smtpdiag_result_advice(&r));
    out_char('\n');
}

int cmd_explain(int argc, char **argv)
{
    struct cli c;
    int rc = cli_parse(&c, argc, argv, "smtpdiag explain",
                       "smtpdiag explain [--lang TAG] [--json] [ARG...]");
    if (rc != 0)
        return rc;
    return cli_run(&c, explain_one);
}
