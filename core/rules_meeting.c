/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_meeting: lone voices, unclear purpose, late papers, unmet support needs, jargon. */
#include "rules_meeting.h"

#include <ctype.h>
#include <inttypes.h>
#include <sqlite3.h>
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
	/* Users at each held meeting, counted in one pass over attendance (see RULES_SCAN). */
	static const char sql[] =
	        "WITH held AS MATERIALIZED (SELECT m.id FROM meeting m WHERE m.status = "
	        "'held'" RULES_SCOPE "),"
	        " u AS MATERIALIZED (SELECT a.meeting_id, count(*) AS n, max(a.person_id) AS one"
	        "  FROM attendance a" RULES_SCAN " WHERE a.meeting_id IN (SELECT id FROM held)"
	        "  AND " RULES_USER_PRESENT " GROUP BY a.meeting_id)"
	        " SELECT p.id, p.title, m.stage, m.id, m.title, m.held_on, pe.id, pe.name,"
	        " coalesce(u.n, 0) FROM held JOIN meeting m ON m.id = held.id"
	        " JOIN project p ON p.id = m.project_id"
	        " LEFT JOIN u ON u.meeting_id = m.id LEFT JOIN person pe ON pe.id = u.one"
	        " WHERE coalesce(u.n, 0) < :min ORDER BY m.held_on, m.id";
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
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING ", m.purpose, m.open_to_change"
	        " FROM meeting m JOIN project p ON p.id = m.project_id"
	        " WHERE +m.status = 'held' AND (" RULES_BLANK("m.purpose") " OR " RULES_BLANK(
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
	/* Planned meetings count once the last day to send papers has passed. */
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING ", m.status, m.papers_sent_on"
	        " FROM meeting m JOIN project p ON p.id = m.project_id"
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
	        " FROM attendance a JOIN meeting m ON m.id = a.meeting_id"
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

/*
 * Does text use term? A term must start a word. An abbreviation must match
 * its case and end the word (or take a plural s): "SLA" and "SLAs", never the
 * "sla" in "translation". Other terms match in any case and may run on:
 * "decommission" finds "decommissioning".
 */
static bool rules_meeting_uses(const char *text, const char *term)
{
	size_t n = strlen(term);
	if (!n)
		return false;
	bool abbr = rules_meeting_abbreviation(term);
	for (const char *at = text; (at = abbr ? strstr(at, term) : strcasestr(at, term)); at++) {
		if (at > text && isalnum((unsigned char)at[-1]))
			continue;
		const char *end = at + n;
		if (!abbr)
			return true;
		if (*end == 's')
			end++;
		if (!isalnum((unsigned char)*end))
			return true;
	}
	return false;
}

static char *rules_meeting_jargon_message(struct rules_run *x, struct sqlite3_stmt *st,
                                          struct finding *f)
{
	const char *purpose = rules_text(st, RULES_ROW_COLUMNS);
	const char *notes = rules_text(st, RULES_ROW_COLUMNS + 1);
	char *text = mem_printf("%s\n%s", purpose ? purpose : "", notes ? notes : "");
	size_t count = config_jargon_count(x->config), n = 0;
	char *list = mem_strdup("");
	for (size_t i = 0; i < count; i++) {
		const char *term = config_jargon_term(x->config, i);
		const char *plain = config_jargon_plain(x->config, i);
		if (!rules_meeting_uses(text, term) || text_contains(text, plain))
			continue;
		char *next = mem_printf("%s%s%s (%s)", list, n ? ", " : "", term, plain);
		free(list);
		list = next;
		n++;
	}
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

enum error_code rules_meeting_jargon(struct rules_run *x, struct error *err)
{
	if (!config_jargon_count(x->config))
		return ERROR_NONE;
	static const char sql[] = "SELECT " RULES_ROW_MEETING ", m.purpose, m.notes"
	                          " FROM meeting m JOIN project p ON p.id = m.project_id"
	                          " WHERE m.status <> 'cancelled'"
	                          " AND (m.purpose IS NOT NULL OR m.notes IS NOT NULL)" RULES_SCOPE
	                          " ORDER BY m.held_on, m.id";
	return rules_query(x, sql, &rules_meeting_scope, rules_meeting_jargon_message, err);
}
