/* SPDX-License-Identifier: GPL-3.0-or-later */
/* person: the field table and queries of person records. */
#include "person.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"
#include "vocab.h"

static const struct field person_fields[] = {
	FIELD_DEF(person, name, "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_PERSONAL,
	          "The name the facilitator knows them by, for example Ann B."),
	FIELD_CHOICES(person, roles, "roles", FIELD_FLAGS, vocab_roles, 0,
	              "Service user, carer, future user, non-user, commissioner, facilitator, "
	              "provider or other; several may apply."),
	FIELD_CHOICES(person, preferred_format, "preferred format", FIELD_CHOICE, vocab_formats, 0,
	              "How they want papers and feedback: standard print, easy read, large print, "
	              "braille, audio, British Sign Language or translated."),
	FIELD_DEF(person, language, "language", FIELD_TEXT, FIELD_PERSONAL,
	          "The language for translated papers."),
	FIELD_DEF(person, contact, "contact", FIELD_TEXT, FIELD_PERSONAL,
	          "Phone, email or address, as they prefer."),
	FIELD_DEF(person, support_needs, "support needs", FIELD_TEXT, FIELD_PERSONAL,
	          "What they need to take part, for example a hearing loop, step-free access, a "
	          "support worker."),
	FIELD_DEF(
	        person, benefits_concern, "benefits concern", FIELD_BOOL, FIELD_PHRASE,
	        "Yes if payments could affect their benefits, so they are checked before paying."),
	FIELD_DEF(person, consent_on, "consent date", FIELD_DATE, 0,
	          "When they agreed to their details being kept."),
	FIELD_DEF(person, consent_scope, "consent scope", FIELD_TEXT, FIELD_PERSONAL,
	          "What they agreed to, for example contact about this project only."),
	FIELD_DEF(person, first_involved_on, "first involved", FIELD_DATE, FIELD_PHRASE,
	          "When they first took part."),
	FIELD_DEF(person, tags, "tags", FIELD_TEXT, FIELD_PERSONAL,
	          "Seldom-heard groups they belong to, separated by ;, kept only with their "
	          "consent."),
	FIELD_DEF(person, notes, "notes", FIELD_TEXT, FIELD_MULTILINE | FIELD_PERSONAL,
	          "Anything else worth keeping."),
	FIELD_DEF(person, anonymised, "anonymised", FIELD_BOOL,
	          FIELD_REQUIRED | FIELD_INTERNAL | FIELD_PHRASE,
	          "Yes once the person has been forgotten."),
};

static void person_defaults(void *rec)
{
	struct person *p = rec;
	p->anonymised = 0;
}

const struct record_kind person_kind = {
	.table = "person",
	.noun = "person",
	.plural = "people",
	.size = sizeof(struct person),
	.fields = person_fields,
	.nfields = sizeof person_fields / sizeof *person_fields,
	.name_field = "name",
	.order = "name",
	.order_desc = false,
	.defaults = person_defaults,
};

int64_t person_find(struct store *s, const char *name)
{
	return record_lookup(
	        s,
	        "SELECT id FROM person WHERE name = ? COLLATE NOCASE ORDER BY created_at LIMIT 1",
	        "t", name);
}

bool person_has_role(const struct person *p, int role)
{
	return role >= 0 && role < ROLE_COUNT && (p->roles & (1u << role));
}

/* text as a LIKE pattern with \\ escaping % and _, with % before it when anywhere, and after. */
static char *person_pattern(const char *text, bool anywhere)
{
	size_t n = strlen(text), o = 0;
	char *p = mem_alloc(n * 2 + 3);
	if (anywhere)
		p[o++] = '%';
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '%' || text[i] == '_' || text[i] == '\\')
			p[o++] = '\\';
		p[o++] = text[i];
	}
	p[o++] = '%';
	p[o] = '\0';
	return p;
}

/* Run one search statement (patterns bound), passing each row to fn; *given counts them. */
static enum error_code person_search_run(struct store *s, const char *sql, const char *start,
                                         const char *anywhere, int limit, person_found_fn fn,
                                         void *ctx, int *given, bool *stopped, struct error *err)
{
	sqlite3_stmt *st = store_prepare_fresh(s, sql, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, start, -1, SQLITE_STATIC);
	if (anywhere)
		sqlite3_bind_text(st, 2, anywhere, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, anywhere ? 3 : 2, limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		(*given)++;
		if (!fn(sqlite3_column_int64(st, 0), name ? name : "", ctx)) {
			*stopped = true;
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "looking for people", err);
}

/* A person found by the scan: among the nearest limit so far. */
struct person_near {
	int64_t id;
	int far;      /* 0: the name starts with the text; 1: it holds it further on */
	char *folded; /* the name folded, to order by */
	char *name;
};

/* Does a come before b: starting first, then by name, then by id? */
static bool person_before(const struct person_near *a, const struct person_near *b)
{
	if (a->far != b->far)
		return a->far < b->far;
	int c = strcmp(a->folded, b->folded);
	return c ? c < 0 : a->id < b->id;
}

/*
 * For text beyond ASCII, whose capitals SQLite does not match: one pass in
 * the table's own order (no lookups by index), comparing folded copies and
 * keeping only the nearest limit, in order, as they are met.
 */
static enum error_code person_search_folded(struct store *s, const char *text, int limit,
                                            person_found_fn fn, void *ctx, struct error *err)
{
	static const char sql[] = "SELECT id, name FROM person WHERE anonymised = 0";
	sqlite3_stmt *st = store_prepare_fresh(s, sql, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	char *want = text_fold(text);
	struct person_near *near = mem_calloc((size_t)limit, sizeof *near);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		char *folded = text_fold(name);
		char *at = strstr(folded, want);
		struct person_near one = { sqlite3_column_int64(st, 0), at != folded, folded,
			                   NULL };
		if (!at || (n == limit && !person_before(&one, &near[n - 1]))) {
			free(folded);
			continue;
		}
		if (n == limit) {
			n--;
			free(near[n].folded);
			free(near[n].name);
		}
		int i = n++;
		for (; i > 0 && person_before(&one, &near[i - 1]); i--)
			near[i] = near[i - 1];
		one.name = mem_strdup(name);
		near[i] = one;
	}
	bool going = true;
	for (int i = 0; i < n; i++) {
		if (going && rc == SQLITE_DONE)
			going = fn(near[i].id, near[i].name, ctx);
		free(near[i].folded);
		free(near[i].name);
	}
	free(near);
	free(want);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "looking for people", err);
}

enum error_code person_search(struct store *s, const char *text, int limit, person_found_fn fn,
                              void *ctx, struct error *err)
{
	if (!text || !*text || limit <= 0)
		return ERROR_NONE;
	for (const char *p = text; *p; p++)
		if ((unsigned char)*p >= 0x80)
			return person_search_folded(s, text, limit, fn, ctx, err);
	/* A LIKE with a fixed start is read from the NOCASE name index, in its order. */
	static const char starting[] =
	        "SELECT id, name FROM person WHERE name LIKE ?1 ESCAPE '\\' AND anonymised = 0"
	        " ORDER BY name COLLATE NOCASE, id LIMIT ?2";
	static const char within[] = "SELECT id, name FROM person WHERE name LIKE ?2 ESCAPE '\\'"
	                             " AND NOT name LIKE ?1 ESCAPE '\\' AND anonymised = 0"
	                             " ORDER BY name COLLATE NOCASE, id LIMIT ?3";
	char *start = person_pattern(text, false), *anywhere = person_pattern(text, true);
	int given = 0;
	bool stopped = false;
	enum error_code code =
	        person_search_run(s, starting, start, NULL, limit, fn, ctx, &given, &stopped, err);
	if (code == ERROR_NONE && !stopped && given < limit)
		code = person_search_run(s, within, start, anywhere, limit - given, fn, ctx, &given,
		                         &stopped, err);
	free(start);
	free(anywhere);
	return code;
}
