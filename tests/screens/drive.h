/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * drive: what the screen tests share — carrying out commands on a stack of
 * screens as a renderer would, and putting the focus on a field by name.
 * Each fails the test (cmocka) when what it needs is not there.
 */
#ifndef INVOLVE_TEST_DRIVE_H
#define INVOLVE_TEST_DRIVE_H

#include <stdbool.h>

#include "screen.h"

/* Carry out a command with optional text; returns whether the program goes on. */
bool send(struct screen_stack *st, enum command_kind kind, const char *text);
/* The same, with the command's number set. */
bool send_number(struct screen_stack *st, enum command_kind kind, const char *text, long number);
/* Press the key of one of the top view's actions. */
bool send_key(struct screen_stack *st, int key);
/* Focus the field named name of the top screen's forms. */
struct view_field *focus_field(struct screen_stack *st, const char *name);

#endif
