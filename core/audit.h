/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * audit: the change log, read back in words.
 *
 * The audit table is filled by triggers (see schema.c) that record which row
 * of which table was added, changed or deleted, and which columns changed —
 * never the values. Code may add a 'note' row with audit_note for something
 * the triggers cannot see (a person forgotten); its detail is a fixed phrase
 * chosen by the program and MUST NOT hold a value a person typed or imported
 * (a name, a contact, a note): the audit table is kept after a person is
 * forgotten, so whatever it holds is never erased. Import follows the same
 * rule. Sync's conflict notes are the one exception: they keep the losing
 * values (core/sync.h), and privacy erases those about a person when the
 * person is forgotten (privacy_erase_traces).
 *
 * Records are named as people know them now, through the registry: a
 * meeting by its title and date, a person by their current name (a forgotten
 * person reads "a participant"), and a record that no longer exists by its
 * kind and number with "(since deleted)".
 */
#ifndef INVOLVE_AUDIT_H
#define INVOLVE_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "store.h"

/* One row of the change log, valid during the callback only. */
struct audit_entry {
	int64_t id;
	const char *at;     /* UTC: 2026-11-20T14:03:05.123Z */
	const char *table;  /* the record's table: "meeting" */
	int64_t row_id;     /* the record's id */
	const char *op;     /* "insert", "update", "delete" or "note" */
	const char *detail; /* update: changed columns separated by spaces; note: its phrase */
};

/* Called newest first; return false to stop. */
typedef bool (*audit_fn)(const struct audit_entry *e, void *ctx);

/* Add a note about a record: detail is a fixed phrase, never a stored value (see above). */
enum error_code audit_note(struct store *s, const char *table, int64_t row_id, const char *detail,
                           struct error *err);

/*
 * Call fn for each change at or after since (UTC text in the form of
 * audit_entry.at, or NULL for all), newest first, at most limit (0: all).
 * Saves that changed nothing (an update with no changed column) are left out.
 * The entries for one record only when row_id is not 0 (with table).
 */
struct audit_query {
	const char *since; /* UTC lower bound, or NULL */
	const char *table; /* with row_id: one record's history; NULL for all */
	int64_t row_id;
	int64_t limit; /* 0 for no limit */
};
enum error_code audit_list(struct store *s, const struct audit_query *q, audit_fn fn, void *ctx,
                           struct error *err);

/*
 * A record as people know it now: "meeting Carers' forum (2026-10-02)",
 * "attendance of Ann B. at Carers' forum (2026-10-02)", "meeting #123 (since
 * deleted)"; bare leaves out the kind ("Ann B.", "Carers' forum (2026-10-02)")
 * where the context says it. Stored text is
 * included as it is (the caller cleans it for a terminal). Caller frees.
 */
char *audit_describe(struct store *s, const char *table, int64_t row_id, bool bare);

/*
 * One entry in words, without the time and the final full stop:
 * "meeting Carers' forum (2026-10-02) changed: purpose, notes". Caller frees.
 */
char *audit_sentence(struct store *s, const struct audit_entry *e);

#endif
