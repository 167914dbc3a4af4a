/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * json: writing JSON documents that are always valid and always safe.
 *
 * The writer builds the document in memory, indented two spaces per level,
 * and places commas itself: call json_key before each value inside an object.
 * Strings are written as valid UTF-8 whatever they held: bytes that are not
 * UTF-8 become U+FFFD, and every control character (C0, DEL, C1, the bidi
 * embedding controls; see text_is_control) is escaped (\n, \t, \r, or \u00XX),
 * so the output never carries a raw control byte to a terminal or parser.
 */
#ifndef INVOLVE_JSON_H
#define INVOLVE_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

enum { JSON_MAX_DEPTH = 32 };

struct json {
	struct buf out;
	int depth;                    /* open objects and arrays */
	bool started[JSON_MAX_DEPTH]; /* the container at each depth has a member */
	bool after_key;               /* a key was written; its value comes next */
};

void json_init(struct json *j);
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
/* The key of the next member of the current object. */
void json_key(struct json *j, const char *key);
/* A string value; NULL writes null. */
void json_string(struct json *j, const char *s);
void json_int(struct json *j, int64_t v);
/* true, false, or null when v < 0 (a yes/no not known). */
void json_bool(struct json *j, int v);
void json_null(struct json *j);
/* The document with a final newline, owned by the caller; j is left empty. */
char *json_finish(struct json *j);
/* Append s to b as a quoted, escaped JSON string (NULL gives null). */
void json_quote(struct buf *b, const char *s);

#endif
