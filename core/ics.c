/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ics: open obligations as RFC 5545 all-day events with stable UIDs. */
#include "ics.h"

#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "exchange.h"
#include "meeting.h"
#include "mem.h"
#include "money.h"
#include "outfile.h"
#include "record.h"
#include "store.h"
#include "text.h"
#include "vocab.h"

enum { ICS_LINE_OCTETS = 75 }; /* RFC 5545 3.1: lines longer than this are folded */

void ics_fold(struct buf *b, const char *line)
{
	size_t n = strlen(line), room = ICS_LINE_OCTETS;
	while (n > room) {
		/* Back up to the start of a character: never split a UTF-8 sequence. */
		size_t cut = room;
		while (cut > 0 && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		buf_addn(b, line, cut);
		buf_add(b, "\r\n ");
		line += cut;
		n -= cut;
		room = ICS_LINE_OCTETS - 1; /* the space that starts a continuation line counts */
	}
	buf_addn(b, line, n);
	buf_add(b, "\r\n");
}

void ics_text(struct buf *b, const char *name, const char *value)
{
	char *clean = text_clean(value, TEXT_KEEP_NEWLINES);
	struct buf line = { 0 };
	buf_add(&line, name);
	buf_addc(&line, ':');
	for (const char *p = clean; *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',')
			buf_addc(&line, '\\');
		if (*p == '\n')
			buf_add(&line, "\\n");
		else
			buf_addc(&line, *p);
	}
	ics_fold(b, line.data);
	buf_free(&line);
	free(clean);
}

/* What an export is writing. */
struct ics_run {
	struct store *s;
	const struct config *config;
	FILE *out;
	char stamp[20];       /* DTSTAMP: 20261122T093000Z */
	struct buf event;     /* the event being built */
	struct ics_counts *n; /* events written */
	struct error *err;
};

/* "20261029" from "2026-10-29". */
static void ics_date(const char *iso, char out[9])
{
	snprintf(out, 9, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
}

/* Start an event: UID, DTSTAMP, the day (all day), SUMMARY and CATEGORIES. */
static void ics_begin_event(struct ics_run *x, const char *kind, int64_t id, int32_t day,
                            const char *summary, const char *category)
{
	char iso[DATE_TEXT_SIZE], start[9], end[9], next[DATE_TEXT_SIZE];
	date_format(day, iso);
	date_format(day + 1, next);
	ics_date(iso, start);
	ics_date(next, end);
	struct buf *b = &x->event;
	b->len = 0;
	buf_add(b, "BEGIN:VEVENT\r\n");
	buf_printf(b, "UID:%s-%" PRId64 "@involve\r\n", kind, id);
	buf_printf(b, "DTSTAMP:%s\r\n", x->stamp);
	buf_printf(b, "DTSTART;VALUE=DATE:%s\r\n", start);
	buf_printf(b, "DTEND;VALUE=DATE:%s\r\n", end);
	ics_text(b, "SUMMARY", summary);
	ics_text(b, "CATEGORIES", category);
	buf_add(b, "TRANSP:TRANSPARENT\r\n");
}

/* End the event and write it out. */
static bool ics_end_event(struct ics_run *x, const char *description)
{
	ics_text(&x->event, "DESCRIPTION", description);
	buf_add(&x->event, "END:VEVENT\r\n");
	return fwrite(x->event.data, 1, x->event.len, x->out) == x->event.len;
}

/* Column i as text, "" when NULL. */
static const char *ics_col(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? t : "";
}

/* Column i as a date, DATE_NONE when NULL or not a date. */
static int32_t ics_day(sqlite3_stmt *st, int i)
{
	int32_t day;
	if (date_parse(ics_col(st, i), &day, NULL) != ERROR_NONE)
		return DATE_NONE;
	return day;
}

/* "easy read", "translated (Polish)": the format a person needs, in words. Caller frees. */
static char *ics_format(const char *key, const char *language)
{
	int i = record_choice_find(vocab_formats, key);
	const char *label = i >= 0 ? vocab_formats[i].label : "standard print";
	if (i == FORMAT_TRANSLATED && *language)
		return mem_printf("%s (%s)", label, language);
	return mem_strdup(label);
}

/* Step st to the end, calling row for each row; the store's error, or ERROR_IO on a write. */
static enum error_code ics_each(struct ics_run *x, sqlite3_stmt *st,
                                bool (*row)(struct ics_run *x, sqlite3_stmt *st, void *ctx),
                                void *ctx)
{
	int rc;
	bool written = true;
	while (written && (rc = sqlite3_step(st)) == SQLITE_ROW)
		written = row(x, st, ctx);
	if (!written) {
		sqlite3_reset(st);
		return error_set(x->err, ERROR_IO, "%s", strerror(errno ? errno : EIO));
	}
	enum error_code code = rc == SQLITE_DONE
	                               ? ERROR_NONE
	                               : store_fail(x->s, rc, "reading what is owed", x->err);
	sqlite3_reset(st);
	return code;
}

/* ---- feedback owed, one event per meeting ---- */

/* The meeting whose people are being gathered. */
struct ics_meeting {
	int64_t id; /* 0: none yet */
	char *title, *project, *held;
	int32_t due;
	long people;
	char *first; /* the first person's name, for a summary about one person */
	struct buf who;
};

/* Write the gathered meeting's event and start afresh. */
static bool ics_meeting_flush(struct ics_run *x, struct ics_meeting *g)
{
	bool ok = true;
	if (g->id) {
		char *summary = g->people == 1
		                        ? mem_printf("Tell %s what came of %s", g->first, g->title)
		                        : mem_printf("Tell %ld people what came of %s", g->people,
		                                     g->title);
		char due[DATE_TEXT_SIZE];
		date_format(g->due, due);
		ics_begin_event(x, "feedback", g->id, g->due, summary, "Feedback");
		char *desc = mem_printf("Feedback on %s (%s), held on %s, is due on %s: tell each "
		                        "person what came of what was said, what changed, and what "
		                        "was not possible and why, in the format they need.\n%s",
		                        g->title, g->project, g->held, due, g->who.data);
		ok = ics_end_event(x, desc);
		free(desc);
		free(summary);
		x->n->feedback++;
	}
	free(g->title);
	free(g->project);
	free(g->held);
	free(g->first);
	buf_free(&g->who);
	memset(g, 0, sizeof *g);
	return ok;
}

/* One person owed feedback: gather them into their meeting's event. */
static bool ics_feedback_row(struct ics_run *x, sqlite3_stmt *st, void *ctx)
{
	struct ics_meeting *g = ctx;
	int64_t id = sqlite3_column_int64(st, 0);
	if (id != g->id) {
		if (!ics_meeting_flush(x, g))
			return false;
		g->id = id;
		g->title = mem_strdup(ics_col(st, 1));
		g->held = mem_strdup(ics_col(st, 2));
		g->due = ics_day(st, 3);
		if (g->due == DATE_NONE)
			g->due = meeting_due_for(g->held);
		g->project = mem_strdup(ics_col(st, 4));
	}
	char *format = ics_format(ics_col(st, 6), ics_col(st, 7));
	buf_printf(&g->who, "%s%s: %s", g->people ? "\n" : "", ics_col(st, 5), format);
	free(format);
	if (!g->people)
		g->first = mem_strdup(ics_col(st, 5));
	g->people++;
	return true;
}

/*
 * Service users and carers who came to a held meeting and have not been told
 * what came of it, meeting by meeting in the order feedback falls due. The
 * pairs owed are found from the indexes alone first, as the feedback rules do.
 */
static const char ics_feedback_sql[] =
        "WITH owed AS MATERIALIZED (SELECT a.id FROM meeting m"
        "  JOIN attendance a ON a.meeting_id = m.id WHERE m.status = 'held'"
        "  AND NOT EXISTS (SELECT 1 FROM feedback f"
        "   WHERE f.meeting_id = a.meeting_id AND f.person_id = a.person_id))"
        " SELECT m.id, m.title, m.held_on, m.feedback_due_on, p.title, pe.name,"
        "  pe.preferred_format, pe.language"
        " FROM owed JOIN attendance a ON a.id = owed.id JOIN meeting m ON m.id = a.meeting_id"
        " JOIN project p ON p.id = m.project_id JOIN person pe ON pe.id = a.person_id"
        " WHERE a.attended = 1 AND a.role IN ('service_user', 'carer') AND pe.anonymised = 0"
        " ORDER BY m.feedback_due_on, m.held_on, m.id, pe.name COLLATE NOCASE, pe.id";

static enum error_code ics_feedback(struct ics_run *x)
{
	sqlite3_stmt *st = store_prepare(x->s, ics_feedback_sql, x->err);
	if (!st)
		return x->err->code;
	struct ics_meeting g = { 0 };
	enum error_code code = ics_each(x, st, ics_feedback_row, &g);
	if (!ics_meeting_flush(x, &g) && code == ERROR_NONE)
		code = error_set(x->err, ERROR_IO, "%s", strerror(errno ? errno : EIO));
	return code;
}

/* ---- payments claimed and not paid ---- */

/* What a payment of this kind is for: "for travel". */
static const char *ics_payment_for(const char *kind)
{
	static const char *const words[][2] = {
		{ "fee", "for their time" },
		{ "travel", "for travel" },
		{ "care_cover", "for care cover" },
		{ "other", "in expenses" },
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(words[i][0], kind) == 0)
			return words[i][1];
	return "";
}

static bool ics_payment_row(struct ics_run *x, sqlite3_stmt *st, void *ctx)
{
	(void)ctx;
	int32_t claimed = ics_day(st, 3);
	if (claimed == DATE_NONE)
		return true;
	int days = (int)config_int(x->config, "payments.pay_within_days");
	int32_t due = date_add_working_days(claimed, days, config_calendar(x->config));
	char amount[MONEY_TEXT_SIZE], due_text[DATE_TEXT_SIZE];
	money_format_pounds(sqlite3_column_int64(st, 2), amount);
	date_format(due, due_text);
	const char *person = ics_col(st, 1), *meeting = ics_col(st, 5);
	char *summary = *meeting ? mem_printf("Pay %s %s %s (%s)", person, amount,
	                                      ics_payment_for(ics_col(st, 4)), meeting)
	                         : mem_printf("Pay %s %s %s", person, amount,
	                                      ics_payment_for(ics_col(st, 4)));
	ics_begin_event(x, "payment", sqlite3_column_int64(st, 0), due, summary, "Payment");
	char *at = *meeting ? mem_printf("\nFor %s, held on %s (%s).", meeting, ics_col(st, 6),
	                                 ics_col(st, 7))
	                    : mem_strdup("");
	char *desc = mem_printf("%s claimed %s %s on %s; claims are paid within %d working days, "
	                        "so by %s.%s",
	                        person, amount, ics_payment_for(ics_col(st, 4)), ics_col(st, 3),
	                        days, due_text, at);
	bool ok = ics_end_event(x, desc);
	free(desc);
	free(at);
	free(summary);
	x->n->payments++;
	return ok;
}

static enum error_code ics_payments(struct ics_run *x)
{
	static const char sql[] =
	        "SELECT pay.id, pe.name, pay.amount_pence, pay.claimed_on, pay.kind, m.title,"
	        "  m.held_on, p.title"
	        " FROM payment pay JOIN person pe ON pe.id = pay.person_id"
	        " LEFT JOIN meeting m ON m.id = pay.meeting_id"
	        " LEFT JOIN project p ON p.id = m.project_id"
	        " WHERE pay.paid_on IS NULL AND pay.declined = 0 AND pay.claimed_on IS NOT NULL"
	        " ORDER BY pay.claimed_on, pay.id";
	sqlite3_stmt *st = store_prepare(x->s, sql, x->err);
	return st ? ics_each(x, st, ics_payment_row, NULL) : x->err->code;
}

/* ---- commitments not done ---- */

static bool ics_action_row(struct ics_run *x, sqlite3_stmt *st, void *ctx)
{
	(void)ctx;
	int32_t due = ics_day(st, 3);
	if (due == DATE_NONE)
		return true;
	ics_begin_event(x, "action", sqlite3_column_int64(st, 0), due, ics_col(st, 1),
	                "Commitment");
	struct buf d = { 0 };
	buf_printf(&d, "A commitment made to the people who took part, due on %s.", ics_col(st, 3));
	if (*ics_col(st, 2))
		buf_printf(&d, "\nWho does it: %s", ics_col(st, 2));
	if (*ics_col(st, 4))
		buf_printf(&d, "\nPromised at: %s, held on %s", ics_col(st, 4), ics_col(st, 5));
	if (*ics_col(st, 6))
		buf_printf(&d, "\nProject: %s", ics_col(st, 6));
	bool ok = ics_end_event(x, d.data);
	buf_free(&d);
	x->n->commitments++;
	return ok;
}

static enum error_code ics_actions(struct ics_run *x)
{
	static const char sql[] =
	        "SELECT ac.id, ac.summary, ac.owner, ac.due_on, m.title, m.held_on,"
	        "  coalesce(p.title, mp.title)"
	        " FROM action ac LEFT JOIN meeting m ON m.id = ac.meeting_id"
	        " LEFT JOIN project p ON p.id = ac.project_id"
	        " LEFT JOIN project mp ON mp.id = m.project_id"
	        " WHERE ac.done_on IS NULL AND ac.due_on IS NOT NULL"
	        " ORDER BY ac.due_on, ac.id";
	sqlite3_stmt *st = store_prepare(x->s, sql, x->err);
	return st ? ics_each(x, st, ics_action_row, NULL) : x->err->code;
}

/* ---- planned meetings and their papers ---- */

/* "Ann B.: easy read\nJoan Y.: standard print" for the people booked into meeting id. */
static enum error_code ics_booked(struct ics_run *x, int64_t id, struct buf *out)
{
	static const char sql[] =
	        "SELECT pe.name, pe.preferred_format, pe.language FROM attendance a"
	        " JOIN person pe ON pe.id = a.person_id WHERE a.meeting_id = ?"
	        " ORDER BY pe.name COLLATE NOCASE, pe.id";
	sqlite3_stmt *st = store_prepare_fresh(x->s, sql, x->err);
	if (!st)
		return x->err->code;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *format = ics_format(ics_col(st, 1), ics_col(st, 2));
		buf_printf(out, "\n%s: %s", ics_col(st, 0), format);
		free(format);
	}
	enum error_code code = rc == SQLITE_DONE
	                               ? ERROR_NONE
	                               : store_fail(x->s, rc, "reading who is booked", x->err);
	sqlite3_finalize(st);
	return code;
}

/* What one planned meeting row failed with, for ics_meetings to report. */
struct ics_meetings_ctx {
	enum error_code code;
};

static bool ics_meeting_row(struct ics_run *x, sqlite3_stmt *st, void *ctx)
{
	struct ics_meetings_ctx *mc = ctx;
	int32_t day = ics_day(st, 2);
	if (day == DATE_NONE)
		return true;
	int64_t id = sqlite3_column_int64(st, 0);
	const char *title = ics_col(st, 1), *project = ics_col(st, 4), *venue = ics_col(st, 5);
	struct buf who = { 0 };
	mc->code = ics_booked(x, id, &who);
	if (mc->code != ERROR_NONE) {
		buf_free(&who);
		return true;
	}
	const char *booked = who.len ? "\nWho is booked, and the format each needs:" : "";
	char *summary = mem_printf("%s (%s)", title, project);
	ics_begin_event(x, "meeting", id, day, summary, "Meeting");
	char *desc =
	        mem_printf("%s, planned for %s%s%s, for %s.%s%s", title, ics_col(st, 2),
	                   *venue ? " at " : "", venue, project, booked, who.data ? who.data : "");
	bool ok = ics_end_event(x, desc);
	free(desc);
	free(summary);
	x->n->meetings++;
	if (ok && !*ics_col(st, 3)) {
		int notice = (int)config_int(x->config, "papers.notice_days");
		summary =
		        mem_printf("Send the papers for %s (meeting on %s)", title, ics_col(st, 2));
		ics_begin_event(x, "papers", id, day - notice, summary, "Papers");
		desc = mem_printf("Send the papers for %s (%s) by today: people need them %d days "
		                  "before the meeting on %s, in the format each needs.%s",
		                  title, project, notice, ics_col(st, 2), who.data ? who.data : "");
		ok = ics_end_event(x, desc);
		free(desc);
		free(summary);
		x->n->papers++;
	}
	buf_free(&who);
	return ok;
}

static enum error_code ics_meetings(struct ics_run *x)
{
	static const char sql[] = "SELECT m.id, m.title, m.held_on, m.papers_sent_on, p.title,"
	                          "  m.venue"
	                          " FROM meeting m JOIN project p ON p.id = m.project_id"
	                          " WHERE m.status = 'planned' ORDER BY m.held_on, m.id";
	sqlite3_stmt *st = store_prepare_fresh(x->s, sql, x->err);
	if (!st)
		return x->err->code;
	struct ics_meetings_ctx mc = { ERROR_NONE };
	enum error_code code = ics_each(x, st, ics_meeting_row, &mc);
	sqlite3_finalize(st);
	return code != ERROR_NONE ? code : mc.code;
}

enum error_code ics_write(struct store *s, const struct config *config, FILE *out,
                          struct ics_counts *counts, struct error *err)
{
	struct ics_counts local;
	struct error local_err;
	struct ics_run x = {
		.s = s,
		.config = config,
		.out = out,
		.n = counts ? counts : &local,
		.err = err ? err : &local_err,
	};
	memset(x.n, 0, sizeof *x.n);
	char now[STORE_TIME_SIZE];
	store_now(now); /* 2026-11-22T09:30:00.123Z */
	snprintf(x.stamp, sizeof x.stamp, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", now, now + 5, now + 8,
	         now + 11, now + 14, now + 17);
	struct buf head = { 0 };
	buf_add(&head, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	buf_add(&head, "PRODID:-//involve//involve " INVOLVE_VERSION "//EN\r\n");
	buf_add(&head, "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
	ics_text(&head, "X-WR-CALNAME", "involve: what is owed");
	bool ok = fwrite(head.data, 1, head.len, out) == head.len;
	buf_free(&head);
	enum error_code code = ok ? ERROR_NONE : error_set(x.err, ERROR_IO, "%s", strerror(errno));
	/* One read transaction, so the events agree with each other. */
	bool began = false;
	if (code == ERROR_NONE && !store_in_transaction(s) && !store_read_only(s)) {
		code = store_begin(s, x.err);
		began = code == ERROR_NONE;
	}
	enum error_code (*const parts[])(struct ics_run *) = { ics_feedback, ics_payments,
		                                               ics_actions, ics_meetings };
	for (size_t i = 0; code == ERROR_NONE && i < sizeof parts / sizeof *parts; i++)
		code = parts[i](&x);
	if (began)
		store_rollback(s);
	if (code == ERROR_NONE && fputs("END:VCALENDAR\r\n", out) == EOF)
		code = error_set(x.err, ERROR_IO, "%s", strerror(errno));
	buf_free(&x.event);
	return code;
}

/* What ics_export passes to outfile_write. */
struct ics_export_ctx {
	struct store *s;
	const struct config *config;
	struct ics_counts *counts;
};

/* An outfile_writer: the calendar. */
static enum error_code ics_export_write(FILE *f, void *ctx, struct error *err)
{
	struct ics_export_ctx *x = ctx;
	return ics_write(x->s, x->config, f, x->counts, err);
}

enum error_code ics_export(struct store *s, const struct config *config, const char *path,
                           struct ics_counts *counts, struct error *err)
{
	struct ics_export_ctx x = { s, config, counts };
	return outfile_write(path, ics_export_write, &x, err);
}

char *ics_counts_text(const struct ics_counts *c)
{
	char n[5][EXCHANGE_NUMBER_SIZE];
	const long v[5] = { c->feedback, c->payments, c->commitments, c->meetings, c->papers };
	for (int i = 0; i < 5; i++)
		exchange_number(v[i], n[i]);
	return mem_printf("%s meeting%s owing feedback, %s unpaid claim%s, %s commitment%s, "
	                  "%s planned meeting%s and %s set%s of papers to send",
	                  n[0], v[0] == 1 ? "" : "s", n[1], v[1] == 1 ? "" : "s", n[2],
	                  v[2] == 1 ? "" : "s", n[3], v[3] == 1 ? "" : "s", n[4],
	                  v[4] == 1 ? "" : "s");
}
