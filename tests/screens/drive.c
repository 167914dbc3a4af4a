/* SPDX-License-Identifier: GPL-3.0-or-later */
/* drive: commands, views, settings and demo data for the screen tests. */
#include "drive.h"

#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "demo.h"
#include "feedback.h"
#include "meeting.h"
#include "mem.h"
#include "rules.h"

bool drive_number(struct screen_stack *st, enum command_kind kind, const char *text, long number)
{
	struct command c;
	command_make(&c, kind, text);
	c.number = number;
	bool going = screen_dispatch(st, &c);
	command_clear(&c);
	return going;
}

bool drive_send(struct screen_stack *st, enum command_kind kind, const char *text)
{
	return drive_number(st, kind, text, 0);
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
	return drive_number(st, COMMAND_SAVE_FIELD, NULL, 1);
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

struct view_field *drive_focus_field(struct screen_stack *st, const char *name)
{
	size_t section, index;
	struct view_field *f = view_find_field(screen_view(st), name, &section, &index);
	assert_non_null(f);
	view_focus_field(screen_view(st), section, index);
	return f;
}

const char *drive_selected_label(struct screen_stack *st)
{
	const struct view_row *r = view_selected_row(screen_view(st));
	return r ? r->label : "";
}

char *drive_selected_text(struct screen_stack *st)
{
	const struct view_row *r = view_selected_row(screen_view(st));
	return r ? view_row_text(r) : mem_strdup("");
}

struct view_section *drive_section(struct view *v, const char *heading)
{
	for (size_t s = 0; s < v->nsections; s++)
		if (v->sections[s].kind == VIEW_LIST &&
		    strcmp(v->sections[s].heading, heading) == 0)
			return &v->sections[s];
	return NULL;
}

void drive_select(struct screen_stack *st, const struct view_section *sec, size_t index)
{
	struct view *v = screen_view(st);
	view_select_row(v, (size_t)(sec - v->sections), index);
}

bool drive_has_row(const struct view *v, const char *text)
{
	for (size_t s = 0; s < v->nsections; s++)
		for (size_t i = 0; i < v->sections[s].list.rows.n; i++)
			if (strstr(v->sections[s].list.rows.v[i].label, text))
				return true;
	return false;
}

bool drive_give_feedback(const struct finding *f, void *ctx)
{
	struct feedback fb;
	feedback_init(&fb);
	fb.meeting_id = f->meeting_id;
	fb.person_id = f->person_id;
	memcpy(fb.given_on, "2026-11-21", DATE_TEXT_SIZE);
	assert_int_equal(feedback_create(ctx, &fb, NULL), ERROR_NONE);
	feedback_clear(&fb);
	return true;
}

static struct config *drive_conf;

static void drive_free_config(void)
{
	config_free(drive_conf);
}

const struct config *drive_config(void)
{
	if (!drive_conf) {
		drive_conf = config_load(NULL, rules_ids(), NULL);
		atexit(drive_free_config);
	}
	return drive_conf;
}

void drive_demo(struct store *s, int scale)
{
	const struct config *conf = drive_config();
	meeting_set_due_policy(config_calendar(conf), (int)config_int(conf, "feedback.due_days"));
	struct error err;
	assert_int_equal(demo_build(s, scale, date_today(), NULL, &err), ERROR_NONE);
}
