/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Records: every kind makes the round trip create → get → update → list →
 * delete with every field filled, and bad values are refused with a sentence.
 */
#include "support.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting.h"
#include "mem.h"
#include "person.h"
#include "project.h"
#include "registry.h"

/* A value for field f that differs between variant 0 and 1. */
static char *sample(const struct field *f, int variant)
{
	switch (f->type) {
	case FIELD_TEXT:
		return mem_printf("%s %d: Pawe\xC5\x82 \xE4\xB8\xAD \"quoted\", comma", f->name,
		                  variant);
	case FIELD_DATE:
		return mem_strdup(variant ? "2024-02-29" : "2026-10-05");
	case FIELD_INT:
		return mem_strdup(variant ? "9" : "7");
	case FIELD_MONEY:
		return mem_strdup(variant ? "1250.50" : "12.34");
	case FIELD_BOOL:
		return mem_strdup(variant ? "no" : "yes");
	case FIELD_CHOICE: {
		size_t n = record_choice_count(f->choices);
		return mem_strdup(f->choices[variant ? 0 : n - 1].key);
	}
	case FIELD_FLAGS:
		return mem_strdup(variant ? f->choices[2].key : "service_user;carer");
	case FIELD_REF:
		return NULL;
	}
	return NULL;
}

/* Create a record of kind with every field filled; returns its id. */
static int64_t make(struct store *s, const struct record_kind *kind, int variant)
{
	void *rec = mem_alloc(kind->size);
	record_init(kind, rec);
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if (f->type == FIELD_REF) {
			const struct record_kind *target = registry_find(f->ref_table);
			assert_non_null(target);
			*(int64_t *)((char *)rec + f->offset) = make(s, target, variant);
			continue;
		}
		char *v = sample(f, variant);
		struct error err;
		if (record_field_parse(f, rec, v, &err) != ERROR_NONE)
			fail_msg("%s.%s: %s", kind->table, f->name, err.msg);
		free(v);
	}
	struct error err;
	if (record_create(s, kind, rec, &err) != ERROR_NONE)
		fail_msg("creating %s: %s", kind->table, err.msg);
	int64_t id = ((struct record_head *)rec)->id;
	record_clear(kind, rec);
	free(rec);
	return id;
}

/* Every field of a and b formats the same (refs and derived fields aside). */
static void assert_same(const struct record_kind *kind, const void *a, const void *b)
{
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		char *x = record_field_format(f, a), *y = record_field_format(f, b);
		if (strcmp(x, y) != 0)
			fail_msg("%s.%s: \"%s\" != \"%s\"", kind->table, f->name, x, y);
		free(x);
		free(y);
	}
}

static bool count_row(void *rec, const char *order, void *ctx)
{
	(void)rec, (void)order;
	++*(int *)ctx;
	return true;
}

static void every_kind_round_trips(void **state)
{
	struct support_db *db = *state;
	for (size_t k = 0; registry_kinds[k]; k++) {
		const struct record_kind *kind = registry_kinds[k];
		int64_t id = make(db->store, kind, 0);
		void *got = mem_alloc(kind->size), *want = mem_alloc(kind->size);
		assert_int_equal(record_get(db->store, kind, id, got, NULL), ERROR_NONE);
		assert_int_equal(((struct record_head *)got)->id, id);
		assert_true(((struct record_head *)got)->created_at[0] != '\0');
		/* Rebuild what was written and compare field by field. */
		record_init(kind, want);
		for (size_t i = 0; i < kind->nfields; i++) {
			const struct field *f = &kind->fields[i];
			if (f->type == FIELD_REF) {
				memcpy((char *)want + f->offset, (char *)got + f->offset,
				       sizeof(int64_t));
				continue;
			}
			char *v = sample(f, 0);
			assert_int_equal(record_field_parse(f, want, v, NULL), ERROR_NONE);
			free(v);
		}
		if (kind == &meeting_kind) /* derived from the date held */
			memcpy(((struct meeting *)want)->feedback_due_on,
			       ((struct meeting *)got)->feedback_due_on, DATE_TEXT_SIZE);
		assert_same(kind, want, got);

		/* Change every non-reference field to the other variant and read it back. */
		for (size_t i = 0; i < kind->nfields; i++) {
			const struct field *f = &kind->fields[i];
			if (f->type == FIELD_REF)
				continue;
			char *v = sample(f, 1);
			assert_int_equal(record_field_parse(f, got, v, NULL), ERROR_NONE);
			assert_int_equal(record_field_parse(f, want, v, NULL), ERROR_NONE);
			free(v);
		}
		assert_int_equal(record_update(db->store, kind, got, NULL), ERROR_NONE);
		record_clear(kind, got);
		assert_int_equal(record_get(db->store, kind, id, got, NULL), ERROR_NONE);
		if (kind == &meeting_kind)
			memcpy(((struct meeting *)want)->feedback_due_on,
			       ((struct meeting *)got)->feedback_due_on, DATE_TEXT_SIZE);
		assert_same(kind, want, got);

		int n = 0;
		struct record_query q = { .limit = 1000 };
		assert_int_equal(record_list(db->store, kind, &q, count_row, &n, NULL, NULL),
		                 ERROR_NONE);
		assert_true(n >= 1);
		assert_int_equal(record_delete(db->store, kind, id, NULL), ERROR_NONE);
		struct error err;
		record_clear(kind, got);
		assert_int_equal(record_get(db->store, kind, id, got, &err), ERROR_NOT_FOUND);
		assert_int_equal(record_delete(db->store, kind, id, NULL), ERROR_NOT_FOUND);
		record_clear(kind, got);
		record_clear(kind, want);
		free(got);
		free(want);
	}
}

static void bad_values_are_refused_with_a_sentence(void **state)
{
	struct support_db *db = *state;
	struct project p;
	project_init(&p);
	struct error err;
	/* A required field left empty. */
	assert_int_equal(project_create(db->store, &p, &err), ERROR_INVALID);
	assert_string_equal(err.field, "title");
	assert_non_null(strstr(err.msg, "cannot be left empty"));
	mem_replace(&p.title, "Day opportunities redesign");
	assert_int_equal(project_create(db->store, &p, &err), ERROR_NONE);
	/* A date that is not a date, through the form path. */
	assert_int_equal(
	        record_set(db->store, &project_kind, p.head.id, "started_on", "2026-02-30", &err),
	        ERROR_INVALID);
	assert_string_equal(err.field, "started_on");
	assert_non_null(strstr(err.msg, "start date"));
	assert_non_null(strstr(err.msg, "28 days"));
	/* A choice that is not one. */
	assert_int_equal(record_set(db->store, &project_kind, p.head.id, "kind", "rebuild", &err),
	                 ERROR_INVALID);
	assert_non_null(strstr(err.msg, "new_service, redesign, decommissioning or review"));
	/* Nothing changed by the refusals; a good value is saved. */
	assert_int_equal(
	        record_set(db->store, &project_kind, p.head.id, "kind", "decommissioning", &err),
	        ERROR_NONE);
	struct project got;
	assert_int_equal(project_get(db->store, p.head.id, &got, NULL), ERROR_NONE);
	assert_string_equal(got.started_on, "");
	assert_int_equal(got.kind, PROJECT_DECOMMISSIONING);
	project_clear(&got);
	/* Labels are accepted as well as keys; money and bools in people's words. */
	struct person person;
	person_init(&person);
	mem_replace(&person.name, "Ann B.");
	const struct field *fmt = record_field(&person_kind, "preferred_format");
	assert_int_equal(record_field_parse(fmt, &person, "Easy read", NULL), ERROR_NONE);
	assert_int_equal(person.preferred_format, 1);
	const struct field *roles = record_field(&person_kind, "roles");
	assert_int_equal(record_field_parse(roles, &person, "carer; service user", NULL),
	                 ERROR_NONE);
	assert_true(person_has_role(&person, 0) && person_has_role(&person, 1));
	assert_int_equal(record_field_parse(roles, &person, "carer;astronaut", &err),
	                 ERROR_INVALID);
	assert_non_null(strstr(err.msg, "astronaut"));
	const struct field *ben = record_field(&person_kind, "benefits_concern");
	assert_int_equal(record_field_parse(ben, &person, "maybe", &err), ERROR_INVALID);
	assert_int_equal(record_field_parse(ben, &person, "Yes", NULL), ERROR_NONE);
	assert_int_equal(person.benefits_concern, 1);
	person_clear(&person);
	project_clear(&p);
}

/* Collects ids and the last position for paging. */
struct pager {
	int64_t ids[64];
	int n;
	char last_order[64];
	int64_t last_id;
};

static bool page_row(void *rec, const char *order, void *ctx)
{
	struct pager *pg = ctx;
	pg->ids[pg->n++] = ((struct record_head *)rec)->id;
	snprintf(pg->last_order, sizeof pg->last_order, "%s", order);
	pg->last_id = ((struct record_head *)rec)->id;
	return true;
}

static void lists_page_by_key_both_ways(void **state)
{
	struct support_db *db = *state;
	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Paging");
	assert_int_equal(project_create(db->store, &pr, NULL), ERROR_NONE);
	/* 25 meetings on 10 dates, so pages split within a date. */
	for (int i = 0; i < 25; i++) {
		struct meeting m;
		meeting_init(&m);
		m.project_id = pr.head.id;
		char *t = mem_printf("Meeting %02d", i);
		mem_replace(&m.title, t);
		free(t);
		snprintf(m.held_on, sizeof m.held_on, "2026-10-%02d", 1 + i % 10);
		assert_int_equal(meeting_create(db->store, &m, NULL), ERROR_NONE);
		meeting_clear(&m);
	}
	struct pager all = { 0 };
	struct record_query q = { .where = "project_id", .where_id = pr.head.id, .limit = 64 };
	assert_int_equal(meeting_list(db->store, &q, page_row, &all, NULL, NULL), ERROR_NONE);
	assert_int_equal(all.n, 25);
	/* Forward in pages of 7 gives the same sequence. */
	struct pager seen = { 0 };
	struct record_query page = q;
	page.limit = 7;
	char position[64];
	for (;;) {
		struct pager one = { 0 };
		int rows = 0;
		assert_int_equal(meeting_list(db->store, &page, page_row, &one, &rows, NULL),
		                 ERROR_NONE);
		for (int i = 0; i < one.n; i++)
			seen.ids[seen.n++] = one.ids[i];
		if (rows < 7)
			break;
		page.has_after = true;
		snprintf(position, sizeof position, "%s", one.last_order);
		page.after_order = position;
		page.after_id = one.last_id;
	}
	assert_int_equal(seen.n, 25);
	assert_memory_equal(seen.ids, all.ids, sizeof(int64_t) * 25);
	/* Backward from the 10th row gives rows 9..1 nearest first. */
	struct meeting tenth;
	assert_int_equal(meeting_get(db->store, all.ids[9], &tenth, NULL), ERROR_NONE);
	struct record_query back = q;
	back.has_after = true;
	back.after_order = tenth.held_on;
	back.after_id = tenth.head.id;
	back.backward = true;
	back.limit = 5;
	struct pager before = { 0 };
	assert_int_equal(meeting_list(db->store, &back, page_row, &before, NULL, NULL), ERROR_NONE);
	assert_int_equal(before.n, 5);
	for (int i = 0; i < 5; i++)
		assert_int_equal(before.ids[i], all.ids[8 - i]);
	meeting_clear(&tenth);
	/* Search by name and count. */
	struct record_query find = q;
	find.search = "meeting 1";
	int64_t count = 0;
	assert_int_equal(record_count(db->store, &meeting_kind, &find, &count, NULL), ERROR_NONE);
	assert_int_equal(count, 10);
	find.search = "100%";
	assert_int_equal(record_count(db->store, &meeting_kind, &find, &count, NULL), ERROR_NONE);
	assert_int_equal(count, 0);
	project_clear(&pr);
}

static void feedback_due_follows_the_date_held(void **state)
{
	struct support_db *db = *state;
	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Due dates");
	assert_int_equal(project_create(db->store, &pr, NULL), ERROR_NONE);
	meeting_set_due_policy(NULL, 20);
	struct meeting m;
	meeting_init(&m);
	m.project_id = pr.head.id;
	mem_replace(&m.title, "Carers' forum");
	memcpy(m.held_on, "2026-11-02", DATE_TEXT_SIZE);
	assert_int_equal(meeting_create(db->store, &m, NULL), ERROR_NONE);
	assert_string_equal(m.feedback_due_on, "2026-11-30");
	/* Moving the date moves the due date. */
	assert_int_equal(
	        record_set(db->store, &meeting_kind, m.head.id, "held_on", "2026-11-03", NULL),
	        ERROR_NONE);
	struct meeting got;
	assert_int_equal(meeting_get(db->store, m.head.id, &got, NULL), ERROR_NONE);
	assert_string_equal(got.feedback_due_on, "2026-12-01");
	/* A policy change re-derives it; a hand-set date stays. */
	struct calendar cal;
	calendar_init(&cal);
	int32_t xmas;
	date_parse("2026-11-27", &xmas, NULL);
	calendar_add(&cal, xmas);
	meeting_set_due_policy(&cal, 20);
	calendar_free(&cal);
	int moved = 0;
	assert_int_equal(meeting_refresh_due_dates(db->store, &moved, NULL), ERROR_NONE);
	assert_int_equal(moved, 1);
	meeting_clear(&got);
	assert_int_equal(meeting_get(db->store, m.head.id, &got, NULL), ERROR_NONE);
	assert_string_equal(got.feedback_due_on, "2026-12-02");
	got.feedback_due_fixed = 1;
	memcpy(got.feedback_due_on, "2027-01-15", DATE_TEXT_SIZE);
	assert_int_equal(meeting_update(db->store, &got, NULL), ERROR_NONE);
	meeting_set_due_policy(NULL, 20);
	assert_int_equal(meeting_refresh_due_dates(db->store, &moved, NULL), ERROR_NONE);
	assert_int_equal(moved, 0);
	meeting_clear(&got);
	assert_int_equal(meeting_get(db->store, m.head.id, &got, NULL), ERROR_NONE);
	assert_string_equal(got.feedback_due_on, "2027-01-15");
	assert_int_equal(meeting_find(db->store, "carers' FORUM", "2026-11-03"), m.head.id);
	assert_int_equal(meeting_find(db->store, "Carers' forum", "2026-11-02"), 0);
	meeting_clear(&got);
	meeting_clear(&m);
	project_clear(&pr);
}

/* Many records at once: all inserted (a full batch and the rest), or none. */
static void create_many_is_all_or_nothing(void **state)
{
	struct support_db *db = *state;
	enum { N = RECORD_BATCH + 6 };
	struct person people[N];
	void *recs[N];
	for (int i = 0; i < N; i++) {
		person_init(&people[i]);
		char *name = mem_printf("Person %d", i);
		mem_replace(&people[i].name, name);
		free(name);
		recs[i] = &people[i];
	}
	/* One not acceptable: nothing is inserted, and it is named. */
	mem_replace(&people[5].name, "");
	struct error err;
	size_t bad = 0;
	assert_int_equal(record_create_many(db->store, &person_kind, recs, N, &bad, &err),
	                 ERROR_INVALID);
	assert_int_equal(bad, 5);
	assert_string_equal(err.field, "name");
	struct record_query all = { 0 };
	int64_t count = -1;
	assert_int_equal(record_count(db->store, &person_kind, &all, &count, NULL), ERROR_NONE);
	assert_int_equal(count, 0);

	/* A constraint the checks cannot see fails the whole call, not half of it. */
	mem_replace(&people[5].name, "Person 5");
	assert_int_equal(store_exec(db->store,
	                            "CREATE TRIGGER no_zed BEFORE INSERT ON person WHEN NEW.name = "
	                            "'Zed' BEGIN SELECT RAISE(ABORT, 'no Zed'); END",
	                            &err),
	                 ERROR_NONE);
	mem_replace(&people[N - 1].name, "Zed");
	assert_int_not_equal(record_create_many(db->store, &person_kind, recs, N, NULL, &err),
	                     ERROR_NONE);
	assert_int_equal(record_count(db->store, &person_kind, &all, &count, NULL), ERROR_NONE);
	assert_int_equal(count, 0);

	mem_replace(&people[N - 1].name, "Person last");
	for (int i = 0; i < N; i++)
		people[i].head.id = 0;
	assert_int_equal(record_create_many(db->store, &person_kind, recs, N, &bad, &err),
	                 ERROR_NONE);
	assert_int_equal(bad, N);
	assert_int_equal(record_count(db->store, &person_kind, &all, &count, NULL), ERROR_NONE);
	assert_int_equal(count, N);
	for (int i = 0; i < N; i += N - 1) {
		struct person got;
		assert_true(people[i].head.id != 0);
		assert_int_equal(person_get(db->store, people[i].head.id, &got, &err), ERROR_NONE);
		assert_string_equal(got.name, people[i].name);
		assert_string_equal(got.head.created_at, people[i].head.created_at);
		person_clear(&got);
	}
	for (int i = 0; i < N; i++)
		person_clear(&people[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_kind_round_trips, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(bad_values_are_refused_with_a_sentence,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(lists_page_by_key_both_ways, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(feedback_due_follows_the_date_held,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(create_many_is_all_or_nothing, support_db_setup,
		                                support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
