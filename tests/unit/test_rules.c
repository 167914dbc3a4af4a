/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Rules, part one: the table itself, the engine (scopes, settings, severity
 * overrides, lists, clean text), and the feedback, stage and decision rules,
 * each with a case where it fires and a close case where it must not.
 */
#include "rules_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget_event.h"
#include "config.h"
#include "contribution.h"
#include "decision.h"
#include "meeting.h"
#include "mem.h"
#include "project.h"
#include "stage.h"
#include "text.h"
#include "vocab.h"

#define USER  (1u << ROLE_SERVICE_USER)
#define CARER (1u << ROLE_CARER)
#define STAFF (1u << ROLE_COMMISSIONER)

/* ---- the table ---- */

/* The ids, severities and order of DESIGN §4: config, exports and tests rely on them. */
static void test_table_matches_the_catalogue(void **state)
{
	(void)state;
	static const struct {
		const char *id;
		enum rule_severity sev;
	} catalogue[] = {
		{ "feedback_overdue", RULE_ERROR },
		{ "feedback_due_soon", RULE_WARNING },
		{ "response_missing_reason", RULE_ERROR },
		{ "contribution_unanswered", RULE_WARNING },
		{ "feedback_wrong_format", RULE_WARNING },
		{ "stage_no_agreement", RULE_WARNING },
		{ "stage_no_users", RULE_WARNING },
		{ "stage_newcomers", RULE_INFO },
		{ "framework_first", RULE_ERROR },
		{ "review_skipped", RULE_ERROR },
		{ "budget_withheld_no_reason", RULE_ERROR },
		{ "budget_change_untold", RULE_ERROR },
		{ "decision_after_the_fact", RULE_ERROR },
		{ "decision_no_user_input", RULE_WARNING },
		{ "decision_no_appeal_route", RULE_WARNING },
		{ "meeting_lone_voice", RULE_WARNING },
		{ "meeting_purpose_unclear", RULE_WARNING },
		{ "meeting_papers_late", RULE_WARNING },
		{ "meeting_needs_unmet", RULE_ERROR },
		{ "meeting_jargon", RULE_INFO },
		{ "people_usual_suspects", RULE_WARNING },
		{ "people_no_newcomers", RULE_INFO },
		{ "person_fatigue", RULE_WARNING },
		{ "project_current_users_only", RULE_WARNING },
		{ "payment_overdue", RULE_ERROR },
		{ "payment_not_offered", RULE_INFO },
		{ "payment_benefits_check", RULE_WARNING },
		{ "action_overdue", RULE_WARNING },
		{ "consent_missing", RULE_WARNING },
		{ "retention_due", RULE_WARNING },
	};
	size_t n;
	const struct rule *table = rules_table(&n);
	assert_int_equal(n, sizeof catalogue / sizeof *catalogue);
	const char *const *ids = rules_ids();
	size_t nkeys;
	const struct config_key *keys = config_keys(&nkeys);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(table[i].id, catalogue[i].id);
		assert_string_equal(ids[i], catalogue[i].id);
		assert_int_equal(table[i].severity, catalogue[i].sev);
		assert_ptr_equal(rules_find(catalogue[i].id), &table[i]);
		assert_int_equal(rules_index(&table[i]), i);
		assert_true(strlen(table[i].title) > 5);
		assert_true(strlen(table[i].help) > 120);
		assert_non_null(table[i].check);
		/* Every setting a rule names exists, and the help mentions it. */
		for (size_t k = 0; table[i].keys[k]; k++) {
			bool known = false;
			for (size_t j = 0; j < nkeys; j++)
				known |= strcmp(keys[j].name, table[i].keys[k]) == 0;
			if (!known)
				fail_msg("%s reads an unknown setting %s", table[i].id,
				         table[i].keys[k]);
		}
	}
	assert_null(ids[n]);
	assert_null(rules_find("no_such_rule"));
	assert_int_equal(rules_severity_find("warning"), RULE_WARNING);
	assert_int_equal(rules_severity_find("Warning"), -1);
	assert_string_equal(rules_severity_name(RULE_INFO), "info");
}

/* The help texts carry the sources' reasons, not just a restatement of the rule. */
static void test_help_says_why(void **state)
{
	(void)state;
	assert_non_null(strstr(rules_find("feedback_overdue")->help,
	                       "Missing feedback is the main cause of cynicism and withdrawal"));
	assert_non_null(strstr(rules_find("budget_withheld_no_reason")->help,
	                       "If the budgetary information cannot be given, then it is "
	                       "important to explain why"));
	assert_non_null(strstr(rules_find("budget_change_untold")->help, "meals-on-wheels"));
	assert_non_null(strstr(rules_find("review_skipped")->help,
	                       "Review is the key to keeping both service users and "
	                       "commissioners engaged"));
}

/* Unknown rule ids in a settings file are reported once the loader knows the ids. */
static void test_config_knows_rule_ids(void **state)
{
	struct fixture *fx = *state;
	char *path = support_path(fx->db->dir, "bad.conf");
	const char *text = "rules = { feedback_overdue = { enabled = false; };\n"
	                   "  feedback_overdew = { enabled = false; }; };\n";
	support_write_file(path, text, strlen(text));
	struct config_report report;
	struct config *conf = config_load(path, rules_ids(), &report);
	assert_int_equal(report.count, 1);
	assert_non_null(strstr(report.problems[0], "feedback_overdew"));
	assert_false(config_rule_enabled(conf, "feedback_overdue"));
	config_report_free(&report);
	config_free(conf);
	free(path);
}

/* ---- feedback ---- */

/* The example of DESIGN §3: held 2026-10-01, due 20 working days later, 2026-10-29. */
static void test_feedback_overdue_fires(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Day services workshop", "2026-10-01");
	fx_attend(fx, m, ann, ROLE_SERVICE_USER, 1);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-01", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_string_equal(f->message, "Tell Ann B. what came of Day services workshop "
	                                "(2026-10-01): due 2026-10-29, 3 days overdue.");
	assert_int_equal(f->due, fixture_day("2026-10-29"));
	assert_int_equal(f->days, -3);
	assert_int_equal(f->severity, RULE_ERROR);
	assert_int_equal(f->project_id, p);
	assert_string_equal(f->project, "Day services redesign");
	assert_int_equal(f->stage, STAGE_NEEDS);
	assert_string_equal(f->stage_label, "Needs assessment");
	assert_int_equal(f->meeting_id, m);
	assert_int_equal(f->held_on, fixture_day("2026-10-01"));
	assert_int_equal(f->person_id, ann);
	assert_string_equal(f->person, "Ann B.");
	assert_string_equal(f->format, "standard print");
	/* On the due date itself it is due, not overdue. */
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-10-29", NULL), 0);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-10-30", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->days, -1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "1 day overdue."));
}

/* Given feedback, staff, absence, a planned meeting, an anonymised person: nothing owed. */
static void test_feedback_overdue_close_cases(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Day services workshop", "2026-10-01");
	int64_t told = fx_person(fx, "Told T.", USER, FORMAT_STANDARD);
	fx_attend(fx, m, told, ROLE_SERVICE_USER, 1);
	fx_feedback(fx, m, told, "2026-10-20", FORMAT_STANDARD);
	fx_attend(fx, m, fx_person(fx, "Officer O.", STAFF, FORMAT_STANDARD), ROLE_COMMISSIONER, 1);
	fx_attend(fx, m, fx_person(fx, "Absent A.", USER, FORMAT_STANDARD), ROLE_SERVICE_USER, 0);
	int64_t gone = fx_person(fx, "Gone G.", USER, FORMAT_STANDARD);
	fx_attend(fx, m, gone, ROLE_SERVICE_USER, 1);
	fx_set(fx, "person", gone, "anonymised", "yes");
	int64_t planned = fx_meeting(fx, p, STAGE_NEEDS, "Planned forum", "2026-10-02");
	fx_set(fx, "meeting", planned, "status", "planned");
	fx_attend(fx, planned, fx_person(fx, "Future F.", USER, FORMAT_STANDARD), ROLE_SERVICE_USER,
	          1);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", NULL), 0);
	/* A carer is owed feedback as much as a service user. */
	fx_attend(fx, m, fx_person(fx, "Carer C.", CARER, FORMAT_EASY_READ), ROLE_CARER, 1);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", NULL), 1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, ", in easy read: due"));
}

/* A due date set by hand is the one used; the boundary is today against yesterday. */
static void test_feedback_due_date_by_hand(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Carers strategy", PROJECT_NEW_SERVICE);
	int64_t m = fx_meeting(fx, p, STAGE_PRIORITIES, "Carers' forum", "2026-11-02");
	fx_set(fx, "meeting", m, "feedback_due_fixed", "yes");
	fx_set(fx, "meeting", m, "feedback_due_on", "2026-11-22");
	fx_attend(fx, m, fx_person(fx, "Bob C.", CARER, FORMAT_STANDARD), ROLE_CARER, 1);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", NULL), 0);
	assert_int_equal(fixture_run(fx, "feedback_due_soon", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->days, 0);
	assert_non_null(strstr(fixture_found(fx, 0)->message, ": due today, 2026-11-22."));
	fx_set(fx, "meeting", m, "feedback_due_on", "2026-11-21");
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->days, -1);
	assert_int_equal(fixture_run(fx, "feedback_due_soon", "2026-11-22", NULL), 0);
}

/* Due soon looks feedback.warn_days ahead: the fifth day is in, the sixth is not. */
static void test_feedback_due_soon_window(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Carers strategy", PROJECT_NEW_SERVICE);
	int64_t m = fx_meeting(fx, p, STAGE_PRIORITIES, "Carers' forum", "2026-11-02");
	fx_set(fx, "meeting", m, "feedback_due_fixed", "yes");
	fx_set(fx, "meeting", m, "feedback_due_on", "2026-11-27");
	fx_attend(fx, m, fx_person(fx, "Bob C.", CARER, FORMAT_STANDARD), ROLE_CARER, 1);
	assert_int_equal(fixture_run(fx, "feedback_due_soon", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->days, 5);
	assert_int_equal(fixture_found(fx, 0)->severity, RULE_WARNING);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "due 2026-11-27, 5 days left."));
	assert_int_equal(fixture_run(fx, "feedback_due_soon", "2026-11-21", NULL), 0);
	/* A caller (involve due --within) can look further ahead. */
	struct rules_options opt = rules_options_default(fixture_day("2026-11-21"));
	opt.only = UINT64_C(1) << rules_index(rules_find("feedback_due_soon"));
	opt.feedback_within = 6;
	struct rules_list l;
	rules_list_init(&l);
	assert_int_equal(rules_run(fx->s, fx->conf, &opt, rules_list_add, &l, NULL), ERROR_NONE);
	assert_int_equal(l.count, 1);
	rules_list_free(&l);
	fixture_config(fx, "feedback = { warn_days = 6; };");
	assert_int_equal(fixture_run(fx, "feedback_due_soon", "2026-11-21", NULL), 1);
}

/*
 * Working days skip weekends and calendar.holidays: held Friday 2026-11-27,
 * 20 working days run over Christmas (25th and 28th are holidays) to 29 December.
 */
static void test_feedback_due_skips_holidays(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Carers strategy", PROJECT_NEW_SERVICE);
	int64_t m = fx_meeting(fx, p, STAGE_PRIORITIES, "Winter forum", "2026-11-27");
	fx_attend(fx, m, fx_person(fx, "Bob C.", CARER, FORMAT_STANDARD), ROLE_CARER, 1);
	assert_int_equal(fixture_run(fx, "feedback_due_soon", "2026-12-24", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->due, fixture_day("2026-12-29"));
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-12-29", NULL), 0);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-12-30", NULL), 1);
	/* Without the holidays the same meeting falls due on Christmas Day. */
	fixture_config(fx, "calendar = { holidays = [ ]; };");
	int64_t m2 = fx_meeting(fx, p, STAGE_PRIORITIES, "Winter forum, second", "2026-11-27");
	fx_attend(fx, m2, fx_person(fx, "Dee D.", CARER, FORMAT_STANDARD), ROLE_CARER, 1);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-12-26", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->meeting_id, m2);
	assert_int_equal(fixture_found(fx, 0)->due, fixture_day("2026-12-25"));
}

/* "What is not possible and why": partly or not possible needs a reason; adopted does not. */
static void test_response_missing_reason(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Day services workshop", "2026-10-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_contribution(fx, m, ann, "Open on Saturdays", RESPONSE_NOT_POSSIBLE, "  \n ");
	assert_int_equal(fixture_run(fx, "response_missing_reason", "2026-11-22", NULL), 1);
	assert_string_equal(fixture_found(fx, 0)->message,
	                    "Say why the answer to \"Open on Saturdays\" (Ann B. at Day services "
	                    "workshop, 2026-10-01) was \"not possible\": record the reason, so "
	                    "people hear what is not possible and why.");
	fx_contribution(fx, m, 0, "More buses", RESPONSE_PARTLY, NULL);
	assert_int_equal(fixture_run(fx, "response_missing_reason", "2026-11-22", NULL), 2);
	const struct finding *anon = fixture_found(fx, fixture_found(fx, 0)->person ? 1 : 0);
	assert_null(anon->person);
	assert_non_null(strstr(anon->message, "\"More buses\" (said anonymously at Day services"));
	/* Close cases: a reason given, or adopted with none needed. */
	int64_t other = fx_meeting(fx, p, STAGE_NEEDS, "Second workshop", "2026-10-08");
	fx_contribution(fx, other, ann, "Quiet room", RESPONSE_NOT_POSSIBLE,
	                "The building has no spare room; we asked the landlord.");
	fx_contribution(fx, other, ann, "Longer lunch", RESPONSE_ADOPTED, NULL);
	struct rules_scope scope = { RULES_SCOPE_MEETING, other, -1 };
	assert_int_equal(fixture_run(fx, "response_missing_reason", "2026-11-22", &scope), 0);
}

/* A point still pending counts once its meeting's feedback falls due, not before. */
static void test_contribution_unanswered(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Day services workshop", "2026-10-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_contribution(fx, m, ann, "Open on Saturdays", RESPONSE_PENDING, NULL);
	fx_contribution(fx, m, ann, "Longer lunch", RESPONSE_ADOPTED, NULL);
	assert_int_equal(fixture_run(fx, "contribution_unanswered", "2026-10-28", NULL), 0);
	assert_int_equal(fixture_run(fx, "contribution_unanswered", "2026-10-29", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->days, 0);
	assert_int_equal(f->severity, RULE_WARNING);
	assert_non_null(strstr(f->message, "Answer \"Open on Saturdays\""));
}

/* Feedback must reach people in their own format. */
static void test_feedback_wrong_format(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Day services workshop", "2026-10-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_EASY_READ);
	int64_t bob = fx_person(fx, "Bob C.", USER, FORMAT_LARGE_PRINT);
	fx_feedback(fx, m, ann, "2026-10-20", FORMAT_STANDARD);
	fx_feedback(fx, m, bob, "2026-10-20", FORMAT_LARGE_PRINT);
	assert_int_equal(fixture_run(fx, "feedback_wrong_format", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->person_id, ann);
	assert_string_equal(fixture_found(fx, 0)->message,
	                    "Give Ann B. what came of Day services workshop (2026-10-01) again, in "
	                    "easy read: it was given in standard print on 2026-10-20.");
	/* A translation is named by the person's language. */
	int64_t tom = fx_person(fx, "Tomasz W.", USER, FORMAT_TRANSLATED);
	fx_set(fx, "person", tom, "language", "Polish");
	fx_feedback(fx, m, tom, "2026-10-21", FORMAT_STANDARD);
	struct rules_scope scope = { RULES_SCOPE_PERSON, tom, -1 };
	assert_int_equal(fixture_run(fx, "feedback_wrong_format", "2026-11-22", &scope), 1);
	assert_string_equal(fixture_found(fx, 0)->format, "Polish");
	assert_non_null(strstr(fixture_found(fx, 0)->message, "again, in Polish: it was given"));
}

/* ---- stages and projects ---- */

static void test_stage_no_agreement(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t st = fx_stage(fx, p, STAGE_NEEDS, STAGE_ACTIVE, false, NULL);
	fx_set(fx, "stage", st, "purpose", "Find out what people need.");
	fx_stage(fx, p, STAGE_BUDGET, STAGE_NOT_STARTED, false, NULL);
	fx_stage(fx, p, STAGE_PRIORITIES, STAGE_DONE, true, "2026-05-01");
	assert_int_equal(fixture_run(fx, "stage_no_agreement", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->stage, STAGE_NEEDS);
	assert_null(f->meeting);
	assert_string_equal(f->message,
	                    "Agree the purpose, users' role and boundaries of authority "
	                    "of Needs assessment for Day services redesign with the "
	                    "people involved: the users' role, what is and is not open "
	                    "to change and who decides are not recorded.");
	/* Either side of the boundary line will do: what is not open to change. */
	fx_set(fx, "stage", st, "users_role", "Say what works.");
	fx_set(fx, "stage", st, "not_open_to_change", "The building.");
	fx_set(fx, "stage", st, "who_decides", "The commissioner.");
	assert_int_equal(fixture_run(fx, "stage_no_agreement", "2026-11-22", NULL), 0);
}

static void test_stage_no_users(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	fx_stage(fx, p, STAGE_TEST, STAGE_DONE, true, "2026-05-01");
	fx_stage(fx, p, STAGE_NEEDS, STAGE_ACTIVE, true, "2026-05-01");
	int64_t m = fx_meeting(fx, p, STAGE_TEST, "Officers' review", "2026-06-01");
	fx_attend(fx, m, fx_person(fx, "Officer O.", STAFF, FORMAT_STANDARD), ROLE_COMMISSIONER, 1);
	int64_t planned = fx_meeting(fx, p, STAGE_TEST, "Users' session", "2026-12-01");
	fx_set(fx, "meeting", planned, "status", "planned");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_attend(fx, planned, ann, ROLE_SERVICE_USER, 1);
	assert_int_equal(fixture_run(fx, "stage_no_users", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->stage, STAGE_TEST);
	fx_attend(fx, m, ann, ROLE_SERVICE_USER, 1);
	assert_int_equal(fixture_run(fx, "stage_no_users", "2026-11-22", NULL), 0);
}

/* Newcomers after the agreement date; those who were there before are not newcomers. */
static void test_stage_newcomers(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t st = fx_stage(fx, p, STAGE_NEEDS, STAGE_ACTIVE, true, "2026-06-01");
	int64_t before = fx_meeting(fx, p, STAGE_NEEDS, "First workshop", "2026-05-01");
	int64_t on_day = fx_meeting(fx, p, STAGE_NEEDS, "Agreement meeting", "2026-06-01");
	int64_t after = fx_meeting(fx, p, STAGE_NEEDS, "Second workshop", "2026-07-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	int64_t bob = fx_person(fx, "Bob C.", USER, FORMAT_STANDARD);
	int64_t cy = fx_person(fx, "Cy D.", USER, FORMAT_STANDARD);
	fx_attend(fx, before, ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, after, ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, on_day, cy, ROLE_SERVICE_USER, 1);
	fx_attend(fx, after, cy, ROLE_SERVICE_USER, 1);
	fx_attend(fx, after, bob, ROLE_SERVICE_USER, 1);
	assert_int_equal(fixture_run(fx, "stage_newcomers", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->person_id, bob);
	assert_int_equal(f->severity, RULE_INFO);
	assert_non_null(strstr(f->message, "Bob C. first took part after it was agreed on "
	                                   "2026-06-01."));
	/* Seen from one person: Ann's screen has nothing, Bob's has it. */
	struct rules_scope scope = { RULES_SCOPE_PERSON, ann, -1 };
	assert_int_equal(fixture_run(fx, "stage_newcomers", "2026-11-22", &scope), 0);
	scope.id = bob;
	assert_int_equal(fixture_run(fx, "stage_newcomers", "2026-11-22", &scope), 1);
	/* Re-agreed with the newcomers: nothing left to do. */
	fx_set(fx, "stage", st, "agreed_on", "2026-07-01");
	assert_int_equal(fixture_run(fx, "stage_newcomers", "2026-11-22", NULL), 0);
}

static void test_framework_first(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Needs workshop", "2026-03-02");
	fx_meeting(fx, p, STAGE_FRAMEWORK, "Framework meeting", "2026-02-01");
	assert_int_equal(fixture_run(fx, "framework_first", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->meeting_id, m);
	assert_int_equal(f->stage, STAGE_FRAMEWORK);
	assert_non_null(strstr(f->message, "Needs workshop was held on 2026-03-02 with none "
	                                   "agreed."));
	/* Agreed the day after the first meeting: still too late. */
	int64_t st = fx_stage(fx, p, STAGE_FRAMEWORK, STAGE_DONE, true, "2026-03-03");
	assert_int_equal(fixture_run(fx, "framework_first", "2026-11-22", NULL), 1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "before the framework was agreed on "
	                                                      "2026-03-03."));
	/* Agreed on the day itself: in time. */
	fx_set(fx, "stage", st, "agreed_on", "2026-03-02");
	assert_int_equal(fixture_run(fx, "framework_first", "2026-11-22", NULL), 0);
	/* An agreement with a part missing is no agreement. */
	fx_set(fx, "stage", st, "who_decides", "");
	assert_int_equal(fixture_run(fx, "framework_first", "2026-11-22", NULL), 1);
}

static void test_review_skipped(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	fx_set(fx, "project", p, "closed_on", "2026-10-01");
	assert_int_equal(fixture_run(fx, "review_skipped", "2026-11-22", NULL), 1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "without its review stage done."));
	/* Not yet closed on the day asked about. */
	assert_int_equal(fixture_run(fx, "review_skipped", "2026-09-30", NULL), 0);
	/* Review done, but without users: still an error. */
	fx_stage(fx, p, STAGE_REVIEW, STAGE_DONE, true, "2026-09-01");
	int64_t m = fx_meeting(fx, p, STAGE_REVIEW, "Review day", "2026-09-15");
	fx_attend(fx, m, fx_person(fx, "Officer O.", STAFF, FORMAT_STANDARD), ROLE_COMMISSIONER, 1);
	assert_int_equal(fixture_run(fx, "review_skipped", "2026-11-22", NULL), 1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "its review was done without them."));
	fx_attend(fx, m, fx_person(fx, "Ann B.", USER, FORMAT_STANDARD), ROLE_SERVICE_USER, 1);
	assert_int_equal(fixture_run(fx, "review_skipped", "2026-11-22", NULL), 0);
}

static void test_project_current_users_only(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day centre closure", PROJECT_DECOMMISSIONING);
	int64_t n = fx_project(fx, "New carers' service", PROJECT_NEW_SERVICE);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Centre users' meeting", "2026-05-01");
	int64_t nm = fx_meeting(fx, n, STAGE_NEEDS, "Carers' meeting", "2026-05-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_attend(fx, m, ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, nm, ann, ROLE_SERVICE_USER, 1);
	assert_int_equal(fixture_run(fx, "project_current_users_only", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->project_id, p);
	/* A future user who came to a held meeting settles it. */
	int64_t fred = fx_person(fx, "Fred F.", 1u << ROLE_FUTURE_USER, FORMAT_STANDARD);
	fx_attend(fx, m, fred, ROLE_OTHER, 1);
	assert_int_equal(fixture_run(fx, "project_current_users_only", "2026-11-22", NULL), 0);
}

/* ---- budget and decisions ---- */

static void test_budget_withheld_no_reason(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Meals on wheels", PROJECT_REDESIGN);
	fx_budget(fx, p, BUDGET_WITHHELD, "2026-05-01", NULL, NULL);
	fx_budget(fx, p, BUDGET_WITHHELD, "2026-06-01", "Commercially sensitive until tender.",
	          NULL);
	fx_budget(fx, p, BUDGET_DISCLOSED, "2026-07-01", NULL, NULL);
	assert_int_equal(fixture_run(fx, "budget_withheld_no_reason", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->stage, STAGE_BUDGET);
	assert_non_null(strstr(f->message, "withheld on 2026-05-01"));
}

/* The meals-on-wheels case: a change while involvement is under way, told within 5 days. */
static void test_budget_change_untold(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Meals on wheels", PROJECT_REDESIGN);
	fx_meeting(fx, p, STAGE_NEEDS, "Consultation event", "2026-10-01");
	int64_t b = fx_budget(fx, p, BUDGET_CHANGED, "2026-11-16", "Savings target", NULL);
	/* Due 2026-11-21: one day overdue. */
	assert_int_equal(fixture_run(fx, "budget_change_untold", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->days, -1);
	assert_int_equal(fixture_found(fx, 0)->due, fixture_day("2026-11-21"));
	/* Changed a day later: due today, not yet overdue. */
	fx_set(fx, "budget_event", b, "occurred_on", "2026-11-17");
	assert_int_equal(fixture_run(fx, "budget_change_untold", "2026-11-22", NULL), 0);
	/* Told: nothing to do. */
	fx_set(fx, "budget_event", b, "occurred_on", "2026-11-01");
	assert_int_equal(fixture_run(fx, "budget_change_untold", "2026-11-22", NULL), 1);
	fx_set(fx, "budget_event", b, "told_on", "2026-11-03");
	assert_int_equal(fixture_run(fx, "budget_change_untold", "2026-11-22", NULL), 0);
	/* Before any involvement there was no one to tell. */
	fx_budget(fx, p, BUDGET_CHANGED, "2026-09-01", NULL, NULL);
	assert_int_equal(fixture_run(fx, "budget_change_untold", "2026-11-22", NULL), 0);
}

static void test_decision_after_the_fact(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day centre closure", PROJECT_DECOMMISSIONING);
	int64_t d = fx_decision(fx, p, "Close Elm Centre", "2026-10-10");
	int64_t late = fx_meeting(fx, p, STAGE_DECISIONS, "Consultation", "2026-10-11");
	int64_t same = fx_meeting(fx, p, STAGE_DECISIONS, "Same-day panel", "2026-10-10");
	struct meeting m;
	meeting_get(fx->s, late, &m, NULL);
	m.decision_id = d;
	assert_int_equal(meeting_update(fx->s, &m, NULL), ERROR_NONE);
	meeting_clear(&m);
	meeting_get(fx->s, same, &m, NULL);
	m.decision_id = d;
	assert_int_equal(meeting_update(fx->s, &m, NULL), ERROR_NONE);
	meeting_clear(&m);
	assert_int_equal(fixture_run(fx, "decision_after_the_fact", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->meeting_id, late);
	assert_non_null(strstr(fixture_found(fx, 0)->message,
	                       "\"Close Elm Centre\" had already been decided on 2026-10-10"));
}

static void test_decision_no_user_input(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day centre closure", PROJECT_DECOMMISSIONING);
	int64_t d = fx_decision(fx, p, "Close Elm Centre", "2026-10-10");
	int64_t present = fx_decision(fx, p, "Keep the minibus", "2026-10-10");
	fx_set(fx, "decision", present, "users_present", "yes");
	fx_decision(fx, p, "Not yet taken", NULL);
	assert_int_equal(fixture_run(fx, "decision_no_user_input", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->stage, STAGE_DECISIONS);
	/* A contribution linked to it is user input. */
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Consultation", "2026-09-01");
	struct contribution c;
	contribution_init(&c);
	c.meeting_id = m;
	c.decision_id = d;
	mem_replace(&c.said, "Keep a drop-in");
	assert_int_equal(contribution_create(fx->s, &c, NULL), ERROR_NONE);
	contribution_clear(&c);
	assert_int_equal(fixture_run(fx, "decision_no_user_input", "2026-11-22", NULL), 0);
}

static void test_decision_no_appeal_route(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day centre closure", PROJECT_DECOMMISSIONING);
	int64_t against = fx_decision(fx, p, "Close Elm Centre", "2026-10-10");
	fx_set(fx, "decision", against, "users_view_followed", "no");
	int64_t partly = fx_decision(fx, p, "Move the lunch club", "2026-10-10");
	fx_set(fx, "decision", partly, "users_view_followed", "partly");
	assert_int_equal(fixture_run(fx, "decision_no_appeal_route", "2026-11-22", NULL), 1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "appeal or complain about \"Close "
	                                                      "Elm Centre\""));
	fx_set(fx, "decision", against, "appeal_route", "Write to the complaints team.");
	assert_int_equal(fixture_run(fx, "decision_no_appeal_route", "2026-11-22", NULL), 0);
}

/* ---- the engine ---- */

/* rules.<id>.enabled = false switches a rule off; rules.<id>.severity changes it. */
static void test_disabled_and_overridden(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Day services workshop", "2026-10-01");
	fx_attend(fx, m, fx_person(fx, "Ann B.", USER, FORMAT_STANDARD), ROLE_SERVICE_USER, 1);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", NULL), 1);
	fixture_config(fx, "rules = { feedback_overdue = { enabled = false; }; };");
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", NULL), 0);
	fixture_config(fx, "rules = { feedback_overdue = { severity = \"info\"; }; };");
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->severity, RULE_INFO);
	/* A run that keeps only errors and warnings now leaves it out. */
	struct rules_options opt = rules_options_default(fixture_day("2026-11-22"));
	opt.lowest = RULE_WARNING;
	struct rules_list l;
	rules_list_init(&l);
	assert_int_equal(rules_run(fx->s, fx->conf, &opt, rules_list_add, &l, NULL), ERROR_NONE);
	for (size_t i = 0; i < l.count; i++) {
		struct finding g;
		rules_list_get(&l, i, &g);
		assert_true(g.severity <= RULE_WARNING);
		assert_string_not_equal(g.rule->id, "feedback_overdue");
	}
	rules_list_free(&l);
}

/* Scopes narrow the queries: another project's, meeting's or person's findings never show. */
static void test_scopes(void **state)
{
	struct fixture *fx = *state;
	int64_t p1 = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t p2 = fx_project(fx, "Carers strategy", PROJECT_NEW_SERVICE);
	int64_t m1 = fx_meeting(fx, p1, STAGE_NEEDS, "Workshop one", "2026-10-01");
	int64_t m2 = fx_meeting(fx, p1, STAGE_PRIORITIES, "Workshop two", "2026-10-01");
	int64_t m3 = fx_meeting(fx, p2, STAGE_NEEDS, "Carers' forum", "2026-10-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	int64_t bob = fx_person(fx, "Bob C.", CARER, FORMAT_STANDARD);
	fx_attend(fx, m1, ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, m2, ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, m2, bob, ROLE_CARER, 1);
	fx_attend(fx, m3, bob, ROLE_CARER, 1);
	const char *id = "feedback_overdue", *today = "2026-11-22";
	assert_int_equal(fixture_run(fx, id, today, NULL), 4);
	struct rules_scope scope = { RULES_SCOPE_PROJECT, p1, -1 };
	assert_int_equal(fixture_run(fx, id, today, &scope), 3);
	scope = (struct rules_scope){ RULES_SCOPE_STAGE, p1, STAGE_PRIORITIES };
	assert_int_equal(fixture_run(fx, id, today, &scope), 2);
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(fixture_found(fx, i)->meeting_id, m2);
	scope = (struct rules_scope){ RULES_SCOPE_MEETING, m3, -1 };
	assert_int_equal(fixture_run(fx, id, today, &scope), 1);
	assert_int_equal(fixture_found(fx, 0)->person_id, bob);
	scope = (struct rules_scope){ RULES_SCOPE_PERSON, ann, -1 };
	assert_int_equal(fixture_run(fx, id, today, &scope), 2);
	/* A rule with nothing to say about one meeting is skipped for it, quietly. */
	scope = (struct rules_scope){ RULES_SCOPE_MEETING, m1, -1 };
	assert_int_equal(fixture_run(fx, "people_usual_suspects", today, &scope), 0);
	/* Every rule runs in every kind of scope without an error. */
	struct rules_scope all[] = {
		{ RULES_SCOPE_ALL, 0, -1 },      { RULES_SCOPE_PROJECT, p1, -1 },
		{ RULES_SCOPE_STAGE, p1, 2 },    { RULES_SCOPE_MEETING, m1, -1 },
		{ RULES_SCOPE_PERSON, ann, -1 },
	};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
		struct rules_options opt = rules_options_default(fixture_day(today));
		opt.scope = all[i];
		struct rules_list l;
		rules_list_init(&l);
		struct error err;
		if (rules_run(fx->s, fx->conf, &opt, rules_list_add, &l, &err) != ERROR_NONE)
			fail_msg("scope %zu: %s", i, err.msg);
		rules_list_free(&l);
	}
}

/* Stored text with escape sequences or bad bytes reaches findings clean. */
static void test_findings_are_clean(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day \x1b[31mservices\x1b[0m", PROJECT_REDESIGN);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Work\tshop\n\xff", "2026-10-01");
	fx_attend(fx, m, fx_person(fx, "Ann\x07 B.\x9b", USER, FORMAT_STANDARD), ROLE_SERVICE_USER,
	          1);
	assert_int_equal(fixture_run(fx, "feedback_overdue", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_true(text_is_clean(f->project, 0));
	assert_true(text_is_clean(f->meeting, 0));
	assert_true(text_is_clean(f->person, 0));
	assert_true(text_is_clean(f->message, 0));
	assert_non_null(strstr(f->message, "Work shop"));
}

/* The list sorts by severity, then due date with undated last. */
static void test_list_sorts(void **state)
{
	(void)state;
	const struct rule *overdue = rules_find("feedback_overdue");
	const struct rule *jargon = rules_find("meeting_jargon");
	struct finding f;
	rules_finding_init(&f);
	struct rules_list l;
	rules_list_init(&l);
	f.message = "info, no date";
	f.rule = jargon;
	f.severity = RULE_INFO;
	rules_list_add(&f, &l);
	f.message = "error, undated";
	f.rule = overdue;
	f.severity = RULE_ERROR;
	rules_list_add(&f, &l);
	f.message = "error, later";
	f.due = 200;
	rules_list_add(&f, &l);
	f.message = "error, earlier";
	f.due = 100;
	rules_list_add(&f, &l);
	rules_list_sort(&l);
	static const char *const order[] = { "error, earlier", "error, later", "error, undated",
		                             "info, no date" };
	for (size_t i = 0; i < 4; i++) {
		rules_list_get(&l, i, &f);
		assert_string_equal(f.message, order[i]);
	}
	assert_int_equal(l.counts[RULE_ERROR], 3);
	assert_int_equal(l.counts[RULE_INFO], 1);
	rules_list_free(&l);
}

/* A callback that asks to stop gets no more findings. */
static bool test_stop_after_one(const struct finding *f, void *ctx)
{
	(void)f;
	++*(int *)ctx;
	return false;
}

static void test_callback_can_stop(void **state)
{
	struct fixture *fx = *state;
	int64_t p = fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Day services workshop", "2026-10-01");
	for (int i = 0; i < 3; i++) {
		char name[16];
		snprintf(name, sizeof name, "Person %d", i);
		fx_attend(fx, m, fx_person(fx, name, USER, FORMAT_STANDARD), ROLE_SERVICE_USER, 1);
	}
	struct rules_options opt = rules_options_default(fixture_day("2026-11-22"));
	int calls = 0;
	assert_int_equal(rules_run(fx->s, fx->conf, &opt, test_stop_after_one, &calls, NULL),
	                 ERROR_NONE);
	assert_int_equal(calls, 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_table_matches_the_catalogue),
		T(test_help_says_why),
		T(test_config_knows_rule_ids),
		T(test_feedback_overdue_fires),
		T(test_feedback_overdue_close_cases),
		T(test_feedback_due_date_by_hand),
		T(test_feedback_due_soon_window),
		T(test_feedback_due_skips_holidays),
		T(test_response_missing_reason),
		T(test_contribution_unanswered),
		T(test_feedback_wrong_format),
		T(test_stage_no_agreement),
		T(test_stage_no_users),
		T(test_stage_newcomers),
		T(test_framework_first),
		T(test_review_skipped),
		T(test_project_current_users_only),
		T(test_budget_withheld_no_reason),
		T(test_budget_change_untold),
		T(test_decision_after_the_fact),
		T(test_decision_no_user_input),
		T(test_decision_no_appeal_route),
		T(test_disabled_and_overridden),
		T(test_scopes),
		T(test_findings_are_clean),
		T(test_list_sorts),
		T(test_callback_can_stop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
