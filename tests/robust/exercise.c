/*
 * Every public query function, on shared inputs: see exercise.h.
 */
#include "exercise.h"

#include <smtpdiag.h>

#include <string.h>

/* Bounces: a report whose delivery-status part is base64 (decoded into
 * the scratch buffer), and a qmail plain-text bounce. */
static const char *const bounces[] = {
    "Content-Type: multipart/report; boundary=b\n\n--b\n"
    "Content-Type: message/delivery-status\n"
    "Content-Transfer-Encoding: base64\n\n"
    "UmVwb3J0aW5nLU1UQTogZG5zOyBhLmV4YW1wbGUKCkZpbmFsLVJlY2lwaWVudDogcmZjODIy"
    "OyB4QGV4YW1wbGUubmV0CkFjdGlvbjogZmFpbGVkClN0YXR1czogNS4yLjIK\n--b\n"
    "Content-Type: text/rfc822-headers\n\nSubject: Hi\n\n--b--\n",
    "Hi. This is the qmail-send program at a.example.\n\n"
    "<bob@example.net>:\nRemote host said: 550 5.1.1 unknown\n\n",
};

/* Each input with its length: one holds NUL bytes. */
#define IN(s)                                                                  \
    {                                                                          \
        s, sizeof s - 1                                                        \
    }
static const struct {
    const char *text;
    size_t len;
} inputs[] = {
    IN(""),
    IN("550"),
    IN("5.1.1"),
    IN("250 2.0.0 Ok: queued as 4B2C81E0"),
    IN("550-5.1.1 The email account that you tried to reach does not exist.\r\n"
       "550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp"),
    IN("smtp; 550 5.7.1 <bob@example.org>: Relay access denied"),
    IN("host mx.example.com[192.0.2.1] said: 452 4.2.2 Mailbox full (in reply "
       "to RCPT TO command)"),
    IN("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to "
       "unexpected volume or user complaints"),
    IN("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using "
       "zen.spamhaus.org"),
    IN("(#5.1.1) user unknown"),
    IN("550 Mailbox unavailable\n550 5.7.606 Access denied, banned sending IP"),
    IN("552 5.2.2 mailbox full \x01\x7f\xff\xfe invalid \xc3\x28 utf-8"),
    IN("\0\0\0"
       "550\0"
       " 5.1.1"),
    IN("5.1.1000 6.1.1 5.01.1 099"),
    IN("user unknown"),
    IN("mailbox full"),
};

static const char *const tags[] = {
    NULL,
    "",
    "en",
    "zh-TW",
    "zh_CN.UTF-8",
    "yue",
    "de, zh-Hant;q=0.5",
    "fr:zh_HK:en",
    "x-klingon",
    "\xff\xfe",
};

static void fold(uint64_t *h, uint64_t v)
{
    int i;
    for (i = 0; i < 8; i++) {
        *h ^= (v >> (8 * i)) & 0xFF;
        *h *= 1099511628211u; /* FNV-1a */
    }
}

static void fold_str(uint64_t *h, const char *s)
{
    if (!s) {
        fold(h, 0xDEADu);
        return;
    }
    while (*s)
        fold(h, (unsigned char)*s++);
    fold(h, 0x100u);
}

static void fold_result(uint64_t *h, const smtpdiag_result *r)
{
    fold(h, (uint64_t)smtpdiag_result_reply_code(r));
    fold(h, smtpdiag_result_status(r));
    fold(h, smtpdiag_result_reply_code_at(r));
    fold(h, smtpdiag_result_status_at(r));
    fold(h, (uint64_t)smtpdiag_result_command(r));
    fold(h, (uint64_t)smtpdiag_result_severity(r));
    fold(h, (uint64_t)smtpdiag_result_lang(r));
    fold_str(h, smtpdiag_result_title(r));
    fold_str(h, smtpdiag_result_explanation(r));
    fold_str(h, smtpdiag_result_advice(r));
    fold(h, (uint64_t)smtpdiag_result_reason(r));
    fold_str(h, smtpdiag_result_detail(r));
    fold(h, (uint64_t)smtpdiag_result_bounce(r));
    fold_str(h, smtpdiag_result_provider(r));
    fold_str(h, smtpdiag_result_rule(r));
    fold(h, smtpdiag_result_match_at(r));
    fold(h, smtpdiag_result_match_len(r));
    fold(h, (uint64_t)smtpdiag_result_source(r));
    fold_str(h, smtpdiag_result_explained_by(r));
}

uint64_t exercise_all(void)
{
    uint64_t h = 14695981039346656037u;
    smtpdiag_result r;
    smtpdiag_hints hints;
    smtpdiag_code code;
    char buf[256];
    size_t i, j, k;
    int v, fell_back;

    fold(&h, smtpdiag_version());
    fold_str(&h, smtpdiag_version_string());
    fold_str(&h, smtpdiag_data_hash());
    fold_str(&h, smtpdiag_data_version());
    for (v = -5; v <= 1; v++)
        fold_str(&h, smtpdiag_strerror(v));

    for (v = 0; v <= 9; v++) {
        smtpdiag_enum e = (smtpdiag_enum)v;
        size_t n = smtpdiag_enum_count(e);
        fold(&h, n);
        for (k = 0; k <= n; k++) {
            int value = smtpdiag_enum_value(e, k), back = -1;
            const char *name = smtpdiag_enum_name(e, value);
            fold(&h, (uint64_t)value);
            fold_str(&h, name);
            fold(&h, (uint64_t)smtpdiag_enum_from_name(e, name, strlen(name),
                                                       &back));
            fold(&h, (uint64_t)back);
        }
    }

    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        const char *t = inputs[i].text;
        size_t n = inputs[i].len;
        code = 0;
        fold(&h, (uint64_t)smtpdiag_code_parse(t, n, &code));
        fold(&h, code);
        fold(&h, smtpdiag_code_format(code, buf, sizeof buf));
        fold_str(&h, buf);
        fold(&h, smtpdiag_code_format(code, buf, 3));
        fold_str(&h, buf);
        fold(&h, (uint64_t)smtpdiag_code_is_valid(code));
        fold(&h, (uint64_t)smtpdiag_status_severity(code));

        fold(&h, (uint64_t)smtpdiag_parse(&r, t, n));
        fold_result(&h, &r);
        fold(&h, smtpdiag_parse_text(t, n, buf, sizeof buf));
        fold_str(&h, buf);
        fold(&h, smtpdiag_parse_text(t, n, buf, 5));
        fold_str(&h, buf);
        fold(&h, smtpdiag_parse_text(t, n, NULL, 0));

        for (j = 0; j < sizeof tags / sizeof tags[0]; j++) {
            smtpdiag_lang lang = smtpdiag_lang_negotiate(tags[j], &fell_back);
            fold(&h, (uint64_t)lang);
            fold(&h, (uint64_t)fell_back);
            fold_str(&h, smtpdiag_lang_tag(lang));
            fold_str(&h, smtpdiag_lang_name(lang));
            fold(&h, (uint64_t)smtpdiag_explain(&r, lang, t, n));
            fold_result(&h, &r);

            smtpdiag_hints_init(&hints);
            fold(&h, (uint64_t)smtpdiag_hints_set_command(
                         &hints, (smtpdiag_command)(j % 10)));
            fold(&h, (uint64_t)smtpdiag_hints_set_action(
                         &hints, (smtpdiag_action)(j % 7)));
            fold(&h, (uint64_t)smtpdiag_hints_set_remote_host(
                         &hints, "gmail-smtp-in.l.google.com.", 27));
            fold(&h, (uint64_t)smtpdiag_hints_set_domain(&hints, "QQ.com", 6));
            fold(&h, (uint64_t)smtpdiag_classify(&r, lang, t, n,
                                                 j % 2 ? &hints : NULL));
            fold_result(&h, &r);
        }
    }

    for (v = 0; v < 700; v += 7) {
        fold(&h, (uint64_t)smtpdiag_reply_code_is_valid(v));
        fold(&h, (uint64_t)smtpdiag_reply_code_is_standard(v));
        fold(&h, (uint64_t)smtpdiag_reply_severity(v));
        fold(&h, (uint64_t)smtpdiag_explain_code(
                     &r, (smtpdiag_lang)(v % 5), v,
                     SMTPDIAG_CODE(v / 100, v % 10, v % 13)));
        fold_result(&h, &r);
    }
    for (v = -1; v < 36; v++) {
        fold(&h, (uint64_t)smtpdiag_explain_reason(&r, (smtpdiag_lang)(v & 3),
                                                   (smtpdiag_reason)v));
        fold_result(&h, &r);
    }
    for (k = 0; k <= smtpdiag_provider_count(); k++) {
        const char *id = smtpdiag_provider_id(k);
        fold_str(&h, id);
        fold_str(&h, smtpdiag_provider_name(id));
    }
    fold_str(&h, smtpdiag_provider_name(NULL));
    fold_str(&h, smtpdiag_provider_name("nosuchprovider"));
    /* The bounce reader and the notices: a report with an encoded part
     * (decoding into the scratch buffer) and a plain-text bounce. */
    for (i = 0; i < sizeof bounces / sizeof bounces[0]; i++) {
        smtpdiag_dsn d;
        static const char *const rcpts[] = {"bob@example.net", "c@x"};
        static const char *const replies[] = {"550 5.1.1 unknown", NULL};
        char scratch[1024], text[4096];
        fold(&h, (uint64_t)smtpdiag_dsn_open(&d, bounces[i], strlen(bounces[i]),
                                             scratch, sizeof scratch));
        fold(&h, (uint64_t)smtpdiag_dsn_kind_of(&d));
        fold(&h, smtpdiag_dsn_reporting_mta(&d, text, sizeof text));
        fold_str(&h, text);
        fold(&h,
             smtpdiag_dsn_original_header(&d, "Subject", text, sizeof text));
        fold_str(&h, text);
        fold(&h,
             smtpdiag_dsn_message_field(&d, "Arrival-Date", text, sizeof text));
        while (smtpdiag_dsn_next(&d)) {
            fold(&h, smtpdiag_dsn_recipient(&d, text, sizeof text));
            fold_str(&h, text);
            fold(&h, smtpdiag_dsn_diagnostic(&d, text, sizeof text));
            fold(&h,
                 smtpdiag_dsn_field(&d, "X-Display-Name", text, sizeof text));
            fold(&h, smtpdiag_dsn_remote_mta(&d, text, sizeof text));
            fold(&h, (uint64_t)smtpdiag_dsn_action(&d));
            fold(&h, smtpdiag_dsn_status(&d));
            fold(&h, (uint64_t)smtpdiag_dsn_classify(&d, &r, SMTPDIAG_LANG_JA));
            fold_result(&h, &r);
        }
        smtpdiag_dsn_rewind(&d);
        fold(&h, smtpdiag_dsn_notice(&d, SMTPDIAG_LANG_DE, text, sizeof text));
        fold_str(&h, text);
        fold(&h, smtpdiag_notice(SMTPDIAG_LANG_KO, rcpts, replies, NULL, 2,
                                 NULL, text, sizeof text));
        fold_str(&h, text);
    }

    return h;
}
