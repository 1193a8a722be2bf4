/*
 * smtpdiag-instructions: the calls whose instruction counts
 * docs/performance.md gives, for valgrind's callgrind (instructions.sh runs
 * it). Counts do not depend on the machine's load, as times do.
 *   explain N        N x smtpdiag_explain_code(550, 5.1.1)
 *   typical N        N x smtpdiag_classify() of the typical 148-byte reply
 *   classify|parse   each reply of the classifier corpus once
 *   long SIZE        one smtpdiag_classify() over SIZE bytes of the corpus,
 *                    one reply a line
 * Prints the number of calls. SPDX-License-Identifier: MIT
 */
#include "../data/escapes.h"

#include <smtpdiag.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char typical[] =
    "550 5.2.1 The email account that you tried to reach is inactive. For "
    "more information, go to https://support.google.com/mail/?p=DisabledUser "
    "- gsmtp";

/* The corpus's first column, unescaped, one reply after another. */
static char *corpus(size_t *count, size_t **lens)
{
    static char line[65536];
    FILE *f = fopen(SMTPDIAG_BENCH_DATA_DIR "/classify-corpus.tsv", "r");
    char *all = NULL;
    size_t used = 0, n = 0;
    *lens = NULL;
    if (!f)
        return NULL;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t'), *grown;
        size_t len, *grown_lens;
        if (line[0] == '#' || !tab || strncmp(line, "input\t", 6) == 0)
            continue;
        *tab = '\0';
        len = corpus_unescape(line);
        grown = realloc(all, used + len + 1);
        grown_lens = realloc(*lens, (n + 1) * sizeof **lens);
        if (!grown || !grown_lens) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
        all = grown;
        *lens = grown_lens;
        memcpy(all + used, line, len);
        used += len;
        (*lens)[n++] = len;
    }
    fclose(f);
    *count = n;
    return all;
}

int main(int argc, char **argv)
{
    smtpdiag_result r;
    size_t i, n = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 1, count;
    size_t *lens, at = 0;
    const char *mode = argc > 1 ? argv[1] : "";
    char *text;
    long sink = 0;

    /* one warm-up call, outside what is counted for explain */
    smtpdiag_classify(&r, SMTPDIAG_LANG_EN, typical, strlen(typical), NULL);
    if (strcmp(mode, "explain") == 0 || strcmp(mode, "typical") == 0) {
        for (i = 0; i < n; i++)
            sink += mode[0] == 'e'
                        ? smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, 550,
                                                SMTPDIAG_CODE(5, 1, 1))
                        : smtpdiag_classify(&r, SMTPDIAG_LANG_EN, typical,
                                            strlen(typical), NULL);
    } else if ((text = corpus(&count, &lens)) == NULL) {
        fprintf(stderr, "cannot read the corpus\n");
        return 1;
    } else if (strcmp(mode, "long") == 0) {
        /* as the benchmark's realistic texts: replies one a line, over and
         * over, cut at SIZE bytes */
        char *big = malloc(n + 1);
        size_t k = 0, off = 0;
        for (i = 0; big && k < n; i++, off += lens[i - 1]) {
            size_t m;
            if (i == count)
                i = 0, off = 0;
            m = lens[i] < n - k ? lens[i] : n - k;
            memcpy(big + k, text + off, m);
            k += m;
            if (k < n)
                big[k++] = '\n';
        }
        sink += smtpdiag_classify(&r, SMTPDIAG_LANG_EN, big, n, NULL);
        free(big);
    } else {
        for (n = 0; n < count; at += lens[n++])
            sink += mode[0] == 'p'
                        ? smtpdiag_parse(&r, text + at, lens[n])
                        : smtpdiag_classify(&r, SMTPDIAG_LANG_EN, text + at,
                                            lens[n], NULL);
    }
    printf("calls %lu (sink %ld)\n",
           (unsigned long)(strcmp(mode, "long") ? n : 1), sink);
    return 0;
}
