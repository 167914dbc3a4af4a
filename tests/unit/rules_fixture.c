/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_fixture: records through the core API and one-rule runs for the rule tests. */
#include "rules_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "attendance.h"
#include "budget_event.h"
#include "config.h"
#include "contribution.h"
#include "decision.h"
#include "feedback.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "project.h"
#include "registry.h"
#include "stage.h"
#include "vocab.h"

/* Fail the test with the sentence when code is not ERROR_NONE. */
static void fixture_ok(enum error_code code, const struct error *err, const char *doing)
{
	if (code != ERROR_NONE)
		fail_msg("%s: %s", doing, err->msg);
}

/* Copy a "YYYY-MM-DD" (or NULL: none) into a record's date field. */
static void fixture_date(char out[DATE_TEXT_SIZE], const char *text)
{
	snprintf(out, DATE_TEXT_SIZE, "%s", text ? text : "");
}

int32_t fixture_day(const char *text)
{
	int32_t day;
	struct error err;
	fixture_ok(date_parse(text, &day, &err), &err, "a test date");
	return day;
}

void fixture_config(struct fixture *fx, const char *text)
{
	char *path = support_path(fx->db->dir, "involve.conf");
	support_write_file(path, text, strlen(text));
	struct config_report report;
	struct config *conf = config_load(path, rules_ids(), &report);
	for (size_t i = 0; i < report.count; i++)
		print_message("settings problem: %s\n", report.problems[i]);
	assert_int_equal(report.count, 0);
	config_report_free(&report);
	free(path);
	config_free(fx->conf);
	fx->conf = conf;
	meeting_set_due_policy(config_calendar(conf), (int)config_int(conf, "feedback.due_days"));
}

int fixture_setup(void **state)
{
	struct fixture *fx = mem_calloc(1, sizeof *fx);
	void *db;
	support_db_setup(&db);
	fx->db = db;
	fx->s = fx->db->store;
	fx->conf = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(fx->conf),
	                       (int)config_int(fx->conf, "feedback.due_days"));
	rules_list_init(&fx->found);
	*state = fx;
	return 0;
}

int fixture_teardown(void **state)
{
	struct fixture *fx = *state;
	rules_list_free(&fx->found);
	config_free(fx->conf);
	void *db = fx->db;
	support_db_teardown(&db);
	free(fx);
	return 0;
}

int64_t fx_project(struct fixture *fx, const char *title, int kind)
{
	struct project p;
	project_init(&p);
	mem_replace(&p.title, title);
	p.kind = kind;
	struct error err;
	fixture_ok(project_create(fx->s, &p, &err), &err, "creating a project");
	int64_t id = p.head.id;
	project_clear(&p);
	return id;
}

int64_t fx_person(struct fixture *fx, const char *name, unsigned roles, int format)
{
	struct person p;
	person_init(&p);
	mem_replace(&p.name, name);
	p.roles = roles;
	p.preferred_format = format;
	struct error err;
	fixture_ok(person_create(fx->s, &p, &err), &err, "creating a person");
	int64_t id = p.head.id;
	person_clear(&p);
	return id;
}

int64_t fx_meeting(struct fixture *fx, int64_t project, int stage, const char *title,
                   const char *held_on)
{
	struct meeting m;
	meeting_init(&m);
	m.project_id = project;
	m.stage = stage;
	mem_replace(&m.title, title);
	fixture_date(m.held_on, held_on);
	m.status = MEETING_HELD;
	mem_replace(&m.purpose, "Hear what matters to people about day services.");
	mem_replace(&m.open_to_change, "Opening hours and activities.");
	struct error err;
	fixture_ok(meeting_create(fx->s, &m, &err), &err, "creating a meeting");
	int64_t id = m.head.id;
	meeting_clear(&m);
	return id;
}

void fx_set(struct fixture *fx, const char *table, int64_t id, const char *field, const char *text)
{
	struct error err;
	fixture_ok(record_set(fx->s, registry_find(table), id, field, text, &err), &err, field);
}

int64_t fx_attend(struct fixture *fx, int64_t meeting, int64_t person, int role, int attended)
{
	struct attendance a;
	attendance_init(&a);
	a.meeting_id = meeting;
	a.person_id = person;
	a.role = role;
	a.attended = attended;
	struct error err;
	fixture_ok(attendance_create(fx->s, &a, &err), &err, "recording attendance");
	int64_t id = a.head.id;
	attendance_clear(&a);
	return id;
}

int64_t fx_feedback(struct fixture *fx, int64_t meeting, int64_t person, const char *given_on,
                    int format)
{
	struct feedback f;
	feedback_init(&f);
	f.meeting_id = meeting;
	f.person_id = person;
	fixture_date(f.given_on, given_on);
	f.format = format;
	struct error err;
	fixture_ok(feedback_create(fx->s, &f, &err), &err, "recording feedback");
	int64_t id = f.head.id;
	feedback_clear(&f);
	return id;
}

int64_t fx_contribution(struct fixture *fx, int64_t meeting, int64_t person, const char *said,
                        int response, const char *reason)
{
	struct contribution c;
	contribution_init(&c);
	c.meeting_id = meeting;
	c.person_id = person;
	mem_replace(&c.said, said);
	c.response = response;
	if (reason)
		mem_replace(&c.reason, reason);
	struct error err;
	fixture_ok(contribution_create(fx->s, &c, &err), &err, "recording a contribution");
	int64_t id = c.head.id;
	contribution_clear(&c);
	return id;
}

int64_t fx_stage(struct fixture *fx, int64_t project, int stage, int status, bool agreed,
                 const char *agreed_on)
{
	struct stage st;
	stage_init(&st);
	st.project_id = project;
	st.stage = stage;
	st.status = status;
	if (agreed) {
		mem_replace(&st.purpose, "Agree what matters most to people.");
		mem_replace(&st.users_role, "Shape the options with commissioners.");
		mem_replace(&st.open_to_change, "How the service is run.");
		mem_replace(&st.who_decides, "The cabinet member, on the commissioner's advice.");
	}
	fixture_date(st.agreed_on, agreed_on);
	struct error err;
	fixture_ok(stage_create(fx->s, &st, &err), &err, "recording a stage");
	int64_t id = st.head.id;
	stage_clear(&st);
	return id;
}

int64_t fx_decision(struct fixture *fx, int64_t project, const char *title, const char *decided_on)
{
	struct decision d;
	decision_init(&d);
	d.project_id = project;
	mem_replace(&d.title, title);
	fixture_date(d.decided_on, decided_on);
	struct error err;
	fixture_ok(decision_create(fx->s, &d, &err), &err, "recording a decision");
	int64_t id = d.head.id;
	decision_clear(&d);
	return id;
}

int64_t fx_budget(struct fixture *fx, int64_t project, int kind, const char *on, const char *reason,
                  const char *told_on)
{
	struct budget_event b;
	budget_event_init(&b);
	b.project_id = project;
	b.kind = kind;
	fixture_date(b.occurred_on, on);
	if (reason)
		mem_replace(&b.reason, reason);
	fixture_date(b.told_on, told_on);
	struct error err;
	fixture_ok(budget_event_create(fx->s, &b, &err), &err, "recording a budget event");
	int64_t id = b.head.id;
	budget_event_clear(&b);
	return id;
}

int64_t fx_payment(struct fixture *fx, int64_t person, int64_t meeting, int kind, int64_t pence,
                   const char *claimed_on, const char *paid_on)
{
	struct payment p;
	payment_init(&p);
	p.person_id = person;
	p.meeting_id = meeting;
	p.kind = kind;
	p.amount_pence = pence;
	fixture_date(p.claimed_on, claimed_on);
	fixture_date(p.paid_on, paid_on);
	struct error err;
	fixture_ok(payment_create(fx->s, &p, &err), &err, "recording a payment");
	int64_t id = p.head.id;
	payment_clear(&p);
	return id;
}

int64_t fx_action(struct fixture *fx, int64_t project, int64_t meeting, const char *summary,
                  const char *due_on, const char *done_on)
{
	struct action a;
	action_init(&a);
	a.project_id = project;
	a.meeting_id = meeting;
	mem_replace(&a.summary, summary);
	fixture_date(a.due_on, due_on);
	fixture_date(a.done_on, done_on);
	struct error err;
	fixture_ok(action_create(fx->s, &a, &err), &err, "recording an action");
	int64_t id = a.head.id;
	action_clear(&a);
	return id;
}

size_t fixture_run(struct fixture *fx, const char *id, const char *today,
                   const struct rules_scope *scope)
{
	const struct rule *r = rules_find(id);
	assert_non_null(r);
	struct rules_options opt = rules_options_default(fixture_day(today));
	opt.only = UINT64_C(1) << rules_index(r);
	if (scope)
		opt.scope = *scope;
	rules_list_free(&fx->found);
	rules_list_init(&fx->found);
	struct error err;
	fixture_ok(rules_run(fx->s, fx->conf, &opt, rules_list_add, &fx->found, &err), &err, id);
	for (size_t i = 0; i < fx->found.count; i++)
		assert_ptr_equal(fixture_found(fx, i)->rule, r);
	return fx->found.count;
}

const struct finding *fixture_found(struct fixture *fx, size_t i)
{
	assert_true(i < fx->found.count);
	rules_list_get(&fx->found, i, &fx->view);
	return &fx->view;
}
