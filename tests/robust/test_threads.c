/*
 * No hidden state: 8 threads call every public query function on shared
 * inputs at once (tests/robust/exercise.c), many times each, and every
 * pass must give exactly the answers the main thread got alone. Run under
 * ThreadSanitizer by the tsan preset, which then also proves there is no
 * data race.
 */
#include "exercise.h"

#include <pthread.h>
#include <stdio.h>

#define THREADS 8
#define ROUNDS  20

struct worker {
    pthread_t id;
    uint64_t expected;
    int mismatches;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    int i;
    for (i = 0; i < ROUNDS; i++)
        if (exercise_all() != w->expected)
            w->mismatches++;
    return NULL;
}

int main(void)
{
    struct worker workers[THREADS];
    uint64_t expected = exercise_all();
    int i, failed = 0;

    if (exercise_all() != expected) {
        fprintf(stderr, "two calls in one thread differ\n");
        return 1;
    }
    for (i = 0; i < THREADS; i++) {
        workers[i].expected = expected;
        workers[i].mismatches = 0;
        if (pthread_create(&workers[i].id, NULL, work, &workers[i]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    }
    for (i = 0; i < THREADS; i++) {
        pthread_join(workers[i].id, NULL);
        if (workers[i].mismatches) {
            fprintf(stderr, "thread %d: %d of %d passes differ\n", i,
                    workers[i].mismatches, ROUNDS);
            failed = 1;
        }
    }
    printf("%d threads x %d passes: %s (digest %016llx)\n", THREADS, ROUNDS,
           failed ? "DIFFERENT" : "identical", (unsigned long long)expected);
    return failed;
}
