/* smtpdiag_parse(): finding the codes in replies and diagnostics. The
 * strings are shapes real servers send; where each comes from is noted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <string.h>

struct parse_case {
    const char *text;
    int reply;
    smtpdiag_code status;
};

static void run(const struct parse_case *cases, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        smtpdiag_result r;
        int rc = smtpdiag_parse(&r, cases[i].text, strlen(cases[i].text));
        int want_rc = cases[i].reply || cases[i].status ? SMTPDIAG_OK
                                                        : SMTPDIAG_ERR_NO_CODE;
        if (rc != want_rc || smtpdiag_result_reply_code(&r) != cases[i].reply ||
            smtpdiag_result_status(&r) != cases[i].status)
            fail_msg("'%s': got rc %d, %d %lu; want %d %lu", cases[i].text, rc,
                     smtpdiag_result_reply_code(&r),
                     (unsigned long)smtpdiag_result_status(&r), cases[i].reply,
                     (unsigned long)cases[i].status);
    }
}

#define RUN(cases) run(cases, sizeof cases / sizeof cases[0])

static void bare_codes_and_simple_replies(void **state)
{
    static const struct parse_case cases[] = {
        {"550", 550, 0},
        {"5.1.1", 0, 5001001},
        {"250 OK", 250, 0},
        {"250 2.1.5 Ok", 250, 2001005}, /* Postfix */
        {"550 5.1.1 <bob@example.org>: Recipient address rejected: "
         "User unknown in virtual mailbox table",
         550, 5001001}, /* Postfix */
        {"421 4.7.0 Try again later, closing connection.", 421, 4007000},
        {"  550 5.7.1 leading spaces", 550, 5007001},
        {"571 5.7.1 Message refused, DMARC verification Failed.", 571, 5007001},
        {"552 Requested mail action aborted: exceeded storage allocation", 552,
         0},
    };
    (void)state;
    RUN(cases);
}

static void multi_line_replies(void **state)
{
    /* RFC 2034 puts the code on every line; Gmail does. */
    static const struct parse_case cases[] = {
        {"550-5.7.1 line one\r\n550-5.7.1 line two\r\n550 5.7.1 line three",
         550, 5007001},
        {"550-5.1.1 The email account that you tried to reach does not exist.\n"
         "550 5.1.1 Please try double-checking the recipient's email address",
         550, 5001001},
        {"450-4.2.1 first\r450 4.2.1 second", 450, 4002001},
        {"554-mx.example.net\r\n554 Your access to this mail system has been "
         "rejected",
         554, 0},
    };
    (void)state;
    RUN(cases);
}

static void diagnostics_and_wrappers(void **state)
{
    static const struct parse_case cases[] = {
        /* RFC 3464 Diagnostic-Code values */
        {"smtp; 550 5.1.1 <x@example.com>: Recipient address rejected", 550,
         5001001},
        {"SMTP; 554 5.7.1 Service unavailable", 554, 5007001},
        {"X-Postfix; host mx.example.com[192.0.2.1] said: 550 5.1.1 <x>: user "
         "unknown (in reply to RCPT TO command)",
         550, 5001001},
        {"smtp; 550 #5.7.1 Your access to submit messages to this e-mail "
         "system has been rejected.",
         550, 5007001}, /* pastebin jhdNMiyp */
        /* Amazon SES wraps the remote reply: the remote code is what happened
         */
        {"5.1.0 - Unknown address error 550-'5.2.2 <x@example.com>... Mailbox "
         "Full' (delivery attempts: 0)",
         550, 5002002},
        /* Exchange quotes the remote server */
        {"Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; "
         "Recipient not found by SMTP address lookup'",
         550, 5001010},
        /* qmail puts the enhanced code in the text */
        {"Sorry, no mailbox here by that name. (#5.1.1)", 0, 5001001},
        {"Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", 0,
         4004001},
        {"550 #5.1.0 Address rejected.", 550, 5001000},
        {"host said: 550 No such user", 550, 0},
    };
    (void)state;
    RUN(cases);
}

static void things_that_are_not_codes(void **state)
{
    static const struct parse_case cases[] = {
        {"connect to 192.0.2.5.1.1 failed", 0, 0},
        {"connection to 10.4.4.1 timed out", 0, 0},
        {"Postfix 3.5.1 says hello", 0, 0},
        {"a5.7.25 glued", 0, 0},
        {"version 5.1.1.2 installed", 0, 0},
        {"5.01.1 leading zero", 0, 0},
        {"5.1.1000 too long", 0, 0},
        {"6.1.1 no such class", 0, 0},
        {"099 not a reply code", 0, 0},
        {"5500 too many digits", 0, 0},
        {"55 too few", 0, 0},
        {"", 0, 0},
        {"hello world", 0, 0},
        {"\xff\xfe\x80 binary", 0, 0},
    };
    (void)state;
    RUN(cases);
}

static void lengths_and_nul_bytes(void **state)
{
    smtpdiag_result r;
    (void)state;
    assert_int_equal(smtpdiag_parse(&r, "550 5.1.1", 3), SMTPDIAG_OK);
    assert_int_equal(smtpdiag_result_reply_code(&r), 550);
    assert_int_equal(smtpdiag_result_status(&r), 0);
    assert_int_equal(smtpdiag_parse(&r,
                                    "\0\0"
                                    "550 5.1.1",
                                    11),
                     SMTPDIAG_OK);
    assert_int_equal(smtpdiag_result_status(&r), 5001001);
    assert_int_equal(smtpdiag_parse(&r, NULL, 0), SMTPDIAG_ERR_NO_CODE);
    assert_int_equal(smtpdiag_parse(&r, NULL, 10),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_parse(NULL, "550", 3),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_result_severity(&r), SMTPDIAG_SEVERITY_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bare_codes_and_simple_replies),
        cmocka_unit_test(multi_line_replies),
        cmocka_unit_test(diagnostics_and_wrappers),
        cmocka_unit_test(things_that_are_not_codes),
        cmocka_unit_test(lengths_and_nul_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
