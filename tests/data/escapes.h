/* The escapes of the corpora in tests/data: \\ \r \n \t in the input column. */
#ifndef SMTPDIAG_TEST_ESCAPES_H
#define SMTPDIAG_TEST_ESCAPES_H

#include <stddef.h>

/* Undoes the escapes in place; returns the new length. */
size_t corpus_unescape(char *s);

#endif
