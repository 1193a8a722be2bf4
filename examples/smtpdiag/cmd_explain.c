/*
 * smtpdiag explain [--lang TAG] [--json] [--command CMD] [--remote-host HOST]
 *                  [--domain DOMAIN] [ARG...]
 * Explains each argument (a reply line or a code), or each line of standard
 * input, with one output line per input.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"
#include "commands.h"

static void explain_one(struct cli *c, const char *input, size_t len)
{
    smtpdiag_result r;
    int rc = smtpdiag_classify(&r, c->lang, input, len, &c->hints);
    print_diagnosis(c, input, len, &r, rc);
}

int cmd_explain(int argc, char **argv)
{
    struct cli c;
    int rc = cli_parse(&c, argc, argv, "smtpdiag explain",
                       "smtpdiag explain [--lang TAG] [--json] [--escapes] "
                       "[--command CMD] [--remote-host HOST] [--domain DOMAIN] "
                       "[ARG...]",
                       CLI_HINTS);
    if (rc != 0)
        return rc;
    return cli_run(&c, explain_one);
}

/* classify is the batch form: the operands are files of replies. */
int cmd_classify(int argc, char **argv)
{
    struct cli c;
    int rc =
        cli_parse(&c, argc, argv, "smtpdiag classify",
                  "smtpdiag classify [--lang TAG] [--json] [--command CMD] "
                  "[--remote-host HOST] [--domain DOMAIN] [FILE...]",
                  CLI_HINTS | CLI_FILES);
    if (rc != 0)
        return rc;
    return cli_run(&c, explain_one);
}
