/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli_exchange: the commands that move records in and out of involve —
 * "involve export csv FOLDER | ics FILE | report [...]" and "involve import
 * FILE.csv... | FOLDER [--dry-run]" — thin layers over core/export_csv,
 * core/ics, core/report and core/import_csv, following the command contract
 * of cli.h.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "date.h"
#include "exchange.h"
#include "export_csv.h"
#include "ics.h"
#include "import_csv.h"
#include "mem.h"
#include "report.h"
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

/* involve export ics FILE */
static int cli_exchange_export_ics(struct cli *c, int argc, char **argv)
{
	if (argc != 3 || !*argv[2])
		return cli_usage(c, "export ics takes one file to write the calendar to, such as "
		                    "involve.ics");
	struct store *s;
	int status = cli_open(c, 0, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct ics_counts counts;
	struct error err;
	enum error_code code = ics_export(s, c->config, argv[2], &counts, &err);
	store_close(s);
	if (code != ERROR_NONE)
		return cli_fail(c, &err);
	char *file = text_clean(argv[2], 0);
	char *what = ics_counts_text(&counts);
	fprintf(c->out,
	        "Wrote the calendar of what is owed to %s: %s. Import it into your calendar; "
	        "exporting it again updates the same events instead of adding copies.\n",
	        file, what);
	free(what);
	free(file);
	return CLI_EXIT_OK;
}

/* involve export report [--year YYYY] [--project P] [--format text|md|html] [--output FILE] */
static int cli_exchange_export_report(struct cli *c, int argc, char **argv)
{
	int year, month, day;
	struct report_options opt = { .today = date_today(), .format = DOC_TEXT };
	date_to_ymd(opt.today, &year, &month, &day);
	opt.year = year;
	const char *project = NULL, *output = NULL;
	for (int i = 2; i < argc; i += 2) {
		const char *arg = argv[i];
		const char *value = i + 1 < argc ? argv[i + 1] : NULL;
		struct error err;
		if (strcmp(arg, "--year") == 0) {
			long y;
			if (cli_parse_int("--year", value, 1900, 9999, "years", &y, &err) !=
			    ERROR_NONE)
				return cli_usage(c, "--year takes a year such as %d, not \"%.40s\"",
				                 year, value ? value : "");
			opt.year = (int)y;
		} else if (strcmp(arg, "--format") == 0) {
			int f = doc_format_find(value);
			if (f < 0)
				return cli_usage(c,
				                 "--format takes text, md or html, not \"%.40s\"",
				                 value ? value : "");
			opt.format = (enum doc_format)f;
		} else if (strcmp(arg, "--project") == 0 && value && *value) {
			project = value;
		} else if (strcmp(arg, "--output") == 0 && value && *value) {
			output = value;
		} else if (strcmp(arg, "--project") == 0 || strcmp(arg, "--output") == 0) {
			return cli_usage(c, "%s takes %s", arg,
			                 arg[2] == 'p' ? "a project's title or #number"
			                               : "the file to write");
		} else {
			return cli_usage(c, "export report does not take \"%.40s\"", arg);
		}
	}
	struct store *s;
	int status = cli_open(c, 0, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct error err;
	enum error_code code = ERROR_NONE;
	if (project &&
	    (code = report_find_project(s, project, &opt.project_id, &err)) != ERROR_NONE) {
		store_close(s);
		fprintf(c->err, "involve: %s.\n", err.msg);
		return CLI_EXIT_USAGE;
	}
	code = output ? report_export(s, c->config, &opt, output, &err)
	              : report_write(s, c->config, &opt, c->out, &err);
	store_close(s);
	if (code != ERROR_NONE)
		return cli_fail(c, &err);
	if (output) {
		char *file = text_clean(output, 0);
		fprintf(c->out, "Wrote the involvement report for %d to %s.\n", opt.year, file);
		free(file);
	}
	return CLI_EXIT_OK;
}

/* What "involve export" can write, by its first argument. */
static const struct cli_exchange_export {
	const char *what;
	int (*run)(struct cli *c, int argc, char **argv);
} cli_exchange_exports[] = {
	{ "csv", cli_exchange_export_csv },
	{ "ics", cli_exchange_export_ics },
	{ "report", cli_exchange_export_report },
};

int cli_export(struct cli *c, int argc, char **argv)
{
	size_t n = sizeof cli_exchange_exports / sizeof *cli_exchange_exports;
	for (size_t i = 0; argc >= 2 && i < n; i++)
		if (strcmp(argv[1], cli_exchange_exports[i].what) == 0)
			return cli_exchange_exports[i].run(c, argc, argv);
	if (argc < 2)
		return cli_usage(c, "export needs to know what to write: csv FOLDER, ics FILE or "
		                    "report");
	char *what = text_clean(argv[1], 0);
	int status = cli_usage(c,
	                       "export cannot write \"%.40s\": use csv FOLDER, ics FILE or "
	                       "report",
	                       what);
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
