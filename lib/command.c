/*
 * Which SMTP command a reply answered. First what the text says: Postfix's
 * "(in reply to RCPT TO command)", Exim's "after RCPT TO:<x>:", Sendmail's
 * ">>> DATA", qmail's "does not like recipient", Gmail's "(EHLO)". Then what
 * the codes imply: 354 only ever answers DATA, 334/235/535 only AUTH, a 220
 * with an enhanced code only STARTTLS. Last, a command named in passing
 * ("... in RCPT TO"). One pass per tier; at each word start only a few
 * fixed patterns are compared.
 * SPDX-License-Identifier: MIT
 */
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

/* Command names, longest first where one starts another. */
static const struct pattern command_words[] = {
    {"rcpt", SMTPDIAG_COMMAND_RCPT},
    {"mail", SMTPDIAG_COMMAND_MAIL},
    {"end of data", SMTPDIAG_COMMAND_EOD},
    {"end of message", SMTPDIAG_COMMAND_EOD},
    {"message body", SMTPDIAG_COMMAND_EOD},
    {"data", SMTPDIAG_COMMAND_DATA},
    {"helo", SMTPDIAG_COMMAND_HELO},
    {"ehlo", SMTPDIAG_COMMAND_HELO},
    {"lhlo", SMTPDIAG_COMMAND_HELO},
    {"auth", SMTPDIAG_COMMAND_AUTH},
    {"starttls", SMTPDIAG_COMMAND_STARTTLS},
    {"initial connection", SMTPDIAG_COMMAND_CONNECT},
    {"initial greeting", SMTPDIAG_COMMAND_CONNECT},
    {"greeting", SMTPDIAG_COMMAND_CONNECT},
    {"connection", SMTPDIAG_COMMAND_CONNECT},
    {"dot", SMTPDIAG_COMMAND_EOD},
    {"connect", SMTPDIAG_COMMAND_CONNECT},
    {"banner", SMTPDIAG_COMMAND_CONNECT},
};

/* Words after which a command name says what was answered. The ones from
 * FIRST_SUFFIXED on only count with " command" after the name ("for RCPT
 * TO command", not "for RCPT domain"). */
static const char *const anchors[] = {
    "in reply to ",
    "after ",
    ">>> ",
    "reject: ",
    "syntax: ",
    "while sending ",
    "performing ",
    "during ",
    "progress was ",
    "in command \"",
    /* from here on, only with " command" after the name */
    "for ",
    "failed on ",
    "understand ",
};
#define FIRST_SUFFIXED 10

/* Wordings that name the command without naming it. */
static const struct pattern phrases[] = {
    {"refused to talk to me", SMTPDIAG_COMMAND_CONNECT},
    {"greeting failed", SMTPDIAG_COMMAND_CONNECT},
    {"server greeting", SMTPDIAG_COMMAND_CONNECT},
    {"invalid helo", SMTPDIAG_COMMAND_HELO},
    {"helo argument", SMTPDIAG_COMMAND_HELO},
    {"in rcpt to", SMTPDIAG_COMMAND_RCPT},
    {"in mail from", SMTPDIAG_COMMAND_MAIL},
    {"tls currently unavailable", SMTPDIAG_COMMAND_STARTTLS},
    {"tls is required", SMTPDIAG_COMMAND_STARTTLS},
    {"establish an smtp connection", SMTPDIAG_COMMAND_CONNECT},
    {"connection timed out with ", SMTPDIAG_COMMAND_CONNECT},
    {"does not like recipient", SMTPDIAG_COMMAND_RCPT},
    {"failed to add recipient", SMTPDIAG_COMMAND_RCPT},
    {"recipient ok", SMTPDIAG_COMMAND_RCPT},
    {"sender was rejected", SMTPDIAG_COMMAND_MAIL},
    {"sender ok", SMTPDIAG_COMMAND_MAIL},
    {"originator <", SMTPDIAG_COMMAND_MAIL},
    {"my name was rejected", SMTPDIAG_COMMAND_HELO},
    {"failed after i sent the message", SMTPDIAG_COMMAND_EOD},
    {"queued as", SMTPDIAG_COMMAND_EOD},
    {"message accepted for delivery", SMTPDIAG_COMMAND_EOD},
    {"accepted message", SMTPDIAG_COMMAND_EOD},
    {"milter: data", SMTPDIAG_COMMAND_EOD},
    {"ready to start tls", SMTPDIAG_COMMAND_STARTTLS},
    {"tls not available", SMTPDIAG_COMMAND_STARTTLS},
    {"refused to start tls", SMTPDIAG_COMMAND_STARTTLS},
    {"authentication fail", SMTPDIAG_COMMAND_AUTH},
    {"fail authentication", SMTPDIAG_COMMAND_AUTH},
    {"authentication successful", SMTPDIAG_COMMAND_AUTH},
    {"authentication succeeded", SMTPDIAG_COMMAND_AUTH},
    {"authentication not enabled", SMTPDIAG_COMMAND_AUTH},
    {"already authenticated", SMTPDIAG_COMMAND_AUTH},
    {"authentication mechanism", SMTPDIAG_COMMAND_AUTH},
    {"authentication exchange", SMTPDIAG_COMMAND_AUTH},
    {"incorrect authentication", SMTPDIAG_COMMAND_AUTH},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Phrases that must start a clause (at the start, or after punctuation):
 * Postfix's "(connect to host[...]:25: ...", not "cannot connect to". */
static const struct pattern clauses[] = {
    {"connect to ", SMTPDIAG_COMMAND_CONNECT},
};

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
    i += match(p, n, i, "pipelined ");
    i += match(p, n, i, "the ");
    for (k = 0; k < COUNT(command_words); k++) {
        size_t m;
        if (i >= n || command_words[k].text[0] != smtpdiag__ascii_lower(p[i]))
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

/* Whether the text contains the lower-case phrase, case-folded. */
static int contains(const unsigned char *p, size_t n, const char *phrase)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (match(p, n, i, phrase))
            return 1;
    return 0;
}

/* What the text says, at the first place it says it. */
static smtpdiag_command from_text(const unsigned char *p, size_t n)
{
    size_t i, k, m;
    for (i = 0; i < n; i++) {
        smtpdiag_command c;
        if (i > 0 && is_letter(p[i - 1]))
            continue; /* only at the start of a word */
        int c0 = smtpdiag__ascii_lower(p[i]);
        /* Every pattern starts with a letter or '>': skip other bytes. */
        if (!is_letter(p[i]) && p[i] != '>')
            continue;
        for (k = 0; k < COUNT(anchors); k++) {
            size_t w;
            if (anchors[k][0] != c0 || (m = match(p, n, i, anchors[k])) == 0)
                continue;
            /* "allowed to pipeline after STARTTLS" is about what follows */
            if (k == 1 && i >= 9 && match(p, n, i - 9, "pipeline "))
                continue;
            c = command_word(p, n, i + m, &w);
            if (c != SMTPDIAG_COMMAND_UNKNOWN &&
                (k < FIRST_SUFFIXED || command_suffix(p, n, i + m + w)))
                return c;
        }
        for (k = 0; k < COUNT(phrases); k++)
            if (phrases[k].text[0] == c0 && match(p, n, i, phrases[k].text))
                return phrases[k].command;
        for (k = 0; k < COUNT(clauses); k++)
            if (clauses[k].text[0] == c0 && match(p, n, i, clauses[k].text) &&
                starts_clause(p, i))
                return clauses[k].command;
        /* Gmail's "(EHLO)"; Coremail's "DATA:554", "RCPT TO:550" */
        c = command_word(p, n, i, &m);
        if (c != SMTPDIAG_COMMAND_UNKNOWN && i > 0 && p[i - 1] == '(' &&
            i + m < n && p[i + m] == ')')
            return c;
        if (c != SMTPDIAG_COMMAND_UNKNOWN && names_reply(p, n, i + m))
            return c;
    }
    return SMTPDIAG_COMMAND_UNKNOWN;
}

/* What the codes imply: replies that only one command can receive. */
static smtpdiag_command from_codes(const unsigned char *p, size_t n, int reply,
                                   smtpdiag_code status)
{
    /* The reply to EHLO greets and lists the server's extensions. */
    if (reply == 250 &&
        (contains(p, n, "pipelining") || contains(p, n, "8bitmime") ||
         contains(p, n, "pleased to meet you") ||
         contains(p, n, "at your service") || contains(p, n, "greets")))
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

/* A command named in passing, in the capitals of the protocol, in a text
 * without a reply code: "5.1.8 (Server rejected MAIL FROM address)". Prose
 * such as "reject mail from 192.0.2.1" does not count. */
static smtpdiag_command in_passing(const unsigned char *p, size_t n)
{
    size_t i;
    for (i = 0; i + 7 <= n; i++) {
        if (memcmp(p + i, "RCPT TO", 7) == 0)
            return SMTPDIAG_COMMAND_RCPT;
        if (i + 9 <= n && memcmp(p + i, "MAIL ", 5) == 0 &&
            match(p, n, i + 5, "from"))
            return SMTPDIAG_COMMAND_MAIL;
    }
    return SMTPDIAG_COMMAND_UNKNOWN;
}

smtpdiag_command smtpdiag__find_command(const char *text, size_t len,
                                        int reply_code, smtpdiag_code status)
{
    const unsigned char *p = (const unsigned char *)text;
    smtpdiag_command c;
    if (!p)
        len = 0;
    if ((c = from_text(p, len)) != SMTPDIAG_COMMAND_UNKNOWN)
        return c;
    if ((c = from_codes(p, len, reply_code, status)) !=
        SMTPDIAG_COMMAND_UNKNOWN)
        return c;
    return reply_code ? SMTPDIAG_COMMAND_UNKNOWN : in_passing(p, len);
}
