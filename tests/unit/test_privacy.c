/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Privacy: finding a person by name or number, exporting everything held
 * about them, and forgetting them — erased for good, in one transaction,
 * with nothing of the erased values left in the file, its journal or the
 * change log, while what they said and every count stays.
 */
#include "support.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "audit.h"
#include "contribution.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "privacy.h"
#include "project.h"
#include "text.h"

/* Distinctive values for every personal field, to look for in the file afterwards. */
static const struct {
	const char *field, *value;
} secrets[] = {
	{ "name", "Zebedee Quartermaine" },
	{ "language", "Kashubian-Xq" },
	{ "contact", "zebedee.q@example.org 07700 900987" },
	{ "support_needs", "induction loop plus BSL interpreter Q7" },
	{ "consent_scope", "contact about wheelchair services Q8" },
	{ "tags", "gypsy-traveller-community-Q9" },
	{ "notes", "Lives at 14 Mulberry Close; daughter Xanthe" },
};
enum { NSECRETS = sizeof secrets / sizeof *secrets };

struct scene {
	int64_t project, meeting, person, other, contribution;
};

/* A person with every personal field filled, at a meeting, who said something and was paid. */
static void scene_make(struct store *s, struct scene *sc)
{
	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Wheelchair services review");
	assert_int_equal(project_create(s, &pr, NULL), ERROR_NONE);
	sc->project = pr.head.id;
	project_clear(&pr);

	struct meeting m;
	meeting_init(&m);
	m.project_id = sc->project;
	mem_replace(&m.title, "Users' panel");
	strcpy(m.held_on, "2026-10-02");
	mem_replace(&m.notes, "Zebedee Quartermaine chaired the second half.");
	assert_int_equal(meeting_create(s, &m, NULL), ERROR_NONE);
	sc->meeting = m.head.id;
	meeting_clear(&m);

	struct person p;
	person_init(&p);
	struct error err;
	for (size_t i = 0; i < NSECRETS; i++)
		assert_int_equal(record_field_parse(record_field(&person_kind, secrets[i].field),
		                                    &p, secrets[i].value, &err),
		                 ERROR_NONE);
	/* Long notes live in overflow pages, which are freed when the notes are erased. */
	char *long_notes = mem_alloc(12001);
	for (size_t i = 0; i < 12000; i++)
		long_notes[i] = secrets[6].value[i % strlen(secrets[6].value)];
	long_notes[12000] = '\0';
	mem_replace(&p.notes, long_notes);
	free(long_notes);
	p.roles = 1u << 0;
	strcpy(p.first_involved_on, "2025-01-06");
	assert_int_equal(person_create(s, &p, NULL), ERROR_NONE);
	sc->person = p.head.id;
	/* An earlier value, so the journal holds more than one version of the row. */
	mem_replace(&p.contact, "old contact Q10 yellow");
	assert_int_equal(person_update(s, &p, NULL), ERROR_NONE);
	mem_replace(&p.contact, secrets[2].value);
	assert_int_equal(person_update(s, &p, NULL), ERROR_NONE);
	person_clear(&p);

	person_init(&p);
	mem_replace(&p.name, "Someone Else");
	assert_int_equal(person_create(s, &p, NULL), ERROR_NONE);
	sc->other = p.head.id;
	person_clear(&p);

	struct attendance a;
	attendance_init(&a);
	a.meeting_id = sc->meeting;
	a.person_id = sc->person;
	assert_int_equal(attendance_create(s, &a, NULL), ERROR_NONE);
	attendance_clear(&a);

	struct contribution c;
	contribution_init(&c);
	c.meeting_id = sc->meeting;
	c.person_id = sc->person;
	mem_replace(&c.said, "The ramps at the clinic are too steep.");
	assert_int_equal(contribution_create(s, &c, NULL), ERROR_NONE);
	sc->contribution = c.head.id;
	contribution_clear(&c);

	struct payment pay;
	payment_init(&pay);
	pay.person_id = sc->person;
	pay.meeting_id = sc->meeting;
	pay.amount_pence = 2500;
	assert_int_equal(payment_create(s, &pay, NULL), ERROR_NONE);
	payment_clear(&pay);
}

/* True when the file at path holds the bytes of needle anywhere. */
static bool file_holds(const char *path, const char *needle)
{
	size_t n = 0;
	char *data = support_read_file(path, &n);
	if (!data)
		return false;
	bool found = memmem(data, n, needle, strlen(needle)) != NULL;
	free(data);
	return found;
}

static int64_t count_rows(struct store *s, const char *sql, int64_t id)
{
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_int64(q, 1, id);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return n;
}

static void finds_people_by_name_or_number(void **state)
{
	struct support_db *db = *state;
	struct scene sc;
	scene_make(db->store, &sc);
	int64_t id = 0;
	struct error err;
	assert_int_equal(privacy_find(db->store, "  zebedee QUARTERMAINE ", &id, NULL, &err),
	                 ERROR_NONE);
	assert_true(id == sc.person);
	char *num = mem_printf("#%" PRId64, sc.other);
	assert_int_equal(privacy_find(db->store, num, &id, NULL, &err), ERROR_NONE);
	assert_true(id == sc.other);
	assert_int_equal(privacy_find(db->store, num + 1, &id, NULL, &err), ERROR_NONE);
	assert_true(id == sc.other);
	free(num);
	assert_int_equal(privacy_find(db->store, "Zebedee", &id, NULL, &err), ERROR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "No one called \"Zebedee\""));
	assert_int_equal(privacy_find(db->store, "#12x", &id, NULL, &err), ERROR_INVALID);
	assert_int_equal(privacy_find(db->store, "#99999999999999999999", &id, NULL, &err),
	                 ERROR_INVALID);
	assert_int_equal(privacy_find(db->store, "#42", &id, NULL, &err), ERROR_NOT_FOUND);
	assert_int_equal(privacy_find(db->store, "", &id, NULL, &err), ERROR_INVALID);

	/* Two people with one name: each is listed by number, with what tells them apart. */
	struct person twin;
	person_init(&twin);
	mem_replace(&twin.name, "someone else");
	strcpy(twin.first_involved_on, "2026-03-04");
	assert_int_equal(person_create(db->store, &twin, NULL), ERROR_NONE);
	struct text_lines m;
	assert_int_equal(privacy_find(db->store, "Someone Else", &id, &m, &err), ERROR_INVALID);
	assert_int_equal(id, 0);
	assert_non_null(strstr(err.msg, "2 people are called"));
	assert_int_equal(m.count, 2);
	char *a = mem_printf("#%" PRId64 ":", sc.other);
	char *b = mem_printf("#%" PRId64 ":", twin.head.id);
	assert_true(
	        (strncmp(m.lines[0], a, strlen(a)) == 0 &&
	         strncmp(m.lines[1], b, strlen(b)) == 0) ||
	        (strncmp(m.lines[0], b, strlen(b)) == 0 && strncmp(m.lines[1], a, strlen(a)) == 0));
	assert_true(strstr(m.lines[0], "first involved 2026-03-04") ||
	            strstr(m.lines[1], "first involved 2026-03-04"));
	free(a);
	free(b);
	text_lines_free(&m);
	person_clear(&twin);
}

static void the_personal_fields_are_flagged_in_the_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < NSECRETS; i++) {
		const struct field *f = record_field(&person_kind, secrets[i].field);
		assert_non_null(f);
		assert_true(f->flags & FIELD_PERSONAL);
	}
	/* What the rules count by stays: roles, first involved, the anonymised flag. */
	assert_false(record_field(&person_kind, "roles")->flags & FIELD_PERSONAL);
	assert_false(record_field(&person_kind, "first_involved_on")->flags & FIELD_PERSONAL);
	assert_false(record_field(&person_kind, "anonymised")->flags & FIELD_PERSONAL);
}

/* Forgotten people are numbered, so two of them stay apart; forgetting again keeps the number. */
static void forgotten_people_stay_apart(void **state)
{
	struct support_db *db = *state;
	int64_t ids[2];
	for (int i = 0; i < 2; i++) {
		struct person p;
		person_init(&p);
		mem_replace(&p.name, i ? "Ann B." : "Tomasz W.");
		assert_int_equal(person_create(db->store, &p, NULL), ERROR_NONE);
		ids[i] = p.head.id;
		person_clear(&p);
	}
	struct privacy_forgotten f;
	for (int i = 0; i < 2; i++) {
		assert_int_equal(privacy_forget(db->store, ids[i], false, &f, NULL), ERROR_NONE);
		privacy_forgotten_free(&f);
	}
	assert_int_equal(privacy_forget(db->store, ids[0], false, &f, NULL), ERROR_NONE);
	assert_true(f.already);
	privacy_forgotten_free(&f);
	struct person a, b;
	assert_int_equal(person_get(db->store, ids[0], &a, NULL), ERROR_NONE);
	assert_int_equal(person_get(db->store, ids[1], &b, NULL), ERROR_NONE);
	/* Six hex digits of the id: the same on every laptop the forgetting reaches. */
	char want[64];
	snprintf(want, sizeof want, "a participant %06" PRIx64, (uint64_t)ids[0] & 0xffffff);
	assert_string_equal(a.name, want);
	snprintf(want, sizeof want, "a participant %06" PRIx64, (uint64_t)ids[1] & 0xffffff);
	assert_string_equal(b.name, want);
	assert_string_not_equal(a.name, b.name);
	assert_int_equal(person_find(db->store, want), ids[1]);
	person_clear(&a);
	person_clear(&b);
}

static void forgetting_erases_personal_fields_and_keeps_what_they_said(void **state)
{
	struct support_db *db = *state;
	struct scene sc;
	scene_make(db->store, &sc);
	struct privacy_forgotten f;
	struct error err;
	assert_int_equal(privacy_forget(db->store, sc.person, false, &f, &err), ERROR_NONE);
	assert_string_equal(f.name, "Zebedee Quartermaine");
	assert_false(f.already);
	assert_int_equal(f.nerased, NSECRETS);
	assert_int_equal(f.kept.attendances, 1);
	assert_int_equal(f.kept.contributions, 1);
	assert_int_equal(f.kept.payments, 1);
	assert_true(f.journal_cleared);
	/* The meeting notes still name them: the facilitator is told where. */
	assert_int_equal(f.total_mentions, 1);
	assert_non_null(strstr(f.mentions[0], "meeting Users' panel (2026-10-02): notes"));
	privacy_forgotten_free(&f);

	struct person p;
	assert_int_equal(person_get(db->store, sc.person, &p, NULL), ERROR_NONE);
	char want[64];
	snprintf(want, sizeof want, "%s %06" PRIx64, PRIVACY_FORGOTTEN_NAME,
	         (uint64_t)sc.person & 0xffffff);
	assert_string_equal(p.name, want);
	assert_int_equal(p.anonymised, 1);
	for (size_t i = 0; i < person_kind.nfields; i++) {
		const struct field *fl = &person_kind.fields[i];
		if ((fl->flags & FIELD_PERSONAL) && strcmp(fl->name, "name") != 0)
			assert_true(record_field_empty(fl, &p));
	}
	assert_int_equal(p.roles, 1u << 0);
	assert_string_equal(p.first_involved_on, "2025-01-06");
	person_clear(&p);

	/* What they said stays, attributed to them as "a participant". */
	struct contribution c;
	assert_int_equal(contribution_get(db->store, sc.contribution, &c, NULL), ERROR_NONE);
	assert_true(c.person_id == sc.person);
	assert_string_equal(c.said, "The ramps at the clinic are too steep.");
	contribution_clear(&c);
	assert_int_equal(count_rows(db->store,
	                            "SELECT count(*) FROM attendance WHERE person_id = ?",
	                            sc.person),
	                 1);

	/* The change log says it happened, and holds none of the values. */
	assert_int_equal(count_rows(db->store,
	                            "SELECT count(*) FROM audit WHERE tbl = 'person' AND row_id = ?"
	                            " AND op = 'note' AND detail = 'person forgotten'",
	                            sc.person),
	                 1);
	for (size_t i = 0; i < NSECRETS; i++) {
		sqlite3_stmt *q;
		assert_int_equal(sqlite3_prepare_v2(store_db(db->store),
		                                    "SELECT count(*) FROM audit WHERE"
		                                    " instr(coalesce(detail, ''), ?) > 0",
		                                    -1, &q, NULL),
		                 SQLITE_OK);
		sqlite3_bind_text(q, 1, secrets[i].value, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(q, 0), 0);
		sqlite3_finalize(q);
	}

	/* Forgetting again erases nothing more and says so. */
	assert_int_equal(privacy_forget(db->store, sc.person, false, &f, &err), ERROR_NONE);
	assert_true(f.already);
	assert_int_equal(f.nerased, 0);
	privacy_forgotten_free(&f);
}

static void erased_values_leave_no_trace_in_the_file_or_its_journal(void **state)
{
	struct support_db *db = *state;
	struct scene sc;
	scene_make(db->store, &sc);
	char *wal = mem_printf("%s-wal", db->path);
	/* Before: the values are in the journal (the test can see them). */
	assert_true(file_holds(wal, secrets[0].value) || file_holds(db->path, secrets[0].value));
	/*
	 * As on an SQLite built without secure deletion by default (Debian's has it):
	 * forgetting must turn it on itself, or freed pages keep the erased notes.
	 */
	assert_int_equal(store_exec(db->store, "PRAGMA secure_delete = OFF", NULL), ERROR_NONE);
	/* Sync keeps the losing side of a conflict in the change log, values and all. */
	char *note = mem_printf("{\"sync\":\"conflict\",\"kept\":{\"contact\":\"%s\"}}",
	                        secrets[2].value);
	assert_int_equal(audit_note(db->store, "person", sc.person, note, NULL), ERROR_NONE);
	free(note);
	struct privacy_forgotten f;
	assert_int_equal(privacy_forget(db->store, sc.person, false, &f, NULL), ERROR_NONE);
	privacy_forgotten_free(&f);
	/* The store is still open: nothing may linger in the file or the journal. */
	for (size_t i = 1; i < NSECRETS; i++) {
		assert_false(file_holds(db->path, secrets[i].value));
		assert_false(file_holds(wal, secrets[i].value));
	}
	assert_false(file_holds(db->path, "old contact Q10 yellow"));
	assert_false(file_holds(wal, "old contact Q10 yellow"));
	/* The name survives only where the meeting notes mention it (reported to the user). */
	assert_int_equal(
	        record_set(db->store, &meeting_kind, sc.meeting, "notes", "Chaired.", NULL),
	        ERROR_NONE);
	assert_int_equal(store_checkpoint(db->store, NULL), ERROR_NONE);
	assert_false(file_holds(db->path, secrets[0].value));
	assert_false(file_holds(wal, secrets[0].value));
	free(wal);
}

static void a_dry_run_changes_nothing(void **state)
{
	struct support_db *db = *state;
	struct scene sc;
	scene_make(db->store, &sc);
	int64_t audit_before = count_rows(db->store, "SELECT count(*) + 0 * ? FROM audit", 0);
	struct privacy_forgotten f;
	assert_int_equal(privacy_forget(db->store, sc.person, true, &f, NULL), ERROR_NONE);
	assert_int_equal(f.nerased, NSECRETS);
	assert_string_equal(f.erased[0], "name");
	privacy_forgotten_free(&f);
	struct person p;
	assert_int_equal(person_get(db->store, sc.person, &p, NULL), ERROR_NONE);
	assert_string_equal(p.name, secrets[0].value);
	assert_int_equal(p.anonymised, 0);
	person_clear(&p);
	assert_int_equal(count_rows(db->store, "SELECT count(*) + 0 * ? FROM audit", 0),
	                 audit_before);
}

static void forgetting_is_one_transaction(void **state)
{
	struct support_db *db = *state;
	struct scene sc;
	scene_make(db->store, &sc);
	/* Make the last step (the note in the change log) fail. */
	assert_int_equal(store_exec(db->store,
	                            "CREATE TEMP TRIGGER refuse AFTER INSERT ON main.audit"
	                            " WHEN NEW.op = 'note' BEGIN"
	                            " SELECT RAISE(ABORT, 'refused by the test'); END;",
	                            NULL),
	                 ERROR_NONE);
	struct privacy_forgotten f;
	struct error err;
	assert_int_not_equal(privacy_forget(db->store, sc.person, false, &f, &err), ERROR_NONE);
	assert_false(store_in_transaction(db->store));
	struct person p;
	assert_int_equal(person_get(db->store, sc.person, &p, NULL), ERROR_NONE);
	assert_string_equal(p.name, secrets[0].value);
	assert_string_equal(p.contact, secrets[2].value);
	assert_int_equal(p.anonymised, 0);
	person_clear(&p);
	assert_int_equal(store_exec(db->store, "DROP TRIGGER temp.refuse", NULL), ERROR_NONE);
}

static void drafts_about_the_person_go_with_them(void **state)
{
	struct support_db *db = *state;
	struct scene sc;
	scene_make(db->store, &sc);
	char *mine = mem_printf("person/%" PRId64 "/notes", sc.person);
	char *theirs = mem_printf("person/%" PRId64 "/notes", sc.other);
	/* The same digits inside a longer number are another record's. */
	char *longer = mem_printf("meeting/%" PRId64 "7/notes", sc.person);
	const char *keys[] = { mine, theirs, longer };
	for (size_t i = 0; i < 3; i++) {
		sqlite3_stmt *q;
		assert_int_equal(sqlite3_prepare_v2(store_db(db->store),
		                                    "INSERT INTO draft (key, value, updated_at)"
		                                    " VALUES (?, 'typed', 'now')",
		                                    -1, &q, NULL),
		                 SQLITE_OK);
		sqlite3_bind_text(q, 1, keys[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(q), SQLITE_DONE);
		sqlite3_finalize(q);
	}
	struct privacy_forgotten f;
	assert_int_equal(privacy_forget(db->store, sc.person, false, &f, NULL), ERROR_NONE);
	privacy_forgotten_free(&f);
	assert_int_equal(count_rows(db->store, "SELECT count(*) + 0 * ? FROM draft", 0), 2);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(store_db(db->store),
	                                    "SELECT count(*) FROM draft WHERE key = ?", -1, &q,
	                                    NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(q, 1, mine, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	sqlite3_finalize(q);
	free(mine);
	free(theirs);
	free(longer);
}

static void the_export_holds_everything_about_them(void **state)
{
	struct support_db *db = *state;
	struct scene sc;
	scene_make(db->store, &sc);
	struct error err;
	char *text = privacy_export(db->store, sc.person, PRIVACY_TEXT, &err);
	assert_non_null(text);
	for (size_t i = 0; i < NSECRETS; i++)
		assert_non_null(strstr(text, secrets[i].value));
	assert_non_null(strstr(text, "At Users' panel, 2026-10-02, project Wheelchair services "
	                             "review"));
	assert_non_null(strstr(text, "What was said: The ramps at the clinic are too steep."));
	assert_non_null(strstr(text, "Amount: \xC2\xA3"
	                             "25.00"));
	assert_non_null(strstr(text, "changed: contact"));
	assert_null(strstr(text, "Someone Else"));
	assert_true(text_is_clean(text, TEXT_KEEP_NEWLINES));
	free(text);
	char *json = privacy_export(db->store, sc.person, PRIVACY_JSON, &err);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"contact\": \"zebedee.q@example.org 07700 900987\""));
	assert_non_null(strstr(json, "\"said\": \"The ramps at the clinic are too steep.\""));
	assert_non_null(strstr(json, "\"amount_pence\": 2500"));
	assert_non_null(strstr(json, "\"title\": \"Users' panel\""));
	free(json);
	assert_null(privacy_export(db->store, 12345, PRIVACY_TEXT, &err));
	assert_int_equal(err.code, ERROR_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(finds_people_by_name_or_number, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test(the_personal_fields_are_flagged_in_the_table),
		cmocka_unit_test_setup_teardown(forgotten_people_stay_apart, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        forgetting_erases_personal_fields_and_keeps_what_they_said,
		        support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        erased_values_leave_no_trace_in_the_file_or_its_journal, support_db_setup,
		        support_db_teardown),
		cmocka_unit_test_setup_teardown(a_dry_run_changes_nothing, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(forgetting_is_one_transaction, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(drafts_about_the_person_go_with_them,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(the_export_holds_everything_about_them,
		                                support_db_setup, support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
