/*
 * Data-driven coverage: every row of every reference table (tests/data/
 * reference, copied from the project's reference facts), every record of
 * every data file (lib/data) and every code of the seed page is explained by
 * its own entry, in every built-in language, with texts that are non-empty,
 * really translated, and written in the right regional variant.
 *
 * usage: test_data_coverage LIB_DATA_DIR TESTS_DATA_DIR
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

static const char *lib_data, *tests_data;
static size_t checked;

/* Characters only Simplified Chinese writes, and their Traditional forms. */
static const char *const simplified_only[] = {
    "这", "们", "发", "务", "网", "络", "邮", "时", "过", "说", "请", "该",
    "认", "证", "设", "码", "号", "为", "对", "无", "与", "后", "处", "将",
    "检", "联", "选", "统", "达", "转", "递", "长", "错", "误", "间", "关"};
static const char *const traditional_only[] = {
    "這", "們", "發", "務", "網", "絡", "郵", "時", "過", "說", "請", "該",
    "認", "證", "設", "碼", "號", "為", "對", "無", "與", "後", "處", "將",
    "檢", "聯", "選", "統", "達", "轉", "遞", "長", "錯", "誤", "間", "關"};
/* Regional terms: mainland 服务器/网络/信息, Taiwan 伺服器/網路/訊息. */
static const char *const not_in_hans[] = {"伺服器", "網路", "网路", "軟體"};
static const char *const not_in_hant[] = {"服務器", "網絡", "服务器", "软件"};

static int has_cjk(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++)
        if (*p >= 0xE4 && *p <= 0xE9) /* lead bytes of U+4E00..U+9FFF */
            return 1;
    return 0;
}

/* Whether a text is written in the script its language uses: Han for
 * Chinese, kana or Han for Japanese, Hangul for Korean, Cyrillic for
 * Russian; Latin-script languages are only checked against the English. */
static int written_in(smtpdiag_lang lang, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (lang == SMTPDIAG_LANG_ZH_HANS || lang == SMTPDIAG_LANG_ZH_HANT)
        return has_cjk(s);
    for (; *p; p++) {
        if (lang == SMTPDIAG_LANG_JA &&
            ((p[0] == 0xE3 && p[1] >= 0x81 && p[1] <= 0x83) ||
             (*p >= 0xE4 && *p <= 0xE9)))
            return 1; /* kana (U+3040..U+30FF) or Han */
        if (lang == SMTPDIAG_LANG_KO && *p >= 0xEA && *p <= 0xED)
            return 1; /* lead bytes of U+AC00..U+D7A3 */
        if (lang == SMTPDIAG_LANG_RU && (*p == 0xD0 || *p == 0xD1))
            return 1; /* lead bytes of U+0400..U+047F */
    }
    return lang != SMTPDIAG_LANG_KO && lang != SMTPDIAG_LANG_RU;
}

/* Every number of the English (a code, a port, a size) appears in the
 * translation too. A lone digit outside a dotted code ("2-step") may be
 * written as a word. */
static void check_digits(const char *key, const char *what, const char *en,
                         const char *text)
{
    const char *start = en;
    while (*en) {
        size_t n = strspn(en, "0123456789");
        int in_code = n > 0 && (en[n] == '.' || (en != start && en[-1] == '.'));
        if (n > 1 || (n == 1 && in_code)) {
            char run[32];
            const char *t = text;
            int found = 0;
            snprintf(run, sizeof run, "%.*s", (int)(n < 31 ? n : 31), en);
            while ((t = strstr(t, run)) != NULL && !found) {
                found = (t == text || t[-1] < '0' || t[-1] > '9') &&
                        (t[n] < '0' || t[n] > '9');
                t++;
            }
            if (!found)
                fail_msg("%s %s: '%s' of the English is missing: %s", key, what,
                         run, text);
            en += n;
        } else {
            en++;
        }
    }
}

static void check_none(const char *code, const char *what, const char *text,
                       const char *const *bad, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strstr(text, bad[i]))
            fail_msg("%s %s: contains '%s' (wrong regional variant): %s", code,
                     what, bad[i], text);
}

#define CHECK_NONE(code, what, text, list)                                     \
    check_none(code, what, text, list, sizeof list / sizeof list[0])

/* Explains a code (or a reason, when reply is -1 and status the reason). */
static int explain(smtpdiag_result *r, smtpdiag_lang lang, int reply,
                   smtpdiag_code status)
{
    return reply < 0 ? smtpdiag_explain_reason(r, lang, (smtpdiag_reason)status)
                     : smtpdiag_explain_code(r, lang, reply, status);
}

/* Explains the code in every language and checks every text. */
static void check_code(int reply, smtpdiag_code status, const char *key)
{
    smtpdiag_result en;
    size_t i;
    assert_int_equal(explain(&en, SMTPDIAG_LANG_EN, reply, status),
                     SMTPDIAG_OK);
    if (strcmp(smtpdiag_result_explained_by(&en), key) != 0)
        fail_msg("%s is explained by '%s', not by its own entry", key,
                 smtpdiag_result_explained_by(&en));
    for (i = 0; i < smtpdiag_enum_count(SMTPDIAG_ENUM_LANG); i++) {
        smtpdiag_lang lang =
            (smtpdiag_lang)smtpdiag_enum_value(SMTPDIAG_ENUM_LANG, i);
        smtpdiag_result r;
        const char *texts[3], *names[3] = {"title", "explanation", "advice"};
        const char *english[3];
        size_t k;
        explain(&r, lang, reply, status);
        assert_string_equal(smtpdiag_result_explained_by(&r), key);
        assert_int_equal(smtpdiag_result_lang(&r), lang);
        texts[0] = smtpdiag_result_title(&r);
        texts[1] = smtpdiag_result_explanation(&r);
        texts[2] = smtpdiag_result_advice(&r);
        english[0] = smtpdiag_result_title(&en);
        english[1] = smtpdiag_result_explanation(&en);
        english[2] = smtpdiag_result_advice(&en);
        for (k = 0; k < 3; k++) {
            if (strlen(texts[k]) < 2)
                fail_msg("%s %s %s: empty", key, smtpdiag_lang_tag(lang),
                         names[k]);
            if (strchr(texts[k], '{') || strchr(texts[k], '}'))
                fail_msg("%s %s %s: unexpanded placeholder", key,
                         smtpdiag_lang_tag(lang), names[k]);
            if (lang == SMTPDIAG_LANG_EN)
                continue;
            if (strcmp(texts[k], english[k]) == 0 ||
                !written_in(lang, texts[k]))
                fail_msg("%s %s %s: not translated: %s", key,
                         smtpdiag_lang_tag(lang), names[k], texts[k]);
            check_digits(key, smtpdiag_lang_tag(lang), english[k], texts[k]);
            if (lang == SMTPDIAG_LANG_ZH_HANS) {
                CHECK_NONE(key, names[k], texts[k], traditional_only);
                CHECK_NONE(key, names[k], texts[k], not_in_hans);
            } else if (lang == SMTPDIAG_LANG_ZH_HANT) {
                CHECK_NONE(key, names[k], texts[k], simplified_only);
                CHECK_NONE(key, names[k], texts[k], not_in_hant);
            }
        }
        checked++;
    }
}

static void check_reply(int code)
{
    char key[8];
    snprintf(key, sizeof key, "%d", code);
    check_code(code, 0, key);
}

static void check_status_text(const char *text)
{
    smtpdiag_code c;
    if (smtpdiag_code_parse(text, strlen(text), &c) != SMTPDIAG_OK)
        fail_msg("'%s' is not a valid enhanced status code", text);
    check_code(0, c, text);
}

/* Calls fn(line) for every line of a file, without the newline. */
static void each_line(const char *dir, const char *name, void (*fn)(char *line))
{
    char path[1024], line[8192];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "r");
    if (!f)
        fail_msg("cannot open %s", path);
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        fn(line);
    }
    fclose(f);
}

static void reference_reply_row(char *line)
{
    if (line[0] >= '2' && line[0] <= '5')
        check_reply(atoi(line));
}

/* "X.1.1<TAB>4,5<TAB>..." : the code in each class listed. */
static void reference_status_row(char *line)
{
    char *tab = strchr(line, '\t'), *classes, *end;
    if (strncmp(line, "X.", 2) != 0 || !tab)
        return;
    *tab = '\0';
    classes = tab + 1;
    end = strchr(classes, '\t');
    if (end)
        *end = '\0';
    for (; *classes; classes++) {
        char code[16];
        if (*classes < '2' || *classes > '5')
            continue;
        snprintf(code, sizeof code, "%c%s", *classes, line + 1);
        check_status_text(code);
    }
}

static void data_record(char *line)
{
    if (strncmp(line, "code: ", 6) != 0)
        return;
    if (strchr(line + 6, '.'))
        check_status_text(line + 6);
    else if (line[7] == 'x')
        check_code((line[6] - '0') * 100 + 99, 0, line + 6) /* e.g. 599 */;
    else
        check_reply(atoi(line + 6));
}

/* "reply 550" or "status X.1.1": a status in every class the registry has. */
static char status_wanted[16];
static void registry_classes(char *line)
{
    char *tab = strchr(line, '\t');
    if (tab && (size_t)(tab - line) == strlen(status_wanted) &&
        strncmp(line, status_wanted, (size_t)(tab - line)) == 0) {
        *tab = '\0';
        reference_status_row(line);
        *tab = '\t';
        status_wanted[0] = '\0';
    }
}

static void seed_line(char *line)
{
    if (strncmp(line, "reply ", 6) == 0) {
        check_reply(atoi(line + 6));
    } else if (strncmp(line, "status ", 7) == 0) {
        snprintf(status_wanted, sizeof status_wanted, "%s", line + 7);
        each_line(tests_data, "reference/iana-enhanced-codes.tsv",
                  registry_classes);
        if (status_wanted[0])
            fail_msg("seed code %s is not in the registry table", line + 7);
    }
}

static void every_reference_reply_code(void **state)
{
    (void)state;
    each_line(tests_data, "reference/reply-codes.tsv", reference_reply_row);
}

static void every_reference_status_code(void **state)
{
    (void)state;
    each_line(tests_data, "reference/iana-enhanced-codes.tsv",
              reference_status_row);
}

static void every_data_record(void **state)
{
    (void)state;
    each_line(lib_data, "reply-codes.txt", data_record);
    each_line(lib_data, "status-codes.txt", data_record);
}

static void every_seed_code(void **state)
{
    (void)state;
    each_line(tests_data, "seed-codes.txt", seed_line);
}

static void every_reason(void **state)
{
    size_t i, n = smtpdiag_enum_count(SMTPDIAG_ENUM_REASON);
    (void)state;
    assert_int_equal(n, 34);
    for (i = 0; i < n; i++) {
        int reason = smtpdiag_enum_value(SMTPDIAG_ENUM_REASON, i);
        char key[64];
        snprintf(key, sizeof key, "reason:%s",
                 smtpdiag_enum_name(SMTPDIAG_ENUM_REASON, reason));
        check_code(-1, (smtpdiag_code)reason, key);
    }
}

static void report(void **state)
{
    (void)state;
    printf("[ info     ] %lu (code, language) answers checked\n",
           (unsigned long)checked);
    assert_true(checked > 0);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_reference_reply_code),
        cmocka_unit_test(every_reference_status_code),
        cmocka_unit_test(every_data_record),
        cmocka_unit_test(every_seed_code),
        cmocka_unit_test(every_reason),
        cmocka_unit_test(report),
    };
    if (argc != 3) {
        fprintf(stderr, "usage: %s LIB_DATA_DIR TESTS_DATA_DIR\n", argv[0]);
        return 2;
    }
    lib_data = argv[1];
    tests_data = argv[2];
    return cmocka_run_group_tests(tests, NULL, NULL);
}
