/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The projects list, the project overview and the stage screens, driven
 * headlessly through the command interface against real databases: the
 * demo, and small ones built with the core API.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "attendance.h"
#include "budget_event.h"
#include "config.h"
#include "decision.h"
#include "demo.h"
#include "drive.h"
#include "meeting.h"
#include "mem.h"
#include "person.h"
#include "pressure.h"
#include "project.h"
#include "project_overview.h"
#include "projects.h"
#include "rules.h"
#include "screen.h"
#include "stage.h"
#include "stage_overview.h"
#include "stage_record.h"
#include "vocab.h"

static const struct screen *const screens[] = {
	&projects_screen,     &project_overview_screen, &stage_overview_screen, &pressure_screen,
	&budget_event_screen, &decision_screen,         &commitment_screen,     NULL,
};

/* A stand-in for the meeting screen another part of the program provides. */
static void fake_meeting_build(struct screen_ctx *c, struct view *v)
{
	view_title(v, "Meeting %lld", (long long)c->id);
	view_summary(v, "A stand-in.");
}
static const struct screen fake_meeting_screen = {
	.name = "meeting",
	.title = "Meeting",
	.build = fake_meeting_build,
};
static const struct screen *const screens_with_meeting[] = {
	&projects_screen,   &project_overview_screen, &stage_overview_screen,
	&pressure_screen,   &budget_event_screen,     &decision_screen,
	&commitment_screen, &fake_meeting_screen,     NULL,
};

/* The settings, as the program loads them with no file. */
static struct config *config;

static int group_setup(void **state)
{
	(void)state;
	config = config_load(NULL, rules_ids(), NULL);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	config_free(config);
	return 0;
}

/* Save text into the field named name, as leaving it after typing does. */
static struct view_field *save_field(struct screen_stack *st, const char *name, const char *text)
{
	drive_focus_field(st, name);
	drive_number(st, COMMAND_SAVE_FIELD, text, 0);
	size_t section, index;
	return view_find_field(screen_view(st), name, &section, &index);
}

/* The index of the section headed heading on the top screen; fails the test when none. */
static size_t section_named(struct screen_stack *st, const char *heading)
{
	struct view *v = screen_view(st);
	for (size_t i = 0; i < v->nsections; i++)
		if (strcmp(v->sections[i].heading, heading) == 0)
			return i;
	fail_msg("no section headed \"%s\" on \"%s\"", heading, v->title);
	return 0;
}

/* The row of section s whose label starts with label, or NULL. */
static const struct view_row *row_starting(struct screen_stack *st, size_t s, const char *label)
{
	struct view *v = screen_view(st);
	struct view_list *l = &v->sections[s].list;
	view_list_fill(v, &v->sections[s], 0, 200);
	for (size_t i = 0; i < l->rows.n; i++)
		if (strncmp(l->rows.v[i].label, label, strlen(label)) == 0)
			return &l->rows.v[i];
	return NULL;
}

/* Select the row of section s whose label starts with label. */
static void select_row(struct screen_stack *st, size_t s, const char *label)
{
	const struct view_row *r = row_starting(st, s, label);
	assert_non_null(r);
	struct view *v = screen_view(st);
	view_select_row(v, s, (size_t)(r - v->sections[s].list.rows.v));
}

/* The row of section s whose key (a finding's rule) is key, or NULL. */
static const struct view_row *row_keyed(struct screen_stack *st, size_t s, const char *key)
{
	struct view_list *l = &screen_view(st)->sections[s].list;
	for (size_t i = 0; i < l->rows.n; i++)
		if (strcmp(l->rows.v[i].key, key) == 0)
			return &l->rows.v[i];
	return NULL;
}

/* The selected row read as one line, as the text mode prints it. */
static char *selected_text(struct screen_stack *st)
{
	const struct view_row *r = view_selected_row(screen_view(st));
	assert_non_null(r);
	return view_row_text(r);
}

static void build_demo(struct store *s)
{
	struct error err;
	assert_int_equal(demo_build(s, 1, date_today(), NULL, &err), ERROR_NONE);
}

/* A project with one stage record at stage, status given; returns the stage record's id. */
static int64_t make_stage(struct store *s, const char *title, int stage, int status)
{
	struct project p;
	project_init(&p);
	mem_replace(&p.title, title);
	assert_int_equal(project_create(s, &p, NULL), ERROR_NONE);
	int64_t id = 0;
	assert_int_equal(stage_ensure(s, p.head.id, stage, &id, NULL), ERROR_NONE);
	struct stage st;
	assert_int_equal(stage_get(s, id, &st, NULL), ERROR_NONE);
	st.status = status;
	assert_int_equal(stage_update(s, &st, NULL), ERROR_NONE);
	stage_clear(&st);
	project_clear(&p);
	return id;
}

/* A stack showing the stage screen about stage record id. */
static struct screen_stack *open_stage(struct store *s, int64_t id)
{
	struct screen_stack *st = screen_stack_new(screens, s, config);
	assert_true(screen_push(st, "stage", id));
	return st;
}

static void the_projects_list_reads_each_projects_stages_in_words(void **state)
{
	struct support_db *db = *state;
	build_demo(db->store);
	struct screen_stack *st = screen_stack_new(screens, db->store, config);
	assert_true(screen_push(st, "projects", 0));
	struct view *v = screen_view(st);
	assert_non_null(strstr(v->summary, "20 projects"));
	/* A stage missing its agreement puts "missing" first, and names the stage. */
	drive_send(st, COMMAND_FIND, "Mental health crisis");
	char *text = selected_text(st);
	assert_string_equal(text, "missing: Mental health crisis pathway, active: test missing "
	                          "agreement; done: framework, context, needs; 8 not started");
	free(text);
	assert_int_equal(view_selected_row(v)->tone, VIEW_TONE_WARN);
	/* A done stage with no service user or carer at its meetings. */
	drive_send(st, COMMAND_FIND, "Advocacy");
	text = selected_text(st);
	assert_string_equal(text,
	                    "missing: Advocacy services recommissioning, active: procurement; "
	                    "done: framework, needs, priorities, decisions missing users; 7 "
	                    "not started");
	free(text);
	/* All well: no status word, where the work is first. */
	drive_send(st, COMMAND_FIND, "Carers' strategy");
	text = selected_text(st);
	assert_string_equal(text,
	                    "Carers' strategy 2026 to 2029, active: monitoring; done: "
	                    "framework, needs, strategy, priorities, decisions; 6 not started");
	free(text);
	/* Closed projects say so first and give the date last. */
	drive_send(st, COMMAND_FIND, "Eastbrook");
	text = selected_text(st);
	assert_string_equal(text, "closed: Eastbrook Day Centre closure, done: framework, context, "
	                          "needs, decisions, commission, monitoring; 6 not started, closed "
	                          "2024-09-23");
	free(text);
	/* A skipped stage is named as skipped. */
	drive_send(st, COMMAND_FIND, "Somali");
	assert_non_null(strstr(view_selected_row(v)->value, "skipped: commission"));
	screen_stack_free(st);
}

static void the_strip_follows_the_configured_order(void **state)
{
	struct support_db *db = *state;
	build_demo(db->store);
	struct config_report report;
	struct config *moved =
	        config_load_text("stages = ( { key = \"needs\"; label = \"What people need\"; },"
	                         " { key = \"framework\"; label = \"How we work together\"; },"
	                         " { key = \"context\"; label = \"Operating context\"; },"
	                         " { key = \"test\"; label = \"Test and refine\"; } );",
	                         "test.conf", rules_ids(), &report);
	assert_int_equal(report.count, 0);
	config_report_free(&report);
	struct screen_stack *st = screen_stack_new(screens, db->store, moved);
	assert_true(screen_push(st, "projects", 0));
	drive_send(st, COMMAND_FIND, "Mental health crisis");
	/* Stages left out of the configuration are left out of the strip and of the count. */
	assert_string_equal(view_selected_row(screen_view(st))->value,
	                    "active: test missing agreement; done: needs, framework, context");
	drive_send(st, COMMAND_OPEN, NULL);
	struct view *v = screen_view(st);
	size_t stages = section_named(st, "Stages");
	assert_int_equal(v->sections[stages].list.rows.n, 4);
	assert_string_equal(v->sections[stages].list.rows.v[0].label, "What people need");
	assert_string_equal(v->sections[stages].list.rows.v[1].label, "How we work together");
	/* Next stage goes round the configured order: test is last, then needs again. */
	select_row(st, stages, "Test and refine");
	drive_send(st, COMMAND_OPEN, NULL);
	assert_string_equal(screen_view(st)->title,
	                    "Mental health crisis pathway: Test and refine, stage 4 of 4");
	drive_key(st, 'n');
	assert_string_equal(screen_view(st)->title,
	                    "Mental health crisis pathway: What people need, stage 1 of 4");
	screen_stack_free(st);
	config_free(moved);
}

static void opening_a_project_then_a_stage(void **state)
{
	struct support_db *db = *state;
	build_demo(db->store);
	struct screen_stack *st = screen_stack_new(screens, db->store, config);
	assert_true(screen_push(st, "projects", 0));
	drive_send(st, COMMAND_FIND, "Mental health crisis");
	drive_send(st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_depth(st), 2);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Project: Mental health crisis pathway");
	assert_non_null(strstr(v->summary, "1 stage missing an agreement or users"));
	/* The stages in the configured order, each saying what it is missing. */
	size_t stages = section_named(st, "Stages");
	assert_int_equal(v->sections[stages].list.rows.n, config_stage_count(config));
	for (size_t i = 0; i < config_stage_count(config); i++)
		assert_string_equal(v->sections[stages].list.rows.v[i].label,
		                    config_stage_label(config, config_stage_at(config, i)));
	const struct view_row *test = row_starting(st, stages, "Test and refine");
	assert_string_equal(test->status, "active");
	assert_int_equal(test->tone, VIEW_TONE_WARN);
	assert_non_null(strstr(test->value, "missing agreement"));
	const struct view_row *framework = &v->sections[stages].list.rows.v[0];
	assert_string_equal(framework->status, "done");
	assert_string_equal(framework->date, "agreed 2026-02-15");
	/* The project's findings, with their severity words, most serious first. */
	size_t findings = section_named(st, "Findings");
	assert_true(v->sections[findings].list.rows.n > 5);
	assert_string_equal(v->sections[findings].list.rows.v[0].status, "error");
	assert_non_null(row_keyed(st, findings, "stage_no_agreement"));
	/* Opening a finding explains its rule. */
	select_row(st, findings, "Agree the purpose");
	drive_send(st, COMMAND_OPEN, NULL);
	assert_non_null(strstr(v->message, "Stage without an agreement"));
	assert_int_equal(screen_depth(st), 2);

	/* Opening a stage: the stage screen, saying where it is. */
	select_row(st, stages, "Test and refine");
	drive_send(st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_depth(st), 3);
	v = screen_view(st);
	assert_string_equal(v->title,
	                    "Mental health crisis pathway: Test and refine, stage 7 of 12");
	assert_non_null(strstr(v->summary, "Active; the agreement is missing the purpose"));
	findings = section_named(st, "Findings");
	assert_non_null(row_keyed(st, findings, "stage_no_agreement"));
	/* Only this stage's findings: no payment owed for the framework meetings. */
	assert_null(row_starting(st, findings, "Pay Ling H."));
	size_t meetings = section_named(st, "Meetings, newest first");
	const struct view_row *m = &v->sections[meetings].list.rows.v[0];
	assert_string_equal(m->date, "2026-12-30");
	assert_string_equal(m->status, "planned");
	/* Held meetings say how many came and what feedback is owed. */
	const struct view_row *due = row_starting(st, meetings, "Crisis pathway: trying it out");
	while (due && strcmp(due->status, "due soon") != 0)
		due++;
	assert_non_null(due);
	char *text = view_row_text(due);
	/* Each thing once: the status says due soon (so it was held), the value who is owed. */
	assert_non_null(strstr(text, "due soon: Crisis pathway: trying it out"));
	assert_non_null(strstr(text, " came, 3 owed feedback, 2026-10-27"));
	assert_null(strstr(strstr(text, "due soon") + 1, "due soon"));
	assert_null(strstr(text, "held"));
	free(text);
	/* Without a meeting screen, opening a meeting says so, and add is not offered. */
	view_select_row(v, meetings, 0);
	drive_send(st, COMMAND_OPEN, NULL);
	assert_non_null(strstr(v->message, "cannot open meetings"));
	assert_null(view_action_find(v, 'a', NULL));

	/* Next and previous stage stay on the same screen and say where they are. */
	drive_key(st, 'n');
	assert_int_equal(screen_depth(st), 3);
	assert_string_equal(v->title,
	                    "Mental health crisis pathway: Decision points, stage 8 of 12");
	assert_true(v->fresh);
	drive_send(st, COMMAND_ACTION, "backward");
	drive_send(st, COMMAND_ACTION, "backward");
	assert_string_equal(v->title,
	                    "Mental health crisis pathway: Agree priorities, stage 6 of 12");
	/* Back goes to the project, where the stages visited are now recorded (not started). */
	drive_send(st, COMMAND_BACK, NULL);
	assert_int_equal(screen_depth(st), 2);
	assert_string_equal(screen_view(st)->title, "Project: Mental health crisis pathway");
	screen_stack_free(st);
}

static void the_agreement_is_saved_field_by_field_and_its_findings_follow(void **state)
{
	struct support_db *db = *state;
	int64_t id = make_stage(db->store, "Carers' breaks", STAGE_NEEDS, STAGE_ACTIVE);
	struct screen_stack *st = open_stage(db->store, id);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Carers' breaks: Needs assessment, stage 3 of 12");
	size_t findings = section_named(st, "Findings");
	assert_non_null(row_keyed(st, findings, "stage_no_agreement"));
	assert_non_null(strstr(v->summary, "the agreement is missing the purpose, the users' role, "
	                                   "what is and is not open to change and who decides"));
	save_field(st, "purpose", "Find out what carers need from a break.");
	assert_string_equal(v->message,
	                    "Saved the purpose: Find out what carers need from a break.");
	save_field(st, "users_role", "Say what a good break looks like.");
	save_field(st, "open_to_change", "What kinds of break we buy.");
	/* Part of the agreement is not news: the same finding, a shorter list of gaps. */
	assert_string_equal(v->message, "Saved open to change: What kinds of break we buy.");
	/* Still missing one part: the finding stays, and the summary names the gap. */
	assert_non_null(row_keyed(st, findings, "stage_no_agreement"));
	assert_non_null(strstr(v->summary, "the agreement is missing who decides"));
	/* A date that is not one is refused under its field; focus stays, nothing is written. */
	struct view_field *f = save_field(st, "agreed_on", "2026-02-30");
	assert_non_null(strstr(f->error, "2026-02-30"));
	assert_string_equal(view_focused_field(v)->name, "agreed_on");
	struct stage rec;
	assert_int_equal(stage_get(db->store, id, &rec, NULL), ERROR_NONE);
	assert_string_equal(rec.agreed_on, "");
	stage_clear(&rec);
	f = save_field(st, "agreed_on", "2026-02-28");
	assert_string_equal(f->error, "");
	/* The last part: the finding goes, and the summary says it is agreed. */
	save_field(st, "who_decides", "The carers' commissioner.");
	assert_null(row_keyed(st, findings, "stage_no_agreement"));
	/* Said where the person is, after what was saved. */
	assert_non_null(strstr(v->message, "Saved who decides: The carers' commissioner. Put "
	                                   "right: Agree the purpose"));
	assert_string_equal(v->summary,
	                    "Active; agreed on 2026-02-28; nothing is owed or missing.");
	/* Marked done with no service user or carer at a held meeting: a new finding. */
	save_field(st, "status", "done");
	assert_non_null(row_keyed(st, findings, "stage_no_users"));
	assert_non_null(strstr(v->message, "New finding: Involve service users or carers"));
	/* A held meeting at the stage with a carer who came puts it right. */
	assert_int_equal(stage_get(db->store, id, &rec, NULL), ERROR_NONE);
	struct meeting m;
	meeting_init(&m);
	m.project_id = rec.project_id;
	m.stage = STAGE_NEEDS;
	m.status = MEETING_HELD;
	mem_replace(&m.title, "Carers' forum");
	memcpy(m.held_on, "2026-11-20", DATE_TEXT_SIZE);
	assert_int_equal(meeting_create(db->store, &m, NULL), ERROR_NONE);
	struct person p;
	person_init(&p);
	mem_replace(&p.name, "Łucja Wiśniewska");
	assert_int_equal(person_create(db->store, &p, NULL), ERROR_NONE);
	struct attendance a;
	attendance_init(&a);
	a.meeting_id = m.head.id;
	a.person_id = p.head.id;
	a.role = ROLE_CARER;
	a.attended = 1;
	assert_int_equal(attendance_create(db->store, &a, NULL), ERROR_NONE);
	screen_rebuild(st);
	assert_null(row_keyed(st, findings, "stage_no_users"));
	size_t meetings = section_named(st, "Meetings, newest first");
	char *text = view_row_text(&v->sections[meetings].list.rows.v[0]);
	assert_string_equal(text, "held: Carers' forum, 1 came, 2026-11-20");
	free(text);
	/* Every field went to the record. */
	stage_clear(&rec);
	assert_int_equal(stage_get(db->store, id, &rec, NULL), ERROR_NONE);
	assert_int_equal(rec.status, STAGE_DONE);
	assert_string_equal(rec.who_decides, "The carers' commissioner.");
	assert_string_equal(rec.agreed_on, "2026-02-28");
	stage_clear(&rec);
	attendance_clear(&a);
	person_clear(&p);
	meeting_clear(&m);
	screen_stack_free(st);
}

static void context_records_pressures(void **state)
{
	struct support_db *db = *state;
	int64_t id = make_stage(db->store, "Day services", STAGE_CONTEXT, STAGE_ACTIVE);
	struct screen_stack *st = open_stage(db->store, id);
	size_t list = section_named(st, "External pressures");
	assert_int_equal(screen_view(st)->sections[list].list.rows.n, 0);
	drive_send(st, COMMAND_ACTION, "record");
	assert_int_equal(screen_depth(st), 2);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Day services: new pressure");
	assert_true(v->walk);
	assert_string_equal(view_focused_field(v)->name, "summary");
	/* The summary is required: saving another field first creates nothing. */
	struct view_field *f = save_field(st, "source", "Council cabinet");
	assert_non_null(strstr(f->error, "summary"));
	assert_true(screen_top(st)->id < 0);
	int64_t n = -1;
	struct record_query all = { 0 };
	assert_int_equal(record_count(db->store, &pressure_kind, &all, &n, NULL), ERROR_NONE);
	assert_int_equal(n, 0);
	/* The summary first: the pressure is made, for this project, dated today. */
	drive_send(st, COMMAND_HOME, NULL);
	drive_number(st, COMMAND_SAVE_FIELD, "Savings target of 8% on day services", 1);
	int64_t pid = screen_top(st)->id;
	assert_true(pid > 0);
	assert_string_equal(v->title,
	                    "Day services: pressure Savings target of 8% on day services");
	assert_string_equal(view_focused_field(v)->name, "source");
	drive_number(st, COMMAND_SAVE_FIELD, "Council cabinet", 1);
	save_field(st, "shared_on", "2026-11-20");
	struct pressure p;
	assert_int_equal(pressure_get(db->store, pid, &p, NULL), ERROR_NONE);
	assert_string_equal(p.noted_on, "2026-11-22");
	assert_string_equal(p.source, "Council cabinet");
	struct stage rec;
	assert_int_equal(stage_get(db->store, id, &rec, NULL), ERROR_NONE);
	assert_int_equal(p.project_id, rec.project_id);
	stage_clear(&rec);
	pressure_clear(&p);
	/* Back on the stage: the pressure, shared, in the list. */
	drive_send(st, COMMAND_BACK, NULL);
	v = screen_view(st);
	char *text = view_row_text(&v->sections[list].list.rows.v[0]);
	assert_string_equal(text, "shared: Savings target of 8% on day services, Council cabinet, "
	                          "shared 2026-11-20");
	free(text);
	/* Open it again to change it: no walk through every field this time. */
	view_select_row(v, list, 0);
	drive_send(st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_top(st)->id, pid);
	assert_false(screen_view(st)->walk);
	save_field(st, "shared_on", "");
	drive_send(st, COMMAND_BACK, NULL);
	assert_string_equal(screen_view(st)->sections[list].list.rows.v[0].status, "not shared");
	screen_stack_free(st);
}

static void budget_events_refuse_a_bad_amount(void **state)
{
	struct support_db *db = *state;
	int64_t id = make_stage(db->store, "Home care", STAGE_BUDGET, STAGE_ACTIVE);
	struct screen_stack *st = open_stage(db->store, id);
	size_t list = section_named(st, "Budget events");
	drive_key(st, 'r');
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Home care: new budget event");
	struct view_field *f = save_field(st, "amount_pence", "twelve pounds");
	assert_non_null(strstr(f->error, "twelve pounds"));
	assert_string_equal(view_focused_field(v)->name, "amount_pence");
	assert_true(screen_top(st)->id < 0);
	f = save_field(st, "amount_pence", "1250.50");
	assert_string_equal(f->error, "");
	int64_t bid = screen_top(st)->id;
	assert_true(bid > 0);
	/* Once made, a bad amount is still refused and the one saved stays. */
	f = save_field(st, "amount_pence", "12.345");
	assert_true(*f->error);
	save_field(st, "kind", "withheld");
	struct budget_event b;
	assert_int_equal(budget_event_get(db->store, bid, &b, NULL), ERROR_NONE);
	assert_int_equal(b.amount_pence, 125050);
	assert_int_equal(b.kind, BUDGET_WITHHELD);
	assert_string_equal(b.occurred_on, "2026-11-22");
	budget_event_clear(&b);
	drive_send(st, COMMAND_BACK, NULL);
	v = screen_view(st);
	char *text = view_row_text(&v->sections[list].list.rows.v[0]);
	assert_string_equal(text, "withheld: £1,250.50, no reason recorded, participants not told, "
	                          "2026-11-22");
	free(text);
	/* Withheld without a reason is a finding of this stage. */
	assert_non_null(row_keyed(st, section_named(st, "Findings"), "budget_withheld_no_reason"));
	/* Finding in a list whose records have no name works on what the rows say. */
	struct budget_event other;
	assert_int_equal(budget_event_get(db->store, bid, &other, NULL), ERROR_NONE);
	other.head.id = 0;
	other.amount_pence = 9900;
	memcpy(other.occurred_on, "2026-11-23", DATE_TEXT_SIZE);
	assert_int_equal(budget_event_create(db->store, &other, NULL), ERROR_NONE);
	budget_event_clear(&other);
	screen_rebuild(st);
	view_select_row(v, list, 0);
	assert_string_equal(view_selected_row(v)->label, "£99.00");
	drive_send(st, COMMAND_FIND, "1,250");
	assert_int_equal(view_selected_row(v)->id, bid);
	drive_send(st, COMMAND_JUMP, "Z");
	assert_int_equal(view_selected_row(v)->id, bid);
	screen_stack_free(st);
}

static void decisions_belong_to_their_stage(void **state)
{
	struct support_db *db = *state;
	int64_t id = make_stage(db->store, "Respite beds", STAGE_PROCUREMENT, STAGE_ACTIVE);
	struct screen_stack *st = open_stage(db->store, id);
	size_t list = section_named(st, "Decisions");
	drive_send(st, COMMAND_ACTION, "record");
	struct view *v = screen_view(st);
	assert_string_equal(view_focused_field(v)->name, "title");
	drive_number(st, COMMAND_SAVE_FIELD, "Award the contract", 1);
	save_field(st, "users_present", "yes");
	save_field(st, "users_view_followed", "partly");
	save_field(st, "appeal_route_given", "no");
	struct decision d;
	assert_int_equal(decision_get(db->store, screen_top(st)->id, &d, NULL), ERROR_NONE);
	assert_int_equal(d.stage, STAGE_PROCUREMENT);
	decision_clear(&d);
	drive_send(st, COMMAND_BACK, NULL);
	v = screen_view(st);
	char *text = view_row_text(&v->sections[list].list.rows.v[0]);
	assert_string_equal(text, "view partly followed: Award the contract, users present, no "
	                          "appeal route given");
	free(text);
	/* The decisions stage lists its own decisions, not procurement's. */
	drive_key(st, 'p');
	assert_non_null(strstr(v->title, "Decision points"));
	list = section_named(st, "Decisions");
	assert_int_equal(v->sections[list].list.rows.n, 0);
	drive_key(st, 'n');
	assert_int_equal(v->sections[section_named(st, "Decisions")].list.rows.n, 1);
	screen_stack_free(st);
}

static void monitoring_keeps_commitments(void **state)
{
	struct support_db *db = *state;
	int64_t id = make_stage(db->store, "Meals service", STAGE_MONITORING, STAGE_ACTIVE);
	struct screen_stack *st = open_stage(db->store, id);
	size_t list = section_named(st, "Commitments to participants");
	drive_key(st, 'r');
	drive_number(st, COMMAND_SAVE_FIELD, "Check the hearing loop before the next meeting", 1);
	drive_number(st, COMMAND_SAVE_FIELD, "Jade T.", 1);
	drive_number(st, COMMAND_SAVE_FIELD, "2026-11-01", 1);
	drive_send(st, COMMAND_BACK, NULL);
	struct view *v = screen_view(st);
	char *text = view_row_text(&v->sections[list].list.rows.v[0]);
	assert_string_equal(text, "OVERDUE: Check the hearing loop before the next meeting, owner "
	                          "Jade T., due 2026-11-01");
	free(text);
	/* Done: said so, and the date it was done goes last. */
	view_select_row(v, list, 0);
	drive_send(st, COMMAND_OPEN, NULL);
	save_field(st, "done_on", "2026-11-20");
	drive_send(st, COMMAND_BACK, NULL);
	text = view_row_text(&v->sections[list].list.rows.v[0]);
	assert_string_equal(text, "done: Check the hearing loop before the next meeting, owner "
	                          "Jade T., done 2026-11-20");
	free(text);
	/* Delete asks first, naming the record; only records of the list can be deleted. */
	drive_focus_field(st, "purpose");
	drive_key(st, 'd');
	assert_null(v->question.text);
	assert_non_null(strstr(v->message, "Select a commitment"));
	view_select_row(v, list, 0);
	drive_key(st, 'd');
	assert_string_equal(
	        v->question.text,
	        "Delete the commitment Check the hearing loop before the next meeting?");
	drive_number(st, COMMAND_ANSWER, NULL, 0);
	assert_int_equal(v->sections[list].list.rows.n, 1);
	drive_key(st, 'd');
	drive_number(st, COMMAND_ANSWER, NULL, 1);
	assert_string_equal(
	        v->message,
	        "Deleted the commitment Check the hearing loop before the next meeting.");
	assert_int_equal(v->sections[list].list.rows.n, 0);
	screen_stack_free(st);
}

static void the_review_puts_its_learning_first(void **state)
{
	struct support_db *db = *state;
	int64_t id = make_stage(db->store, "Stroke pathway", STAGE_REVIEW, STAGE_ACTIVE);
	struct screen_stack *st = open_stage(db->store, id);
	struct view *v = screen_view(st);
	assert_string_equal(v->sections[0].heading, "What worked and what got in the way");
	assert_string_equal(view_focused_field(v)->name, "what_worked");
	drive_number(st, COMMAND_SAVE_FIELD, "Meeting in the day centre people already used.", 1);
	assert_string_equal(view_focused_field(v)->name, "what_got_in_the_way");
	drive_number(st, COMMAND_SAVE_FIELD, "Papers went out late twice.", 1);
	struct stage rec;
	assert_int_equal(stage_get(db->store, id, &rec, NULL), ERROR_NONE);
	assert_string_equal(rec.what_worked, "Meeting in the day centre people already used.");
	assert_string_equal(rec.what_got_in_the_way, "Papers went out late twice.");
	stage_clear(&rec);
	/* Other stages do not ask for it. */
	drive_key(st, 'p');
	size_t s, i;
	assert_null(view_find_field(v, "what_worked", &s, &i));
	screen_stack_free(st);
}

static void adding_a_meeting_opens_it(void **state)
{
	struct support_db *db = *state;
	int64_t id = make_stage(db->store, "Day services", STAGE_NEEDS, STAGE_ACTIVE);
	struct screen_stack *st = screen_stack_new(screens_with_meeting, db->store, config);
	assert_true(screen_push(st, "stage", id));
	struct view *v = screen_view(st);
	assert_non_null(view_action_find(v, 'a', NULL));
	drive_send(st, COMMAND_ACTION, "add");
	assert_int_equal(screen_depth(st), 2);
	int64_t mid = screen_top(st)->id;
	struct meeting m;
	assert_int_equal(meeting_get(db->store, mid, &m, NULL), ERROR_NONE);
	assert_string_equal(m.title, "New meeting");
	assert_string_equal(m.held_on, "2026-11-22");
	assert_int_equal(m.status, MEETING_HELD);
	assert_int_equal(m.stage, STAGE_NEEDS);
	meeting_clear(&m);
	drive_send(st, COMMAND_BACK, NULL);
	size_t meetings = section_named(st, "Meetings, newest first");
	assert_int_equal(v->sections[meetings].list.rows.v[0].id, mid);
	view_select_row(v, meetings, 0);
	drive_send(st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_top(st)->id, mid);
	screen_stack_free(st);
}

static void a_stage_with_thousands_of_meetings_pages(void **state)
{
	struct support_db *db = *state;
	int64_t id = make_stage(db->store, "Big consultation", STAGE_NEEDS, STAGE_ACTIVE);
	struct stage rec;
	assert_int_equal(stage_get(db->store, id, &rec, NULL), ERROR_NONE);
	assert_int_equal(store_begin(db->store, NULL), ERROR_NONE);
	for (int i = 0; i < 3000; i++) {
		struct meeting m;
		meeting_init(&m);
		m.project_id = rec.project_id;
		m.stage = STAGE_NEEDS;
		m.status = MEETING_PLANNED;
		m.head.id = 0;
		free(m.title);
		m.title = mem_printf("Drop-in %04d", i);
		date_format(date_today() + 1 + i, m.held_on);
		assert_int_equal(meeting_create(db->store, &m, NULL), ERROR_NONE);
		meeting_clear(&m);
	}
	assert_int_equal(store_commit(db->store, NULL), ERROR_NONE);
	stage_clear(&rec);
	struct screen_stack *st = open_stage(db->store, id);
	struct view *v = screen_view(st);
	size_t meetings = section_named(st, "Meetings, newest first");
	assert_true(v->sections[meetings].list.rows.n < 100);
	view_select_row(v, meetings, 0);
	assert_string_equal(view_selected_row(v)->label, "Drop-in 2999");
	drive_send(st, COMMAND_END, NULL);
	assert_string_equal(view_selected_row(v)->label, "Drop-in 0000");
	assert_true(v->sections[meetings].list.rows.n < 200);
	screen_stack_free(st);
}

static void a_project_with_records_is_not_deleted(void **state)
{
	struct support_db *db = *state;
	int64_t id = make_stage(db->store, "Busy project", STAGE_NEEDS, STAGE_ACTIVE);
	make_stage(db->store, "Quiet project", STAGE_NEEDS, STAGE_NOT_STARTED);
	struct stage rec;
	assert_int_equal(stage_get(db->store, id, &rec, NULL), ERROR_NONE);
	struct meeting m;
	meeting_init(&m);
	m.project_id = rec.project_id;
	mem_replace(&m.title, "Carers' forum");
	memcpy(m.held_on, "2026-11-20", DATE_TEXT_SIZE);
	assert_int_equal(meeting_create(db->store, &m, NULL), ERROR_NONE);
	meeting_clear(&m);
	stage_clear(&rec);
	struct screen_stack *st = screen_stack_new(screens, db->store, config);
	assert_true(screen_push(st, "projects", 0));
	struct view *v = screen_view(st);
	/* Deleting a project would take its meetings and agreements with it: refused, saying why.
	 */
	drive_send(st, COMMAND_FIND, "Busy");
	drive_key(st, 'd');
	assert_null(v->question.text);
	assert_string_equal(v->message, "The project Busy project cannot be deleted: it has 1 "
	                                "meeting and 1 stage begun or agreed recorded.");
	/* A stage record made only by looking at the stage does not keep a project. */
	drive_send(st, COMMAND_FIND, "Quiet");
	drive_key(st, 'd');
	assert_string_equal(v->question.text, "Delete the project Quiet project?");
	drive_number(st, COMMAND_ANSWER, NULL, 1);
	assert_int_equal(project_find(db->store, "Quiet project"), 0);
	assert_true(project_find(db->store, "Busy project") != 0);
	screen_stack_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		        the_projects_list_reads_each_projects_stages_in_words, support_db_setup,
		        support_db_teardown),
		cmocka_unit_test_setup_teardown(the_strip_follows_the_configured_order,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(opening_a_project_then_a_stage, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        the_agreement_is_saved_field_by_field_and_its_findings_follow,
		        support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(context_records_pressures, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(budget_events_refuse_a_bad_amount, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(decisions_belong_to_their_stage, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(monitoring_keeps_commitments, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(the_review_puts_its_learning_first,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(adding_a_meeting_opens_it, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(a_stage_with_thousands_of_meetings_pages,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(a_project_with_records_is_not_deleted,
		                                support_db_setup, support_db_teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
