/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Findings screen and the rule's explanation, driven headlessly on the
 * demo: counts and order as the rules engine gives them, the first 500 kept
 * and the rest counted, filtering by severity and by rule, the explanation
 * (the same as "involve check --explain"), and going to what a finding
 * concerns.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drive.h"
#include "explain.h"
#include "finding.h"
#include "findings.h"
#include "help.h"
#include "mem.h"
#include "rules.h"

static void stub_build(struct screen_ctx *c, struct view *v)
{
	view_title(v, "%s %lld", c->screen->name, (long long)c->id);
}
static const struct screen meeting_stub = { .name = "meeting", .build = stub_build };

static const struct screen *const bare[] = { &findings_screen, &finding_screen, &help_screen,
	                                     NULL };
static const struct screen *const full[] = { &findings_screen, &finding_screen, &help_screen,
	                                     &meeting_stub, NULL };

/* Every finding over everything, sorted as "involve check" sorts them. */
static void run_all(struct store *s, struct rules_list *l, const char *only)
{
	struct rules_options opt = rules_options_default(date_today());
	if (only)
		opt.only = UINT64_C(1) << rules_index(rules_find(only));
	rules_list_init(l);
	assert_int_equal(rules_run(s, drive_config(), &opt, rules_list_add, l, NULL), ERROR_NONE);
	rules_list_sort(l);
}

static struct screen_stack *open_findings(struct store *s, const struct screen *const *table,
                                          int64_t id)
{
	struct screen_stack *st = screen_stack_new(table, s, drive_config());
	assert_true(screen_push(st, "findings", id));
	return st;
}

/* The one list of the findings screen. */
static struct view_list *the_list(struct screen_stack *st)
{
	struct view *v = screen_view(st);
	assert_int_equal(v->nsections, 1);
	return &v->sections[0].list;
}

static void the_first_500_are_listed_in_order_and_the_rest_counted(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 2);
	struct rules_list l;
	run_all(db->store, &l, NULL);
	assert_true(l.count > FINDINGS_SHOWN);
	struct screen_stack *st = open_findings(db->store, bare, 0);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Findings");
	char *want = mem_printf(
	        "%zu findings: %zu errors, %zu warnings and %zu for information, the "
	        "most serious and most overdue first; the first 500 are shown, and "
	        "choosing a severity or a rule shows others.",
	        l.count, l.counts[RULE_ERROR], l.counts[RULE_WARNING], l.counts[RULE_INFO]);
	assert_string_equal(v->summary, want);
	free(want);
	struct view_list *list = the_list(st);
	assert_int_equal(list->rows.n, FINDINGS_SHOWN + 1);
	for (size_t i = 0; i < FINDINGS_SHOWN; i++) {
		assert_string_equal(list->rows.v[i].label, rules_list_at(&l, i)->message);
		assert_string_equal(list->rows.v[i].status,
		                    rules_severity_name(rules_list_at(&l, i)->severity));
	}
	char *more = mem_printf("%zu more findings are not shown", l.count - FINDINGS_SHOWN);
	assert_string_equal(list->rows.v[FINDINGS_SHOWN].label, more);
	free(more);
	/* The last row is no finding: opening it says how to see the others. */
	drive_send(st, COMMAND_END, NULL);
	drive_send(st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_depth(st), 1);
	assert_non_null(strstr(screen_view(st)->message, "severity or rule"));
	rules_list_free(&l);
	screen_stack_free(st);
}

static void severity_shows_errors_then_warnings_then_information(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);
	struct rules_list l;
	run_all(db->store, &l, NULL);
	struct screen_stack *st = open_findings(db->store, bare, 0);
	static const char *const words[] = { "errors", "warnings", "findings for information" };
	for (int sev = 0; sev < RULE_SEVERITY_COUNT; sev++) {
		drive_send(st, COMMAND_ACTION, "severity");
		struct view *v = screen_view(st);
		char *n = mem_printf("%zu %s", l.counts[sev], words[sev]);
		assert_int_equal(strncmp(v->message, "Showing only ", 13), 0);
		assert_non_null(strstr(v->message, n));
		assert_int_equal(strncmp(v->summary, n, strlen(n)), 0);
		free(n);
		struct view_list *list = the_list(st);
		assert_int_equal(list->rows.n, l.counts[sev]);
		size_t from = 0;
		for (int k = 0; k < sev; k++)
			from += l.counts[k];
		for (size_t i = 0; i < list->rows.n; i++) {
			assert_string_equal(list->rows.v[i].status, rules_severity_name(sev));
			assert_string_equal(list->rows.v[i].label,
			                    rules_list_at(&l, from + i)->message);
		}
	}
	drive_key(st, 's');
	/* Every severity again: the first FINDINGS_SHOWN, and a row for the rest if any. */
	assert_int_equal(the_list(st)->rows.n,
	                 l.count > FINDINGS_SHOWN ? FINDINGS_SHOWN + 1 : l.count);
	assert_non_null(strstr(screen_view(st)->message, "every severity"));
	rules_list_free(&l);
	screen_stack_free(st);
}

static void rule_shows_only_the_selected_findings_rule(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);
	struct rules_list all, pay;
	run_all(db->store, &all, NULL);
	run_all(db->store, &pay, "payment_overdue");
	struct screen_stack *st = open_findings(db->store, bare, 0);
	/* Go to a payment overdue, and show only its rule. */
	drive_send(st, COMMAND_FIND, "Pay ");
	assert_int_equal(strncmp(drive_selected_label(st), "Pay ", 4), 0);
	drive_key(st, 'r');
	struct view *v = screen_view(st);
	char *n = mem_printf("%zu errors of the rule Payment overdue", pay.count);
	assert_int_equal(strncmp(v->summary, n, strlen(n)), 0);
	free(n);
	struct view_list *list = the_list(st);
	assert_int_equal(list->rows.n, pay.count);
	for (size_t i = 0; i < pay.count; i++)
		assert_string_equal(list->rows.v[i].label, rules_list_at(&pay, i)->message);
	/* The finding chosen stays chosen. */
	assert_int_equal(strncmp(drive_selected_label(st), "Pay ", 4), 0);
	/* With a severity it has no findings of, there are none; again, every rule. */
	drive_key(st, 's');
	drive_key(st, 's');
	assert_int_equal(the_list(st)->rows.n, 0);
	assert_int_equal(strncmp(screen_view(st)->summary, "No warnings of the rule Payment", 30),
	                 0);
	drive_key(st, 'r');
	n = mem_printf("Showing every rule: %zu warnings.", all.counts[RULE_WARNING]);
	assert_string_equal(screen_view(st)->message, n);
	free(n);
	drive_key(st, 's');
	drive_key(st, 's');
	assert_int_equal(the_list(st)->rows.n,
	                 all.count > FINDINGS_SHOWN ? FINDINGS_SHOWN + 1 : all.count);
	/* Opened for one rule, as Today's "more" row opens it. */
	screen_stack_free(st);
	st = open_findings(db->store, bare, finding_rule_id(rules_find("payment_overdue")));
	assert_int_equal(the_list(st)->rows.n, pay.count);
	rules_list_free(&all);
	rules_list_free(&pay);
	screen_stack_free(st);
}

/* The rows of the list section headed heading, in order, as one text with line breaks. */
static char *section_text(struct view *v, const char *heading)
{
	struct view_section *sec = drive_section(v, heading);
	assert_non_null(sec);
	char *out = mem_strdup("");
	for (size_t i = 0; i < sec->list.rows.n; i++) {
		char *row = view_row_text(&sec->list.rows.v[i]);
		char *next = mem_printf("%s%s\n", out, row);
		free(row);
		free(out);
		out = next;
	}
	return out;
}

static void opening_a_finding_explains_its_rule_and_goes_to_its_record(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);
	struct screen_stack *st = open_findings(db->store, bare, 0);
	drive_send(st, COMMAND_FIND, "Tell ");
	char *message = mem_strdup(drive_selected_label(st)); /* the view's goes on a rebuild */
	struct rules_list l;
	run_all(db->store, &l, "feedback_overdue");
	const struct finding *f = NULL;
	for (size_t i = 0; i < l.count && !f; i++)
		if (strcmp(rules_list_at(&l, i)->message, message) == 0)
			f = rules_list_at(&l, i);
	assert_non_null(f);
	char *summary = mem_printf("Error: %s", message);
	drive_send(st, COMMAND_OPEN, NULL);
	struct view *v = screen_view(st);
	assert_string_equal(screen_top(st)->screen->name, "finding");
	assert_string_equal(v->title, "Rule: Feedback overdue");
	assert_string_equal(v->summary, summary);
	free(summary);

	/* What the rule is and the settings it reads: what check --explain prints. */
	struct explain e;
	explain_rule(drive_config(), rules_find("feedback_overdue"), &e);
	char *settings = section_text(v, "Settings it reads, with their values now");
	char *want = mem_strdup("");
	for (size_t i = 0; i <= e.nsettings; i++) {
		char *next = mem_printf("%s%s\n", want, i < e.nsettings ? e.settings[i] : e.change);
		free(want);
		want = next;
	}
	assert_string_equal(settings, want);
	assert_non_null(strstr(settings, "feedback.due_days = 20."));
	free(settings);
	free(want);
	char *rule = section_text(v, "The rule");
	assert_int_equal(strncmp(rule,
	                         "feedback_overdue: Feedback overdue.\nSeverity: error (the "
	                         "default). It is switched on.\nA service user or carer",
	                         100),
	                 0);
	assert_non_null(strstr(rule, "Missing feedback is the main cause of cynicism"));
	free(rule);
	explain_free(&e);

	/* What it concerns: the meeting first, then the person and the project. */
	char *concerns = section_text(v, "What it concerns");
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	want = mem_printf("go to the meeting %s, held %s\ngo to the person %s\ngo to the project "
	                  "%s, stage %s\n",
	                  f->meeting, held, f->person, f->project, f->stage_label);
	assert_string_equal(concerns, want);
	free(concerns);
	free(want);
	/* The meeting screen is not there yet: opening says so and stays. */
	drive_send(st, COMMAND_OPEN, NULL);
	assert_string_equal(screen_top(st)->screen->name, "finding");
	assert_non_null(strstr(screen_view(st)->message, "cannot open the meeting"));
	drive_send(st, COMMAND_BACK, NULL);
	assert_string_equal(screen_view(st)->title, "Findings");
	screen_stack_free(st);

	/* With it: go (from the list, or from the explanation) opens the meeting. */
	int64_t meeting = f->meeting_id;
	st = open_findings(db->store, full, 0);
	drive_send(st, COMMAND_FIND, message);
	drive_key(st, 'g');
	assert_string_equal(screen_top(st)->screen->name, "meeting");
	assert_int_equal(screen_top(st)->id, meeting);
	drive_send(st, COMMAND_BACK, NULL);
	drive_send(st, COMMAND_ACTION, "explain");
	assert_string_equal(screen_top(st)->screen->name, "finding");
	drive_send(st, COMMAND_ACTION, "go");
	assert_string_equal(screen_top(st)->screen->name, "meeting");
	assert_int_equal(screen_top(st)->id, meeting);
	rules_list_free(&l);
	free(message);
	screen_stack_free(st);

	/* Opened for a rule alone: the rule and its settings, no finding. */
	st = screen_stack_new(bare, db->store, drive_config());
	assert_true(screen_push(st, "finding", finding_rule_id(rules_find("meeting_jargon"))));
	v = screen_view(st);
	assert_string_equal(v->title, "Rule: Jargon without explanation");
	assert_string_equal(v->summary, "Severity: info (the default). It is switched on.");
	assert_null(drive_section(v, "What it concerns"));
	assert_true(drive_has_row(v, "jargon = "));
	screen_stack_free(st);
}

static void the_list_is_found_again_after_a_change_and_kept_otherwise(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);
	struct screen_stack *st =
	        open_findings(db->store, bare, finding_rule_id(rules_find("feedback_overdue")));
	size_t before = the_list(st)->rows.n;
	char *first = mem_strdup(the_list(st)->rows.v[0].label);
	/* Help and back: nothing changed, so the same findings. */
	drive_send(st, COMMAND_HELP, NULL);
	drive_send(st, COMMAND_BACK, NULL);
	assert_int_equal(the_list(st)->rows.n, before);
	/* The first person owed is told, through the core API: their finding goes. */
	struct rules_list l;
	run_all(db->store, &l, "feedback_overdue");
	drive_give_feedback(rules_list_at(&l, 0), db->store);
	rules_list_free(&l);
	drive_send(st, COMMAND_HELP, NULL);
	drive_send(st, COMMAND_BACK, NULL);
	assert_int_equal(the_list(st)->rows.n, before - 1);
	assert_false(drive_has_row(screen_view(st), first));
	free(first);
	screen_stack_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		        the_first_500_are_listed_in_order_and_the_rest_counted, support_db_setup,
		        support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        severity_shows_errors_then_warnings_then_information, support_db_setup,
		        support_db_teardown),
		cmocka_unit_test_setup_teardown(rule_shows_only_the_selected_findings_rule,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        opening_a_finding_explains_its_rule_and_goes_to_its_record,
		        support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        the_list_is_found_again_after_a_change_and_kept_otherwise, support_db_setup,
		        support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
