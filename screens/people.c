/* SPDX-License-Identifier: GPL-3.0-or-later */
/* people: everyone by name, paged, each row saying who they are and what is owed to them. */
#include "people.h"

#include <inttypes.h>
#include <stdlib.h>

#include "buf.h"
#include "config.h"
#include "involvement.h"
#include "involvement_rows.h"
#include "mem.h"
#include "money.h"
#include "person.h"
#include "privacy.h"
#include "recordview.h"
#include "vocab.h"

enum { PEOPLE_ASK_DELETE = 1 };

struct people_state {
	struct config *own_config; /* the built-in settings, when the program gave none */
	struct store *store;
	struct involvement_terms terms; /* as of the last build, for the rows */
};

/* "service user, carer and provider": a person's roles in words. Caller frees. */
static char *people_roles(unsigned roles)
{
	const char *words[ROLE_COUNT];
	size_t n = 0;
	for (int i = 0; i < ROLE_COUNT; i++)
		if (roles & (1u << i))
			words[n++] = record_choice_label(vocab_roles, i);
	return involvement_rows_join(words, n);
}

/* What is owed to a person, in words: "owed feedback for 2 meetings and £12.50"; "" none. */
static char *people_owed(const struct involvement_totals *t)
{
	char money[MONEY_TEXT_SIZE];
	money_format_pounds(t->unpaid_pence, money);
	char *feedback = t->feedback_owed ? mem_printf("feedback for %lld meeting%s",
	                                               (long long)t->feedback_owed,
	                                               t->feedback_owed == 1 ? "" : "s")
	                                  : mem_strdup("");
	char *owed = t->feedback_owed && t->unpaid ? mem_printf("owed %s and %s", feedback, money)
	             : t->feedback_owed            ? mem_printf("owed %s", feedback)
	             : t->unpaid                   ? mem_printf("owed %s", money)
	                                           : mem_strdup("");
	free(feedback);
	return owed;
}

/* A person as a row: their name, roles, format, needs and what is owed, OVERDUE first if so. */
static void people_row(const void *rec, struct view_row *row, void *ctx)
{
	const struct person *p = rec;
	struct people_state *st = ctx;
	view_row_label(row, "%s", p->name);
	struct buf b;
	buf_init(&b);
	char *roles = people_roles(p->roles);
	buf_printf(&b, "%s", roles);
	free(roles);
	if (p->preferred_format == FORMAT_TRANSLATED && *p->language)
		buf_printf(&b, "%stranslated into %s", b.len ? ", " : "", p->language);
	else if (p->preferred_format != FORMAT_STANDARD)
		buf_printf(&b, "%s%s", b.len ? ", " : "",
		           record_choice_label(vocab_formats, p->preferred_format));
	if (*p->support_needs)
		buf_printf(&b, "%sneeds %s", b.len ? ", " : "", p->support_needs);
	if (p->anonymised == 1)
		buf_printf(&b, "%sforgotten: personal details erased", b.len ? ", " : "");
	struct involvement_totals t;
	struct error err;
	if (involvement_totals(st->store, p->head.id, &st->terms, &t, &err) == ERROR_NONE) {
		char *owed = people_owed(&t);
		if (*owed)
			buf_printf(&b, "%s%s", b.len ? ", " : "", owed);
		free(owed);
		if (t.feedback_overdue || t.overdue)
			view_row_status(row, "OVERDUE", VIEW_TONE_ALERT);
	}
	char *value = buf_take(&b);
	view_row_value(row, "%s", value);
	free(value);
}

/* The screen's state, made when first needed. */
static struct people_state *people_state(struct screen_ctx *c)
{
	if (!c->state)
		c->state = mem_calloc(1, sizeof(struct people_state));
	return c->state;
}

/* Title, summary, the paged list of people and the actions. */
static void people_build(struct screen_ctx *c, struct view *v)
{
	struct people_state *st = people_state(c);
	st->store = c->store;
	st->terms = involvement_terms(involvement_rows_config(c, &st->own_config), date_today());
	struct record_query all = { 0 };
	int64_t n = 0;
	struct error err;
	if (record_count(c->store, &person_kind, &all, &n, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	view_title(v, "People");
	if (n == 0)
		view_summary(v, "There is no one here yet; add a person to begin.");
	else if (n == 1)
		view_summary(v,
		             "There is one person; open them to see their details, their meetings "
		             "and what is owed to them.");
	else
		view_summary(v,
		             "There are %" PRId64
		             " people, by name; open one to see their details, "
		             "their meetings and what is owed to them.",
		             n);
	struct view_section *sec = view_add_list(v, NULL, "There is no one here yet.");
	recordview_list(v, sec, c->store, &person_kind, &all, people_row, st);
	view_add_action(v, 'a', "add", "add a person",
	                "Add someone who takes part or works with those who do, name first.");
	view_add_action(v, 'd', "delete", "delete the person",
	                "Delete the selected person, after asking: only someone with nothing "
	                "recorded about them yet. To erase the details of someone who took part, "
	                "open them and use forget.");
}

/* Ask before deleting the selected person, or say why they cannot be deleted. */
static void people_ask_delete(struct screen_ctx *c, struct view *v, const struct view_row *row)
{
	struct privacy_counts n;
	struct error err;
	if (!row) {
		view_message(v, VIEW_TONE_WARN, "There is no one to delete.");
	} else if (privacy_count(c->store, row->id, &n, &err) != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	} else if (n.attendances || n.contributions || n.feedback || n.payments) {
		view_message(
		        v, VIEW_TONE_WARN,
		        "%s has meetings or payments recorded, which deleting would lose; open "
		        "them and use forget to erase their personal details instead.",
		        row->label);
	} else {
		view_ask(v, PEOPLE_ASK_DELETE, "Delete %s?", row->label);
	}
}

/* Open a person, add one, or delete one after asking. */
static enum screen_result people_handle(struct screen_ctx *c, struct view *v,
                                        const struct command *cmd)
{
	const struct view_row *row = view_selected_row(v);
	struct error err;
	switch (cmd->kind) {
	case COMMAND_OPEN:
		screen_open(c, "person", row->id);
		return SCREEN_HANDLED;
	case COMMAND_ACTION:
		if (cmd->key == 'a')
			screen_open(c, "person", 0);
		else
			people_ask_delete(c, v, row);
		return SCREEN_HANDLED;
	case COMMAND_ANSWER:
		if (cmd->key != PEOPLE_ASK_DELETE || !row)
			return SCREEN_UNHANDLED;
		if (!cmd->number) {
			view_message(v, VIEW_TONE_PLAIN, "%s was kept.", row->label);
			return SCREEN_HANDLED;
		}
		if (person_delete(c->store, row->id, &err) != ERROR_NONE) {
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
			return SCREEN_HANDLED;
		}
		view_message(v, VIEW_TONE_GOOD, "Deleted %s%s", row->label,
		             involvement_rows_stop(row->label));
		return SCREEN_CHANGED;
	default:
		return SCREEN_UNHANDLED;
	}
}

/* Free the state. */
static void people_leave(struct screen_ctx *c)
{
	struct people_state *st = c->state;
	if (!st)
		return;
	config_free(st->own_config);
	free(st);
	c->state = NULL;
}

const struct screen people_screen = {
	.name = "people",
	.title = "People",
	.help = "People lists everyone by name: who they are, the format they need, their support "
	        "needs, and what is owed to them. Type a capital letter to jump to names starting "
	        "with it, or find to look for part of a name. Open someone to see and change their "
	        "details, their meetings, what is owed to them and their findings. Add starts a "
	        "new "
	        "person; delete removes someone with nothing recorded about them yet.",
	.build = people_build,
	.handle = people_handle,
	.leave = people_leave,
};
