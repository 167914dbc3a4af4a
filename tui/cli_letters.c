/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli_letters: involve letters MEETING [--held DATE] [--format text|html]
 * [--output DIR] [--mark-sent [--date DATE]] — a thin layer over
 * core/letters, following the command contract of cli.h.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "letters.h"
#include "mem.h"
#include "store.h"
#include "text.h"
#include "vocab.h"

/* What the command line said. */
struct cli_letters_args {
	const char *meeting;
	const char *held; /* --held, or NULL */
	struct letters_options opt;
	bool date_given;
};

/* Read the arguments after "letters"; 0, or the usage exit status with a sentence. */
static int cli_letters_parse(struct cli *c, int argc, char **argv, struct cli_letters_args *a)
{
	memset(a, 0, sizeof *a);
	a->opt.dir = ".";
	a->opt.today = date_today();
	a->opt.sent_on = DATE_NONE;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *value = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(arg, "--format") == 0) {
			if (value && strcmp(value, "text") == 0)
				a->opt.medium = LETTERS_TEXT;
			else if (value && strcmp(value, "html") == 0)
				a->opt.medium = LETTERS_HTML;
			else
				return cli_usage(
				        c,
				        "--format takes text or html, not \"%.40s\"; without "
				        "it each letter is in the format its person needs",
				        value ? value : "");
			i++;
		} else if (strcmp(arg, "--held") == 0 || strcmp(arg, "--date") == 0) {
			int32_t day;
			if (!value || date_parse(value, &day, NULL) != ERROR_NONE)
				return cli_usage(c, "%s takes a date as YYYY-MM-DD, not \"%.40s\"",
				                 arg, value ? value : "");
			if (arg[2] == 'h') {
				a->held = value;
			} else {
				a->opt.sent_on = day;
				a->date_given = true;
			}
			i++;
		} else if (strcmp(arg, "--output") == 0) {
			if (!value || !*value)
				return cli_usage(
				        c, "--output takes the folder to write the letters in");
			a->opt.dir = value;
			i++;
		} else if (strcmp(arg, "--mark-sent") == 0) {
			a->opt.mark_sent = true;
		} else if (arg[0] == '-' && arg[1] == '-') {
			return cli_usage(c, "letters does not take %.40s", arg);
		} else if (a->meeting) {
			return cli_usage(
			        c, "letters takes one meeting; put a title with spaces in quotes");
		} else {
			a->meeting = arg;
		}
	}
	if (!a->meeting)
		return cli_usage(c, "letters needs the meeting's title, or its number as #123");
	if (a->date_given && !a->opt.mark_sent)
		return cli_usage(c,
		                 "--date says when letters were sent, so it goes with --mark-sent");
	return 0;
}

/* Say what was written, what each letter still needs, and what was recorded. */
static void cli_letters_report(struct cli *c, const struct cli_letters_args *a,
                               const struct letters_result *r)
{
	char *meeting = text_clean(r->meeting, 0);
	char *dir = text_clean(a->opt.dir, 0);
	fprintf(c->out, "Wrote %zu letter%s about %s to %s:\n", r->count, r->count == 1 ? "" : "s",
	        meeting, dir);
	size_t arrange = 0;
	for (size_t i = 0; i < r->count; i++) {
		const struct letters_letter *l = &r->letters[i];
		char *name = text_clean(l->person, 0), *file = text_clean(l->file, 0);
		fprintf(c->out, "  %s (%s): %s\n", name,
		        record_choice_label(vocab_formats, l->format), file);
		free(name);
		free(file);
		arrange += l->arrange != NULL;
	}
	for (size_t i = 0; arrange && i < r->count; i++) {
		const struct letters_letter *l = &r->letters[i];
		if (!l->arrange)
			continue;
		char *name = text_clean(l->person, 0), *what = text_clean(l->arrange, 0);
		fprintf(c->out, "Before it is sent, %s's letter must be %s.\n", name, what);
		free(name);
		free(what);
	}
	if (r->forgotten)
		fprintf(c->out, "%zu %s who came %s forgotten, so no letter was written to them.\n",
		        r->forgotten, r->forgotten == 1 ? "person" : "people",
		        r->forgotten == 1 ? "has been" : "have been");
	if (a->opt.mark_sent) {
		char on[DATE_TEXT_SIZE];
		date_format(a->opt.sent_on != DATE_NONE ? a->opt.sent_on : a->opt.today, on);
		size_t told = r->count - r->marked;
		fprintf(c->out, "Recorded feedback given by letter on %s to %zu %s", on, r->marked,
		        r->marked == 1 ? "person" : "people");
		if (told)
			fprintf(c->out, "; %zu had been told before, and their record is as it was",
			        told);
		fprintf(c->out, ".\n");
	}
	free(meeting);
	free(dir);
}

int cli_letters(struct cli *c, int argc, char **argv)
{
	struct cli_letters_args a;
	int status = cli_letters_parse(c, argc, argv, &a);
	if (status)
		return status;
	struct store *s;
	status = cli_open(c, 0, &s);
	if (status != CLI_EXIT_OK)
		return status;
	int64_t id;
	struct text_lines m;
	struct error err;
	enum error_code code = letters_find_meeting(s, a.meeting, a.held, &id, &m, &err);
	if (code != ERROR_NONE) {
		store_close(s);
		cli_fail(c, &err);
		for (size_t i = 0; i < m.count; i++) {
			char *line = text_clean(m.lines[i], 0);
			fprintf(c->err, "  %s\n", line);
			free(line);
		}
		text_lines_free(&m);
		/* A title no meeting has, or several share, is a usage problem, not damage. */
		return code == ERROR_NOT_FOUND || code == ERROR_INVALID ? CLI_EXIT_USAGE
		                                                        : CLI_EXIT_DATA;
	}
	struct letters_result r;
	code = letters_write(s, c->config, id, &a.opt, &r, &err);
	store_close(s);
	if (code != ERROR_NONE)
		return cli_fail(c, &err);
	cli_letters_report(c, &a, &r);
	letters_result_free(&r);
	return CLI_EXIT_OK;
}
