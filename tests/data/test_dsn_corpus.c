/*
 * The bounce corpus (tests/data/dsn): whole bounce messages of the shapes
 * real MTAs and providers send, each with a .expect file that gives every
 * field a postmaster would read off it (tests/data/dsn/README.md lists the
 * messages and where each shape comes from). Every field is asserted: the
 * message's, and each recipient's -- address, action, status by the
 * precedence rule, reply code, diagnostic, dates, X- fields, and the
 * classification (reason, bounce kind, provider).
 *
 * Usage: test_dsn_corpus DIR [--verbose]
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <smtpdiag.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *dir;
static int verbose;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* White space runs to one space, ends trimmed, in place. */
static char *squash(char *s)
{
    char *o = s, *i = s;
    int space = 0;
    for (; *i; i++) {
        if (*i == ' ' || *i == '\t' || *i == '\r' || *i == '\n') {
            space = o > s;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = 0;
        *o++ = *i;
    }
    *o = '\0';
    return s;
}

static int failures, checks;

static void check(const char *file, int rcpt, const char *key, const char *want,
                  const char *got)
{
    char w[8192], g[8192];
    snprintf(w, sizeof w, "%s", want);
    snprintf(g, sizeof g, "%s", got && got[0] ? got : "-");
    squash(w);
    squash(g);
    checks++;
    if (strcmp(w, g) != 0) {
        failures++;
        printf(
            "[ MISMATCH ] %s recipient %d %s:\n    want '%s'\n    got  '%s'\n",
            file, rcpt, key, w, g);
    } else if (verbose) {
        printf("[ ok ] %s %d %s\n", file, rcpt, key);
    }
}

/* "type; value" -> value (or type), address <> removed. */
static const char *after_type(const char *v, int want_type, char *out,
                              size_t size)
{
    const char *semi = strchr(v, ';');
    size_t i, n;
    if (want_type) {
        n = semi ? (size_t)(semi - v) : 0;
        for (i = 0; i < n && i + 1 < size; i++)
            out[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i]);
        out[i] = '\0';
        return squash(out);
    }
    snprintf(out, size, "%s", semi ? semi + 1 : v);
    squash(out);
    n = strlen(out);
    if (n >= 2 && out[0] == '<' && out[n - 1] == '>') {
        memmove(out, out + 1, n - 2);
        out[n - 2] = '\0';
    }
    return squash(out);
}

static char value[65536], buf2[65536];

static const char *rfield(const smtpdiag_dsn *d, const char *name)
{
    smtpdiag_dsn_field(d, name, value, sizeof value);
    return value;
}

/* The Status field's code, comment removed. */
static const char *status_token(const smtpdiag_dsn *d)
{
    char *p;
    rfield(d, "Status");
    p = value + strspn(value, " \t");
    p[strcspn(p, " \t(")] = '\0';
    return p;
}

static const char *code_text(smtpdiag_code code)
{
    static char s[16];
    if (!code)
        return "-";
    smtpdiag_code_format(code, s, sizeof s);
    return s;
}

static void check_recipient(const char *file, int n, smtpdiag_dsn *d,
                            const char *key, const char *want)
{
    smtpdiag_result r;
    smtpdiag_dsn_classify(d, &r, SMTPDIAG_LANG_EN);
    if (strcmp(key, "final_recipient") == 0) {
        check(file, n, key, want,
              after_type(rfield(d, "Final-Recipient"), 0, buf2, sizeof buf2));
    } else if (strcmp(key, "final_recipient_type") == 0) {
        check(file, n, key, want,
              after_type(rfield(d, "Final-Recipient"), 1, buf2, sizeof buf2));
    } else if (strcmp(key, "original_recipient") == 0) {
        check(
            file, n, key, want,
            after_type(rfield(d, "Original-Recipient"), 0, buf2, sizeof buf2));
    } else if (strcmp(key, "action") == 0) {
        check(file, n, key, want,
              smtpdiag_enum_name(SMTPDIAG_ENUM_ACTION, smtpdiag_dsn_action(d)));
    } else if (strcmp(key, "status_field") == 0) {
        check(file, n, key, want, status_token(d));
    } else if (strcmp(key, "status") == 0) {
        check(file, n, key, want, code_text(smtpdiag_dsn_status(d)));
        check(file, n, "status (classify)", want,
              code_text(smtpdiag_result_status(&r)));
    } else if (strcmp(key, "reply_code") == 0) {
        char s[16] = "-";
        if (smtpdiag_result_reply_code(&r))
            snprintf(s, sizeof s, "%d", smtpdiag_result_reply_code(&r));
        check(file, n, key, want, s);
    } else if (strcmp(key, "remote_mta") == 0) {
        smtpdiag_dsn_remote_mta(d, value, sizeof value);
        check(file, n, key, want, value);
    } else if (strcmp(key, "diagnostic_type") == 0) {
        check(file, n, key, want,
              smtpdiag_dsn_kind_of(d) == SMTPDIAG_DSN_KIND_TEXT
                  ? "-"
                  : after_type(rfield(d, "Diagnostic-Code"), 1, buf2,
                               sizeof buf2));
    } else if (strcmp(key, "diagnostic") == 0) {
        smtpdiag_dsn_diagnostic(d, value, sizeof value);
        check(file, n, key, want, value);
    } else if (strcmp(key, "last_attempt_date") == 0) {
        check(file, n, key, want, rfield(d, "Last-Attempt-Date"));
    } else if (strcmp(key, "will_retry_until") == 0) {
        check(file, n, key, want, rfield(d, "Will-Retry-Until"));
    } else if (strcmp(key, "x_field") == 0) {
        char name[256];
        const char *colon = strchr(want, ':');
        size_t len = colon ? (size_t)(colon - want) : 0;
        snprintf(name, sizeof name, "%.*s", (int)len, want);
        check(file, n, name, colon ? colon + 1 : "", rfield(d, name));
    } else if (strcmp(key, "reason") == 0) {
        check(file, n, key, want,
              smtpdiag_enum_name(SMTPDIAG_ENUM_REASON,
                                 smtpdiag_result_reason(&r)));
    } else if (strcmp(key, "bounce") == 0) {
        check(file, n, key, want,
              smtpdiag_enum_name(SMTPDIAG_ENUM_BOUNCE,
                                 smtpdiag_result_bounce(&r)));
    } else if (strcmp(key, "provider") == 0) {
        check(file, n, key, want, smtpdiag_result_provider(&r));
    } else {
        fail_msg("%s: unknown key '%s'", file, key);
    }
}

static void check_message(const char *file, smtpdiag_dsn *d, const char *key,
                          const char *want)
{
    static const struct {
        const char *key, *header;
    } headers[] = {{"message_id", "Message-ID"},
                   {"subject", "Subject"},
                   {"from", "From"},
                   {"to", "To"},
                   {"date", "Date"},
                   {"list_id", "List-Id"}};
    size_t i;
    if (strcmp(key, "kind") == 0) {
        static const char *const kinds[] = {"none", "dsn", "text"};
        check(file, 0, key, want, kinds[smtpdiag_dsn_kind_of(d)]);
        return;
    }
    if (strcmp(key, "reporting_mta") == 0) {
        smtpdiag_dsn_reporting_mta(d, value, sizeof value);
        check(file, 0, key, want, value);
        return;
    }
    if (strcmp(key, "x_header") == 0) {
        char name[256];
        const char *colon = strchr(want, ':');
        size_t len = colon ? (size_t)(colon - want) : 0;
        snprintf(name, sizeof name, "%.*s", (int)len, want);
        smtpdiag_dsn_original_header(d, name, value, sizeof value);
        check(file, 0, name, colon ? colon + 1 : "", value);
        return;
    }
    for (i = 0; i < sizeof headers / sizeof headers[0]; i++)
        if (strcmp(key, headers[i].key) == 0) {
            smtpdiag_dsn_original_header(d, headers[i].header, value,
                                         sizeof value);
            check(file, 0, key, want, value);
            return;
        }
    fail_msg("%s: unknown key '%s'", file, key);
}

static void run_one(const char *name)
{
    char path[1024], msgpath[1024];
    size_t len, mlen;
    char *expect, *msg, *scratch, *line, *next;
    smtpdiag_dsn d;
    int rcpt = 0, count = 0, want_count = -1;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    expect = slurp(path, &len);
    assert_non_null(expect);
    snprintf(msgpath, sizeof msgpath, "%s/%.*s.eml", dir,
             (int)(strlen(name) - 7), name);
    msg = slurp(msgpath, &mlen);
    if (!msg) {
        snprintf(msgpath, sizeof msgpath, "%s/%.*s.dsn", dir,
                 (int)(strlen(name) - 7), name);
        msg = slurp(msgpath, &mlen);
    }
    if (!msg)
        fail_msg("%s: no .eml or .dsn beside it", name);
    scratch = malloc(mlen + 1);
    smtpdiag_dsn_open(&d, msg, mlen, scratch, mlen);
    while (smtpdiag_dsn_next(&d))
        count++;
    smtpdiag_dsn_rewind(&d);

    for (line = expect; line && *line; line = next) {
        char *colon, *key, *val;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        line[strcspn(line, "\r")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        colon = strchr(line, ':');
        if (!colon)
            fail_msg("%s: malformed line '%s'", name, line);
        *colon = '\0';
        key = line;
        val = colon + 1 + strspn(colon + 1, " \t");
        if (strcmp(key, "recipients") == 0) {
            want_count = atoi(val);
            check(name, 0, "recipients", val,
                  (snprintf(buf2, sizeof buf2, "%d", count), buf2));
        } else if (strcmp(key, "recipient") == 0) {
            rcpt = atoi(val);
            if (!smtpdiag_dsn_next(&d)) {
                check(name, rcpt, "recipient present", "yes", "no");
                break;
            }
        } else if (rcpt == 0) {
            check_message(name, &d, key, val);
        } else {
            check_recipient(name, rcpt, &d, key, val);
        }
    }
    if (want_count < 0)
        fail_msg("%s: no recipients: line", name);
    free(expect);
    free(msg);
    free(scratch);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void whole_corpus(void **state)
{
    DIR *dp = opendir(dir);
    struct dirent *e;
    char *names[1024];
    size_t n = 0, i;
    (void)state;
    assert_non_null(dp);
    while ((e = readdir(dp)) != NULL && n < 1024) {
        size_t len = strlen(e->d_name);
        if (len > 7 && strcmp(e->d_name + len - 7, ".expect") == 0) {
            names[n] = malloc(len + 1);
            assert_non_null(names[n]);
            memcpy(names[n++], e->d_name, len + 1);
        }
    }
    closedir(dp);
    qsort(names, n, sizeof names[0], by_name);
    for (i = 0; i < n; i++) {
        run_one(names[i]);
        free(names[i]);
    }
    printf("[ info     ] %lu messages, %d field checks, %d mismatches\n",
           (unsigned long)n, checks, failures);
    assert_true(n >= 60);
    assert_int_equal(failures, 0);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(whole_corpus)};
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR [--verbose]\n", argv[0]);
        return 2;
    }
    dir = argv[1];
    verbose = argc > 2 && strcmp(argv[2], "--verbose") == 0;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
