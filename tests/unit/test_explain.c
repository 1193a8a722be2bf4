/* smtpdiag_explain_code() and smtpdiag_explain(): the fallback chain, the
 * reply code governing the class, errors, languages and the result object. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <string.h>

static void expect(int reply, smtpdiag_code status, const char *by,
                   smtpdiag_source source, smtpdiag_severity severity)
{
    smtpdiag_result r;
    int rc = smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, reply, status);
    if (rc != SMTPDIAG_OK ||
        strcmp(smtpdiag_result_explained_by(&r), by) != 0 ||
        smtpdiag_result_source(&r) != source ||
        smtpdiag_result_severity(&r) != severity)
        fail_msg("%d %lu: rc %d, explained by '%s' (source %d, severity %d); "
                 "want '%s' (source %d, severity %d)",
                 reply, (unsigned long)status, rc,
                 smtpdiag_result_explained_by(&r), smtpdiag_result_source(&r),
                 smtpdiag_result_severity(&r), by, source, severity);
    assert_true(strlen(smtpdiag_result_title(&r)) > 0);
    assert_true(strlen(smtpdiag_result_explanation(&r)) > 0);
    assert_true(strlen(smtpdiag_result_advice(&r)) > 0);
    assert_int_equal(smtpdiag_result_reply_code(&r), reply);
    assert_int_equal(smtpdiag_result_status(&r), status);
}

static void fallback_chain(void **state)
{
    (void)state;
    expect(0, 5001001, "5.1.1", SMTPDIAG_SOURCE_STATUS,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(550, 5001001, "5.1.1", SMTPDIAG_SOURCE_STATUS,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(550, 0, "550", SMTPDIAG_SOURCE_REPLY, SMTPDIAG_SEVERITY_PERMANENT);
    expect(0, 5001099, "5.1.0", SMTPDIAG_SOURCE_STATUS_SUBJECT,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(550, 5001099, "5.1.0", SMTPDIAG_SOURCE_STATUS_SUBJECT,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(0, 5009009, "5.0.0", SMTPDIAG_SOURCE_STATUS_CLASS,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(550, 5009009, "550", SMTPDIAG_SOURCE_REPLY,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(599, 5009009, "5.0.0", SMTPDIAG_SOURCE_STATUS_CLASS,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(0, 5000000, "5.0.0", SMTPDIAG_SOURCE_STATUS,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(552, 5000000, "552", SMTPDIAG_SOURCE_REPLY,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(587, 0, "5xx", SMTPDIAG_SOURCE_REPLY_CLASS,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(476, 0, "4xx", SMTPDIAG_SOURCE_REPLY_CLASS,
           SMTPDIAG_SEVERITY_TRANSIENT);
    expect(299, 0, "2xx", SMTPDIAG_SOURCE_REPLY_CLASS,
           SMTPDIAG_SEVERITY_SUCCESS);
    expect(399, 0, "3xx", SMTPDIAG_SOURCE_REPLY_CLASS,
           SMTPDIAG_SEVERITY_INTERMEDIATE);
    expect(354, 0, "354", SMTPDIAG_SOURCE_REPLY,
           SMTPDIAG_SEVERITY_INTERMEDIATE);
    expect(0, 2001001, "2.1.0", SMTPDIAG_SOURCE_STATUS_SUBJECT,
           SMTPDIAG_SEVERITY_SUCCESS);
    expect(250, 2001005, "2.1.5", SMTPDIAG_SOURCE_STATUS,
           SMTPDIAG_SEVERITY_SUCCESS);
    expect(0, 5007606, "5.7.0", SMTPDIAG_SOURCE_STATUS_SUBJECT,
           SMTPDIAG_SEVERITY_PERMANENT);
}

static void reply_code_governs_class(void **state)
{
    smtpdiag_result r;
    (void)state;
    /* Exchange's "550 4.4.7 QUEUE.Expired": permanent, and explained as the
     * permanent form of the same condition. */
    expect(550, 4004007, "5.4.7", SMTPDIAG_SOURCE_STATUS,
           SMTPDIAG_SEVERITY_PERMANENT);
    expect(554, 4004007, "5.4.7", SMTPDIAG_SOURCE_STATUS,
           SMTPDIAG_SEVERITY_PERMANENT);
    /* Google's "421 5.7.32": transient; 4.7.32 is not registered. */
    expect(421, 5007032, "4.7.0", SMTPDIAG_SOURCE_STATUS_SUBJECT,
           SMTPDIAG_SEVERITY_TRANSIENT);
    expect(452, 5002002, "4.2.2", SMTPDIAG_SOURCE_STATUS,
           SMTPDIAG_SEVERITY_TRANSIENT);
    /* A 3xx reply has no class of its own for enhanced codes. */
    assert_int_equal(smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, 354, 5001001),
                     SMTPDIAG_OK);
    assert_string_equal(smtpdiag_result_explained_by(&r), "5.1.1");
    assert_int_equal(smtpdiag_result_severity(&r),
                     SMTPDIAG_SEVERITY_INTERMEDIATE);
    /* Both codes stay visible as given. */
    assert_int_equal(smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, 550, 4004007),
                     SMTPDIAG_OK);
    assert_int_equal(smtpdiag_result_reply_code(&r), 550);
    assert_int_equal(smtpdiag_result_status(&r), 4004007);
}

static void class_decides_wording(void **state)
{
    smtpdiag_result a, b;
    (void)state;
    smtpdiag_explain_code(&a, SMTPDIAG_LANG_EN, 0, 5002002);
    smtpdiag_explain_code(&b, SMTPDIAG_LANG_EN, 0, 4002002);
    assert_string_equal(smtpdiag_result_explained_by(&a), "5.2.2");
    assert_string_equal(smtpdiag_result_explained_by(&b), "4.2.2");
    assert_string_not_equal(smtpdiag_result_explanation(&a),
                            smtpdiag_result_explanation(&b));
    assert_string_not_equal(smtpdiag_result_advice(&a),
                            smtpdiag_result_advice(&b));
}

static void invalid_codes(void **state)
{
    smtpdiag_result r;
    static const int bad_replies[] = {99, 5, 600, 199, -550, 1000};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad_replies / sizeof bad_replies[0]; i++) {
        assert_int_equal(
            smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, bad_replies[i], 0),
            SMTPDIAG_ERR_INVALID_CODE);
        assert_int_equal(smtpdiag_result_severity(&r),
                         SMTPDIAG_SEVERITY_UNKNOWN);
        assert_int_equal(smtpdiag_result_source(&r), SMTPDIAG_SOURCE_NONE);
        assert_int_equal(smtpdiag_result_reply_code(&r), 0);
        assert_string_equal(smtpdiag_result_title(&r), "");
        assert_string_equal(smtpdiag_result_explained_by(&r), "");
    }
    assert_int_equal(smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, 0, 6001001),
                     SMTPDIAG_ERR_INVALID_CODE);
    assert_int_equal(smtpdiag_result_status(&r), 0);
    assert_string_equal(smtpdiag_result_advice(&r), "");
    /* An invalid status does not hide a valid reply code. */
    assert_int_equal(smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, 550, 3001001),
                     SMTPDIAG_ERR_INVALID_CODE);
    assert_string_equal(smtpdiag_result_explained_by(&r), "550");
    assert_int_equal(smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, 0, 0),
                     SMTPDIAG_ERR_NO_CODE);
    assert_string_equal(smtpdiag_result_title(&r), "");
    assert_int_equal(smtpdiag_explain_code(NULL, SMTPDIAG_LANG_EN, 550, 0),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
}

static void languages(void **state)
{
    smtpdiag_result en, hans, hant, unknown;
    (void)state;
    smtpdiag_explain_code(&en, SMTPDIAG_LANG_EN, 550, 5001001);
    smtpdiag_explain_code(&hans, SMTPDIAG_LANG_ZH_HANS, 550, 5001001);
    smtpdiag_explain_code(&hant, SMTPDIAG_LANG_ZH_HANT, 550, 5001001);
    smtpdiag_explain_code(&unknown, (smtpdiag_lang)99, 550, 5001001);
    assert_int_equal(smtpdiag_result_lang(&hans), SMTPDIAG_LANG_ZH_HANS);
    assert_int_equal(smtpdiag_result_lang(&hant), SMTPDIAG_LANG_ZH_HANT);
    assert_int_equal(smtpdiag_result_lang(&unknown), SMTPDIAG_LANG_EN);
    assert_string_equal(smtpdiag_result_title(&unknown),
                        smtpdiag_result_title(&en));
    assert_string_not_equal(smtpdiag_result_title(&en),
                            smtpdiag_result_title(&hans));
    assert_string_not_equal(smtpdiag_result_title(&hans),
                            smtpdiag_result_title(&hant));
    assert_string_equal(smtpdiag_result_explained_by(&hant), "5.1.1");
}

static void explain_text(void **state)
{
    smtpdiag_result a, b;
    static const char line[] =
        "550 5.1.1 <bob@example.org>: Recipient address rejected";
    (void)state;
    assert_int_equal(
        smtpdiag_explain(&a, SMTPDIAG_LANG_ZH_HANT, line, sizeof line - 1),
        SMTPDIAG_OK);
    smtpdiag_explain_code(&b, SMTPDIAG_LANG_ZH_HANT, 550, 5001001);
    assert_string_equal(smtpdiag_result_title(&a), smtpdiag_result_title(&b));
    assert_int_equal(smtpdiag_result_reply_code(&a), 550);
    assert_int_equal(smtpdiag_result_status(&a), 5001001);
    assert_int_equal(smtpdiag_explain(&a, SMTPDIAG_LANG_EN, "552", 3),
                     SMTPDIAG_OK);
    assert_string_equal(smtpdiag_result_explained_by(&a), "552");
    assert_int_equal(smtpdiag_explain(&a, SMTPDIAG_LANG_EN, "4.2.2", 5),
                     SMTPDIAG_OK);
    assert_string_equal(smtpdiag_result_explained_by(&a), "4.2.2");
    assert_int_equal(smtpdiag_explain(&a, SMTPDIAG_LANG_EN, "hello", 5),
                     SMTPDIAG_ERR_NO_CODE);
    assert_string_equal(smtpdiag_result_title(&a), "");
    assert_int_equal(smtpdiag_explain(&a, SMTPDIAG_LANG_EN, NULL, 0),
                     SMTPDIAG_ERR_NO_CODE);
    assert_int_equal(smtpdiag_explain(&a, SMTPDIAG_LANG_EN, NULL, 3),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_explain(NULL, SMTPDIAG_LANG_EN, "550", 3),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
}

static void result_is_plain_storage(void **state)
{
    smtpdiag_result a, copy;
    (void)state;
    smtpdiag_explain_code(&a, SMTPDIAG_LANG_ZH_HANS, 421, 4004002);
    copy = a; /* no pointers into anything the caller owns */
    memset(&a, 0xAB, sizeof a);
    assert_int_equal(smtpdiag_result_reply_code(&copy), 421);
    assert_string_equal(smtpdiag_result_explained_by(&copy), "4.4.2");
    assert_int_equal(smtpdiag_result_lang(&copy), SMTPDIAG_LANG_ZH_HANS);
    /* NULL results answer "nothing". */
    assert_int_equal(smtpdiag_result_reply_code(NULL), 0);
    assert_int_equal(smtpdiag_result_status(NULL), 0);
    assert_int_equal(smtpdiag_result_severity(NULL), SMTPDIAG_SEVERITY_UNKNOWN);
    assert_int_equal(smtpdiag_result_source(NULL), SMTPDIAG_SOURCE_NONE);
    assert_int_equal(smtpdiag_result_lang(NULL), SMTPDIAG_LANG_EN);
    assert_string_equal(smtpdiag_result_title(NULL), "");
    assert_string_equal(smtpdiag_result_explanation(NULL), "");
    assert_string_equal(smtpdiag_result_advice(NULL), "");
    assert_string_equal(smtpdiag_result_explained_by(NULL), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fallback_chain),
        cmocka_unit_test(reply_code_governs_class),
        cmocka_unit_test(class_decides_wording),
        cmocka_unit_test(invalid_codes),
        cmocka_unit_test(languages),
        cmocka_unit_test(explain_text),
        cmocka_unit_test(result_is_plain_storage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
