/* SPDX-License-Identifier: GPL-3.0-or-later */
/* agenda: feedback owed, found one meeting at a time in due order; open projects; writes. */
#include "agenda.h"

#include <sqlite3.h>

#include "config.h"
#include "store.h"

/* Held meetings whose feedback falls due in [?1, ?2], in the order it falls due. */
static const char agenda_meetings_sql[] = "SELECT id FROM meeting WHERE status = 'held'"
                                          " AND feedback_due_on >= ?1 AND feedback_due_on <= ?2"
                                          " ORDER BY feedback_due_on, held_on, id";

/* What the walk passes on, and what it learns from the caller's callback. */
struct agenda_walk {
	rules_finding_fn fn;
	void *ctx;
	size_t found; /* findings of the meeting being looked at */
	bool stopped; /* fn returned false */
};

/* Pass one finding on, noting that the meeting gave one and whether to stop. */
static bool agenda_pass(const struct finding *f, void *ctx)
{
	struct agenda_walk *w = ctx;
	w->found++;
	if (!w->fn(f, w->ctx))
		w->stopped = true;
	return !w->stopped;
}

enum error_code agenda_feedback(struct store *s, const struct config *config, int32_t today,
                                enum agenda_feedback_kind kind, size_t limit, rules_finding_fn fn,
                                void *ctx, size_t *meetings, struct error *err)
{
	const struct rule *r =
	        rules_find(kind == AGENDA_OVERDUE ? "feedback_overdue" : "feedback_due_soon");
	size_t n = 0;
	if (meetings)
		*meetings = 0;
	if (!limit || !config_rule_enabled(config, r->id))
		return ERROR_NONE;
	char from[DATE_TEXT_SIZE] = "", to[DATE_TEXT_SIZE];
	if (kind == AGENDA_OVERDUE) {
		date_format(today - 1, to);
	} else {
		date_format(today, from);
		date_format(today + (int32_t)config_int(config, "feedback.warn_days"), to);
	}
	sqlite3_stmt *st = store_prepare_fresh(s, agenda_meetings_sql, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	struct rules_options opt = rules_options_default(today);
	opt.only = UINT64_C(1) << rules_index(r);
	opt.scope.kind = RULES_SCOPE_MEETING;
	struct agenda_walk w = { .fn = fn, .ctx = ctx };
	enum error_code code = ERROR_NONE;
	int rc = SQLITE_DONE;
	while (n < limit && !w.stopped && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		opt.scope.id = sqlite3_column_int64(st, 0);
		w.found = 0;
		code = rules_run(s, config, &opt, agenda_pass, &w, err);
		if (code != ERROR_NONE)
			break;
		n += w.found > 0;
	}
	if (code == ERROR_NONE && n < limit && !w.stopped && rc != SQLITE_DONE)
		code = store_fail(s, rc, "finding the feedback owed", err);
	sqlite3_finalize(st);
	if (meetings)
		*meetings = n;
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
