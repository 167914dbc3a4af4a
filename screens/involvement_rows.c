/* SPDX-License-Identifier: GPL-3.0-or-later */
/* involvement_rows: paged lists of a person's meetings, what is owed, and payments, as rows. */
#include "involvement_rows.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "meeting.h"
#include "mem.h"
#include "money.h"
#include "payment.h"
#include "person.h"
#include "record.h"
#include "rules.h"
#include "vocab.h"

const struct config *involvement_rows_config(const struct screen_ctx *c, struct config **own)
{
	if (c->config)
		return c->config;
	if (!*own)
		*own = config_load(NULL, rules_ids(), NULL);
	return *own;
}

/* The lists a source can page through. */
enum involvement_rows_list {
	INVOLVEMENT_ROWS_HISTORY,
	INVOLVEMENT_ROWS_FEEDBACK,
	INVOLVEMENT_ROWS_COMMITMENTS,
	INVOLVEMENT_ROWS_PAYMENTS,
};

/* A view source over one of those lists. */
struct involvement_rows_source {
	struct store *store;
	enum involvement_rows_list list;
	int64_t person_id;
	struct involvement_terms terms;
	struct involvement_payments which; /* payments; which.terms points at terms */
	int64_t count;                     /* rows in the list when known, else -1 */
};

/* Where rows go while a page is read. */
struct involvement_rows_fill {
	const struct involvement_rows_source *src;
	struct view_rows *out;
};

/* A new row at the end of the page with the list's id and key. */
static struct view_row *involvement_rows_new(struct involvement_rows_fill *fill, int64_t id,
                                             const char *key)
{
	struct view_row *row = view_rows_add(fill->out);
	row->id = id;
	view_row_key(row, key);
	return row;
}

/* OVERDUE before due, "due soon" within the warning days, else nothing. */
static void involvement_rows_due(struct view_row *row, const struct involvement_terms *t,
                                 const char *due_on)
{
	int32_t due;
	if (date_parse(due_on, &due, NULL) != ERROR_NONE)
		return;
	if (due < t->today)
		view_row_status(row, "OVERDUE", VIEW_TONE_ALERT);
	else if (due - t->today <= t->warn_days)
		view_row_status(row, "due soon", VIEW_TONE_WARN);
}

/* A meeting as its row in a person's history. */
static bool involvement_rows_history_row(const struct involvement_meeting *m, void *ctx)
{
	struct involvement_rows_fill *fill = ctx;
	struct view_row *row = involvement_rows_new(fill, m->id, m->key);
	static const char *const needs[] = { "support needs not met", "needs met" };
	char *told =
	        *m->told_on ? mem_printf(", told %s", m->told_on)
	        : m->owed ? mem_printf(", not told yet%s%s", *m->due_on ? ", due " : "", m->due_on)
	                  : mem_strdup("");
	view_row_label(row, "%s", m->title);
	const char *came = m->status != MEETING_HELD ? "booked"
	                   : m->attended             ? "attended"
	                                             : "did not come";
	view_row_value(row, "%s, %s%s%s%s", record_choice_label(vocab_roles, m->role), came,
	               m->needs_met >= 0 ? ", " : "",
	               m->needs_met >= 0 ? needs[m->needs_met != 0] : "", told);
	free(told);
	if (m->status == MEETING_PLANNED)
		view_row_status(row, "planned", VIEW_TONE_QUIET);
	else if (m->status == MEETING_CANCELLED)
		view_row_status(row, "cancelled", VIEW_TONE_QUIET);
	else if (m->owed)
		involvement_rows_due(row, &fill->src->terms, m->due_on);
	view_row_date(row, NULL, m->held_on);
	return true;
}

/* A meeting as its row among the feedback a person is owed. */
static bool involvement_rows_feedback_row(const struct involvement_meeting *m, void *ctx)
{
	struct involvement_rows_fill *fill = ctx;
	struct view_row *row = involvement_rows_new(fill, m->id, m->key);
	view_row_label(row, "%s", m->title);
	view_row_value(row, "held %s, came as %s", m->held_on,
	               record_choice_label(vocab_roles, m->role));
	involvement_rows_due(row, &fill->src->terms, m->due_on);
	view_row_date(row, "due", m->due_on);
	return true;
}

/* A commitment as its row: what was promised, where and by whom, due date last. */
static bool involvement_rows_commitment_row(const struct involvement_commitment *c, void *ctx)
{
	struct involvement_rows_fill *fill = ctx;
	struct view_row *row = involvement_rows_new(fill, c->id, c->key);
	view_row_label(row, "%s", c->summary);
	view_row_value(row, "promised at %s (%s)%s%s%s", c->meeting, c->held_on,
	               *c->owner ? ", by " : "", c->owner, *c->due_on ? "" : ", no date set");
	involvement_rows_due(row, &fill->src->terms, c->due_on);
	view_row_date(row, "due", c->due_on);
	return true;
}

char *involvement_rows_payment_words(const struct involvement_payment *p)
{
	const struct field *kind = record_field(&payment_kind, "kind");
	char amount[MONEY_TEXT_SIZE];
	money_format_pounds(p->amount_pence, amount);
	if (p->meeting_id)
		return mem_printf("%s %s for %s", record_choice_label(kind->choices, p->kind),
		                  amount, p->meeting);
	return mem_printf("%s %s", record_choice_label(kind->choices, p->kind), amount);
}

/* A payment's status word and the date that goes last on its row. */
static void involvement_rows_payment_state(const struct involvement_payment *p,
                                           struct view_row *row)
{
	if (p->overdue) {
		view_row_status(row, "OVERDUE", VIEW_TONE_ALERT);
		view_row_date(row, "claimed", p->claimed_on);
	} else if (*p->paid_on) {
		/* Lists run by the date claimed, so that is the date that goes last. */
		view_row_status(row, "paid", VIEW_TONE_GOOD);
		view_row_date(row, *p->claimed_on ? "claimed" : "paid",
		              *p->claimed_on ? p->claimed_on : p->paid_on);
	} else if (p->declined) {
		view_row_status(row, "declined", VIEW_TONE_QUIET);
		view_row_date(row, "claimed", p->claimed_on);
	} else if (*p->claimed_on) {
		view_row_status(row, "unpaid", VIEW_TONE_WARN);
		view_row_date(row, "claimed", p->claimed_on);
	} else {
		view_row_status(row, "not claimed", VIEW_TONE_QUIET);
	}
}

/* A payment as its row: the person (unless the list is theirs), what it is, its state. */
static bool involvement_rows_payment_row(const struct involvement_payment *p, void *ctx)
{
	struct involvement_rows_fill *fill = ctx;
	struct view_row *row = involvement_rows_new(fill, p->id, p->key);
	char *words = involvement_rows_payment_words(p);
	char *paid = *p->paid_on && *p->claimed_on ? mem_printf(", paid %s", p->paid_on)
	                                           : mem_strdup("");
	if (fill->src->which.person_id) {
		view_row_label(row, "%s", words);
		view_row_value(row, "%s", paid + (*paid ? 2 : 0));
	} else {
		view_row_label(row, "%s", p->person);
		view_row_value(row, "%s%s", words, paid);
	}
	free(paid);
	free(words);
	involvement_rows_payment_state(p, row);
	return true;
}

/* The view_source fetch: a page of the source's list from the row asked for. */
static enum error_code involvement_rows_fetch(void *ctx, const struct view_fetch *f,
                                              struct view_rows *out, struct error *err)
{
	struct involvement_rows_source *src = ctx;
	struct involvement_rows_fill fill = { .src = src, .out = out };
	struct involvement_page page = {
		.has_after = f->from != NULL,
		.after_key = f->from ? f->from->key : NULL,
		.after_id = f->from ? f->from->id : 0,
		.backward = f->backward,
		.match = f->match,
		.prefix = f->prefix,
		.limit = f->limit,
	};
	switch (src->list) {
	case INVOLVEMENT_ROWS_HISTORY:
		return involvement_history(src->store, src->person_id, &page,
		                           involvement_rows_history_row, &fill, err);
	case INVOLVEMENT_ROWS_FEEDBACK:
		return involvement_feedback_owed(src->store, src->person_id, &page,
		                                 involvement_rows_feedback_row, &fill, err);
	case INVOLVEMENT_ROWS_COMMITMENTS:
		return involvement_commitments(src->store, src->person_id, &page,
		                               involvement_rows_commitment_row, &fill, err);
	case INVOLVEMENT_ROWS_PAYMENTS:
		return involvement_payments(src->store, &src->which, &page,
		                            involvement_rows_payment_row, &fill, err);
	}
	return ERROR_NONE;
}

/* The view_source count: as counted already, or counted now. */
static enum error_code involvement_rows_count(void *ctx, int64_t *n, struct error *err)
{
	struct involvement_rows_source *src = ctx;
	if (src->count >= 0) {
		*n = src->count;
		return ERROR_NONE;
	}
	if (src->list == INVOLVEMENT_ROWS_PAYMENTS)
		return involvement_payments_count(src->store, &src->which, n, err);
	return involvement_history_count(src->store, src->person_id, n, err);
}

/* Give sec a source over list for person_id under t (copied). */
static struct involvement_rows_source *
involvement_rows_source(struct store *s, enum involvement_rows_list list, int64_t person_id,
                        const struct involvement_terms *t, int64_t count)
{
	struct involvement_rows_source *src = mem_calloc(1, sizeof *src);
	src->store = s;
	src->list = list;
	src->person_id = person_id;
	src->terms = *t;
	src->count = count;
	return src;
}

/* Attach src to sec and load its first rows. */
static void involvement_rows_attach(struct view *v, struct view_section *sec,
                                    struct involvement_rows_source *src)
{
	struct view_source vs = {
		.ctx = src,
		.fetch = involvement_rows_fetch,
		.count = involvement_rows_count,
		.free = free,
	};
	view_list_source(v, sec, &vs);
}

void involvement_rows_history(struct view *v, struct view_section *sec, struct store *s,
                              int64_t person_id, const struct involvement_terms *t)
{
	involvement_rows_attach(
	        v, sec, involvement_rows_source(s, INVOLVEMENT_ROWS_HISTORY, person_id, t, -1));
}

void involvement_rows_feedback(struct view *v, struct view_section *sec, struct store *s,
                               int64_t person_id, const struct involvement_terms *t, int64_t count)
{
	involvement_rows_attach(
	        v, sec, involvement_rows_source(s, INVOLVEMENT_ROWS_FEEDBACK, person_id, t, count));
}

void involvement_rows_commitments(struct view *v, struct view_section *sec, struct store *s,
                                  int64_t person_id, const struct involvement_terms *t,
                                  int64_t count)
{
	involvement_rows_attach(
	        v, sec,
	        involvement_rows_source(s, INVOLVEMENT_ROWS_COMMITMENTS, person_id, t, count));
}

void involvement_rows_payments(struct view *v, struct view_section *sec, struct store *s,
                               const struct involvement_payments *which)
{
	struct involvement_rows_source *src = involvement_rows_source(
	        s, INVOLVEMENT_ROWS_PAYMENTS, which->person_id, which->terms, -1);
	src->which = *which;
	src->which.terms = &src->terms;
	involvement_rows_attach(v, sec, src);
}

char *involvement_rows_payment_named(struct store *s, int64_t id, bool with_person,
                                     struct error *err)
{
	struct payment pay;
	if (payment_get(s, id, &pay, err) != ERROR_NONE) {
		payment_clear(&pay);
		return NULL;
	}
	struct person pe;
	struct meeting m;
	bool have_person = person_get(s, pay.person_id, &pe, NULL) == ERROR_NONE;
	bool have_meeting =
	        pay.meeting_id && meeting_get(s, pay.meeting_id, &m, NULL) == ERROR_NONE;
	struct involvement_payment p = {
		.id = id,
		.person = have_person ? pe.name : "",
		.meeting_id = have_meeting ? pay.meeting_id : 0,
		.meeting = have_meeting ? m.title : "",
		.kind = pay.kind,
		.amount_pence = pay.amount_pence,
	};
	char *words = involvement_rows_payment_words(&p);
	char *named = with_person && have_person ? mem_printf("%s's %s", pe.name, words)
	                                         : mem_strdup(words);
	free(words);
	if (have_person)
		person_clear(&pe);
	if (have_meeting)
		meeting_clear(&m);
	payment_clear(&pay);
	return named;
}

const char *involvement_rows_stop(const char *text)
{
	size_t n = strlen(text);
	return n && text[n - 1] == '.' ? "" : ".";
}

char *involvement_rows_join(const char *const *words, size_t n)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", words[i]);
	return buf_take(&b);
}

/* Set one field of payment id from text, saying what was done as done. */
static enum screen_result involvement_rows_set(struct screen_ctx *c, struct view *v, int64_t id,
                                               const char *field, const char *text,
                                               const char *done)
{
	struct error err;
	char *named = involvement_rows_payment_named(c->store, id, true, &err);
	if (!named || record_set(c->store, &payment_kind, id, field, text, &err) != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		free(named);
		return SCREEN_HANDLED;
	}
	view_message(v, VIEW_TONE_GOOD, "%s %s%s", done, named, involvement_rows_stop(named));
	free(named);
	return SCREEN_CHANGED;
}

/* Read payment id for an action, saying why not when it cannot be read. */
static bool involvement_rows_read(struct screen_ctx *c, struct view *v, int64_t id,
                                  struct payment *pay)
{
	struct error err;
	if (id > 0 && payment_get(c->store, id, pay, &err) == ERROR_NONE)
		return true;
	payment_clear(pay);
	if (id > 0)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	else
		view_message(v, VIEW_TONE_WARN, "Choose a payment first.");
	return false;
}

enum screen_result involvement_rows_pay(struct screen_ctx *c, struct view *v, int64_t id)
{
	struct payment pay;
	if (!involvement_rows_read(c, v, id, &pay))
		return SCREEN_HANDLED;
	enum screen_result r = SCREEN_HANDLED;
	if (*pay.paid_on) {
		view_message(v, VIEW_TONE_PLAIN, "That payment was paid on %s already.",
		             pay.paid_on);
	} else if (pay.declined == 1) {
		view_message(v, VIEW_TONE_WARN,
		             "That payment was declined; set declined to no first to pay it.");
	} else {
		char today[DATE_TEXT_SIZE], *done;
		date_format(date_today(), today);
		done = mem_printf("Paid today, %s:", today);
		r = involvement_rows_set(c, v, id, "paid_on", today, done);
		free(done);
	}
	payment_clear(&pay);
	return r;
}

enum screen_result involvement_rows_decline(struct screen_ctx *c, struct view *v, int64_t id)
{
	struct payment pay;
	if (!involvement_rows_read(c, v, id, &pay))
		return SCREEN_HANDLED;
	enum screen_result r = SCREEN_HANDLED;
	if (*pay.paid_on)
		view_message(
		        v, VIEW_TONE_WARN,
		        "That payment was paid on %s; open it and clear the date paid if it was "
		        "not.",
		        pay.paid_on);
	else if (pay.declined == 1)
		view_message(v, VIEW_TONE_PLAIN, "That payment is recorded as declined already.");
	else
		r = involvement_rows_set(c, v, id, "declined", "yes", "Recorded as declined:");
	payment_clear(&pay);
	return r;
}
