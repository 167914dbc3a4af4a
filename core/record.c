/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record: the field-table engine behind every record module. */
#include "record.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "money.h"
#include "text.h"

#define AT(rec, f, type)  ((type *)((char *)(rec) + (f)->offset))
#define CAT(rec, f, type) ((const type *)((const char *)(rec) + (f)->offset))

/* The SQL of one kind, built once per process from its field table. */
struct record_sql {
	const struct record_kind *kind;
	char *insert, *select, *update, *remove, *columns;
	char *insert_many; /* RECORD_BATCH rows in one INSERT */
	size_t row_len;    /* the length each row after the first adds to insert_many */
};

static struct record_sql record_sql_memo[32];

static const struct record_sql *record_sql_for(const struct record_kind *kind)
{
	size_t i;
	for (i = 0; i < sizeof record_sql_memo / sizeof *record_sql_memo; i++) {
		if (record_sql_memo[i].kind == kind)
			return &record_sql_memo[i];
		if (!record_sql_memo[i].kind)
			break;
	}
	if (i == sizeof record_sql_memo / sizeof *record_sql_memo)
		abort(); /* more kinds than the memo holds: a programming error */
	struct record_sql *m = &record_sql_memo[i];
	char *cols = mem_strdup("id, created_at, updated_at");
	char *marks = mem_strdup("?, ?, ?");
	char *sets = mem_strdup("updated_at = ?");
	for (size_t f = 0; f < kind->nfields; f++) {
		const char *c = kind->fields[f].name;
		char *a = mem_printf("%s, \"%s\"", cols, c);
		char *b = mem_printf("%s, ?", marks);
		char *d = mem_printf("%s, \"%s\" = ?", sets, c);
		free(cols), free(marks), free(sets);
		cols = a, marks = b, sets = d;
	}
	m->insert = mem_printf("INSERT INTO \"%s\" (%s) VALUES (%s)", kind->table, cols, marks);
	m->insert_many = mem_strdup(m->insert);
	m->row_len = strlen(marks) + 4; /* ", (" marks ")" */
	for (int r = 1; r < RECORD_BATCH; r++) {
		char *more = mem_printf("%s, (%s)", m->insert_many, marks);
		free(m->insert_many);
		m->insert_many = more;
	}
	m->select = mem_printf("SELECT %s FROM \"%s\" WHERE id = ?", cols, kind->table);
	m->update = mem_printf("UPDATE \"%s\" SET %s WHERE id = ?", kind->table, sets);
	m->remove = mem_printf("DELETE FROM \"%s\" WHERE id = ?", kind->table);
	m->columns = cols;
	free(marks), free(sets);
	m->kind = kind;
	return m;
}

const struct field *record_field(const struct record_kind *kind, const char *name)
{
	for (size_t i = 0; i < kind->nfields; i++)
		if (strcmp(kind->fields[i].name, name) == 0)
			return &kind->fields[i];
	return NULL;
}

size_t record_choice_count(const struct choice *choices)
{
	size_t n = 0;
	while (choices && choices[n].key)
		n++;
	return n;
}

const char *record_choice_label(const struct choice *choices, int i)
{
	return i >= 0 && (size_t)i < record_choice_count(choices) ? choices[i].label : "";
}

const char *record_choice_key(const struct choice *choices, int i)
{
	return i >= 0 && (size_t)i < record_choice_count(choices) ? choices[i].key : "";
}

int record_choice_find(const struct choice *choices, const char *text)
{
	if (!choices || !text)
		return -1;
	for (int i = 0; choices[i].key; i++)
		if (strcasecmp(choices[i].key, text) == 0 ||
		    strcasecmp(choices[i].label, text) == 0)
			return i;
	return -1;
}

void record_field_clear(const struct field *f, void *rec)
{
	switch (f->type) {
	case FIELD_TEXT:
		mem_replace(AT(rec, f, char *), "");
		break;
	case FIELD_DATE:
		AT(rec, f, char)[0] = '\0';
		break;
	case FIELD_BOOL:
		*AT(rec, f, int) = -1;
		break;
	case FIELD_CHOICE:
		*AT(rec, f, int) = (f->flags & FIELD_NULLABLE) ? -1 : 0;
		break;
	case FIELD_FLAGS:
		*AT(rec, f, unsigned) = 0;
		break;
	case FIELD_INT:
	case FIELD_MONEY:
	case FIELD_REF:
		*AT(rec, f, int64_t) = 0;
		break;
	}
}

void record_init(const struct record_kind *kind, void *rec)
{
	memset(rec, 0, kind->size);
	for (size_t i = 0; i < kind->nfields; i++)
		record_field_clear(&kind->fields[i], rec);
	if (kind->defaults)
		kind->defaults(rec);
}

void record_clear(const struct record_kind *kind, void *rec)
{
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if (f->type == FIELD_TEXT)
			free(*AT(rec, f, char *));
	}
	memset(rec, 0, kind->size);
}

void record_copy(const struct record_kind *kind, void *dst, const void *src)
{
	memcpy(dst, src, kind->size);
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if (f->type == FIELD_TEXT)
			*AT(dst, f, char *) =
			        mem_strdup(*CAT(src, f, char *) ? *CAT(src, f, char *) : "");
	}
}

bool record_field_empty(const struct field *f, const void *rec)
{
	switch (f->type) {
	case FIELD_TEXT:
		return text_blank(*CAT(rec, f, char *));
	case FIELD_DATE:
		return CAT(rec, f, char)[0] == '\0';
	case FIELD_BOOL:
	case FIELD_CHOICE:
		return *CAT(rec, f, int) < 0;
	case FIELD_REF:
		return *CAT(rec, f, int64_t) == 0;
	case FIELD_INT:
	case FIELD_MONEY:
	case FIELD_FLAGS:
		return false;
	}
	return false;
}

/* yes/no/blank in the words people and spreadsheets use. */
static int record_parse_bool(const char *t)
{
	static const char *const yes[] = { "yes", "y", "true", "1", "on", NULL };
	static const char *const no[] = { "no", "n", "false", "0", "off", NULL };
	if (text_blank(t))
		return -1;
	for (int i = 0; yes[i]; i++)
		if (strcasecmp(t, yes[i]) == 0)
			return 1;
	for (int i = 0; no[i]; i++)
		if (strcasecmp(t, no[i]) == 0)
			return 0;
	return -2;
}

/* "a, b or c" listing the choice keys, for sentences. */
static char *record_choice_list(const struct choice *choices)
{
	char *out = mem_strdup("");
	size_t n = record_choice_count(choices);
	for (size_t i = 0; i < n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? " or " : ", ";
		char *next = mem_printf("%s%s%s", out, sep, choices[i].key);
		free(out);
		out = next;
	}
	return out;
}

static enum error_code record_parse_flags(const struct field *f, void *rec, const char *text,
                                          struct error *err)
{
	unsigned bits = 0;
	char *copy = mem_strdup(text);
	char *save = NULL;
	for (char *tok = strtok_r(copy, ";,", &save); tok; tok = strtok_r(NULL, ";,", &save)) {
		text_trim(tok);
		if (!*tok)
			continue;
		int i = record_choice_find(f->choices, tok);
		if (i < 0) {
			char *list = record_choice_list(f->choices);
			enum error_code code = error_set_field(
			        err, ERROR_INVALID, f->name,
			        "\"%.40s\" is not one of the %s: use %s, separated by ;", tok,
			        f->label, list);
			free(list);
			free(copy);
			return code;
		}
		bits |= 1u << i;
	}
	free(copy);
	*AT(rec, f, unsigned) = bits;
	return ERROR_NONE;
}

enum error_code record_field_parse(const struct field *f, void *rec, const char *text,
                                   struct error *err)
{
	const char *t = text ? text : "";
	char *trimmed = mem_strdup(t);
	text_trim(trimmed);
	enum error_code code = ERROR_NONE;
	struct error inner;
	switch (f->type) {
	case FIELD_TEXT:
		mem_replace(AT(rec, f, char *), t);
		break;
	case FIELD_DATE: {
		int32_t day;
		if (!*trimmed)
			AT(rec, f, char)[0] = '\0';
		else if (date_parse(trimmed, &day, &inner) == ERROR_NONE)
			memcpy(AT(rec, f, char), trimmed, DATE_TEXT_SIZE);
		else
			code = error_set_field(err, ERROR_INVALID, f->name, "The %s: %s", f->label,
			                       inner.msg);
		break;
	}
	case FIELD_MONEY: {
		int64_t pence;
		if (money_parse(trimmed, &pence, &inner) == ERROR_NONE)
			*AT(rec, f, int64_t) = pence;
		else
			code = error_set_field(err, ERROR_INVALID, f->name, "The %s: %s", f->label,
			                       inner.msg);
		break;
	}
	case FIELD_INT: {
		char *end;
		long long v = strtoll(trimmed, &end, 10);
		if (!*trimmed || *end)
			code = error_set_field(err, ERROR_INVALID, f->name,
			                       "The %s must be a whole number, not \"%.40s\"",
			                       f->label, t);
		else
			*AT(rec, f, int64_t) = v;
		break;
	}
	case FIELD_BOOL: {
		int v = record_parse_bool(trimmed);
		if (v == -2)
			code = error_set_field(err, ERROR_INVALID, f->name,
			                       "The %s must be yes or no (or left blank if not "
			                       "known), not \"%.40s\"",
			                       f->label, t);
		else
			*AT(rec, f, int) = v;
		break;
	}
	case FIELD_CHOICE: {
		int i = *trimmed ? record_choice_find(f->choices, trimmed) : -1;
		if (i < 0 && !(*trimmed == '\0' && (f->flags & FIELD_NULLABLE))) {
			char *list = record_choice_list(f->choices);
			code = error_set_field(err, ERROR_INVALID, f->name,
			                       "\"%.40s\" is not a %s: use %s", trimmed, f->label,
			                       list);
			free(list);
		} else {
			*AT(rec, f, int) = i;
		}
		break;
	}
	case FIELD_FLAGS:
		code = record_parse_flags(f, rec, trimmed, err);
		break;
	case FIELD_REF:
		code = error_set_field(err, ERROR_INVALID, f->name,
		                       "The %s is chosen from a list, not typed", f->label);
		break;
	}
	free(trimmed);
	return code;
}

/* Keys (or labels) of the set bits, joined by sep. */
static char *record_flags_text(const struct field *f, unsigned bits, bool labels, const char *sep)
{
	char *out = mem_strdup("");
	for (int i = 0; f->choices[i].key; i++) {
		if (!(bits & (1u << i)))
			continue;
		char *next = mem_printf("%s%s%s", out, *out ? sep : "",
		                        labels ? f->choices[i].label : f->choices[i].key);
		free(out);
		out = next;
	}
	return out;
}

char *record_field_format(const struct field *f, const void *rec)
{
	switch (f->type) {
	case FIELD_TEXT:
		return mem_strdup(*CAT(rec, f, char *) ? *CAT(rec, f, char *) : "");
	case FIELD_DATE:
		return mem_strdup(CAT(rec, f, char));
	case FIELD_INT:
		return mem_printf("%" PRId64, *CAT(rec, f, int64_t));
	case FIELD_MONEY: {
		char buf[MONEY_TEXT_SIZE];
		money_format(*CAT(rec, f, int64_t), buf);
		return mem_strdup(buf);
	}
	case FIELD_BOOL: {
		int v = *CAT(rec, f, int);
		return mem_strdup(v < 0 ? "" : v ? "yes" : "no");
	}
	case FIELD_CHOICE:
		return mem_strdup(record_choice_key(f->choices, *CAT(rec, f, int)));
	case FIELD_FLAGS:
		return record_flags_text(f, *CAT(rec, f, unsigned), false, ";");
	case FIELD_REF: {
		int64_t id = *CAT(rec, f, int64_t);
		return id ? mem_printf("%" PRId64, id) : mem_strdup("");
	}
	}
	return mem_strdup("");
}

char *record_field_display(const struct field *f, const void *rec)
{
	switch (f->type) {
	case FIELD_MONEY: {
		char buf[MONEY_TEXT_SIZE];
		money_format_pounds(*CAT(rec, f, int64_t), buf);
		return mem_strdup(buf);
	}
	case FIELD_BOOL: {
		int v = *CAT(rec, f, int);
		return mem_strdup(v < 0 ? "not known" : v ? "yes" : "no");
	}
	case FIELD_CHOICE:
		return mem_strdup(record_choice_label(f->choices, *CAT(rec, f, int)));
	case FIELD_FLAGS:
		return record_flags_text(f, *CAT(rec, f, unsigned), true, ", ");
	default:
		return record_field_format(f, rec);
	}
}

/* The label in a sentence, with "the" before a noun and an optional capital. */
char *record_label_called(const struct field *f, const char *label, bool capital)
{
	if (!label)
		label = f->label;
	char *called =
	        f && (f->flags & FIELD_PHRASE) ? mem_strdup(label) : mem_printf("the %s", label);
	if (capital)
		called[0] = (char)toupper((unsigned char)called[0]);
	return called;
}

enum error_code record_validate(const struct record_kind *kind, const void *rec, struct error *err)
{
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if ((f->flags & FIELD_REQUIRED) && record_field_empty(f, rec))
			return error_set_field(err, ERROR_INVALID, f->name,
			                       "The %s %s cannot be left empty", kind->noun,
			                       f->label);
		if (f->type == FIELD_DATE && CAT(rec, f, char)[0] && !date_valid(CAT(rec, f, char)))
			return error_set_field(err, ERROR_INVALID, f->name,
			                       "The %s \"%.20s\" is not a date: write it as "
			                       "YYYY-MM-DD",
			                       f->label, CAT(rec, f, char));
		if (f->type == FIELD_CHOICE) {
			int v = *CAT(rec, f, int);
			if (v >= (int)record_choice_count(f->choices) ||
			    (v < 0 && !(f->flags & FIELD_NULLABLE)))
				return error_set_field(err, ERROR_INVALID, f->name,
				                       "The %s has no value chosen", f->label);
		}
		if (f->type == FIELD_MONEY && *CAT(rec, f, int64_t) < 0)
			return error_set_field(err, ERROR_INVALID, f->name,
			                       "The %s cannot be negative", f->label);
	}
	return kind->validate ? kind->validate(rec, err) : ERROR_NONE;
}

/* Bind field f of rec to parameter i. */
static void record_bind(sqlite3_stmt *st, int i, const struct field *f, const void *rec)
{
	switch (f->type) {
	case FIELD_TEXT: {
		const char *t = *CAT(rec, f, char *);
		if (!t || !*t)
			sqlite3_bind_null(st, i);
		else
			sqlite3_bind_text(st, i, t, -1, SQLITE_STATIC);
		break;
	}
	case FIELD_DATE:
		if (CAT(rec, f, char)[0])
			sqlite3_bind_text(st, i, CAT(rec, f, char), -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, i);
		break;
	case FIELD_INT:
	case FIELD_MONEY:
		sqlite3_bind_int64(st, i, *CAT(rec, f, int64_t));
		break;
	case FIELD_BOOL:
		if (*CAT(rec, f, int) < 0)
			sqlite3_bind_null(st, i);
		else
			sqlite3_bind_int(st, i, *CAT(rec, f, int) != 0);
		break;
	case FIELD_CHOICE: {
		int v = *CAT(rec, f, int);
		if (v < 0)
			sqlite3_bind_null(st, i);
		else
			sqlite3_bind_text(st, i, f->choices[v].key, -1, SQLITE_STATIC);
		break;
	}
	case FIELD_FLAGS:
		sqlite3_bind_int64(st, i, *CAT(rec, f, unsigned));
		break;
	case FIELD_REF:
		if (*CAT(rec, f, int64_t))
			sqlite3_bind_int64(st, i, *CAT(rec, f, int64_t));
		else
			sqlite3_bind_null(st, i);
		break;
	}
}

/* Read column col into field f of rec (rec's text fields are not yet allocated). */
static void record_column(sqlite3_stmt *st, int col, const struct field *f, void *rec)
{
	bool null = sqlite3_column_type(st, col) == SQLITE_NULL;
	const char *t = (const char *)sqlite3_column_text(st, col);
	switch (f->type) {
	case FIELD_TEXT:
		*AT(rec, f, char *) = mem_strdup(t ? t : "");
		break;
	case FIELD_DATE:
		snprintf(AT(rec, f, char), DATE_TEXT_SIZE, "%s", t ? t : "");
		break;
	case FIELD_INT:
	case FIELD_MONEY:
	case FIELD_REF:
		*AT(rec, f, int64_t) = sqlite3_column_int64(st, col);
		break;
	case FIELD_BOOL:
		*AT(rec, f, int) = null ? -1 : sqlite3_column_int(st, col) != 0;
		break;
	case FIELD_CHOICE:
		*AT(rec, f, int) = null ? -1 : record_choice_find(f->choices, t);
		break;
	case FIELD_FLAGS:
		*AT(rec, f, unsigned) = (unsigned)sqlite3_column_int64(st, col);
		break;
	}
}

/* Fill rec from a row whose columns are id, created_at, updated_at, then the fields. */
static void record_from_row(const struct record_kind *kind, sqlite3_stmt *st, void *rec)
{
	memset(rec, 0, kind->size);
	struct record_head *h = rec;
	h->id = sqlite3_column_int64(st, 0);
	snprintf(h->created_at, sizeof h->created_at, "%s", sqlite3_column_text(st, 1));
	snprintf(h->updated_at, sizeof h->updated_at, "%s", sqlite3_column_text(st, 2));
	for (size_t i = 0; i < kind->nfields; i++)
		record_column(st, (int)i + 3, &kind->fields[i], rec);
}

/* A sentence for a failed write, naming the kind of record. */
static enum error_code record_fail(struct store *s, const struct record_kind *kind, int rc,
                                   const char *verb, struct error *err)
{
	char doing[80];
	snprintf(doing, sizeof doing, "%s the %s", verb, kind->noun);
	return store_fail(s, rc, doing, err);
}

/* Make rec ready to insert: derived fields, checks, an id and timestamps. */
static enum error_code record_stamp(struct store *s, const struct record_kind *kind, void *rec,
                                    const char now[STORE_TIME_SIZE], struct error *err)
{
	if (kind->prepare)
		kind->prepare(rec);
	enum error_code code = record_validate(kind, rec, err);
	if (code != ERROR_NONE)
		return code;
	struct record_head *h = rec;
	if (h->id == 0)
		h->id = store_new_id(s, kind->table);
	if (!h->created_at[0])
		memcpy(h->created_at, now, STORE_TIME_SIZE);
	if (!h->updated_at[0])
		memcpy(h->updated_at, now, STORE_TIME_SIZE);
	return ERROR_NONE;
}

/* Bind rec's id, timestamps and fields from parameter first on; returns the next parameter. */
static int record_bind_row(sqlite3_stmt *st, int first, const struct record_kind *kind,
                           const void *rec)
{
	const struct record_head *h = rec;
	sqlite3_bind_int64(st, first, h->id);
	sqlite3_bind_text(st, first + 1, h->created_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 2, h->updated_at, -1, SQLITE_STATIC);
	for (size_t i = 0; i < kind->nfields; i++)
		record_bind(st, first + 3 + (int)i, &kind->fields[i], rec);
	return first + 3 + (int)kind->nfields;
}

/* Run one INSERT of the n rows of recs (1 to RECORD_BATCH): atomic, as every statement is. */
static enum error_code record_insert(struct store *s, const struct record_kind *kind,
                                     void *const *recs, size_t n, struct error *err)
{
	const struct record_sql *sql = record_sql_for(kind);
	bool odd = n > 1 && n < RECORD_BATCH;
	sqlite3_stmt *st;
	if (odd) {
		/* The first n rows of insert_many, for the rest of a batch: not cached. */
		char *text =
		        mem_strndup(sql->insert_many, strlen(sql->insert) + (n - 1) * sql->row_len);
		st = store_prepare_fresh(s, text, err);
		free(text);
	} else {
		st = store_prepare(s, n == 1 ? sql->insert : sql->insert_many, err);
	}
	if (!st)
		return err ? err->code : ERROR_IO;
	int param = 1;
	for (size_t i = 0; i < n; i++)
		param = record_bind_row(st, param, kind, recs[i]);
	int rc = sqlite3_step(st);
	if (odd)
		sqlite3_finalize(st);
	else
		sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return record_fail(s, kind, rc, "saving", err);
	return ERROR_NONE;
}

enum error_code record_create(struct store *s, const struct record_kind *kind, void *rec,
                              struct error *err)
{
	char now[STORE_TIME_SIZE];
	store_now(now);
	enum error_code code = record_stamp(s, kind, rec, now, err);
	return code != ERROR_NONE ? code : record_insert(s, kind, &rec, 1, err);
}

enum error_code record_create_many(struct store *s, const struct record_kind *kind,
                                   void *const *recs, size_t n, size_t *bad, struct error *err)
{
	char now[STORE_TIME_SIZE];
	store_now(now);
	for (size_t i = 0; i < n; i++) {
		enum error_code code = record_stamp(s, kind, recs[i], now, err);
		if (code != ERROR_NONE) {
			if (bad)
				*bad = i;
			return code;
		}
	}
	if (bad)
		*bad = n;
	if (n <= RECORD_BATCH)
		return n ? record_insert(s, kind, recs, n, err) : ERROR_NONE;
	/* Several statements: a savepoint makes them all or nothing. */
	enum error_code code = store_begin(s, err);
	for (size_t done = 0; code == ERROR_NONE && done < n; done += RECORD_BATCH)
		code = record_insert(s, kind, recs + done,
		                     n - done < RECORD_BATCH ? n - done : RECORD_BATCH, err);
	if (code == ERROR_NONE)
		return store_commit(s, err);
	store_rollback(s);
	return code;
}

enum error_code record_get(struct store *s, const struct record_kind *kind, int64_t id, void *rec,
                           struct error *err)
{
	const struct record_sql *sql = record_sql_for(kind);
	sqlite3_stmt *st = store_prepare(s, sql->select, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum error_code code = ERROR_NONE;
	if (rc == SQLITE_ROW)
		record_from_row(kind, st, rec);
	else if (rc == SQLITE_DONE)
		code = error_set(err, ERROR_NOT_FOUND, "That %s no longer exists", kind->noun);
	else
		code = record_fail(s, kind, rc, "reading", err);
	sqlite3_reset(st);
	if (code != ERROR_NONE)
		record_init(kind, rec);
	return code;
}

enum error_code record_update(struct store *s, const struct record_kind *kind, void *rec,
                              struct error *err)
{
	if (kind->prepare)
		kind->prepare(rec);
	enum error_code code = record_validate(kind, rec, err);
	if (code != ERROR_NONE)
		return code;
	const struct record_sql *sql = record_sql_for(kind);
	struct record_head *h = rec;
	store_now(h->updated_at);
	sqlite3_stmt *st = store_prepare(s, sql->update, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, h->updated_at, -1, SQLITE_STATIC);
	for (size_t i = 0; i < kind->nfields; i++)
		record_bind(st, (int)i + 2, &kind->fields[i], rec);
	sqlite3_bind_int64(st, (int)kind->nfields + 2, h->id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return record_fail(s, kind, rc, "saving", err);
	if (sqlite3_changes(store_db(s)) == 0)
		return error_set(err, ERROR_NOT_FOUND, "That %s no longer exists", kind->noun);
	return ERROR_NONE;
}

enum error_code record_set(struct store *s, const struct record_kind *kind, int64_t id,
                           const char *name, const char *text, struct error *err)
{
	const struct field *f = record_field(kind, name);
	if (!f)
		return error_set(err, ERROR_INVALID, "A %s has no field called %s", kind->noun,
		                 name);
	/* The whole row is written so derived fields (kind->prepare) follow the change. */
	void *rec = mem_alloc(kind->size);
	enum error_code code = record_get(s, kind, id, rec, err);
	if (code == ERROR_NONE)
		code = record_field_parse(f, rec, text, err);
	if (code == ERROR_NONE)
		code = record_update(s, kind, rec, err);
	record_clear(kind, rec);
	free(rec);
	return code;
}

bool record_parse_id(const char *digits, int64_t *id)
{
	size_t n = strlen(digits);
	if (n == 0 || n > 19)
		return false;
	for (size_t i = 0; i < n; i++)
		if (digits[i] < '0' || digits[i] > '9')
			return false;
	errno = 0;
	long long v = strtoll(digits, NULL, 10);
	if (errno || v <= 0)
		return false;
	*id = v;
	return true;
}

int64_t record_lookup(struct store *s, const char *sql, const char *types, ...)
{
	sqlite3_stmt *st = store_prepare(s, sql, NULL);
	if (!st)
		return 0;
	va_list ap;
	va_start(ap, types);
	for (int i = 0; types[i]; i++) {
		if (types[i] == 'i') {
			sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
		} else {
			const char *t = va_arg(ap, const char *);
			sqlite3_bind_text(st, i + 1, t ? t : "", -1, SQLITE_TRANSIENT);
		}
	}
	va_end(ap);
	int rc = sqlite3_step(st);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		store_fail(s, rc, NULL, NULL); /* noted in the store; see store_damaged */
	sqlite3_reset(st);
	return id;
}

enum error_code record_delete(struct store *s, const struct record_kind *kind, int64_t id,
                              struct error *err)
{
	const struct record_sql *sql = record_sql_for(kind);
	sqlite3_stmt *st = store_prepare(s, sql->remove, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return record_fail(s, kind, rc, "deleting", err);
	if (sqlite3_changes(store_db(s)) == 0)
		return error_set(err, ERROR_NOT_FOUND, "That %s no longer exists", kind->noun);
	return ERROR_NONE;
}

/* The WHERE clause of a query's filters (not its position); parameters bound in order. */
static char *record_where(const struct record_kind *kind, const struct record_query *q)
{
	char *w = mem_strdup("1");
	if (q->where) {
		char *n = mem_printf("%s AND \"%s\" = ?", w, q->where);
		free(w), w = n;
	}
	if (q->where_text) {
		char *n = mem_printf("%s AND \"%s\" = ?", w, q->where_text);
		free(w), w = n;
	}
	if (q->search && *q->search && kind->name_field) {
		char *n = mem_printf("%s AND \"%s\" LIKE ? ESCAPE '\\'", w, kind->name_field);
		free(w), w = n;
	}
	return w;
}

/* Bind the filters; returns the next parameter index. */
static int record_bind_where(sqlite3_stmt *st, const struct record_kind *kind,
                             const struct record_query *q, char **pattern)
{
	int i = 1;
	if (q->where)
		sqlite3_bind_int64(st, i++, q->where_id);
	if (q->where_text)
		sqlite3_bind_text(st, i++, q->text_value, -1, SQLITE_STATIC);
	if (q->search && *q->search && kind->name_field) {
		size_t n = strlen(q->search);
		char *p = mem_alloc(n * 2 + 3);
		size_t o = 0;
		p[o++] = '%';
		for (size_t k = 0; k < n; k++) {
			if (q->search[k] == '%' || q->search[k] == '_' || q->search[k] == '\\')
				p[o++] = '\\';
			p[o++] = q->search[k];
		}
		p[o++] = '%';
		p[o] = '\0';
		sqlite3_bind_text(st, i++, p, -1, SQLITE_STATIC);
		*pattern = p;
	}
	return i;
}

enum error_code record_count(struct store *s, const struct record_kind *kind,
                             const struct record_query *q, int64_t *count, struct error *err)
{
	char *where = record_where(kind, q);
	char *sql = mem_printf("SELECT count(*) FROM \"%s\" WHERE %s", kind->table, where);
	free(where);
	sqlite3_stmt *st = store_prepare_fresh(s, sql, err);
	free(sql);
	if (!st)
		return err ? err->code : ERROR_IO;
	char *pattern = NULL;
	record_bind_where(st, kind, q, &pattern);
	int rc = sqlite3_step(st);
	*count = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	free(pattern);
	return rc == SQLITE_ROW ? ERROR_NONE : record_fail(s, kind, rc, "counting", err);
}

enum error_code record_list(struct store *s, const struct record_kind *kind,
                            const struct record_query *q, record_row_fn fn, void *ctx, int *rows,
                            struct error *err)
{
	const struct record_sql *sql = record_sql_for(kind);
	/* Rows go forward in the kind's order; backward means the reverse order. */
	bool desc = kind->order_desc != q->backward;
	const char *dir = desc ? "DESC" : "ASC";
	char *where = record_where(kind, q);
	char *after = q->has_after ? mem_printf(" AND (\"%s\", id) %s (?, ?)", kind->order,
	                                        desc ? "<" : ">")
	                           : mem_strdup("");
	char *text = mem_printf(
	        "SELECT %s, \"%s\" FROM \"%s\" WHERE %s%s ORDER BY \"%s\" %s, id %s "
	        "LIMIT ?",
	        sql->columns, kind->order, kind->table, where, after, kind->order, dir, dir);
	free(where);
	free(after);
	sqlite3_stmt *st = store_prepare_fresh(s, text, err);
	free(text);
	if (!st)
		return err ? err->code : ERROR_IO;
	char *pattern = NULL;
	int i = record_bind_where(st, kind, q, &pattern);
	if (q->has_after) {
		sqlite3_bind_text(st, i++, q->after_order ? q->after_order : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, i++, q->after_id);
	}
	sqlite3_bind_int(st, i, q->limit > 0 ? q->limit : 100);
	void *rec = mem_alloc(kind->size);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		record_from_row(kind, st, rec);
		const char *order = (const char *)sqlite3_column_text(st, (int)kind->nfields + 3);
		n++;
		bool more = fn(rec, order ? order : "", ctx);
		record_clear(kind, rec);
		if (!more) {
			rc = SQLITE_DONE;
			break;
		}
	}
	free(rec);
	sqlite3_finalize(st);
	free(pattern);
	if (rows)
		*rows = n;
	return rc == SQLITE_DONE ? ERROR_NONE : record_fail(s, kind, rc, "listing", err);
}
