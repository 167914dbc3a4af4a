/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_payment: claims paid late, payment not offered, fees and benefits, commitments overdue. */
#include "rules_payment.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "mem.h"
#include "money.h"

/* What a payment of this kind is for, in a sentence: "for travel". */
static const char *rules_payment_for(const char *kind)
{
	static const struct {
		const char *kind, *words;
	} words[] = {
		{ "fee", "for their time" },
		{ "travel", "for travel" },
		{ "care_cover", "for care cover" },
		{ "other", "in expenses" },
	};
	for (size_t i = 0; kind && i < sizeof words / sizeof *words; i++)
		if (strcmp(words[i].kind, kind) == 0)
			return words[i].words;
	return "";
}

static char *rules_payment_overdue_message(struct rules_run *x, struct sqlite3_stmt *st,
                                           struct finding *f)
{
	int32_t claimed = rules_date(st, RULES_ROW_COLUMNS);
	if (claimed == DATE_NONE)
		return NULL;
	f->due = rules_payment_due(x->config, claimed);
	char amount[MONEY_TEXT_SIZE], on[DATE_TEXT_SIZE], held[DATE_TEXT_SIZE];
	money_format_pounds(sqlite3_column_int64(st, RULES_ROW_COLUMNS + 1), amount);
	date_format(claimed, on);
	date_format(f->held_on, held);
	const char *kind = rules_payment_for(rules_text(st, RULES_ROW_COLUMNS + 2));
	char *at = f->meeting ? mem_printf(" (%s, %s)", f->meeting, held) : mem_strdup("");
	char *due = rules_due_text(f->due, f->due - x->today);
	char *msg = mem_printf("Pay %s %s %s%s, claimed on %s: %s.", f->person, amount, kind, at,
	                       on, due);
	free(due);
	free(at);
	return msg;
}

int32_t rules_payment_due(const struct config *config, int32_t claimed)
{
	return date_add_working_days(claimed, (int)config_int(config, "payments.pay_within_days"),
	                             config_calendar(config));
}

int32_t rules_payment_cutoff(const struct config *config, int32_t today)
{
	/* Due days only grow with the day claimed: step back until one falls before today. */
	int32_t d = today - 1;
	while (rules_payment_due(config, d) >= today)
		d--;
	return d;
}

enum error_code rules_payment_overdue(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT " RULES_ROW_MEETING_PERSON ", pay.claimed_on, pay.amount_pence, pay.kind"
	        " FROM payment pay JOIN person pe" RULES_PERSON_BRIEF " ON pe.id = pay.person_id"
	        " LEFT JOIN meeting m" RULES_MEETING_BRIEF " ON m.id = pay.meeting_id"
	        " LEFT JOIN project p ON p.id = m.project_id"
	        " WHERE pay.paid_on IS NULL AND pay.declined = 0"
	        " AND pay.claimed_on <= :cutoff" RULES_SCOPE
	        " ORDER BY pay.claimed_on, pe.name COLLATE NOCASE, pay.id";
	return rules_query_day(x, sql, &rules_scope_meeting, ":cutoff",
	                       rules_payment_cutoff(x->config, x->today),
	                       rules_payment_overdue_message, err);
}

static char *rules_payment_offer_message(struct rules_run *x, struct sqlite3_stmt *st,
                                         struct finding *f)
{
	(void)st;
	f->due = f->held_on + (int32_t)config_int(x->config, "payments.offer_days");
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	char *due = rules_due_text(f->due, f->due - x->today);
	char *msg = mem_printf("Offer %s payment for %s (%s), or record that they declined: %s.",
	                       f->person, f->meeting, held, due);
	free(due);
	return msg;
}

enum error_code rules_payment_not_offered(struct rules_run *x, struct error *err)
{
	/*
	 * The service users and carers at meetings held before the cutoff less
	 * those with a payment record for the meeting, both read in (meeting,
	 * person) order from indexes and merged, as for feedback owed (see
	 * rules_feedback.c): over everything, straight through; narrowed, for
	 * the scope's meetings. Only the pairs left are read in full.
	 */
	static const char sql[] =
	        "WITH held AS MATERIALIZED (SELECT m.id FROM meeting m WHERE +m.status = 'held'"
	        "  AND m.held_on < :cutoff" RULES_SCOPE "),"
	        " unpaid AS MATERIALIZED (SELECT a.meeting_id, a.person_id FROM attendance a"
	        "  WHERE " RULES_USER_PRESENT RULES_NARROWED_ONLY
	        " AND a.meeting_id IN held" RULES_ONLY_END
	        "  AND (:scope_person = 0 OR a.person_id = :scope_person)"
	        "  EXCEPT SELECT pay.meeting_id, pay.person_id FROM payment pay"
	        "  WHERE pay.meeting_id IS NOT NULL" RULES_NARROWED_ONLY
	        " AND pay.meeting_id IN held" RULES_ONLY_END "  ORDER BY 1, 2 LIMIT -1)"
	        " SELECT " RULES_ROW_MEETING_PERSON
	        " FROM unpaid CROSS JOIN meeting m" RULES_MEETING_BRIEF
	        " ON m.id = unpaid.meeting_id"
	        " JOIN project p ON p.id = m.project_id"
	        " JOIN person pe" RULES_PERSON_BRIEF " ON pe.id = unpaid.person_id"
	        " WHERE m.status = 'held' AND m.held_on < :cutoff AND pe.anonymised = 0"
	        " ORDER BY m.held_on, m.id, pe.name COLLATE NOCASE, pe.id";
	static const struct rules_scope_sql scope = {
		.project = "m.project_id = :scope_id",
		.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
		.meeting = "m.id = :scope_id",
		.person = "m.id IN (SELECT sa.meeting_id FROM attendance sa"
		          " WHERE sa.person_id = :scope_id)",
	};
	return rules_query_day(x, sql, &scope, ":cutoff",
	                       x->today - (int32_t)config_int(x->config, "payments.offer_days"),
	                       rules_payment_offer_message, err);
}

/* One person's fees in date order, gathered row by row. */
struct rules_payment_fees {
	int64_t person_id;
	char *name;
	int32_t *days;
	int64_t *pence;
	size_t count, cap;
};

/* Emit a finding for each run of 7 days in which the person's fees pass the limit. */
static bool rules_payment_fees_emit(struct rules_run *x, struct rules_payment_fees *p)
{
	int64_t limit = config_int(x->config, "payments.weekly_limit_pence");
	bool go = true;
	int64_t sum = 0;
	for (size_t i = 0, j = 0; go && j < p->count; j++) {
		sum += p->pence[j];
		while (p->days[j] - p->days[i] >= 7)
			sum -= p->pence[i++];
		if (sum <= limit)
			continue;
		/* Take in the rest of the 7 days, so one finding covers them. */
		while (j + 1 < p->count && p->days[j + 1] - p->days[i] < 7)
			sum += p->pence[++j];
		char paid[MONEY_TEXT_SIZE], max[MONEY_TEXT_SIZE];
		char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
		money_format_pounds(sum, paid);
		money_format_pounds(limit, max);
		date_format(p->days[i], from);
		date_format(p->days[j], to);
		char *msg =
		        mem_printf("Check with %s that fees of %s paid from %s to %s do not affect "
		                   "their benefits: more than %s within 7 days.",
		                   p->name, paid, from, to, max);
		struct finding f;
		rules_finding_init(&f);
		f.person_id = p->person_id;
		f.person = p->name;
		f.message = msg;
		go = rules_emit(x, &f);
		free(msg);
		sum = 0;
		i = j + 1;
	}
	free(p->name);
	p->name = NULL;
	p->count = 0;
	return go;
}

enum error_code rules_payment_benefits_check(struct rules_run *x, struct error *err)
{
	/*
	 * Only the few people with a benefits concern, then their fees paid, in
	 * date order, from the payment_fees index alone. Fees paid the same day
	 * may come in any order: amounts are never negative, so the same 7 days
	 * pass the limit whatever their order.
	 */
	static const char sql[] =
	        "SELECT pe.id, pe.name, pay.paid_on, pay.amount_pence"
	        " FROM person pe CROSS JOIN payment pay ON pay.person_id = pe.id"
	        " WHERE pe.benefits_concern = 1 AND pe.anonymised = 0 AND pay.paid_on IS NOT NULL"
	        " AND pay.declined = 0 AND pay.kind = 'fee'" RULES_SCOPE
	        " ORDER BY pe.id, pay.paid_on";
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_scope_people, &st, err);
	if (!st)
		return code;
	struct rules_payment_fees p = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int32_t day = rules_date(st, 2);
		if (day == DATE_NONE)
			continue;
		if (p.name && p.person_id != id && !rules_payment_fees_emit(x, &p))
			break;
		if (!p.name) {
			p.person_id = id;
			p.name = mem_strdup(rules_text(st, 1) ? rules_text(st, 1) : "");
		}
		if (p.count == p.cap) {
			p.cap = p.cap ? p.cap * 2 : 16;
			p.days = mem_realloc(p.days, p.cap * sizeof *p.days);
			p.pence = mem_realloc(p.pence, p.cap * sizeof *p.pence);
		}
		p.days[p.count] = day;
		p.pence[p.count++] = sqlite3_column_int64(st, 3);
	}
	if (rc == SQLITE_DONE && p.name)
		rules_payment_fees_emit(x, &p);
	free(p.name);
	free(p.days);
	free(p.pence);
	return rules_done(x, st, rc, err);
}

static char *rules_payment_action_message(struct rules_run *x, struct sqlite3_stmt *st,
                                          struct finding *f)
{
	f->due = rules_date(st, RULES_ROW_COLUMNS);
	if (f->due == DATE_NONE)
		return NULL;
	char *what = rules_excerpt(rules_text(st, RULES_ROW_COLUMNS + 1), 60);
	const char *owner = rules_text(st, RULES_ROW_COLUMNS + 2);
	char held[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	char *where = f->meeting   ? mem_printf(" at %s (%s)", f->meeting, held)
	              : f->project ? mem_printf(" for %s", f->project)
	                           : mem_strdup("");
	char *by = owner && *owner ? mem_printf(" (%s)", owner) : mem_strdup("");
	char *due = rules_due_text(f->due, f->due - x->today);
	char *msg = mem_printf("Do what was promised%s: \"%s\"%s, %s.", where, what, by, due);
	free(due);
	free(by);
	free(where);
	free(what);
	return msg;
}

enum error_code rules_payment_action_overdue(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, m.stage, m.id, m.title, m.held_on, NULL, NULL,"
	        " ac.due_on, ac.summary, ac.owner"
	        " FROM action ac LEFT JOIN meeting m" RULES_MEETING_BRIEF " ON m.id = ac.meeting_id"
	        " LEFT JOIN project p ON p.id = coalesce(ac.project_id, m.project_id)"
	        " WHERE ac.done_on IS NULL AND ac.due_on < :today" RULES_SCOPE
	        " ORDER BY ac.due_on, ac.id";
	static const struct rules_scope_sql scope = {
		.project = "p.id = :scope_id",
		.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
		.meeting = "m.id = :scope_id",
	};
	return rules_query(x, sql, &scope, rules_payment_action_message, err);
}
