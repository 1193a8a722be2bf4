/*
 * Loading the classifier's knowledge: reasons (lib/data/reasons.txt),
 * providers (providers.txt) and rules with their phrases (rules.txt).
 * SPDX-License-Identifier: MIT
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* The longest normalised phrase (the run-time matcher walks back over a
 * match to report where it starts). */
#define GEN_MAX_PHRASE 128

int gen_reason_index(const struct gen_model *m, const char *name,
                     const char *file, int line)
{
    size_t i;
    for (i = 0; i < m->reason_count; i++)
        if (strcmp(m->reasons[i].name, name) == 0)
            return (int)i;
    if (name[0])
        gen_error(file, line, "unknown reason '%s'", name);
    return -1;
}

static int provider_index(const struct gen_model *m, const char *id,
                          const char *file, int line)
{
    size_t i;
    for (i = 0; i < m->provider_count; i++)
        if (strcmp(m->providers[i].id, id) == 0)
            return (int)i;
    gen_error(file, line, "unknown provider '%s'", id);
    return -1;
}

static char *prefixed(const char *prefix, const char *name)
{
    size_t n = strlen(prefix) + strlen(name) + 1;
    char *s = gen_xmalloc(n);
    (void)snprintf(s, n, "%s%s", prefix, name);
    return s;
}

/* Machine names: lower-case ASCII letters, digits and '-'. */
static int is_machine_name(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '-'))
            return 0;
    return 1;
}

void gen_load_reasons(struct gen_model *m, const char *path)
{
    static const char *const names[] = {"reason",  "id",    "bounce",
                                        "summary", "title", "explanation",
                                        "advice",  NULL};
    struct gen_recfile f;
    size_t i, j;
    gen_records_load(path, &f);
    for (i = 0; i < f.count; i++) {
        const struct gen_record *r = &f.records[i];
        struct gen_reason e;
        const char *bounce;
        gen_record_check_names(r, names);
        memset(&e, 0, sizeof e);
        e.name = gen_record_require(r, "reason");
        e.id = gen_number(gen_record_require(r, "id"), path, r->line);
        bounce = gen_record_require(r, "bounce");
        gen_record_require(r, "summary");
        if (strcmp(bounce, "hard") == 0)
            e.bounce = GEN_BOUNCE_HARD;
        else if (strcmp(bounce, "soft") == 0)
            e.bounce = GEN_BOUNCE_SOFT;
        else if (strcmp(bounce, "none") == 0)
            e.bounce = GEN_BOUNCE_NONE;
        else
            gen_error(path, r->line, "bounce must be hard, soft or none");
        if (!is_machine_name(e.name))
            gen_error(path, r->line, "malformed reason name '%s'", e.name);
        if (e.id < 0 || e.id > 254)
            gen_error(path, r->line, "reason id must be 0..254");
        if (m->reason_count > 0 && e.id <= m->reasons[m->reason_count - 1].id)
            gen_error(path, r->line, "reason ids must ascend in file order");
        for (j = 0; j < m->reason_count; j++)
            if (m->reasons[j].id == e.id ||
                strcmp(m->reasons[j].name, e.name) == 0)
                gen_error(path, r->line, "duplicate reason %s", e.name);
        e.explained = prefixed("reason:", e.name);
        e.msg = m->msg_count;
        gen_add_messages(m, r, e.explained, gen_record_require(r, "summary"));
        GEN_PUSH(m->reasons, m->reason_count, m->reason_cap, e);
    }
    if (gen_reason_index(m, "undefined", path, 0) < 0)
        gen_error(path, 0, "the reason 'undefined' must exist");
}

/* Normalises a phrase as the matcher sees text: ASCII letters lower-cased,
 * each run of other ASCII bytes one separator ' ', no separator at either
 * end; other bytes (UTF-8) kept. */
char *gen_normalise(const char *s)
{
    char *out = gen_xmalloc(strlen(s) + 1);
    size_t n = 0;
    int sep = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            sep = n > 0;
            continue;
        }
        if (sep)
            out[n++] = ' ';
        sep = 0;
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return out;
}

static void add_phrase(struct gen_model *m, const char *text, int kind,
                       int target, int pair, const char *file, int line)
{
    struct gen_phrase p;
    p.norm = gen_normalise(text);
    p.len = strlen(p.norm);
    p.kind = kind;
    p.target = target;
    p.pair = pair;
    p.file = file;
    p.line = line;
    if (p.len < 4 || p.len > GEN_MAX_PHRASE) {
        gen_error(file, line, "phrase '%s' must be 4..%d bytes once normalised",
                  p.norm, GEN_MAX_PHRASE);
        return;
    }
    if (m->phrase_count >= 65535) {
        gen_error(file, line, "too many phrases");
        return;
    }
    GEN_PUSH(m->phrases, m->phrase_count, m->phrase_cap, p);
}

void gen_load_providers(struct gen_model *m, const char *path)
{
    static const char *const names[] = {"provider", "name",   "marker*",
                                        "domains",  "source", NULL};
    struct gen_recfile f;
    size_t i, j, k;
    gen_records_load(path, &f);
    for (i = 0; i < f.count; i++) {
        const struct gen_record *r = &f.records[i];
        struct gen_provider p;
        int markers = 0;
        p.id = gen_record_require(r, "provider");
        p.name = gen_record_require(r, "name");
        p.domains = gen_record_require(r, "domains");
        gen_record_require(r, "source");
        if (!is_machine_name(p.id))
            gen_error(path, r->line, "malformed provider id '%s'", p.id);
        for (j = 0; j < m->provider_count; j++)
            if (strcmp(m->providers[j].id, p.id) == 0)
                gen_error(path, r->line, "duplicate provider %s", p.id);
        gen_record_check_names(r, names);
        for (k = 0; k < r->count; k++) {
            const struct gen_field *fld = &r->fields[k];
            if (strcmp(fld->name, "marker") == 0) {
                add_phrase(m, fld->value, GEN_PHRASE_MARKER,
                           (int)m->provider_count, 0, path, fld->line);
                markers++;
            }
        }
        if (markers == 0)
            gen_error(path, r->line, "provider %s has no marker", p.id);
        GEN_PUSH(m->providers, m->provider_count, m->provider_cap, p);
    }
    if (m->provider_count > 254)
        gen_error(path, 0, "at most 254 providers");
}

/* Sorting phrases to find repeats: by kind, then text. */
static const struct gen_model *sort_model;
static int cmp_phrase(const void *a, const void *b)
{
    const struct gen_phrase *x = &sort_model->phrases[*(const size_t *)a];
    const struct gen_phrase *y = &sort_model->phrases[*(const size_t *)b];
    if (x->kind != y->kind)
        return x->kind - y->kind;
    return strcmp(x->norm, y->norm);
}

/* The same phrase twice is an error where it can only be redundant or
 * contradictory: two markers, or two rules with the same conditions (the
 * same provider and status). Rules for different providers or codes may
 * share wording: 263's "mail size limit exceeded" means its mailbox. */
static void check_repeats(const struct gen_model *m)
{
    size_t *order = gen_xmalloc((m->phrase_count + 1) * sizeof *order), i;
    for (i = 0; i < m->phrase_count; i++)
        order[i] = i;
    sort_model = m;
    qsort(order, m->phrase_count, sizeof *order, cmp_phrase);
    for (i = 1; i < m->phrase_count; i++) {
        const struct gen_phrase *a = &m->phrases[order[i - 1]];
        const struct gen_phrase *b = &m->phrases[order[i]];
        if (a->kind != b->kind || strcmp(a->norm, b->norm) != 0 ||
            a->kind == GEN_PHRASE_PAIR_FIRST ||
            a->kind == GEN_PHRASE_PAIR_SECOND)
            continue;
        if (a->kind == GEN_PHRASE_MARKER ||
            (m->rules[a->target].provider == m->rules[b->target].provider &&
             m->rules[a->target].status == m->rules[b->target].status &&
             m->rules[a->target].reply_class ==
                 m->rules[b->target].reply_class))
            gen_error(b->file, b->line, "phrase '%s' is already used at %s:%d",
                      b->norm, a->file, a->line);
    }
    free(order);
}

void gen_load_rules(struct gen_model *m, const char *path)
{
    static const char *const names[] = {
        "rule",  "reason",  "detail", "priority", "provider", "status",
        "class", "phrase*", "pair*",  "source",   NULL};
    struct gen_recfile f;
    size_t i, j, k;
    gen_records_load(path, &f);
    for (i = 0; i < f.count; i++) {
        const struct gen_record *r = &f.records[i];
        struct gen_rule e;
        const struct gen_field *fld;
        int rule = (int)m->rule_count;
        memset(&e, 0, sizeof e);
        gen_record_check_names(r, names);
        e.id = gen_record_require(r, "rule");
        e.file = path;
        e.line = r->line;
        e.reason =
            gen_reason_index(m, gen_record_require(r, "reason"), path, r->line);
        e.priority =
            gen_number(gen_record_require(r, "priority"), path, r->line);
        e.provider = -1;
        gen_record_require(r, "source");
        fld = gen_record_field(r, "detail");
        e.detail = fld ? fld->value : "";
        if (e.detail[0] && !is_machine_name(e.detail))
            gen_error(path, fld->line, "malformed detail '%s'", e.detail);
        if ((fld = gen_record_field(r, "provider")) != NULL)
            e.provider = provider_index(m, fld->value, path, fld->line);
        if ((fld = gen_record_field(r, "status")) != NULL &&
            gen_parse_status(fld->value, &e.status) != 0)
            gen_error(path, fld->line, "malformed status '%s'", fld->value);
        if ((fld = gen_record_field(r, "class")) != NULL) {
            e.reply_class = fld->value[0] - '0'; /* checked just below */
            if (strcmp(fld->value, "2") != 0 && strcmp(fld->value, "4") != 0 &&
                strcmp(fld->value, "5") != 0)
                gen_error(path, fld->line, "class must be 2, 4 or 5");
        }
        if (!is_machine_name(e.id))
            gen_error(path, r->line, "malformed rule id '%s'", e.id);
        if (e.priority < 1 || e.priority > 9)
            gen_error(path, r->line, "priority must be 1..9");
        for (j = 0; j < m->rule_count; j++)
            if (strcmp(m->rules[j].id, e.id) == 0)
                gen_error(path, r->line, "duplicate rule id %s", e.id);
        for (k = 0; k < r->count; k++) {
            fld = &r->fields[k];
            if (strcmp(fld->name, "phrase") == 0) {
                add_phrase(m, fld->value, GEN_PHRASE_SINGLE, rule, 0, path,
                           fld->line);
                e.phrase_count++;
            } else if (strcmp(fld->name, "pair") == 0) {
                const char *slash = strstr(fld->value, " / ");
                char *first;
                if (!slash || strstr(slash + 3, " / ")) {
                    gen_error(path, fld->line, "pair is 'first / second'");
                    continue;
                }
                first = gen_xmalloc((size_t)(slash - fld->value) + 1);
                memcpy(first, fld->value, (size_t)(slash - fld->value));
                first[slash - fld->value] = '\0';
                add_phrase(m, first, GEN_PHRASE_PAIR_FIRST, rule, m->pair_count,
                           path, fld->line);
                add_phrase(m, slash + 3, GEN_PHRASE_PAIR_SECOND, rule,
                           m->pair_count, path, fld->line);
                m->pair_count++;
                e.phrase_count++;
                free(first);
            }
        }
        if (e.phrase_count == 0 && (e.provider < 0 || e.status == 0))
            gen_error(path, r->line,
                      "rule %s needs a phrase or pair, or both a provider "
                      "and a status",
                      e.id);
        e.explained = prefixed("rule:", e.id);
        GEN_PUSH(m->rules, m->rule_count, m->rule_cap, e);
    }
    if (m->rule_count > 65535 || m->pair_count > 4096)
        gen_error(path, 0, "too many rules or pairs");
    check_repeats(m);
}
