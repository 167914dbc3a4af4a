/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_people: the usual suspects, newcomers, fatigue, consent, and keeping details too long. */
#include "rules_people.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "mem.h"

/* Attendance (a, m) narrowed to a project or stage: judged over a group, never one meeting or
 * person. */
static const struct rules_scope_sql rules_people_group_scope = {
	.project = "m.project_id = :scope_id",
	.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
};

/* " in Day services redesign" for a project or stage scope, "" otherwise. Caller frees. */
static char *rules_people_where(const char *title)
{
	return title ? mem_printf(" in %s", title) : mem_strdup("");
}

enum error_code rules_people_usual_suspects(struct rules_run *x, struct error *err)
{
	/* Enough meetings with users in the window? Counting stops at the minimum. */
	static const char meetings_sql[] =
	        "SELECT count(*) FROM (SELECT 1 FROM meeting m WHERE m.status = 'held'"
	        "  AND m.held_on > :from AND m.held_on <= :today" RULES_SCOPE
	        "  AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id"
	        "  AND " RULES_USER_PRESENT ") LIMIT :enough)";
	/* Each person's user attendances in the window, most first (see RULES_SCAN). */
	static const char people_sql[] =
	        "WITH w AS MATERIALIZED (SELECT m.id FROM meeting m WHERE m.status = 'held'"
	        "  AND m.held_on > :from AND m.held_on <= :today" RULES_SCOPE "),"
	        " n AS MATERIALIZED (SELECT a.person_id, count(*) AS n FROM attendance a" RULES_SCAN
	        "  WHERE a.meeting_id IN (SELECT id FROM w) AND " RULES_USER_PRESENT
	        "  GROUP BY a.person_id)"
	        " SELECT pe.id, pe.name, n.n FROM n JOIN person pe ON pe.id = n.person_id"
	        " ORDER BY n.n DESC, pe.name COLLATE NOCASE, pe.id";
	const struct config *c = x->config;
	int32_t from = x->today - (int32_t)config_int(c, "representation.window_days");
	int64_t top_n = config_int(c, "representation.top_n");
	int64_t enough = config_int(c, "representation.min_meetings");
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, meetings_sql, &rules_people_group_scope, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":from", from);
	rules_bind_int(st, ":enough", enough);
	int rc = sqlite3_step(st);
	int64_t meetings = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	code = rules_done(x, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
	if (code != ERROR_NONE || meetings < enough)
		return code;

	code = rules_prepare(x, people_sql, &rules_people_group_scope, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":from", from);
	char **names = mem_calloc((size_t)top_n, sizeof *names);
	int64_t total = 0, top = 0, people = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t n = sqlite3_column_int64(st, 2);
		if (people < top_n) {
			const char *name = rules_text(st, 1);
			names[people] = mem_strdup(name ? name : "");
			top += n;
		}
		total += n;
		people++;
	}
	code = rules_done(x, st, rc, err);
	double share = config_float(c, "representation.share");
	size_t named = (size_t)(people < top_n ? people : top_n);
	if (code == ERROR_NONE && total > 0 && (double)top / (double)total > share) {
		char *title = rules_scope_title(x);
		char *where = rules_people_where(title);
		char *who = rules_join((const char *const *)names, named, named);
		char *msg = mem_printf("Widen who takes part%s: %s made up %d%% of the %" PRId64
		                       " service user and carer attendances in the last %" PRId64
		                       " days.",
		                       where, who, (int)(100.0 * (double)top / (double)total + 0.5),
		                       total, config_int(c, "representation.window_days"));
		struct finding f;
		rules_finding_init(&f);
		rules_scope_finding(x, &f, title);
		f.message = msg;
		rules_emit(x, &f);
		free(msg);
		free(who);
		free(where);
		free(title);
	}
	for (int64_t i = 0; i < top_n; i++)
		free(names[i]);
	free(names);
	return code;
}

enum error_code rules_people_no_newcomers(struct rules_run *x, struct error *err)
{
	/*
	 * Two questions: has any service user or carer taken part (in scope)
	 * since :from, and is any of them new, first involved since :from? Each
	 * stops at its first row. A newcomer's first involvement is recorded
	 * after :from (or not at all) and their first attendance as a user
	 * anywhere is after :from too.
	 */
	static const char sql[] =
	        "SELECT EXISTS (SELECT 1 FROM meeting m JOIN attendance a ON a.meeting_id = m.id"
	        "  WHERE m.status = 'held' AND m.held_on > :from AND m.held_on <= :today"
	        "  AND " RULES_USER_PRESENT RULES_SCOPE "),"
	        " EXISTS (SELECT 1 FROM person pe"
	        "  WHERE coalesce(pe.first_involved_on, '9999-12-31') > :from"
	        "  AND EXISTS (SELECT 1 FROM attendance a CROSS JOIN meeting m"
	        "   ON m.id = a.meeting_id WHERE a.person_id = pe.id AND m.status = 'held'"
	        "   AND m.held_on > :from AND m.held_on <= :today AND " RULES_USER_PRESENT
	                RULES_SCOPE
	        "  ) AND NOT EXISTS (SELECT 1 FROM attendance a CROSS JOIN meeting m"
	        "   ON m.id = a.meeting_id WHERE a.person_id = pe.id AND m.status = 'held'"
	        "   AND m.held_on <= :from AND " RULES_USER_PRESENT "))";
	int days = (int)config_int(x->config, "representation.newcomer_days");
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_people_group_scope, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":from", x->today - days);
	int rc = sqlite3_step(st);
	bool fire = rc == SQLITE_ROW && sqlite3_column_int(st, 0) && !sqlite3_column_int(st, 1);
	code = rules_done(x, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
	if (code == ERROR_NONE && fire) {
		char *title = rules_scope_title(x);
		char *where = rules_people_where(title);
		char *msg =
		        mem_printf("Reach out to new service users and carers%s: no one new has "
		                   "taken part in the last %d days.",
		                   where, days);
		struct finding f;
		rules_finding_init(&f);
		rules_scope_finding(x, &f, title);
		f.message = msg;
		rules_emit(x, &f);
		free(msg);
		free(where);
		free(title);
	}
	return code;
}

/* One person's sessions in the window around today, gathered row by row. */
struct rules_people_sessions {
	int64_t person_id;
	char *name;
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
	bool go = true;
	if ((int64_t)best > limit) {
		char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
		date_format(p->days[best_i], from);
		date_format(p->days[best_j], to);
		char *msg =
		        mem_printf("Check with %s that it is not too much: they are booked into "
		                   "%zu sessions from %s to %s, more than %" PRId64 " in 30 days.",
		                   p->name, best, from, to, limit);
		struct finding f;
		rules_finding_init(&f);
		f.person_id = p->person_id;
		f.person = p->name;
		f.message = msg;
		go = rules_emit(x, &f);
		free(msg);
	}
	free(p->name);
	p->name = NULL;
	p->count = 0;
	return go;
}

enum error_code rules_people_fatigue(struct rules_run *x, struct error *err)
{
	/* Any 30 days that include today or touch it: from 29 days back to 29 ahead. */
	static const char sql[] =
	        "SELECT pe.id, pe.name, m.held_on FROM attendance a"
	        " JOIN meeting m ON m.id = a.meeting_id JOIN person pe ON pe.id = a.person_id"
	        " WHERE m.status <> 'cancelled' AND m.held_on >= :from AND m.held_on <= :to"
	        " AND a.role NOT IN ('commissioner', 'facilitator', 'provider')"
	        " AND pe.anonymised = 0" RULES_SCOPE " ORDER BY pe.id, m.held_on, m.id";
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_scope_people, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":from", x->today - 29);
	rules_bind_date(st, ":to", x->today + 29);
	struct rules_people_sessions p = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (p.name && p.person_id != id && !rules_people_fatigue_emit(x, &p))
			break;
		if (!p.name) {
			p.person_id = id;
			p.name = mem_strdup(rules_text(st, 1) ? rules_text(st, 1) : "");
		}
		if (p.count == p.cap) {
			p.cap = p.cap ? p.cap * 2 : 16;
			p.days = mem_realloc(p.days, p.cap * sizeof *p.days);
		}
		p.days[p.count++] = rules_date(st, 2);
	}
	if (rc == SQLITE_DONE && p.name)
		rules_people_fatigue_emit(x, &p);
	free(p.name);
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
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_scope_people, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":cutoff",
	                x->today - (int32_t)config_int(x->config, "retention.inactive_days"));
	return rules_each_row(x, st, rules_people_retention_message, err);
}
