/*
 * smtpdiag-bench: how fast libsmtpdiag answers, and how that compares with
 * the least any byte-wise automaton must do over the same bytes (the floor:
 * a dependent table walk, s = T[s][byte]). Every figure is the median of
 * many timed samples taken after a warm-up; each is also given as a ratio to
 * the floor measured in the same run, which does not depend on the
 * machine's speed. tests/bench/README.md says how to run it,
 * docs/performance.md what it measured.
 *
 * usage: smtpdiag-bench [--quick] [--json] [--data DIR] [--only NAME,...]
 *                       [--floor-states N] [--l1-states N] [--runs N]
 *        smtpdiag-bench --first-call    (internal: one cold and one warm
 *                                        call, timed in a fresh process)
 *
 * Uses only the public API, the C standard library and POSIX
 * (clock_gettime, fork, exec, getrusage).
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L

#include "../data/escapes.h"

#include <smtpdiag.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef SMTPDIAG_BENCH_DATA_DIR
#define SMTPDIAG_BENCH_DATA_DIR "tests/data"
#endif
#ifndef SMTPDIAG_BENCH_BUILD_TYPE
#define SMTPDIAG_BENCH_BUILD_TYPE "unknown"
#endif

#if defined(__clang__)
#define COMPILER "clang " __clang_version__
#elif defined(__GNUC__)
#define COMPILER "gcc " __VERSION__
#else
#define COMPILER "unknown"
#endif

#define KIB      ((size_t)1024)
#define MIB      (KIB * KIB)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A typical real reply (148 bytes, from the labelled corpus): the one the
 * first-call measurement and the fixed-reply figure classify. */
static const char typical_reply[] =
    "550 5.2.1 The email account that you tried to reach is inactive. For "
    "more information, go to https://support.google.com/mail/?p=DisabledUser "
    "- gsmtp";

/* ------------------------------------------------------------------------ */
/* Settings                                                                 */

static struct {
    int quick, json;
    const char *data_dir, *only, *self;
    unsigned floor_states; /* the floor's table: states x 256 columns */
    unsigned l1_states;    /* the L1 floor's */
    int runs;              /* first-call child processes */
    int batch;             /* calls per timed round, per-reply figures */
    uint64_t sample_ns;    /* a timed sample lasts at least this long */
    uint64_t budget_ns;    /* stop sampling after this, once min_samples */
    int min_samples, max_samples;
    int item_rounds; /* rounds per reply in the per-reply figures */
} cfg;

static volatile uint64_t sink; /* keeps every result alive */
static int failures;

static void check(int ok, const char *what, const char *name)
{
    if (!ok) {
        fprintf(stderr, "smtpdiag-bench: check failed: %s (%s)\n", what, name);
        failures++;
    }
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y ? 1 : 0;
}

/* The q-quantile (0..1) of n values, which it sorts. */
static double quantile(double *v, size_t n, double q)
{
    size_t i;
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    i = (size_t)(q * (double)(n - 1) + 0.5);
    if (n % 2 == 0 && q == 0.5)
        return (v[n / 2 - 1] + v[n / 2]) / 2;
    return v[i];
}

/* Whether --only (a comma-separated list of substrings) selects a name. */
static int want(const char *name)
{
    const char *p = cfg.only;
    if (!p)
        return 1;
    while (*p) {
        size_t n = strcspn(p, ","), k;
        for (k = 0; n > 0 && name[k]; k++)
            if (strncmp(name + k, p, n) == 0)
                return 1;
        p += n + (p[n] == ',');
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Results                                                                  */

struct figure {
    char name[96];
    const char *unit; /* what one operation is: "call", "reply", "text" */
    double ns;        /* median ns per operation */
    double min_ns, max_ns;
    double bytes;           /* bytes per operation, 0: not a byte figure */
    double floor_ns;        /* the floor over the same bytes, 0: none */
    double l1_ns;           /* the L1 floor over them, 0: none */
    double ratio, l1_ratio; /* time / floor time, 0: none */
    int samples;
    const char *note;
};

static struct figure figures[128];
static size_t figure_count;

static int sane(double x)
{
    return x == x && x > 0 && x < 1e12;
}

static struct figure *add_figure(const char *name, const char *unit, double ns,
                                 double bytes, double floor_ns, double l1_ns)
{
    struct figure *f;
    if (figure_count == COUNT(figures)) {
        check(0, "too many figures", name);
        return NULL;
    }
    f = &figures[figure_count++];
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, "%s", name);
    f->unit = unit;
    f->ns = f->min_ns = f->max_ns = ns;
    f->bytes = bytes;
    f->floor_ns = floor_ns;
    f->l1_ns = l1_ns;
    f->ratio = floor_ns > 0 ? ns / floor_ns : 0;
    f->l1_ratio = l1_ns > 0 ? ns / l1_ns : 0;
    f->note = "";
    check(sane(ns), "time per operation is positive and finite", name);
    if (floor_ns != 0)
        check(sane(floor_ns), "floor time is positive and finite", name);
    if (l1_ns != 0)
        check(sane(l1_ns), "L1 floor time is positive and finite", name);
    return f;
}

/* ------------------------------------------------------------------------ */
/* Sampling: warm up, calibrate a batch that lasts sample_ns, then take     */
/* samples until there are enough and the budget is spent.                  */

typedef void (*run_fn)(void *ctx, size_t iters);

struct stats {
    double median, min, max; /* ns per operation */
    int samples;
};

/* Up to three operations measured together: the thing and the floors. */
struct measured {
    struct stats s[3];
    double ratio[3]; /* [k]: the median over rounds of time 0 / time k */
};

/* Warm-up and calibration in one: doubles the batch until it lasts a
 * sample; the runs before that warm caches and branch predictors. */
static size_t calibrate(run_fn run, void *ctx)
{
    size_t iters = 1;
    for (;;) {
        uint64_t t0 = now_ns(), dt;
        run(ctx, iters);
        dt = now_ns() - t0;
        if (dt >= cfg.sample_ns || iters >= ((size_t)1 << 30))
            break;
        iters *= dt * 4 < cfg.sample_ns ? 4 : 2;
    }
    if (!cfg.quick) /* one more untimed batch of the final size */
        run(ctx, iters);
    return iters;
}

static struct stats summary(double *v, int n)
{
    struct stats s;
    s.samples = n;
    s.median = quantile(v, (size_t)n, 0.5);
    s.min = v[0];
    s.max = v[n - 1];
    return s;
}

/* Measures k (1..3) operations with their samples interleaved, round by
 * round, so that each sees the same conditions (a virtual machine's speed
 * changes by half from one second to the next); the ratios compare the
 * samples of the same round. */
static struct measured measure(int k, const run_fn *run, void *const *ctx)
{
    static double v[3][256], r[3][256];
    struct measured m;
    size_t iters[3];
    uint64_t start;
    int n = 0, j;

    memset(&m, 0, sizeof m);
    for (j = 0; j < k; j++)
        iters[j] = calibrate(run[j], ctx[j]);
    start = now_ns();
    while (n < cfg.max_samples && n < 256) {
        for (j = 0; j < k; j++) {
            uint64_t t0 = now_ns();
            run[j](ctx[j], iters[j]);
            v[j][n] = (double)(now_ns() - t0) / (double)iters[j];
        }
        for (j = 1; j < k; j++)
            r[j][n] = v[0][n] / v[j][n];
        n++;
        if (n >= cfg.min_samples && now_ns() - start >= cfg.budget_ns)
            break;
    }
    for (j = 0; j < k; j++) {
        m.s[j] = summary(v[j], n);
        if (j > 0)
            m.ratio[j] = quantile(r[j], (size_t)n, 0.5);
    }
    return m;
}

/* ------------------------------------------------------------------------ */
/* The floor: a dependent walk over a 256-column table of random states.    */
/* Two tables: the floor (--floor-states, 1024 by default: 512 KiB, which   */
/* a random walk keeps in L2) and the L1 floor (--l1-states, 64: 32 KiB),   */
/* the least a table walk costs when its whole table is in L1.              */

struct floor {
    uint16_t *table;
    unsigned states;
};

static struct floor floors[2]; /* [0] the floor, [1] the L1 floor */

static uint32_t floor_walk_impl(const uint16_t *t, const unsigned char *p,
                                size_t n, uint32_t s)
{
    size_t i;
    for (i = 0; i < n; i++)
        s = t[(s << 8) | p[i]];
    return s;
}

/* Called through a volatile pointer, like the library through its PLT, so
 * that the compiler can neither inline it nor drop it. */
static uint32_t (*volatile floor_walk)(const uint16_t *, const unsigned char *,
                                       size_t, uint32_t) = floor_walk_impl;

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static void floor_init(struct floor *f, unsigned states, uint64_t seed)
{
    size_t i, n = (size_t)states * 256;
    f->states = states;
    f->table = malloc(n * sizeof *f->table);
    if (!f->table) {
        fprintf(stderr, "smtpdiag-bench: out of memory\n");
        exit(2);
    }
    rng_state = seed; /* fixed: the same table every run */
    for (i = 0; i < n; i++)
        f->table[i] = (uint16_t)(rng() % states);
}

/* ------------------------------------------------------------------------ */
/* Inputs                                                                   */

struct corpus {
    char **text;
    size_t *len;
    size_t count, cap, bytes;
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "smtpdiag-bench: out of memory\n");
        exit(2);
    }
    return p;
}

/* The first column of every data row of a corpus file, unescaped. */
static int load_corpus(struct corpus *c, const char *file, size_t columns)
{
    char path[4096], line[65536];
    FILE *f;
    memset(c, 0, sizeof *c);
    snprintf(path, sizeof path, "%s/%s", cfg.data_dir, file);
    if ((f = fopen(path, "r")) == NULL) {
        fprintf(stderr, "smtpdiag-bench: cannot open %s: %s\n", path,
                strerror(errno));
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char *tab;
        size_t n, cols = 1;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0' ||
            strncmp(line, "input\t", 6) == 0)
            continue;
        for (tab = line; (tab = strchr(tab, '\t')) != NULL; tab++)
            cols++;
        check(cols == columns, "corpus row has the expected columns", file);
        line[strcspn(line, "\t")] = '\0';
        n = corpus_unescape(line);
        if (c->count == c->cap) {
            size_t cap = c->cap ? c->cap * 2 : 1024;
            char **t = realloc(c->text, cap * sizeof *t);
            size_t *l = t ? realloc(c->len, cap * sizeof *l) : NULL;
            if (!t || !l) {
                fprintf(stderr, "smtpdiag-bench: out of memory\n");
                exit(2);
            }
            c->text = t;
            c->len = l;
            c->cap = cap;
        }
        c->text[c->count] = xmalloc(n + 1);
        memcpy(c->text[c->count], line, n + 1);
        c->len[c->count++] = n;
        c->bytes += n;
    }
    fclose(f);
    check(c->count > 0, "corpus has rows", file);
    return c->count > 0 ? 0 : -1;
}

/* Every bounce message of tests/data/dsn (files ending .eml or .dsn), whole,
 * in name order. */
static int load_messages(struct corpus *c, const char *dir)
{
    char path[4096];
    struct dirent *e;
    DIR *dp;
    memset(c, 0, sizeof *c);
    snprintf(path, sizeof path, "%s/%s", cfg.data_dir, dir);
    if ((dp = opendir(path)) == NULL) {
        fprintf(stderr, "smtpdiag-bench: cannot open %s\n", path);
        return -1;
    }
    while ((e = readdir(dp)) != NULL) {
        size_t len = strlen(e->d_name);
        char file[8300];
        FILE *f;
        long n;
        if (len < 5 || (strcmp(e->d_name + len - 4, ".eml") != 0 &&
                        strcmp(e->d_name + len - 4, ".dsn") != 0))
            continue;
        snprintf(file, sizeof file, "%s/%s", path, e->d_name);
        if ((f = fopen(file, "rb")) == NULL)
            continue;
        fseek(f, 0, SEEK_END);
        n = ftell(f);
        fseek(f, 0, SEEK_SET);
        if (c->count == c->cap) {
            size_t cap = c->cap ? c->cap * 2 : 128;
            char **t = realloc(c->text, cap * sizeof *t);
            size_t *l = t ? realloc(c->len, cap * sizeof *l) : NULL;
            if (!t || !l) {
                fprintf(stderr, "smtpdiag-bench: out of memory\n");
                exit(2);
            }
            c->text = t;
            c->len = l;
            c->cap = cap;
        }
        c->text[c->count] = xmalloc((size_t)n + 1);
        c->len[c->count] = fread(c->text[c->count], 1, (size_t)n, f);
        c->bytes += c->len[c->count++];
        fclose(f);
    }
    closedir(dp);
    check(c->count > 0, "bounce messages found", dir);
    return c->count > 0 ? 0 : -1;
}

/* size bytes of the corpus's replies one per line, over and over: what a
 * log or a long multi-line reply looks like. */
static char *realistic_text(const struct corpus *c, size_t size)
{
    char *buf = xmalloc(size);
    size_t at = 0, i = 0;
    while (at < size) {
        size_t n = c->len[i % c->count];
        if (n > size - at)
            n = size - at;
        memcpy(buf + at, c->text[i % c->count], n);
        at += n;
        if (at < size)
            buf[at++] = '\n';
        i++;
    }
    return buf;
}

/* size bytes of a pattern repeated. */
static char *repeated(const char *pattern, size_t size)
{
    char *buf = xmalloc(size);
    size_t n = strlen(pattern), at;
    for (at = 0; at < size; at++)
        buf[at] = pattern[at % n];
    return buf;
}

/* size bytes drawn from an alphabet (NULL: any byte), fixed seed. */
static char *random_text(const char *alphabet, size_t size, uint64_t seed)
{
    char *buf = xmalloc(size);
    size_t at, n = alphabet ? strlen(alphabet) : 256;
    rng_state = seed;
    for (at = 0; at < size; at++) {
        unsigned k = (unsigned)(rng() >> 24) % (unsigned)n;
        buf[at] = alphabet ? alphabet[k] : (char)(unsigned char)k;
    }
    return buf;
}

static void size_name(char *out, size_t cap, size_t size)
{
    if (size >= MIB && size % MIB == 0)
        snprintf(out, cap, "%luMiB", (unsigned long)(size / MIB));
    else if (size >= KIB && size % KIB == 0)
        snprintf(out, cap, "%luKiB", (unsigned long)(size / KIB));
    else
        snprintf(out, cap, "%luB", (unsigned long)size);
}

/* ------------------------------------------------------------------------ */
/* Operations                                                               */

enum op { OP_FLOOR, OP_FLOOR_L1, OP_PARSE, OP_CLASSIFY, OP_DSN };

static void op_once(enum op op, const char *p, size_t n)
{
    smtpdiag_result r;
    switch (op) {
    case OP_FLOOR:
    case OP_FLOOR_L1: {
        const struct floor *f = &floors[op == OP_FLOOR_L1];
        sink += floor_walk(f->table, (const unsigned char *)p, n,
                           (uint32_t)(sink % f->states));
        break;
    }
    case OP_PARSE:
        sink += (uint64_t)smtpdiag_parse(&r, p, n);
        break;
    case OP_CLASSIFY:
        sink += (uint64_t)smtpdiag_classify(&r, SMTPDIAG_LANG_EN, p, n, NULL);
        break;
    case OP_DSN: {
        /* A whole bounce message: find its report, then every recipient
         * with its address and classification (what `smtpdiag dsn` does). */
        static char scratch[1 << 20], address[512];
        smtpdiag_dsn d;
        smtpdiag_dsn_open(&d, p, n, scratch, sizeof scratch);
        while (smtpdiag_dsn_next(&d)) {
            sink += smtpdiag_dsn_recipient(&d, address, sizeof address);
            sink += (uint64_t)smtpdiag_dsn_classify(&d, &r, SMTPDIAG_LANG_EN);
        }
        break;
    }
    }
}

struct text_ctx {
    enum op op;
    const char *p;
    size_t n;
};

static void run_text(void *v, size_t iters)
{
    const struct text_ctx *t = v;
    size_t k;
    for (k = 0; k < iters; k++)
        op_once(t->op, t->p, t->n);
}

struct corpus_ctx {
    enum op op;
    const struct corpus *c;
};

static void run_corpus(void *v, size_t iters)
{
    const struct corpus_ctx *x = v;
    size_t k, i;
    for (k = 0; k < iters; k++)
        for (i = 0; i < x->c->count; i++)
            op_once(x->op, x->c->text[i], x->c->len[i]);
}

static void run_explain_code(void *v, size_t iters)
{
    smtpdiag_result r;
    size_t k;
    (void)v;
    for (k = 0; k < iters; k++)
        sink += (uint64_t)smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, 550,
                                                SMTPDIAG_CODE(5, 1, 1));
}

/* ------------------------------------------------------------------------ */
/* Measurements                                                             */

/* One operation over one text, and the floor over the same bytes. */
static void bench_text(const char *name, enum op op, const char *p, size_t n,
                       const char *note)
{
    static const run_fn run[3] = {run_text, run_text, run_text};
    struct text_ctx t[3];
    void *ctx[3];
    struct measured m;
    struct figure *fig;
    int k;
    if (!want(name))
        return;
    for (k = 0; k < 3; k++) {
        t[k].op = k == 0 ? op : k == 1 ? OP_FLOOR : OP_FLOOR_L1;
        t[k].p = p;
        t[k].n = n;
        ctx[k] = &t[k];
    }
    m = measure(3, run, ctx);
    fig = add_figure(name, "text", m.s[0].median, (double)n, m.s[1].median,
                     m.s[2].median);
    if (fig) {
        fig->min_ns = m.s[0].min;
        fig->max_ns = m.s[0].max;
        fig->ratio = m.ratio[1];
        fig->l1_ratio = m.ratio[2];
        fig->samples = m.s[0].samples;
        fig->note = note;
    }
}

static void bench_explain_code(void)
{
    static const run_fn run[1] = {run_explain_code};
    void *ctx[1] = {NULL};
    struct measured m;
    struct figure *fig;
    smtpdiag_result r;
    const char *name = "explain_code 550 5.1.1";
    if (!want(name))
        return;
    check(smtpdiag_explain_code(&r, SMTPDIAG_LANG_EN, 550,
                                SMTPDIAG_CODE(5, 1, 1)) == SMTPDIAG_OK,
          "explain_code(550, 5.1.1) succeeds", name);
    check(smtpdiag_result_reason(&r) == SMTPDIAG_REASON_USERUNKNOWN,
          "explain_code(550, 5.1.1) is userunknown", name);
    check(smtpdiag_result_title(&r)[0] != '\0', "explain_code has a title",
          name);
    m = measure(1, run, ctx);
    if ((fig = add_figure(name, "call", m.s[0].median, 0, 0, 0)) != NULL) {
        fig->min_ns = m.s[0].min;
        fig->max_ns = m.s[0].max;
        fig->samples = m.s[0].samples;
        fig->note = "English texts";
    }
}

/* Per-reply times: each reply timed alone, in item_rounds rounds of a
 * batch of calls (the median round counts); then the distribution over the
 * replies. The clock's own cost is measured and taken out. */
static double clock_overhead_ns;

static void measure_clock(void)
{
    double v[101];
    size_t i;
    for (i = 0; i < COUNT(v); i++) {
        uint64_t t0 = now_ns();
        v[i] = (double)(now_ns() - t0);
    }
    clock_overhead_ns = quantile(v, COUNT(v), 0.5);
}

/* Times each reply alone: the operation and the two floors, round after
 * round (the median round counts), so that all three see the same
 * conditions. */
static void per_reply(enum op op, const struct corpus *c, double *out[3])
{
    static const enum op floor_ops[2] = {OP_FLOOR, OP_FLOOR_L1};
    double rounds[3][64];
    size_t i;
    int r, k, j, nr = cfg.item_rounds < 64 ? cfg.item_rounds : 64;
    for (i = 0; i < c->count; i++) {
        for (r = 0; r < nr; r++) {
            for (j = 0; j < 3; j++) {
                enum op o = j == 0 ? op : floor_ops[j - 1];
                uint64_t t0 = now_ns(), dt;
                for (k = 0; k < cfg.batch; k++)
                    op_once(o, c->text[i], c->len[i]);
                dt = now_ns() - t0;
                rounds[j][r] = ((double)dt - clock_overhead_ns) / cfg.batch;
                if (rounds[j][r] <= 0)
                    rounds[j][r] = 0.01;
            }
        }
        for (j = 0; j < 3; j++)
            out[j][i] = quantile(rounds[j], (size_t)nr, 0.5);
    }
}

/* A corpus: the whole pass (mean per reply, replies per second), then the
 * distribution of per-reply times (the median reply, the 90th percentile,
 * the median of the replies of 120-180 bytes), each with the floors' figure
 * at the same quantile. */
static void bench_corpus(const char *prefix, enum op op, const struct corpus *c,
                         const char *note)
{
    struct corpus_ctx x, fx, lx;
    struct figure *fig;
    char name[96];
    double *t[3], *mid[3], len_median;
    size_t i, k, nmid = 0, count = c->count;

    snprintf(name, sizeof name, "%s pass", prefix);
    if (want(name)) {
        static const run_fn run[3] = {run_corpus, run_corpus, run_corpus};
        void *ctx[3];
        struct measured m;
        double per = (double)count;
        x.op = op;
        x.c = c;
        fx = lx = x;
        fx.op = OP_FLOOR;
        lx.op = OP_FLOOR_L1;
        ctx[0] = &x;
        ctx[1] = &fx;
        ctx[2] = &lx;
        m = measure(3, run, ctx);
        fig = add_figure(name, "reply", m.s[0].median / per,
                         (double)c->bytes / per, m.s[1].median / per,
                         m.s[2].median / per);
        if (fig) {
            fig->min_ns = m.s[0].min / per;
            fig->max_ns = m.s[0].max / per;
            fig->ratio = m.ratio[1];
            fig->l1_ratio = m.ratio[2];
            fig->samples = m.s[0].samples;
            fig->note = note;
        }
    }

    snprintf(name, sizeof name, "%s reply", prefix);
    if (!want(name))
        return;
    for (k = 0; k < 3; k++) {
        t[k] = xmalloc(count * sizeof *t[k]);
        mid[k] = xmalloc(count * sizeof *mid[k]);
    }
    x.op = op;
    x.c = c;
    run_corpus(&x, 1); /* warm-up */
    per_reply(op, c, t);
    for (i = 0; i < count; i++) {
        if (c->len[i] >= 120 && c->len[i] <= 180) {
            for (k = 0; k < 3; k++)
                mid[k][nmid] = t[k][i];
            nmid++;
        }
    }
    {
        double *lens = xmalloc(count * sizeof *lens);
        for (i = 0; i < count; i++)
            lens[i] = (double)c->len[i];
        len_median = quantile(lens, count, 0.5);
        free(lens);
    }
    snprintf(name, sizeof name, "%s reply median", prefix);
    fig = add_figure(name, "reply", quantile(t[0], count, 0.5), len_median,
                     quantile(t[1], count, 0.5), quantile(t[2], count, 0.5));
    if (fig) {
        fig->min_ns = t[0][0];
        fig->max_ns = t[0][count - 1];
        fig->samples = (int)count;
        fig->note = "median over replies; bytes: median length";
    }
    snprintf(name, sizeof name, "%s reply p90", prefix);
    fig = add_figure(name, "reply", quantile(t[0], count, 0.9), 0,
                     quantile(t[1], count, 0.9), quantile(t[2], count, 0.9));
    if (fig) {
        fig->min_ns = t[0][0];
        fig->max_ns = t[0][count - 1];
        fig->samples = (int)count;
        fig->note = "90th percentile over replies";
    }
    if (nmid > 0) {
        snprintf(name, sizeof name, "%s 120-180B median", prefix);
        fig = add_figure(name, "reply", quantile(mid[0], nmid, 0.5), 150,
                         quantile(mid[1], nmid, 0.5),
                         quantile(mid[2], nmid, 0.5));
        if (fig) {
            fig->samples = (int)nmid;
            fig->note = "median over the replies of 120-180 bytes";
        }
    }
    for (k = 0; k < 3; k++) {
        free(t[k]);
        free(mid[k]);
    }
}

/* Every call over a corpus answers without an argument error, and the
 * classifier recognises the typical reply. */
static void check_answers(const struct corpus *rep, const struct corpus *cls)
{
    smtpdiag_result r;
    size_t i, ok = 0;
    for (i = 0; i < rep->count; i++) {
        int rc = smtpdiag_parse(&r, rep->text[i], rep->len[i]);
        check(rc != SMTPDIAG_ERR_INVALID_ARGUMENT, "parse accepts the reply",
              "replies.tsv");
        ok += rc == SMTPDIAG_OK;
    }
    check(ok * 2 > rep->count, "parse finds codes in most replies",
          "replies.tsv");
    for (i = 0, ok = 0; i < cls->count; i++) {
        int rc = smtpdiag_classify(&r, SMTPDIAG_LANG_EN, cls->text[i],
                                   cls->len[i], NULL);
        check(rc != SMTPDIAG_ERR_INVALID_ARGUMENT, "classify accepts the reply",
              "classify-corpus.tsv");
        ok += smtpdiag_result_reason(&r) != SMTPDIAG_REASON_UNDEFINED;
    }
    check(ok * 2 > cls->count, "classify finds reasons for most replies",
          "classify-corpus.tsv");
    check(smtpdiag_classify(&r, SMTPDIAG_LANG_EN, typical_reply,
                            strlen(typical_reply), NULL) == SMTPDIAG_OK &&
              smtpdiag_result_reply_code(&r) == 550 &&
              smtpdiag_result_status(&r) == SMTPDIAG_CODE(5, 2, 1),
          "classify reads the typical reply's codes", "typical");
}

/* ------------------------------------------------------------------------ */
/* Start-up: the first call in a fresh process, and the thousandth.         */

static long minor_faults(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt;
}

/* The child's side: runs first in main, before anything else. */
static int first_call(void)
{
    smtpdiag_result r;
    size_t n = strlen(typical_reply), i;
    long f0 = minor_faults(), f1;
    uint64_t t0 = now_ns(), t1, t2, t3, t4;
    sink += (uint64_t)smtpdiag_classify(&r, SMTPDIAG_LANG_EN, typical_reply, n,
                                        NULL);
    t1 = now_ns();
    f1 = minor_faults();
    t4 = now_ns();
    sink += (uint64_t)smtpdiag_classify(&r, SMTPDIAG_LANG_EN, typical_reply, n,
                                        NULL);
    t4 = now_ns() - t4;
    for (i = 3; i < 1000; i++)
        sink += (uint64_t)smtpdiag_classify(&r, SMTPDIAG_LANG_EN, typical_reply,
                                            n, NULL);
    t2 = now_ns();
    sink += (uint64_t)smtpdiag_classify(&r, SMTPDIAG_LANG_EN, typical_reply, n,
                                        NULL);
    t3 = now_ns();
    printf("%lu %lu %ld %lu\n", (unsigned long)(t1 - t0),
           (unsigned long)(t3 - t2), f1 - f0, (unsigned long)t4);
    return smtpdiag_result_reply_code(&r) == 550 ? 0 : 1;
}

/* What one child reports, and the parent's wall time around it. */
enum { FIRST, WARM, FAULTS, SECOND, WALL, CHILD_FIGURES };

/* Runs `self --first-call` in a child process; returns 0 on success. */
static int run_child(double out[CHILD_FIGURES])
{
    int fd[2], status;
    pid_t pid;
    char buf[256];
    ssize_t got;
    size_t have = 0;
    unsigned long first, warm, second;
    long faults;
    uint64_t t0;

    if (pipe(fd) != 0)
        return -1;
    t0 = now_ns();
    pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return -1;
    }
    if (pid == 0) {
        char *argv[3];
        argv[0] = (char *)cfg.self;
        argv[1] = (char *)"--first-call";
        argv[2] = NULL;
        close(fd[0]);
        if (dup2(fd[1], STDOUT_FILENO) < 0)
            _exit(127);
        close(fd[1]);
        execv(cfg.self, argv);
        _exit(127);
    }
    close(fd[1]);
    while (have + 1 < sizeof buf &&
           (got = read(fd[0], buf + have, sizeof buf - 1 - have)) != 0) {
        if (got < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        have += (size_t)got;
    }
    close(fd[0]);
    buf[have] = '\0';
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    out[WALL] = (double)(now_ns() - t0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        sscanf(buf, "%lu %lu %ld %lu", &first, &warm, &faults, &second) != 4)
        return -1;
    out[FIRST] = (double)first;
    out[WARM] = (double)warm;
    out[FAULTS] = (double)faults;
    out[SECOND] = (double)second;
    return 0;
}

static void bench_startup(void)
{
    static const struct {
        const char *name, *unit, *note;
    } what[CHILD_FIGURES] = {
        {"startup first call", "call",
         "a fresh process's first smtpdiag_classify"},
        {"startup 1000th call", "call",
         "the same process's 1000th call, timed alone"},
        {"startup first call faults", "faults",
         "minor page faults during the first call"},
        {"startup second call", "call", "the call right after the first"},
        {"startup process", "process", "fork, exec, load, 1000 calls, exit"},
    };
    static const int order[CHILD_FIGURES] = {FIRST, SECOND, WARM, FAULTS, WALL};
    double v[CHILD_FIGURES][64], one[CHILD_FIGURES];
    int i, k, n = 0, runs = cfg.runs < 64 ? cfg.runs : 64;
    if (!want("startup"))
        return;
    for (i = 0; i < runs; i++) {
        if (run_child(one) != 0) {
            check(0, "the --first-call child ran and answered", cfg.self);
            continue;
        }
        for (k = 0; k < CHILD_FIGURES; k++)
            v[k][n] = one[k];
        n++;
    }
    if (n == 0)
        return;
    for (i = 0; i < CHILD_FIGURES; i++) {
        struct figure *fig;
        double median;
        k = order[i];
        median = quantile(v[k], (size_t)n, 0.5);
        if (k == FAULTS) { /* a count: kept in ns, and allowed to be 0 */
            if (figure_count == COUNT(figures))
                continue;
            fig = &figures[figure_count++];
            memset(fig, 0, sizeof *fig);
            snprintf(fig->name, sizeof fig->name, "%s", what[k].name);
            fig->ns = median;
        } else {
            fig = add_figure(what[k].name, what[k].unit, median, 0, 0, 0);
            if (!fig)
                continue;
        }
        fig->unit = what[k].unit;
        fig->min_ns = v[k][0];
        fig->max_ns = v[k][n - 1];
        fig->samples = n;
        fig->note = what[k].note;
    }
}

/* ------------------------------------------------------------------------ */
/* Output                                                                   */

static double mb_per_s(const struct figure *f)
{
    return f->bytes > 0 && f->ns > 0 ? f->bytes / f->ns * 1e3 : 0;
}

static double per_s(const struct figure *f)
{
    return f->ns > 0 ? 1e9 / f->ns : 0;
}

static int is_time(const struct figure *f)
{
    return strcmp(f->unit, "faults") != 0;
}

/* Whether MB/s means something for the figure: a text, or a corpus pass
 * (its bytes are the mean length). */
static int has_rate(const struct figure *f)
{
    return f->bytes > 0 &&
           (strcmp(f->unit, "text") == 0 || strstr(f->name, " pass") != NULL);
}

static void ratio(char *out, size_t cap, double r)
{
    if (r > 0)
        snprintf(out, cap, "%.2f", r);
    else
        snprintf(out, cap, "-");
}

static void print_human(void)
{
    size_t i;
    printf("libsmtpdiag %s (data %s, %.12s), %s, build type %s%s\n",
           smtpdiag_version_string(), smtpdiag_data_version(),
           smtpdiag_data_hash(), COMPILER, SMTPDIAG_BENCH_BUILD_TYPE,
           cfg.quick ? "\nQUICK: a smoke run, the figures mean nothing" : "");
    printf("floor: s = T[s][byte], random uint16_t states, fixed seed: "
           "%u states (%lu KiB);\nL1 floor: the same with %u states "
           "(%lu KiB). Clock overhead %.0f ns.\n",
           floors[0].states, (unsigned long)floors[0].states * 512u / 1024u,
           floors[1].states, (unsigned long)floors[1].states * 512u / 1024u,
           clock_overhead_ns);
    printf("Every time is a median; MB = 10^6 bytes; n = samples (or "
           "replies, or processes).\n\n");
    printf("%-42s %12s %9s %11s %8s %8s %5s\n", "measurement", "ns/op", "MB/s",
           "ops/s", "x floor", "x L1fl", "n");
    for (i = 0; i < figure_count; i++) {
        const struct figure *f = &figures[i];
        char ns[32], mb[32], ops[32], r0[32], r1[32];
        if (!is_time(f)) {
            printf("%-42s %12.0f %9s %11s %8s %8s %5d\n", f->name, f->ns,
                   f->unit, "", "", "", f->samples);
            continue;
        }
        snprintf(ns, sizeof ns, "%.1f", f->ns);
        if (has_rate(f))
            snprintf(mb, sizeof mb, "%.1f", mb_per_s(f));
        else
            snprintf(mb, sizeof mb, "-");
        if (strcmp(f->unit, "text") == 0)
            snprintf(ops, sizeof ops, "-");
        else
            snprintf(ops, sizeof ops, "%.0f", per_s(f));
        ratio(r0, sizeof r0, f->ratio);
        ratio(r1, sizeof r1, f->l1_ratio);
        printf("%-42s %12s %9s %11s %8s %8s %5d\n", f->name, ns, mb, ops, r0,
               r1, f->samples);
    }
    printf("\n%s\n", failures ? "SOME CHECKS FAILED" : "all checks passed");
}

static void json_str(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static void json_num(const char *key, double v)
{
    printf(", \"%s\": %.6g", key, v);
}

static void print_json(void)
{
    size_t i;
    printf("{\"library\": ");
    json_str(smtpdiag_version_string());
    printf(", \"data_version\": ");
    json_str(smtpdiag_data_version());
    printf(", \"data_hash\": ");
    json_str(smtpdiag_data_hash());
    printf(", \"compiler\": ");
    json_str(COMPILER);
    printf(", \"build_type\": ");
    json_str(SMTPDIAG_BENCH_BUILD_TYPE);
    printf(",\n \"quick\": %s, \"floor_states\": %u, \"l1_floor_states\": %u, "
           "\"clock_overhead_ns\": %.1f, \"checks_failed\": %d,\n"
           " \"results\": [\n",
           cfg.quick ? "true" : "false", floors[0].states, floors[1].states,
           clock_overhead_ns, failures);
    for (i = 0; i < figure_count; i++) {
        const struct figure *f = &figures[i];
        printf("  {\"name\": ");
        json_str(f->name);
        printf(", \"unit\": ");
        json_str(f->unit);
        if (is_time(f)) {
            json_num("ns", f->ns);
            json_num("min_ns", f->min_ns);
            json_num("max_ns", f->max_ns);
            json_num("per_s", per_s(f));
            if (f->bytes > 0)
                json_num("bytes", f->bytes);
            if (has_rate(f))
                json_num("mb_per_s", mb_per_s(f));
            if (f->floor_ns > 0) {
                json_num("floor_ns", f->floor_ns);
                json_num("ratio_to_floor", f->ratio);
            }
            if (f->l1_ns > 0) {
                json_num("l1_floor_ns", f->l1_ns);
                json_num("ratio_to_l1_floor", f->l1_ratio);
            }
        } else {
            json_num("value", f->ns);
            json_num("min", f->min_ns);
            json_num("max", f->max_ns);
        }
        printf(", \"samples\": %d, \"note\": ", f->samples);
        json_str(f->note);
        printf("}%s\n", i + 1 < figure_count ? "," : "");
    }
    printf(" ]}\n");
}

/* ------------------------------------------------------------------------ */

static void usage(FILE *f)
{
    fprintf(f, "usage: smtpdiag-bench [--quick] [--json] [--data DIR] "
               "[--only NAME,...]\n"
               "                      [--floor-states N] [--l1-states N] "
               "[--runs N]\n");
}

static const char *self_path(const char *argv0)
{
    static char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = '\0';
        return buf;
    }
    return argv0;
}

static void free_corpus(struct corpus *c)
{
    size_t i;
    for (i = 0; i < c->count; i++)
        free(c->text[i]);
    free(c->text);
    free(c->len);
}

static const struct {
    const char *name, *pattern, *alphabet; /* alphabet "": any byte */
} adversarial[] = {
    {"digits+dots", NULL, "0123456789."},
    {"550- lines", "550-\r\n", NULL},
    {"550-5.1.1 lines", "550-5.1.1 x\r\n", NULL},
    {"near-miss user unknow", "user unknow ", NULL},
    {"phrase flood", "user unknown ", NULL},
    {"said: 550 5.1.1", "said: 550 5.1.1 ", NULL},
    {"after after", "after ", NULL},
    {"random bytes", NULL, ""},
};

/* The texts of growing size, 1 KiB to max_size, made of a corpus's
 * replies one a line. */
static const size_t sizes[] = {KIB,       4 * KIB, 16 * KIB, 64 * KIB,
                               256 * KIB, MIB,     4 * MIB,  16 * MIB};

static void bench_realistic(const char *what, enum op op,
                            const struct corpus *c, size_t max_size,
                            const char *note)
{
    size_t i;
    for (i = 0; i < COUNT(sizes) && sizes[i] <= max_size; i++) {
        char name[96], sz[32];
        char *text;
        size_name(sz, sizeof sz, sizes[i]);
        snprintf(name, sizeof name, "%s realistic %s", what, sz);
        if (!want(name))
            continue;
        text = realistic_text(c, sizes[i]);
        bench_text(name, op, text, sizes[i], note);
        free(text);
    }
}

int main(int argc, char **argv)
{
    struct corpus replies, classified, bounces;
    size_t max_size, adv_sizes[2], i, k;
    int a;

    if (argc == 2 && strcmp(argv[1], "--first-call") == 0)
        return first_call();

    cfg.data_dir = SMTPDIAG_BENCH_DATA_DIR;
    cfg.floor_states = 1024;
    cfg.l1_states = 64;
    for (a = 1; a < argc; a++) {
        const char *arg = argv[a], *value = a + 1 < argc ? argv[a + 1] : NULL;
        if (strcmp(arg, "--quick") == 0) {
            cfg.quick = 1;
        } else if (strcmp(arg, "--json") == 0) {
            cfg.json = 1;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (value && strcmp(arg, "--data") == 0) {
            cfg.data_dir = value, a++;
        } else if (value && strcmp(arg, "--only") == 0) {
            cfg.only = value, a++;
        } else if (value && strcmp(arg, "--floor-states") == 0) {
            cfg.floor_states = (unsigned)strtoul(value, NULL, 10), a++;
        } else if (value && strcmp(arg, "--l1-states") == 0) {
            cfg.l1_states = (unsigned)strtoul(value, NULL, 10), a++;
        } else if (value && strcmp(arg, "--runs") == 0) {
            cfg.runs = atoi(value), a++;
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (cfg.floor_states < 2 || cfg.floor_states > 65536 || cfg.l1_states < 2 ||
        cfg.l1_states > 65536) {
        fprintf(stderr, "smtpdiag-bench: the floors take 2..65536 states\n");
        return 2;
    }
    cfg.self = self_path(argv[0]);
    if (cfg.quick) { /* every measurement, small and once: for CI */
        cfg.sample_ns = 0;
        cfg.budget_ns = 0;
        cfg.min_samples = cfg.max_samples = 2;
        cfg.item_rounds = 1;
        cfg.batch = 1;
        if (cfg.runs <= 0)
            cfg.runs = 2;
        max_size = 64 * KIB;
        adv_sizes[0] = 4 * KIB;
        adv_sizes[1] = 16 * KIB;
    } else {
        cfg.sample_ns = 5000000; /* 5 ms */
        cfg.budget_ns = 1500000000u;
        cfg.min_samples = 11;
        cfg.max_samples = 101;
        cfg.item_rounds = 9;
        cfg.batch = 8;
        if (cfg.runs <= 0)
            cfg.runs = 21;
        max_size = 16 * MIB;
        adv_sizes[0] = 256 * KIB;
        adv_sizes[1] = MIB;
    }

    floor_init(&floors[0], cfg.floor_states, 0x5EED5EED5EED5EEDu);
    floor_init(&floors[1], cfg.l1_states, 0x5EED5EED5EED5EEDu);
    measure_clock();
    if (load_corpus(&replies, "replies.tsv", 4) != 0 ||
        load_corpus(&classified, "classify-corpus.tsv", 4) != 0)
        return 2;
    if (!cfg.only) /* --only is for profiling: nothing but the figure */
        check_answers(&replies, &classified);

    /* explain */
    bench_explain_code();

    /* parse: the replies corpus, then texts of growing size */
    bench_corpus("parse replies.tsv", OP_PARSE, &replies,
                 "tests/data/replies.tsv");
    bench_realistic("parse", OP_PARSE, &replies, max_size,
                    "replies.tsv, one a line");

    /* classify: the corpus, a typical reply, long and adversarial texts */
    bench_corpus("classify corpus", OP_CLASSIFY, &classified,
                 "tests/data/classify-corpus.tsv");
    bench_text("classify typical 148B", OP_CLASSIFY, typical_reply,
               strlen(typical_reply), "Gmail 550 5.2.1, one reply");
    bench_realistic("classify", OP_CLASSIFY, &classified, max_size,
                    "classify-corpus.tsv, one a line");
    for (i = 0; i < COUNT(adv_sizes); i++) {
        for (k = 0; k < COUNT(adversarial); k++) {
            char name[96], sz[32];
            char *text;
            size_name(sz, sizeof sz, adv_sizes[i]);
            snprintf(name, sizeof name, "classify adv %s %s",
                     adversarial[k].name, sz);
            if (!want(name))
                continue;
            text = adversarial[k].alphabet
                       ? random_text(adversarial[k].alphabet[0]
                                         ? adversarial[k].alphabet
                                         : NULL,
                                     adv_sizes[i], 42 + k)
                       : repeated(adversarial[k].pattern, adv_sizes[i]);
            bench_text(name, OP_CLASSIFY, text, adv_sizes[i], "adversarial");
            free(text);
        }
    }

    /* DSN reading: whole bounce messages, every recipient classified */
    if (load_messages(&bounces, "dsn") == 0)
        bench_corpus("dsn messages", OP_DSN, &bounces,
                     "open + every recipient's address and classify");
    free_corpus(&bounces);

    /* start-up */
    bench_startup();

    if (cfg.json)
        print_json();
    else
        print_human();
    free_corpus(&replies);
    free_corpus(&classified);
    free(floors[0].table);
    free(floors[1].table);
    return failures ? 1 : 0;
}
