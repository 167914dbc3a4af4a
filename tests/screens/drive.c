/* SPDX-License-Identifier: GPL-3.0-or-later */
/* drive: commands, views, settings and demo data for the screen tests. */
#include "drive.h"

#include "support.h"

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
