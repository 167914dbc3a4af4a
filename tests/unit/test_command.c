/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Commands: what typed words mean in text mode, and that every command is documented. */
#include "support.h"

#include <string.h>

#include "command.h"

static const char *const actions[] = { "add", "delete", "log", NULL };

/* Parse line; assert it gives kind and (if given) text; clear. */
static void parses(const char *line, enum command_kind kind, const char *text)
{
	struct command c;
	assert_true(command_parse(line, actions, &c));
	assert_int_equal(c.kind, kind);
	if (text)
		assert_string_equal(c.text, text);
	command_clear(&c);
}

static void refused(const char *line)
{
	struct command c;
	assert_false(command_parse(line, actions, &c));
	assert_int_equal(c.kind, COMMAND_NONE);
	command_clear(&c);
}

static void words_numbers_and_first_letters(void **state)
{
	(void)state;
	parses("help", COMMAND_HELP, NULL);
	parses("  BACK ", COMMAND_BACK, NULL);
	parses("quit", COMMAND_QUIT, NULL);
	parses("exit", COMMAND_QUIT, NULL);
	parses("next", COMMAND_PAGE_DOWN, NULL);
	parses("more", COMMAND_PAGE_DOWN, NULL);
	parses("prev", COMMAND_PAGE_UP, NULL);
	parses("he", COMMAND_HELP, NULL);
	parses("qu", COMMAND_QUIT, NULL);
	/* An action by its word or the start of it. */
	parses("add", COMMAND_ACTION, "add");
	parses("del", COMMAND_ACTION, "delete");
	parses("log", COMMAND_ACTION, "log");
	/* find takes the rest of the line. */
	parses("find Day  services ", COMMAND_FIND, "Day  services");
	parses("fin carers", COMMAND_FIND, "carers");
	struct command c;
	assert_true(command_parse("12", actions, &c));
	assert_int_equal(c.kind, COMMAND_CHOOSE);
	assert_int_equal(c.number, 12);
	command_clear(&c);
	assert_true(command_parse("open 3", actions, &c));
	assert_int_equal(c.kind, COMMAND_CHOOSE);
	assert_int_equal(c.number, 3);
	command_clear(&c);
}

static void unclear_lines_are_not_commands(void **state)
{
	(void)state;
	refused("");
	refused("   ");
	refused("frobnicate");
	refused("d");    /* delete or down */
	refused("lo");   /* log or look */
	refused("f");    /* find or first */
	refused("find"); /* find what? */
	refused("12 apples");
}

/* Every command a key or word gives is in the table with a sentence of help (R13). */
static void every_command_is_documented(void **state)
{
	(void)state;
	static const enum command_kind needed[] = {
		COMMAND_UP,   COMMAND_DOWN, COMMAND_PAGE_UP,    COMMAND_PAGE_DOWN, COMMAND_HOME,
		COMMAND_END,  COMMAND_OPEN, COMMAND_FIND,       COMMAND_JUMP,      COMMAND_BACK,
		COMMAND_QUIT, COMMAND_HELP, COMMAND_SAVE_FIELD, COMMAND_CANCEL,    COMMAND_LOOK,
	};
	for (size_t i = 0; i < sizeof needed / sizeof *needed; i++) {
		const struct command_info *info = command_info_of(needed[i]);
		assert_non_null(info);
		assert_true(info->help && strlen(info->help) > 10);
		assert_true(info->keys || info->word);
	}
	size_t n;
	const struct command_info *all = command_infos(&n);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (all[i].word && all[j].word)
				assert_string_not_equal(all[i].word, all[j].word);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_numbers_and_first_letters),
		cmocka_unit_test(unclear_lines_are_not_commands),
		cmocka_unit_test(every_command_is_documented),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
