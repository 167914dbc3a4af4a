/* SPDX-License-Identifier: GPL-3.0-or-later */
/* drive: commands for the screen tests, as the renderers make them. */
#include "drive.h"

#include "support.h"

/* Carry out one command made of its parts. */
static bool drive(struct screen_stack *st, enum command_kind kind, const char *text, long number,
                  int key)
{
	struct command c;
	command_make(&c, kind, text);
	c.number = number;
	c.key = key;
	bool going = screen_dispatch(st, &c);
	command_clear(&c);
	return going;
}

bool send(struct screen_stack *st, enum command_kind kind, const char *text)
{
	return drive(st, kind, text, 0, 0);
}

bool send_number(struct screen_stack *st, enum command_kind kind, const char *text, long number)
{
	return drive(st, kind, text, number, 0);
}

bool send_key(struct screen_stack *st, int key)
{
	return drive(st, COMMAND_ACTION, NULL, 0, key);
}

struct view_field *focus_field(struct screen_stack *st, const char *name)
{
	size_t section, index;
	struct view_field *f = view_find_field(screen_view(st), name, &section, &index);
	assert_non_null(f);
	view_focus_field(screen_view(st), section, index);
	return f;
}
