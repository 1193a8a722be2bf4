/*
 * Fuzz target for reading replies: smtpdiag_parse(), smtpdiag_parse_text()
 * and smtpdiag_explain() on arbitrary bytes. The first byte chooses the
 * language and the output buffer size, as cmark's fuzzer chooses modes.
 * Every answer is checked against the documented contract, so a wrong
 * answer is a finding too, not only a crash.
 */
#include <smtpdiag.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t sizes[] = {0, 1, 2, 7, 64, 4096};
    const char *text;
    smtpdiag_result r;
    smtpdiag_lang lang;
    size_t out_size, need, at;
    char *out;
    int rc;

    if (size == 0)
        return 0;
    lang = (smtpdiag_lang)(data[0] & 7); /* 0 and 4..7 are not built in */
    out_size = sizes[(data[0] >> 3) % 6];
    text = (const char *)data + 1;
    size--;

    rc = smtpdiag_parse(&r, text, size);
    check(rc == SMTPDIAG_OK || rc == SMTPDIAG_ERR_NO_CODE);
    check((rc == SMTPDIAG_OK) == (smtpdiag_result_reply_code(&r) != 0 ||
                                  smtpdiag_result_status(&r) != 0));
    if (smtpdiag_result_reply_code(&r)) {
        check(smtpdiag_reply_code_is_valid(smtpdiag_result_reply_code(&r)));
        at = smtpdiag_result_reply_code_at(&r);
        check(at + 3 <= size);
    } else {
        check(smtpdiag_result_reply_code_at(&r) == SMTPDIAG_NO_OFFSET);
    }
    if (smtpdiag_result_status(&r)) {
        check(smtpdiag_code_is_valid(smtpdiag_result_status(&r)));
        at = smtpdiag_result_status_at(&r);
        check(at + 5 <= size &&
              text[at] - '0' ==
                  (int)SMTPDIAG_CODE_CLASS(smtpdiag_result_status(&r)));
    } else {
        check(smtpdiag_result_status_at(&r) == SMTPDIAG_NO_OFFSET);
    }

    /* snprintf semantics: never past out_size, always terminated. */
    out = malloc(out_size + 1);
    if (!out)
        return 0;
    out[out_size] = 'X'; /* a guard byte just past the buffer */
    need = smtpdiag_parse_text(text, size, out_size ? out : NULL, out_size);
    check(need <= size);
    check(out[out_size] == 'X');
    if (out_size > 0)
        check(strlen(out) == (need < out_size ? need : out_size - 1));
    free(out);

    rc = smtpdiag_explain(&r, lang, text, size);
    check(rc == SMTPDIAG_OK || rc == SMTPDIAG_ERR_NO_CODE);
    check(smtpdiag_result_title(&r) != NULL &&
          smtpdiag_result_advice(&r) != NULL);
    check((rc == SMTPDIAG_OK) == (smtpdiag_result_title(&r)[0] != '\0'));
    check(strlen(smtpdiag_lang_tag(smtpdiag_result_lang(&r))) > 0);
    return 0;
}
