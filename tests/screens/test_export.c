/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The calendar, report and letters screens driven headlessly through the
 * command interface, against records made with the core API: where to
 * write is asked in a field, a place that cannot be written is explained
 * under it with nothing written, what was written is said in a sentence
 * naming the place; letters ask whether to record them as sent. And the
 * ways to them: Today's calendar, report and letters, a project's report.
 */
#include "rules_fixture.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "contribution.h"
#include "drive.h"
#include "export.h"
#include "feedback.h"
#include "mem.h"
#include "project_overview.h"
#include "today.h"
#include "vocab.h"

#define USER (1u << ROLE_SERVICE_USER)

static const struct screen *const screens[] = {
	&today_screen,         &project_overview_screen, &export_calendar_screen,
	&export_report_screen, &export_letters_screen,   NULL,
};

/* A project with one held meeting that two people came to, and what is owed for it. */
struct owed {
	int64_t project, meeting, ann, zofia;
};

static void owed_records(struct fixture *fx, struct owed *o)
{
	o->project = fx_project(fx, "Day services", 1);
	o->meeting = fx_meeting(fx, o->project, STAGE_NEEDS, "Carers' forum", "2026-09-10");
	o->ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	o->zofia = fx_person(fx, "Zofia \xC5\x81.", USER, FORMAT_LARGE_PRINT);
	fx_attend(fx, o->meeting, o->ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, o->meeting, o->zofia, ROLE_CARER, 1);
	fx_contribution(fx, o->meeting, o->ann, "Buses stop at six", RESPONSE_ADOPTED, NULL);
}

static struct screen_stack *open_on(struct fixture *fx, const char *name, int64_t id)
{
	struct screen_stack *st = screen_stack_new(screens, fx->s, fx->conf);
	assert_true(screen_push(st, name, id));
	return st;
}

/* Type text into the field named name and press Enter, as a person would. */
static void type_into(struct screen_stack *st, const char *name, const char *text)
{
	drive_focus_field(st, name);
	drive_send(st, COMMAND_SAVE_FIELD, text);
}

/* Fail unless the message line holds want. */
static void assert_message(struct screen_stack *st, const char *want)
{
	const char *m = screen_view(st)->message;
	if (!strstr(m, want))
		fail_msg("the message \"%s\" lacks \"%s\"", m, want);
}

static bool exists(const char *path)
{
	struct stat s;
	return stat(path, &s) == 0;
}

/* The calendar is written where the field says; a folder that does not exist is explained. */
static void test_calendar(void **state)
{
	struct fixture *fx = *state;
	struct owed o;
	owed_records(fx, &o);
	struct screen_stack *st = open_on(fx, "calendar", 0);
	assert_string_equal(screen_view(st)->title, "Calendar of what is owed");
	char *bad = support_path(fx->db->dir, "missing/involve.ics");
	type_into(st, "file", bad);
	struct view_field *f = drive_focus_field(st, "file");
	assert_non_null(strstr(f->error, "missing does not exist; create it first"));
	assert_false(exists(bad));
	char *good = support_path(fx->db->dir, "involve.ics");
	type_into(st, "file", good);
	f = drive_focus_field(st, "file");
	assert_string_equal(f->error, "");
	assert_string_equal(f->value, good);
	char *want = mem_printf("Wrote the calendar of what is owed to %s: 1 meeting owing "
	                        "feedback, 0 unpaid claims",
	                        good);
	assert_message(st, want);
	assert_true(exists(good));
	unlink(good);
	drive_key(st, 'w');
	assert_message(st, want);
	assert_true(exists(good));
	free(want);
	free(good);
	free(bad);
	screen_stack_free(st);
}

/* The report's year and format are asked, its file follows them, and it is written there. */
static void test_report(void **state)
{
	struct fixture *fx = *state;
	struct owed o;
	owed_records(fx, &o);
	struct screen_stack *st = open_on(fx, "report", o.project);
	assert_string_equal(screen_view(st)->title, "Involvement report: Day services");
	type_into(st, "year", "twenty");
	assert_string_equal(drive_focus_field(st, "year")->error,
	                    "Give the year as four digits, such as 2026.");
	type_into(st, "year", "2025");
	type_into(st, "format", "text");
	struct view_field *f = drive_focus_field(st, "format");
	assert_string_equal(f->value, "text, for a screen reader or a terminal");
	f = drive_focus_field(st, "file");
	size_t n = strlen(f->value);
	assert_true(n > 36);
	assert_string_equal(f->value + n - 36, "/involvement-report-2025-project.txt");
	char *path = support_path(fx->db->dir, "board.txt");
	type_into(st, "file", path);
	char *want = mem_printf("Wrote the involvement report for 2025 to %s.", path);
	assert_message(st, want);
	free(want);
	size_t size;
	char *text = support_read_file(path, &size);
	assert_non_null(text);
	assert_true(strncmp(text, "Involvement report 2025: Day services\n", 38) == 0);
	free(text);
	free(path);
	screen_stack_free(st);
}

/* Letters: who gets one and in what format; written to the folder; then recorded as sent. */
static void test_letters(void **state)
{
	struct fixture *fx = *state;
	struct owed o;
	owed_records(fx, &o);
	struct screen_stack *st = open_on(fx, "letters", o.meeting);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Letters: Carers' forum, 10 September 2026");
	assert_true(drive_has_row(v, "Ann B."));
	struct view_section *who = drive_section(v, "Who gets a letter");
	assert_non_null(who);
	assert_int_equal(who->list.rows.n, 2);
	char *row = view_row_text(&who->list.rows.v[1]);
	assert_string_equal(row, "Zofia \xC5\x81., large print, as HTML");
	free(row);

	char *missing = support_path(fx->db->dir, "no such folder");
	type_into(st, "folder", missing);
	assert_non_null(strstr(drive_focus_field(st, "folder")->error, "does not exist"));
	assert_null(screen_view(st)->question.text);
	free(missing);

	char *dir = support_path(fx->db->dir, "letters");
	assert_int_equal(mkdir(dir, 0700), 0);
	type_into(st, "folder", dir);
	char *want = mem_printf("Wrote 2 letters to %s. Record them as feedback given by letter "
	                        "today, 2026-11-22? Answer yes once they are sent.",
	                        dir);
	assert_non_null(screen_view(st)->question.text);
	assert_string_equal(screen_view(st)->question.text, want);
	free(want);
	char *file = mem_printf("%s/2026-09-10 Zofia \xC5\x81..html", dir);
	char *large = mem_printf("%s/2026-09-10 Zofia \xC5\x81.html", dir);
	assert_false(exists(file));
	assert_true(exists(large));
	free(file);
	free(large);
	drive_number(st, COMMAND_ANSWER, NULL, 1);
	assert_message(st, "Recorded feedback given by letter to 2 people.");
	struct feedback fb;
	struct error err;
	assert_int_equal(feedback_get(fx->s, feedback_find(fx->s, o.meeting, o.zofia), &fb, &err),
	                 ERROR_NONE);
	assert_string_equal(fb.given_on, "2026-11-22");
	assert_int_equal(fb.format, FORMAT_LARGE_PRINT);
	feedback_clear(&fb);
	who = drive_section(screen_view(st), "Who gets a letter");
	row = view_row_text(&who->list.rows.v[0]);
	assert_string_equal(row, "told: Ann B., standard print, as plain text");
	free(row);

	/* Written again and answered no: nothing more is recorded. */
	drive_key(st, 'w');
	drive_number(st, COMMAND_ANSWER, NULL, 0);
	assert_message(st, "Nothing was recorded");
	free(dir);
	screen_stack_free(st);
}

/* A meeting not held says why in its summary and offers nothing to write. */
static void test_letters_not_held(void **state)
{
	struct fixture *fx = *state;
	struct owed o;
	owed_records(fx, &o);
	fx_set(fx, "meeting", o.meeting, "status", "planned");
	struct screen_stack *st = open_on(fx, "letters", o.meeting);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Letters: Carers' forum, 2026-09-10");
	assert_non_null(strstr(v->summary, "is planned, not held"));
	assert_int_equal(v->nactions, 0);
	screen_stack_free(st);
}

/* Today: calendar and report open their screens; letters the selected feedback row's meeting. */
static void test_ways_in(void **state)
{
	struct fixture *fx = *state;
	struct owed o;
	owed_records(fx, &o);
	struct screen_stack *st = open_on(fx, "today", 0);
	drive_key(st, 'c');
	assert_string_equal(screen_view(st)->title, "Calendar of what is owed");
	drive_send(st, COMMAND_BACK, NULL);
	drive_key(st, 'r');
	assert_string_equal(screen_view(st)->title, "Involvement report");
	drive_send(st, COMMAND_BACK, NULL);
	/* The meeting's feedback is overdue: its row is Today's first. */
	view_home(screen_view(st));
	assert_non_null(strstr(drive_selected_label(st), "what came of Carers' forum"));
	drive_key(st, 'l');
	assert_string_equal(screen_view(st)->title, "Letters: Carers' forum, 10 September 2026");
	drive_send(st, COMMAND_BACK, NULL);
	view_end(screen_view(st));
	drive_key(st, 'l');
	assert_non_null(strstr(screen_view(st)->message, "Choose a row of feedback overdue or due "
	                                                 "soon first"));
	screen_stack_free(st);

	st = open_on(fx, "project", o.project);
	drive_key(st, 'r');
	assert_string_equal(screen_view(st)->title, "Involvement report: Day services");
	screen_stack_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_calendar, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_report, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_letters, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_letters_not_held, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_ways_in, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
