/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli_exchange: the commands that move records in and out of involve —
 * "involve export csv FOLDER" and "involve import FILE.csv... | FOLDER
 * [--dry-run]". Both follow the command contract of cli.h.
 */
#ifndef INVOLVE_CLI_EXCHANGE_H
#define INVOLVE_CLI_EXCHANGE_H

#include "cli.h"

/* involve export WHAT ...: dispatches on WHAT (csv). */
int cli_export(struct cli *c, int argc, char **argv);
/* involve import FILE.csv... | FOLDER [--dry-run] */
int cli_import(struct cli *c, int argc, char **argv);

#endif
