/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export: the calendar, the report and a meeting's letters, written from a small form. */
#include "export.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "date.h"
#include "doc.h"
#include "ics.h"
#include "letters.h"
#include "meeting.h"
#include "mem.h"
#include "outfile.h"
#include "project.h"
#include "report.h"
#include "vocab.h"

enum { EXPORT_ASK_SENT = 1 }; /* the question after letters are written */

/* What a form holds between builds. */
struct export_state {
	char *path;      /* the file (calendar, report) or the folder (letters) */
	bool path_typed; /* typed by the person: the report's no longer follows year and format */
	int format;      /* report: enum doc_format; letters: enum letters_medium */
	int year;        /* the report's */
	struct letters_result sent; /* letters just written, until the question is answered */
	bool asking;
};

/* A choice of a form field: its label, and the value it stands for. */
struct export_choice {
	const char *label;
	int value;
};

static const struct export_choice export_report_formats[] = {
	{ "HTML, for a browser and for printing", DOC_HTML },
	{ "text, for a screen reader or a terminal", DOC_TEXT },
	{ "Markdown, for a web page or a wiki", DOC_MARKDOWN },
	{ NULL, 0 },
};

static const struct export_choice export_letter_formats[] = {
	{ "each person's own format", LETTERS_AUTO },
	{ "plain text for everyone", LETTERS_TEXT },
	{ "HTML for everyone", LETTERS_HTML },
	{ NULL, 0 },
};

/* The folder involve was started in, or "." when it cannot be known. The caller frees it. */
static char *export_here(void)
{
	char *cwd = getcwd(NULL, 0);
	return cwd ? cwd : mem_strdup(".");
}

/* path as a full path for a sentence (the file exists once written). The caller frees it. */
static char *export_full(const char *path)
{
	char *full = realpath(path, NULL);
	return full ? full : mem_strdup(path);
}

/* The state of the screen, made the first time. */
static struct export_state *export_state_of(struct screen_ctx *c)
{
	if (!c->state) {
		struct export_state *st = mem_calloc(1, sizeof *st);
		int y, m, d;
		date_to_ymd(date_today(), &y, &m, &d);
		st->year = y;
		st->format = DOC_HTML;
		c->state = st;
	}
	return c->state;
}

static void export_leave(struct screen_ctx *c)
{
	struct export_state *st = c->state;
	if (st) {
		free(st->path);
		letters_result_free(&st->sent);
	}
	free(st);
	c->state = NULL;
}

/* A field with its choices; value is the label of the one chosen. */
static void export_choice_field(struct view_section *sec, const char *name, const char *label,
                                const char *help, const struct export_choice *choices, int value)
{
	struct view_field *f = view_form_add(sec, name, label);
	for (size_t i = 0; choices[i].label; i++) {
		view_field_add_choice(f, choices[i].label);
		if (choices[i].value == value)
			view_field_value(f, choices[i].label, choices[i].label);
	}
	view_field_help(f, help, "");
}

/* The value of the choice typed (a label, or its first word), or -1. */
static int export_choice_find(const struct export_choice *choices, const char *text)
{
	for (size_t i = 0; text && choices[i].label; i++) {
		size_t word = strcspn(choices[i].label, " ,");
		if (strcasecmp(choices[i].label, text) == 0 ||
		    (strlen(text) == word && strncasecmp(choices[i].label, text, word) == 0))
			return choices[i].value;
	}
	return -1;
}

/* A field for a place to write. */
static void export_place_field(struct view_section *sec, const char *name, const char *label,
                               const char *value, const char *help)
{
	struct view_field *f = view_form_add(sec, name, label);
	view_field_value(f, value, value);
	view_field_help(f, help, "a path; Enter writes there");
}

/* The focused field, and its name is name. */
static bool export_field_is(struct view *v, const char *name)
{
	const struct view_field *f = view_focused_field(v);
	return f && strcmp(f->name, name) == 0;
}

/* Refuse what was typed into the focused field with a sentence (its full stop added). */
static enum screen_result export_refuse(struct view *v, const char *sentence)
{
	struct view_field *f = view_focused_field(v);
	size_t n = strlen(sentence);
	char *text = mem_printf("%s%s", sentence, n && sentence[n - 1] == '.' ? "" : ".");
	if (f)
		view_field_error(f, text);
	free(text);
	return SCREEN_HANDLED;
}

/*
 * After a write: on failure its sentence goes under the field when the place
 * was typed there, else on the message line, and NULL is returned; on
 * success the place written, as a full path (the caller frees it).
 */
static char *export_written(struct view *v, const char *path, enum error_code code,
                            const struct error *err, bool from_field)
{
	if (code == ERROR_NONE)
		return export_full(path);
	if (from_field)
		export_refuse(v, err->msg);
	else
		view_message(v, VIEW_TONE_ALERT, "%s.", err->msg);
	return NULL;
}

/* ---- the calendar ---- */

static void export_calendar_build(struct screen_ctx *c, struct view *v)
{
	struct export_state *st = export_state_of(c);
	if (!st->path) {
		char *here = export_here();
		st->path = mem_printf("%s/involve.ics", here);
		free(here);
	}
	view_title(v, "Calendar of what is owed");
	view_summary(v, "Write what is owed (feedback, payments, commitments and papers) to a "
	                "calendar file for your calendar program; writing it again updates the "
	                "same events instead of adding copies.");
	struct view_section *sec = view_add_form(v, "Where to write it");
	export_place_field(sec, "file", "calendar file", st->path,
	                   "The file to write, such as involve.ics; its folder must exist.");
	view_add_action(v, 'w', "write", "write the calendar",
	                "Write the calendar to the file named above.");
}

/* Write the calendar to the state's path, saying where or why not. */
static enum screen_result export_calendar_write(struct screen_ctx *c, struct view *v,
                                                bool from_field)
{
	struct export_state *st = c->state;
	struct ics_counts n;
	struct error err;
	char *full = export_written(
	        v, st->path, ics_export(c->store, c->config, st->path, &n, &err), &err, from_field);
	if (!full)
		return SCREEN_HANDLED;
	char *what = ics_counts_text(&n);
	view_message(v, VIEW_TONE_GOOD,
	             "Wrote the calendar of what is owed to %s: %s. Import it into your calendar; "
	             "writing it again updates the same events.",
	             full, what);
	free(what);
	free(full);
	return SCREEN_CHANGED;
}

static enum screen_result export_calendar_handle(struct screen_ctx *c, struct view *v,
                                                 const struct command *cmd)
{
	struct export_state *st = export_state_of(c);
	if (cmd->kind == COMMAND_ACTION && cmd->key == 'w')
		return export_calendar_write(c, v, false);
	if (cmd->kind != COMMAND_SAVE_FIELD || !export_field_is(v, "file"))
		return SCREEN_UNHANDLED;
	if (!cmd->text || !*cmd->text)
		return export_refuse(v, "Give the name of the file to write, such as involve.ics.");
	mem_replace(&st->path, cmd->text);
	return export_calendar_write(c, v, true);
}

const struct screen export_calendar_screen = {
	.name = "calendar",
	.title = "Calendar",
	.help = "Writes a calendar file of everything owed to the people who took part: feedback "
	        "due for each meeting, with who to tell and the format each needs; payments "
	        "claimed and not yet paid; commitments not yet done; planned meetings and the day "
	        "their papers must go out. Type the file's name and press Enter to write it, or "
	        "use write. Import the file into your calendar program; writing it again updates "
	        "the same events instead of adding copies.",
	.build = export_calendar_build,
	.handle = export_calendar_handle,
	.leave = export_leave,
};

/* ---- the report ---- */

/* The report's file when none was typed: it follows the year and the format. */
static void export_report_path(struct screen_ctx *c, struct export_state *st)
{
	if (st->path_typed)
		return;
	char *here = export_here();
	char *path =
	        mem_printf("%s/involvement-report-%d%s.%s", here, st->year, c->id ? "-project" : "",
	                   doc_format_extension((enum doc_format)st->format));
	free(here);
	free(st->path);
	st->path = path;
}

static void export_report_build(struct screen_ctx *c, struct view *v)
{
	struct export_state *st = export_state_of(c);
	export_report_path(c, st);
	char *title = NULL;
	if (c->id) {
		struct project p;
		struct error err;
		if (project_get(c->store, c->id, &p, &err) == ERROR_NONE)
			title = mem_strdup(p.title);
		project_clear(&p);
	}
	if (title)
		view_title(v, "Involvement report: %s", title);
	else
		view_title(v, "Involvement report");
	free(title);
	view_summary(v, "Write the year's involvement report for a board: activity at each stage, "
	                "who took part, feedback on time, you said and we did, decisions, payments "
	                "and what is still owed.");
	struct view_section *sec = view_add_form(v, "The report");
	struct view_field *f = view_form_add(sec, "year", "year");
	char year[16];
	snprintf(year, sizeof year, "%d", st->year);
	view_field_value(f, year, year);
	view_field_help(f, "The calendar year the report covers.", "a year such as 2026");
	export_choice_field(
	        sec, "format", "format",
	        "HTML opens in any browser and prints well; text suits a screen reader; "
	        "Markdown suits a web page.",
	        export_report_formats, st->format);
	export_place_field(sec, "file", "file", st->path,
	                   "The file to write the report to; its folder must exist.");
	view_add_action(v, 'w', "write", "write the report",
	                "Write the report to the file named above.");
}

/* Write the report to the state's path, saying where or why not. */
static enum screen_result export_report_write(struct screen_ctx *c, struct view *v, bool from_field)
{
	struct export_state *st = c->state;
	struct report_options opt = {
		.year = st->year,
		.project_id = c->id,
		.format = (enum doc_format)st->format,
		.today = date_today(),
	};
	struct error err;
	char *full = export_written(v, st->path,
	                            report_export(c->store, c->config, &opt, st->path, &err), &err,
	                            from_field);
	if (!full)
		return SCREEN_HANDLED;
	view_message(v, VIEW_TONE_GOOD, "Wrote the involvement report for %d to %s.", st->year,
	             full);
	free(full);
	return SCREEN_CHANGED;
}

static enum screen_result export_report_handle(struct screen_ctx *c, struct view *v,
                                               const struct command *cmd)
{
	struct export_state *st = export_state_of(c);
	if (cmd->kind == COMMAND_ACTION && cmd->key == 'w')
		return export_report_write(c, v, false);
	if (cmd->kind != COMMAND_SAVE_FIELD)
		return SCREEN_UNHANDLED;
	const char *text = cmd->text ? cmd->text : "";
	if (export_field_is(v, "year")) {
		char *end;
		long y = strtol(text, &end, 10);
		if (!*text || *end || y < 1900 || y > 9999)
			return export_refuse(v, "Give the year as four digits, such as 2026.");
		st->year = (int)y;
		return SCREEN_CHANGED;
	}
	if (export_field_is(v, "format")) {
		int f = export_choice_find(export_report_formats, text);
		if (f < 0)
			return export_refuse(v, "Choose HTML, text or Markdown.");
		st->format = f;
		return SCREEN_CHANGED;
	}
	if (!export_field_is(v, "file"))
		return SCREEN_UNHANDLED;
	if (!*text)
		return export_refuse(v, "Give the name of the file to write the report to.");
	mem_replace(&st->path, text);
	st->path_typed = true;
	return export_report_write(c, v, true);
}

const struct screen export_report_screen = {
	.name = "report",
	.title = "Involvement report",
	.help = "Writes the annual involvement report a board receives, for every project or, "
	        "opened from a project, for that one: activity at each stage of the cycle, who "
	        "took part and how many for the first time, seldom-heard groups reached (a group "
	        "of fewer than 5 is never counted), feedback given on time, what people said and "
	        "what was done, decisions and whether users' views were followed, payments and "
	        "how promptly, and what is still owed. Choose the year and the format, then type "
	        "the file's name and press Enter to write it, or use write.",
	.build = export_report_build,
	.handle = export_report_handle,
	.leave = export_leave,
};

/* ---- letters ---- */

static struct letters_options export_letters_options(const struct export_state *st)
{
	return (struct letters_options){
		.medium = (enum letters_medium)st->format,
		.dir = st->path,
		.sent_on = DATE_NONE,
		.today = date_today(),
	};
}

/* "standard print, as plain text" and what must be arranged, for a row. */
static void export_letter_row(struct view_section *sec, const struct letters_letter *l)
{
	struct view_row *r = view_list_add(sec);
	r->id = l->person_id;
	view_row_label(r, "%s", l->person);
	if (l->arrange)
		view_row_value(r, "%s, as %s; it must be %s before it is sent",
		               record_choice_label(vocab_formats, l->format),
		               l->html ? "HTML" : "plain text", l->arrange);
	else
		view_row_value(r, "%s, as %s", record_choice_label(vocab_formats, l->format),
		               l->html ? "HTML" : "plain text");
	if (l->already_told)
		view_row_status(r, "told", VIEW_TONE_GOOD);
	else if (l->arrange)
		view_row_status(r, "arrange", VIEW_TONE_WARN);
}

static void export_letters_build(struct screen_ctx *c, struct view *v)
{
	struct export_state *st = export_state_of(c);
	if (!st->path) {
		st->path = export_here();
		st->format = LETTERS_AUTO;
	}
	struct letters_options opt = export_letters_options(st);
	struct letters_result plan;
	struct error err;
	enum error_code code = letters_plan(c->store, c->id, &opt, &plan, &err);
	if (code != ERROR_NONE) {
		struct meeting m;
		if (meeting_get(c->store, c->id, &m, NULL) == ERROR_NONE)
			view_title(v, "Letters: %s, %s", m.title, m.held_on);
		else
			view_title(v, "Letters");
		meeting_clear(&m);
		view_summary(v, "%s.", err.msg);
		return;
	}
	view_title(v, "Letters: %s", plan.meeting);
	size_t told = 0;
	for (size_t i = 0; i < plan.count; i++)
		told += plan.letters[i].already_told;
	view_summary(v,
	             "Write a \"you said, we did\" letter to each of the %zu service users and "
	             "carers who came, in the format each needs%s.",
	             plan.count,
	             told == plan.count ? "; all of them have been told already"
	             : told             ? "; some have been told already"
	                                : "");
	struct view_section *sec = view_add_form(v, "Where and how");
	export_place_field(sec, "folder", "folder", st->path,
	                   "The folder to write the letters into; it must exist.");
	export_choice_field(sec, "format", "format",
	                    "Each person's own format writes large print and easy read as HTML and "
	                    "the rest as plain text.",
	                    export_letter_formats, st->format);
	sec = view_add_list(v, "Who gets a letter", NULL);
	for (size_t i = 0; i < plan.count; i++)
		export_letter_row(sec, &plan.letters[i]);
	letters_result_free(&plan);
	view_add_action(v, 'w', "write", "write the letters",
	                "Write the letters into the folder named above.");
}

/* Write the letters, say where, then ask whether to record them as sent. */
static enum screen_result export_letters_write(struct screen_ctx *c, struct view *v,
                                               bool from_field)
{
	struct export_state *st = c->state;
	struct letters_options opt = export_letters_options(st);
	struct error err;
	letters_result_free(&st->sent);
	char *full = export_written(
	        v, st->path, letters_write(c->store, c->config, c->id, &opt, &st->sent, &err), &err,
	        from_field);
	if (!full)
		return SCREEN_HANDLED;
	/* One sentence says where and asks: curses shows the question in the message's place. */
	size_t arrange = 0;
	for (size_t i = 0; i < st->sent.count; i++)
		arrange += st->sent.letters[i].arrange != NULL;
	char today[DATE_TEXT_SIZE];
	date_format(date_today(), today);
	view_ask(v, EXPORT_ASK_SENT,
	         "Wrote %zu letter%s to %s%s Record %s as feedback given by letter today, %s? "
	         "Answer yes once they are sent.",
	         st->sent.count, st->sent.count == 1 ? "" : "s", full,
	         arrange ? "; those marked arrange need more before they are sent." : ".",
	         st->sent.count == 1 ? "it" : "them", today);
	free(full);
	return SCREEN_CHANGED;
}

/* The answer to whether to record the letters as sent. */
static enum screen_result export_letters_answer(struct screen_ctx *c, struct view *v,
                                                const struct command *cmd)
{
	struct export_state *st = c->state;
	if (cmd->number != 1) {
		view_message(
		        v, VIEW_TONE_PLAIN,
		        "Nothing was recorded; write the letters again and answer yes once they "
		        "are sent.");
		letters_result_free(&st->sent);
		return SCREEN_HANDLED;
	}
	struct error err;
	if (letters_record_sent(c->store, c->id, date_today(), &st->sent, &err) != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		return SCREEN_HANDLED;
	}
	size_t before = st->sent.count - st->sent.marked;
	if (before)
		view_message(v, VIEW_TONE_GOOD,
		             "Recorded feedback given by letter to %zu %s; %zu had been told "
		             "before.",
		             st->sent.marked, st->sent.marked == 1 ? "person" : "people", before);
	else
		view_message(v, VIEW_TONE_GOOD, "Recorded feedback given by letter to %zu %s.",
		             st->sent.marked, st->sent.marked == 1 ? "person" : "people");
	letters_result_free(&st->sent);
	return SCREEN_CHANGED;
}

static enum screen_result export_letters_handle(struct screen_ctx *c, struct view *v,
                                                const struct command *cmd)
{
	struct export_state *st = export_state_of(c);
	if (cmd->kind == COMMAND_ANSWER && cmd->key == EXPORT_ASK_SENT)
		return export_letters_answer(c, v, cmd);
	if (cmd->kind == COMMAND_ACTION && cmd->key == 'w')
		return export_letters_write(c, v, false);
	if (cmd->kind != COMMAND_SAVE_FIELD)
		return SCREEN_UNHANDLED;
	const char *text = cmd->text ? cmd->text : "";
	if (export_field_is(v, "format")) {
		int f = export_choice_find(export_letter_formats, text);
		if (f < 0)
			return export_refuse(
			        v, "Choose each person's own format, plain text or HTML.");
		st->format = f;
		return SCREEN_CHANGED;
	}
	if (!export_field_is(v, "folder"))
		return SCREEN_UNHANDLED;
	struct error err;
	if (outfile_check_dir(text, &err) != ERROR_NONE)
		return export_refuse(v, err.msg);
	mem_replace(&st->path, text);
	return export_letters_write(c, v, true);
}

const struct screen export_letters_screen = {
	.name = "letters",
	.title = "Letters",
	.help = "Writes a \"you said, we did\" letter to each service user and carer who came to "
	        "the meeting, in the format each needs: standard print as plain text, large print "
	        "and easy read as HTML. Braille, audio, British Sign Language and translation "
	        "cannot be made here: such a letter says at its top what must be arranged, and "
	        "its row says arrange. Type the folder and press Enter to write them, or use "
	        "write; then say whether to record them as feedback given by letter.",
	.build = export_letters_build,
	.handle = export_letters_handle,
	.leave = export_leave,
};
