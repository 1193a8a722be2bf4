/*
 * smtpdiag: explain SMTP replies and enhanced status codes from the command
 * line. The flagship example of libsmtpdiag: it uses only the public API.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"
#include "commands.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#define STDOUT_IS_TERMINAL() isatty(fileno(stdout))
#else
#define STDOUT_IS_TERMINAL() 1 /* keep the C library's buffering */
#endif

/* Output to a file or a pipe leaves in 64 KiB writes instead of the C
 * library's 4 KiB: on a busy log a write(2) costs more than formatting the
 * lines it carries (a quarter of the tool's time, mostly in the kernel).
 * A terminal keeps its line buffering. */
static char stdout_buffer[1 << 16];

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"explain", cmd_explain,
     "explain reply lines or codes in plain words (one per argument or line)"},
    {"classify", cmd_classify,
     "classify each line of the files (or standard input): reason, bounce"},
    {"parse", cmd_parse,
     "show the codes, command and text the parser finds in each input"},
    {"dsn", cmd_dsn,
     "read bounce messages (one per file): each recipient, classified"},
    {"notice", cmd_notice,
     "write the localized notice for the failed recipients of a bounce"},
};

static void help(FILE *f)
{
    size_t i;
    fputs("usage: smtpdiag COMMAND [OPTION...] [ARG...]\n"
          "       smtpdiag --version | --help\n\ncommands:\n",
          f);
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\nCommon options: --lang TAG (else LC_ALL, LC_MESSAGES, LANG), "
          "--json (JSON Lines).\n"
          "Exit status: 0 every input answered, 1 some input had no answer, "
          "2 usage error, 3 I/O error.\nSee smtpdiag(1).\n",
          f);
}

int main(int argc, char **argv)
{
    size_t i;
#ifdef SIGPIPE
    /* A closed pipe ends output quietly instead of killing the process. */
    (void)signal(SIGPIPE, SIG_IGN); /* nothing to do if it fails */
#endif
    if (!STDOUT_IS_TERMINAL())
        (void)setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
    if (argc < 2) {
        help(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("smtpdiag %s (libsmtpdiag %s, data %.12s)\n",
               SMTPDIAG_VERSION_STRING, smtpdiag_version_string(),
               smtpdiag_data_hash());
        return EXIT_ALL_ANSWERED;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        help(stdout);
        return EXIT_ALL_ANSWERED;
    }
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 2, argv + 2);
    fprintf(stderr, "smtpdiag: unknown command '%s'\n", argv[1]);
    help(stderr);
    return EXIT_USAGE;
}
