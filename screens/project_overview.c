/* SPDX-License-Identifier: GPL-3.0-or-later */
/* project_overview: a project's stages, findings and details; or a new project's details. */
#include "project_overview.h"

#include <stdlib.h>

#include "buf.h"
#include "config.h"
#include "meeting.h"
#include "mem.h"
#include "project.h"
#include "recordview.h"
#include "rules.h"
#include "stage.h"
#include "stages.h"

enum { PROJECT_OVERVIEW_FINDINGS_SHOWN = 200 }; /* findings listed; the rest are counted */

/* What the screen keeps: whether it was opened to add a project, and where its lists are. */
struct project_overview_state {
	bool adding;
	size_t stages, findings; /* section indices */
};

/* A stage as a row: its status, its label, what it is missing, its meetings and findings. */
static void project_overview_stage_row(struct view_row *r, const struct config *config,
                                       const struct stages *st, int stage, int64_t meetings,
                                       size_t findings)
{
	r->id = stage + 1;
	view_row_status(r, stages_status_word(st->status[stage]), stages_tone(st, stage));
	view_row_label(r, "%s", config_stage_label(config, stage));
	struct buf b;
	buf_init(&b);
	buf_add(&b, stages_missing_words(st, stage));
	if (meetings)
		buf_printf(&b, "%s%lld meeting%s", b.len ? ", " : "", (long long)meetings,
		           meetings == 1 ? "" : "s");
	if (findings)
		buf_printf(&b, "%s%zu finding%s", b.len ? ", " : "", findings,
		           findings == 1 ? "" : "s");
	view_row_value(r, "%s", b.len ? b.data : "");
	buf_free(&b);
	view_row_date(r, "agreed", st->agreed_on[stage]);
}

/* The one sentence: closed or not, what is owed and missing, and what to do about it. */
static void project_overview_summary(struct view *v, const struct project *p,
                                     const struct stages *st, const struct stages_tally *t)
{
	size_t missing = 0;
	for (int i = 0; i < STAGE_COUNT; i++)
		missing += st->missing[i] != 0;
	struct buf b;
	buf_init(&b);
	if (*p->closed_on)
		buf_printf(&b, "Closed on %s; ", p->closed_on);
	if (!t->total && !missing) {
		buf_add(&b, b.len ? "nothing" : "Nothing");
		buf_add(&b, " is owed or missing; open a stage to see its agreement and meetings.");
	} else {
		char *tally = stages_tally_words(t);
		buf_add(&b, tally);
		free(tally);
		if (missing)
			buf_printf(&b, ", and %zu stage%s missing an agreement or users", missing,
			           missing == 1 ? "" : "s");
		buf_add(&b, "; open a stage to put it right.");
	}
	if (*b.data >= 'a' && *b.data <= 'z')
		*b.data = (char)(*b.data - 'a' + 'A');
	view_summary(v, "%s", b.data);
	buf_free(&b);
}

/* The stages, the findings and the details of an existing project. */
static void project_overview_full(struct screen_ctx *c, struct view *v, const struct project *p)
{
	struct project_overview_state *ps = c->state;
	const struct config *config = stages_config(c);
	struct stages st;
	struct error err;
	if (stages_read(c->store, config, c->id, &st, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	view_title(v, "Project: %s", p->title);
	ps->stages = v->nsections;
	view_add_list(v, "Stages", NULL);
	ps->findings = v->nsections;
	struct rules_scope scope = { RULES_SCOPE_PROJECT, c->id, -1 };
	struct stages_tally tally;
	stages_findings(v, view_add_list(v, "Findings", "Nothing is owed or missing."), c->store,
	                config, &scope, PROJECT_OVERVIEW_FINDINGS_SHOWN, &tally);
	for (size_t i = 0; i < config_stage_count(config); i++) {
		int stage = config_stage_at(config, i);
		struct record_query q = { .where = "project_id",
			                  .where_id = c->id,
			                  .where_text = "stage",
			                  .text_value = record_choice_key(vocab_stages, stage) };
		int64_t meetings = 0;
		if (record_count(c->store, &meeting_kind, &q, &meetings, &err) != ERROR_NONE)
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		/* Looked up each time: adding rows and sections may move them. */
		project_overview_stage_row(view_list_add(&v->sections[ps->stages]), config, &st,
		                           stage, meetings, tally.by_stage[stage]);
	}
	recordview_form(view_add_form(v, "Details"), &project_kind, p, NULL, config);
	project_overview_summary(v, p, &st, &tally);
	stages_tally_free(&tally);
}

static void project_overview_build(struct screen_ctx *c, struct view *v)
{
	if (!c->state) {
		struct project_overview_state *ps = mem_calloc(1, sizeof *ps);
		ps->adding = c->id == 0;
		c->state = ps;
	}
	const struct project_overview_state *ps = c->state;
	struct project p;
	struct error err;
	if (!c->id) {
		project_init(&p);
	} else if (project_get(c->store, c->id, &p, &err) != ERROR_NONE) {
		view_title(v, "Project");
		view_summary(v, "%s.", err.msg);
		project_clear(&p);
		return;
	}
	if (!ps->adding) {
		project_overview_full(c, v, &p);
	} else {
		/* A new project is filled in field by field, title first, with nothing else around.
		 */
		if (c->id)
			view_title(v, "Project: %s", p.title);
		else
			view_title(v, "New project");
		view_summary(v,
		             "Give the new project its title first; each detail is saved as soon "
		             "as you leave it.");
		recordview_form(view_add_form(v, NULL), &project_kind, &p, NULL, stages_config(c));
		v->walk = true;
	}
	project_clear(&p);
}

/* Open a stage (creating its record when it has none yet), or explain a finding. */
static enum screen_result project_overview_open(struct screen_ctx *c, struct view *v)
{
	const struct project_overview_state *ps = c->state;
	const struct view_row *row = view_selected_row(v);
	if (!row || ps->adding)
		return SCREEN_UNHANDLED;
	if (v->focus == ps->findings)
		return stages_explain(v, row) ? SCREEN_HANDLED : SCREEN_UNHANDLED;
	if (v->focus != ps->stages)
		return SCREEN_UNHANDLED;
	int64_t id = 0;
	struct error err;
	if (stage_ensure(c->store, c->id, (int)row->id - 1, &id, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	else
		screen_open(c, "stage", id);
	return SCREEN_HANDLED;
}

static enum screen_result project_overview_handle(struct screen_ctx *c, struct view *v,
                                                  const struct command *cmd)
{
	if (cmd->kind == COMMAND_SAVE_FIELD)
		return recordview_save(c, v, &project_kind, cmd);
	if (cmd->kind == COMMAND_OPEN)
		return project_overview_open(c, v);
	return SCREEN_UNHANDLED;
}

static void project_overview_leave(struct screen_ctx *c)
{
	free(c->state);
	c->state = NULL;
}

const struct screen project_overview_screen = {
	.name = "project",
	.title = "Project",
	.help = "A project at a glance. First its stages, in the order of the cycle, each with its "
	        "status and what it is missing: open one to see and change its agreement, its "
	        "meetings and its records. Then the findings for the whole project: open one to "
	        "hear why it matters. Last the project's details, each saved as soon as you leave "
	        "it; a value that cannot be saved is explained under it.",
	.build = project_overview_build,
	.handle = project_overview_handle,
	.leave = project_overview_leave,
};
