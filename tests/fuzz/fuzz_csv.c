/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Fuzz the CSV reader: any bytes give records or refusals with a sentence,
 * never a crash; every cell handed on is clean text within its limits, lines
 * only go forward, and a malformed record names a cell it has (or the record).
 */
#include <stdbool.h>
#include <string.h>

#include "csv.h"
#include "fuzz.h"
#include "text.h"

/* UTF-8 with no control character but tab and line breaks, as the reader promises. */
static bool csv_cell_ok(const char *cell, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(cell + i, n - i, &cp);
		if (!len || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F)
			return false;
		i += len;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader *r = csv_open_memory((const char *)data, size);
	struct csv_row row;
	long line = 0;
	for (size_t records = 0; records <= size + 1; records++) {
		struct error err = { 0 };
		enum error_code code = csv_read(r, &row, &err);
		if (code == ERROR_NONE && row.count == 0)
			break;
		FUZZ_CHECK(code == ERROR_NONE || code == ERROR_INVALID);
		FUZZ_CHECK(row.line >= line && row.line >= 1);
		line = row.line;
		FUZZ_CHECK(row.count <= CSV_CELLS_MAX);
		if (code == ERROR_INVALID) {
			FUZZ_CHECK(err.msg[0]);
			FUZZ_CHECK(row.bad_cell >= -1 && row.bad_cell < (long)CSV_CELLS_MAX);
			continue;
		}
		size_t total = 0;
		for (size_t i = 0; i < row.count; i++) {
			FUZZ_CHECK(strlen(row.cells[i]) == row.lens[i]);
			FUZZ_CHECK(row.lens[i] <= CSV_CELL_MAX);
			FUZZ_CHECK(csv_cell_ok(row.cells[i], row.lens[i]));
			total += row.lens[i];
		}
		FUZZ_CHECK(total <= CSV_RECORD_MAX);
		/* A record read never comes back: the reader ends within size + 1 reads. */
		FUZZ_CHECK(records < size + 1);
	}
	csv_close(r);
	return 0;
}
