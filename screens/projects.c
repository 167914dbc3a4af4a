/* SPDX-License-Identifier: GPL-3.0-or-later */
/* projects: the list of projects, paged by title, with find, add and delete. */
#include "projects.h"

#include <inttypes.h>

#include "project.h"
#include "recordview.h"

enum { PROJECTS_ASK_DELETE = 1 };

/* A project as a row: closed first when it is, its title, kind and area, the date last. */
static void projects_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct project *p = rec;
	(void)ctx;
	view_row_label(row, "%s", p->title);
	const char *kind = record_choice_label(project_kind.fields[1].choices, p->kind);
	if (*p->service_area)
		view_row_value(row, "%s, %s", kind, p->service_area);
	else
		view_row_value(row, "%s", kind);
	if (*p->closed_on) {
		view_row_status(row, "closed", VIEW_TONE_QUIET);
		view_row_date(row, "closed", p->closed_on);
	} else {
		view_row_date(row, "started", p->started_on);
	}
}

static void projects_build(struct screen_ctx *c, struct view *v)
{
	struct record_query all = { 0 };
	int64_t n = 0;
	struct error err;
	if (record_count(c->store, &project_kind, &all, &n, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	view_title(v, "Projects");
	if (n == 0)
		view_summary(v, "There are no projects yet; add one to begin.");
	else if (n == 1)
		view_summary(v, "There is one project; open it to see and change its details.");
	else
		view_summary(v,
		             "There are %" PRId64 " projects, by title; open one to see and "
		             "change its details.",
		             n);
	struct view_section *sec = view_add_list(v, NULL, "There are no projects yet.");
	recordview_list(v, sec, c->store, &project_kind, &all, projects_row, NULL);
	view_add_action(v, 'a', "add", "add a project",
	                "Start a new project and fill in its details, title first.");
	view_add_action(v, 'd', "delete", "delete the project",
	                "Delete the selected project, after asking; a project that has meetings "
	                "or other records cannot be deleted.");
}

static enum screen_result projects_handle(struct screen_ctx *c, struct view *v,
                                          const struct command *cmd)
{
	const struct view_row *row = view_selected_row(v);
	struct error err;
	switch (cmd->kind) {
	case COMMAND_OPEN:
		screen_open(c, "project", row->id);
		return SCREEN_HANDLED;
	case COMMAND_ACTION:
		if (cmd->key == 'a') {
			screen_open(c, "project", 0);
		} else if (!row) {
			view_message(v, VIEW_TONE_WARN, "There is no project to delete.");
		} else {
			view_ask(v, PROJECTS_ASK_DELETE, "Delete the project %s?", row->label);
		}
		return SCREEN_HANDLED;
	case COMMAND_ANSWER:
		if (cmd->key != PROJECTS_ASK_DELETE || !row)
			return SCREEN_UNHANDLED;
		if (!cmd->number) {
			view_message(v, VIEW_TONE_PLAIN, "The project %s was kept.", row->label);
			return SCREEN_HANDLED;
		}
		if (project_delete(c->store, row->id, &err) != ERROR_NONE) {
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
			return SCREEN_HANDLED;
		}
		view_message(v, VIEW_TONE_GOOD, "Deleted the project %s.", row->label);
		return SCREEN_CHANGED;
	default:
		return SCREEN_UNHANDLED;
	}
}

const struct screen projects_screen = {
	.name = "projects",
	.title = "Projects",
	.help = "Projects lists every commissioning project by title. Open one to see and change "
	        "its details. Add starts a new one; delete removes one that has nothing recorded "
	        "against it yet.",
	.build = projects_build,
	.handle = projects_handle,
};
