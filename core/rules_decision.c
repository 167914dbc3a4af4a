/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_decision: budget openness, and involvement before and around decisions. */
#include "rules_decision.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "config.h"
#include "mem.h"

/* Budget events (b) belong to a project and are shown at its budget stage. */
static const struct rules_scope_sql rules_decision_budget_scope = {
	.project = "b.project_id = :scope_id",
	.stage = "b.project_id = :scope_id AND :scope_stage = 'budget'",
};

/* Decisions (d) belong to a project and a stage. */
static const struct rules_scope_sql rules_decision_scope = {
	.project = "d.project_id = :scope_id",
	.stage = "d.project_id = :scope_id AND d.stage = :scope_stage",
};

static char *rules_decision_withheld_message(struct rules_run *x, struct sqlite3_stmt *st,
                                             struct finding *f)
{
	(void)x;
	const char *on = rules_text(st, RULES_ROW_COLUMNS);
	return mem_printf("Explain to the people involved in %s why the budget was withheld on "
	                  "%s: if the budgetary information cannot be given, say why.",
	                  f->project, on ? on : "");
}

enum error_code rules_decision_budget_withheld(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, 'budget', NULL, NULL, NULL, NULL, NULL, b.occurred_on"
	        " FROM budget_event b JOIN project p ON p.id = b.project_id"
	        " WHERE b.kind = 'withheld'"
	        " AND " RULES_BLANK("b.reason") RULES_SCOPE
	        " ORDER BY b.occurred_on, p.title, b.id";
	return rules_query(x, sql, &rules_decision_budget_scope, rules_decision_withheld_message,
	                   err);
}

static char *rules_decision_untold_message(struct rules_run *x, struct sqlite3_stmt *st,
                                           struct finding *f)
{
	int notify = (int)config_int(x->config, "budget.notify_days");
	int32_t on = rules_date(st, RULES_ROW_COLUMNS);
	if (on == DATE_NONE)
		return NULL;
	f->due = on + notify;
	char when[DATE_TEXT_SIZE];
	date_format(on, when);
	char *due = rules_due_text(f->due, f->due - x->today);
	char *msg = mem_printf("Tell the people involved in %s about the budget change of %s, and "
	                       "what it means for what is open to change: %s.",
	                       f->project, when, due);
	free(due);
	return msg;
}

enum error_code rules_decision_budget_untold(struct rules_run *x, struct error *err)
{
	/* Told within notify days: the change on D must be told by D + notify. */
	static const char sql[] =
	        "SELECT p.id, p.title, 'budget', NULL, NULL, NULL, NULL, NULL, b.occurred_on"
	        " FROM budget_event b JOIN project p ON p.id = b.project_id"
	        " WHERE b.kind = 'changed' AND b.told_on IS NULL AND b.occurred_on < :cutoff"
	        " AND (p.closed_on IS NULL OR p.closed_on >= b.occurred_on)"
	        " AND EXISTS (SELECT 1 FROM meeting m WHERE m.project_id = b.project_id"
	        "  AND +m.status = 'held' AND m.held_on <= b.occurred_on)" RULES_SCOPE
	        " ORDER BY b.occurred_on, p.title, b.id";
	return rules_query_day(x, sql, &rules_decision_budget_scope, ":cutoff",
	                       x->today - (int32_t)config_int(x->config, "budget.notify_days"),
	                       rules_decision_untold_message, err);
}

static char *rules_decision_after_message(struct rules_run *x, struct sqlite3_stmt *st,
                                          struct finding *f)
{
	(void)x;
	const char *title = rules_text(st, RULES_ROW_COLUMNS);
	const char *on = rules_text(st, RULES_ROW_COLUMNS + 1);
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	return mem_printf("Tell the people at %s (%s) that \"%s\" had already been decided on %s, "
	                  "and involve people before the next decision.",
	                  f->meeting, held, title ? title : "", on ? on : "");
}

enum error_code rules_decision_after_the_fact(struct rules_run *x, struct error *err)
{
	/* Over everything, decision by decision: far fewer than meetings, each finds its own. */
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING ", d.title, d.decided_on"
	        " FROM decision d" RULES_CROSS " JOIN meeting m ON m.decision_id = d.id"
	        " JOIN project p ON p.id = m.project_id"
	        " WHERE +m.status = 'held' AND d.decided_on IS NOT NULL"
	        " AND m.held_on > d.decided_on" RULES_SCOPE " ORDER BY m.held_on, m.id";
	static const struct rules_scope_sql scope = {
		.project = "m.project_id = :scope_id",
		.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
		.meeting = "m.id = :scope_id",
	};
	return rules_query(x, sql, &scope, rules_decision_after_message, err);
}

static char *rules_decision_no_input_message(struct rules_run *x, struct sqlite3_stmt *st,
                                             struct finding *f)
{
	(void)x;
	(void)f;
	const char *title = rules_text(st, RULES_ROW_COLUMNS);
	const char *on = rules_text(st, RULES_ROW_COLUMNS + 1);
	return mem_printf("Show how service users and carers shaped \"%s\" (decided %s): no users "
	                  "were recorded as present and no contributions are linked to it.",
	                  title ? title : "", on ? on : "");
}

enum error_code rules_decision_no_user_input(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, d.stage, NULL, NULL, NULL, NULL, NULL, d.title, d.decided_on"
	        " FROM decision d JOIN project p ON p.id = d.project_id"
	        " WHERE d.decided_on IS NOT NULL AND d.decided_on <= :today"
	        " AND coalesce(d.users_present, 0) = 0"
	        " AND NOT EXISTS (SELECT 1 FROM contribution c WHERE c.decision_id = "
	        "d.id)" RULES_SCOPE " ORDER BY d.decided_on, p.title, d.id";
	return rules_query(x, sql, &rules_decision_scope, rules_decision_no_input_message, err);
}

static char *rules_decision_appeal_message(struct rules_run *x, struct sqlite3_stmt *st,
                                           struct finding *f)
{
	(void)x;
	(void)f;
	const char *title = rules_text(st, RULES_ROW_COLUMNS);
	const char *on = rules_text(st, RULES_ROW_COLUMNS + 1);
	return mem_printf("Tell people how to appeal or complain about \"%s\" (decided %s): it "
	                  "went against users' views, so explain why and give their right to "
	                  "appeal.",
	                  title ? title : "", on ? on : "not yet");
}

enum error_code rules_decision_no_appeal_route(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, d.stage, NULL, NULL, NULL, NULL, NULL, d.title, d.decided_on"
	        " FROM decision d JOIN project p ON p.id = d.project_id"
	        " WHERE d.users_view_followed = 'no' AND coalesce(d.appeal_route_given, 0) = 0"
	        " AND " RULES_BLANK("d.appeal_route") RULES_SCOPE
	        " ORDER BY d.decided_on, p.title, d.id";
	return rules_query(x, sql, &rules_decision_scope, rules_decision_appeal_message, err);
}
