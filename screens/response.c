/* SPDX-License-Identifier: GPL-3.0-or-later */
/* response: one thing said at a meeting and the response to it — you said, we did. */
#include "response.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "contribution.h"
#include "decision.h"
#include "meeting.h"
#include "meeting_people.h"
#include "mem.h"
#include "person.h"
#include "recordview.h"
#include "text.h"

enum { RESPONSE_ASK_DELETE = 1 };
enum { RESPONSE_DECISIONS = 30, RESPONSE_SPEAKERS = 50 }; /* choices offered at most */

/* The label of response i. */
static const char *response_response(int i)
{
	return record_choice_label(record_field(&contribution_kind, "response")->choices, i);
}

/* Does response i need a reason (partly adopted, not possible)? */
static bool response_needs_reason(int i)
{
	return i == RESPONSE_PARTLY || i == RESPONSE_NOT_POSSIBLE;
}

/* The reminder that goes with a response that has no reason yet. */
static const char response_why[] = "people must be told what is not possible and why";

/* The name of who said it, or "Someone, anonymously"; the caller frees it. */
static char *response_who(struct store *s, int64_t person_id)
{
	struct person p;
	if (!person_id)
		return mem_strdup("Someone, anonymously,");
	char *name = mem_strdup(person_get(s, person_id, &p, NULL) == ERROR_NONE
	                                ? p.name
	                                : "Someone no longer on record");
	person_clear(&p);
	return name;
}

/* Collect a project's decisions as choices. */
struct response_decisions {
	struct view_field *f;
	int64_t current;
	char *current_title;
};

static bool response_decision(void *rec, const char *order, void *ctx)
{
	const struct decision *d = rec;
	struct response_decisions *x = ctx;
	(void)order;
	view_field_add_choice(x->f, d->title);
	if (d->head.id == x->current)
		mem_replace(&x->current_title, d->title);
	return true;
}

/* The decision it fed into, as a choice of the project's decisions. */
static void response_decision_field(struct screen_ctx *c, struct view_section *sec,
                                    const struct contribution *k, int64_t project_id)
{
	const struct field *rf = record_field(&contribution_kind, "decision_id");
	struct view_field *f = view_form_add(sec, "decision", rf->label);
	view_field_help(f, rf->help, "");
	view_field_add_choice(f, "none");
	struct response_decisions x = { .f = f, .current = k->decision_id };
	struct record_query q = { .where = "project_id",
		                  .where_id = project_id,
		                  .limit = RESPONSE_DECISIONS };
	decision_list(c->store, &q, response_decision, &x, NULL, NULL);
	if (k->decision_id && !x.current_title) {
		/* Linked to a decision beyond those offered: still shown by its title. */
		struct decision d;
		if (decision_get(c->store, k->decision_id, &d, NULL) == ERROR_NONE)
			mem_replace(&x.current_title, d.title);
		decision_clear(&d);
	}
	const char *shown = x.current_title ? x.current_title : "none";
	view_field_value(f, shown, shown);
	free(x.current_title);
}

/* Who said it, as a choice of those who came, or anonymous. */
static void response_speaker_field(struct screen_ctx *c, struct view_section *sec,
                                   const struct contribution *k)
{
	struct view_field *f = view_form_add(sec, "said_by", "said by");
	view_field_help(f, "Who said it: someone who came, or anonymous.", "");
	view_field_add_choice(f, "anonymous");
	struct meeting_people people = { 0 };
	meeting_people_load(c->store, k->meeting_id, RESPONSE_SPEAKERS, &people, NULL);
	for (size_t i = 0; i < people.n; i++)
		view_field_add_choice(f, people.v[i].name);
	meeting_people_free(&people);
	char *who = k->person_id ? response_who(c->store, k->person_id) : mem_strdup("anonymous");
	view_field_value(f, who, who);
	free(who);
}

static void response_build(struct screen_ctx *c, struct view *v)
{
	struct contribution k;
	struct meeting m;
	struct error err;
	if (contribution_get(c->store, c->id, &k, &err) != ERROR_NONE ||
	    meeting_get(c->store, k.meeting_id, &m, &err) != ERROR_NONE) {
		view_title(v, "You said, we did");
		view_summary(v, "%s.", err.msg);
		contribution_clear(&k);
		return;
	}
	view_title(v, "You said, we did: %s", m.title);
	char *who = response_who(c->store, k.person_id);
	bool missing = response_needs_reason(k.response) && text_blank(k.reason);
	if (k.response == RESPONSE_PENDING)
		view_summary(v,
		             "%s said this at %s on %s; what came of it is still to be recorded.",
		             who, m.title, m.held_on);
	else
		view_summary(v, "%s said this at %s on %s; it was %s%s%s%s%s.", who, m.title,
		             m.held_on, response_response(k.response),
		             *k.responded_on ? " on " : "", k.responded_on,
		             missing ? ", and the reason is missing: " : "",
		             missing ? response_why : "");
	free(who);

	static const char *const did[] = { "response", "response_text", NULL };
	static const char *const when[] = { "responded_on", NULL };
	static const char *const said[] = { "said", NULL };
	static const char *const theme[] = { "theme", NULL };
	struct view_section *sec = view_add_form(v, "We did");
	recordview_form(sec, &contribution_kind, &k, did, c->config);
	recordview_form(sec, &contribution_kind, &k, (const char *const[]){ "reason", NULL },
	                c->config);
	struct view_field *f = &sec->fields[sec->nfields - 1];
	if (missing) {
		char *shown = mem_printf("missing: needed because it was %s",
		                         response_response(k.response));
		view_field_value(f, "", shown);
		free(shown);
	}
	recordview_form(sec, &contribution_kind, &k, when, c->config);
	response_decision_field(c, sec, &k, m.project_id);
	sec = view_add_form(v, "You said");
	recordview_form(sec, &contribution_kind, &k, said, c->config);
	response_speaker_field(c, sec, &k);
	recordview_form(sec, &contribution_kind, &k, theme, c->config);

	view_add_action(v, 'd', "delete", "delete what was said",
	                "Delete this thing said and its response, after asking.");
	contribution_clear(&k);
	meeting_clear(&m);
}

/* Write k (changed by the caller), or put the store's sentence under the field. */
static enum screen_result response_write(struct screen_ctx *c, struct view *v,
                                         struct contribution *k)
{
	struct error err;
	if (contribution_update(c->store, k, &err) != ERROR_NONE) {
		view_field_error(view_focused_field(v), err.msg);
		return SCREEN_HANDLED;
	}
	return SCREEN_CHANGED;
}

/* The response: dated today when first given; a reason asked for where one is needed. */
static enum screen_result response_save_response(struct screen_ctx *c, struct view *v,
                                                 struct contribution *k, const char *text)
{
	int i = record_choice_find(record_field(&contribution_kind, "response")->choices, text);
	if (i < 0) {
		view_field_error(view_focused_field(v),
		                 "Choose the response by its number or its name: pending, adopted, "
		                 "partly adopted, not possible or already happening");
		return SCREEN_HANDLED;
	}
	if (i == k->response) {
		view_message(v, VIEW_TONE_PLAIN, "The response stays %s.", response_response(i));
		return SCREEN_HANDLED;
	}
	k->response = i;
	if (i != RESPONSE_PENDING && !*k->responded_on)
		date_format(date_today(), k->responded_on);
	enum screen_result r = response_write(c, v, k);
	if (r != SCREEN_CHANGED)
		return r;
	if (response_needs_reason(i) && text_blank(k->reason))
		view_message(v, VIEW_TONE_WARN,
		             "Saved the response: %s, on %s. Now give the reason: %s.",
		             response_response(i), k->responded_on, response_why);
	else if (i != RESPONSE_PENDING)
		view_message(v, VIEW_TONE_GOOD, "Saved the response: %s, on %s.",
		             response_response(i), k->responded_on);
	else
		view_message(v, VIEW_TONE_GOOD, "Saved the response: pending.");
	return r;
}

static enum screen_result response_save_decision(struct screen_ctx *c, struct view *v,
                                                 struct contribution *k, const char *text)
{
	int64_t id = 0;
	if (!text_blank(text) && strcasecmp(text, "none") != 0) {
		struct meeting m;
		if (meeting_get(c->store, k->meeting_id, &m, NULL) == ERROR_NONE)
			id = decision_find(c->store, m.project_id, text);
		meeting_clear(&m);
		if (!id) {
			char *why = mem_printf(
			        "No decision of this project is called \"%s\": choose one "
			        "by its number, or none",
			        text);
			view_field_error(view_focused_field(v), why);
			free(why);
			return SCREEN_HANDLED;
		}
	}
	k->decision_id = id;
	enum screen_result r = response_write(c, v, k);
	if (r == SCREEN_CHANGED)
		view_message(v, VIEW_TONE_GOOD, "Saved the decision: %s.", id ? text : "none");
	return r;
}

static enum screen_result response_save_speaker(struct screen_ctx *c, struct view *v,
                                                struct contribution *k, const char *text)
{
	int64_t id = 0;
	char *name = mem_strdup("anonymous");
	if (!text_blank(text) && strcasecmp(text, "anonymous") != 0) {
		struct meeting_people people = { 0 };
		meeting_people_load(c->store, k->meeting_id, SIZE_MAX, &people, NULL);
		int i = meeting_people_match(&people, text);
		if (i >= 0) {
			id = people.v[i].person_id;
			mem_replace(&name, people.v[i].name);
		}
		meeting_people_free(&people);
		if (i < 0) {
			char *why = mem_printf(
			        i == -1 ? "%s is not at this meeting: choose someone who "
			                  "came, or anonymous"
			                : "%s could be more than one person here: type "
			                  "more of the name",
			        text);
			view_field_error(view_focused_field(v), why);
			free(why);
			free(name);
			return SCREEN_HANDLED;
		}
	}
	k->person_id = id;
	enum screen_result r = response_write(c, v, k);
	if (r == SCREEN_CHANGED)
		view_message(v, VIEW_TONE_GOOD, "Saved who said it: %s.", name);
	free(name);
	return r;
}

static enum screen_result response_save(struct screen_ctx *c, struct view *v,
                                        const struct command *cmd)
{
	static const struct {
		const char *name;
		enum screen_result (*save)(struct screen_ctx *c, struct view *v,
		                           struct contribution *k, const char *text);
	} savers[] = {
		{ "response", response_save_response },
		{ "decision", response_save_decision },
		{ "said_by", response_save_speaker },
	};
	const struct view_field *f = view_focused_field(v);
	for (size_t i = 0; i < sizeof savers / sizeof *savers; i++) {
		if (strcmp(f->name, savers[i].name) != 0)
			continue;
		struct contribution k;
		struct error err;
		enum screen_result r = SCREEN_HANDLED;
		if (contribution_get(c->store, c->id, &k, &err) != ERROR_NONE)
			view_field_error(view_focused_field(v), err.msg);
		else
			r = savers[i].save(c, v, &k, cmd->text);
		contribution_clear(&k);
		return r;
	}
	enum screen_result r = recordview_save(c, v, &contribution_kind, cmd);
	struct contribution k;
	if (r == SCREEN_CHANGED && strcmp(f->name, "reason") == 0 &&
	    contribution_get(c->store, c->id, &k, NULL) == ERROR_NONE &&
	    response_needs_reason(k.response) && text_blank(k.reason))
		view_message(v, VIEW_TONE_WARN, "The reason is now empty: %s.", response_why);
	if (r == SCREEN_CHANGED && strcmp(f->name, "reason") == 0)
		contribution_clear(&k);
	return r;
}

static enum screen_result response_handle(struct screen_ctx *c, struct view *v,
                                          const struct command *cmd)
{
	struct error err;
	switch (cmd->kind) {
	case COMMAND_SAVE_FIELD:
		return response_save(c, v, cmd);
	case COMMAND_ACTION: {
		struct contribution k;
		if (contribution_get(c->store, c->id, &k, &err) != ERROR_NONE)
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		else
			view_ask(v, RESPONSE_ASK_DELETE, "Delete what was said: \"%s\"?", k.said);
		contribution_clear(&k);
		return SCREEN_HANDLED;
	}
	case COMMAND_ANSWER:
		if (!cmd->number) {
			view_message(v, VIEW_TONE_PLAIN, "Nothing was deleted.");
			return SCREEN_HANDLED;
		}
		if (contribution_delete(c->store, c->id, &err) != ERROR_NONE) {
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
			return SCREEN_HANDLED;
		}
		screen_back(c);
		return SCREEN_HANDLED;
	default:
		return SCREEN_UNHANDLED;
	}
}

const struct screen response_screen = {
	.name = "contribution",
	.title = "You said, we did",
	.help = "One thing said at a meeting, and what came of it. The response is pending until "
	        "it is adopted, partly adopted, not possible or already happening; giving one "
	        "dates "
	        "it today unless a date is there. When it was only partly adopted or not possible, "
	        "give the reason: people must be told what is not possible and why. Link the "
	        "decision it fed into, if any. Below are the words, who said them and a theme.",
	.build = response_build,
	.handle = response_handle,
};
