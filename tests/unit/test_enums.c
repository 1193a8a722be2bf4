/* Every enumeration lists its values and maps names both ways; unknown
 * values and names get the documented answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <string.h>

static const smtpdiag_enum all_enums[] = {
    SMTPDIAG_ENUM_ERROR,  SMTPDIAG_ENUM_SEVERITY, SMTPDIAG_ENUM_LANG,
    SMTPDIAG_ENUM_SOURCE, SMTPDIAG_ENUM_COMMAND,  SMTPDIAG_ENUM_REASON,
    SMTPDIAG_ENUM_BOUNCE, SMTPDIAG_ENUM_ACTION};

static void names_round_trip(void **state)
{
    size_t e, i;
    (void)state;
    for (e = 0; e < sizeof all_enums / sizeof all_enums[0]; e++) {
        size_t n = smtpdiag_enum_count(all_enums[e]);
        int prev = -1000;
        assert_true(n > 0);
        for (i = 0; i < n; i++) {
            int v = smtpdiag_enum_value(all_enums[e], i), back = -99;
            const char *name = smtpdiag_enum_name(all_enums[e], v);
            assert_true(v > prev); /* ascending, no duplicates */
            prev = v;
            assert_true(strlen(name) > 0);
            assert_int_equal(smtpdiag_enum_from_name(all_enums[e], name,
                                                     strlen(name), &back),
                             SMTPDIAG_OK);
            assert_int_equal(back, v);
        }
        assert_int_equal(smtpdiag_enum_value(all_enums[e], n), -1);
    }
}

static void pinned_names(void **state)
{
    int v = 0;
    (void)state;
    assert_int_equal(smtpdiag_enum_count(SMTPDIAG_ENUM_SEVERITY), 5);
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY, 5),
                        "permanent");
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY, 4),
                        "transient");
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY, 3),
                        "intermediate");
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY, 2),
                        "success");
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY, 0),
                        "unknown");
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_ERROR, -2),
                        "invalid_code");
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_LANG, 3), "zh-Hant");
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_SOURCE, 5),
                        "reply_class");
    /* Found by fuzz_classify: the two sources added with the classifier
     * had no machine name (and were not listed). */
    assert_int_equal(smtpdiag_enum_count(SMTPDIAG_ENUM_SOURCE), 8);
    assert_string_equal(
        smtpdiag_enum_name(SMTPDIAG_ENUM_SOURCE, SMTPDIAG_SOURCE_REASON),
        "reason");
    assert_string_equal(
        smtpdiag_enum_name(SMTPDIAG_ENUM_SOURCE, SMTPDIAG_SOURCE_RULE), "rule");
    assert_int_equal(
        smtpdiag_enum_from_name(SMTPDIAG_ENUM_LANG, "ZH-HANS", 7, &v),
        SMTPDIAG_OK);
    assert_int_equal(v, SMTPDIAG_LANG_ZH_HANS);
    assert_int_equal(
        smtpdiag_enum_from_name(SMTPDIAG_ENUM_SEVERITY, "Permanent", 9, &v),
        SMTPDIAG_OK);
    assert_int_equal(v, SMTPDIAG_SEVERITY_PERMANENT);
}

static void unknown_values_and_names(void **state)
{
    int v = 42;
    (void)state;
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY, 1), "");
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY, 99), "");
    assert_string_equal(smtpdiag_enum_name(SMTPDIAG_ENUM_LANG, 0), "");
    assert_string_equal(smtpdiag_enum_name((smtpdiag_enum)77, 0), "");
    assert_string_equal(smtpdiag_enum_name((smtpdiag_enum)-1, 0), "");
    assert_int_equal(smtpdiag_enum_count((smtpdiag_enum)0), 0);
    assert_int_equal(smtpdiag_enum_count((smtpdiag_enum)77), 0);
    assert_int_equal(smtpdiag_enum_value((smtpdiag_enum)77, 0), -1);
    assert_int_equal(
        smtpdiag_enum_from_name(SMTPDIAG_ENUM_SEVERITY, "perm", 4, &v),
        SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(
        smtpdiag_enum_from_name(SMTPDIAG_ENUM_SEVERITY, "permanentx", 10, &v),
        SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(
        smtpdiag_enum_from_name(SMTPDIAG_ENUM_SEVERITY, NULL, 0, &v),
        SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(
        smtpdiag_enum_from_name(SMTPDIAG_ENUM_SEVERITY, NULL, 3, &v),
        SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(
        smtpdiag_enum_from_name(SMTPDIAG_ENUM_SEVERITY, "success", 7, NULL),
        SMTPDIAG_ERR_INVALID_ARGUMENT);
    assert_int_equal(v, 42);
}

static void strerror_never_null(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < smtpdiag_enum_count(SMTPDIAG_ENUM_ERROR); i++) {
        const char *s =
            smtpdiag_strerror(smtpdiag_enum_value(SMTPDIAG_ENUM_ERROR, i));
        assert_true(strlen(s) > 0);
        assert_string_not_equal(s, "unknown error");
    }
    assert_string_equal(smtpdiag_strerror(12345), "unknown error");
    assert_string_equal(smtpdiag_strerror(-12345), "unknown error");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_round_trip),
        cmocka_unit_test(pinned_names),
        cmocka_unit_test(unknown_values_and_names),
        cmocka_unit_test(strerror_never_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
