/*
 * Which SMTP command a reply answered. First what the text says: Postfix's
 * "(in reply to RCPT TO command)", Exim's "after RCPT TO:<x>:", Sendmail's
 * ">>> DATA", qmail's "does not like recipient", Gmail's "(EHLO)". Then what
 * the codes imply: 354 only ever answers DATA, 334/235/535 only AUTH, a 220
 * with an enhanced code only STARTTLS. Last, a command named in passing
 * ("... in RCPT TO"). The text is not scanned here: the phrase automaton
 * (tables.c) reports where a wording of command_patterns.h starts, and
 * this file checks each such place exactly, keeping the earliest.
 * SPDX-License-Identifier: MIT
 */
#include "command_patterns.h"
#include "internal.h"

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '_';
}

static int is_letter(unsigned char c)
{
    c |= 0x20;
    return c >= 'a' && c <= 'z';
}

/* Whether the text at p[i] matches the lower-case pattern, where a space in
 * the pattern stands for any run of white space (or qmail's underscores).
 * Returns the length matched, or 0. */
static size_t match(const unsigned char *p, size_t n, size_t i,
                    const char *pattern)
{
    size_t start = i;
    for (; *pattern; pattern++) {
        if (*pattern == ' ') {
            if (i >= n || !is_space(p[i]))
                return 0;
            while (i < n && is_space(p[i]))
                i++;
        } else if (i < n &&
                   smtpdiag__ascii_lower(p[i]) == (unsigned char)*pattern) {
            i++;
        } else {
            return 0;
        }
    }
    return i - start;
}

struct pattern {
    const char *text;
    smtpdiag_command command;
};

#define PATTERN(text, command) {text, command},
static const struct pattern command_words[] = {
    SMTPDIAG__COMMAND_WORDS(PATTERN)};
static const struct pattern phrases[] = {SMTPDIAG__COMMAND_PHRASES(PATTERN)};
static const struct pattern clauses[] = {SMTPDIAG__COMMAND_CLAUSES(PATTERN)};
#undef PATTERN

struct anchor {
    const char *text;
    int suffixed; /* " command" must follow the name */
};

#define ANCHOR(text, suffixed) {text, suffixed},
static const struct anchor anchors[] = {SMTPDIAG__COMMAND_ANCHORS(ANCHOR)};
#undef ANCHOR

#define EHLO_WORD(text) text,
static const char *const ehlo_words[] = {
    SMTPDIAG__COMMAND_EHLO_WORDS(EHLO_WORD)};
#undef EHLO_WORD

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int starts_clause(const unsigned char *p, size_t i)
{
    while (i > 0 && p[i - 1] == ' ')
        i--;
    return i == 0 || p[i - 1] == '(' || p[i - 1] == ':' || p[i - 1] == ';' ||
           p[i - 1] == ',' || p[i - 1] == '\n';
}

/* The command name at p[i], as a whole word ("data", not "database"). */
static smtpdiag_command command_word(const unsigned char *p, size_t n, size_t i,
                                     size_t *len)
{
    size_t k, start = i;
    uint64_t first;
#define PREFIX(text)                                                           \
    if (i < n && smtpdiag__ascii_lower(p[i]) == (text)[0])                     \
        i += match(p, n, i, text);
    SMTPDIAG__COMMAND_WORD_PREFIXES(PREFIX)
#undef PREFIX
    if (i >= n)
        return SMTPDIAG_COMMAND_UNKNOWN;
    /* only the names that start with this letter, in their order */
    first = smtpdiag__command_first(SMTPDIAG__CMD_WORD,
                                    smtpdiag__ascii_lower(p[i]));
    for (k = 0; first; k++, first >>= 1) {
        size_t m;
        if (!(first & 1))
            continue;
        m = match(p, n, i, command_words[k].text);
        if (m && (i + m == n || !is_letter(p[i + m]))) {
            *len = i + m - start; /* with the words skipped before it */
            return command_words[k].command;
        }
    }
    return SMTPDIAG_COMMAND_UNKNOWN;
}

/* Whether " command" follows a command name ("RCPT TO command"). */
static int command_suffix(const unsigned char *p, size_t n, size_t i)
{
    size_t m = match(p, n, i, " to");
    if (!m)
        m = match(p, n, i, " from");
    return match(p, n, i + m, " command") != 0;
}

/* Whether a reply code follows a command name: "DATA:554", "RCPT TO:550",
 * "MAIL FROM: 550". */
static int names_reply(const unsigned char *p, size_t n, size_t i)
{
    size_t m = match(p, n, i, " to");
    if (!m)
        m = match(p, n, i, " from");
    i += m;
    if (i >= n || p[i] != ':')
        return 0;
    i++;
    if (i < n && p[i] == ' ')
        i++;
    return i < n && p[i] >= '2' && p[i] <= '5';
}

/* What the text says at p[i], if it says it there, trying only the lists
 * in groups (SMTPDIAG__CMD_ANCHOR .. _WORD), in their order; sets *group to
 * the one that said it. */
static smtpdiag_command text_at(const unsigned char *p, size_t n, size_t i,
                                unsigned groups, unsigned *group)
{
    size_t k, m;
    smtpdiag_command c;
    uint64_t first;
    int c0;
    if (i >= n || (i > 0 && is_letter(p[i - 1])))
        return SMTPDIAG_COMMAND_UNKNOWN; /* only at the start of a word */
    /* Every pattern starts with a letter or '>'. */
    if (!is_letter(p[i]) && p[i] != '>')
        return SMTPDIAG_COMMAND_UNKNOWN;
    c0 = smtpdiag__ascii_lower(p[i]);
    *group = SMTPDIAG__CMD_ANCHOR;
    /* In each list, only the wordings that start with this letter, in
     * their order (the generated index of tables.c). */
    first = groups & SMTPDIAG__CMD_ANCHOR
                ? smtpdiag__command_first(SMTPDIAG__CMD_ANCHOR, c0)
                : 0;
    for (k = 0; first; k++, first >>= 1) {
        size_t w;
        if (!(first & 1) || (m = match(p, n, i, anchors[k].text)) == 0)
            continue;
        /* "allowed to pipeline after STARTTLS" is about what follows */
        if (i >= 9 && strcmp(anchors[k].text, "after ") == 0 &&
            match(p, n, i - 9, "pipeline "))
            continue;
        c = command_word(p, n, i + m, &w);
        if (c != SMTPDIAG_COMMAND_UNKNOWN &&
            (!anchors[k].suffixed || command_suffix(p, n, i + m + w)))
            return c;
    }
    *group = SMTPDIAG__CMD_PHRASE;
    first = groups & SMTPDIAG__CMD_PHRASE
                ? smtpdiag__command_first(SMTPDIAG__CMD_PHRASE, c0)
                : 0;
    for (k = 0; first; k++, first >>= 1)
        if ((first & 1) && match(p, n, i, phrases[k].text))
            return phrases[k].command;
    *group = SMTPDIAG__CMD_CLAUSE;
    for (k = 0; (groups & SMTPDIAG__CMD_CLAUSE) && k < COUNT(clauses); k++)
        if (clauses[k].text[0] == c0 && match(p, n, i, clauses[k].text) &&
            starts_clause(p, i))
            return clauses[k].command;
    *group = SMTPDIAG__CMD_WORD;
    if (!(groups & SMTPDIAG__CMD_WORD))
        return SMTPDIAG_COMMAND_UNKNOWN;
    /* Gmail's "(EHLO)"; Coremail's "DATA:554", "RCPT TO:550" */
    c = command_word(p, n, i, &m);
    if (c != SMTPDIAG_COMMAND_UNKNOWN && i > 0 && p[i - 1] == '(' &&
        i + m < n && p[i + m] == ')')
        return c;
    if (c != SMTPDIAG_COMMAND_UNKNOWN && names_reply(p, n, i + m))
        return c;
    return SMTPDIAG_COMMAND_UNKNOWN;
}

/* Whether an extension of the reply to EHLO is named at p[i]. */
static int ehlo_word_at(const unsigned char *p, size_t n, size_t i)
{
    size_t k;
    for (k = 0; k < COUNT(ehlo_words); k++)
        if (match(p, n, i, ehlo_words[k]))
            return 1;
    return 0;
}

/* What the codes imply: replies that only one command can receive. */
static smtpdiag_command from_codes(int ehlo, int reply, smtpdiag_code status)
{
    /* The reply to EHLO greets and lists the server's extensions. */
    if (reply == 250 && ehlo)
        return SMTPDIAG_COMMAND_HELO;
    switch (reply) {
    case 354:
        return SMTPDIAG_COMMAND_DATA;
    case 334:
    case 235:
    case 535:
    case 538:
        return SMTPDIAG_COMMAND_AUTH; /* RFC 4954 */
    case 220: /* RFC 2034: the greeting carries no enhanced code */
        return status ? SMTPDIAG_COMMAND_STARTTLS : SMTPDIAG_COMMAND_CONNECT;
    default:
        break;
    }
    /* RFC 4954's own codes: X.5.6 line too long; 534 X.7.9 mechanism too
     * weak; 432 X.7.12 password transition. */
    if ((SMTPDIAG_CODE_SUBJECT(status) == 5 &&
         SMTPDIAG_CODE_DETAIL(status) == 6) ||
        (reply == 534 && status % 1000000u == 7009u) ||
        (reply == 432 && status % 1000000u == 7012u))
        return SMTPDIAG_COMMAND_AUTH;
    return SMTPDIAG_COMMAND_UNKNOWN;
}

/* A command named in passing at p[i], in the capitals of the protocol:
 * "5.1.8 (Server rejected MAIL FROM address)". Prose such as "reject mail
 * from 192.0.2.1" does not count. */
static smtpdiag_command passing_at(const unsigned char *p, size_t n, size_t i)
{
    if (i + 7 > n)
        return SMTPDIAG_COMMAND_UNKNOWN;
    if (memcmp(p + i, "RCPT TO", 7) == 0)
        return SMTPDIAG_COMMAND_RCPT;
    if (i + 9 <= n && memcmp(p + i, "MAIL ", 5) == 0 &&
        match(p, n, i + 5, "from"))
        return SMTPDIAG_COMMAND_MAIL;
    return SMTPDIAG_COMMAND_UNKNOWN;
}

void smtpdiag__command_init(struct smtpdiag__command_finder *f)
{
    f->text_at = f->passing_at = SIZE_MAX;
    f->text = f->passing = SMTPDIAG_COMMAND_UNKNOWN;
    f->text_group = 0;
    f->ehlo = 0;
}

/*
 * Keeps what the text says at p[i] if it comes first: the earliest place,
 * and there the first list in the order above. The automaton reports a
 * place once for each list that may match there, in no particular order,
 * so a place already kept is tried again with the lists that precede the
 * one that matched there.
 */
static void try_text(struct smtpdiag__command_finder *f, const unsigned char *p,
                     size_t n, size_t i, unsigned groups)
{
    smtpdiag_command c;
    unsigned group = 0;
    if (i > f->text_at)
        return;
    if (i == f->text_at)
        groups &= f->text_group - 1u; /* only the lists before it */
    if (groups &&
        (c = text_at(p, n, i, groups, &group)) != SMTPDIAG_COMMAND_UNKNOWN) {
        f->text_at = i;
        f->text = (uint8_t)c;
        f->text_group = (uint8_t)group;
    }
}

void smtpdiag__command_candidate(struct smtpdiag__command_finder *f,
                                 const char *text, size_t len, size_t start,
                                 unsigned checks)
{
    const unsigned char *p = (const unsigned char *)text;
    smtpdiag_command c;
    try_text(f, p, len, start,
             checks & (SMTPDIAG__CMD_ANCHOR | SMTPDIAG__CMD_PHRASE |
                       SMTPDIAG__CMD_CLAUSE | SMTPDIAG__CMD_WORD));
    if (checks & SMTPDIAG__CMD_WORD) {
        /* ">>> " has no letters for the automaton to find: look for it
         * before the command name it reported. */
        size_t j = start;
        while (j > 0 && is_space(p[j - 1]))
            j--;
        if (j < start && j >= 3 && p[j - 3] == '>' && p[j - 2] == '>' &&
            p[j - 1] == '>')
            try_text(f, p, len, j - 3, SMTPDIAG__CMD_ANCHOR);
    }
    if ((checks & SMTPDIAG__CMD_EHLO) && !f->ehlo)
        f->ehlo = (uint8_t)ehlo_word_at(p, len, start);
    if ((checks & SMTPDIAG__CMD_PASSING) && start < f->passing_at &&
        (c = passing_at(p, len, start)) != SMTPDIAG_COMMAND_UNKNOWN) {
        f->passing_at = start;
        f->passing = (uint8_t)c;
    }
}

smtpdiag_command
smtpdiag__command_result(const struct smtpdiag__command_finder *f,
                         int reply_code, smtpdiag_code status)
{
    smtpdiag_command c;
    if (f->text != SMTPDIAG_COMMAND_UNKNOWN)
        return (smtpdiag_command)f->text;
    if ((c = from_codes(f->ehlo, reply_code, status)) !=
        SMTPDIAG_COMMAND_UNKNOWN)
        return c;
    return reply_code ? SMTPDIAG_COMMAND_UNKNOWN : (smtpdiag_command)f->passing;
}

/* A scan for the command alone (smtpdiag_parse). */
struct command_scan {
    struct smtpdiag__command_finder finder;
    const char *text;
    size_t len;
};

static void on_command(void *ctx, const struct smtpdiag__phrase_row *ph,
                       size_t start, size_t end)
{
    struct command_scan *scan = ctx;
    (void)end;
    if (ph->kind == SMTPDIAG__PHRASE_COMMAND)
        smtpdiag__command_candidate(&scan->finder, scan->text, scan->len, start,
                                    ph->target);
}

smtpdiag_command smtpdiag__find_command(const char *text, size_t len,
                                        int reply_code, smtpdiag_code status)
{
    struct command_scan scan;
    smtpdiag__command_init(&scan.finder);
    scan.text = text;
    scan.len = text ? len : 0;
    smtpdiag__scan(scan.text, scan.len, on_command, &scan);
    return smtpdiag__command_result(&scan.finder, reply_code, status);
}
