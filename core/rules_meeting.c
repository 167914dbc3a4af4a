/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_meeting: lone voices, unclear purpose, late papers, unmet support needs, jargon. */
#include "rules_meeting.h"

#include <ctype.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "mem.h"
#include "text.h"

/* Findings about a meeting as a whole: no person scope. */
static const struct rules_scope_sql rules_meeting_scope = {
	.project = "m.project_id = :scope_id",
	.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
	.meeting = "m.id = :scope_id",
};

static char *rules_meeting_lone_message(struct rules_run *x, struct sqlite3_stmt *st,
                                        struct finding *f)
{
	int64_t min = config_int(x->config, "representation.min_users");
	int64_t n = sqlite3_column_int64(st, RULES_ROW_COLUMNS);
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	if (n != 1) {
		f->person_id = 0;
		f->person = NULL;
	}
	if (n == 0)
		return mem_printf("Involve at least %" PRId64
		                  " service users or carers in meetings "
		                  "like %s (%s): none took part.",
		                  min, f->meeting, held);
	if (n == 1)
		return mem_printf("Involve at least %" PRId64
		                  " service users or carers in meetings "
		                  "like %s (%s), so no one is a lone voice: only %s took part.",
		                  min, f->meeting, held, f->person);
	return mem_printf("Involve at least %" PRId64
	                  " service users or carers in meetings like %s "
	                  "(%s), so no one is a lone voice: only %" PRId64 " took part.",
	                  min, f->meeting, held, n);
}

enum error_code rules_meeting_lone_voice(struct rules_run *x, struct error *err)
{
	/*
	 * The held meetings with too few users: for each, no more than :min of
	 * its users are counted (from the attendance_meeting index), which is
	 * enough to tell; only the few with too few have theirs counted in full
	 * and a lone one named.
	 */
	static const char sql[] =
	        "WITH held AS MATERIALIZED (SELECT m.id FROM meeting m WHERE m.status = "
	        "'held'" RULES_SCOPE "),"
	        " lone AS MATERIALIZED (SELECT held.id FROM held WHERE (SELECT count(*) FROM"
	        "  (SELECT 1 FROM attendance a WHERE a.meeting_id = held.id"
	        "   AND " RULES_USER_PRESENT " LIMIT :min)) < :min),"
	        " u AS MATERIALIZED (SELECT lone.id, count(a.person_id) AS n,"
	        "  max(a.person_id) AS one FROM lone LEFT JOIN attendance a"
	        "  ON a.meeting_id = lone.id AND " RULES_USER_PRESENT " GROUP BY lone.id)"
	        " SELECT p.id, p.title, m.stage, m.id, m.title, m.held_on, pe.id, pe.name, u.n"
	        " FROM u CROSS JOIN meeting m" RULES_MEETING_BRIEF " ON m.id = u.id"
	        " JOIN project p ON p.id = m.project_id"
	        " LEFT JOIN person pe" RULES_PERSON_BRIEF
	        " ON pe.id = u.one ORDER BY m.held_on, m.id";
	static const struct rules_scope_sql scope = {
		.project = "m.project_id = :scope_id",
		.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
		.meeting = "m.id = :scope_id",
		.person = "m.id IN (SELECT sa.meeting_id FROM attendance sa"
		          " WHERE sa.person_id = :scope_id AND sa.attended = 1"
		          " AND sa.role IN ('service_user', 'carer'))",
	};
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &scope, &st, err);
	if (!st)
		return code;
	rules_bind_int(st, ":min", config_int(x->config, "representation.min_users"));
	return rules_each_row(x, st, rules_meeting_lone_message, err);
}

static char *rules_meeting_purpose_message(struct rules_run *x, struct sqlite3_stmt *st,
                                           struct finding *f)
{
	(void)x;
	bool purpose = text_blank(rules_text(st, RULES_ROW_COLUMNS));
	bool open = text_blank(rules_text(st, RULES_ROW_COLUMNS + 1));
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	return mem_printf("Record %s%s%s of %s (%s), so people know why they came and what they "
	                  "could change.",
	                  purpose ? "the purpose" : "", purpose && open ? " and " : "",
	                  open ? "what was open to change" : "", f->meeting, held);
}

enum error_code rules_meeting_purpose_unclear(struct rules_run *x, struct error *err)
{
	/*
	 * Over everything, the meeting_unclear index holds just these meetings,
	 * in date order: its condition is this query's, word for word (or SQLite
	 * will not use it).
	 */
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING ", m.purpose, m.open_to_change"
	        " FROM meeting m" RULES_ALL_ONLY " INDEXED BY meeting_unclear" RULES_ONLY_END
	        " JOIN project p ON p.id = m.project_id WHERE m.status = 'held'"
	        " AND (" RULES_BLANK("m.purpose") " OR " RULES_BLANK(
	                "m.open_to_change") ")" RULES_SCOPE " ORDER BY m.held_on, m.id";
	return rules_query(x, sql, &rules_meeting_scope, rules_meeting_purpose_message, err);
}

static char *rules_meeting_papers_message(struct rules_run *x, struct sqlite3_stmt *st,
                                          struct finding *f)
{
	int notice = (int)config_int(x->config, "papers.notice_days");
	const char *status = rules_text(st, RULES_ROW_COLUMNS);
	int32_t sent = rules_date(st, RULES_ROW_COLUMNS + 1);
	char held[DATE_TEXT_SIZE], on[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	date_format(sent, on);
	if (status && strcmp(status, "planned") == 0) {
		f->due = f->held_on - notice;
		char *due = rules_due_text(f->due, f->due - x->today);
		char *msg = mem_printf("Send the papers for %s (%s), in each person's own format, "
		                       "so people have time to prepare: %s.",
		                       f->meeting, held, due);
		free(due);
		return msg;
	}
	if (sent == DATE_NONE)
		return mem_printf("Send papers at least %d days before meetings like %s (%s): none "
		                  "were recorded as sent.",
		                  notice, f->meeting, held);
	int before = f->held_on - sent;
	if (before <= 0)
		return mem_printf("Send papers at least %d days before meetings like %s (%s): they "
		                  "went out on %s, %s.",
		                  notice, f->meeting, held, on,
		                  before == 0 ? "the day itself" : "after it was held");
	return mem_printf("Send papers at least %d days before meetings like %s (%s): they went "
	                  "out on %s, only %d day%s before.",
	                  notice, f->meeting, held, on, before, before == 1 ? "" : "s");
}

enum error_code rules_meeting_papers_late(struct rules_run *x, struct error *err)
{
	/*
	 * Planned meetings count once the last day to send papers has passed.
	 * Over everything, the slim copy of the meetings straight through.
	 */
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING ", m.status, m.papers_sent_on"
	        " FROM meeting m" RULES_MEETING_BRIEF " JOIN project p ON p.id = m.project_id"
	        " WHERE (+m.status = 'held' OR (+m.status = 'planned' AND m.held_on < :soon))"
	        " AND (m.papers_sent_on IS NULL OR m.papers_sent_on > date(m.held_on, "
	        ":before))" RULES_SCOPE " ORDER BY m.held_on, m.id";
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_meeting_scope, &st, err);
	if (!st)
		return code;
	int notice = (int)config_int(x->config, "papers.notice_days");
	rules_bind_date(st, ":soon", x->today + notice);
	char *before = mem_printf("-%d days", notice);
	rules_bind_text(st, ":before", before);
	free(before);
	return rules_each_row(x, st, rules_meeting_papers_message, err);
}

static char *rules_meeting_needs_message(struct rules_run *x, struct sqlite3_stmt *st,
                                         struct finding *f)
{
	(void)x;
	const char *needs = rules_text(st, RULES_ROW_COLUMNS);
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	if (text_blank(needs))
		return mem_printf("Put right the support %s needed at %s (%s), which was not met, "
		                  "and plan it for their next meeting.",
		                  f->person, f->meeting, held);
	char *what = rules_excerpt(needs, 60);
	char *msg = mem_printf("Put right the support %s needed at %s (%s), which was not met "
	                       "(%s), and plan it for their next meeting.",
	                       f->person, f->meeting, held, what);
	free(what);
	return msg;
}

enum error_code rules_meeting_needs_unmet(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING_PERSON ", pe.support_needs"
	        " FROM attendance a JOIN meeting m" RULES_MEETING_BRIEF " ON m.id = a.meeting_id"
	        " JOIN project p ON p.id = m.project_id JOIN person pe ON pe.id = a.person_id"
	        " WHERE a.needs_met = 0 AND m.status <> 'cancelled'" RULES_SCOPE
	        " ORDER BY m.held_on, m.id, pe.name COLLATE NOCASE, pe.id";
	return rules_query(x, sql, &rules_scope_meeting, rules_meeting_needs_message, err);
}

/* True when a term written in capitals and digits (an abbreviation: JSNA, SLA). */
static bool rules_meeting_abbreviation(const char *term)
{
	bool letter = false;
	for (const char *c = term; *c; c++) {
		if (isupper((unsigned char)*c))
			letter = true;
		else if (!isdigit((unsigned char)*c))
			return false;
	}
	return letter;
}

/* A copy of s with every byte folded as strcasestr folds it (tolower). Caller frees. */
static char *rules_meeting_lower(const char *s)
{
	char *out = mem_strdup(s);
	for (char *c = out; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return out;
}

/*
 * Does text use term? A term must start a word. An abbreviation must match
 * its case and end the word (or take a plural s): "SLA" and "SLAs", never the
 * "sla" in "translation". Other terms match in any case and may run on:
 * "decommission" finds "decommissioning". lower is text folded by
 * rules_meeting_lower, where a term in any case is found by its folded
 * words (strstr is much quicker than strcasestr on long notes).
 */
static bool rules_meeting_uses(const char *text, const char *lower, const char *term)
{
	size_t n = strlen(term);
	if (!n)
		return false;
	bool abbr = rules_meeting_abbreviation(term);
	char *folded = abbr ? NULL : rules_meeting_lower(term);
	const char *hay = abbr ? text : lower;
	bool found = false;
	for (const char *at = hay; !found && (at = strstr(at, abbr ? term : folded)); at++) {
		const char *in = text + (at - hay);
		if (in > text && isalnum((unsigned char)in[-1]))
			continue;
		const char *end = in + n;
		if (abbr && *end == 's')
			end++;
		found = !abbr || !isalnum((unsigned char)*end);
	}
	free(folded);
	return found;
}

/*
 * Does text hold plain in any case, as text_contains judges? *folded is text
 * through text_fold, made on the first call for this text (a term used is
 * rare, so most meetings never need it); the caller frees it.
 */
static bool rules_meeting_explains(const char *text, char **folded, const char *plain)
{
	if (!*folded)
		*folded = text_fold(text);
	char *needle = text_fold(plain);
	bool found = strstr(*folded, needle) != NULL;
	free(needle);
	return found;
}

static char *rules_meeting_jargon_message(struct rules_run *x, struct sqlite3_stmt *st,
                                          struct finding *f)
{
	const char *purpose = rules_text(st, RULES_ROW_COLUMNS);
	const char *notes = rules_text(st, RULES_ROW_COLUMNS + 1);
	/* "purpose\nnotes", put together by hand: printf is slow with long notes. */
	size_t np = purpose ? strlen(purpose) : 0, nn = notes ? strlen(notes) : 0;
	char *text = mem_alloc(np + nn + 2);
	memcpy(text, purpose ? purpose : "", np);
	text[np] = '\n';
	memcpy(text + np + 1, notes ? notes : "", nn + 1);
	char *lower = rules_meeting_lower(text), *folded = NULL;
	size_t count = config_jargon_count(x->config), n = 0;
	char *list = mem_strdup("");
	for (size_t i = 0; i < count; i++) {
		const char *term = config_jargon_term(x->config, i);
		const char *plain = config_jargon_plain(x->config, i);
		if (!rules_meeting_uses(text, lower, term) ||
		    rules_meeting_explains(text, &folded, plain))
			continue;
		char *next = mem_printf("%s%s%s (%s)", list, n ? ", " : "", term, plain);
		free(list);
		list = next;
		n++;
	}
	free(folded);
	free(lower);
	free(text);
	if (!n) {
		free(list);
		return NULL;
	}
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	char *msg = mem_printf("Explain in plain words, in the purpose or notes of %s (%s): %s.",
	                       f->meeting, held, list);
	free(list);
	return msg;
}

/* A meeting whose jargon goes unexplained, kept until every meeting has been read. */
struct rules_meeting_found {
	struct finding f;          /* its strings are the copies below */
	char held[DATE_TEXT_SIZE]; /* the day as stored, which orders findings */
	char *project, *meeting, *message;
};

/* Findings in date order (as stored), then by meeting. */
static int rules_meeting_found_cmp(const void *pa, const void *pb)
{
	const struct rules_meeting_found *a = pa, *b = pb;
	int c = strcmp(a->held, b->held);
	return c ? c : (a->f.meeting_id > b->f.meeting_id) - (a->f.meeting_id < b->f.meeting_id);
}

enum error_code rules_meeting_jargon(struct rules_run *x, struct error *err)
{
	if (!config_jargon_count(x->config))
		return ERROR_NONE;
	/*
	 * Every meeting's purpose and notes are read, so over everything the
	 * table is read straight through rather than in date order (a lookup per
	 * meeting); the few meetings that use jargon are kept and put in date
	 * order here.
	 */
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING ", m.purpose, m.notes"
	        " FROM meeting m" RULES_SCAN " JOIN project p ON p.id = m.project_id"
	        " WHERE m.status <> 'cancelled'"
	        " AND (m.purpose IS NOT NULL OR m.notes IS NOT NULL)" RULES_SCOPE;
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_meeting_scope, &st, err);
	if (!st)
		return code;
	struct rules_meeting_found *found = NULL;
	size_t n = 0, room = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct finding f;
		rules_finding_init(&f);
		rules_row(st, &f);
		char *msg = rules_meeting_jargon_message(x, st, &f);
		if (!msg)
			continue;
		mem_grow((void **)&found, &room, n + 1, sizeof *found);
		struct rules_meeting_found *k = &found[n++];
		k->f = f;
		snprintf(k->held, sizeof k->held, "%s", rules_text(st, 5) ? rules_text(st, 5) : "");
		k->project = f.project ? mem_strdup(f.project) : NULL;
		k->meeting = f.meeting ? mem_strdup(f.meeting) : NULL;
		k->message = msg;
	}
	code = rules_done(x, st, rc, err);
	if (code == ERROR_NONE)
		mem_sort(found, n, sizeof *found, rules_meeting_found_cmp);
	bool go = code == ERROR_NONE;
	for (size_t i = 0; i < n; i++) {
		struct rules_meeting_found *k = &found[i];
		k->f.project = k->project;
		k->f.meeting = k->meeting;
		k->f.message = k->message;
		if (go)
			go = rules_emit(x, &k->f);
		free(k->project);
		free(k->meeting);
		free(k->message);
	}
	free(found);
	return code;
}
