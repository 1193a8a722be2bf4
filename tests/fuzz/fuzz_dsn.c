/*
 * Fuzz target for the bounce reader: smtpdiag_dsn_open() on any bytes, then
 * every getter of every recipient, classification, rewinding and the
 * notice.
 *
 * Modes come from the first byte:
 *   bits 0-1  the scratch buffer: the message's size, none, half of it, or
 *             as many bytes as byte 1 says
 *   bits 2-5  the language (values not built in included)
 * Checks: the documented return values, snprintf semantics of every string
 * getter (the same length whatever the buffer, always terminated), valid
 * codes, match offsets inside the diagnostic, the same recipients after a
 * rewind, and a notice of valid UTF-8 with no control byte and no line over
 * 998 bytes.
 */
#include "fuzz_common.h"

static char scratch[1 << 20];
static char value[1 << 16];
static char notice[1 << 18];

typedef size_t (*getter_fn)(const smtpdiag_dsn *d, char *buf, size_t size);

/* snprintf semantics, with buffers of 0, 1, 7 bytes and a large one. */
static size_t check_getter(const smtpdiag_dsn *d, getter_fn get)
{
    static const size_t sizes[] = {1, 7, sizeof value};
    size_t whole = get(d, NULL, 0), i;
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = get(d, value, sizes[i]);
        FUZZ_CHECK(n == whole);
        FUZZ_CHECK(value[n < sizes[i] ? n : sizes[i] - 1] == '\0');
    }
    return whole;
}

static size_t recipient(const smtpdiag_dsn *d, char *b, size_t s)
{
    return smtpdiag_dsn_recipient(d, b, s);
}
static size_t diagnostic(const smtpdiag_dsn *d, char *b, size_t s)
{
    return smtpdiag_dsn_diagnostic(d, b, s);
}
static size_t remote(const smtpdiag_dsn *d, char *b, size_t s)
{
    return smtpdiag_dsn_remote_mta(d, b, s);
}
static size_t reporting(const smtpdiag_dsn *d, char *b, size_t s)
{
    return smtpdiag_dsn_reporting_mta(d, b, s);
}
static size_t status_field(const smtpdiag_dsn *d, char *b, size_t s)
{
    return smtpdiag_dsn_field(d, "Status", b, s);
}
static size_t subject(const smtpdiag_dsn *d, char *b, size_t s)
{
    return smtpdiag_dsn_original_header(d, "Subject", b, s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    smtpdiag_dsn d;
    smtpdiag_result r;
    smtpdiag_lang lang;
    size_t room, count = 0, again = 0, n;
    int mode, rc;
    const char *msg;

    if (size < 2 || size > sizeof scratch)
        return 0;
    mode = data[0];
    room = (mode & 3) == 0   ? size
           : (mode & 3) == 1 ? 0
           : (mode & 3) == 2 ? size / 2
                             : data[1];
    lang = (smtpdiag_lang)((mode >> 2) & 15);
    msg = (const char *)data + 2;
    size -= 2;

    rc = smtpdiag_dsn_open(&d, msg, size, room ? scratch : NULL, room);
    FUZZ_CHECK(rc == SMTPDIAG_OK || rc == SMTPDIAG_ERR_NOT_FOUND ||
               rc == SMTPDIAG_ERR_NO_SPACE);
    FUZZ_CHECK((rc == SMTPDIAG_OK) ==
               (smtpdiag_dsn_kind_of(&d) != SMTPDIAG_DSN_KIND_NONE));
    check_getter(&d, reporting);
    check_getter(&d, subject);
    while (smtpdiag_dsn_next(&d)) {
        smtpdiag_code status = smtpdiag_dsn_status(&d);
        size_t diag_len;
        FUZZ_CHECK(rc == SMTPDIAG_OK);
        FUZZ_CHECK(status == 0 || smtpdiag_code_is_valid(status));
        FUZZ_CHECK((int)smtpdiag_dsn_action(&d) >= 0 &&
                   smtpdiag_dsn_action(&d) <= SMTPDIAG_ACTION_EXPANDED);
        check_getter(&d, recipient);
        check_getter(&d, remote);
        check_getter(&d, status_field);
        diag_len = check_getter(&d, diagnostic);
        n = smtpdiag_dsn_classify(&d, &r, lang);
        FUZZ_CHECK(n == SMTPDIAG_OK || (int)n == SMTPDIAG_ERR_NO_CODE);
        if (smtpdiag_result_match_at(&r) != SMTPDIAG_NO_OFFSET)
            FUZZ_CHECK(smtpdiag_result_match_at(&r) +
                           smtpdiag_result_match_len(&r) <=
                       diag_len);
        FUZZ_CHECK(smtpdiag_result_status(&r) == status);
        count++;
    }
    smtpdiag_dsn_rewind(&d);
    while (smtpdiag_dsn_next(&d))
        again++;
    FUZZ_CHECK(again == count);

    n = smtpdiag_dsn_notice(&d, lang, NULL, 0);
    if (n > 0 && n < sizeof notice) {
        FUZZ_CHECK(smtpdiag_dsn_notice(&d, lang, notice, n + 1) == n);
        FUZZ_CHECK(strlen(notice) == n);
        fuzz_check_clean(notice, n);
        FUZZ_CHECK(smtpdiag_dsn_notice(&d, lang, notice, n) == n);
        FUZZ_CHECK(strlen(notice) == n - 1);
    }
    return 0;
}
