/* SPDX-License-Identifier: GPL-3.0-or-later */
/* projects: the list of projects, paged by title, each with the strip of its stages. */
#include "projects.h"

#include <inttypes.h>
#include <stdlib.h>

#include "action.h"
#include "budget_event.h"
#include "buf.h"
#include "decision.h"
#include "meeting.h"
#include "mem.h"
#include "pressure.h"
#include "project.h"
#include "recordview.h"
#include "stage.h"
#include "stages.h"

enum { PROJECTS_ASK_DELETE = 1 };

/* What the rows need: the store and the settings (the stages' order and labels). */
struct projects_state {
	struct store *store;
	const struct config *config;
};

/*
 * A project as a row: "closed" or "missing" first when it is, its title, the
 * strip of its stages, and the closing date last for a closed one.
 */
static void projects_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct project *p = rec;
	const struct projects_state *ps = ctx;
	struct stages st;
	struct error err;
	view_row_label(row, "%s", p->title);
	if (stages_read(ps->store, ps->config, p->head.id, &st, &err) != ERROR_NONE) {
		view_row_value(row, "%s", err.msg);
	} else {
		char *strip = stages_strip(ps->config, &st);
		view_row_value(row, "%s", strip);
		free(strip);
	}
	if (*p->closed_on) {
		view_row_status(row, "closed", VIEW_TONE_QUIET);
		view_row_date(row, "closed", p->closed_on);
	} else if (stages_any_missing(&st)) {
		view_row_status(row, "missing", VIEW_TONE_WARN);
	}
}

/* A stage record that holds something: begun, or with any of its agreement written. */
static bool projects_stage_used(void *rec, const char *order_value, void *ctx)
{
	const struct stage *st = rec;
	int64_t *used = ctx;
	(void)order_value;
	bool written = false;
	for (size_t i = 0; i < stage_kind.nfields; i++)
		written |= stage_kind.fields[i].type == FIELD_TEXT &&
		           !record_field_empty(&stage_kind.fields[i], rec);
	*used += st->status != STAGE_NOT_STARTED || *st->agreed_on || written;
	return true;
}

/*
 * What is recorded against project id, in words ("20 meetings and 3
 * decisions"), or NULL when nothing is: deleting a project deletes all of
 * it, so only an empty one may go. Stage records made by looking at a stage
 * and left untouched do not count. The caller frees the text.
 */
static char *projects_in_use(struct store *s, int64_t id)
{
	static const struct record_kind *const kinds[] = {
		&meeting_kind, &decision_kind, &budget_event_kind, &pressure_kind, &action_kind,
	};
	struct record_query q = { .where = "project_id", .where_id = id };
	struct buf b;
	buf_init(&b);
	struct error err;
	int64_t counts[sizeof kinds / sizeof *kinds + 1] = { 0 };
	const char *nouns[sizeof kinds / sizeof *kinds + 1][2];
	size_t n = sizeof kinds / sizeof *kinds;
	for (size_t i = 0; i < n; i++) {
		if (record_count(s, kinds[i], &q, &counts[i], &err) != ERROR_NONE)
			counts[i] = 1; /* unknown: better kept than lost */
		nouns[i][0] = kinds[i]->noun;
		nouns[i][1] = kinds[i]->plural;
	}
	q.limit = STAGE_COUNT * 2;
	if (stage_list(s, &q, projects_stage_used, &counts[n], NULL, &err) != ERROR_NONE)
		counts[n] = 1;
	nouns[n][0] = "stage begun or agreed";
	nouns[n][1] = "stages begun or agreed";
	size_t shown = 0, total = 0;
	for (size_t i = 0; i <= n; i++)
		total += counts[i] > 0;
	for (size_t i = 0; i <= n; i++) {
		if (!counts[i])
			continue;
		shown++;
		buf_printf(&b, "%s%lld %s",
		           shown == 1       ? ""
		           : shown == total ? " and "
		                            : ", ",
		           (long long)counts[i], nouns[i][counts[i] != 1]);
	}
	if (!b.len)
		return NULL;
	return buf_take(&b);
}

static void projects_build(struct screen_ctx *c, struct view *v)
{
	if (!c->state)
		c->state = mem_calloc(1, sizeof(struct projects_state));
	struct projects_state *ps = c->state;
	ps->store = c->store;
	ps->config = stages_config(c);
	struct record_query all = { 0 };
	int64_t n = 0;
	struct error err;
	if (record_count(c->store, &project_kind, &all, &n, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	view_title(v, "Projects");
	if (n == 0)
		view_summary(v, "There are no projects yet; add one to begin.");
	else if (n == 1)
		view_summary(v, "There is one project; open it to see its stages and what each is "
		                "missing.");
	else
		view_summary(v,
		             "There are %" PRId64 " projects, by title, each with its stages; open "
		             "one to see what each stage is missing.",
		             n);
	struct view_section *sec = view_add_list(v, NULL, "There are no projects yet.");
	recordview_list(v, sec, c->store, &project_kind, &all, projects_row, ps);
	view_add_action(v, 'a', "add", "add a project",
	                "Start a new project and fill in its details, title first.");
	view_add_action(v, 'd', "delete", "delete the project",
	                "Delete the selected project, after asking; a project that has meetings, "
	                "decisions or other records, or a stage begun or agreed, cannot be "
	                "deleted.");
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
			char *used = projects_in_use(c->store, row->id);
			if (used)
				view_message(
				        v, VIEW_TONE_WARN,
				        "The project %s cannot be deleted: it has %s recorded.",
				        row->label, used);
			else
				view_ask(v, PROJECTS_ASK_DELETE, "Delete the project %s?",
				         row->label);
			free(used);
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

static void projects_leave(struct screen_ctx *c)
{
	free(c->state);
	c->state = NULL;
}

const struct screen projects_screen = {
	.name = "projects",
	.title = "Projects",
	.help = "Projects lists every commissioning project by title, each with its stages in "
	        "words: "
	        "the active ones first, then those done, each with what it is missing (its "
	        "agreement, or service users and carers at its meetings), then how many are not "
	        "started. Missing first on a row means a stage needs putting right; closed means "
	        "the project has ended. Open a project to see its stages, findings and details. "
	        "Add "
	        "starts a new one; delete removes one that has nothing recorded against it yet.",
	.build = projects_build,
	.handle = projects_handle,
	.leave = projects_leave,
};
