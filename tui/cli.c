/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli: the table of commands and what they share. */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_rules.h"
#include "config.h"
#include "meeting.h"
#include "mem.h"
#include "paths.h"
#include "record.h"
#include "registry.h"
#include "rules.h"
#include "store.h"
#include "text.h"

static int cli_config(struct cli *c, int argc, char **argv);
static int cli_check_db(struct cli *c, int argc, char **argv);
static int cli_summary(struct cli *c, int argc, char **argv);

/* Every command, with the words --help shows for it. */
static const struct cli_command {
	const char *name;
	const char *usage;
	const char *summary;
	int (*run)(struct cli *c, int argc, char **argv);
} cli_commands[] = {
	{ "due", "due [--within DAYS] [--format text|tsv|json]",
	  "the morning check: feedback overdue and due within DAYS (feedback.warn_days unless "
	  "given), grouped per meeting with each person to tell and their format; then overdue "
	  "payments and commitments",
	  cli_rules_due },
	{ "check",
	  "check [--rule ID]... [--severity LEVEL] [--format text|tsv|json] [--explain [ID]]",
	  "every finding of every rule, most serious and most overdue first; --severity keeps "
	  "LEVEL and above; --explain says what a rule looks for, why, and its settings (with no "
	  "ID, lists the rules); exits 1 when any finding is an error",
	  cli_rules_check },
	{ "config", "config --init | --check [FILE]",
	  "write the commented default settings file, or check a settings file", cli_config },
	{ "check-db", "check-db", "check the database file for damage without changing it",
	  cli_check_db },
	{ "summary", "summary", "say how many of each record the database holds", cli_summary },
	{ "import", "import FILE.csv... | FOLDER [--dry-run]",
	  "read records from CSV files or a folder of them, all or nothing; --dry-run checks",
	  cli_import },
	{ "export", "export csv FOLDER",
	  "write every record to twelve CSV files, one per kind, in FOLDER", cli_export },
	{ "demo", "demo [--scale N]",
	  "fill an empty database with a realistic demo year of one local authority (N of them "
	  "with --scale)",
	  cli_demo },
	{ "person", "person show|export|forget PERSON [--format text|json] [--output FILE] [--yes]",
	  "show one person's record, export all held about them, or forget them (with --yes)",
	  cli_person },
	{ "audit", "audit [--since DATE] [--limit N]",
	  "list the changes made to the records, newest first", cli_audit },
	{ "sync",
	  "sync export FILE [--to NAME | --all] | apply FILE [--join] | status | name [NAME]",
	  "exchange records with other laptops: write what another laptop lacks, merge a file "
	  "from one, or see when each last sent and received",
	  cli_sync },
};

enum { CLI_NCOMMANDS = sizeof cli_commands / sizeof *cli_commands };

void cli_print_commands(FILE *out)
{
	for (size_t i = 0; i < CLI_NCOMMANDS; i++)
		fprintf(out, "  involve %s\n      %s.\n", cli_commands[i].usage,
		        cli_commands[i].summary);
}

int cli_run(struct cli *c, int argc, char **argv)
{
	for (size_t i = 0; i < CLI_NCOMMANDS; i++)
		if (strcmp(argv[0], cli_commands[i].name) == 0)
			return cli_commands[i].run(c, argc, argv);
	return cli_usage(c, "\"%s\" is not a command", argv[0]);
}

int cli_fail(struct cli *c, const struct error *err)
{
	/* Sentences may quote what was typed or imported: never let a control byte through. */
	char *clean = text_clean(err->msg, 0);
	size_t n = strlen(clean);
	fprintf(c->err, "involve: %s%s\n", clean, n && clean[n - 1] == '.' ? "" : ".");
	free(clean);
	return error_exit_status(err->code) ? error_exit_status(err->code) : CLI_EXIT_DATA;
}

int cli_usage(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *raw = mem_vprintf(fmt, ap);
	va_end(ap);
	char *msg = text_clean(raw, 0);
	free(raw);
	fprintf(c->err, "involve: %s.\nSee \"involve --help\" for how to use it.\n", msg);
	free(msg);
	return CLI_EXIT_USAGE;
}

enum error_code cli_parse_int(const char *option, const char *text, long min, long max,
                              const char *unit, long *out, struct error *err)
{
	char *end = NULL;
	errno = 0;
	long v = text ? strtol(text, &end, 10) : 0;
	if (!text || !*text || *end || errno || v < min || v > max)
		return error_set(err, ERROR_USAGE,
		                 "%s takes a whole number of %s from %ld to %ld, not \"%.40s\"",
		                 option, unit, min, max, text ? text : "");
	*out = v;
	return ERROR_NONE;
}

int cli_open(struct cli *c, unsigned flags, struct store **out)
{
	struct error err;
	*out = NULL;
	if (!c->db_path_given && (flags & STORE_CREATE) &&
	    paths_make_parent(c->db_path, &err) != ERROR_NONE)
		return cli_fail(c, &err);
	struct store_options opt = {
		.flags = flags,
		.busy_timeout_ms = (int)config_int(c->config, "database.busy_timeout_ms"),
	};
	if (store_open(c->db_path, &opt, out, &err) != ERROR_NONE)
		return cli_fail(c, &err);
	struct stat st;
	if (stat(c->db_path, &st) == 0 && (st.st_mode & 077))
		fprintf(c->err,
		        "involve: warning: %s can be read by other people on this computer; "
		        "it holds personal details, so run: chmod 600 %s\n",
		        c->db_path, c->db_path);
	meeting_set_due_policy(config_calendar(c->config),
	                       (int)config_int(c->config, "feedback.due_days"));
	if (!(flags & STORE_READ_ONLY)) {
		/* The policy may have changed since the file was last opened. */
		char *policy =
		        mem_printf("%" PRId64 "/%zu", config_int(c->config, "feedback.due_days"),
		                   config_calendar(c->config)->count);
		const struct calendar *cal = config_calendar(c->config);
		for (size_t i = 0; i < cal->count; i++) {
			char *next = mem_printf("%s/%" PRId32, policy, cal->holidays[i]);
			free(policy);
			policy = next;
		}
		char *old = store_meta_get(*out, "due_policy");
		if ((!old || strcmp(old, policy) != 0) &&
		    (meeting_refresh_due_dates(*out, NULL, &err) != ERROR_NONE ||
		     store_meta_set(*out, "due_policy", policy, &err) != ERROR_NONE)) {
			free(old);
			free(policy);
			store_close(*out);
			*out = NULL;
			return cli_fail(c, &err);
		}
		free(old);
		free(policy);
	}
	return CLI_EXIT_OK;
}

/* involve config --init | --check [FILE] */
static int cli_config(struct cli *c, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--init") == 0 && argc == 2) {
		char *path = c->config_path ? mem_strdup(c->config_path) : paths_config_file();
		struct error err;
		enum error_code code = config_write_default(path, &err);
		if (code == ERROR_NONE)
			fprintf(c->out,
			        "Wrote the default settings to %s. Edit it, then check it with "
			        "\"involve config --check\".\n",
			        path);
		free(path);
		return code == ERROR_NONE ? CLI_EXIT_OK : cli_fail(c, &err);
	}
	if (argc >= 2 && strcmp(argv[1], "--check") == 0 && argc <= 3) {
		const char *path = argc == 3 ? argv[2] : c->config_path;
		if (!path) {
			fprintf(c->out,
			        "There is no settings file, so the built-in defaults are used; "
			        "\"involve config --init\" writes one to edit.\n");
			return CLI_EXIT_OK;
		}
		struct config_report report;
		struct config *conf = config_load(path, rules_ids(), &report);
		for (size_t i = 0; i < report.count; i++)
			fprintf(c->err, "%s\n", report.problems[i]);
		int status = report.count ? CLI_EXIT_DATA : CLI_EXIT_OK;
		if (report.count)
			fprintf(c->err,
			        "involve: %zu problem%s in %s; the built-in value is used for "
			        "each until it is put right.\n",
			        report.count, report.count == 1 ? "" : "s", path);
		else
			fprintf(c->out, "%s is fine.\n", path);
		config_report_free(&report);
		config_free(conf);
		return status;
	}
	return cli_usage(c, "config takes --init, or --check with an optional file");
}

/* involve check-db: integrity and reference checks, read-only. */
static int cli_check_db(struct cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage(c, "check-db takes no arguments");
	struct store *s;
	int status = cli_open(c, STORE_READ_ONLY, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct error err;
	if (store_check(s, &err) != ERROR_NONE) {
		store_close(s);
		return cli_fail(c, &err);
	}
	fprintf(c->out, "%s is sound: the file is intact and every record it refers to exists.\n",
	        c->db_path);
	store_close(s);
	return CLI_EXIT_OK;
}

/* involve summary: one sentence of counts per kind of record. */
static int cli_summary(struct cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage(c, "summary takes no arguments");
	struct store *s;
	int status = cli_open(c, STORE_CREATE, &s);
	if (status != CLI_EXIT_OK)
		return status;
	fprintf(c->out, "%s holds", c->db_path);
	struct record_query all = { 0 };
	for (size_t i = 0; registry_kinds[i]; i++) {
		int64_t n = 0;
		struct error err;
		if (record_count(s, registry_kinds[i], &all, &n, &err) != ERROR_NONE) {
			fputc('\n', c->out);
			store_close(s);
			return cli_fail(c, &err);
		}
		fprintf(c->out, "%s %" PRId64 " %s",
		        i == 0                  ? ""
		        : registry_kinds[i + 1] ? ","
		                                : ", and",
		        n, n == 1 ? registry_kinds[i]->noun : registry_kinds[i]->plural);
	}
	fprintf(c->out, ".\n");
	store_close(s);
	return CLI_EXIT_OK;
}
