/*
 * Writers for the generated C tables and the .pot template. The tables are
 * pointer-free: one pool of NUL-terminated UTF-8 strings and integer offsets
 * into it. Output depends only on the data (no dates, no paths).
 * SPDX-License-Identifier: MIT
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* ---- the string pool, with duplicates stored once ---- */

struct pool {
    char *bytes;
    size_t len, cap;
    uint32_t *slots; /* open addressing: offset + 1, 0 = empty */
    size_t slot_count;
};

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static uint32_t pool_add(struct pool *p, const char *s)
{
    size_t n = strlen(s) + 1, i;
    uint32_t off;
    for (i = fnv1a(s) % p->slot_count; p->slots[i]; i = (i + 1) % p->slot_count)
        /* a used slot implies p->bytes is allocated */
        // NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker)
        if (strcmp(p->bytes + p->slots[i] - 1, s) == 0)
            return p->slots[i] - 1;
    while (p->len + n > p->cap) {
        p->cap = p->cap ? p->cap * 2 : 65536;
        p->bytes = gen_xrealloc(p->bytes, p->cap);
    }
    off = (uint32_t)p->len;
    memcpy(p->bytes + p->len, s, n);
    p->len += n;
    p->slots[i] = off + 1;
    return off;
}

static FILE *open_tmp(const char *path, char **tmp)
{
    size_t n = strlen(path) + 5;
    FILE *f;
    *tmp = gen_xmalloc(n);
    (void)snprintf(*tmp, n, "%s.tmp", path);
    f = fopen(*tmp, "wb");
    if (!f)
        gen_error(*tmp, 0, "cannot create");
    return f;
}

static int close_tmp(FILE *f, char *tmp, const char *path)
{
    int bad = ferror(f);
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        gen_error(path, 0, "cannot write");
        (void)remove(tmp); /* best effort: the build fails anyway */
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

static int reason_id(const struct gen_model *m, int index)
{
    return index < 0 ? 0 : m->reasons[index].id;
}

/* Writes an array of unsigned numbers, at least one element (C has no
 * empty arrays; the count macro says how many are real). */
static void emit_numbers(FILE *f, const char *decl, const uint32_t *v, size_t n,
                         size_t per_line)
{
    size_t i;
    fprintf(f, "%s[%lu] = {", decl, (unsigned long)(n ? n : 1));
    for (i = 0; i < n; i++)
        fprintf(f, "%s%lu,", i % per_line ? "" : "\n", (unsigned long)v[i]);
    fprintf(f, "%s};\n\n", n ? "\n" : "0");
}

/* Puts the classifier's strings in the pool before the pool is written;
 * emit_classifier() then finds their offsets. */
static void pool_classifier_strings(const struct gen_model *m, struct pool *p)
{
    size_t i;
    for (i = 0; i < m->reason_count; i++) {
        pool_add(p, m->reasons[i].name);
        pool_add(p, m->reasons[i].explained);
    }
    for (i = 0; i < m->provider_count; i++) {
        pool_add(p, m->providers[i].id);
        pool_add(p, m->providers[i].name);
        pool_add(p, m->providers[i].domains);
    }
    for (i = 0; i < m->rule_count; i++) {
        pool_add(p, m->rules[i].id);
        pool_add(p, m->rules[i].explained);
        pool_add(p, m->rules[i].detail);
    }
}

static int has_outputs(const struct gen_automaton *a, uint32_t state)
{
    return a->out_index[state] != a->out_index[state + 1];
}

/* A transition as the matcher reads it: the target, flagged when the
 * target has outputs. */
static uint32_t flagged(const struct gen_automaton *a, uint32_t to,
                        uint32_t flag)
{
    return to | (has_outputs(a, to) ? flag : 0);
}

/* How the walk carries a state (lib/tables.c), and how the dense rows and
 * the chains hold their targets: the state's dense row's offset (state *
 * width: the next step adds the class, no multiply), or WALK_SPARSE | state
 * for a state without a row (automaton.c puts the rows' states first);
 * WALK_OUT when the state has outputs. */
#define WALK_OUT    0x80000000u
#define WALK_SPARSE 0x40000000u

static uint32_t walk_code(const struct gen_automaton *a, uint32_t to)
{
    return (has_outputs(a, to) ? WALK_OUT : 0) |
           (to < a->dense_rows ? to * (uint32_t)a->ascii_classes
                               : WALK_SPARSE | to);
}

static void emit_dense(FILE *f, const struct gen_automaton *a)
{
    size_t rows = a->dense_rows, width = (size_t)a->ascii_classes, s, k;
    size_t size = rows * width;
    uint32_t *v = gen_xmalloc((size ? size : 1) * sizeof *v);
    for (s = 0; s < rows; s++)
        for (k = 0; k < width; k++)
            v[s * width + k] =
                walk_code(a, a->delta[s * (size_t)a->classes + k]);
    fprintf(f, "#define SMTPDIAG__WALK_OUT 0x%lxu\n", (unsigned long)WALK_OUT);
    fprintf(f, "#define SMTPDIAG__WALK_SPARSE 0x%lxu\n",
            (unsigned long)WALK_SPARSE);
    fprintf(f, "#define SMTPDIAG__DENSE_STATES %lu\n", (unsigned long)rows);
    fprintf(f, "#define SMTPDIAG__DENSE_CLASSES %lu\n", (unsigned long)width);
    emit_numbers(f, "static const uint32_t smtpdiag__dense", v, size, 12);
    free(v);
}

/* The trie edges of every state but the root (whose row is complete).
 * Most states lie on one phrase's chain: one edge. Its class and its
 * target (as walk_code() writes it) are kept per state, so the matcher's
 * common sparse step is two loads. A state with several edges has class
 * 254 and, in place of a target, where its edges start in the edge lists
 * (sorted by class) and how many there are: (first << 9) | count. Class
 * 255: no edge. */
static void emit_edges(FILE *f, const struct gen_automaton *a, uint32_t flag)
{
    size_t c = (size_t)a->classes, s, k, count = 0;
    uint32_t *chain_class = gen_xmalloc((a->states + 1) * sizeof(uint32_t));
    uint32_t *chain_to = gen_xmalloc((a->states + 1) * sizeof(uint32_t));
    /* trie edges, and a separator's loop per state at most */
    uint32_t *cls = gen_xmalloc((2 * a->states + 1) * sizeof *cls);
    uint32_t *to = gen_xmalloc((2 * a->states + 1) * sizeof *to);
    for (s = 0; s < a->states; s++) {
        size_t n = 0, last = 0;
        for (k = 0; s > 0 && k < c; k++)
            if (a->child[s * c + k] >= 0)
                n++, last = k;
        chain_class[s] = n == 0 ? 255u : n == 1 ? (uint32_t)last : 254u;
        chain_to[s] = n == 1 ? walk_code(a, (uint32_t)a->child[s * c + last])
                             : (uint32_t)(count << 9 | n);
        for (k = 0; n > 1 && k < c; k++)
            if (a->child[s * c + k] >= 0) {
                cls[count] = (uint32_t)k;
                to[count++] = flagged(a, (uint32_t)a->child[s * c + k], flag);
            }
    }
    if (c > 254 || count >= (1u << 23) || a->states >= WALK_SPARSE)
        gen_error("smtpdiag-gen", 0, "too many byte classes or edges");
    fprintf(f, "#define SMTPDIAG__EDGES %lu\n", (unsigned long)count);
    emit_numbers(f, "static const uint8_t smtpdiag__chain_class", chain_class,
                 a->states, 24);
    emit_numbers(f, "static const uint32_t smtpdiag__chain_to", chain_to,
                 a->states, 12);
    emit_numbers(f, "static const uint8_t smtpdiag__edge_class", cls, count,
                 24);
    emit_numbers(f, "static const smtpdiag__state_t smtpdiag__edge_to", to,
                 count, 20);
    free(chain_class);
    free(chain_to);
    free(cls);
    free(to);
}

/* A phrase's word lengths, last word first, then a 0; returns how many
 * numbers it wrote. A normalised phrase is words between single spaces,
 * without a space at either end (gen_normalise). */
static size_t phrase_words(const struct gen_phrase *ph, uint32_t *out)
{
    size_t end = ph->len, k, n = 0;
    while (end > 0) {
        for (k = end; k > 0 && ph->norm[k - 1] != ' '; k--)
            ;
        if (n == GEN_MAX_PHRASE_WORDS || end - k > 255) {
            gen_error(ph->file, ph->line, "'%s' has too many words", ph->norm);
            break;
        }
        out[n++] = (uint32_t)(end - k);
        end = k > 0 ? k - 1 : 0;
    }
    out[n++] = 0;
    return n;
}

/* The classifier's tables: reasons, providers, rules, phrases and the
 * automaton. */
static void emit_classifier(FILE *f, const struct gen_model *m, struct pool *p)
{
    const struct gen_automaton *a = &m->dfa;
    int wide = a->states >= 0x8000;
    uint32_t flag = wide ? 0x80000000u : 0x8000u, *v;
    size_t i, c, n = a->states * (size_t)a->classes;

    v = gen_xmalloc((n > m->phrase_count ? n : m->phrase_count) * sizeof *v +
                    256 * sizeof *v);
    fprintf(f, "#define SMTPDIAG__REASON_COUNT %lu\n",
            (unsigned long)m->reason_count);
    fprintf(f, "static const struct smtpdiag__reason_row "
               "smtpdiag__reasons[] = {\n");
    for (i = 0; i < m->reason_count; i++) {
        const struct gen_reason *r = &m->reasons[i];
        fprintf(f, "    {%d, %d, %lu, %lu, %lu},\n", r->id, r->bounce,
                (unsigned long)pool_add(p, r->name),
                (unsigned long)pool_add(p, r->explained),
                (unsigned long)r->msg);
    }
    fprintf(f, "};\n\n");
    /* Reasons by pinned id (0..254), so a look-up is one load; 255: none. */
    for (i = 0; i < 256; i++)
        v[i] = 255;
    for (i = 0; i < m->reason_count; i++)
        if (m->reasons[i].id >= 0 && m->reasons[i].id < 255)
            v[m->reasons[i].id] = (uint32_t)i;
    emit_numbers(f, "static const uint8_t smtpdiag__reason_by_id", v, 256, 32);
    fprintf(f, "#define SMTPDIAG__PROVIDER_COUNT %lu\n",
            (unsigned long)m->provider_count);
    fprintf(f, "static const struct smtpdiag__provider_row "
               "smtpdiag__providers[] = {\n");
    for (i = 0; i < m->provider_count; i++)
        fprintf(f, "    {%lu, %lu, %lu},\n",
                (unsigned long)pool_add(p, m->providers[i].id),
                (unsigned long)pool_add(p, m->providers[i].name),
                (unsigned long)pool_add(p, m->providers[i].domains));
    if (m->provider_count == 0)
        fprintf(f, "    {0, 0, 0},\n");
    fprintf(f, "};\n\n#define SMTPDIAG__RULE_COUNT %lu\n",
            (unsigned long)m->rule_count);
    fprintf(f,
            "static const struct smtpdiag__rule_row smtpdiag__rules[] = {\n");
    for (i = 0; i < m->rule_count; i++) {
        const struct gen_rule *r = &m->rules[i];
        fprintf(f, "    {%lu, %lu, %lu, %lu, %d, %d, %d, %d},\n",
                (unsigned long)pool_add(p, r->id),
                (unsigned long)pool_add(p, r->explained),
                (unsigned long)pool_add(p, r->detail), (unsigned long)r->status,
                reason_id(m, r->reason), r->priority,
                r->provider < 0 ? 255 : r->provider, r->reply_class);
    }
    if (m->rule_count == 0)
        fprintf(f, "    {0, 0, 0, 0, 0, 0, 255, 0},\n");
    fprintf(f, "};\n\n");

    /* Rules without a phrase (a provider's meaning of a code), grouped by
     * provider, in file order within each: a provider's are
     * code_rules[code_rule_first[p] .. code_rule_first[p + 1]). */
    {
        uint32_t *first = gen_xmalloc((m->provider_count + 1) * sizeof *first);
        size_t prov;
        for (prov = 0, c = 0; prov < m->provider_count; prov++) {
            first[prov] = (uint32_t)c;
            for (i = 0; i < m->rule_count; i++)
                if (m->rules[i].phrase_count == 0 &&
                    m->rules[i].provider == (int)prov)
                    v[c++] = (uint32_t)i;
        }
        first[m->provider_count] = (uint32_t)c;
        fprintf(f, "#define SMTPDIAG__CODE_RULE_COUNT %lu\n", (unsigned long)c);
        emit_numbers(f, "static const uint16_t smtpdiag__code_rules", v, c, 16);
        emit_numbers(f, "static const uint16_t smtpdiag__code_rule_first",
                     first, m->provider_count + 1, 16);
        free(first);
    }

    /* Each phrase's word lengths, last word first, each list ended by a
     * 0 (phrase_words): the walk finds where a match starts by skipping
     * whole words (tables.c), not byte by byte. */
    {
        uint32_t *first = gen_xmalloc((m->phrase_count + 1) * sizeof *first);
        uint32_t *words = gen_xmalloc(
            (m->phrase_count * (GEN_MAX_PHRASE_WORDS + 1) + 1) * sizeof *words);
        for (i = 0, c = 0; i < m->phrase_count; i++) {
            first[i] = (uint32_t)c;
            c += phrase_words(&m->phrases[i], words + c);
        }
        if (c > 0xFFFF)
            gen_error("smtpdiag-gen", 0, "too many phrase words (%lu)",
                      (unsigned long)c);
        emit_numbers(f, "static const uint8_t smtpdiag__phrase_words", words, c,
                     32);
        fprintf(f, "#define SMTPDIAG__PHRASE_COUNT %lu\n",
                (unsigned long)m->phrase_count);
        fprintf(f, "static const struct smtpdiag__phrase_row "
                   "smtpdiag__phrases[] = {\n");
        for (i = 0; i < m->phrase_count; i++)
            fprintf(f, "    {%d, %d, %d, %lu},\n", m->phrases[i].target,
                    m->phrases[i].pair, m->phrases[i].kind,
                    (unsigned long)first[i]);
        free(first);
        free(words);
    }
    if (m->phrase_count == 0)
        fprintf(f, "    {0, 0, 0, 0},\n");
    fprintf(f, "};\n#define SMTPDIAG__PAIR_COUNT %d\n\n", m->pair_count);

    for (i = 0; i < 256; i++)
        v[i] = a->byte_class[i];
    emit_numbers(f, "static const uint8_t smtpdiag__byte_class", v, 256, 32);
    fprintf(f, "#define SMTPDIAG__CLASSES %d\n#define SMTPDIAG__STATES %lu\n",
            a->classes, (unsigned long)a->states);
    fprintf(f, "#define SMTPDIAG__OUT_FLAG 0x%lxu\n", (unsigned long)flag);
    fprintf(f, "typedef %s smtpdiag__state_t;\n\n",
            wide ? "uint32_t" : "uint16_t");
    /* The automaton: the root's full row, dense rows for the first states
     * (emit_dense), and for every state its trie edges and failure link; a
     * missing edge follows the failure links. Each target carries a flag
     * when it has outputs, so the matcher tests one bit instead of loading
     * a table. */
    {
        int k;
        for (k = 0; k < a->classes; k++)
            v[k] = flagged(a, a->delta[k], flag);
        emit_numbers(f, "static const smtpdiag__state_t smtpdiag__root", v,
                     (size_t)a->classes, 20);
        emit_dense(f, a);
        emit_edges(f, a, flag);
        emit_numbers(f, "static const smtpdiag__state_t smtpdiag__fail",
                     a->fail, a->states, 20);
    }
    emit_numbers(f,
                 a->out_count < 0x10000
                     ? "static const uint16_t smtpdiag__out_index"
                     : "static const uint32_t smtpdiag__out_index",
                 a->out_index, a->states + 1, 16);
    emit_numbers(f, "static const uint16_t smtpdiag__out", a->out, a->out_count,
                 20);
    free(v);
}

/* Direct indices into the code tables, so that a look-up is one load:
 * reply codes 0..599 (the rows of "2xx".."5xx" sit at 2..5), and enhanced
 * codes of class 2, 4, 5 with a subject below 8 and a detail below 32 (all
 * RFC 3463 defines; the run time searches the table for the others). */
static void emit_code_index(FILE *f, const struct gen_model *m)
{
    uint32_t replies[600], statuses[3 * 8 * 32];
    size_t i;
    for (i = 0; i < 600; i++)
        replies[i] = 255;
    for (i = 0; i < m->reply_count; i++)
        if (m->replies[i].code >= 0 && m->replies[i].code < 600)
            replies[m->replies[i].code] = (uint32_t)i;
    for (i = 0; i < (size_t)3 * 8 * 32; i++)
        statuses[i] = 255;
    for (i = 0; i < m->status_count; i++) {
        uint32_t code = m->statuses[i].code, cls = code / 1000000u,
                 subject = code / 1000u % 1000u, detail = code % 1000u;
        if ((cls == 2 || cls == 4 || cls == 5) && subject < 8 && detail < 32)
            statuses[((cls == 2 ? 0 : cls - 3) * 8 + subject) * 32 + detail] =
                (uint32_t)i;
    }
    emit_numbers(f, "static const uint8_t smtpdiag__reply_index", replies, 600,
                 24);
    emit_numbers(f, "static const uint8_t smtpdiag__status_index", statuses,
                 (size_t)3 * 8 * 32, 32);
}

int gen_emit_tables(const struct gen_model *m, const char *path)
{
    struct pool p;
    uint32_t *msg_off, *reply_key, *status_key;
    uint32_t lang_off[256][6];
    size_t i, j, total = m->lang_count * m->msg_count;
    char *tmp;
    FILE *f;

    if (m->reply_count > 254 || m->status_count > 254) {
        gen_error(path, 0, "at most 254 reply codes and 254 status codes");
        return -1; /* the direct indices (emit_code_index) hold a byte */
    }
    memset(&p, 0, sizeof p);
    p.slot_count =
        2 * (total + m->reply_count + m->status_count + 6 * m->lang_count +
             2 * m->reason_count + 3 * m->provider_count + 3 * m->rule_count +
             m->notice_count) +
        17;
    p.slots = gen_xmalloc(p.slot_count * sizeof *p.slots);
    memset(p.slots, 0, p.slot_count * sizeof *p.slots);
    pool_add(&p, ""); /* offset 0 is the empty string */

    for (i = 0; i < m->lang_count; i++) {
        const struct gen_language *l = &m->langs[i];
        lang_off[i][0] = pool_add(&p, l->tag);
        lang_off[i][1] = pool_add(&p, l->name);
        lang_off[i][2] = pool_add(&p, l->primary);
        lang_off[i][3] = pool_add(&p, l->script);
        lang_off[i][4] = pool_add(&p, l->regions);
        lang_off[i][5] = pool_add(&p, l->also);
    }
    reply_key = gen_xmalloc(m->reply_count * sizeof *reply_key + 1);
    for (i = 0; i < m->reply_count; i++)
        reply_key[i] = pool_add(&p, m->replies[i].key);
    status_key = gen_xmalloc(m->status_count * sizeof *status_key + 1);
    for (i = 0; i < m->status_count; i++)
        status_key[i] = pool_add(&p, m->statuses[i].key);
    pool_classifier_strings(m, &p);
    for (i = 0; i < m->notice_count; i++)
        pool_add(&p, m->notices[i].id);
    msg_off = gen_xmalloc(total * sizeof *msg_off + 1);
    for (i = 0; i < m->lang_count; i++)
        for (j = 0; j < m->msg_count; j++)
            msg_off[i * m->msg_count + j] = pool_add(&p, m->langs[i].texts[j]);

    f = open_tmp(path, &tmp);
    if (!f)
        return -1;
    fprintf(f, "/* Generated by smtpdiag-gen from lib/data and lib/po. "
               "Do not edit. */\n\n");
    fprintf(f, "#define SMTPDIAG__DATA_HASH \"%s\"\n", m->hash);
    fprintf(f, "#define SMTPDIAG__DATA_VERSION \"%s\"\n", m->data_version);
    fprintf(f, "#define SMTPDIAG__LANG_COUNT %lu\n",
            (unsigned long)m->lang_count);
    fprintf(f, "#define SMTPDIAG__MSG_COUNT %lu\n",
            (unsigned long)m->msg_count);
    fprintf(f, "#define SMTPDIAG__REPLY_COUNT %lu\n",
            (unsigned long)m->reply_count);
    fprintf(f, "#define SMTPDIAG__STATUS_COUNT %lu\n\n",
            (unsigned long)m->status_count);

    fprintf(f, "static const unsigned char smtpdiag__pool[%lu] = {",
            (unsigned long)p.len);
    for (i = 0; i < p.len; i++)
        fprintf(f, "%s%u,", i % 20 ? "" : "\n", (unsigned char)p.bytes[i]);
    fprintf(f, "\n};\n\n");

    fprintf(f,
            "static const struct smtpdiag__lang_row smtpdiag__langs[] = {\n");
    for (i = 0; i < m->lang_count; i++)
        fprintf(f, "    {%d, %d, %lu, %lu, %lu, %lu, %lu, %lu},\n",
                m->langs[i].id, m->langs[i].is_default,
                (unsigned long)lang_off[i][0], (unsigned long)lang_off[i][1],
                (unsigned long)lang_off[i][2], (unsigned long)lang_off[i][3],
                (unsigned long)lang_off[i][4], (unsigned long)lang_off[i][5]);
    fprintf(f, "};\n\n");

    fprintf(
        f, "static const struct smtpdiag__reply_row smtpdiag__replies[] = {\n");
    for (i = 0; i < m->reply_count; i++)
        fprintf(f, "    {%d, %d, %d, %d, %lu, %lu},\n", m->replies[i].code,
                m->replies[i].standard, reason_id(m, m->replies[i].reason),
                m->replies[i].one_meaning, (unsigned long)reply_key[i],
                (unsigned long)m->replies[i].msg);
    fprintf(f, "};\n\n");

    fprintf(
        f,
        "static const struct smtpdiag__status_row smtpdiag__statuses[] = {\n");
    for (i = 0; i < m->status_count; i++)
        fprintf(
            f, "    {%lu, %d, %lu, %lu},\n", (unsigned long)m->statuses[i].code,
            reason_id(m, m->statuses[i].reason), (unsigned long)status_key[i],
            (unsigned long)m->statuses[i].msg);
    fprintf(f, "};\n\n");
    emit_code_index(f, m);
    gen_emit_command_index(f);

    emit_classifier(f, m, &p);
    fprintf(f, "#define SMTPDIAG__NOTICE_COUNT %lu\n",
            (unsigned long)m->notice_count);
    fprintf(f, "static const struct smtpdiag__notice_row "
               "smtpdiag__notices[] = {\n");
    for (i = 0; i < m->notice_count; i++)
        fprintf(f, "    {%lu, %lu},\n",
                (unsigned long)pool_add(&p, m->notices[i].id),
                (unsigned long)m->notices[i].msg);
    if (m->notice_count == 0)
        fprintf(f, "    {0, 0},\n");
    fprintf(f, "};\n\n");

    fprintf(f, "static const uint32_t smtpdiag__messages[%lu][%lu] = {\n",
            (unsigned long)m->lang_count, (unsigned long)m->msg_count);
    for (i = 0; i < m->lang_count; i++) {
        fprintf(f, "  { /* %s */", m->langs[i].tag);
        for (j = 0; j < m->msg_count; j++)
            fprintf(f, "%s%lu,", j % 12 ? " " : "\n    ",
                    (unsigned long)msg_off[i * m->msg_count + j]);
        fprintf(f, "\n  },\n");
    }
    fprintf(f, "};\n");

    free(msg_off);
    free(reply_key);
    free(status_key);
    free(p.slots);
    free(p.bytes);
    /* the emitters' own checks (table limits) fail the build too */
    if (close_tmp(f, tmp, path) != 0 || gen_error_count() > 0)
        return -1;
    return 0;
}

static void po_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if (*s == '\n')
            fputs("\\n", f);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

int gen_emit_pot(const struct gen_model *m, const char *path,
                 const char *source_root)
{
    size_t i, root_len = source_root ? strlen(source_root) : 0;
    char *tmp;
    FILE *f = open_tmp(path, &tmp);
    if (!f)
        return -1;
    fputs("# Template for translations of libsmtpdiag's explanations.\n"
          "# Generated from lib/data by smtpdiag-gen (target update-pot): "
          "do not edit.\n"
          "msgid \"\"\n"
          "msgstr \"\"\n"
          "\"Project-Id-Version: libsmtpdiag\\n\"\n"
          "\"MIME-Version: 1.0\\n\"\n"
          "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
          "\"Content-Transfer-Encoding: 8bit\\n\"\n",
          f);
    for (i = 0; i < m->msg_count; i++) {
        const struct gen_message *msg = &m->msgs[i];
        const char *file = msg->file;
        if (root_len && strncmp(file, source_root, root_len) == 0 &&
            file[root_len] == '/')
            file += root_len + 1;
        else
            file = gen_basename(file);
        fprintf(f, "\n#. %s\n#: %s:%d\nmsgctxt ", msg->comment, file,
                msg->line);
        po_string(f, msg->key);
        fputs("\nmsgid ", f);
        po_string(f, msg->english);
        fputs("\nmsgstr \"\"\n", f);
    }
    return close_tmp(f, tmp, path);
}
