/* SPDX-License-Identifier: GPL-3.0-or-later */
/* payment_details: one payment as a form: who, for which meeting, how much, claimed, paid. */
#include "payment_details.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "involvement.h"
#include "involvement_rows.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "person_pick.h"
#include "recordview.h"
#include "text.h"

enum {
	PAYMENT_DETAILS_MEETINGS = 30, /* the person's latest meetings offered as choices */
	PAYMENT_DETAILS_ASK_DELETE = 1,
	PAYMENT_DETAILS_NONE = -2, /* no meeting */
};

/* The fields of the payment record the form edits as they are. */
static const char *const payment_details_fields[] = {
	"kind", "amount_pence", "claimed_on", "paid_on", "declined", NULL,
};

struct payment_details_state {
	struct config *own_config; /* the built-in settings, when the program gave none */
	struct person_pick pick;   /* the people offered for the person field */
	char *pick_error;          /* why the person typed was not taken, until the next try */
	int64_t meeting_ids[PAYMENT_DETAILS_MEETINGS];
	char *meeting_labels[PAYMENT_DETAILS_MEETINGS];
	size_t nmeetings;
};

/* The screen's state, made when first needed. */
static struct payment_details_state *payment_details_state(struct screen_ctx *c)
{
	if (!c->state)
		c->state = mem_calloc(1, sizeof(struct payment_details_state));
	return c->state;
}

/* Drop the meetings offered last. */
static void payment_details_forget_meetings(struct payment_details_state *st)
{
	for (size_t i = 0; i < st->nmeetings; i++)
		free(st->meeting_labels[i]);
	st->nmeetings = 0;
}

/* "Carers' forum, 2026-10-02": how a meeting is offered. Caller frees. */
static char *payment_details_meeting_label(const char *title, const char *held_on)
{
	return mem_printf("%s, %s", title, held_on);
}

/* Keep one of the person's meetings to offer, up to the most offered. */
static bool payment_details_take_meeting(const struct involvement_meeting *m, void *ctx)
{
	struct payment_details_state *st = ctx;
	st->meeting_ids[st->nmeetings] = m->meeting_id;
	st->meeting_labels[st->nmeetings++] = payment_details_meeting_label(m->title, m->held_on);
	return st->nmeetings < PAYMENT_DETAILS_MEETINGS;
}

/* The person field: who is paid, typed as part of a name, with the people offered last. */
static void payment_details_person_field(struct view_section *form,
                                         struct payment_details_state *st, const char *name)
{
	struct view_field *f = view_form_add(form, "person_id", "person");
	view_field_value(f, name, name);
	view_field_help(f,
	                "Who is paid: type part of their name, and if several people match, "
	                "choose one by its number.",
	                "part of a name, required");
	person_pick_offer(&st->pick, f);
	if (st->pick_error)
		view_field_error(f, st->pick_error);
}

/* The meeting field: none, or one of the meetings the person was booked into. */
static void payment_details_meeting_field(struct screen_ctx *c, struct view *v,
                                          struct view_section *form,
                                          struct payment_details_state *st,
                                          const struct payment *pay)
{
	struct view_field *f = view_form_add(form, "meeting_id", "meeting");
	struct meeting m;
	char *label = NULL;
	if (pay->meeting_id && meeting_get(c->store, pay->meeting_id, &m, NULL) == ERROR_NONE) {
		label = payment_details_meeting_label(m.title, m.held_on);
		meeting_clear(&m);
	}
	view_field_value(f, label ? label : "", label ? label : "none");
	free(label);
	view_field_help(f,
	                "The meeting it is for, chosen from the meetings they were booked into, "
	                "newest first; none when it is not for one meeting.",
	                "");
	payment_details_forget_meetings(st);
	if (!pay->person_id)
		return;
	view_field_add_choice(f, "none");
	struct involvement_page page = { .limit = PAYMENT_DETAILS_MEETINGS };
	struct error err;
	if (involvement_history(c->store, pay->person_id, &page, payment_details_take_meeting, st,
	                        &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	for (size_t i = 0; i < st->nmeetings; i++)
		view_field_add_choice(f, st->meeting_labels[i]);
}

/* One sentence on where the payment stands and what to do next. */
static void payment_details_summary(struct screen_ctx *c, struct view *v, const struct payment *pay)
{
	static const char after[] = "; each detail is saved as soon as you leave it.";
	if (*pay->paid_on) {
		view_summary(v, "Paid on %s%s", pay->paid_on, after);
		return;
	}
	if (pay->declined == 1) {
		view_summary(v, "They declined this payment%s", after);
		return;
	}
	int32_t claimed;
	if (date_parse(pay->claimed_on, &claimed, NULL) != ERROR_NONE) {
		view_summary(v, "Not claimed yet: fill in how much and the date claimed%s", after);
		return;
	}
	struct payment_details_state *st = payment_details_state(c);
	struct involvement_terms t =
	        involvement_terms(involvement_rows_config(c, &st->own_config), date_today());
	char due[DATE_TEXT_SIZE];
	date_format(involvement_pay_due(&t, claimed), due);
	view_summary(v, "%s on %s, to be paid by %s: pay marks it paid today%s",
	             claimed <= t.pay_cutoff ? "OVERDUE: claimed" : "Claimed", pay->claimed_on, due,
	             after);
}

/* Title, a summary of where the payment stands, the form, and the actions. */
static void payment_details_build(struct screen_ctx *c, struct view *v)
{
	struct payment_details_state *st = payment_details_state(c);
	struct payment pay;
	struct error err;
	if (!c->id) {
		payment_init(&pay);
	} else if (payment_get(c->store, c->id, &pay, &err) != ERROR_NONE) {
		view_title(v, "Payment");
		view_summary(v, "%s.", err.msg);
		payment_clear(&pay);
		return;
	}
	struct person pe;
	bool have_person =
	        pay.person_id && person_get(c->store, pay.person_id, &pe, NULL) == ERROR_NONE;
	if (c->id) {
		char *named = involvement_rows_payment_named(c->store, c->id, true, &err);
		view_title(v, "Payment: %s", named ? named : err.msg);
		free(named);
		payment_details_summary(c, v, &pay);
	} else {
		view_title(v, "New payment");
		view_summary(v,
		             "Choose who is paid first, by typing part of their name; each detail "
		             "is saved as soon as you leave it.");
	}
	struct view_section *form = view_add_form(v, NULL);
	payment_details_person_field(form, st, have_person ? pe.name : "");
	payment_details_meeting_field(c, v, form, st, &pay);
	recordview_form(form, &payment_kind, &pay, payment_details_fields, c->config);
	if (c->id) {
		view_add_action(v, 'p', "pay", "mark it paid today",
		                "Record that this payment was paid today.");
		view_add_action(v, 'n', "declined", "record that they declined",
		                "Record that the person chose not to be paid.");
		view_add_action(v, 'd', "delete", "delete the payment",
		                "Delete this payment, after asking.");
	}
	/* A payment with nothing in it yet is filled in field by field. */
	v->walk = !c->id ||
	          (!pay.amount_pence && !*pay.claimed_on && !*pay.paid_on && pay.declined != 1);
	if (have_person)
		person_clear(&pe);
	payment_clear(&pay);
}

/* Save the person field: the person typed, or the people to choose from. */
static enum screen_result payment_details_save_person(struct screen_ctx *c, struct view *v,
                                                      const struct command *cmd)
{
	struct payment_details_state *st = payment_details_state(c);
	free(st->pick_error);
	st->pick_error = NULL;
	struct error err;
	int64_t who = person_pick_find(c->store, &st->pick, cmd->text, &err);
	if (!who) {
		/* Build again so the field offers the people found, with the sentence under it. */
		st->pick_error = mem_strdup(err.msg);
		view_field_error(view_focused_field(v), err.msg);
		if (!st->pick.n)
			return SCREEN_HANDLED;
		/* Ready for a number, or more of the name: the sentence says what was typed. */
		view_edit_kill(v);
		return SCREEN_CHANGED;
	}
	struct payment pay;
	enum error_code code;
	if (!c->id) {
		payment_init(&pay);
		pay.person_id = who;
		code = payment_create(c->store, &pay, &err);
	} else if ((code = payment_get(c->store, c->id, &pay, &err)) == ERROR_NONE) {
		if (pay.person_id == who) {
			view_message(v, VIEW_TONE_PLAIN, "The person stays the same.");
			payment_clear(&pay);
			return SCREEN_HANDLED;
		}
		pay.person_id = who;
		pay.meeting_id = 0; /* their meetings are not the last person's */
		code = payment_update(c->store, &pay, &err);
	}
	if (code != ERROR_NONE) {
		view_field_error(view_focused_field(v), err.msg);
		payment_clear(&pay);
		return SCREEN_HANDLED;
	}
	struct person pe;
	if (person_get(c->store, who, &pe, &err) == ERROR_NONE)
		view_message(v, VIEW_TONE_GOOD, "%s the payment for %s%s",
		             c->id ? "Saved" : "Added", pe.name, involvement_rows_stop(pe.name));
	person_clear(&pe);
	c->id = pay.head.id;
	payment_clear(&pay);
	return SCREEN_CHANGED;
}

/*
 * The meeting the text names among those offered: its label, or part of one
 * label only. Returns its index, PAYMENT_DETAILS_NONE for none (or nothing),
 * or -1 when the text names no single meeting.
 */
static int payment_details_meeting_named(const struct payment_details_state *st, const char *text)
{
	if (text_blank(text) || strcmp(text, "none") == 0)
		return PAYMENT_DETAILS_NONE;
	int found = -1;
	size_t matches = 0;
	for (size_t i = 0; i < st->nmeetings; i++) {
		if (strcmp(st->meeting_labels[i], text) == 0)
			return (int)i;
		if (text_contains(st->meeting_labels[i], text) && matches++ == 0)
			found = (int)i;
	}
	return matches == 1 ? found : -1;
}

/* Save the meeting field: one of the person's meetings, or none. */
static enum screen_result payment_details_save_meeting(struct screen_ctx *c, struct view *v,
                                                       const struct command *cmd)
{
	struct payment_details_state *st = payment_details_state(c);
	struct view_field *f = view_focused_field(v);
	int i = payment_details_meeting_named(st, cmd->text ? cmd->text : "");
	int64_t id = i >= 0 ? st->meeting_ids[i] : 0;
	if (i == -1 && !st->nmeetings) {
		view_field_error(
		        f, "They were not booked into any meeting, so the payment can only be "
		           "for none.");
		return SCREEN_HANDLED;
	}
	if (i == -1) {
		view_field_error(f, "Choose the meeting by its number from the meetings they were "
		                    "booked into, or none.");
		return SCREEN_HANDLED;
	}
	struct payment pay;
	struct error err;
	enum error_code code = payment_get(c->store, c->id, &pay, &err);
	if (code == ERROR_NONE && pay.meeting_id == id) {
		view_message(v, VIEW_TONE_PLAIN, "The meeting stays %s.",
		             *f->display ? f->display : "none");
		payment_clear(&pay);
		return SCREEN_HANDLED;
	}
	pay.meeting_id = id;
	if (code == ERROR_NONE)
		code = payment_update(c->store, &pay, &err);
	payment_clear(&pay);
	if (code != ERROR_NONE) {
		view_field_error(f, err.msg);
		return SCREEN_HANDLED;
	}
	view_message(v, VIEW_TONE_GOOD, "Saved the meeting: %s.",
	             i >= 0 ? st->meeting_labels[i] : "none");
	return SCREEN_CHANGED;
}

/* Save a field as it is left: the person first, then the meeting or a field of the record. */
static enum screen_result payment_details_save(struct screen_ctx *c, struct view *v,
                                               const struct command *cmd)
{
	struct view_field *f = view_focused_field(v);
	if (f && strcmp(f->name, "person_id") == 0)
		return payment_details_save_person(c, v, cmd);
	if (!c->id) {
		view_field_error(f,
		                 "Choose who is paid first: type part of their name in the person "
		                 "field.");
		return SCREEN_HANDLED;
	}
	if (f && strcmp(f->name, "meeting_id") == 0)
		return payment_details_save_meeting(c, v, cmd);
	return recordview_save(c, v, &payment_kind, cmd);
}

/* Fields, the actions (pay, declined, delete) and the delete question. */
static enum screen_result payment_details_handle(struct screen_ctx *c, struct view *v,
                                                 const struct command *cmd)
{
	struct error err;
	switch (cmd->kind) {
	case COMMAND_SAVE_FIELD:
		return payment_details_save(c, v, cmd);
	case COMMAND_ACTION:
		if (cmd->key == 'p')
			return involvement_rows_pay(c, v, c->id);
		if (cmd->key == 'n')
			return involvement_rows_decline(c, v, c->id);
		if (cmd->key == 'd') {
			char *named = involvement_rows_payment_named(c->store, c->id, true, &err);
			if (named)
				view_ask(v, PAYMENT_DETAILS_ASK_DELETE, "Delete %s?", named);
			else
				view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
			free(named);
			return SCREEN_HANDLED;
		}
		return SCREEN_UNHANDLED;
	case COMMAND_ANSWER:
		if (cmd->key != PAYMENT_DETAILS_ASK_DELETE)
			return SCREEN_UNHANDLED;
		if (!cmd->number) {
			view_message(v, VIEW_TONE_PLAIN, "The payment was kept.");
			return SCREEN_HANDLED;
		}
		if (payment_delete(c->store, c->id, &err) != ERROR_NONE) {
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
			return SCREEN_HANDLED;
		}
		screen_back(c);
		return SCREEN_HANDLED;
	default:
		return SCREEN_UNHANDLED;
	}
}

/* Free the state. */
static void payment_details_leave(struct screen_ctx *c)
{
	struct payment_details_state *st = c->state;
	if (!st)
		return;
	person_pick_free(&st->pick);
	free(st->pick_error);
	payment_details_forget_meetings(st);
	config_free(st->own_config);
	free(st);
	c->state = NULL;
}

const struct screen payment_details_screen = {
	.name = "payment",
	.title = "Payment",
	.help = "A payment's details: who is paid, the meeting it is for, what kind of payment, "
	        "how much, and when it was claimed and paid. Choose the person by typing part of "
	        "their name; if several people match, choose one by its number. Each detail is "
	        "saved as soon as you leave it. Pay marks it paid today; declined records that "
	        "they "
	        "chose not to be paid.",
	.build = payment_details_build,
	.handle = payment_details_handle,
	.leave = payment_details_leave,
};
