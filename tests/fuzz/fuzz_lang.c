/*
 * Fuzz target for smtpdiag_lang_negotiate(): the input, cut at its first
 * NUL, is the tag list. Byte 0 chooses whether fell_back is asked for.
 * Checks: the answer is always built in; fell_back is 0 or 1 and says
 * English when set; the answer does not depend on asking for fell_back;
 * a language's own tag negotiates to itself.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *tags;
    smtpdiag_lang lang, again;
    int fell_back = -1, mode;

    mode = (int)fuzz_take(&data, &size, 1);
    tags = malloc(size + 1); /* exact size: ASan sees any over-read */
    if (!tags)
        return 0;
    memcpy(tags, data, size);
    tags[size] = '\0';

    lang = smtpdiag_lang_negotiate(tags, (mode & 1) ? &fell_back : NULL);
    FUZZ_CHECK(smtpdiag_lang_tag(lang)[0] != '\0');
    FUZZ_CHECK(smtpdiag_lang_name(lang)[0] != '\0');
    if (mode & 1) {
        FUZZ_CHECK(fell_back == 0 || fell_back == 1);
        if (fell_back)
            FUZZ_CHECK(lang == SMTPDIAG_LANG_EN);
    } else {
        FUZZ_CHECK(fell_back == -1);
    }
    again = smtpdiag_lang_negotiate(tags, &fell_back);
    FUZZ_CHECK(again == lang);
    again = smtpdiag_lang_negotiate(smtpdiag_lang_tag(lang), &fell_back);
    FUZZ_CHECK(again == lang && fell_back == 0);
    free(tags);
    return 0;
}
