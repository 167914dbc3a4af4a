/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stage_record: pressures, budget events, decisions and commitments: their lists and forms. */
#include "stage_record.h"

#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "budget_event.h"
#include "buf.h"
#include "decision.h"
#include "mem.h"
#include "pressure.h"
#include "project.h"
#include "stage.h"
#include "stages.h"
#include "text.h"
#include "vocab.h"

/* The label of choice field name of kind for the value i. */
static const char *stage_record_choice(const struct record_kind *kind, const char *name, int i)
{
	return record_choice_label(record_field(kind, name)->choices, i);
}

/* A pressure: shared with participants or not, what it is, where it came from, the date. */
static void stage_record_pressure_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct pressure *p = rec;
	(void)ctx;
	view_row_label(row, "%s", p->summary);
	view_row_value(row, "%s", p->source);
	if (*p->shared_on) {
		view_row_status(row, "shared", VIEW_TONE_GOOD);
		view_row_date(row, "shared", p->shared_on);
	} else {
		view_row_status(row, "not shared", VIEW_TONE_WARN);
		view_row_date(row, "noted", p->noted_on);
	}
}

/* A budget event: disclosed, withheld or changed; the amount; the reason; told or not. */
static void stage_record_budget_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct budget_event *b = rec;
	(void)ctx;
	view_row_status(row, stage_record_choice(&budget_event_kind, "kind", b->kind),
	                b->kind == BUDGET_WITHHELD ? VIEW_TONE_WARN : VIEW_TONE_PLAIN);
	char *amount = record_field_display(record_field(&budget_event_kind, "amount_pence"), b);
	view_row_label(row, "%s", b->amount_pence ? amount : "no amount");
	free(amount);
	struct buf v;
	buf_init(&v);
	if (text_blank(b->reason)) {
		buf_add(&v, "no reason recorded");
	} else {
		/* The reason is a sentence of its own: its full stop would end the row early. */
		size_t n = strlen(b->reason);
		buf_addn(&v, b->reason, n && b->reason[n - 1] == '.' ? n - 1 : n);
	}
	if (!*b->told_on)
		buf_add(&v, ", participants not told");
	else if (strcmp(b->told_on, b->occurred_on) == 0)
		buf_add(&v, ", participants told that day");
	else
		buf_printf(&v, ", participants told %s", b->told_on);
	view_row_value(row, "%s", v.data);
	buf_free(&v);
	view_row_date(row, "", b->occurred_on);
}

/* A decision: whether users' view was followed, who decided, users present, appeal route. */
static void stage_record_decision_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct decision *d = rec;
	(void)ctx;
	static const struct {
		const char *word;
		enum view_tone tone;
	} followed[] = {
		[DECISION_FOLLOWED_YES] = { "view followed", VIEW_TONE_GOOD },
		[DECISION_FOLLOWED_PARTLY] = { "view partly followed", VIEW_TONE_PLAIN },
		[DECISION_FOLLOWED_NO] = { "view not followed", VIEW_TONE_WARN },
		[DECISION_FOLLOWED_UNKNOWN] = { "", VIEW_TONE_PLAIN },
	};
	if (d->users_view_followed >= 0 && d->users_view_followed <= DECISION_FOLLOWED_UNKNOWN)
		view_row_status(row, followed[d->users_view_followed].word,
		                followed[d->users_view_followed].tone);
	view_row_label(row, "%s", d->title);
	const char *present = d->users_present == 1   ? "users present"
	                      : d->users_present == 0 ? "no users present"
	                                              : "users present not recorded";
	const char *appeal = d->appeal_route_given == 1   ? "appeal route given"
	                     : d->appeal_route_given == 0 ? "no appeal route given"
	                                                  : "";
	struct buf b;
	buf_init(&b);
	if (*d->decided_by)
		buf_printf(&b, "decided by %s, ", d->decided_by);
	buf_add(&b, present);
	if (*appeal)
		buf_printf(&b, ", %s", appeal);
	view_row_value(row, "%s", b.data);
	buf_free(&b);
	view_row_date(row, "decided", d->decided_on);
}

/* A commitment: done, OVERDUE or open; what was promised; who owns it; the date. */
static void stage_record_commitment_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct action *a = rec;
	(void)ctx;
	char today[DATE_TEXT_SIZE];
	date_format(date_today(), today);
	if (*a->done_on) {
		view_row_status(row, "done", VIEW_TONE_GOOD);
		view_row_date(row, "done", a->done_on);
	} else {
		bool late = *a->due_on && strcmp(a->due_on, today) < 0;
		view_row_status(row, late ? "OVERDUE" : "open",
		                late ? VIEW_TONE_ALERT : VIEW_TONE_PLAIN);
		view_row_date(row, "due", a->due_on);
	}
	view_row_label(row, "%s", a->summary);
	if (*a->owner)
		view_row_value(row, "owner %s", a->owner);
}

/* A new pressure or budget event is dated today (the date is required; it can be changed). */
static void stage_record_start_pressure(void *rec, int stage)
{
	struct pressure *p = rec;
	(void)stage;
	date_format(date_today(), p->noted_on);
}

static void stage_record_start_budget(void *rec, int stage)
{
	struct budget_event *b = rec;
	(void)stage;
	date_format(date_today(), b->occurred_on);
}

/* A new decision belongs to the stage it is recorded at. */
static void stage_record_start_decision(void *rec, int stage)
{
	struct decision *d = rec;
	d->stage = stage;
}

static const char *const stage_record_pressure_fields[] = {
	"summary", "source", "impact", "noted_on", "shared_on", NULL,
};
static const char *const stage_record_budget_fields[] = {
	"kind", "amount_pence", "reason", "occurred_on", "told_on", NULL,
};
static const char *const stage_record_decision_fields[] = {
	"title",
	"decided_on",
	"decided_by",
	"summary",
	"users_present",
	"users_view_followed",
	"appeal_route_given",
	"appeal_route",
	"stage",
	NULL,
};
static const char *const stage_record_commitment_fields[] = {
	"summary", "owner", "due_on", "done_on", NULL,
};

static const struct stage_record_kind stage_record_pressures = {
	.screen = "pressure",
	.kind = &pressure_kind,
	.heading = "External pressures",
	.empty = "No external pressure is recorded for this project.",
	.add_label = "record a pressure",
	.about = "An external pressure on the project (national policy, local politics, the "
	         "budget), recorded so it can be shared with participants.",
	.fields = stage_record_pressure_fields,
	.row = stage_record_pressure_row,
	.start = stage_record_start_pressure,
};
static const struct stage_record_kind stage_record_budget = {
	.screen = "budget_event",
	.kind = &budget_event_kind,
	.heading = "Budget events",
	.empty = "No budget event is recorded for this project.",
	.add_label = "record a budget event",
	.about = "The budget disclosed to participants, withheld from them (with the reason), "
	         "or changed while involvement was under way.",
	.fields = stage_record_budget_fields,
	.row = stage_record_budget_row,
	.start = stage_record_start_budget,
};
static const struct stage_record_kind stage_record_decisions = {
	.screen = "decision",
	.kind = &decision_kind,
	.heading = "Decisions",
	.empty = "No decision is recorded at this stage.",
	.add_label = "record a decision",
	.about = "A point where something was decided: who decided, whether users were there and "
	         "their view followed, and whether an appeal route was given.",
	.fields = stage_record_decision_fields,
	.row = stage_record_decision_row,
	.start = stage_record_start_decision,
};
static const struct stage_record_kind stage_record_commitments = {
	.screen = "commitment",
	.kind = &action_kind,
	.heading = "Commitments to participants",
	.empty = "No commitment to participants is recorded for this project.",
	.add_label = "record a commitment",
	.about = "A commitment made to participants: what was promised, who will do it, and by "
	         "when.",
	.fields = stage_record_commitment_fields,
	.row = stage_record_commitment_row,
};

static const struct stage_record_kind *const stage_record_by_stage[STAGE_COUNT] = {
	[STAGE_CONTEXT] = &stage_record_pressures,
	[STAGE_BUDGET] = &stage_record_budget,
	[STAGE_DECISIONS] = &stage_record_decisions,
	[STAGE_PROCUREMENT] = &stage_record_decisions,
	[STAGE_MONITORING] = &stage_record_commitments,
};

const struct stage_record_kind *stage_record_of(int stage)
{
	return stage >= 0 && stage < STAGE_COUNT ? stage_record_by_stage[stage] : NULL;
}

/* True when the records of k carry their stage. */
static bool stage_record_by_stage_field(const struct stage_record_kind *k)
{
	return record_field(k->kind, "stage") != NULL;
}

void stage_record_list(struct view *v, struct view_section *sec, struct store *s,
                       const struct stage_record_kind *k, int64_t project_id, int stage)
{
	struct record_query q = { .where = "project_id", .where_id = project_id };
	if (stage_record_by_stage_field(k)) {
		q.where_text = "stage";
		q.text_value = record_choice_key(vocab_stages, stage);
	}
	recordview_list(v, sec, s, k->kind, &q, k->row, NULL);
}

char *stage_record_name(const struct stage_record_kind *k, const struct view_row *row)
{
	return mem_printf("the %s %s", k->kind->noun, row->label);
}

/* ---- the form screens ---- */

/* The kind a form screen edits, from its name. */
static const struct stage_record_kind *stage_record_screen_kind(const struct screen_ctx *c)
{
	static const struct stage_record_kind *const kinds[] = {
		&stage_record_pressures,
		&stage_record_budget,
		&stage_record_decisions,
		&stage_record_commitments,
	};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(kinds[i]->screen, c->screen->name) == 0)
			return kinds[i];
	abort(); /* a screen of this file that is not in the table: a programming error */
}

/* The project a record belongs to. */
static int64_t *stage_record_project(const struct record_kind *kind, void *rec)
{
	return (int64_t *)((char *)rec + record_field(kind, "project_id")->offset);
}

/*
 * Fill rec (uninitialised) with the record the screen shows: the record
 * c->id, or a new one for the stage record -c->id. Returns false, with the
 * reason in err, when there is no such record.
 */
static bool stage_record_load(struct screen_ctx *c, const struct stage_record_kind *k, void *rec,
                              struct error *err)
{
	if (c->id > 0)
		return record_get(c->store, k->kind, c->id, rec, err) == ERROR_NONE;
	record_init(k->kind, rec);
	struct stage st;
	if (stage_get(c->store, -c->id, &st, err) != ERROR_NONE) {
		stage_clear(&st);
		return false;
	}
	*stage_record_project(k->kind, rec) = st.project_id;
	if (k->start)
		k->start(rec, st.stage);
	stage_clear(&st);
	return true;
}

static void stage_record_build(struct screen_ctx *c, struct view *v)
{
	const struct stage_record_kind *k = stage_record_screen_kind(c);
	void *rec = mem_alloc(k->kind->size);
	struct error err;
	if (!stage_record_load(c, k, rec, &err)) {
		view_title(v, "%s", c->screen->title);
		view_summary(v, "%s.", err.msg);
		record_clear(k->kind, rec);
		free(rec);
		return;
	}
	struct project p;
	if (project_get(c->store, *stage_record_project(k->kind, rec), &p, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	const struct field *name =
	        k->kind->name_field ? record_field(k->kind, k->kind->name_field) : NULL;
	if (c->id <= 0) {
		view_title(v, "%s: new %s", p.title, k->kind->noun);
		const struct field *first = record_field(k->kind, k->fields[0]);
		if (first->flags & FIELD_REQUIRED) {
			char *called = record_label_called(first, NULL, false);
			view_summary(v,
			             "%s Fill in %s first; each detail is saved as soon as you "
			             "leave it.",
			             k->about, called);
			free(called);
		} else {
			view_summary(v, "%s Each detail is saved as soon as you leave it.",
			             k->about);
		}
	} else {
		char *shown = name ? record_field_display(name, rec) : mem_strdup("");
		view_title(v, "%s: %s%s%s", p.title, k->kind->noun, *shown ? " " : "", shown);
		view_summary(v, "%s Each detail is saved as soon as you leave it.", k->about);
		free(shown);
	}
	recordview_form(view_add_form(v, NULL), k->kind, rec, k->fields, stages_config(c));
	/* A new one is filled in field by field; one already made is changed where needed. */
	v->walk = c->id <= 0;
	project_clear(&p);
	record_clear(k->kind, rec);
	free(rec);
}

/* Create the new record, for the stage's project, from the focused field's text. */
static enum screen_result stage_record_create(struct screen_ctx *c, struct view *v,
                                              const struct stage_record_kind *k,
                                              const struct command *cmd)
{
	void *start = mem_alloc(k->kind->size);
	struct error err;
	enum screen_result r = SCREEN_HANDLED;
	if (stage_record_load(c, k, start, &err))
		r = recordview_add(c, v, k->kind, start, cmd);
	else
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	record_clear(k->kind, start);
	free(start);
	return r;
}

static enum screen_result stage_record_handle(struct screen_ctx *c, struct view *v,
                                              const struct command *cmd)
{
	const struct stage_record_kind *k = stage_record_screen_kind(c);
	if (cmd->kind != COMMAND_SAVE_FIELD)
		return SCREEN_UNHANDLED;
	if (c->id <= 0)
		return stage_record_create(c, v, k, cmd);
	return recordview_save(c, v, k->kind, cmd);
}

const struct screen pressure_screen = {
	.name = "pressure",
	.title = "Pressure",
	.help = "An external pressure on the project: national policy, local politics, a budget "
	        "change. Record where it came from, what it means for the project, and when it was "
	        "shared with participants. Each detail is saved as soon as you leave it.",
	.build = stage_record_build,
	.handle = stage_record_handle,
};

const struct screen budget_event_screen = {
	.name = "budget_event",
	.title = "Budget event",
	.help = "The budget disclosed to participants, withheld from them, or changed while "
	        "involvement was under way: the amount, the reason, and when participants were "
	        "told. Each detail is saved as soon as you leave it; an amount is in pounds, such "
	        "as 1250.50.",
	.build = stage_record_build,
	.handle = stage_record_handle,
};

const struct screen decision_screen = {
	.name = "decision",
	.title = "Decision",
	.help = "A decision: who took it and when, whether service users or carers were present, "
	        "whether their view was followed, and whether people were told how to appeal or "
	        "complain. Each detail is saved as soon as you leave it.",
	.build = stage_record_build,
	.handle = stage_record_handle,
};

const struct screen commitment_screen = {
	.name = "commitment",
	.title = "Commitment",
	.help = "A commitment made to participants: what was promised, who owns it, when it is "
	        "due and when it was done. Each detail is saved as soon as you leave it.",
	.build = stage_record_build,
	.handle = stage_record_handle,
};
