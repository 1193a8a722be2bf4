/*
 * The wordings that name the SMTP command a reply answered, as X-macro
 * lists: command.c matches them exactly, and the generator (lib/gen)
 * compiles their normalised forms into the phrase automaton, so that the
 * text is walked once and command.c only checks the places the automaton
 * reports. Patterns are lower case; a space stands for any run of white
 * space (or qmail's underscores). The generator never expands the command
 * argument.
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_COMMAND_PATTERNS_H
#define SMTPDIAG_COMMAND_PATTERNS_H

/* Command names, longest first where one starts another. */
#define SMTPDIAG__COMMAND_WORDS(X)                                             \
    X("rcpt", SMTPDIAG_COMMAND_RCPT)                                           \
    X("mail", SMTPDIAG_COMMAND_MAIL)                                           \
    X("end of data", SMTPDIAG_COMMAND_EOD)                                     \
    X("end of message", SMTPDIAG_COMMAND_EOD)                                  \
    X("message body", SMTPDIAG_COMMAND_EOD)                                    \
    X("data", SMTPDIAG_COMMAND_DATA)                                           \
    X("helo", SMTPDIAG_COMMAND_HELO)                                           \
    X("ehlo", SMTPDIAG_COMMAND_HELO)                                           \
    X("lhlo", SMTPDIAG_COMMAND_HELO)                                           \
    X("auth", SMTPDIAG_COMMAND_AUTH)                                           \
    X("starttls", SMTPDIAG_COMMAND_STARTTLS)                                   \
    X("initial connection", SMTPDIAG_COMMAND_CONNECT)                          \
    X("initial greeting", SMTPDIAG_COMMAND_CONNECT)                            \
    X("greeting", SMTPDIAG_COMMAND_CONNECT)                                    \
    X("connection", SMTPDIAG_COMMAND_CONNECT)                                  \
    X("dot", SMTPDIAG_COMMAND_EOD)                                             \
    X("connect", SMTPDIAG_COMMAND_CONNECT)                                     \
    X("banner", SMTPDIAG_COMMAND_CONNECT)

/* Words a command name may follow: "pipelined DATA", "the DATA". */
#define SMTPDIAG__COMMAND_WORD_PREFIXES(X) X("pipelined ") X("the ")

/* Words after which a command name says what was answered; the second
 * argument is 1 when " command" must follow the name ("for RCPT TO
 * command", not "for RCPT domain"). ">>> " normalises to nothing: the
 * matcher finds it from the command name after it. */
#define SMTPDIAG__COMMAND_ANCHORS(X)                                           \
    X("in reply to ", 0)                                                       \
    X("after ", 0)                                                             \
    X(">>> ", 0)                                                               \
    X("reject: ", 0)                                                           \
    X("syntax: ", 0)                                                           \
    X("while sending ", 0)                                                     \
    X("performing ", 0)                                                        \
    X("during ", 0)                                                            \
    X("progress was ", 0)                                                      \
    X("in command \"", 0)                                                      \
    X("for ", 1)                                                               \
    X("failed on ", 1)                                                         \
    X("understand ", 1)

/* Wordings that name the command without naming it. */
#define SMTPDIAG__COMMAND_PHRASES(X)                                           \
    X("refused to talk to me", SMTPDIAG_COMMAND_CONNECT)                       \
    X("greeting failed", SMTPDIAG_COMMAND_CONNECT)                             \
    X("server greeting", SMTPDIAG_COMMAND_CONNECT)                             \
    X("invalid helo", SMTPDIAG_COMMAND_HELO)                                   \
    X("helo argument", SMTPDIAG_COMMAND_HELO)                                  \
    X("in rcpt to", SMTPDIAG_COMMAND_RCPT)                                     \
    X("in mail from", SMTPDIAG_COMMAND_MAIL)                                   \
    X("tls currently unavailable", SMTPDIAG_COMMAND_STARTTLS)                  \
    X("tls is required", SMTPDIAG_COMMAND_STARTTLS)                            \
    X("establish an smtp connection", SMTPDIAG_COMMAND_CONNECT)                \
    X("connection timed out with ", SMTPDIAG_COMMAND_CONNECT)                  \
    X("does not like recipient", SMTPDIAG_COMMAND_RCPT)                        \
    X("failed to add recipient", SMTPDIAG_COMMAND_RCPT)                        \
    X("recipient ok", SMTPDIAG_COMMAND_RCPT)                                   \
    X("sender was rejected", SMTPDIAG_COMMAND_MAIL)                            \
    X("sender ok", SMTPDIAG_COMMAND_MAIL)                                      \
    X("originator <", SMTPDIAG_COMMAND_MAIL)                                   \
    X("my name was rejected", SMTPDIAG_COMMAND_HELO)                           \
    X("failed after i sent the message", SMTPDIAG_COMMAND_EOD)                 \
    X("queued as", SMTPDIAG_COMMAND_EOD)                                       \
    X("message accepted for delivery", SMTPDIAG_COMMAND_EOD)                   \
    X("accepted message", SMTPDIAG_COMMAND_EOD)                                \
    X("milter: data", SMTPDIAG_COMMAND_EOD)                                    \
    X("ready to start tls", SMTPDIAG_COMMAND_STARTTLS)                         \
    X("tls not available", SMTPDIAG_COMMAND_STARTTLS)                          \
    X("refused to start tls", SMTPDIAG_COMMAND_STARTTLS)                       \
    X("authentication fail", SMTPDIAG_COMMAND_AUTH)                            \
    X("fail authentication", SMTPDIAG_COMMAND_AUTH)                            \
    X("authentication successful", SMTPDIAG_COMMAND_AUTH)                      \
    X("authentication succeeded", SMTPDIAG_COMMAND_AUTH)                       \
    X("authentication not enabled", SMTPDIAG_COMMAND_AUTH)                     \
    X("already authenticated", SMTPDIAG_COMMAND_AUTH)                          \
    X("authentication mechanism", SMTPDIAG_COMMAND_AUTH)                       \
    X("authentication exchange", SMTPDIAG_COMMAND_AUTH)                        \
    X("incorrect authentication", SMTPDIAG_COMMAND_AUTH)

/* Phrases that must start a clause (at the start, or after punctuation):
 * Postfix's "(connect to host[...]:25: ...", not "cannot connect to". */
#define SMTPDIAG__COMMAND_CLAUSES(X) X("connect to ", SMTPDIAG_COMMAND_CONNECT)

/* Words of a 250 reply that lists the server's extensions (EHLO). */
#define SMTPDIAG__COMMAND_EHLO_WORDS(X)                                        \
    X("pipelining")                                                            \
    X("8bitmime")                                                              \
    X("pleased to meet you")                                                   \
    X("at your service")                                                       \
    X("greets")

/* A command named in passing, in the protocol's capitals ("RCPT TO",
 * "MAIL FROM"); only the automaton uses this list, command.c spells the
 * exact test out. */
#define SMTPDIAG__COMMAND_IN_PASSING(X) X("rcpt to") X("mail from")

/* What a command phrase of the automaton asks command.c to check at the
 * place it starts (a bit set: one normalised phrase may serve several). */
enum {
    /* what the text says, in the order command.c tries the lists at one
     * place: an anchor, a phrase, a clause, a command name */
    SMTPDIAG__CMD_ANCHOR = 1,
    SMTPDIAG__CMD_PHRASE = 2,
    SMTPDIAG__CMD_CLAUSE = 4,
    SMTPDIAG__CMD_WORD = 8,
    SMTPDIAG__CMD_EHLO = 16,   /* an extension list: the reply to EHLO */
    SMTPDIAG__CMD_PASSING = 32 /* a command named in passing */
};

#endif
