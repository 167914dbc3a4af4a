/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Hostile text: escape sequences, other controls, invalid UTF-8, right-to-left
 * and combining characters, and a megabyte of text are stored exactly as
 * given and read back byte for byte; text_clean never lets a control byte
 * through, whatever the input.
 */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "meeting.h"
#include "mem.h"
#include "person.h"
#include "project.h"
#include "record.h"
#include "text.h"

static const char *const hostile[] = {
	"Ann\x1b[2J\x1b[H\x1b]0;owned\x07 B.",                      /* clear screen, set title */
	"\x1b]52;c;cm0gLXJmIH4=\x07 clipboard",                     /* OSC 52 clipboard write */
	"bell\x07 backspace\x08 form\x0c vt\x0b nul-less \x7f del", /* other C0 and DEL */
	"C1 CSI \xC2\x9B"
	"31m red \xC2\x9D osc",                                         /* C1 controls as UTF-8 */
	"bad \xFF\xFE \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 \xE2\x82", /* invalid UTF-8 */
	"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", /* Hebrew,
	                                                                                Arabic */
	"\xE2\x80\xAE"
	"desrever\xE2\x80\xAC \xE2\x81\xA6isolate\xE2\x81\xA9",          /* bidi controls */
	"e\xCC\x81 n\xCC\x83 Z\xCD\x91\xCD\x8B\xCC\x88\xCD\xA1\xCC\x90", /* combining marks */
	"line one\nline two\r\nline three\rtab\there",
};
enum { NHOSTILE = sizeof hostile / sizeof *hostile };

/* A megabyte of text that mixes everything above. */
static char *megabyte(void)
{
	size_t size = 1024 * 1024, n = 0;
	char *s = mem_alloc(size + 1);
	for (size_t i = 0; n < size; i = (i + 1) % NHOSTILE) {
		size_t len = strlen(hostile[i]);
		if (n + len > size)
			len = size - n;
		memcpy(s + n, hostile[i], len);
		n += len;
	}
	s[size] = '\0';
	return s;
}

static void hostile_text_is_stored_byte_for_byte(void **state)
{
	struct support_db *db = *state;
	char *big = megabyte();
	for (size_t i = 0; i <= NHOSTILE; i++) {
		const char *text = i < NHOSTILE ? hostile[i] : big;
		struct person p;
		person_init(&p);
		mem_replace(&p.name, text);
		mem_replace(&p.notes, text);
		assert_int_equal(person_create(db->store, &p, NULL), ERROR_NONE);
		struct person back;
		assert_int_equal(person_get(db->store, p.head.id, &back, NULL), ERROR_NONE);
		assert_int_equal(strlen(back.name), strlen(text));
		assert_memory_equal(back.name, text, strlen(text));
		assert_memory_equal(back.notes, text, strlen(text));
		person_clear(&back);
		/* And through the one-field setter a form uses. */
		assert_int_equal(
		        record_set(db->store, &person_kind, p.head.id, "support_needs", text, NULL),
		        ERROR_NONE);
		assert_int_equal(person_get(db->store, p.head.id, &back, NULL), ERROR_NONE);
		assert_int_equal(strlen(back.support_needs), strlen(text));
		assert_memory_equal(back.support_needs, text, strlen(text));
		/* Shown on a terminal, none of it carries a control character. */
		char *shown = text_clean(back.name, 0);
		assert_true(text_is_clean(shown, 0));
		free(shown);
		shown = text_clean(back.notes, TEXT_KEEP_NEWLINES);
		assert_true(text_is_clean(shown, TEXT_KEEP_NEWLINES));
		free(shown);
		person_clear(&back);
		person_clear(&p);
	}
	free(big);
}

/* No byte of s is a C0 control (but \n when allowed) or DEL, and s is clean UTF-8. */
static void assert_safe(const char *s, unsigned flags)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		assert_false((*p < 0x20 && !(*p == '\n' && (flags & TEXT_KEEP_NEWLINES))) ||
		             *p == 0x7F);
	assert_true(text_is_clean(s, flags));
}

static void cleaning_random_bytes_never_lets_a_control_through(void **state)
{
	(void)state;
	srand(5);
	char s[300];
	for (int round = 0; round < 10000; round++) {
		size_t n = (size_t)(rand() % 299);
		for (size_t i = 0; i < n; i++) {
			int r = rand() % 5;
			s[i] = (char)(r == 0   ? rand() % 0x20 + 1
			              : r == 1 ? 0x80 + rand() % 0x40
			              : r == 2 ? 0xC0 + rand() % 0x40
			                       : rand() % 255 + 1);
		}
		s[n] = '\0';
		for (unsigned flags = 0; flags <= TEXT_KEEP_NEWLINES; flags += TEXT_KEEP_NEWLINES) {
			char *c = text_clean(s, flags);
			assert_safe(c, flags);
			/* Cleaning is idempotent, and clean text is left as it is. */
			char *again = text_clean(c, flags);
			assert_string_equal(again, c);
			free(again);
			if (text_is_clean(s, flags) && !strchr(s, '\r')) {
				assert_string_equal(c, s);
			}
			free(c);
		}
	}
}

static void every_code_point_is_judged(void **state)
{
	(void)state;
	/* Each code point on its own, encoded: controls are replaced, everything else kept. */
	for (uint32_t cp = 1; cp < 0x110000; cp += (cp < 0x3000 ? 1 : 97)) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char s[5] = { 0 };
		if (cp < 0x80) {
			s[0] = (char)cp;
		} else if (cp < 0x800) {
			s[0] = (char)(0xC0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			s[0] = (char)(0xE0 | cp >> 12), s[1] = (char)(0x80 | (cp >> 6 & 0x3F));
			s[2] = (char)(0x80 | (cp & 0x3F));
		} else {
			s[0] = (char)(0xF0 | cp >> 18), s[1] = (char)(0x80 | (cp >> 12 & 0x3F));
			s[2] = (char)(0x80 | (cp >> 6 & 0x3F)), s[3] = (char)(0x80 | (cp & 0x3F));
		}
		char *c = text_clean(s, 0);
		assert_safe(c, 0);
		if (!text_is_control(cp))
			assert_string_equal(c, s);
		else
			assert_string_not_equal(c, s);
		free(c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(hostile_text_is_stored_byte_for_byte,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test(cleaning_random_bytes_never_lets_a_control_through),
		cmocka_unit_test(every_code_point_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
