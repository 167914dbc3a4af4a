/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * theme: how full screens look — the one place that chooses colours.
 *
 * A theme is a table row: for each role (plain text, the title, the
 * selected row, an alert...) a foreground and background colour from the
 * eight xterm colours (or -1 for the terminal's own) and attributes (bold,
 * reverse, underline). Status is always shown as words; a theme only adds
 * emphasis. Three themes:
 *   default        colour pairs that reach 7:1 contrast in the xterm palette
 *                  (checked by a unit test), a rule under the title;
 *   high-contrast  the terminal's own colours only, bold and reverse video,
 *                  no rule, the cursor shown;
 *   mono           no colour, bold, reverse and underline, a rule.
 *
 * No other file starts colours, defines colour pairs or draws line-drawing
 * characters (a test checks the source tree for it).
 */
#ifndef INVOLVE_THEME_H
#define INVOLVE_THEME_H

#include <stdbool.h>
#include <stddef.h>

enum theme_role {
	THEME_TEXT,     /* rows and fields */
	THEME_TITLE,    /* the screen's title */
	THEME_SUMMARY,  /* the sentence under it */
	THEME_HEADING,  /* a section's heading */
	THEME_SELECTED, /* the selected row or focused field */
	THEME_ALERT,    /* a status word such as OVERDUE; a refused value */
	THEME_WARN,     /* due soon, missing */
	THEME_GOOD,     /* done */
	THEME_QUIET,    /* skipped, closed; an empty list's sentence */
	THEME_KEYS,     /* the line of keys */
	THEME_MESSAGE,  /* the message line */
	THEME_NROLES
};

enum {
	THEME_BOLD = 1 << 0,
	THEME_REVERSE = 1 << 1,
	THEME_UNDERLINE = 1 << 2,
};

struct theme_style {
	int fg, bg; /* 0..7 xterm colours (black, red, green, yellow, blue, magenta, cyan, white);
	               -1 the terminal's */
	unsigned attrs; /* THEME_BOLD, ... */
};

struct theme {
	const char *name;
	bool colour;      /* sets colours (only when the terminal has them) */
	bool rule;        /* a line under the title, when there is room */
	bool show_cursor; /* the hardware cursor is visible (it is always placed) */
	struct theme_style style[THEME_NROLES];
};

/* The themes, in the order --help lists them. */
const struct theme *theme_list(size_t *count);
/* The theme called name, or NULL. */
const struct theme *theme_find(const char *name);

/* An xterm palette colour (0..15) as red, green, blue. */
void theme_xterm_rgb(int colour, unsigned char rgb[3]);
/* The WCAG 2 contrast ratio of two xterm palette colours, 1 to 21. */
double theme_contrast(int fg, int bg);

/* ---- for the curses renderer ---- */

/* Set up the terminal for t: colour pairs when t uses colour and the terminal has it. */
void theme_start(const struct theme *t);
/* The curses attributes (a chtype) for a role under t, after theme_start. */
unsigned long theme_attr(const struct theme *t, enum theme_role role);
/* Draw a horizontal rule of width cells at row y (only themes with a rule). */
void theme_rule(const struct theme *t, int y, int width);

#endif
