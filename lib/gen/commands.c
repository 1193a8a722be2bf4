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
