/* SPDX-License-Identifier: GPL-3.0-or-later */
/* attendee: one person at one meeting — role, came, support needs met, told what came of it. */
#include "attendee.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attendance.h"
#include "feedback.h"
#include "meeting.h"
#include "meeting_people.h"
#include "mem.h"
#include "person.h"
#include "recordview.h"
#include "text.h"
#include "vocab.h"

enum { ATTENDEE_ASK_REMOVE = 1, ATTENDEE_ASK_UNTELL };

/* Everything the screen shows, read afresh for each build and each change. */
struct attendee {
	struct attendance a;
	struct person p;
	struct meeting m;
	struct feedback f; /* initialised, with their preferred format, when not told */
	bool told;
};

/* Read attendance id and what goes with it; false with err filled when it is gone. */
static bool attendee_read(struct store *s, int64_t id, struct attendee *x, struct error *err)
{
	memset(x, 0, sizeof *x);
	bool ok = attendance_get(s, id, &x->a, err) == ERROR_NONE;
	if (!ok)
		person_init(&x->p);
	else
		ok = person_get(s, x->a.person_id, &x->p, err) == ERROR_NONE;
	if (!ok)
		meeting_init(&x->m);
	else
		ok = meeting_get(s, x->a.meeting_id, &x->m, err) == ERROR_NONE;
	int64_t fid = ok ? feedback_find(s, x->a.meeting_id, x->a.person_id) : 0;
	x->told = fid && feedback_get(s, fid, &x->f, NULL) == ERROR_NONE;
	if (!fid) {
		feedback_init(&x->f);
		x->f.format = x->p.preferred_format;
	}
	return ok;
}

static void attendee_clear(struct attendee *x)
{
	attendance_clear(&x->a);
	person_clear(&x->p);
	meeting_clear(&x->m);
	feedback_clear(&x->f);
}

/* "support needs met: not recorded (hearing loop)" and the like. */
static char *attendee_needs(const struct attendee *x)
{
	static const char *const met[] = { "no", "yes" };
	const char *said =
	        x->a.needs_met == 0 || x->a.needs_met == 1 ? met[x->a.needs_met] : "not recorded";
	if (*x->p.support_needs)
		return mem_printf("support needs met: %s (%s)", said, x->p.support_needs);
	return mem_printf("support needs met: %s (none on record)", said);
}

/* One sentence: came as what, needs met, told or owed. */
static void attendee_summary(struct view *v, const struct attendee *x, int warn_days)
{
	enum meeting_people_owed t =
	        meeting_people_owed(&x->m, &x->a, x->told, date_today(), warn_days);
	const char *role = meeting_people_article(x->a.role);
	char *needs = attendee_needs(x), *told;
	if (t == MEETING_PEOPLE_TOLD)
		told = mem_printf("told what came of it on %s in %s", x->f.given_on,
		                  meeting_people_format(x->f.format, x->p.language));
	else if (t == MEETING_PEOPLE_NOT_OWED)
		told = mem_strdup("no feedback is owed");
	else
		told = mem_printf("owed feedback in %s, %s %s",
		                  meeting_people_format(x->p.preferred_format, x->p.language),
		                  t == MEETING_PEOPLE_OVERDUE ? "OVERDUE since" : "due",
		                  x->m.feedback_due_on);
	if (x->a.attended == 1)
		view_summary(v, "%s came as %s; %s; %s.", x->p.name, role, needs, told);
	else
		view_summary(v, "%s was expected as %s but did not come; %s; %s.", x->p.name, role,
		             needs, told);
	free(needs);
	free(told);
}

static void attendee_build(struct screen_ctx *c, struct view *v)
{
	struct attendee x;
	struct error err;
	if (!attendee_read(c->store, c->id, &x, &err)) {
		view_title(v, "Someone at a meeting");
		view_summary(v, "%s.", err.msg);
		attendee_clear(&x);
		return;
	}
	view_title(v, "%s at %s", x.p.name, x.m.title);
	attendee_summary(v, &x, meeting_people_warn_days(c->config));

	static const char *const came[] = { "role", "attended", NULL };
	static const char *const papers[] = { "papers_format", NULL };
	struct view_section *sec = view_add_form(v, "At the meeting");
	recordview_form(sec, &attendance_kind, &x.a, came, c->config);
	struct view_field *f = view_form_add(sec, "support_needs", "their support needs");
	const char *needs = *x.p.support_needs ? x.p.support_needs : "none on record";
	view_field_value(f, needs, needs);
	view_field_help(f, "What they need to take part, as on their own record.", "");
	f->read_only = true;
	f = view_form_add(sec, "needs_met", "support needs met");
	static const char *const met[] = { "no", "yes", "not recorded" };
	const char *shown = met[x.a.needs_met == 0 || x.a.needs_met == 1 ? x.a.needs_met : 2];
	view_field_value(f, shown, shown);
	char *help =
	        mem_printf("Were their support needs met (%s)? Yes, no, or not recorded.", needs);
	view_field_help(f, help, "");
	free(help);
	static const char *const offered[] = { "yes", "no", "not recorded" };
	for (size_t i = 0; i < 3; i++)
		view_field_add_choice(f, offered[i]);
	recordview_form(sec, &attendance_kind, &x.a, papers, c->config);

	static const char *const told[] = { "given_on", "method", "format", "summary", NULL };
	sec = view_add_form(v, x.told ? "Told what came of it" : "Not yet told what came of it");
	recordview_form(sec, &feedback_kind, &x.f, told, c->config);

	view_add_action(v, 'g', "given", "feedback given today",
	                "Record that they were told what came of it today, by letter, in their "
	                "preferred format; change any of it after.");
	view_add_action(v, 'u', "untold", "not told after all",
	                "Remove the record that they were told, after asking.");
	view_add_action(v, 'd', "delete", "remove from the meeting",
	                "Remove them from this meeting, after asking.");
	if (screen_exists(c, "person"))
		view_add_action(
		        v, 'p', "person", "their own record",
		        "Open the person's own record: their roles, preferred format, support "
		        "needs, consent, and what is owed to them.");
	attendee_clear(&x);
}

/* A note when feedback went in another format than the one they prefer; "" when not. */
static char *attendee_format_note(const struct attendee *x)
{
	if (!x->told || x->f.format == x->p.preferred_format)
		return mem_strdup("");
	return mem_printf(" %s prefers %s, so this is listed as a finding until they are told in "
	                  "%s.",
	                  x->p.name, meeting_people_format(x->p.preferred_format, x->p.language),
	                  meeting_people_format(x->p.preferred_format, x->p.language));
}

/* Add the format note, if any, to the message line. */
static void attendee_note_format(struct screen_ctx *c, struct view *v)
{
	struct attendee x;
	if (attendee_read(c->store, c->id, &x, NULL)) {
		char *note = attendee_format_note(&x);
		if (*note) {
			char *message = mem_printf("%s%s", v->message, note);
			view_message(v, VIEW_TONE_WARN, "%s", message);
			free(message);
		}
		free(note);
	}
	attendee_clear(&x);
}

/* A feedback field: change the record, or make one (today, by letter, their format) with it. */
static enum screen_result attendee_save_told(struct screen_ctx *c, struct view *v,
                                             const struct command *cmd)
{
	struct attendee x;
	struct error err;
	struct view_field *vf = view_focused_field(v);
	enum screen_result r = SCREEN_HANDLED;
	if (!attendee_read(c->store, c->id, &x, &err)) {
		view_field_error(vf, err.msg);
	} else if (x.told) {
		/* The form shows the feedback record: save into it, as a form of its own would. */
		int64_t own = c->id;
		c->id = x.f.head.id;
		r = recordview_save(c, v, &feedback_kind, cmd);
		c->id = own;
	} else {
		x.f.meeting_id = x.a.meeting_id;
		x.f.person_id = x.a.person_id;
		date_format(date_today(), x.f.given_on);
		if (record_field_parse(vf->field, &x.f, cmd->text, &err) != ERROR_NONE ||
		    feedback_create(c->store, &x.f, &err) != ERROR_NONE) {
			view_field_error(vf, err.msg);
		} else {
			view_message(
			        v, VIEW_TONE_GOOD, "Marked %s as told on %s by %s, in %s.",
			        x.p.name, x.f.given_on,
			        record_choice_label(record_field(&feedback_kind, "method")->choices,
			                            x.f.method),
			        meeting_people_format(x.f.format, x.p.language));
			r = SCREEN_CHANGED;
		}
	}
	attendee_clear(&x);
	if (r == SCREEN_CHANGED)
		attendee_note_format(c, v);
	return r;
}

/* Support needs met: yes, no, or not recorded. */
static enum screen_result attendee_save_needs(struct screen_ctx *c, struct view *v,
                                              const struct command *cmd)
{
	struct command typed = *cmd;
	typed.text = mem_strdup(strcasecmp(cmd->text, "not recorded") == 0 ? "" : cmd->text);
	enum screen_result r = recordview_save(c, v, &attendance_kind, &typed);
	free(typed.text);
	struct attendance a;
	if (r == SCREEN_CHANGED && attendance_get(c->store, c->id, &a, NULL) == ERROR_NONE) {
		static const char *const said[] = {
			"Recorded that their support needs were NOT met; this is listed as a "
			"finding "
			"so it can be put right.",
			"Recorded that their support needs were met.",
			"Their support needs are now not recorded either way.",
		};
		view_message(v, a.needs_met == 0 ? VIEW_TONE_WARN : VIEW_TONE_GOOD, "%s",
		             said[a.needs_met == 0 || a.needs_met == 1 ? a.needs_met : 2]);
	}
	attendance_clear(&a);
	return r;
}

/* given: told today, by letter, in their preferred format. */
static enum screen_result attendee_given(struct screen_ctx *c, struct view *v)
{
	struct attendance a;
	struct error err;
	enum screen_result r = SCREEN_HANDLED;
	if (attendance_get(c->store, c->id, &a, &err) == ERROR_NONE) {
		char today[DATE_TEXT_SIZE];
		char *format = NULL;
		date_format(date_today(), today);
		enum error_code code = meeting_people_tell(c->store, a.meeting_id, a.person_id,
		                                           today, FEEDBACK_LETTER, &format, &err);
		if (code == ERROR_DUPLICATE)
			view_message(v, VIEW_TONE_PLAIN,
			             "They have been told already; change the date, "
			             "method or format below.");
		else if (code != ERROR_NONE)
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		else
			view_message(v, VIEW_TONE_GOOD,
			             "Marked as told today, %s, by letter, in %s, "
			             "their preferred format.",
			             today, format);
		free(format);
		r = code == ERROR_NONE ? SCREEN_CHANGED : SCREEN_HANDLED;
	} else {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	}
	attendance_clear(&a);
	return r;
}

/* person: their own record, on the People screens. */
static enum screen_result attendee_person(struct screen_ctx *c, struct view *v)
{
	struct attendance a;
	struct error err;
	if (attendance_get(c->store, c->id, &a, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	else
		screen_open(c, "person", a.person_id);
	attendance_clear(&a);
	return SCREEN_HANDLED;
}

static enum screen_result attendee_ask(struct screen_ctx *c, struct view *v, int tag)
{
	struct attendee x;
	struct error err;
	if (!attendee_read(c->store, c->id, &x, &err))
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	else if (tag == ATTENDEE_ASK_REMOVE)
		view_ask(v, tag,
		         "Remove %s from %s? Any record that they were told what came of it goes "
		         "too.",
		         x.p.name, x.m.title);
	else if (x.told)
		view_ask(v, tag, "Remove the record that %s was told what came of %s on %s?",
		         x.p.name, x.m.title, x.f.given_on);
	else
		view_message(v, VIEW_TONE_PLAIN, "%s has not been recorded as told.", x.p.name);
	attendee_clear(&x);
	return SCREEN_HANDLED;
}

/* Yes to a question: remove them from the meeting (and back), or the record they were told. */
static enum screen_result attendee_answer(struct screen_ctx *c, struct view *v,
                                          const struct command *cmd)
{
	if (!cmd->number) {
		view_message(v, VIEW_TONE_PLAIN, "Nothing was removed.");
		return SCREEN_HANDLED;
	}
	struct attendee x;
	struct error err;
	enum error_code code = attendee_read(c->store, c->id, &x, &err) ? ERROR_NONE : err.code;
	if (code == ERROR_NONE)
		code = store_begin(c->store, &err);
	if (code == ERROR_NONE) {
		if (x.told)
			code = feedback_delete(c->store, x.f.head.id, &err);
		if (code == ERROR_NONE && cmd->key == ATTENDEE_ASK_REMOVE)
			code = attendance_delete(c->store, c->id, &err);
		if (code == ERROR_NONE)
			code = store_commit(c->store, &err);
		else
			store_rollback(c->store);
	}
	if (code != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	} else if (cmd->key == ATTENDEE_ASK_REMOVE) {
		screen_back(c);
	} else {
		view_message(v, VIEW_TONE_GOOD, "%s is no longer recorded as told.", x.p.name);
	}
	attendee_clear(&x);
	return code == ERROR_NONE ? SCREEN_CHANGED : SCREEN_HANDLED;
}

static enum screen_result attendee_handle(struct screen_ctx *c, struct view *v,
                                          const struct command *cmd)
{
	const struct view_field *f = view_focused_field(v);
	switch (cmd->kind) {
	case COMMAND_SAVE_FIELD:
		if (strcmp(f->name, "needs_met") == 0)
			return attendee_save_needs(c, v, cmd);
		if (record_field(&feedback_kind, f->name))
			return attendee_save_told(c, v, cmd);
		return recordview_save(c, v, &attendance_kind, cmd);
	case COMMAND_ACTION:
		if (cmd->key == 'g')
			return attendee_given(c, v);
		if (cmd->key == 'p')
			return attendee_person(c, v);
		return attendee_ask(c, v,
		                    cmd->key == 'd' ? ATTENDEE_ASK_REMOVE : ATTENDEE_ASK_UNTELL);
	case COMMAND_ANSWER:
		return attendee_answer(c, v, cmd);
	default:
		return SCREEN_UNHANDLED;
	}
}

const struct screen attendee_screen = {
	.name = "attendee",
	.title = "Someone at a meeting",
	.help = "One person at one meeting: the part they took, whether they came, whether their "
	        "support needs were met (their needs on record are shown above it), and the format "
	        "of their papers. Below, whether they have been told what came of it: the date, "
	        "how, in what format, and what they were told. Changing any of those when they "
	        "have not been told yet records them as told today. Given records them as told "
	        "today in their preferred format; untold removes that record; delete removes them "
	        "from the meeting; person opens their own record.",
	.build = attendee_build,
	.handle = attendee_handle,
};
