/* smtpdiag_classify(): precedence between text and codes, provider rules,
 * context hints, bounce kinds, spans, and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <string.h>

static smtpdiag_reason classify(const char *text, const smtpdiag_hints *h,
                                smtpdiag_result *r)
{
    smtpdiag_classify(r, SMTPDIAG_LANG_EN, text, strlen(text), h);
    return smtpdiag_result_reason(r);
}

static void text_beats_code_when_more_specific(void **state)
{
    smtpdiag_result r;
    (void)state;
    /* The code alone says userunknown ... */
    assert_int_equal(classify("550 5.1.1 ok", NULL, &r),
                     SMTPDIAG_REASON_USERUNKNOWN);
    assert_string_equal(smtpdiag_result_explained_by(&r), "5.1.1");
    assert_string_equal(smtpdiag_result_rule(&r), "");
    /* ... but the text names what really happened. */
    assert_int_equal(
        classify("552 5.1.1 <x@example.com> mailbox is full", NULL, &r),
        SMTPDIAG_REASON_MAILBOXFULL);
    assert_string_equal(smtpdiag_result_explained_by(&r), "reason:mailboxfull");
    assert_int_equal(smtpdiag_result_source(&r), SMTPDIAG_SOURCE_REASON);
    assert_true(strlen(smtpdiag_result_rule(&r)) > 0);
    /* Severity still comes from the codes. */
    assert_int_equal(smtpdiag_result_severity(&r), SMTPDIAG_SEVERITY_PERMANENT);
}

/* A reply code that an SMTP extension gives one meaning (535: a failed
 * login, 556: no mail accepted) says more than an enhanced code that names
 * only its subject's "other" status; a general reply code does not. */
static void one_meaning_reply_beats_vague_status(void **state)
{
    smtpdiag_result r;
    (void)state;
    assert_int_equal(classify("535 5.7.0 xyzzy", NULL, &r),
                     SMTPDIAG_REASON_SECURITYERROR);
    assert_int_equal(classify("556 5.7.1 xyzzy", NULL, &r),
                     SMTPDIAG_REASON_NOTACCEPT);
    assert_int_equal(classify("554 5.7.0 xyzzy", NULL, &r),
                     SMTPDIAG_REASON_UNDEFINED);
    assert_int_equal(classify("451 4.7.1 xyzzy", NULL, &r),
                     SMTPDIAG_REASON_UNDEFINED);
    /* A status with a reason of its own still decides. */
    assert_int_equal(classify("535 5.7.26 xyzzy", NULL, &r),
                     SMTPDIAG_REASON_AUTHFAILURE);
}

static void match_span_points_into_the_input(void **state)
{
    smtpdiag_result r;
    static const char text[] =
        "550 5.1.1 <bob@example.org>:  User   Unknown here";
    size_t at, len;
    (void)state;
    assert_int_equal(classify(text, NULL, &r), SMTPDIAG_REASON_USERUNKNOWN);
    at = smtpdiag_result_match_at(&r);
    len = smtpdiag_result_match_len(&r);
    assert_int_equal(at, strstr(text, "User") - text);
    assert_int_equal(len, strlen("User   Unknown"));
    assert_int_equal(classify("550 5.1.1", NULL, &r),
                     SMTPDIAG_REASON_USERUNKNOWN);
    assert_int_equal(smtpdiag_result_match_at(&r), SMTPDIAG_NO_OFFSET);
    assert_int_equal(smtpdiag_result_match_len(&r), 0);
}

static void provider_meaning_wins_when_provider_known(void **state)
{
    smtpdiag_result r;
    smtpdiag_hints h;
    (void)state;
    /* IANA: 5.7.27 is a sender domain with a null MX. */
    assert_int_equal(classify("550 5.7.27 refused", NULL, &r),
                     SMTPDIAG_REASON_REJECTED);
    assert_string_equal(smtpdiag_result_provider(&r), "");
    /* Gmail uses 5.7.27 for SPF: recognised from its marker ... */
    assert_int_equal(classify("550 5.7.27 refused - gsmtp", NULL, &r),
                     SMTPDIAG_REASON_AUTHFAILURE);
    assert_string_equal(smtpdiag_result_provider(&r), "gmail");
    assert_int_equal(smtpdiag_result_source(&r), SMTPDIAG_SOURCE_RULE);
    assert_memory_equal(smtpdiag_result_explained_by(&r), "rule:", 5);
    /* ... or from the caller's hints. */
    smtpdiag_hints_init(&h);
    assert_int_equal(
        smtpdiag_hints_set_remote_host(&h, "gmail-smtp-in.l.google.com.", 27),
        SMTPDIAG_OK);
    assert_int_equal(classify("550 5.7.27 refused", &h, &r),
                     SMTPDIAG_REASON_AUTHFAILURE);
    smtpdiag_hints_init(&h);
    assert_int_equal(smtpdiag_hints_set_domain(&h, "GMAIL.com", 9),
                     SMTPDIAG_OK);
    assert_int_equal(classify("550 5.7.27 refused", &h, &r),
                     SMTPDIAG_REASON_AUTHFAILURE);
    assert_string_equal(smtpdiag_result_provider(&r), "gmail");
    /* A look-alike domain is not the provider. */
    smtpdiag_hints_init(&h);
    smtpdiag_hints_set_domain(&h, "notgmail.com", 12);
    assert_int_equal(classify("550 5.7.27 refused", &h, &r),
                     SMTPDIAG_REASON_REJECTED);
}

static void context_hints(void **state)
{
    smtpdiag_result r;
    smtpdiag_hints h;
    (void)state;
    smtpdiag_hints_init(&h);
    assert_int_equal(classify("550 Requested action not taken", &h, &r),
                     SMTPDIAG_REASON_UNDEFINED);
    assert_int_equal(smtpdiag_hints_set_command(&h, SMTPDIAG_COMMAND_RCPT),
                     SMTPDIAG_OK);
    assert_int_equal(classify("550 Requested action not taken", &h, &r),
                     SMTPDIAG_REASON_USERUNKNOWN);
    assert_int_equal(smtpdiag_result_command(&r), SMTPDIAG_COMMAND_RCPT);
    smtpdiag_hints_set_command(&h, SMTPDIAG_COMMAND_MAIL);
    assert_int_equal(classify("550 Requested action not taken", &h, &r),
                     SMTPDIAG_REASON_REJECTED);
    smtpdiag_hints_init(&h);
    smtpdiag_hints_set_action(&h, SMTPDIAG_ACTION_DELAYED);
    assert_int_equal(classify("450 4.0.0 try later", &h, &r),
                     SMTPDIAG_REASON_ONHOLD);
    /* A text that says why still wins over the context. */
    assert_int_equal(classify("452 4.2.2 mailbox full", &h, &r),
                     SMTPDIAG_REASON_MAILBOXFULL);
    /* Found by fuzz_classify: with no code, a reason from the context came
     * with SMTPDIAG_OK or SMTPDIAG_ERR_NO_CODE depending on the text, and
     * with no texts. Now it is found, and explained as the reason. */
    smtpdiag_hints_set_action(&h, SMTPDIAG_ACTION_DELIVERED);
    assert_int_equal(smtpdiag_classify(&r, SMTPDIAG_LANG_EN, "hello", 5, &h),
                     SMTPDIAG_OK);
    assert_int_equal(smtpdiag_result_reason(&r), SMTPDIAG_REASON_DELIVERED);
    assert_int_equal(smtpdiag_result_source(&r), SMTPDIAG_SOURCE_REASON);
    assert_string_equal(smtpdiag_result_explained_by(&r), "reason:delivered");
    assert_string_equal(smtpdiag_result_rule(&r), "");
    assert_true(smtpdiag_result_title(&r)[0] != '\0');
    assert_int_equal(smtpdiag_classify(&r, SMTPDIAG_LANG_EN,
                                       "Service not available", 21, &h),
                     SMTPDIAG_OK);
    assert_int_equal(smtpdiag_result_reason(&r), SMTPDIAG_REASON_DELIVERED);
    assert_string_equal(smtpdiag_result_explained_by(&r), "reason:delivered");
}

static void bounce_kinds(void **state)
{
    smtpdiag_result r;
    (void)state;
    classify("552 5.2.2 mailbox full", NULL, &r);
    assert_int_equal(smtpdiag_result_severity(&r), SMTPDIAG_SEVERITY_PERMANENT);
    assert_int_equal(smtpdiag_result_bounce(&r), SMTPDIAG_BOUNCE_SOFT);
    classify("550 5.1.1 user unknown", NULL, &r);
    assert_int_equal(smtpdiag_result_bounce(&r), SMTPDIAG_BOUNCE_HARD);
    classify("250 2.0.0 Ok: queued as ABC", NULL, &r);
    assert_int_equal(smtpdiag_result_reason(&r), SMTPDIAG_REASON_DELIVERED);
    assert_int_equal(smtpdiag_result_bounce(&r), SMTPDIAG_BOUNCE_NONE);
    classify("354 End data with <CR><LF>.<CR><LF>", NULL, &r);
    assert_int_equal(smtpdiag_result_bounce(&r), SMTPDIAG_BOUNCE_NONE);
    /* Free text without codes still has a reason. */
    assert_int_equal(
        smtpdiag_classify(&r, SMTPDIAG_LANG_ZH_HANT, "user unknown", 12, NULL),
        SMTPDIAG_OK);
    assert_int_equal(smtpdiag_result_reason(&r), SMTPDIAG_REASON_USERUNKNOWN);
    assert_int_equal(smtpdiag_result_severity(&r), SMTPDIAG_SEVERITY_UNKNOWN);
    assert_int_equal(smtpdiag_result_bounce(&r), SMTPDIAG_BOUNCE_HARD);
    assert_int_equal(smtpdiag_result_lang(&r), SMTPDIAG_LANG_ZH_HANT);
}

static void nothing_known(void **state)
{
    smtpdiag_result r;
    (void)state;
    assert_int_equal(
        smtpdiag_classify(&r, SMTPDIAG_LANG_EN, "hello world", 11, NULL),
        SMTPDIAG_ERR_NO_CODE);
    assert_int_equal(smtpdiag_result_reason(&r), SMTPDIAG_REASON_UNDEFINED);
    assert_int_equal(smtpdiag_result_bounce(&r), SMTPDIAG_BOUNCE_NONE);
    assert_string_equal(smtpdiag_result_title(&r), "");
    assert_int_equal(smtpdiag_classify(&r, SMTPDIAG_LANG_EN, NULL, 0, NULL),
                     SMTPDIAG_ERR_NO_CODE);
    assert_int_equal(smtpdiag_classify(&r, SMTPDIAG_LANG_EN, NULL, 5, NULL),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_classify(NULL, SMTPDIAG_LANG_EN, "550", 3, NULL),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
}

static void hints_validate(void **state)
{
    smtpdiag_hints h;
    char long_name[300];
    (void)state;
    smtpdiag_hints_init(&h);
    smtpdiag_hints_init(NULL);
    memset(long_name, 'a', sizeof long_name);
    assert_int_equal(smtpdiag_hints_set_command(NULL, SMTPDIAG_COMMAND_RCPT),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_hints_set_command(&h, (smtpdiag_command)99),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_hints_set_action(&h, (smtpdiag_action)-1),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_hints_set_domain(&h, long_name, sizeof long_name),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_hints_set_remote_host(&h, NULL, 4),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_hints_set_remote_host(&h, NULL, 0), SMTPDIAG_OK);
}

static void explain_reason_and_providers(void **state)
{
    smtpdiag_result r;
    size_t i;
    (void)state;
    assert_int_equal(smtpdiag_explain_reason(&r, SMTPDIAG_LANG_ZH_HANS,
                                             SMTPDIAG_REASON_MAILBOXFULL),
                     SMTPDIAG_OK);
    assert_string_equal(smtpdiag_result_explained_by(&r), "reason:mailboxfull");
    assert_int_equal(smtpdiag_result_bounce(&r), SMTPDIAG_BOUNCE_SOFT);
    assert_int_equal(
        smtpdiag_explain_reason(&r, SMTPDIAG_LANG_EN, (smtpdiag_reason)200),
        SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_string_equal(smtpdiag_result_title(&r), "");
    assert_true(smtpdiag_provider_count() >= 1);
    for (i = 0; i < smtpdiag_provider_count(); i++) {
        const char *id = smtpdiag_provider_id(i);
        assert_true(strlen(id) > 0);
        assert_true(strlen(smtpdiag_provider_name(id)) > 0);
    }
    assert_string_equal(smtpdiag_provider_id(smtpdiag_provider_count()), "");
    assert_string_equal(smtpdiag_provider_name("no-such-provider"), "");
    assert_string_equal(smtpdiag_provider_name(NULL), "");
    assert_int_equal(strlen(smtpdiag_data_version()), 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_beats_code_when_more_specific),
        cmocka_unit_test(one_meaning_reply_beats_vague_status),
        cmocka_unit_test(match_span_points_into_the_input),
        cmocka_unit_test(provider_meaning_wins_when_provider_known),
        cmocka_unit_test(context_hints),
        cmocka_unit_test(bounce_kinds),
        cmocka_unit_test(nothing_known),
        cmocka_unit_test(hints_validate),
        cmocka_unit_test(explain_reason_and_providers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
