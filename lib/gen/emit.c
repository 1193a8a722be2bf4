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

/* The classifier's tables: reasons, providers, rules, phrases and the
 * automaton. */
static void emit_classifier(FILE *f, const struct gen_model *m, struct pool *p)
{
    const struct gen_automaton *a = &m->dfa;
    int wide = a->states >= 0x8000;
    uint32_t flag = wide ? 0x80000000u : 0x8000u, *v;
    size_t i, c, n = a->states * (size_t)a->classes;

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
    fprintf(f, "};\n\n#define SMTPDIAG__PROVIDER_COUNT %lu\n",
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

    v = gen_xmalloc((n > m->phrase_count ? n : m->phrase_count) * sizeof *v +
                    256 * sizeof *v);
    for (i = 0, c = 0; i < m->rule_count; i++)
        if (m->rules[i].phrase_count == 0)
            v[c++] = (uint32_t)i;
    fprintf(f, "#define SMTPDIAG__CODE_RULE_COUNT %lu\n", (unsigned long)c);
    emit_numbers(f, "static const uint16_t smtpdiag__code_rules", v, c, 16);

    fprintf(f, "#define SMTPDIAG__PHRASE_COUNT %lu\n",
            (unsigned long)m->phrase_count);
    fprintf(f, "static const struct smtpdiag__phrase_row "
               "smtpdiag__phrases[] = {\n");
    for (i = 0; i < m->phrase_count; i++)
        fprintf(f, "    {%d, %d, %d, %lu},\n", m->phrases[i].target,
                m->phrases[i].pair, m->phrases[i].kind,
                (unsigned long)m->phrases[i].len);
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
    /* The automaton in Aho-Corasick form, compact: the root's full row,
     * and for every other state its trie edges (sorted by class) and its
     * failure link; a missing edge follows the failure links, which the
     * matcher does at most once per byte on average. Each target carries a
     * flag when it has outputs, so the matcher tests one bit instead of
     * loading a table. */
    {
        uint32_t *index = gen_xmalloc((a->states + 1) * sizeof *index);
        uint32_t *cls = gen_xmalloc((a->states + 1) * sizeof *cls);
        size_t count = 0, s;
        int k;
        for (k = 0; k < a->classes; k++) {
            uint32_t to = a->delta[k];
            v[k] = to | (a->out_index[to] != a->out_index[to + 1] ? flag : 0);
        }
        emit_numbers(f, "static const smtpdiag__state_t smtpdiag__root", v,
                     (size_t)a->classes, 20);
        for (s = 0; s < a->states; s++) {
            index[s] = (uint32_t)count;
            for (k = 0; s > 0 && k < a->classes; k++) {
                int32_t to = a->child[s * (size_t)a->classes + (size_t)k];
                if (to < 0)
                    continue;
                cls[count] = (uint32_t)k;
                v[count++] =
                    (uint32_t)to |
                    (a->out_index[to] != a->out_index[to + 1] ? flag : 0);
            }
        }
        index[a->states] = (uint32_t)count;
        fprintf(f, "#define SMTPDIAG__EDGES %lu\n", (unsigned long)count);
        emit_numbers(f, "static const uint32_t smtpdiag__edge_index", index,
                     a->states + 1, 16);
        emit_numbers(f, "static const uint8_t smtpdiag__edge_class", cls, count,
                     24);
        emit_numbers(f, "static const smtpdiag__state_t smtpdiag__edge_to", v,
                     count, 20);
        emit_numbers(f, "static const smtpdiag__state_t smtpdiag__fail",
                     a->fail, a->states, 20);
        free(index);
        free(cls);
    }
    emit_numbers(f, "static const uint32_t smtpdiag__out_index", a->out_index,
                 a->states + 1, 16);
    emit_numbers(f, "static const uint16_t smtpdiag__out", a->out, a->out_count,
                 20);
    free(v);
}

int gen_emit_tables(const struct gen_model *m, const char *path)
{
    struct pool p;
    uint32_t *msg_off, *reply_key, *status_key;
    uint32_t lang_off[256][6];
    size_t i, j, total = m->lang_count * m->msg_count;
    char *tmp;
    FILE *f;

    memset(&p, 0, sizeof p);
    p.slot_count =
        2 * (total + m->reply_count + m->status_count + 6 * m->lang_count +
             2 * m->reason_count + 3 * m->provider_count + 3 * m->rule_count) +
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
        fprintf(f, "    {%d, %d, %d, %lu, %lu},\n", m->replies[i].code,
                m->replies[i].standard, reason_id(m, m->replies[i].reason),
                (unsigned long)reply_key[i], (unsigned long)m->replies[i].msg);
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

    emit_classifier(f, m, &p);

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
    return close_tmp(f, tmp, path);
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
