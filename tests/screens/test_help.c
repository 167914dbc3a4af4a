/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Help (R13, R14): every entry of the command table and every action of the
 * screen below, as "key: action" lines read top to bottom; what involve is
 * for and how the text mode and the high-contrast theme are turned on.
 */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "drive.h"
#include "finding.h"
#include "findings.h"
#include "help.h"
#include "mem.h"
#include "today.h"

static const struct screen *const screens[] = { &today_screen, &findings_screen, &finding_screen,
	                                        &help_screen, NULL };

/* The row of v whose whole text is text, or NULL. */
static const struct view_row *find_text(const struct view *v, const char *text)
{
	for (size_t s = 0; s < v->nsections; s++) {
		const struct view_list *l = &v->sections[s].list;
		for (size_t i = 0; i < l->rows.n; i++) {
			char *row = view_row_text(&l->rows.v[i]);
			bool same = strcmp(row, text) == 0;
			free(row);
			if (same)
				return &l->rows.v[i];
		}
	}
	return NULL;
}

/* Help over the screen named name covers the command table and that screen's actions. */
static void help_covers(struct store *s, const char *name)
{
	struct screen_stack *st = screen_stack_new(screens, s, drive_config());
	assert_true(screen_push(st, name, 0));
	struct view *below = screen_view(st);
	char *title = mem_printf("Help: %s", below->title);
	drive_send(st, COMMAND_HELP, NULL);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, title);
	free(title);
	size_t n;
	const struct command_info *info = command_infos(&n);
	for (size_t i = 0; i < n; i++) {
		char *want;
		if (info[i].keys && info[i].word)
			want = mem_printf("%s: %s, or type %s", info[i].keys, info[i].help,
			                  info[i].word);
		else if (info[i].keys)
			want = mem_printf("%s: %s", info[i].keys, info[i].help);
		else
			want = mem_printf("%s", info[i].help);
		if (!find_text(v, want))
			fail_msg("help does not have the line \"%s\"", want);
		free(want);
	}
	assert_true(below->nactions > 0);
	for (size_t i = 0; i < below->nactions; i++) {
		const struct view_action *a = &below->actions[i];
		char *want =
		        mem_printf("%c: %s, or type %s. %s", a->key, a->label, a->word, a->help);
		if (!find_text(v, want))
			fail_msg("help does not have the line \"%s\"", want);
		free(want);
	}
	drive_send(st, COMMAND_BACK, NULL);
	assert_int_equal(screen_depth(st), 1);
	screen_stack_free(st);
}

static void help_covers_every_command_and_action(void **state)
{
	struct support_db *db = *state;
	drive_demo(db->store, 1);
	help_covers(db->store, "today");
	help_covers(db->store, "findings");
}

static void help_says_what_involve_is_and_how_to_turn_on_the_text_mode(void **state)
{
	struct support_db *db = *state;
	struct screen_stack *st = screen_stack_new(screens, db->store, drive_config());
	assert_true(screen_push(st, "today", 0));
	drive_send(st, COMMAND_HELP, NULL);
	struct view *v = screen_view(st);
	struct view_section *about = drive_section(v, "About involve");
	assert_non_null(about);
	/* The last section: read top to bottom, the keys come first. */
	assert_ptr_equal(about, &v->sections[v->nsections - 1]);
	assert_non_null(drive_section(v, "About this screen"));
	assert_non_null(drive_section(v, "Actions on this screen"));
	static const char *const needed[] = { "what is owed to the people who took part",
		                              "--text",
		                              "INVOLVE_UI=text",
		                              "ui.mode = \"text\"",
		                              "--theme high-contrast",
		                              "NO_COLOR",
		                              "ui.theme = \"high-contrast\"" };
	for (size_t i = 0; i < sizeof needed / sizeof *needed; i++)
		if (!drive_has_row(v, needed[i]))
			fail_msg("help does not say \"%s\"", needed[i]);
	/* Every line reads alone: no row is empty. */
	for (size_t s = 0; s < v->nsections; s++)
		for (size_t i = 0; i < v->sections[s].list.rows.n; i++)
			assert_true(strlen(v->sections[s].list.rows.v[i].label) > 3);
	screen_stack_free(st);

	/* A program without a help screen says so instead. */
	static const struct screen *const none[] = { &today_screen, NULL };
	st = screen_stack_new(none, db->store, drive_config());
	assert_true(screen_push(st, "today", 0));
	drive_send(st, COMMAND_HELP, NULL);
	assert_int_equal(screen_depth(st), 1);
	assert_string_equal(screen_view(st)->message, "There is no help in this program.");
	screen_stack_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(help_covers_every_command_and_action,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        help_says_what_involve_is_and_how_to_turn_on_the_text_mode,
		        support_db_setup, support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
