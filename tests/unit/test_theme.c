/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Themes: colour pairs people can read, and themes that set no colour at all. */
#include "support.h"

#include <string.h>

#include "theme.h"

/* The WCAG examples: black on white is 21:1, and a colour against itself 1:1. */
static void contrast_follows_wcag(void **state)
{
	(void)state;
	assert_true(theme_contrast(0, 15) > 20.99 && theme_contrast(0, 15) < 21.01);
	assert_true(theme_contrast(15, 0) > 20.99);
	assert_true(theme_contrast(4, 4) > 0.99 && theme_contrast(4, 4) < 1.01);
	/* xterm's red on black is a known failure of 7:1 (about 3.6:1). */
	assert_true(theme_contrast(1, 0) < 4.0);
}

/* Every pair of the colour themes reaches 7:1 in the xterm palette (WCAG 1.4.6). */
static void colour_pairs_reach_seven_to_one(void **state)
{
	(void)state;
	size_t n;
	const struct theme *themes = theme_list(&n);
	int checked = 0;
	for (size_t t = 0; t < n; t++) {
		if (!themes[t].colour)
			continue;
		for (int r = 0; r < THEME_NROLES; r++) {
			const struct theme_style *s = &themes[t].style[r];
			/* A colour theme names both colours, so the ratio is known. */
			assert_in_range(s->fg, 0, 15);
			assert_in_range(s->bg, 0, 15);
			double ratio = theme_contrast(s->fg, s->bg);
			if (ratio < 7.0)
				fail_msg("theme %s role %d: %.2f:1 is under 7:1", themes[t].name, r,
				         ratio);
			checked++;
		}
		/* The selection stands out from the text around it (WCAG 1.4.11, 3:1). */
		const struct theme_style *text = &themes[t].style[THEME_TEXT];
		const struct theme_style *sel = &themes[t].style[THEME_SELECTED];
		assert_true(theme_contrast(text->bg, sel->bg) >= 3.0 ||
		            (sel->attrs & THEME_REVERSE));
	}
	assert_true(checked >= THEME_NROLES);
}

/* high-contrast and mono keep the terminal's own colours and show state by attributes. */
static void accessible_themes_set_no_colour(void **state)
{
	(void)state;
	const char *names[] = { "high-contrast", "mono" };
	for (size_t i = 0; i < 2; i++) {
		const struct theme *t = theme_find(names[i]);
		assert_non_null(t);
		assert_false(t->colour);
		for (int r = 0; r < THEME_NROLES; r++) {
			assert_int_equal(t->style[r].fg, -1);
			assert_int_equal(t->style[r].bg, -1);
		}
		assert_true(t->style[THEME_SELECTED].attrs & THEME_REVERSE);
	}
	const struct theme *hc = theme_find("high-contrast");
	assert_false(hc->rule);
	assert_true(hc->show_cursor);
	assert_non_null(theme_find("default"));
	assert_null(theme_find("rainbow"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(contrast_follows_wcag),
		cmocka_unit_test(colour_pairs_reach_seven_to_one),
		cmocka_unit_test(accessible_themes_set_no_colour),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
