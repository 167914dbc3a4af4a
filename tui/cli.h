/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli: the command line — global options, the table of commands, and what
 * every command shares (the loaded configuration, opening the database,
 * reporting errors with the right exit status).
 *
 * A command is a function int fn(struct cli *c, int argc, char **argv) with
 * argv[0] its own name and argv[1..] its arguments; it returns the exit
 * status: 0 success, 1 findings of error severity (check), 2 bad usage, 3
 * unreadable data or configuration. Commands write results to c->out and
 * sentences about problems to c->err, never raw SQLite or libconfig text.
 * Commands live in tui/cli_<area>.c and are listed in the table in cli.c.
 */
#ifndef INVOLVE_CLI_H
#define INVOLVE_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"

struct config;
struct store;

enum {
	CLI_EXIT_OK = 0,
	CLI_EXIT_FINDINGS = 1,
	CLI_EXIT_USAGE = 2,
	CLI_EXIT_DATA = 3,
};

struct cli {
	const char *db_path;     /* --db, or the XDG default; owned by main */
	bool db_path_given;      /* true when --db was given */
	const char *config_path; /* --config, or the XDG file when it exists, or NULL */
	struct config *config;   /* loaded before the command runs; owned by main */
	const char *ui_mode;     /* --text / --curses, or NULL to follow the config */
	const char *theme;       /* --theme, or NULL to follow the config */
	FILE *out;               /* results: stdout */
	FILE *err;               /* sentences about problems: stderr */
};

/*
 * Open the database for a command (creating it, and for the default path its
 * folders, 0700, with STORE_CREATE) and apply the configured feedback due-date
 * policy. On failure prints the sentence and returns 3 with *out NULL.
 */
int cli_open(struct cli *c, unsigned flags, struct store **out);
/* Print "involve: <err->msg>." to c->err and return the exit status for its code. */
int cli_fail(struct cli *c, const struct error *err);
/* Print "involve: <message>" and a hint to see --help, and return 2. */
int cli_usage(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * Parse a whole number for an option: ERROR_NONE and *out, or a usage sentence
 * naming the option ("--within takes a whole number of days, not \"x\"").
 */
enum error_code cli_parse_int(const char *option, const char *text, long min, long max,
                              const char *unit, long *out, struct error *err);

/* The commands in tui/cli_<area>.c, listed in the table in cli.c. */
int cli_demo(struct cli *c, int argc, char **argv);
/* involve export WHAT ...: dispatches on WHAT (csv) — tui/cli_exchange.c. */
int cli_export(struct cli *c, int argc, char **argv);
/* involve import FILE.csv... | FOLDER [--dry-run] — tui/cli_exchange.c. */
int cli_import(struct cli *c, int argc, char **argv);
int cli_person(struct cli *c, int argc, char **argv);
int cli_audit(struct cli *c, int argc, char **argv);
int cli_sync(struct cli *c, int argc, char **argv);

/* Run the command named by argv[0]; 2 with a sentence when there is none. */
int cli_run(struct cli *c, int argc, char **argv);
/* Print the list of commands with their one-line summaries (for --help). */
void cli_print_commands(FILE *out);

#endif
