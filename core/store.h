/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store: the one SQLite file that holds everything.
 *
 * store_open() opens or creates the database, checks that it is one of
 * involve's and not from a newer version, sets it up (WAL, foreign keys,
 * busy timeout, secure_delete, full sync) and brings its schema up to date in
 * one transaction. Every failure is a sentence naming the file; nothing on
 * disk is changed when the file is refused.
 *
 * Only core/ modules use this header's SQLite-level functions; the rest of
 * the program sees struct store as an opaque handle.
 *
 * Transactions nest: store_begin() opens a transaction or, inside one, a
 * savepoint; store_commit() and store_rollback() close the innermost. One user
 * action is one outermost transaction.
 */
#ifndef INVOLVE_STORE_H
#define INVOLVE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"

struct store;
struct sqlite3;
struct sqlite3_stmt;

enum {
	STORE_CREATE = 1 << 0,    /* create the file (0600) when it does not exist */
	STORE_READ_ONLY = 1 << 1, /* open without writing anything, not even the schema */
};

enum { STORE_TIME_SIZE = 32 }; /* "2026-11-22T09:30:00.123Z" and its NUL */

struct store_options {
	unsigned flags;      /* STORE_CREATE, STORE_READ_ONLY */
	int busy_timeout_ms; /* how long to wait for another program's lock; 0 means 5000 */
	int upgrade_to;      /* tests only: stop upgrading at this schema version; 0: the latest */
};

/* The schema version this build writes; files with a larger user_version are refused. */
int store_schema_version(void);

/*
 * Open path. On success *out owns the connection (free with store_close) and
 * ERROR_NONE is returned. On failure *out is NULL and err says why:
 * ERROR_NOT_FOUND (no such file and no STORE_CREATE; or, read-only, a file
 * never set up), ERROR_IO (missing folder, cannot open), ERROR_READ_ONLY,
 * ERROR_CORRUPT (damaged, not SQLite, or another program's SQLite file),
 * ERROR_NEWER, ERROR_BUSY.
 *
 * Damage found at open is what is cheap to find: a damaged header or schema,
 * and a file shorter than its header says. Opening never reads every page (a
 * 300 MB file must open at once): damage inside is found when a damaged page
 * is read, which marks the store damaged (see store_damaged), or by
 * store_check. STORE_READ_ONLY also reads a file whose folder cannot be
 * written (read-only media), as long as no journal beside it holds changes.
 */
enum error_code store_open(const char *path, const struct store_options *opt, struct store **out,
                           struct error *err);
void store_close(struct store *s);
/* The path given to store_open; owned by the store. */
const char *store_path(const struct store *s);
bool store_read_only(const struct store *s);

enum error_code store_begin(struct store *s, struct error *err);
enum error_code store_commit(struct store *s, struct error *err);
void store_rollback(struct store *s);
/* True while a transaction is open. */
bool store_in_transaction(const struct store *s);

/* A new random record id: 63 bits, never 0, not yet used in table (checked). */
int64_t store_new_id(struct store *s, const char *table);
/* The current UTC time as 2026-11-22T09:30:00.123Z. */
void store_now(char out[STORE_TIME_SIZE]);

/* Small key/value settings kept in the database (table meta). Returns a copy or NULL. */
char *store_meta_get(struct store *s, const char *key);
enum error_code store_meta_set(struct store *s, const char *key, const char *value,
                               struct error *err);

/*
 * Run PRAGMA integrity_check and foreign_key_check. ERROR_NONE when both are
 * clean, else ERROR_CORRUPT with the first problem in the sentence.
 */
enum error_code store_check(struct store *s, struct error *err);

/*
 * Write every change held in the write-ahead journal (FILE-wal) into the
 * file and empty the journal, so nothing erased lingers there. ERROR_BUSY
 * when another connection still reads an older state (the journal is then
 * emptied by whoever closes last).
 */
enum error_code store_checkpoint(struct store *s, struct error *err);

/*
 * ERROR_CORRUPT with the damaged-file sentence once SQLite has reported the
 * file damaged (SQLITE_CORRUPT or SQLITE_NOTADB) anywhere, even where the
 * error itself was not reported; ERROR_NONE until then.
 * from then on store_begin refuses with the damaged-file sentence, so a
 * damaged file is never written to. Readers check it after a walk that may
 * have swallowed an error.
 */
enum error_code store_damaged(struct store *s, struct error *err);

/* ---- for core/ modules only ---- */

struct sqlite3 *store_db(struct store *s);
/*
 * A prepared statement for sql, cached for the life of the store: reset and
 * with bindings cleared, ready to bind and step. Do not finalize it. Because
 * it is shared, do not hold it across a call that may run the same SQL (use
 * store_prepare_fresh for lists that call back into the store).
 * Returns NULL with err filled when the SQL cannot be prepared.
 */
struct sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct error *err);
/* A statement the caller owns and finalizes. */
struct sqlite3_stmt *store_prepare_fresh(struct store *s, const char *sql, struct error *err);
/*
 * Turn an SQLite result code into an error_code and a sentence about the
 * store's file, for example "The disk holding FILE is full; nothing was saved."
 * doing names the action ("saving the meeting") and may be NULL. Every
 * SQLite failure goes through here (with err NULL where the caller cannot
 * report it), so SQLITE_CORRUPT and SQLITE_NOTADB always mark the store
 * damaged and always read "FILE is damaged ...; involve has not changed it".
 */
enum error_code store_fail(struct store *s, int rc, const char *doing, struct error *err);
/* Execute SQL with no parameters and no result rows (schema, pragmas). */
enum error_code store_exec(struct store *s, const char *sql, struct error *err);

#endif
