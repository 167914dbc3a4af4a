/* SPDX-License-Identifier: GPL-3.0-or-later */
/* agenda: feedback owed, found one meeting at a time in due order; open projects; writes. */
#include "agenda.h"

#include <sqlite3.h>

#include "config.h"
#include "store.h"

/* Held meetings whose feedback falls due in [?1, ?2], in the rules' order. */
static const char agenda_meetings_sql[] = "SELECT id FROM meeting WHERE status = 'held'"
                                          " AND feedback_due_on >= ?1 AND feedback_due_on <= ?2"
                                          " ORDER BY feedback_due_on, held_on, id";

/* Findings gathered, a meeting at a time, up to a number of meetings. */
struct agenda_gather {
	struct rules_list found;
	size_t limit;       /* meetings wanted */
	size_t meetings;    /* meetings with findings so far */
	int64_t meeting_id; /* the meeting of the last finding */
};

/* A rules_finding_fn: keep findings until a meeting beyond the limit starts. */
static bool agenda_keep(const struct finding *f, void *ctx)
{
	struct agenda_gather *g = ctx;
	if (!g->meetings || f->meeting_id != g->meeting_id) {
		if (g->meetings == g->limit)
			return false;
		g->meetings++;
		g->meeting_id = f->meeting_id;
	}
	rules_list_add(f, &g->found);
	return true;
}

/*
 * Walk at most walk meetings due in [from, to], running opt's rule on each
 * alone. *done: the walk reached the limit or the last meeting.
 */
static enum error_code agenda_walk(struct store *s, const struct config *config,
                                   struct rules_options *opt, const char *from, const char *to,
                                   size_t walk, struct agenda_gather *g, bool *done,
                                   struct error *err)
{
	*done = false;
	sqlite3_stmt *st = store_prepare_fresh(s, agenda_meetings_sql, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	opt->scope.kind = RULES_SCOPE_MEETING;
	enum error_code code = ERROR_NONE;
	int rc = SQLITE_DONE;
	size_t looked = 0;
	while (g->meetings < g->limit && looked < walk && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		opt->scope.id = sqlite3_column_int64(st, 0);
		looked++;
		code = rules_run(s, config, opt, agenda_keep, g, err);
		if (code != ERROR_NONE)
			break;
	}
	if (code == ERROR_NONE && rc != SQLITE_ROW && rc != SQLITE_DONE)
		code = store_fail(s, rc, "finding the feedback owed", err);
	*done = g->meetings == g->limit || rc == SQLITE_DONE;
	sqlite3_finalize(st);
	return code;
}

enum error_code agenda_feedback(struct store *s, const struct config *config,
                                const struct agenda_query *q, rules_finding_fn fn, void *ctx,
                                struct error *err)
{
	const struct rule *r =
	        rules_find(q->kind == AGENDA_OVERDUE ? "feedback_overdue" : "feedback_due_soon");
	if (!q->limit || !config_rule_enabled(config, r->id))
		return ERROR_NONE;
	char from[DATE_TEXT_SIZE] = "", to[DATE_TEXT_SIZE];
	if (q->kind == AGENDA_OVERDUE) {
		date_format(q->today - 1, to);
	} else {
		date_format(q->today, from);
		date_format(q->today + (int32_t)config_int(config, "feedback.warn_days"), to);
	}
	struct rules_options opt = rules_options_default(q->today);
	opt.only = UINT64_C(1) << rules_index(r);
	struct agenda_gather g = { .limit = q->limit };
	rules_list_init(&g.found);
	bool done;
	enum error_code code = agenda_walk(s, config, &opt, from, to,
	                                   q->walk ? q->walk : AGENDA_WALK, &g, &done, err);
	if (code == ERROR_NONE && !done) {
		/* Few meetings owe it: asking about all at once is quicker than walking on. */
		rules_list_free(&g.found);
		rules_list_init(&g.found);
		g.meetings = 0;
		opt.scope.kind = RULES_SCOPE_ALL;
		code = rules_run(s, config, &opt, agenda_keep, &g, err);
	}
	for (size_t i = 0; code == ERROR_NONE && i < g.found.count; i++)
		if (!fn(rules_list_at(&g.found, i), ctx))
			break;
	rules_list_free(&g.found);
	return code;
}

int64_t agenda_writes(struct store *s)
{
	return sqlite3_total_changes64(store_db(s));
}

enum error_code agenda_open_projects(struct store *s, int64_t *count, struct error *err)
{
	*count = 0;
	sqlite3_stmt *st =
	        store_prepare(s, "SELECT count(*) FROM project WHERE closed_on IS NULL", err);
	if (!st)
		return err ? err->code : ERROR_IO;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ERROR_NONE : store_fail(s, rc, "counting the open projects", err);
}
