/*
 * smtpdiag-gen: reads the record files in lib/data and the PO files in lib/po,
 * checks them, and writes the C tables (and, on request, the .pot template).
 * Usage:
 *
 *   smtpdiag-gen --out tables.inc [--pot smtpdiag.pot] [--source-root DIR]
 *                --languages languages.txt --reasons reasons.txt
 *                --replies reply-codes.txt --statuses status-codes.txt
 *                --providers providers.txt --rules rules.txt
 *                --notices notices.txt [--only TAG,TAG...] [PO-FILE ...]
 *
 * Any error is printed as "file:line: message" and the exit status is 1.
 * SPDX-License-Identifier: MIT
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

const char *const gen_text_fields[GEN_TEXT_FIELDS] = {"title", "explanation",
                                                      "advice"};

void gen_add_messages(struct gen_model *m, const struct gen_record *r,
                      const char *prefix, const char *comment)
{
    int i;
    for (i = 0; i < GEN_TEXT_FIELDS; i++) {
        struct gen_message msg;
        const struct gen_field *f = gen_record_field(r, gen_text_fields[i]);
        size_t n = strlen(prefix) + strlen(gen_text_fields[i]) + 2;
        msg.key = gen_xmalloc(n);
        (void)snprintf(msg.key, n, "%s:%s", prefix, gen_text_fields[i]);
        msg.english = gen_record_require(r, gen_text_fields[i]);
        msg.file = r->file;
        msg.line = f ? f->line : r->line;
        msg.comment = comment;
        GEN_PUSH(m->msgs, m->msg_count, m->msg_cap, msg);
    }
}

/* Parses "class.subject.detail" strictly (RFC 3463 section 2). */
int gen_parse_status(const char *s, uint32_t *out)
{
    unsigned part[3];
    int i;
    for (i = 0; i < 3; i++) {
        int digits = 0;
        part[i] = 0;
        if (*s == '0' && s[1] >= '0' && s[1] <= '9')
            return -1;
        while (*s >= '0' && *s <= '9' && digits < 4) {
            part[i] = part[i] * 10 + (unsigned)(*s++ - '0');
            digits++;
        }
        if (digits == 0 || digits > 3 || (i == 0 && digits != 1))
            return -1;
        if (i < 2 && *s++ != '.')
            return -1;
    }
    if (*s || (part[0] != 2 && part[0] != 4 && part[0] != 5))
        return -1;
    *out = part[0] * 1000000u + part[1] * 1000u + part[2];
    return 0;
}

static void load_replies(struct gen_model *m, const char *path)
{
    static const char *const names[] = {
        "code",  "standard",    "registry", "ref",         "reason",
        "title", "explanation", "advice",   "one-meaning", NULL};
    struct gen_recfile f;
    size_t i, j;
    gen_records_load(path, &f);
    for (i = 0; i < f.count; i++) {
        const struct gen_record *r = &f.records[i];
        const char *code = gen_record_require(r, "code");
        const char *std = gen_record_require(r, "standard");
        const struct gen_field *one;
        struct gen_reply e;
        char prefix[16];
        gen_record_check_names(r, names);
        gen_record_require(r, "registry");
        gen_record_require(r, "ref");
        memset(&e, 0, sizeof e);
        e.reason =
            gen_reason_index(m, gen_record_require(r, "reason"), path, r->line);
        if (strlen(code) == 3 && code[0] >= '2' && code[0] <= '5' &&
            strcmp(code + 1, "xx") == 0) {
            e.code = code[0] - '0';
        } else if (strlen(code) == 3 && code[0] >= '2' && code[0] <= '5' &&
                   code[1] >= '0' && code[1] <= '9' && code[2] >= '0' &&
                   code[2] <= '9') {
            e.code =
                (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
        } else {
            gen_error(path, r->line, "malformed reply code '%s'", code);
            continue;
        }
        if (strcmp(std, "yes") == 0)
            e.standard = 1;
        else if (strcmp(std, "no") != 0)
            gen_error(path, r->line, "standard must be 'yes' or 'no'");
        one = gen_record_field(r, "one-meaning");
        if (one && strcmp(one->value, "yes") == 0)
            e.one_meaning = 1;
        else if (one)
            gen_error(path, one->line, "one-meaning must be 'yes' when given");
        for (j = 0; j < m->reply_count; j++)
            if (m->replies[j].code == e.code)
                gen_error(path, r->line, "duplicate reply code %s", code);
        (void)snprintf(e.key, sizeof e.key, "%s", code);
        (void)snprintf(prefix, sizeof prefix, "reply:%s", code);
        e.msg = m->msg_count;
        gen_add_messages(m, r, prefix, gen_record_require(r, "registry"));
        GEN_PUSH(m->replies, m->reply_count, m->reply_cap, e);
    }
}

static void load_statuses(struct gen_model *m, const char *path)
{
    static const char *const names[] = {"code",   "registry", "ref",
                                        "reason", "title",    "explanation",
                                        "advice", NULL};
    struct gen_recfile f;
    size_t i, j;
    gen_records_load(path, &f);
    for (i = 0; i < f.count; i++) {
        const struct gen_record *r = &f.records[i];
        const char *code = gen_record_require(r, "code");
        struct gen_status e;
        char prefix[24];
        gen_record_check_names(r, names);
        gen_record_require(r, "ref");
        memset(&e, 0, sizeof e);
        e.reason =
            gen_reason_index(m, gen_record_require(r, "reason"), path, r->line);
        if (gen_parse_status(code, &e.code) != 0) {
            gen_error(path, r->line, "malformed enhanced status code '%s'",
                      code);
            continue;
        }
        for (j = 0; j < m->status_count; j++)
            if (m->statuses[j].code == e.code)
                gen_error(path, r->line, "duplicate enhanced status code %s",
                          code);
        (void)snprintf(e.key, sizeof e.key, "%s", code);
        (void)snprintf(prefix, sizeof prefix, "status:%s", code);
        e.msg = m->msg_count;
        gen_add_messages(m, r, prefix, gen_record_require(r, "registry"));
        GEN_PUSH(m->statuses, m->status_count, m->status_cap, e);
    }
}

/* The data version: "YYYY.MM.DD", raised with every change of answers. */
static void load_version(struct gen_model *m, const char *path)
{
    static const char *const names[] = {"version", NULL};
    struct gen_recfile f;
    const char *v;
    int y, mo, d;
    char tail;
    gen_records_load(path, &f);
    if (f.count != 1) {
        gen_error(path, 0, "expected exactly one record");
        return;
    }
    gen_record_check_names(&f.records[0], names);
    v = gen_record_require(&f.records[0], "version");
    /* The %c catches any trailing byte and the fields are range-checked,
     * so sscanf's lack of overflow reporting cannot let a bad version by
     * (at most 4 and 2 digits are read). */
    // NOLINTNEXTLINE(cert-err34-c)
    if (sscanf(v, "%4d.%2d.%2d%c", &y, &mo, &d, &tail) != 3 || mo < 1 ||
        mo > 12 || d < 1 || d > 31)
        gen_error(path, f.records[0].line, "version must be YYYY.MM.DD");
    m->data_version = v;
}

static const char *optional(const struct gen_record *r, const char *name)
{
    const struct gen_field *f = gen_record_field(r, name);
    return f ? f->value : "";
}

/* Whether a tag is in a list separated by commas, semicolons or spaces;
 * every tag is when there is no list. */
static int in_list(const char *list, const char *tag)
{
    size_t n = strlen(tag);
    if (!list)
        return 1;
    while (*list) {
        size_t k = strcspn(list, ",; ");
        if (k == n && strncmp(list, tag, n) == 0)
            return 1;
        list += k;
        list += strspn(list, ",; ");
    }
    return 0;
}

/* The languages to build (--only), or NULL for all of them. */
static const char *only_languages;

static void load_languages(struct gen_model *m, const char *path)
{
    static const char *const names[] = {"id",     "tag",     "name", "language",
                                        "script", "regions", "also", "default",
                                        "po",     NULL};
    struct gen_recfile f;
    size_t i, j;
    gen_records_load(path, &f);
    for (i = 0; i < f.count; i++) {
        const struct gen_record *r = &f.records[i];
        struct gen_language l;
        const char *def;
        gen_record_check_names(r, names);
        memset(&l, 0, sizeof l);
        l.id = gen_number(gen_record_require(r, "id"), path, r->line);
        l.tag = gen_record_require(r, "tag");
        l.name = gen_record_require(r, "name");
        l.primary = gen_record_require(r, "language");
        l.script = optional(r, "script");
        l.regions = optional(r, "regions");
        l.also = optional(r, "also");
        l.po = optional(r, "po");
        def = optional(r, "default");
        l.is_default = strcmp(def, "yes") == 0;
        if (def[0] && !l.is_default && strcmp(def, "no") != 0)
            gen_error(path, r->line, "default must be 'yes' or 'no'");
        if (l.id < 1 || l.id > 255)
            gen_error(path, r->line, "language id must be 1..255");
        for (j = 0; j < m->lang_count; j++)
            if (m->langs[j].id == l.id || strcmp(m->langs[j].tag, l.tag) == 0)
                gen_error(path, r->line, "duplicate language %s", l.tag);
        if ((l.id == 1) != (l.po[0] == '\0'))
            gen_error(path, r->line,
                      "language 1 is the source (English, no po); every other "
                      "language names its po file");
        if (l.id != 1 && !in_list(only_languages, l.tag))
            continue; /* left out of this build; English never is */
        GEN_PUSH(m->langs, m->lang_count, m->lang_cap, l);
    }
}

static int cmp_lang(const void *a, const void *b)
{
    return ((const struct gen_language *)a)->id -
           ((const struct gen_language *)b)->id;
}

/* The sorted list of "{name}" placeholders in s, joined by spaces. */
static char *placeholders(const char *s, const char *file, int line, int *bad)
{
    char *out = gen_xstrdup(""), *items[64];
    size_t n = 0, i, len = 0;
    while ((s = strpbrk(s, "{}")) != NULL) {
        const char *end = s[0] == '{' ? strchr(s, '}') : NULL;
        const char *p;
        if (!end) {
            *bad = 1;
            gen_error(file, line, "unbalanced brace in text");
            break;
        }
        for (p = s + 1; p < end; p++)
            if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
                break;
        if (p != end || end == s + 1 || n == 64) {
            *bad = 1;
            gen_error(file, line, "placeholders are {name}, with a-z and _");
            break;
        }
        items[n] = gen_xmalloc((size_t)(end - s) + 2);
        memcpy(items[n], s, (size_t)(end - s) + 1);
        items[n][end - s + 1] = '\0';
        n++;
        s = end + 1;
    }
    for (i = 0; i < n; i++) {
        size_t j, best = i;
        for (j = i + 1; j < n; j++)
            if (strcmp(items[j], items[best]) < 0)
                best = j;
        if (best != i) {
            char *t = items[i];
            items[i] = items[best];
            items[best] = t;
        }
        out = gen_xrealloc(out, len + strlen(items[i]) + 2);
        len += (size_t)sprintf(out + len, "%s ", items[i]);
        free(items[i]);
    }
    return out;
}

static int cmp_key(const void *a, const void *b)
{
    const struct gen_message *const *x = a, *const *y = b;
    return strcmp((*x)->key, (*y)->key);
}

static void load_translation(struct gen_model *m, struct gen_language *l,
                             const char *po_path)
{
    struct gen_pofile po;
    struct gen_message **sorted;
    size_t i, slot;

    gen_po_load(po_path, &po);
    l->texts = gen_xmalloc(m->msg_count * sizeof *l->texts);
    memset(l->texts, 0, m->msg_count * sizeof *l->texts);
    /* An array of pointers to the messages, sorted by key: an element is a
     * pointer on purpose (bugprone-sizeof-expression would have a struct). */
    slot = sizeof *sorted; // NOLINT(bugprone-sizeof-expression)
    sorted = gen_xmalloc(m->msg_count * slot);
    for (i = 0; i < m->msg_count; i++)
        sorted[i] = &m->msgs[i];
    qsort(sorted, m->msg_count, slot, cmp_key);

    for (i = 0; i < po.count; i++) {
        const struct gen_po_entry *e = &po.entries[i];
        struct gen_message key, *kp = &key, **hit;
        size_t idx;
        if (!e->ctxt && e->id[0] == '\0')
            continue; /* the header */
        if (!e->ctxt) {
            gen_error(po_path, e->line, "entry without msgctxt");
            continue;
        }
        key.key = e->ctxt;
        hit = bsearch(&kp, sorted, m->msg_count, slot, cmp_key);
        if (!hit) {
            gen_error(po_path, e->line,
                      "'%s' is not in the data (obsolete entry: remove it)",
                      e->ctxt);
            continue;
        }
        idx = (size_t)(*hit - m->msgs);
        if (l->texts[idx]) {
            gen_error(po_path, e->line, "'%s' translated twice", e->ctxt);
            continue;
        }
        if (strcmp(e->id, (*hit)->english) != 0) {
            gen_error(po_path, e->line,
                      "the English source of '%s' changed (%s:%d): update "
                      "msgid and the translation",
                      e->ctxt, (*hit)->file, (*hit)->line);
            continue;
        }
        if (e->fuzzy) {
            gen_error(po_path, e->line, "'%s' is marked fuzzy", e->ctxt);
            continue;
        }
        if (e->str[0] == '\0') {
            gen_error(po_path, e->line, "'%s' is not translated", e->ctxt);
            continue;
        }
        if (strcmp(e->str, e->id) == 0) {
            gen_error(po_path, e->line, "'%s' is a copy of the English text",
                      e->ctxt);
            continue;
        }
        {
            int bad = 0;
            char *want = placeholders(e->id, (*hit)->file, (*hit)->line, &bad);
            char *got = placeholders(e->str, po_path, e->line, &bad);
            if (!bad && strcmp(want, got) != 0)
                gen_error(po_path, e->line,
                          "'%s': placeholders differ from the English "
                          "(want '%s', have '%s')",
                          e->ctxt, want, got);
            free(want);
            free(got);
        }
        l->texts[idx] = e->str;
    }
    for (i = 0; i < m->msg_count; i++)
        if (!l->texts[i])
            gen_error(m->msgs[i].file, m->msgs[i].line,
                      "'%s' has no translation in %s", m->msgs[i].key, po_path);
    free(sorted);
}

static int cmp_reply(const void *a, const void *b)
{
    return ((const struct gen_reply *)a)->code -
           ((const struct gen_reply *)b)->code;
}

static int cmp_status(const void *a, const void *b)
{
    uint32_t x = ((const struct gen_status *)a)->code;
    uint32_t y = ((const struct gen_status *)b)->code;
    return x < y ? -1 : x > y;
}

static void hash_file(struct gen_sha256 *h, const char *path)
{
    size_t len;
    char *text = gen_read_file(path, &len);
    const char *base = gen_basename(path);
    if (!text)
        return;
    gen_sha256_update(h, base, strlen(base) + 1);
    gen_sha256_update(h, text, len);
    free(text);
}

static void usage(void)
{
    fputs("usage: smtpdiag-gen --out FILE [--pot FILE] [--source-root DIR]\n"
          "         --languages FILE --reasons FILE --replies FILE\n"
          "         --statuses FILE --providers FILE --rules FILE\n"
          "         --notices FILE [--only TAG,TAG...]\n"
          "         --data-version FILE [PO-FILE ...]\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *out = NULL, *pot = NULL, *root = NULL, *languages = NULL,
               *replies = NULL, *statuses = NULL, *reasons = NULL,
               *providers = NULL, *rules = NULL, *version = NULL,
               *notices = NULL;
    const char *po[64];
    size_t po_count = 0, i, j;
    struct gen_model m;
    struct gen_sha256 h;
    int a;

    for (a = 1; a < argc; a++) {
        const char **slot = NULL;
        if (strcmp(argv[a], "--out") == 0)
            slot = &out;
        else if (strcmp(argv[a], "--pot") == 0)
            slot = &pot;
        else if (strcmp(argv[a], "--source-root") == 0)
            slot = &root;
        else if (strcmp(argv[a], "--languages") == 0)
            slot = &languages;
        else if (strcmp(argv[a], "--replies") == 0)
            slot = &replies;
        else if (strcmp(argv[a], "--statuses") == 0)
            slot = &statuses;
        else if (strcmp(argv[a], "--reasons") == 0)
            slot = &reasons;
        else if (strcmp(argv[a], "--providers") == 0)
            slot = &providers;
        else if (strcmp(argv[a], "--only") == 0)
            slot = &only_languages;
        else if (strcmp(argv[a], "--notices") == 0)
            slot = &notices;
        else if (strcmp(argv[a], "--rules") == 0)
            slot = &rules;
        else if (strcmp(argv[a], "--data-version") == 0)
            slot = &version;
        else if (argv[a][0] == '-' || po_count == 64)
            usage();
        else
            po[po_count++] = argv[a];
        if (slot) {
            if (++a == argc)
                usage();
            *slot = argv[a];
        }
    }
    /* cppcheck does not see the stores through slot above. */
    // cppcheck-suppress knownConditionTrueFalse
    if (!out || !languages || !replies || !statuses || !reasons || !providers ||
        !rules || !version || !notices)
        usage();

    memset(&m, 0, sizeof m);
    load_version(&m, version);
    load_languages(&m, languages);
    gen_load_reasons(&m, reasons);
    load_replies(&m, replies);
    load_statuses(&m, statuses);
    gen_load_providers(&m, providers);
    gen_load_rules(&m, rules);
    gen_load_notices(&m, notices);
    gen_add_command_phrases(&m);
    if (gen_error_count() == 0)
        gen_build_automaton(&m);
    qsort(m.langs, m.lang_count, sizeof *m.langs, cmp_lang);
    qsort(m.replies, m.reply_count, sizeof *m.replies, cmp_reply);
    qsort(m.statuses, m.status_count, sizeof *m.statuses, cmp_status);
    if (m.lang_count == 0 || m.langs[0].id != 1)
        gen_error(languages, 0, "English (id 1) must be defined");

    gen_sha256_init(&h);
    hash_file(&h, version);
    hash_file(&h, languages);
    hash_file(&h, replies);
    hash_file(&h, statuses);
    hash_file(&h, reasons);
    hash_file(&h, providers);
    hash_file(&h, rules);
    hash_file(&h, notices);
    for (i = 0; i < m.lang_count && gen_error_count() == 0; i++) {
        struct gen_language *l = &m.langs[i];
        if (i == 0) {
            l->texts = gen_xmalloc(m.msg_count * sizeof *l->texts);
            for (j = 0; j < m.msg_count; j++)
                l->texts[j] = m.msgs[j].english;
            continue;
        }
        for (j = 0; j < po_count; j++)
            if (strcmp(gen_basename(po[j]), l->po) == 0)
                break;
        if (j == po_count) {
            gen_error(languages, 0, "%s: po file %s was not given", l->tag,
                      l->po);
            continue;
        }
        hash_file(&h, po[j]);
        load_translation(&m, l, po[j]);
    }
    gen_sha256_hex(&h, m.hash);
    if (gen_error_count() > 0) {
        fprintf(stderr, "smtpdiag-gen: %d error(s); no tables written\n",
                gen_error_count());
        return 1;
    }
    if (gen_emit_tables(&m, out) != 0)
        return 1;
    if (pot && gen_emit_pot(&m, pot, root) != 0)
        return 1;
    return 0;
}
