/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The change log in words: records named as people know them now, newest first. */
#include "support.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "audit.h"
#include "meeting.h"
#include "mem.h"
#include "person.h"
#include "privacy.h"
#include "project.h"

/* The sentences of the change log, newest first, one per line. */
struct lines {
	struct store *s;
	char text[4096];
	int count;
};

static bool collect(const struct audit_entry *e, void *ctx)
{
	struct lines *l = ctx;
	char *words = audit_sentence(l->s, e);
	size_t used = strlen(l->text);
	snprintf(l->text + used, sizeof l->text - used, "%s\n", words);
	free(words);
	l->count++;
	return true;
}

static void read_log(struct store *s, const struct audit_query *q, struct lines *l)
{
	memset(l, 0, sizeof *l);
	l->s = s;
	assert_int_equal(audit_list(s, q, collect, l, NULL), ERROR_NONE);
}

static void changes_read_as_sentences_newest_first(void **state)
{
	struct support_db *db = *state;
	struct store *s = db->store;
	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Day services");
	assert_int_equal(project_create(s, &pr, NULL), ERROR_NONE);
	struct meeting m;
	meeting_init(&m);
	m.project_id = pr.head.id;
	mem_replace(&m.title, "Carers' forum");
	strcpy(m.held_on, "2026-10-02");
	assert_int_equal(meeting_create(s, &m, NULL), ERROR_NONE);
	mem_replace(&m.purpose, "Hear from carers");
	mem_replace(&m.notes, "Good turnout");
	assert_int_equal(meeting_update(s, &m, NULL), ERROR_NONE);
	/* A save that changes nothing is not a change. */
	assert_int_equal(meeting_update(s, &m, NULL), ERROR_NONE);
	struct person p;
	person_init(&p);
	mem_replace(&p.name, "Ann B.");
	assert_int_equal(person_create(s, &p, NULL), ERROR_NONE);
	struct attendance a;
	attendance_init(&a);
	a.meeting_id = m.head.id;
	a.person_id = p.head.id;
	assert_int_equal(attendance_create(s, &a, NULL), ERROR_NONE);

	struct lines l;
	read_log(s, NULL, &l);
	assert_string_equal(l.text, "attendance of Ann B. at Carers' forum (2026-10-02) added\n"
	                            "person Ann B. added\n"
	                            "meeting Carers' forum (2026-10-02) changed: purpose, notes\n"
	                            "meeting Carers' forum (2026-10-02) added\n"
	                            "project Day services added\n");

	/* Names are today's: a forgotten person reads "a participant" everywhere. */
	struct privacy_forgotten f;
	assert_int_equal(privacy_forget(s, p.head.id, false, &f, NULL), ERROR_NONE);
	privacy_forgotten_free(&f);
	read_log(s, &(struct audit_query){ .limit = 3 }, &l);
	assert_int_equal(l.count, 3);
	char forgotten[64];
	snprintf(forgotten, sizeof forgotten, "a participant %06" PRIx64,
	         (uint64_t)p.head.id & 0xffffff);
	char *names = mem_printf("person %s: person forgotten\n"
	                         "person %s changed: name, anonymised\n"
	                         "attendance of %s at Carers' forum (2026-10-02) added\n",
	                         forgotten, forgotten, forgotten);
	assert_string_equal(l.text, names);
	free(names);

	/* A deleted record is named by kind and number. */
	int64_t mid = m.head.id;
	assert_int_equal(meeting_delete(s, mid, NULL), ERROR_NONE);
	read_log(s, &(struct audit_query){ .limit = 2 }, &l);
	char *want = mem_printf("meeting #%" PRId64 " deleted\nattendance #%" PRId64 " deleted\n",
	                        mid, a.head.id);
	assert_string_equal(l.text, want);
	free(want);
	read_log(s, NULL, &l);
	want = mem_printf("meeting #%" PRId64 " (since deleted) changed: purpose, notes\n", mid);
	assert_non_null(strstr(l.text, want));
	free(want);

	/* One record's history. */
	read_log(s, &(struct audit_query){ .table = "project", .row_id = pr.head.id }, &l);
	assert_string_equal(l.text, "project Day services added\n");
	project_clear(&pr);
	meeting_clear(&m);
	person_clear(&p);
	attendance_clear(&a);
}

static void since_leaves_out_older_changes(void **state)
{
	struct support_db *db = *state;
	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Old");
	assert_int_equal(project_create(db->store, &pr, NULL), ERROR_NONE);
	project_clear(&pr);
	assert_int_equal(
	        store_exec(db->store, "UPDATE audit SET at = '2026-01-05T10:00:00.000Z'", NULL),
	        ERROR_NONE);
	project_init(&pr);
	mem_replace(&pr.title, "New");
	assert_int_equal(project_create(db->store, &pr, NULL), ERROR_NONE);
	project_clear(&pr);
	struct lines l;
	read_log(db->store, &(struct audit_query){ .since = "2026-06-01T00:00:00.000Z" }, &l);
	assert_string_equal(l.text, "project New added\n");
	read_log(db->store, &(struct audit_query){ .since = "2026-01-01T00:00:00.000Z" }, &l);
	assert_int_equal(l.count, 2);
}

static void notes_are_recorded(void **state)
{
	struct support_db *db = *state;
	assert_int_equal(audit_note(db->store, "project", 77, "imported", NULL), ERROR_NONE);
	struct lines l;
	read_log(db->store, NULL, &l);
	assert_string_equal(l.text, "project #77 (since deleted): imported\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(changes_read_as_sentences_newest_first,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(since_leaves_out_older_changes, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(notes_are_recorded, support_db_setup,
		                                support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
