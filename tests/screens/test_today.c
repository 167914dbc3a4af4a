/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Today screen, driven headlessly: what it shows on the demo (checked
 * against the rules engine run over everything, as "involve due" runs it),
 * what opening a row and each action does, and how it changes when feedback
 * is given through the core API.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "config.h"
#include "drive.h"
#include "feedback.h"
#include "finding.h"
#include "findings.h"
#include "help.h"
#include "meeting.h"
#include "mem.h"
#include "person.h"
#include "project.h"
#include "project_overview.h"
#include "projects.h"
#include "rules.h"
#include "today.h"
#include "vocab.h"

/* Screens of other branches, standing in so that opening them can be seen. */
static void stub_build(struct screen_ctx *c, struct view *v)
{
	view_title(v, "%s %lld", c->screen->name, (long long)c->id);
}
static const struct screen meeting_stub = { .name = "meeting", .build = stub_build };
static const struct screen people_stub = { .name = "people", .build = stub_build };
static const struct screen payments_stub = { .name = "payments", .build = stub_build };

/* The program as it is now, and as it will be with the meeting, people and payments screens. */
static const struct screen *const bare[] = { &today_screen,
	                                     &projects_screen,
	                                     &project_overview_screen,
	                                     &findings_screen,
	                                     &finding_screen,
	                                     &help_screen,
	                                     NULL };
static const struct screen *const full[] = {
	&today_screen,
	&projects_screen,
	&project_overview_screen,
	&findings_screen,
	&finding_screen,
	&help_screen,
	&meeting_stub,
	&people_stub,
	&payments_stub,
	NULL,
};

static struct screen_stack *open_today(struct store *s, const struct screen *const *table)
{
	struct screen_stack *st = screen_stack_new(table, s, drive_config());
	assert_true(screen_push(st, "today", 0));
	return st;
}

/* Every finding of one rule over everything, in the rule's own order. */
static void run_rule(struct store *s, const char *id, struct rules_list *l)
{
	struct rules_options opt = rules_options_default(date_today());
	opt.only = UINT64_C(1) << rules_index(rules_find(id));
	rules_list_init(l);
	struct error err;
	assert_int_equal(rules_run(s, drive_config(), &opt, rules_list_add, l, &err), ERROR_NONE);
}

/* The label Today gives the meeting whose findings start at finding i; *next: the next one's. */
static char *feedback_label(const struct rules_list *l, size_t i, size_t *next)
{
	const struct finding *f = rules_list_at(l, i);
	size_t n = 0;
	while (i + n < l->count && rules_list_at(l, i + n)->meeting_id == f->meeting_id)
		n++;
	*next = i + n;
	char due[DATE_TEXT_SIZE];
	date_format(f->due, due);
	if (n == 1)
		return mem_printf("tell %s", f->person);
	return mem_printf("tell %zu people what came of %s, due %s \u2014 %s", n, f->meeting, due,
	                  f->person);
}

/* The first TODAY_SHOWN meetings of rule id's findings are section sec's rows, in order. */
static void rows_are_the_first_meetings(struct store *s, const char *id,
                                        const struct view_section *sec)
{
	struct rules_list l;
	run_rule(s, id, &l);
	size_t i = 0, row = 0;
	while (i < l.count && row < TODAY_SHOWN) {
		int64_t meeting = rules_list_at(&l, i)->meeting_id;
		char *want = feedback_label(&l, i, &i);
		const struct view_row *r = &sec->list.rows.v[row++];
		assert_int_equal(r->id, meeting);
		if (strncmp(r->label, want, strlen(want)) != 0)
			fail_msg("row %zu is \"%s\", not \"%s...\"", row, r->label, want);
		free(want);
	}
	/* More meetings owe it than are shown: the last row opens the rest. */
	assert_true(i < l.count);
	assert_int_equal(sec->list.rows.n, TODAY_SHOWN + 1);
	assert_int_equal(strncmp(sec->list.rows.v[TODAY_SHOWN].label, "More ", 5), 0);
	rules_list_free(&l);
}

static void today_shows_the_most_urgent_first_as_the_rules_find_them(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);
	struct screen_stack *st = open_today(db->store, bare);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Today, 2026-11-22");
	assert_string_equal(v->summary,
	                    "Overdue: feedback for over 5 meetings, over 5 payments and over 5 "
	                    "commitments; feedback is due soon for over 5 meetings.");
	struct view_section *over = drive_section(v, "Feedback overdue, the oldest first");
	struct view_section *soon = drive_section(v, "Feedback due soon");
	assert_non_null(over);
	assert_non_null(soon);
	rows_are_the_first_meetings(db->store, "feedback_overdue", over);
	rows_are_the_first_meetings(db->store, "feedback_due_soon", soon);
	assert_string_equal(over->list.rows.v[0].status, "OVERDUE");
	assert_string_equal(soon->list.rows.v[0].status, "due soon");
	/* The selection starts on the most overdue. */
	assert_int_equal(view_selected_row(v)->id, over->list.rows.v[0].id);

	/* Payments and commitments: the rules' own sentences, the oldest first. */
	static const struct {
		const char *rule, *heading, *status;
	} owed[] = {
		{ "payment_overdue", "Payments late, the oldest first", "late" },
		{ "action_overdue", "Commitments overdue, the oldest first", "OVERDUE" },
	};
	for (size_t k = 0; k < 2; k++) {
		struct view_section *sec = drive_section(v, owed[k].heading);
		assert_non_null(sec);
		struct rules_list l;
		run_rule(db->store, owed[k].rule, &l);
		assert_true(l.count > TODAY_SHOWN);
		for (size_t i = 0; i < TODAY_SHOWN; i++) {
			assert_string_equal(sec->list.rows.v[i].label,
			                    rules_list_at(&l, i)->message);
			assert_string_equal(sec->list.rows.v[i].status, owed[k].status);
		}
		rules_list_free(&l);
	}
	screen_stack_free(st);
}

/* A record_row_fn: count the open projects. */
static bool count_open(void *rec, const char *order, void *ctx)
{
	const struct project *p = rec;
	(void)order;
	*(int64_t *)ctx += !*p->closed_on;
	return true;
}

static void each_open_project_shows_its_stages_in_words(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);
	struct screen_stack *st = open_today(db->store, bare);
	struct view *v = screen_view(st);
	struct view_section *sec = drive_section(v, "Open projects, by title");
	assert_non_null(sec);
	int64_t open = 0;
	struct record_query all = { .limit = 1000 };
	assert_int_equal(project_list(db->store, &all, count_open, &open, NULL, NULL), ERROR_NONE);
	assert_true(open > 10);
	assert_int_equal(sec->list.count, open);
	assert_int_equal((int64_t)view_list_fill(v, sec, 0, 1000), open);

	/* What the stage rules find over everything shows on each open project's row. */
	struct rules_list agree, users;
	run_rule(db->store, "stage_no_agreement", &agree);
	run_rule(db->store, "stage_no_users", &users);
	const struct config *conf = drive_config();
	size_t missing = 0;
	for (size_t i = 0; i < sec->list.rows.n; i++) {
		const struct view_row *r = &sec->list.rows.v[i];
		char *done = mem_printf("of %zu stages done", config_stage_count(conf));
		assert_non_null(strstr(r->value, done));
		free(done);
		bool any = false;
		for (size_t k = 0; k < 2; k++) {
			const struct rules_list *l = k ? &users : &agree;
			for (size_t j = 0; j < l->count; j++) {
				if (rules_list_at(l, j)->project_id != r->id)
					continue;
				char *want =
				        mem_printf("missing %s: ", k ? "users" : "an agreement");
				const char *at = strstr(r->value, want);
				assert_non_null(at);
				assert_non_null(strstr(at, rules_list_at(l, j)->stage_label));
				free(want);
				any = true;
			}
		}
		if (any)
			assert_string_equal(r->status, "missing");
		else
			assert_true(strcmp(r->status, "missing") != 0);
		missing += any;
	}
	assert_true(missing > 0 && missing < sec->list.rows.n);
	rules_list_free(&agree);
	rules_list_free(&users);
	screen_stack_free(st);
}

static void opening_a_row_goes_to_its_meeting_payments_project_or_findings(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);

	/* Before the meeting screen lands, opening a feedback row says so and stays. */
	struct screen_stack *st = open_today(db->store, bare);
	int64_t meeting = view_selected_row(screen_view(st))->id;
	drive_send(st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_depth(st), 1);
	assert_string_equal(screen_view(st)->message,
	                    "involve cannot open this meeting in this version.");
	screen_stack_free(st);

	st = open_today(db->store, full);
	struct view *v = screen_view(st);
	drive_send(st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_depth(st), 2);
	assert_string_equal(screen_top(st)->screen->name, "meeting");
	assert_int_equal(screen_top(st)->id, meeting);
	drive_send(st, COMMAND_BACK, NULL);
	v = screen_view(st);

	/* The row after the shown ones opens Findings with that rule only. */
	struct view_section *over = drive_section(v, "Feedback overdue, the oldest first");
	drive_select(st, over, TODAY_SHOWN);
	drive_send(st, COMMAND_OPEN, NULL);
	assert_string_equal(screen_top(st)->screen->name, "findings");
	assert_int_equal(screen_top(st)->id, finding_rule_id(rules_find("feedback_overdue")));
	assert_non_null(strstr(screen_view(st)->summary, "of the rule Feedback overdue"));
	drive_send(st, COMMAND_BACK, NULL);
	v = screen_view(st);

	drive_select(st, drive_section(v, "Payments late, the oldest first"), 0);
	drive_send(st, COMMAND_OPEN, NULL);
	assert_string_equal(screen_top(st)->screen->name, "payments");
	drive_send(st, COMMAND_BACK, NULL);
	v = screen_view(st);

	struct view_section *projects = drive_section(v, "Open projects, by title");
	drive_select(st, projects, 0);
	char *title = mem_printf("Project: %s", projects->list.rows.v[0].label);
	drive_send(st, COMMAND_OPEN, NULL);
	assert_string_equal(screen_top(st)->screen->name, "project");
	assert_string_equal(screen_view(st)->title, title);
	free(title);
	drive_send(st, COMMAND_BACK, NULL);
	screen_stack_free(st);
}

static void the_actions_reach_the_parts_there_are(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);
	struct screen_stack *st = open_today(db->store, bare);
	struct view *v = screen_view(st);
	assert_non_null(view_action_find(v, 'p', NULL));
	assert_non_null(view_action_find(v, 0, "findings"));
	assert_null(view_action_find(v, 'e', NULL));
	assert_null(view_action_find(v, 0, "payments"));
	drive_send(st, COMMAND_ACTION, "projects");
	assert_string_equal(screen_view(st)->title, "Projects");
	drive_send(st, COMMAND_BACK, NULL);
	drive_key(st, 'f');
	assert_string_equal(screen_view(st)->title, "Findings");
	drive_send(st, COMMAND_BACK, NULL);
	drive_send(st, COMMAND_HELP, NULL);
	assert_string_equal(screen_view(st)->title, "Help: Today, 2026-11-22");
	screen_stack_free(st);

	st = open_today(db->store, full);
	drive_key(st, 'e');
	assert_string_equal(screen_top(st)->screen->name, "people");
	drive_send(st, COMMAND_BACK, NULL);
	drive_send(st, COMMAND_ACTION, "pay");
	assert_string_equal(screen_top(st)->screen->name, "payments");
	screen_stack_free(st);
}

/* A person who uses services or cares, as the facilitator knows them. */
static int64_t make_person(struct store *s, const char *name, enum role role, int format)
{
	struct person p;
	person_init(&p);
	mem_replace(&p.name, name);
	p.roles = 1u << role;
	p.preferred_format = format;
	assert_int_equal(person_create(s, &p, NULL), ERROR_NONE);
	int64_t id = p.head.id;
	person_clear(&p);
	return id;
}

static void giving_feedback_takes_the_row_away(void **state)
{
	struct support_db *db = *state;
	struct store *s = db->store;
	const struct config *conf = drive_config();
	meeting_set_due_policy(config_calendar(conf), (int)config_int(conf, "feedback.due_days"));
	struct project p;
	project_init(&p);
	mem_replace(&p.title, "Carers' strategy");
	assert_int_equal(project_create(s, &p, NULL), ERROR_NONE);
	struct meeting m;
	meeting_init(&m);
	m.project_id = p.head.id;
	mem_replace(&m.title, "Carers' forum");
	memcpy(m.held_on, "2026-10-01", DATE_TEXT_SIZE);
	m.status = MEETING_HELD;
	assert_int_equal(meeting_create(s, &m, NULL), ERROR_NONE);
	int64_t ann = make_person(s, "Ann B.", ROLE_SERVICE_USER, FORMAT_EASY_READ);
	int64_t bob = make_person(s, "Bob C.", ROLE_CARER, FORMAT_STANDARD);
	for (int i = 0; i < 2; i++) {
		struct attendance a;
		attendance_init(&a);
		a.meeting_id = m.head.id;
		a.person_id = i ? bob : ann;
		a.role = i ? ROLE_CARER : ROLE_SERVICE_USER;
		a.attended = 1;
		assert_int_equal(attendance_create(s, &a, NULL), ERROR_NONE);
		attendance_clear(&a);
	}
	char *due = mem_strdup(m.feedback_due_on);

	struct screen_stack *st = open_today(s, full);
	struct view *v = screen_view(st);
	assert_string_equal(v->summary, "Overdue: feedback for 1 meeting.");
	char *text = drive_selected_text(st);
	char *want = mem_printf("OVERDUE: tell 2 people what came of Carers' forum, due %s \u2014 "
	                        "Ann B. (easy read) and Bob C.",
	                        due);
	assert_string_equal(text, want);
	free(text);
	free(want);

	/* Ann is told, through the core API: the row is about Bob alone when Today comes back. */
	struct feedback f;
	feedback_init(&f);
	f.meeting_id = m.head.id;
	f.person_id = ann;
	memcpy(f.given_on, "2026-11-20", DATE_TEXT_SIZE);
	f.format = FORMAT_EASY_READ;
	assert_int_equal(feedback_create(s, &f, NULL), ERROR_NONE);
	drive_send(st, COMMAND_OPEN, NULL);
	drive_send(st, COMMAND_BACK, NULL);
	v = screen_view(st);
	text = drive_selected_text(st);
	want = mem_printf("OVERDUE: tell Bob C. what came of Carers' forum, due %s", due);
	assert_string_equal(text, want);
	free(text);
	free(want);

	/* Bob too: nothing is owed, and the feedback_overdue row is gone. */
	f.head.id = 0;
	f.person_id = bob;
	f.format = FORMAT_STANDARD;
	assert_int_equal(feedback_create(s, &f, NULL), ERROR_NONE);
	feedback_clear(&f);
	screen_rebuild(st);
	v = screen_view(st);
	assert_null(drive_section(v, "Feedback overdue, the oldest first"));
	assert_false(drive_has_row(v, "Carers' forum"));
	assert_string_equal(
	        v->summary,
	        "Nothing is owed: no feedback is overdue or due in the next 5 days, and "
	        "no payment or commitment is late.");
	/* The project is still there, not started. */
	text = drive_selected_text(st);
	assert_string_equal(text, "not started: Carers' strategy, 0 of 12 stages done");
	free(text);
	free(due);
	project_clear(&p);
	meeting_clear(&m);
	screen_stack_free(st);
}

static void on_the_demo_the_next_meeting_moves_up_once_one_is_told(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);
	struct screen_stack *st = open_today(db->store, full);
	struct view *v = screen_view(st);
	struct view_section *over = drive_section(v, "Feedback overdue, the oldest first");
	int64_t first = over->list.rows.v[0].id, second = over->list.rows.v[1].id;
	/* Everyone owed feedback for the first meeting is told. */
	struct rules_options opt = rules_options_default(date_today());
	opt.only = UINT64_C(1) << rules_index(rules_find("feedback_overdue"));
	opt.scope.kind = RULES_SCOPE_MEETING;
	opt.scope.id = first;
	assert_int_equal(
	        rules_run(db->store, drive_config(), &opt, drive_give_feedback, db->store, NULL),
	        ERROR_NONE);
	drive_send(st, COMMAND_OPEN, NULL);
	drive_send(st, COMMAND_BACK, NULL);
	v = screen_view(st);
	over = drive_section(v, "Feedback overdue, the oldest first");
	assert_int_equal(over->list.rows.v[0].id, second);
	for (size_t i = 0; i < over->list.rows.n; i++)
		assert_true(over->list.rows.v[i].id != first);
	screen_stack_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		        today_shows_the_most_urgent_first_as_the_rules_find_them, support_db_setup,
		        support_db_teardown),
		cmocka_unit_test_setup_teardown(each_open_project_shows_its_stages_in_words,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        opening_a_row_goes_to_its_meeting_payments_project_or_findings,
		        support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(the_actions_reach_the_parts_there_are,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(giving_feedback_takes_the_row_away,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        on_the_demo_the_next_meeting_moves_up_once_one_is_told, support_db_setup,
		        support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
