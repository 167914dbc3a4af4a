/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * CSV: the reader follows RFC 4180 and what spreadsheets really write (BOM,
 * CRLF, LF, lone CR, quoted line breaks), says where each record starts, and
 * turns hostile input into a sentence; the writer quotes only when needed and
 * what it writes reads back the same.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "mem.h"

/* Read every record of text and describe them as "LINE:[a|b|c]" joined by spaces. */
static char *read_all(const char *text, size_t n)
{
	struct csv_reader *r = csv_open_memory(text, n);
	char *out = mem_strdup("");
	struct csv_row row;
	struct error err;
	for (;;) {
		enum error_code code = csv_read(r, &row, &err);
		assert_int_equal(code, ERROR_NONE);
		if (row.count == 0)
			break;
		char *cells = mem_strdup("");
		for (size_t i = 0; i < row.count; i++) {
			char *next = mem_printf("%s%s%s", cells, i ? "|" : "", row.cells[i]);
			free(cells);
			cells = next;
		}
		char *next = mem_printf("%s%s%ld:[%s]", out, *out ? " " : "", row.line, cells);
		free(cells);
		free(out);
		out = next;
	}
	csv_close(r);
	return out;
}

static void check(const char *text, const char *expected)
{
	char *got = read_all(text, strlen(text));
	assert_string_equal(got, expected);
	free(got);
}

static void test_plain_rows(void **state)
{
	(void)state;
	check("a,b,c\n1,2,3\n", "1:[a|b|c] 2:[1|2|3]");
	check("a,b,c\n1,2,3", "1:[a|b|c] 2:[1|2|3]");
	check("a,,c\n,,\n", "1:[a||c] 2:[||]");
	check("", "");
}

static void test_quoted_cells(void **state)
{
	(void)state;
	/* Commas, doubled quotes and line breaks inside quotes; the line numbers are physical. */
	check("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row\n",
	      "1:[a,b|say \"hi\"|two\nlines] 3:[next|row]");
	check("\"\",x\n", "1:[|x]");
	check("\"\"\"\"\n", "1:[\"]");
	/* A quote inside an unquoted cell is taken as it is: 5'10". */
	check("5'10\",x\n", "1:[5'10\"|x]");
	/* Spaces are part of the cell. */
	check(" a , b \n", "1:[ a | b ]");
	/* A quoted CRLF is kept as it is and counts as one line. */
	check("\"one\r\ntwo\"\r\nthree\r\n", "1:[one\r\ntwo] 3:[three]");
}

static void test_line_endings(void **state)
{
	(void)state;
	check("a,b\r\nc,d\r\n", "1:[a|b] 2:[c|d]");
	check("a,b\rc,d\r", "1:[a|b] 2:[c|d]");
	check("a\r\nb\nc\rd", "1:[a] 2:[b] 3:[c] 4:[d]");
	/* Empty lines are skipped but still counted. */
	check("a\n\n\r\n\nb\n\n", "1:[a] 5:[b]");
}

static void test_byte_order_mark(void **state)
{
	(void)state;
	check("\xEF\xBB\xBFname,roles\r\nAnn,carer\r\n", "1:[name|roles] 2:[Ann|carer]");
	/* Only at the very start: later it is an ordinary (invisible) character. */
	check("a\n\xEF\xBB\xBF"
	      "b\n",
	      "1:[a] 2:[\xEF\xBB\xBF"
	      "b]");
	check("\xEF\xBB\xBF", "");
	check("\xEF\xBB\xBF\"q\"\n", "1:[q]");
}

/* Read one bad record of text: its code, message, line and cell, then the record after it. */
static void check_bad(const char *text, size_t n, long line, long cell, const char *msg_part,
                      const char *after)
{
	struct csv_reader *r = csv_open_memory(text, n);
	struct csv_row row;
	struct error err;
	enum error_code code;
	do {
		code = csv_read(r, &row, &err);
		assert_true(row.count > 0 || code != ERROR_NONE);
	} while (code == ERROR_NONE);
	assert_int_equal(code, ERROR_INVALID);
	assert_int_equal(row.line, line);
	assert_int_equal(row.bad_cell, cell);
	if (!strstr(err.msg, msg_part))
		fail_msg("message \"%s\" does not say \"%s\"", err.msg, msg_part);
	assert_int_equal(csv_read(r, &row, &err), ERROR_NONE);
	if (after) {
		assert_true(row.count > 0);
		assert_string_equal(row.cells[0], after);
	} else {
		assert_int_equal(row.count, 0);
	}
	csv_close(r);
}

static void test_unterminated_quote(void **state)
{
	(void)state;
	const char *t = "a,b\nok,\"never closed\nmore,text\n";
	check_bad(t, strlen(t), 2, 1, "on line 2 that is never closed", NULL);
}

static void test_text_after_quote(void **state)
{
	(void)state;
	const char *t = "\"a\"b,c\nnext\n";
	check_bad(t, strlen(t), 1, 0, "text after its closing quote", "next");
}

static void test_not_utf8(void **state)
{
	(void)state;
	/* Latin-1 "café", as a spreadsheet saving in Windows text would write it. */
	const char *t = "x,caf\xE9\nnext\n";
	check_bad(t, strlen(t), 1, 1, "is not UTF-8 text (byte 0xE9)", "next");
	const char *overlong = "\xC0\xAF\nnext\n";
	check_bad(overlong, strlen(overlong), 1, 0, "not UTF-8", "next");
	const char *cut = "ok,\xE2\x82";
	check_bad(cut, strlen(cut), 1, 1, "not UTF-8", NULL);
}

static void test_control_characters(void **state)
{
	(void)state;
	const char *esc = "a,\x1B[31mred\nnext\n";
	check_bad(esc, strlen(esc), 1, 1, "control character (U+001B)", "next");
	const char nul[] = "a\0b,c\nnext\n";
	check_bad(nul, sizeof nul - 1, 1, 0, "control character (U+0000)", "next");
	const char *c1 = "\"\xC2\x9B"
	                 "x\"\nnext\n";
	check_bad(c1, strlen(c1), 1, 0, "U+009B", "next");
	/* Tabs and line breaks are ordinary text. */
	check("\"a\tb\r\nc\"\n", "1:[a\tb\r\nc]");
}

static void test_huge_cell(void **state)
{
	(void)state;
	/* A 1 MB cell, quoted and not: refused with a sentence, kept within bounds, then on. */
	size_t big = 1024 * 1024;
	for (int quoted = 0; quoted < 2; quoted++) {
		char *t = mem_alloc(big + 32);
		size_t o = 0;
		t[o++] = 'a';
		t[o++] = ',';
		if (quoted)
			t[o++] = '"';
		memset(t + o, 'x', big);
		o += big;
		if (quoted)
			t[o++] = '"';
		memcpy(t + o, "\nnext\n", 6);
		o += 6;
		struct csv_reader *r = csv_open_memory(t, o);
		struct csv_row row;
		struct error err;
		assert_int_equal(csv_read(r, &row, &err), ERROR_INVALID);
		assert_int_equal(row.bad_cell, 1);
		assert_non_null(strstr(err.msg, "longer than 256 KiB"));
		assert_true(row.lens[1] <= CSV_CELL_MAX);
		assert_int_equal(csv_read(r, &row, &err), ERROR_NONE);
		assert_string_equal(row.cells[0], "next");
		assert_int_equal(row.line, 2);
		csv_close(r);
		free(t);
	}
}

static void test_too_many_cells(void **state)
{
	(void)state;
	size_t n = CSV_CELLS_MAX + 10;
	char *t = mem_alloc(n + 8);
	memset(t, ',', n);
	memcpy(t + n, "\nnext\n", 6);
	check_bad(t, n + 6, 1, -1, "more than 1024 cells", "next");
	free(t);
}

/* A file read in chunks gives the same records as memory, across chunk boundaries. */
static void test_file_chunks(void **state)
{
	(void)state;
	size_t cell = 100 * 1024;
	char *t = mem_alloc(cell * 2 + 64);
	size_t o = 0;
	memcpy(t + o, "\xEF\xBB\xBF\"", 4);
	o += 4;
	for (size_t i = 0; i < cell; i++) {
		/* quotes, commas and CRLFs scattered over the 64 KiB boundary */
		char c = i % 997 == 0 ? '"' : i % 991 == 0 ? ',' : 'y';
		if (c == '"')
			t[o++] = '"';
		t[o++] = c;
	}
	memcpy(t + o, "\",z\r\nlast,row\r\n", 15);
	o += 15;
	char *dir = support_tempdir();
	char *path = support_path(dir, "chunks.csv");
	support_write_file(path, t, o);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct csv_reader *fr = csv_open_file(f);
	struct csv_reader *mr = csv_open_memory(t, o);
	for (;;) {
		struct csv_row a, b;
		struct error err;
		assert_int_equal(csv_read(fr, &a, &err), ERROR_NONE);
		assert_int_equal(csv_read(mr, &b, &err), ERROR_NONE);
		assert_int_equal(a.count, b.count);
		assert_int_equal(a.line, b.line);
		if (a.count == 0)
			break;
		for (size_t i = 0; i < a.count; i++) {
			assert_int_equal(a.lens[i], b.lens[i]);
			assert_memory_equal(a.cells[i], b.cells[i], a.lens[i]);
		}
	}
	csv_close(fr);
	csv_close(mr);
	fclose(f);
	free(t);
	free(path);
	support_rmdir(dir);
}

static void test_writer_quotes_only_when_needed(void **state)
{
	(void)state;
	const char *cells[] = { "plain",   "a,b", "say \"hi\"",  "two\nlines",
		                " padded", "",    "Pawe\xC5\x82" };
	char *row = csv_format_row(cells, 7, NULL);
	assert_string_equal(row, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",,"
	                         "Pawe\xC5\x82\r\n");
	free(row);
	/* One empty cell is written "" so the record is not an empty line. */
	const char *empty[] = { "" };
	row = csv_format_row(empty, 1, NULL);
	assert_string_equal(row, "\"\"\r\n");
	free(row);
	assert_false(csv_needs_quotes("Ann B."));
	assert_true(csv_needs_quotes("trailing "));
	assert_true(csv_needs_quotes("cr\r"));
}

static void test_write_then_read(void **state)
{
	(void)state;
	const char *cells[] = {
		"", "\"", ",", "\r\n", "\n\n", " x ", "\xE4\xB8\xAD\xE6\x96\x87", "a\"\"b", "end"
	};
	size_t n = sizeof cells / sizeof *cells;
	size_t len;
	char *text = csv_format_row(cells, n, &len);
	struct csv_reader *r = csv_open_memory(text, len);
	struct csv_row row;
	struct error err;
	assert_int_equal(csv_read(r, &row, &err), ERROR_NONE);
	assert_int_equal(row.count, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(row.cells[i], cells[i]);
	assert_int_equal(csv_read(r, &row, &err), ERROR_NONE);
	assert_int_equal(row.count, 0);
	csv_close(r);
	free(text);

	const char *one[] = { "" };
	text = csv_format_row(one, 1, &len);
	r = csv_open_memory(text, len);
	assert_int_equal(csv_read(r, &row, &err), ERROR_NONE);
	assert_int_equal(row.count, 1);
	assert_string_equal(row.cells[0], "");
	csv_close(r);
	free(text);
}

static void test_write_failure(void **state)
{
	(void)state;
	FILE *f = fopen("/dev/full", "w");
	if (!f)
		skip();
	setvbuf(f, NULL, _IONBF, 0);
	const char *cells[] = { "a", "b" };
	struct error err;
	assert_int_equal(csv_write_row(f, cells, 2, &err), ERROR_IO);
	assert_non_null(strstr(err.msg, "Writing failed"));
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_rows),
		cmocka_unit_test(test_quoted_cells),
		cmocka_unit_test(test_line_endings),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_text_after_quote),
		cmocka_unit_test(test_not_utf8),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_huge_cell),
		cmocka_unit_test(test_too_many_cells),
		cmocka_unit_test(test_file_chunks),
		cmocka_unit_test(test_writer_quotes_only_when_needed),
		cmocka_unit_test(test_write_then_read),
		cmocka_unit_test(test_write_failure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
