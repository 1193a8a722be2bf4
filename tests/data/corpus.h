/*
 * Reading the labelled corpora in tests/data: tab-separated rows, '#'
 * comments, a header row starting with "input", escapes \\ \r \n \t in the
 * input column.
 */
#ifndef SMTPDIAG_TEST_CORPUS_H
#define SMTPDIAG_TEST_CORPUS_H

#include <stddef.h>
#include <stdio.h>

struct corpus {
    FILE *f;
    char name[64];
    int lineno;
    char line[65536];
};

/* Opens DIR/NAME; fails the running test when it cannot. */
void corpus_open(struct corpus *c, const char *dir, const char *name);

/* The next row, split into exactly n columns (the test fails otherwise);
 * the first column is unescaped and its length stored in *len. Returns 0
 * at the end of the file. */
int corpus_row(struct corpus *c, char **cols, int n, size_t *len);

void corpus_close(struct corpus *c);

#endif
