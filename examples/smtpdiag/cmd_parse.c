/*
 * smtpdiag parse [--json] [--escapes] [--multiline] [ARG...]
 * Shows what the parser finds in each input: the reply code, the enhanced
 * status code, where each stands, the command and the human text.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The human text, in a buffer that grows to the longest input seen. */
static const char *human_text(const char *input, size_t len)
{
    static char *buf;
    static size_t cap;
    size_t need = smtpdiag_parse_text(input, len, buf, cap);
    if (need >= cap) {
        char *p = realloc(buf, need + 1);
        if (!p)
            return "";
        buf = p;
        cap = need + 1;
        smtpdiag_parse_text(input, len, buf, cap);
    }
    return buf;
}

static void json_offset(const char *key, size_t at)
{
    json_int(key, (long)at, at == SMTPDIAG_NO_OFFSET);
}

static void parse_one(struct cli *c, const char *input, size_t len)
{
    smtpdiag_result r;
    int rc = smtpdiag_parse(&r, input, len);
    int reply = smtpdiag_result_reply_code(&r);
    smtpdiag_code status = smtpdiag_result_status(&r);
    smtpdiag_command command = smtpdiag_result_command(&r);
    const char *text = human_text(input, len);
    char code[32];

    if (rc != SMTPDIAG_OK)
        cli_unanswered(c);
    if (c->json) {
        json_begin();
        json_string("input", input, len);
        json_int("reply_code", reply, reply == 0);
        if (reply)
            json_bool("reply_code_standard",
                      smtpdiag_reply_code_is_standard(reply));
        else
            json_cstring("reply_code_standard", NULL);
        json_code("status", status);
        json_cstring("command", command ? smtpdiag_enum_name(
                                              SMTPDIAG_ENUM_COMMAND, command)
                                        : NULL);
        json_cstring("text", text);
        json_offset("reply_code_at", smtpdiag_result_reply_code_at(&r));
        json_offset("status_at", smtpdiag_result_status_at(&r));
        json_end();
        return;
    }
    out_human(input, len);
    out_str(" => ");
    if (rc != SMTPDIAG_OK) {
        out_str("no reply code or enhanced status code found\n");
        return;
    }
    if (reply) {
        (void)snprintf(
            code, sizeof code, "%d%s", reply,
            smtpdiag_reply_code_is_standard(reply) ? "" : "(non-standard)");
        out_str(code);
    } else {
        out_char('-');
    }
    out_char(' ');
    smtpdiag_code_format(status, code, sizeof code);
    out_str(status ? code : "-");
    if (command) {
        out_str(" [");
        out_str(smtpdiag_enum_name(SMTPDIAG_ENUM_COMMAND, command));
        out_char(']');
    }
    out_str(": ");
    out_human(text, strlen(text));
    out_char('\n');
}

int cmd_parse(int argc, char **argv)
{
    struct cli c;
    int rc = cli_parse(&c, argc, argv, "smtpdiag parse",
                       "smtpdiag parse [--json] [--escapes] [--multiline] "
                       "[ARG...]",
                       0);
    if (rc != 0)
        return rc;
    return cli_run(&c, parse_one);
}
