/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * doc: writing one document as plain text, Markdown or HTML, as a stream.
 *
 * The report and the letters say what they say once, as headings,
 * paragraphs, lists, tables and bar charts; this module writes them in the
 * format asked for, straight to a FILE, so a document of any length never
 * has to be held in memory.
 *
 *  - Text is for terminals, screen readers and braille lines: a heading is a
 *    line of its own, a table row reads alone as "Label: value" lines (or,
 *    for a table of short figures, one line: "Needs assessment: activities
 *    12; people 80"), no control characters, no drawing characters. Charts
 *    are left out: their figures are always in a table too.
 *  - Markdown: # headings, pipe tables with a "Table:" caption, escaped text.
 *  - HTML: one self-contained, accessible file: lang, title, headings in
 *    order, tables with <caption> and <th scope>, charts as inline SVG with
 *    role="img", a <title> and a <desc> giving every figure; an inline style
 *    sheet with good contrast that also prints well; no scripts and nothing
 *    fetched from anywhere. The look chooses the style sheet: a report, a
 *    letter, large print, or easy read (large type, short lines, generous
 *    spacing).
 *
 * Every text given is cleaned (text_clean: no control characters, line
 * breaks become spaces) and escaped for the format. Write failures are not
 * reported call by call: doc_end says whether everything was written.
 */
#ifndef INVOLVE_DOC_H
#define INVOLVE_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "error.h"

enum doc_format { DOC_TEXT, DOC_MARKDOWN, DOC_HTML, DOC_FORMAT_COUNT };

/* The key of a format ("text", "md", "html") and the format a key names (-1: none). */
const char *doc_format_key(enum doc_format f);
int doc_format_find(const char *key);
/* The file name ending for a format: "txt", "md", "html". */
const char *doc_format_extension(enum doc_format f);

enum doc_look {
	DOC_LOOK_REPORT,      /* a report for a board: tables and charts */
	DOC_LOOK_LETTER,      /* a letter in standard print */
	DOC_LOOK_LARGE_PRINT, /* 18 point type, wide spacing */
	DOC_LOOK_EASY_READ,   /* large type, one short idea per line, lots of space */
};

enum {
	DOC_NUMBER = 1 << 0, /* a column of figures: right-aligned in HTML */
	DOC_LONG = 1 << 1,   /* a column of sentences: text writes each row as Label: value lines */
};

struct doc_column {
	const char *header; /* "People taking part"; the first column heads the rows */
	unsigned flags;     /* DOC_NUMBER, DOC_LONG */
};

/* A document being written. */
struct doc {
	FILE *out;
	enum doc_format format;
	enum doc_look look;
	const struct doc_column *columns; /* the open table's, borrowed until doc_table_end */
	size_t ncolumns;
	bool long_rows; /* the open table has a DOC_LONG column */
	long rows;      /* rows written in the open table */
	int charts;     /* charts written, for their ids */
	bool in_list;
};

/* Start a document with its title (the HTML <title>; not written as a heading). */
void doc_begin(struct doc *d, FILE *out, enum doc_format format, enum doc_look look,
               const char *title);
/* A heading: level 1 for the document's, 2 for a part, 3 within a part. */
void doc_heading(struct doc *d, int level, const char *text);
void doc_para(struct doc *d, const char *text);
/* A paragraph that must not be missed: a notice at the top of a letter. */
void doc_notice(struct doc *d, const char *text);
/* One item of a bulleted list (consecutive items make one list). */
void doc_item(struct doc *d, const char *text);
/* One item of a list, "label: text", the label in bold where the format has bold. */
void doc_item_labelled(struct doc *d, const char *label, const char *text);
/* End the list being written, so the next items start another. */
void doc_list_end(struct doc *d);

/* A table: its caption, its columns (borrowed until doc_table_end). */
void doc_table_begin(struct doc *d, const char *caption, const struct doc_column *columns,
                     size_t n);
/* One row: a cell per column; NULL cells are empty. */
void doc_table_row(struct doc *d, const char *const *cells);
/* End the table; when it had no rows, empty (may be NULL) is said instead. */
void doc_table_end(struct doc *d, const char *empty);

/* A horizontal bar chart of n figures (HTML only; other formats rely on the table). */
void doc_chart(struct doc *d, const char *title, const char *const *labels, const long *values,
               size_t n);

enum { DOC_DATE_SIZE = 24 };
/* "26 January 2026" from "2026-01-26"; text that is not a date is copied as it is. */
void doc_date(const char *iso, char out[DOC_DATE_SIZE]);

/* Close the document. ERROR_IO (err: "Writing ... failed") when any write failed. */
enum error_code doc_end(struct doc *d, struct error *err);

#endif
