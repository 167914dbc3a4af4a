/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli_rules: the commands that report what is owed — "involve due", the
 * facilitator's morning check, and "involve check", every finding of every
 * rule. Both print text for people (most urgent first, important words
 * first, dates last), tsv with a header row, or one JSON object, as DESIGN §6
 * describes; see cli.h for the command contract and exit statuses.
 */
#ifndef INVOLVE_CLI_RULES_H
#define INVOLVE_CLI_RULES_H

#include "cli.h"

/* involve due [--within DAYS] [--format text|tsv|json] */
int cli_rules_due(struct cli *c, int argc, char **argv);
/* involve check [--rule ID]... [--severity LEVEL] [--format text|tsv|json] [--explain [ID]] */
int cli_rules_check(struct cli *c, int argc, char **argv);

#endif
