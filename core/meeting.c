/* SPDX-License-Identifier: GPL-3.0-or-later */
/* meeting: the field table and queries of meeting records. */
#include "meeting.h"

#include <sqlite3.h>

#include "vocab.h"

static const struct choice meeting_statuses[] = {
	{ "planned", "planned" },
	{ "held", "held" },
	{ "cancelled", "cancelled" },
	{ NULL, NULL },
};

static const struct choice meeting_methods[] = {
	{ "meeting", "meeting" }, { "workshop", "workshop" },
	{ "survey", "survey" },   { "one_to_one", "one-to-one" },
	{ "panel", "panel" },     { "visit", "visit" },
	{ "other", "other" },     { NULL, NULL },
};

static const struct field meeting_fields[] = {
	FIELD_REF_DEF(meeting, project_id, "project", "project", FIELD_REQUIRED,
	              "The project it belongs to."),
	FIELD_CHOICES(meeting, stage, "stage", FIELD_CHOICE, vocab_stages, 0,
	              "The stage of the cycle it is part of."),
	FIELD_DEF(meeting, title, "title", FIELD_TEXT, FIELD_REQUIRED,
	          "What it is called, for example Carers' forum."),
	FIELD_DEF(meeting, held_on, "date held", FIELD_DATE, FIELD_REQUIRED,
	          "The date it was or will be held."),
	FIELD_CHOICES(meeting, status, "status", FIELD_CHOICE, meeting_statuses, 0,
	              "Planned, held or cancelled."),
	FIELD_CHOICES(meeting, method, "method", FIELD_CHOICE, meeting_methods, 0,
	              "Meeting, workshop, survey, one-to-one, panel, visit or other."),
	FIELD_DEF(meeting, level, "level of involvement", FIELD_TEXT, FIELD_LEVEL,
	          "How far users could shape things, from the configured ladder, for example "
	          "consulting or co-producing."),
	FIELD_DEF(meeting, purpose, "purpose", FIELD_TEXT, FIELD_MULTILINE,
	          "Why it is held and what it should achieve."),
	FIELD_DEF(meeting, open_to_change, "open to change", FIELD_TEXT,
	          FIELD_MULTILINE | FIELD_PHRASE, "What can change because of what people say."),
	FIELD_DEF(meeting, not_open_to_change, "not open to change", FIELD_TEXT,
	          FIELD_MULTILINE | FIELD_PHRASE, "What cannot change, and why."),
	FIELD_DEF(meeting, venue, "venue", FIELD_TEXT, 0, "Where it is held."),
	FIELD_DEF(meeting, venue_accessible, "venue accessible", FIELD_BOOL, FIELD_PHRASE,
	          "Yes if the venue is accessible to everyone invited."),
	FIELD_DEF(meeting, papers_sent_on, "papers sent", FIELD_DATE, FIELD_PHRASE,
	          "When the papers were sent to participants."),
	FIELD_DEF(meeting, convenor, "convenor", FIELD_TEXT, 0,
	          "Who convenes it, and who to contact about it."),
	FIELD_DEF(meeting, notes, "notes", FIELD_TEXT, FIELD_MULTILINE, "What happened, in brief."),
	FIELD_DEF(meeting, feedback_due_on, "feedback due", FIELD_DATE, FIELD_PHRASE,
	          "When participants must be told what came of what they said; worked out from the "
	          "date held unless set by hand."),
	FIELD_DEF(meeting, feedback_due_fixed, "feedback due set by hand", FIELD_BOOL,
	          FIELD_REQUIRED | FIELD_INTERNAL | FIELD_PHRASE,
	          "Yes when the feedback due date was set by hand."),
	FIELD_REF_DEF(meeting, decision_id, "decision", "decision", 0,
	              "The decision it fed into, if any."),
	FIELD_REF_DEF(meeting, group_id, "group", "groups", 0, "The group that met, if any."),
};

static void meeting_defaults(void *rec)
{
	struct meeting *p = rec;
	p->feedback_due_fixed = 0;
	p->status = MEETING_PLANNED;
}

static struct calendar meeting_due_calendar;
static int meeting_due_days = 20;

void meeting_set_due_policy(const struct calendar *cal, int due_days)
{
	calendar_free(&meeting_due_calendar);
	for (size_t i = 0; cal && i < cal->count; i++)
		calendar_add(&meeting_due_calendar, cal->holidays[i]);
	meeting_due_days = due_days;
}

int32_t meeting_due_for(const char *held_on)
{
	int32_t day;
	if (date_parse(held_on, &day, NULL) != ERROR_NONE)
		return DATE_NONE;
	return date_add_working_days(day, meeting_due_days, &meeting_due_calendar);
}

/* Keep the derived due date in step with the date held before every write. */
static void meeting_prepare(void *rec)
{
	struct meeting *m = rec;
	if (!m->feedback_due_fixed)
		date_format(meeting_due_for(m->held_on), m->feedback_due_on);
}

enum error_code meeting_refresh_due_dates(struct store *s, int *changed, struct error *err)
{
	int moved = 0;
	sqlite3_stmt *days = store_prepare_fresh(
	        s, "SELECT DISTINCT held_on FROM meeting WHERE feedback_due_fixed = 0", err);
	if (!days)
		return err ? err->code : ERROR_IO;
	enum error_code code = store_begin(s, err);
	int rc = SQLITE_DONE;
	while (code == ERROR_NONE && (rc = sqlite3_step(days)) == SQLITE_ROW) {
		const char *held = (const char *)sqlite3_column_text(days, 0);
		char due[DATE_TEXT_SIZE];
		date_format(meeting_due_for(held), due);
		sqlite3_stmt *up = store_prepare(
		        s,
		        "UPDATE meeting SET feedback_due_on = ?, updated_at = ? WHERE held_on = ? "
		        "AND feedback_due_fixed = 0 AND feedback_due_on IS NOT ?",
		        err);
		if (!up) {
			code = err ? err->code : ERROR_IO;
			break;
		}
		char now[STORE_TIME_SIZE];
		store_now(now);
		sqlite3_bind_text(up, 1, due[0] ? due : NULL, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 2, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 3, held, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 4, due[0] ? due : NULL, -1, SQLITE_TRANSIENT);
		int urc = sqlite3_step(up);
		sqlite3_reset(up);
		if (urc != SQLITE_DONE)
			code = store_fail(s, urc, "updating feedback due dates", err);
		else
			moved += sqlite3_changes(store_db(s));
	}
	if (code == ERROR_NONE && rc != SQLITE_DONE)
		code = store_fail(s, rc, "updating feedback due dates", err);
	sqlite3_finalize(days);
	if (code == ERROR_NONE)
		code = store_commit(s, err);
	else
		store_rollback(s);
	if (changed)
		*changed = code == ERROR_NONE ? moved : 0;
	return code;
}

int64_t meeting_find(struct store *s, const char *title, const char *held_on)
{
	return record_lookup(s,
	                     "SELECT id FROM meeting WHERE title = ? COLLATE NOCASE AND held_on = "
	                     "? ORDER BY created_at LIMIT 1",
	                     "tt", title, held_on);
}

const struct record_kind meeting_kind = {
	.table = "meeting",
	.noun = "meeting",
	.plural = "meetings",
	.size = sizeof(struct meeting),
	.fields = meeting_fields,
	.nfields = sizeof meeting_fields / sizeof *meeting_fields,
	.name_field = "title",
	.order = "held_on",
	.order_desc = true,
	.defaults = meeting_defaults,
	.prepare = meeting_prepare,
};
