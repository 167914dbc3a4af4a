/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text: nothing stored ever reaches the terminal as a control character. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static void has_no_control_bytes(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		assert_false(*p < 0x20 || *p == 0x7F);
}

static void escape_sequences_are_defused(void **state)
{
	(void)state;
	char *c = text_clean("Ann\x1b[2J\x1b]0;owned\x07 B.", 0);
	has_no_control_bytes(c);
	assert_non_null(strstr(c, "Ann"));
	assert_non_null(strstr(c, " B."));
	assert_true(text_is_clean(c, 0));
	assert_false(text_is_clean("a\x1b"
	                           "b",
	                           0));
	free(c);
	/* C1 controls (CSI as U+009B) and DEL. */
	c = text_clean("x\xC2\x9B"
	               "31my\x7F",
	               0);
	has_no_control_bytes(c);
	assert_null(strstr(c, "\xC2\x9B"));
	free(c);
}

static void invalid_utf8_is_replaced(void **state)
{
	(void)state;
	char *c = text_clean("caf\xE9 \xC0\xAF \xED\xA0\x80 ok", 0);
	assert_true(text_is_clean(c, 0));
	assert_non_null(strstr(c, "ok"));
	free(c);
}

static void line_breaks_depend_on_the_view(void **state)
{
	(void)state;
	char *one = text_clean("first\r\nsecond\tthird", 0);
	assert_string_equal(one, "first second third");
	free(one);
	char *many = text_clean("first\r\nsecond", TEXT_KEEP_NEWLINES);
	assert_string_equal(many, "first\nsecond");
	free(many);
}

static void international_text_is_kept(void **state)
{
	(void)state;
	const char *names =
	        "Pawe\xC5\x82 \xC3\xA9 \xC5\x9E \xE4\xB8\xAD e\xCC\x81 \xD7\xA9\xD7\x9C";
	char *c = text_clean(names, 0);
	assert_string_equal(c, names);
	free(c);
	/* Bidi overrides could reorder what is shown: removed. */
	c = text_clean("abc\xE2\x80\xAE"
	               "def",
	               0);
	assert_null(strstr(c, "\xE2\x80\xAE"));
	free(c);
}

static void widths_count_columns(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("\xE4\xB8\xAD\xE6\x96\x87"), 4); /* two wide characters */
	assert_int_equal(text_width("e\xCC\x81"), 1);                /* e + combining acute */
	size_t used;
	/* Never split a wide character. */
	assert_int_equal(text_fit("a\xE4\xB8\xAD"
	                          "b",
	                          2, &used),
	                 1);
	assert_int_equal(used, 1);
	assert_int_equal(text_fit("a\xE4\xB8\xAD"
	                          "b",
	                          3, &used),
	                 4);
	assert_int_equal(used, 3);
}

static void helpers(void **state)
{
	(void)state;
	assert_true(text_blank(NULL));
	assert_true(text_blank(" \t\n"));
	assert_false(text_blank(" x "));
	assert_true(text_contains("Carers' Forum", "forum"));
	assert_false(text_contains("Carers' Forum", "panel"));
	assert_true(text_contains("Małgorzata ŁUKASIK", "łukasik"));
	assert_false(text_contains("Małgorzata", "łukasik"));
	char s[] = "  padded  ";
	assert_string_equal(text_trim(s), "padded");
}

/* Compare text_fold(s) with want. */
static void folds_to(const char *s, const char *want)
{
	char *got = text_fold(s);
	assert_string_equal(got, want);
	free(got);
}

static void capitals_fold_to_small_letters_in_many_scripts(void **state)
{
	(void)state;
	folds_to("Ann B.", "ann b.");
	folds_to("Małgorzata ŁUKASIK", "małgorzata łukasik");
	folds_to("ŞÜKRÜ Çelik", "şükrü çelik");
	folds_to("ŽOFIE Ďáblová", "žofie ďáblová");
	folds_to("ÉLODIE ÆRØ", "élodie ærø");
	folds_to("ΣΟΦΙΑ", "σοφια");
	folds_to("ОЛЬГА ЁЖИКОВА", "ольга ёжикова");
	folds_to("İstanbul", "istanbul");
	/* What has no capital, and bytes that are not UTF-8, stay as they were. */
	folds_to("王芳 × 7", "王芳 × 7");
	folds_to("a\xff\xfe"
	         "B",
	         "a\xff\xfe"
	         "b");
	folds_to("", "");
	folds_to(NULL, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escape_sequences_are_defused),
		cmocka_unit_test(invalid_utf8_is_replaced),
		cmocka_unit_test(line_breaks_depend_on_the_view),
		cmocka_unit_test(international_text_is_kept),
		cmocka_unit_test(widths_count_columns),
		cmocka_unit_test(helpers),
		cmocka_unit_test(capitals_fold_to_small_letters_in_many_scripts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
