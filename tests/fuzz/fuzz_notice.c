/*
 * Fuzz target for smtpdiag_notice(): up to eight recipients with replies
 * made of the input, every buffer size that matters.
 *
 *   byte 0  bits 0-3 the language (values not built in included),
 *           bits 4-6 the number of recipients minus one, bit 7 a date
 *   byte 1  one action bit per recipient (1: delayed, 0: failed); byte 2,
 *           when not zero, makes recipient 0 delivered
 *   then    the recipients' addresses and replies, separated by '\n';
 *           a missing reply is NULL
 * Checks: snprintf semantics at sizes 0, 1, just too small, one size between
 * chosen by the input, and enough (the cut output is a prefix of the
 * whole), and the whole is valid UTF-8 with no control byte but LF and no
 * line over 998 bytes.
 */
#include "fuzz_common.h"

static char whole[1 << 18], cut[1 << 18], text[1 << 16];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *rcpts[8], *replies[8];
    smtpdiag_action actions[8];
    smtpdiag_lang lang;
    size_t count, i, n, k;
    char *p;
    int with_date;

    if (size < 3 || size >= sizeof text)
        return 0;
    lang = (smtpdiag_lang)(data[0] & 15);
    count = (size_t)((data[0] >> 4) & 7) + 1;
    with_date = data[0] >> 7;
    for (i = 0; i < count; i++)
        actions[i] = (data[1] >> i) & 1 ? SMTPDIAG_ACTION_DELAYED
                                        : SMTPDIAG_ACTION_FAILED;
    if (data[2])
        actions[0] = SMTPDIAG_ACTION_DELIVERED;
    memcpy(text, data + 3, size - 3);
    text[size - 3] = '\0';
    p = text;
    for (i = 0; i < count; i++) { /* address \n reply \n address ... */
        rcpts[i] = p;
        p += strcspn(p, "\n");
        if (*p)
            *p++ = '\0';
        replies[i] = *p ? p : NULL;
        p += strcspn(p, "\n");
        if (*p)
            *p++ = '\0';
    }

    n = smtpdiag_notice(lang, rcpts, replies, actions, count,
                        with_date ? "Fri, 6 Nov 2026" : NULL, NULL, 0);
    if (n == 0 || n >= sizeof whole)
        return 0;
    FUZZ_CHECK(smtpdiag_notice(lang, rcpts, replies, actions, count,
                               with_date ? "Fri, 6 Nov 2026" : NULL, whole,
                               n + 1) == n);
    FUZZ_CHECK(strlen(whole) == n);
    fuzz_check_clean(whole, n);
    {
        /* 1 and just too small always; one more cut, chosen by the input,
         * instead of every size, keeps the executions per second up. */
        const size_t sizes[] = {1, n, n > 3 ? 2 + size % (n - 2) : 1};
        for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            k = sizes[i];
            if (k < 1 || k > n)
                continue;
            FUZZ_CHECK(smtpdiag_notice(lang, rcpts, replies, actions, count,
                                       with_date ? "Fri, 6 Nov 2026" : NULL,
                                       cut, k) == n);
            FUZZ_CHECK(strlen(cut) == k - 1);
            FUZZ_CHECK(memcmp(cut, whole, k - 1) == 0);
        }
    }
    return 0;
}
