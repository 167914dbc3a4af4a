/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_stage: agreements, users at each stage, newcomers, the framework first, review, who took
 * part. */
#include "rules_stage.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "mem.h"
#include "stage.h"
#include "text.h"
#include "vocab.h"

/* Rows of the stage table (s): a stage belongs to a project; no meeting or person. */
static const struct rules_scope_sql rules_stage_scope = {
	.project = "s.project_id = :scope_id",
	.stage = "s.project_id = :scope_id AND s.stage = :scope_stage",
};

/* The stage's label, as configured. */
static const char *rules_stage_label(struct rules_run *x, const struct finding *f)
{
	return config_stage_label(x->config, f->stage);
}

/*
 * Stage rows whose agreement is incomplete, judged by stage_has_agreement so
 * that screens and this rule agree on what an agreement is.
 */
static char *rules_stage_no_agreement_message(struct rules_run *x, struct sqlite3_stmt *st,
                                              struct finding *f)
{
	struct stage s = { 0 };
	char *parts[5];
	for (int i = 0; i < 5; i++)
		parts[i] = (char *)rules_text(st, RULES_ROW_COLUMNS + i);
	s.purpose = parts[0];
	s.users_role = parts[1];
	s.open_to_change = parts[2];
	s.not_open_to_change = parts[3];
	s.who_decides = parts[4];
	if (stage_has_agreement(&s))
		return NULL;
	const char *missing[4];
	size_t n = 0;
	if (text_blank(s.purpose))
		missing[n++] = "the purpose";
	if (text_blank(s.users_role))
		missing[n++] = "the users' role";
	if (text_blank(s.open_to_change) && text_blank(s.not_open_to_change))
		missing[n++] = "what is and is not open to change";
	if (text_blank(s.who_decides))
		missing[n++] = "who decides";
	char *list = rules_join(missing, n, n);
	char *msg = mem_printf("Agree the purpose, users' role and boundaries of authority of %s "
	                       "for %s with the people involved: %s %s not recorded.",
	                       rules_stage_label(x, f), f->project, list, n == 1 ? "is" : "are");
	free(list);
	return msg;
}

enum error_code rules_stage_no_agreement(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, s.stage, NULL, NULL, NULL, NULL, NULL,"
	        " s.purpose, s.users_role, s.open_to_change, s.not_open_to_change, s.who_decides"
	        " FROM stage s JOIN project p ON p.id = s.project_id"
	        " WHERE s.status IN ('active', 'done')" RULES_SCOPE
	        " ORDER BY p.title, p.id, s.stage";
	return rules_query(x, sql, &rules_stage_scope, rules_stage_no_agreement_message, err);
}

static char *rules_stage_no_users_message(struct rules_run *x, struct sqlite3_stmt *st,
                                          struct finding *f)
{
	(void)st;
	return mem_printf("Involve service users or carers in %s for %s: it is marked done, but no "
	                  "held meeting in it had a service user or carer.",
	                  rules_stage_label(x, f), f->project);
}

enum error_code rules_stage_no_users(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, s.stage, NULL, NULL, NULL, NULL, NULL"
	        " FROM stage s JOIN project p ON p.id = s.project_id"
	        " WHERE s.status = 'done' AND NOT EXISTS (SELECT 1 FROM meeting m"
	        "  JOIN attendance a ON a.meeting_id = m.id WHERE m.project_id = s.project_id"
	        "  AND m.stage = s.stage AND +m.status = 'held' AND " RULES_USER_PRESENT
	        ")" RULES_SCOPE " ORDER BY p.title, p.id, s.stage";
	return rules_query(x, sql, &rules_stage_scope, rules_stage_no_users_message, err);
}

enum { RULES_STAGE_NAMES = 3 }; /* newcomers named in a message; the rest are counted */

/* The newcomers of one stage, gathered row by row. */
struct rules_stage_group {
	int64_t stage_id;
	struct finding f;
	char *project, *agreed, *person;
	char *names[RULES_STAGE_NAMES];
	size_t count;
};

static void rules_stage_group_clear(struct rules_stage_group *g)
{
	free(g->project);
	free(g->agreed);
	free(g->person);
	for (size_t i = 0; i < RULES_STAGE_NAMES; i++)
		free(g->names[i]);
	memset(g, 0, sizeof *g);
}

/* Emit the finding for the gathered stage, if any. */
static bool rules_stage_group_emit(struct rules_run *x, struct rules_stage_group *g)
{
	if (!g->count)
		return true;
	size_t shown = g->count < RULES_STAGE_NAMES ? g->count : RULES_STAGE_NAMES;
	char *who = rules_join((const char *const *)g->names, shown, g->count);
	g->f.project = g->project;
	if (g->count == 1) {
		g->f.person = g->person;
	} else {
		g->f.person_id = 0;
		g->f.person = NULL;
	}
	char *msg = mem_printf("Re-agree %s for %s with the people now involved, and induct the "
	                       "newcomers: %s first took part after it was agreed on %s.",
	                       rules_stage_label(x, &g->f), g->project, who, g->agreed);
	g->f.message = msg;
	bool go = rules_emit(x, &g->f);
	free(msg);
	free(who);
	rules_stage_group_clear(g);
	return go;
}

enum error_code rules_stage_newcomers(struct rules_run *x, struct error *err)
{
	/*
	 * For each active stage with an agreement date: the people at its held
	 * meetings, each with the first date after the agreement they came and
	 * whether they came on or before it, in one pass over attendance (see
	 * RULES_SCAN). Newcomers came after and never before; names are looked
	 * up only for them.
	 */
	static const char sql[] =
	        "WITH sm AS MATERIALIZED (SELECT m.id AS meeting_id, s.id AS stage_id,"
	        "  m.held_on, m.held_on > s.agreed_on AS after"
	        "  FROM stage s JOIN meeting m ON m.project_id = s.project_id AND m.stage = s.stage"
	        "  WHERE s.agreed_on IS NOT NULL AND s.status = 'active' AND +m.status = 'held'"
	        "  AND m.held_on <= :today" RULES_SCOPE "),"
	        " n AS MATERIALIZED (SELECT sm.stage_id, a.person_id,"
	        "  min(CASE WHEN sm.after THEN sm.held_on END) AS first, min(sm.after) AS new"
	        "  FROM attendance a" RULES_SCAN RULES_CROSS
	        " JOIN sm ON sm.meeting_id = a.meeting_id"
	        "  WHERE a.attended = 1 AND (:scope_person = 0 OR a.person_id = :scope_person)"
	        "  GROUP BY sm.stage_id, a.person_id)"
	        " SELECT p.id, p.title, s.stage, NULL, NULL, NULL, pe.id, pe.name,"
	        " s.id, s.agreed_on, n.first"
	        " FROM n JOIN stage s ON s.id = n.stage_id JOIN project p ON p.id = s.project_id"
	        " JOIN person pe ON pe.id = n.person_id WHERE n.new = 1"
	        " ORDER BY p.title, p.id, s.stage, s.id, n.first, pe.name COLLATE NOCASE, pe.id";
	static const struct rules_scope_sql scope = {
		.project = "s.project_id = :scope_id",
		.stage = "s.project_id = :scope_id AND s.stage = :scope_stage",
		.person = "s.id IN (SELECT ss.id FROM stage ss JOIN meeting sm2"
		          " ON sm2.project_id = ss.project_id AND sm2.stage = ss.stage"
		          " JOIN attendance sa ON sa.meeting_id = sm2.id WHERE sa.person_id = "
		          ":scope_id)",
	};
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &scope, &st, err);
	if (!st)
		return code;
	struct rules_stage_group g = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t stage_id = sqlite3_column_int64(st, RULES_ROW_COLUMNS);
		if (g.count && g.stage_id != stage_id && !rules_stage_group_emit(x, &g))
			break;
		if (!g.count) {
			g.stage_id = stage_id;
			rules_finding_init(&g.f);
			rules_row(st, &g.f);
			g.project = mem_strdup(g.f.project ? g.f.project : "");
			g.agreed = mem_strdup(rules_text(st, RULES_ROW_COLUMNS + 1));
			g.person = mem_strdup(g.f.person ? g.f.person : "");
		}
		if (g.count < RULES_STAGE_NAMES)
			g.names[g.count] = mem_strdup(rules_text(st, 7) ? rules_text(st, 7) : "");
		g.count++;
	}
	if (rc == SQLITE_DONE)
		rules_stage_group_emit(x, &g);
	rules_stage_group_clear(&g);
	return rules_done(x, st, rc, err);
}

static char *rules_stage_framework_message(struct rules_run *x, struct sqlite3_stmt *st,
                                           struct finding *f)
{
	(void)x;
	int base = RULES_ROW_COLUMNS;
	struct stage s = { 0 };
	s.purpose = (char *)rules_text(st, base + 1);
	s.users_role = (char *)rules_text(st, base + 2);
	s.open_to_change = (char *)rules_text(st, base + 3);
	s.not_open_to_change = (char *)rules_text(st, base + 4);
	s.who_decides = (char *)rules_text(st, base + 5);
	bool exists = sqlite3_column_type(st, base + 6) != SQLITE_NULL;
	int32_t agreed = rules_date(st, base);
	char held[DATE_TEXT_SIZE], on[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	date_format(agreed, on);
	if (exists && stage_has_agreement(&s) && (agreed == DATE_NONE || agreed <= f->held_on))
		return NULL;
	if (exists && stage_has_agreement(&s))
		return mem_printf("Check that the people at the first meetings of %s know how "
		                  "involvement works: %s was held on %s, before the framework was "
		                  "agreed on %s.",
		                  f->project, f->meeting, held, on);
	return mem_printf("Agree a framework for user involvement in %s (its purpose, the users' "
	                  "role and the boundaries of authority): %s was held on %s with none "
	                  "agreed.",
	                  f->project, f->meeting, held);
}

enum error_code rules_stage_framework_first(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, 'framework', m.id, m.title, m.held_on, NULL, NULL,"
	        " s.agreed_on, s.purpose, s.users_role, s.open_to_change, s.not_open_to_change,"
	        " s.who_decides, s.id"
	        " FROM project p JOIN meeting m ON m.id = (SELECT m2.id FROM meeting m2"
	        "  WHERE m2.project_id = p.id AND +m2.status = 'held' AND m2.stage <> 'framework'"
	        "  ORDER BY m2.held_on, m2.id LIMIT 1)"
	        " LEFT JOIN stage s ON s.project_id = p.id AND s.stage = 'framework'"
	        " WHERE 1" RULES_SCOPE " ORDER BY p.title, p.id";
	static const struct rules_scope_sql scope = {
		.project = "p.id = :scope_id",
		.stage = "p.id = :scope_id AND :scope_stage = 'framework'",
	};
	return rules_query(x, sql, &scope, rules_stage_framework_message, err);
}

static char *rules_stage_review_message(struct rules_run *x, struct sqlite3_stmt *st,
                                        struct finding *f)
{
	(void)x;
	const char *closed = rules_text(st, RULES_ROW_COLUMNS);
	const char *status = rules_text(st, RULES_ROW_COLUMNS + 1);
	bool done = status && strcmp(status, "done") == 0;
	return mem_printf("Review %s with the service users and carers involved: it closed on %s "
	                  "%s.",
	                  f->project, closed ? closed : "",
	                  done ? "and its review was done without them"
	                       : "without its review stage done");
}

enum error_code rules_stage_review_skipped(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, 'review', NULL, NULL, NULL, NULL, NULL, p.closed_on, "
	        "s.status"
	        " FROM project p LEFT JOIN stage s ON s.project_id = p.id AND s.stage = 'review'"
	        " WHERE p.closed_on IS NOT NULL AND p.closed_on <= :today"
	        " AND NOT (coalesce(s.status, '') = 'done' AND EXISTS (SELECT 1 FROM meeting m"
	        "  JOIN attendance a ON a.meeting_id = m.id WHERE m.project_id = p.id"
	        "  AND m.stage = 'review' AND +m.status = 'held' AND " RULES_USER_PRESENT
	        "))" RULES_SCOPE " ORDER BY p.closed_on, p.title, p.id";
	static const struct rules_scope_sql scope = {
		.project = "p.id = :scope_id",
		.stage = "p.id = :scope_id AND :scope_stage = 'review'",
	};
	return rules_query(x, sql, &scope, rules_stage_review_message, err);
}

static char *rules_stage_current_users_message(struct rules_run *x, struct sqlite3_stmt *st,
                                               struct finding *f)
{
	(void)x;
	const char *kind = rules_text(st, RULES_ROW_COLUMNS);
	return mem_printf("Involve future users, or people who do not use the service now, in %s "
	                  "(a %s): so far only current users have taken part.",
	                  f->project,
	                  kind && strcmp(kind, "redesign") == 0 ? "redesign" : "decommissioning");
}

enum error_code rules_stage_current_users_only(struct rules_run *x, struct error *err)
{
	/* Roles bits: future_user and non_user (see enum role). */
	static const char sql[] =
	        "SELECT p.id, p.title, NULL, NULL, NULL, NULL, NULL, NULL, p.kind"
	        " FROM project p WHERE p.kind IN ('redesign', 'decommissioning')"
	        " AND EXISTS (SELECT 1 FROM meeting m WHERE m.project_id = p.id"
	        "  AND +m.status = 'held')"
	        " AND NOT EXISTS (SELECT 1 FROM meeting m JOIN attendance a ON a.meeting_id = m.id"
	        "  JOIN person pe ON pe.id = a.person_id WHERE m.project_id = p.id"
	        "  AND +m.status = 'held' AND a.attended = 1"
	        "  AND (a.role IN ('future_user', 'non_user') OR (pe.roles & :roles) <> "
	        "0))" RULES_SCOPE " ORDER BY p.title, p.id";
	static const struct rules_scope_sql scope = {
		.project = "p.id = :scope_id",
	};
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &scope, &st, err);
	if (!st)
		return code;
	rules_bind_int(st, ":roles", (1 << ROLE_FUTURE_USER) | (1 << ROLE_NON_USER));
	return rules_each_row(x, st, rules_stage_current_users_message, err);
}
