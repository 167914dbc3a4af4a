/* SPDX-License-Identifier: GPL-3.0-or-later */
/* draft: keeping unsaved field text in the draft table. */
#include "draft.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

char *draft_key(const char *screen, int64_t id, const char *field)
{
	return mem_printf("%s/%" PRId64 "/%s", screen, id, field);
}

bool draft_key_parse(const char *key, char **screen, int64_t *id, char **field)
{
	const char *a = strchr(key, '/');
	const char *b = a ? strchr(a + 1, '/') : NULL;
	if (!a || !b || a == key || b == a + 1 || !b[1])
		return false;
	char *end;
	char *digits = mem_strndup(a + 1, (size_t)(b - a - 1));
	long long n = strtoll(digits, &end, 10);
	bool ok = *end == '\0';
	free(digits);
	if (!ok)
		return false;
	*id = (int64_t)n;
	*screen = mem_strndup(key, (size_t)(a - key));
	*field = mem_strdup(b + 1);
	return true;
}

enum error_code draft_save(struct store *s, const char *key, const char *value, struct error *err)
{
	sqlite3_stmt *st =
	        store_prepare(s,
	                      "INSERT INTO draft (key, value, updated_at) VALUES (?, ?, ?) "
	                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
	                      "updated_at = excluded.updated_at",
	                      err);
	if (!st)
		return err ? err->code : ERROR_IO;
	char now[STORE_TIME_SIZE];
	store_now(now);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value ? value : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "keeping what you typed", err);
}

char *draft_get(struct store *s, const char *key)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT value FROM draft WHERE key = ?", NULL);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	char *value = NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		value = mem_strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return value;
}

enum error_code draft_drop(struct store *s, const char *key, struct error *err)
{
	sqlite3_stmt *st = store_prepare(s, "DELETE FROM draft WHERE key = ?", err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "dropping a draft", err);
}

bool draft_latest(struct store *s, char **key, char **value)
{
	sqlite3_stmt *st = store_prepare(
	        s, "SELECT key, value FROM draft ORDER BY updated_at DESC, key LIMIT 1", NULL);
	if (!st)
		return false;
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		*key = mem_strdup((const char *)sqlite3_column_text(st, 0));
		*value = mem_strdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return found;
}
