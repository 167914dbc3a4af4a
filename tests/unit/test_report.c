/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The involvement report: each figure a board reads, counted from records
 * made for the purpose; small groups never counted in the open; one project
 * or one year at a time; Markdown escaped; HTML whole and self-contained;
 * a file whole or not at all.
 */
#include "rules_fixture.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "contribution.h"
#include "decision.h"
#include "mem.h"
#include "payment.h"
#include "report.h"
#include "vocab.h"

#define USER (1u << ROLE_SERVICE_USER)

/* The ids the tests look for. */
struct year {
	int64_t a, b, m1;
};

/* Two projects' year, made for the report's figures (see each test for what they show). */
static void year_records(struct fixture *fx, struct year *y)
{
	y->a = fx_project(fx, "Day services", 1);
	y->b = fx_project(fx, "Other project", 1);
	/* Held on a Monday: feedback is due 20 working days later, 2026-03-30. */
	y->m1 = fx_meeting(fx, y->a, STAGE_NEEDS, "Listening event", "2026-03-02");
	fx_set(fx, "meeting", y->m1, "level", "consulting");
	int64_t old = fx_meeting(fx, y->a, STAGE_FRAMEWORK, "Last year's forum", "2025-06-02");
	static const struct {
		const char *name, *tags, *given;
	} people[] = {
		{ "Old Timer", "Deaf community", "2026-03-20" },
		{ "Ann B.", "Deaf community", "2026-03-20" },
		{ "Bo C.", "Deaf community", "2026-03-30" },
		{ "Cy D.", "Deaf community", "2026-03-25" },
		{ "Di E.", "Deaf community", "2026-04-15" },
		{ "Ed F.", "Deaf community; Polish community", "2026-04-20" },
		{ "Flo G.", "Polish community", NULL },
		{ "Gus H.", "polish community", NULL },
	};
	for (size_t i = 0; i < sizeof people / sizeof *people; i++) {
		int64_t p = fx_person(fx, people[i].name, USER, FORMAT_STANDARD);
		fx_set(fx, "person", p, "tags", people[i].tags);
		fx_attend(fx, y->m1, p, ROLE_SERVICE_USER, 1);
		if (people[i].given)
			fx_feedback(fx, y->m1, p, people[i].given, FORMAT_STANDARD);
		if (i == 0) {
			fx_attend(fx, old, p, ROLE_SERVICE_USER, 1);
			fx_payment(fx, p, y->m1, PAYMENT_TRAVEL, 500, "2026-03-03", "2026-03-10");
			fx_payment(fx, p, y->m1, PAYMENT_FEE, 2500, "2026-03-03", "2026-05-29");
			fx_payment(fx, p, y->m1, PAYMENT_FEE, 2500, "2026-10-01", NULL);
		}
	}
	fx_contribution(fx, y->m1, 0, "Buses stop at six | we need later ones", RESPONSE_ADOPTED,
	                NULL);
	int64_t c = fx_contribution(fx, y->m1, 0, "Open on Sundays", RESPONSE_NOT_POSSIBLE,
	                            "The building is shut on Sundays.");
	fx_set(fx, "contribution", c, "response_text", "We cannot open on Sundays.");
	fx_contribution(fx, y->m1, 0, "A quiet room", RESPONSE_PENDING, NULL);
	int64_t d = fx_decision(fx, y->a, "Close the Tuesday club", "2026-04-01");
	fx_set(fx, "decision", d, "users_view_followed", "no");
	fx_set(fx, "decision", d, "appeal_route_given", "yes");

	int64_t m3 = fx_meeting(fx, y->b, STAGE_PRIORITIES, "Project B talk", "2026-05-05");
	int64_t bea = fx_person(fx, "Bea I.", USER, FORMAT_STANDARD);
	fx_attend(fx, m3, bea, ROLE_CARER, 1);
	fx_feedback(fx, m3, bea, "2026-05-06", FORMAT_STANDARD);
	fx_contribution(fx, m3, bea, "Secret of project B", RESPONSE_ADOPTED, NULL);
}

/* The report as text. The caller frees it. */
static char *report(struct fixture *fx, int year, int64_t project, enum doc_format format)
{
	struct report_options opt = {
		.year = year,
		.project_id = project,
		.format = format,
		.today = fixture_day("2026-11-22"),
	};
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	struct error err;
	enum error_code code = report_write(fx->s, fx->conf, &opt, f, &err);
	fclose(f);
	if (code != ERROR_NONE)
		fail_msg("report_write: %s", err.msg);
	return text;
}

/* Fail unless text holds want. */
static void assert_has(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("the report lacks \"%s\"", want);
}

/* The figures of the year, read as text. */
static void test_figures(void **state)
{
	struct fixture *fx = *state;
	struct year y;
	year_records(fx, &y);
	char *t = report(fx, 2026, 0, DOC_TEXT);
	assert_has(t, "Involvement report 2026\n\n");
	assert_has(t, "Involvement activities: 2 held (and 0 planned, 0 cancelled)\n");
	assert_has(t, "People who took part: 9, of whom 9 service users and carers\n");
	/* Old Timer came in 2025 too. */
	assert_has(t, "People taking part for the first time: 8\n");
	/* 4 told by 2026-03-30, 2 later, 2 never; Bea I. on time in the other project. */
	assert_has(t, "Told what came of it on time: 56% (5 of 9)\n");
	assert_has(t, "Told on time: 5\nTold late: 2\nNot told, and overdue: 2\n");
	assert_has(t, "Needs assessment: activities 1; people taking part 8; levels of involvement "
	              "Consulting 1\n");
	assert_has(t, "Agree priorities: activities 1; people taking part 1; levels of involvement "
	              "no level recorded 1\n");
	assert_has(t, "Review and developing organisational learning: activities 0; people taking "
	              "part 0; levels of involvement none\n");
	assert_has(t, "Service user: 8\nCarer: 1\n");
	assert_has(t, "Paid within 20 working days: 1\nPaid later: 1\nNot paid, and overdue: 1\n");
	assert_has(t, "Fee: claims 2; amount claimed \xC2\xA3"
	              "50.00; amount paid \xC2\xA3"
	              "25.00\n");
	assert_has(t, "Close the Tuesday club: project Day services; decided on 1 April 2026");
	assert_has(t, "users' views followed no; appeal route given yes\n");
	assert_has(t, "Not followed: 1\n");
	/* You said, we did: what was said, what was done, or why not. */
	assert_has(t, "You said: Open on Sundays\nWe did: Not possible: We cannot open on "
	              "Sundays.\nWhy, or why not: The building is shut on Sundays.\n");
	assert_has(t, "You said: A quiet room\nWe did: Not answered yet\n");
	assert_has(t, "Secret of project B");
	/* Two from this year's event, and Old Timer was never told about last year's forum. */
	assert_has(t, "Feedback overdue: severity error; findings 3\n");
	assert_null(strstr(t, "Ann B."));
	free(t);
}

/* A seldom-heard group of fewer than 5 people is never given a number. */
static void test_small_groups(void **state)
{
	struct fixture *fx = *state;
	struct year y;
	year_records(fx, &y);
	for (int f = 0; f < DOC_FORMAT_COUNT; f++) {
		char *t = report(fx, 2026, 0, (enum doc_format)f);
		assert_has(t, f == DOC_HTML
		                      ? "<th scope=\"row\">Deaf community</th><td class=\"num\">6"
		              : f == DOC_MARKDOWN ? "| Deaf community | 6 |"
		                                  : "Deaf community: 6\n");
		/* Polish community: 3 people, told apart from case ("polish community"). */
		assert_has(t, f == DOC_HTML ? "Polish community</th><td class=\"num\">fewer than 5"
		              : f == DOC_MARKDOWN ? "| Polish community | fewer than 5 |"
		                                  : "Polish community: fewer than 5\n");
		assert_null(strstr(t, "Polish community: 3"));
		assert_null(strstr(t, "Polish community | 3"));
		assert_null(strstr(t, "Polish community</th><td class=\"num\">3"));
		/* The chart shows only the group of 5 or more. */
		if (f == DOC_HTML)
			assert_has(t, "-desc\">Deaf community: 6.</desc>");
		free(t);
	}
}

/* One project, or another year, is reported alone. */
static void test_scope(void **state)
{
	struct fixture *fx = *state;
	struct year y;
	year_records(fx, &y);
	char *t = report(fx, 2026, y.a, DOC_TEXT);
	assert_has(t, "Involvement report 2026: Day services\n");
	assert_has(t, "Involvement activities: 1 held");
	assert_null(strstr(t, "Secret of project B"));
	assert_null(strstr(t, "Feedback in each project"));
	free(t);
	t = report(fx, 2025, 0, DOC_TEXT);
	assert_has(t, "Involvement activities: 1 held");
	assert_has(t, "People taking part for the first time: 1\n");
	assert_null(strstr(t, "Buses stop"));
	free(t);
	int64_t id;
	struct error err;
	assert_int_equal(report_find_project(fx->s, "  day SERVICES ", &id, &err), ERROR_NONE);
	assert_true(id == y.a);
	char *number = mem_printf("#%" PRId64, y.b);
	assert_int_equal(report_find_project(fx->s, number, &id, &err), ERROR_NONE);
	assert_true(id == y.b);
	free(number);
	assert_int_equal(report_find_project(fx->s, "No such thing", &id, &err), ERROR_NOT_FOUND);
	assert_string_equal(err.msg, "There is no project called \"No such thing\"; give its title "
	                             "as the projects list shows it, or its number as #123");
}

/* Markdown: tables with headers, text escaped so a cell cannot break its table. */
static void test_markdown(void **state)
{
	struct fixture *fx = *state;
	struct year y;
	year_records(fx, &y);
	char *t = report(fx, 2026, 0, DOC_MARKDOWN);
	assert_has(t, "# Involvement report 2026\n");
	assert_has(t, "\n## You said, we did\n");
	assert_has(t, "\n### Day services\n");
	assert_has(t, "| Activity | You said | We did | Why, or why not |\n"
	              "| --- | --- | --- | --- |\n");
	assert_has(t,
	           "| Listening event, 2 March 2026 | Buses stop at six \\| we need later ones | "
	           "Done |  |\n");
	free(t);
}

/* The HTML is one file: declared language, captions, headers, charts with text, nothing fetched. */
static void test_html(void **state)
{
	struct fixture *fx = *state;
	struct year y;
	year_records(fx, &y);
	char *t = report(fx, 2026, 0, DOC_HTML);
	assert_true(strncmp(t, "<!DOCTYPE html>\n<html lang=\"en\">\n", 33) == 0);
	assert_has(t, "<title>Involvement report 2026</title>");
	assert_has(t, "<style>");
	assert_has(t, "@media print");
	static const char *const never[] = {
		"<script", "src=", "href=", "@import", "url(", "<link"
	};
	for (size_t i = 0; i < sizeof never / sizeof *never; i++)
		assert_null(strstr(t, never[i]));
	size_t tables = 0, captions = 0, svgs = 0, titled = 0;
	for (const char *p = t; (p = strstr(p, "<table>")); p++)
		tables++;
	for (const char *p = t; (p = strstr(p, "<table>\n<caption>")); p++)
		captions++;
	for (const char *p = t; (p = strstr(p, "<svg ")); p++) {
		svgs++;
		const char *end = strstr(p, "</svg>");
		char *svg = mem_strndup(p, (size_t)(end - p));
		titled += strstr(svg, "role=\"img\"") && strstr(svg, "<title id=") &&
		          strstr(svg, "<desc id=");
		free(svg);
	}
	assert_true(tables >= 10);
	assert_int_equal(captions, tables);
	assert_true(svgs >= 5);
	assert_int_equal(titled, svgs);
	/* Headings in order: one h1 first, and never a level skipped on the way down. */
	int last = 0, h1 = 0;
	for (const char *p = t; (p = strstr(p, "<h")); p++) {
		if (p[2] < '1' || p[2] > '6' || p[3] != '>')
			continue;
		int level = p[2] - '0';
		assert_true(level <= last + 1);
		h1 += level == 1;
		last = level;
	}
	assert_int_equal(h1, 1);
	assert_has(t, "<th scope=\"col\">Stage</th>");
	assert_has(t, "<th scope=\"row\">Needs assessment</th>");
	assert_has(t, "Buses stop at six | we need later ones");
	free(t);
}

/* A file is written whole, 0600; a folder that does not exist is a sentence and no file. */
static void test_export(void **state)
{
	struct fixture *fx = *state;
	struct year y;
	year_records(fx, &y);
	struct report_options opt = { .year = 2026,
		                      .format = DOC_HTML,
		                      .today = fixture_day("2026-11-22") };
	struct error err;
	char *path = support_path(fx->db->dir, "nowhere/report.html");
	assert_int_equal(report_export(fx->s, fx->conf, &opt, path, &err), ERROR_IO);
	assert_non_null(strstr(err.msg, "nowhere does not exist; create it first"));
	free(path);
	path = support_path(fx->db->dir, "report.html");
	assert_int_equal(report_export(fx->s, fx->conf, &opt, path, &err), ERROR_NONE);
	size_t n;
	char *text = support_read_file(path, &n);
	char *direct = report(fx, 2026, 0, DOC_HTML);
	assert_string_equal(text, direct);
	free(direct);
	free(text);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_figures, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_small_groups, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_scope, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_markdown, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_html, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_export, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
