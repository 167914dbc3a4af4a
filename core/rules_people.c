/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_people: the usual suspects, newcomers, fatigue, consent, and keeping details too long. */
#include "rules_people.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "mem.h"
#include "store.h"

enum { RULES_PEOPLE_TOP_MAX = 50 }; /* representation.top_n is at most 50 */

/* Meetings (m) narrowed to a project or stage: findings are per project, never one meeting or
 * person. */
static const struct rules_scope_sql rules_people_group_scope = {
	.project = "m.project_id = :scope_id",
	.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
};

/* A project's finding at a stage when the run is narrowed to one. */
static void rules_people_stage(struct rules_run *x, struct finding *f)
{
	if (x->opt->scope.kind == RULES_SCOPE_STAGE)
		f->stage = x->opt->scope.stage;
}

/* The usual suspects of one project, gathered row by row. */
struct rules_people_top {
	int64_t project_id;
	char *project;
	char *names[RULES_PEOPLE_TOP_MAX];
	size_t named;
	int64_t top, total;
};

static void rules_people_top_clear(struct rules_people_top *t)
{
	free(t->project);
	for (size_t i = 0; i < t->named; i++)
		free(t->names[i]);
	memset(t, 0, sizeof *t);
}

/* Emit the finding for the gathered project when its top people pass the share. */
static bool rules_people_top_emit(struct rules_run *x, struct rules_people_top *t)
{
	const struct config *c = x->config;
	bool go = true;
	if (t->total > 0 &&
	    (double)t->top / (double)t->total > config_float(c, "representation.share")) {
		char *who = rules_join((const char *const *)t->names, t->named, t->named);
		char *msg = mem_printf("Widen who takes part in %s: %s made up %d%% of the %" PRId64
		                       " service user and carer attendances at its meetings in the "
		                       "last %" PRId64 " days.",
		                       t->project, who,
		                       (int)(100.0 * (double)t->top / (double)t->total + 0.5),
		                       t->total, config_int(c, "representation.window_days"));
		struct finding f;
		rules_finding_init(&f);
		f.project_id = t->project_id;
		f.project = t->project;
		rules_people_stage(x, &f);
		f.message = msg;
		go = rules_emit(x, &f);
		free(msg);
		free(who);
	}
	rules_people_top_clear(t);
	return go;
}

enum error_code rules_people_usual_suspects(struct rules_run *x, struct error *err)
{
	/*
	 * Per project with enough meetings with users in the window: each
	 * person's user attendances there (one pass over attendance, see
	 * RULES_SCAN), ranked, with the project's total; names only for the top.
	 */
	static const char sql[] =
	        "WITH w AS MATERIALIZED (SELECT m.id, m.project_id FROM meeting m"
	        "  WHERE +m.status = 'held' AND m.held_on > :from AND m.held_on <= "
	        ":today" RULES_SCOPE "),"
	        " pm AS MATERIALIZED (SELECT w.project_id FROM w WHERE EXISTS (SELECT 1"
	        "  FROM attendance a WHERE a.meeting_id = w.id AND " RULES_USER_PRESENT ")"
	        "  GROUP BY w.project_id HAVING count(*) >= :enough),"
	        " pp AS MATERIALIZED (SELECT m.project_id, a.person_id, count(*) AS n"
	        "  FROM attendance a" RULES_SCAN RULES_CROSS
	        " JOIN meeting m ON m.id = a.meeting_id"
	        "  WHERE a.meeting_id IN (SELECT id FROM w) AND " RULES_USER_PRESENT
	        "  AND m.project_id IN (SELECT project_id FROM pm)"
	        "  GROUP BY m.project_id, a.person_id),"
	        " r AS (SELECT project_id, person_id, n, row_number() OVER (PARTITION BY project_id"
	        "  ORDER BY n DESC, person_id) AS rank, sum(n) OVER (PARTITION BY project_id) AS "
	        "total"
	        "  FROM pp)"
	        " SELECT p.id, p.title, pe.name, r.n, r.total FROM r"
	        " JOIN project p ON p.id = r.project_id JOIN person pe ON pe.id = r.person_id"
	        " WHERE r.rank <= :top ORDER BY p.title, p.id, r.n DESC, pe.name COLLATE NOCASE";
	const struct config *c = x->config;
	int64_t top_n = config_int(c, "representation.top_n");
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_people_group_scope, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":from",
	                x->today - (int32_t)config_int(c, "representation.window_days"));
	rules_bind_int(st, ":enough", config_int(c, "representation.min_meetings"));
	rules_bind_int(st, ":top", top_n < RULES_PEOPLE_TOP_MAX ? top_n : RULES_PEOPLE_TOP_MAX);
	struct rules_people_top t = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t project = sqlite3_column_int64(st, 0);
		if (t.project && t.project_id != project && !rules_people_top_emit(x, &t))
			break;
		if (!t.project) {
			t.project_id = project;
			t.project = mem_strdup(rules_text(st, 1) ? rules_text(st, 1) : "");
			t.total = sqlite3_column_int64(st, 4);
		}
		const char *name = rules_text(st, 2);
		t.names[t.named++] = mem_strdup(name ? name : "");
		t.top += sqlite3_column_int64(st, 3);
	}
	if (rc == SQLITE_DONE && t.project)
		rules_people_top_emit(x, &t);
	rules_people_top_clear(&t);
	return rules_done(x, st, rc, err);
}

static char *rules_people_newcomers_message(struct rules_run *x, struct sqlite3_stmt *st,
                                            struct finding *f)
{
	(void)st;
	rules_people_stage(x, f);
	return mem_printf("Reach out to new service users and carers for %s: no one new has "
	                  "taken part in its meetings in the last %" PRId64 " days.",
	                  f->project, config_int(x->config, "representation.newcomer_days"));
}

enum error_code rules_people_no_newcomers(struct rules_run *x, struct error *err)
{
	/*
	 * Projects whose meetings had users since :from, none of them new. A
	 * newcomer's first involvement is recorded after :from (or not at all),
	 * and they first came to any meeting as a user after :from. Each EXISTS
	 * stops at its first row, so a project with a newcomer costs little.
	 */
	static const char sql[] =
	        "SELECT p.id, p.title, NULL, NULL, NULL, NULL, NULL, NULL FROM project p"
	        " WHERE EXISTS (SELECT 1 FROM meeting m JOIN attendance a ON a.meeting_id = m.id"
	        "  WHERE m.project_id = p.id AND +m.status = 'held' AND m.held_on > :from"
	        "  AND m.held_on <= :today AND " RULES_USER_PRESENT RULES_SCOPE ")"
	        " AND NOT EXISTS (SELECT 1 FROM meeting m JOIN attendance a ON a.meeting_id = m.id"
	        "  JOIN person pe ON pe.id = a.person_id"
	        "  WHERE m.project_id = p.id AND +m.status = 'held' AND m.held_on > :from"
	        "  AND m.held_on <= :today AND " RULES_USER_PRESENT RULES_SCOPE
	        "  AND coalesce(pe.first_involved_on, '9999-12-31') > :from"
	        "  AND NOT EXISTS (SELECT 1 FROM attendance a2 CROSS JOIN meeting m2"
	        "   ON m2.id = a2.meeting_id WHERE a2.person_id = a.person_id"
	        "   AND +m2.status = 'held' AND m2.held_on <= :from AND a2.attended = 1"
	        "   AND a2.role IN ('service_user', 'carer')))"
	        " ORDER BY p.title, p.id";
	return rules_query_day(
	        x, sql, &rules_people_group_scope, ":from",
	        x->today - (int32_t)config_int(x->config, "representation.newcomer_days"),
	        rules_people_newcomers_message, err);
}

/* One person's sessions in the window, gathered row by row. */
struct rules_people_sessions {
	int64_t person_id;
	int32_t *days;
	size_t count, cap;
};

/* Emit a finding when some 30 days hold more than the limit of the person's sessions. */
static bool rules_people_fatigue_emit(struct rules_run *x, struct rules_people_sessions *p)
{
	int64_t limit = config_int(x->config, "representation.max_per_month");
	size_t best = 0, best_i = 0, best_j = 0;
	for (size_t i = 0, j = 0; j < p->count; j++) {
		while (p->days[j] - p->days[i] >= 30)
			i++;
		if (j - i + 1 > best) {
			best = j - i + 1;
			best_i = i;
			best_j = j;
		}
	}
	size_t count = p->count;
	p->count = 0;
	if ((int64_t)best <= limit || !count)
		return true;
	/* Named (and checked not anonymised) only now, for the few found. */
	struct sqlite3_stmt *st = store_prepare(
	        x->store, "SELECT name FROM person WHERE id = ? AND anonymised = 0", NULL);
	if (!st)
		return true;
	sqlite3_bind_int64(st, 1, p->person_id);
	char *name = sqlite3_step(st) == SQLITE_ROW && rules_text(st, 0)
	                     ? mem_strdup(rules_text(st, 0))
	                     : NULL;
	sqlite3_reset(st);
	if (!name)
		return true;
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
	date_format(p->days[best_i], from);
	date_format(p->days[best_j], to);
	char *msg = mem_printf("Check with %s that it is not too much: they %s booked into %zu "
	                       "sessions from %s to %s, more than %" PRId64 " in 30 days.",
	                       name, p->days[best_j] >= x->today ? "are" : "were", best, from, to,
	                       limit);
	struct finding f;
	rules_finding_init(&f);
	f.person_id = p->person_id;
	f.person = name;
	f.message = msg;
	bool go = rules_emit(x, &f);
	free(msg);
	free(name);
	return go;
}

enum error_code rules_people_fatigue(struct rules_run *x, struct error *err)
{
	/*
	 * Each participant's sessions (not cancelled) over the representation
	 * window and the bookings already made for the next 29 days, in one pass
	 * over attendance (see RULES_SCAN), by person and date; staff roles do
	 * not count.
	 */
	static const char sql[] =
	        "SELECT a.person_id, m.held_on FROM attendance a" RULES_SCAN RULES_CROSS
	        " JOIN meeting m ON m.id = a.meeting_id WHERE m.status <> 'cancelled'"
	        " AND m.held_on > :from AND m.held_on <= :to"
	        " AND a.role NOT IN ('commissioner', 'facilitator', 'provider')" RULES_SCOPE
	        " ORDER BY a.person_id, m.held_on";
	static const struct rules_scope_sql scope = {
		.project = "a.person_id IN (SELECT sa.person_id FROM attendance sa JOIN meeting sm"
		           " ON sm.id = sa.meeting_id WHERE sm.project_id = :scope_id)",
		.stage = "a.person_id IN (SELECT sa.person_id FROM attendance sa JOIN meeting sm"
		         " ON sm.id = sa.meeting_id WHERE sm.project_id = :scope_id"
		         " AND sm.stage = :scope_stage)",
		.meeting = "a.person_id IN (SELECT sa.person_id FROM attendance sa"
		           " WHERE sa.meeting_id = :scope_id)",
		.person = "a.person_id = :scope_id",
	};
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &scope, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":from",
	                x->today - (int32_t)config_int(x->config, "representation.window_days"));
	rules_bind_date(st, ":to", x->today + 29);
	struct rules_people_sessions p = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (p.count && p.person_id != id && !rules_people_fatigue_emit(x, &p))
			break;
		p.person_id = id;
		if (p.count == p.cap) {
			p.cap = p.cap ? p.cap * 2 : 16;
			p.days = mem_realloc(p.days, p.cap * sizeof *p.days);
		}
		p.days[p.count++] = rules_date(st, 1);
	}
	if (rc == SQLITE_DONE && p.count)
		rules_people_fatigue_emit(x, &p);
	free(p.days);
	return rules_done(x, st, rc, err);
}

static char *rules_people_consent_message(struct rules_run *x, struct sqlite3_stmt *st,
                                          struct finding *f)
{
	(void)x;
	(void)st;
	return mem_printf("Record when %s agreed to their details being kept, and to what: they "
	                  "have involvement records but no consent date.",
	                  f->person);
}

enum error_code rules_people_consent_missing(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT NULL, NULL, NULL, NULL, NULL, NULL, pe.id, pe.name FROM person pe"
	        " WHERE pe.consent_on IS NULL AND pe.anonymised = 0"
	        " AND (EXISTS (SELECT 1 FROM attendance r WHERE r.person_id = pe.id)"
	        "  OR EXISTS (SELECT 1 FROM contribution r WHERE r.person_id = pe.id)"
	        "  OR EXISTS (SELECT 1 FROM feedback r WHERE r.person_id = pe.id)"
	        "  OR EXISTS (SELECT 1 FROM payment r WHERE r.person_id = pe.id))" RULES_SCOPE
	        " ORDER BY pe.name COLLATE NOCASE, pe.id";
	return rules_query(x, sql, &rules_scope_people, rules_people_consent_message, err);
}

static char *rules_people_retention_message(struct rules_run *x, struct sqlite3_stmt *st,
                                            struct finding *f)
{
	int32_t last = rules_date(st, RULES_ROW_COLUMNS);
	if (last == DATE_NONE)
		return NULL;
	f->due = last + (int32_t)config_int(x->config, "retention.inactive_days");
	char on[DATE_TEXT_SIZE];
	date_format(last, on);
	char *due = rules_due_text(f->due, f->due - x->today);
	char *msg = mem_printf("Ask %s whether they want to stay involved, or anonymise their "
	                       "details: last involved on %s; %s.",
	                       f->person, on, due);
	free(due);
	return msg;
}

enum error_code rules_people_retention_due(struct rules_run *x, struct error *err)
{
	/*
	 * Involvement is a meeting (held, or booked ahead), feedback, a payment,
	 * or the first involvement recorded. Nearly everyone has some since the
	 * cutoff, so each person is ruled out by the first sign found (each
	 * NOT EXISTS stops at its first row, reading the person's own index
	 * entries); the date last involved is worked out only for those left.
	 * Someone with no sign at all has no date to judge by and is left alone.
	 */
	static const char sql[] =
	        "SELECT NULL, NULL, NULL, NULL, NULL, NULL, id, name, last FROM"
	        " (SELECT pe.id AS id, pe.name AS name, max(coalesce(pe.first_involved_on, ''),"
	        "  coalesce((SELECT max(m.held_on) FROM attendance a CROSS JOIN meeting m"
	        "   ON m.id = a.meeting_id WHERE a.person_id = pe.id AND m.status <> 'cancelled'),"
	        "   ''),"
	        "  coalesce((SELECT max(f.given_on) FROM feedback f WHERE f.person_id = pe.id), "
	        "''),"
	        "  coalesce((SELECT max(coalesce(pay.paid_on, pay.claimed_on, '')) FROM payment pay"
	        "   WHERE pay.person_id = pe.id), '')) AS last"
	        "  FROM person pe WHERE pe.anonymised = 0" RULES_SCOPE
	        "  AND coalesce(pe.first_involved_on, '') <= :cutoff"
	        "  AND NOT EXISTS (SELECT 1 FROM attendance a CROSS JOIN meeting m"
	        "   ON m.id = a.meeting_id WHERE a.person_id = pe.id AND m.held_on > :cutoff"
	        "   AND m.status <> 'cancelled')"
	        "  AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.person_id = pe.id"
	        "   AND f.given_on > :cutoff)"
	        "  AND NOT EXISTS (SELECT 1 FROM payment pay WHERE pay.person_id = pe.id"
	        "   AND coalesce(pay.paid_on, pay.claimed_on) > :cutoff))"
	        " WHERE last <> '' ORDER BY last, name COLLATE NOCASE, id";
	return rules_query_day(x, sql, &rules_scope_people, ":cutoff",
	                       x->today - (int32_t)config_int(x->config, "retention.inactive_days"),
	                       rules_people_retention_message, err);
}
