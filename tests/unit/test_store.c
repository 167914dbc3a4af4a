/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store: creating, refusing, upgrading, locking, auditing, transactions. */
#include "support.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "person.h"
#include "project.h"
#include "schema.h"

static enum error_code open_at(const char *path, unsigned flags, struct store **s,
                               struct error *err)
{
	struct store_options opt = { .flags = flags, .busy_timeout_ms = 200 };
	return store_open(path, &opt, s, err);
}

static void creates_a_private_file_with_the_full_schema(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "new.db");
	struct store *s = support_open(path);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(store_db(s), "PRAGMA user_version", -1, &q, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), store_schema_version());
	sqlite3_finalize(q);
	for (int i = 0; schema_record_tables[i]; i++) {
		char *sql = mem_printf("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
		                       "AND tbl_name = '%s'",
		                       schema_record_tables[i]);
		assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &q, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(q, 0), 3);
		sqlite3_finalize(q);
		free(sql);
	}
	char *id = store_meta_get(s, "database_id");
	assert_non_null(id);
	assert_int_equal(strlen(id), 16);
	free(id);
	/* The pragmas the design asks for. */
	assert_int_equal(sqlite3_prepare_v2(store_db(s), "PRAGMA journal_mode", -1, &q, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "wal");
	sqlite3_finalize(q);
	assert_int_equal(sqlite3_prepare_v2(store_db(s), "PRAGMA foreign_keys", -1, &q, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	sqlite3_finalize(q);
	assert_int_equal(sqlite3_prepare_v2(store_db(s), "PRAGMA secure_delete", -1, &q, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	sqlite3_finalize(q);
	assert_int_equal(store_check(s, NULL), ERROR_NONE);
	store_close(s);
	free(path);
	support_rmdir(dir);
}

static void reopening_keeps_records(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "keep.db");
	struct store *s = support_open(path);
	struct project p;
	project_init(&p);
	mem_replace(&p.title, "Carers' strategy");
	assert_int_equal(project_create(s, &p, NULL), ERROR_NONE);
	int64_t id = p.head.id;
	project_clear(&p);
	store_close(s);
	s = support_open(path);
	assert_int_equal(project_get(s, id, &p, NULL), ERROR_NONE);
	assert_string_equal(p.title, "Carers' strategy");
	project_clear(&p);
	store_close(s);
	free(path);
	support_rmdir(dir);
}

static void refuses_a_missing_folder(void **state)
{
	(void)state;
	struct store *s = (struct store *)1;
	struct error err;
	assert_int_equal(open_at("/nonexistent-involve-dir/x/involve.db", STORE_CREATE, &s, &err),
	                 ERROR_IO);
	assert_null(s);
	assert_non_null(strstr(err.msg, "/nonexistent-involve-dir/x"));
	assert_non_null(strstr(err.msg, "does not exist"));
}

static void refuses_a_missing_file_without_create(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "absent.db");
	struct store *s;
	struct error err;
	assert_int_equal(open_at(path, 0, &s, &err), ERROR_NOT_FOUND);
	assert_int_not_equal(access(path, F_OK), 0);
	free(path);
	support_rmdir(dir);
}

static void refuses_an_unwritable_folder(void **state)
{
	(void)state;
	/* /proc refuses new files even to root. */
	struct store *s;
	struct error err;
	enum error_code code = open_at("/proc/involve-test.db", STORE_CREATE, &s, &err);
	assert_true(code == ERROR_READ_ONLY || code == ERROR_IO);
	assert_null(s);
	assert_non_null(strstr(err.msg, "/proc/involve-test.db"));
}

/* The file's bytes before and after a refused open must match. */
static void assert_refused_unchanged(const char *path, enum error_code want, const char *words)
{
	size_t before_n, after_n;
	char *before = support_read_file(path, &before_n);
	struct store *s;
	struct error err;
	assert_int_equal(open_at(path, STORE_CREATE, &s, &err), want);
	assert_null(s);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, words));
	char *after = support_read_file(path, &after_n);
	assert_int_equal(before_n, after_n);
	assert_memory_equal(before, after, before_n);
	char *wal = mem_printf("%s-wal", path);
	assert_int_not_equal(access(wal, F_OK), 0);
	free(wal);
	free(before);
	free(after);
}

static void refuses_a_file_that_is_not_a_database(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "notes.txt");
	const char text[] = "These are my meeting notes, not a database at all.\n"
	                    "They are long enough to fill a header and then some more text.\n";
	support_write_file(path, text, sizeof text - 1);
	assert_refused_unchanged(path, ERROR_CORRUPT, "not a database");
	free(path);
	support_rmdir(dir);
}

static void refuses_another_programs_database(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "other.db");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	assert_refused_unchanged(path, ERROR_CORRUPT, "another program");
	free(path);
	support_rmdir(dir);
}

static void refuses_a_database_from_a_newer_version(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "newer.db");
	struct store *s = support_open(path);
	char *sql = mem_printf("PRAGMA user_version = %d; PRAGMA journal_mode = DELETE;",
	                       store_schema_version() + 1);
	assert_int_equal(store_exec(s, sql, NULL), ERROR_NONE);
	free(sql);
	store_close(s);
	assert_refused_unchanged(path, ERROR_NEWER, "newer version of involve");
	free(path);
	support_rmdir(dir);
}

static void a_locked_database_gives_a_sentence(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "locked.db");
	struct store *s = support_open(path);
	/* Another connection, standing in for another program, holds the write lock. */
	sqlite3 *other;
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	struct project p;
	project_init(&p);
	mem_replace(&p.title, "Blocked");
	struct error err;
	assert_int_equal(project_create(s, &p, &err), ERROR_BUSY);
	assert_non_null(strstr(err.msg, "locked by another program"));
	assert_non_null(strstr(err.msg, path));
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	/* Once the lock is gone, the same record saves. */
	assert_int_equal(project_create(s, &p, &err), ERROR_NONE);
	project_clear(&p);
	store_close(s);
	free(path);
	support_rmdir(dir);
}

static void upgrades_an_empty_file_and_leaves_current_ones(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "empty.db");
	/* A zero-length file is an SQLite database with nothing in it: version 0. */
	support_write_file(path, "", 0);
	struct store *s = support_open(path);
	store_close(s);
	s = support_open(path);
	sqlite3_stmt *q;
	assert_int_equal(
	        sqlite3_prepare_v2(store_db(s), "SELECT count(*) FROM audit", -1, &q, NULL),
	        SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	sqlite3_finalize(q);
	store_close(s);
	free(path);
	support_rmdir(dir);
}

/*
 * Every migration: a database left at each older version, holding a record,
 * opens with this involve, is upgraded in one go to the latest version, and
 * keeps its record; its integrity and foreign-key checks pass.
 */
static void every_older_version_is_upgraded_and_keeps_its_records(void **state)
{
	(void)state;
	for (int version = 1; version < store_schema_version(); version++) {
		char *dir = support_tempdir();
		char *path = support_path(dir, "old.db");
		struct store *s;
		struct store_options old = { .flags = STORE_CREATE, .upgrade_to = version };
		assert_int_equal(store_open(path, &old, &s, NULL), ERROR_NONE);
		sqlite3_stmt *q;
		assert_int_equal(sqlite3_prepare_v2(store_db(s), "PRAGMA user_version", -1, &q, NULL),
		                 SQLITE_OK);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(q, 0), version);
		sqlite3_finalize(q);
		struct person p;
		person_init(&p);
		mem_replace(&p.name, "Zofia \xC5\x81.");
		assert_int_equal(person_create(s, &p, NULL), ERROR_NONE);
		int64_t id = p.head.id;
		person_clear(&p);
		store_close(s);

		s = support_open(path);
		assert_int_equal(sqlite3_prepare_v2(store_db(s), "PRAGMA user_version", -1, &q, NULL),
		                 SQLITE_OK);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(q, 0), store_schema_version());
		sqlite3_finalize(q);
		assert_int_equal(person_get(s, id, &p, NULL), ERROR_NONE);
		assert_string_equal(p.name, "Zofia \xC5\x81.");
		person_clear(&p);
		assert_int_equal(store_check(s, NULL), ERROR_NONE);
		store_close(s);
		free(path);
		support_rmdir(dir);
	}
}

static int audit_count(struct store *s, const char *op, int64_t row, char **detail)
{
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(store_db(s),
	                                    "SELECT count(*), max(detail) FROM audit "
	                                    "WHERE op = ? AND row_id = ?",
	                                    -1, &q, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(q, 1, op, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, row);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	int n = sqlite3_column_int(q, 0);
	if (detail)
		*detail = mem_strdup((const char *)sqlite3_column_text(q, 1));
	sqlite3_finalize(q);
	return n;
}

static void every_change_is_audited_without_values(void **state)
{
	struct support_db *db = *state;
	struct person p;
	person_init(&p);
	mem_replace(&p.name, "Ann B.");
	assert_int_equal(person_create(db->store, &p, NULL), ERROR_NONE);
	assert_int_equal(audit_count(db->store, "insert", p.head.id, NULL), 1);
	mem_replace(&p.support_needs, "hearing loop");
	assert_int_equal(person_update(db->store, &p, NULL), ERROR_NONE);
	char *detail = NULL;
	assert_int_equal(audit_count(db->store, "update", p.head.id, &detail), 1);
	assert_string_equal(detail, "support_needs");
	free(detail);
	assert_int_equal(person_delete(db->store, p.head.id, NULL), ERROR_NONE);
	assert_int_equal(audit_count(db->store, "delete", p.head.id, NULL), 1);
	/* The audit says what and when, never the values. */
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(store_db(db->store),
	                                    "SELECT count(*) FROM audit WHERE detail LIKE '%Ann%' "
	                                    "OR detail LIKE '%hearing%'",
	                                    -1, &q, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	sqlite3_finalize(q);
	person_clear(&p);
}

static void transactions_nest(void **state)
{
	struct support_db *db = *state;
	struct project a, b;
	project_init(&a);
	project_init(&b);
	mem_replace(&a.title, "Kept");
	mem_replace(&b.title, "Undone");
	assert_int_equal(store_begin(db->store, NULL), ERROR_NONE);
	assert_int_equal(project_create(db->store, &a, NULL), ERROR_NONE);
	assert_int_equal(store_begin(db->store, NULL), ERROR_NONE);
	assert_int_equal(project_create(db->store, &b, NULL), ERROR_NONE);
	store_rollback(db->store);
	assert_true(store_in_transaction(db->store));
	assert_int_equal(store_commit(db->store, NULL), ERROR_NONE);
	assert_false(store_in_transaction(db->store));
	assert_int_not_equal(project_find(db->store, "Kept"), 0);
	assert_int_equal(project_find(db->store, "Undone"), 0);
	project_clear(&a);
	project_clear(&b);
}

static void meta_values_round_trip(void **state)
{
	struct support_db *db = *state;
	assert_null(store_meta_get(db->store, "absent"));
	assert_int_equal(store_meta_set(db->store, "k", "one", NULL), ERROR_NONE);
	assert_int_equal(store_meta_set(db->store, "k", "two", NULL), ERROR_NONE);
	char *v = store_meta_get(db->store, "k");
	assert_string_equal(v, "two");
	free(v);
}

static void ids_are_random_and_positive(void **state)
{
	struct support_db *db = *state;
	int64_t a = store_new_id(db->store, "project");
	int64_t b = store_new_id(db->store, "project");
	assert_true(a > 0);
	assert_true(b > 0);
	assert_true(a != b);
	/* 63 random bits: one of the two is very unlikely to be small. */
	assert_true(a > (INT64_C(1) << 40) || b > (INT64_C(1) << 40));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(creates_a_private_file_with_the_full_schema),
		cmocka_unit_test(reopening_keeps_records),
		cmocka_unit_test(refuses_a_missing_folder),
		cmocka_unit_test(refuses_a_missing_file_without_create),
		cmocka_unit_test(refuses_an_unwritable_folder),
		cmocka_unit_test(refuses_a_file_that_is_not_a_database),
		cmocka_unit_test(refuses_another_programs_database),
		cmocka_unit_test(refuses_a_database_from_a_newer_version),
		cmocka_unit_test(a_locked_database_gives_a_sentence),
		cmocka_unit_test(upgrades_an_empty_file_and_leaves_current_ones),
		cmocka_unit_test(every_older_version_is_upgraded_and_keeps_its_records),
		cmocka_unit_test_setup_teardown(every_change_is_audited_without_values,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(transactions_nest, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(meta_values_round_trip, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(ids_are_random_and_positive, support_db_setup,
		                                support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
