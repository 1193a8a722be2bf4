/*
 * Fuzz target for smtpdiag_classify() with random context hints.
 *
 * Modes come from the first bytes, as cmark's fuzzer chooses them:
 *   byte 0  bits 0-2 the language (0 and 4..7 are not built in),
 *           bit 3 hints or NULL hints
 *   byte 1  the command hint (0..15: 9..15 are unknown values)
 *   byte 2  the action hint (0..15: 6..15 are unknown values)
 *   byte 3  the length of the remote-host hint (0..255+), byte 4 that of
 *           the domain hint; those bytes follow, then the reply text.
 * Checks: the result contract, the setters' documented answers, that a
 * second call gives the same answer, and that smtpdiag_explain() is
 * smtpdiag_classify() without hints.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    smtpdiag_hints hints;
    smtpdiag_result r, again;
    struct fuzz_snapshot a, b;
    smtpdiag_lang lang;
    const char *host, *domain, *text;
    size_t host_len, domain_len;
    int mode, command, action, rc, rc2, use_hints;

    mode = (int)fuzz_take(&data, &size, 1);
    command = (int)(fuzz_take(&data, &size, 1) & 15);
    action = (int)(fuzz_take(&data, &size, 1) & 15);
    host_len = fuzz_take(&data, &size, 1);
    domain_len = fuzz_take(&data, &size, 1);
    lang = (smtpdiag_lang)(mode & 7);
    use_hints = (mode >> 3) & 1;
    host_len = host_len < size ? host_len : size;
    host = (const char *)data;
    data += host_len;
    size -= host_len;
    domain_len = domain_len < size ? domain_len : size;
    domain = (const char *)data;
    data += domain_len;
    size -= domain_len;
    text = (const char *)data;

    smtpdiag_hints_init(&hints);
    rc = smtpdiag_hints_set_command(&hints, (smtpdiag_command)command);
    FUZZ_CHECK(rc == (command <= SMTPDIAG_COMMAND_STARTTLS
                          ? SMTPDIAG_OK
                          : SMTPDIAG_ERR_INVALID_ARGUMENT));
    rc = smtpdiag_hints_set_action(&hints, (smtpdiag_action)action);
    FUZZ_CHECK(rc == (action <= SMTPDIAG_ACTION_EXPANDED
                          ? SMTPDIAG_OK
                          : SMTPDIAG_ERR_INVALID_ARGUMENT));
    FUZZ_CHECK(smtpdiag_hints_set_remote_host(&hints, host, host_len) ==
               SMTPDIAG_OK);
    FUZZ_CHECK(smtpdiag_hints_set_domain(&hints, domain, domain_len) ==
               SMTPDIAG_OK);
    FUZZ_CHECK(smtpdiag_hints_set_command(NULL, SMTPDIAG_COMMAND_RCPT) ==
               SMTPDIAG_ERR_INVALID_ARGUMENT);
    FUZZ_CHECK(smtpdiag_hints_set_domain(&hints, NULL, 1) ==
               SMTPDIAG_ERR_INVALID_ARGUMENT);

    rc = smtpdiag_classify(&r, lang, text, size, use_hints ? &hints : NULL);
    FUZZ_CHECK(rc == SMTPDIAG_OK || rc == SMTPDIAG_ERR_NO_CODE);
    fuzz_check_result(&r, size);
    FUZZ_CHECK((rc == SMTPDIAG_OK) ==
               (smtpdiag_result_source(&r) != SMTPDIAG_SOURCE_NONE));
    if (smtpdiag_result_lang(&r) != lang)
        FUZZ_CHECK(smtpdiag_result_lang(&r) == SMTPDIAG_LANG_EN &&
                   smtpdiag_lang_tag(lang)[0] == '\0');

    /* The same call again: the same answer (no hidden state). */
    rc2 =
        smtpdiag_classify(&again, lang, text, size, use_hints ? &hints : NULL);
    fuzz_snapshot_take(&a, &r);
    fuzz_snapshot_take(&b, &again);
    FUZZ_CHECK(rc == rc2 && fuzz_snapshot_equal(&a, &b));

    if (!use_hints) {
        rc2 = smtpdiag_explain(&again, lang, text, size);
        fuzz_snapshot_take(&b, &again);
        FUZZ_CHECK(rc == rc2 && fuzz_snapshot_equal(&a, &b));
    }

    /* The codes are those smtpdiag_parse() finds. */
    rc2 = smtpdiag_parse(&again, text, size);
    FUZZ_CHECK(smtpdiag_result_reply_code(&again) ==
                   smtpdiag_result_reply_code(&r) &&
               smtpdiag_result_status(&again) == smtpdiag_result_status(&r));
    return 0;
}
