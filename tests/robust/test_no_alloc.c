/*
 * No allocation: linked against the static library with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free, so every
 * call the library's objects make to the allocator lands here. While
 * armed, the wrappers count; every public query function is then called
 * (tests/robust/exercise.c) and the count must stay 0. A self-check first
 * proves the wrapping is live. Labelled noalloc and kept out of the
 * sanitizer and valgrind runs, whose runtimes replace the allocator.
 */
#include "exercise.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
void __wrap_free(void *p);

/* volatile: the compiler assumes malloc and free touch no global of
 * ours, and would keep these in registers across the calls. */
static volatile int armed;
static volatile unsigned long calls;
static void *volatile sink; /* keeps the self-check's malloc alive */

void *__wrap_malloc(size_t size)
{
    calls += armed;
    return __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    calls += armed;
    return __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    calls += armed;
    return __real_realloc(p, size);
}

void __wrap_free(void *p)
{
    calls += armed;
    __real_free(p);
}

int main(void)
{
    uint64_t first, second;

    /* The wrapping is live: one malloc and one free are counted. */
    armed = 1;
    sink = malloc(16);
    free(sink);
    armed = 0;
    if (calls != 2) {
        fprintf(stderr, "the allocator is not wrapped (%lu calls seen)\n",
                calls);
        return 1;
    }
    calls = 0;

    armed = 1;
    first = exercise_all();
    second = exercise_all();
    armed = 0;
    if (calls != 0) {
        fprintf(stderr, "the library called the allocator %lu times\n", calls);
        return 1;
    }
    if (first != second) {
        fprintf(stderr, "two passes gave different answers\n");
        return 1;
    }
    printf("every query function, twice: no allocator call\n");
    return 0;
}
