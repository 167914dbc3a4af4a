/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * csv: reading and writing comma-separated values (RFC 4180).
 *
 * The reader turns bytes into records, one at a time, never holding more than
 * one record in memory: quoted cells may hold commas, doubled quotes ("") and
 * line breaks; lines end in CRLF, LF or a lone CR; a UTF-8 byte order mark at
 * the start is skipped; empty lines are skipped. Each record carries the
 * physical line (1-based) where it starts, for messages like FILE:LINE.
 *
 * It is a pure function of the bytes it is given (no locale, no global
 * state), and hostile input never crashes it: a malformed record (a cell that
 * is not UTF-8 text, holds control characters, is longer than CSV_CELL_MAX,
 * has text after its closing quote; a record with more than CSV_CELLS_MAX
 * cells or CSV_RECORD_MAX bytes) is reported as ERROR_INVALID with a sentence,
 * and reading can go on with the next record. A quote never closed is
 * reported the same way and ends the input. Memory stays within about
 * CSV_RECORD_MAX whatever the input.
 *
 * The writer quotes a cell only when it must (a comma, a quote, a line break,
 * or white space at either end that a spreadsheet might trim) and ends every
 * record with CRLF.
 */
#ifndef INVOLVE_CSV_H
#define INVOLVE_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "error.h"

enum {
	CSV_CELL_MAX = 256 * 1024,    /* bytes in one cell */
	CSV_RECORD_MAX = 1024 * 1024, /* bytes in all the cells of one record */
	CSV_CELLS_MAX = 1024,         /* cells in one record */
};

struct csv_reader;

/* One record. Owned by the reader and valid until the next csv_read or csv_close. */
struct csv_row {
	char **cells;  /* count cells, each NUL-terminated */
	size_t *lens;  /* their lengths in bytes */
	size_t count;  /* 0 only at the end of the input */
	long line;     /* physical line where the record starts, from 1 */
	long bad_cell; /* after ERROR_INVALID: the cell at fault (from 0), or -1 for the record */
};

/* A reader over n bytes in memory; the bytes must outlive the reader. Never NULL. */
struct csv_reader *csv_open_memory(const char *bytes, size_t n);
/* A reader over an open file, read in chunks; the caller still closes f. Never NULL. */
struct csv_reader *csv_open_file(FILE *f);
void csv_close(struct csv_reader *r);

/*
 * Read the next record into *row.
 * ERROR_NONE: row->count cells, or row->count == 0 at the end of the input.
 * ERROR_INVALID: the record starting at row->line is malformed; err says what
 *   is wrong and how to fix it (without the line, which the caller adds), and
 *   row->bad_cell which cell. The cells read are still in *row, some perhaps
 *   cut short. The next call reads the record after it.
 * ERROR_IO: the file could not be read; err says why. The input ends there.
 */
enum error_code csv_read(struct csv_reader *r, struct csv_row *row, struct error *err);

/* True when cell must be quoted to survive a round trip through a spreadsheet. */
bool csv_needs_quotes(const char *cell);
/*
 * The record as CSV text ending in CRLF; *len (may be NULL) receives its
 * length. The caller frees the result.
 */
char *csv_format_row(const char *const *cells, size_t n, size_t *len);
/* Write one record to f. ERROR_IO with a sentence when writing fails. */
enum error_code csv_write_row(FILE *f, const char *const *cells, size_t n, struct error *err);

#endif
