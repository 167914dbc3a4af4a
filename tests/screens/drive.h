/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * drive: what the screen tests share — carrying out commands as a renderer
 * would, looking at the view, the built-in settings, and a demo database.
 */
#ifndef INVOLVE_TEST_DRIVE_H
#define INVOLVE_TEST_DRIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "screen.h"

struct config;
struct finding;

/* Carry out a command with optional text; returns whether the program goes on. */
bool drive_send(struct screen_stack *st, enum command_kind kind, const char *text);
/* The same with cmd.number set. */
bool drive_number(struct screen_stack *st, enum command_kind kind, const char *text, long number);
/* Press an action's key. */
bool drive_key(struct screen_stack *st, int key);
/* Type text into the field being edited one character at a time, as keys arrive. */
void drive_type(struct screen_stack *st, const char *utf8);
/* Enter while typing in full screens: save the field and move on. */
bool drive_enter(struct screen_stack *st);
/* Print the top view to stderr, headed by why, when DRIVE_DUMP is set (for finding faults). */
void drive_dump(struct screen_stack *st, const char *why);
/* Focus the field named name of the top screen's forms (fails the test if there is none). */
struct view_field *drive_focus_field(struct screen_stack *st, const char *name);
/* The selected row's label, or "" when none is selected. */
const char *drive_selected_label(struct screen_stack *st);
/* The whole text of the selected row ("" when none); the caller frees it. */
char *drive_selected_text(struct screen_stack *st);
/* The list section of v headed heading, or NULL. */
struct view_section *drive_section(struct view *v, const char *heading);
/* Select row index of section sec of the top view. */
void drive_select(struct screen_stack *st, const struct view_section *sec, size_t index);
/* True when some row of some list of v has a label holding text. */
bool drive_has_row(const struct view *v, const char *text);

/* A rules_finding_fn: give f's person feedback for f's meeting (ctx: the store); goes on. */
bool drive_give_feedback(const struct finding *f, void *ctx);

/* The built-in settings with every rule known (freed at exit). */
const struct config *drive_config(void);
/* Build the demo at scale into s, as of the fixed test day, with the settings' due policy. */
void drive_demo(struct store *s, int scale);

#endif
