/* SPDX-License-Identifier: GPL-3.0-or-later */
/* drive: commands for the screen tests, as the renderers make them. */
#include "drive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

bool drive_send(struct screen_stack *st, enum command_kind kind, const char *text)
{
	return drive_send_number(st, kind, text, 0);
}

bool drive_send_number(struct screen_stack *st, enum command_kind kind, const char *text,
                       long number)
{
	struct command c;
	command_make(&c, kind, text);
	c.number = number;
	bool going = screen_dispatch(st, &c);
	command_clear(&c);
	return going;
}

bool drive_key(struct screen_stack *st, int key)
{
	struct command c;
	command_make(&c, COMMAND_ACTION, NULL);
	c.key = key;
	bool going = screen_dispatch(st, &c);
	command_clear(&c);
	return going;
}

void drive_type(struct screen_stack *st, const char *utf8)
{
	for (const char *p = utf8; *p;) {
		size_t n = 1;
		while (((unsigned char)p[n] & 0xC0) == 0x80)
			n++;
		char *one = mem_strndup(p, n);
		drive_send(st, COMMAND_INSERT, one);
		free(one);
		p += n;
	}
}

bool drive_enter(struct screen_stack *st)
{
	return drive_send_number(st, COMMAND_SAVE_FIELD, NULL, 1);
}

const char *drive_selected(struct screen_stack *st)
{
	const struct view_row *r = view_selected_row(screen_view(st));
	return r ? r->label : "";
}

void drive_dump(struct screen_stack *st, const char *why)
{
	if (!getenv("DRIVE_DUMP"))
		return;
	struct view *v = screen_view(st);
	fprintf(stderr, "==== %s\n%s\n%s\n", why, v->title, v->summary);
	for (size_t s = 0; s < v->nsections; s++) {
		struct view_section *sec = &v->sections[s];
		if (*sec->heading)
			fprintf(stderr, "[%s]\n", sec->heading);
		for (size_t i = 0; i < sec->nfields; i++)
			fprintf(stderr, "  %c %s: %s%s%s\n",
			        v->focus == s && sec->focus == i ? '>' : ' ', sec->fields[i].label,
			        sec->fields[i].display, *sec->fields[i].error ? " !! " : "",
			        sec->fields[i].error);
		if (sec->kind == VIEW_LIST) {
			view_list_fill(v, sec, 0, 30);
			for (size_t i = 0; i < sec->list.rows.n; i++) {
				char *t = view_row_text(&sec->list.rows.v[i]);
				fprintf(stderr, "  %c %s\n",
				        v->focus == s && sec->list.sel == i ? '>' : '-', t);
				free(t);
			}
		}
	}
	if (v->edit.active)
		fprintf(stderr, "editing %s: [%s]\n",
		        v->sections[v->edit.section].fields[v->edit.field].label, v->edit.buf);
	if (v->question.text)
		fprintf(stderr, "question: %s\n", v->question.text);
	fprintf(stderr, "message: %s\n", v->message);
}
