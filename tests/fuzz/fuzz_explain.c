/*
 * Fuzz target for the functions that take codes, enumeration values,
 * language values and names from outside: smtpdiag_explain_code(),
 * smtpdiag_explain_reason(), smtpdiag_explain() with a negotiated
 * language, and the name/value look-ups. Byte 0 chooses the mode (low 3
 * bits) and the rest follows it, as cmark's fuzzer chooses modes:
 *   0: explain_code   lang (4 bytes, any int), reply code (4), status (4)
 *   1: explain_reason lang (4), reason (4)
 *   2: explain        a tag list up to the first NUL, then the reply text
 *   3: enum look-ups  which (4), value (4), index (4), then a name
 *   4: code_parse of the rest, and code_format at a size from byte 1
 *   5: provider_name of the rest (NUL-terminated), provider_id (4)
 *   6: strerror, lang_tag, lang_name, severities of random values
 *   7: every result getter on a result made of the input's bytes (a
 *      corrupted or never-filled result must not make a getter read
 *      outside the tables), and on NULL
 */
#include "fuzz_common.h"

static void mode_explain_code(const uint8_t *data, size_t size)
{
    smtpdiag_result r;
    smtpdiag_lang lang = (smtpdiag_lang)fuzz_take(&data, &size, 4);
    int reply = (int)fuzz_take(&data, &size, 4);
    smtpdiag_code status = fuzz_take(&data, &size, 4);
    int rc = smtpdiag_explain_code(&r, lang, reply, status);
    int reply_ok = reply == 0 || smtpdiag_reply_code_is_valid(reply);
    int status_ok = status == 0 || smtpdiag_code_is_valid(status);

    if (!reply_ok || !status_ok)
        FUZZ_CHECK(rc == SMTPDIAG_ERR_INVALID_CODE);
    else if (reply == 0 && status == 0)
        FUZZ_CHECK(rc == SMTPDIAG_ERR_NO_CODE);
    else
        FUZZ_CHECK(rc == SMTPDIAG_OK);
    fuzz_check_result(&r, SIZE_MAX);
    FUZZ_CHECK(smtpdiag_result_reply_code(&r) == (reply_ok ? reply : 0));
    FUZZ_CHECK(smtpdiag_result_status(&r) == (status_ok ? status : 0));
    FUZZ_CHECK((smtpdiag_result_source(&r) == SMTPDIAG_SOURCE_NONE) ==
               (smtpdiag_result_reply_code(&r) == 0 &&
                smtpdiag_result_status(&r) == 0));
    FUZZ_CHECK(smtpdiag_explain_code(NULL, lang, reply, status) ==
               SMTPDIAG_ERR_INVALID_ARGUMENT);
}

static void mode_explain_reason(const uint8_t *data, size_t size)
{
    smtpdiag_result r;
    smtpdiag_lang lang = (smtpdiag_lang)fuzz_take(&data, &size, 4);
    int reason = (int)fuzz_take(&data, &size, 4);
    int known = smtpdiag_enum_name(SMTPDIAG_ENUM_REASON, reason)[0] != '\0';
    int rc = smtpdiag_explain_reason(&r, lang, (smtpdiag_reason)reason);

    FUZZ_CHECK(rc == (known ? SMTPDIAG_OK : SMTPDIAG_ERR_INVALID_ARGUMENT));
    fuzz_check_result(&r, SIZE_MAX);
    FUZZ_CHECK((int)smtpdiag_result_reason(&r) ==
               (known ? reason : SMTPDIAG_REASON_UNDEFINED));
    FUZZ_CHECK(smtpdiag_result_reply_code(&r) == 0 &&
               smtpdiag_result_status(&r) == 0);
}

static void mode_explain(const uint8_t *data, size_t size)
{
    smtpdiag_result r;
    const uint8_t *nul = memchr(data, '\0', size);
    size_t tag_len = nul ? (size_t)(nul - data) : 0;
    char tags[64];
    smtpdiag_lang lang;
    int rc;

    if (tag_len >= sizeof tags)
        tag_len = sizeof tags - 1;
    memcpy(tags, data, tag_len);
    tags[tag_len] = '\0';
    if (nul) {
        size -= (size_t)(nul - data) + 1;
        data = nul + 1;
    }
    lang = smtpdiag_lang_negotiate(tags, NULL);
    rc = smtpdiag_explain(&r, lang, (const char *)data, size);
    FUZZ_CHECK(rc == SMTPDIAG_OK || rc == SMTPDIAG_ERR_NO_CODE);
    fuzz_check_result(&r, size);
    FUZZ_CHECK(smtpdiag_result_lang(&r) == lang);
}

static void mode_enums(const uint8_t *data, size_t size)
{
    smtpdiag_enum which = (smtpdiag_enum)fuzz_take(&data, &size, 4);
    int value = (int)fuzz_take(&data, &size, 4), back = 12345, v;
    size_t index = fuzz_take(&data, &size, 4);
    size_t count = smtpdiag_enum_count(which);
    const char *name = smtpdiag_enum_name(which, value);
    int rc;

    FUZZ_CHECK(name != NULL);
    if (name[0]) {
        FUZZ_CHECK(smtpdiag_enum_from_name(which, name, strlen(name), &back) ==
                       SMTPDIAG_OK &&
                   back == value);
    }
    v = smtpdiag_enum_value(which, index);
    /* -1 is both "out of range" and a value (SMTPDIAG_ERR_INVALID_ARGUMENT
     * of SMTPDIAG_ENUM_ERROR): the index decides which (found by the long
     * run, repro explain.repro/enum-value-minus-one-is-a-value). */
    if (index < count)
        FUZZ_CHECK(smtpdiag_enum_name(which, v)[0] != '\0');
    else
        FUZZ_CHECK(v == -1);
    back = 12345;
    rc = smtpdiag_enum_from_name(which, (const char *)data, size, &back);
    if (rc == SMTPDIAG_OK)
        FUZZ_CHECK(smtpdiag_enum_name(which, back)[0] != '\0');
    else
        FUZZ_CHECK(rc == SMTPDIAG_ERR_INVALID_ARGUMENT && back == 12345);
    FUZZ_CHECK(smtpdiag_enum_from_name(which, (const char *)data, size, NULL) ==
               SMTPDIAG_ERR_INVALID_ARGUMENT);
}

static void mode_codes(const uint8_t *data, size_t size)
{
    size_t bufsize = fuzz_take(&data, &size, 1) % 16, need;
    smtpdiag_code code = 77;
    char *buf;
    char full[16];
    int rc = smtpdiag_code_parse((const char *)data, size, &code);

    FUZZ_CHECK(rc == SMTPDIAG_OK || rc == SMTPDIAG_ERR_INVALID_CODE);
    FUZZ_CHECK((rc == SMTPDIAG_OK) == (code != 0));
    if (rc != SMTPDIAG_OK) {
        code = fuzz_take(&data, &size, 4); /* any packed value */
    } else {
        FUZZ_CHECK(smtpdiag_code_is_valid(code));
        FUZZ_CHECK(smtpdiag_code_format(code, full, sizeof full) == size &&
                   memcmp(full, data, size) == 0);
    }
    need = smtpdiag_code_format(code, full, sizeof full);
    FUZZ_CHECK(need < sizeof full && strlen(full) == need);
    FUZZ_CHECK((need != 0) == (smtpdiag_code_is_valid(code) != 0));
    buf = malloc(bufsize ? bufsize : 1); /* exact: ASan sees overruns */
    if (!buf)
        return;
    buf[0] = 'X';
    FUZZ_CHECK(smtpdiag_code_format(code, bufsize ? buf : NULL, bufsize) ==
               need);
    if (bufsize == 0)
        FUZZ_CHECK(buf[0] == 'X');
    else
        FUZZ_CHECK(strlen(buf) == (need < bufsize ? need : bufsize - 1) &&
                   memcmp(buf, full, strlen(buf)) == 0);
    free(buf);
    FUZZ_CHECK(smtpdiag_status_severity(code) ==
               (smtpdiag_code_is_valid(code)
                    ? (smtpdiag_severity)SMTPDIAG_CODE_CLASS(code)
                    : SMTPDIAG_SEVERITY_UNKNOWN));
}

static void mode_providers(const uint8_t *data, size_t size)
{
    char id[64];
    size_t index = fuzz_take(&data, &size, 4);
    size_t n = size < sizeof id - 1 ? size : sizeof id - 1;
    const char *p;

    memcpy(id, data, n);
    id[n] = '\0';
    FUZZ_CHECK(smtpdiag_provider_name(id) != NULL);
    FUZZ_CHECK(smtpdiag_provider_name(NULL) != NULL);
    p = smtpdiag_provider_id(index);
    FUZZ_CHECK(p != NULL);
    FUZZ_CHECK((p[0] != '\0') == (index < smtpdiag_provider_count()));
    if (p[0])
        FUZZ_CHECK(smtpdiag_provider_name(p)[0] != '\0');
}

static void mode_values(const uint8_t *data, size_t size)
{
    int v = (int)fuzz_take(&data, &size, 4);
    smtpdiag_severity s = smtpdiag_reply_severity(v);

    FUZZ_CHECK(smtpdiag_strerror(v) != NULL && smtpdiag_strerror(v)[0]);
    FUZZ_CHECK(smtpdiag_lang_tag((smtpdiag_lang)v) != NULL);
    FUZZ_CHECK(smtpdiag_lang_name((smtpdiag_lang)v) != NULL);
    FUZZ_CHECK((smtpdiag_lang_tag((smtpdiag_lang)v)[0] != '\0') ==
               (smtpdiag_enum_name(SMTPDIAG_ENUM_LANG, v)[0] != '\0'));
    FUZZ_CHECK(s == (smtpdiag_reply_code_is_valid(v)
                         ? (smtpdiag_severity)(v / 100)
                         : SMTPDIAG_SEVERITY_UNKNOWN));
    if (smtpdiag_reply_code_is_standard(v))
        FUZZ_CHECK(smtpdiag_reply_code_is_valid(v));
}

static void mode_getters(const uint8_t *data, size_t size)
{
    smtpdiag_result r;
    struct fuzz_snapshot s;

    memset(&r, 0, sizeof r);
    memcpy(&r, data, size < sizeof r ? size : sizeof r);
    fuzz_snapshot_take(&s, &r);
    FUZZ_CHECK(s.title && s.explanation && s.advice && s.detail && s.provider &&
               s.rule && s.explained_by);
    /* Read every byte of every string: ASan sees any read past a table. */
    FUZZ_CHECK(strlen(s.title) + strlen(s.explanation) + strlen(s.advice) +
                   strlen(s.detail) + strlen(s.provider) + strlen(s.rule) +
                   strlen(s.explained_by) <
               SIZE_MAX);
    fuzz_snapshot_take(&s, NULL);
    FUZZ_CHECK(s.reply_code == 0 && s.status == 0 &&
               s.reply_code_at == SMTPDIAG_NO_OFFSET &&
               s.status_at == SMTPDIAG_NO_OFFSET && s.title[0] == '\0' &&
               s.lang == SMTPDIAG_LANG_EN);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int mode = (int)(fuzz_take(&data, &size, 1) & 7);
    switch (mode) {
    case 0:
        mode_explain_code(data, size);
        break;
    case 1:
        mode_explain_reason(data, size);
        break;
    case 2:
        mode_explain(data, size);
        break;
    case 3:
        mode_enums(data, size);
        break;
    case 4:
        mode_codes(data, size);
        break;
    case 5:
        mode_providers(data, size);
        break;
    case 6:
        mode_values(data, size);
        break;
    default:
        mode_getters(data, size);
        break;
    }
    return 0;
}
