/*
 * The command finder's wordings (lib/command_patterns.h), compiled into the
 * phrase automaton as phrases of their own kind: the run time walks the
 * text once, and lib/command.c checks only where one of them starts.
 * SPDX-License-Identifier: MIT
 */
#include "model.h"

#include "../command_patterns.h"

#include <stdlib.h>
#include <string.h>

/* Adds a normalised wording, or merges its checks into the same one. */
static void add(struct gen_model *m, const char *text, int checks)
{
    struct gen_phrase p;
    size_t i;
    memset(&p, 0, sizeof p);
    p.file = "lib/command_patterns.h";
    p.norm = gen_normalise(text);
    p.len = strlen(p.norm);
    if (p.len == 0) { /* ">>> ": found from the command name after it */
        free(p.norm);
        return;
    }
    for (i = 0; i < m->phrase_count; i++)
        if (m->phrases[i].kind == GEN_PHRASE_COMMAND &&
            strcmp(m->phrases[i].norm, p.norm) == 0) {
            m->phrases[i].target |= checks;
            free(p.norm);
            return;
        }
    if (m->phrase_count >= 65535) {
        gen_error(p.file, 0, "too many phrases");
        free(p.norm);
        return;
    }
    p.kind = GEN_PHRASE_COMMAND;
    p.target = checks;
    GEN_PUSH(m->phrases, m->phrase_count, m->phrase_cap, p);
}

/* A command name, alone and after the words that may precede it. */
static void add_word(struct gen_model *m, const char *word)
{
    static const char *const prefixes[] = {
        "",
#define PREFIX(text) text,
        SMTPDIAG__COMMAND_WORD_PREFIXES(PREFIX)
#undef PREFIX
    };
    size_t i, k, n = sizeof prefixes / sizeof prefixes[0];
    for (i = 0; i < n; i++)
        for (k = 0; k < n; k++) {
            /* "pipelined the DATA": the prefixes in their order */
            char buf[128];
            if (k != 0 && k <= i)
                continue;
            if (snprintf(buf, sizeof buf, "%s%s%s", prefixes[i], prefixes[k],
                         word) >= (int)sizeof buf) {
                gen_error("lib/command_patterns.h", 0, "'%s' is too long",
                          word);
                continue;
            }
            add(m, buf, SMTPDIAG__CMD_WORD);
        }
}

void gen_add_command_phrases(struct gen_model *m)
{
#define ANCHOR(text, arg) add(m, text, SMTPDIAG__CMD_ANCHOR);
#define PHRASE(text, arg) add(m, text, SMTPDIAG__CMD_PHRASE);
#define CLAUSE(text, arg) add(m, text, SMTPDIAG__CMD_CLAUSE);
#define WORD(text, arg)   add_word(m, text);
#define EHLO(text)        add(m, text, SMTPDIAG__CMD_EHLO);
#define PASSING(text)     add(m, text, SMTPDIAG__CMD_PASSING);
    SMTPDIAG__COMMAND_ANCHORS(ANCHOR)
    SMTPDIAG__COMMAND_PHRASES(PHRASE)
    SMTPDIAG__COMMAND_CLAUSES(CLAUSE)
    SMTPDIAG__COMMAND_WORDS(WORD)
    SMTPDIAG__COMMAND_EHLO_WORDS(EHLO)
    SMTPDIAG__COMMAND_IN_PASSING(PASSING)
#undef ANCHOR
#undef PHRASE
#undef CLAUSE
#undef WORD
#undef EHLO
#undef PASSING
}

/* Sets bit k of by_first[c] when the list's k-th wording starts with c
 * ('a'..'z' at 0..25, '>' at 26). */
static void index_list(const char *const *texts, size_t n,
                       uint64_t by_first[27])
{
    size_t k;
    memset(by_first, 0, 27 * sizeof *by_first);
    for (k = 0; k < n; k++) {
        unsigned char c = (unsigned char)texts[k][0];
        if (c >= 'a' && c <= 'z')
            by_first[c - 'a'] |= (uint64_t)1 << k;
        else if (c == '>')
            by_first[26] |= (uint64_t)1 << k;
        else
            gen_error("lib/command_patterns.h", 0,
                      "'%s' starts with neither a letter nor '>'", texts[k]);
    }
}

static void emit_list(FILE *f, const char *name, const char *const *texts,
                      size_t n, size_t max)
{
    uint64_t by_first[27];
    size_t c;
    if (n > max) {
        gen_error("lib/command_patterns.h", 0, "more than %lu %s",
                  (unsigned long)max, name);
        return;
    }
    index_list(texts, n, by_first);
    fprintf(f, "static const uint%d_t smtpdiag__command_%s_by_first[27] = {",
            max > 32 ? 64 : 32, name);
    for (c = 0; c < 27; c++)
        fprintf(f, "%s0x%llxu,", c % 6 ? " " : "\n    ",
                (unsigned long long)by_first[c]);
    fprintf(f, "\n};\n\n");
}

void gen_emit_command_index(FILE *f)
{
#define TEXT(text, arg) text,
    static const char *const words[] = {SMTPDIAG__COMMAND_WORDS(TEXT)};
    static const char *const anchors[] = {SMTPDIAG__COMMAND_ANCHORS(TEXT)};
    static const char *const phrases[] = {SMTPDIAG__COMMAND_PHRASES(TEXT)};
#undef TEXT
    fprintf(f, "/* Which wordings of each list of lib/command_patterns.h "
               "start with a letter\n * ('a'..'z', then '>'): bit k for "
               "the k-th (lib/command.c). */\n");
    emit_list(f, "words", words, sizeof words / sizeof *words, 32);
    emit_list(f, "anchors", anchors, sizeof anchors / sizeof *anchors, 32);
    emit_list(f, "phrases", phrases, sizeof phrases / sizeof *phrases, 64);
}
