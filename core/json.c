/* SPDX-License-Identifier: GPL-3.0-or-later */
/* json: an indenting JSON writer with safe string escaping. */
#include "json.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

void json_init(struct json *j)
{
	memset(j, 0, sizeof *j);
	buf_init(&j->out);
}

/* A newline and the indentation of the current depth. */
static void json_newline(struct json *j)
{
	buf_addc(&j->out, '\n');
	for (int i = 0; i < j->depth; i++)
		buf_add(&j->out, "  ");
}

/* Separate a value from what came before it, unless it follows its key. */
static void json_value_start(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth == 0)
		return;
	if (j->started[j->depth - 1])
		buf_addc(&j->out, ',');
	j->started[j->depth - 1] = true;
	json_newline(j);
}

/* Open an object or array. */
static void json_open(struct json *j, char c)
{
	json_value_start(j);
	buf_addc(&j->out, c);
	if (j->depth >= JSON_MAX_DEPTH)
		abort(); /* nesting deeper than any document involve writes: a programming error */
	j->started[j->depth++] = false;
}

/* Close the innermost object or array. */
static void json_close(struct json *j, char c)
{
	bool had_members = j->started[--j->depth];
	if (had_members)
		json_newline(j);
	buf_addc(&j->out, c);
}

void json_object_begin(struct json *j)
{
	json_open(j, '{');
}

void json_object_end(struct json *j)
{
	json_close(j, '}');
}

void json_array_begin(struct json *j)
{
	json_open(j, '[');
}

void json_array_end(struct json *j)
{
	json_close(j, ']');
}

void json_key(struct json *j, const char *key)
{
	json_value_start(j);
	json_quote(&j->out, key);
	buf_add(&j->out, ": ");
	j->after_key = true;
}

void json_quote(struct buf *b, const char *s)
{
	if (!s) {
		buf_add(b, "null");
		return;
	}
	size_t n = strlen(s);
	buf_addc(b, '"');
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len = text_decode(s + i, n - i, &c);
		if (len == 0) {
			buf_add(b, "\\ufffd");
			i++;
			continue;
		}
		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c == '\n') {
			buf_add(b, "\\n");
		} else if (c == '\t') {
			buf_add(b, "\\t");
		} else if (c == '\r') {
			buf_add(b, "\\r");
		} else if (text_is_control(c)) {
			buf_printf(b, "\\u%04" PRIx32, c);
		} else {
			buf_addn(b, s + i, len);
		}
		i += len;
	}
	buf_addc(b, '"');
}

void json_string(struct json *j, const char *s)
{
	json_value_start(j);
	json_quote(&j->out, s);
}

void json_int(struct json *j, int64_t v)
{
	json_value_start(j);
	buf_printf(&j->out, "%" PRId64, v);
}

void json_bool(struct json *j, int v)
{
	json_value_start(j);
	buf_add(&j->out, v < 0 ? "null" : v ? "true" : "false");
}

void json_null(struct json *j)
{
	json_value_start(j);
	buf_add(&j->out, "null");
}

char *json_finish(struct json *j)
{
	buf_addc(&j->out, '\n');
	return buf_take(&j->out);
}
