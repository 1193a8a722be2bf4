/*
 * Driver of the linear-time check (tests/perf/linear.sh): builds one
 * adversarial input of a given size in memory and passes it once to one
 * entry point, inside measured(), the only function callgrind counts
 * (--toggle-collect=measured), so that building the input is not counted.
 *
 * usage: smtpdiag-linear ENTRY PATTERN BYTES
 *   ENTRY    parse | parse_text | classify | explain | lang | dsn | notice
 *   PATTERN  one of the names in the patterns[] table below
 * To add an entry point (the DSN reader): a case in measured() and, if it
 * needs them, patterns; then a line in tests/perf/linear.sh.
 */
#include <smtpdiag.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A pattern is a unit repeated until the input has the size asked for;
 * a head, if any, comes first once. */
static const struct {
    const char *name, *head, *unit;
} patterns[] = {
    /* megabytes of digits, and of digits and dots: every position starts
       a candidate reply code or enhanced status code */
    {"digits", "", "5"},
    {"digits-dots", "", "5.5."},
    {"codes", "", "550 5.1.1 "},
    {"long-codes", "", "5.999.9999.5.1."},
    /* endless continuation lines of one multi-line reply */
    {"continuation", "", "550-5.1.1 The account does not exist\r\n"},
    {"continuation-bare", "", "550-\r\n"},
    /* near-miss prefixes of known phrases and provider markers: every
       position walks far into the automaton and fails at the last byte */
    {"near-miss", "550 ", "user unknow mailbox ful "},
    {"near-miss-marker", "550 ", "support google com mai "},
    {"wrappers", "", "said: 550 host said: "},
    {"hashes", "", "(#5.1.1 #"},
    {"spaces", "550 ", " \t\r\n\x01"},
    {"binary", "", "\x80\xff\xc3\x28\x00\xfe\x1b"},
    /* language tag lists */
    {"tags", "", "zh-Hant-TW;q=0.5,"},
    {"tag-dashes", "zh", "-"},
    {"tag-commas", "", ",:;q=0,"},
    /* bounces: a million recipients, a megabyte of one folded header, an
       unterminated fold, endless MIME parts, endless text recipients */
    {"dsn-recipients", "Reporting-MTA: dns; a.example\n\n",
     "Final-Recipient: rfc822; u@example.net\nAction: failed\n"
     "Status: 5.0.0\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n"},
    {"dsn-folded-header",
     "Content-Type: multipart/report; boundary=b\nX-Long: a", "\n b"},
    {"dsn-unterminated-fold",
     "Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; u@x\n"
     "Diagnostic-Code: smtp; 550",
     "\n 5.1"},
    {"dsn-parts", "Content-Type: multipart/mixed; boundary=b\n\n",
     "--b\nContent-Type: text/plain\n\nx\n"},
    {"dsn-text", "Hi. This is the qmail-send program at a.\n\n",
     "<u@example.net>:\nRemote host said: 550 5.1.1 unknown\n\n"},
};

static char *input;
static size_t input_len;
static volatile size_t sink;

/* Everything callgrind counts happens in here. */
__attribute__((noinline)) static void measured(const char *entry)
{
    smtpdiag_result r;
    static char out[4096];
    if (strcmp(entry, "parse") == 0) {
        sink = (size_t)smtpdiag_parse(&r, input, input_len);
    } else if (strcmp(entry, "parse_text") == 0) {
        sink = smtpdiag_parse_text(input, input_len, out, sizeof out);
    } else if (strcmp(entry, "classify") == 0) {
        smtpdiag_hints h;
        smtpdiag_hints_init(&h);
        smtpdiag_hints_set_remote_host(&h, "mx.example.org", 14);
        sink = (size_t)smtpdiag_classify(&r, SMTPDIAG_LANG_EN, input, input_len,
                                         &h);
    } else if (strcmp(entry, "explain") == 0) {
        sink = (size_t)smtpdiag_explain(&r, SMTPDIAG_LANG_ZH_HANT, input,
                                        input_len);
    } else if (strcmp(entry, "lang") == 0) {
        sink = (size_t)smtpdiag_lang_negotiate(input, NULL);
    } else if (strcmp(entry, "dsn") == 0 || strcmp(entry, "notice") == 0) {
        static char scratch[1 << 25];
        smtpdiag_dsn d;
        smtpdiag_dsn_open(&d, input, input_len, scratch, sizeof scratch);
        if (strcmp(entry, "notice") == 0) {
            sink = smtpdiag_dsn_notice(&d, SMTPDIAG_LANG_EN, out, sizeof out);
        } else {
            while (smtpdiag_dsn_next(&d)) {
                sink += smtpdiag_dsn_recipient(&d, out, sizeof out);
                sink += (size_t)smtpdiag_dsn_classify(&d, &r, SMTPDIAG_LANG_EN);
            }
        }
    } else {
        fprintf(stderr, "smtpdiag-linear: unknown entry %s\n", entry);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    size_t i, size, n, at, unit_len;
    const char *head = NULL, *unit = NULL;

    if (argc != 4) {
        fprintf(stderr, "usage: smtpdiag-linear ENTRY PATTERN BYTES\n");
        return 2;
    }
    for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++)
        if (strcmp(patterns[i].name, argv[2]) == 0) {
            head = patterns[i].head;
            unit = patterns[i].unit;
        }
    if (!unit) {
        fprintf(stderr, "smtpdiag-linear: unknown pattern %s\n", argv[2]);
        return 2;
    }
    size = strtoul(argv[3], NULL, 10);
    input = malloc(size + 1);
    if (!input)
        return 3;
    n = strlen(head) < size ? strlen(head) : size;
    memcpy(input, head, n);
    /* "binary" holds a NUL: its unit is 7 bytes long. */
    unit_len = strcmp(argv[2], "binary") == 0 ? 7 : strlen(unit);
    for (at = n; at < size; at++)
        input[at] = unit[(at - n) % unit_len];
    input[size] = '\0'; /* lang reads a NUL-terminated list */
    input_len = size;
    measured(argv[1]);
    free(input);
    return 0;
}
