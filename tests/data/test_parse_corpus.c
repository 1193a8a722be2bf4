/*
 * The parser against real replies: every row of tests/data/replies.tsv (real
 * SMTP replies and DSN diagnostics; each family of rows says where it comes
 * from) must give the labelled reply code, enhanced status code and command.
 *
 * usage: test_parse_corpus TESTS_DATA_DIR
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *data_dir;

/* Undoes the corpus escapes \\ \r \n \t in place; returns the length. */
static size_t unescape(char *s)
{
    size_t i = 0, o = 0;
    while (s[i]) {
        if (s[i] == '\\' && s[i + 1]) {
            char c = s[i + 1];
            s[o++] = c == 'r' ? '\r' : c == 'n' ? '\n' : c == 't' ? '\t' : c;
            i += 2;
        } else {
            s[o++] = s[i++];
        }
    }
    s[o] = '\0';
    return o;
}

static void every_row(void **state)
{
    char path[1024], line[65536];
    FILE *f;
    int lineno = 0, rows = 0, failures = 0;
    (void)state;
    snprintf(path, sizeof path, "%s/replies.tsv", data_dir);
    f = fopen(path, "r");
    if (!f)
        fail_msg("cannot open %s", path);
    while (fgets(line, sizeof line, f)) {
        char *input = line, *reply, *status, *command, *end;
        smtpdiag_result r;
        char got_status[16], *p;
        const char *got_command;
        size_t len;
        int got_reply;
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0' ||
            strncmp(line, "input\t", 6) == 0)
            continue;
        reply = strchr(input, '\t');
        status = reply ? strchr(reply + 1, '\t') : NULL;
        command = status ? strchr(status + 1, '\t') : NULL;
        if (!command)
            fail_msg("replies.tsv:%d: expected 4 columns", lineno);
        *reply++ = *status++ = *command++ = '\0';
        len = unescape(input);
        smtpdiag_parse(&r, input, len);
        got_reply = smtpdiag_result_reply_code(&r);
        smtpdiag_code_format(smtpdiag_result_status(&r), got_status,
                             sizeof got_status);
        got_command = smtpdiag_enum_name(SMTPDIAG_ENUM_COMMAND,
                                         smtpdiag_result_command(&r));
        rows++;
        if ((strcmp(reply, "-") == 0
                 ? got_reply != 0
                 : got_reply != (int)strtol(reply, &end, 10)) ||
                    strcmp(status, "-") == 0
                ? got_status[0] != '\0'
                : strcmp(got_status, status) != 0 ||
                      (strcmp(command, "-") == 0
                           ? strcmp(got_command, "unknown") != 0
                           : strcmp(got_command, command) != 0)) {
            for (p = input; *p; p++)
                if (*p == '\r' || *p == '\n')
                    *p = '|';
            printf("replies.tsv:%d: want %s %s %s, got %d %s %s: %.160s\n",
                   lineno, reply, status, command, got_reply,
                   got_status[0] ? got_status : "-",
                   strcmp(got_command, "unknown") ? got_command : "-", input);
            failures++;
        }
    }
    fclose(f);
    printf("[ info     ] %d rows, %d disagree\n", rows, failures);
    assert_true(rows >= 300);
    assert_int_equal(failures, 0);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(every_row)};
    if (argc != 2) {
        fprintf(stderr, "usage: %s TESTS_DATA_DIR\n", argv[0]);
        return 2;
    }
    data_dir = argv[1];
    return cmocka_run_group_tests(tests, NULL, NULL);
}
