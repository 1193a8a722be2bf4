/*
 * smtpdiag dsn [--lang TAG] [--json] [FILE...]
 *   Reads bounce messages, one per file (none or "-": standard input), and
 *   writes one result per recipient.
 * smtpdiag notice [--lang TAG] [FILE]
 *   Writes the localized notice for the failed and delayed recipients of
 *   one bounce.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"
#include "commands.h"
#include "lines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A field value, in a buffer that grows to the longest seen. */
struct value {
    char *buf;
    size_t cap;
};

typedef size_t (*field_fn)(const smtpdiag_dsn *d, const char *name, char *buf,
                           size_t size);

static const char *get(struct value *v, field_fn fn, const smtpdiag_dsn *d,
                       const char *name)
{
    size_t need = fn(d, name, v->buf, v->cap);
    if (need >= v->cap) {
        char *p = realloc(v->buf, need + 1);
        if (!p)
            return "";
        v->buf = p;
        v->cap = need + 1;
        fn(d, name, v->buf, v->cap);
    }
    return v->buf ? v->buf : "";
}

static size_t recipient_of(const smtpdiag_dsn *d, const char *name, char *buf,
                           size_t size)
{
    (void)name;
    return smtpdiag_dsn_recipient(d, buf, size);
}

static size_t diagnostic_of(const smtpdiag_dsn *d, const char *name, char *buf,
                            size_t size)
{
    (void)name;
    return smtpdiag_dsn_diagnostic(d, buf, size);
}

static size_t remote_mta_of(const smtpdiag_dsn *d, const char *name, char *buf,
                            size_t size)
{
    (void)name;
    return smtpdiag_dsn_remote_mta(d, buf, size);
}

static size_t reporting_mta_of(const smtpdiag_dsn *d, const char *name,
                               char *buf, size_t size)
{
    (void)name;
    return smtpdiag_dsn_reporting_mta(d, buf, size);
}

/* "smtp; 550 ..." -> "smtp"; "dns; mx.example.com" -> "mx.example.com". */
static void split_type(const char *v, char *type, size_t size,
                       const char **rest)
{
    const char *semi = strchr(v, ';');
    size_t n = semi ? (size_t)(semi - v) : 0, i;
    for (i = 0; i < n && i + 1 < size; i++)
        type[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i]);
    type[i < size ? i : 0] = '\0';
    *rest = semi ? semi + 1 + (semi[1] == ' ') : v;
}

static void print_recipient(struct cli *c, const char *file, smtpdiag_dsn *d,
                            struct value *v)
{
    smtpdiag_result r;
    int rc = smtpdiag_dsn_classify(d, &r, c->lang);
    const char *action =
        smtpdiag_enum_name(SMTPDIAG_ENUM_ACTION, smtpdiag_dsn_action(d));
    char type[32];
    const char *rest;
    if (!c->json) {
        char code[16];
        smtpdiag_code_format(smtpdiag_result_status(&r), code, sizeof code);
        out_human(file, strlen(file));
        out_str(": ");
        out_str(get(v, recipient_of, d, NULL));
        out_str(" [");
        out_str(action);
        out_str("] ");
        out_str(code[0] ? code : "-");
        out_str(" => ");
        out_str(smtpdiag_enum_name(SMTPDIAG_ENUM_REASON,
                                   smtpdiag_result_reason(&r)));
        out_str(" (");
        out_str(smtpdiag_enum_name(SMTPDIAG_ENUM_BOUNCE,
                                   smtpdiag_result_bounce(&r)));
        if (smtpdiag_result_provider(&r)[0]) {
            out_str(", ");
            out_str(smtpdiag_result_provider(&r));
        }
        out_str("): ");
        out_str(smtpdiag_result_title(&r));
        out_char('\n');
        return;
    }
    json_begin();
    json_cstring("file", file);
    json_cstring("kind", smtpdiag_enum_name(SMTPDIAG_ENUM_DSN_KIND,
                                            smtpdiag_dsn_kind_of(d)));
    json_cstring("recipient", get(v, recipient_of, d, NULL));
    split_type(get(v, smtpdiag_dsn_field, d, "Original-Recipient"), type,
               sizeof type, &rest);
    json_cstring("original_recipient", rest);
    json_cstring("action", action);
    split_type(get(v, smtpdiag_dsn_field, d, "Diagnostic-Code"), type,
               sizeof type, &rest);
    json_cstring("diagnostic_type", type);
    json_cstring("diagnostic", get(v, diagnostic_of, d, NULL));
    json_cstring("remote_mta", get(v, remote_mta_of, d, NULL));
    json_cstring("reporting_mta", get(v, reporting_mta_of, d, NULL));
    json_cstring("message_id",
                 get(v, smtpdiag_dsn_original_header, d, "Message-ID"));
    json_cstring("subject", get(v, smtpdiag_dsn_original_header, d, "Subject"));
    json_diagnosis_fields(&r, rc);
    json_end();
}

static int open_file(struct cli *c, const char *path, smtpdiag_dsn *d,
                     char **msg, char **scratch)
{
    size_t len;
    *scratch = NULL;
    *msg = read_whole_file(c->prog, path, &len);
    if (!*msg)
        return EXIT_IO;
    *scratch = malloc(len ? len : 1);
    if (!*scratch) {
        fprintf(stderr, "%s: out of memory\n", c->prog);
        return EXIT_IO;
    }
    smtpdiag_dsn_open(d, *msg, len, *scratch, len);
    return 0;
}

int cmd_dsn(int argc, char **argv)
{
    static const char usage[] = "smtpdiag dsn [--lang TAG] [--json] [FILE...]";
    struct cli c;
    struct value v = {NULL, 0};
    int i, rc = cli_parse(&c, argc, argv, "smtpdiag dsn", usage, CLI_FILES);
    if (rc)
        return rc;
    for (i = 0; i < (c.arg_count ? c.arg_count : 1); i++) {
        const char *path = c.arg_count ? c.args[i] : "-";
        smtpdiag_dsn d;
        char *msg, *scratch;
        int found = 0;
        if (open_file(&c, path, &d, &msg, &scratch)) {
            c.status = EXIT_IO;
        } else {
            while (smtpdiag_dsn_next(&d)) {
                print_recipient(&c, path, &d, &v);
                found = 1;
            }
            if (!found && c.status == EXIT_ALL_ANSWERED)
                cli_unanswered(&c);
        }
        free(msg);
        free(scratch);
        if (out_pipe_closed())
            break;
    }
    free(v.buf);
    (void)fflush(stdout); /* a failure shows in out_failed() */
    return out_failed() && !out_pipe_closed() ? EXIT_IO : c.status;
}

int cmd_notice(int argc, char **argv)
{
    static const char usage[] = "smtpdiag notice [--lang TAG] [FILE]";
    struct cli c;
    smtpdiag_dsn d;
    char *msg, *scratch, *text = NULL;
    size_t need;
    int rc = cli_parse(&c, argc, argv, "smtpdiag notice", usage, 0);
    if (rc)
        return rc;
    if (c.arg_count > 1 || c.json) {
        fprintf(stderr, "%s: one message at a time, as text\nusage: %s\n",
                c.prog, usage);
        return EXIT_USAGE;
    }
    if (open_file(&c, c.arg_count ? c.args[0] : "-", &d, &msg, &scratch)) {
        free(msg);
        free(scratch);
        return EXIT_IO;
    }
    need = smtpdiag_dsn_notice(&d, c.lang, NULL, 0);
    if (need > 0 && (text = malloc(need + 1)) != NULL) {
        smtpdiag_dsn_notice(&d, c.lang, text, need + 1);
        fwrite(text, 1, need, stdout);
    }
    free(text);
    free(msg);
    free(scratch);
    if (fflush(stdout) != 0)
        return EXIT_IO;
    return need > 0 ? EXIT_ALL_ANSWERED : EXIT_SOME_UNANSWERED;
}
