/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stage_stub: a stand-in stage screen that opens the meeting screens, and the people to add. */
#include "stage_stub.h"

#include <stdlib.h>

#include "meeting.h"
#include "meeting_log.h"
#include "mem.h"
#include "person.h"
#include "project.h"
#include "recordview.h"
#include "vocab.h"

/* A meeting as a row: its title, the date last. */
static void stage_stub_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct meeting *m = rec;
	(void)ctx;
	view_row_label(row, "%s", m->title);
	view_row_date(row, "held", m->held_on);
}

static void stage_stub_build(struct screen_ctx *c, struct view *v)
{
	struct project p;
	if (project_get(c->store, c->id, &p, NULL) == ERROR_NONE)
		view_title(v, "%s: Needs assessment (a stand-in for the stage screen)", p.title);
	project_clear(&p);
	view_summary(v, "Add logs a new meeting at this stage; open a meeting to log more of it.");
	struct record_query q = { .where = "project_id", .where_id = c->id };
	recordview_list(v, view_add_list(v, "Meetings", "No meetings yet."), c->store,
	                &meeting_kind, &q, stage_stub_row, NULL);
	view_add_action(v, 'a', "add", "log a meeting", "Log a new meeting at this stage.");
}

static enum screen_result stage_stub_handle(struct screen_ctx *c, struct view *v,
                                            const struct command *cmd)
{
	struct error err;
	if (cmd->kind == COMMAND_OPEN) {
		screen_open(c, "meeting", view_selected_row(v)->id);
		return SCREEN_HANDLED;
	}
	if (cmd->kind != COMMAND_ACTION)
		return SCREEN_UNHANDLED;
	if (meeting_log_start(c, c->id, STAGE_NEEDS, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	return SCREEN_HANDLED;
}

const struct screen stage_stub_screen = {
	.name = "stage",
	.title = "Stage",
	.help = "A stand-in for a stage screen: it lists the project's meetings and logs new ones.",
	.build = stage_stub_build,
	.handle = stage_stub_handle,
};

int64_t stage_stub_person(struct store *s, const char *name, unsigned roles, int format,
                          const char *needs)
{
	struct person p;
	person_init(&p);
	mem_replace(&p.name, name);
	mem_replace(&p.support_needs, needs);
	p.roles = roles;
	p.preferred_format = format;
	if (person_create(s, &p, NULL) != ERROR_NONE)
		abort();
	int64_t id = p.head.id;
	person_clear(&p);
	return id;
}

void stage_stub_seed(struct store *s, struct stage_stub_world *w)
{
	struct project p;
	project_init(&p);
	mem_replace(&p.title, "Carers' strategy");
	if (project_create(s, &p, NULL) != ERROR_NONE)
		abort();
	w->project = p.head.id;
	project_clear(&p);
	w->ann = stage_stub_person(s, "Ann B.", 1u << ROLE_CARER, FORMAT_LARGE_PRINT,
	                           "hearing loop; seat near the front");
	w->anna = stage_stub_person(s, "Anna K.", 1u << ROLE_SERVICE_USER, FORMAT_STANDARD, "");
	w->joanne = stage_stub_person(s, "Joanne S.", 1u << ROLE_SERVICE_USER, FORMAT_STANDARD, "");
	w->malgorzata = stage_stub_person(s, "Małgorzata Łukasik", 1u << ROLE_SERVICE_USER,
	                                  FORMAT_EASY_READ, "a supporter");
	w->sam = stage_stub_person(s, "Sam Lee", 1u << ROLE_COMMISSIONER, FORMAT_STANDARD, "");
}
