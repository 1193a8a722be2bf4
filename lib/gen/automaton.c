/*
 * Compiles every phrase (rule phrases, pair halves, provider markers) into
 * one Aho-Corasick automaton, expanded into a DFA over byte classes: the run
 * time does one table step per input byte, whatever the number of phrases.
 * SPDX-License-Identifier: MIT
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* Class 0: bytes no phrase uses; class 1: separators (ASCII that is not a
 * letter or digit); then one class per byte that phrases use. */
enum { CLASS_OTHER = 0, CLASS_SEP = 1 };

static void assign_classes(struct gen_model *m)
{
    struct gen_automaton *a = &m->dfa;
    int used[256] = {0}, b;
    size_t i, k;
    for (i = 0; i < m->phrase_count; i++)
        for (k = 0; k < m->phrases[i].len; k++)
            used[(unsigned char)m->phrases[i].norm[k]] = 1;
    a->classes = 2;
    for (b = 0; b < 256; b++) {
        int is_alnum = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9');
        if (b < 0x80 && !is_alnum && !(b >= 'A' && b <= 'Z'))
            a->byte_class[b] = CLASS_SEP;
        else if (b >= 'A' && b <= 'Z')
            continue; /* set below, from the lower-case letter */
        else if (used[b])
            a->byte_class[b] = (unsigned char)a->classes++;
        else
            a->byte_class[b] = CLASS_OTHER;
    }
    for (b = 'A'; b <= 'Z'; b++)
        a->byte_class[b] = a->byte_class[b + 32];
    /* ASCII bytes come first, so their classes are the lowest */
    a->ascii_classes = 2;
    for (b = 0; b < 0x80; b++)
        if (a->byte_class[b] >= a->ascii_classes)
            a->ascii_classes = a->byte_class[b] + 1;
}

struct node_outputs {
    uint32_t *items;
    size_t count, cap;
};

/* The order of the states in the tables: the root, then the states that
 * get a dense row (emit.c): all those up to GEN_DENSE_DEPTH, where the walk
 * spends most bytes, then the deeper ones with several trie edges (which
 * otherwise need a search), shallowest first, while GEN_DENSE_BUDGET
 * lasts; then the rest, depth first. Sets a->dense_rows and a->depth (in
 * the old numbering). */
static uint32_t *dense_first_order(struct gen_automaton *a,
                                   const int32_t *child, const uint32_t *queue)
{
    size_t n = a->states, c = (size_t)a->classes, k, j, group;
    size_t max_rows =
        GEN_DENSE_BUDGET / ((size_t)a->ascii_classes * sizeof(uint32_t));
    uint32_t *order = gen_xmalloc(n * sizeof *order);
    unsigned char *placed = gen_xmalloc(n), *loops = gen_xmalloc(n);
    size_t count = 1;
    memset(placed, 0, n);
    memset(loops, 0, n);
    a->depth = gen_xmalloc(n * sizeof *a->depth);
    a->depth[0] = 0;
    for (k = 0; k < n; k++) { /* breadth first: parents come first */
        uint32_t u = k == 0 ? 0 : queue[k - 1];
        for (j = 0; j < c; j++)
            if (child[(size_t)u * c + j] > 0)
                a->depth[child[(size_t)u * c + j]] = a->depth[u] + 1;
        /* a state entered by a separator gets a loop (loop_separators) */
        if (child[(size_t)u * c + CLASS_SEP] > 0)
            loops[child[(size_t)u * c + CLASS_SEP]] = 1;
    }
    order[0] = 0; /* the root always has a row: the walk starts there */
    placed[0] = 1;
    a->dense_rows = 1;
    for (group = 0; group < 2; group++)
        for (k = 0; k + 1 < n; k++) {
            uint32_t u = queue[k];
            size_t edges = loops[u];
            if (placed[u] || count >= max_rows)
                continue;
            for (j = 0; j < c; j++)
                edges += child[(size_t)u * c + j] >= 0;
            if ((group == 0 && a->depth[u] > GEN_DENSE_DEPTH) ||
                (group == 1 && edges < 2))
                continue;
            order[count++] = u;
            placed[u] = 1;
        }
    a->dense_rows = count;
    /* The rest depth first: a phrase's chain of states is then contiguous,
     * and the walk down it reads consecutive entries, not one cache line
     * per byte. */
    {
        uint32_t *stack = gen_xmalloc(n * sizeof *stack);
        size_t top = 0;
        stack[top++] = 0;
        while (top > 0) {
            uint32_t u = stack[--top];
            if (!placed[u]) {
                order[count++] = u;
                placed[u] = 1;
            }
            for (j = c; j-- > 0;) /* pushed backwards: popped in order */
                if (child[(size_t)u * c + j] > 0)
                    stack[top++] = (uint32_t)child[(size_t)u * c + j];
        }
        free(stack);
    }
    free(placed);
    free(loops);
    return order;
}

/* Numbers the states in the given order, so that the states with dense
 * rows come first. */
static void renumber(struct gen_automaton *a, int32_t **child, uint32_t **fail,
                     struct node_outputs **outs, const uint32_t *order)
{
    size_t n = a->states, c = (size_t)a->classes, s, k;
    uint32_t *id = gen_xmalloc(n * sizeof *id);
    uint32_t *delta = gen_xmalloc(n * c * sizeof *delta);
    uint32_t *nfail = gen_xmalloc(n * sizeof *nfail);
    uint32_t *depth = gen_xmalloc(n * sizeof *depth);
    int32_t *nchild = gen_xmalloc(n * c * sizeof *nchild);
    struct node_outputs *nouts = gen_xmalloc(n * sizeof *nouts);
    for (s = 0; s < n; s++)
        id[order[s]] = (uint32_t)s;
    for (s = 0; s < n; s++) {
        nfail[id[s]] = id[(*fail)[s]];
        nouts[id[s]] = (*outs)[s];
        depth[id[s]] = a->depth[s];
        for (k = 0; k < c; k++) {
            int32_t to = (*child)[s * c + k];
            delta[id[s] * c + k] = id[a->delta[s * c + k]];
            nchild[id[s] * c + k] = to < 0 ? -1 : (int32_t)id[to];
        }
    }
    free(a->delta);
    free(a->depth);
    free(*fail);
    free(*child);
    free(*outs);
    free(id);
    a->delta = delta;
    a->depth = depth;
    *fail = nfail;
    *child = nchild;
    *outs = nouts;
}

/* A run of separators counts as one: every state entered by a separator
 * (its label ends in one; phrases hold no two in a row) stays there on the
 * next, and so does the root (no separator before the first word). The
 * matcher then needs no test for separators. */
static void loop_separators(struct gen_automaton *a, int32_t *child)
{
    size_t c = (size_t)a->classes, s;
    a->delta[CLASS_SEP] = 0;
    for (s = 0; s < a->states; s++) {
        int32_t to = child[s * c + CLASS_SEP];
        if (to > 0) {
            child[(size_t)to * c + CLASS_SEP] = to;
            a->delta[(size_t)to * c + CLASS_SEP] = (uint32_t)to;
        }
    }
}

void gen_build_automaton(struct gen_model *m)
{
    struct gen_automaton *a = &m->dfa;
    size_t cap = 1, count = 1, i, k, head = 0;
    int32_t *child;
    uint32_t *fail, *queue;
    struct node_outputs *outs;
    int c;

    assign_classes(m);
    for (i = 0; i < m->phrase_count; i++)
        cap += m->phrases[i].len;
    child = gen_xmalloc(cap * (size_t)a->classes * sizeof *child);
    memset(child, 0xFF, cap * (size_t)a->classes * sizeof *child); /* -1 */
    outs = gen_xmalloc(cap * sizeof *outs);
    memset(outs, 0, cap * sizeof *outs);

    /* The trie. */
    for (i = 0; i < m->phrase_count; i++) {
        const struct gen_phrase *p = &m->phrases[i];
        size_t s = 0;
        for (k = 0; k < p->len; k++) {
            int cls = p->norm[k] == ' '
                          ? CLASS_SEP
                          : a->byte_class[(unsigned char)p->norm[k]];
            int32_t *slot = &child[s * (size_t)a->classes + (size_t)cls];
            if (*slot < 0)
                *slot = (int32_t)count++;
            s = (size_t)*slot;
        }
        GEN_PUSH(outs[s].items, outs[s].count, outs[s].cap, (uint32_t)i);
    }

    /* Breadth-first: failure links, outputs inherited along them, and the
     * missing transitions filled in from the failure state (a full DFA). */
    a->states = count;
    a->delta = gen_xmalloc(count * (size_t)a->classes * sizeof *a->delta);
    fail = gen_xmalloc(count * sizeof *fail);
    queue = gen_xmalloc(count * sizeof *queue);
    fail[0] = 0;
    for (c = 0; c < a->classes; c++) {
        int32_t v = child[c];
        a->delta[c] = v < 0 ? 0 : (uint32_t)v;
        if (v > 0) {
            fail[v] = 0;
            queue[count - 1 - 0] = 0; /* placate analysers; overwritten */
            queue[head + (size_t)0] = (uint32_t)v;
            head++;
        }
    }
    {
        size_t tail = head;
        head = 0;
        while (head < tail) {
            uint32_t u = queue[head++];
            for (i = 0; i < outs[fail[u]].count; i++)
                GEN_PUSH(outs[u].items, outs[u].count, outs[u].cap,
                         outs[fail[u]].items[i]);
            for (c = 0; c < a->classes; c++) {
                int32_t v = child[(size_t)u * (size_t)a->classes + (size_t)c];
                uint32_t via_fail =
                    a->delta[(size_t)fail[u] * (size_t)a->classes + (size_t)c];
                if (v < 0) {
                    a->delta[(size_t)u * (size_t)a->classes + (size_t)c] =
                        via_fail;
                } else {
                    fail[v] = via_fail;
                    a->delta[(size_t)u * (size_t)a->classes + (size_t)c] =
                        (uint32_t)v;
                    queue[tail++] = (uint32_t)v;
                }
            }
        }
    }

    {
        uint32_t *order = dense_first_order(a, child, queue);
        renumber(a, &child, &fail, &outs, order);
        free(order);
    }
    loop_separators(a, child);

    /* Outputs, flattened; each state's list in phrase order. */
    a->out_index = gen_xmalloc((count + 1) * sizeof *a->out_index);
    a->out_count = 0;
    for (i = 0; i < count; i++)
        a->out_count += outs[i].count;
    a->out = gen_xmalloc((a->out_count + 1) * sizeof *a->out);
    a->out_count = 0;
    for (i = 0; i < count; i++) {
        size_t x, y;
        /* insertion sort: lists are short */
        for (x = 1; x < outs[i].count; x++)
            for (y = x; y > 0 && outs[i].items[y - 1] > outs[i].items[y]; y--) {
                uint32_t t = outs[i].items[y];
                outs[i].items[y] = outs[i].items[y - 1];
                outs[i].items[y - 1] = t;
            }
        a->out_index[i] = (uint32_t)a->out_count;
        for (x = 0; x < outs[i].count; x++)
            a->out[a->out_count++] = outs[i].items[x];
        free(outs[i].items);
    }
    a->out_index[count] = (uint32_t)a->out_count;
    free(outs);
    a->child = child; /* kept for the compact tables (emit.c) */
    a->fail = fail;
    free(queue);
}
