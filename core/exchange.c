/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exchange: the table of CSV files, their columns and natural keys. */
#include "exchange.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "action.h"
#include "attendance.h"
#include "budget_event.h"
#include "contribution.h"
#include "decision.h"
#include "feedback.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "pressure.h"
#include "project.h"
#include "stage.h"
#include "text.h"

/* Column helpers: F a field, K a field in the natural key, R a reference by natural key. */
#define F(name, field)                                                                             \
	{                                                                                          \
		name, EXCHANGE_FIELD, field, false, NULL                                           \
	}
#define K(name, field)                                                                             \
	{                                                                                          \
		name, EXCHANGE_FIELD, field, true, NULL                                            \
	}
#define R(name, type, field, key)                                                                  \
	{                                                                                          \
		name, type, field, key, NULL                                                       \
	}
#define COLUMNS(a) a, sizeof a / sizeof *a

static const struct exchange_column exchange_projects[] = {
	K("title", "title"),
	F("kind", "kind"),
	F("service_area", "service_area"),
	F("lead", "lead"),
	F("started_on", "started_on"),
	F("closed_on", "closed_on"),
};

static const struct exchange_column exchange_stages[] = {
	R("project", EXCHANGE_PROJECT, "project_id", true),
	K("stage", "stage"),
	F("status", "status"),
	F("purpose", "purpose"),
	F("users_role", "users_role"),
	F("open_to_change", "open_to_change"),
	F("not_open_to_change", "not_open_to_change"),
	F("who_decides", "who_decides"),
	F("agreed_on", "agreed_on"),
	F("agreed_with", "agreed_with"),
};

static const struct exchange_column exchange_people[] = {
	K("name", "name"),
	F("roles", "roles"),
	F("preferred_format", "preferred_format"),
	F("support_needs", "support_needs"),
	F("benefits_concern", "benefits_concern"),
	F("consent_on", "consent_on"),
	F("tags", "tags"),
};

static const struct exchange_column exchange_meetings[] = {
	R("project", EXCHANGE_PROJECT, "project_id", false),
	F("stage", "stage"),
	K("title", "title"),
	K("held_on", "held_on"),
	F("status", "status"),
	F("method", "method"),
	F("level", "level"),
	F("purpose", "purpose"),
	F("open_to_change", "open_to_change"),
	F("not_open_to_change", "not_open_to_change"),
	F("papers_sent_on", "papers_sent_on"),
	F("venue_accessible", "venue_accessible"),
	{ "feedback_due_on", EXCHANGE_DUE_DATE, "feedback_due_on", false, "feedback_due_fixed" },
	R("decision", EXCHANGE_DECISION, "decision_id", false),
};

static const struct exchange_column exchange_attendance[] = {
	R("meeting", EXCHANGE_MEETING, "meeting_id", true),
	R("held_on", EXCHANGE_MEETING_DATE, "meeting_id", true),
	R("person", EXCHANGE_PERSON, "person_id", true),
	F("role", "role"),
	F("attended", "attended"),
	F("needs_met", "needs_met"),
};

static const struct exchange_column exchange_contributions[] = {
	R("meeting", EXCHANGE_MEETING, "meeting_id", true),
	R("held_on", EXCHANGE_MEETING_DATE, "meeting_id", true),
	R("person", EXCHANGE_PERSON, "person_id", true),
	K("said", "said"),
	F("response", "response"),
	F("response_text", "response_text"),
	F("reason", "reason"),
	F("responded_on", "responded_on"),
};

static const struct exchange_column exchange_feedback[] = {
	R("meeting", EXCHANGE_MEETING, "meeting_id", true),
	R("held_on", EXCHANGE_MEETING_DATE, "meeting_id", true),
	R("person", EXCHANGE_PERSON, "person_id", true),
	F("given_on", "given_on"),
	F("method", "method"),
	F("format", "format"),
};

static const struct exchange_column exchange_decisions[] = {
	R("project", EXCHANGE_PROJECT, "project_id", true),
	F("stage", "stage"),
	K("title", "title"),
	F("decided_on", "decided_on"),
	F("decided_by", "decided_by"),
	F("summary", "summary"),
	F("users_present", "users_present"),
	F("users_view_followed", "users_view_followed"),
	F("appeal_route_given", "appeal_route_given"),
};

static const struct exchange_column exchange_budget[] = {
	R("project", EXCHANGE_PROJECT, "project_id", true),
	K("on", "occurred_on"),
	K("kind", "kind"),
	F("amount", "amount_pence"),
	F("reason", "reason"),
	F("participants_told_on", "told_on"),
};

static const struct exchange_column exchange_pressures[] = {
	R("project", EXCHANGE_PROJECT, "project_id", true),
	K("noted_on", "noted_on"),
	F("source", "source"),
	K("summary", "summary"),
	F("impact", "impact"),
	F("shared_on", "shared_on"),
};

static const struct exchange_column exchange_payments[] = {
	R("person", EXCHANGE_PERSON, "person_id", true),
	R("meeting", EXCHANGE_MEETING, "meeting_id", true),
	R("held_on", EXCHANGE_MEETING_DATE, "meeting_id", true),
	K("kind", "kind"),
	F("amount", "amount_pence"),
	K("claimed_on", "claimed_on"),
	F("paid_on", "paid_on"),
	F("declined", "declined"),
};

static const struct exchange_column exchange_actions[] = {
	R("project", EXCHANGE_PROJECT, "project_id", true),
	R("meeting", EXCHANGE_MEETING, "meeting_id", true),
	R("held_on", EXCHANGE_MEETING_DATE, "meeting_id", true),
	K("summary", "summary"),
	F("owner", "owner"),
	F("due_on", "due_on"),
	F("done_on", "done_on"),
};

/* Kinds whose records are named by other files are never repeats: a name must say which. */
const struct exchange_kind exchange_kinds[EXCHANGE_KIND_COUNT] = {
	{ "projects.csv", "project", "projects", &project_kind, COLUMNS(exchange_projects), false },
	{ "people.csv", "person", "people", &person_kind, COLUMNS(exchange_people), false },
	{ "decisions.csv", "decision", "decisions", &decision_kind, COLUMNS(exchange_decisions),
	  false },
	{ "stages.csv", "stage record", "stage records", &stage_kind, COLUMNS(exchange_stages),
	  false },
	{ "meetings.csv", "meeting", "meetings", &meeting_kind, COLUMNS(exchange_meetings), false },
	{ "attendance.csv", "attendance record", "attendance records", &attendance_kind,
	  COLUMNS(exchange_attendance), false },
	{ "contributions.csv", "contribution", "contributions", &contribution_kind,
	  COLUMNS(exchange_contributions), true },
	{ "feedback.csv", "feedback record", "feedback records", &feedback_kind,
	  COLUMNS(exchange_feedback), false },
	{ "budget.csv", "budget event", "budget events", &budget_event_kind,
	  COLUMNS(exchange_budget), true },
	{ "pressures.csv", "pressure", "pressures", &pressure_kind, COLUMNS(exchange_pressures),
	  true },
	{ "payments.csv", "payment", "payments", &payment_kind, COLUMNS(exchange_payments), true },
	{ "actions.csv", "commitment", "commitments", &action_kind, COLUMNS(exchange_actions),
	  true },
};

const struct exchange_kind *exchange_kind_for_file(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	for (size_t i = 0; i < EXCHANGE_KIND_COUNT; i++)
		if (strcasecmp(base, exchange_kinds[i].file) == 0)
			return &exchange_kinds[i];
	return NULL;
}

int exchange_column_index(const struct exchange_kind *k, const char *name)
{
	char *t = text_trim(mem_strdup(name));
	int found = -1;
	for (size_t i = 0; i < k->ncolumns && found < 0; i++)
		if (strcasecmp(k->columns[i].name, t) == 0)
			found = (int)i;
	free(t);
	return found;
}

/* True when the header names only columns of k and all of k's key columns. */
static bool exchange_header_fits(const struct exchange_kind *k, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (exchange_column_index(k, names[i]) < 0)
			return false;
	for (size_t c = 0; c < k->ncolumns; c++) {
		if (!k->columns[c].key)
			continue;
		bool named = false;
		for (size_t i = 0; i < n && !named; i++)
			named = exchange_column_index(k, names[i]) == (int)c;
		if (!named)
			return false;
	}
	return true;
}

const struct exchange_kind *exchange_kind_for_header(const char *const *names, size_t n)
{
	const struct exchange_kind *found = NULL;
	for (size_t i = 0; i < EXCHANGE_KIND_COUNT; i++) {
		if (!exchange_header_fits(&exchange_kinds[i], names, n))
			continue;
		if (found)
			return NULL;
		found = &exchange_kinds[i];
	}
	return found;
}

const struct exchange_column *exchange_column_for_field(const struct exchange_kind *k,
                                                        const char *field)
{
	for (size_t i = 0; i < k->ncolumns; i++)
		if (strcmp(k->columns[i].field, field) == 0 ||
		    (k->columns[i].also && strcmp(k->columns[i].also, field) == 0))
			return &k->columns[i];
	return NULL;
}

char *exchange_column_list(const struct exchange_kind *k)
{
	char *out = mem_strdup("");
	for (size_t i = 0; i < k->ncolumns; i++) {
		char *next = mem_printf("%s%s%s", out, i ? ", " : "", k->columns[i].name);
		free(out);
		out = next;
	}
	return out;
}

void exchange_number(long n, char out[EXCHANGE_NUMBER_SIZE])
{
	char digits[EXCHANGE_NUMBER_SIZE];
	int len = snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n);
	size_t o = 0;
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

char *exchange_count_text(const struct exchange_kind *k, long n)
{
	char number[EXCHANGE_NUMBER_SIZE];
	exchange_number(n, number);
	return mem_printf("%s %s", number, n == 1 ? k->noun : k->plural);
}

bool exchange_column_is_text(const struct exchange_kind *k, const struct exchange_column *c)
{
	switch (c->type) {
	case EXCHANGE_FIELD:
		return record_field(k->kind, c->field)->type == FIELD_TEXT;
	case EXCHANGE_PROJECT:
	case EXCHANGE_PERSON:
	case EXCHANGE_MEETING:
	case EXCHANGE_DECISION:
		return true;
	case EXCHANGE_MEETING_DATE:
	case EXCHANGE_DUE_DATE:
		return false;
	}
	return false;
}

/* Starts a spreadsheet reads as a formula (tab and carriage return too, as OWASP advises). */
static const char exchange_formula_starts[] = "=+-@\t\r";

/* Whether text needs a guarding ': it starts a formula, or is ' before what would. */
static bool exchange_needs_guard(const char *text)
{
	while (*text == '\'')
		text++;
	return *text && strchr(exchange_formula_starts, *text);
}

char *exchange_cell_guard(const char *text)
{
	return exchange_needs_guard(text) ? mem_printf("'%s", text) : mem_strdup(text);
}

const char *exchange_cell_unguard(const char *cell)
{
	return cell[0] == '\'' && exchange_needs_guard(cell + 1) ? cell + 1 : cell;
}
