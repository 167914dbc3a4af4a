/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * "You said, we did" letters: finding the meeting by title, date or number;
 * one letter to each service user and carer who came, in their format, with
 * what must be arranged said plainly; what was said, done and not possible;
 * the appeal route when a decision went against them; files 0600, all or
 * none; marking them sent records feedback and clears what the rules owe.
 */
#include "rules_fixture.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "contribution.h"
#include "feedback.h"
#include "letters.h"
#include "meeting.h"
#include "mem.h"
#include "vocab.h"

#define USER  (1u << ROLE_SERVICE_USER)
#define STAFF (1u << ROLE_COMMISSIONER)

/* The meeting and people of the tests. */
struct forum {
	int64_t project, meeting, later, ann, zofia, bob, carl, dee;
	char *dir; /* an empty folder for the letters */
};

static void forum_records(struct fixture *fx, struct forum *f)
{
	f->project = fx_project(fx, "Day services", 1);
	fx_set(fx, "project", f->project, "lead", "Lee Lead");
	f->meeting = fx_meeting(fx, f->project, STAGE_NEEDS, "Carers' forum", "2026-09-10");
	fx_set(fx, "meeting", f->meeting, "convenor", "Rania M.");
	f->later = fx_meeting(fx, f->project, STAGE_NEEDS, "Carers' forum", "2026-10-10");
	f->ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	f->zofia = fx_person(fx, "Zofia \xC5\x81.", USER, FORMAT_LARGE_PRINT);
	f->bob = fx_person(fx, "Bob E.", USER, FORMAT_EASY_READ);
	f->carl = fx_person(fx, "Carl B.", USER, FORMAT_BRAILLE);
	f->dee = fx_person(fx, "Dee T.", USER, FORMAT_TRANSLATED);
	fx_set(fx, "person", f->dee, "language", "Polish");
	int64_t staff = fx_person(fx, "Sam Staff", STAFF, FORMAT_STANDARD);
	int64_t eve = fx_person(fx, "Eve Gone", USER, FORMAT_STANDARD);
	fx_set(fx, "person", eve, "anonymised", "yes");
	int64_t fay = fx_person(fx, "Fay Away", USER, FORMAT_STANDARD);
	const int64_t came[] = { f->ann, f->zofia, f->bob, f->carl, f->dee, eve };
	for (size_t i = 0; i < sizeof came / sizeof *came; i++)
		fx_attend(fx, f->meeting, came[i], i % 2 ? ROLE_CARER : ROLE_SERVICE_USER, 1);
	fx_attend(fx, f->meeting, staff, ROLE_COMMISSIONER, 1);
	fx_attend(fx, f->meeting, fay, ROLE_SERVICE_USER, 0);
	int64_t c = fx_contribution(fx, f->meeting, f->ann, "Buses stop at six", RESPONSE_ADOPTED,
	                            NULL);
	fx_set(fx, "contribution", c, "response_text", "Buses now run until eight.");
	c = fx_contribution(fx, f->meeting, f->bob, "Open on Sundays", RESPONSE_NOT_POSSIBLE,
	                    "The building is shut on Sundays.");
	fx_contribution(fx, f->meeting, 0, "A quiet room", RESPONSE_PENDING, NULL);
	int64_t d = fx_decision(fx, f->project, "Close the Tuesday club", "2026-10-01");
	fx_set(fx, "decision", d, "users_view_followed", "no");
	fx_set(fx, "decision", d, "appeal_route", "Write to the complaints team at the council.");
	f->dir = support_path(fx->db->dir, "letters");
	assert_int_equal(mkdir(f->dir, 0700), 0);
}

/* Link the meeting to its decision (a reference is not set from text). */
static void forum_decision(struct fixture *fx, struct forum *f)
{
	struct meeting m;
	struct error err;
	assert_int_equal(meeting_get(fx->s, f->meeting, &m, &err), ERROR_NONE);
	m.decision_id = record_lookup(fx->s, "SELECT id FROM decision WHERE title = ?", "t",
	                              "Close the Tuesday club");
	assert_int_equal(meeting_update(fx->s, &m, &err), ERROR_NONE);
	meeting_clear(&m);
}

/* The names in a folder, sorted, one per line. The caller frees it. */
static char *listing(const char *dir)
{
	char *names[64];
	size_t n = 0;
	DIR *d = opendir(dir);
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d));)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && n < 64)
			names[n++] = mem_strdup(e->d_name);
	closedir(d);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j], names[j - 1]) < 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	char *out = mem_strdup("");
	for (size_t i = 0; i < n; i++) {
		char *next = mem_printf("%s%s\n", out, names[i]);
		free(out);
		free(names[i]);
		out = next;
	}
	return out;
}

/* The letter in dir named name. The caller frees it. */
static char *letter(const struct forum *f, const char *name)
{
	char *path = mem_printf("%s/%s", f->dir, name);
	size_t n;
	char *text = support_read_file(path, &n);
	if (!text)
		fail_msg("no letter %s", path);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(path);
	return text;
}

/* Fail unless text starts with want. */
static void assert_starts(const char *text, const char *want)
{
	if (!text || strncmp(text, want, strlen(want)) != 0)
		fail_msg("the letter does not start with \"%s\" but:\n%s", want, text ? text : "");
}

static void assert_has(const char *text, const char *want)
{
	if (!text || !strstr(text, want))
		fail_msg("the letter lacks \"%s\" in:\n%s", want, text ? text : "");
}

static struct letters_options options(const struct forum *f, enum letters_medium medium)
{
	return (struct letters_options){ .medium = medium,
		                         .dir = f->dir,
		                         .sent_on = DATE_NONE,
		                         .today = fixture_day("2026-11-22") };
}

/* A meeting by its title, its title and date, or its number; a sentence when not one. */
static void test_find(void **state)
{
	struct fixture *fx = *state;
	struct forum f;
	forum_records(fx, &f);
	int64_t id;
	struct text_lines m;
	struct error err;
	assert_int_equal(letters_find_meeting(fx->s, "Carers' forum", NULL, &id, &m, &err),
	                 ERROR_INVALID);
	assert_int_equal(m.count, 2);
	char *line = mem_printf("#%" PRId64 ": Carers' forum, held 2026-09-10 (Day services)",
	                        f.meeting);
	assert_string_equal(m.lines[0], line);
	free(line);
	assert_non_null(strstr(err.msg, "2 meetings are called \"Carers' forum\"; say which with "
	                                "--held and its date"));
	text_lines_free(&m);
	assert_int_equal(
	        letters_find_meeting(fx->s, " carers' FORUM ", "2026-10-10", &id, &m, &err),
	        ERROR_NONE);
	assert_true(id == f.later);
	char *number = mem_printf("#%" PRId64, f.meeting);
	assert_int_equal(letters_find_meeting(fx->s, number, NULL, &id, &m, &err), ERROR_NONE);
	assert_true(id == f.meeting);
	free(number);
	assert_int_equal(letters_find_meeting(fx->s, "Nope", NULL, &id, &m, &err), ERROR_NOT_FOUND);
	assert_string_equal(err.msg, "No meeting is called \"Nope\"; give its title as the "
	                             "meetings list shows it, or its number as #123");
	assert_int_equal(m.count, 0);
	assert_int_equal(letters_find_meeting(fx->s, "Carers' forum", "2026-01-01", &id, &m, &err),
	                 ERROR_NOT_FOUND);
	assert_int_equal(letters_find_meeting(fx->s, "Carers' forum", "10/09/2026", &id, &m, &err),
	                 ERROR_INVALID);
	assert_non_null(strstr(err.msg, "\"10/09/2026\" is not a date"));
	free(f.dir);
}

/* One letter per service user and carer who came, each in the format they need. */
static void test_letters(void **state)
{
	struct fixture *fx = *state;
	struct forum f;
	forum_records(fx, &f);
	forum_decision(fx, &f);
	struct letters_options opt = options(&f, LETTERS_AUTO);
	struct letters_result r;
	struct error err;
	assert_int_equal(letters_write(fx->s, fx->conf, f.meeting, &opt, &r, &err), ERROR_NONE);
	assert_int_equal(r.count, 5);
	assert_int_equal(r.forgotten, 1);
	assert_int_equal(r.marked, 0);
	char *names = listing(f.dir);
	assert_string_equal(names, "2026-09-10 Ann B.txt\n2026-09-10 Bob E.html\n"
	                           "2026-09-10 Carl B.txt\n2026-09-10 Dee T.txt\n"
	                           "2026-09-10 Zofia \xC5\x81.html\n");
	free(names);
	for (size_t i = 0; i < r.count; i++) {
		const struct letters_letter *l = &r.letters[i];
		if (l->person_id == f.carl)
			assert_string_equal(l->arrange, "produced in braille");
		else if (l->person_id == f.dee)
			assert_string_equal(l->arrange, "translated into Polish");
		else
			assert_null(l->arrange);
	}
	letters_result_free(&r);

	char *t = letter(&f, "2026-09-10 Ann B.txt");
	assert_starts(t, "What came of Carers' forum\n\n22 November 2026\n\nDear Ann B.,\n");
	assert_has(t, "on 10 September 2026, part of Day services.");
	assert_has(t, "What we did\n\nYou said: Buses stop at six\nWhat we did: Buses now run "
	              "until eight.\n");
	assert_has(t, "What was not possible, and why\n\nSomeone said: Open on Sundays\nOur "
	              "answer: We could not do this.\nWhy not: The building is shut on Sundays.\n");
	assert_has(t, "What is still to be decided\n\nSomeone said: A quiet room\n");
	assert_has(t, "The decision went against what people at the meeting said.");
	assert_has(t, "you have the right to appeal or to make a complaint. This is how: Write to "
	              "the complaints team at the council.\n");
	assert_has(t,
	           "contact Rania M., who ran the meeting, or Lee Lead, who leads Day services.");
	assert_null(strstr(t, "Bob E."));
	assert_null(strstr(t, "Eve Gone"));
	free(t);

	t = letter(&f, "2026-09-10 Zofia \xC5\x81.html");
	assert_has(t, "<html lang=\"en\">");
	assert_has(t, "font-size:18pt");
	assert_has(t, "<p>Dear Zofia \xC5\x81.,</p>");
	assert_null(strstr(t, "class=\"notice\""));
	free(t);

	t = letter(&f, "2026-09-10 Bob E.html");
	assert_has(t, "<h1>What happened after the meeting</h1>");
	assert_has(t, "<p>Hello Bob E.</p>");
	assert_has(t, "<li>You said: Open on Sundays</li>\n<li>We could not do this.</li>\n"
	              "<li>This is why:</li>\n<li>The building is shut on Sundays.</li>");
	assert_has(t, "<p>You can complain about this decision.</p>");
	assert_has(t, "<p>Talk to Rania M.</p>");
	free(t);

	t = letter(&f, "2026-09-10 Carl B.txt");
	assert_starts(t, "This letter needs to be produced in braille before it is sent to "
	                 "Carl B.\n\n");
	free(t);
	t = letter(&f, "2026-09-10 Dee T.txt");
	assert_starts(t, "This letter needs to be translated into Polish before it is sent "
	                 "to Dee T.\n");
	free(t);
	free(f.dir);
}

/* Forced into text, large print says it must be printed so; forced into HTML, all are HTML. */
static void test_medium(void **state)
{
	struct fixture *fx = *state;
	struct forum f;
	forum_records(fx, &f);
	struct letters_options opt = options(&f, LETTERS_TEXT);
	struct letters_result r;
	struct error err;
	assert_int_equal(letters_write(fx->s, fx->conf, f.meeting, &opt, &r, &err), ERROR_NONE);
	letters_result_free(&r);
	char *t = letter(&f, "2026-09-10 Zofia \xC5\x81.txt");
	assert_has(t, "This letter needs to be printed in large print (18 point or more) before it "
	              "is sent to Zofia \xC5\x81.\n");
	free(t);
	t = letter(&f, "2026-09-10 Bob E.txt");
	assert_has(t, "What happened after the meeting\n\n22 November 2026\n\nHello Bob E.\n\n"
	              "Thank you for coming to our meeting.\n\n");
	/* No decision linked, so nothing about one. */
	assert_null(strstr(t, "decision"));
	free(t);
	opt.medium = LETTERS_HTML;
	assert_int_equal(letters_write(fx->s, fx->conf, f.meeting, &opt, &r, &err), ERROR_NONE);
	letters_result_free(&r);
	t = letter(&f, "2026-09-10 Ann B.html");
	assert_has(t, "<title>What came of Carers' forum, 10 September 2026: a letter to Ann "
	              "B.</title>");
	free(t);
	free(f.dir);
}

/* Marking sent records a letter for each person not yet told, and the rule stops finding them. */
static void test_mark_sent(void **state)
{
	struct fixture *fx = *state;
	struct forum f;
	forum_records(fx, &f);
	int64_t earlier = fx_feedback(fx, f.meeting, f.dee, "2026-09-20", FORMAT_TRANSLATED);
	struct rules_scope scope = { .kind = RULES_SCOPE_MEETING, .id = f.meeting };
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", &scope), 4);
	struct letters_options opt = options(&f, LETTERS_AUTO);
	opt.mark_sent = true;
	opt.sent_on = fixture_day("2026-11-20");
	struct letters_result r;
	struct error err;
	assert_int_equal(letters_write(fx->s, fx->conf, f.meeting, &opt, &r, &err), ERROR_NONE);
	assert_int_equal(r.marked, 4);
	for (size_t i = 0; i < r.count; i++)
		assert_int_equal(r.letters[i].already_told, r.letters[i].person_id == f.dee);
	letters_result_free(&r);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", &scope), 0);
	assert_int_equal(fixture_run(fx, "feedback_wrong_format", "2026-11-22", &scope), 0);
	struct feedback fb;
	assert_int_equal(feedback_get(fx->s, feedback_find(fx->s, f.meeting, f.zofia), &fb, &err),
	                 ERROR_NONE);
	assert_string_equal(fb.given_on, "2026-11-20");
	assert_int_equal(fb.method, FEEDBACK_LETTER);
	assert_int_equal(fb.format, FORMAT_LARGE_PRINT);
	feedback_clear(&fb);
	assert_true(feedback_find(fx->s, f.meeting, f.dee) == earlier);
	assert_int_equal(feedback_get(fx->s, earlier, &fb, &err), ERROR_NONE);
	assert_string_equal(fb.given_on, "2026-09-20");
	feedback_clear(&fb);
	/* Again: everyone has been told, nothing more is recorded. */
	assert_int_equal(letters_write(fx->s, fx->conf, f.meeting, &opt, &r, &err), ERROR_NONE);
	assert_int_equal(r.marked, 0);
	letters_result_free(&r);
	free(f.dir);
}

/* A meeting not held, no one to write to, no folder, a folder in a letter's place: nothing. */
static void test_refused(void **state)
{
	struct fixture *fx = *state;
	struct forum f;
	forum_records(fx, &f);
	struct letters_options opt = options(&f, LETTERS_AUTO);
	opt.mark_sent = true;
	struct letters_result r;
	struct error err;
	fx_set(fx, "meeting", f.later, "status", "planned");
	assert_int_equal(letters_write(fx->s, fx->conf, f.later, &opt, &r, &err), ERROR_INVALID);
	assert_string_equal(err.msg, "Carers' forum (2026-10-10) is planned, not held: letters say "
	                             "what came of a meeting, so write them once it has been held");
	fx_set(fx, "meeting", f.later, "status", "held");
	assert_int_equal(letters_write(fx->s, fx->conf, f.later, &opt, &r, &err), ERROR_INVALID);
	assert_non_null(strstr(err.msg, "No service user or carer is recorded as coming to "
	                                "Carers' forum (2026-10-10)"));
	char *names = listing(f.dir);
	assert_string_equal(names, "");
	free(names);

	char *dir = f.dir;
	f.dir = support_path(fx->db->dir, "no/such/folder");
	opt.dir = f.dir;
	assert_int_equal(letters_write(fx->s, fx->conf, f.meeting, &opt, &r, &err), ERROR_IO);
	assert_non_null(strstr(err.msg, "no/such/folder does not exist; create it first"));
	free(f.dir);
	f.dir = dir;
	opt.dir = dir;

	/* A folder where Dee's letter would go stops every letter, and nothing is recorded. */
	char *blocker = mem_printf("%s/2026-09-10 Dee T.txt", f.dir);
	assert_int_equal(mkdir(blocker, 0700), 0);
	assert_int_equal(letters_write(fx->s, fx->conf, f.meeting, &opt, &r, &err), ERROR_IO);
	assert_non_null(strstr(err.msg, "is a folder"));
	names = listing(f.dir);
	assert_string_equal(names, "2026-09-10 Dee T.txt\n");
	free(names);
	assert_true(feedback_find(fx->s, f.meeting, f.ann) == 0);
	rmdir(blocker);
	free(blocker);
	free(f.dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_find, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_letters, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_medium, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_mark_sent, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_refused, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
