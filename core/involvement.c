/* SPDX-License-Identifier: GPL-3.0-or-later */
/* involvement: a person's meetings, what is owed to them, and payments owed, a page at a time. */
#include "involvement.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "rules.h"
#include "vocab.h"

/* The far end of any date, so rows with no due date sort after every dated one. */
#define INVOLVEMENT_NO_DATE "9999-12-31"

/* A service user or carer who came (attendance a), unless they have been forgotten. */
#define INVOLVEMENT_USER_CAME                                                                      \
	"a.attended = 1 AND a.role IN ('service_user', 'carer')"                                   \
	" AND NOT EXISTS (SELECT 1 FROM person pa WHERE pa.id = a.person_id AND pa.anonymised = "  \
	"1)"

/* Owed feedback: as above, at a held meeting (m), with no feedback given (f, left joined). */
#define INVOLVEMENT_FEEDBACK_OWED INVOLVEMENT_USER_CAME " AND m.status = 'held' AND f.id IS NULL"

/* A claim not paid or declined (pay). */
#define INVOLVEMENT_SQL_UNPAID                                                                     \
	"pay.claimed_on IS NOT NULL AND pay.paid_on IS NULL AND pay.declined = 0"

struct involvement_terms involvement_terms(const struct config *config, int32_t today)
{
	struct involvement_terms t = {
		.today = today,
		.pay_within_days = (int)config_int(config, "payments.pay_within_days"),
		.warn_days = (int)config_int(config, "feedback.warn_days"),
		.calendar = config_calendar(config),
	};
	/* The same day the rules judge payments overdue by. */
	t.pay_cutoff = rules_payment_cutoff(config, today);
	return t;
}

int32_t involvement_pay_due(const struct involvement_terms *t, int32_t claimed)
{
	return date_add_working_days(claimed, t->pay_within_days, t->calendar);
}

/*
 * One list's query: what it selects and from where (ending in a WHERE
 * clause's conditions, which may use :person, :today and :cutoff), its order
 * column, the id column (which breaks ties), the name finding matches, and
 * what goes before each row's key.
 */
struct involvement_list {
	const char *query;  /* "columns FROM tables WHERE conditions" */
	const char *order;  /* a column or expression, the key of each row */
	bool desc;          /* the list runs from the largest */
	const char *id;     /* "a.id" */
	const char *name;   /* "m.title" */
	const char *prefix; /* put before each row's key ("" for none) */
};

/* A LIKE pattern for text, anywhere or at the start only, with % _ and \ escaped. */
static char *involvement_like(const char *text, bool prefix)
{
	size_t n = strlen(text);
	char *p = mem_alloc(n * 2 + 3);
	size_t o = 0;
	if (!prefix)
		p[o++] = '%';
	for (size_t k = 0; k < n; k++) {
		if (text[k] == '%' || text[k] == '_' || text[k] == '\\')
			p[o++] = '\\';
		p[o++] = text[k];
	}
	p[o++] = '%';
	p[o] = '\0';
	return p;
}

/* Bind an integer or text to the named parameter when the statement has it. */
static void involvement_bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

/* Bind text (copied) to the named parameter when the statement has it. */
static void involvement_bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Bind a day, as YYYY-MM-DD, to the named parameter when the statement has it. */
static void involvement_bind_date(sqlite3_stmt *st, const char *name, int32_t day)
{
	char text[DATE_TEXT_SIZE];
	date_format(day, text);
	involvement_bind_text(st, name, text);
}

/* Column i as text, "" for NULL. */
static const char *involvement_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

/* The parameters every list may use. */
struct involvement_params {
	int64_t person_id;
	const struct involvement_terms *terms; /* may be NULL when the list needs none */
};

/* Called with each row: columns 0 and 1 are the key and the id, the list's own from 2. */
typedef bool (*involvement_row_fn)(sqlite3_stmt *st, const char *key, void *ctx);

/*
 * Run one page of list l from page's position: the rows after it (or before
 * it, backward), matching page->match, at most page->limit. *stopped says
 * whether fn asked to stop.
 */
static enum error_code involvement_run(struct store *s, const struct involvement_list *l,
                                       const struct involvement_params *p,
                                       const struct involvement_page *page, involvement_row_fn fn,
                                       void *ctx, bool *stopped, struct error *err)
{
	bool desc = l->desc != page->backward;
	const char *dir = desc ? "DESC" : "ASC";
	char *after = page->has_after ? mem_printf(" AND (%s, %s) %s (:after_key, :after_id)",
	                                           l->order, l->id, desc ? "<" : ">")
	                              : mem_strdup("");
	bool match = page->match && *page->match;
	char *with =
	        match ? mem_printf(" AND %s LIKE :pattern ESCAPE '\\'", l->name) : mem_strdup("");
	char *sql = mem_printf("SELECT %s, %s, %s%s%s ORDER BY %s %s, %s %s LIMIT :limit", l->order,
	                       l->id, l->query, after, with, l->order, dir, l->id, dir);
	free(after);
	free(with);
	sqlite3_stmt *st = store_prepare_fresh(s, sql, err);
	free(sql);
	if (!st)
		return err ? err->code : ERROR_IO;
	involvement_bind_int(st, ":person", p->person_id);
	if (p->terms) {
		involvement_bind_date(st, ":today", p->terms->today);
		involvement_bind_date(st, ":cutoff", p->terms->pay_cutoff);
	}
	if (page->has_after) {
		involvement_bind_text(st, ":after_key", page->after_key ? page->after_key : "");
		involvement_bind_int(st, ":after_id", page->after_id);
	}
	if (match) {
		char *pattern = involvement_like(page->match, page->prefix);
		involvement_bind_text(st, ":pattern", pattern);
		free(pattern);
	}
	involvement_bind_int(st, ":limit", page->limit > 0 ? page->limit : 100);
	int rc;
	*stopped = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *key = mem_printf("%s%s", l->prefix, involvement_text(st, 0));
		bool more = fn(st, key, ctx);
		free(key);
		if (!more) {
			*stopped = true;
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "reading the list", err);
}

/* Run a list's page with no segments. */
static enum error_code involvement_page_of(struct store *s, const struct involvement_list *l,
                                           const struct involvement_params *p,
                                           const struct involvement_page *page,
                                           involvement_row_fn fn, void *ctx, struct error *err)
{
	bool stopped;
	return involvement_run(s, l, p, page, fn, ctx, &stopped, err);
}

/* One count query's single integer. */
static enum error_code involvement_count(struct store *s, const char *sql,
                                         const struct involvement_params *p, int64_t *n,
                                         struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	involvement_bind_int(st, ":person", p->person_id);
	if (p->terms)
		involvement_bind_date(st, ":cutoff", p->terms->pay_cutoff);
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ERROR_NONE : store_fail(s, rc, "counting", err);
}

/* ---- meetings ---- */

#define INVOLVEMENT_MEETING_SQL                                                                    \
	"m.id, m.title, m.held_on, m.status, p.title, a.role, a.attended, a.needs_met,"            \
	" f.given_on, m.feedback_due_on, (" INVOLVEMENT_FEEDBACK_OWED ")"                          \
	" FROM attendance a JOIN meeting m ON m.id = a.meeting_id"                                 \
	" JOIN project p ON p.id = m.project_id"                                                   \
	" LEFT JOIN feedback f ON f.meeting_id = a.meeting_id AND f.person_id = a.person_id"       \
	" WHERE a.person_id = :person"

/* What a meetings list passes on: the caller's function and context. */
struct involvement_meeting_call {
	involvement_meeting_fn fn;
	void *ctx;
};

/* A choice's index from its stored key (-1 when NULL or unknown). */
static int involvement_choice(sqlite3_stmt *st, int i, const struct choice *choices)
{
	const char *key = (const char *)sqlite3_column_text(st, i);
	return key ? record_choice_find(choices, key) : -1;
}

/* A row of a meetings list, passed on as a struct involvement_meeting. */
static bool involvement_meeting_row(sqlite3_stmt *st, const char *key, void *ctx)
{
	struct involvement_meeting_call *call = ctx;
	const struct field *status = record_field(&meeting_kind, "status");
	struct involvement_meeting m = {
		.id = sqlite3_column_int64(st, 1),
		.key = key,
		.meeting_id = sqlite3_column_int64(st, 2),
		.title = involvement_text(st, 3),
		.held_on = involvement_text(st, 4),
		.status = involvement_choice(st, 5, status->choices),
		.project = involvement_text(st, 6),
		.role = involvement_choice(st, 7, vocab_roles),
		.attended = sqlite3_column_int(st, 8),
		.needs_met =
		        sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 9),
		.told_on = involvement_text(st, 10),
		.due_on = involvement_text(st, 11),
		.owed = sqlite3_column_int(st, 12) != 0,
	};
	return call->fn(&m, call->ctx);
}

enum error_code involvement_history(struct store *s, int64_t person_id,
                                    const struct involvement_page *page, involvement_meeting_fn fn,
                                    void *ctx, struct error *err)
{
	static const struct involvement_list list = {
		.query = INVOLVEMENT_MEETING_SQL,
		.order = "m.held_on",
		.desc = true,
		.id = "a.id",
		.name = "m.title",
		.prefix = "",
	};
	struct involvement_params p = { .person_id = person_id };
	struct involvement_meeting_call call = { fn, ctx };
	return involvement_page_of(s, &list, &p, page, involvement_meeting_row, &call, err);
}

enum error_code involvement_history_count(struct store *s, int64_t person_id, int64_t *n,
                                          struct error *err)
{
	struct involvement_params p = { .person_id = person_id };
	return involvement_count(s, "SELECT count(*) FROM attendance WHERE person_id = :person", &p,
	                         n, err);
}

enum error_code involvement_feedback_owed(struct store *s, int64_t person_id,
                                          const struct involvement_page *page,
                                          involvement_meeting_fn fn, void *ctx, struct error *err)
{
	static const struct involvement_list list = {
		.query = INVOLVEMENT_MEETING_SQL " AND " INVOLVEMENT_FEEDBACK_OWED,
		.order = "coalesce(m.feedback_due_on, '" INVOLVEMENT_NO_DATE "')",
		.desc = false,
		.id = "a.id",
		.name = "m.title",
		.prefix = "",
	};
	struct involvement_params p = { .person_id = person_id };
	struct involvement_meeting_call call = { fn, ctx };
	return involvement_page_of(s, &list, &p, page, involvement_meeting_row, &call, err);
}

/* ---- commitments ---- */

struct involvement_commitment_call {
	involvement_commitment_fn fn;
	void *ctx;
};

/* A row of a commitments list, passed on as a struct involvement_commitment. */
static bool involvement_commitment_row(sqlite3_stmt *st, const char *key, void *ctx)
{
	struct involvement_commitment_call *call = ctx;
	struct involvement_commitment c = {
		.id = sqlite3_column_int64(st, 1),
		.key = key,
		.summary = involvement_text(st, 2),
		.owner = involvement_text(st, 3),
		.due_on = involvement_text(st, 4),
		.meeting_id = sqlite3_column_int64(st, 5),
		.meeting = involvement_text(st, 6),
		.held_on = involvement_text(st, 7),
	};
	return call->fn(&c, call->ctx);
}

/* The open commitments from meetings the person came to (a, ac, m): their meetings first. */
#define INVOLVEMENT_COMMITMENTS_FROM                                                               \
	" FROM attendance a CROSS JOIN action ac ON ac.meeting_id = a.meeting_id"                  \
	" JOIN meeting m ON m.id = ac.meeting_id"                                                  \
	" WHERE a.person_id = :person AND a.attended = 1 AND ac.done_on IS NULL"

enum error_code involvement_commitments(struct store *s, int64_t person_id,
                                        const struct involvement_page *page,
                                        involvement_commitment_fn fn, void *ctx, struct error *err)
{
	static const struct involvement_list list = {
		.query = "ac.summary, ac.owner, ac.due_on, m.id, m.title, "
		         "m.held_on" INVOLVEMENT_COMMITMENTS_FROM,
		.order = "coalesce(ac.due_on, '" INVOLVEMENT_NO_DATE "')",
		.desc = false,
		.id = "ac.id",
		.name = "ac.summary",
		.prefix = "",
	};
	struct involvement_params p = { .person_id = person_id };
	struct involvement_commitment_call call = { fn, ctx };
	return involvement_page_of(s, &list, &p, page, involvement_commitment_row, &call, err);
}

/* ---- payments ---- */

#define INVOLVEMENT_PAYMENT_SQL(where)                                                             \
	"pay.person_id, pe.name, pe.anonymised, pay.meeting_id, m.title, m.held_on,"               \
	" pay.kind, pay.amount_pence, pay.claimed_on, pay.paid_on, pay.declined"                   \
	" FROM payment pay JOIN person pe ON pe.id = pay.person_id"                                \
	" LEFT JOIN meeting m ON m.id = pay.meeting_id WHERE " where

/* An overdue claim (pay). */
#define INVOLVEMENT_SQL_OVERDUE INVOLVEMENT_SQL_UNPAID " AND pay.claimed_on <= :cutoff"

/*
 * The parts a payments list is read in, in order, each with its own order
 * that an index serves: the overdue (longest waiting first), the other claims
 * (newest first), and the payments never claimed (newest record first). The
 * first character of a row's key says which part it is in.
 */
enum { INVOLVEMENT_PARTS = 3 };
static const struct involvement_list involvement_payment_parts[][INVOLVEMENT_PARTS] = {
	[INVOLVEMENT_OVERDUE] = {
		{ INVOLVEMENT_PAYMENT_SQL(INVOLVEMENT_SQL_OVERDUE), "pay.claimed_on", false, "pay.id",
		  "pe.name", "0" },
	},
	[INVOLVEMENT_UNPAID] = {
		{ INVOLVEMENT_PAYMENT_SQL(INVOLVEMENT_SQL_OVERDUE), "pay.claimed_on", false, "pay.id",
		  "pe.name", "0" },
		{ INVOLVEMENT_PAYMENT_SQL(INVOLVEMENT_SQL_UNPAID " AND pay.claimed_on > :cutoff"),
		  "pay.claimed_on", true, "pay.id", "pe.name", "1" },
	},
	[INVOLVEMENT_ALL] = {
		{ INVOLVEMENT_PAYMENT_SQL(INVOLVEMENT_SQL_OVERDUE), "pay.claimed_on", false, "pay.id",
		  "pe.name", "0" },
		{ INVOLVEMENT_PAYMENT_SQL("pay.claimed_on IS NOT NULL AND NOT (" INVOLVEMENT_SQL_OVERDUE
		                          ")"),
		  "pay.claimed_on", true, "pay.id", "pe.name", "1" },
		{ INVOLVEMENT_PAYMENT_SQL("pay.claimed_on IS NULL"), "pay.created_at", true, "pay.id",
		  "pe.name", "2" },
	},
};

struct involvement_payment_call {
	involvement_payment_fn fn;
	void *ctx;
	const struct involvement_terms *terms;
	int wanted; /* rows still wanted in this page */
};

/* A row of a payments list, passed on with its due day and whether it is overdue. */
static bool involvement_payment_row(sqlite3_stmt *st, const char *key, void *ctx)
{
	struct involvement_payment_call *call = ctx;
	const struct field *kind = record_field(&payment_kind, "kind");
	struct involvement_payment p = {
		.id = sqlite3_column_int64(st, 1),
		.key = key,
		.person_id = sqlite3_column_int64(st, 2),
		.person = involvement_text(st, 3),
		.anonymised = sqlite3_column_int(st, 4) != 0,
		.meeting_id = sqlite3_column_int64(st, 5),
		.meeting = involvement_text(st, 6),
		.held_on = involvement_text(st, 7),
		.kind = involvement_choice(st, 8, kind->choices),
		.amount_pence = sqlite3_column_int64(st, 9),
		.claimed_on = involvement_text(st, 10),
		.paid_on = involvement_text(st, 11),
		.declined = sqlite3_column_int(st, 12) != 0,
		.due = DATE_NONE,
	};
	int32_t claimed;
	if (date_parse(p.claimed_on, &claimed, NULL) == ERROR_NONE) {
		p.due = involvement_pay_due(call->terms, claimed);
		p.overdue = !*p.paid_on && !p.declined && claimed <= call->terms->pay_cutoff;
	}
	call->wanted--;
	return call->fn(&p, call->ctx);
}

enum error_code involvement_payments(struct store *s, const struct involvement_payments *which,
                                     const struct involvement_page *page, involvement_payment_fn fn,
                                     void *ctx, struct error *err)
{
	struct involvement_params p = { .person_id = which->person_id, .terms = which->terms };
	struct involvement_payment_call call = {
		.fn = fn,
		.ctx = ctx,
		.terms = which->terms,
		.wanted = page->limit > 0 ? page->limit : 100,
	};
	/* Which part the position is in, and where in it. */
	int part = page->backward ? INVOLVEMENT_PARTS - 1 : 0;
	struct involvement_page in = *page;
	if (page->has_after && page->after_key && page->after_key[0] >= '0' &&
	    page->after_key[0] < '0' + INVOLVEMENT_PARTS) {
		part = page->after_key[0] - '0';
		in.after_key = page->after_key[1] ? page->after_key + 1 : "";
	} else {
		in.has_after = false;
	}
	enum error_code code = ERROR_NONE;
	for (; code == ERROR_NONE && call.wanted > 0 && part >= 0 && part < INVOLVEMENT_PARTS;
	     part += page->backward ? -1 : 1) {
		struct involvement_list l = involvement_payment_parts[which->filter][part];
		if (!l.query)
			continue;
		/* One person's payments: their index serves the same order. */
		char *query = mem_printf("%s%s", l.query,
		                         which->person_id ? " AND pay.person_id = :person" : "");
		l.query = query;
		in.limit = call.wanted;
		bool stopped = false;
		code = involvement_run(s, &l, &p, &in, involvement_payment_row, &call, &stopped,
		                       err);
		free(query);
		if (stopped)
			break;
		/* The next part is read from its start. */
		in.has_after = false;
	}
	return code;
}

enum error_code involvement_payments_count(struct store *s,
                                           const struct involvement_payments *which, int64_t *n,
                                           struct error *err)
{
	static const char *const where[] = {
		[INVOLVEMENT_OVERDUE] = INVOLVEMENT_SQL_OVERDUE,
		[INVOLVEMENT_UNPAID] = INVOLVEMENT_SQL_UNPAID,
		[INVOLVEMENT_ALL] = "1",
	};
	char *sql = mem_printf("SELECT count(*) FROM payment pay WHERE %s%s", where[which->filter],
	                       which->person_id ? " AND pay.person_id = :person" : "");
	struct involvement_params p = { .person_id = which->person_id, .terms = which->terms };
	enum error_code code = involvement_count(s, sql, &p, n, err);
	free(sql);
	return code;
}

/* ---- totals ---- */

/* How many claims are unpaid and overdue, for how much, and the oldest overdue. */
#define INVOLVEMENT_PAYMENT_TOTALS                                                                 \
	"SELECT count(*), coalesce(sum(pay.amount_pence), 0),"                                     \
	" coalesce(sum(pay.claimed_on <= :cutoff), 0),"                                            \
	" coalesce(sum(CASE WHEN pay.claimed_on <= :cutoff THEN pay.amount_pence END), 0),"        \
	" min(CASE WHEN pay.claimed_on <= :cutoff THEN pay.claimed_on END)"

/* Step sql, which gives one row, for person as of t; *out is left on the row to read. */
static enum error_code involvement_one_row(struct store *s, const char *sql, int64_t person_id,
                                           const struct involvement_terms *t, sqlite3_stmt **out,
                                           struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	involvement_bind_int(st, ":person", person_id);
	involvement_bind_date(st, ":today", t->today);
	involvement_bind_date(st, ":cutoff", t->pay_cutoff);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_fail(s, rc, "counting what is owed", err);
	}
	*out = st;
	return ERROR_NONE;
}

enum error_code involvement_totals(struct store *s, int64_t person_id,
                                   const struct involvement_terms *t,
                                   struct involvement_totals *out, struct error *err)
{
	static const char payments_all[] =
	        INVOLVEMENT_PAYMENT_TOTALS " FROM payment pay WHERE " INVOLVEMENT_SQL_UNPAID;
	static const char payments_one[] = INVOLVEMENT_PAYMENT_TOTALS
	        " FROM payment pay WHERE " INVOLVEMENT_SQL_UNPAID " AND pay.person_id = :person";
	static const char feedback[] =
	        "SELECT count(*), coalesce(sum(m.feedback_due_on < :today), 0)"
	        " FROM attendance a JOIN meeting m ON m.id = a.meeting_id"
	        " LEFT JOIN feedback f ON f.meeting_id = a.meeting_id AND f.person_id = a.person_id"
	        " WHERE a.person_id = :person AND " INVOLVEMENT_FEEDBACK_OWED;
	static const char commitments[] = "SELECT count(*), coalesce(sum(ac.due_on < :today), "
	                                  "0)" INVOLVEMENT_COMMITMENTS_FROM;
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	enum error_code code = involvement_one_row(s, person_id ? payments_one : payments_all,
	                                           person_id, t, &st, err);
	if (code != ERROR_NONE)
		return code;
	out->unpaid = sqlite3_column_int64(st, 0);
	out->unpaid_pence = sqlite3_column_int64(st, 1);
	out->overdue = sqlite3_column_int64(st, 2);
	out->overdue_pence = sqlite3_column_int64(st, 3);
	snprintf(out->oldest_overdue, sizeof out->oldest_overdue, "%s", involvement_text(st, 4));
	sqlite3_reset(st);
	if (!person_id)
		return ERROR_NONE;
	if ((code = involvement_one_row(s, feedback, person_id, t, &st, err)) != ERROR_NONE)
		return code;
	out->feedback_owed = sqlite3_column_int64(st, 0);
	out->feedback_overdue = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	if ((code = involvement_one_row(s, commitments, person_id, t, &st, err)) != ERROR_NONE)
		return code;
	out->commitments = sqlite3_column_int64(st, 0);
	out->commitments_overdue = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return ERROR_NONE;
}

int64_t involvement_version(struct store *s)
{
	return record_lookup(s, "SELECT max(id) FROM audit", "");
}
