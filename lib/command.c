/*
 * Which SMTP command a reply answered, when the text says so: Postfix's
 * "(in reply to RCPT TO command)", Exim's "after RCPT TO:<x>:", Sendmail's
 * ">>> DATA" transcript lines, "refused to talk to me" at the greeting.
 * One pass; at each position only a few fixed words are compared.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

/* Whether the case-folded text at p[i] starts with the lower-case word. */
static size_t starts(const unsigned char *p, size_t n, size_t i,
                     const char *word)
{
    size_t k;
    for (k = 0; word[k]; k++)
        if (i + k >= n || smtpdiag__ascii_lower(p[i + k]) != word[k])
            return 0;
    return k;
}

/* The command named at p[i] ("RCPT TO", "end of DATA", "EHLO" ...). */
static smtpdiag_command command_word(const unsigned char *p, size_t n, size_t i)
{
    static const struct {
        const char *word;
        smtpdiag_command command;
    } words[] = {
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
        {"connection", SMTPDIAG_COMMAND_CONNECT},
        {"connect", SMTPDIAG_COMMAND_CONNECT},
        {"greeting", SMTPDIAG_COMMAND_CONNECT},
        {"initial greeting", SMTPDIAG_COMMAND_CONNECT},
        {"banner", SMTPDIAG_COMMAND_CONNECT},
    };
    size_t k;
    i += starts(p, n, i, "pipelined ");
    i += starts(p, n, i, "the ");
    for (k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t len = starts(p, n, i, words[k].word);
        /* a whole word: "data" but not "database" */
        if (len && (i + len == n || !((p[i + len] | 0x20) >= 'a' &&
                                      (p[i + len] | 0x20) <= 'z')))
            return words[k].command;
    }
    return SMTPDIAG_COMMAND_UNKNOWN;
}

smtpdiag_command smtpdiag__find_command(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i;
    if (!p)
        return SMTPDIAG_COMMAND_UNKNOWN;
    for (i = 0; i < len; i++) {
        size_t k;
        smtpdiag_command c;
        if (i > 0 && ((p[i - 1] | 0x20) >= 'a' && (p[i - 1] | 0x20) <= 'z'))
            continue; /* only at the start of a word */
        if ((k = starts(p, len, i, "in reply to ")) != 0 ||
            (k = starts(p, len, i, "after ")) != 0 ||
            (k = starts(p, len, i, ">>> ")) != 0) {
            c = command_word(p, len, i + k);
            if (c != SMTPDIAG_COMMAND_UNKNOWN)
                return c;
        } else if (starts(p, len, i, "refused to talk to me")) {
            return SMTPDIAG_COMMAND_CONNECT;
        }
    }
    return SMTPDIAG_COMMAND_UNKNOWN;
}
