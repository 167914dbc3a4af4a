/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * agenda: feedback owed found meeting by meeting gives exactly what the rules
 * give run over everything (as "involve due" runs them): the same findings,
 * in the same order, cut after the same number of meetings — whether the
 * walk finds them or gives up and asks about everything at once.
 */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "config.h"
#include "demo.h"
#include "feedback.h"
#include "meeting.h"
#include "mem.h"
#include "project.h"
#include "rules.h"

static struct config *conf;

static int setup(void **state)
{
	support_db_setup(state);
	struct support_db *db = *state;
	conf = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(conf), (int)config_int(conf, "feedback.due_days"));
	assert_int_equal(demo_build(db->store, 1, date_today(), NULL, NULL), ERROR_NONE);
	return 0;
}

static int teardown(void **state)
{
	config_free(conf);
	return support_db_teardown(state);
}

/* The findings of one rule over everything, in the rule's order. */
static void everything(struct store *s, const char *rule, struct rules_list *l)
{
	struct rules_options opt = rules_options_default(date_today());
	opt.only = UINT64_C(1) << rules_index(rules_find(rule));
	rules_list_init(l);
	assert_int_equal(rules_run(s, conf, &opt, rules_list_add, l, NULL), ERROR_NONE);
}

/* How many findings of l belong to its first n meetings. */
static size_t first_meetings(const struct rules_list *l, size_t n)
{
	size_t i = 0, meetings = 0;
	for (; i < l->count; i++) {
		if (i == 0 ||
		    rules_list_at(l, i)->meeting_id != rules_list_at(l, i - 1)->meeting_id)
			meetings++;
		if (meetings > n)
			break;
	}
	return i;
}

static void same_findings(const struct rules_list *got, const struct rules_list *want, size_t n)
{
	assert_int_equal(got->count, n);
	for (size_t i = 0; i < n; i++) {
		assert_ptr_equal(rules_list_at(got, i)->rule, rules_list_at(want, i)->rule);
		assert_int_equal(rules_list_at(got, i)->meeting_id,
		                 rules_list_at(want, i)->meeting_id);
		assert_int_equal(rules_list_at(got, i)->person_id,
		                 rules_list_at(want, i)->person_id);
		assert_string_equal(rules_list_at(got, i)->message,
		                    rules_list_at(want, i)->message);
	}
}

static void meeting_by_meeting_gives_what_the_rules_give_over_everything(void **state)
{
	struct support_db *db = *state;
	static const struct {
		enum agenda_feedback_kind kind;
		const char *rule;
	} kinds[] = { { AGENDA_OVERDUE, "feedback_overdue" },
		      { AGENDA_DUE_SOON, "feedback_due_soon" } };
	for (size_t k = 0; k < 2; k++) {
		struct rules_list want;
		everything(db->store, kinds[k].rule, &want);
		assert_true(want.count > 10);
		/* A few meetings; all of them; walking only 3 meetings before asking about all. */
		static const size_t limits[] = { 1, 6, 100000 };
		static const size_t walks[] = { 0, 3 };
		for (size_t li = 0; li < 3; li++) {
			for (size_t wi = 0; wi < 2; wi++) {
				struct agenda_query q = { date_today(), kinds[k].kind, limits[li],
					                  walks[wi] };
				struct rules_list got;
				rules_list_init(&got);
				assert_int_equal(agenda_feedback(db->store, conf, &q,
				                                 rules_list_add, &got, NULL),
				                 ERROR_NONE);
				same_findings(&got, &want, first_meetings(&want, limits[li]));
				rules_list_free(&got);
			}
		}
		rules_list_free(&want);
	}
}

/* A rules_finding_fn that stops after two findings. */
static bool two(const struct finding *f, void *ctx)
{
	(void)f;
	return ++*(int *)ctx < 2;
}

static void the_caller_may_stop_and_a_rule_switched_off_gives_nothing(void **state)
{
	struct support_db *db = *state;
	struct agenda_query q = { date_today(), AGENDA_OVERDUE, 100, 0 };
	int n = 0;
	assert_int_equal(agenda_feedback(db->store, conf, &q, two, &n, NULL), ERROR_NONE);
	assert_int_equal(n, 2);
	struct config *off = config_load_text(
	        "rules = { feedback_overdue = { enabled = false; }; };", "test", rules_ids(), NULL);
	struct rules_list got;
	rules_list_init(&got);
	assert_int_equal(agenda_feedback(db->store, off, &q, rules_list_add, &got, NULL),
	                 ERROR_NONE);
	assert_int_equal(got.count, 0);
	rules_list_free(&got);
	config_free(off);
}

/* A record_row_fn: count the open projects. */
static bool count_open(void *rec, const char *order, void *ctx)
{
	(void)order;
	*(int64_t *)ctx += !*((const struct project *)rec)->closed_on;
	return true;
}

static void open_projects_and_writes_are_counted(void **state)
{
	struct support_db *db = *state;
	int64_t n = 0, want = 0;
	struct record_query all = { .limit = 1000 };
	assert_int_equal(project_list(db->store, &all, count_open, &want, NULL, NULL), ERROR_NONE);
	assert_int_equal(agenda_open_projects(db->store, &n, NULL), ERROR_NONE);
	assert_int_equal(n, want);
	assert_true(n > 10);
	int64_t before = agenda_writes(db->store);
	struct project p;
	project_init(&p);
	mem_replace(&p.title, "Closed already");
	memcpy(p.closed_on, "2026-11-01", DATE_TEXT_SIZE);
	assert_int_equal(project_create(db->store, &p, NULL), ERROR_NONE);
	project_clear(&p);
	assert_true(agenda_writes(db->store) > before);
	assert_int_equal(agenda_open_projects(db->store, &n, NULL), ERROR_NONE);
	assert_int_equal(n, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		        meeting_by_meeting_gives_what_the_rules_give_over_everything, setup,
		        teardown),
		cmocka_unit_test_setup_teardown(
		        the_caller_may_stop_and_a_rule_switched_off_gives_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(open_projects_and_writes_are_counted, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
