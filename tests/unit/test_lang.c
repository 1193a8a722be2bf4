/* Language negotiation: BCP 47 tags, POSIX names and lists, case-insensitive,
 * with the documented fallback to English (docs/languages.md). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <string.h>

static void check(const char *tag, smtpdiag_lang want, int want_fell_back)
{
    int fell_back = -1;
    smtpdiag_lang got = smtpdiag_lang_negotiate(tag, &fell_back);
    if (got != want || fell_back != want_fell_back)
        fail_msg("'%s': got %s (fell back %d), want %s (fell back %d)",
                 tag ? tag : "(null)", smtpdiag_lang_tag(got), fell_back,
                 smtpdiag_lang_tag(want), want_fell_back);
}

static void english(void **state)
{
    (void)state;
    check("en", SMTPDIAG_LANG_EN, 0);
    check("en-US", SMTPDIAG_LANG_EN, 0);
    check("EN-gb", SMTPDIAG_LANG_EN, 0);
    check("en_US.UTF-8", SMTPDIAG_LANG_EN, 0);
    check("en_GB.ISO-8859-15@euro", SMTPDIAG_LANG_EN, 0);
    check("C", SMTPDIAG_LANG_EN, 0);
    check("C.UTF-8", SMTPDIAG_LANG_EN, 0);
    check("POSIX", SMTPDIAG_LANG_EN, 0);
}

static void simplified_chinese(void **state)
{
    (void)state;
    check("zh", SMTPDIAG_LANG_ZH_HANS, 0);
    check("zh-CN", SMTPDIAG_LANG_ZH_HANS, 0);
    check("zh-cn", SMTPDIAG_LANG_ZH_HANS, 0);
    check("zh-Hans", SMTPDIAG_LANG_ZH_HANS, 0);
    check("ZH-HANS-CN", SMTPDIAG_LANG_ZH_HANS, 0);
    check("zh_CN.UTF-8", SMTPDIAG_LANG_ZH_HANS, 0);
    check("zh_CN.GB18030", SMTPDIAG_LANG_ZH_HANS, 0);
    check("zh-SG", SMTPDIAG_LANG_ZH_HANS, 0);
    check("zh-Hans-HK", SMTPDIAG_LANG_ZH_HANS, 0); /* script beats region */
    check("cmn-Hans", SMTPDIAG_LANG_ZH_HANS, 0);
}

static void traditional_chinese(void **state)
{
    (void)state;
    check("zh-TW", SMTPDIAG_LANG_ZH_HANT, 0);
    check("zh-tw", SMTPDIAG_LANG_ZH_HANT, 0);
    check("zh-HK", SMTPDIAG_LANG_ZH_HANT, 0);
    check("zh-MO", SMTPDIAG_LANG_ZH_HANT, 0);
    check("zh-Hant", SMTPDIAG_LANG_ZH_HANT, 0);
    check("zh-Hant-CN", SMTPDIAG_LANG_ZH_HANT, 0);
    check("zh_TW.Big5", SMTPDIAG_LANG_ZH_HANT, 0);
    check("zh_HK.UTF-8", SMTPDIAG_LANG_ZH_HANT, 0);
    check("yue", SMTPDIAG_LANG_ZH_HANT, 0);
    check("zh-yue-HK", SMTPDIAG_LANG_ZH_HANT, 0);
    check("zh-cmn-Hant", SMTPDIAG_LANG_ZH_HANT, 0);
}

static void lists(void **state)
{
    (void)state;
    check("fr-CH, fr;q=0.9, zh-TW;q=0.8, en;q=0.7", SMTPDIAG_LANG_ZH_HANT, 0);
    check("en;q=0.5, zh-CN", SMTPDIAG_LANG_ZH_HANS, 0);
    check("zh-CN;q=0, en", SMTPDIAG_LANG_EN, 0);
    check("de:zh_TW:en", SMTPDIAG_LANG_ZH_HANT, 0);
    check("*", SMTPDIAG_LANG_EN, 1);
    check(" , ;q=1, ", SMTPDIAG_LANG_EN, 1);
}

static void fallbacks(void **state)
{
    int fb = -1;
    (void)state;
    check("fr", SMTPDIAG_LANG_EN, 1);
    check("fr-FR", SMTPDIAG_LANG_EN, 1);
    check("x-klingon", SMTPDIAG_LANG_EN, 1);
    check("e", SMTPDIAG_LANG_EN, 1);
    check("english", SMTPDIAG_LANG_EN, 1);
    check("12", SMTPDIAG_LANG_EN, 1);
    check("zh\xff", SMTPDIAG_LANG_EN, 1);
    check("", SMTPDIAG_LANG_EN, 1);
    check(NULL, SMTPDIAG_LANG_EN, 1);
    assert_int_equal(smtpdiag_lang_negotiate("zh-TW", NULL),
                     SMTPDIAG_LANG_ZH_HANT);
    assert_int_equal(smtpdiag_lang_negotiate("de", &fb), SMTPDIAG_LANG_EN);
    assert_int_equal(fb, 1);
}

static void tags_and_names(void **state)
{
    (void)state;
    assert_string_equal(smtpdiag_lang_tag(SMTPDIAG_LANG_EN), "en");
    assert_string_equal(smtpdiag_lang_tag(SMTPDIAG_LANG_ZH_HANS), "zh-Hans");
    assert_string_equal(smtpdiag_lang_tag(SMTPDIAG_LANG_ZH_HANT), "zh-Hant");
    assert_string_equal(smtpdiag_lang_name(SMTPDIAG_LANG_EN), "English");
    assert_string_equal(smtpdiag_lang_name(SMTPDIAG_LANG_ZH_HANS), "简体中文");
    assert_string_equal(smtpdiag_lang_name(SMTPDIAG_LANG_ZH_HANT), "繁體中文");
    assert_string_equal(smtpdiag_lang_tag((smtpdiag_lang)0), "");
    assert_string_equal(smtpdiag_lang_name((smtpdiag_lang)200), "");
    assert_int_equal(smtpdiag_enum_count(SMTPDIAG_ENUM_LANG), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english),
        cmocka_unit_test(simplified_chinese),
        cmocka_unit_test(traditional_chinese),
        cmocka_unit_test(lists),
        cmocka_unit_test(fallbacks),
        cmocka_unit_test(tags_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
