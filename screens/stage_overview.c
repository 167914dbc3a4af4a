/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stage_overview: a project's stage — findings, agreement, the stage's own records, meetings. */
#include "stage_overview.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "buf.h"
#include "config.h"
#include "meeting.h"
#include "mem.h"
#include "project.h"
#include "recordview.h"
#include "rules.h"
#include "stage.h"
#include "stage_record.h"
#include "stages.h"
#include "text.h"
#include "vocab.h"

enum {
	STAGE_OVERVIEW_ASK_DELETE = 1,
	STAGE_OVERVIEW_FINDINGS = 100, /* findings listed on the screen; the rest are counted */
	STAGE_OVERVIEW_NONE = -1,      /* no such section on this stage's screen */
};

/* What the screen keeps between builds: where its sections are, for the meeting rows. */
struct stage_overview_state {
	struct store *store;
	const struct config *config;
	int64_t project_id;
	int stage;                         /* enum stage_key */
	const struct stage_record_kind *k; /* the records this stage keeps, or NULL */
	int findings, records, meetings;   /* section indices, or STAGE_OVERVIEW_NONE */
	int64_t seen_id;                   /* the stage record whose findings were seen last */
	struct view_rows seen;             /* those findings, to say what a change brought */
	struct stages_tally tally;         /* the findings counted, for the summary and meetings */
};

/* The agreement, in the order it is talked through. */
static const char *const stage_overview_agreement_fields[] = {
	"status",      "purpose",   "users_role",  "open_to_change", "not_open_to_change",
	"who_decides", "agreed_on", "agreed_with", "notes",          NULL,
};
static const char *const stage_overview_review_fields[] = { "what_worked", "what_got_in_the_way",
	                                                    NULL };

static struct stage_overview_state *stage_overview_get(struct screen_ctx *c)
{
	if (!c->state)
		c->state = mem_calloc(1, sizeof(struct stage_overview_state));
	return c->state;
}

/*
 * A meeting: OVERDUE or due soon when people are owed feedback (it was held,
 * so that says it), else its status; its title; who came and how many are
 * owed feedback, each said once; the date last. "due soon: Autism forum, 3
 * came, 2 owed feedback, 2026-11-22".
 */
static void stage_overview_meeting_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct meeting *m = rec;
	struct stage_overview_state *ss = ctx;
	struct error err;
	int64_t attended = 0;
	struct record_query came = { .where = "meeting_id",
		                     .where_id = m->head.id,
		                     .where_text = "attended",
		                     .text_value = "1" };
	if (record_count(ss->store, &attendance_kind, &came, &attended, &err) != ERROR_NONE)
		attended = 0;
	/* What is owed comes from the stage's findings, run once for the whole screen. */
	struct stages_owed owed = stages_tally_owed(&ss->tally, m->head.id);
	const char *status =
	        record_choice_label(record_field(&meeting_kind, "status")->choices, m->status);
	struct buf b;
	buf_init(&b);
	if (owed.overdue || owed.soon)
		view_row_status(row, owed.overdue ? "OVERDUE" : "due soon",
		                owed.overdue ? VIEW_TONE_ALERT : VIEW_TONE_WARN);
	else
		view_row_status(row, status,
		                m->status == MEETING_CANCELLED ? VIEW_TONE_QUIET : VIEW_TONE_PLAIN);
	if (m->status == MEETING_HELD || attended)
		buf_printf(&b, "%lld came", (long long)attended);
	if (owed.overdue || owed.soon)
		buf_printf(&b, "%s%d owed feedback", b.len ? ", " : "", owed.overdue + owed.soon);
	if (owed.overdue && owed.soon)
		buf_printf(&b, ", %d of them due soon", owed.soon);
	view_row_label(row, "%s", m->title);
	view_row_value(row, "%s", b.len ? b.data : "");
	view_row_date(row, "", m->held_on);
	buf_free(&b);
}

/* Forget the findings seen. */
static void stage_overview_forget(struct stage_overview_state *ss)
{
	view_rows_free(&ss->seen);
}

/* How many of rows are findings of the rule with this key. */
static size_t stage_overview_count(const struct view_rows *rows, const char *key)
{
	size_t n = 0;
	for (size_t i = 0; i < rows->n; i++)
		n += strcmp(rows->v[i].key, key) == 0;
	return n;
}

/*
 * The first finding of rows whose rule has more findings in rows than in
 * other, and in *n how many rules do; NULL when none.
 */
static const char *stage_overview_more(const struct view_rows *rows, const struct view_rows *other,
                                       size_t *n)
{
	const char *first = NULL;
	*n = 0;
	for (size_t i = 0; i < rows->n; i++) {
		const char *key = rows->v[i].key;
		bool counted = false;
		for (size_t j = 0; j < i && !counted; j++)
			counted = strcmp(rows->v[j].key, key) == 0;
		if (!counted &&
		    stage_overview_count(rows, key) > stage_overview_count(other, key) && !(*n)++)
			first = rows->v[i].label;
	}
	return first;
}

/*
 * After a change on this stage, say on the message line what it brought: a
 * kind of finding that came, or one that went ("Saved who decides: ...
 * Put right: Agree the purpose ..."), so a person hears it where they are
 * without going back up to the findings. Findings are told apart by their
 * rule, so an agreement filled in part by part is not news until it is
 * whole. Then remember the findings for next time.
 */
static void stage_overview_news(struct screen_ctx *c, struct view *v,
                                struct stage_overview_state *ss)
{
	const struct view_rows *now = &v->sections[ss->findings].list.rows;
	if (ss->seen_id == c->id) {
		size_t ncame, nwent;
		const char *came = stage_overview_more(now, &ss->seen, &ncame);
		const char *went = stage_overview_more(&ss->seen, now, &nwent);
		struct buf b;
		buf_init(&b);
		buf_add(&b, v->message);
		const char *sep = b.len ? " " : "";
		if (ncame == 1)
			buf_printf(&b, "%sNew finding: %s", sep, came);
		else if (ncame)
			buf_printf(&b, "%s%zu new kinds of finding, the first: %s", sep, ncame,
			           came);
		sep = b.len ? " " : "";
		if (nwent == 1)
			buf_printf(&b, "%sPut right: %s", sep, went);
		else if (nwent)
			buf_printf(&b, "%s%zu kinds of finding put right, the first: %s", sep,
			           nwent, went);
		if (came || went)
			view_message(v, came ? VIEW_TONE_WARN : v->message_tone, "%s", b.data);
		buf_free(&b);
	}
	stage_overview_forget(ss);
	for (size_t i = 0; i < now->n; i++) {
		struct view_row *r = view_rows_add(&ss->seen);
		view_row_set(r, now->v[i].id, now->v[i].label, NULL);
		view_row_key(r, now->v[i].key);
	}
	ss->seen_id = c->id;
}

/* What the agreement lacks, in words: "who decides and the users' role"; "" when complete. */
static char *stage_overview_agreement_gaps(const struct stage *st)
{
	const char *gaps[4];
	size_t n = 0;
	if (text_blank(st->purpose))
		gaps[n++] = "the purpose";
	if (text_blank(st->users_role))
		gaps[n++] = "the users' role";
	if (text_blank(st->open_to_change) && text_blank(st->not_open_to_change))
		gaps[n++] = "what is and is not open to change";
	if (text_blank(st->who_decides))
		gaps[n++] = "who decides";
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", gaps[i]);
	return buf_take(&b);
}

/* True when no part of the agreement is recorded. */
static bool stage_overview_nothing_agreed(const struct stage *st)
{
	return text_blank(st->purpose) && text_blank(st->users_role) &&
	       text_blank(st->open_to_change) && text_blank(st->not_open_to_change) &&
	       text_blank(st->who_decides);
}

/* The one sentence: the status, the agreement, what is owed. */
static void stage_overview_summary(struct view *v, const struct stage *st,
                                   const struct stages_tally *t)
{
	const char *status = stages_status_word(st->status);
	char *gaps = stage_overview_agreement_gaps(st);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%c%s; ", (char)(*status - 'a' + 'A'), status + 1);
	if (!*gaps && *st->agreed_on)
		buf_printf(&b, "agreed on %s%s%s", st->agreed_on, *st->agreed_with ? " with " : "",
		           st->agreed_with);
	else if (!*gaps)
		buf_add(&b, "the agreement is recorded");
	else if (st->status == STAGE_NOT_STARTED && stage_overview_nothing_agreed(st))
		buf_add(&b, "agree its purpose, the users' role and who decides with the people "
		            "involved before it starts");
	else if (st->status == STAGE_NOT_STARTED)
		buf_printf(&b, "agree %s before it starts", gaps);
	else
		buf_printf(&b, "the agreement is missing %s", gaps);
	if (!t->total) {
		buf_add(&b, "; nothing is owed or missing.");
	} else {
		char *tally = stages_tally_words(t);
		buf_printf(&b, "; %s.", tally);
		free(tally);
	}
	view_summary(v, "%s", b.data);
	buf_free(&b);
	free(gaps);
}

/* The stage n places on from this one in the configured order, going round. */
static int stage_overview_neighbour(const struct config *config, int stage, int n)
{
	int count = (int)config_stage_count(config);
	if (count == 0)
		return stage;
	int pos = stages_position(config, stage);
	if (pos < 0)
		pos = n > 0 ? -1 : 0;
	return config_stage_at(config, (size_t)(((pos + n) % count + count) % count));
}

/* The actions: add a meeting, the stage's own records, going round the stages. */
static void stage_overview_actions(struct screen_ctx *c, struct view *v,
                                   const struct stage_overview_state *ss)
{
	const struct config *config = ss->config;
	if (screen_exists(c, "meeting"))
		view_add_action(v, 'a', "add", "add a meeting",
		                "Add a meeting at this stage, held today, and open it to fill in.");
	if (ss->k) {
		char *help = mem_printf("%s Opens a form to fill in.", ss->k->about);
		view_add_action(v, 'r', "record", ss->k->add_label, help);
		free(help);
		help = mem_printf("Delete the selected %s, after asking.", ss->k->kind->noun);
		view_add_action(v, 'd', "delete", "delete", help);
		free(help);
	}
	char *help = mem_printf(
	        "Go on to the next stage of the cycle, %s.",
	        config_stage_label(config, stage_overview_neighbour(config, ss->stage, 1)));
	view_add_action(v, 'n', "forward", "next stage", help);
	free(help);
	help = mem_printf(
	        "Go back to the previous stage of the cycle, %s.",
	        config_stage_label(config, stage_overview_neighbour(config, ss->stage, -1)));
	view_add_action(v, 'p', "backward", "previous stage", help);
	free(help);
}

static void stage_overview_build(struct screen_ctx *c, struct view *v)
{
	struct stage_overview_state *ss = stage_overview_get(c);
	ss->store = c->store;
	ss->config = stages_config(c);
	ss->findings = ss->records = ss->meetings = STAGE_OVERVIEW_NONE;
	struct stage st;
	struct error err;
	if (stage_get(c->store, c->id, &st, &err) != ERROR_NONE) {
		view_title(v, "Stage");
		view_summary(v, "%s.", err.msg);
		stage_clear(&st);
		return;
	}
	struct project p;
	if (project_get(c->store, st.project_id, &p, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	ss->project_id = st.project_id;
	ss->stage = st.stage;
	ss->k = stage_record_of(st.stage);
	const char *label = config_stage_label(ss->config, st.stage);
	int pos = stages_position(ss->config, st.stage);
	if (pos >= 0)
		view_title(v, "%s: %s, stage %d of %zu", p.title, label, pos + 1,
		           config_stage_count(ss->config));
	else
		view_title(v, "%s: %s", p.title, label);

	/* The review's learning comes first on its screen: it is what the stage is for. */
	if (st.stage == STAGE_REVIEW)
		recordview_form(view_add_form(v, "What worked and what got in the way"),
		                &stage_kind, &st, stage_overview_review_fields, ss->config);
	/* The agreement before the findings: it is what every stage is for, and findings of
	 * people owed feedback can run to dozens. */
	recordview_form(view_add_form(v, "Agreement"), &stage_kind, &st,
	                stage_overview_agreement_fields, ss->config);
	ss->findings = (int)v->nsections;
	stages_tally_free(&ss->tally);
	struct rules_scope scope = { RULES_SCOPE_STAGE, st.project_id, st.stage };
	stages_findings(v,
	                view_add_list(v, "Findings", "Nothing is owed or missing at this stage."),
	                c->store, ss->config, &scope, STAGE_OVERVIEW_FINDINGS, &ss->tally);
	stage_overview_news(c, v, ss);
	if (ss->k) {
		ss->records = (int)v->nsections;
		stage_record_list(v, view_add_list(v, ss->k->heading, ss->k->empty), c->store,
		                  ss->k, st.project_id, st.stage);
	}
	ss->meetings = (int)v->nsections;
	struct record_query q = { .where = "project_id",
		                  .where_id = st.project_id,
		                  .where_text = "stage",
		                  .text_value = record_choice_key(vocab_stages, st.stage) };
	recordview_list(v,
	                view_add_list(v, "Meetings, newest first", "No meeting at this stage yet."),
	                c->store, &meeting_kind, &q, stage_overview_meeting_row, ss);
	stage_overview_summary(v, &st, &ss->tally);
	stage_overview_actions(c, v, ss);
	project_clear(&p);
	stage_clear(&st);
}

/* Go to the stage n places on, in place: the same screen about another stage record. */
static enum screen_result stage_overview_go(struct screen_ctx *c, struct view *v, int n)
{
	struct stage_overview_state *ss = stage_overview_get(c);
	int next = stage_overview_neighbour(ss->config, ss->stage, n);
	int64_t id = 0;
	struct error err;
	if (stage_ensure(c->store, ss->project_id, next, &id, &err) != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		return SCREEN_HANDLED;
	}
	c->id = id;
	screen_rebuild(c->stack);
	view_home(v);
	v->fresh = true;
	return SCREEN_HANDLED;
}

/* Add a meeting held today at this stage and open it. */
static enum screen_result stage_overview_add_meeting(struct screen_ctx *c, struct view *v)
{
	struct stage_overview_state *ss = stage_overview_get(c);
	struct meeting m;
	meeting_init(&m);
	m.project_id = ss->project_id;
	m.stage = ss->stage;
	mem_replace(&m.title, "New meeting");
	date_format(date_today(), m.held_on);
	m.status = MEETING_HELD;
	struct error err;
	if (meeting_create(c->store, &m, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	else
		screen_open(c, "meeting", m.head.id);
	meeting_clear(&m);
	return SCREEN_HANDLED;
}

/* Open the selected row: explain a finding, open a meeting or a record. */
static enum screen_result stage_overview_open(struct screen_ctx *c, struct view *v)
{
	struct stage_overview_state *ss = stage_overview_get(c);
	const struct view_row *row = view_selected_row(v);
	int section = (int)v->focus;
	if (section == ss->findings) {
		if (!stages_explain(v, row))
			return SCREEN_UNHANDLED;
	} else if (section == ss->meetings) {
		if (screen_exists(c, "meeting"))
			screen_open(c, "meeting", row->id);
		else
			view_message(v, VIEW_TONE_WARN,
			             "This version of involve cannot open meetings.");
	} else if (section == ss->records) {
		screen_open(c, ss->k->screen, row->id);
	} else {
		return SCREEN_UNHANDLED;
	}
	return SCREEN_HANDLED;
}

/* Ask before deleting the selected record of the stage's own list. */
static enum screen_result stage_overview_ask_delete(struct screen_ctx *c, struct view *v)
{
	struct stage_overview_state *ss = stage_overview_get(c);
	const struct view_row *row = view_selected_row(v);
	if (!row || (int)v->focus != ss->records) {
		view_message(v, VIEW_TONE_WARN,
		             "Select a %s in the list of %s first; meetings are deleted from their "
		             "own screen.",
		             ss->k->kind->noun, ss->k->kind->plural);
		return SCREEN_HANDLED;
	}
	char *name = stage_record_name(ss->k, row);
	view_ask(v, STAGE_OVERVIEW_ASK_DELETE, "Delete %s?", name);
	free(name);
	return SCREEN_HANDLED;
}

/* The answer to the question: delete the selected record, or keep it. */
static enum screen_result stage_overview_delete(struct screen_ctx *c, struct view *v,
                                                const struct command *cmd)
{
	struct stage_overview_state *ss = stage_overview_get(c);
	const struct view_row *row = view_selected_row(v);
	if (cmd->key != STAGE_OVERVIEW_ASK_DELETE || !row || !ss->k)
		return SCREEN_UNHANDLED;
	char *name = stage_record_name(ss->k, row);
	enum screen_result r = SCREEN_HANDLED;
	struct error err;
	if (!cmd->number) {
		view_message(v, VIEW_TONE_PLAIN, "Kept %s.", name);
	} else if (record_delete(c->store, ss->k->kind, row->id, &err) != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	} else {
		view_message(v, VIEW_TONE_GOOD, "Deleted %s.", name);
		r = SCREEN_CHANGED;
	}
	free(name);
	return r;
}

static enum screen_result stage_overview_handle(struct screen_ctx *c, struct view *v,
                                                const struct command *cmd)
{
	switch (cmd->kind) {
	case COMMAND_OPEN:
		return stage_overview_open(c, v);
	case COMMAND_SAVE_FIELD:
		return recordview_save(c, v, &stage_kind, cmd);
	case COMMAND_ANSWER:
		return stage_overview_delete(c, v, cmd);
	case COMMAND_ACTION:
		switch (cmd->key) {
		case 'a':
			return stage_overview_add_meeting(c, v);
		case 'r':
			screen_open(c, stage_overview_get(c)->k->screen, -c->id);
			return SCREEN_HANDLED;
		case 'd':
			return stage_overview_ask_delete(c, v);
		case 'n':
			return stage_overview_go(c, v, 1);
		case 'p':
			return stage_overview_go(c, v, -1);
		default:
			return SCREEN_UNHANDLED;
		}
	default:
		return SCREEN_UNHANDLED;
	}
}

static void stage_overview_leave(struct screen_ctx *c)
{
	if (c->state) {
		stage_overview_forget(c->state);
		stages_tally_free(&((struct stage_overview_state *)c->state)->tally);
	}
	free(c->state);
	c->state = NULL;
}

const struct screen stage_overview_screen = {
	.name = "stage",
	.title = "Stage",
	.help = "One stage of a project's commissioning cycle. First the agreement: the "
	        "purpose, the users' role, what is and is not open to change, who decides, and "
	        "when "
	        "and with whom it was agreed; each is saved as soon as you leave it, and what the "
	        "change did to the findings is said at once. Then the findings: what is owed or "
	        "missing at this stage; open one to hear why it matters. Some stages keep records "
	        "of their own: pressures, budget events, decisions or commitments; the review asks "
	        "first what worked and what got in the way. Last come the stage's meetings, newest "
	        "first. Next stage and previous stage go round the cycle in its configured order.",
	.build = stage_overview_build,
	.handle = stage_overview_handle,
	.leave = stage_overview_leave,
};
