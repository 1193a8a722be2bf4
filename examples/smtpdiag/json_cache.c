/*
 * A cache of JSON fields whose keys and values are static strings: the
 * library's titles, explanations, advice, names and ids repeat on every
 * line of `smtpdiag classify --json`, so each run of such fields,
 * `,"key":"value",...`, is escaped once and then copied. The cache is a
 * fixed static table and arena (no allocation); a string is known by its
 * address, which is safe only because static strings never change. Fields
 * whose slot is taken, or that find the arena full, are written as before,
 * without the cache.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <stdint.h>
#include <string.h>

#define SLOTS 4096 /* a power of two; direct-mapped */

struct slot {
    const char *const *keys; /* the caller's static array of keys */
    const char *values[JSON_STATIC_MAX];
    size_t count;
    uint32_t at, len; /* the fields' bytes in arena */
};

static struct slot slots[SLOTS];
static char arena[512 * 1024];
static size_t arena_used;

static size_t slot_of(const char *const *keys, const char *const *values,
                      size_t n)
{
    uint64_t h = (uint64_t)(uintptr_t)keys;
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ (uint64_t)(uintptr_t)values[i]) * 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 52) & (SLOTS - 1);
}

void json_static_fields(const char *const *keys, const char *const *values,
                        size_t n)
{
    struct slot *e = &slots[slot_of(keys, values, n)];
    struct out_mark mark;
    const char *fields;
    size_t i, len;

    if (e->keys == keys && e->count == n &&
        memcmp(e->values, values, n * sizeof *values) == 0) {
        json_field(arena + e->at, e->len);
        return;
    }
    mark = out_mark();
    for (i = 0; i < n; i++)
        json_cstring(keys[i], values[i]);
    fields = out_written(mark, &len);
    if (n == 0 || n > JSON_STATIC_MAX || e->keys || !fields || len < 2 ||
        len > sizeof arena - arena_used)
        return; /* not kept (the slot is taken, no room) */
    memcpy(arena + arena_used, fields, len);
    arena[arena_used] = ','; /* the first field of a line wrote "{" */
    e->keys = keys;
    memcpy(e->values, values, n * sizeof *values);
    e->count = n;
    e->at = (uint32_t)arena_used;
    e->len = (uint32_t)len;
    arena_used += len;
}
