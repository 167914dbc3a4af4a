/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli_exchange: the commands that move records in and out of involve —
 * "involve export csv FOLDER" (later also ics and report) and "involve import
 * FILE.csv... | FOLDER [--dry-run]" — thin layers over core/export_csv and
 * core/import_csv, following the command contract of cli.h.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exchange.h"
#include "export_csv.h"
#include "import_csv.h"
#include "mem.h"
#include "store.h"
#include "text.h"

/* involve export csv FOLDER */
static int cli_exchange_export_csv(struct cli *c, int argc, char **argv)
{
	if (argc != 3)
		return cli_usage(c, "export csv takes one folder to write the CSV files in");
	struct store *s;
	int status = cli_open(c, 0, &s);
	if (status != CLI_EXIT_OK)
		return status;
	long counts[EXCHANGE_KIND_COUNT];
	struct error err;
	enum error_code code = export_csv(s, argv[2], counts, &err);
	store_close(s);
	if (code != ERROR_NONE)
		return cli_fail(c, &err);
	char *dir = text_clean(argv[2], 0);
	fprintf(c->out, "Wrote %d CSV files to %s:", EXCHANGE_KIND_COUNT, dir);
	for (size_t i = 0; i < EXCHANGE_KIND_COUNT; i++) {
		char *n = exchange_count_text(&exchange_kinds[i], counts[i]);
		fprintf(c->out, "%s %s",
		        i == 0                         ? ""
		        : i + 1 == EXCHANGE_KIND_COUNT ? " and"
		                                       : ",",
		        n);
		free(n);
	}
	fprintf(c->out, ".\n");
	free(dir);
	return CLI_EXIT_OK;
}

/* What "involve export" can write, by its first argument. */
static const struct cli_exchange_export {
	const char *what;
	int (*run)(struct cli *c, int argc, char **argv);
} cli_exchange_exports[] = {
	{ "csv", cli_exchange_export_csv },
};

int cli_export(struct cli *c, int argc, char **argv)
{
	size_t n = sizeof cli_exchange_exports / sizeof *cli_exchange_exports;
	for (size_t i = 0; argc >= 2 && i < n; i++)
		if (strcmp(argv[1], cli_exchange_exports[i].what) == 0)
			return cli_exchange_exports[i].run(c, argc, argv);
	if (argc < 2)
		return cli_usage(c, "export needs to know what to write: csv FOLDER");
	char *what = text_clean(argv[1], 0);
	int status = cli_usage(c, "export cannot write \"%.40s\": use csv FOLDER", what);
	free(what);
	return status;
}

/* Each problem on its own line, with no control characters from the files. */
static void cli_exchange_problem(void *ctx, const char *text)
{
	struct cli *c = ctx;
	char *clean = text_clean(text, 0);
	fprintf(c->err, "%s\n", clean);
	free(clean);
}

/* Progress through a large file, as a plain line (no spinner), only on a terminal. */
static void cli_exchange_progress(void *ctx, const char *file, long rows)
{
	struct cli *c = ctx;
	char *clean = text_clean(file, 0);
	char number[EXCHANGE_NUMBER_SIZE];
	exchange_number(rows, number);
	fprintf(c->err, "involve: %s: %s rows read so far\n", clean, number);
	fflush(c->err);
	free(clean);
}

int cli_import(struct cli *c, int argc, char **argv)
{
	struct import_csv_options opt = {
		.problem = cli_exchange_problem,
		.ctx = c,
	};
	const char **paths = mem_calloc((size_t)argc, sizeof *paths);
	size_t n = 0;
	bool options = true;
	for (int i = 1; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0) {
			options = false;
		} else if (options && strcmp(argv[i], "--dry-run") == 0) {
			opt.dry_run = true;
		} else if (options && argv[i][0] == '-' && argv[i][1]) {
			free(paths);
			char *bad = text_clean(argv[i], 0);
			int status = cli_usage(c, "import does not know the option %.40s", bad);
			free(bad);
			return status;
		} else {
			paths[n++] = argv[i];
		}
	}
	if (n == 0) {
		free(paths);
		return cli_usage(c, "import needs the CSV files to read, or the folder that holds "
		                    "them");
	}
	if (isatty(fileno(c->err)))
		opt.progress = cli_exchange_progress;
	struct store *s;
	int status = cli_open(c, STORE_CREATE, &s);
	if (status != CLI_EXIT_OK) {
		free(paths);
		return status;
	}
	struct import_csv_counts counts;
	struct error err;
	enum error_code code = import_csv(s, paths, n, &opt, &counts, &err);
	store_close(s);
	free(paths);
	if (code == ERROR_INVALID) {
		/* Rows that cannot be read are unreadable data, not a misused command. */
		fprintf(c->err, "involve: %s.\n", err.msg);
		return CLI_EXIT_DATA;
	}
	if (code != ERROR_NONE)
		return cli_fail(c, &err);
	char *summary = import_csv_summary(&counts, opt.dry_run);
	fprintf(c->out, "%s\n", summary);
	free(summary);
	return CLI_EXIT_OK;
}
