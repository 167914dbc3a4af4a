/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv: a streaming RFC 4180 reader with bounded memory, and a writer. */
#include "csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"

enum { CSV_CHUNK = 64 * 1024 };

enum csv_state {
	CSV_AT_START,    /* nothing of the cell read yet */
	CSV_UNQUOTED,    /* inside a cell that did not start with a quote */
	CSV_QUOTED,      /* inside quotes */
	CSV_AFTER_QUOTE, /* just after a closing quote */
};

struct csv_reader {
	FILE *file;                 /* NULL when reading memory */
	const unsigned char *chunk; /* the bytes at hand */
	size_t len, pos;            /* chunk length and the next byte */
	unsigned char *buf;         /* a file's chunk buffer */
	bool started;               /* the byte order mark has been looked for */
	bool ended;                 /* nothing more to read */
	int read_errno;             /* the file failed to read: errno, else 0 */
	long line;                  /* physical line of the next byte */

	/* The record being read. */
	char *data; /* cell bytes, each cell NUL-terminated */
	size_t data_len, data_cap;
	size_t *starts; /* where each cell starts in data */
	size_t ncells, cells_cap;
	char **cells; /* handed out in struct csv_row */
	size_t *lens;
	size_t cell_start; /* where the current cell starts */
	bool cell_open;    /* a cell has begun and not yet ended */
	bool skip_cell;    /* drop the rest of the current cell (too long) */
	bool skip_record;  /* drop the rest of the record (too many cells or bytes) */
	bool bad;          /* the record has a problem */
	long bad_cell;
	char why[ERROR_MSG_SIZE]; /* the problem, for the caller's struct error */
};

/* Make the next byte available; false at the end of the input. */
static bool csv_fill(struct csv_reader *r)
{
	if (r->pos < r->len)
		return true;
	if (!r->file || r->ended)
		return false;
	r->len = fread(r->buf, 1, CSV_CHUNK, r->file);
	r->pos = 0;
	if (r->len == 0 && ferror(r->file))
		r->read_errno = errno ? errno : EIO;
	return r->len > 0;
}

/* Skip a UTF-8 byte order mark at the very start. */
static void csv_skip_bom(struct csv_reader *r)
{
	r->started = true;
	if (r->file) {
		/* A pipe may give fewer bytes than asked: gather at least three. */
		r->len = 0;
		while (r->len < 3) {
			size_t got = fread(r->buf + r->len, 1, CSV_CHUNK - r->len, r->file);
			if (got == 0)
				break;
			r->len += got;
		}
		r->pos = 0;
		if (r->len == 0 && ferror(r->file))
			r->read_errno = errno ? errno : EIO;
	}
	if (r->len >= 3 && memcmp(r->chunk, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
}

/* The next byte, consumed; -1 at the end. */
static inline int csv_next(struct csv_reader *r)
{
	if (r->pos < r->len || csv_fill(r))
		return r->chunk[r->pos++];
	return -1;
}

/* The next byte, not consumed; -1 at the end. */
static inline int csv_peek(struct csv_reader *r)
{
	if (r->pos < r->len || csv_fill(r))
		return r->chunk[r->pos];
	return -1;
}

/* Note the first problem of the record. */
static void csv_problem(struct csv_reader *r, long cell, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static void csv_problem(struct csv_reader *r, long cell, const char *fmt, ...)
{
	if (r->bad)
		return;
	r->bad = true;
	r->bad_cell = cell;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->why, sizeof r->why, fmt, ap);
	va_end(ap);
}

/* A reader with empty buffers, at line 1. */
static struct csv_reader *csv_new(void)
{
	struct csv_reader *r = mem_calloc(1, sizeof *r);
	r->line = 1;
	r->data_cap = 4096;
	r->data = mem_alloc(r->data_cap);
	r->cells_cap = 16;
	r->starts = mem_alloc(r->cells_cap * sizeof *r->starts);
	r->cells = mem_alloc(r->cells_cap * sizeof *r->cells);
	r->lens = mem_alloc(r->cells_cap * sizeof *r->lens);
	return r;
}

struct csv_reader *csv_open_memory(const char *bytes, size_t n)
{
	struct csv_reader *r = csv_new();
	r->chunk = (const unsigned char *)bytes;
	r->len = bytes ? n : 0;
	return r;
}

struct csv_reader *csv_open_file(FILE *f)
{
	struct csv_reader *r = csv_new();
	r->file = f;
	r->buf = mem_alloc(CSV_CHUNK);
	r->chunk = r->buf;
	return r;
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r->data);
	free(r->starts);
	free(r->cells);
	free(r->lens);
	free(r);
}

/* Append one byte to the current cell, within the limits. */
static inline void csv_put(struct csv_reader *r, int c)
{
	if (r->skip_cell || r->skip_record)
		return;
	if (r->data_len - r->cell_start >= CSV_CELL_MAX) {
		csv_problem(r, (long)r->ncells - 1,
		            "is longer than %d KiB, the most one cell may hold; shorten it",
		            CSV_CELL_MAX / 1024);
		r->skip_cell = true;
		return;
	}
	if (r->data_len >= CSV_RECORD_MAX) {
		csv_problem(r, -1,
		            "is longer than %d MiB, the most one row may hold; shorten its cells",
		            CSV_RECORD_MAX / (1024 * 1024));
		r->skip_record = true;
		return;
	}
	/* Room for the byte and the cell's NUL. */
	if (r->data_len + 2 > r->data_cap)
		mem_grow((void **)&r->data, &r->data_cap, r->data_len + 2, 1);
	r->data[r->data_len++] = (char)c;
}

/* Start a new cell. */
static void csv_begin_cell(struct csv_reader *r)
{
	r->skip_cell = false;
	if (r->skip_record)
		return;
	if (r->ncells == CSV_CELLS_MAX) {
		csv_problem(r, -1,
		            "has more than %d cells; check that it is a CSV file with one "
		            "row per record",
		            CSV_CELLS_MAX);
		r->skip_record = true;
		return;
	}
	if (r->ncells == r->cells_cap) {
		size_t cap = r->cells_cap;
		mem_grow((void **)&r->starts, &cap, r->ncells + 1, sizeof *r->starts);
		cap = r->cells_cap;
		mem_grow((void **)&r->cells, &cap, r->ncells + 1, sizeof *r->cells);
		cap = r->cells_cap;
		mem_grow((void **)&r->lens, &cap, r->ncells + 1, sizeof *r->lens);
		r->cells_cap = cap;
	}
	r->cell_start = r->data_len;
	r->starts[r->ncells++] = r->data_len;
	r->cell_open = true;
}

/* Check a finished cell: UTF-8, and no control characters but tab and line breaks. */
static void csv_check_cell(struct csv_reader *r, const char *s, size_t n, long cell)
{
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)s[i];
		uint32_t cp = b;
		size_t len = 1;
		if (b >= 0x80) {
			len = text_decode(s + i, n - i, &cp);
			if (len == 0) {
				csv_problem(r, cell,
				            "is not UTF-8 text (byte 0x%02X); save the file as "
				            "\"CSV UTF-8\" and import it again",
				            b);
				return;
			}
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0)) {
			csv_problem(r, cell,
			            "holds a control character (U+%04X), which cannot be imported; "
			            "remove it",
			            (unsigned)cp);
			return;
		}
		i += len;
	}
}

/* End the current cell: terminate it and check its text. */
static void csv_end_cell(struct csv_reader *r)
{
	if (!r->cell_open)
		return; /* too many cells: this one was never begun */
	r->cell_open = false;
	if (r->data_len + 1 > r->data_cap)
		mem_grow((void **)&r->data, &r->data_cap, r->data_len + 1, 1);
	r->data[r->data_len++] = '\0';
	size_t start = r->starts[r->ncells - 1];
	csv_check_cell(r, r->data + start, r->data_len - 1 - start, (long)r->ncells - 1);
}

/* Skip empty lines; false at the end of the input. */
static bool csv_skip_blank_lines(struct csv_reader *r)
{
	for (;;) {
		int c = csv_peek(r);
		if (c < 0)
			return false;
		if (c != '\n' && c != '\r')
			return true;
		csv_next(r);
		if (c == '\r' && csv_peek(r) == '\n')
			csv_next(r);
		r->line++;
	}
}

/* Consume a line break whose first byte c was just read. */
static void csv_line_break(struct csv_reader *r, int c)
{
	if (c == '\r' && csv_peek(r) == '\n')
		csv_next(r);
	if (c >= 0)
		r->line++;
}

/* Read the bytes of one record into the reader's buffers. */
static void csv_scan_record(struct csv_reader *r)
{
	enum csv_state state = CSV_AT_START;
	long quote_line = r->line;
	csv_begin_cell(r);
	for (;;) {
		int c = csv_next(r);
		if (state == CSV_AT_START) {
			if (c == '"') {
				state = CSV_QUOTED;
				quote_line = r->line;
				continue;
			}
			state = CSV_UNQUOTED;
		}
		if (state == CSV_QUOTED) {
			if (c < 0) {
				csv_problem(
				        r, (long)r->ncells - 1,
				        "has a quote (\") on line %ld that is never closed; add "
				        "the closing quote, or double each quote inside the cell",
				        quote_line);
				csv_end_cell(r);
				r->ended = true;
				return;
			}
			if (c == '"') {
				if (csv_peek(r) == '"')
					csv_put(r, csv_next(r));
				else
					state = CSV_AFTER_QUOTE;
				continue;
			}
			if (c == '\n' || (c == '\r' && csv_peek(r) != '\n'))
				r->line++;
			csv_put(r, c);
			continue;
		}
		/* Unquoted, or after a closing quote: a comma or line break ends the cell. */
		if (c == ',') {
			csv_end_cell(r);
			csv_begin_cell(r);
			state = CSV_AT_START;
			continue;
		}
		if (c < 0 || c == '\n' || c == '\r') {
			csv_line_break(r, c);
			csv_end_cell(r);
			return;
		}
		if (state == CSV_AFTER_QUOTE) {
			csv_problem(
			        r, (long)r->ncells - 1,
			        "has text after its closing quote; put the whole cell in quotes "
			        "and double each quote inside it");
			state = CSV_UNQUOTED;
		}
		csv_put(r, c);
	}
}

enum error_code csv_read(struct csv_reader *r, struct csv_row *row, struct error *err)
{
	memset(row, 0, sizeof *row);
	row->bad_cell = -1;
	if (!r->started)
		csv_skip_bom(r);
	r->data_len = 0;
	r->ncells = 0;
	r->skip_cell = r->skip_record = r->bad = r->cell_open = false;
	r->bad_cell = -1;
	if (r->ended || !csv_skip_blank_lines(r)) {
		row->line = r->line;
		r->ended = true;
		if (r->read_errno)
			return error_set(err, ERROR_IO, "It cannot be read: %s",
			                 strerror(r->read_errno));
		return ERROR_NONE;
	}
	row->line = r->line;
	csv_scan_record(r);
	for (size_t i = 0; i < r->ncells; i++) {
		r->cells[i] = r->data + r->starts[i];
		r->lens[i] = strlen(r->cells[i]);
	}
	row->cells = r->cells;
	row->lens = r->lens;
	row->count = r->ncells;
	if (r->read_errno) {
		r->ended = true;
		return error_set(err, ERROR_IO, "It cannot be read: %s", strerror(r->read_errno));
	}
	if (r->bad) {
		row->bad_cell = r->bad_cell;
		return error_set(err, ERROR_INVALID, "%s", r->why);
	}
	return ERROR_NONE;
}

bool csv_needs_quotes(const char *cell)
{
	size_t n = strlen(cell);
	if (n > 0 &&
	    (cell[0] == ' ' || cell[0] == '\t' || cell[n - 1] == ' ' || cell[n - 1] == '\t'))
		return true;
	return strpbrk(cell, ",\"\r\n") != NULL;
}

char *csv_format_row(const char *const *cells, size_t n, size_t *len)
{
	size_t cap = 64, o = 0;
	for (size_t i = 0; i < n; i++)
		cap += strlen(cells[i] ? cells[i] : "") * 2 + 3;
	char *out = mem_alloc(cap);
	for (size_t i = 0; i < n; i++) {
		const char *c = cells[i] ? cells[i] : "";
		if (i > 0)
			out[o++] = ',';
		/* A record of one empty cell would be an empty line, which readers skip. */
		if (csv_needs_quotes(c) || (n == 1 && !*c)) {
			out[o++] = '"';
			for (; *c; c++) {
				if (*c == '"')
					out[o++] = '"';
				out[o++] = *c;
			}
			out[o++] = '"';
		} else {
			size_t l = strlen(c);
			memcpy(out + o, c, l);
			o += l;
		}
	}
	out[o++] = '\r';
	out[o++] = '\n';
	out[o] = '\0';
	if (len)
		*len = o;
	return out;
}

enum error_code csv_write_row(FILE *f, const char *const *cells, size_t n, struct error *err)
{
	size_t len;
	char *text = csv_format_row(cells, n, &len);
	size_t wrote = fwrite(text, 1, len, f);
	free(text);
	if (wrote != len)
		return error_set(err, ERROR_IO, "Writing failed: %s", strerror(errno));
	return ERROR_NONE;
}
