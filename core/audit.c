/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit: notes in the change log, and the log read back in words. */
#include "audit.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "record.h"
#include "registry.h"
#include "text.h"

enum { AUDIT_NAME_COLUMNS = 60 }; /* longer names (what was said) are shortened */

/*
 * How a record without a name of its own is told apart: by a choice field's
 * words, and by the person, meeting and project it belongs to, each after
 * its preposition ("attendance of Ann B. at meeting Carers' forum").
 */
static const struct audit_naming {
	const char *table;
	const char *choice;  /* a choice field whose label follows the noun, or NULL */
	const char *person;  /* preposition before the person, or NULL to leave them out */
	const char *meeting; /* before the meeting */
	const char *project; /* before the project */
} audit_namings[] = {
	{ "stage", "stage", NULL, NULL, "in" },     { "decision", NULL, NULL, NULL, "in" },
	{ "attendance", NULL, "of", "at", NULL },   { "feedback", NULL, "to", "about", NULL },
	{ "contribution", NULL, "by", "at", NULL }, { "budget_event", "kind", NULL, NULL, "in" },
	{ "pressure", NULL, NULL, NULL, "in" },     { "payment", NULL, "to", "for", NULL },
	{ "action", NULL, NULL, "from", NULL },
};

static const struct audit_naming *audit_naming_for(const char *table)
{
	for (size_t i = 0; i < sizeof audit_namings / sizeof *audit_namings; i++)
		if (strcmp(audit_namings[i].table, table) == 0)
			return &audit_namings[i];
	return NULL;
}

enum error_code audit_note(struct store *s, const char *table, int64_t row_id, const char *detail,
                           struct error *err)
{
	sqlite3_stmt *st = store_prepare(
	        s, "INSERT INTO audit (tbl, row_id, op, detail) VALUES (?, ?, 'note', ?)", err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, row_id);
	sqlite3_bind_text(st, 3, detail, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "noting the change", err);
}

/* Append a stored name, shortened to AUDIT_NAME_COLUMNS columns, quoted when asked. */
static void audit_add_name(struct buf *b, const char *name, bool quote)
{
	size_t used;
	size_t n = text_fit(name, AUDIT_NAME_COLUMNS, &used);
	if (quote)
		buf_addc(b, '"');
	buf_addn(b, name, n);
	if (name[n])
		buf_add(b, "\xE2\x80\xA6"); /* … */
	if (quote)
		buf_addc(b, '"');
}

/* The words of one field of rec, as a person reads them. */
static char *audit_field_words(const struct record_kind *kind, const void *rec, const char *name)
{
	const struct field *f = record_field(kind, name);
	return f ? record_field_display(f, rec) : mem_strdup("");
}

/* Describe rec (of kind) into b. */
static void audit_describe_record(struct store *s, const struct record_kind *kind, const void *rec,
                                  bool bare, struct buf *b)
{
	if (!bare)
		buf_add(b, kind->noun);
	const struct audit_naming *naming = audit_naming_for(kind->table);
	if (naming && naming->choice) {
		char *w = audit_field_words(kind, rec, naming->choice);
		if (*w)
			buf_printf(b, " %s", w);
		free(w);
	}
	if (kind->name_field) {
		char *name = audit_field_words(kind, rec, kind->name_field);
		const struct field *f = record_field(kind, kind->name_field);
		if (b->len)
			buf_addc(b, ' ');
		audit_add_name(b, name, f && (f->flags & FIELD_MULTILINE));
		free(name);
	}
	const struct field *order = record_field(kind, kind->order);
	if (order && order->type == FIELD_DATE && !record_field_empty(order, rec)) {
		char *d = record_field_format(order, rec);
		buf_printf(b, " (%s)", d);
		free(d);
	}
	if (!naming)
		return;
	/* The person, then the meeting, then the project, each after its word. */
	const char *const refs[][2] = {
		{ "person", naming->person },
		{ "meeting", naming->meeting },
		{ "project", naming->project },
	};
	for (size_t r = 0; r < sizeof refs / sizeof *refs; r++) {
		for (size_t i = 0; refs[r][1] && i < kind->nfields; i++) {
			const struct field *f = &kind->fields[i];
			if (f->type != FIELD_REF || strcmp(f->ref_table, refs[r][0]) != 0 ||
			    record_field_empty(f, rec))
				continue;
			char *ref = audit_describe(
			        s, f->ref_table, *(const int64_t *)((const char *)rec + f->offset),
			        true);
			buf_printf(b, " %s %s", refs[r][1], ref);
			free(ref);
		}
	}
}

char *audit_describe(struct store *s, const char *table, int64_t row_id, bool bare)
{
	const struct record_kind *kind = registry_find(table);
	if (!kind)
		return mem_printf("%s #%" PRId64, table, row_id);
	void *rec = mem_alloc(kind->size);
	enum error_code code = record_get(s, kind, row_id, rec, NULL);
	struct buf b;
	buf_init(&b);
	if (code == ERROR_NONE)
		audit_describe_record(s, kind, rec, bare, &b);
	else
		buf_printf(&b, "%s #%" PRId64 "%s", kind->noun, row_id,
		           code == ERROR_NOT_FOUND ? " (since deleted)" : "");
	record_clear(kind, rec);
	free(rec);
	return buf_take(&b);
}

/* ", "-separated labels of the space-separated columns in detail. */
static void audit_add_columns(struct buf *b, const struct record_kind *kind, const char *detail)
{
	char *copy = mem_strdup(detail);
	char *save = NULL;
	bool first = true;
	for (char *c = strtok_r(copy, " ", &save); c; c = strtok_r(NULL, " ", &save)) {
		const struct field *f = kind ? record_field(kind, c) : NULL;
		buf_printf(b, "%s%s", first ? "" : ", ", f ? f->label : c);
		first = false;
	}
	free(copy);
}

char *audit_sentence(struct store *s, const struct audit_entry *e)
{
	const struct record_kind *kind = registry_find(e->table);
	struct buf b;
	buf_init(&b);
	if (strcmp(e->op, "delete") == 0) {
		char *d = audit_describe(s, e->table, e->row_id, false);
		/* A deleted record is named by kind and number: its name went with it. */
		if (strstr(d, "(since deleted)"))
			buf_printf(&b, "%s #%" PRId64 " deleted", kind ? kind->noun : e->table,
			           e->row_id);
		else
			buf_printf(&b, "%s deleted", d);
		free(d);
		return buf_take(&b);
	}
	char *d = audit_describe(s, e->table, e->row_id, false);
	buf_add(&b, d);
	free(d);
	if (strcmp(e->op, "insert") == 0) {
		buf_add(&b, " added");
	} else if (strcmp(e->op, "update") == 0) {
		buf_add(&b, " changed: ");
		audit_add_columns(&b, kind, e->detail ? e->detail : "");
	} else {
		buf_printf(&b, ": %s", e->detail ? e->detail : e->op);
	}
	return buf_take(&b);
}

enum error_code audit_list(struct store *s, const struct audit_query *q, audit_fn fn, void *ctx,
                           struct error *err)
{
	sqlite3_stmt *st = store_prepare_fresh(
	        s,
	        "SELECT id, at, tbl, row_id, op, detail FROM audit"
	        " WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR (tbl = ?2 AND row_id = ?3))"
	        " AND NOT (op = 'update' AND coalesce(detail, '') = '')"
	        " ORDER BY at DESC, id DESC LIMIT ?4",
	        err);
	if (!st)
		return err ? err->code : ERROR_IO;
	if (q && q->since)
		sqlite3_bind_text(st, 1, q->since, -1, SQLITE_STATIC);
	if (q && q->table) {
		sqlite3_bind_text(st, 2, q->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, q->row_id);
	}
	sqlite3_bind_int64(st, 4, q && q->limit > 0 ? q->limit : -1);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_entry e = {
			.id = sqlite3_column_int64(st, 0),
			.at = (const char *)sqlite3_column_text(st, 1),
			.table = (const char *)sqlite3_column_text(st, 2),
			.row_id = sqlite3_column_int64(st, 3),
			.op = (const char *)sqlite3_column_text(st, 4),
			.detail = (const char *)sqlite3_column_text(st, 5),
		};
		if (!fn(&e, ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the change log", err);
	/* Naming a record may have met a damaged page without saying so. */
	return store_damaged(s, err);
}
