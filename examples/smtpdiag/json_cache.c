/*
 * A cache of JSON fields whose key and value are static strings: the
 * library's titles, explanations, advice, names and ids repeat on every
 * line of `smtpdiag classify --json`, so each `,"key":"value"` is escaped
 * once and then copied. The cache is a fixed static table and arena (no
 * allocation); a string is known by its address, which is safe only
 * because static strings never change. A field whose slot is taken, or
 * that finds the arena full, is written as before, without the cache.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <stdint.h>
#include <string.h>

#define SLOTS 4096 /* a power of two; direct-mapped */

struct slot {
    const char *key, *value;
    uint32_t at, len; /* the field's bytes in arena */
};

static struct slot slots[SLOTS];
static char arena[512 * 1024];
static size_t arena_used;

static size_t slot_of(const char *key, const char *value)
{
    uint64_t h = (uint64_t)(uintptr_t)value * 0x9E3779B97F4A7C15u ^
                 (uint64_t)(uintptr_t)key;
    return (size_t)(h * 0x9E3779B97F4A7C15u >> 52) & (SLOTS - 1);
}

void json_static(const char *key, const char *s)
{
    struct slot *e = &slots[slot_of(key, s)];
    struct out_mark mark;
    const char *field;
    size_t len;

    if (e->value == s && e->key == key && s) {
        json_field(arena + e->at, e->len);
        return;
    }
    mark = out_mark();
    json_cstring(key, s);
    field = out_written(mark, &len);
    if (!s || e->value || !field || len < 2 || len > sizeof arena - arena_used)
        return; /* not kept (no string, the slot is taken, no room) */
    memcpy(arena + arena_used, field, len);
    arena[arena_used] = ','; /* the first field of a line wrote "{" */
    e->key = key;
    e->value = s;
    e->at = (uint32_t)arena_used;
    e->len = (uint32_t)len;
    arena_used += len;
}
