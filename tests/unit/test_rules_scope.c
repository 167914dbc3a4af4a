/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Rules, over everything and narrowed: on the demo year, every rule run over
 * everything and run project by project finds the same findings. Queries
 * read whole indexes over everything and look rows up one by one when
 * narrowed (RULES_ALL_ONLY, RULES_NARROWED_ONLY), so this is where the two
 * ways of finding the same thing are held to the same answer. Over
 * everything the rules may also be shared between two connections in two
 * threads: the findings must be the same, delivered in the same order.
 */
#include "support.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "demo.h"
#include "meeting.h"
#include "mem.h"
#include "record.h"
#include "rules.h"
#include "store.h"

/* Findings as text, one line each, every field: sorted, so two runs compare line by line. */
struct lines {
	char **line;
	size_t count, cap;
};

/* A rules_finding_fn: add the finding as a line of every field. */
static bool lines_add(const struct finding *f, void *ctx)
{
	struct lines *l = ctx;
	mem_grow((void **)&l->line, &l->cap, l->count + 1, sizeof *l->line);
	l->line[l->count++] = mem_printf(
	        "%s|%d|%lld|%s|%d|%s|%lld|%s|%d|%lld|%s|%s|%d|%d|%s", f->rule->id, f->severity,
	        (long long)f->project_id, f->project ? f->project : "(none)", f->stage,
	        f->stage_label ? f->stage_label : "(none)", (long long)f->meeting_id,
	        f->meeting ? f->meeting : "(none)", f->held_on, (long long)f->person_id,
	        f->person ? f->person : "(none)", f->format ? f->format : "(none)", f->due, f->days,
	        f->message);
	return true;
}

static int lines_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void lines_sort(struct lines *l)
{
	qsort(l->line, l->count, sizeof *l->line, lines_cmp);
}

static bool lines_has(const struct lines *l, const char *line)
{
	return bsearch(&line, l->line, l->count, sizeof *l->line, lines_cmp) != NULL;
}

static void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->line[i]);
	free(l->line);
	memset(l, 0, sizeof *l);
}

/* The project id of a line (its third field). */
static long long lines_project(const char *line)
{
	const char *p = strchr(strchr(line, '|') + 1, '|') + 1;
	return strtoll(p, NULL, 10);
}

/* Run every rule over scope into l. */
static void run(struct store *s, const struct config *conf, struct rules_scope scope,
                struct lines *l)
{
	struct rules_options opt = rules_options_default(date_today());
	opt.scope = scope;
	struct error err;
	if (rules_run(s, conf, &opt, lines_add, l, &err) != ERROR_NONE)
		fail_msg("rules over a scope of kind %d: %s", scope.kind, err.msg);
}

/* Each project's findings, together, are everything's findings about projects. */
static void project_by_project_matches_everything(void **state)
{
	struct support_db *db = *state;
	struct config *conf = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(conf), (int)config_int(conf, "feedback.due_days"));
	struct error err;
	assert_int_equal(demo_build(db->store, 1, date_today(), NULL, &err), ERROR_NONE);

	struct lines all = { 0 };
	run(db->store, conf, (struct rules_scope){ RULES_SCOPE_ALL, 0, -1 }, &all);
	lines_sort(&all);
	/* The demo makes every rule fire: so every rule's two ways are compared. */
	size_t nrules;
	const struct rule *table = rules_table(&nrules);
	for (size_t i = 0; i < nrules; i++) {
		bool fired = false;
		for (size_t k = 0; k < all.count && !fired; k++)
			fired = strncmp(all.line[k], table[i].id, strlen(table[i].id)) == 0 &&
			        all.line[k][strlen(table[i].id)] == '|';
		if (!fired)
			fail_msg("the demo no longer makes %s fire", table[i].id);
	}

	/* The projects, in id order. */
	int64_t *projects = NULL;
	size_t nprojects = 0;
	for (int64_t id = 0;
	     (id = record_lookup(db->store, "SELECT min(id) FROM project WHERE id > ?", "i",
	                         id));) {
		projects = mem_realloc(projects, (nprojects + 1) * sizeof *projects);
		projects[nprojects++] = id;
	}
	assert_true(nprojects >= 10);
	struct lines every = { 0 }; /* every project's findings, one after another */
	for (size_t i = 0; i < nprojects; i++) {
		size_t from = every.count;
		run(db->store, conf, (struct rules_scope){ RULES_SCOPE_PROJECT, projects[i], -1 },
		    &every);
		for (size_t k = from; k < every.count; k++) {
			/* Nothing found for a project that is not found over everything... */
			if (!lines_has(&all, every.line[k]))
				fail_msg("found for one project only: %s", every.line[k]);
			/* ...and what is about a project is found for that project. */
			long long p = lines_project(every.line[k]);
			if (p && p != (long long)projects[i])
				fail_msg("found for another project: %s", every.line[k]);
		}
	}
	lines_sort(&every);
	/* Every finding about a project over everything is among its project's. */
	size_t about = 0;
	for (size_t k = 0; k < all.count; k++) {
		if (!lines_project(all.line[k]))
			continue;
		about++;
		if (!lines_has(&every, all.line[k]))
			fail_msg("found over everything but not for its project: %s", all.line[k]);
	}
	assert_true(about > 100);
	lines_free(&every);
	lines_free(&all);
	free(projects);
	config_free(conf);
}

/* A rules_finding_fn: lines_add until the limit is reached, then stop the run. */
struct stop_at {
	struct lines lines;
	size_t limit;
};

static bool stop_at_add(const struct finding *f, void *ctx)
{
	struct stop_at *s = ctx;
	lines_add(f, &s->lines);
	return s->lines.count < s->limit;
}

/* Run over everything on the given number of connections into st (stopping at st->limit). */
static enum error_code run_on(struct store *s, const struct config *conf, int connections,
                              uint64_t only, struct stop_at *st, struct error *err)
{
	struct rules_options opt = rules_options_default(date_today());
	opt.connections = connections;
	opt.only = only;
	return rules_run(s, conf, &opt, stop_at_add, st, err);
}

/* Lines a and b hold the same findings in the same order. */
static void same_lines(const struct lines *a, const struct lines *b)
{
	assert_int_equal(a->count, b->count);
	for (size_t i = 0; i < a->count; i++)
		if (strcmp(a->line[i], b->line[i]) != 0)
			fail_msg("finding %zu differs:\n  one connection:  %s\n  two connections: "
			         "%s",
			         i, a->line[i], b->line[i]);
}

/* Two connections in two threads deliver what one does, in the same order, and stop as asked. */
static void two_connections_find_what_one_does(void **state)
{
	struct support_db *db = *state;
	struct config *conf = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(conf), (int)config_int(conf, "feedback.due_days"));
	struct error err;
	assert_int_equal(demo_build(db->store, 1, date_today(), NULL, &err), ERROR_NONE);
	size_t nrules;
	rules_table(&nrules);
	/* Every rule; then only the morning check's four, which are of different lengths. */
	uint64_t only[] = { 0,
		            (UINT64_C(1) << rules_index(rules_find("feedback_overdue"))) |
		                    (UINT64_C(1) << rules_index(rules_find("feedback_due_soon"))) |
		                    (UINT64_C(1) << rules_index(rules_find("payment_overdue"))) |
		                    (UINT64_C(1) << rules_index(rules_find("action_overdue"))) };
	size_t every_rule = 0;
	for (size_t o = 0; o < sizeof only / sizeof *only; o++) {
		struct stop_at one = { .limit = SIZE_MAX }, two = { .limit = SIZE_MAX };
		assert_int_equal(run_on(db->store, conf, 1, only[o], &one, &err), ERROR_NONE);
		assert_int_equal(run_on(db->store, conf, 2, only[o], &two, &err), ERROR_NONE);
		assert_true(one.lines.count > 100);
		same_lines(&one.lines, &two.lines);
		if (!only[o])
			every_rule = one.lines.count;
		/* Stopped part way: exactly as many, the same ones. */
		size_t limits[] = { 1, one.lines.count / 3, one.lines.count - 1 };
		for (size_t k = 0; k < sizeof limits / sizeof *limits; k++) {
			struct stop_at a = { .limit = limits[k] }, b = { .limit = limits[k] };
			assert_int_equal(run_on(db->store, conf, 1, only[o], &a, &err), ERROR_NONE);
			assert_int_equal(run_on(db->store, conf, 2, only[o], &b, &err), ERROR_NONE);
			assert_int_equal(a.lines.count, limits[k]);
			same_lines(&a.lines, &b.lines);
			lines_free(&a.lines);
			lines_free(&b.lines);
		}
		lines_free(&one.lines);
		lines_free(&two.lines);
	}
	/* Inside a transaction a second connection would not see its changes: one is used. */
	assert_int_equal(store_begin(db->store, &err), ERROR_NONE);
	assert_int_equal(store_exec(db->store, "DELETE FROM feedback", &err), ERROR_NONE);
	struct stop_at one = { .limit = SIZE_MAX }, two = { .limit = SIZE_MAX };
	assert_int_equal(run_on(db->store, conf, 1, 0, &one, &err), ERROR_NONE);
	assert_int_equal(run_on(db->store, conf, 2, 0, &two, &err), ERROR_NONE);
	assert_true(one.lines.count > every_rule); /* with no feedback given, more is owed */
	same_lines(&one.lines, &two.lines);
	store_rollback(db->store);
	lines_free(&one.lines);
	lines_free(&two.lines);
	config_free(conf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(project_by_project_matches_everything,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(two_connections_find_what_one_does,
		                                support_db_setup, support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
