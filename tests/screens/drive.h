/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * drive: what the screen tests share — carrying out commands on a stack of
 * screens as the renderers would, one key or one typed line at a time.
 */
#ifndef INVOLVE_TEST_DRIVE_H
#define INVOLVE_TEST_DRIVE_H

#include <stdbool.h>

#include "screen.h"

/* Carry out a command with optional text; returns whether the program goes on. */
bool drive_send(struct screen_stack *st, enum command_kind kind, const char *text);
/* The same with its number set (a page size, a move after saving, an answer). */
bool drive_send_number(struct screen_stack *st, enum command_kind kind, const char *text,
                       long number);
/* Press an action's key. */
bool drive_key(struct screen_stack *st, int key);
/* Type text into the field being edited one character at a time, as keys arrive. */
void drive_type(struct screen_stack *st, const char *utf8);
/* Enter while typing in full screens: save the field and move on. */
bool drive_enter(struct screen_stack *st);
/* The selected row's label, or "". */
const char *drive_selected(struct screen_stack *st);
/* Print the top view to stderr, headed by why, when DRIVE_DUMP is set (for finding faults). */
void drive_dump(struct screen_stack *st, const char *why);

#endif
