/* SPDX-License-Identifier: GPL-3.0-or-later */
/* letters: a "you said, we did" letter to each service user and carer at a meeting. */
#include "letters.h"

#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "contribution.h"
#include "date.h"
#include "decision.h"
#include "doc.h"
#include "feedback.h"
#include "mem.h"
#include "outfile.h"
#include "store.h"
#include "text.h"
#include "vocab.h"

/* One thing said at the meeting, and its answer. */
struct letters_point {
	int64_t person_id; /* 0: said anonymously */
	char *said, *done, *reason;
	int response; /* enum contribution_response_choice */
};

/* A decision the meeting fed into. */
struct letters_decision {
	char *title, *decided_on, *decided_by, *summary, *route;
	int followed; /* enum decision_followed_choice */
};

/* One service user or carer who came. */
struct letters_person {
	int64_t id;
	char *name, *language;
	int format; /* enum format */
	bool anonymised, told;
};

/* Everything a letter about the meeting says. */
struct letters_meeting {
	int64_t id;
	char *title, *held_on, *status, *convenor, *project, *lead;
	struct letters_point *points;
	size_t npoints, cap_points;
	struct letters_decision *decisions;
	size_t ndecisions, cap_decisions;
	struct letters_person *people;
	size_t npeople, cap_people;
};

void letters_result_free(struct letters_result *r)
{
	for (size_t i = 0; i < r->count; i++) {
		free(r->letters[i].person);
		free(r->letters[i].file);
		free(r->letters[i].arrange);
	}
	free(r->letters);
	free(r->meeting);
	memset(r, 0, sizeof *r);
}

/* Column i as a copy ("" for NULL). */
static char *letters_col(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return mem_strdup(t ? t : "");
}

/* ---- finding the meeting ---- */

enum error_code letters_find_meeting(struct store *s, const char *text, const char *held,
                                     int64_t *id, struct text_lines *matches, struct error *err)
{
	if (matches) {
		matches->lines = NULL;
		matches->count = 0;
	}
	*id = 0;
	char *want = text_trim(mem_strdup(text ? text : ""));
	char *shown = text_clean(want, 0);
	enum error_code code = ERROR_NONE;
	sqlite3_stmt *st = NULL;
	if (!*want) {
		code = error_set(
		        err, ERROR_INVALID,
		        "Say which meeting: give its title as lists show it, or its number "
		        "as #123");
		goto done;
	}
	if (held && !date_valid(held)) {
		char *bad = text_clean(held, 0);
		code = error_set(err, ERROR_INVALID,
		                 "\"%.40s\" is not a date: give the date the meeting was held as "
		                 "YYYY-MM-DD",
		                 bad);
		free(bad);
		goto done;
	}
	bool by_number = want[0] == '#';
	st = store_prepare_fresh(
	        s,
	        by_number ? "SELECT m.id, m.title, m.held_on, m.status, p.title FROM meeting m"
	                    " JOIN project p ON p.id = m.project_id WHERE m.id = ?1"
	                  : "SELECT m.id, m.title, m.held_on, m.status, p.title FROM meeting m"
	                    " JOIN project p ON p.id = m.project_id WHERE m.title = ?1 COLLATE "
	                    "NOCASE AND (?2 IS NULL OR m.held_on = ?2) ORDER BY m.held_on, m.id",
	        err);
	if (!st) {
		code = err ? err->code : ERROR_IO;
		goto done;
	}
	if (by_number) {
		int64_t n;
		if (!record_parse_id(want + 1, &n)) {
			code = error_set(
			        err, ERROR_INVALID,
			        "\"%.60s\" is not a meeting's number: give the digits after "
			        "#, as lists show them",
			        shown);
			goto done;
		}
		sqlite3_bind_int64(st, 1, n);
	} else {
		sqlite3_bind_text(st, 1, want, -1, SQLITE_TRANSIENT);
		if (held)
			sqlite3_bind_text(st, 2, held, -1, SQLITE_TRANSIENT);
	}
	size_t count = 0;
	int64_t first = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!count)
			first = sqlite3_column_int64(st, 0);
		count++;
		if (!matches)
			continue;
		char *title = text_clean((const char *)sqlite3_column_text(st, 1), 0);
		char *project = text_clean((const char *)sqlite3_column_text(st, 4), 0);
		text_lines_add(matches, mem_printf("#%" PRId64 ": %s, %s %s (%s)",
		                                   (int64_t)sqlite3_column_int64(st, 0), title,
		                                   (const char *)sqlite3_column_text(st, 3),
		                                   sqlite3_column_text(st, 2), project));
		free(title);
		free(project);
	}
	if (rc != SQLITE_DONE) {
		code = store_fail(s, rc, "finding the meeting", err);
	} else if (count == 1) {
		*id = first;
	} else if (count == 0) {
		code = error_set(err, ERROR_NOT_FOUND,
		                 by_number ? "No meeting has the number %.60s"
		                 : held ? "No meeting called \"%.60s\" was held on %s; check the "
		                          "title and the date as the meetings list shows them"
		                        : "No meeting is called \"%.60s\"; give its title as the "
		                          "meetings list shows it, or its number as #123",
		                 shown, held ? held : "");
	} else {
		code = error_set(err, ERROR_INVALID,
		                 "%zu meetings are called \"%.60s\"; say which with --held and its "
		                 "date, or give its number, for example \"#%" PRId64 "\"",
		                 count, shown, first);
	}
	if (code != ERROR_INVALID && matches) /* lines only for a title several share */
		text_lines_free(matches);
done:
	if (st)
		sqlite3_finalize(st);
	free(shown);
	free(want);
	return code;
}

/* ---- reading what the letters say ---- */

static void letters_meeting_free(struct letters_meeting *m)
{
	free(m->title);
	free(m->held_on);
	free(m->status);
	free(m->convenor);
	free(m->project);
	free(m->lead);
	for (size_t i = 0; i < m->npoints; i++) {
		free(m->points[i].said);
		free(m->points[i].done);
		free(m->points[i].reason);
	}
	free(m->points);
	for (size_t i = 0; i < m->ndecisions; i++) {
		struct letters_decision *d = &m->decisions[i];
		free(d->title);
		free(d->decided_on);
		free(d->decided_by);
		free(d->summary);
		free(d->route);
	}
	free(m->decisions);
	for (size_t i = 0; i < m->npeople; i++) {
		free(m->people[i].name);
		free(m->people[i].language);
	}
	free(m->people);
	memset(m, 0, sizeof *m);
}

/* Step a statement bound to the meeting's id, passing each row to fn. */
static enum error_code letters_rows(struct store *s, struct letters_meeting *m, const char *sql,
                                    void (*fn)(struct letters_meeting *m, sqlite3_stmt *st),
                                    struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_int64(st, 1, m->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(m, st);
	enum error_code code =
	        rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "reading the meeting", err);
	sqlite3_reset(st);
	return code;
}

static void letters_meeting_row(struct letters_meeting *m, sqlite3_stmt *st)
{
	m->title = letters_col(st, 0);
	m->held_on = letters_col(st, 1);
	m->status = letters_col(st, 2);
	m->convenor = letters_col(st, 3);
	m->project = letters_col(st, 4);
	m->lead = letters_col(st, 5);
}

static void letters_point_row(struct letters_meeting *m, sqlite3_stmt *st)
{
	mem_grow((void **)&m->points, &m->cap_points, m->npoints + 1, sizeof *m->points);
	struct letters_point *p = &m->points[m->npoints++];
	p->person_id = sqlite3_column_int64(st, 0);
	p->said = letters_col(st, 1);
	p->response = record_choice_find(record_field(&contribution_kind, "response")->choices,
	                                 (const char *)sqlite3_column_text(st, 2));
	p->done = letters_col(st, 3);
	p->reason = letters_col(st, 4);
}

static void letters_decision_row(struct letters_meeting *m, sqlite3_stmt *st)
{
	mem_grow((void **)&m->decisions, &m->cap_decisions, m->ndecisions + 1,
	         sizeof *m->decisions);
	struct letters_decision *d = &m->decisions[m->ndecisions++];
	d->title = letters_col(st, 0);
	d->decided_on = letters_col(st, 1);
	d->decided_by = letters_col(st, 2);
	d->summary = letters_col(st, 3);
	d->followed =
	        record_choice_find(record_field(&decision_kind, "users_view_followed")->choices,
	                           (const char *)sqlite3_column_text(st, 4));
	d->route = letters_col(st, 5);
}

static void letters_person_row(struct letters_meeting *m, sqlite3_stmt *st)
{
	mem_grow((void **)&m->people, &m->cap_people, m->npeople + 1, sizeof *m->people);
	struct letters_person *p = &m->people[m->npeople++];
	p->id = sqlite3_column_int64(st, 0);
	p->name = letters_col(st, 1);
	p->format = record_choice_find(vocab_formats, (const char *)sqlite3_column_text(st, 2));
	if (p->format < 0)
		p->format = FORMAT_STANDARD;
	p->language = letters_col(st, 3);
	p->anonymised = sqlite3_column_int(st, 4) != 0;
	p->told = sqlite3_column_int(st, 5) != 0;
}

/* Read the meeting, what was said, its decisions and who came. */
static enum error_code letters_read(struct store *s, int64_t id, struct letters_meeting *m,
                                    struct error *err)
{
	memset(m, 0, sizeof *m);
	m->id = id;
	enum error_code code = letters_rows(
	        s, m,
	        "SELECT m.title, m.held_on, m.status, m.convenor, p.title, p.lead FROM meeting m"
	        " JOIN project p ON p.id = m.project_id WHERE m.id = ?1",
	        letters_meeting_row, err);
	if (code == ERROR_NONE && !m->title)
		code = error_set(err, ERROR_NOT_FOUND, "No meeting has the number #%" PRId64, id);
	if (code == ERROR_NONE)
		code = letters_rows(
		        s, m,
		        "SELECT person_id, said, response, response_text, reason"
		        " FROM contribution WHERE meeting_id = ?1 ORDER BY created_at, id",
		        letters_point_row, err);
	if (code == ERROR_NONE)
		code = letters_rows(
		        s, m,
		        "SELECT title, decided_on, decided_by, summary, users_view_followed,"
		        " appeal_route FROM decision WHERE id IN (SELECT decision_id FROM meeting"
		        " WHERE id = ?1 UNION SELECT decision_id FROM contribution"
		        " WHERE meeting_id = ?1) ORDER BY decided_on, id",
		        letters_decision_row, err);
	if (code == ERROR_NONE)
		code = letters_rows(
		        s, m,
		        "SELECT pe.id, pe.name, pe.preferred_format, pe.language, pe.anonymised,"
		        " EXISTS (SELECT 1 FROM feedback f WHERE f.meeting_id = a.meeting_id"
		        "  AND f.person_id = a.person_id)"
		        " FROM attendance a JOIN person pe ON pe.id = a.person_id"
		        " WHERE a.meeting_id = ?1 AND a.attended = 1"
		        " AND a.role IN ('service_user', 'carer')"
		        " ORDER BY pe.name COLLATE NOCASE, pe.id",
		        letters_person_row, err);
	return code;
}

/* ---- what a letter says ---- */

/* What must be arranged before a letter in this format can be sent, if anything. */
static const struct {
	int format;
	enum letters_medium only; /* needed only in this medium (LETTERS_AUTO: always) */
	const char *arrange;      /* for the summary: "produced in braille" */
	const char *notice;       /* the letter's first words; %s: the person's name */
} letters_arrange[] = {
	{ FORMAT_BRAILLE, LETTERS_AUTO, "produced in braille",
	  "This letter needs to be produced in braille before it is sent to %s." },
	{ FORMAT_AUDIO, LETTERS_AUTO, "recorded as audio",
	  "This letter needs to be recorded as audio before it is sent to %s." },
	{ FORMAT_BSL, LETTERS_AUTO, "given in British Sign Language",
	  "This letter needs to be given in British Sign Language: arrange a signed video or a "
	  "BSL interpreter for %s before it is sent." },
	{ FORMAT_TRANSLATED, LETTERS_AUTO, "translated",
	  "This letter needs to be translated before it is sent to %s." },
	{ FORMAT_LARGE_PRINT, LETTERS_TEXT, "printed in large print",
	  "This letter needs to be printed in large print (18 point or more) before it is sent "
	  "to %s." },
};

/* The row of letters_arrange for a person's format in a medium, or -1. */
static int letters_arrange_for(int format, enum letters_medium medium)
{
	for (size_t i = 0; i < sizeof letters_arrange / sizeof *letters_arrange; i++)
		if (letters_arrange[i].format == format &&
		    (letters_arrange[i].only == LETTERS_AUTO || letters_arrange[i].only == medium))
			return (int)i;
	return -1;
}

/* The words for an answer, by enum contribution_response_choice. */
static const struct {
	const char *label; /* in a letter, before what was done */
	const char *none;  /* in a letter, when nothing more is recorded */
	const char *easy;  /* in easy read: one short sentence */
	const char *why;   /* the label of the reason */
} letters_answers[] = {
	[RESPONSE_PENDING] = { "Our answer",
	                       "We have not decided yet. We will write to you again when we have.",
	                       "We have not decided yet.", "More about this" },
	[RESPONSE_ADOPTED] = { "What we did", "We did this.", "We did this.", "More about this" },
	[RESPONSE_PARTLY] = { "What we did, in part", "We did part of this.",
	                      "We did some of this.", "Why not all of it" },
	[RESPONSE_NOT_POSSIBLE] = { "Our answer", "We could not do this.", "We could not do this.",
	                            "Why not" },
	[RESPONSE_ALREADY_HAPPENING] = { "What already happens", "This already happens.",
	                                 "This already happens.", "More about this" },
};

/* A letter being written: its document, the meeting and the person. */
struct letters_writer {
	struct doc d;
	const struct letters_meeting *m;
	const struct letters_person *p;
	bool easy;
};

/* True when two points say and answer the same (several people made the same point). */
static bool letters_same(const struct letters_point *a, const struct letters_point *b)
{
	return a->response == b->response && strcmp(a->said, b->said) == 0 &&
	       strcmp(a->done, b->done) == 0 && strcmp(a->reason, b->reason) == 0;
}

/* Point i of the meeting: what was said, what was done, and why not; once per point made. */
static void letters_point(struct letters_writer *w, size_t i)
{
	const struct letters_point *pt = &w->m->points[i];
	bool own = false;
	for (size_t j = 0; j < w->m->npoints; j++) {
		if (!letters_same(pt, &w->m->points[j]))
			continue;
		if (j < i)
			return; /* said already */
		own |= w->m->points[j].person_id == w->p->id;
	}
	int r = pt->response >= 0 && pt->response <= RESPONSE_ALREADY_HAPPENING ? pt->response
	                                                                        : RESPONSE_PENDING;
	const char *who = own ? "You said" : "Someone said";
	if (w->easy) {
		char *said = mem_printf("%s: %s", who, pt->said);
		doc_item(&w->d, said);
		free(said);
		doc_item(&w->d, letters_answers[r].easy);
		if (*pt->done)
			doc_item(&w->d, pt->done);
		if (*pt->reason) {
			doc_item(&w->d, r == RESPONSE_NOT_POSSIBLE || r == RESPONSE_PARTLY
			                        ? "This is why:"
			                        : "More about this:");
			doc_item(&w->d, pt->reason);
		}
		if (r == RESPONSE_PENDING)
			doc_item(&w->d, "We will tell you when we know.");
		doc_list_end(&w->d);
		return;
	}
	doc_item_labelled(&w->d, who, pt->said);
	doc_item_labelled(&w->d, letters_answers[r].label,
	                  *pt->done ? pt->done : letters_answers[r].none);
	if (*pt->done && r == RESPONSE_PENDING)
		doc_item_labelled(&w->d, "Next", "We will write to you again when it is decided.");
	if (*pt->reason)
		doc_item_labelled(&w->d, letters_answers[r].why, pt->reason);
	doc_list_end(&w->d);
}

/* A part of the letter: its heading and every point whose answer is in responses. */
static void letters_part(struct letters_writer *w, const char *heading, const int *responses,
                         size_t n)
{
	bool any = false;
	for (size_t i = 0; i < w->m->npoints; i++)
		for (size_t j = 0; j < n; j++)
			if (w->m->points[i].response == responses[j]) {
				if (!any)
					doc_heading(&w->d, 2, heading);
				any = true;
				letters_point(w, i);
			}
}

/* The decision, whether it followed what people said, and how to appeal if not. */
static void letters_decision(struct letters_writer *w, const struct letters_decision *dec)
{
	char on[DOC_DATE_SIZE];
	doc_date(dec->decided_on, on);
	bool against =
	        dec->followed == DECISION_FOLLOWED_NO || dec->followed == DECISION_FOLLOWED_PARTLY;
	const char *contact = *w->m->convenor ? w->m->convenor : "the person who wrote to you";
	doc_heading(&w->d, 2, w->easy ? "The decision" : "The decision");
	if (w->easy) {
		char *t = mem_printf("The decision was: %s.", dec->title);
		doc_para(&w->d, t);
		free(t);
		if (*on) {
			t = mem_printf("It was made on %s.", on);
			doc_para(&w->d, t);
			free(t);
		}
		if (dec->followed == DECISION_FOLLOWED_YES)
			doc_para(&w->d, "It did what people at the meeting asked.");
		else if (dec->followed == DECISION_FOLLOWED_PARTLY)
			doc_para(&w->d, "It did some of what people at the meeting asked.");
		else if (dec->followed == DECISION_FOLLOWED_NO)
			doc_para(&w->d, "It did not do what people at the meeting asked.");
		if (against) {
			doc_para(&w->d, "You can complain about this decision.");
			doc_para(&w->d, "You can ask for it to be looked at again.");
			t = *dec->route ? mem_printf("This is how: %s", dec->route)
			                : mem_printf("Ask %s how to do this.", contact);
			doc_para(&w->d, t);
			free(t);
		}
		return;
	}
	struct buf b = { 0 };
	buf_printf(&b, "\u201c%s\u201d", dec->title);
	if (*on)
		buf_printf(&b, " was decided on %s", on);
	if (*dec->decided_by)
		buf_printf(&b, "%s by %s", *on ? "" : " was decided", dec->decided_by);
	buf_add(&b, ".");
	if (*dec->summary)
		buf_printf(&b, " %s", dec->summary);
	doc_para(&w->d, b.data);
	buf_free(&b);
	if (dec->followed == DECISION_FOLLOWED_YES)
		doc_para(&w->d, "The decision followed what people at the meeting said.");
	else if (dec->followed == DECISION_FOLLOWED_PARTLY)
		doc_para(&w->d,
		         "The decision followed some of what people at the meeting said, but "
		         "not all of it.");
	else if (dec->followed == DECISION_FOLLOWED_NO)
		doc_para(&w->d, "The decision went against what people at the meeting said.");
	if (against) {
		char *t = *dec->route
		                  ? mem_printf(
		                            "If you disagree with it, you have the right to appeal "
		                            "or to make a complaint. This is how: %s",
		                            dec->route)
		                  : mem_printf(
		                            "If you disagree with it, you have the right to appeal "
		                            "or to make a complaint; %s can tell you how.",
		                            contact);
		doc_para(&w->d, t);
		free(t);
	}
}

/* Who to contact: the convenor, and the project's lead. */
static void letters_contact(struct letters_writer *w)
{
	const struct letters_meeting *m = w->m;
	doc_heading(&w->d, 2, w->easy ? "Questions?" : "Who to contact");
	char *t;
	if (w->easy) {
		if (*m->convenor) {
			t = mem_printf("Talk to %s.", m->convenor);
			doc_para(&w->d, t);
			free(t);
			doc_para(&w->d, "They ran the meeting.");
		}
		if (*m->lead) {
			t = mem_printf("%s %s.", *m->convenor ? "Or talk to" : "Talk to", m->lead);
			doc_para(&w->d, t);
			free(t);
			doc_para(&w->d, "They lead this work.");
		}
		if (!*m->convenor && !*m->lead)
			doc_para(&w->d, "Talk to the person who asked you to come to the meeting.");
		return;
	}
	if (*m->convenor && *m->lead)
		t = mem_printf("If you have a question about this letter, contact %s, who ran the "
		               "meeting, or %s, who leads %s.",
		               m->convenor, m->lead, m->project);
	else if (*m->convenor || *m->lead)
		t = mem_printf("If you have a question about this letter, contact %s, who %s.",
		               *m->convenor ? m->convenor : m->lead,
		               *m->convenor ? "ran the meeting" : "leads this work");
	else
		t = mem_strdup("If you have a question about this letter, contact the person who "
		               "invited you to the meeting.");
	doc_para(&w->d, t);
	free(t);
}

/* Write one person's letter into d. */
static void letters_compose(struct letters_writer *w, const char *dated, int arrange)
{
	const struct letters_meeting *m = w->m;
	const struct letters_person *p = w->p;
	char held[DOC_DATE_SIZE];
	doc_date(m->held_on, held);
	if (arrange >= 0) {
		char *notice = p->format == FORMAT_TRANSLATED && *p->language
		                       ? mem_printf("This letter needs to be translated into %s "
		                                    "before it is sent to %s.",
		                                    p->language, p->name)
		                       : mem_printf(letters_arrange[arrange].notice, p->name);
		doc_notice(&w->d, notice);
		free(notice);
	}
	static const int did[] = { RESPONSE_ADOPTED, RESPONSE_PARTLY, RESPONSE_ALREADY_HAPPENING };
	static const int not_possible[] = { RESPONSE_NOT_POSSIBLE };
	static const int pending[] = { RESPONSE_PENDING };
	char *t;
	if (w->easy) {
		doc_heading(&w->d, 1, "What happened after the meeting");
		doc_para(&w->d, dated);
		t = mem_printf("Hello %s.", p->name);
		doc_para(&w->d, t);
		free(t);
		doc_para(&w->d, "Thank you for coming to our meeting.");
		t = mem_printf("The meeting was called: %s.", m->title);
		doc_para(&w->d, t);
		free(t);
		t = mem_printf("It was on %s.", held);
		doc_para(&w->d, t);
		free(t);
		doc_para(&w->d, "This letter tells you what we did about what people said.");
		if (!m->npoints)
			doc_para(&w->d, "We have no notes of what people said at this meeting.");
		letters_part(w, "What we did", did, 3);
		letters_part(w, "What we could not do", not_possible, 1);
		letters_part(w, "What we have not decided yet", pending, 1);
	} else {
		t = mem_printf("What came of %s", m->title);
		doc_heading(&w->d, 1, t);
		free(t);
		doc_para(&w->d, dated);
		t = mem_printf("Dear %s,", p->name);
		doc_para(&w->d, t);
		free(t);
		t = mem_printf(
		        "Thank you for coming to %s on %s, part of %s. This letter tells you "
		        "what came of what was said: what we did, what was not possible and "
		        "why, and what is still to be decided.",
		        m->title, held, m->project);
		doc_para(&w->d, t);
		free(t);
		if (!m->npoints)
			doc_para(&w->d, "No points from the meeting were recorded.");
		letters_part(w, "What we did", did, 3);
		letters_part(w, "What was not possible, and why", not_possible, 1);
		letters_part(w, "What is still to be decided", pending, 1);
	}
	for (size_t i = 0; i < m->ndecisions; i++)
		letters_decision(w, &m->decisions[i]);
	letters_contact(w);
	doc_para(&w->d, w->easy ? "Thank you for taking part." : "Thank you for taking part.");
	if (!w->easy && *m->convenor)
		doc_para(&w->d, m->convenor);
}

/* ---- writing the files ---- */

/* A file name from a person's name: no folder separators or characters Windows refuses. */
static char *letters_file_name(const char *held, const char *name, int n, const char *ext)
{
	char *clean = text_clean(name, 0);
	for (char *c = clean; *c; c++)
		if (strchr("/\\:*?\"<>|", *c))
			*c = '-';
	text_trim(clean);
	size_t len = strlen(clean);
	while (len && (clean[len - 1] == '.' || clean[len - 1] == ' '))
		clean[--len] = '\0';
	char *out = n > 1 ? mem_printf("%s %s %d.%s", held, *clean ? clean : "person", n, ext)
	                  : mem_printf("%s %s.%s", held, *clean ? clean : "person", ext);
	free(clean);
	return out;
}

enum error_code letters_record_sent(struct store *s, int64_t id, int32_t on,
                                    struct letters_result *r, struct error *err)
{
	char day[DATE_TEXT_SIZE];
	date_format(on, day);
	r->marked = 0;
	enum error_code code = store_begin(s, err);
	for (size_t i = 0; code == ERROR_NONE && i < r->count; i++) {
		struct letters_letter *l = &r->letters[i];
		if (feedback_find(s, id, l->person_id)) {
			l->already_told = true;
			continue;
		}
		struct feedback f;
		feedback_init(&f);
		f.meeting_id = id;
		f.person_id = l->person_id;
		snprintf(f.given_on, sizeof f.given_on, "%s", day);
		f.method = FEEDBACK_LETTER;
		f.format = l->format;
		mem_replace(&f.summary, "A \"you said, we did\" letter saying what came of the "
		                        "meeting.");
		code = feedback_create(s, &f, err);
		feedback_clear(&f);
		r->marked += code == ERROR_NONE;
	}
	if (code == ERROR_NONE)
		code = store_commit(s, err);
	else
		store_rollback(s);
	if (code != ERROR_NONE)
		r->marked = 0;
	return code;
}

/* Read the meeting and plan a letter for each person; nothing is written. */
static enum error_code letters_prepare(struct store *s, int64_t id,
                                       const struct letters_options *opt, struct letters_meeting *m,
                                       struct letters_result *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	enum error_code code = letters_read(s, id, m, err);
	char held[DOC_DATE_SIZE];
	doc_date(m->held_on, held);
	if (code == ERROR_NONE && strcmp(m->status, "held") != 0)
		code = error_set(err, ERROR_INVALID,
		                 "%s (%s) is %s, not held: letters say what came of a meeting, so "
		                 "write them once it has been held",
		                 m->title, m->held_on, m->status);
	size_t writable = 0;
	for (size_t i = 0; i < m->npeople; i++)
		writable += !m->people[i].anonymised;
	if (code == ERROR_NONE && !writable)
		code = error_set(err, ERROR_INVALID,
		                 "No service user or carer is recorded as coming to %s (%s), so "
		                 "there is no one to write to; record who came first",
		                 m->title, m->held_on);
	if (code != ERROR_NONE)
		return code;
	out->meeting = mem_printf("%s, %s", m->title, held);
	out->letters = mem_calloc(m->npeople, sizeof *out->letters);
	for (size_t i = 0; i < m->npeople; i++) {
		const struct letters_person *p = &m->people[i];
		if (p->anonymised) {
			out->forgotten++;
			continue;
		}
		bool html = opt->medium == LETTERS_HTML ||
		            (opt->medium == LETTERS_AUTO &&
		             (p->format == FORMAT_LARGE_PRINT || p->format == FORMAT_EASY_READ));
		/* Two people with one name get files of their own. */
		int n = 1;
		for (size_t j = 0; j < i; j++)
			n += strcmp(m->people[j].name, p->name) == 0 && !m->people[j].anonymised;
		char *name = letters_file_name(m->held_on, p->name, n,
		                               doc_format_extension(html ? DOC_HTML : DOC_TEXT));
		struct letters_letter *l = &out->letters[out->count++];
		l->file = mem_printf("%s/%s", opt->dir, name);
		free(name);
		l->person = mem_strdup(p->name);
		l->person_id = p->id;
		l->format = p->format;
		l->html = html;
		l->already_told = p->told;
		int arrange = letters_arrange_for(p->format, html ? LETTERS_HTML : LETTERS_TEXT);
		if (arrange >= 0)
			l->arrange = p->format == FORMAT_TRANSLATED && *p->language
			                     ? mem_printf("translated into %s", p->language)
			                     : mem_strdup(letters_arrange[arrange].arrange);
	}
	return ERROR_NONE;
}

enum error_code letters_plan(struct store *s, int64_t id, const struct letters_options *opt,
                             struct letters_result *out, struct error *err)
{
	struct letters_meeting m;
	enum error_code code = letters_prepare(s, id, opt, &m, out, err);
	if (code != ERROR_NONE)
		letters_result_free(out);
	letters_meeting_free(&m);
	return code;
}

/* The person a letter is for. */
static const struct letters_person *letters_person_of(const struct letters_meeting *m,
                                                      const struct letters_letter *l)
{
	for (size_t i = 0; i < m->npeople; i++)
		if (m->people[i].id == l->person_id)
			return &m->people[i];
	return NULL;
}

/* Write every planned letter to its temporary file, then rename them all into place. */
static enum error_code letters_files(const struct letters_meeting *m,
                                     const struct letters_options *opt,
                                     const struct letters_result *r, struct error *err)
{
	struct outfile *files = mem_calloc(r->count ? r->count : 1, sizeof *files);
	char held[DOC_DATE_SIZE], today[DATE_TEXT_SIZE], dated[DOC_DATE_SIZE];
	doc_date(m->held_on, held);
	date_format(opt->sent_on != DATE_NONE ? opt->sent_on : opt->today, today);
	doc_date(today, dated);
	enum error_code code = ERROR_NONE;
	for (size_t i = 0; code == ERROR_NONE && i < r->count; i++) {
		const struct letters_letter *l = &r->letters[i];
		const struct letters_person *p = letters_person_of(m, l);
		code = outfile_open(&files[i], l->file, err);
		if (code != ERROR_NONE)
			break;
		struct letters_writer w = { .m = m, .p = p, .easy = p->format == FORMAT_EASY_READ };
		enum doc_look look = w.easy                            ? DOC_LOOK_EASY_READ
		                     : p->format == FORMAT_LARGE_PRINT ? DOC_LOOK_LARGE_PRINT
		                                                       : DOC_LOOK_LETTER;
		char *title =
		        mem_printf("What came of %s, %s: a letter to %s", m->title, held, p->name);
		doc_begin(&w.d, files[i].f, l->html ? DOC_HTML : DOC_TEXT, look, title);
		free(title);
		letters_compose(
		        &w, dated,
		        letters_arrange_for(p->format, l->html ? LETTERS_HTML : LETTERS_TEXT));
		code = doc_end(&w.d, err);
		if (code == ERROR_NONE)
			code = outfile_close(&files[i], err);
		else if (outfile_close(&files[i], err) != ERROR_NONE)
			code = err->code; /* the file's own sentence */
	}
	/* Every letter is complete: only now do they appear, all together. */
	for (size_t i = 0; code == ERROR_NONE && i < r->count; i++)
		code = outfile_rename(&files[i], err);
	for (size_t i = 0; i < r->count; i++)
		outfile_abandon(&files[i]);
	free(files);
	return code;
}

enum error_code letters_write(struct store *s, const struct config *config, int64_t id,
                              const struct letters_options *opt, struct letters_result *out,
                              struct error *err)
{
	(void)config;
	struct error local;
	if (!err)
		err = &local;
	memset(out, 0, sizeof *out);
	enum error_code code = outfile_check_dir(opt->dir, err);
	if (code != ERROR_NONE)
		return code;
	struct letters_meeting m;
	code = letters_prepare(s, id, opt, &m, out, err);
	if (code == ERROR_NONE)
		code = letters_files(&m, opt, out, err);
	if (code == ERROR_NONE && opt->mark_sent) {
		code = letters_record_sent(
		        s, id, opt->sent_on != DATE_NONE ? opt->sent_on : opt->today, out, err);
		if (code != ERROR_NONE) {
			char *why = mem_strdup(err->msg);
			code = error_set(
			        err, code,
			        "The letters were written to %s, but recording them as sent "
			        "failed, so nothing was recorded: %s",
			        opt->dir, why);
			free(why);
		}
	}
	if (code != ERROR_NONE)
		letters_result_free(out);
	letters_meeting_free(&m);
	return code;
}
