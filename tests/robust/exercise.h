/*
 * One pass over every public query function of smtpdiag.h on a fixed set
 * of inputs, folding every answer (numbers and the bytes of every string)
 * into a digest. The thread test runs it from 8 threads at once and
 * compares digests; the allocation test runs it with the allocator
 * wrapped. It allocates nothing itself and has no state of its own.
 */
#ifndef SMTPDIAG_TEST_EXERCISE_H
#define SMTPDIAG_TEST_EXERCISE_H

#include <stdint.h>

/* Calls every public query function; returns the digest of the answers. */
uint64_t exercise_all(void);

#endif
