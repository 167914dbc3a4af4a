/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_feedback: feedback overdue and due soon, answers without reasons, unanswered points,
 * format. */
#include "rules_feedback.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "mem.h"
#include "text.h"
#include "vocab.h"

/*
 * People owed feedback on a held meeting whose due date lies in [:from, :to]:
 * the service users and carers at the meetings due (attendance_meeting index)
 * less those told (feedback's meeting and person index), both read in
 * (meeting, person) order and merged (EXCEPT ... ORDER BY; LIMIT -1 keeps the
 * order, which the planner would otherwise drop and sort instead), so no
 * table row is read until only the few pairs left are. Both sides keep to
 * the meetings due, looked up one by one, when they are few: feedback due
 * soon, or any run narrowed to a scope; for feedback overdue over everything
 * (nearly every past meeting) the text between in_due and end is left out,
 * and both indexes are read straight through. A person's scope also narrows
 * the people.
 */
#define RULES_FEEDBACK_OWED_SQL(in_due, end)                                                       \
	"WITH due AS MATERIALIZED (SELECT m.id FROM meeting m WHERE m.status = 'held'"             \
	"  AND m.feedback_due_on >= :from AND m.feedback_due_on <= :to" RULES_SCOPE "),"           \
	" owed AS MATERIALIZED (SELECT a.meeting_id, a.person_id FROM attendance a"                \
	"  WHERE " RULES_USER_PRESENT in_due " AND a.meeting_id IN due" end                        \
	"  AND (:scope_person = 0 OR a.person_id = :scope_person)"                                 \
	"  EXCEPT SELECT f.meeting_id, f.person_id FROM feedback f"                                \
	"  WHERE 1" in_due " AND f.meeting_id IN due" end " ORDER BY 1, 2 LIMIT -1)"               \
	" SELECT " RULES_ROW_MEETING_PERSON ", m.feedback_due_on, pe.preferred_format,"            \
	" pe.language FROM owed CROSS JOIN meeting m" RULES_MEETING_BRIEF                          \
	" ON m.id = owed.meeting_id JOIN project p ON p.id = m.project_id"                         \
	" JOIN person pe" RULES_PERSON_BRIEF " ON pe.id = owed.person_id"                          \
	" WHERE m.status = 'held' AND m.feedback_due_on >= :from AND m.feedback_due_on <= :to"     \
	" AND pe.anonymised = 0"                                                                   \
	" ORDER BY m.feedback_due_on, m.held_on, m.id, pe.name COLLATE NOCASE, pe.id"
static const char rules_feedback_overdue_sql[] =
        RULES_FEEDBACK_OWED_SQL(RULES_NARROWED_ONLY, RULES_ONLY_END);
static const char rules_feedback_soon_sql[] = RULES_FEEDBACK_OWED_SQL("", "");

/* The meetings a feedback query looks at, for each kind of scope. */
static const struct rules_scope_sql rules_feedback_scope = {
	.project = "m.id IN (SELECT sm.id FROM meeting sm WHERE sm.project_id = :scope_id)",
	.stage = "m.id IN (SELECT sm.id FROM meeting sm WHERE sm.project_id = :scope_id"
	         " AND sm.stage = :scope_stage)",
	.meeting = "m.id = :scope_id",
	.person =
	        "m.id IN (SELECT sa.meeting_id FROM attendance sa WHERE sa.person_id = :scope_id)",
};

/*
 * The words after "in" for a format: its label ("easy read"), or for a
 * translation the person's language ("Polish", else "their own language").
 */
static const char *rules_feedback_format(const char *key, const char *language)
{
	if (key && strcmp(key, "translated") == 0)
		return text_blank(language) ? "their own language" : language;
	return rules_choice_label(vocab_formats, key);
}

/* "Tell Ann B. what came of Day services workshop (2026-10-01), in easy read: due ...". */
static char *rules_feedback_owed_message(struct rules_run *x, struct sqlite3_stmt *st,
                                         struct finding *f)
{
	f->due = rules_date(st, RULES_ROW_COLUMNS);
	const char *format = rules_text(st, RULES_ROW_COLUMNS + 1);
	f->format = rules_feedback_format(format, rules_text(st, RULES_ROW_COLUMNS + 2));
	bool standard = !format || strcmp(format, "standard") == 0;
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	char *due = rules_due_text(f->due, f->due - x->today);
	char *msg = mem_printf("Tell %s what came of %s (%s)%s%s: %s.", f->person, f->meeting, held,
	                       standard ? "" : ", in ", standard ? "" : f->format, due);
	free(due);
	return msg;
}

/* Emit one finding per person owed feedback due from..to ("" from: any time before). */
static enum error_code rules_feedback_owed(struct rules_run *x, const char *sql, const char *from,
                                           int32_t to, struct error *err)
{
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_feedback_scope, &st, err);
	if (!st)
		return code;
	rules_bind_text(st, ":from", from);
	rules_bind_date(st, ":to", to);
	return rules_each_row(x, st, rules_feedback_owed_message, err);
}

enum error_code rules_feedback_overdue(struct rules_run *x, struct error *err)
{
	return rules_feedback_owed(x, rules_feedback_overdue_sql, "", x->today - 1, err);
}

enum error_code rules_feedback_due_soon(struct rules_run *x, struct error *err)
{
	int within = x->opt->feedback_within >= 0
	                     ? x->opt->feedback_within
	                     : (int)config_int(x->config, "feedback.warn_days");
	return rules_feedback_owed(x, rules_feedback_soon_sql, x->today_text, x->today + within,
	                           err);
}

/* Contributions (c) of meetings (m): a person's scope is what they said. */
static const struct rules_scope_sql rules_feedback_said_scope = {
	.project = "m.project_id = :scope_id",
	.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
	.meeting = "m.id = :scope_id",
	.person = "c.person_id = :scope_id",
};

/* "Ann B. at Day services workshop, 2026-10-01"; caller frees. */
static char *rules_feedback_who(const struct finding *f)
{
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	return mem_printf("%s at %s, %s", f->person ? f->person : "said anonymously", f->meeting,
	                  held);
}

static char *rules_feedback_missing_reason_message(struct rules_run *x, struct sqlite3_stmt *st,
                                                   struct finding *f)
{
	(void)x;
	const char *response = rules_text(st, RULES_ROW_COLUMNS);
	char *said = rules_excerpt(rules_text(st, RULES_ROW_COLUMNS + 1), 50);
	char *who = rules_feedback_who(f);
	char *msg = mem_printf(
	        "Say why the answer to \"%s\" (%s) was \"%s\": record the reason, "
	        "so people hear what is not possible and why.",
	        said, who, response && strcmp(response, "partly") == 0 ? "partly" : "not possible");
	free(who);
	free(said);
	return msg;
}

enum error_code rules_feedback_missing_reason(struct rules_run *x, struct error *err)
{
	/*
	 * The contribution_unexplained index holds just these contributions: its
	 * condition is this query's first two, word for word (or SQLite will not
	 * use it).
	 */
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING_PERSON ", c.response, c.said"
	        " FROM contribution c JOIN meeting m" RULES_MEETING_BRIEF " ON m.id = c.meeting_id"
	        " JOIN project p ON p.id = m.project_id"
	        " LEFT JOIN person pe" RULES_PERSON_BRIEF " ON pe.id = c.person_id"
	        " WHERE (c.response = 'partly' OR c.response = 'not_possible')"
	        " AND " RULES_BLANK("c.reason") RULES_SCOPE
	        " ORDER BY m.held_on, m.id, c.created_at, c.id";
	return rules_query(x, sql, &rules_feedback_said_scope,
	                   rules_feedback_missing_reason_message, err);
}

static char *rules_feedback_unanswered_message(struct rules_run *x, struct sqlite3_stmt *st,
                                               struct finding *f)
{
	f->due = rules_date(st, RULES_ROW_COLUMNS);
	char *said = rules_excerpt(rules_text(st, RULES_ROW_COLUMNS + 1), 50);
	char *who = rules_feedback_who(f);
	char *due = rules_due_text(f->due, f->due - x->today);
	char *msg = mem_printf("Answer \"%s\" (%s) so the feedback can say what came of it: "
	                       "feedback %s.",
	                       said, who, due);
	free(due);
	free(who);
	free(said);
	return msg;
}

enum error_code rules_feedback_unanswered(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING_PERSON ", m.feedback_due_on, c.said"
	        " FROM contribution c JOIN meeting m" RULES_MEETING_BRIEF " ON m.id = c.meeting_id"
	        " JOIN project p ON p.id = m.project_id"
	        " LEFT JOIN person pe" RULES_PERSON_BRIEF " ON pe.id = c.person_id"
	        " WHERE c.response = 'pending' AND +m.status = 'held'"
	        " AND m.feedback_due_on <= :today" RULES_SCOPE
	        " ORDER BY m.feedback_due_on, m.held_on, m.id, c.created_at, c.id";
	return rules_query(x, sql, &rules_feedback_said_scope, rules_feedback_unanswered_message,
	                   err);
}

static char *rules_feedback_wrong_format_message(struct rules_run *x, struct sqlite3_stmt *st,
                                                 struct finding *f)
{
	(void)x;
	const char *language = rules_text(st, RULES_ROW_COLUMNS + 3);
	const char *given = rules_choice_label(vocab_formats, rules_text(st, RULES_ROW_COLUMNS));
	f->format = rules_feedback_format(rules_text(st, RULES_ROW_COLUMNS + 1), language);
	const char *on = rules_text(st, RULES_ROW_COLUMNS + 2);
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	return mem_printf("Give %s what came of %s (%s) again, in %s: it was given in %s on %s.",
	                  f->person, f->meeting, held, f->format, given, on ? on : "");
}

enum error_code rules_feedback_wrong_format(struct rules_run *x, struct error *err)
{
	/*
	 * Over everything, person by person: the feedback_person index holds
	 * each person's formats, so only feedback given in another format than
	 * theirs is read in full.
	 */
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING_PERSON ", f.format, pe.preferred_format, f.given_on,"
	        " pe.language FROM person pe" RULES_PERSON_BRIEF RULES_CROSS
	        " JOIN feedback f ON f.person_id = pe.id JOIN meeting m" RULES_MEETING_BRIEF
	        " ON m.id = f.meeting_id JOIN project p ON p.id = m.project_id"
	        " WHERE f.format <> pe.preferred_format AND pe.anonymised = 0" RULES_SCOPE
	        " ORDER BY f.given_on, m.held_on, m.id, pe.name COLLATE NOCASE, pe.id";
	return rules_query(x, sql, &rules_scope_meeting, rules_feedback_wrong_format_message, err);
}
