/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A damaged database: found when a damaged page is read (and at once when the
 * file is shorter than it should be), always with the sentence that says what
 * to do, and never written to afterwards.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "meeting.h"
#include "mem.h"
#include "project.h"

enum { MEETINGS = 1000 };

/* A closed database at path holding many meetings with notes. */
static void build(const char *path)
{
	struct store *s = support_open(path);
	assert_int_equal(store_begin(s, NULL), ERROR_NONE);
	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Big");
	assert_int_equal(project_create(s, &pr, NULL), ERROR_NONE);
	for (int i = 0; i < MEETINGS; i++) {
		struct meeting m;
		meeting_init(&m);
		m.project_id = pr.head.id;
		char *title = mem_printf("Meeting %d", i);
		mem_replace(&m.title, title);
		free(title);
		snprintf(m.held_on, sizeof m.held_on, "2026-%02d-%02d", 1 + i % 12, 1 + i % 28);
		mem_replace(&m.notes,
		            "Notes long enough to fill pages: what people said, who came, "
		            "what support they had, and what happens next.");
		assert_int_equal(meeting_create(s, &m, NULL), ERROR_NONE);
		meeting_clear(&m);
	}
	project_clear(&pr);
	assert_int_equal(store_commit(s, NULL), ERROR_NONE);
	store_close(s);
}

/*
 * Build a database at path and flip every byte of its middle third, page
 * aligned, so no page there can be read; the damaged bytes (and *n) are
 * returned for comparing afterwards. The caller frees them.
 */
static char *build_damaged(const char *path, size_t *n)
{
	build(path);
	char *bytes = support_read_file(path, n);
	assert_true(*n > 200000);
	for (size_t i = *n / 3 / 4096 * 4096; i < 2 * *n / 3; i++)
		bytes[i] = (char)~bytes[i];
	support_write_file(path, bytes, *n);
	return bytes;
}

static bool count_row(void *rec, const char *order, void *ctx)
{
	(void)rec, (void)order;
	(*(int *)ctx)++;
	return true;
}

/* Walk every meeting, page by page as the screens do; the first failure's code. */
static enum error_code walk(struct store *s, struct error *err)
{
	int n = 0;
	struct record_query q = { .limit = 100000 };
	return record_list(s, &meeting_kind, &q, count_row, &n, NULL, err);
}

static void damage_inside_is_found_and_never_written_over(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "big.db");
	size_t n;
	char *bytes = build_damaged(path, &n);

	/* Opening stays cheap: the damage inside is not looked for yet. */
	struct store *s = NULL;
	struct error err;
	struct store_options opt = { .busy_timeout_ms = 200 };
	assert_int_equal(store_open(path, &opt, &s, &err), ERROR_NONE);
	assert_int_equal(store_damaged(s, NULL), ERROR_NONE);
	assert_int_equal(walk(s, &err), ERROR_CORRUPT);
	assert_non_null(strstr(err.msg, "is damaged or is not a database; involve has not changed "
	                                "it. Run \"involve check-db\""));
	/* From now on nothing is written to it. */
	assert_int_equal(store_begin(s, &err), ERROR_CORRUPT);
	assert_int_equal(store_damaged(s, NULL), ERROR_CORRUPT);
	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Written anyway");
	assert_int_equal(project_create(s, &pr, &err), ERROR_CORRUPT);
	project_clear(&pr);
	assert_int_equal(store_check(s, &err), ERROR_CORRUPT);
	assert_non_null(strstr(err.msg, "Restore it from a backup"));
	store_close(s);

	size_t after_n;
	char *after = support_read_file(path, &after_n);
	assert_int_equal(after_n, n);
	assert_memory_equal(after, bytes, n);
	free(after);
	free(bytes);
	free(path);
	support_rmdir(dir);
}

static void a_lookup_that_meets_damage_still_marks_the_file(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "big.db");
	size_t n;
	free(build_damaged(path, &n));
	struct store *s = NULL;
	struct store_options opt = { .busy_timeout_ms = 200 };
	assert_int_equal(store_open(path, &opt, &s, NULL), ERROR_NONE);
	/* A lookup swallows errors (0 for "none"), but the store remembers. */
	assert_int_equal(record_lookup(s, "SELECT id FROM meeting WHERE notes = 'none'", ""), 0);
	struct error err;
	assert_int_equal(store_damaged(s, &err), ERROR_CORRUPT);
	assert_non_null(strstr(err.msg, "is damaged"));
	assert_int_equal(store_begin(s, NULL), ERROR_CORRUPT);
	store_close(s);
	free(path);
	support_rmdir(dir);
}

static void a_short_file_is_refused_at_open(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "big.db");
	build(path);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(truncate(path, st.st_size / 2), 0);
	size_t n;
	char *before = support_read_file(path, &n);
	struct store *s = NULL;
	struct error err;
	assert_int_equal(store_open(path, NULL, &s, &err), ERROR_CORRUPT);
	assert_null(s);
	assert_non_null(strstr(err.msg, "shorter than it should be"));
	assert_non_null(strstr(err.msg, "involve has not changed it"));
	size_t after_n;
	char *after = support_read_file(path, &after_n);
	assert_int_equal(after_n, n);
	assert_memory_equal(after, before, n);
	char *wal = mem_printf("%s-wal", path);
	assert_int_not_equal(stat(wal, &st), 0);
	free(wal);
	free(before);
	free(after);
	free(path);
	support_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(damage_inside_is_found_and_never_written_over),
		cmocka_unit_test(a_lookup_that_meets_damage_still_marks_the_file),
		cmocka_unit_test(a_short_file_is_refused_at_open),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
