/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The calendar: folding and escaping as RFC 5545 says, one event per open
 * obligation and none for what is done, stable UIDs, and a whole file or
 * none.
 */
#include "rules_fixture.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "config.h"
#include "ics.h"
#include "mem.h"
#include "payment.h"
#include "text.h"
#include "vocab.h"

#define USER  (1u << ROLE_SERVICE_USER)
#define STAFF (1u << ROLE_COMMISSIONER)

/* The calendar as text. The caller frees it. */
static char *calendar(struct fixture *fx, struct ics_counts *counts)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	struct error err;
	enum error_code code = ics_write(fx->s, fx->conf, f, counts, &err);
	fclose(f);
	if (code != ERROR_NONE)
		fail_msg("ics_write: %s", err.msg);
	return text;
}

/* Undo folding: drop every CRLF followed by a space. The caller frees it. */
static char *unfold(const char *text)
{
	struct buf b = { 0 };
	for (const char *p = text; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 2;
			continue;
		}
		buf_addc(&b, *p);
	}
	return buf_take(&b);
}

/* Every physical line is at most 75 octets, ends in CRLF and is whole UTF-8. */
static void assert_lines_sound(const char *text)
{
	const char *p = text;
	while (*p) {
		const char *end = strstr(p, "\r\n");
		assert_non_null(end);
		size_t len = (size_t)(end - p);
		assert_true(len <= 75);
		char *line = mem_strndup(p, len);
		assert_null(strchr(line, '\n'));
		assert_true(text_is_clean(line, 0));
		free(line);
		p = end + 2;
	}
}

/* Long lines fold at 75 octets and unfold to what they were. */
static void test_fold_ascii(void **state)
{
	(void)state;
	char line[304]; /* and room for the CRLF added to compare */
	for (int i = 0; i < 300; i++)
		line[i] = (char)('a' + i % 26);
	line[300] = '\0';
	struct buf b = { 0 };
	ics_fold(&b, line);
	assert_lines_sound(b.data);
	assert_memory_equal(b.data + 75, "\r\n ", 3);
	char *back = unfold(b.data);
	assert_string_equal(back, strcat(line, "\r\n"));
	free(back);
	buf_free(&b);
}

/* A fold never falls inside a character, whatever its width in bytes. */
static void test_fold_utf8(void **state)
{
	(void)state;
	/* Over the 12 shifts the 75-octet boundary lands on every byte of Ł (2) and 中 (3). */
	for (int shift = 0; shift < 12; shift++) {
		struct buf line = { 0 };
		buf_add(&line, "SUMMARY:");
		for (int i = 0; i < shift; i++)
			buf_addc(&line, 'x');
		for (int i = 0; i < 30; i++)
			buf_add(&line, i % 2 ? "Zofia \xC5\x81." : "\xE4\xB8\xAD");
		struct buf out = { 0 };
		ics_fold(&out, line.data);
		assert_lines_sound(out.data);
		char *back = unfold(out.data);
		buf_add(&line, "\r\n");
		assert_string_equal(back, line.data);
		free(back);
		buf_free(&out);
		buf_free(&line);
	}
}

/* Backslash, semicolon, comma and line breaks are escaped; control characters never pass. */
static void test_text_escaped(void **state)
{
	(void)state;
	struct buf b = { 0 };
	ics_text(&b, "DESCRIPTION", "a,b;c\\d\ne\x1b[2J");
	assert_string_equal(b.data, "DESCRIPTION:a\\,b\\;c\\\\d\\ne\xEF\xBF\xBD[2J\r\n");
	buf_free(&b);
}

/* The records of the calendar test: what is owed, and what is done and must not appear. */
struct owed {
	int64_t meeting, ann, zofia, planned, sent, payment, action;
};

static void owed_records(struct fixture *fx, struct owed *o)
{
	int64_t p = fx_project(fx, "Day services, review; 2026", 1);
	o->meeting = fx_meeting(fx, p, STAGE_NEEDS, "Carers' forum", "2026-10-01");
	o->ann = fx_person(fx, "Ann B.", USER, FORMAT_EASY_READ);
	o->zofia = fx_person(fx, "Zofia \xC5\x81.", USER, FORMAT_TRANSLATED);
	fx_set(fx, "person", o->zofia, "language", "Polish");
	int64_t told = fx_person(fx, "Told T.", USER, FORMAT_STANDARD);
	int64_t staff = fx_person(fx, "Sam Staff", STAFF, FORMAT_STANDARD);
	int64_t away = fx_person(fx, "Away A.", USER, FORMAT_STANDARD);
	fx_attend(fx, o->meeting, o->ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, o->meeting, o->zofia, ROLE_CARER, 1);
	fx_attend(fx, o->meeting, told, ROLE_SERVICE_USER, 1);
	fx_attend(fx, o->meeting, staff, ROLE_COMMISSIONER, 1);
	fx_attend(fx, o->meeting, away, ROLE_SERVICE_USER, 0);
	fx_feedback(fx, o->meeting, told, "2026-10-05", FORMAT_STANDARD);
	/* Told everyone: no event. */
	int64_t done = fx_meeting(fx, p, STAGE_NEEDS, "All told", "2026-09-01");
	fx_attend(fx, done, told, ROLE_SERVICE_USER, 1);
	fx_feedback(fx, done, told, "2026-09-05", FORMAT_STANDARD);

	o->payment = fx_payment(fx, o->ann, o->meeting, PAYMENT_TRAVEL, 1250, "2026-10-02", NULL);
	fx_payment(fx, o->ann, o->meeting, PAYMENT_FEE, 2000, "2026-10-02", "2026-10-09");
	int64_t declined =
	        fx_payment(fx, o->zofia, o->meeting, PAYMENT_FEE, 2000, "2026-10-02", NULL);
	fx_set(fx, "payment", declined, "declined", "yes");

	o->action = fx_action(fx, p, o->meeting, "Book a hearing loop", "2026-12-01", NULL);
	fx_action(fx, p, o->meeting, "Send the notes", "2026-10-10", "2026-10-09");

	o->planned = fx_meeting(fx, p, STAGE_PRIORITIES, "Choosing priorities", "2026-12-14");
	fx_set(fx, "meeting", o->planned, "status", "planned");
	fx_attend(fx, o->planned, o->ann, ROLE_SERVICE_USER, 1);
	o->sent = fx_meeting(fx, p, STAGE_PRIORITIES, "Papers gone", "2026-12-15");
	fx_set(fx, "meeting", o->sent, "status", "planned");
	fx_set(fx, "meeting", o->sent, "papers_sent_on", "2026-12-01");
}

/* The unfolded event whose UID is uid, or NULL. The caller frees it. */
static char *event(const char *unfolded, const char *uid)
{
	char *want = mem_printf("UID:%s\r\n", uid);
	const char *at = strstr(unfolded, want);
	free(want);
	if (!at)
		return NULL;
	const char *begin = at;
	while (begin > unfolded && strncmp(begin, "BEGIN:VEVENT", 12) != 0)
		begin--;
	const char *end = strstr(at, "END:VEVENT\r\n");
	assert_non_null(end);
	return mem_strndup(begin, (size_t)(end - begin) + 12);
}

/* One event per open obligation, on the day it falls due, with who and their formats. */
static void test_events(void **state)
{
	struct fixture *fx = *state;
	struct owed o;
	owed_records(fx, &o);
	struct ics_counts n;
	char *text = calendar(fx, &n);
	assert_lines_sound(text);
	assert_int_equal(n.feedback, 1);
	assert_int_equal(n.payments, 1);
	assert_int_equal(n.commitments, 1);
	assert_int_equal(n.meetings, 2);
	assert_int_equal(n.papers, 1);
	char *all = unfold(text);
	size_t events = 0;
	for (const char *p = all; (p = strstr(p, "BEGIN:VEVENT")); p++)
		events++;
	assert_int_equal(events, 6);
	assert_non_null(strstr(all, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));

	char *uid = mem_printf("feedback-%" PRId64 "@involve", o.meeting);
	char *ev = event(all, uid);
	assert_non_null(ev);
	/* Held 2026-10-01: 20 working days later. */
	assert_non_null(strstr(ev, "DTSTART;VALUE=DATE:20261029\r\nDTEND;VALUE=DATE:20261030\r\n"));
	assert_non_null(strstr(ev, "SUMMARY:Tell 2 people what came of Carers' forum\r\n"));
	assert_non_null(strstr(ev, "\\nAnn B.: easy read\\nZofia \xC5\x81.: translated (Polish)"));
	assert_null(strstr(ev, "Told T."));
	assert_null(strstr(ev, "Sam Staff"));
	assert_null(strstr(ev, "Away A."));
	assert_non_null(strstr(ev, "(Day services\\, review\\; 2026)"));
	free(ev);
	free(uid);

	uid = mem_printf("payment-%" PRId64 "@involve", o.payment);
	ev = event(all, uid);
	assert_non_null(ev);
	assert_non_null(strstr(ev, "DTSTART;VALUE=DATE:20261030\r\n"));
	assert_non_null(strstr(ev, "SUMMARY:Pay Ann B. \xC2\xA3"
	                           "12.50 for travel (Carers' forum)"));
	free(ev);
	free(uid);

	uid = mem_printf("action-%" PRId64 "@involve", o.action);
	ev = event(all, uid);
	assert_non_null(ev);
	assert_non_null(strstr(ev, "DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202"));
	assert_non_null(strstr(ev, "SUMMARY:Book a hearing loop\r\n"));
	free(ev);
	free(uid);

	uid = mem_printf("papers-%" PRId64 "@involve", o.planned);
	ev = event(all, uid);
	assert_non_null(ev);
	/* Seven days before 2026-12-14. */
	assert_non_null(strstr(ev, "DTSTART;VALUE=DATE:20261207\r\n"));
	assert_non_null(strstr(ev, "SUMMARY:Send the papers for Choosing priorities"));
	assert_non_null(strstr(ev, "Ann B.: easy read"));
	free(ev);
	free(uid);
	uid = mem_printf("papers-%" PRId64 "@involve", o.sent);
	assert_null(event(all, uid));
	free(uid);
	uid = mem_printf("meeting-%" PRId64 "@involve", o.sent);
	ev = event(all, uid);
	assert_non_null(ev);
	assert_non_null(strstr(ev, "DTSTART;VALUE=DATE:20261215\r\n"));
	free(ev);
	free(uid);
	assert_non_null(strstr(all, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
	free(all);
	free(text);
}

/* The UIDs of a calendar, in order, joined by newlines. The caller frees it. */
static char *uids(const char *text)
{
	struct buf b = { 0 };
	for (const char *p = text; (p = strstr(p, "\r\nUID:")); p += 6) {
		const char *end = strstr(p + 2, "\r\n");
		buf_addn(&b, p + 6, (size_t)(end - p - 6));
		buf_addc(&b, '\n');
	}
	return buf_take(&b);
}

/* Exporting again gives the same UIDs; what changed changes in the same event. */
static void test_uids_stable(void **state)
{
	struct fixture *fx = *state;
	struct owed o;
	owed_records(fx, &o);
	char *first = calendar(fx, NULL);
	char *again = calendar(fx, NULL);
	char *a = uids(first), *b = uids(again);
	assert_string_equal(a, b);
	fx_feedback(fx, o.meeting, o.zofia, "2026-11-01", FORMAT_TRANSLATED);
	char *later = calendar(fx, NULL);
	char *all = unfold(later);
	char *uid = mem_printf("feedback-%" PRId64 "@involve", o.meeting);
	char *ev = event(all, uid);
	assert_non_null(ev);
	assert_non_null(strstr(ev, "SUMMARY:Tell Ann B. what came of Carers' forum\r\n"));
	free(ev);
	free(uid);
	free(all);
	free(later);
	free(a);
	free(b);
	free(first);
	free(again);
}

/* A folder that does not exist, or a folder where the file should be: a sentence, no file. */
static void test_export_refuses(void **state)
{
	struct fixture *fx = *state;
	struct owed o;
	owed_records(fx, &o);
	struct error err;
	char *path = support_path(fx->db->dir, "missing/involve.ics");
	assert_int_equal(ics_export(fx->s, fx->conf, path, NULL, &err), ERROR_IO);
	assert_non_null(strstr(err.msg, "does not exist"));
	free(path);
	path = support_path(fx->db->dir, "folder.ics");
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(ics_export(fx->s, fx->conf, path, NULL, &err), ERROR_IO);
	assert_non_null(strstr(err.msg, "is a folder"));
	free(path);
	path = support_path(fx->db->dir, "involve.ics");
	struct ics_counts n;
	assert_int_equal(ics_export(fx->s, fx->conf, path, &n, &err), ERROR_NONE);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	size_t size;
	char *text = support_read_file(path, &size);
	char *direct = calendar(fx, NULL);
	/* The file holds what ics_write writes, DTSTAMP aside. */
	assert_int_equal(size, strlen(direct));
	free(direct);
	free(text);
	free(path);
	char *counts = ics_counts_text(&n);
	assert_string_equal(counts, "1 meeting owing feedback, 1 unpaid claim, 1 commitment, 2 "
	                            "planned meetings and 1 set of papers to send");
	free(counts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_ascii),
		cmocka_unit_test(test_fold_utf8),
		cmocka_unit_test(test_text_escaped),
		cmocka_unit_test_setup_teardown(test_events, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_uids_stable, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_export_refuses, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
