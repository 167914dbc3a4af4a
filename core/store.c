/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store: opening, checking and upgrading the database; transactions; statements. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"
#include "schema.h"

/* "INVL" in the file header marks an involve database among SQLite files. */
#define STORE_APPLICATION_ID 0x494E564C

struct store_cached {
	char *sql;
	struct sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	bool read_only;
	bool damaged;                 /* SQLite has reported the file damaged: never write to it */
	int depth;                    /* open transactions and savepoints */
	struct store_cached *cache;   /* open-addressed by hash of the SQL text */
	size_t cache_cap, cache_used; /* cache_cap is a power of two */
};

int store_schema_version(void)
{
	return schema_latest();
}

const char *store_path(const struct store *s)
{
	return s->path;
}

bool store_read_only(const struct store *s)
{
	return s->read_only;
}

struct sqlite3 *store_db(struct store *s)
{
	return s->db;
}

enum error_code store_damaged(struct store *s, struct error *err)
{
	return s->damaged ? store_fail(s, SQLITE_CORRUPT, NULL, err) : ERROR_NONE;
}

/* True when the folder holding path cannot be written by this user. */
static bool store_folder_read_only(const char *path)
{
	char *copy = mem_strdup(path);
	bool ro = access(dirname(copy), W_OK) != 0;
	free(copy);
	return ro;
}

/* The sentence for a database whose folder cannot be written. */
static enum error_code store_folder_sentence(struct store *s, const char *what, struct error *err)
{
	return error_set(err, ERROR_READ_ONLY,
	                 "The folder holding %s cannot be written, and involve keeps its journal "
	                 "(%s-wal) beside the database, so %s did not happen and nothing was "
	                 "saved; make the folder writable, or copy the database to one that is",
	                 s->path, s->path, what);
}

enum error_code store_fail(struct store *s, int rc, const char *doing, struct error *err)
{
	const char *path = s ? s->path : "the database";
	const char *what = doing ? doing : "using the database";
	if (s && !s->damaged && ((rc & 0xFF) == SQLITE_CORRUPT || (rc & 0xFF) == SQLITE_NOTADB)) {
		/* From now on every write is refused and closing leaves the file as it is. */
		s->damaged = true;
		sqlite3_exec(s->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
		sqlite3_db_config(s->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	}
	if (s && s->damaged && (rc & 0xFF) == SQLITE_READONLY)
		rc = SQLITE_CORRUPT; /* refused by query_only: say why */
	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return error_set(err, ERROR_BUSY,
		                 "%s is locked by another program (perhaps involve open in another "
		                 "window), so %s did not happen and nothing was saved; close the "
		                 "other program and try again",
		                 path, what);
	case SQLITE_FULL:
		return error_set(
		        err, ERROR_FULL,
		        "The disk holding %s is full, so %s did not happen and nothing was "
		        "saved; free some space and try again",
		        path, what);
	case SQLITE_READONLY:
		if (s && store_folder_read_only(s->path))
			return store_folder_sentence(s, what, err);
		return error_set(
		        err, ERROR_READ_ONLY,
		        "%s cannot be written (the file or its folder is read-only), so %s "
		        "did not happen and nothing was saved",
		        path, what);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return error_set(
		        err, ERROR_CORRUPT,
		        "%s is damaged or is not a database; involve has not changed it. "
		        "Run \"involve check-db\" for details, or restore it from a backup",
		        path);
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return error_set(err, ERROR_DUPLICATE,
			                 "That record already exists, so %s did not happen", what);
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return error_set(err, ERROR_INVALID,
			                 "It refers to a record that does not exist (or is still "
			                 "referred to), so %s did not happen",
			                 what);
		return error_set(err, ERROR_INVALID,
		                 "A value is not allowed (%s), so %s did not "
		                 "happen",
		                 s ? sqlite3_errmsg(s->db) : "constraint", what);
	case SQLITE_IOERR:
		if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC ||
		    rc == SQLITE_IOERR_TRUNCATE)
			return error_set(err, ERROR_FULL,
			                 "Writing %s failed (the disk may be full or the file too "
			                 "large), so %s did not happen and nothing was saved",
			                 path, what);
		return error_set(err, ERROR_IO,
		                 "Reading or writing %s failed (%s), so %s did not happen", path,
		                 sqlite3_errstr(rc), what);
	case SQLITE_CANTOPEN:
		if (s && store_folder_read_only(s->path))
			return store_folder_sentence(s, what, err);
		return error_set(err, ERROR_IO, "%s cannot be opened (%s)", path,
		                 sqlite3_errstr(rc));
	case SQLITE_NOMEM:
		fprintf(stderr, "involve: out of memory\n");
		abort();
	default:
		return error_set(err, ERROR_IO, "%s: %s while %s", path,
		                 s ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc), what);
	}
}

enum error_code store_exec(struct store *s, const char *sql, struct error *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ERROR_NONE : store_fail(s, rc, NULL, err);
}

static uint64_t store_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

struct sqlite3_stmt *store_prepare_fresh(struct store *s, const char *sql, struct error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "preparing a query", err);
		return NULL;
	}
	return st;
}

/* Double the cache table and re-insert every entry. */
static void store_cache_grow(struct store *s)
{
	size_t cap = s->cache_cap ? s->cache_cap * 2 : 64;
	struct store_cached *t = mem_calloc(cap, sizeof *t);
	for (size_t i = 0; i < s->cache_cap; i++) {
		if (!s->cache[i].sql)
			continue;
		size_t j = store_hash(s->cache[i].sql) & (cap - 1);
		while (t[j].sql)
			j = (j + 1) & (cap - 1);
		t[j] = s->cache[i];
	}
	free(s->cache);
	s->cache = t;
	s->cache_cap = cap;
}

struct sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct error *err)
{
	if (s->cache_used * 2 >= s->cache_cap)
		store_cache_grow(s);
	size_t j = store_hash(sql) & (s->cache_cap - 1);
	while (s->cache[j].sql) {
		if (strcmp(s->cache[j].sql, sql) == 0) {
			sqlite3_stmt *st = s->cache[j].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
		j = (j + 1) & (s->cache_cap - 1);
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "preparing a query", err);
		return NULL;
	}
	s->cache[j].sql = mem_strdup(sql);
	s->cache[j].stmt = st;
	s->cache_used++;
	return st;
}

void store_now(char out[STORE_TIME_SIZE])
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct tm tm;
	gmtime_r(&ts.tv_sec, &tm);
	size_t n = strftime(out, STORE_TIME_SIZE, "%Y-%m-%dT%H:%M:%S", &tm);
	long ms = ts.tv_nsec / 1000000;
	out[n++] = '.';
	out[n++] = (char)('0' + ms / 100);
	out[n++] = (char)('0' + ms / 10 % 10);
	out[n++] = (char)('0' + ms % 10);
	out[n++] = 'Z';
	out[n] = '\0';
}

int64_t store_new_id(struct store *s, const char *table)
{
	char *sql = mem_printf("SELECT 1 FROM \"%s\" WHERE id = ?", table);
	sqlite3_stmt *st = store_prepare(s, sql, NULL);
	free(sql);
	for (;;) {
		int64_t id;
		sqlite3_randomness(sizeof id, &id);
		id &= INT64_MAX;
		if (id == 0)
			continue;
		if (!st)
			return id;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			store_fail(s, rc, NULL, NULL); /* noted: a damaged file refuses the write */
		if (rc != SQLITE_ROW)
			return id;
	}
}

bool store_in_transaction(const struct store *s)
{
	return s->depth > 0;
}

enum error_code store_begin(struct store *s, struct error *err)
{
	if (s->damaged)
		return store_fail(s, SQLITE_CORRUPT, NULL, err);
	char sql[48];
	if (s->depth == 0)
		snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
	else
		snprintf(sql, sizeof sql, "SAVEPOINT sp%d", s->depth);
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "saving", err);
	s->depth++;
	return ERROR_NONE;
}

enum error_code store_commit(struct store *s, struct error *err)
{
	if (s->depth <= 0)
		return ERROR_NONE;
	char sql[48];
	if (s->depth == 1)
		snprintf(sql, sizeof sql, "COMMIT");
	else
		snprintf(sql, sizeof sql, "RELEASE sp%d", s->depth - 1);
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		enum error_code code = store_fail(s, rc, "saving", err);
		store_rollback(s);
		return code;
	}
	s->depth--;
	return ERROR_NONE;
}

void store_rollback(struct store *s)
{
	if (s->depth <= 0)
		return;
	char sql[64];
	if (s->depth == 1)
		snprintf(sql, sizeof sql, "ROLLBACK");
	else
		snprintf(sql, sizeof sql, "ROLLBACK TO sp%d; RELEASE sp%d", s->depth - 1,
		         s->depth - 1);
	sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	/* A failed COMMIT may already have ended the transaction. */
	if (s->depth == 1 || sqlite3_get_autocommit(s->db))
		s->depth = 0;
	else
		s->depth--;
}

char *store_meta_get(struct store *s, const char *key)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT value FROM meta WHERE key = ?", NULL);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	char *value = NULL;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		value = mem_strdup((const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		store_fail(s, rc, NULL, NULL); /* noted in the store; see store_damaged */
	sqlite3_reset(st);
	return value;
}

enum error_code store_meta_set(struct store *s, const char *key, const char *value,
                               struct error *err)
{
	sqlite3_stmt *st = store_prepare(s,
	                                 "INSERT INTO meta (key, value) VALUES (?, ?) "
	                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	                                 err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "saving a setting", err);
}

/* One integer from a pragma or query; returns the SQLite code of the failure, or SQLITE_OK. */
static int store_query_int(struct store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			*out = 0;
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Refuse a path whose folder is missing, with a sentence; ERROR_NONE if it exists. */
static enum error_code store_check_folder(const char *path, struct error *err)
{
	char *copy = mem_strdup(path);
	char *dir = dirname(copy);
	struct stat st;
	enum error_code code = ERROR_NONE;
	if (stat(dir, &st) != 0)
		code = error_set(err, ERROR_IO,
		                 "The folder %s for the database %s does not exist; create it or "
		                 "give another path with --db",
		                 dir, path);
	else if (!S_ISDIR(st.st_mode))
		code = error_set(err, ERROR_IO,
		                 "%s is not a folder, so the database %s cannot be "
		                 "there",
		                 dir, path);
	free(copy);
	return code;
}

/* Create an empty file readable by its owner only; SQLite turns it into a database. */
static enum error_code store_create_file(const char *path, struct error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return ERROR_NONE;
		if (errno == EACCES || errno == EROFS || errno == EPERM)
			return error_set(err, ERROR_READ_ONLY,
			                 "The database %s cannot be created: its folder is not "
			                 "writable. Give another path with --db",
			                 path);
		return error_set(err, ERROR_IO, "The database %s cannot be created: %s", path,
		                 strerror(errno));
	}
	close(fd);
	return ERROR_NONE;
}

/* A big-endian number of n bytes from the file header. */
static uint32_t store_header_number(const unsigned char *h, int n)
{
	uint32_t v = 0;
	for (int i = 0; i < n; i++)
		v = v << 8 | h[i];
	return v;
}

/* True when path-wal exists and is not empty: changes not yet written into the file. */
static bool store_journal_holds_changes(const char *path)
{
	char *wal = mem_printf("%s-wal", path);
	struct stat st;
	bool journal = stat(wal, &st) == 0 && st.st_size > 0;
	free(wal);
	return journal;
}

/*
 * The one cheap check at open beyond SQLite's own: a file shorter than its
 * header says (a copy that did not finish, a disk that filled while copying)
 * is damaged, though SQLite would notice only on reading a missing page.
 * Skipped while the journal holds changes (a checkpoint may have been cut
 * short, and the journal completes it). Damage inside the file is found when
 * a damaged page is read, and by store_check: a full check of every page
 * would make opening a large file slow.
 */
static enum error_code store_check_length(const char *path, off_t size, struct error *err)
{
	if (store_journal_holds_changes(path) || size < 100)
		return ERROR_NONE;
	unsigned char h[100];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ERROR_NONE; /* SQLite says why it cannot be opened */
	ssize_t got = read(fd, h, sizeof h);
	close(fd);
	if (got != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
		return ERROR_NONE; /* not SQLite at all: store_identify says so */
	uint32_t page_size = store_header_number(h + 16, 2);
	if (page_size == 1)
		page_size = 65536;
	uint32_t pages = store_header_number(h + 28, 4);
	bool valid = pages > 0 && store_header_number(h + 24, 4) == store_header_number(h + 92, 4);
	if (valid && (uint64_t)size < (uint64_t)pages * page_size)
		return error_set(
		        err, ERROR_CORRUPT,
		        "%s is damaged: it is shorter than it should be (%lld bytes of "
		        "%llu), perhaps a copy that did not finish; involve has not changed "
		        "it. Restore it from a backup, or copy what can be read with the "
		        "sqlite3 .recover command",
		        path, (long long)size, (unsigned long long)pages * page_size);
	return ERROR_NONE;
}

/* Check identity and version before anything is written. */
static enum error_code store_identify(struct store *s, int64_t *version, struct error *err)
{
	int64_t app = 0, objects = 0;
	int rc = store_query_int(s, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = store_query_int(s, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = store_query_int(s, "SELECT count(*) FROM sqlite_schema", &objects);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "opening the database", err);
	if (objects > 0 && app != STORE_APPLICATION_ID)
		return error_set(
		        err, ERROR_CORRUPT,
		        "%s is an SQLite database of another program, not one of "
		        "involve's; involve has not changed it. Give another path with --db",
		        s->path);
	if (*version > schema_latest())
		return error_set(
		        err, ERROR_NEWER,
		        "%s was written by a newer version of involve (database version "
		        "%lld; this involve knows up to version %d). Open it with the newer "
		        "involve; this one has not changed it",
		        s->path, (long long)*version, schema_latest());
	return ERROR_NONE;
}

/* Apply pending migrations in one transaction. */
static enum error_code store_upgrade(struct store *s, int64_t version, int target,
                                     struct error *err)
{
	enum error_code code = store_begin(s, err);
	if (code != ERROR_NONE)
		return code;
	/* Another involve may have upgraded it while we waited for the lock. */
	int rc = store_query_int(s, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK) {
		store_rollback(s);
		return store_fail(s, rc, "upgrading the database", err);
	}
	if (version < target) {
		char app[64];
		snprintf(app, sizeof app, "PRAGMA application_id = %d", STORE_APPLICATION_ID);
		code = store_exec(s, app, err);
		if (code == ERROR_NONE)
			code = schema_migrate(s, (int)version, target, err);
		if (code == ERROR_NONE && version == 0) {
			char id[32], now[STORE_TIME_SIZE];
			int64_t r;
			sqlite3_randomness(sizeof r, &r);
			snprintf(id, sizeof id, "%016llx", (unsigned long long)(r & INT64_MAX));
			store_now(now);
			code = store_meta_set(s, "database_id", id, err);
			if (code == ERROR_NONE)
				code = store_meta_set(s, "created_at", now, err);
		}
	}
	if (code != ERROR_NONE) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, err);
}

/*
 * Open the SQLite connection and identify the file. immutable: read a file in
 * a folder that cannot be written, where SQLite cannot make the shared-memory
 * file a journal needs (only when no journal holds changes: see store_open).
 */
static enum error_code store_connect(struct store *s, const struct store_options *opt,
                                     bool immutable, int64_t *version, struct error *err)
{
	int flags = (s->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	            SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
	char *name = s->path;
	if (immutable) {
		/* A file: URI, with the characters URIs reserve escaped. */
		struct {
			char *p;
			size_t n;
		} u = { mem_alloc(strlen(s->path) * 3 + 32), 0 };
		u.n = (size_t)sprintf(u.p, "file:");
		for (const char *c = s->path; *c; c++)
			u.n += (size_t)(strchr("%?#", *c)
			                        ? sprintf(u.p + u.n, "%%%02X", (unsigned char)*c)
			                        : sprintf(u.p + u.n, "%c", *c));
		strcpy(u.p + u.n, "?immutable=1");
		name = u.p;
		flags |= SQLITE_OPEN_URI;
	}
	int rc = sqlite3_open_v2(name, &s->db, flags, NULL);
	if (immutable)
		free(name);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "opening the database", err);
	sqlite3_busy_timeout(s->db, opt->busy_timeout_ms > 0 ? opt->busy_timeout_ms : 5000);
	sqlite3_extended_result_codes(s->db, 1);
	return store_identify(s, version, err);
}

enum error_code store_open(const char *path, const struct store_options *opt, struct store **out,
                           struct error *err)
{
	struct store_options defaults = { 0 };
	if (!opt)
		opt = &defaults;
	*out = NULL;
	bool read_only = opt->flags & STORE_READ_ONLY;
	enum error_code code = store_check_folder(path, err);
	if (code != ERROR_NONE)
		return code;
	struct stat st;
	if (stat(path, &st) != 0) {
		if (!(opt->flags & STORE_CREATE) || read_only)
			return error_set(err, ERROR_NOT_FOUND, "There is no database at %s", path);
		code = store_create_file(path, err);
		if (code != ERROR_NONE)
			return code;
	} else if (!S_ISREG(st.st_mode)) {
		return error_set(err, ERROR_IO, "%s is not a file, so it cannot be a database",
		                 path);
	} else if ((code = store_check_length(path, st.st_size, err)) != ERROR_NONE) {
		return code;
	}

	struct store *s = mem_calloc(1, sizeof *s);
	s->path = mem_strdup(path);
	s->read_only = read_only;
	int64_t version = 0;
	code = store_connect(s, opt, false, &version, err);
	/* Read-only media: readable as long as no journal beside it holds changes. */
	if (read_only && code == ERROR_READ_ONLY && store_folder_read_only(path) &&
	    !store_journal_holds_changes(path)) {
		sqlite3_close_v2(s->db);
		s->db = NULL;
		code = store_connect(s, opt, true, &version, err);
	}
	if (code == ERROR_NONE)
		code = store_exec(s, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;", err);
	if (code == ERROR_NONE && !read_only) {
		code = store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", err);
		int target = opt->upgrade_to > 0 && opt->upgrade_to < schema_latest()
		                     ? opt->upgrade_to
		                     : schema_latest();
		if (code == ERROR_NONE && version < target)
			code = store_upgrade(s, version, target, err);
	} else if (code == ERROR_NONE && version == 0) {
		code = error_set(err, ERROR_NOT_FOUND,
		                 "%s holds nothing yet: it was created but never set up (perhaps "
		                 "involve was stopped the first time it ran); any command that "
		                 "saves, such as \"involve summary\", sets it up",
		                 path);
	} else if (code == ERROR_NONE && version < schema_latest()) {
		code = error_set(err, ERROR_READ_ONLY,
		                 "%s needs upgrading to this version of involve, which cannot be "
		                 "done while it is opened read-only",
		                 path);
	}
	if (code != ERROR_NONE) {
		store_close(s);
		return code;
	}
	*out = s;
	return ERROR_NONE;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	while (s->depth > 0)
		store_rollback(s);
	for (size_t i = 0; i < s->cache_cap; i++) {
		if (s->cache[i].sql) {
			sqlite3_finalize(s->cache[i].stmt);
			free(s->cache[i].sql);
		}
	}
	free(s->cache);
	if (s->db)
		sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

enum error_code store_checkpoint(struct store *s, struct error *err)
{
	if (s->read_only || s->depth > 0)
		return error_set(
		        err, ERROR_BUSY,
		        "The journal of %s cannot be emptied while a change is being saved",
		        s->path);
	int rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	return rc == SQLITE_OK ? ERROR_NONE : store_fail(s, rc, "emptying the journal", err);
}

/*
 * Count the problems in one row of integrity_check (a row may hold several
 * lines; "*** in database main ***" headers are not problems) and keep the
 * first, on one line, in first (STORE_PROBLEM_SIZE bytes).
 */
enum { STORE_PROBLEM_SIZE = 160 };
static void store_note_problems(const char *row, char *first, int *count)
{
	const char *p = row;
	while (*p) {
		size_t n = strcspn(p, "\n");
		if (n && strncmp(p, "***", 3) != 0) {
			if ((*count)++ == 0)
				snprintf(first, STORE_PROBLEM_SIZE, "%.*s", (int)n, p);
		}
		p += n;
		if (*p)
			p++;
	}
}

enum error_code store_check(struct store *s, struct error *err)
{
	sqlite3_stmt *st = store_prepare_fresh(s, "PRAGMA integrity_check", err);
	if (!st)
		return err ? err->code : ERROR_CORRUPT;
	enum error_code code = ERROR_NONE;
	char first[STORE_PROBLEM_SIZE] = "";
	int problems = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		if (!r || strcmp(r, "ok") != 0)
			store_note_problems(r ? r : "an unknown problem", first, &problems);
	}
	if ((rc & 0xFF) == SQLITE_CORRUPT || (rc & 0xFF) == SQLITE_NOTADB)
		store_note_problems(sqlite3_errmsg(s->db), first, &problems);
	else if (rc != SQLITE_DONE)
		code = store_fail(s, rc, "checking the database", err);
	sqlite3_finalize(st);
	if (problems) {
		store_fail(s, SQLITE_CORRUPT, NULL, NULL); /* marks it: never written to now */
		char more[48] = "";
		if (problems > 1)
			snprintf(more, sizeof more, ", and %d more problem%s", problems - 1,
			         problems == 2 ? "" : "s");
		code = error_set(
		        err, ERROR_CORRUPT,
		        "%s is damaged (%s%s); involve has not changed it. Restore it from "
		        "a backup, or copy what can be read with the sqlite3 .recover "
		        "command",
		        s->path, first, more);
	}
	if (code != ERROR_NONE)
		return code;
	st = store_prepare_fresh(s, "PRAGMA foreign_key_check", err);
	if (!st)
		return err ? err->code : ERROR_CORRUPT;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		code = error_set(err, ERROR_CORRUPT,
		                 "%s has a record in %s that refers to a missing record in %s",
		                 s->path, (const char *)sqlite3_column_text(st, 0),
		                 (const char *)sqlite3_column_text(st, 2));
	else if (rc != SQLITE_DONE)
		code = store_fail(s, rc, "checking the database", err);
	sqlite3_finalize(st);
	return code;
}
