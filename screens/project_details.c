/* SPDX-License-Identifier: GPL-3.0-or-later */
/* project_details: one project's details as a form, each field saved as it is left. */
#include "project_details.h"

#include "project.h"
#include "recordview.h"

static void project_details_build(struct screen_ctx *c, struct view *v)
{
	struct project p;
	struct error err;
	if (!c->id)
		project_init(&p);
	else if (project_get(c->store, c->id, &p, &err) != ERROR_NONE) {
		view_title(v, "Project");
		view_summary(v, "%s.", err.msg);
		project_clear(&p);
		return;
	}
	if (c->id) {
		view_title(v, "Project: %s", p.title);
		view_summary(
		        v, "The details of this %s project; each is saved as soon as you leave it.",
		        record_choice_label(project_kind.fields[1].choices, p.kind));
	} else {
		view_title(v, "New project");
		view_summary(v,
		             "Give the new project its title first; each detail is saved as soon "
		             "as you leave it.");
	}
	recordview_form(view_add_form(v, NULL), &project_kind, &p, NULL, c->config);
	/* A new project is filled in field by field; an open one is changed where needed. */
	v->walk = c->id == 0;
	project_clear(&p);
}

static enum screen_result project_details_handle(struct screen_ctx *c, struct view *v,
                                                 const struct command *cmd)
{
	if (cmd->kind == COMMAND_SAVE_FIELD)
		return recordview_save(c, v, &project_kind, cmd);
	return SCREEN_UNHANDLED;
}

const struct screen project_details_screen = {
	.name = "project",
	.title = "Project",
	.help = "A project's details: its title, what kind of project it is, its service area, "
	        "who leads it, and when it started and closed. Each detail is saved as soon as you "
	        "leave it; a value that cannot be saved is explained under it.",
	.build = project_details_build,
	.handle = project_details_handle,
};
