/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drafts: what a person was typing survives a stop, and goes once it is saved. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"

static void keys_name_screen_record_and_field(void **state)
{
	(void)state;
	char *key = draft_key("meeting", 4611686018427387904LL, "held_on");
	assert_string_equal(key, "meeting/4611686018427387904/held_on");
	char *screen = NULL, *field = NULL;
	int64_t id = 0;
	assert_true(draft_key_parse(key, &screen, &id, &field));
	assert_string_equal(screen, "meeting");
	assert_true(id == 4611686018427387904LL);
	assert_string_equal(field, "held_on");
	free(screen);
	free(field);
	free(key);
	/* Keys of another shape are refused and allocate nothing. */
	assert_false(draft_key_parse("meeting/12", &screen, &id, &field));
	assert_false(draft_key_parse("meeting/x1/title", &screen, &id, &field));
	assert_false(draft_key_parse("/1/title", &screen, &id, &field));
	assert_false(draft_key_parse("meeting/1/", &screen, &id, &field));
}

static void a_draft_is_kept_replaced_and_dropped(void **state)
{
	struct support_db *db = *state;
	assert_null(draft_get(db->store, "project/1/title"));
	char *key = NULL, *value = NULL;
	assert_false(draft_latest(db->store, &key, &value));

	assert_int_equal(draft_save(db->store, "project/1/title", "Day serv", NULL), ERROR_NONE);
	assert_int_equal(draft_save(db->store, "project/1/title", "Day servi\xC5\x82", NULL),
	                 ERROR_NONE);
	char *got = draft_get(db->store, "project/1/title");
	assert_string_equal(got, "Day servi\xC5\x82");
	free(got);
	assert_int_equal(draft_save(db->store, "meeting/2/notes", "Ann said", NULL), ERROR_NONE);
	/* The latest is the one saved last, to offer back first. */
	assert_true(draft_latest(db->store, &key, &value));
	assert_string_equal(key, "meeting/2/notes");
	assert_string_equal(value, "Ann said");
	free(key);
	free(value);

	assert_int_equal(draft_drop(db->store, "meeting/2/notes", NULL), ERROR_NONE);
	assert_int_equal(draft_drop(db->store, "meeting/2/notes", NULL), ERROR_NONE);
	assert_true(draft_latest(db->store, &key, &value));
	assert_string_equal(key, "project/1/title");
	free(key);
	free(value);
}

static void a_draft_survives_closing_the_database(void **state)
{
	struct support_db *db = *state;
	assert_int_equal(draft_save(db->store, "project/9/lead", "Sam L", NULL), ERROR_NONE);
	store_close(db->store);
	db->store = support_open(db->path);
	char *got = draft_get(db->store, "project/9/lead");
	assert_string_equal(got, "Sam L");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys_name_screen_record_and_field),
		cmocka_unit_test_setup_teardown(a_draft_is_kept_replaced_and_dropped,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(a_draft_survives_closing_the_database,
		                                support_db_setup, support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
