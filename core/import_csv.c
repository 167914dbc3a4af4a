/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_csv: read CSV files into records in one transaction, reporting every bad row. */
#include "import_csv.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csv.h"
#include "decision.h"
#include "keymap.h"
#include "meeting.h"
#include "mem.h"
#include "person.h"
#include "project.h"
#include "text.h"

#define AT(rec, f, type)  ((type *)((char *)(rec) + (f)->offset))
#define CAT(rec, f, type) ((const type *)((const char *)(rec) + (f)->offset))

/* A file to import. */
struct import_csv_source {
	char *path;                     /* as named, or folder/name */
	const struct exchange_kind *xk; /* NULL when not known */
	size_t seq;                     /* position among the files, to keep their order */
};

/* Records with the same key compared with a repeated row, at most. */
enum { IMPORT_CSV_MATCH_TRIES = 16 };

/* The records that had one natural key when the import began: run->ids[start, start + n). */
struct import_csv_group {
	size_t start, n;
	size_t next; /* before it, every record has been taken by a row */
};

/* Records other rows refer to, remembered by natural key for the run. */
enum import_csv_cache { CACHE_PROJECT, CACHE_PERSON, CACHE_MEETING, CACHE_DECISION, CACHE_COUNT };

struct import_csv_run {
	struct store *s;
	const struct import_csv_options *opt;
	struct import_csv_counts *counts;
	struct error *err;
	struct keymap *cache[CACHE_COUNT]; /* folded natural key -> id, or -line of a bad row */
	struct keymap *seen;               /* kind and id -> file and line that wrote it */
	char *key_sql[EXCHANGE_KIND_COUNT];
	char *key; /* the natural key being built */
	size_t key_cap;
	long problems;
	size_t bad_files;
	enum error_code fatal; /* the database failed: stop */

	struct import_csv_source *sources; /* the files, in import order once known */
	size_t nsources;

	/* The file being read. */
	size_t src; /* its index in sources */
	const char *path;
	const struct exchange_kind *xk;
	size_t xi;                       /* xk's index in exchange_kinds */
	int *col;                        /* header position -> column of xk */
	int *pos;                        /* column of xk -> header position, or -1 */
	size_t ncol;                     /* cells in the header */
	bool file_bad;                   /* the file has a problem */
	bool quiet;                      /* applying a row a second time: report nothing */
	void *pending[RECORD_BATCH];     /* new records waiting to be inserted together */
	long pending_line[RECORD_BATCH]; /* the line of each */
	size_t npending;
	struct keymap *pending_keys; /* natural key of each waiting record -> line */

	/* Existing records found by natural key: groups' ids first, then a lookup's. */
	int64_t *ids;
	size_t ids_cap, nids;
	struct import_csv_group *groups; /* per natural key of a kind whose rows repeat */
	size_t ngroups, groups_cap;
	struct keymap *group_keys; /* kind and natural key -> index in groups */
};

/* Finding the records that references name, and what to say when there is none. */
struct import_csv_named {
	enum exchange_column_type type; /* the column that refers to it */
	const struct record_kind *kind;
	const char *text_field;    /* the name: "title" */
	const char *date_field;    /* the date that goes with it, or NULL */
	const char *project_field; /* the project it belongs to, or NULL */
	int64_t (*find)(struct store *s, int64_t project_id, const char *text, const char *date);
	const char *missing; /* format: the name, then the date */
};

/* The finders of import_csv_named: each module's own, under one signature. */
static int64_t import_csv_find_project(struct store *s, int64_t project_id, const char *text,
                                       const char *date)
{
	(void)project_id, (void)date;
	return project_find(s, text);
}

static int64_t import_csv_find_person(struct store *s, int64_t project_id, const char *text,
                                      const char *date)
{
	(void)project_id, (void)date;
	return person_find(s, text);
}

static int64_t import_csv_find_meeting(struct store *s, int64_t project_id, const char *text,
                                       const char *date)
{
	(void)project_id;
	return meeting_find(s, text, date);
}

static int64_t import_csv_find_decision(struct store *s, int64_t project_id, const char *text,
                                        const char *date)
{
	(void)date;
	return decision_find(s, project_id, text);
}

/* Indexed by enum import_csv_cache. */
static const struct import_csv_named import_csv_named[CACHE_COUNT] = {
	{ EXCHANGE_PROJECT, &project_kind, "title", NULL, NULL, import_csv_find_project,
	  "there is no project titled \"%s\"; add it to projects.csv, or check the spelling" },
	{ EXCHANGE_PERSON, &person_kind, "name", NULL, NULL, import_csv_find_person,
	  "there is no person called \"%s\"; add them to people.csv, or check the spelling" },
	{ EXCHANGE_MEETING, &meeting_kind, "title", "held_on", NULL, import_csv_find_meeting,
	  "there is no meeting titled \"%s\" held on %s; add it to meetings.csv, or check the "
	  "title and the date held" },
	{ EXCHANGE_DECISION, &decision_kind, "title", NULL, "project_id", import_csv_find_decision,
	  "there is no decision titled \"%s\" in this project; add it to decisions.csv, or check "
	  "the spelling" },
};

/* A short, printable copy of text from a file, for a sentence. The caller frees it. */
static char *import_csv_quote(const char *text)
{
	char *clean = text_clean(text, 0);
	size_t n = text_fit(clean, 40, NULL);
	if (!clean[n])
		return clean;
	clean[n] = '\0';
	char *out = mem_printf("%s...", clean);
	free(clean);
	return out;
}

/* Report a problem as FILE:LINE: column: what is wrong (line 0: FILE: what is wrong). */
static void import_csv_problem(struct import_csv_run *run, long line, const char *column,
                               const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void import_csv_problem(struct import_csv_run *run, long line, const char *column,
                               const char *fmt, ...)
{
	if (run->quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = mem_vprintf(fmt, ap);
	va_end(ap);
	char *text;
	if (line > 0 && column)
		text = mem_printf("%s:%ld: %s: %s", run->path, line, column, msg);
	else if (line > 0)
		text = mem_printf("%s:%ld: %s", run->path, line, msg);
	else
		text = mem_printf("%s: %s", run->path, msg);
	run->problems++;
	if (!run->file_bad)
		run->bad_files++;
	run->file_bad = true;
	if (run->opt && run->opt->problem)
		run->opt->problem(run->opt->ctx, text);
	free(text);
	free(msg);
}

/* Stop the run: the database itself failed. */
static void import_csv_fatal(struct import_csv_run *run, const struct error *e)
{
	if (run->fatal != ERROR_NONE)
		return;
	run->fatal = e->code != ERROR_NONE ? e->code : ERROR_IO;
	if (run->err)
		*run->err = *e;
}

/*
 * Build the cache key of a name in run->key: the project's id (if any), the
 * name folded to lower case as SQLite's NOCASE folds it, and the date (if any).
 */
static size_t import_csv_key(struct import_csv_run *run, int64_t project_id, const char *text,
                             const char *date)
{
	size_t n = strlen(text), d = date ? strlen(date) : 0, o = 0;
	mem_grow((void **)&run->key, &run->key_cap, sizeof project_id + n + 1 + d, 1);
	if (project_id) {
		memcpy(run->key, &project_id, sizeof project_id);
		o = sizeof project_id;
	}
	for (size_t i = 0; i < n; i++) {
		char c = text[i];
		run->key[o++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	if (date) {
		run->key[o++] = '\0';
		memcpy(run->key + o, date, d);
		o += d;
	}
	return o;
}

/* The cell of column c of xk in row, or "" when the file has no such column. */
static const char *import_csv_cell(const struct import_csv_run *run, const struct csv_row *row,
                                   size_t c)
{
	int p = run->pos[c];
	if (p < 0)
		return "";
	return exchange_column_is_text(run->xk, &run->xk->columns[c])
	               ? exchange_cell_unguard(row->cells[p])
	               : row->cells[p];
}

/* The index of xk's column of type (each kind has at most one of each reference), or -1. */
static int import_csv_column_of(const struct exchange_kind *xk, enum exchange_column_type type)
{
	for (size_t i = 0; i < xk->ncolumns; i++)
		if (xk->columns[i].type == type)
			return (int)i;
	return -1;
}

/* Check the date of the meeting named in column c; false (reported) when it is not usable. */
static bool import_csv_meeting_date(struct import_csv_run *run, const struct csv_row *row, size_t c,
                                    const char **date)
{
	int dc = import_csv_column_of(run->xk, EXCHANGE_MEETING_DATE);
	const char *title = import_csv_cell(run, row, c);
	*date = dc >= 0 ? import_csv_cell(run, row, (size_t)dc) : "";
	const char *name = dc >= 0 ? run->xk->columns[dc].name : "held_on";
	if (!*title) {
		if (**date)
			import_csv_problem(
			        run, row->line, name,
			        "gives a date but the meeting title is empty; fill in the "
			        "meeting, or clear the date");
		return !**date;
	}
	struct error e;
	int32_t day;
	if (!**date) {
		import_csv_problem(run, row->line, name,
		                   "is empty, but the date held is needed to tell which meeting it "
		                   "is; write it as YYYY-MM-DD");
		return false;
	}
	if (date_parse(*date, &day, &e) != ERROR_NONE) {
		import_csv_problem(run, row->line, name, "%s", e.msg);
		return false;
	}
	return true;
}

/* Fill reference column c of rec from the row; false (reported) when it names nothing. */
static bool import_csv_ref(struct import_csv_run *run, const struct csv_row *row, size_t c,
                           void *rec)
{
	const struct exchange_column *col = &run->xk->columns[c];
	const struct field *f = record_field(run->xk->kind, col->field);
	const struct import_csv_named *def = NULL;
	for (size_t i = 0; i < CACHE_COUNT && !def; i++)
		if (import_csv_named[i].type == col->type)
			def = &import_csv_named[i];
	const char *text = import_csv_cell(run, row, c);
	const char *date = NULL;
	int64_t project_id = 0;
	if (col->type == EXCHANGE_MEETING && !import_csv_meeting_date(run, row, c, &date))
		return false;
	*AT(rec, f, int64_t) = 0;
	if (!*text)
		return true;
	if (def->project_field) {
		project_id = *CAT(rec, record_field(run->xk->kind, def->project_field), int64_t);
		if (!project_id) {
			int pc = import_csv_column_of(run->xk, EXCHANGE_PROJECT);
			int pp = pc >= 0 ? run->pos[pc] : -1;
			/* A project that names nothing has been reported already. */
			if (pp < 0 || !*row->cells[pp])
				import_csv_problem(run, row->line, col->name,
				                   "needs the project it belongs to; fill in the "
				                   "project");
			return false;
		}
	}
	size_t cache = (size_t)(def - import_csv_named);
	size_t n = import_csv_key(run, project_id, text, date);
	int64_t id = 0;
	if (!keymap_get(run->cache[cache], run->key, n, &id)) {
		id = def->find(run->s, project_id, text, date);
		if (id)
			keymap_put(run->cache[cache], run->key, n, id);
	}
	if (id > 0) {
		*AT(rec, f, int64_t) = id;
		return true;
	}
	char *q = import_csv_quote(text);
	if (id < 0)
		import_csv_problem(run, row->line, col->name,
		                   "\"%s\" is not imported, because its own row (line %ld of its "
		                   "file) has a problem; fix that row",
		                   q, -id);
	else
		import_csv_problem(run, row->line, col->name, def->missing, q, date);
	free(q);
	return false;
}

/* A meeting's due date is set by hand when it is given and is not the one involve works out. */
static void import_csv_due_fixed(const struct exchange_kind *xk, const struct exchange_column *col,
                                 void *rec, const char *cell)
{
	const struct field *held = record_field(xk->kind, "held_on");
	const struct field *fixed = record_field(xk->kind, col->also);
	char derived[DATE_TEXT_SIZE];
	date_format(meeting_due_for(CAT(rec, held, char)), derived);
	*AT(rec, fixed, int) = *cell && strcmp(cell, derived) != 0;
}

/* Parse the row's cells into rec; false when any cell is bad (each one reported). */
static bool import_csv_apply(struct import_csv_run *run, const struct csv_row *row, void *rec)
{
	const struct exchange_kind *xk = run->xk;
	bool ok = true;
	struct error e;
	/* References to decisions need the project, so they come last. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t c = 0; c < xk->ncolumns; c++) {
			const struct exchange_column *col = &xk->columns[c];
			if (run->pos[c] < 0 || (pass == 1) != (col->type == EXCHANGE_DECISION))
				continue;
			const char *cell = import_csv_cell(run, row, c);
			if (col->type == EXCHANGE_FIELD || col->type == EXCHANGE_DUE_DATE) {
				const struct field *f = record_field(xk->kind, col->field);
				if (record_field_parse(f, rec, cell, &e) != ERROR_NONE) {
					import_csv_problem(run, row->line, col->name, "%s", e.msg);
					ok = false;
				}
			} else if (col->type != EXCHANGE_MEETING_DATE) {
				ok = import_csv_ref(run, row, c, rec) && ok;
			}
		}
	}
	for (size_t c = 0; c < xk->ncolumns; c++)
		if (xk->columns[c].type == EXCHANGE_DUE_DATE && run->pos[c] >= 0)
			import_csv_due_fixed(xk, &xk->columns[c], rec,
			                     import_csv_cell(run, row, c));
	return ok;
}

/*
 * The field of column c when the column is part of xk's natural key, or NULL
 * (the date of a meeting counts with its title, the meeting's reference).
 */
static const struct field *import_csv_key_field(const struct exchange_kind *xk, size_t c)
{
	const struct exchange_column *col = &xk->columns[c];
	if (!col->key || col->type == EXCHANGE_MEETING_DATE)
		return NULL;
	return record_field(xk->kind, col->field);
}

/* SELECT the ids of the records with the natural key of xk. The caller frees it. */
static char *import_csv_key_sql(const struct exchange_kind *xk)
{
	char *where = mem_strdup("1");
	for (size_t c = 0; c < xk->ncolumns; c++) {
		const struct field *f = import_csv_key_field(xk, c);
		if (!f)
			continue;
		char *next = mem_printf(f->type == FIELD_TEXT ? "%s AND \"%s\" = ? COLLATE NOCASE"
		                                              : "%s AND \"%s\" IS ?",
		                        where, f->name);
		free(where);
		where = next;
	}
	char *sql = mem_printf("SELECT id FROM \"%s\" WHERE %s ORDER BY created_at, id%s",
	                       xk->kind->table, where, xk->repeats ? "" : " LIMIT 1");
	free(where);
	return sql;
}

/*
 * Find the existing records with rec's natural key, oldest first, into
 * run->ids from index at on (at most one unless the kind repeats); returns
 * how many.
 */
static size_t import_csv_lookup(struct import_csv_run *run, const void *rec, size_t at)
{
	const struct exchange_kind *xk = run->xk;
	if (!run->key_sql[run->xi])
		run->key_sql[run->xi] = import_csv_key_sql(xk);
	struct error e;
	sqlite3_stmt *st = store_prepare(run->s, run->key_sql[run->xi], &e);
	if (!st) {
		import_csv_fatal(run, &e);
		return 0;
	}
	int i = 1;
	for (size_t c = 0; c < xk->ncolumns; c++) {
		const struct field *f = import_csv_key_field(xk, c);
		if (!f)
			continue;
		if (f->type == FIELD_REF) {
			int64_t v = *CAT(rec, f, int64_t);
			if (v)
				sqlite3_bind_int64(st, i++, v);
			else
				sqlite3_bind_null(st, i++);
			continue;
		}
		/* Keys are text, dates and choices, stored as their text. */
		char *t = record_field_format(f, rec);
		if (*t) {
			sqlite3_bind_text(st, i++, t, -1, free);
		} else {
			sqlite3_bind_null(st, i++);
			free(t);
		}
	}
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		mem_grow((void **)&run->ids, &run->ids_cap, at + n + 1, sizeof *run->ids);
		run->ids[at + n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_fail(run->s, rc, "looking for existing records", &e);
		import_csv_fatal(run, &e);
		return 0;
	}
	return n;
}

/* The key of the seen map: the kind's index and the id. */
static size_t import_csv_seen_key(const struct import_csv_run *run, int64_t id,
                                  unsigned char key[9])
{
	key[0] = (unsigned char)run->xi;
	memcpy(key + 1, &id, sizeof id);
	return 9;
}

/* True, with *where (file << 40 | line), when an earlier row of this import took record id. */
static bool import_csv_seen(const struct import_csv_run *run, int64_t id, int64_t *where)
{
	unsigned char key[9];
	return keymap_get(run->seen, key, import_csv_seen_key(run, id, key), where);
}

/* True (reported) when an earlier row of this import already wrote record id. */
static bool import_csv_duplicate(struct import_csv_run *run, const struct csv_row *row, int64_t id)
{
	int64_t where;
	if (!import_csv_seen(run, id, &where))
		return false;
	size_t src = (size_t)(where >> 40);
	long line = (long)(where & ((INT64_C(1) << 40) - 1));
	if (src == run->src)
		import_csv_problem(run, row->line, NULL,
		                   "this row is for the same %s as line %ld; remove one of the two "
		                   "rows",
		                   run->xk->noun, line);
	else
		import_csv_problem(run, row->line, NULL,
		                   "this row is for the same %s as line %ld of %s; remove one of "
		                   "the two rows",
		                   run->xk->noun, line, run->sources[src].path);
	return true;
}

/* Note that the row on line wrote record id, so a second row for it is caught. */
static void import_csv_mark_seen(struct import_csv_run *run, long line, int64_t id)
{
	unsigned char key[9];
	int64_t where = ((int64_t)run->src << 40) | line;
	keymap_put(run->seen, key, import_csv_seen_key(run, id, key), where);
}

/* Report a failed write: a problem with the row, or the end of the run. */
static void import_csv_write_failed(struct import_csv_run *run, const struct csv_row *row,
                                    const struct error *e)
{
	if (e->code != ERROR_INVALID && e->code != ERROR_DUPLICATE && e->code != ERROR_NOT_FOUND) {
		import_csv_fatal(run, e);
		return;
	}
	const struct exchange_column *col =
	        e->field ? exchange_column_for_field(run->xk, e->field) : NULL;
	import_csv_problem(run, row->line, col ? col->name : e->field, "%s", e->msg);
}

/* True when every field of a and b is the same. */
static bool import_csv_same(const struct record_kind *kind, const void *a, const void *b)
{
	bool same = true;
	for (size_t i = 0; i < kind->nfields && same; i++) {
		char *x = record_field_format(&kind->fields[i], a);
		char *y = record_field_format(&kind->fields[i], b);
		same = strcmp(x, y) == 0;
		free(x);
		free(y);
	}
	return same;
}

/*
 * Read record id into old, and make rec that record with the row applied and
 * its derived fields as a write would make them. False (reported) when it
 * cannot be read. The caller clears both either way.
 */
static bool import_csv_merge(struct import_csv_run *run, const struct csv_row *row, int64_t id,
                             void *old, void *rec)
{
	const struct record_kind *kind = run->xk->kind;
	struct error e;
	if (record_get(run->s, kind, id, old, &e) != ERROR_NONE) {
		import_csv_write_failed(run, row, &e);
		record_init(kind, rec);
		return false;
	}
	record_copy(kind, rec, old);
	/* The row was parsed once already without a problem: this cannot fail. */
	run->quiet = true;
	import_csv_apply(run, row, rec);
	run->quiet = false;
	if (kind->prepare)
		kind->prepare(rec);
	return true;
}

/* Apply the row to existing record id, writing only when something changed. */
static bool import_csv_update(struct import_csv_run *run, const struct csv_row *row, int64_t id)
{
	const struct record_kind *kind = run->xk->kind;
	void *old = mem_alloc(kind->size);
	void *rec = mem_alloc(kind->size);
	struct error e;
	bool ok = import_csv_merge(run, row, id, old, rec);
	if (ok && import_csv_same(kind, old, rec)) {
		run->counts->unchanged[run->xi]++;
	} else if (ok && record_update(run->s, kind, rec, &e) == ERROR_NONE) {
		run->counts->updated[run->xi]++;
	} else if (ok) {
		import_csv_write_failed(run, row, &e);
		ok = false;
	}
	record_clear(kind, rec);
	record_clear(kind, old);
	free(old);
	free(rec);
	return ok;
}

/* True when the row says nothing new about record id. */
static bool import_csv_unchanged(struct import_csv_run *run, const struct csv_row *row, int64_t id)
{
	const struct record_kind *kind = run->xk->kind;
	void *old = mem_alloc(kind->size);
	void *rec = mem_alloc(kind->size);
	bool same = import_csv_merge(run, row, id, old, rec) && import_csv_same(kind, old, rec);
	record_clear(kind, rec);
	record_clear(kind, old);
	free(old);
	free(rec);
	return same;
}

/* The natural key of rec in run->key, as the lookup compares it; returns its length. */
static size_t import_csv_row_key(struct import_csv_run *run, const void *rec)
{
	const struct exchange_kind *xk = run->xk;
	size_t o = 0;
	for (size_t c = 0; c < xk->ncolumns; c++) {
		const struct field *f = import_csv_key_field(xk, c);
		if (!f)
			continue;
		char *t = f->type == FIELD_REF ? NULL : record_field_format(f, rec);
		size_t n = t ? strlen(t) + 1 : sizeof(int64_t);
		mem_grow((void **)&run->key, &run->key_cap, o + n, 1);
		if (t) {
			for (size_t i = 0; i < n; i++)
				run->key[o + i] =
				        f->type == FIELD_TEXT && t[i] >= 'A' && t[i] <= 'Z'
				                ? (char)(t[i] - 'A' + 'a')
				                : t[i];
			free(t);
		} else {
			memcpy(run->key + o, CAT(rec, f, int64_t), n);
		}
		o += n;
	}
	return o;
}

/*
 * The record a row of a kind whose rows repeat is for: one of the records that
 * had its natural key before the import began and that no earlier row took,
 * preferring one the row leaves unchanged (so importing the same file again
 * changes nothing), else the oldest. 0 when every one is taken: the row is a
 * new record. The records of each key are looked up once per import.
 */
static int64_t import_csv_repeat(struct import_csv_run *run, const struct csv_row *row,
                                 const void *rec)
{
	size_t n = import_csv_row_key(run, rec);
	mem_grow((void **)&run->key, &run->key_cap, n + 1, 1);
	run->key[n++] = (char)run->xi;
	int64_t g;
	if (!keymap_get(run->group_keys, run->key, n, &g)) {
		mem_grow((void **)&run->groups, &run->groups_cap, run->ngroups + 1,
		         sizeof *run->groups);
		g = (int64_t)run->ngroups++;
		keymap_put(run->group_keys, run->key, n, g);
		struct import_csv_group *grp = &run->groups[g];
		grp->start = run->nids;
		grp->n = import_csv_lookup(run, rec, run->nids);
		grp->next = 0;
		run->nids += grp->n;
	}
	struct import_csv_group *grp = &run->groups[g];
	const int64_t *ids = run->ids + grp->start;
	while (grp->next < grp->n && import_csv_seen(run, ids[grp->next], NULL))
		grp->next++;
	if (grp->next == grp->n)
		return 0;
	/* Bounded, so thousands of identical rows do not compare each with each. */
	size_t tries = 0;
	for (size_t i = grp->next; i < grp->n && tries < IMPORT_CSV_MATCH_TRIES; i++) {
		if (import_csv_seen(run, ids[i], NULL))
			continue;
		if (++tries > 1 || i + 1 < grp->n)
			if (import_csv_unchanged(run, row, ids[i]))
				return ids[i];
	}
	return ids[grp->next];
}

/* Remember the name of a record of the file (or -line when its row is bad) for references. */
static void import_csv_remember(struct import_csv_run *run, const void *rec, int64_t value)
{
	for (size_t i = 0; i < CACHE_COUNT; i++) {
		const struct import_csv_named *def = &import_csv_named[i];
		if (def->kind != run->xk->kind)
			continue;
		const char *text = *CAT(rec, record_field(def->kind, def->text_field), char *);
		const char *date =
		        def->date_field ? CAT(rec, record_field(def->kind, def->date_field), char)
		                        : NULL;
		int64_t project_id =
		        def->project_field
		                ? *CAT(rec, record_field(def->kind, def->project_field), int64_t)
		                : 0;
		if (!text || !*text || (date && !*date) || (def->project_field && !project_id))
			return;
		size_t n = import_csv_key(run, project_id, text, date);
		int64_t old;
		if (value < 0 && keymap_get(run->cache[i], run->key, n, &old) && old > 0)
			return;
		keymap_put(run->cache[i], run->key, n, value);
	}
}

/* Insert the waiting records; a record that cannot be inserted is a problem with its row. */
static void import_csv_flush(struct import_csv_run *run)
{
	const struct record_kind *kind = run->xk->kind;
	size_t n = run->npending;
	struct error e;
	enum error_code code = ERROR_NONE;
	if (n && run->fatal == ERROR_NONE)
		code = record_create_many(run->s, kind, run->pending, n, NULL, &e);
	if (code != ERROR_NONE && code != ERROR_INVALID && code != ERROR_DUPLICATE)
		import_csv_fatal(run, &e);
	for (size_t i = 0; i < n && run->fatal == ERROR_NONE; i++) {
		void *rec = run->pending[i];
		/*
		 * A constraint no check foresaw: insert one by one to say which row,
		 * each with a new id in case it was the random id that collided.
		 */
		if (code != ERROR_NONE)
			((struct record_head *)rec)->id = 0;
		if (code != ERROR_NONE && record_create(run->s, kind, rec, &e) != ERROR_NONE) {
			struct csv_row row = { .line = run->pending_line[i] };
			import_csv_write_failed(run, &row, &e);
			import_csv_remember(run, rec, -row.line);
			continue;
		}
		int64_t id = ((const struct record_head *)rec)->id;
		run->counts->created[run->xi]++;
		import_csv_mark_seen(run, run->pending_line[i], id);
		import_csv_remember(run, rec, id);
	}
	for (size_t i = 0; i < n; i++)
		record_clear(kind, run->pending[i]);
	run->npending = 0;
	keymap_free(run->pending_keys);
	run->pending_keys = keymap_new();
}

/* Queue a new record (run->pending[run->npending]) to be inserted with others. */
static bool import_csv_queue(struct import_csv_run *run, const struct csv_row *row, void *rec)
{
	const struct record_kind *kind = run->xk->kind;
	size_t n = import_csv_row_key(run, rec);
	int64_t line;
	if (!run->xk->repeats && keymap_get(run->pending_keys, run->key, n, &line)) {
		import_csv_problem(run, row->line, NULL,
		                   "this row is for the same %s as line %ld; remove one of the two "
		                   "rows",
		                   run->xk->noun, (long)line);
		return false;
	}
	/* Checked now, so a problem is reported with its own line. */
	struct error e;
	if (kind->prepare)
		kind->prepare(rec);
	if (record_validate(kind, rec, &e) != ERROR_NONE) {
		import_csv_write_failed(run, row, &e);
		return false;
	}
	keymap_put(run->pending_keys, run->key, n, row->line);
	run->pending_line[run->npending++] = row->line;
	if (run->npending == RECORD_BATCH)
		import_csv_flush(run);
	return true;
}

/* Import one row: parse, match by natural key, then queue it as new or update. */
static void import_csv_row(struct import_csv_run *run, const struct csv_row *row)
{
	const struct record_kind *kind = run->xk->kind;
	void *rec = run->pending[run->npending];
	record_init(kind, rec);
	bool ok = import_csv_apply(run, row, rec);
	bool repeats = run->xk->repeats;
	int64_t id = 0;
	if (ok && repeats)
		id = import_csv_repeat(run, row, rec);
	else if (ok && import_csv_lookup(run, rec, run->nids))
		id = run->ids[run->nids];
	if (run->fatal != ERROR_NONE) {
		ok = false;
	} else if (ok && !id) {
		if (import_csv_queue(run, row, rec))
			return; /* the record now belongs to the queue */
		ok = false;
	} else if (ok) {
		ok = (repeats || !import_csv_duplicate(run, row, id)) &&
		     import_csv_update(run, row, id);
		if (ok)
			import_csv_mark_seen(run, row->line, id);
	}
	import_csv_remember(run, rec, ok ? id : -row->line);
	record_clear(kind, rec);
}

/* The name of the cell the reader found fault with, for a message. The caller frees it. */
static char *import_csv_cell_name(const struct import_csv_run *run, long cell)
{
	if (cell < 0)
		return NULL;
	if ((size_t)cell < run->ncol && run->col[cell] >= 0)
		return mem_strdup(run->xk->columns[run->col[cell]].name);
	return mem_printf("column %ld", cell + 1);
}

/* Report a record the reader could not read. */
static void import_csv_bad_record(struct import_csv_run *run, const struct csv_row *row,
                                  const struct error *e)
{
	char *name = import_csv_cell_name(run, row->bad_cell);
	import_csv_problem(run, row->line, name, "the %s %s", name ? "cell" : "row", e->msg);
	free(name);
}

/* Report a row with more or fewer cells than the header has columns. */
static void import_csv_bad_width(struct import_csv_run *run, const struct csv_row *row)
{
	if (row->count < run->ncol) {
		char *name = import_csv_cell_name(run, (long)row->count);
		import_csv_problem(run, row->line, name,
		                   "missing: the row has %zu cells but the header has %zu columns",
		                   row->count, run->ncol);
		free(name);
	} else {
		char *name = mem_printf("column %zu", run->ncol + 1);
		import_csv_problem(run, row->line, name,
		                   "the row has %zu cells but the header has %zu columns; put "
		                   "quotes around any cell that holds a comma",
		                   row->count, run->ncol);
		free(name);
	}
}

/* Map the header row to xk's columns; false (reported) when it cannot be used. */
static bool import_csv_header(struct import_csv_run *run, const struct csv_row *row)
{
	const struct exchange_kind *xk = run->xk;
	run->ncol = row->count;
	run->col = mem_alloc(row->count * sizeof *run->col);
	run->pos = mem_alloc(xk->ncolumns * sizeof *run->pos);
	for (size_t c = 0; c < xk->ncolumns; c++)
		run->pos[c] = -1;
	bool ok = true;
	for (size_t i = 0; i < row->count; i++) {
		int c = exchange_column_index(xk, row->cells[i]);
		run->col[i] = c;
		if (c >= 0 && run->pos[c] < 0) {
			run->pos[c] = (int)i;
			continue;
		}
		ok = false;
		if (c >= 0) {
			import_csv_problem(run, row->line, xk->columns[c].name,
			                   "is named twice in the header; remove one of the two "
			                   "columns");
		} else if (text_blank(row->cells[i])) {
			char *name = mem_printf("column %zu", i + 1);
			import_csv_problem(run, row->line, name,
			                   "has no name in the header; name it, or remove the "
			                   "column");
			free(name);
		} else {
			char *q = import_csv_quote(row->cells[i]);
			char *list = exchange_column_list(xk);
			import_csv_problem(run, row->line, q,
			                   "is not a column of %s; its columns are %s", xk->file,
			                   list);
			free(list);
			free(q);
		}
	}
	for (size_t c = 0; c < xk->ncolumns; c++) {
		const struct exchange_column *col = &xk->columns[c];
		if (run->pos[c] >= 0)
			continue;
		if (col->key) {
			import_csv_problem(run, row->line, col->name,
			                   "is missing from the header; %s needs it to tell which "
			                   "record each row is",
			                   xk->file);
			ok = false;
		}
	}
	int dc = import_csv_column_of(xk, EXCHANGE_DECISION);
	int pc = import_csv_column_of(xk, EXCHANGE_PROJECT);
	if (dc >= 0 && run->pos[dc] >= 0 && pc >= 0 && run->pos[pc] < 0) {
		import_csv_problem(run, row->line, xk->columns[dc].name,
		                   "needs the project column as well, to tell which project's "
		                   "decision it is");
		ok = false;
	}
	return ok;
}

/* Read the rows after the header. */
static void import_csv_rows(struct import_csv_run *run, struct csv_reader *r)
{
	for (size_t i = 0; i < RECORD_BATCH; i++)
		run->pending[i] = mem_alloc(run->xk->kind->size);
	long rows = 0;
	struct csv_row row;
	struct error e;
	while (run->fatal == ERROR_NONE) {
		enum error_code code = csv_read(r, &row, &e);
		if (code == ERROR_IO) {
			import_csv_problem(run, 0, NULL, "%s", e.msg);
			break;
		}
		if (code == ERROR_NONE && row.count == 0)
			break;
		if (++rows % IMPORT_CSV_PROGRESS_ROWS == 0 && run->opt && run->opt->progress)
			run->opt->progress(run->opt->ctx, run->path, rows);
		if (code != ERROR_NONE)
			import_csv_bad_record(run, &row, &e);
		else if (row.count != run->ncol)
			import_csv_bad_width(run, &row);
		else
			import_csv_row(run, &row);
	}
	import_csv_flush(run);
	for (size_t i = 0; i < RECORD_BATCH; i++) {
		free(run->pending[i]);
		run->pending[i] = NULL;
	}
}

/* Import one file. */
static void import_csv_file(struct import_csv_run *run, size_t src)
{
	struct import_csv_source *source = &run->sources[src];
	run->src = src;
	run->path = source->path;
	run->xk = source->xk;
	run->xi = (size_t)(source->xk - exchange_kinds);
	run->file_bad = false;
	run->ncol = 0;
	FILE *f = fopen(source->path, "rb");
	if (!f) {
		import_csv_problem(run, 0, NULL, "cannot be read: %s", strerror(errno));
		return;
	}
	struct csv_reader *r = csv_open_file(f);
	struct csv_row row;
	struct error e;
	enum error_code code = csv_read(r, &row, &e);
	if (code == ERROR_IO)
		import_csv_problem(run, 0, NULL, "%s", e.msg);
	else if (code == ERROR_INVALID)
		import_csv_bad_record(run, &row, &e);
	else if (row.count > 0 && import_csv_header(run, &row))
		import_csv_rows(run, r);
	csv_close(r);
	fclose(f);
	free(run->col);
	free(run->pos);
	run->col = run->pos = NULL;
}

/* True when name ends in .csv (any case) and is not hidden. */
static bool import_csv_is_csv(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

/* Folder entries by name, so a folder imports in the same order every time. */
static int import_csv_compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add a file to the sources. */
static void import_csv_add(struct import_csv_run *run, size_t *cap, char *path)
{
	mem_grow((void **)&run->sources, cap, run->nsources + 1, sizeof *run->sources);
	struct import_csv_source *src = &run->sources[run->nsources];
	src->path = path;
	src->xk = NULL;
	src->seq = run->nsources++;
}

/* Add the .csv files in folder dir, by name. */
static void import_csv_add_folder(struct import_csv_run *run, size_t *cap, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		import_csv_problem(run, 0, NULL, "cannot be read: %s", strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, ncap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!import_csv_is_csv(de->d_name))
			continue;
		mem_grow((void **)&names, &ncap, n + 1, sizeof *names);
		names[n++] = mem_strdup(de->d_name);
	}
	closedir(d);
	if (n == 0)
		import_csv_problem(run, 0, NULL,
		                   "holds no .csv files; name the files to import, or the folder "
		                   "that holds them");
	if (n > 1)
		mem_sort(names, n, sizeof *names, import_csv_compare_names);
	const char *sep = dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/";
	for (size_t i = 0; i < n; i++) {
		import_csv_add(run, cap, mem_printf("%s%s%s", dir, sep, names[i]));
		free(names[i]);
	}
	free(names);
}

/* The sources named by paths: files as they are, folders as their .csv files. */
static void import_csv_expand(struct import_csv_run *run, const char *const *paths, size_t n)
{
	size_t cap = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		run->path = paths[i];
		run->file_bad = false;
		if (stat(paths[i], &st) != 0)
			import_csv_problem(run, 0, NULL, "cannot be read: %s", strerror(errno));
		else if (S_ISDIR(st.st_mode))
			import_csv_add_folder(run, &cap, paths[i]);
		else
			import_csv_add(run, &cap, mem_strdup(paths[i]));
	}
}

/* The kind of a file from its name or, failing that, its header; NULL (reported) if neither. */
static const struct exchange_kind *import_csv_kind_of(struct import_csv_run *run, const char *path)
{
	const struct exchange_kind *xk = exchange_kind_for_file(path);
	if (xk)
		return xk;
	run->path = path;
	run->file_bad = false;
	FILE *f = fopen(path, "rb");
	if (!f) {
		import_csv_problem(run, 0, NULL, "cannot be read: %s", strerror(errno));
		return NULL;
	}
	struct csv_reader *r = csv_open_file(f);
	struct csv_row row;
	struct error e;
	if (csv_read(r, &row, &e) == ERROR_NONE && row.count > 0)
		xk = exchange_kind_for_header((const char *const *)row.cells, row.count);
	if (!xk)
		import_csv_problem(
		        run, row.line, NULL,
		        "cannot tell which records this file holds; name it after its "
		        "kind (projects.csv, people.csv, meetings.csv ...) or give it the "
		        "header row of one");
	csv_close(r);
	fclose(f);
	return xk;
}

/* Sources in import order: by kind, then as named. */
static int import_csv_compare_sources(const void *a, const void *b)
{
	const struct import_csv_source *x = a, *y = b;
	if (x->xk != y->xk)
		return x->xk < y->xk ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Free what the run holds. */
static void import_csv_run_free(struct import_csv_run *run)
{
	for (size_t i = 0; i < CACHE_COUNT; i++)
		keymap_free(run->cache[i]);
	keymap_free(run->seen);
	keymap_free(run->pending_keys);
	free(run->ids);
	free(run->groups);
	keymap_free(run->group_keys);
	for (size_t i = 0; i < EXCHANGE_KIND_COUNT; i++)
		free(run->key_sql[i]);
	for (size_t i = 0; i < run->nsources; i++)
		free(run->sources[i].path);
	free(run->sources);
	free(run->key);
}

/* Read every source in import order inside the open transaction. */
static void import_csv_all(struct import_csv_run *run)
{
	size_t known = 0;
	for (size_t i = 0; i < run->nsources; i++) {
		run->sources[i].xk = import_csv_kind_of(run, run->sources[i].path);
		if (run->sources[i].xk)
			run->sources[known++] = run->sources[i];
		else
			free(run->sources[i].path);
	}
	run->nsources = known;
	if (run->nsources > 1)
		mem_sort(run->sources, run->nsources, sizeof *run->sources,
		         import_csv_compare_sources);
	for (size_t i = 0; i < run->nsources && run->fatal == ERROR_NONE; i++)
		import_csv_file(run, i);
}

/*
 * SQLite settings for the length of an import. A large import touches pages
 * all over the tables and indexes (ids are random), so a small page cache
 * would write them out to the journal again and again before the commit;
 * and each insert fires an audit trigger, so SQLite keeps a statement journal
 * that would go to a temporary file once it grew. Pages are only taken as
 * they are used.
 */
static const struct import_csv_pragma {
	const char *name;
	int64_t value;
} import_csv_pragmas[] = {
	{ "cache_size", -256 * 1024 }, /* KiB */
	{ "temp_store", 2 },           /* MEMORY */
};

enum { IMPORT_CSV_NPRAGMAS = sizeof import_csv_pragmas / sizeof *import_csv_pragmas };

/* Set each pragma to value[i] (or the import's value when value is NULL); return the old ones. */
static void import_csv_tune(struct store *s, const int64_t *value, int64_t *old)
{
	for (size_t i = 0; i < IMPORT_CSV_NPRAGMAS; i++) {
		const struct import_csv_pragma *p = &import_csv_pragmas[i];
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA %s", p->name);
		sqlite3_stmt *st = store_prepare_fresh(s, sql, NULL);
		if (old)
			old[i] = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0)
			                                              : p->value;
		sqlite3_finalize(st);
		snprintf(sql, sizeof sql, "PRAGMA %s = %" PRId64, p->name,
		         value ? value[i] : p->value);
		store_exec(s, sql, NULL);
	}
}

enum error_code import_csv(struct store *s, const char *const *paths, size_t n,
                           const struct import_csv_options *opt, struct import_csv_counts *counts,
                           struct error *err)
{
	struct import_csv_counts local;
	struct import_csv_run run = { .s = s, .opt = opt, .err = err };
	run.counts = counts ? counts : &local;
	memset(run.counts, 0, sizeof *run.counts);
	for (size_t i = 0; i < CACHE_COUNT; i++)
		run.cache[i] = keymap_new();
	run.seen = keymap_new();
	run.pending_keys = keymap_new();
	run.group_keys = keymap_new();
	import_csv_expand(&run, paths, n);
	int64_t saved[IMPORT_CSV_NPRAGMAS];
	import_csv_tune(s, NULL, saved);
	enum error_code code = store_begin(s, err);
	if (code == ERROR_NONE) {
		import_csv_all(&run);
		if (run.fatal == ERROR_NONE && run.problems == 0 && !(opt && opt->dry_run))
			code = store_commit(s, err);
		else
			store_rollback(s);
	}
	if (code == ERROR_NONE && run.fatal != ERROR_NONE)
		code = run.fatal;
	else if (code == ERROR_NONE && run.problems > 0)
		code = error_set(err, ERROR_INVALID,
		                 "Found %ld problem%s in %zu file%s, so nothing was imported; fix "
		                 "%s and import again",
		                 run.problems, run.problems == 1 ? "" : "s", run.bad_files,
		                 run.bad_files == 1 ? "" : "s", run.problems == 1 ? "it" : "them");
	import_csv_tune(s, saved, NULL);
	import_csv_run_free(&run);
	return code;
}

char *import_csv_summary(const struct import_csv_counts *c, bool dry_run)
{
	char *parts[EXCHANGE_KIND_COUNT];
	size_t n = 0;
	for (size_t i = 0; i < EXCHANGE_KIND_COUNT; i++) {
		const struct exchange_kind *xk = &exchange_kinds[i];
		long total = c->created[i] + c->updated[i] + c->unchanged[i];
		if (total == 0)
			continue;
		const struct {
			long count;
			const char *word;
		} how[] = { { c->created[i], "new" },
			    { c->updated[i], "updated" },
			    { c->unchanged[i], "unchanged" } };
		char *detail = mem_strdup("");
		for (size_t h = 0; h < sizeof how / sizeof *how; h++) {
			if (!how[h].count)
				continue;
			char number[EXCHANGE_NUMBER_SIZE];
			exchange_number(how[h].count, number);
			char *next = mem_printf("%s%s%s %s", detail, *detail ? ", " : "", number,
			                        how[h].word);
			free(detail);
			detail = next;
		}
		char *count = exchange_count_text(xk, total);
		parts[n++] = mem_printf("%s (%s)", count, detail);
		free(count);
		free(detail);
	}
	const char *verb = dry_run ? "Would import" : "Imported";
	const char *tail = dry_run ? "; nothing was written, as this was a dry run" : "";
	if (n == 0)
		return mem_printf("%s nothing: the files hold no records%s.", verb, tail);
	char *list = mem_strdup("");
	for (size_t i = 0; i < n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? " and " : ", ";
		char *next = mem_printf("%s%s%s", list, sep, parts[i]);
		free(list);
		free(parts[i]);
		list = next;
	}
	char *out = mem_printf("%s %s%s.", verb, list, tail);
	free(list);
	return out;
}
