/*
 * Fuzz target for smtpdiag_parse_text() at every buffer size that matters.
 * Byte 0 chooses the size, as cmark's fuzzer chooses modes:
 *   0: NULL buffer, size 0      1: a real buffer, size 0
 *   2: size 1                   3: just too small (need)
 *   4: exactly enough (need+1)  5: one more than enough
 *   6, 7: a size from byte 1 (0..255)
 * The buffer is allocated at exactly its size, so AddressSanitizer sees any
 * byte written past it. Checks snprintf semantics: the same length
 * whatever the size, the output a prefix of the full output, always
 * terminated; and the documented shape of the text: no control bytes, no
 * leading, trailing or doubled spaces.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t need, got, bufsize, i, cut;
    const char *text;
    char *full, *buf;
    int mode, extra;

    mode = (int)(fuzz_take(&data, &size, 1) & 7);
    extra = (int)fuzz_take(&data, &size, 1);
    text = (const char *)data;

    need = smtpdiag_parse_text(text, size, NULL, 0);
    FUZZ_CHECK(need <= size);
    full = malloc(need + 1);
    if (!full)
        return 0;
    FUZZ_CHECK(smtpdiag_parse_text(text, size, full, need + 1) == need);
    FUZZ_CHECK(strlen(full) == need);
    for (i = 0; i < need; i++)
        FUZZ_CHECK((unsigned char)full[i] >= 0x20 && full[i] != 0x7F);
    if (need > 0)
        FUZZ_CHECK(full[0] != ' ' && full[need - 1] != ' ');
    FUZZ_CHECK(strstr(full, "  ") == NULL);

    switch (mode) {
    case 0:
        FUZZ_CHECK(smtpdiag_parse_text(text, size, NULL, 0) == need);
        free(full);
        return 0;
    case 1:
        bufsize = 0;
        break;
    case 2:
        bufsize = 1;
        break;
    case 3:
        bufsize = need;
        break;
    case 4:
        bufsize = need + 1;
        break;
    case 5:
        bufsize = need + 2;
        break;
    default:
        bufsize = (size_t)extra;
        break;
    }
    buf = malloc(bufsize ? bufsize : 1);
    if (!buf) {
        free(full);
        return 0;
    }
    if (bufsize == 0)
        buf[0] = 'X'; /* must stay untouched */
    got = smtpdiag_parse_text(text, size, buf, bufsize);
    FUZZ_CHECK(got == need);
    if (bufsize == 0) {
        FUZZ_CHECK(buf[0] == 'X');
    } else {
        cut = need < bufsize ? need : bufsize - 1;
        FUZZ_CHECK(buf[cut] == '\0' && memcmp(buf, full, cut) == 0);
    }
    free(buf);
    free(full);
    return 0;
}
