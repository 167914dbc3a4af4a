/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * exchange: the CSV files involve reads and writes, one per kind of record,
 * declared as a table: the file name, the header columns in order, the record
 * kind, and how each column maps to a field of the record or to another
 * record by its natural key (a project by its title, a person by name, a
 * meeting by title and date held, a decision by project and title).
 *
 * Values go through record_field_parse and record_field_format, so a CSV cell
 * follows the same rules as a form field: dates YYYY-MM-DD, money in pounds,
 * yes/no (blank for not known), choices by their keys, roles ';'-separated.
 *
 * The table is in import order: a kind refers only to kinds before it
 * (projects, people, decisions, stages, meetings, then the rest), so records
 * named in one file can be created by another file of the same import.
 */
#ifndef INVOLVE_EXCHANGE_H
#define INVOLVE_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

enum exchange_column_type {
	EXCHANGE_FIELD,   /* a field of the record, parsed and formatted by the record engine */
	EXCHANGE_PROJECT, /* a project's title, standing for the project reference in field */
	EXCHANGE_PERSON,  /* a person's name, standing for the person reference in field */
	EXCHANGE_MEETING, /* a meeting's title; with the held_on column, the meeting reference */
	EXCHANGE_MEETING_DATE, /* the date held of the meeting named in the meeting column */
	EXCHANGE_DECISION,     /* a decision's title within the record's project */
	EXCHANGE_DUE_DATE,     /* a meeting's feedback due date: set by hand when it is not the
	                          date involve works out from the date held */
};

struct exchange_column {
	const char *name; /* in the header row: "held_on" */
	enum exchange_column_type type;
	const char *field; /* the record field it fills (for MEETING_DATE, the
	                      meeting reference it belongs to) */
	bool key;          /* part of the natural key that matches existing records */
	const char *also;  /* a second field it decides, or NULL (DUE_DATE: the
	                      set-by-hand flag) */
};

struct exchange_kind {
	const char *file;   /* "attendance.csv" */
	const char *noun;   /* for sentences: "attendance record" */
	const char *plural; /* "attendance records" */
	const struct record_kind *kind;
	const struct exchange_column *columns;
	size_t ncolumns;
	/*
	 * Rows with the same natural key are separate records (two people may
	 * say the same thing, or claim the same fare twice), matched in order to
	 * the records already there with that key; when false, a second row with
	 * the same key in one import is a mistake.
	 */
	bool repeats;
};

enum { EXCHANGE_KIND_COUNT = 12 };

/* The CSV kinds in import order. */
extern const struct exchange_kind exchange_kinds[EXCHANGE_KIND_COUNT];

/*
 * The kind a file holds by its name alone: the last part of path equals a
 * kind's file name, ignoring case ("People.CSV"). NULL when none does.
 */
const struct exchange_kind *exchange_kind_for_file(const char *path);
/*
 * The kind whose columns a header row names: the one kind having every column
 * named (spaces and case ignored) and all its key columns among them. NULL
 * when no kind or more than one fits.
 */
const struct exchange_kind *exchange_kind_for_header(const char *const *names, size_t n);
/* The index of the column called name (spaces at either end and case ignored), or -1. */
int exchange_column_index(const struct exchange_kind *k, const char *name);
/* The column that carries (or decides) field of the record, or NULL: which fields a file holds. */
const struct exchange_column *exchange_column_for_field(const struct exchange_kind *k,
                                                        const char *field);
/*
 * Spreadsheets run a cell that starts with =, +, - or @ as a formula, so a
 * note or a name in a CSV file could be made to run one on a commissioner's
 * computer. Cells of free text (text fields and names) are written with a
 * ' before such a start, which spreadsheets show as text, and read back
 * without it. A text that itself starts with ' before one of those (or
 * before another ') gets one more, so every text comes back as it was.
 */
/* Whether column c of k holds free text: a text field, or a record's name. */
bool exchange_column_is_text(const struct exchange_kind *k, const struct exchange_column *c);
/* text as written to a cell of a text column. The caller frees it. */
char *exchange_cell_guard(const char *text);
/* The text a cell of a text column stands for: cell, or cell after its guarding '. */
const char *exchange_cell_unguard(const char *cell);
/* The columns of k as "a, b, c", for sentences. The caller frees it. */
char *exchange_column_list(const struct exchange_kind *k);
enum { EXCHANGE_NUMBER_SIZE = 32 };
/* n with its thousands separated by commas: 1,000,000 (negative counts as 0). */
void exchange_number(long n, char out[EXCHANGE_NUMBER_SIZE]);
/* "1,000 people" or "1 person", using k's nouns. The caller frees it. */
char *exchange_count_text(const struct exchange_kind *k, long n);

#endif
