/*
 * What the fuzz targets share: a check that aborts with the failed
 * condition (so a wrong answer is a finding too, not only a crash), a
 * snapshot of every getter of a result, and the contract every result
 * keeps whatever the input.
 */
#ifndef SMTPDIAG_FUZZ_COMMON_H
#define SMTPDIAG_FUZZ_COMMON_H

#include <smtpdiag.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* Every getter of a result, to compare two results. */
struct fuzz_snapshot {
    int reply_code;
    smtpdiag_code status;
    size_t reply_code_at, status_at, match_at, match_len;
    int command, severity, lang, reason, bounce, source;
    const char *title, *explanation, *advice, *detail, *provider, *rule,
        *explained_by;
};

static inline void fuzz_snapshot_take(struct fuzz_snapshot *s,
                                      const smtpdiag_result *r)
{
    s->reply_code = smtpdiag_result_reply_code(r);
    s->status = smtpdiag_result_status(r);
    s->reply_code_at = smtpdiag_result_reply_code_at(r);
    s->status_at = smtpdiag_result_status_at(r);
    s->match_at = smtpdiag_result_match_at(r);
    s->match_len = smtpdiag_result_match_len(r);
    s->command = (int)smtpdiag_result_command(r);
    s->severity = (int)smtpdiag_result_severity(r);
    s->lang = (int)smtpdiag_result_lang(r);
    s->reason = (int)smtpdiag_result_reason(r);
    s->bounce = (int)smtpdiag_result_bounce(r);
    s->source = (int)smtpdiag_result_source(r);
    s->title = smtpdiag_result_title(r);
    s->explanation = smtpdiag_result_explanation(r);
    s->advice = smtpdiag_result_advice(r);
    s->detail = smtpdiag_result_detail(r);
    s->provider = smtpdiag_result_provider(r);
    s->rule = smtpdiag_result_rule(r);
    s->explained_by = smtpdiag_result_explained_by(r);
}

static inline int fuzz_str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static inline int fuzz_snapshot_equal(const struct fuzz_snapshot *a,
                                      const struct fuzz_snapshot *b)
{
    return a->reply_code == b->reply_code && a->status == b->status &&
           a->reply_code_at == b->reply_code_at &&
           a->status_at == b->status_at && a->match_at == b->match_at &&
           a->match_len == b->match_len && a->command == b->command &&
           a->severity == b->severity && a->lang == b->lang &&
           a->reason == b->reason && a->bounce == b->bounce &&
           a->source == b->source && fuzz_str_eq(a->title, b->title) &&
           fuzz_str_eq(a->explanation, b->explanation) &&
           fuzz_str_eq(a->advice, b->advice) &&
           fuzz_str_eq(a->detail, b->detail) &&
           fuzz_str_eq(a->provider, b->provider) &&
           fuzz_str_eq(a->rule, b->rule) &&
           fuzz_str_eq(a->explained_by, b->explained_by);
}

/* What holds for any result read from an input of len bytes (len is
 * SIZE_MAX when the result was not read from a text). */
static inline void fuzz_check_result(const smtpdiag_result *r, size_t len)
{
    struct fuzz_snapshot s;
    fuzz_snapshot_take(&s, r);
    FUZZ_CHECK(s.title && s.explanation && s.advice && s.detail && s.provider &&
               s.rule && s.explained_by);
    FUZZ_CHECK(smtpdiag_lang_tag((smtpdiag_lang)s.lang)[0] != '\0');
    FUZZ_CHECK(s.reply_code == 0 || smtpdiag_reply_code_is_valid(s.reply_code));
    FUZZ_CHECK(s.status == 0 || smtpdiag_code_is_valid(s.status));
    if (s.reply_code)
        FUZZ_CHECK(s.reply_code_at == SMTPDIAG_NO_OFFSET ||
                   s.reply_code_at + 3 <= len);
    else
        FUZZ_CHECK(s.reply_code_at == SMTPDIAG_NO_OFFSET);
    if (s.status)
        FUZZ_CHECK(s.status_at == SMTPDIAG_NO_OFFSET || s.status_at + 5 <= len);
    else
        FUZZ_CHECK(s.status_at == SMTPDIAG_NO_OFFSET);
    if (s.match_at != SMTPDIAG_NO_OFFSET)
        FUZZ_CHECK(s.match_len > 0 && s.match_at + s.match_len <= len);
    else
        FUZZ_CHECK(s.match_len == 0);
    /* Every enumeration answer is a value the library can name. */
    FUZZ_CHECK(smtpdiag_enum_name(SMTPDIAG_ENUM_SEVERITY, s.severity)[0]);
    FUZZ_CHECK(smtpdiag_enum_name(SMTPDIAG_ENUM_COMMAND, s.command)[0]);
    FUZZ_CHECK(smtpdiag_enum_name(SMTPDIAG_ENUM_REASON, s.reason)[0]);
    FUZZ_CHECK(smtpdiag_enum_name(SMTPDIAG_ENUM_BOUNCE, s.bounce)[0]);
    FUZZ_CHECK(smtpdiag_enum_name(SMTPDIAG_ENUM_SOURCE, s.source)[0]);
    FUZZ_CHECK((s.source == SMTPDIAG_SOURCE_NONE) == (s.title[0] == '\0'));
    FUZZ_CHECK((s.source == SMTPDIAG_SOURCE_NONE) ==
               (s.explained_by[0] == '\0'));
    if (s.source == SMTPDIAG_SOURCE_RULE)
        FUZZ_CHECK(s.rule[0] != '\0');
    if (s.provider[0])
        FUZZ_CHECK(smtpdiag_provider_name(s.provider)[0] != '\0');
}

/* Reads a little-endian unsigned integer of n bytes from the front of the
 * input, as far as it goes, and consumes it. */
static inline uint32_t fuzz_take(const uint8_t **data, size_t *size, size_t n)
{
    uint32_t v = 0;
    size_t i;
    for (i = 0; i<n && * size> 0; i++) {
        v |= (uint32_t) * *data << (8 * i);
        (*data)++;
        (*size)--;
    }
    return v;
}

/* Notice text: valid UTF-8, no control byte but LF, no line over 998
 * bytes (fuzz_dsn, fuzz_notice). */
static inline void fuzz_check_clean(const char *s, size_t n)
{
    size_t i = 0, line = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2, k;
        if (c == '\n') {
            line = 0;
            i++;
            continue;
        }
        FUZZ_CHECK(c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xC2));
        FUZZ_CHECK(i + len <= n);
        for (k = 1; k < len; k++)
            FUZZ_CHECK(((unsigned char)s[i + k] & 0xC0) == 0x80);
        line += len;
        i += len;
        FUZZ_CHECK(line <= 998);
    }
}

#endif
