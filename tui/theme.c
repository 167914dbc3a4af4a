/* SPDX-License-Identifier: GPL-3.0-or-later */
/* theme: the theme table, contrast arithmetic, and setting up colours in curses. */
#include "theme.h"

#include <curses.h>
#include <math.h>
#include <string.h>

enum { BLACK = 0, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE, DEFAULT = -1 };

#define S(fg, bg, attrs)                                                                           \
	{                                                                                          \
		fg, bg, attrs                                                                      \
	}

static const struct theme theme_table[] = {
	{
		.name = "default",
		.colour = true,
		.rule = true,
		.show_cursor = false,
		.style = {
			[THEME_TEXT] = S(WHITE, BLACK, 0),
			[THEME_TITLE] = S(WHITE, BLACK, THEME_BOLD),
			[THEME_SUMMARY] = S(WHITE, BLACK, 0),
			[THEME_HEADING] = S(CYAN, BLACK, THEME_BOLD),
			[THEME_SELECTED] = S(BLACK, WHITE, 0),
			[THEME_ALERT] = S(BLACK, YELLOW, THEME_BOLD),
			[THEME_WARN] = S(YELLOW, BLACK, THEME_BOLD),
			[THEME_GOOD] = S(GREEN, BLACK, 0),
			[THEME_QUIET] = S(WHITE, BLACK, 0),
			[THEME_KEYS] = S(CYAN, BLACK, 0),
			[THEME_MESSAGE] = S(WHITE, BLACK, THEME_BOLD),
		},
	},
	{
		.name = "high-contrast",
		.colour = false,
		.rule = false,
		.show_cursor = true,
		.style = {
			[THEME_TEXT] = S(DEFAULT, DEFAULT, 0),
			[THEME_TITLE] = S(DEFAULT, DEFAULT, THEME_BOLD),
			[THEME_SUMMARY] = S(DEFAULT, DEFAULT, 0),
			[THEME_HEADING] = S(DEFAULT, DEFAULT, THEME_BOLD),
			[THEME_SELECTED] = S(DEFAULT, DEFAULT, THEME_REVERSE | THEME_BOLD),
			[THEME_ALERT] = S(DEFAULT, DEFAULT, THEME_BOLD),
			[THEME_WARN] = S(DEFAULT, DEFAULT, THEME_BOLD),
			[THEME_GOOD] = S(DEFAULT, DEFAULT, 0),
			[THEME_QUIET] = S(DEFAULT, DEFAULT, 0),
			[THEME_KEYS] = S(DEFAULT, DEFAULT, 0),
			[THEME_MESSAGE] = S(DEFAULT, DEFAULT, THEME_BOLD),
		},
	},
	{
		.name = "mono",
		.colour = false,
		.rule = true,
		.show_cursor = false,
		.style = {
			[THEME_TEXT] = S(DEFAULT, DEFAULT, 0),
			[THEME_TITLE] = S(DEFAULT, DEFAULT, THEME_BOLD),
			[THEME_SUMMARY] = S(DEFAULT, DEFAULT, 0),
			[THEME_HEADING] = S(DEFAULT, DEFAULT, THEME_UNDERLINE),
			[THEME_SELECTED] = S(DEFAULT, DEFAULT, THEME_REVERSE),
			[THEME_ALERT] = S(DEFAULT, DEFAULT, THEME_BOLD | THEME_UNDERLINE),
			[THEME_WARN] = S(DEFAULT, DEFAULT, THEME_BOLD),
			[THEME_GOOD] = S(DEFAULT, DEFAULT, 0),
			[THEME_QUIET] = S(DEFAULT, DEFAULT, 0),
			[THEME_KEYS] = S(DEFAULT, DEFAULT, 0),
			[THEME_MESSAGE] = S(DEFAULT, DEFAULT, THEME_BOLD),
		},
	},
};

enum { THEME_COUNT = sizeof theme_table / sizeof *theme_table };

const struct theme *theme_list(size_t *count)
{
	*count = THEME_COUNT;
	return theme_table;
}

const struct theme *theme_find(const char *name)
{
	for (size_t i = 0; name && i < THEME_COUNT; i++)
		if (strcmp(theme_table[i].name, name) == 0)
			return &theme_table[i];
	return NULL;
}

/* xterm's default palette (XTerm-col.ad / 256colres.h), colours 0 to 15. */
static const unsigned char theme_xterm[16][3] = {
	{ 0x00, 0x00, 0x00 }, { 0xcd, 0x00, 0x00 }, { 0x00, 0xcd, 0x00 }, { 0xcd, 0xcd, 0x00 },
	{ 0x00, 0x00, 0xee }, { 0xcd, 0x00, 0xcd }, { 0x00, 0xcd, 0xcd }, { 0xe5, 0xe5, 0xe5 },
	{ 0x7f, 0x7f, 0x7f }, { 0xff, 0x00, 0x00 }, { 0x00, 0xff, 0x00 }, { 0xff, 0xff, 0x00 },
	{ 0x5c, 0x5c, 0xff }, { 0xff, 0x00, 0xff }, { 0x00, 0xff, 0xff }, { 0xff, 0xff, 0xff },
};

void theme_xterm_rgb(int colour, unsigned char rgb[3])
{
	memcpy(rgb, theme_xterm[colour & 15], 3);
}

/* WCAG 2 relative luminance of an sRGB colour. */
static double theme_luminance(const unsigned char rgb[3])
{
	double c[3];
	for (int i = 0; i < 3; i++) {
		double s = rgb[i] / 255.0;
		c[i] = s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

double theme_contrast(int fg, int bg)
{
	unsigned char a[3], b[3];
	theme_xterm_rgb(fg, a);
	theme_xterm_rgb(bg, b);
	double la = theme_luminance(a), lb = theme_luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Whether colour pairs are in use: the theme asks for them and the terminal has them. */
static bool theme_coloured;

void theme_start(const struct theme *t)
{
	theme_coloured = false;
	if (!t->colour || !has_colors() || start_color() == ERR || COLOR_PAIRS <= THEME_NROLES)
		return;
	theme_coloured = true;
	for (int r = 0; r < THEME_NROLES; r++)
		init_pair((short)(r + 1), (short)t->style[r].fg, (short)t->style[r].bg);
	bkgdset(' ' | COLOR_PAIR(THEME_TEXT + 1));
}

unsigned long theme_attr(const struct theme *t, enum theme_role role)
{
	unsigned a = t->style[role].attrs;
	chtype out = A_NORMAL;
	if (a & THEME_BOLD)
		out |= A_BOLD;
	if (a & THEME_REVERSE)
		out |= A_REVERSE;
	if (a & THEME_UNDERLINE)
		out |= A_UNDERLINE;
	if (theme_coloured)
		out |= COLOR_PAIR(role + 1);
	else if (t->colour && role == THEME_SELECTED)
		out |= A_REVERSE; /* a colour theme on a terminal without colour */
	return out;
}

void theme_rule(const struct theme *t, int y, int width)
{
	if (!t->rule)
		return;
	attrset((attr_t)theme_attr(t, THEME_QUIET));
	mvhline(y, 0, ACS_HLINE, width);
	attrset(A_NORMAL);
}
