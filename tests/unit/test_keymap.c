/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keymap: every key put is found with its latest value, through growth; keys are bytes. */
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "keymap.h"

static void test_put_get_replace(void **state)
{
	(void)state;
	struct keymap *m = keymap_new();
	int64_t v = 0;
	assert_false(keymap_get(m, "ann", 3, &v));
	keymap_put(m, "ann", 3, 7);
	keymap_put(m, "an", 2, 8);
	assert_true(keymap_get(m, "ann", 3, &v));
	assert_int_equal(v, 7);
	assert_true(keymap_get(m, "an", 2, &v));
	assert_int_equal(v, 8);
	keymap_put(m, "ann", 3, -12);
	assert_true(keymap_get(m, "ann", 3, &v));
	assert_int_equal(v, -12);
	assert_int_equal(keymap_count(m), 2);
	/* Keys are bytes, NULs included; the empty key is a key. */
	keymap_put(m, "a\0b", 3, 1);
	keymap_put(m, "a\0c", 3, 2);
	keymap_put(m, "", 0, 3);
	assert_true(keymap_get(m, "a\0c", 3, &v));
	assert_int_equal(v, 2);
	assert_true(keymap_get(m, "", 0, NULL));
	assert_false(keymap_get(m, "a", 1, NULL));
	keymap_free(m);
}

static void test_many_keys(void **state)
{
	(void)state;
	struct keymap *m = keymap_new();
	enum { N = 100000 };
	char key[32];
	for (int i = 0; i < N; i++) {
		int n = snprintf(key, sizeof key, "Person %d", i);
		keymap_put(m, key, (size_t)n, i * 3);
	}
	assert_int_equal(keymap_count(m), N);
	for (int i = 0; i < N; i++) {
		int n = snprintf(key, sizeof key, "Person %d", i);
		int64_t v = -1;
		assert_true(keymap_get(m, key, (size_t)n, &v));
		assert_int_equal(v, i * 3);
	}
	assert_false(keymap_get(m, "Person -1", 9, NULL));
	keymap_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get_replace),
		cmocka_unit_test(test_many_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
