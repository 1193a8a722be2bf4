/* smtpdiag_notice() and smtpdiag_dsn_notice(): the layout, failure vs
 * delay, snprintf semantics, and hostile text made harmless. The replies
 * are shapes real servers send (Gmail, Postfix, Exchange Online). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <stdio.h>
#include <string.h>

static char out[65536];

static const char *const gmail_unknown =
    "550-5.1.1 The email account that you tried to reach does not exist. "
    "Please try\r\n550-5.1.1 double-checking the recipient's email address "
    "for typos or\r\n550 5.1.1 unnecessary spaces. "
    "https://support.google.com/mail/?p=NoSuchUser a1si2 - gsmtp";

/* The notice with its wrapping undone: a line break and the indent after
 * it become one space. */
static const char *unwrapped(void)
{
    static char flat[sizeof out];
    size_t i = 0, o = 0;
    while (out[i]) {
        if (out[i] == '\n') {
            while (out[i + 1] == ' ')
                i++;
            flat[o++] = ' ';
            i++;
            continue;
        }
        flat[o++] = out[i++];
    }
    flat[o] = '\0';
    return flat;
}

static size_t render(smtpdiag_lang lang, const char *const *rcpts,
                     const char *const *replies, const smtpdiag_action *acts,
                     size_t n, const char *until)
{
    return smtpdiag_notice(lang, rcpts, replies, acts, n, until, out,
                           sizeof out);
}

/* Every line ends in LF, holds at most 998 bytes and no control byte; the
 * whole is valid UTF-8 without bidi formatting characters. */
static void assert_clean(const char *s)
{
    size_t line = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p == '\n') {
            line = 0;
            p++;
            continue;
        }
        if (*p < 0x20 || *p == 0x7F)
            fail_msg("control byte 0x%02x", *p);
        if (*p >= 0x80) {
            int n = *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC2 ? 1 : -1;
            int k;
            if (n < 0)
                fail_msg("invalid UTF-8 lead byte 0x%02x", *p);
            for (k = 1; k <= n; k++)
                if ((p[k] & 0xC0) != 0x80)
                    fail_msg("invalid UTF-8 sequence");
            if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE)
                fail_msg("bidi embedding or override character");
            if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
                fail_msg("bidi isolate character");
            line += (size_t)n + 1;
            p += n + 1;
        } else {
            line++;
            p++;
        }
        if (line > 998)
            fail_msg("line longer than 998 bytes");
    }
}

static void one_failed_recipient(void **state)
{
    const char *rcpts[] = {"bob@example.net"};
    const char *replies[] = {NULL};
    size_t n;
    (void)state;
    replies[0] = gmail_unknown;
    n = render(SMTPDIAG_LANG_EN, rcpts, replies, NULL, 1, NULL);
    assert_int_equal(n, strlen(out));
    assert_true(strncmp(out,
                        "Undeliverable: your message to bob@example.net\n"
                        "\n",
                        48) == 0);
    assert_non_null(strstr(out, "\nRecipient: bob@example.net\n"));
    assert_non_null(strstr(out, "\nProblem: Recipient address does not exist"));
    assert_non_null(strstr(out, "\nServer reply: 550-5.1.1 The email account"));
    assert_non_null(strstr(out, "\nWhat you can do: "));
    assert_null(strstr(out, "keeps trying"));
    assert_clean(out);
}

static void delayed_and_mixed(void **state)
{
    const char *rcpts[] = {"carol@example.net", "dave@example.org",
                           "erin@example.com"};
    const char *replies[] = {
        "451 4.7.1 Greylisting in action, please come back later",
        "452 4.2.2 The email account that you tried to reach is over quota.",
        "250 2.0.0 OK"};
    smtpdiag_action delayed[] = {SMTPDIAG_ACTION_DELAYED,
                                 SMTPDIAG_ACTION_DELAYED,
                                 SMTPDIAG_ACTION_DELIVERED};
    smtpdiag_action mixed[] = {SMTPDIAG_ACTION_DELAYED, SMTPDIAG_ACTION_FAILED,
                               SMTPDIAG_ACTION_DELIVERED};
    const char *failed_at, *delayed_at;
    (void)state;
    render(SMTPDIAG_LANG_EN, rcpts, replies, delayed, 3,
           "Fri, 6 Nov 2026 10:00:00 +0000");
    assert_true(strncmp(out, "Delayed: your message to 2 recipients", 37) == 0);
    assert_non_null(strstr(unwrapped(), "keeps trying until Fri, 6 Nov 2026"));
    assert_null(strstr(out, "erin@example.com")); /* delivered: not mentioned */
    render(SMTPDIAG_LANG_EN, rcpts, replies, delayed, 2, NULL);
    assert_non_null(strstr(unwrapped(), "keeps trying for some time"));

    render(SMTPDIAG_LANG_EN, rcpts, replies, mixed, 3, NULL);
    assert_true(strncmp(out,
                        "Undeliverable: your message to "
                        "dave@example.org\n",
                        48) == 0);
    failed_at = strstr(out, "Recipient: dave@example.org");
    delayed_at = strstr(out, "Recipient: carol@example.net");
    assert_non_null(failed_at);
    assert_non_null(delayed_at);
    assert_true(failed_at < delayed_at); /* failures first */
    assert_clean(out);
}

static void nothing_to_report(void **state)
{
    const char *rcpts[] = {"erin@example.com"};
    const char *replies[] = {"250 2.0.0 OK"};
    smtpdiag_action delivered[] = {SMTPDIAG_ACTION_DELIVERED};
    (void)state;
    out[0] = 'x';
    assert_int_equal(
        render(SMTPDIAG_LANG_EN, rcpts, replies, delivered, 1, NULL), 0);
    assert_string_equal(out, "");
    assert_int_equal(render(SMTPDIAG_LANG_EN, rcpts, replies, NULL, 0, NULL),
                     0);
    assert_int_equal(render(SMTPDIAG_LANG_EN, NULL, replies, NULL, 1, NULL), 0);
    assert_int_equal(render(SMTPDIAG_LANG_EN, rcpts, NULL, NULL, 1, NULL), 0);
    assert_int_equal(
        smtpdiag_dsn_notice(NULL, SMTPDIAG_LANG_EN, out, sizeof out), 0);
}

/* snprintf semantics at sizes 0, 1, just too small and just enough. */
static void buffer_sizes(void **state)
{
    const char *rcpts[] = {"bob@example.net"};
    const char *replies[] = {"552 5.2.2 Mailbox full"};
    char full[8192], cut[8192];
    size_t n, size;
    (void)state;
    n = smtpdiag_notice(SMTPDIAG_LANG_ZH_HANS, rcpts, replies, NULL, 1, NULL,
                        NULL, 0);
    assert_true(n > 100 && n < sizeof full);
    assert_int_equal(smtpdiag_notice(SMTPDIAG_LANG_ZH_HANS, rcpts, replies,
                                     NULL, 1, NULL, full, n + 1),
                     n);
    assert_int_equal(strlen(full), n);
    for (size = 1; size <= n + 1; size += size < 64 ? 1 : 97) {
        memset(cut, 'x', sizeof cut);
        assert_int_equal(smtpdiag_notice(SMTPDIAG_LANG_ZH_HANS, rcpts, replies,
                                         NULL, 1, NULL, cut, size),
                         n);
        assert_int_equal(strlen(cut), size - 1);
        assert_memory_equal(cut, full, size - 1);
        assert_int_equal(cut[size], 'x'); /* nothing written past size */
    }
}

static void hostile_text(void **state)
{
    static char huge[20000];
    const char *rcpts[] = {"evil\xE2\x80\xAE"
                           "ten.elpmaxe@\x1B[31m"
                           "bob",
                           "x@example.net"};
    const char *replies[] = {"550 5.7.1 \xFF\xFE bad \xC3 bytes\x07 and "
                             "\xE2\x81\xA6isolate\xE2\x81\xA9 \xED\xA0\x80 "
                             "surrogate",
                             NULL};
    (void)state;
    render(SMTPDIAG_LANG_EN, rcpts, replies, NULL, 1, NULL);
    assert_clean(out);
    assert_non_null(strstr(out, "\xEF\xBF\xBD")); /* U+FFFD in their place */

    memset(huge, 'A', sizeof huge - 1);
    memcpy(huge, "554 5.7.1 ", 10);
    replies[0] = huge;
    render(SMTPDIAG_LANG_EN, rcpts, replies, NULL, 2, NULL);
    assert_clean(out);
    assert_non_null(strstr(out, "Server reply: (none recorded)"));
}

/* Chinese: full-width colons without a space, wrapped between characters,
 * the addresses and the server's text kept as they are. */
static void chinese_layout(void **state)
{
    const char *rcpts[] = {"bob@example.net"};
    const char *replies[] = {"552 5.2.2 Mailbox full"};
    const char *line;
    (void)state;
    render(SMTPDIAG_LANG_ZH_HANS, rcpts, replies, NULL, 1, NULL);
    assert_true(strncmp(out, "\xE6\x97\xA0\xE6\xB3\x95\xE6\x8A\x95\xE9\x80\x92",
                        12) == 0); /* 无法投递 */
    assert_non_null(strstr(out, "\xEF\xBC\x9A" /* ： */ "bob@example.net\n"));
    assert_non_null(strstr(out, "552 5.2.2 Mailbox full"));
    /* no line wider than 76 columns: at most 26 CJK characters = 78 bytes */
    for (line = out; *line;) {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        assert_true(end - line <= 3 * 38);
        line = end + 1;
    }
    render(SMTPDIAG_LANG_ZH_HANT, rcpts, replies, NULL, 1, NULL);
    assert_true(strncmp(out, "\xE7\x84\xA1\xE6\xB3\x95", 6) == 0); /* 無法 */
}

static void from_a_dsn(void **state)
{
    static const char msg[] =
        "Content-Type: multipart/report; report-type=delivery-status; "
        "boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; mx.example.org\n\n"
        "Final-Recipient: rfc822; bob@example.net\nAction: failed\n"
        "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n\n"
        "Final-Recipient: rfc822; carol@example.net\nAction: delayed\n"
        "Status: 4.4.1\nWill-Retry-Until: Fri, 6 Nov 2026 10:00:00 +0000\n\n"
        "Final-Recipient: rfc822; dave@example.net\nAction: delivered\n"
        "Status: 2.0.0\n\n"
        "--b\nContent-Type: message/rfc822\n\nSubject: Invoice 42\n"
        "Message-ID: <x@example.com>\n\nbody\n--b--\n";
    static char scratch[4096];
    smtpdiag_dsn d;
    size_t n;
    (void)state;
    assert_int_equal(
        smtpdiag_dsn_open(&d, msg, sizeof msg - 1, scratch, sizeof scratch),
        SMTPDIAG_OK);
    n = smtpdiag_dsn_notice(&d, SMTPDIAG_LANG_EN, out, sizeof out);
    assert_int_equal(n, strlen(out));
    assert_non_null(strstr(out, "Your message: Invoice 42\n"));
    assert_non_null(strstr(out, "Recipient: bob@example.net"));
    assert_non_null(strstr(out, "Recipient: carol@example.net"));
    assert_non_null(
        strstr(unwrapped(), "until Fri, 6 Nov 2026 10:00:00 +0000"));
    assert_null(strstr(out, "dave@example.net"));
    assert_non_null(strstr(out, "Server reply: (none recorded)"));
    /* the cursor is left rewound */
    assert_int_equal(smtpdiag_dsn_next(&d), 1);
    assert_clean(out);
}

/* Every built-in language: the placeholders filled, the text translated. */
static void every_language(void **state)
{
    const char *rcpts[] = {"bob@example.net", "carol@example.net"};
    const char *replies[] = {"550 5.1.1 User unknown",
                             "451 4.7.1 Greylisted, try again later"};
    smtpdiag_action actions[] = {SMTPDIAG_ACTION_FAILED,
                                 SMTPDIAG_ACTION_DELAYED};
    static char english[8192];
    size_t i;
    (void)state;
    smtpdiag_notice(SMTPDIAG_LANG_EN, rcpts, replies, actions, 2, "Friday",
                    english, sizeof english);
    for (i = 0; i < smtpdiag_enum_count(SMTPDIAG_ENUM_LANG); i++) {
        smtpdiag_lang lang =
            (smtpdiag_lang)smtpdiag_enum_value(SMTPDIAG_ENUM_LANG, i);
        size_t n = render(lang, rcpts, replies, actions, 2, "Friday");
        assert_true(n > 200);
        if (strchr(out, '{') || strchr(out, '}'))
            fail_msg("%s: a placeholder is left: %s", smtpdiag_lang_tag(lang),
                     out);
        if (!strstr(out, "bob@example.net") ||
            !strstr(out, "carol@example.net") || !strstr(unwrapped(), "Friday"))
            fail_msg("%s: an address or the date is missing: %s",
                     smtpdiag_lang_tag(lang), out);
        if (strncmp(out, english, strcspn(english, "\n")) == 0 &&
            lang != SMTPDIAG_LANG_EN)
            fail_msg("%s: the subject is the English one",
                     smtpdiag_lang_tag(lang));
        assert_clean(out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_failed_recipient),
        cmocka_unit_test(delayed_and_mixed),
        cmocka_unit_test(nothing_to_report),
        cmocka_unit_test(buffer_sizes),
        cmocka_unit_test(hostile_text),
        cmocka_unit_test(chinese_layout),
        cmocka_unit_test(from_a_dsn),
        cmocka_unit_test(every_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
