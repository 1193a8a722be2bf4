/* Enhanced status codes and reply codes: parsing, formatting, validity and
 * severity (RFC 3463 section 2, RFC 5321 section 4.2.1). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <string.h>

static int parse(const char *s, smtpdiag_code *c)
{
    return smtpdiag_code_parse(s, strlen(s), c);
}

static void valid_codes_parse(void **state)
{
    static const struct {
        const char *text;
        smtpdiag_code code;
    } cases[] = {
        {"5.1.1", 5001001},     {"4.7.650", 4007650}, {"2.0.0", 2000000},
        {"5.1.10", 5001010},    {"5.7.606", 5007606}, {"4.4.7", 4004007},
        {"5.999.999", 5999999}, {"5.0.0", 5000000},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        smtpdiag_code c = 1;
        assert_int_equal(parse(cases[i].text, &c), SMTPDIAG_OK);
        assert_int_equal(c, cases[i].code);
        assert_int_equal(c, SMTPDIAG_CODE(SMTPDIAG_CODE_CLASS(c),
                                          SMTPDIAG_CODE_SUBJECT(c),
                                          SMTPDIAG_CODE_DETAIL(c)));
    }
}

static void invalid_codes_are_refused(void **state)
{
    static const char *const bad[] = {
        "5.1.1000", "5.01.1", "5.1.01", "6.1.1",  "3.1.1",  "1.1.1",   "0.0.0",
        "5.1",      "5",      "",       "5..1",   ".5.1.1", "5.1.1.",  " 5.1.1",
        "5.1.1 ",   "55.1.1", "5.1.a",  "5.1.1x", "5.1.-1", "5.1.1\n",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        smtpdiag_code c = 99;
        assert_int_equal(parse(bad[i], &c), SMTPDIAG_ERR_INVALID_CODE);
        assert_int_equal(c, 0);
    }
}

static void embedded_nul_is_data(void **state)
{
    smtpdiag_code c;
    (void)state;
    assert_int_equal(smtpdiag_code_parse("5.1.1\0", 6, &c),
                     SMTPDIAG_ERR_INVALID_CODE);
    assert_int_equal(smtpdiag_code_parse("5.1.1\0junk", 5, &c), SMTPDIAG_OK);
    assert_int_equal(c, 5001001);
}

static void null_arguments(void **state)
{
    smtpdiag_code c;
    (void)state;
    assert_int_equal(smtpdiag_code_parse(NULL, 0, &c),
                     SMTPDIAG_ERR_INVALID_CODE);
    assert_int_equal(smtpdiag_code_parse(NULL, 5, &c),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_code_parse("5.1.1", 5, NULL),
                     SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(smtpdiag_code_format(5001001, NULL, 0), 5);
}

static void format_has_snprintf_semantics(void **state)
{
    char buf[16];
    (void)state;
    assert_int_equal(smtpdiag_code_format(4007650, buf, sizeof buf), 7);
    assert_string_equal(buf, "4.7.650");
    assert_int_equal(smtpdiag_code_format(4007650, buf, 4), 7);
    assert_string_equal(buf, "4.7");
    assert_int_equal(smtpdiag_code_format(4007650, buf, 1), 7);
    assert_string_equal(buf, "");
    memset(buf, 'x', sizeof buf);
    assert_int_equal(smtpdiag_code_format(0, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_int_equal(smtpdiag_code_format(6001001, buf, sizeof buf), 0);
    assert_int_equal(smtpdiag_code_format(2000000, buf, sizeof buf), 5);
    assert_string_equal(buf, "2.0.0");
}

static void validity(void **state)
{
    (void)state;
    assert_true(smtpdiag_code_is_valid(5001001));
    assert_true(smtpdiag_code_is_valid(2000000));
    assert_false(smtpdiag_code_is_valid(0));
    assert_false(smtpdiag_code_is_valid(3001001));
    assert_false(smtpdiag_code_is_valid(6001001));
    assert_false(smtpdiag_code_is_valid(0xFFFFFFFFu));
    assert_true(smtpdiag_reply_code_is_valid(200));
    assert_true(smtpdiag_reply_code_is_valid(599));
    assert_true(smtpdiag_reply_code_is_valid(571));
    assert_false(smtpdiag_reply_code_is_valid(99));
    assert_false(smtpdiag_reply_code_is_valid(199));
    assert_false(smtpdiag_reply_code_is_valid(600));
    assert_false(smtpdiag_reply_code_is_valid(5));
    assert_false(smtpdiag_reply_code_is_valid(-550));
}

static void standard_codes(void **state)
{
    (void)state;
    assert_true(smtpdiag_reply_code_is_standard(550));
    assert_true(smtpdiag_reply_code_is_standard(421));
    assert_true(smtpdiag_reply_code_is_standard(354));
    assert_false(smtpdiag_reply_code_is_standard(571)); /* 5.7.1 squeezed */
    assert_false(smtpdiag_reply_code_is_standard(599));
    assert_false(smtpdiag_reply_code_is_standard(0));
}

static void severities(void **state)
{
    (void)state;
    assert_int_equal(smtpdiag_reply_severity(250), SMTPDIAG_SEVERITY_SUCCESS);
    assert_int_equal(smtpdiag_reply_severity(354),
                     SMTPDIAG_SEVERITY_INTERMEDIATE);
    assert_int_equal(smtpdiag_reply_severity(421), SMTPDIAG_SEVERITY_TRANSIENT);
    assert_int_equal(smtpdiag_reply_severity(550), SMTPDIAG_SEVERITY_PERMANENT);
    assert_int_equal(smtpdiag_reply_severity(99), SMTPDIAG_SEVERITY_UNKNOWN);
    assert_int_equal(smtpdiag_reply_severity(600), SMTPDIAG_SEVERITY_UNKNOWN);
    assert_int_equal(smtpdiag_status_severity(2000000),
                     SMTPDIAG_SEVERITY_SUCCESS);
    assert_int_equal(smtpdiag_status_severity(4004007),
                     SMTPDIAG_SEVERITY_TRANSIENT);
    assert_int_equal(smtpdiag_status_severity(5001001),
                     SMTPDIAG_SEVERITY_PERMANENT);
    assert_int_equal(smtpdiag_status_severity(3001001),
                     SMTPDIAG_SEVERITY_UNKNOWN);
    assert_int_equal(smtpdiag_status_severity(0), SMTPDIAG_SEVERITY_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_codes_parse),
        cmocka_unit_test(invalid_codes_are_refused),
        cmocka_unit_test(embedded_nul_is_data),
        cmocka_unit_test(null_arguments),
        cmocka_unit_test(format_has_snprintf_semantics),
        cmocka_unit_test(validity),
        cmocka_unit_test(standard_codes),
        cmocka_unit_test(severities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
