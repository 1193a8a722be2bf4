/*
 * The subcommands of smtpdiag(1); each takes the arguments after its name.
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_COMMANDS_H
#define SMTPDIAG_COMMANDS_H

int cmd_explain(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_dsn(int argc, char **argv);
int cmd_notice(int argc, char **argv);

#endif
