/* SPDX-License-Identifier: GPL-3.0-or-later */
/* payments: every payment, overdue claims first, with pay, declined, filters and findings. */
#include "payments.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "finding_rows.h"
#include "involvement.h"
#include "involvement_rows.h"
#include "mem.h"
#include "money.h"
#include "payment.h"
#include "rules.h"

enum {
	PAYMENTS_FINDINGS_SHOWN = 100, /* findings listed at most; the rest are counted */
	PAYMENTS_ASK_DELETE = 1,
};

/*
 * The findings about payments that are not in the list (or not yet), each
 * kind under its own heading after the list: people with a benefits concern
 * to check before paying more, and people not offered payment.
 */
enum payments_kind { PAYMENTS_BENEFITS, PAYMENTS_OFFERS, PAYMENTS_KINDS };
static const struct {
	const char *rule, *heading;
} payments_kinds[PAYMENTS_KINDS] = {
	[PAYMENTS_BENEFITS] = { "payment_benefits_check", "Check benefits before paying more" },
	[PAYMENTS_OFFERS] = { "payment_not_offered", "Not offered payment" },
};

/* What each filter shows: its title, its list's heading, and what an empty list says. */
static const struct {
	int key;
	const char *word, *label, *help, *title, *heading, *empty, *shown;
} payments_filters[] = {
	[INVOLVEMENT_OVERDUE] = { 'o', "overdue", "overdue claims only",
	                          "Show only the claims that are overdue, longest waiting first.",
	                          "Payments: overdue", "Overdue claims, longest waiting first",
	                          "No claim is overdue.", "Showing overdue claims only." },
	[INVOLVEMENT_UNPAID] = { 'u', "unpaid", "unpaid claims only",
	                         "Show the claims not yet paid or declined, overdue first.",
	                         "Payments: unpaid",
	                         "Unpaid claims: overdue first, then the newest",
	                         "No claim is waiting to be paid.",
	                         "Showing unpaid claims, overdue first." },
	[INVOLVEMENT_ALL] = { 'l', "all", "all payments",
	                      "Show every payment: overdue claims first, then the newest.",
	                      "Payments", "Every payment: overdue first, then the newest claims",
	                      "There are no payments yet.",
	                      "Showing every payment, overdue first." },
};

struct payments_state {
	struct config *own_config; /* the built-in settings, when the program gave none */
	enum involvement_filter filter;
	struct payments_found {
		struct rules_list list;
		int64_t version; /* involvement_version when they were found; -1 never */
		size_t section;  /* where they are in the view; 0 when not shown */
	} found[PAYMENTS_KINDS];
	size_t list_section;              /* where the payments are in the view */
	struct involvement_totals totals; /* what is unpaid and overdue */
	int64_t totals_version;           /* involvement_version when counted; -1 never */
};

/* The screen's state, made when first needed: every payment shown, nothing found yet. */
static struct payments_state *payments_state(struct screen_ctx *c)
{
	if (!c->state) {
		struct payments_state *st = mem_calloc(1, sizeof *st);
		st->filter = INVOLVEMENT_ALL;
		st->totals_version = -1;
		for (int k = 0; k < PAYMENTS_KINDS; k++) {
			rules_list_init(&st->found[k].list);
			st->found[k].version = -1;
		}
		c->state = st;
	}
	return c->state;
}

/*
 * Find one kind of finding about payments, most serious first; kept from the
 * last build while no record has changed, since they take a while to find in
 * a large database and a filter or a look at a payment changes nothing.
 */
static void payments_find(struct screen_ctx *c, struct view *v, struct payments_found *found,
                          const char *rule, const struct config *config, int32_t today)
{
	int64_t version = involvement_version(c->store);
	if (version && version == found->version)
		return;
	found->version = version;
	rules_list_free(&found->list);
	rules_list_init(&found->list);
	struct rules_options opt = rules_options_default(today);
	opt.only = UINT64_C(1) << rules_index(rules_find(rule));
	struct error err;
	if (rules_run(c->store, config, &opt, rules_list_add, &found->list, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	rules_list_sort(&found->list);
}

/* "Pay 3 overdue claims first, ...; 45 claims (£1,234.50) are unpaid, and 6 findings follow." */
static void payments_summary(struct view *v, const struct involvement_totals *t, size_t findings)
{
	char money[MONEY_TEXT_SIZE];
	money_format_pounds(t->unpaid_pence, money);
	char *unpaid = t->unpaid == 1 ? mem_printf("1 claim (%s) is unpaid", money)
	                              : mem_printf("%lld claims (%s) are unpaid",
	                                           (long long)t->unpaid, money);
	char *rest =
	        findings == 0 ? mem_strdup("")
	        : findings == 1
	                ? mem_strdup(", and a finding about payments follows the list")
	                : mem_printf(", and %zu findings about payments follow the list", findings);
	if (t->overdue == 1)
		view_summary(v, "Pay the overdue claim first, waiting since %s; %s in all%s.",
		             t->oldest_overdue, unpaid, rest);
	else if (t->overdue)
		view_summary(v,
		             "Pay %lld overdue claims first, the longest waiting since %s; %s in "
		             "all%s.",
		             (long long)t->overdue, t->oldest_overdue, unpaid, rest);
	else if (t->unpaid)
		view_summary(v, "No claim is overdue; %s%s.", unpaid, rest);
	else
		view_summary(v, "Every claim has been paid or declined%s.", rest);
	free(rest);
	free(unpaid);
}

/* Title, summary, the paged payments, the findings after them, and the actions. */
static void payments_build(struct screen_ctx *c, struct view *v)
{
	struct payments_state *st = payments_state(c);
	const struct config *config = involvement_rows_config(c, &st->own_config);
	struct involvement_terms t = involvement_terms(config, date_today());
	/* The totals, like the findings, stand until a record changes (a filter changes none). */
	int64_t version = involvement_version(c->store);
	struct error err;
	if (!version || version != st->totals_version) {
		st->totals_version = version;
		if (involvement_totals(c->store, 0, &t, &st->totals, &err) != ERROR_NONE)
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	}
	size_t findings = 0;
	for (int k = 0; k < PAYMENTS_KINDS; k++) {
		payments_find(c, v, &st->found[k], payments_kinds[k].rule, config, t.today);
		findings += st->found[k].list.count;
	}
	view_title(v, "%s", payments_filters[st->filter].title);
	payments_summary(v, &st->totals, findings);
	struct view_section *sec = view_add_list(v, payments_filters[st->filter].heading,
	                                         payments_filters[st->filter].empty);
	st->list_section = v->nsections - 1;
	struct involvement_payments which = { .filter = st->filter, .terms = &t };
	involvement_rows_payments(v, sec, c->store, &which);
	for (int k = 0; k < PAYMENTS_KINDS; k++) {
		st->found[k].section = 0;
		if (!st->found[k].list.count)
			continue;
		sec = view_add_list(v, payments_kinds[k].heading, NULL);
		st->found[k].section = v->nsections - 1;
		finding_rows_add(sec, &st->found[k].list, PAYMENTS_FINDINGS_SHOWN);
	}
	view_add_action(v, 'a', "add", "add a payment",
	                "Add a payment: for the person and meeting of the selected finding that "
	                "says payment was not offered, or else for a person you choose by name.");
	view_add_action(v, 'p', "pay", "mark it paid today",
	                "Record that the selected payment was paid today.");
	view_add_action(v, 'n', "declined", "record that they declined",
	                "Record that the person chose not to be paid: for the selected payment, or "
	                "for the meeting of the selected finding.");
	view_add_action(v, 'd', "delete", "delete the payment",
	                "Delete the selected payment, after asking.");
	for (size_t i = 0; i < sizeof payments_filters / sizeof *payments_filters; i++)
		if (i != st->filter)
			view_add_action(v, payments_filters[i].key, payments_filters[i].word,
			                payments_filters[i].label, payments_filters[i].help);
}

/* The kind of finding the selection is on, or -1 when it is on a payment (or nothing). */
static int payments_found_kind(const struct view *v, const struct payments_state *st)
{
	for (int k = 0; k < PAYMENTS_KINDS; k++)
		if (st->found[k].section && v->focus == st->found[k].section)
			return k;
	return -1;
}

/* The finding the selected row stands for into *f; false when a payment (or nothing) is selected.
 */
static bool payments_finding(const struct view *v, const struct payments_state *st,
                             struct finding *f)
{
	const struct view_row *row = view_selected_row(v);
	int k = payments_found_kind(v, st);
	if (!row || k < 0 || row->id < 0 || (size_t)row->id >= st->found[k].list.count)
		return false;
	rules_list_get(&st->found[k].list, (size_t)row->id, f);
	return true;
}

/* The payment the selected row stands for, or 0. */
static int64_t payments_selected(const struct view *v, const struct payments_state *st)
{
	const struct view_row *row = view_selected_row(v);
	return row && v->focus == st->list_section ? row->id : 0;
}

/*
 * A payment record for the person and meeting of a "not offered" finding:
 * offered (to be filled in), or declined. Returns its id, or 0 with the
 * reason on the message line.
 */
static int64_t payments_offer(struct screen_ctx *c, struct view *v, const struct finding *f,
                              bool declined)
{
	if (strcmp(f->rule->id, "payment_not_offered") != 0) {
		view_message(v, VIEW_TONE_WARN,
		             "That finding is not about a payment to offer; choose a payment, or a "
		             "finding that says payment was not offered.");
		return 0;
	}
	struct payment pay;
	payment_init(&pay);
	pay.person_id = f->person_id;
	pay.meeting_id = f->meeting_id;
	pay.declined = declined;
	struct error err;
	int64_t id = 0;
	if (payment_create(c->store, &pay, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	else
		id = pay.head.id;
	if (id && declined)
		view_message(v, VIEW_TONE_GOOD, "Recorded that %s declined payment for %s.",
		             f->person, f->meeting);
	payment_clear(&pay);
	return id;
}

/* Show the filter's list from its first row. */
static enum screen_result payments_filter(struct screen_ctx *c, struct view *v,
                                          struct payments_state *st, int key)
{
	for (size_t i = 0; i < sizeof payments_filters / sizeof *payments_filters; i++) {
		if (payments_filters[i].key != key)
			continue;
		st->filter = (enum involvement_filter)i;
		view_reset(v);
		payments_build(c, v);
		view_home(v);
		v->fresh = true; /* another list under another title: shown whole, from the top */
		view_message(v, VIEW_TONE_PLAIN, "%s", payments_filters[i].shown);
		return SCREEN_HANDLED;
	}
	return SCREEN_UNHANDLED;
}

/*
 * Paying or declining a payment that is there already cannot change who was
 * not offered payment: keep those findings, so paying stays quick.
 */
static enum screen_result payments_kept_offers(struct screen_ctx *c, struct payments_state *st,
                                               enum screen_result r)
{
	if (r == SCREEN_CHANGED && st->found[PAYMENTS_OFFERS].version >= 0)
		st->found[PAYMENTS_OFFERS].version = involvement_version(c->store);
	return r;
}

/* Add, pay, declined, delete, or a filter, on the selected payment or finding. */
static enum screen_result payments_action(struct screen_ctx *c, struct view *v,
                                          struct payments_state *st, int key)
{
	struct finding found;
	const struct finding *f = payments_finding(v, st, &found) ? &found : NULL;
	int64_t id = payments_selected(v, st);
	struct error err;
	switch (key) {
	case 'a':
		id = f ? payments_offer(c, v, f, false) : 0;
		if (id || !f)
			screen_open(c, "payment", id);
		return SCREEN_HANDLED;
	case 'n':
		if (f)
			return payments_offer(c, v, f, true) ? SCREEN_CHANGED : SCREEN_HANDLED;
		return payments_kept_offers(c, st, involvement_rows_decline(c, v, id));
	case 'p':
		return payments_kept_offers(c, st, involvement_rows_pay(c, v, id));
	case 'd': {
		if (!id) {
			view_message(v, VIEW_TONE_WARN, "Choose a payment in the list to delete.");
			return SCREEN_HANDLED;
		}
		char *named = involvement_rows_payment_named(c->store, id, true, &err);
		if (named)
			view_ask(v, PAYMENTS_ASK_DELETE, "Delete %s?", named);
		else
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		free(named);
		return SCREEN_HANDLED;
	}
	default:
		return payments_filter(c, v, st, key);
	}
}

/* Open a payment or explain a finding, run an action, answer the delete question. */
static enum screen_result payments_handle(struct screen_ctx *c, struct view *v,
                                          const struct command *cmd)
{
	struct payments_state *st = payments_state(c);
	const struct view_row *row = view_selected_row(v);
	struct error err;
	switch (cmd->kind) {
	case COMMAND_OPEN:
		if (payments_selected(v, st))
			screen_open(c, "payment", row->id);
		else if (payments_found_kind(v, st) < 0 ||
		         !finding_rows_explain(v, &st->found[payments_found_kind(v, st)].list, row))
			view_message(v, VIEW_TONE_PLAIN, "%s.", row->value);
		return SCREEN_HANDLED;
	case COMMAND_ACTION:
		return payments_action(c, v, st, cmd->key);
	case COMMAND_ANSWER: {
		int64_t id = payments_selected(v, st);
		if (cmd->key != PAYMENTS_ASK_DELETE || !id)
			return SCREEN_UNHANDLED;
		if (!cmd->number) {
			view_message(v, VIEW_TONE_PLAIN, "The payment was kept.");
			return SCREEN_HANDLED;
		}
		char *named = involvement_rows_payment_named(c->store, id, true, &err);
		if (!named || payment_delete(c->store, id, &err) != ERROR_NONE) {
			view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
			free(named);
			return SCREEN_HANDLED;
		}
		view_message(v, VIEW_TONE_GOOD, "Deleted %s.", named);
		free(named);
		return SCREEN_CHANGED;
	}
	default:
		return SCREEN_UNHANDLED;
	}
}

/* Free the state. */
static void payments_leave(struct screen_ctx *c)
{
	struct payments_state *st = c->state;
	if (!st)
		return;
	for (int k = 0; k < PAYMENTS_KINDS; k++)
		rules_list_free(&st->found[k].list);
	config_free(st->own_config);
	free(st);
	c->state = NULL;
}

const struct screen payments_screen = {
	.name = "payments",
	.title = "Payments",
	.help = "Payments lists every fee and expense, with the overdue claims first, longest "
	        "waiting first, and then the rest, newest first. Pay marks the selected payment "
	        "paid "
	        "today; declined records that the person chose not to be paid; open one to change "
	        "its details. Overdue, unpaid and all choose what the list shows. After the list "
	        "come the findings about payments: people with a benefits concern to check before "
	        "paying more, and people who came to a meeting and were not offered payment; add "
	        "or declined on one of those records what was done.",
	.build = payments_build,
	.handle = payments_handle,
	.leave = payments_leave,
};
