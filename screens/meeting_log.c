/* SPDX-License-Identifier: GPL-3.0-or-later */
/* meeting_log: one meeting's details, who came, what was said, the feedback owed, and its findings.
 */
#include "meeting_log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attendance.h"
#include "config.h"
#include "contribution.h"
#include "feedback.h"
#include "finding.h"
#include "meeting.h"
#include "meeting_people.h"
#include "mem.h"
#include "person.h"
#include "person_pick.h"
#include "project.h"
#include "recordview.h"
#include "rules.h"
#include "text.h"
#include "vocab.h"

/*
 * The sections, always built in this order so the selection is put back after
 * a change. Each entry line sits under its list, as in a conversation: what
 * was added shows just above where the next is typed.
 */
enum {
	MEETING_LOG_DETAILS,  /* the meeting's own fields */
	MEETING_LOG_PEOPLE,   /* who came */
	MEETING_LOG_ADD,      /* the name to add below them, and the role of someone new */
	MEETING_LOG_SAID,     /* what was said, with the response */
	MEETING_LOG_SAY,      /* below it, who is speaking and the next thing said */
	MEETING_LOG_TELLING,  /* the date and method feedback is marked given with */
	MEETING_LOG_FINDINGS, /* the rules' findings for this meeting */
};

/* The questions the screen asks, by tag. */
enum {
	MEETING_LOG_ASK_NEW = 1,
	MEETING_LOG_ASK_REMOVE,
	MEETING_LOG_ASK_UNSAY,
	MEETING_LOG_ASK_ALL
};

enum {
	MEETING_LOG_HINT = 3,      /* names shown while a name is being typed */
	MEETING_LOG_SPEAKERS = 50, /* people offered as who said something */
	MEETING_LOG_COLON = 40,    /* bytes before a colon that may name who said a line */
	MEETING_LOG_FOUND = 200,   /* findings shown at most */
};

/* What rows of the lists are made from: kept while the screen is open, as lists fetch later. */
struct meeting_log_rows {
	struct store *store;
	struct meeting m; /* the meeting as last built */
	int32_t today;
	int warn_days;
};

/* People found while a name is typed: ids and names, nearest first. */
struct meeting_log_found {
	int64_t id[MEETING_LOG_HINT + 1];
	char *name[MEETING_LOG_HINT + 1];
	int n;
};

struct meeting_log_state {
	struct meeting_log_rows rows;
	int64_t speaker;         /* who the next thing said is from: a person, or 0 anonymous */
	int64_t new_one;         /* the attendance of someone just added on the spot, or 0 */
	char *new_name;          /* their name; or the name typed while asking to add it */
	struct person_pick pick; /* the people last offered by number */
	struct rules_list found; /* the findings for the meeting, as last built */
	char told_on[DATE_TEXT_SIZE]; /* the date given and all mark feedback given on */
	int told_by;                  /* and how: enum feedback_method_choice */
};

/* ---- small helpers ---- */

/* The screen's state, made on first use. */
static struct meeting_log_state *meeting_log_state(struct screen_ctx *c)
{
	if (!c->state) {
		struct meeting_log_state *st = mem_calloc(1, sizeof *st);
		st->rows.store = c->store;
		meeting_init(&st->rows.m);
		date_format(date_today(), st->told_on);
		st->told_by = FEEDBACK_LETTER;
		rules_list_init(&st->found);
		c->state = st;
	}
	return c->state;
}

static void meeting_log_found_clear(struct meeting_log_found *f)
{
	for (int i = 0; i < f->n; i++)
		free(f->name[i]);
	f->n = 0;
}

static void meeting_log_leave(struct screen_ctx *c)
{
	struct meeting_log_state *st = c->state;
	if (!st)
		return;
	meeting_clear(&st->rows.m);
	person_pick_free(&st->pick);
	rules_list_free(&st->found);
	free(st->new_name);
	free(st);
	c->state = NULL;
}

/* Add part to a text of parts separated by ", " (*out may be NULL; part NULL or "" adds nothing).
 */
static void meeting_log_join(char **out, const char *part)
{
	if (!part || !*part)
		return;
	char *joined = *out ? mem_printf("%s, %s", *out, part) : mem_strdup(part);
	free(*out);
	*out = joined;
}

/* "1 thing" or "3 things". */
static char *meeting_log_count_of(long n, const char *one, const char *many)
{
	return mem_printf("%ld %s", n, n == 1 ? one : many);
}

/* The configured label of a stage (the default one without settings). */
static const char *meeting_log_stage_label(const struct config *config, int stage)
{
	return config ? config_stage_label(config, stage)
	              : record_choice_label(vocab_stages, stage);
}

/* The name of person id, into a new string ("" when unknown). */
static char *meeting_log_name_of(struct store *s, int64_t id)
{
	struct person p;
	if (!id)
		return mem_strdup("");
	if (person_get(s, id, &p, NULL) != ERROR_NONE) {
		person_clear(&p);
		return mem_strdup("");
	}
	char *name = mem_strdup(p.name);
	person_clear(&p);
	return name;
}

/* A choice's label of a record field by index. */
static const char *meeting_log_choice(const struct record_kind *kind, const char *field, int i)
{
	return record_choice_label(record_field(kind, field)->choices, i);
}

/* ---- rows ---- */

/* "support needs met", "support needs NOT met (hearing loop)", or NULL when nothing to say. */
static char *meeting_log_needs_text(const struct attendance *a, const char *needs)
{
	bool any = needs && *needs;
	if (a->needs_met == 1)
		return mem_strdup("support needs met");
	if (a->needs_met == 0)
		return any ? mem_printf("support needs NOT met (%s)", needs)
		           : mem_strdup("support needs NOT met");
	return any ? mem_printf("support needs not recorded (%s)", needs) : NULL;
}

/* Someone at the meeting: told or owed first, name, role, needs, how they were told, date. */
static void meeting_log_person_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct attendance *a = rec;
	const struct meeting_log_rows *r = ctx;
	struct person p;
	if (person_get(r->store, a->person_id, &p, NULL) != ERROR_NONE)
		mem_replace(&p.name, "someone no longer on record");
	struct feedback f;
	int64_t fid = feedback_find(r->store, a->meeting_id, a->person_id);
	bool told = fid && feedback_get(r->store, fid, &f, NULL) == ERROR_NONE;
	if (!fid)
		feedback_init(&f);
	enum meeting_people_owed t = meeting_people_owed(&r->m, a, told, r->today, r->warn_days);
	enum view_tone tone;
	const char *word = meeting_people_owed_word(t, &tone); /* sets tone: before it is read */
	view_row_status(row, word, tone);
	view_row_label(row, "%s", p.name);

	char *value = NULL, *needs = meeting_log_needs_text(a, p.support_needs), *how = NULL;
	meeting_log_join(&value, record_choice_label(vocab_roles, a->role));
	if (a->attended != 1)
		meeting_log_join(&value, "did not come");
	meeting_log_join(&value, needs);
	if (told && f.format != p.preferred_format)
		how = mem_printf("in %s, not their preferred %s",
		                 meeting_people_format(f.format, p.language),
		                 meeting_people_format(p.preferred_format, p.language));
	else if (told)
		how = mem_printf("in %s", meeting_people_format(f.format, p.language));
	else if (t == MEETING_PEOPLE_SOON || t == MEETING_PEOPLE_OVERDUE)
		how = mem_strdup("not yet told");
	meeting_log_join(&value, how);
	view_row_value(row, "%s", value ? value : "");
	if (told)
		view_row_date(row, "on", f.given_on);
	else if (t != MEETING_PEOPLE_NOT_OWED)
		view_row_date(row, "due", r->m.feedback_due_on);
	free(value);
	free(needs);
	free(how);
	feedback_clear(&f);
	person_clear(&p);
}

/* Something said: its response first, the words, who said it, a missing reason, the date. */
static void meeting_log_said_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct contribution *k = rec;
	const struct meeting_log_rows *r = ctx;
	static const enum view_tone tones[] = {
		[RESPONSE_PENDING] = VIEW_TONE_WARN,
		[RESPONSE_ADOPTED] = VIEW_TONE_GOOD,
		[RESPONSE_PARTLY] = VIEW_TONE_GOOD,
		[RESPONSE_NOT_POSSIBLE] = VIEW_TONE_GOOD,
		[RESPONSE_ALREADY_HAPPENING] = VIEW_TONE_GOOD,
	};
	bool no_reason = (k->response == RESPONSE_PARTLY || k->response == RESPONSE_NOT_POSSIBLE) &&
	                 text_blank(k->reason);
	view_row_status(row, meeting_log_choice(&contribution_kind, "response", k->response),
	                no_reason ? VIEW_TONE_ALERT : tones[k->response]);
	/* The words as a phrase in the row: a full stop of their own would end it too soon. */
	size_t len = strlen(k->said);
	bool stop = len > 1 && k->said[len - 1] == '.' && k->said[len - 2] != '.';
	view_row_label(row, "%.*s", (int)(stop ? len - 1 : len), k->said);
	char *who = meeting_log_name_of(r->store, k->person_id);
	if (*who)
		view_row_value(row, "said by %s%s", who, no_reason ? ", reason missing" : "");
	else
		view_row_value(row, "said anonymously%s", no_reason ? ", reason missing" : "");
	view_row_date(row, "answered", k->responded_on);
	free(who);
}

/* The findings as rows: the severity word, the sentence; the row's id is its place in found. */
static void meeting_log_finding_rows(struct view_section *sec, const struct rules_list *found)
{
	static const enum view_tone tones[] = {
		[RULE_ERROR] = VIEW_TONE_ALERT,
		[RULE_WARNING] = VIEW_TONE_WARN,
		[RULE_INFO] = VIEW_TONE_PLAIN,
	};
	for (size_t i = 0; i < found->count && i < MEETING_LOG_FOUND; i++) {
		struct finding one;
		rules_list_get(found, i, &one);
		const struct finding *f = &one;
		struct view_row *row = view_list_add(sec);
		row->id = (int64_t)i + 1;
		view_row_status(row, rules_severity_name(f->severity), tones[f->severity]);
		view_row_label(row, "%s", f->message);
		view_row_key(row, f->rule->id);
	}
}

/* ---- the summary ---- */

/* Counts for the summary, from a walk through who came. */
struct meeting_log_tally {
	const struct meeting_log_rows *rows;
	long came, away, owed, late, told;
};

static bool meeting_log_tally_one(const struct attendance *a, void *ctx)
{
	struct meeting_log_tally *t = ctx;
	bool told = feedback_find(t->rows->store, a->meeting_id, a->person_id) != 0;
	enum meeting_people_owed how =
	        meeting_people_owed(&t->rows->m, a, told, t->rows->today, t->rows->warn_days);
	t->came += a->attended == 1;
	t->away += a->attended != 1;
	t->owed += how != MEETING_PEOPLE_NOT_OWED && how != MEETING_PEOPLE_TOLD;
	t->late += how == MEETING_PEOPLE_OVERDUE;
	t->told += how == MEETING_PEOPLE_TOLD;
	return true;
}

/* How many contributions of meeting id there are (with this response key, when not NULL). */
static int64_t meeting_log_said_count(struct store *s, int64_t id, const char *response)
{
	struct record_query q = { .where = "meeting_id", .where_id = id };
	if (response) {
		q.where_text = "response";
		q.text_value = response;
	}
	int64_t n = 0;
	record_count(s, &contribution_kind, &q, &n, NULL);
	return n;
}

/* One sentence: who came, what was said and what is still to answer, who is still owed. */
static void meeting_log_summary(struct screen_ctx *c, struct view *v, const struct meeting *m,
                                bool fresh)
{
	struct meeting_log_state *st = c->state;
	struct meeting_log_tally t = { .rows = &st->rows };
	meeting_people_each(c->store, c->id, meeting_log_tally_one, &t, NULL);
	int64_t said = meeting_log_said_count(c->store, c->id, NULL);
	int64_t pending = meeting_log_said_count(c->store, c->id, "pending");
	if (fresh && t.came + t.away == 0 && said == 0) {
		view_summary(v, "A new meeting: give its title and details, then add who came and "
		                "note what was said.");
		return;
	}
	char *text = NULL, *part;
	if (m->status == MEETING_PLANNED)
		part = mem_printf("Planned for %s, with %ld booked", m->held_on, t.came + t.away);
	else if (m->status == MEETING_CANCELLED)
		part = mem_strdup("Cancelled");
	else if (t.came == 0)
		part = mem_strdup("No one is recorded as coming yet");
	else
		part = meeting_log_count_of(t.came, "person came", "people came");
	meeting_log_join(&text, part);
	free(part);
	if (t.away && m->status != MEETING_PLANNED) {
		part = mem_printf("%ld did not", t.away);
		meeting_log_join(&text, part);
		free(part);
	}
	part = said ? meeting_log_count_of((long)said, "thing said", "things said")
	            : mem_strdup("nothing said noted yet");
	char *said_part = pending ? mem_printf("%s (%ld still to answer)", part, (long)pending)
	                          : mem_strdup(part);
	free(part);
	char *owed = NULL;
	if (t.late)
		owed = mem_printf("%ld %s still to be told what came of it, OVERDUE since %s",
		                  t.owed, t.owed == 1 ? "person" : "people", m->feedback_due_on);
	else if (t.owed)
		owed = mem_printf("%ld %s still to be told what came of it, due %s", t.owed,
		                  t.owed == 1 ? "person" : "people", m->feedback_due_on);
	else if (t.told)
		owed = mem_strdup("everyone owed feedback has been told");
	view_summary(v, "%s; %s%s%s.", text, said_part, owed ? "; " : "", owed ? owed : "");
	free(text);
	free(said_part);
	free(owed);
}

/* ---- building the view ---- */

/* The stage as a choice of the configured stages, in their order. */
static void meeting_log_stage_field(struct view_section *sec, const struct config *config,
                                    int stage)
{
	const struct field *rf = record_field(&meeting_kind, "stage");
	struct view_field *f = view_form_add(sec, rf->name, rf->label);
	const char *label = meeting_log_stage_label(config, stage);
	view_field_value(f, label, label);
	view_field_help(f, rf->help, "");
	f->field = rf;
	size_t n = config ? config_stage_count(config) : STAGE_COUNT;
	for (size_t i = 0; i < n; i++)
		view_field_add_choice(
		        f, meeting_log_stage_label(config,
		                                   config ? config_stage_at(config, i) : (int)i));
}

/* The level as a choice of the configured ladder, shown by its label. */
static void meeting_log_level_field(struct view_section *sec, const struct config *config,
                                    const struct meeting *m)
{
	static const char *const level[] = { "level", NULL };
	if (!config) {
		recordview_form(sec, &meeting_kind, m, level, NULL);
		return;
	}
	const struct field *rf = record_field(&meeting_kind, "level");
	struct view_field *f = view_form_add(sec, rf->name, rf->label);
	int i = *m->level ? config_level_find(config, m->level) : -1;
	const char *shown = i >= 0 ? config_level_label(config, (size_t)i) : m->level;
	view_field_value(f, shown, shown);
	view_field_help(f, rf->help, "");
	f->field = rf;
	for (size_t k = 0; k < config_level_count(config); k++)
		view_field_add_choice(f, config_level_label(config, k));
}

/* The feedback due date, saying whether it is worked out or was set by hand. */
static void meeting_log_due_field(struct view_section *sec, const struct meeting *m)
{
	const struct field *rf = record_field(&meeting_kind, "feedback_due_on");
	struct view_field *f = view_form_add(sec, rf->name, rf->label);
	char *shown = *m->feedback_due_on
	                      ? mem_printf("%s, %s", m->feedback_due_on,
	                                   m->feedback_due_fixed ? "set by hand"
	                                                         : "worked out from the date held")
	                      : mem_strdup("");
	view_field_value(f, m->feedback_due_on, shown);
	view_field_help(f,
	                "When participants must be told what came of what they said: worked out "
	                "from the date held, or set by hand; leave it empty to work it out again.",
	                "as YYYY-MM-DD");
	f->field = rf;
	free(shown);
}

/* The meeting's own fields, in the order a convenor fills them. */
static void meeting_log_details(struct screen_ctx *c, struct view *v, const struct meeting *m)
{
	static const char *const first[] = { "title", "held_on", "status", NULL };
	static const char *const method[] = { "method", NULL };
	static const char *const rest[] = { "purpose",
		                            "open_to_change",
		                            "not_open_to_change",
		                            "venue",
		                            "venue_accessible",
		                            "papers_sent_on",
		                            "convenor",
		                            "notes",
		                            NULL };
	struct view_section *sec = view_add_form(v, "About the meeting");
	recordview_form(sec, &meeting_kind, m, first, c->config);
	meeting_log_stage_field(sec, c->config, m->stage);
	recordview_form(sec, &meeting_kind, m, method, c->config);
	meeting_log_level_field(sec, c->config, m);
	recordview_form(sec, &meeting_kind, m, rest, c->config);
	meeting_log_due_field(sec, m);
}

/* The entry field that takes a name at a time, and the role of someone just added. */
static void meeting_log_add_fields(struct screen_ctx *c, struct view *v)
{
	struct meeting_log_state *st = c->state;
	struct view_section *sec = view_add_form(v, NULL);
	struct view_field *f = view_form_add(sec, "name_to_add", "name to add");
	view_field_help(f,
	                "Type part of a name: Enter adds the person it finds, or offers to add "
	                "someone new; Enter on an empty line finishes.",
	                "");
	f->live = true;
	person_pick_offer(&st->pick, f);
	struct attendance a;
	if (!st->new_one)
		attendance_init(&a);
	if (st->new_one && attendance_get(c->store, st->new_one, &a, NULL) == ERROR_NONE) {
		char *label =
		        mem_printf("role of %s", st->new_name ? st->new_name : "the new person");
		f = view_form_add(sec, "new_role", label);
		free(label);
		/* Part of adding the name: the fields after it keep their numbers. */
		f->follow_up = true;
		const char *role = record_choice_label(vocab_roles, a.role);
		view_field_value(f, role, role);
		view_field_help(f,
		                "Their role at this meeting, which becomes their role on record; "
		                "Enter keeps it as it is.",
		                "");
		for (size_t i = 0; vocab_roles[i].key; i++)
			view_field_add_choice(f, vocab_roles[i].label);
	} else {
		st->new_one = 0;
	}
	attendance_clear(&a);
}

/* Who is speaking, and the line for the next thing said. */
static void meeting_log_say_fields(struct screen_ctx *c, struct view *v)
{
	struct meeting_log_state *st = c->state;
	struct view_section *sec = view_add_form(v, NULL);
	struct view_field *f = view_form_add(sec, "said_by", "said by");
	struct meeting_people people = { 0 };
	meeting_people_load(c->store, c->id, MEETING_LOG_SPEAKERS, &people, NULL);
	const char *speaker = "anonymous";
	view_field_add_choice(f, "anonymous");
	for (size_t i = 0; i < people.n; i++) {
		view_field_add_choice(f, people.v[i].name);
		if (people.v[i].person_id == st->speaker)
			speaker = people.v[i].name;
	}
	if (strcmp(speaker, "anonymous") == 0)
		st->speaker = 0;
	view_field_value(f, speaker, speaker);
	view_field_help(f, "Who the next things said are from: someone who came, or anonymous.",
	                "");
	meeting_people_free(&people);
	f = view_form_add(sec, "said", "next thing said");
	view_field_help(f,
	                "What was said, in their words: Enter keeps it and waits for the next; "
	                "start with a name and a colon (Ann: ...) to say who said it; Enter on "
	                "an empty line finishes.",
	                "");
}

/* The date and method given and all mark feedback given with. */
static void meeting_log_telling_fields(struct screen_ctx *c, struct view *v)
{
	struct meeting_log_state *st = c->state;
	struct view_section *sec = view_add_form(v, "Telling people what came of it");
	struct view_field *f = view_form_add(sec, "told_on", "date told");
	view_field_value(f, st->told_on, st->told_on);
	view_field_help(f,
	                "The date used when people are marked as told, one by one or all at once.",
	                "as YYYY-MM-DD");
	f = view_form_add(sec, "told_by", "told by");
	const char *how = meeting_log_choice(&feedback_kind, "method", st->told_by);
	view_field_value(f, how, how);
	view_field_help(f, "How people were told, when they are marked as told.", "");
	const struct choice *methods = record_field(&feedback_kind, "method")->choices;
	for (size_t i = 0; methods[i].key; i++)
		view_field_add_choice(f, methods[i].label);
}

/* The actions the screen offers (from the table of actions below). */
static void meeting_log_add_actions(struct view *v);

static void meeting_log_build(struct screen_ctx *c, struct view *v)
{
	struct meeting_log_state *st = meeting_log_state(c);
	struct meeting m;
	struct error err;
	if (meeting_get(c->store, c->id, &m, &err) != ERROR_NONE) {
		view_title(v, "Meeting");
		view_summary(v, "%s.", err.msg);
		meeting_clear(&m);
		return;
	}
	meeting_clear(&st->rows.m);
	record_copy(&meeting_kind, &st->rows.m, &m);
	st->rows.today = date_today();
	st->rows.warn_days = meeting_people_warn_days(c->config);
	struct project p;
	if (project_get(c->store, m.project_id, &p, NULL) == ERROR_NONE)
		view_title(v, "%s: %s", p.title, m.title);
	else
		view_title(v, "%s", m.title);
	project_clear(&p);
	bool fresh = strcmp(m.head.created_at, m.head.updated_at) == 0;
	meeting_log_summary(c, v, &m, fresh);

	meeting_log_details(c, v, &m);
	struct record_query mine = { .where = "meeting_id", .where_id = c->id };
	struct view_section *sec =
	        view_add_list(v, "Who came", "No one yet: type a name in name to add.");
	recordview_list(v, sec, c->store, &attendance_kind, &mine, meeting_log_person_row,
	                &st->rows);
	meeting_log_add_fields(c, v);
	sec = view_add_list(v, "You said, we did",
	                    "Nothing said is noted yet: type it in next thing said.");
	recordview_list(v, sec, c->store, &contribution_kind, &mine, meeting_log_said_row,
	                &st->rows);
	meeting_log_say_fields(c, v);
	meeting_log_telling_fields(c, v);
	sec = view_add_list(v, "Findings", "Nothing to put right for this meeting.");
	rules_list_free(&st->found);
	rules_list_init(&st->found);
	if (c->config) {
		struct rules_options opt = rules_options_default(st->rows.today);
		opt.scope = (struct rules_scope){ .kind = RULES_SCOPE_MEETING, .id = c->id };
		if (rules_run(c->store, c->config, &opt, rules_list_add, &st->found, &err) !=
		    ERROR_NONE)
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		/* The most serious first, as on every screen, and so within the rows shown. */
		rules_list_sort(&st->found);
		meeting_log_finding_rows(sec, &st->found);
	}

	meeting_log_add_actions(v);
	/* A meeting never changed since it was made is filled in field by field. */
	v->walk = fresh && meeting_log_said_count(c->store, c->id, NULL) == 0;
	meeting_clear(&m);
}

/* ---- saving the meeting's own fields ---- */

/*
 * Write key into the meeting's field name (shown to people as shown): the
 * sentence under the field when refused, else "Saved the stage: Needs
 * assessment." An unchanged value writes nothing.
 */
static enum screen_result meeting_log_set(struct screen_ctx *c, struct view *v, const char *name,
                                          const char *key, const char *shown)
{
	struct view_field *f = view_focused_field(v);
	struct error err;
	if (strcmp(f->value, shown) == 0 || strcmp(f->value, key) == 0) {
		char *called = view_field_called(f, true);
		view_message(v, VIEW_TONE_PLAIN, "%s stays %s.", called, *shown ? shown : "empty");
		free(called);
		return SCREEN_HANDLED;
	}
	if (record_set(c->store, &meeting_kind, c->id, name, key, &err) != ERROR_NONE) {
		view_field_error(f, err.msg);
		return SCREEN_HANDLED;
	}
	char *called = view_field_called(f, false);
	view_message(v, VIEW_TONE_GOOD, "Saved %s: %s.", called, *shown ? shown : "empty");
	free(called);
	return SCREEN_CHANGED;
}

static enum screen_result meeting_log_save_stage(struct screen_ctx *c, struct view *v,
                                                 const struct command *cmd)
{
	for (int k = 0; k < STAGE_COUNT; k++) {
		const char *label = meeting_log_stage_label(c->config, k);
		if (strcasecmp(cmd->text, label) == 0 ||
		    strcasecmp(cmd->text, vocab_stages[k].key) == 0)
			return meeting_log_set(c, v, "stage", vocab_stages[k].key, label);
	}
	view_field_error(view_focused_field(v),
	                 "The stage must be one of the stages of the cycle: type its number or its "
	                 "name");
	return SCREEN_HANDLED;
}

static enum screen_result meeting_log_save_level(struct screen_ctx *c, struct view *v,
                                                 const struct command *cmd)
{
	if (!c->config)
		return recordview_save(c, v, &meeting_kind, cmd);
	if (text_blank(cmd->text))
		return meeting_log_set(c, v, "level", "", "");
	int i = config_level_find(c->config, cmd->text);
	if (i < 0) {
		char *ladder = NULL;
		for (size_t k = 0; k < config_level_count(c->config); k++)
			meeting_log_join(&ladder, config_level_label(c->config, k));
		char *why =
		        mem_printf("The level of involvement must be one of the ladder (%s): type "
		                   "its number or its name",
		                   ladder ? ladder : "");
		view_field_error(view_focused_field(v), why);
		free(why);
		free(ladder);
		return SCREEN_HANDLED;
	}
	return meeting_log_set(c, v, "level", config_level_key(c->config, (size_t)i),
	                       config_level_label(c->config, (size_t)i));
}

/* The due date: a date typed is fixed by hand; nothing typed works it out from the date again. */
static enum screen_result meeting_log_save_due(struct screen_ctx *c, struct view *v,
                                               const struct command *cmd)
{
	struct view_field *f = view_focused_field(v);
	struct meeting m;
	struct error err;
	enum screen_result r = SCREEN_HANDLED;
	if (meeting_get(c->store, c->id, &m, &err) != ERROR_NONE) {
		view_field_error(f, err.msg);
		meeting_clear(&m);
		return r;
	}
	bool derive = text_blank(cmd->text);
	if (derive && !m.feedback_due_fixed) {
		view_message(v, VIEW_TONE_PLAIN,
		             "The feedback due date stays %s, worked out from the "
		             "date held.",
		             m.feedback_due_on);
	} else if (!derive && m.feedback_due_fixed && strcmp(cmd->text, m.feedback_due_on) == 0) {
		view_message(v, VIEW_TONE_PLAIN, "The feedback due date stays %s.",
		             m.feedback_due_on);
	} else if (!derive && record_field_parse(record_field(&meeting_kind, "feedback_due_on"), &m,
	                                         cmd->text, &err) != ERROR_NONE) {
		view_field_error(f, err.msg);
	} else {
		m.feedback_due_fixed = !derive;
		if (meeting_update(c->store, &m, &err) != ERROR_NONE)
			view_field_error(f, err.msg);
		else if (derive)
			view_message(
			        v, VIEW_TONE_GOOD,
			        "The feedback due date is worked out from the date held again: %s.",
			        m.feedback_due_on);
		else
			view_message(v, VIEW_TONE_GOOD,
			             "Saved the feedback due date, set by hand: %s.",
			             m.feedback_due_on);
		r = *f->error ? SCREEN_HANDLED : SCREEN_CHANGED;
	}
	meeting_clear(&m);
	return r;
}

/* The date held, saying where it moves the feedback due date. */
static enum screen_result meeting_log_save_held(struct screen_ctx *c, struct view *v,
                                                const struct command *cmd)
{
	enum screen_result r = recordview_save(c, v, &meeting_kind, cmd);
	struct meeting m;
	if (r != SCREEN_CHANGED)
		return r;
	if (meeting_get(c->store, c->id, &m, NULL) == ERROR_NONE && !m.feedback_due_fixed)
		view_message(v, VIEW_TONE_GOOD, "Saved the date held: %s; feedback is now due %s.",
		             m.held_on, m.feedback_due_on);
	meeting_clear(&m);
	return r;
}

/* ---- adding who came ---- */

/* Collect people found for a name typed. */
static bool meeting_log_found_one(int64_t id, const char *name, void *ctx)
{
	struct meeting_log_found *f = ctx;
	f->id[f->n] = id;
	f->name[f->n++] = mem_strdup(name);
	return f->n < MEETING_LOG_HINT + 1;
}

/* How many people at the meeting. */
static int64_t meeting_log_people_count(struct screen_ctx *c)
{
	struct record_query q = { .where = "meeting_id", .where_id = c->id };
	int64_t n = 0;
	record_count(c->store, &attendance_kind, &q, &n, NULL);
	return n;
}

/* Say, while a name is typed, what Enter will do with it. */
static void meeting_log_hint(struct screen_ctx *c, struct view *v)
{
	char *typed = text_trim(mem_strdup(v->edit.buf));
	struct meeting_log_found found = { 0 };
	if (!*typed) {
		view_message(v, VIEW_TONE_PLAIN,
		             "Type part of a name; Enter on an empty line finishes adding people.");
		free(typed);
		return;
	}
	int64_t exact = person_find(c->store, typed);
	person_search(c->store, typed, MEETING_LOG_HINT + 1, meeting_log_found_one, &found, NULL);
	if (exact || found.n == 1) {
		int64_t id = exact ? exact : found.id[0];
		char *name = meeting_log_name_of(c->store, id);
		view_message(v, VIEW_TONE_PLAIN, "Enter adds %s%s.", name,
		             attendance_find(c->store, c->id, id) ? ", who is already here" : "");
		free(name);
	} else if (found.n == 0) {
		view_message(v, VIEW_TONE_PLAIN,
		             "No one on record has a name holding \"%s\": Enter offers to add them "
		             "as someone new.",
		             typed);
	} else {
		char *names = NULL;
		for (int i = 0; i < found.n && i < MEETING_LOG_HINT; i++)
			meeting_log_join(&names, found.name[i]);
		view_message(v, VIEW_TONE_PLAIN,
		             "Enter chooses between %s%s; type more to narrow it.", names,
		             found.n > MEETING_LOG_HINT ? " and others" : "");
		free(names);
	}
	meeting_log_found_clear(&found);
	free(typed);
}

/* The role someone takes at the meeting unless told otherwise: their first role on record. */
static int meeting_log_default_role(struct store *s, int64_t person_id)
{
	struct person p;
	int role = ROLE_SERVICE_USER;
	if (person_get(s, person_id, &p, NULL) == ERROR_NONE)
		for (int r = ROLE_COUNT - 1; r >= 0; r--)
			if (person_has_role(&p, r))
				role = r;
	person_clear(&p);
	return role;
}

/* Add person_id to the meeting, then wait for the next name. */
static enum screen_result meeting_log_add_person(struct screen_ctx *c, struct view *v,
                                                 int64_t person_id)
{
	char *name = meeting_log_name_of(c->store, person_id);
	struct error err;
	screen_edit_field(c, "name_to_add");
	if (attendance_find(c->store, c->id, person_id)) {
		view_message(v, VIEW_TONE_PLAIN, "%s is already at this meeting.", name);
		free(name);
		return SCREEN_HANDLED;
	}
	struct attendance a;
	attendance_init(&a);
	a.meeting_id = c->id;
	a.person_id = person_id;
	a.role = meeting_log_default_role(c->store, person_id);
	a.attended = 1;
	enum screen_result r = SCREEN_CHANGED;
	if (attendance_create(c->store, &a, &err) != ERROR_NONE) {
		view_field_error(view_focused_field(v), err.msg);
		r = SCREEN_HANDLED;
	} else {
		int64_t n = meeting_log_people_count(c);
		view_message(v, VIEW_TONE_GOOD,
		             "Added %s, as %s: %lld at the meeting. Type the next name, or press "
		             "Enter on an empty line to finish.",
		             name, meeting_people_article(a.role), (long long)n);
	}
	attendance_clear(&a);
	free(name);
	return r;
}

/* A name typed into name to add: add who it finds, offer a choice, or ask to add someone new. */
static enum screen_result meeting_log_add_someone(struct screen_ctx *c, struct view *v,
                                                  const struct command *cmd)
{
	struct meeting_log_state *st = c->state;
	char *typed = text_trim(mem_strdup(cmd->text));
	struct view_field *f = view_focused_field(v);
	enum screen_result r = SCREEN_HANDLED;
	st->new_one = 0;
	if (!*typed) {
		int64_t n = meeting_log_people_count(c);
		view_message(v, VIEW_TONE_PLAIN, "Finished adding people: %lld at the meeting.",
		             (long long)n);
		person_pick_free(&st->pick);
		free(typed);
		return SCREEN_CHANGED;
	}
	/* As every screen that asks for a person: one found, several offered, or no one. */
	struct error err;
	error_clear(&err);
	int64_t id = person_pick_find(c->store, &st->pick, typed, &err);
	if (id) {
		r = meeting_log_add_person(c, v, id);
	} else if (err.code == ERROR_NOT_FOUND) {
		mem_replace(&st->new_name, typed);
		view_ask(v, MEETING_LOG_ASK_NEW,
		         "No one on record is called %s. Add %s as someone new?", typed, typed);
	} else {
		/* Offered by number: what was typed is in the sentence, the line is free. */
		view_field_error(f, err.msg);
		person_pick_offer(&st->pick, f);
		view_edit_kill(v);
	}
	free(typed);
	return r;
}

/* Yes to adding someone new: make the person and their attendance, then ask their role. */
static enum screen_result meeting_log_add_new(struct screen_ctx *c, struct view *v)
{
	struct meeting_log_state *st = c->state;
	struct error err;
	struct person p;
	struct attendance a;
	person_init(&p);
	attendance_init(&a);
	mem_replace(&p.name, st->new_name);
	memcpy(p.first_involved_on, st->rows.m.held_on, DATE_TEXT_SIZE);
	a.meeting_id = c->id;
	a.role = ROLE_SERVICE_USER;
	a.attended = 1;
	enum error_code code = store_begin(c->store, &err);
	if (code == ERROR_NONE)
		code = person_create(c->store, &p, &err);
	a.person_id = p.head.id;
	if (code == ERROR_NONE)
		code = attendance_create(c->store, &a, &err);
	if (code == ERROR_NONE)
		code = store_commit(c->store, &err);
	else
		store_rollback(c->store);
	enum screen_result r = SCREEN_HANDLED;
	if (code != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		screen_edit_field(c, "name_to_add");
	} else {
		st->new_one = a.head.id;
		view_message(v, VIEW_TONE_GOOD,
		             "Added %s as someone new. Choose their role at the meeting, or press "
		             "Enter to keep service user.",
		             p.name);
		screen_edit_field(c, "new_role");
		r = SCREEN_CHANGED;
	}
	person_clear(&p);
	attendance_clear(&a);
	return r;
}

/* The role of someone just added on the spot: at the meeting, and on record. */
static enum screen_result meeting_log_save_role(struct screen_ctx *c, struct view *v,
                                                const struct command *cmd)
{
	struct meeting_log_state *st = c->state;
	struct view_field *f = view_focused_field(v);
	const char *typed = text_blank(cmd->text) ? f->value : cmd->text;
	int role = record_choice_find(vocab_roles, typed);
	if (role < 0) {
		view_field_error(f, "Choose one of the roles by its number or its name");
		return SCREEN_HANDLED;
	}
	struct error err;
	struct attendance a;
	struct person p;
	enum error_code code = attendance_get(c->store, st->new_one, &a, &err);
	if (code == ERROR_NONE)
		code = person_get(c->store, a.person_id, &p, &err);
	else
		person_init(&p);
	a.role = role;
	p.roles |= 1u << role;
	if (code == ERROR_NONE)
		code = store_begin(c->store, &err);
	if (code == ERROR_NONE) {
		code = attendance_update(c->store, &a, &err);
		if (code == ERROR_NONE)
			code = person_update(c->store, &p, &err);
		if (code == ERROR_NONE)
			code = store_commit(c->store, &err);
		else
			store_rollback(c->store);
	}
	if (code != ERROR_NONE) {
		view_field_error(f, err.msg);
	} else {
		view_message(v, VIEW_TONE_GOOD,
		             "%s is at the meeting as %s. Type the next name, or press Enter on an "
		             "empty line to finish.",
		             p.name, meeting_people_article(role));
		st->new_one = 0;
		screen_edit_field(c, "name_to_add");
	}
	attendance_clear(&a);
	person_clear(&p);
	return code == ERROR_NONE ? SCREEN_CHANGED : SCREEN_HANDLED;
}

/* ---- what was said ---- */

static enum screen_result meeting_log_save_speaker(struct screen_ctx *c, struct view *v,
                                                   const struct command *cmd)
{
	struct meeting_log_state *st = c->state;
	struct view_field *f = view_focused_field(v);
	if (text_blank(cmd->text) || strcasecmp(cmd->text, "anonymous") == 0) {
		st->speaker = 0;
		view_field_value(f, "anonymous", "anonymous");
		view_message(v, VIEW_TONE_PLAIN, "What is said next is noted as said anonymously.");
		return SCREEN_HANDLED;
	}
	struct meeting_people people = { 0 };
	meeting_people_load(c->store, c->id, SIZE_MAX, &people, NULL);
	int i = meeting_people_match(&people, cmd->text);
	if (i < 0) {
		char *why =
		        mem_printf(i == -1 ? "%s is not at this meeting: choose someone who came, "
		                             "or anonymous"
		                           : "%s could be more than one person here: type more of "
		                             "the name",
		                   cmd->text);
		view_field_error(f, why);
		free(why);
	} else {
		st->speaker = people.v[i].person_id;
		view_field_value(f, people.v[i].name, people.v[i].name);
		view_message(v, VIEW_TONE_PLAIN, "What is said next is noted as said by %s.",
		             people.v[i].name);
	}
	meeting_people_free(&people);
	return SCREEN_HANDLED;
}

/* A line typed into next thing said: note it, then wait for the next. */
static enum screen_result meeting_log_add_said(struct screen_ctx *c, struct view *v,
                                               const struct command *cmd)
{
	struct meeting_log_state *st = c->state;
	struct view_field *f = view_focused_field(v);
	char *line = text_trim(mem_strdup(cmd->text));
	if (!*line) {
		int64_t n = meeting_log_said_count(c->store, c->id, NULL);
		view_message(v, VIEW_TONE_PLAIN, "Finished noting what was said: %lld noted.",
		             (long long)n);
		free(line);
		return SCREEN_HANDLED;
	}
	int64_t person = st->speaker;
	const char *said = line;
	char *colon = strstr(line, ": ");
	struct meeting_people people = { 0 };
	if (colon && colon > line && colon - line <= MEETING_LOG_COLON) {
		/* "Ann: ..." says who said it, when Ann is one of those who came. */
		char *who = mem_strndup(line, (size_t)(colon - line));
		meeting_people_load(c->store, c->id, SIZE_MAX, &people, NULL);
		int i = meeting_people_match(&people, who);
		if (i == -2) {
			char *why =
			        mem_printf("\"%s\" could be more than one person here: write more "
			                   "of the name before the colon",
			                   who);
			view_field_error(f, why);
			free(why);
		} else if (i >= 0) {
			person = people.v[i].person_id;
			said = colon + 2;
			while (*said == ' ')
				said++;
		}
		free(who);
	}
	enum screen_result r = SCREEN_HANDLED;
	struct contribution k;
	struct error err;
	contribution_init(&k);
	k.meeting_id = c->id;
	k.person_id = person;
	mem_replace(&k.said, said);
	if (*f->error) {
		/* the speaker was not clear: nothing saved, the line stays to be put right */
	} else if (contribution_create(c->store, &k, &err) != ERROR_NONE) {
		view_field_error(f, err.msg);
	} else {
		char *name = meeting_log_name_of(c->store, person);
		int64_t n = meeting_log_said_count(c->store, c->id, NULL);
		char *what = *name ? mem_printf("what %s said", name)
		                   : mem_strdup("what was said anonymously");
		view_message(
		        v, VIEW_TONE_GOOD,
		        "Noted %s: %lld so far. Type the next, or press Enter on an empty line "
		        "to finish.",
		        what, (long long)n);
		free(what);
		free(name);
		screen_edit_field(c, "said");
		r = SCREEN_CHANGED;
	}
	contribution_clear(&k);
	meeting_people_free(&people);
	free(line);
	return r;
}

/* ---- telling people ---- */

static enum screen_result meeting_log_save_told_on(struct screen_ctx *c, struct view *v,
                                                   const struct command *cmd)
{
	struct meeting_log_state *st = c->state;
	struct view_field *f = view_focused_field(v);
	int32_t day = date_today();
	struct error err;
	if (!text_blank(cmd->text) && date_parse(cmd->text, &day, &err) != ERROR_NONE) {
		char *why = mem_printf("The date told: %s", err.msg);
		view_field_error(f, why);
		free(why);
		return SCREEN_HANDLED;
	}
	date_format(day, st->told_on);
	view_field_value(f, st->told_on, st->told_on);
	view_message(v, VIEW_TONE_PLAIN, "People marked as told from now on are told on %s.",
	             st->told_on);
	return SCREEN_HANDLED;
}

static enum screen_result meeting_log_save_told_by(struct screen_ctx *c, struct view *v,
                                                   const struct command *cmd)
{
	struct meeting_log_state *st = c->state;
	struct view_field *f = view_focused_field(v);
	int i = record_choice_find(record_field(&feedback_kind, "method")->choices, cmd->text);
	if (i < 0) {
		view_field_error(f, "Choose how people were told by its number or its name");
		return SCREEN_HANDLED;
	}
	st->told_by = i;
	const char *how = meeting_log_choice(&feedback_kind, "method", i);
	view_field_value(f, how, how);
	view_message(v, VIEW_TONE_PLAIN, "People marked as told from now on are told by %s.", how);
	return SCREEN_HANDLED;
}

/* The attendance of the selected row when it is in who came (into a), else false. */
static bool meeting_log_selected_person(struct screen_ctx *c, struct view *v, struct attendance *a)
{
	const struct view_row *row = view_selected_row(v);
	if (!row || v->focus != MEETING_LOG_PEOPLE)
		return false;
	if (attendance_get(c->store, row->id, a, NULL) != ERROR_NONE) {
		attendance_clear(a);
		return false;
	}
	return true;
}

/* given: the selected person was told, on the date told, the way told, in their format. */
static enum screen_result meeting_log_given(struct screen_ctx *c, struct view *v)
{
	struct meeting_log_state *st = c->state;
	struct attendance a;
	if (!meeting_log_selected_person(c, v, &a)) {
		view_message(v, VIEW_TONE_WARN,
		             "Choose who was told in the list of who came, then mark it given.");
		return SCREEN_HANDLED;
	}
	char *name = meeting_log_name_of(c->store, a.person_id);
	struct error err;
	char *format = NULL;
	enum screen_result r = SCREEN_HANDLED;
	enum error_code code = meeting_people_tell(c->store, c->id, a.person_id, st->told_on,
	                                           st->told_by, &format, &err);
	if (code == ERROR_DUPLICATE) {
		view_message(v, VIEW_TONE_PLAIN,
		             "%s has been told already; open them to change when or how.", name);
	} else if (code != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	} else {
		view_message(v, VIEW_TONE_GOOD,
		             "Marked %s as told on %s by %s, in %s, their preferred "
		             "format.",
		             name, st->told_on,
		             meeting_log_choice(&feedback_kind, "method", st->told_by), format);
		r = SCREEN_CHANGED;
	}
	free(format);
	free(name);
	attendance_clear(&a);
	return r;
}

/* The people still owed feedback: service users and carers who came and have not been told. */
struct meeting_log_owed {
	struct store *store;
	int64_t *person;
	size_t n, cap;
};

static bool meeting_log_owed_one(const struct attendance *a, void *ctx)
{
	struct meeting_log_owed *o = ctx;
	bool user = a->role == ROLE_SERVICE_USER || a->role == ROLE_CARER;
	if (user && a->attended == 1 && !feedback_find(o->store, a->meeting_id, a->person_id)) {
		mem_grow((void **)&o->person, &o->cap, o->n + 1, sizeof *o->person);
		o->person[o->n++] = a->person_id;
	}
	return true;
}

/* all: ask before marking everyone still owed as told. */
static enum screen_result meeting_log_all(struct screen_ctx *c, struct view *v)
{
	struct meeting_log_state *st = c->state;
	struct meeting_log_owed owed = { .store = c->store };
	meeting_people_each(c->store, c->id, meeting_log_owed_one, &owed, NULL);
	if (!owed.n)
		view_message(v, VIEW_TONE_PLAIN,
		             "No service user or carer who came is still owed "
		             "feedback for this meeting.");
	else
		view_ask(v, MEETING_LOG_ASK_ALL,
		         "Mark %s still owed feedback as told on %s by %s, each in their preferred "
		         "format?",
		         owed.n == 1 ? "the one service user or carer"
		                     : "all the service users and carers",
		         st->told_on, meeting_log_choice(&feedback_kind, "method", st->told_by));
	free(owed.person);
	return SCREEN_HANDLED;
}

/* Yes to all: tell each of them, in one go. */
static enum screen_result meeting_log_tell_all(struct screen_ctx *c, struct view *v)
{
	struct meeting_log_state *st = c->state;
	struct meeting_log_owed owed = { .store = c->store };
	struct error err;
	enum error_code code =
	        meeting_people_each(c->store, c->id, meeting_log_owed_one, &owed, &err);
	if (code == ERROR_NONE)
		code = store_begin(c->store, &err);
	if (code == ERROR_NONE) {
		for (size_t i = 0; i < owed.n && code == ERROR_NONE; i++) {
			char *format = NULL;
			code = meeting_people_tell(c->store, c->id, owed.person[i], st->told_on,
			                           st->told_by, &format, &err);
			free(format);
		}
		if (code == ERROR_NONE)
			code = store_commit(c->store, &err);
		else
			store_rollback(c->store);
	}
	if (code != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s; no one was marked as told.", err.msg);
	else
		view_message(v, VIEW_TONE_GOOD,
		             "Marked %zu %s as told on %s by %s, each in their "
		             "preferred format.",
		             owed.n, owed.n == 1 ? "person" : "people", st->told_on,
		             meeting_log_choice(&feedback_kind, "method", st->told_by));
	free(owed.person);
	return code == ERROR_NONE ? SCREEN_CHANGED : SCREEN_HANDLED;
}

/* met: the selected person's support needs were met. */
static enum screen_result meeting_log_met(struct screen_ctx *c, struct view *v)
{
	struct attendance a;
	if (!meeting_log_selected_person(c, v, &a)) {
		view_message(
		        v, VIEW_TONE_WARN,
		        "Choose someone in the list of who came, then record their needs met.");
		return SCREEN_HANDLED;
	}
	struct person p;
	struct error err;
	enum screen_result r = SCREEN_HANDLED;
	if (person_get(c->store, a.person_id, &p, NULL) != ERROR_NONE)
		mem_replace(&p.name, "They");
	if (a.needs_met == 1) {
		view_message(v, VIEW_TONE_PLAIN, "%s's support needs are already recorded as met.",
		             p.name);
	} else if (record_set(c->store, &attendance_kind, a.head.id, "needs_met", "yes", &err) !=
	           ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	} else {
		view_message(v, VIEW_TONE_GOOD, "Recorded that %s's support needs were met%s%s%s.",
		             p.name, *p.support_needs ? " (" : "", p.support_needs,
		             *p.support_needs ? ")" : "");
		r = SCREEN_CHANGED;
	}
	person_clear(&p);
	attendance_clear(&a);
	return r;
}

/* ---- opening, acting, answering ---- */

/* respond: the selected thing said, or else the first still to answer. */
static bool meeting_log_first_pending(void *rec, const char *order, void *ctx)
{
	(void)order;
	*(int64_t *)ctx = ((const struct contribution *)rec)->head.id;
	return false;
}

static enum screen_result meeting_log_respond(struct screen_ctx *c, struct view *v)
{
	const struct view_row *row = view_selected_row(v);
	if (row && v->focus == MEETING_LOG_SAID) {
		screen_open(c, "contribution", row->id);
		return SCREEN_HANDLED;
	}
	int64_t id = 0;
	struct record_query q = { .where = "meeting_id",
		                  .where_id = c->id,
		                  .where_text = "response",
		                  .text_value = "pending",
		                  .limit = 1 };
	contribution_list(c->store, &q, meeting_log_first_pending, &id, NULL, NULL);
	if (id)
		screen_open(c, "contribution", id);
	else
		view_message(v, VIEW_TONE_PLAIN, "Nothing said here is waiting for an answer.");
	return SCREEN_HANDLED;
}

static enum screen_result meeting_log_delete(struct screen_ctx *c, struct view *v)
{
	(void)c;
	const struct view_row *row = view_selected_row(v);
	if (row && v->focus == MEETING_LOG_PEOPLE)
		view_ask(v, MEETING_LOG_ASK_REMOVE,
		         "Remove %s from this meeting? Any record that they were told what came of "
		         "it "
		         "goes too.",
		         row->label);
	else if (row && v->focus == MEETING_LOG_SAID)
		view_ask(v, MEETING_LOG_ASK_UNSAY, "Delete what was said: \"%s\"?", row->label);
	else
		view_message(v, VIEW_TONE_WARN,
		             "Choose someone in who came, or something said, to delete.");
	return SCREEN_HANDLED;
}

static enum screen_result meeting_log_add_action(struct screen_ctx *c, struct view *v)
{
	screen_edit_field(c, "name_to_add");
	view_message(
	        v, VIEW_TONE_PLAIN,
	        "Type part of a name: Enter adds the person found or offers to add someone new; "
	        "Enter on an empty line finishes.");
	return SCREEN_HANDLED;
}

static enum screen_result meeting_log_said_action(struct screen_ctx *c, struct view *v)
{
	screen_edit_field(c, "said");
	view_message(
	        v, VIEW_TONE_PLAIN,
	        "Type what was said (Ann: ... says Ann said it), Enter after each; Enter on an "
	        "empty line finishes.");
	return SCREEN_HANDLED;
}

/* The actions: key, word, label, help, and what each does. */
static const struct {
	int key;
	const char *word, *label, *help;
	enum screen_result (*run)(struct screen_ctx *c, struct view *v);
} meeting_log_actions[] = {
	{ 'a', "add", "add someone",
	  "Type part of a name to add who came, one after another; Enter on an empty line "
	  "finishes.",
	  meeting_log_add_action },
	{ 's', "said", "note what was said",
	  "Type what was said, one thing after another; Enter on an empty line finishes.",
	  meeting_log_said_action },
	{ 'r', "respond", "respond to what was said",
	  "Record what came of the selected thing said (or the first still to answer): we did.",
	  meeting_log_respond },
	{ 'm', "met", "support needs met",
	  "Record that the selected person's support needs were met.", meeting_log_met },
	{ 'g', "given", "feedback given",
	  "Record that the selected person was told what came of it, on the date told and by the "
	  "way told, in their preferred format.",
	  meeting_log_given },
	{ 'f', "all", "feedback given to all",
	  "Record that every service user and carer who came and is still owed feedback was "
	  "told, after asking.",
	  meeting_log_all },
	{ 'd', "delete", "remove a person or thing said",
	  "Remove the selected person from the meeting, or delete the selected thing said, after "
	  "asking.",
	  meeting_log_delete },
};

static void meeting_log_add_actions(struct view *v)
{
	for (size_t i = 0; i < sizeof meeting_log_actions / sizeof *meeting_log_actions; i++)
		view_add_action(v, meeting_log_actions[i].key, meeting_log_actions[i].word,
		                meeting_log_actions[i].label, meeting_log_actions[i].help);
}

/* The fields the screen saves itself, by name; the rest are the meeting's own. */
static const struct {
	const char *name;
	enum screen_result (*save)(struct screen_ctx *c, struct view *v, const struct command *cmd);
} meeting_log_savers[] = {
	{ "stage", meeting_log_save_stage },         { "level", meeting_log_save_level },
	{ "feedback_due_on", meeting_log_save_due }, { "held_on", meeting_log_save_held },
	{ "name_to_add", meeting_log_add_someone },  { "new_role", meeting_log_save_role },
	{ "said_by", meeting_log_save_speaker },     { "said", meeting_log_add_said },
	{ "told_on", meeting_log_save_told_on },     { "told_by", meeting_log_save_told_by },
};

static enum screen_result meeting_log_save(struct screen_ctx *c, struct view *v,
                                           const struct command *cmd)
{
	const struct view_field *f = view_focused_field(v);
	for (size_t i = 0; f && i < sizeof meeting_log_savers / sizeof *meeting_log_savers; i++)
		if (strcmp(f->name, meeting_log_savers[i].name) == 0)
			return meeting_log_savers[i].save(c, v, cmd);
	return recordview_save(c, v, &meeting_kind, cmd);
}

/* Open a row: a person, something said, or a finding's explanation. */
static enum screen_result meeting_log_open(struct screen_ctx *c, struct view *v)
{
	const struct view_row *row = view_selected_row(v);
	if (v->focus == MEETING_LOG_PEOPLE) {
		screen_open(c, "attendee", row->id);
	} else if (v->focus == MEETING_LOG_SAID) {
		screen_open(c, "contribution", row->id);
	} else {
		struct meeting_log_state *st = c->state;
		if (row->id < 1 || (size_t)row->id > st->found.count)
			return SCREEN_UNHANDLED;
		struct finding f;
		rules_list_get(&st->found, (size_t)row->id - 1, &f);
		if (screen_exists(c, "finding"))
			finding_open(c, &f);
		else
			view_message(v, VIEW_TONE_PLAIN, "%s: %s", f.rule->title, f.rule->help);
	}
	return SCREEN_HANDLED;
}

/* Carry out the answer to a question. */
static enum screen_result meeting_log_answer(struct screen_ctx *c, struct view *v,
                                             const struct command *cmd)
{
	const struct view_row *row = view_selected_row(v);
	struct error err;
	if (cmd->key == MEETING_LOG_ASK_NEW) {
		if (cmd->number)
			return meeting_log_add_new(c, v);
		view_message(v, VIEW_TONE_PLAIN,
		             "No one was added. Type the next name, or press "
		             "Enter on an empty line to finish.");
		screen_edit_field(c, "name_to_add");
		return SCREEN_HANDLED;
	}
	if (cmd->key == MEETING_LOG_ASK_ALL)
		return cmd->number ? meeting_log_tell_all(c, v) : SCREEN_HANDLED;
	if (!row)
		return SCREEN_UNHANDLED;
	if (!cmd->number) {
		view_message(v, VIEW_TONE_PLAIN, "Nothing was deleted.");
		return SCREEN_HANDLED;
	}
	enum error_code code;
	if (cmd->key == MEETING_LOG_ASK_REMOVE) {
		struct attendance a;
		code = attendance_get(c->store, row->id, &a, &err);
		int64_t told = code == ERROR_NONE ? feedback_find(c->store, c->id, a.person_id) : 0;
		if (code == ERROR_NONE)
			code = store_begin(c->store, &err);
		if (code == ERROR_NONE) {
			if (told)
				code = feedback_delete(c->store, told, &err);
			if (code == ERROR_NONE)
				code = attendance_delete(c->store, row->id, &err);
			if (code == ERROR_NONE)
				code = store_commit(c->store, &err);
			else
				store_rollback(c->store);
		}
		attendance_clear(&a);
	} else {
		code = contribution_delete(c->store, row->id, &err);
	}
	if (code != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		return SCREEN_HANDLED;
	}
	if (cmd->key == MEETING_LOG_ASK_REMOVE)
		view_message(v, VIEW_TONE_GOOD, "Removed %s from this meeting.", row->label);
	else
		view_message(v, VIEW_TONE_GOOD, "Deleted what was said: \"%s\".", row->label);
	return SCREEN_CHANGED;
}

static enum screen_result meeting_log_handle(struct screen_ctx *c, struct view *v,
                                             const struct command *cmd)
{
	if (!c->state)
		return SCREEN_UNHANDLED;
	switch (cmd->kind) {
	case COMMAND_SAVE_FIELD:
		return meeting_log_save(c, v, cmd);
	case COMMAND_INSERT:
	case COMMAND_ERASE_BACK:
	case COMMAND_ERASE:
	case COMMAND_ERASE_ALL:
		meeting_log_hint(c, v);
		return SCREEN_HANDLED;
	case COMMAND_OPEN:
		return meeting_log_open(c, v);
	case COMMAND_ACTION:
		for (size_t i = 0; i < sizeof meeting_log_actions / sizeof *meeting_log_actions;
		     i++)
			if (meeting_log_actions[i].key == cmd->key)
				return meeting_log_actions[i].run(c, v);
		return SCREEN_UNHANDLED;
	case COMMAND_ANSWER:
		return meeting_log_answer(c, v, cmd);
	default:
		return SCREEN_UNHANDLED;
	}
}

enum error_code meeting_log_start(struct screen_ctx *c, int64_t project_id, int stage,
                                  struct error *err)
{
	struct meeting m;
	meeting_init(&m);
	m.project_id = project_id;
	m.stage = stage;
	m.status = MEETING_HELD;
	m.method = METHOD_MEETING;
	date_format(date_today(), m.held_on);
	char *title = mem_printf("Meeting on %s", m.held_on);
	mem_replace(&m.title, title);
	free(title);
	enum error_code code = meeting_create(c->store, &m, err);
	if (code == ERROR_NONE)
		screen_open(c, "meeting", m.head.id);
	meeting_clear(&m);
	return code;
}

const struct screen meeting_log_screen = {
	.name = "meeting",
	.title = "Meeting",
	.help = "Log a meeting as it happens. Its details come first; each is saved as soon as you "
	        "leave it. Add who came by typing part of a name: Enter adds the person found, or "
	        "offers to add someone new, and waits for the next name; Enter on an empty line "
	        "finishes. Note what was said the same way, one line after another; a line that "
	        "starts with a name and a colon (Ann: the bus is late) is noted as said by them. "
	        "Open a person to record their role, support needs and feedback; open something "
	        "said to record what came of it. Given marks the selected person as told; all "
	        "marks "
	        "everyone still owed. Open a finding to hear why it matters.",
	.build = meeting_log_build,
	.handle = meeting_log_handle,
	.leave = meeting_log_leave,
};
