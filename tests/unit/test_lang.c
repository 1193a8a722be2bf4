/* Language negotiation: BCP 47 tags, POSIX names and lists, case-insensitive,
 * with the documented fallback to English (docs/languages.md). A build may
 * leave languages out (SMTPDIAG_LANGUAGES): the expected answers then follow
 * the documented fallback, so the test holds for every build. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <string.h>

static int built(smtpdiag_lang lang)
{
    return smtpdiag_lang_tag(lang)[0] != '\0';
}

/* What a build without `want` answers instead: the other Chinese variant
 * when it is built, else English, having fallen back. */
static smtpdiag_lang in_this_build(smtpdiag_lang want, int *fell_back)
{
    if (built(want))
        return want;
    if (want == SMTPDIAG_LANG_ZH_HANS && built(SMTPDIAG_LANG_ZH_HANT))
        return SMTPDIAG_LANG_ZH_HANT;
    if (want == SMTPDIAG_LANG_ZH_HANT && built(SMTPDIAG_LANG_ZH_HANS))
        return SMTPDIAG_LANG_ZH_HANS;
    *fell_back = 1;
    return SMTPDIAG_LANG_EN;
}

/* The first of a list of choices that is built (lists in tags). */
static smtpdiag_lang first_built(smtpdiag_lang a, smtpdiag_lang b,
                                 smtpdiag_lang c)
{
    return built(a) ? a : built(b) ? b : c;
}

static void check(const char *tag, smtpdiag_lang want, int want_fell_back)
{
    int fell_back = -1;
    want = in_this_build(want, &want_fell_back);
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
    check(
        "fr-CH, fr;q=0.9, zh-TW;q=0.8, en;q=0.7",
        first_built(SMTPDIAG_LANG_FR, SMTPDIAG_LANG_ZH_HANT, SMTPDIAG_LANG_EN),
        0);
    check("sv-SE, nl;q=0.9, zh-TW;q=0.8, en;q=0.7", SMTPDIAG_LANG_ZH_HANT, 0);
    check("en;q=0.5, zh-CN", SMTPDIAG_LANG_ZH_HANS, 0);
    check("zh-CN;q=0, en", SMTPDIAG_LANG_EN, 0);
    check(
        "de:zh_TW:en",
        first_built(SMTPDIAG_LANG_DE, SMTPDIAG_LANG_ZH_HANT, SMTPDIAG_LANG_EN),
        0);
    check("sv:zh_TW:en", SMTPDIAG_LANG_ZH_HANT, 0);
    check("*", SMTPDIAG_LANG_EN, 1);
    check(" , ;q=1, ", SMTPDIAG_LANG_EN, 1);
}

static void fallbacks(void **state)
{
    int fb = -1;
    (void)state;
    check("sv", SMTPDIAG_LANG_EN, 1);
    check("nl-NL", SMTPDIAG_LANG_EN, 1);
    check("pl_PL.UTF-8", SMTPDIAG_LANG_EN, 1);
    check("x-klingon", SMTPDIAG_LANG_EN, 1);
    check("e", SMTPDIAG_LANG_EN, 1);
    check("english", SMTPDIAG_LANG_EN, 1);
    check("12", SMTPDIAG_LANG_EN, 1);
    check("zh\xff", SMTPDIAG_LANG_EN, 1);
    check("", SMTPDIAG_LANG_EN, 1);
    check(NULL, SMTPDIAG_LANG_EN, 1);
    assert_int_equal(smtpdiag_lang_negotiate("zh-TW", NULL),
                     in_this_build(SMTPDIAG_LANG_ZH_HANT, &fb));
    assert_int_equal(smtpdiag_lang_negotiate("sv", &fb), SMTPDIAG_LANG_EN);
    assert_int_equal(fb, 1);
}

/* The eleven languages and the regional and POSIX forms of issue 9. */
static void other_languages(void **state)
{
    static const struct {
        const char *tag;
        smtpdiag_lang want;
    } cases[] = {
        {"ja", SMTPDIAG_LANG_JA},
        {"ja-JP", SMTPDIAG_LANG_JA},
        {"ja_JP.UTF-8", SMTPDIAG_LANG_JA},
        {"ko", SMTPDIAG_LANG_KO},
        {"ko-KR", SMTPDIAG_LANG_KO},
        {"ko_KR.EUC-KR", SMTPDIAG_LANG_KO},
        {"de", SMTPDIAG_LANG_DE},
        {"de-AT", SMTPDIAG_LANG_DE},
        {"de-CH", SMTPDIAG_LANG_DE},
        {"de_CH.ISO-8859-1", SMTPDIAG_LANG_DE},
        {"gsw", SMTPDIAG_LANG_DE},
        {"fr", SMTPDIAG_LANG_FR},
        {"fr-CA", SMTPDIAG_LANG_FR},
        {"fr-BE", SMTPDIAG_LANG_FR},
        {"fr_FR@euro", SMTPDIAG_LANG_FR},
        {"es", SMTPDIAG_LANG_ES},
        {"es-MX", SMTPDIAG_LANG_ES},
        {"es-419", SMTPDIAG_LANG_ES},
        {"es_ES.UTF-8", SMTPDIAG_LANG_ES},
        {"pt", SMTPDIAG_LANG_PT_BR},
        {"pt-BR", SMTPDIAG_LANG_PT_BR},
        {"pt-PT", SMTPDIAG_LANG_PT_BR},
        {"pt_PT@euro", SMTPDIAG_LANG_PT_BR},
        {"ru", SMTPDIAG_LANG_RU},
        {"ru-RU", SMTPDIAG_LANG_RU},
        {"ru_RU.KOI8-R", SMTPDIAG_LANG_RU},
        {"it", SMTPDIAG_LANG_IT},
        {"it-IT", SMTPDIAG_LANG_IT},
        {"it_CH.UTF-8", SMTPDIAG_LANG_IT},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(cases[i].tag, cases[i].want, 0);
}

static void tags_and_names(void **state)
{
    static const struct {
        smtpdiag_lang lang;
        const char *tag, *name;
    } langs[] = {
        {SMTPDIAG_LANG_EN, "en", "English"},
        {SMTPDIAG_LANG_ZH_HANS, "zh-Hans", "简体中文"},
        {SMTPDIAG_LANG_ZH_HANT, "zh-Hant", "繁體中文"},
        {SMTPDIAG_LANG_JA, "ja", "日本語"},
        {SMTPDIAG_LANG_KO, "ko", "한국어"},
        {SMTPDIAG_LANG_DE, "de", "Deutsch"},
        {SMTPDIAG_LANG_FR, "fr", "Français"},
        {SMTPDIAG_LANG_ES, "es", "Español"},
        {SMTPDIAG_LANG_PT_BR, "pt-BR", "Português (Brasil)"},
        {SMTPDIAG_LANG_RU, "ru", "Русский"},
        {SMTPDIAG_LANG_IT, "it", "Italiano"},
    };
    size_t i, count = 0;
    (void)state;
    assert_true(built(SMTPDIAG_LANG_EN));
    for (i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        if (!built(langs[i].lang)) {
            assert_string_equal(smtpdiag_lang_name(langs[i].lang), "");
            continue;
        }
        assert_string_equal(smtpdiag_lang_tag(langs[i].lang), langs[i].tag);
        assert_string_equal(smtpdiag_lang_name(langs[i].lang), langs[i].name);
        count++;
    }
    assert_string_equal(smtpdiag_lang_tag((smtpdiag_lang)0), "");
    assert_string_equal(smtpdiag_lang_name((smtpdiag_lang)200), "");
    assert_int_equal(smtpdiag_enum_count(SMTPDIAG_ENUM_LANG), count);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english),
        cmocka_unit_test(simplified_chinese),
        cmocka_unit_test(traditional_chinese),
        cmocka_unit_test(lists),
        cmocka_unit_test(fallbacks),
        cmocka_unit_test(other_languages),
        cmocka_unit_test(tags_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
