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

#include "corpus.h"

#include <smtpdiag.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *data_dir;

static void every_row(void **state)
{
    struct corpus c;
    char *col[4], *p, *end;
    size_t len;
    int rows = 0, failures = 0;
    (void)state;
    corpus_open(&c, data_dir, "replies.tsv");
    while (corpus_row(&c, col, 4, &len)) {
        const char *input = col[0], *reply = col[1], *status = col[2],
                   *command = col[3], *got_command;
        smtpdiag_result r;
        char got_status[16];
        int got_reply;
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
            (strcmp(status, "-") == 0 ? got_status[0] != '\0'
                                      : strcmp(got_status, status) != 0) ||
            (strcmp(command, "-") == 0 ? strcmp(got_command, "unknown") != 0
                                       : strcmp(got_command, command) != 0)) {
            for (p = col[0]; *p; p++)
                if (*p == '\r' || *p == '\n')
                    *p = '|';
            printf("replies.tsv:%d: want %s %s %s, got %d %s %s: %.160s\n",
                   c.lineno, reply, status, command, got_reply,
                   got_status[0] ? got_status : "-",
                   strcmp(got_command, "unknown") ? got_command : "-", col[0]);
            failures++;
        }
    }
    corpus_close(&c);
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
