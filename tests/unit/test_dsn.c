/* smtpdiag_dsn_*: reading delivery status notifications and plain-text
 * bounces. The messages follow the shapes of RFC 3464 (section 6 and its
 * appendix examples), RFC 6533, and the plain-text notices of qmail-send,
 * Exim, Sendmail and Exchange 2003; tests/data/dsn holds whole real-shaped
 * bounces for the end-to-end test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <stdio.h>
#include <string.h>

static char scratch[65536];
static char value[8192];

static const char *rcpt(const smtpdiag_dsn *d)
{
    smtpdiag_dsn_recipient(d, value, sizeof value);
    return value;
}

static const char *field(const smtpdiag_dsn *d, const char *name)
{
    smtpdiag_dsn_field(d, name, value, sizeof value);
    return value;
}

static const char *diag(const smtpdiag_dsn *d)
{
    smtpdiag_dsn_diagnostic(d, value, sizeof value);
    return value;
}

static int open_text(smtpdiag_dsn *d, const char *msg)
{
    return smtpdiag_dsn_open(d, msg, strlen(msg), scratch, sizeof scratch);
}

/* RFC 3464 appendix B style: a Postfix-like report with two recipients,
 * folded fields, a comment in Status and a returned header part. */
static const char two_recipients[] =
    "From: MAILER-DAEMON@mx.example.org\r\n"
    "Subject: Undelivered Mail Returned to Sender\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/report; report-type=delivery-status;\r\n"
    "\tboundary=\"8F2A1.1730541600/mx.example.org\"\r\n"
    "\r\n"
    "--8F2A1.1730541600/mx.example.org\r\n"
    "Content-Type: text/plain; charset=us-ascii\r\n"
    "\r\n"
    "This is the mail system at host mx.example.org.\r\n"
    "\r\n"
    "--8F2A1.1730541600/mx.example.org\r\n"
    "Content-Type: message/delivery-status\r\n"
    "\r\n"
    "Reporting-MTA: dns; mx.example.org\r\n"
    "X-Postfix-Queue-ID: 8F2A1\r\n"
    "Arrival-Date: Mon,  2 Nov 2026 10:00:00 +0000 (UTC)\r\n"
    "\r\n"
    "Final-Recipient: rfc822; <bob@example.net>\r\n"
    "Original-Recipient: rfc822;bob@example.net\r\n"
    "Action: failed\r\n"
    "Status: 5.0.0 (permanent failure)\r\n"
    "Remote-MTA: dns; mx.example.net\r\n"
    "Diagnostic-Code: smtp; 550 5.7.1 Message rejected: spam content\r\n"
    "    detected\r\n"
    "X-Display-Name: Bob\r\n"
    "\r\n"
    "final-recipient: RFC822; carol@example.net\r\n"
    "ACTION: delayed\r\n"
    "status: 4.4.1\r\n"
    "will-retry-until: Fri, 6 Nov 2026 10:00:00 +0000\r\n"
    "diagnostic-code: X-Postfix; connect to mx.example.net[192.0.2.1]:25:\r\n"
    " Connection timed out\r\n"
    "\r\n"
    "--8F2A1.1730541600/mx.example.org\r\n"
    "Content-Type: text/rfc822-headers\r\n"
    "\r\n"
    "Message-ID: <m1@example.com>\r\n"
    "Subject: Quarterly\r\n"
    " report\r\n"
    "X-Campaign-Id: spring-2026\r\n"
    "\r\n"
    "--8F2A1.1730541600/mx.example.org--\r\n";

static void report_with_two_recipients(void **state)
{
    smtpdiag_dsn d;
    smtpdiag_result r;
    (void)state;
    assert_int_equal(open_text(&d, two_recipients), SMTPDIAG_OK);
    assert_int_equal(smtpdiag_dsn_kind_of(&d), SMTPDIAG_DSN_KIND_REPORT);
    smtpdiag_dsn_message_field(&d, "reporting-mta", value, sizeof value);
    assert_string_equal(value, "dns; mx.example.org");
    smtpdiag_dsn_message_field(&d, "X-Postfix-Queue-ID", value, sizeof value);
    assert_string_equal(value, "8F2A1");
    smtpdiag_dsn_original_header(&d, "subject", value, sizeof value);
    assert_string_equal(value, "Quarterly report");
    smtpdiag_dsn_original_header(&d, "X-Campaign-Id", value, sizeof value);
    assert_string_equal(value, "spring-2026");

    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_string_equal(rcpt(&d), "bob@example.net");
    assert_int_equal(smtpdiag_dsn_action(&d), SMTPDIAG_ACTION_FAILED);
    /* Status 5.0.0 with a more specific 5.7.1 of the same class in the
     * text: the text's code (docs/dsn.md). */
    assert_int_equal(smtpdiag_dsn_status(&d), SMTPDIAG_CODE(5, 7, 1));
    assert_string_equal(field(&d, "Status"), "5.0.0 (permanent failure)");
    assert_string_equal(diag(&d), "550 5.7.1 Message rejected: spam content "
                                  "detected");
    assert_string_equal(field(&d, "X-Display-Name"), "Bob");
    assert_int_equal(smtpdiag_dsn_classify(&d, &r, SMTPDIAG_LANG_EN),
                     SMTPDIAG_OK);
    assert_int_equal(smtpdiag_result_reply_code(&r), 550);
    assert_int_equal(smtpdiag_result_status(&r), SMTPDIAG_CODE(5, 7, 1));
    assert_int_equal(smtpdiag_result_reason(&r), SMTPDIAG_REASON_SPAMDETECTED);
    /* match offsets refer to the unfolded diagnostic */
    assert_true(smtpdiag_result_match_at(&r) < strlen(diag(&d)));

    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_string_equal(rcpt(&d), "carol@example.net");
    assert_int_equal(smtpdiag_dsn_action(&d), SMTPDIAG_ACTION_DELAYED);
    assert_int_equal(smtpdiag_dsn_status(&d), SMTPDIAG_CODE(4, 4, 1));
    assert_string_equal(field(&d, "Will-Retry-Until"),
                        "Fri, 6 Nov 2026 10:00:00 +0000");
    assert_string_equal(diag(&d), "connect to mx.example.net[192.0.2.1]:25: "
                                  "Connection timed out");
    assert_int_equal(smtpdiag_dsn_classify(&d, &r, SMTPDIAG_LANG_EN),
                     SMTPDIAG_OK);
    assert_int_equal(smtpdiag_result_severity(&r), SMTPDIAG_SEVERITY_TRANSIENT);
    assert_int_equal(smtpdiag_result_bounce(&r), SMTPDIAG_BOUNCE_SOFT);

    assert_int_equal(smtpdiag_dsn_next(&d), 0);
    assert_int_equal(smtpdiag_dsn_next(&d), 0);
    smtpdiag_dsn_rewind(&d);
    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_string_equal(rcpt(&d), "bob@example.net");
}

static void status_precedence(void **state)
{
    /* field, text, effective */
    static const struct {
        const char *status, *diagnostic;
        smtpdiag_code want;
    } cases[] = {
        {"5.0.0", "550 5.7.1 blocked", SMTPDIAG_CODE(5, 7, 1)},
        {"5.1.0", "550 5.1.1 unknown", SMTPDIAG_CODE(5, 1, 1)},
        {"5.1.1", "550 5.7.1 whatever", SMTPDIAG_CODE(5, 1, 1)},
        {"4.0.0", "550 5.7.1 other class", SMTPDIAG_CODE(4, 0, 0)},
        {NULL, "452 4.2.2 over quota", SMTPDIAG_CODE(4, 2, 2)},
        {"5.2.2", "mailbox full", SMTPDIAG_CODE(5, 2, 2)},
        {"bogus", "550 no enhanced code", 0},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char msg[512];
        smtpdiag_dsn d;
        snprintf(msg, sizeof msg,
                 "Reporting-MTA: dns; mx.example.org\n\n"
                 "Final-Recipient: rfc822; u@example.net\nAction: failed\n"
                 "%s%s%sDiagnostic-Code: smtp; %s\n",
                 cases[i].status ? "Status: " : "",
                 cases[i].status ? cases[i].status : "",
                 cases[i].status ? "\n" : "", cases[i].diagnostic);
        assert_int_equal(open_text(&d, msg), SMTPDIAG_OK);
        assert_int_equal(smtpdiag_dsn_next(&d), 1);
        if (smtpdiag_dsn_status(&d) != cases[i].want)
            fail_msg("case %lu: got %lu", (unsigned long)i,
                     (unsigned long)smtpdiag_dsn_status(&d));
    }
}

/* The report part base64-encoded inside a multipart/mixed, as some
 * gateways forward bounces; an RFC 6533 global DSN with a UTF-8 address. */
static void encoded_and_nested_parts(void **state)
{
    static const char nested[] =
        "Content-Type: multipart/mixed; boundary=outer\n\n"
        "--outer\nContent-Type: text/plain\n\nForwarded bounce.\n"
        "--outer\nContent-Type: multipart/report; "
        "report-type=delivery-status; boundary=\"inner\"\n\n"
        "--inner\nContent-Type: text/plain\n\nFailed.\n"
        "--inner\nContent-Type: message/delivery-status\n"
        "Content-Transfer-Encoding: base64\n\n"
        /* "Reporting-MTA: dns; a.example\n\nFinal-Recipient: rfc822; "
         * "x@example.net\nAction: failed\nStatus: 5.2.2\n" */
        "UmVwb3J0aW5nLU1UQTogZG5zOyBhLmV4YW1wbGUKCkZpbmFsLVJlY2lwaWVudDog\n"
        "cmZjODIyOyB4QGV4YW1wbGUubmV0CkFjdGlvbjogZmFpbGVkClN0YXR1czogNS4y\n"
        "LjIK\n"
        "--inner--\n--outer--\n";
    static const char global[] =
        "Content-Type: multipart/report; report-type=global-delivery-status;"
        " boundary=g\n\n--g\nContent-Type: message/global-delivery-status\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        "Reporting-MTA: dns; mx.example.org\n\n"
        "Final-Recipient: utf-8; =E7=94=A8=E6=88=B7@example.net\n"
        "Action: failed\nStatus: 5.1.1\n"
        "Diagnostic-Code: smtp; 550 5.1.1 mailbox unavail=\nable\n"
        "--g--\n";
    smtpdiag_dsn d;
    (void)state;
    assert_int_equal(open_text(&d, nested), SMTPDIAG_OK);
    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_string_equal(rcpt(&d), "x@example.net");
    assert_int_equal(smtpdiag_dsn_status(&d), SMTPDIAG_CODE(5, 2, 2));
    assert_int_equal(smtpdiag_dsn_next(&d), 0);
    /* Decoding needs room: too little is an error, not a partial read. */
    assert_int_equal(smtpdiag_dsn_open(&d, nested, strlen(nested), scratch, 10),
                     SMTPDIAG_ERR_NO_SPACE);
    assert_int_equal(smtpdiag_dsn_next(&d), 0);

    assert_int_equal(open_text(&d, global), SMTPDIAG_OK);
    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_string_equal(rcpt(&d), "\xE7\x94\xA8\xE6\x88\xB7@example.net");
    assert_string_equal(diag(&d), "550 5.1.1 mailbox unavailable");
}

/* No Final-Recipient: the Original-Recipient; a block without either is
 * not a recipient. */
static void recipient_fallbacks(void **state)
{
    static const char msg[] =
        "Reporting-MTA: dns; mx.example.org\n\n"
        "Original-Recipient: rfc822; <first@example.net>\nAction: failed\n"
        "Status: 5.1.1\n\n"
        "X-Unrelated: block\n\n"
        "Final-Recipient: rfc822; second@example.net\nAction: delivered\n"
        "Status: 2.0.0\n";
    smtpdiag_dsn d;
    (void)state;
    assert_int_equal(open_text(&d, msg), SMTPDIAG_OK);
    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_string_equal(rcpt(&d), "first@example.net");
    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_string_equal(rcpt(&d), "second@example.net");
    assert_int_equal(smtpdiag_dsn_action(&d), SMTPDIAG_ACTION_DELIVERED);
    assert_int_equal(smtpdiag_dsn_next(&d), 0);
    /* A separator line of blanks still separates blocks. */
    assert_int_equal(open_text(&d, "Reporting-MTA: dns; a\n \t\n"
                                   "Final-Recipient: rfc822; x@example.net\n"
                                   "Action: failed\n  \r\n"
                                   "Final-Recipient: rfc822; y@example.net\n"
                                   "Action: delayed\n"),
                     SMTPDIAG_OK);
    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_string_equal(rcpt(&d), "x@example.net");
    assert_int_equal(smtpdiag_dsn_action(&d), SMTPDIAG_ACTION_FAILED);
    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_string_equal(rcpt(&d), "y@example.net");
    assert_int_equal(smtpdiag_dsn_next(&d), 0);
}

struct text_case {
    const char *name, *msg, *address, *diagnostic;
    smtpdiag_action action;
    int recipients;
};

/* Plain-text bounces: the shapes docs/dsn.md lists. */
static void plain_text_shapes(void **state)
{
    static const struct text_case cases[] = {
        {"qmail-send",
         "Subject: failure notice\n\nHi. This is the qmail-send program at "
         "mx.example.org.\nI'm afraid I wasn't able to deliver your message "
         "to the following addresses.\nThis is a permanent error; I've given "
         "up. Sorry it didn't work out.\n\n<bob@example.net>:\n192.0.2.1 "
         "does not like recipient.\nRemote host said: 550 5.1.1 User "
         "unknown\nGiving up on 192.0.2.1.\n\n<carol@example.net>:\nSorry, "
         "no mailbox here by that name. (#5.1.1)\n\n--- Below this line is "
         "a copy of the message.\n",
         "bob@example.net", "550 5.1.1 User unknown", SMTPDIAG_ACTION_FAILED,
         2},
        {"exim",
         "Subject: Mail delivery failed: returning message to sender\n\n"
         "This message was created automatically by mail delivery "
         "software.\n\nA message that you sent could not be delivered to one "
         "or more of its\nrecipients. This is a permanent error. The "
         "following address(es) failed:\n\n  bob@example.net\n    host "
         "mx.example.net [192.0.2.1]\n    SMTP error from remote mail server "
         "after RCPT TO:<bob@example.net>:\n    550 5.1.1 User unknown\n\n"
         "------ This is a copy of the message, including all the headers. "
         "------\n  notme@example.com\n",
         "bob@example.net", "550 5.1.1 User unknown", SMTPDIAG_ACTION_FAILED,
         1},
        {"exim delay",
         "This message was created automatically by mail delivery software."
         "\n\nA message that you sent has not yet been delivered to one or "
         "more of its\nrecipients after more than 24 hours on the queue.\n\n"
         "The address to which the message has not yet been delivered is:\n"
         "\n  bob@example.net\n    host mx.example.net [192.0.2.1]: 451 4.7.1"
         " Greylisted\n\nNo action is required on your part.\n",
         "bob@example.net",
         "host mx.example.net [192.0.2.1]: 451 4.7.1 Greylisted",
         SMTPDIAG_ACTION_DELAYED, 1},
        {"sendmail",
         "The original message was received at Mon, 2 Nov 2026\n\n   ----- "
         "The following addresses had permanent fatal errors -----\n"
         "<bob@example.net>\n    (reason: 550 5.1.1 <bob@example.net>... "
         "User unknown)\n\n   ----- Transcript of session follows -----\n"
         "... while talking to mx.example.net.:\n",
         "bob@example.net", "550 5.1.1 <bob@example.net>... User unknown",
         SMTPDIAG_ACTION_FAILED, 1},
        {"exchange 2003",
         "Your message did not reach some or all of the intended "
         "recipients.\n\n      Subject:\tReport\n\nThe following "
         "recipient(s) cannot be reached:\n\n      bob@example.net on "
         "11/2/2026 10:00 AM\n            The e-mail address you entered "
         "couldn't be found.\n            <mx.example.org #5.1.1 smtp;550 "
         "5.1.1 User unknown>\n",
         "bob@example.net", "550 5.1.1 User unknown", SMTPDIAG_ACTION_FAILED,
         1},
        {"postfix text",
         "This is the mail system at host mx.example.org.\n\n####### THIS IS"
         " A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. "
         "#######\n\n<bob@example.net> (expanded from <team@example.org>): "
         "host mx.example.net[192.0.2.1] said: 452 4.2.2 Mailbox full (in "
         "reply to RCPT TO command)\n",
         "bob@example.net",
         "452 4.2.2 Mailbox full (in reply to RCPT TO command)",
         SMTPDIAG_ACTION_DELAYED, 1},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        smtpdiag_dsn d;
        int n = 0;
        if (open_text(&d, cases[i].msg) != SMTPDIAG_OK)
            fail_msg("%s: not recognised", cases[i].name);
        assert_int_equal(smtpdiag_dsn_kind_of(&d), SMTPDIAG_DSN_KIND_TEXT);
        while (smtpdiag_dsn_next(&d)) {
            if (n++ > 0)
                continue;
            if (strcmp(rcpt(&d), cases[i].address) != 0)
                fail_msg("%s: address '%s'", cases[i].name, value);
            if (strcmp(diag(&d), cases[i].diagnostic) != 0)
                fail_msg("%s: diagnostic '%s'", cases[i].name, value);
            if (smtpdiag_dsn_action(&d) != cases[i].action)
                fail_msg("%s: action %d", cases[i].name,
                         (int)smtpdiag_dsn_action(&d));
            /* text bounces know these two fields only */
            assert_string_equal(field(&d, "Final-Recipient"), cases[i].address);
            assert_string_equal(field(&d, "Status"), "");
        }
        if (n != cases[i].recipients)
            fail_msg("%s: %d recipients", cases[i].name, n);
    }
}

/* Defined answers for bad input: never a crash, never a read past it. */
static void bad_input(void **state)
{
    static const char *const nothing[] = {
        "",
        "\n\n\n",
        "Subject: hello\n\nJust a letter, no bounce at all.\n",
        ("Content-Type: multipart/report; boundary=x\n\n--x\n"
         "Content-Type: text/html\n\n<p>hi</p>\n--x--\n"),
        "Content-Type: multipart/mixed\n\nno boundary parameter\n",
    };
    smtpdiag_dsn d;
    smtpdiag_result r;
    size_t i;
    char tiny[1] = {'x'};
    (void)state;
    assert_int_equal(smtpdiag_dsn_open(NULL, "x", 1, NULL, 0),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_dsn_open(&d, NULL, 5, NULL, 0),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_dsn_next(&d), 0);
    assert_int_equal(smtpdiag_dsn_open(&d, "x", 1, NULL, 3),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_dsn_open(&d, NULL, 0, NULL, 0),
                     SMTPDIAG_ERR_NOT_FOUND);
    for (i = 0; i < sizeof nothing / sizeof nothing[0]; i++) {
        assert_int_equal(open_text(&d, nothing[i]), SMTPDIAG_ERR_NOT_FOUND);
        assert_int_equal(smtpdiag_dsn_kind_of(&d), SMTPDIAG_DSN_KIND_NONE);
        assert_int_equal(smtpdiag_dsn_next(&d), 0);
    }
    /* Getters before the first recipient, and with NULL. */
    assert_int_equal(open_text(&d, two_recipients), SMTPDIAG_OK);
    assert_int_equal(smtpdiag_dsn_recipient(&d, value, sizeof value), 0);
    assert_string_equal(value, "");
    assert_int_equal(smtpdiag_dsn_status(&d), 0);
    assert_int_equal(smtpdiag_dsn_action(&d), SMTPDIAG_ACTION_UNKNOWN);
    assert_int_equal(smtpdiag_dsn_classify(&d, &r, SMTPDIAG_LANG_EN),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_dsn_classify(&d, NULL, SMTPDIAG_LANG_EN),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_dsn_classify(NULL, &r, SMTPDIAG_LANG_EN),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_dsn_field(NULL, "Status", value, sizeof value),
                     0);
    assert_int_equal(smtpdiag_dsn_field(&d, NULL, value, sizeof value), 0);
    assert_int_equal(smtpdiag_dsn_kind_of(NULL), SMTPDIAG_DSN_KIND_NONE);
    assert_int_equal(smtpdiag_dsn_next(NULL), 0);
    smtpdiag_dsn_rewind(NULL);
    /* snprintf semantics: the whole length, the output cut and terminated */
    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_int_equal(smtpdiag_dsn_recipient(&d, NULL, 0), 15);
    assert_int_equal(smtpdiag_dsn_recipient(&d, tiny, sizeof tiny), 15);
    assert_int_equal(tiny[0], '\0');
    assert_int_equal(smtpdiag_dsn_recipient(&d, value, 4), 15);
    assert_string_equal(value, "bob");
    /* Cut anywhere, the message still reads without error. */
    for (i = 0; i < sizeof two_recipients - 1; i += 7) {
        int n = 0;
        if (open_text(&d, "") != SMTPDIAG_ERR_NOT_FOUND)
            fail();
        smtpdiag_dsn_open(&d, two_recipients, i, scratch, sizeof scratch);
        while (smtpdiag_dsn_next(&d) && n < 10) {
            smtpdiag_dsn_classify(&d, &r, SMTPDIAG_LANG_EN);
            n++;
        }
        assert_true(n <= 2);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(report_with_two_recipients),
        cmocka_unit_test(status_precedence),
        cmocka_unit_test(encoded_and_nested_parts),
        cmocka_unit_test(recipient_fallbacks),
        cmocka_unit_test(plain_text_shapes),
        cmocka_unit_test(bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
