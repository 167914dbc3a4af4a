/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * help: the keys as a plain list, one "key: action" to a line, read top to
 * bottom — what the screen below is for and its actions, then the keys and
 * commands of every screen (from the command table, tui/command.h), then
 * what involve is for and how to turn on the text mode and the
 * high-contrast theme. The framework opens it (by its name, "help") for ?,
 * F1 or "help" typed, over any screen; screen_open(c, "help", 0) does too.
 */
#ifndef INVOLVE_SCREEN_HELP_H
#define INVOLVE_SCREEN_HELP_H

#include "screen.h"

extern const struct screen help_screen;

/* Add each sentence of text (". " ends one) as a row of the list section sec. */
void help_sentences(struct view_section *sec, const char *text);

#endif
