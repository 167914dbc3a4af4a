/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Rules, part two: meetings, representation, people, payments and
 * commitments, each with a case where the rule fires and a close case where
 * it must not (the boundary day of each threshold).
 */
#include "rules_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting.h"
#include "payment.h"
#include "project.h"
#include "stage.h"
#include "vocab.h"

#define USER  (1u << ROLE_SERVICE_USER)
#define CARER (1u << ROLE_CARER)
#define STAFF (1u << ROLE_COMMISSIONER)

/* A project to hang meetings on. */
static int64_t project(struct fixture *fx)
{
	return fx_project(fx, "Day services redesign", PROJECT_REDESIGN);
}

/* ---- meetings ---- */

static void test_meeting_lone_voice(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Workshop", "2026-10-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_attend(fx, m, ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, m, fx_person(fx, "Officer O.", STAFF, FORMAT_STANDARD), ROLE_COMMISSIONER, 1);
	fx_attend(fx, m, fx_person(fx, "Absent A.", USER, FORMAT_STANDARD), ROLE_SERVICE_USER, 0);
	assert_int_equal(fixture_run(fx, "meeting_lone_voice", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->person_id, ann);
	assert_string_equal(f->message,
	                    "Involve at least 2 service users or carers in meetings like "
	                    "Workshop (2026-10-01), so no one is a lone voice: only Ann "
	                    "B. took part.");
	fx_attend(fx, m, fx_person(fx, "Bob C.", CARER, FORMAT_STANDARD), ROLE_CARER, 1);
	assert_int_equal(fixture_run(fx, "meeting_lone_voice", "2026-11-22", NULL), 0);
	/* The threshold is a setting: with 3 required, two are too few. */
	fixture_config(fx, "representation = { min_users = 3; };");
	assert_int_equal(fixture_run(fx, "meeting_lone_voice", "2026-11-22", NULL), 1);
	assert_null(fixture_found(fx, 0)->person);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "only 2 took part."));
	/* Planned meetings are not judged. */
	int64_t planned = fx_meeting(fx, p, STAGE_NEEDS, "Next workshop", "2026-12-01");
	fx_set(fx, "meeting", planned, "status", "planned");
	assert_int_equal(fixture_run(fx, "meeting_lone_voice", "2026-11-22", NULL), 1);
}

static void test_meeting_purpose_unclear(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Workshop", "2026-10-01");
	assert_int_equal(fixture_run(fx, "meeting_purpose_unclear", "2026-11-22", NULL), 0);
	fx_set(fx, "meeting", m, "open_to_change", " ");
	assert_int_equal(fixture_run(fx, "meeting_purpose_unclear", "2026-11-22", NULL), 1);
	assert_string_equal(fixture_found(fx, 0)->message,
	                    "Record what was open to change of Workshop (2026-10-01), so people "
	                    "know why they came and what they could change.");
	fx_set(fx, "meeting", m, "purpose", "");
	assert_int_equal(fixture_run(fx, "meeting_purpose_unclear", "2026-11-22", NULL), 1);
	assert_non_null(
	        strstr(fixture_found(fx, 0)->message, "the purpose and what was open to change"));
	fx_set(fx, "meeting", m, "status", "planned");
	assert_int_equal(fixture_run(fx, "meeting_purpose_unclear", "2026-11-22", NULL), 0);
}

/* Papers exactly papers.notice_days before are in time; a day later is late. */
static void test_meeting_papers_late(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Workshop", "2026-11-10");
	assert_int_equal(fixture_run(fx, "meeting_papers_late", "2026-11-22", NULL), 1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "none were recorded as sent."));
	fx_set(fx, "meeting", m, "papers_sent_on", "2026-11-03");
	assert_int_equal(fixture_run(fx, "meeting_papers_late", "2026-11-22", NULL), 0);
	fx_set(fx, "meeting", m, "papers_sent_on", "2026-11-04");
	assert_int_equal(fixture_run(fx, "meeting_papers_late", "2026-11-22", NULL), 1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "only 6 days before."));
	assert_int_equal(fixture_found(fx, 0)->due, DATE_NONE);
}

/* A planned meeting is late once the last day to send its papers has passed. */
static void test_meeting_papers_planned(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t in_time = fx_meeting(fx, p, STAGE_NEEDS, "In a week", "2026-11-29");
	fx_set(fx, "meeting", in_time, "status", "planned");
	assert_int_equal(fixture_run(fx, "meeting_papers_late", "2026-11-22", NULL), 0);
	int64_t late = fx_meeting(fx, p, STAGE_NEEDS, "In six days", "2026-11-28");
	fx_set(fx, "meeting", late, "status", "planned");
	assert_int_equal(fixture_run(fx, "meeting_papers_late", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->meeting_id, late);
	assert_int_equal(f->due, fixture_day("2026-11-21"));
	assert_int_equal(f->days, -1);
	fx_set(fx, "meeting", late, "papers_sent_on", "2026-11-20");
	assert_int_equal(fixture_run(fx, "meeting_papers_late", "2026-11-22", NULL), 0);
}

static void test_meeting_needs_unmet(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Workshop", "2026-10-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_set(fx, "person", ann, "support_needs", "hearing loop");
	int64_t a = fx_attend(fx, m, ann, ROLE_SERVICE_USER, 1);
	int64_t bob = fx_person(fx, "Bob C.", USER, FORMAT_STANDARD);
	int64_t b = fx_attend(fx, m, bob, ROLE_SERVICE_USER, 1);
	fx_set(fx, "attendance", b, "needs_met", "yes");
	assert_int_equal(fixture_run(fx, "meeting_needs_unmet", "2026-11-22", NULL), 0);
	fx_set(fx, "attendance", a, "needs_met", "no");
	assert_int_equal(fixture_run(fx, "meeting_needs_unmet", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->severity, RULE_ERROR);
	assert_string_equal(f->message, "Put right the support Ann B. needed at Workshop "
	                                "(2026-10-01), which was not met (hearing loop), and plan "
	                                "it for their next meeting.");
}

/* Jargon: a listed term without its plain words; abbreviations match whole words only. */
static void test_meeting_jargon(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Workshop", "2026-10-01");
	fx_set(fx, "meeting", m, "purpose", "Go through the JSNA and the SLAs.");
	assert_int_equal(fixture_run(fx, "meeting_jargon", "2026-11-22", NULL), 1);
	assert_string_equal(fixture_found(fx, 0)->message,
	                    "Explain in plain words, in the purpose or notes of Workshop "
	                    "(2026-10-01): JSNA (joint strategic needs assessment), SLA (service "
	                    "level agreement).");
	fx_set(fx, "meeting", m, "purpose",
	       "Go through the JSNA (joint strategic needs assessment) and a translation.");
	assert_int_equal(fixture_run(fx, "meeting_jargon", "2026-11-22", NULL), 0);
	fx_set(fx, "meeting", m, "notes", "We may Decommissioning the centre; jsna later.");
	assert_int_equal(fixture_run(fx, "meeting_jargon", "2026-11-22", NULL), 1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "decommission (stop paying"));
	/* The list is a setting. */
	fixture_config(fx, "jargon = ( { term = \"PALS\"; plain = \"patient advice\"; } );");
	assert_int_equal(fixture_run(fx, "meeting_jargon", "2026-11-22", NULL), 0);
	/* Plain words are found whatever their case, beyond ASCII too (as text_fold folds). */
	fixture_config(fx, "jargon = ( { term = \"PALS\"; plain = \"ŁĄCZNIK\"; } );");
	fx_set(fx, "meeting", m, "notes", "PALS will come.");
	assert_int_equal(fixture_run(fx, "meeting_jargon", "2026-11-22", NULL), 1);
	fx_set(fx, "meeting", m, "notes", "PALS (łącznik) will come.");
	assert_int_equal(fixture_run(fx, "meeting_jargon", "2026-11-22", NULL), 0);
}

/* ---- representation ---- */

/* Meetings in the window, each with the same three people and `others` different ones. */
static void suspects(struct fixture *fx, int meetings, int others, const char *first)
{
	int64_t p = project(fx);
	int64_t regulars[3];
	for (int i = 0; i < 3; i++) {
		char name[16];
		snprintf(name, sizeof name, "Regular %c", 'A' + i);
		regulars[i] = fx_person(fx, name, USER, FORMAT_STANDARD);
	}
	int32_t day = fixture_day(first);
	for (int k = 0; k < meetings; k++) {
		char held[DATE_TEXT_SIZE], title[32];
		date_format(day + 7 * k, held);
		snprintf(title, sizeof title, "Forum %d", k);
		int64_t m = fx_meeting(fx, p, STAGE_NEEDS, title, held);
		for (int i = 0; i < 3; i++)
			fx_attend(fx, m, regulars[i], ROLE_SERVICE_USER, 1);
		for (int o = 0; o < others; o++) {
			char name[32];
			snprintf(name, sizeof name, "Once %d-%d", k, o);
			fx_attend(fx, m, fx_person(fx, name, USER, FORMAT_STANDARD),
			          ROLE_SERVICE_USER, 1);
		}
	}
}

static void test_usual_suspects_fire(void **state)
{
	struct fixture *fx = *state;
	suspects(fx, 5, 1, "2026-09-01");
	assert_int_equal(fixture_run(fx, "people_usual_suspects", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_string_equal(f->message,
	                    "Widen who takes part in Day services redesign: Regular A, "
	                    "Regular B and Regular C made up 75% of the 20 service user "
	                    "and carer attendances at its meetings in the last 365 "
	                    "days.");
	assert_string_equal(f->project, "Day services redesign");
	assert_null(f->person);
	/* One meeting fewer than representation.min_meetings: not judged yet. */
	fixture_config(fx, "representation = { min_meetings = 6; };");
	assert_int_equal(fixture_run(fx, "people_usual_suspects", "2026-11-22", NULL), 0);
	/* Outside the window the meetings do not count. */
	fixture_config(fx, "representation = { window_days = 60; };");
	assert_int_equal(fixture_run(fx, "people_usual_suspects", "2026-11-22", NULL), 0);
}

/* Judged per project: a varied project beside it neither fires nor waters it down. */
static void test_usual_suspects_per_project(void **state)
{
	struct fixture *fx = *state;
	suspects(fx, 5, 1, "2026-09-01");
	int64_t other = fx_project(fx, "Carers strategy", PROJECT_NEW_SERVICE);
	for (int k = 0; k < 6; k++) {
		char title[32], held[DATE_TEXT_SIZE];
		snprintf(title, sizeof title, "Carers' forum %d", k);
		date_format(fixture_day("2026-09-02") + 7 * k, held);
		int64_t m = fx_meeting(fx, other, STAGE_NEEDS, title, held);
		for (int o = 0; o < 4; o++) {
			char name[32];
			snprintf(name, sizeof name, "Carer %d-%d", k, o);
			fx_attend(fx, m, fx_person(fx, name, CARER, FORMAT_STANDARD), ROLE_CARER,
			          1);
		}
	}
	assert_int_equal(fixture_run(fx, "people_usual_suspects", "2026-11-22", NULL), 1);
	assert_string_equal(fixture_found(fx, 0)->project, "Day services redesign");
	int64_t p = fixture_found(fx, 0)->project_id;
	struct rules_scope scope = { RULES_SCOPE_PROJECT, other, -1 };
	assert_int_equal(fixture_run(fx, "people_usual_suspects", "2026-11-22", &scope), 0);
	/* Narrowed to a stage, only that stage's meetings count. */
	scope = (struct rules_scope){ RULES_SCOPE_STAGE, p, STAGE_NEEDS };
	assert_int_equal(fixture_run(fx, "people_usual_suspects", "2026-11-22", &scope), 1);
	assert_int_equal(fixture_found(fx, 0)->stage, STAGE_NEEDS);
	scope.stage = STAGE_BUDGET;
	assert_int_equal(fixture_run(fx, "people_usual_suspects", "2026-11-22", &scope), 0);
}

/* Exactly the share (half) is not more than the share. */
static void test_usual_suspects_at_the_share(void **state)
{
	struct fixture *fx = *state;
	suspects(fx, 5, 3, "2026-09-01");
	assert_int_equal(fixture_run(fx, "people_usual_suspects", "2026-11-22", NULL), 0);
	fixture_config(fx, "representation = { share = 0.49; };");
	assert_int_equal(fixture_run(fx, "people_usual_suspects", "2026-11-22", NULL), 1);
}

/* No one new in 180 days: the newest first came exactly 180 days ago, then 179. */
static void test_no_newcomers(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t old = fx_meeting(fx, p, STAGE_NEEDS, "Old forum", "2026-05-26");
	int64_t recent = fx_meeting(fx, p, STAGE_NEEDS, "Recent forum", "2026-11-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_attend(fx, old, ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, recent, ann, ROLE_SERVICE_USER, 1);
	assert_int_equal(fixture_run(fx, "people_no_newcomers", "2026-11-22", NULL), 1);
	assert_string_equal(fixture_found(fx, 0)->message,
	                    "Reach out to new service users and carers for Day services redesign: "
	                    "no one new has taken part in its meetings in the last 180 days.");
	assert_int_equal(fixture_found(fx, 0)->project_id, p);
	fx_set(fx, "meeting", old, "held_on", "2026-05-27");
	assert_int_equal(fixture_run(fx, "people_no_newcomers", "2026-11-22", NULL), 0);
	/* A first involvement recorded before the meetings makes them no newcomer. */
	fx_set(fx, "person", ann, "first_involved_on", "2020-01-01");
	assert_int_equal(fixture_run(fx, "people_no_newcomers", "2026-11-22", NULL), 1);
	/* Someone new elsewhere does not count for this project; new here, they do. */
	int64_t q = fx_project(fx, "Carers strategy", PROJECT_NEW_SERVICE);
	int64_t elsewhere = fx_meeting(fx, q, STAGE_NEEDS, "Carers' forum", "2026-11-02");
	int64_t new = fx_person(fx, "New N.", CARER, FORMAT_STANDARD);
	fx_attend(fx, elsewhere, new, ROLE_CARER, 1);
	assert_int_equal(fixture_run(fx, "people_no_newcomers", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->project_id, p);
	fx_attend(fx, recent, new, ROLE_CARER, 1);
	assert_int_equal(fixture_run(fx, "people_no_newcomers", "2026-11-22", NULL), 0);
	/* With no involvement in the window at all, there is nothing to say. */
	fx_set(fx, "meeting", old, "held_on", "2026-01-01");
	fx_set(fx, "meeting", recent, "held_on", "2026-05-01");
	fx_set(fx, "meeting", elsewhere, "held_on", "2026-05-01");
	assert_int_equal(fixture_run(fx, "people_no_newcomers", "2026-11-22", NULL), 0);
}

/* More than representation.max_per_month sessions in 30 days; cancelled and staff do not count. */
static void test_person_fatigue(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	int64_t officer = fx_person(fx, "Officer O.", STAFF, FORMAT_STANDARD);
	const char *days[] = { "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23",
		               "2026-12-01" };
	int64_t last = 0;
	for (int i = 0; i < 5; i++) {
		char title[16];
		snprintf(title, sizeof title, "Session %d", i);
		last = fx_meeting(fx, p, STAGE_NEEDS, title, days[i]);
		fx_attend(fx, last, ann, ROLE_SERVICE_USER, i != 0);
		fx_attend(fx, last, officer, ROLE_COMMISSIONER, 1);
	}
	assert_int_equal(fixture_run(fx, "person_fatigue", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->person_id, ann);
	assert_string_equal(f->message,
	                    "Check with Ann B. that it is not too much: they are booked "
	                    "into 5 sessions from 2026-11-02 to 2026-12-01, more than 4 "
	                    "in 30 days.");
	fx_set(fx, "meeting", last, "status", "cancelled");
	assert_int_equal(fixture_run(fx, "person_fatigue", "2026-11-22", NULL), 0);
	fx_set(fx, "meeting", last, "status", "planned");
	fx_set(fx, "meeting", last, "held_on", "2026-12-02");
	assert_int_equal(fixture_run(fx, "person_fatigue", "2026-11-22", NULL), 0);
	/* Looking back: the same five sessions two months on are still worth a word. */
	fx_set(fx, "meeting", last, "held_on", "2026-12-01");
	assert_int_equal(fixture_run(fx, "person_fatigue", "2027-01-25", NULL), 1);
	assert_non_null(strstr(fixture_found(fx, 0)->message, "they were booked into 5 sessions"));
	/* Beyond representation.window_days they are not. */
	fixture_config(fx, "representation = { window_days = 60; };");
	assert_int_equal(fixture_run(fx, "person_fatigue", "2027-01-25", NULL), 0);
}

/* ---- payments and commitments ---- */

/* Claimed Friday 23 October: 20 working days later is Friday 20 November. */
static void test_payment_overdue(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Workshop", "2026-10-22");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	int64_t pay = fx_payment(fx, ann, m, PAYMENT_TRAVEL, 1250, "2026-10-23", NULL);
	assert_int_equal(fixture_run(fx, "payment_overdue", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_string_equal(f->message, "Pay Ann B. £12.50 for travel (Workshop, 2026-10-22), "
	                                "claimed on 2026-10-23: due 2026-11-20, 2 days overdue.");
	/* Claimed on the Saturday: the weekend does not count, so the same due date. */
	fx_set(fx, "payment", pay, "claimed_on", "2026-10-24");
	assert_int_equal(fixture_run(fx, "payment_overdue", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->due, fixture_day("2026-11-20"));
	/* Claimed the Monday: due Monday 23 November, not yet overdue. */
	fx_set(fx, "payment", pay, "claimed_on", "2026-10-26");
	assert_int_equal(fixture_run(fx, "payment_overdue", "2026-11-22", NULL), 0);
	assert_int_equal(fixture_run(fx, "payment_overdue", "2026-11-23", NULL), 0);
	assert_int_equal(fixture_run(fx, "payment_overdue", "2026-11-24", NULL), 1);
	/* Paid, or declined: nothing owed. */
	fx_set(fx, "payment", pay, "declined", "yes");
	assert_int_equal(fixture_run(fx, "payment_overdue", "2026-11-24", NULL), 0);
	fx_set(fx, "payment", pay, "declined", "no");
	fx_set(fx, "payment", pay, "paid_on", "2026-11-10");
	assert_int_equal(fixture_run(fx, "payment_overdue", "2026-11-24", NULL), 0);
}

/* A holiday inside the 20 working days moves the due date on a day. */
static void test_payment_overdue_holiday(void **state)
{
	struct fixture *fx = *state;
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	/* 2026-08-31 is a bank holiday: claimed Friday 14 August, due Monday 14 September. */
	fx_payment(fx, ann, 0, PAYMENT_FEE, 2000, "2026-08-14", NULL);
	assert_int_equal(fixture_run(fx, "payment_overdue", "2026-09-14", NULL), 0);
	assert_int_equal(fixture_run(fx, "payment_overdue", "2026-09-15", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->due, fixture_day("2026-09-14"));
	assert_null(f->meeting);
	assert_null(f->project);
	assert_non_null(strstr(f->message, "for their time, claimed on 2026-08-14"));
}

/* Offer payment within payments.offer_days: the day itself is in time. */
static void test_payment_not_offered(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t late = fx_meeting(fx, p, STAGE_NEEDS, "Workshop", "2026-11-11");
	int64_t today = fx_meeting(fx, p, STAGE_NEEDS, "Forum", "2026-11-12");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_attend(fx, late, ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, today, ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, late, fx_person(fx, "Officer O.", STAFF, FORMAT_STANDARD), ROLE_COMMISSIONER,
	          1);
	assert_int_equal(fixture_run(fx, "payment_not_offered", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->meeting_id, late);
	assert_int_equal(f->days, -1);
	assert_string_equal(f->message, "Offer Ann B. payment for Workshop (2026-11-11), or record "
	                                "that they declined: due 2026-11-21, 1 day overdue.");
	int64_t pay = fx_payment(fx, ann, late, PAYMENT_FEE, 0, NULL, NULL);
	fx_set(fx, "payment", pay, "declined", "yes");
	assert_int_equal(fixture_run(fx, "payment_not_offered", "2026-11-22", NULL), 0);
}

/* Fees over the weekly limit within 7 days for someone with a benefits concern. */
static void test_payment_benefits_check(void **state)
{
	struct fixture *fx = *state;
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_set(fx, "person", ann, "benefits_concern", "yes");
	int64_t bob = fx_person(fx, "Bob C.", USER, FORMAT_STANDARD);
	fx_payment(fx, ann, 0, PAYMENT_FEE, 10000, "2026-11-01", "2026-11-01");
	int64_t second = fx_payment(fx, ann, 0, PAYMENT_FEE, 10000, "2026-11-08", "2026-11-08");
	fx_payment(fx, ann, 0, PAYMENT_TRAVEL, 5000, "2026-11-02", "2026-11-02");
	fx_payment(fx, bob, 0, PAYMENT_FEE, 50000, "2026-11-01", "2026-11-01");
	/* Seven days apart: two different weeks. Travel repaid does not count. */
	assert_int_equal(fixture_run(fx, "payment_benefits_check", "2026-11-22", NULL), 0);
	fx_set(fx, "payment", second, "paid_on", "2026-11-07");
	assert_int_equal(fixture_run(fx, "payment_benefits_check", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->person_id, ann);
	assert_string_equal(f->message,
	                    "Check with Ann B. that fees of £200.00 paid from 2026-11-01 "
	                    "to 2026-11-07 do not affect their benefits: more than "
	                    "£196.00 within 7 days.");
	fixture_config(fx, "payments = { weekly_limit_pence = 20000; };");
	assert_int_equal(fixture_run(fx, "payment_benefits_check", "2026-11-22", NULL), 0);
}

static void test_action_overdue(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Workshop", "2026-10-01");
	int64_t a = fx_action(fx, 0, m, "Send the minutes in easy read", "2026-11-21", NULL);
	fx_set(fx, "action", a, "owner", "Jo K.");
	fx_action(fx, p, 0, "Book the hall", "2026-11-22", NULL);
	fx_action(fx, p, 0, "Answer the petition", "2026-11-01", "2026-11-02");
	assert_int_equal(fixture_run(fx, "action_overdue", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->project_id, p);
	assert_string_equal(f->message, "Do what was promised at Workshop (2026-10-01): \"Send the "
	                                "minutes in easy read\" (Jo K.), due 2026-11-21, 1 day "
	                                "overdue.");
	struct rules_scope scope = { RULES_SCOPE_PROJECT, p, -1 };
	assert_int_equal(fixture_run(fx, "action_overdue", "2026-11-23", &scope), 2);
}

/* ---- people's details ---- */

static void test_consent_missing(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Workshop", "2026-10-01");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	int64_t bob = fx_person(fx, "Bob C.", USER, FORMAT_STANDARD);
	fx_person(fx, "Not yet involved", USER, FORMAT_STANDARD);
	fx_attend(fx, m, ann, ROLE_SERVICE_USER, 1);
	fx_payment(fx, bob, 0, PAYMENT_TRAVEL, 500, "2026-10-01", NULL);
	fx_set(fx, "person", bob, "consent_on", "2026-09-01");
	assert_int_equal(fixture_run(fx, "consent_missing", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->person_id, ann);
	struct rules_scope scope = { RULES_SCOPE_MEETING, m, -1 };
	assert_int_equal(fixture_run(fx, "consent_missing", "2026-11-22", &scope), 1);
	scope = (struct rules_scope){ RULES_SCOPE_PERSON, bob, -1 };
	assert_int_equal(fixture_run(fx, "consent_missing", "2026-11-22", &scope), 0);
}

/* Not involved for 730 days: last seen exactly 730 days ago is due today. */
static void test_retention_due(void **state)
{
	struct fixture *fx = *state;
	int64_t p = project(fx);
	int64_t m = fx_meeting(fx, p, STAGE_NEEDS, "Old workshop", "2024-11-22");
	int64_t ann = fx_person(fx, "Ann B.", USER, FORMAT_STANDARD);
	fx_attend(fx, m, ann, ROLE_SERVICE_USER, 1);
	fx_person(fx, "No dates at all", USER, FORMAT_STANDARD);
	assert_int_equal(fixture_run(fx, "retention_due", "2026-11-22", NULL), 1);
	const struct finding *f = fixture_found(fx, 0);
	assert_int_equal(f->days, 0);
	assert_string_equal(f->message,
	                    "Ask Ann B. whether they want to stay involved, or anonymise "
	                    "their details: last involved on 2024-11-22; due today, "
	                    "2026-11-22.");
	fx_set(fx, "meeting", m, "held_on", "2024-11-23");
	assert_int_equal(fixture_run(fx, "retention_due", "2026-11-22", NULL), 0);
	/* Later feedback counts as involvement; anonymised people are done with. */
	fx_set(fx, "meeting", m, "held_on", "2024-01-01");
	assert_int_equal(fixture_run(fx, "retention_due", "2026-11-22", NULL), 1);
	fx_feedback(fx, m, ann, "2025-06-01", FORMAT_STANDARD);
	assert_int_equal(fixture_run(fx, "retention_due", "2026-11-22", NULL), 0);
	int64_t old = fx_person(fx, "Old O.", CARER, FORMAT_STANDARD);
	fx_attend(fx, m, old, ROLE_CARER, 1);
	assert_int_equal(fixture_run(fx, "retention_due", "2026-11-22", NULL), 1);
	assert_int_equal(fixture_found(fx, 0)->person_id, old);
	assert_int_equal(fixture_found(fx, 0)->due, fixture_day("2025-12-31"));
	fx_set(fx, "person", old, "anonymised", "yes");
	assert_int_equal(fixture_run(fx, "retention_due", "2026-11-22", NULL), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_meeting_lone_voice),
		T(test_meeting_purpose_unclear),
		T(test_meeting_papers_late),
		T(test_meeting_papers_planned),
		T(test_meeting_needs_unmet),
		T(test_meeting_jargon),
		T(test_usual_suspects_fire),
		T(test_usual_suspects_per_project),
		T(test_usual_suspects_at_the_share),
		T(test_no_newcomers),
		T(test_person_fatigue),
		T(test_payment_overdue),
		T(test_payment_overdue_holiday),
		T(test_payment_not_offered),
		T(test_payment_benefits_check),
		T(test_action_overdue),
		T(test_consent_missing),
		T(test_retention_due),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
