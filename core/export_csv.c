/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_csv: write each kind of record to its CSV file, all or nothing. */
#include "export_csv.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "mem.h"

/* One file being written. */
struct export_csv_file {
	char *final; /* dir/people.csv */
	char *temp;  /* dir/.people.csv.XXXXXX until renamed; NULL after */
};

/* What the row callback needs. */
struct export_csv_run {
	struct store *s;
	const struct exchange_kind *xk;
	FILE *f;
	const char **cells; /* one per column */
	long rows;
	enum error_code code; /* a write failed */
	struct error *err;
};

/* The code and sentence for a failed file operation on path. */
static enum error_code export_csv_fail(const char *path, int e, struct error *err)
{
	if (e == EACCES || e == EPERM || e == EROFS)
		return error_set(err, ERROR_READ_ONLY,
		                 "%s cannot be written (%s); nothing was exported. Choose a folder "
		                 "you can write to",
		                 path, strerror(e));
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		return error_set(err, ERROR_FULL,
		                 "Writing %s failed: the disk is full; nothing was exported. Free "
		                 "some space and try again",
		                 path);
	return error_set(err, ERROR_IO, "Writing %s failed (%s); nothing was exported", path,
	                 strerror(e));
}

/* Column 0 of the row with id in the query sql, copied; "" when there is none. */
static char *export_csv_lookup(struct store *s, const char *sql, int64_t id)
{
	if (!id)
		return mem_strdup("");
	sqlite3_stmt *st = store_prepare(s, sql, NULL);
	if (!st)
		return mem_strdup("");
	sqlite3_bind_int64(st, 1, id);
	char *out = NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		out = mem_strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return out ? out : mem_strdup("");
}

/* The query that names the record a reference column points to. */
static const char *export_csv_name_sql(enum exchange_column_type type)
{
	static const struct {
		enum exchange_column_type type;
		const char *sql;
	} names[] = {
		{ EXCHANGE_PROJECT, "SELECT title FROM project WHERE id = ?" },
		{ EXCHANGE_PERSON, "SELECT name FROM person WHERE id = ?" },
		{ EXCHANGE_MEETING, "SELECT title FROM meeting WHERE id = ?" },
		{ EXCHANGE_MEETING_DATE, "SELECT held_on FROM meeting WHERE id = ?" },
		{ EXCHANGE_DECISION, "SELECT title FROM decision WHERE id = ?" },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (names[i].type == type)
			return names[i].sql;
	return NULL;
}

/* The text of column c of rec. The caller frees it. */
static char *export_csv_cell(struct store *s, const struct exchange_kind *xk,
                             const struct exchange_column *c, const void *rec)
{
	const struct field *f = record_field(xk->kind, c->field);
	const char *sql = export_csv_name_sql(c->type);
	char *text =
	        sql ? export_csv_lookup(s, sql, *(const int64_t *)((const char *)rec + f->offset))
	            : record_field_format(f, rec);
	if (!exchange_column_is_text(xk, c))
		return text;
	char *guarded = exchange_cell_guard(text);
	free(text);
	return guarded;
}

/* Write one record as a row. */
static bool export_csv_row(void *rec, const char *order, void *ctx)
{
	(void)order;
	struct export_csv_run *run = ctx;
	const struct exchange_kind *xk = run->xk;
	for (size_t i = 0; i < xk->ncolumns; i++)
		run->cells[i] = export_csv_cell(run->s, xk, &xk->columns[i], rec);
	run->code = csv_write_row(run->f, run->cells, xk->ncolumns, NULL);
	for (size_t i = 0; i < xk->ncolumns; i++)
		free((char *)run->cells[i]);
	run->rows++;
	return run->code == ERROR_NONE;
}

/* Write the header and every record of xk to the open temporary file f. */
static enum error_code export_csv_kind(struct store *s, const struct exchange_kind *xk, FILE *f,
                                       const char *path, long *rows, struct error *err)
{
	struct export_csv_run run = { .s = s, .xk = xk, .f = f, .err = err };
	run.cells = mem_calloc(xk->ncolumns, sizeof *run.cells);
	for (size_t i = 0; i < xk->ncolumns; i++)
		run.cells[i] = xk->columns[i].name;
	fputs("\xEF\xBB\xBF", f);
	run.code = csv_write_row(f, run.cells, xk->ncolumns, NULL);
	struct record_query q = { .limit = INT_MAX };
	enum error_code code = ERROR_NONE;
	if (run.code == ERROR_NONE)
		code = record_list(s, xk->kind, &q, export_csv_row, &run, NULL, err);
	free(run.cells);
	*rows = run.rows;
	if (code != ERROR_NONE)
		return code;
	if (run.code != ERROR_NONE || fflush(f) != 0 || fsync(fileno(f)) != 0)
		return export_csv_fail(path, errno, err);
	return ERROR_NONE;
}

/* Remove the temporary files still waiting to be renamed. */
static void export_csv_cleanup(struct export_csv_file *files)
{
	for (size_t i = 0; i < EXCHANGE_KIND_COUNT; i++) {
		if (files[i].temp)
			unlink(files[i].temp);
		free(files[i].temp);
		free(files[i].final);
	}
}

/* Write every kind to its temporary file. */
static enum error_code export_csv_write_all(struct store *s, const char *dir,
                                            struct export_csv_file *files, long *counts,
                                            struct error *err)
{
	for (size_t i = 0; i < EXCHANGE_KIND_COUNT; i++) {
		const struct exchange_kind *xk = &exchange_kinds[i];
		files[i].final = mem_printf("%s/%s", dir, xk->file);
		files[i].temp = mem_printf("%s/.%s.XXXXXX", dir, xk->file);
		int fd = mkstemp(files[i].temp);
		if (fd < 0) {
			int e = errno;
			free(files[i].temp);
			files[i].temp = NULL;
			return export_csv_fail(files[i].final, e, err);
		}
		FILE *f = fdopen(fd, "w");
		if (!f) {
			int e = errno;
			close(fd);
			return export_csv_fail(files[i].final, e, err);
		}
		enum error_code code = export_csv_kind(s, xk, f, files[i].final, &counts[i], err);
		if (fclose(f) != 0 && code == ERROR_NONE)
			code = export_csv_fail(files[i].final, errno, err);
		if (code != ERROR_NONE)
			return code;
	}
	return ERROR_NONE;
}

enum error_code export_csv(struct store *s, const char *dir, long counts[EXCHANGE_KIND_COUNT],
                           struct error *err)
{
	struct stat st;
	if (stat(dir, &st) != 0)
		return error_set(err, ERROR_IO,
		                 "The folder %s does not exist; create it first, or name a folder "
		                 "that exists",
		                 dir);
	if (!S_ISDIR(st.st_mode))
		return error_set(err, ERROR_IO,
		                 "%s is not a folder; name the folder the CSV files should go in",
		                 dir);
	long local[EXCHANGE_KIND_COUNT] = { 0 };
	long *rows = counts ? counts : local;
	struct export_csv_file files[EXCHANGE_KIND_COUNT];
	memset(files, 0, sizeof files);
	/* One transaction, so the files agree with each other. */
	enum error_code code = store_read_only(s) ? ERROR_NONE : store_begin(s, err);
	bool began = code == ERROR_NONE && !store_read_only(s);
	if (code == ERROR_NONE)
		code = export_csv_write_all(s, dir, files, rows, err);
	if (began)
		store_rollback(s);
	/* A folder in a file's place would stop a rename half way: refuse before any. */
	for (size_t i = 0; code == ERROR_NONE && i < EXCHANGE_KIND_COUNT; i++)
		if (stat(files[i].final, &st) == 0 && S_ISDIR(st.st_mode))
			code = export_csv_fail(files[i].final, EISDIR, err);
	for (size_t i = 0; code == ERROR_NONE && i < EXCHANGE_KIND_COUNT; i++) {
		if (rename(files[i].temp, files[i].final) != 0) {
			code = export_csv_fail(files[i].final, errno, err);
			break;
		}
		free(files[i].temp);
		files[i].temp = NULL;
	}
	export_csv_cleanup(files);
	return code;
}
