/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render: the interface both renderers give the program loop.
 *
 * A renderer draws the top view after every command and reads the next
 * command, from keys (render_curses.c) or from typed lines (render_text.c).
 * It never changes data: it only turns input into commands
 * (command.h) and moves through the view as view.h allows.
 */
#ifndef INVOLVE_RENDER_H
#define INVOLVE_RENDER_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "command.h"
#include "error.h"
#include "view.h"

struct render;

struct render_ops {
	/* Show what changed in v since the last draw (all of it when v->fresh, then clear it). */
	void (*draw)(struct render *r, struct view *v);
	/* Wait for the next command and fill cmd (free it with command_clear). */
	void (*read)(struct render *r, struct view *v, struct command *cmd);
	/* Give the terminal back as it was and free r. */
	void (*close)(struct render *r);
};

struct render {
	const struct render_ops *ops;
	/* Set by a signal handler when the program should stop; read is interrupted and
	   gives COMMAND_STOP. */
	const volatile sig_atomic_t *stop;
};

/*
 * Full screens on the terminal with theme (theme.h name). NULL with err
 * filled when the terminal cannot be used (no terminal, unknown TERM).
 */
struct render *render_curses_open(const char *theme, const volatile sig_atomic_t *stop,
                                  struct error *err);
/* The line-by-line text mode, reading in and writing out. */
struct render *render_text_open(FILE *in, FILE *out, const volatile sig_atomic_t *stop);

#endif
