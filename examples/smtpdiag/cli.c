/*
 * Options, language selection and input iteration shared by the
 * subcommands.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"
#include "lines.h"

#include <stdlib.h>
#include <string.h>

static const char *env_language(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    size_t i;
    for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && v[0])
            return v;
    }
    return NULL;
}

/* Takes the value of an option: "--opt VALUE" or "--opt=VALUE". */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    /* argv[k] is not NULL for k < argc (C11 5.1.2.2.1); the analyzer
     * does not know. */
    // NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker)
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

/* Applies a hint option; returns 1 if it was one, -1 if its value is bad. */
static int hint_option(struct cli *c, int argc, char **argv, int *i)
{
    const char *v;
    int value;
    if ((v = option_value(argc, argv, i, "--command")) != NULL) {
        if (smtpdiag_enum_from_name(SMTPDIAG_ENUM_COMMAND, v, strlen(v),
                                    &value) != SMTPDIAG_OK)
            return -1;
        smtpdiag_hints_set_command(&c->hints, (smtpdiag_command)value);
        return 1;
    }
    if ((v = option_value(argc, argv, i, "--remote-host")) != NULL)
        return smtpdiag_hints_set_remote_host(&c->hints, v, strlen(v)) ==
                       SMTPDIAG_OK
                   ? 1
                   : -1;
    if ((v = option_value(argc, argv, i, "--domain")) != NULL)
        return smtpdiag_hints_set_domain(&c->hints, v, strlen(v)) == SMTPDIAG_OK
                   ? 1
                   : -1;
    return 0;
}

int cli_parse(struct cli *c, int argc, char **argv, const char *prog,
              const char *usage, unsigned features)
{
    int i, rc, fell_back = 0;
    const char *tag;
    memset(c, 0, sizeof *c);
    smtpdiag_hints_init(&c->hints);
    c->features = features;
    c->prog = prog;
    c->usage = usage;
    c->args = argv;
    for (i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                argv[c->arg_count++] = argv[i];
            break;
        } else if (strcmp(a, "--json") == 0) {
            c->json = 1;
        } else if (strcmp(a, "--escapes") == 0) {
            c->escapes = 1;
        } else if (strcmp(a, "--multiline") == 0) {
            c->multiline = 1;
        } else if (strcmp(a, "--lang") == 0) {
            if (i + 1 == argc) {
                fprintf(stderr, "%s: --lang needs a language tag\nusage: %s\n",
                        prog, usage);
                return EXIT_USAGE;
            }
            c->lang_tag = argv[++i];
        } else if (strncmp(a, "--lang=", 7) == 0) {
            c->lang_tag = a + 7;
        } else if ((features & CLI_HINTS) &&
                   (rc = hint_option(c, argc, argv, &i)) != 0) {
            if (rc < 0) {
                fprintf(stderr, "%s: bad value for %s\nusage: %s\n", prog, a,
                        usage);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            printf("usage: %s\n", usage);
            exit(EXIT_ALL_ANSWERED);
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s: unknown option '%s'\nusage: %s\n", prog, a,
                    usage);
            return EXIT_USAGE;
        } else {
            argv[c->arg_count++] = argv[i];
        }
    }
    tag = c->lang_tag ? c->lang_tag : env_language();
    c->lang = smtpdiag_lang_negotiate(tag, &fell_back);
    if (tag && tag[0] && fell_back)
        fprintf(stderr,
                "%s: warning: no built-in language matches '%s'; "
                "using %s\n",
                prog, tag, smtpdiag_lang_tag(c->lang));
    return 0;
}

void cli_unanswered(struct cli *c)
{
    if (c->status == EXIT_ALL_ANSWERED)
        c->status = EXIT_SOME_UNANSWERED;
}

/* Appends bytes to the scratch buffer; exits on memory exhaustion, which
 * for a line-oriented tool means an absurdly long input. */
static void scratch_add(struct cli *c, const char *s, size_t n)
{
    if (c->scratch_len + n + 1 > c->scratch_cap) {
        size_t cap = c->scratch_cap ? c->scratch_cap : 4096;
        char *p;
        while (cap < c->scratch_len + n + 1)
            cap *= 2;
        p = realloc(c->scratch, cap);
        if (!p) {
            fprintf(stderr, "%s: out of memory\n", c->prog);
            exit(EXIT_IO);
        }
        c->scratch = p;
        c->scratch_cap = cap;
    }
    memcpy(c->scratch + c->scratch_len, s, n);
    c->scratch_len += n;
}

/* Hands one input to fn, interpreting \r, \n and \\ with --escapes. */
static void deliver(struct cli *c, cli_input_fn fn, const char *s, size_t n)
{
    size_t i, start = 0;
    if (!c->escapes) {
        fn(c, s, n);
        return;
    }
    c->scratch_len = 0;
    for (i = 0; i + 1 < n; i++) {
        const char *rep = s[i] != '\\'       ? NULL
                          : s[i + 1] == 'r'  ? "\r"
                          : s[i + 1] == 'n'  ? "\n"
                          : s[i + 1] == '\\' ? "\\"
                                             : NULL;
        if (rep) {
            scratch_add(c, s + start, i - start);
            scratch_add(c, rep, 1);
            start = ++i + 1;
        }
    }
    scratch_add(c, s + start, n - start);
    fn(c, c->scratch, c->scratch_len);
}

/* "NNN-": a line of a multi-line reply that more lines follow. */
static int continues(const char *line, size_t len)
{
    return len >= 4 && line[0] >= '2' && line[0] <= '5' && line[1] >= '0' &&
           line[1] <= '9' && line[2] >= '0' && line[2] <= '9' && line[3] == '-';
}

static int read_lines(struct cli *c, cli_input_fn fn, FILE *f, const char *name)
{
    struct line_reader r;
    const char *line;
    size_t len;
    int pending = 0;
    lines_init(&r, f);
    while (!out_pipe_closed() && lines_next(&r, &line, &len)) {
        if (!c->multiline) {
            deliver(c, fn, line, len);
            continue;
        }
        if (!pending)
            c->scratch_len = 0;
        else
            scratch_add(c, "\n", 1);
        scratch_add(c, line, len);
        pending = continues(line, len);
        if (!pending)
            fn(c, c->scratch, c->scratch_len);
    }
    if (pending)
        fn(c, c->scratch, c->scratch_len);
    if (r.error) {
        fprintf(stderr, "%s: error reading %s\n", c->prog, name);
        c->status = EXIT_IO;
    }
    lines_free(&r);
    return c->status;
}

int cli_run(struct cli *c, cli_input_fn fn)
{
    int i;
    if (c->arg_count == 0)
        read_lines(c, fn, stdin, "standard input");
    for (i = 0; i < c->arg_count && !out_pipe_closed(); i++) {
        if (strcmp(c->args[i], "-") == 0) {
            read_lines(c, fn, stdin, "standard input");
        } else if (c->features & CLI_FILES) {
            FILE *f = fopen(c->args[i], "rb");
            if (!f) {
                fprintf(stderr, "%s: cannot open %s\n", c->prog, c->args[i]);
                c->status = EXIT_IO;
                continue;
            }
            read_lines(c, fn, f, c->args[i]);
            (void)fclose(f); /* read only: nothing to lose */
        } else {
            deliver(c, fn, c->args[i], strlen(c->args[i]));
        }
    }
    free(c->scratch);
    c->scratch = NULL;
    out_flush();
    if (fflush(stdout) != 0 || out_failed()) {
        if (!out_pipe_closed()) {
            fprintf(stderr, "%s: error writing standard output\n", c->prog);
            return EXIT_IO;
        }
    }
    return c->status;
}
