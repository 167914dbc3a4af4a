/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import_csv: records read from the CSV files of exchange.h, all or nothing.
 *
 * Files may be named in any order, or a folder given for every .csv file in
 * it; they are imported in one transaction in dependency order (projects,
 * people, decisions, stages, meetings, then the rest), so a meeting may name
 * a decision from a file named after it. A file's kind is known from its name
 * (people.csv) or, failing that, from its header row. Columns may come in
 * any order and some may be left out (but not those that identify a record);
 * a record's fields with no column in the file are left as they were.
 *
 * Each row is matched to an existing record by its natural key (project
 * title; person name; meeting title and date held; decision by project and
 * title; stage by project and stage; attendance and feedback by meeting and
 * person; see exchange.c for the rest) and updates it rather than adding a
 * second one; a row that changes nothing writes nothing. Two rows for the
 * same record in one import are a problem, except for the kinds whose rows
 * may repeat (exchange_kind.repeats: contributions, payments ...), where the
 * second row is a second record and rows are matched in order to the records
 * already there with the same key.
 *
 * Every bad row is reported as "FILE:LINE: column: what is wrong" (or
 * "FILE:LINE: what is wrong" when no one column is at fault), and when there
 * is any, nothing at all is written.
 */
#ifndef INVOLVE_IMPORT_CSV_H
#define INVOLVE_IMPORT_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "exchange.h"
#include "store.h"

enum { IMPORT_CSV_PROGRESS_ROWS = 100000 }; /* rows between progress calls */

/* Records per kind, in exchange_kinds order. */
struct import_csv_counts {
	long created[EXCHANGE_KIND_COUNT];
	long updated[EXCHANGE_KIND_COUNT];
	long unchanged[EXCHANGE_KIND_COUNT];
};

struct import_csv_options {
	bool dry_run; /* check everything and count, then write nothing */
	/* Each problem as one line without a newline; may be NULL. */
	void (*problem)(void *ctx, const char *text);
	/* Every IMPORT_CSV_PROGRESS_ROWS rows of a file: the rows read so far; may be NULL. */
	void (*progress)(void *ctx, const char *file, long rows);
	void *ctx;
};

/*
 * Import the n files or folders in paths. counts (may be NULL) receives what
 * was (or, in a dry run, would be) created, updated and left unchanged.
 * ERROR_NONE: everything was imported (a dry run: everything could be; nothing
 * was written). ERROR_INVALID: problems were found and passed to
 * opt->problem; nothing was written; err says how many. Any other code: the
 * database could not be written (nothing was); err says why.
 */
enum error_code import_csv(struct store *s, const char *const *paths, size_t n,
                           const struct import_csv_options *opt, struct import_csv_counts *counts,
                           struct error *err);

/*
 * One sentence saying what was imported: "Imported 3 projects (2 new, 1
 * updated) and 12 people (12 unchanged)." or, for a dry run, "Would import
 * ...". The caller frees it.
 */
char *import_csv_summary(const struct import_csv_counts *counts, bool dry_run);

#endif
