/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today: what is owed now, most urgent first, and where each open project stands. */
#include "today.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "agenda.h"
#include "config.h"
#include "date.h"
#include "finding.h"
#include "mem.h"
#include "project.h"
#include "rules.h"
#include "stage.h"
#include "vocab.h"

enum { TODAY_NAMES = 3 }; /* people named on a feedback row before "and 4 more" */

/* The kinds of thing owed, one section each, in the order shown. */
enum today_owed { TODAY_OVERDUE, TODAY_DUE_SOON, TODAY_PAYMENTS, TODAY_ACTIONS, TODAY_OWED };

static const struct today_kind {
	const char *rule; /* the rule that finds them */
	const char
	        *heading;   /* the section's heading (a section is shown only when some are owed) */
	const char *status; /* the word before each row */
	enum view_tone tone;
	const char *more; /* the label of the row that opens Findings with the rest */
} today_kinds[TODAY_OWED] = {
	{ "feedback_overdue", "Feedback overdue, the oldest first", "OVERDUE", VIEW_TONE_ALERT,
	  "More overdue feedback" },
	{ "feedback_due_soon", "Feedback due soon", "due soon", VIEW_TONE_WARN,
	  "More feedback due soon" },
	{ "payment_overdue", "Payments late, the oldest first", "late", VIEW_TONE_ALERT,
	  "More late payments" },
	{ "action_overdue", "Commitments overdue, the oldest first", "OVERDUE", VIEW_TONE_ALERT,
	  "More overdue commitments" },
};

/* Where opening a row goes. */
struct today_target {
	const char *screen; /* a name in main.c's table */
	int64_t id;
	const char *what; /* for the message when that screen is not there: "this meeting" */
};

/* The screen's own state: the rows owed, and what each row opens. */
struct today_state {
	struct view_rows rows[TODAY_OWED]; /* gathered, then given to their sections */
	struct today_target targets[TODAY_OWED][TODAY_SHOWN + 1];
	size_t shown[TODAY_OWED]; /* rows of things owed of each kind */
	bool more[TODAY_OWED];    /* more are owed than shown */
	int kind[TODAY_OWED + 1]; /* each section's enum today_owed; TODAY_OWED: the projects */
};

/* The places the screen's actions go to; each offered only when main.c lists its screen. */
static const struct today_place {
	int key;
	const char *word; /* also the screen's name */
	const char *label;
	const char *help;
} today_places[] = {
	{ 'p', "projects", "go to projects",
	  "Go to the list of projects, to open one and see or change it stage by stage." },
	{ 'e', "people", "go to people",
	  "Go to the people who take part: their roles, formats, support needs and history." },
	{ 'm', "payments", "go to payments",
	  "Go to payments: fees and expenses claimed, paid, late or declined." },
	{ 'f', "findings", "go to findings",
	  "Go to every finding of the rules, most serious first, to filter and explain them." },
	{ 's', "sync", "go to sync", "Go to sync, to exchange records with another laptop." },
};

/* Add a row of things owed of kind k that opens screen about id. */
static struct view_row *today_owed_row(struct today_state *st, enum today_owed k,
                                       const char *screen, int64_t id, const char *what)
{
	st->targets[k][st->shown[k]++] = (struct today_target){ screen, id, what };
	struct view_row *r = view_rows_add(&st->rows[k]);
	r->id = id;
	view_row_status(r, today_kinds[k].status, today_kinds[k].tone);
	return r;
}

/* The row after the shown ones when more are owed: it opens Findings with that rule. */
static void today_more_row(struct today_state *st, enum today_owed k)
{
	if (!st->more[k])
		return;
	const struct rule *r = rules_find(today_kinds[k].rule);
	st->targets[k][st->shown[k]] =
	        (struct today_target){ "findings", finding_rule_id(r), "Findings" };
	struct view_row *row = view_rows_add(&st->rows[k]);
	view_row_label(row, "%s", today_kinds[k].more);
	view_row_value(row, "open to see them all in Findings");
}

/* ---- feedback, one row per meeting ---- */

/* The meeting whose findings are being gathered into one row. */
struct today_group {
	struct today_state *st;
	enum today_owed k;
	int64_t meeting_id; /* 0: none yet */
	char *meeting;
	int32_t due;
	size_t people;
	char *names[TODAY_NAMES]; /* "Ann B. (easy read)" */
};

/* Make the row for the gathered meeting, then forget it. */
static void today_group_flush(struct today_group *g)
{
	if (!g->meeting_id)
		return;
	struct view_row *r = today_owed_row(g->st, g->k, "meeting", g->meeting_id, "this meeting");
	char due[DATE_TEXT_SIZE];
	date_format(g->due, due);
	/* The date before the names, so a line cut short loses names, not when. */
	if (g->people == 1) {
		view_row_label(r, "tell %s what came of %s, due %s", g->names[0], g->meeting, due);
	} else {
		char *names =
		        rules_join((const char *const *)g->names,
		                   g->people < TODAY_NAMES ? g->people : TODAY_NAMES, g->people);
		view_row_label(r, "tell %zu people what came of %s, due %s \u2014 %s", g->people,
		               g->meeting, due, names);
		free(names);
	}
	free(g->meeting);
	for (size_t i = 0; i < TODAY_NAMES; i++)
		free(g->names[i]);
	struct today_state *st = g->st;
	enum today_owed k = g->k;
	memset(g, 0, sizeof *g);
	g->st = st;
	g->k = k;
}

/* A rules_finding_fn: gather a finding into its meeting's row; stop when the section is full. */
static bool today_group_add(const struct finding *f, void *ctx)
{
	struct today_group *g = ctx;
	if (f->meeting_id != g->meeting_id) {
		today_group_flush(g);
		if (g->st->shown[g->k] == TODAY_SHOWN) {
			g->st->more[g->k] = true;
			return false;
		}
		g->meeting_id = f->meeting_id;
		g->meeting = mem_strdup(f->meeting ? f->meeting : "a meeting");
		g->due = f->due;
	}
	const char *name = f->person ? f->person : "someone";
	const char *format = f->format && strcmp(f->format, vocab_formats[FORMAT_STANDARD].label)
	                             ? f->format
	                             : NULL;
	if (g->people < TODAY_NAMES)
		g->names[g->people] =
		        format ? mem_printf("%s (%s)", name, format) : mem_strdup(name);
	g->people++;
	return true;
}

/* Feedback owed of kind k: the first meetings owing it, in due order. */
static void today_feedback(struct screen_ctx *c, struct view *v, struct today_state *st,
                           enum today_owed k, int32_t today)
{
	struct today_group g = { .st = st, .k = k };
	struct error err;
	struct agenda_query q = {
		.today = today,
		.kind = k == TODAY_OVERDUE ? AGENDA_OVERDUE : AGENDA_DUE_SOON,
		.limit = TODAY_SHOWN + 1, /* one more than shown, to know there are more */
	};
	if (agenda_feedback(c->store, c->config, &q, today_group_add, &g, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s", err.msg);
	today_group_flush(&g);
	today_more_row(st, k);
}

/* ---- payments and commitments, one row per finding ---- */

struct today_owed_ctx {
	struct today_state *st;
	enum today_owed k;
};

/* A rules_finding_fn: one row per finding, until the section is full. */
static bool today_owed_add(const struct finding *f, void *ctx)
{
	struct today_owed_ctx *o = ctx;
	if (o->st->shown[o->k] == TODAY_SHOWN) {
		o->st->more[o->k] = true;
		return false;
	}
	struct view_row *r;
	if (o->k == TODAY_PAYMENTS)
		r = today_owed_row(o->st, o->k, "payments", 0, "payments");
	else if (f->meeting_id)
		r = today_owed_row(o->st, o->k, "meeting", f->meeting_id, "this meeting");
	else
		r = today_owed_row(o->st, o->k, "project", f->project_id, "this project");
	view_row_label(r, "%s", f->message);
	return true;
}

/* Late payments or overdue commitments: the oldest first. */
static void today_owed(struct screen_ctx *c, struct view *v, struct today_state *st,
                       enum today_owed k, int32_t today)
{
	struct today_owed_ctx o = { st, k };
	struct rules_options opt = rules_options_default(today);
	opt.only = UINT64_C(1) << rules_index(rules_find(today_kinds[k].rule));
	struct error err;
	if (rules_run(c->store, c->config, &opt, today_owed_add, &o, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s", err.msg);
	today_more_row(st, k);
}

/* ---- open projects, each with its stages in words ---- */

/* Where a project stands at each stage. */
struct today_stages {
	int status[STAGE_COUNT];        /* enum stage_status_choice; not started without a record */
	bool no_agreement[STAGE_COUNT]; /* stage_no_agreement finds it */
	bool no_users[STAGE_COUNT];     /* stage_no_users finds it */
};

/* A record_row_fn: note one stage record's status. */
static bool today_stage_status(void *rec, const char *order, void *ctx)
{
	const struct stage *s = rec;
	struct today_stages *out = ctx;
	(void)order;
	if (s->stage >= 0 && s->stage < STAGE_COUNT)
		out->status[s->stage] = s->status;
	return true;
}

/* A rules_finding_fn: note which stage misses an agreement or users. */
static bool today_stage_finding(const struct finding *f, void *ctx)
{
	struct today_stages *out = ctx;
	if (f->stage < 0 || f->stage >= STAGE_COUNT)
		return true;
	if (strcmp(f->rule->id, "stage_no_agreement") == 0)
		out->no_agreement[f->stage] = true;
	else
		out->no_users[f->stage] = true;
	return true;
}

/* Read where project id stands: its stage records and the two stage rules over it. */
static enum error_code today_stages_of(struct store *s, const struct config *config, int32_t today,
                                       int64_t id, struct today_stages *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	struct record_query q = { .where = "project_id", .where_id = id, .limit = STAGE_COUNT };
	enum error_code code = stage_list(s, &q, today_stage_status, out, NULL, err);
	if (code != ERROR_NONE)
		return code;
	struct rules_options opt = rules_options_default(today);
	opt.scope.kind = RULES_SCOPE_PROJECT;
	opt.scope.id = id;
	opt.only = UINT64_C(1) << rules_index(rules_find("stage_no_agreement")) |
	           UINT64_C(1) << rules_index(rules_find("stage_no_users"));
	return rules_run(s, config, &opt, today_stage_finding, out, err);
}

/* Append "; head: A, B" for the stages (in configured order) where pick is true, to *text. */
static void today_stage_list(char **text, const struct config *config, const char *head,
                             const bool *pick)
{
	size_t n = config_stage_count(config), shown = 0;
	for (size_t i = 0; i < n; i++) {
		int stage = config_stage_at(config, i);
		if (!pick[stage])
			continue;
		char *next = mem_printf("%s%s%s%s", *text, shown ? ", " : "; ", shown ? "" : head,
		                        config_stage_label(config, stage));
		free(*text);
		*text = next;
		shown++;
	}
}

/* Fill row with where the project stands: its status word and its stages in words. */
static void today_strip(struct view_row *row, const struct config *config,
                        const struct today_stages *st)
{
	size_t n = config_stage_count(config), done = 0, started = 0;
	bool active[STAGE_COUNT] = { false }, missing = false;
	for (size_t i = 0; i < n; i++) {
		int stage = config_stage_at(config, i);
		done += st->status[stage] == STAGE_DONE;
		started += st->status[stage] != STAGE_NOT_STARTED;
		active[stage] = st->status[stage] == STAGE_ACTIVE;
		missing |= st->no_agreement[stage] || st->no_users[stage];
	}
	char *text = mem_printf("%zu of %zu stages done", done, n);
	today_stage_list(&text, config, "active: ", active);
	today_stage_list(&text, config, "missing an agreement: ", st->no_agreement);
	today_stage_list(&text, config, "missing users: ", st->no_users);
	view_row_value(row, "%s", text);
	free(text);
	if (missing)
		view_row_status(row, "missing", VIEW_TONE_WARN);
	else if (!started)
		view_row_status(row, "not started", VIEW_TONE_QUIET);
	else if (done == n)
		view_row_status(row, "done", VIEW_TONE_GOOD);
	else
		view_row_status(row, "active", VIEW_TONE_PLAIN);
}

/* The source of the projects list: open projects by title. */
struct today_projects {
	struct store *store;
	const struct config *config;
	int32_t today;
};

/* One open project met while paging: its id, title and place in the order. */
struct today_project {
	int64_t id;
	char *title;
	char *order;
};

struct today_page {
	struct today_project *v;
	size_t n, cap;
	const struct view_fetch *f;
	int64_t last_id; /* the last project read, open or not, to read on from */
	char *last_order;
	int read; /* rows read, open or not */
};

/* A record_row_fn: keep the project when it is open (and starts with the text, for a jump). */
static bool today_page_add(void *rec, const char *order, void *ctx)
{
	const struct project *p = rec;
	struct today_page *pg = ctx;
	pg->read++;
	pg->last_id = p->head.id;
	mem_replace(&pg->last_order, order ? order : "");
	if (*p->closed_on || (pg->f->match && pg->f->prefix &&
	                      strncasecmp(p->title, pg->f->match, strlen(pg->f->match)) != 0))
		return true;
	if (pg->n < (size_t)pg->f->limit) {
		mem_grow((void **)&pg->v, &pg->cap, pg->n + 1, sizeof *pg->v);
		pg->v[pg->n++] = (struct today_project){ p->head.id, mem_strdup(p->title),
			                                 mem_strdup(order ? order : "") };
	}
	return pg->n < (size_t)pg->f->limit;
}

/* A view_source fetch: open projects after (or before) f->from by title, with their stages. */
static enum error_code today_projects_fetch(void *ctx, const struct view_fetch *f,
                                            struct view_rows *out, struct error *err)
{
	struct today_projects *src = ctx;
	struct today_page pg = { .f = f };
	struct record_query q = {
		.search = f->match,
		.has_after = f->from != NULL,
		.after_order = f->from ? f->from->key : NULL,
		.after_id = f->from ? f->from->id : 0,
		.backward = f->backward,
		.limit = f->limit,
	};
	enum error_code code = ERROR_NONE;
	/* Closed projects are passed over: read on until the page is full or the list ends. */
	while (pg.n < (size_t)f->limit) {
		pg.read = 0;
		code = project_list(src->store, &q, today_page_add, &pg, NULL, err);
		if (code != ERROR_NONE || pg.read < q.limit || pg.n >= (size_t)f->limit)
			break;
		q.has_after = true;
		q.after_order = pg.last_order;
		q.after_id = pg.last_id;
	}
	for (size_t i = 0; i < pg.n; i++) {
		struct today_stages st;
		if (code == ERROR_NONE)
			code = today_stages_of(src->store, src->config, src->today, pg.v[i].id, &st,
			                       err);
		if (code == ERROR_NONE) {
			struct view_row *r = view_rows_add(out);
			view_row_set(r, pg.v[i].id, pg.v[i].title, NULL);
			view_row_key(r, pg.v[i].order);
			today_strip(r, src->config, &st);
		}
		free(pg.v[i].title);
		free(pg.v[i].order);
	}
	free(pg.v);
	free(pg.last_order);
	return code;
}

static enum error_code today_projects_count(void *ctx, int64_t *n, struct error *err)
{
	struct today_projects *src = ctx;
	return agenda_open_projects(src->store, n, err);
}

/* The list of open projects, paged through the store. */
static void today_projects(struct screen_ctx *c, struct view *v, int32_t today)
{
	struct view_section *sec =
	        view_add_list(v, "Open projects, by title", "There are no open projects.");
	struct today_projects *src = mem_calloc(1, sizeof *src);
	*src = (struct today_projects){ c->store, c->config, today };
	struct view_source vs = {
		.ctx = src,
		.fetch = today_projects_fetch,
		.count = today_projects_count,
		.free = free,
	};
	view_list_source(v, sec, &vs);
}

/* ---- the screen ---- */

/* "3 meetings", "1 payment", "over 5 commitments": how many of kind k. Caller frees. */
static char *today_count(const struct today_state *st, enum today_owed k, const char *one,
                         const char *many)
{
	size_t n = st->shown[k];
	if (st->more[k])
		return mem_printf("over %zu %s", n, many);
	return mem_printf("%zu %s", n, n == 1 ? one : many);
}

/* Append part to the list *out ("a", "a, b", then " and c" once last is set). */
static void today_list(char **out, char *part, bool last)
{
	if (!part)
		return;
	char *next =
	        *out ? mem_printf("%s%s%s", *out, last ? " and " : ", ", part) : mem_strdup(part);
	free(*out);
	free(part);
	*out = next;
}

/*
 * The one sentence at the top, what is overdue first so that a summary cut to
 * two narrow lines keeps it: "Overdue: feedback for over 5 meetings, 3
 * payments and 1 commitment; feedback is due soon for 2 meetings."
 */
static void today_summary(struct view *v, const struct config *config, const struct today_state *st)
{
	static const struct {
		enum today_owed k;
		const char *one, *many;
	} overdue[] = {
		{ TODAY_OVERDUE, "meeting", "meetings" },
		{ TODAY_PAYMENTS, "payment", "payments" },
		{ TODAY_ACTIONS, "commitment", "commitments" },
	};
	char *over = NULL;
	size_t kinds = 0, done = 0;
	for (size_t i = 0; i < 3; i++)
		kinds += st->shown[overdue[i].k] > 0;
	for (size_t i = 0; i < 3; i++) {
		enum today_owed k = overdue[i].k;
		if (!st->shown[k])
			continue;
		char *n = today_count(st, k, overdue[i].one, overdue[i].many);
		today_list(&over, k == TODAY_OVERDUE ? mem_printf("feedback for %s", n) : n,
		           ++done == kinds && kinds > 1);
		if (k == TODAY_OVERDUE)
			free(n);
	}
	char *soon = st->shown[TODAY_DUE_SOON]
	                     ? today_count(st, TODAY_DUE_SOON, "meeting", "meetings")
	                     : NULL;
	if (over && soon)
		view_summary(v, "Overdue: %s; feedback is due soon for %s.", over, soon);
	else if (over)
		view_summary(v, "Overdue: %s.", over);
	else if (soon)
		view_summary(v, "Feedback is due soon for %s; nothing is overdue.", soon);
	else
		view_summary(v,
		             "Nothing is owed: no feedback is overdue or due in the next %lld "
		             "days, and no payment or commitment is late.",
		             (long long)config_int(config, "feedback.warn_days"));
	free(over);
	free(soon);
}

static void today_build(struct screen_ctx *c, struct view *v)
{
	int32_t today = date_today();
	char day[DATE_TEXT_SIZE];
	date_format(today, day);
	view_title(v, "Today, %s", day);
	if (!c->config) {
		view_summary(v, "involve's settings are not loaded, so nothing can be checked.");
		return;
	}
	if (!c->state)
		c->state = mem_calloc(1, sizeof(struct today_state));
	struct today_state *st = c->state;
	memset(st, 0, sizeof *st);
	today_feedback(c, v, st, TODAY_OVERDUE, today);
	today_feedback(c, v, st, TODAY_DUE_SOON, today);
	today_owed(c, v, st, TODAY_PAYMENTS, today);
	today_owed(c, v, st, TODAY_ACTIONS, today);
	today_summary(v, c->config, st);
	/* A section for each kind of thing owed, when some are: the summary says what is not. */
	for (int k = 0; k < TODAY_OWED; k++) {
		if (!st->rows[k].n)
			continue;
		st->kind[v->nsections] = k;
		struct view_section *sec = view_add_list(v, today_kinds[k].heading, NULL);
		view_rows_free(&sec->list.rows);
		sec->list.rows = st->rows[k];
		memset(&st->rows[k], 0, sizeof st->rows[k]);
	}
	st->kind[v->nsections] = TODAY_OWED;
	today_projects(c, v, today);
	for (size_t i = 0; i < sizeof today_places / sizeof *today_places; i++) {
		const struct today_place *p = &today_places[i];
		if (screen_find(screen_table(c), p->word))
			view_add_action(v, p->key, p->word, p->label, p->help);
	}
}

/* Open screen about id when main.c lists it; otherwise say so. */
static void today_go(struct screen_ctx *c, struct view *v, const struct today_target *t)
{
	if (screen_find(screen_table(c), t->screen))
		screen_open(c, t->screen, t->id);
	else
		view_message(v, VIEW_TONE_WARN, "involve cannot open %s in this version.", t->what);
}

static enum screen_result today_handle(struct screen_ctx *c, struct view *v,
                                       const struct command *cmd)
{
	struct today_state *st = c->state;
	if (cmd->kind == COMMAND_ACTION) {
		for (size_t i = 0; i < sizeof today_places / sizeof *today_places; i++)
			if (today_places[i].key == cmd->key)
				screen_open(c, today_places[i].word, 0);
		return SCREEN_HANDLED;
	}
	if (cmd->kind != COMMAND_OPEN || !st)
		return SCREEN_UNHANDLED;
	const struct view_row *row = view_selected_row(v);
	int k = v->focus <= TODAY_OWED ? st->kind[v->focus] : TODAY_OWED;
	if (k == TODAY_OWED) {
		struct today_target t = { "project", row->id, "this project" };
		today_go(c, v, &t);
	} else {
		today_go(c, v, &st->targets[k][view_section_cursor(&v->sections[v->focus])]);
	}
	return SCREEN_HANDLED;
}

/* Free the screen's state. */
static void today_leave(struct screen_ctx *c)
{
	struct today_state *st = c->state;
	for (int k = 0; st && k < TODAY_OWED; k++)
		view_rows_free(&st->rows[k]);
	free(st);
	c->state = NULL;
}

const struct screen today_screen = {
	.name = "today",
	.title = "Today",
	.help = "Today is where involve starts: what is owed to the people who took part, most "
	        "urgent first, then where each open project stands. Each kind of thing owed shows "
	        "the oldest few; the row after them opens Findings with all of them. Open a "
	        "feedback row to go to its meeting, a payment to payments, a project to the "
	        "project. The actions go to the other parts of involve.",
	.build = today_build,
	.handle = today_handle,
	.leave = today_leave,
};
