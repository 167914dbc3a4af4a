/* SPDX-License-Identifier: GPL-3.0-or-later */
/* JSON: documents are well formed, and strings never carry a control byte or invalid UTF-8. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "text.h"

static void documents_are_well_formed(void **state)
{
	(void)state;
	struct json j;
	json_init(&j);
	json_object_begin(&j);
	json_key(&j, "name");
	json_string(&j, "Ann B.");
	json_key(&j, "empty");
	json_array_begin(&j);
	json_array_end(&j);
	json_key(&j, "list");
	json_array_begin(&j);
	json_int(&j, -12);
	json_bool(&j, 1);
	json_bool(&j, -1);
	json_null(&j);
	json_string(&j, NULL);
	json_array_end(&j);
	json_key(&j, "inner");
	json_object_begin(&j);
	json_key(&j, "ok");
	json_bool(&j, 0);
	json_object_end(&j);
	json_object_end(&j);
	char *doc = json_finish(&j);
	assert_string_equal(doc, "{\n"
	                         "  \"name\": \"Ann B.\",\n"
	                         "  \"empty\": [],\n"
	                         "  \"list\": [\n"
	                         "    -12,\n"
	                         "    true,\n"
	                         "    null,\n"
	                         "    null,\n"
	                         "    null\n"
	                         "  ],\n"
	                         "  \"inner\": {\n"
	                         "    \"ok\": false\n"
	                         "  }\n"
	                         "}\n");
	free(doc);
}

/* json_quote of s, as a string the caller frees. */
static char *quoted(const char *s)
{
	struct buf b;
	buf_init(&b);
	json_quote(&b, s);
	return buf_take(&b);
}

static void control_characters_are_escaped(void **state)
{
	(void)state;
	char *q = quoted("a\"b\\c\nd\te\rf\x1b[2J\x07g\x7fh");
	assert_string_equal(q, "\"a\\\"b\\\\c\\nd\\te\\rf\\u001b[2J\\u0007g\\u007fh\"");
	free(q);
	/* C1 controls and the bidi overrides are escaped too; other text is kept as it is. */
	q = quoted("\xC2\x9B"
	           "31m \xE2\x80\xAE"
	           "evil \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D e\xCC\x81");
	assert_string_equal(q, "\"\\u009b31m \\u202e"
	                       "evil \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D e\xCC\x81\"");
	free(q);
}

static void invalid_utf8_becomes_the_replacement_character(void **state)
{
	(void)state;
	char *q = quoted("caf\xE9 \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 ok");
	assert_string_equal(q, "\"caf\\ufffd \\ufffd\\ufffd \\ufffd\\ufffd\\ufffd "
	                       "\\ufffd\\ufffd\\ufffd\\ufffd ok\"");
	free(q);
}

static void random_bytes_always_give_a_safe_string(void **state)
{
	(void)state;
	srand(20261122);
	char s[256];
	for (int round = 0; round < 5000; round++) {
		size_t n = (size_t)(rand() % 255);
		for (size_t i = 0; i < n; i++) {
			/* Favour the interesting bytes: controls, UTF-8 leads and continuations. */
			int r = rand() % 4;
			s[i] = (char)(r == 0   ? rand() % 0x20 + 1
			              : r == 1 ? 0x80 + rand() % 0x80
			                       : rand() % 255 + 1);
		}
		s[n] = '\0';
		char *q = quoted(s);
		assert_true(text_is_clean(q, 0));
		size_t len = strlen(q);
		assert_true(len >= 2 && q[0] == '"' && q[len - 1] == '"');
		/* Every quote inside is escaped. */
		for (size_t i = 1; i + 1 < len; i++)
			if (q[i] == '"') {
				size_t back = 0;
				while (q[i - 1 - back] == '\\')
					back++;
				assert_true(back % 2 == 1);
			}
		free(q);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(documents_are_well_formed),
		cmocka_unit_test(control_characters_are_escaped),
		cmocka_unit_test(invalid_utf8_becomes_the_replacement_character),
		cmocka_unit_test(random_bytes_always_give_a_safe_string),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
