/*
 * bounce-notice: reads a bounce message (a DSN or a plain-text bounce) on
 * standard input and writes the localized notice for its failed and delayed
 * recipients on standard output -- what a Postfix or Exim site can wire in
 * to tell its users, in their language, why their mail did not arrive.
 *
 *   bounce-notice [LANGUAGE-TAG] < bounce.eml
 *
 * The language tag defaults to $LANG ("zh_CN.UTF-8", "de-AT" ...). Exit
 * status: 0 a notice was written, 1 nothing to report, 2 an error.
 *
 * It uses only the public API, as an embedder would; the only allocations
 * are this program's own buffers.
 * SPDX-License-Identifier: MIT
 */
#include <smtpdiag.h>

#include <stdio.h>
#include <stdlib.h>

/* The whole of standard input, in a buffer that grows as needed. */
static char *read_stdin(size_t *len)
{
    size_t cap = 65536, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    const char *tag = argc > 1 ? argv[1] : getenv("LANG");
    smtpdiag_lang lang = smtpdiag_lang_negotiate(tag, NULL);
    smtpdiag_dsn dsn;
    size_t len, need;
    char *msg = read_stdin(&len), *scratch, *notice;
    int status = 2;

    if (!msg) {
        fputs("bounce-notice: cannot read standard input\n", stderr);
        return 2;
    }
    /* Decoding an encoded part needs room; the message's size is enough. */
    scratch = malloc(len ? len : 1);
    if (scratch) {
        int rc = smtpdiag_dsn_open(&dsn, msg, len, scratch, len);
        if (rc != SMTPDIAG_OK) {
            fprintf(stderr, "bounce-notice: %s\n", smtpdiag_strerror(rc));
            status = 1;
        } else if ((need = smtpdiag_dsn_notice(&dsn, lang, NULL, 0)) == 0) {
            status = 1; /* every recipient was delivered */
        } else if ((notice = malloc(need + 1)) != NULL) {
            smtpdiag_dsn_notice(&dsn, lang, notice, need + 1);
            status = fwrite(notice, 1, need, stdout) == need ? 0 : 2;
            free(notice);
        }
    }
    free(scratch);
    free(msg);
    return status;
}
