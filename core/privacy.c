/* SPDX-License-Identifier: GPL-3.0-or-later */
/* privacy: finding, showing, exporting and forgetting one person. */
#include "privacy.h"

#include <ctype.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "action.h"
#include "attendance.h"
#include "audit.h"
#include "buf.h"
#include "contribution.h"
#include "date.h"
#include "feedback.h"
#include "json.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "project.h"
#include "record.h"
#include "registry.h"
#include "sync.h"
#include "text.h"

enum { PRIVACY_PAGE = 200 }; /* rows read at a time when walking a person's records */

/* The change log's note of a forgetting, and what replaces notes that held their details. */
#define PRIVACY_NOTE        "person forgotten"
#define PRIVACY_NOTE_ERASED "details erased when the person was forgotten"

#define PRIVACY_AT(rec, f) ((char *)(rec) + (f)->offset)

/* ---- finding a person ---- */

/* The ids of the first rows of a one-column query with one bound int64 or text. */
static enum error_code privacy_ids(struct store *s, const char *sql, const char *text, int64_t num,
                                   int64_t **ids, size_t *count, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	if (text)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, num);
	size_t cap = 0;
	*count = 0;
	*ids = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *p = *ids;
		mem_grow(&p, &cap, *count + 1, sizeof **ids);
		*ids = p;
		(*ids)[(*count)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*count = 0;
		return store_fail(s, rc, "finding the person", err);
	}
	return ERROR_NONE;
}

/* One integer from a query with one bound id; -1 on failure (with err). */
static int64_t privacy_number(struct store *s, const char *sql, int64_t id, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		store_fail(s, rc, "reading the person's records", err);
	return n;
}

/* "#123: service user; first involved ...; 4 meetings, the last ..." to tell people apart. */
static char *privacy_match_line(struct store *s, int64_t id)
{
	struct person p;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "#%" PRId64 ":", id);
	if (person_get(s, id, &p, NULL) == ERROR_NONE) {
		const struct field *roles = record_field(&person_kind, "roles");
		char *r = record_field_display(roles, &p);
		buf_printf(&b, " %s;", *r ? r : "no role recorded");
		free(r);
		if (p.first_involved_on[0])
			buf_printf(&b, " first involved %s;", p.first_involved_on);
	}
	person_clear(&p);
	int64_t n =
	        privacy_number(s, "SELECT count(*) FROM attendance WHERE person_id = ?", id, NULL);
	buf_printf(&b, " %" PRId64 " meeting%s", n < 0 ? 0 : n, n == 1 ? "" : "s");
	int64_t last = record_lookup(s,
	                             "SELECT m.id FROM attendance a JOIN meeting m ON m.id = "
	                             "a.meeting_id WHERE a.person_id = ? ORDER BY m.held_on DESC, "
	                             "m.id DESC LIMIT 1",
	                             "i", id);
	if (last) {
		char *d = audit_describe(s, "meeting", last, true);
		buf_printf(&b, ", the last %s", d);
		free(d);
	}
	char *line = buf_take(&b);
	char *clean = text_clean(line, 0);
	free(line);
	return clean;
}

enum error_code privacy_find(struct store *s, const char *text, int64_t *id,
                             struct text_lines *matches, struct error *err)
{
	if (matches) {
		matches->lines = NULL;
		matches->count = 0;
	}
	*id = 0;
	char *want = text_trim(mem_strdup(text ? text : ""));
	char *shown = text_clean(want, 0);
	enum error_code code = ERROR_NONE;
	int64_t *ids = NULL;
	size_t count = 0;
	if (!*want) {
		code = error_set(
		        err, ERROR_INVALID,
		        "Say who: give the person's name as you know them, or their number "
		        "as #123");
		goto done;
	}
	if (want[0] == '#') {
		int64_t n;
		if (!record_parse_id(want + 1, &n)) {
			code = error_set(
			        err, ERROR_INVALID,
			        "\"%.60s\" is not a person's number: give the digits after "
			        "#, as lists show them",
			        shown);
			goto done;
		}
		code = privacy_ids(s, "SELECT id FROM person WHERE id = ?", NULL, n, &ids, &count,
		                   err);
		if (code == ERROR_NONE && count == 0)
			code = error_set(err, ERROR_NOT_FOUND,
			                 "No one has the number #%" PRId64 " in %s", n,
			                 store_path(s));
		if (code == ERROR_NONE)
			*id = n;
		goto done;
	}
	code = privacy_ids(s,
	                   "SELECT id FROM person WHERE name = ? COLLATE NOCASE "
	                   "ORDER BY created_at, id",
	                   want, 0, &ids, &count, err);
	if (code != ERROR_NONE)
		goto done;
	if (count == 1) {
		*id = ids[0];
	} else if (count > 1) {
		code = error_set(err, ERROR_INVALID,
		                 "%zu people are called \"%.60s\"; give the number of the one you "
		                 "mean, for example \"#%" PRId64 "\"",
		                 count, shown, ids[0]);
		for (size_t i = 0; matches && i < count; i++)
			text_lines_add(matches, privacy_match_line(s, ids[i]));
	} else {
		int64_t n;
		free(ids);
		ids = NULL;
		if (record_parse_id(want, &n) &&
		    privacy_ids(s, "SELECT id FROM person WHERE id = ?", NULL, n, &ids, &count,
		                err) == ERROR_NONE &&
		    count == 1) {
			*id = n;
		} else {
			code = error_set(err, ERROR_NOT_FOUND,
			                 "No one called \"%.60s\" is recorded in %s; check the "
			                 "spelling, or give their number as #123",
			                 shown, store_path(s));
		}
	}
done:
	free(ids);
	free(want);
	free(shown);
	return code;
}

/* ---- counting ---- */

enum error_code privacy_count(struct store *s, int64_t id, struct privacy_counts *c,
                              struct error *err)
{
	static const struct {
		const char *sql;
		size_t offset;
	} counts[] = {
		{ "SELECT count(*) FROM attendance WHERE person_id = ?",
		  offsetof(struct privacy_counts, attendances) },
		{ "SELECT count(*) FROM contribution WHERE person_id = ?",
		  offsetof(struct privacy_counts, contributions) },
		{ "SELECT count(*) FROM feedback WHERE person_id = ?",
		  offsetof(struct privacy_counts, feedback) },
		{ "SELECT count(*) FROM payment WHERE person_id = ?",
		  offsetof(struct privacy_counts, payments) },
		{ "SELECT count(*) FROM action WHERE meeting_id IN"
		  " (SELECT meeting_id FROM attendance WHERE person_id = ?)",
		  offsetof(struct privacy_counts, commitments) },
	};
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
		int64_t n = privacy_number(s, counts[i].sql, id, err);
		if (n < 0)
			return err ? err->code : ERROR_IO;
		*(int64_t *)((char *)c + counts[i].offset) = n;
	}
	return ERROR_NONE;
}

/* ---- writing text or JSON ---- */

struct privacy_out {
	struct store *s;
	enum privacy_format format;
	struct json j;
	struct buf t;
	int item;             /* the number of the current item in a text section */
	struct error *err;    /* where a failure while walking records is put */
	enum error_code code; /* the first failure, or ERROR_NONE */
};

/* Append stored text to the text output, cleaned of control characters. */
static void privacy_text(struct privacy_out *o, const char *stored)
{
	char *clean = text_clean(stored, 0);
	buf_add(&o->t, clean);
	free(clean);
}

/* "Label: value" with the label's first letter capitalised; value is stored text. */
static void privacy_line(struct privacy_out *o, const char *indent, const char *label,
                         const char *value)
{
	buf_printf(&o->t, "%s%c%s: ", indent, toupper((unsigned char)label[0]), label + 1);
	privacy_text(o, value);
	buf_addc(&o->t, '\n');
}

/* A section of items: a JSON array under key, or a text heading with its count (if not < 0). */
static void privacy_section(struct privacy_out *o, const char *key, const char *title,
                            int64_t count)
{
	o->item = 0;
	if (o->format == PRIVACY_JSON) {
		json_key(&o->j, key);
		json_array_begin(&o->j);
	} else {
		if (count < 0)
			buf_printf(&o->t, "\n%s\n", title);
		else
			buf_printf(&o->t, "\n%s: %" PRId64 "\n", title, count);
	}
}

static void privacy_section_end(struct privacy_out *o)
{
	if (o->format == PRIVACY_JSON)
		json_array_end(&o->j);
}

/* The meeting an item belongs to: {"id","title","held_on","project"} or a text heading. */
static void privacy_meeting(struct privacy_out *o, const char *key, int64_t meeting_id,
                            const char *words)
{
	struct meeting m;
	bool found = meeting_get(o->s, meeting_id, &m, NULL) == ERROR_NONE;
	struct project p;
	bool project = found && project_get(o->s, m.project_id, &p, NULL) == ERROR_NONE;
	if (!project)
		project_init(&p);
	if (o->format == PRIVACY_JSON) {
		json_key(&o->j, key);
		if (!found) {
			json_null(&o->j);
		} else {
			json_object_begin(&o->j);
			json_key(&o->j, "id");
			json_int(&o->j, meeting_id);
			json_key(&o->j, "title");
			json_string(&o->j, m.title);
			json_key(&o->j, "held_on");
			json_string(&o->j, m.held_on);
			json_key(&o->j, "project");
			json_string(&o->j, project ? p.title : NULL);
			json_object_end(&o->j);
		}
	} else if (found) {
		buf_printf(&o->t, "%s ", words);
		privacy_text(o, m.title);
		buf_printf(&o->t, ", %s", m.held_on);
		if (project) {
			buf_add(&o->t, ", project ");
			privacy_text(o, p.title);
		}
	} else {
		buf_printf(&o->t, "%s a meeting since deleted", words);
	}
	project_clear(&p);
	meeting_clear(&m);
}

/* One field's value in JSON, typed. */
static void privacy_json_value(struct privacy_out *o, const struct field *f, const void *rec)
{
	const char *at = PRIVACY_AT(rec, f);
	switch (f->type) {
	case FIELD_TEXT:
		json_string(&o->j, **(char *const *)at ? *(char *const *)at : NULL);
		break;
	case FIELD_DATE:
		json_string(&o->j, *at ? at : NULL);
		break;
	case FIELD_INT:
	case FIELD_MONEY:
		json_int(&o->j, *(const int64_t *)at);
		break;
	case FIELD_BOOL:
		json_bool(&o->j, *(const int *)at);
		break;
	case FIELD_CHOICE: {
		int v = *(const int *)at;
		json_string(&o->j, v < 0 ? NULL : record_choice_key(f->choices, v));
		break;
	}
	case FIELD_FLAGS:
		json_array_begin(&o->j);
		for (int i = 0; f->choices[i].key; i++)
			if (*(const unsigned *)at & (1u << i))
				json_string(&o->j, f->choices[i].key);
		json_array_end(&o->j);
		break;
	case FIELD_REF:
		if (*(const int64_t *)at)
			json_int(&o->j, *(const int64_t *)at);
		else
			json_null(&o->j);
		break;
	}
}

/*
 * Every field of rec: in JSON all of them (with id and times), in text those
 * that hold something. References to skip_ref (the person themselves, or the
 * meeting already named in the heading) are left out of the text.
 */
static void privacy_fields(struct privacy_out *o, const struct record_kind *kind, const void *rec,
                           const char *skip_ref, const char *indent)
{
	const struct record_head *h = rec;
	if (o->format == PRIVACY_JSON) {
		json_key(&o->j, "id");
		json_int(&o->j, h->id);
	}
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if (o->format == PRIVACY_JSON) {
			json_key(&o->j, f->name);
			privacy_json_value(o, f, rec);
			continue;
		}
		if (record_field_empty(f, rec) ||
		    (f->type == FIELD_REF && skip_ref && strcmp(f->ref_table, skip_ref) == 0) ||
		    (f->type == FIELD_REF && strcmp(f->ref_table, "person") == 0))
			continue;
		char *v = f->type == FIELD_REF
		                  ? audit_describe(o->s, f->ref_table,
		                                   *(const int64_t *)PRIVACY_AT(rec, f), true)
		                  : record_field_display(f, rec);
		privacy_line(o, indent, f->label, v);
		free(v);
	}
	if (o->format == PRIVACY_JSON) {
		json_key(&o->j, "created_at");
		json_string(&o->j, h->created_at);
		json_key(&o->j, "updated_at");
		json_string(&o->j, h->updated_at);
	} else {
		buf_printf(&o->t, "%sRecorded: %.10s; last changed %.10s\n", indent, h->created_at,
		           h->updated_at);
	}
}

/* The person's own record. */
static void privacy_person(struct privacy_out *o, const struct person *p)
{
	if (o->format == PRIVACY_JSON) {
		json_key(&o->j, "person");
		json_object_begin(&o->j);
		privacy_fields(o, &person_kind, p, NULL, "");
		json_object_end(&o->j);
		return;
	}
	privacy_fields(o, &person_kind, p, NULL, "  ");
}

/* The person's records of one kind, found by a column equal to an id, page by page. */
struct privacy_walk {
	struct privacy_out *o;
	const struct record_kind *kind;
	const char *words; /* before the meeting in a text heading: "At" */
	int64_t *meetings; /* the meetings attended, gathered from attendance */
	size_t nmeetings, cap;
	int64_t last_id; /* the position reached, for the next page */
	char *last_order;
};

/* One record: its meeting as the heading, then its fields. */
static bool privacy_walk_row(void *rec, const char *order, void *ctx)
{
	struct privacy_walk *w = ctx;
	struct privacy_out *o = w->o;
	const struct record_head *h = rec;
	w->last_id = h->id;
	mem_replace(&w->last_order, order);
	const struct field *mf = record_field(w->kind, "meeting_id");
	int64_t meeting_id = mf ? *(const int64_t *)PRIVACY_AT(rec, mf) : 0;
	if (w->kind == &attendance_kind) {
		void *p = w->meetings;
		mem_grow(&p, &w->cap, w->nmeetings + 1, sizeof *w->meetings);
		w->meetings = p;
		w->meetings[w->nmeetings++] = meeting_id;
	}
	if (o->format == PRIVACY_JSON) {
		json_object_begin(&o->j);
		if (meeting_id)
			privacy_meeting(o, "meeting", meeting_id, w->words);
		privacy_fields(o, w->kind, rec, "meeting", "");
		json_object_end(&o->j);
	} else {
		buf_printf(&o->t, "  %d. ", ++o->item);
		if (meeting_id)
			privacy_meeting(o, "meeting", meeting_id, w->words);
		else
			buf_printf(&o->t, "Not for one meeting");
		buf_addc(&o->t, '\n');
		privacy_fields(o, w->kind, rec, "meeting", "     ");
	}
	return true;
}

/* Walk every record of kind whose column equals id. */
static enum error_code privacy_walk(struct privacy_walk *w, const char *column, int64_t id)
{
	struct record_query q = { .where = column, .where_id = id, .limit = PRIVACY_PAGE };
	for (;;) {
		int rows = 0;
		enum error_code code =
		        record_list(w->o->s, w->kind, &q, privacy_walk_row, w, &rows, w->o->err);
		if (code != ERROR_NONE)
			return code;
		if (rows < PRIVACY_PAGE)
			return ERROR_NONE;
		q.has_after = true;
		q.after_order = w->last_order;
		q.after_id = w->last_id;
	}
}

/* The change log of the person's record. */
static bool privacy_history_row(const struct audit_entry *e, void *ctx)
{
	struct privacy_out *o = ctx;
	char *words = audit_sentence(o->s, e);
	if (o->format == PRIVACY_JSON) {
		json_object_begin(&o->j);
		json_key(&o->j, "at");
		json_string(&o->j, e->at);
		json_key(&o->j, "change");
		json_string(&o->j, words);
		json_object_end(&o->j);
	} else {
		buf_printf(&o->t, "  %d. %.10s %.5s UTC: ", ++o->item, e->at, e->at + 11);
		privacy_text(o, words);
		buf_add(&o->t, ".\n");
	}
	free(words);
	return true;
}

/* Start an output, with the person and their counts read; ERROR_NOT_FOUND when they do not exist.
 */
static enum error_code privacy_begin(struct privacy_out *o, struct store *s, int64_t id,
                                     enum privacy_format format, struct person *p,
                                     struct privacy_counts *c, struct error *err)
{
	memset(o, 0, sizeof *o);
	o->s = s;
	o->format = format;
	o->err = err;
	json_init(&o->j);
	buf_init(&o->t);
	enum error_code code = person_get(s, id, p, err);
	if (code == ERROR_NOT_FOUND)
		error_set(err, code, "No one has the number #%" PRId64 " in %s", id, store_path(s));
	if (code == ERROR_NONE)
		code = privacy_count(s, id, c, err);
	if (code == ERROR_NONE && format == PRIVACY_JSON)
		json_object_begin(&o->j);
	return code;
}

/* Finish: the document, or NULL (and nothing kept) after a failure. */
static char *privacy_end(struct privacy_out *o, enum error_code code)
{
	if (code == ERROR_NONE)
		code = store_damaged(o->s, o->err);
	if (code != ERROR_NONE) {
		buf_free(&o->j.out);
		buf_free(&o->t);
		return NULL;
	}
	if (o->format == PRIVACY_JSON) {
		json_object_end(&o->j);
		buf_free(&o->t);
		return json_finish(&o->j);
	}
	return buf_take(&o->t);
}

/* The counts as a JSON object. */
static void privacy_counts_json(struct privacy_out *o, const struct privacy_counts *c)
{
	json_key(&o->j, "counts");
	json_object_begin(&o->j);
	json_key(&o->j, "attendances");
	json_int(&o->j, c->attendances);
	json_key(&o->j, "contributions");
	json_int(&o->j, c->contributions);
	json_key(&o->j, "feedback");
	json_int(&o->j, c->feedback);
	json_key(&o->j, "payments");
	json_int(&o->j, c->payments);
	json_key(&o->j, "commitments");
	json_int(&o->j, c->commitments);
	json_object_end(&o->j);
}

/* The sentence of counts for the text output. */
static void privacy_counts_text(struct buf *t, const struct privacy_counts *c)
{
	buf_printf(t,
	           "\nRecorded about them: %" PRId64 " meeting%s, %" PRId64 " thing%s said, "
	           "feedback given %" PRId64 " time%s, %" PRId64 " payment%s, and %" PRId64
	           " commitment%s made at their meetings.\n",
	           c->attendances, c->attendances == 1 ? "" : "s", c->contributions,
	           c->contributions == 1 ? "" : "s", c->feedback, c->feedback == 1 ? "" : "s",
	           c->payments, c->payments == 1 ? "" : "s", c->commitments,
	           c->commitments == 1 ? "" : "s");
}

char *privacy_show(struct store *s, int64_t id, enum privacy_format format, struct error *err)
{
	struct privacy_out o;
	struct person p;
	struct privacy_counts c;
	enum error_code code = privacy_begin(&o, s, id, format, &p, &c, err);
	if (code == ERROR_NONE) {
		if (format == PRIVACY_TEXT) {
			privacy_text(&o, p.name);
			buf_printf(&o.t, " (#%" PRId64 ")%s\n", id,
			           p.anonymised == 1 ? ", forgotten: their personal details "
			                               "were erased"
			                             : "");
		}
		privacy_person(&o, &p);
		if (format == PRIVACY_JSON) {
			privacy_counts_json(&o, &c);
		} else {
			privacy_counts_text(&o.t, &c);
			buf_printf(&o.t,
			           "Everything held about them: involve person export \"#%" PRId64
			           "\"\n",
			           id);
		}
	}
	person_clear(&p);
	return privacy_end(&o, code);
}

char *privacy_export(struct store *s, int64_t id, enum privacy_format format, struct error *err)
{
	struct privacy_out o;
	struct person p;
	struct privacy_counts c;
	enum error_code code = privacy_begin(&o, s, id, format, &p, &c, err);
	if (code != ERROR_NONE) {
		person_clear(&p);
		return privacy_end(&o, code);
	}
	char today[DATE_TEXT_SIZE];
	date_format(date_today(), today);
	if (format == PRIVACY_JSON) {
		json_key(&o.j, "exported_on");
		json_string(&o.j, today);
	} else {
		buf_add(&o.t, "Everything involve holds about ");
		privacy_text(&o, p.name);
		buf_printf(&o.t, " (#%" PRId64 "), exported on %s.\n\nTheir record\n", id, today);
	}
	privacy_person(&o, &p);
	person_clear(&p);

	static const struct {
		const struct record_kind *kind;
		const char *key, *title, *words;
		size_t count; /* offset in struct privacy_counts */
	} sections[] = {
		{ &attendance_kind, "attendance", "Meetings they were booked into", "At",
		  offsetof(struct privacy_counts, attendances) },
		{ &contribution_kind, "contributions", "What they said, and the responses",
		  "Said at", offsetof(struct privacy_counts, contributions) },
		{ &feedback_kind, "feedback", "Feedback given to them", "About",
		  offsetof(struct privacy_counts, feedback) },
		{ &payment_kind, "payments", "Payments", "For",
		  offsetof(struct privacy_counts, payments) },
	};
	struct privacy_walk w = { .o = &o };
	for (size_t i = 0; code == ERROR_NONE && i < sizeof sections / sizeof *sections; i++) {
		w.kind = sections[i].kind;
		w.words = sections[i].words;
		privacy_section(&o, sections[i].key, sections[i].title,
		                *(int64_t *)((char *)&c + sections[i].count));
		code = privacy_walk(&w, "person_id", id);
		privacy_section_end(&o);
	}
	/* Commitments made at the meetings they attended. */
	if (code == ERROR_NONE) {
		w.kind = &action_kind;
		w.words = "Made at";
		privacy_section(&o, "commitments", "Commitments made at meetings they attended",
		                c.commitments);
		for (size_t i = 0; code == ERROR_NONE && i < w.nmeetings; i++)
			code = privacy_walk(&w, "meeting_id", w.meetings[i]);
		privacy_section_end(&o);
	}
	free(w.meetings);
	free(w.last_order);
	if (code == ERROR_NONE) {
		privacy_section(&o, "history", "Changes to their record (times in UTC)", -1);
		struct audit_query q = { .table = "person", .row_id = id };
		code = audit_list(s, &q, privacy_history_row, &o, err);
		privacy_section_end(&o);
		if (format == PRIVACY_TEXT)
			privacy_counts_text(&o.t, &c);
	}
	return privacy_end(&o, code);
}

/* ---- forgetting ---- */

void privacy_forgotten_free(struct privacy_forgotten *f)
{
	if (!f)
		return;
	free(f->name);
	for (size_t i = 0; i < f->nerased; i++)
		free(f->erased[i]);
	free(f->erased);
	for (size_t i = 0; i < f->nmentions; i++)
		free(f->mentions[i]);
	free(f->mentions);
	memset(f, 0, sizeof *f);
}

/* Append a copy of s to a string list. */
static void privacy_list_add(char ***list, size_t *count, const char *s)
{
	void *p = *list;
	size_t cap = *count;
	mem_grow(&p, &cap, *count + 1, sizeof **list);
	*list = p;
	(*list)[(*count)++] = mem_strdup(s);
}

/* True when needle occurs in hay as a whole word (ASCII case-insensitive). */
static bool privacy_has_word(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0)
		return false;
	bool word_start = isalnum((unsigned char)needle[0]);
	bool word_end = isalnum((unsigned char)needle[n - 1]);
	for (const char *p = hay; *p; p++) {
		if (strncasecmp(p, needle, n) != 0)
			continue;
		bool before = p > hay && (isalnum((unsigned char)p[-1]) || (p[-1] & 0x80));
		bool after = isalnum((unsigned char)p[n]) || (p[n] & 0x80);
		if (!(word_start && before) && !(word_end && after))
			return true;
	}
	return false;
}

/* Find free text in any record that still holds name, for the facilitator to edit by hand. */
static enum error_code privacy_mentions(struct store *s, int64_t person_id, const char *name,
                                        struct privacy_forgotten *out, struct error *err)
{
	for (size_t k = 0; registry_kinds[k]; k++) {
		const struct record_kind *kind = registry_kinds[k];
		struct buf sql;
		buf_init(&sql);
		size_t ntext = 0;
		for (size_t i = 0; i < kind->nfields; i++) {
			const struct field *f = &kind->fields[i];
			if (f->type != FIELD_TEXT)
				continue;
			buf_printf(&sql, "%s\"%s\"", ntext ? ", " : "SELECT id, ", f->name);
			ntext++;
		}
		if (!ntext) {
			buf_free(&sql);
			continue;
		}
		buf_printf(&sql, " FROM \"%s\" WHERE id <> ?2 AND (0", kind->table);
		for (size_t i = 0; i < kind->nfields; i++)
			if (kind->fields[i].type == FIELD_TEXT)
				buf_printf(&sql, " OR instr(lower(\"%s\"), lower(?1)) > 0",
				           kind->fields[i].name);
		buf_add(&sql, ")");
		sqlite3_stmt *st = store_prepare_fresh(s, sql.data, err);
		buf_free(&sql);
		if (!st)
			return err ? err->code : ERROR_IO;
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, person_id);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int col = 1;
			for (size_t i = 0; i < kind->nfields; i++) {
				const struct field *f = &kind->fields[i];
				if (f->type != FIELD_TEXT)
					continue;
				const char *v = (const char *)sqlite3_column_text(st, col++);
				if (!v || !privacy_has_word(v, name))
					continue;
				out->total_mentions++;
				if (out->nmentions >= PRIVACY_MAX_MENTIONS)
					continue;
				char *d = audit_describe(s, kind->table,
				                         sqlite3_column_int64(st, 0), false);
				char *m = mem_printf("%s: %s", d, f->label);
				char *clean = text_clean(m, 0);
				privacy_list_add(&out->mentions, &out->nmentions, clean);
				free(clean);
				free(m);
				free(d);
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(s, rc, "looking for the name in notes", err);
	}
	return ERROR_NONE;
}

/* Delete the drafts whose key holds the person's id as a number of its own. */
static enum error_code privacy_drop_drafts(struct store *s, int64_t id, struct error *err)
{
	sqlite3_stmt *st = store_prepare(
	        s, "DELETE FROM draft WHERE (' ' || key || ' ') GLOB ('*[^0-9]' || ? || '[^0-9]*')",
	        err);
	if (!st)
		return err ? err->code : ERROR_IO;
	char digits[24];
	snprintf(digits, sizeof digits, "%" PRId64, id);
	sqlite3_bind_text(st, 1, digits, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "erasing their drafts", err);
}

/*
 * Erase what notes in the change log hold about the person's record: sync
 * keeps the losing side of a conflict there, values and all (core/sync.h).
 */
static enum error_code privacy_drop_notes(struct store *s, int64_t id, struct error *err)
{
	sqlite3_stmt *st =
	        store_prepare(s,
	                      "UPDATE audit SET detail = '" PRIVACY_NOTE_ERASED "'"
	                      " WHERE tbl = 'person' AND row_id = ? AND op = 'note'"
	                      " AND detail NOT IN ('" PRIVACY_NOTE "', '" PRIVACY_NOTE_ERASED "')",
	                      err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE
	               ? ERROR_NONE
	               : store_fail(s, rc, "erasing notes about them in the change log", err);
}

enum error_code privacy_erase_traces(struct store *s, int64_t id, struct error *err)
{
	enum error_code code = privacy_drop_drafts(s, id, err);
	if (code == ERROR_NONE)
		code = privacy_drop_notes(s, id, err);
	if (code == ERROR_NONE)
		code = sync_forget(s, id, err);
	return code;
}

/*
 * The name a forgotten person is known by: "a participant" and six hex digits
 * of their id. The id is random and the same on every laptop, so the name is
 * too: forgotten people stay apart in lists and as natural keys in CSV files,
 * and a forgetting that travels by sync names them the same everywhere. In the
 * rare case another person here already has that name, more digits are used.
 */
static char *privacy_forgotten_name(struct store *s, int64_t id)
{
	for (int digits = 6; digits < 16; digits++) {
		uint64_t low = (uint64_t)id & ((UINT64_C(1) << (4 * digits)) - 1);
		char *name = mem_printf("%s %0*" PRIx64, PRIVACY_FORGOTTEN_NAME, digits, low);
		int64_t other = person_find(s, name);
		if (other == 0 || other == id)
			return name;
		free(name);
	}
	return mem_printf("%s %016" PRIx64, PRIVACY_FORGOTTEN_NAME, (uint64_t)id);
}

/* Erase the person's personal fields in p and list the labels of those that held something. */
static void privacy_anonymise(struct store *s, struct person *p, struct privacy_forgotten *out)
{
	char *name = privacy_forgotten_name(s, p->head.id);
	for (size_t i = 0; i < person_kind.nfields; i++) {
		const struct field *f = &person_kind.fields[i];
		if (!(f->flags & FIELD_PERSONAL))
			continue;
		bool was_forgotten_name = f->type == FIELD_TEXT && strcmp(f->name, "name") == 0 &&
		                          strcmp(p->name, name) == 0;
		if (!record_field_empty(f, p) && !was_forgotten_name)
			privacy_list_add(&out->erased, &out->nerased, f->label);
		record_field_clear(f, p);
	}
	free(p->name);
	p->name = name;
	p->anonymised = 1;
}

enum error_code privacy_forget(struct store *s, int64_t id, bool dry_run,
                               struct privacy_forgotten *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	struct person p;
	enum error_code code = ERROR_NONE;
	if (!dry_run) {
		/* Erased values must be overwritten in the file, not merely unlinked. */
		code = store_exec(s, "PRAGMA secure_delete = ON", err);
		if (code == ERROR_NONE)
			code = store_begin(s, err);
		if (code != ERROR_NONE)
			return code;
	}
	code = person_get(s, id, &p, err);
	if (code == ERROR_NOT_FOUND)
		error_set(err, code, "No one has the number #%" PRId64 " in %s", id, store_path(s));
	if (code == ERROR_NONE) {
		out->name = mem_strdup(p.name);
		out->already = p.anonymised == 1;
		code = privacy_count(s, id, &out->kept, err);
	}
	if (code == ERROR_NONE)
		privacy_anonymise(s, &p, out);
	if (code == ERROR_NONE && !dry_run)
		code = person_update(s, &p, err);
	/* After the update, so the places listed name them as "a participant". */
	if (code == ERROR_NONE && !out->already)
		code = privacy_mentions(s, id, out->name, out, err);
	if (code == ERROR_NONE && !dry_run)
		code = privacy_erase_traces(s, id, err);
	if (code == ERROR_NONE && !dry_run)
		code = audit_note(s, "person", id, PRIVACY_NOTE, err);
	person_clear(&p);
	if (!dry_run) {
		if (code == ERROR_NONE)
			code = store_commit(s, err);
		else
			store_rollback(s);
	}
	if (code != ERROR_NONE) {
		privacy_forgotten_free(out);
		return code;
	}
	out->journal_cleared = dry_run || store_checkpoint(s, NULL) == ERROR_NONE;
	return ERROR_NONE;
}
