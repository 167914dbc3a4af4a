/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app: the interactive program — choosing the mode and theme, the loop of
 * draw, read a command, carry it out, and stopping cleanly.
 *
 * main.c gives the table of screens and the open store; app_run does the
 * rest and returns the exit status. Full screens (curses) unless text mode
 * is asked for by --text, INVOLVE_UI=text or ui.mode = "text", or TERM is
 * dumb or unset, or input or output is not a terminal. The theme is --theme,
 * else high-contrast when NO_COLOR is set and not empty (and the configured
 * theme uses colour), else ui.theme.
 *
 * SIGHUP, SIGTERM and SIGINT set a flag (the handler does nothing else); the
 * loop then keeps what was being typed as a draft and ends with status 0.
 */
#ifndef INVOLVE_APP_H
#define INVOLVE_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct config;
struct screen;
struct store;

struct app_options {
	struct store *store;                 /* open, owned by the caller */
	const struct config *config;         /* may be NULL: built-in behaviour */
	const struct screen *const *screens; /* the NULL-terminated table of screens (main.c) */
	const char *first;                   /* the name of the screen to start on */
	int64_t first_id;                    /* the record it shows (0: none) */
	const char *mode;                    /* "text", "curses", or NULL to decide */
	const char *theme;                   /* a theme name, or NULL to decide */
	FILE *in, *out, *err;                /* NULL: stdin, stdout, stderr */
};

/* Which mode: "text" or "curses", from the options, environment and terminal. */
const char *app_mode(const struct app_options *opt);
/* Which theme name, from the options, NO_COLOR and the configuration. */
const char *app_theme(const struct app_options *opt);

/* Run the interactive program until quit, end of input or a signal; the exit status. */
int app_run(const struct app_options *opt);

#endif
