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
	static const char meetings_sql[] =
	        "SELECT count(DISTINCT m.id) FROM attendance a JOIN meeting m ON m.id = "
	        "a.meeting_id"
	        " WHERE m.status = 'held' AND m.held_on > :from AND m.held_on <= :today"
	        " AND " RULES_USER_PRESENT RULES_SCOPE;
	static const char people_sql[] =
	        "SELECT pe.id, pe.name, count(*) AS n FROM attendance a"
	        " JOIN meeting m ON m.id = a.meeting_id JOIN person pe ON pe.id = a.person_id"
	        " WHERE m.status = 'held' AND m.held_on > :from AND m.held_on <= :today"
	        " AND " RULES_USER_PRESENT RULES_SCOPE
	        " GROUP BY pe.id ORDER BY n DESC, pe.name COLLATE NOCASE, pe.id";
	const struct config *c = x->config;
	int32_t from = x->today - (int32_t)config_int(c, "representation.window_days");
	int64_t top_n = config_int(c, "representation.top_n");
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, meetings_sql, &rules_people_group_scope, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":from", from);
	int rc = sqlite3_step(st);
	int64_t meetings = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	code = rules_done(x, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
	if (code != ERROR_NONE || meetings < config_int(c, "representation.min_meetings"))
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
	/* When each person in scope first took part anywhere, and last took part in scope. */
	static const char sql[] =
	        "SELECT pe.id, pe.name, min(coalesce(pe.first_involved_on, '9999-12-31'),"
	        "  (SELECT min(m2.held_on) FROM attendance a2 JOIN meeting m2 ON m2.id = "
	        "a2.meeting_id"
	        "   WHERE a2.person_id = pe.id AND m2.status = 'held' AND a2.attended = 1"
	        "   AND a2.role IN ('service_user', 'carer'))) AS first,"
	        " max(m.held_on) AS last"
	        " FROM attendance a JOIN meeting m ON m.id = a.meeting_id"
	        " JOIN person pe ON pe.id = a.person_id"
	        " WHERE m.status = 'held' AND m.held_on <= :today AND " RULES_USER_PRESENT
	                RULES_SCOPE
	        " GROUP BY pe.id ORDER BY first DESC, pe.name COLLATE NOCASE, pe.id";
	int days = (int)config_int(x->config, "representation.newcomer_days");
	int32_t from = x->today - days;
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_people_group_scope, &st, err);
	if (!st)
		return code;
	char *newest = NULL, *newest_on = NULL;
	bool active = false, fresh = false;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int32_t first = rules_date(st, 2);
		if (!newest) {
			const char *name = rules_text(st, 1);
			newest = mem_strdup(name ? name : "");
			newest_on = mem_strdup(rules_text(st, 2) ? rules_text(st, 2) : "");
			fresh = first != DATE_NONE && first > from;
		}
		active |= rules_date(st, 3) > from;
	}
	code = rules_done(x, st, rc, err);
	if (code == ERROR_NONE && active && !fresh) {
		char *title = rules_scope_title(x);
		char *where = rules_people_where(title);
		char *msg =
		        mem_printf("Reach out to new service users and carers%s: no one new has "
		                   "taken part in the last %d days (the newest, %s, first took "
		                   "part on %s).",
		                   where, days, newest, newest_on);
		struct finding f;
		rules_finding_init(&f);
		rules_scope_finding(x, &f, title);
		f.message = msg;
		rules_emit(x, &f);
		free(msg);
		free(where);
		free(title);
	}
	free(newest);
	free(newest_on);
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
	 * The last sign of involvement: a meeting, feedback, a payment, or the
	 * first involvement recorded. Someone with none of these has no date to
	 * judge by and is left alone.
	 */
	static const char sql[] =
	        "SELECT NULL, NULL, NULL, NULL, NULL, NULL, id, name, last FROM"
	        " (SELECT pe.id AS id, pe.name AS name, max(coalesce(pe.first_involved_on, ''),"
	        "  coalesce((SELECT max(m.held_on) FROM attendance a"
	        "   JOIN meeting m ON m.id = a.meeting_id WHERE a.person_id = pe.id"
	        "   AND m.status <> 'cancelled' AND m.held_on <= :today), ''),"
	        "  coalesce((SELECT max(f.given_on) FROM feedback f WHERE f.person_id = pe.id), "
	        "''),"
	        "  coalesce((SELECT max(coalesce(pay.paid_on, pay.claimed_on, '')) FROM payment pay"
	        "   WHERE pay.person_id = pe.id), '')) AS last"
	        "  FROM person pe WHERE pe.anonymised = 0" RULES_SCOPE ")"
	        " WHERE last <> '' AND last <= :cutoff ORDER BY last, name COLLATE NOCASE, id";
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_scope_people, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":cutoff",
	                x->today - (int32_t)config_int(x->config, "retention.inactive_days"));
	return rules_each_row(x, st, rules_people_retention_message, err);
}
