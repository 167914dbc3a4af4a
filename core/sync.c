/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sync: changeset files between laptops, with baselines, acknowledgements and merging. */
#include "sync.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "buf.h"
#include "json.h"
#include "mem.h"
#include "person.h"
#include "privacy.h"
#include "record.h"
#include "registry.h"
#include "schema.h"
#include "text.h"

#define SYNC_MAGIC      "involve-sync"
#define SYNC_HEADER_MAX (64 * 1024)           /* a header longer than this is damage */
#define SYNC_FNV_START  14695981039346656037u /* FNV-1a 64 offset basis */
#define SYNC_BASE_ALIAS "sync_base"           /* the baseline's name when attached for export */
#define SYNC_CACHE_KIB  65536                 /* page cache for a whole export or apply */

/* ---- small helpers ---- */

/* Fold n bytes into an FNV-1a 64 hash. */
static uint64_t sync_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211u;
	return h;
}

/* Append an SQLite value as JSON (blobs as hex text). */
static void sync_json_value(struct buf *b, sqlite3_value *v)
{
	switch (v ? sqlite3_value_type(v) : SQLITE_NULL) {
	case SQLITE_INTEGER:
		buf_printf(b, "%lld", (long long)sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT:
		buf_printf(b, "%.17g", sqlite3_value_double(v));
		break;
	case SQLITE_TEXT:
		json_quote(b, (const char *)sqlite3_value_text(v));
		break;
	case SQLITE_BLOB: {
		const unsigned char *p = sqlite3_value_blob(v);
		buf_addc(b, '"');
		for (int i = 0; i < sqlite3_value_bytes(v); i++)
			buf_printf(b, "%02x", p[i]);
		buf_addc(b, '"');
		break;
	}
	default:
		buf_add(b, "null");
	}
}

/* Order of SQLite values: NULL, numbers, text, blobs; within a class by value. */
static int sync_value_cmp(sqlite3_value *a, sqlite3_value *b)
{
	static const int rank[] = { [SQLITE_INTEGER] = 1,
		                    [SQLITE_FLOAT] = 1,
		                    [SQLITE_TEXT] = 2,
		                    [SQLITE_BLOB] = 3,
		                    [SQLITE_NULL] = 0 };
	int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
	if (rank[ta] != rank[tb])
		return rank[ta] < rank[tb] ? -1 : 1;
	switch (rank[ta]) {
	case 1:
		if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
			sqlite3_int64 x = sqlite3_value_int64(a), y = sqlite3_value_int64(b);
			return x < y ? -1 : x > y;
		} else {
			double x = sqlite3_value_double(a), y = sqlite3_value_double(b);
			return x < y ? -1 : x > y;
		}
	case 2:
	case 3: {
		const void *x = ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(a)
		                                  : sqlite3_value_blob(a);
		const void *y = tb == SQLITE_TEXT ? (const void *)sqlite3_value_text(b)
		                                  : sqlite3_value_blob(b);
		int nx = sqlite3_value_bytes(a), ny = sqlite3_value_bytes(b);
		int c = memcmp(x ? x : "", y ? y : "", (size_t)(nx < ny ? nx : ny));
		return c ? c : nx < ny ? -1 : nx > ny;
	}
	default:
		return 0;
	}
}

/* True when two values are the same (SQL IS). */
static bool sync_value_same(sqlite3_value *a, sqlite3_value *b)
{
	return sync_value_cmp(a, b) == 0;
}

/* One row as owned copies of its values; NULL entries are "not given". */
struct sync_row {
	int n;
	sqlite3_value **v;
};

static void sync_row_init(struct sync_row *r, int n)
{
	r->n = n;
	r->v = mem_calloc((size_t)n, sizeof *r->v);
}

static void sync_row_free(struct sync_row *r)
{
	for (int i = 0; r->v && i < r->n; i++)
		sqlite3_value_free(r->v[i]);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

/* Set column i of r to a copy of v (NULL: not given). */
static void sync_row_set(struct sync_row *r, int i, sqlite3_value *v)
{
	sqlite3_value_free(r->v[i]);
	r->v[i] = v ? sqlite3_value_dup(v) : NULL;
	if (v && !r->v[i])
		abort(); /* out of memory */
}

/* ---- the record tables as the database has them ---- */

struct sync_fk {
	int id;        /* its id in pragma_foreign_key_list */
	char *from;    /* the referring column */
	int table;     /* index of the referenced table */
	bool set_null; /* ON DELETE SET NULL; otherwise the row goes with its parent */
};

struct sync_table {
	const char *name;
	const struct record_kind *kind;
	int ncol;
	char **cols;
	int updated_col;     /* index of updated_at */
	bool *personal;      /* per column: identifies a person (FIELD_PERSONAL) */
	int anon_col;        /* index of "anonymised" (people), or -1 */
	struct sync_fk *fks; /* references to other record tables */
	size_t nfks;
	char **uniques;    /* each a WHERE clause matching a natural key: "a IS ?1 AND b IS ?2" */
	int **unique_cols; /* the columns bound, -1 terminated */
	size_t nuniques;
};

struct sync_schema {
	struct sync_table *t;
	size_t n;
	char *signature; /* "table:col,col;..." to tell when a baseline is out of date */
};

static void sync_schema_free(struct sync_schema *sc)
{
	for (size_t i = 0; i < sc->n; i++) {
		struct sync_table *t = &sc->t[i];
		for (int c = 0; c < t->ncol; c++)
			free(t->cols[c]);
		free(t->cols);
		for (size_t k = 0; k < t->nfks; k++)
			free(t->fks[k].from);
		free(t->fks);
		for (size_t k = 0; k < t->nuniques; k++) {
			free(t->uniques[k]);
			free(t->unique_cols[k]);
		}
		free(t->uniques);
		free(t->unique_cols);
		free(t->personal);
	}
	free(sc->t);
	free(sc->signature);
	memset(sc, 0, sizeof *sc);
}

static int sync_table_index(const struct sync_schema *sc, const char *name)
{
	for (size_t i = 0; i < sc->n; i++)
		if (strcmp(sc->t[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int sync_column_index(const struct sync_table *t, const char *col)
{
	for (int c = 0; c < t->ncol; c++)
		if (strcmp(t->cols[c], col) == 0)
			return c;
	return -1;
}

/* Run a one-column text query (pragmas), calling fn per row. */
static enum error_code sync_each_row(struct store *s, const char *sql,
                                     void (*fn)(sqlite3_stmt *st, void *ctx), void *ctx,
                                     struct error *err)
{
	sqlite3_stmt *st = store_prepare_fresh(s, sql, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(st, ctx);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "reading the schema", err);
}

static void sync_add_column(sqlite3_stmt *st, void *ctx)
{
	struct sync_table *t = ctx;
	t->cols = mem_realloc(t->cols, (size_t)(t->ncol + 1) * sizeof *t->cols);
	t->cols[t->ncol++] = mem_strdup((const char *)sqlite3_column_text(st, 0));
}

struct sync_fk_ctx {
	struct sync_schema *sc;
	struct sync_table *t;
};

static void sync_add_fk(sqlite3_stmt *st, void *ctx)
{
	struct sync_fk_ctx *f = ctx;
	int target = sync_table_index(f->sc, (const char *)sqlite3_column_text(st, 0));
	if (target < 0)
		return;
	struct sync_table *t = f->t;
	t->fks = mem_realloc(t->fks, (t->nfks + 1) * sizeof *t->fks);
	t->fks[t->nfks].id = sqlite3_column_int(st, 3);
	t->fks[t->nfks].from = mem_strdup((const char *)sqlite3_column_text(st, 1));
	t->fks[t->nfks].table = target;
	const char *action = (const char *)sqlite3_column_text(st, 2);
	t->fks[t->nfks].set_null = action && strcasecmp(action, "SET NULL") == 0;
	t->nfks++;
}

struct sync_unique_ctx {
	struct store *s;
	struct sync_table *t;
};

static void sync_add_unique_col(sqlite3_stmt *st, void *ctx)
{
	struct buf *cols = ctx;
	const char *name = (const char *)sqlite3_column_text(st, 0);
	buf_printf(cols, "%s%s", cols->len ? "," : "", name ? name : "");
}

/* Record one UNIQUE constraint (not the primary key) as a natural key. */
static void sync_add_unique(sqlite3_stmt *st, void *ctx)
{
	struct sync_unique_ctx *u = ctx;
	struct sync_table *t = u->t;
	char *sql = mem_printf("SELECT name FROM pragma_index_info('%s') ORDER BY seqno",
	                       (const char *)sqlite3_column_text(st, 0));
	struct buf names = { 0 };
	enum error_code code = sync_each_row(u->s, sql, sync_add_unique_col, &names, NULL);
	free(sql);
	if (code != ERROR_NONE || !names.data) {
		free(names.data);
		return;
	}
	struct buf where = { 0 };
	int *cols = mem_calloc(strlen(names.data) + 2, sizeof *cols);
	int k = 0;
	char *save = NULL;
	for (char *c = strtok_r(names.data, ",", &save); c; c = strtok_r(NULL, ",", &save)) {
		cols[k] = sync_column_index(t, c);
		buf_printf(&where, "%s\"%s\" IS ?%d", k ? " AND " : "", c, k + 1);
		k++;
	}
	cols[k] = -1;
	free(names.data);
	t->uniques = mem_realloc(t->uniques, (t->nuniques + 1) * sizeof *t->uniques);
	t->unique_cols = mem_realloc(t->unique_cols, (t->nuniques + 1) * sizeof *t->unique_cols);
	t->uniques[t->nuniques] = where.data;
	t->unique_cols[t->nuniques] = cols;
	t->nuniques++;
}

/* Read the columns, references and natural keys of every record table. */
static enum error_code sync_schema_load(struct store *s, struct sync_schema *sc, struct error *err)
{
	memset(sc, 0, sizeof *sc);
	size_t n = 0;
	while (schema_record_tables[n])
		n++;
	sc->t = mem_calloc(n, sizeof *sc->t);
	sc->n = n;
	struct buf sig = { 0 };
	enum error_code code = ERROR_NONE;
	for (size_t i = 0; i < n && code == ERROR_NONE; i++) {
		struct sync_table *t = &sc->t[i];
		t->name = schema_record_tables[i];
		t->kind = registry_find(t->name);
		char *sql = mem_printf("SELECT name FROM pragma_table_info('%s') ORDER BY cid",
		                       t->name);
		code = sync_each_row(s, sql, sync_add_column, t, err);
		free(sql);
		t->updated_col = sync_column_index(t, "updated_at");
		t->anon_col = sync_column_index(t, "anonymised");
		t->personal = mem_calloc((size_t)t->ncol + 1, sizeof *t->personal);
		for (int c = 0; t->kind && c < t->ncol; c++) {
			const struct field *f = record_field(t->kind, t->cols[c]);
			t->personal[c] = f && (f->flags & FIELD_PERSONAL);
		}
		if (code == ERROR_NONE && (t->ncol == 0 || strcmp(t->cols[0], "id") != 0 ||
		                           t->updated_col < 0 || !t->kind))
			code = error_set(err, ERROR_CORRUPT,
			                 "The %s table of %s is not as involve made it, so it "
			                 "cannot be synchronised",
			                 t->name, store_path(s));
		buf_printf(&sig, "%s%s:", i ? ";" : "", t->name);
		for (int c = 0; c < t->ncol; c++)
			buf_printf(&sig, "%s%s", c ? "," : "", t->cols[c]);
	}
	for (size_t i = 0; i < n && code == ERROR_NONE; i++) {
		struct sync_fk_ctx f = { sc, &sc->t[i] };
		char *sql = mem_printf("SELECT \"table\", \"from\", on_delete, id FROM "
		                       "pragma_foreign_key_list('%s') ORDER BY id",
		                       sc->t[i].name);
		code = sync_each_row(s, sql, sync_add_fk, &f, err);
		free(sql);
		struct sync_unique_ctx u = { s, &sc->t[i] };
		sql = mem_printf("SELECT name FROM pragma_index_list('%s') WHERE \"unique\" AND "
		                 "origin = 'u' ORDER BY name",
		                 sc->t[i].name);
		if (code == ERROR_NONE)
			code = sync_each_row(s, sql, sync_add_unique, &u, err);
		free(sql);
	}
	sc->signature = sig.data;
	if (code != ERROR_NONE)
		sync_schema_free(sc);
	return code;
}

/* ---- identity ---- */

char *sync_name(struct store *s)
{
	char *name = store_meta_get(s, "sync.name");
	if (name && *name)
		return name;
	free(name);
	char host[256] = "";
	if (gethostname(host, sizeof host - 1) != 0 || !host[0])
		snprintf(host, sizeof host, "this laptop");
	host[SYNC_NAME_MAX] = '\0';
	return text_clean(host, 0);
}

enum error_code sync_set_name(struct store *s, const char *name, struct error *err)
{
	char *clean = text_clean(name, 0);
	text_trim(clean);
	enum error_code code;
	if (!*clean || strlen(clean) > SYNC_NAME_MAX)
		code = error_set(err, ERROR_INVALID,
		                 "A laptop name must be 1 to %d characters, for example "
		                 "\"Ann's laptop\"",
		                 SYNC_NAME_MAX);
	else
		code = store_meta_set(s, "sync.name", clean, err);
	free(clean);
	return code;
}

/* Copy a 16-hex-digit id, or "" when text is not one. */
static void sync_copy_id(char out[SYNC_ID_SIZE], const char *text)
{
	out[0] = '\0';
	if (!text || strlen(text) != SYNC_ID_SIZE - 1)
		return;
	for (int i = 0; i < SYNC_ID_SIZE - 1; i++)
		if (!isxdigit((unsigned char)text[i]) || isupper((unsigned char)text[i]))
			return;
	memcpy(out, text, SYNC_ID_SIZE);
}

void sync_identity(struct store *s, char id[SYNC_ID_SIZE], char family[SYNC_ID_SIZE])
{
	char *v = store_meta_get(s, "database_id");
	sync_copy_id(id, v);
	free(v);
	v = store_meta_get(s, "sync.family");
	sync_copy_id(family, v);
	free(v);
	if (!family[0])
		memcpy(family, id, SYNC_ID_SIZE);
}

/* ---- files ---- */

char *sync_folder(struct store *s)
{
	return mem_printf("%s-sync", store_path(s));
}

/* Make the sync folder (0700) if it is missing. */
static enum error_code sync_folder_make(struct store *s, struct error *err)
{
	char *dir = sync_folder(s);
	enum error_code code = ERROR_NONE;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		code = error_set(err,
		                 errno == EACCES || errno == EROFS ? ERROR_READ_ONLY : ERROR_IO,
		                 "The folder %s for synchronising cannot be created (%s)", dir,
		                 strerror(errno));
	free(dir);
	return code;
}

/* Write a then b to path through a temporary file in the same folder, then rename. */
static enum error_code sync_write_file(const char *path, const void *a, size_t an, const void *b,
                                       size_t bn, struct error *err)
{
	char *tmp = mem_printf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		enum error_code code = error_set(
		        err, errno == EACCES || errno == EROFS ? ERROR_READ_ONLY : ERROR_IO,
		        "%s cannot be written (%s); choose another place", path, strerror(errno));
		free(tmp);
		return code;
	}
	const void *parts[2] = { a, b };
	size_t sizes[2] = { an, bn };
	int failed = 0;
	for (int i = 0; i < 2 && !failed; i++) {
		const char *p = parts[i];
		size_t left = sizes[i];
		while (left > 0) {
			ssize_t w = write(fd, p, left);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				failed = w < 0 ? errno : ENOSPC;
				break;
			}
			p += w;
			left -= (size_t)w;
		}
	}
	if (!failed && fsync(fd) != 0)
		failed = errno;
	if (close(fd) != 0 && !failed)
		failed = errno;
	if (!failed && rename(tmp, path) != 0)
		failed = errno;
	if (failed) {
		unlink(tmp);
		free(tmp);
		return error_set(err, failed == ENOSPC ? ERROR_FULL : ERROR_IO,
		                 "%s could not be written (%s); nothing was saved there", path,
		                 strerror(failed));
	}
	free(tmp);
	char *dir = mem_strdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	int dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
	return ERROR_NONE;
}

/* Read a whole file (at most INT_MAX bytes, what changeset functions take). */
static enum error_code sync_read_file(const char *path, unsigned char **out, size_t *n,
                                      struct error *err)
{
	*out = NULL;
	*n = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, errno == ENOENT ? ERROR_NOT_FOUND : ERROR_IO,
		                 "%s cannot be read (%s); nothing was changed", path,
		                 strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > 0x7fffffff) {
		close(fd);
		return error_set(
		        err, ERROR_CORRUPT,
		        "%s is not a sync file (it is not a file of a size involve writes); "
		        "nothing was changed",
		        path);
	}
	size_t size = (size_t)st.st_size, got = 0;
	unsigned char *buf = mem_alloc(size + 1);
	while (got < size) {
		ssize_t r = read(fd, buf + got, size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*out = buf;
	*n = got;
	return ERROR_NONE;
}

/* ---- the file header ---- */

struct sync_ack {
	char id[SYNC_ID_SIZE];
	int64_t seq;
	char made[STORE_TIME_SIZE];
};

struct sync_header {
	int format, schema;
	char family[SYNC_ID_SIZE], source[SYNC_ID_SIZE], dest[SYNC_ID_SIZE];
	char *name; /* cleaned */
	int64_t seq, base, changes, size, complete;
	char made[STORE_TIME_SIZE];
	struct sync_ack *acks;
	size_t nacks;
	const unsigned char *data; /* the changeset, inside the file buffer */
};

static void sync_header_free(struct sync_header *h)
{
	free(h->name);
	free(h->acks);
	memset(h, 0, sizeof *h);
}

/* Parse a non-negative decimal; false when text is not one. */
static bool sync_parse_count(const char *text, int64_t *out)
{
	if (!text || !isdigit((unsigned char)*text))
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

/* Copy a time stamp as written by store_now, or "" for "-". */
static bool sync_parse_time(const char *text, char out[STORE_TIME_SIZE])
{
	size_t n = strlen(text);
	if (strcmp(text, "-") == 0) {
		out[0] = '\0';
		return true;
	}
	if (n < 20 || n >= STORE_TIME_SIZE || text[4] != '-' || text[10] != 'T' ||
	    text[n - 1] != 'Z')
		return false;
	memcpy(out, text, n + 1);
	return true;
}

/* Read one "key value" header line into h; false when it is malformed. */
static bool sync_header_line(struct sync_header *h, char *line, bool *has_check, uint64_t *check)
{
	char *value = strchr(line, ' ');
	if (!value)
		return false;
	*value++ = '\0';
	if (strcmp(line, "schema") == 0) {
		int64_t v;
		if (!sync_parse_count(value, &v) || v > 1000000)
			return false;
		h->schema = (int)v;
	} else if (strcmp(line, "family") == 0 || strcmp(line, "source") == 0) {
		char *dst = line[0] == 'f' ? h->family : h->source;
		sync_copy_id(dst, value);
		return dst[0] != '\0';
	} else if (strcmp(line, "for") == 0) {
		sync_copy_id(h->dest, value);
		return h->dest[0] || strcmp(value, "-") == 0;
	} else if (strcmp(line, "name") == 0) {
		free(h->name);
		h->name = text_clean(value, 0);
	} else if (strcmp(line, "seq") == 0) {
		return sync_parse_count(value, &h->seq) && h->seq > 0;
	} else if (strcmp(line, "base") == 0) {
		return sync_parse_count(value, &h->base);
	} else if (strcmp(line, "changes") == 0) {
		return sync_parse_count(value, &h->changes);
	} else if (strcmp(line, "complete") == 0) {
		return sync_parse_count(value, &h->complete) && h->complete <= 1;
	} else if (strcmp(line, "size") == 0) {
		return sync_parse_count(value, &h->size);
	} else if (strcmp(line, "made") == 0) {
		return sync_parse_time(value, h->made) && h->made[0];
	} else if (strcmp(line, "ack") == 0) {
		char *seq = strchr(value, ' ');
		char *made = seq ? strchr(seq + 1, ' ') : NULL;
		if (!made)
			return false;
		*seq++ = '\0';
		*made++ = '\0';
		struct sync_ack a;
		sync_copy_id(a.id, value);
		if (!a.id[0] || !sync_parse_count(seq, &a.seq) || !sync_parse_time(made, a.made))
			return false;
		h->acks = mem_realloc(h->acks, (h->nacks + 1) * sizeof *h->acks);
		h->acks[h->nacks++] = a;
	} else if (strcmp(line, "check") == 0) {
		char *end;
		errno = 0;
		*check = strtoull(value, &end, 16);
		*has_check = !errno && *end == '\0' && strlen(value) == 16;
		return *has_check;
	}
	return true; /* keys from later versions of format 1 are ignored */
}

/*
 * Parse and verify the file in buf: magic, format, every field, size and
 * check sum. The sentence names path; source names the sender once known.
 */
static enum error_code sync_header_parse(const char *path, const unsigned char *buf, size_t n,
                                         struct sync_header *h, struct error *err)
{
	memset(h, 0, sizeof *h);
	h->schema = -1;
	size_t magic = strlen(SYNC_MAGIC);
	if (n < magic + 1 || memcmp(buf, SYNC_MAGIC " ", magic + 1) != 0)
		return error_set(err, ERROR_CORRUPT,
		                 "%s is not an involve sync file (it should begin \"" SYNC_MAGIC
		                 "\"); nothing was changed",
		                 path);
	const unsigned char *end = memchr(buf, '\n', n < SYNC_HEADER_MAX ? n : SYNC_HEADER_MAX);
	int64_t format = 0;
	char first[32] = "";
	if (end && (size_t)(end - buf) < sizeof first)
		memcpy(first, buf + magic + 1, (size_t)(end - buf) - magic - 1);
	if (!end || !sync_parse_count(first, &format) || format < 1)
		return error_set(err, ERROR_CORRUPT,
		                 "%s is damaged (its first line is unreadable); copy it again from "
		                 "the laptop that made it. Nothing was changed",
		                 path);
	if (format > SYNC_FORMAT)
		return error_set(err, ERROR_NEWER,
		                 "%s was written by a newer involve (sync format %lld; this one "
		                 "reads format %d); update involve on this laptop, then apply it "
		                 "again. Nothing was changed",
		                 path, (long long)format, SYNC_FORMAT);
	h->format = (int)format;
	size_t pos = (size_t)(end - buf) + 1, check_at = 0;
	bool has_check = false, ok = true, blank = false;
	uint64_t check = 0;
	h->base = -1;
	h->complete = -1;
	h->changes = -1;
	h->size = -1;
	while (ok && pos < n && pos < SYNC_HEADER_MAX) {
		const unsigned char *nl = memchr(buf + pos, '\n', n - pos);
		if (!nl)
			break;
		size_t len = (size_t)(nl - (buf + pos));
		if (len == 0) {
			pos++;
			blank = true;
			break;
		}
		char *line = mem_strndup((const char *)buf + pos, len);
		if (strlen(line) != len)
			ok = false; /* a NUL byte in the header */
		if (strncmp(line, "check ", 6) == 0)
			check_at = pos;
		ok = ok && sync_header_line(h, line, &has_check, &check);
		free(line);
		pos += len + 1;
	}
	if (!ok || !blank || !has_check || h->schema < 0 || !h->family[0] || !h->source[0] ||
	    !h->name || h->seq <= 0 || !h->made[0] || h->base < 0 || h->complete < 0 ||
	    h->changes < 0 || h->size < 0) {
		enum error_code code = error_set(err, ERROR_CORRUPT,
		                                 "%s is damaged (its header is incomplete or "
		                                 "unreadable); copy it again from "
		                                 "the laptop that made it. Nothing was changed",
		                                 path);
		sync_header_free(h);
		return code;
	}
	const char *who = *h->name ? h->name : "the laptop that made it";
	if ((uint64_t)(n - pos) < (uint64_t)h->size) {
		enum error_code code =
		        error_set(err, ERROR_CORRUPT,
		                  "%s is incomplete: it should hold %lld bytes of changes but "
		                  "holds %lld; copy "
		                  "it again from %s. Nothing was changed",
		                  path, (long long)h->size, (long long)(n - pos), who);
		sync_header_free(h);
		return code;
	}
	uint64_t sum = sync_fnv(SYNC_FNV_START, buf, check_at);
	sum = sync_fnv(sum, buf + pos, (size_t)h->size);
	if ((uint64_t)(n - pos) != (uint64_t)h->size || sum != check) {
		enum error_code code = error_set(err, ERROR_CORRUPT,
		                                 "%s is damaged (its content does not match the "
		                                 "check sum %s wrote); copy it "
		                                 "again from %s. Nothing was changed",
		                                 path, who, who);
		sync_header_free(h);
		return code;
	}
	h->data = buf + pos;
	return ERROR_NONE;
}

/* The header text for an export, ending with its check line and the blank line. */
static char *sync_header_write(const struct sync_header *h, const void *data, size_t *len)
{
	struct buf b = { 0 };
	buf_printf(&b, SYNC_MAGIC " %d\nschema %d\nfamily %s\nsource %s\nname %s\n", SYNC_FORMAT,
	           h->schema, h->family, h->source, h->name);
	buf_printf(&b, "seq %lld\nmade %s\nfor %s\nbase %lld\ncomplete %d\n", (long long)h->seq,
	           h->made, h->dest[0] ? h->dest : "-", (long long)h->base, h->complete ? 1 : 0);
	for (size_t i = 0; i < h->nacks; i++)
		buf_printf(&b, "ack %s %lld %s\n", h->acks[i].id, (long long)h->acks[i].seq,
		           h->acks[i].made[0] ? h->acks[i].made : "-");
	buf_printf(&b, "changes %lld\nsize %lld\n", (long long)h->changes, (long long)h->size);
	uint64_t sum = sync_fnv(SYNC_FNV_START, b.data, b.len);
	sum = sync_fnv(sum, data, (size_t)h->size);
	buf_printf(&b, "check %016llx\n\n", (unsigned long long)sum);
	*len = b.len;
	return b.data;
}

/* ---- baselines: what another laptop is known to have ---- */

/* CREATE TABLE statements for the baseline copies of the record tables (no constraints). */
static char *sync_base_ddl(const struct sync_schema *sc, const char *schema)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < sc->n; i++) {
		const struct sync_table *t = &sc->t[i];
		buf_printf(&b, "CREATE TABLE %s\"%s\" (\"id\" INTEGER PRIMARY KEY", schema,
		           t->name);
		for (int c = 1; c < t->ncol; c++)
			buf_printf(&b, ", \"%s\"", t->cols[c]);
		buf_add(&b, ");");
	}
	buf_printf(&b,
	           "CREATE TABLE %ssync_base_meta (key TEXT PRIMARY KEY, value) WITHOUT "
	           "ROWID;",
	           schema);
	return b.data;
}

static char *sync_base_path(struct store *s, const char *peer)
{
	char *dir = sync_folder(s);
	char *p = mem_printf("%s/peer-%s.db", dir, peer);
	free(dir);
	return p;
}

static char *sync_sent_path(struct store *s, int64_t seq)
{
	char *dir = sync_folder(s);
	char *p = mem_printf("%s/sent-%lld.sync", dir, (long long)seq);
	free(dir);
	return p;
}

struct sync_base {
	sqlite3 *db;
	char *path;
	int64_t acked_seq; /* our export it includes */
	char acked_made[STORE_TIME_SIZE];
};

static void sync_base_close(struct sync_base *b)
{
	if (b->db)
		sqlite3_close_v2(b->db);
	free(b->path);
	memset(b, 0, sizeof *b);
}

/* A number kept in the baseline's meta table (0 when absent). */
static int64_t sync_base_meta_int(sqlite3 *db, const char *key)
{
	sqlite3_stmt *st = NULL;
	int64_t v = 0;
	if (sqlite3_prepare_v2(db, "SELECT value FROM sync_base_meta WHERE key = ?", -1, &st,
	                       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

/* Text kept in the baseline's meta table, copied into out ("" when absent). */
static void sync_base_meta_text(sqlite3 *db, const char *key, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT value FROM sync_base_meta WHERE key = ?", -1, &st,
	                       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
}

static int sync_base_meta_set(sqlite3 *db, const char *key, const char *text, int64_t num)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO sync_base_meta VALUES (?, ?)", -1,
	                            &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (text)
			sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
		else
			sqlite3_bind_int64(st, 2, num);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/* A sentence for a baseline file that cannot be used. */
static enum error_code sync_base_fail(struct sync_base *b, int rc, struct error *err)
{
	return error_set(err, (rc & 0xff) == SQLITE_FULL ? ERROR_FULL : ERROR_IO,
	                 "The synchronisation file %s cannot be used (%s); nothing was changed. "
	                 "Deleting it is safe: the next export to that laptop is then larger",
	                 b->path, b->db ? sqlite3_errmsg(b->db) : sqlite3_errstr(rc));
}

/*
 * Open the baseline file at path (taken over: freed by sync_base_close).
 * With create, a missing file is made (0600);
 * without, a missing file leaves b->db NULL. A baseline made for other
 * columns (an older schema) is emptied: it then only makes exports larger.
 */
static enum error_code sync_base_open_path(struct store *s, const struct sync_schema *sc,
                                           char *path, bool create, struct sync_base *b,
                                           struct error *err)
{
	memset(b, 0, sizeof *b);
	b->path = path;
	struct stat st;
	if (stat(b->path, &st) != 0) {
		if (!create)
			return ERROR_NONE;
		enum error_code code = sync_folder_make(s, err);
		if (code != ERROR_NONE)
			return code;
		int fd = open(b->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0)
			close(fd);
	}
	int rc =
	        sqlite3_open_v2(b->path, &b->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		char *setup = mem_printf("PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; "
		                         "PRAGMA cache_size = -%d",
		                         SYNC_CACHE_KIB);
		rc = sqlite3_exec(b->db, setup, NULL, NULL, NULL);
		free(setup);
	}
	if (rc != SQLITE_OK)
		return sync_base_fail(b, rc, err);
	char sig[32], want[32];
	sync_base_meta_text(b->db, "signature", sig, sizeof sig);
	snprintf(
	        want, sizeof want, "%016llx",
	        (unsigned long long)sync_fnv(SYNC_FNV_START, sc->signature, strlen(sc->signature)));
	if (strcmp(sig, want) != 0) {
		/* New, or made for other columns: start it again, empty. */
		char *ddl = sync_base_ddl(sc, "");
		struct buf drop = { 0 };
		buf_printf(&drop, "BEGIN;");
		for (size_t i = 0; i < sc->n; i++)
			buf_printf(&drop, "DROP TABLE IF EXISTS \"%s\";", sc->t[i].name);
		buf_printf(&drop, "DROP TABLE IF EXISTS sync_base_meta; %s", ddl);
		rc = sqlite3_exec(b->db, drop.data, NULL, NULL, NULL);
		free(drop.data);
		free(ddl);
		if (rc == SQLITE_OK)
			rc = sync_base_meta_set(b->db, "signature", want, 0);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(b->db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			enum error_code code = sync_base_fail(b, rc, err);
			sqlite3_exec(b->db, "ROLLBACK", NULL, NULL, NULL);
			return code;
		}
	}
	b->acked_seq = sync_base_meta_int(b->db, "acked_seq");
	sync_base_meta_text(b->db, "acked_made", b->acked_made, sizeof b->acked_made);
	return ERROR_NONE;
}

/* The baseline of peer (see sync_base_open_path). */
static enum error_code sync_base_open(struct store *s, const struct sync_schema *sc,
                                      const char *peer, bool create, struct sync_base *b,
                                      struct error *err)
{
	return sync_base_open_path(s, sc, sync_base_path(s, peer), create, b, err);
}

/* True when the baseline holds no rows (new, or emptied after a schema change). */
static bool sync_base_is_empty(const struct sync_base *b, const struct sync_schema *sc)
{
	for (size_t i = 0; i < sc->n; i++) {
		char *sql = mem_printf("SELECT 1 FROM \"%s\" LIMIT 1", sc->t[i].name);
		sqlite3_stmt *st = NULL;
		bool any = sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) == SQLITE_OK &&
		           sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		free(sql);
		if (any)
			return false;
	}
	return true;
}

/* What applying to a baseline needs to know. */
struct sync_base_ctx {
	sqlite3 *db;
	const struct sync_schema *sc;
};

/* Insert the columns given of a row (the rest unknown) into a baseline. */
static void sync_base_stub(const struct sync_base_ctx *b, const char *table,
                           sqlite3_changeset_iter *it)
{
	int ti = sync_table_index(b->sc, table);
	if (ti < 0)
		return;
	const struct sync_table *t = &b->sc->t[ti];
	struct buf cols = { 0 }, marks = { 0 };
	sqlite3_value **vals = mem_calloc((size_t)t->ncol, sizeof *vals);
	int n = 0;
	for (int c = 0; c < t->ncol; c++) {
		sqlite3_value *v = NULL;
		if ((sqlite3changeset_new(it, c, &v) != SQLITE_OK || !v) &&
		    (c != 0 || sqlite3changeset_old(it, c, &v) != SQLITE_OK || !v))
			continue;
		buf_printf(&cols, "%s\"%s\"", n ? "," : "", t->cols[c]);
		buf_printf(&marks, "%s?", n ? "," : "");
		vals[n++] = v;
	}
	char *sql = mem_printf("INSERT OR REPLACE INTO \"%s\" (%s) VALUES (%s)", t->name, cols.data,
	                       marks.data);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) == SQLITE_OK) {
		for (int i = 0; i < n; i++)
			sqlite3_bind_value(st, i + 1, vals[i]);
		sqlite3_step(st); /* a baseline that misses it only makes exports larger */
	}
	sqlite3_finalize(st);
	free(sql);
	free(vals);
	free(cols.data);
	free(marks.data);
}

/* Baselines follow the sender: its version of a row replaces ours. */
static int sync_base_conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	if (type == SQLITE_CHANGESET_DATA || type == SQLITE_CHANGESET_CONFLICT)
		return SQLITE_CHANGESET_REPLACE;
	const char *table;
	int ncol, op, indirect;
	if (type == SQLITE_CHANGESET_NOTFOUND &&
	    sqlite3changeset_op(it, &table, &ncol, &op, &indirect) == SQLITE_OK &&
	    op == SQLITE_UPDATE)
		sync_base_stub(ctx, table, it); /* it has the row; we know part of it */
	return SQLITE_CHANGESET_OMIT;
}

/* Apply a changeset to a baseline, inside the caller's transaction on it. */
static int sync_base_apply(struct sync_base *b, const struct sync_schema *sc, const void *data,
                           int64_t size)
{
	struct sync_base_ctx ctx = { b->db, sc };
	return sqlite3changeset_apply_v2(b->db, (int)size, (void *)data, NULL, sync_base_conflict,
	                                 &ctx, NULL, NULL, SQLITE_CHANGESETAPPLY_NOSAVEPOINT);
}

/* ---- peers ---- */

void sync_peers_free(struct sync_peer *peers, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(peers[i].name);
	free(peers);
}

/* Copy a nullable text column into a fixed buffer. */
static void sync_column_copy(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	snprintf(out, size, "%s", t ? t : "");
}

enum error_code sync_peers(struct store *s, struct sync_peer **peers, size_t *count,
                           struct error *err)
{
	*peers = NULL;
	*count = 0;
	sqlite3_stmt *st = store_prepare_fresh(
	        s,
	        "SELECT database_id, name, last_received_at, received_seq, received_made_at, "
	        "last_sent_at, sent_seq, acked_seq FROM sync_peer ORDER BY name COLLATE NOCASE, "
	        "database_id",
	        err);
	if (!st)
		return err ? err->code : ERROR_IO;
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		mem_grow((void **)peers, &cap, *count + 1, sizeof **peers);
		struct sync_peer *p = &(*peers)[(*count)++];
		memset(p, 0, sizeof *p);
		sync_copy_id(p->id, (const char *)sqlite3_column_text(st, 0));
		p->name = text_clean((const char *)sqlite3_column_text(st, 1), 0);
		sync_column_copy(st, 2, p->last_received_at, sizeof p->last_received_at);
		p->received_seq = sqlite3_column_int64(st, 3);
		sync_column_copy(st, 4, p->received_made, sizeof p->received_made);
		sync_column_copy(st, 5, p->last_sent_at, sizeof p->last_sent_at);
		p->sent_seq = sqlite3_column_int64(st, 6);
		p->acked_seq = sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sync_peers_free(*peers, *count);
		*peers = NULL;
		*count = 0;
		return store_fail(s, rc, "reading the laptops heard from", err);
	}
	return ERROR_NONE;
}

/* Choose the destination of an export: *peer is "" for anyone (everything). */
static enum error_code sync_destination(struct store *s, const struct sync_export_options *opt,
                                        char peer[SYNC_ID_SIZE], char **name, struct error *err)
{
	peer[0] = '\0';
	*name = NULL;
	if (opt && opt->all)
		return ERROR_NONE;
	struct sync_peer *peers;
	size_t n;
	enum error_code code = sync_peers(s, &peers, &n, err);
	if (code != ERROR_NONE)
		return code;
	struct buf names = { 0 };
	for (size_t i = 0; i < n; i++)
		buf_printf(&names, "%s%s",
		           i == 0       ? ""
		           : i + 1 == n ? " and "
		                        : ", ",
		           peers[i].name);
	size_t found = n, matches = 0;
	for (size_t i = 0; opt && opt->to && i < n; i++) {
		if (strcasecmp(peers[i].name, opt->to) == 0 || strcmp(peers[i].id, opt->to) == 0) {
			found = i;
			matches++;
		}
	}
	bool screen = opt && opt->screen;
	if (opt && opt->to) {
		if (matches == 0)
			code = error_set(err, ERROR_USAGE,
			                 "No laptop called \"%.64s\" has sent a file here%s%s%s; "
			                 "to send everything to a new laptop, %s",
			                 opt->to, n ? " (heard from: " : "", n ? names.data : "",
			                 n ? ")" : "",
			                 screen ? "select A new laptop and export"
			                        : "export with --all");
		else if (matches > 1)
			code = error_set(err, ERROR_USAGE,
			                 "Several laptops are called \"%.64s\"; %s", opt->to,
			                 screen ? "select the row of the one meant and export"
			                        : "name the one meant by its id (see \"involve "
			                          "sync status\")");
	} else if (n == 1) {
		found = 0;
	} else if (n > 1) {
		if (screen)
			code = error_set(
			        err, ERROR_USAGE,
			        "Say which laptop the file is for: select its row (%s), or "
			        "A new laptop for everything, then export",
			        names.data);
		else
			code = error_set(err, ERROR_USAGE,
			                 "Say which laptop the file is for with --to: %s (or --all "
			                 "for everything, for a new laptop)",
			                 names.data);
	}
	if (code == ERROR_NONE && found < n) {
		memcpy(peer, peers[found].id, SYNC_ID_SIZE);
		*name = mem_strdup(peers[found].name);
	}
	free(names.data);
	sync_peers_free(peers, n);
	return code;
}

/* ---- forgetting ---- */

/* Delete a baseline file and its journal. */
static bool sync_base_remove(const char *path)
{
	char *journal = mem_printf("%s-journal", path);
	unlink(journal);
	free(journal);
	return unlink(path) == 0 || errno == ENOENT;
}

/*
 * SQL erasing the personal fields of the people matching where in a
 * baseline. The erased value is a one-byte blob: no stored value is ever a
 * blob, so it differs from everything and the next export still carries the
 * forgetting (as the change from it), without the details themselves.
 */
static char *sync_scrub_sql(const char *where)
{
	struct buf sql = { 0 };
	buf_printf(&sql, "UPDATE person SET ");
	int n = 0;
	for (size_t i = 0; i < person_kind.nfields; i++)
		if (person_kind.fields[i].flags & FIELD_PERSONAL)
			buf_printf(&sql, "%s\"%s\" = X'00'", n++ ? ", " : "",
			           person_kind.fields[i].name);
	buf_printf(&sql, " WHERE %s", where);
	return sql.data;
}

/*
 * After the baseline took in another laptop's records: people forgotten here
 * but not yet there lose their details in the copy too. False when that
 * could not be done: the baseline is then deleted (b->db is NULL).
 */
static bool sync_base_scrub_forgotten(struct sync_base *b, struct store *s)
{
	char *scrub = sync_scrub_sql("coalesce(anonymised, 0) <> 1 AND id IN (SELECT id FROM "
	                             "live.person WHERE anonymised = 1)");
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(b->db, "ATTACH ? AS live", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, store_path(s), -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK) {
		rc = sqlite3_exec(b->db, scrub, NULL, NULL, NULL);
		sqlite3_exec(b->db, "DETACH live", NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK) {
		/* Rather no copy than one that keeps a forgotten person's details. */
		sqlite3_close_v2(b->db);
		b->db = NULL;
		sync_base_remove(b->path);
	}
	free(scrub);
	return rc == SQLITE_OK;
}

/* Overwrite the personal fields of person id in the baseline at path; false when it cannot. */
static bool sync_base_scrub(const char *path, const char *sql, int64_t id)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA secure_delete = ON", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	sqlite3_close_v2(db);
	return rc == SQLITE_OK;
}

enum error_code sync_forget(struct store *s, int64_t person_id, struct error *err)
{
	char *dir = sync_folder(s);
	DIR *d = opendir(dir);
	if (!d) {
		free(dir);
		return ERROR_NONE; /* nothing kept */
	}
	char *sql = sync_scrub_sql("id = ?");
	enum error_code code = ERROR_NONE;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && code == ERROR_NONE) {
		size_t len = strlen(e->d_name);
		char *path = mem_printf("%s/%s", dir, e->d_name);
		bool base = strncmp(e->d_name, "peer-", 5) == 0 && len > 8 &&
		            strcmp(e->d_name + len - 3, ".db") == 0;
		bool sent = strncmp(e->d_name, "sent-", 5) == 0 && len > 10 &&
		            strcmp(e->d_name + len - 5, ".sync") == 0;
		bool gone = true;
		if (base)
			gone = sync_base_scrub(path, sql, person_id) || sync_base_remove(path);
		else if (sent)
			gone = unlink(path) == 0 || errno == ENOENT;
		if (!gone)
			code = error_set(
			        err, ERROR_IO,
			        "%s holds a copy of their details and cannot be changed or "
			        "deleted (%s); delete it by hand, then forget them again",
			        path, strerror(errno));
		free(path);
	}
	closedir(d);
	free(sql);
	free(dir);
	return code;
}

/* ---- export ---- */

void sync_export_result_free(struct sync_export_result *res)
{
	if (res) {
		free(res->to_name);
		memset(res, 0, sizeof *res);
	}
}

/*
 * Set the store's cache_size pragma (negative: KiB) for one big operation
 * and return the value it replaced, for putting back the same way.
 */
static int64_t sync_cache(struct store *s, int64_t value)
{
	int64_t old = record_lookup(s, "PRAGMA cache_size", "");
	char *sql = mem_printf("PRAGMA cache_size = %lld", (long long)value);
	store_exec(s, sql, NULL);
	free(sql);
	return old ? old : -2000; /* SQLite's default, should the pragma not answer */
}

/* Attach the database file at path to the store's connection as sync_base. */
static enum error_code sync_attach(struct store *s, const char *path, struct error *err)
{
	sqlite3_stmt *st = store_prepare_fresh(s, "ATTACH ? AS " SYNC_BASE_ALIAS, err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ERROR_NONE
	                         : store_fail(s, rc, "reading what the other laptop has", err);
}

/*
 * Attach the baseline for peer as sync_base: an empty one when there is no
 * peer or nothing is known of it, and then *empty says the export is complete.
 */
static enum error_code sync_attach_base(struct store *s, const struct sync_schema *sc,
                                        const char *peer, int64_t *acked, bool *empty,
                                        struct error *err)
{
	*acked = 0;
	char *path = NULL;
	if (peer[0]) {
		struct sync_base b;
		enum error_code code = sync_base_open(s, sc, peer, false, &b, err);
		if (code != ERROR_NONE) {
			sync_base_close(&b);
			return code;
		}
		if (b.db && !sync_base_is_empty(&b, sc)) {
			path = mem_strdup(b.path);
			*acked = b.acked_seq;
		}
		sync_base_close(&b);
	}
	enum error_code code = sync_attach(s, path ? path : ":memory:", err);
	if (code == ERROR_NONE && !path) {
		char *ddl = sync_base_ddl(sc, SYNC_BASE_ALIAS ".");
		code = store_exec(s, ddl, err);
		free(ddl);
		if (code != ERROR_NONE)
			store_exec(s, "DETACH " SYNC_BASE_ALIAS, NULL);
	}
	*empty = !path;
	free(path);
	return code;
}

/*
 * Add to session the changes turning table in database from into the
 * session's. The table is attached first: SQLite 3.40's sqlite3session_diff
 * records nothing for a table it has to attach itself.
 */
static int sync_session_diff(sqlite3_session *session, const char *from, const char *table)
{
	int rc = sqlite3session_attach(session, table);
	char *msg = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3session_diff(session, from, table, &msg);
	sqlite3_free(msg);
	return rc;
}

/* The changes turning sync_base into main, for every record table. */
static enum error_code sync_diff(struct store *s, const struct sync_schema *sc, int *n, void **data,
                                 struct error *err)
{
	sqlite3_session *session = NULL;
	*n = 0;
	*data = NULL;
	int rc = sqlite3session_create(store_db(s), "main", &session);
	for (size_t i = 0; rc == SQLITE_OK && i < sc->n; i++)
		rc = sync_session_diff(session, SYNC_BASE_ALIAS, sc->t[i].name);
	if (rc == SQLITE_OK)
		rc = sqlite3session_changeset(session, n, data);
	sqlite3session_delete(session);
	return rc == SQLITE_OK ? ERROR_NONE : store_fail(s, rc, "working out the changes", err);
}

/* Count the changes in a changeset; -1 when it cannot be read. */
static int64_t sync_count_changes(const void *data, int size)
{
	sqlite3_changeset_iter *it = NULL;
	if (sqlite3changeset_start(&it, size, (void *)data) != SQLITE_OK)
		return -1;
	int64_t n = 0;
	int rc;
	while ((rc = sqlite3changeset_next(it)) == SQLITE_ROW)
		n++;
	int frc = sqlite3changeset_finalize(it);
	return rc == SQLITE_DONE && frc == SQLITE_OK ? n : -1;
}

/* The acknowledgements to send: each laptop heard from and its last export applied here. */
static enum error_code sync_collect_acks(struct store *s, struct sync_header *h, struct error *err)
{
	sqlite3_stmt *st = store_prepare_fresh(
	        s,
	        "SELECT database_id, received_seq, received_made_at FROM sync_peer WHERE "
	        "received_seq > 0 ORDER BY database_id",
	        err);
	if (!st)
		return err ? err->code : ERROR_IO;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sync_ack a;
		sync_copy_id(a.id, (const char *)sqlite3_column_text(st, 0));
		a.seq = sqlite3_column_int64(st, 1);
		sync_column_copy(st, 2, a.made, sizeof a.made);
		if (!a.id[0])
			continue;
		h->acks = mem_realloc(h->acks, (h->nacks + 1) * sizeof *h->acks);
		h->acks[h->nacks++] = a;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "reading the laptops", err);
}

/* Record the export in sync_export and on its destination's row. */
static enum error_code sync_record_export(struct store *s, const struct sync_header *h,
                                          int64_t bytes, struct error *err)
{
	sqlite3_stmt *st = store_prepare(
	        s,
	        "INSERT INTO sync_export (seq, made_at, peer_id, base_seq, changes, bytes) "
	        "VALUES (?, ?, ?, ?, ?, ?)",
	        err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_int64(st, 1, h->seq);
	sqlite3_bind_text(st, 2, h->made, -1, SQLITE_STATIC);
	if (h->dest[0])
		sqlite3_bind_text(st, 3, h->dest, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, h->base);
	sqlite3_bind_int64(st, 5, h->changes);
	sqlite3_bind_int64(st, 6, bytes);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE && h->dest[0]) {
		st = store_prepare(s,
		                   "UPDATE sync_peer SET last_sent_at = ?, sent_seq = ? WHERE "
		                   "database_id = ?",
		                   err);
		if (!st)
			return err ? err->code : ERROR_IO;
		sqlite3_bind_text(st, 1, h->made, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, h->seq);
		sqlite3_bind_text(st, 3, h->dest, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(s, rc, "recording the export", err);
}

/* Remove kept exports too old to be waited for. */
static void sync_prune_sent(struct store *s, int64_t newest)
{
	for (int64_t seq = newest - SYNC_KEEP_SENT; seq > 0; seq--) {
		char *p = sync_sent_path(s, seq);
		int gone = unlink(p) != 0 && errno == ENOENT;
		free(p);
		if (gone && seq < newest - 2 * SYNC_KEEP_SENT)
			break;
	}
}

enum error_code sync_export(struct store *s, const char *path,
                            const struct sync_export_options *opt, struct sync_export_result *res,
                            struct error *err)
{
	memset(res, 0, sizeof *res);
	if (store_in_transaction(s))
		return error_set(err, ERROR_BUSY,
		                 "Finish saving before exporting for another laptop");
	struct stat out, db;
	if (stat(path, &out) == 0 && stat(store_path(s), &db) == 0 && out.st_dev == db.st_dev &&
	    out.st_ino == db.st_ino)
		return error_set(err, ERROR_USAGE,
		                 "%s is the database itself; give another name for the sync file",
		                 path);
	struct sync_schema sc;
	enum error_code code = sync_schema_load(s, &sc, err);
	if (code != ERROR_NONE)
		return code;
	struct sync_header h = { .schema = store_schema_version() };
	sync_identity(s, h.source, h.family);
	code = sync_destination(s, opt, h.dest, &res->to_name, err);
	int64_t acked = 0;
	bool attached = false, empty = true;
	if (code == ERROR_NONE) {
		code = sync_attach_base(s, &sc, h.dest, &acked, &empty, err);
		attached = code == ERROR_NONE;
	}
	/* The diff reads every row twice, in no useful order: give it a larger cache. */
	int64_t cache = sync_cache(s, -SYNC_CACHE_KIB);
	if (code == ERROR_NONE)
		code = store_begin(s, err);
	if (code != ERROR_NONE) {
		sync_cache(s, cache);
		if (attached)
			store_exec(s, "DETACH " SYNC_BASE_ALIAS, NULL);
		sync_schema_free(&sc);
		return code;
	}
	int size = 0;
	void *data = NULL;
	char *head = NULL;
	size_t head_len = 0;
	code = sync_diff(s, &sc, &size, &data, err);
	if (code == ERROR_NONE) {
		h.changes = sync_count_changes(data, size);
		h.size = size;
		h.base = acked;
		h.complete = empty;
		h.name = sync_name(s);
		store_now(h.made);
		h.seq = record_lookup(s, "SELECT coalesce(max(seq), 0) + 1 FROM sync_export", "");
		code = sync_collect_acks(s, &h, err);
	}
	if (code == ERROR_NONE) {
		head = sync_header_write(&h, data, &head_len);
		code = sync_record_export(s, &h, (int64_t)(head_len + (size_t)size), err);
	}
	char *sent = sync_sent_path(s, h.seq);
	if (code == ERROR_NONE)
		code = sync_folder_make(s, err);
	if (code == ERROR_NONE)
		code = sync_write_file(sent, head, head_len, data, (size_t)size, err);
	if (code == ERROR_NONE) {
		code = sync_write_file(path, head, head_len, data, (size_t)size, err);
		if (code != ERROR_NONE)
			unlink(sent);
	}
	if (code == ERROR_NONE) {
		code = store_commit(s, err);
		if (code != ERROR_NONE) {
			unlink(path);
			unlink(sent);
		}
	} else {
		store_rollback(s);
	}
	store_exec(s, "DETACH " SYNC_BASE_ALIAS, NULL);
	sync_cache(s, cache);
	if (code == ERROR_NONE) {
		sync_prune_sent(s, h.seq);
		res->seq = h.seq;
		res->base_seq = acked;
		res->changes = h.changes;
		res->bytes = (int64_t)(head_len + (size_t)size);
		if (acked) {
			sqlite3_stmt *st = store_prepare(
			        s, "SELECT made_at FROM sync_export WHERE seq = ?", NULL);
			if (st) {
				sqlite3_bind_int64(st, 1, acked);
				if (sqlite3_step(st) == SQLITE_ROW)
					sync_column_copy(st, 0, res->base_at, sizeof res->base_at);
				sqlite3_reset(st);
			}
		}
	}
	free(sent);
	free(head);
	sqlite3_free(data);
	sync_header_free(&h);
	sync_schema_free(&sc);
	return code;
}

/* ---- apply ---- */

enum sync_note_kind {
	SYNC_NOTE_CONFLICT,      /* columns changed on both */
	SYNC_NOTE_KEPT_HERE,     /* deleted there, changed here: kept */
	SYNC_NOTE_KEPT_THEIRS,   /* deleted here, changed there: restored from there */
	SYNC_NOTE_COMES_BACK,    /* deleted here, changed there: returns with its next file */
	SYNC_NOTE_PARENT_THEIRS, /* deleted there, but records here belong to it: kept */
	SYNC_NOTE_PARENT_OURS,   /* deleted here, but records from there belong to it: kept */
	SYNC_NOTE_CAME_BACK,     /* deleted here earlier, sent back from there */
	SYNC_NOTE_MERGED,        /* one natural key recorded on both under two ids */
	SYNC_NOTE_REMOVED,       /* what it belonged to is gone everywhere: removed */
};

struct sync_note {
	enum sync_note_kind kind;
	int table;
	int64_t id;
	char *columns;    /* labels of the columns concerned: "notes and venue" */
	bool theirs_won;  /* the sender's values were kept */
	bool no_ancestor; /* nothing said what the row was before, so "differ" */
	bool all_text;    /* every column concerned holds text */
	char *what;       /* the record described beforehand, when it may not survive */
};

struct sync_key {
	int table;
	int64_t id;
};

struct sync_orphan_set;

/* A person the file changes who is not forgotten here, in case the file forgets them. */
struct sync_watch {
	int64_t id;
	bool *given; /* per column: the file gives a value */
};

struct sync_apply_ctx {
	struct store *s;
	sqlite3 *db;
	const struct sync_schema *sc;
	sqlite3 *base;               /* our copy of what the sender has (ancestors), or NULL */
	const char *from;            /* the sender's name */
	const struct sync_header *h; /* the file being applied */
	struct sync_note *notes;
	size_t nnotes, cap;
	struct sync_key *removed; /* rows removed for good: never restored */
	size_t nremoved;
	const void *data; /* the changes to apply (the file's, or derived from it) */
	int size;
	struct sync_orphan_set *orphans; /* while deleted parents are looked for */
	struct sync_watch *watch;        /* people the file changes who are not forgotten here */
	size_t nwatch, watch_cap;
	struct sync_row *guards; /* people the file changes who are forgotten here */
	size_t nguards, guards_cap;
	bool forgot;          /* someone was forgotten through this file */
	enum error_code code; /* the first failure; the apply is then abandoned */
	struct error *err;
	const char *path;
};

static struct sync_note *sync_note_add(struct sync_apply_ctx *c, enum sync_note_kind kind,
                                       int table, int64_t id)
{
	mem_grow((void **)&c->notes, &c->cap, c->nnotes + 1, sizeof *c->notes);
	struct sync_note *n = &c->notes[c->nnotes++];
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->table = table;
	n->id = id;
	return n;
}

/* Remember a failure (the first one wins) so the handler aborts the apply. */
static void sync_fail(struct sync_apply_ctx *c, int rc, const char *doing)
{
	if (c->code == ERROR_NONE)
		c->code = store_fail(c->s, rc, doing, c->err);
}

/* Read row id of table ti from db into r (all columns); false when there is none. */
static bool sync_read_row(sqlite3 *db, const struct sync_table *t, int64_t id, struct sync_row *r)
{
	sync_row_init(r, t->ncol);
	if (!db)
		return false;
	char *sql = mem_printf("SELECT * FROM \"%s\" WHERE id = ?", t->name);
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_count(st) == t->ncol) {
			for (int i = 0; i < t->ncol; i++)
				sync_row_set(r, i, sqlite3_column_value(st, i));
			found = true;
		}
	}
	sqlite3_finalize(st);
	free(sql);
	return found;
}

/* Copy the values a changeset gives for a row (new, or old with old set) into r. */
static void sync_iter_row(sqlite3_changeset_iter *it, const struct sync_table *t, int ncol,
                          bool old, struct sync_row *r)
{
	sync_row_init(r, t->ncol);
	for (int i = 0; i < ncol && i < t->ncol; i++) {
		sqlite3_value *v = NULL;
		if ((old ? sqlite3changeset_old(it, i, &v) : sqlite3changeset_new(it, i, &v)) ==
		            SQLITE_OK &&
		    v)
			sync_row_set(r, i, v);
	}
}

/* Write the columns of r that are given (not the id) to row id. */
static int sync_update_row(struct sync_apply_ctx *c, const struct sync_table *t, int64_t id,
                           const struct sync_row *r)
{
	struct buf sql = { 0 };
	buf_printf(&sql, "UPDATE \"%s\" SET ", t->name);
	int n = 0;
	for (int i = 1; i < r->n; i++)
		if (r->v[i])
			buf_printf(&sql, "%s\"%s\" = ?", n++ ? ", " : "", t->cols[i]);
	if (n == 0) {
		free(sql.data);
		return SQLITE_OK;
	}
	buf_printf(&sql, " WHERE id = ?");
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(c->db, sql.data, -1, &st, NULL);
	free(sql.data);
	int k = 1;
	for (int i = 1; rc == SQLITE_OK && i < r->n; i++)
		if (r->v[i])
			sqlite3_bind_value(st, k++, r->v[i]);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, k, id);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode(c->db);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Insert the columns of r that are given, id included. */
static int sync_insert_row(struct sync_apply_ctx *c, const struct sync_table *t,
                           const struct sync_row *r)
{
	struct buf cols = { 0 }, marks = { 0 };
	int n = 0;
	for (int i = 0; i < r->n; i++) {
		if (!r->v[i])
			continue;
		buf_printf(&cols, "%s\"%s\"", n ? ", " : "", t->cols[i]);
		buf_printf(&marks, "%s?", n ? ", " : "");
		n++;
	}
	char *sql =
	        mem_printf("INSERT INTO \"%s\" (%s) VALUES (%s)", t->name, cols.data, marks.data);
	free(cols.data);
	free(marks.data);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
	free(sql);
	int k = 1;
	for (int i = 0; rc == SQLITE_OK && i < r->n; i++)
		if (r->v[i])
			sqlite3_bind_value(st, k++, r->v[i]);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode(c->db);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Keep a note in the audit table of row id (op 'note', detail JSON). */
static void sync_audit(struct sync_apply_ctx *c, const struct sync_table *t, int64_t id,
                       const char *detail)
{
	sqlite3_stmt *st = store_prepare(
	        c->s, "INSERT INTO audit (tbl, row_id, op, detail) VALUES (?, ?, 'note', ?)", NULL);
	if (!st) {
		sync_fail(c, SQLITE_ERROR, "keeping the earlier version in the audit log");
		return;
	}
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_text(st, 3, detail, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		sync_fail(c, rc, "keeping the earlier version in the audit log");
}

/* Start an audit note: "sync with NAME: what". */
static void sync_detail_start(struct buf *b, const char *from, const char *what)
{
	buf_printf(b, "sync with %s: %s", from, what);
}

/*
 * Append "; heading: label = value, ..." for the given columns of r (all
 * given ones when mask is NULL), each value as stored, text in JSON quotes.
 */
static void sync_detail_row(struct buf *b, const char *heading, const struct sync_table *t,
                            const struct sync_row *r, const bool *mask)
{
	buf_printf(b, "; %s: ", heading);
	int n = 0;
	for (int i = 0; i < r->n; i++) {
		if ((mask && !mask[i]) || (!mask && !r->v[i]))
			continue;
		const struct field *f = record_field(t->kind, t->cols[i]);
		buf_printf(b, "%s%s = ", n++ ? ", " : "", f ? f->label : t->cols[i]);
		sync_json_value(b, r->v[i]);
	}
}

/* The label people know column i by ("notes", "date held"). */
static const char *sync_label(const struct sync_table *t, int i)
{
	const struct field *f = record_field(t->kind, t->cols[i]);
	return f ? f->label : t->cols[i];
}

/* "a", "a and b", "a, b and c" from the columns flagged in mask. */
static char *sync_label_list(const struct sync_table *t, const bool *mask, bool *all_text)
{
	int total = 0;
	*all_text = true;
	for (int i = 0; i < t->ncol; i++)
		total += mask[i];
	struct buf b = { 0 };
	int k = 0;
	for (int i = 0; i < t->ncol; i++) {
		if (!mask[i])
			continue;
		const struct field *f = record_field(t->kind, t->cols[i]);
		if (!f || f->type != FIELD_TEXT)
			*all_text = false;
		buf_printf(&b, "%s%s",
		           k == 0           ? ""
		           : k + 1 == total ? " and "
		                            : ", ",
		           sync_label(t, i));
		k++;
	}
	return b.data ? b.data : mem_strdup("");
}

/*
 * Settle a row changed on both sides, column by column: inc holds the
 * sender's values (NULL entries not given), anc what the row was before
 * (NULL: not known). Writes the result over row id, which exists here.
 */
static void sync_merge(struct sync_apply_ctx *c, int ti, int64_t id, const struct sync_row *inc,
                       const struct sync_row *anc)
{
	const struct sync_table *t = &c->sc->t[ti];
	struct sync_row cur;
	if (!sync_read_row(c->db, t, id, &cur)) {
		sync_row_free(&cur);
		sync_fail(c, SQLITE_CORRUPT, "merging a changed record");
		return;
	}
	int ua = t->updated_col;
	sqlite3_value *their_time = inc->v[ua] ? inc->v[ua] : anc ? anc->v[ua] : NULL;
	int newer = their_time && cur.v[ua] ? sync_value_cmp(their_time, cur.v[ua])
	                                    : (their_time ? 1 : -1);
	struct sync_row set;
	sync_row_init(&set, t->ncol);
	bool *conflict = mem_calloc((size_t)t->ncol, sizeof *conflict);
	struct sync_row lost;
	sync_row_init(&lost, t->ncol);
	bool theirs_won = false, any = false;
	/* Forgetting wins, and a forgotten person's details are never kept in a note. */
	int an = t->anon_col;
	bool here_forgotten = an >= 0 && cur.v[an] && sqlite3_value_int64(cur.v[an]) == 1;
	bool there_forgotten = an >= 0 && inc->v[an] && sqlite3_value_int64(inc->v[an]) == 1;
	for (int i = 1; i < t->ncol; i++) {
		sqlite3_value *n = inc->v[i], *a = anc ? anc->v[i] : NULL;
		if (i == ua || !n || sync_value_same(cur.v[i], n))
			continue;
		if ((here_forgotten || there_forgotten) && (t->personal[i] || i == an)) {
			if (!here_forgotten)
				sync_row_set(&set, i, n); /* the forgetting from there wins */
			continue;                         /* never a conflict, never in a note */
		}
		if (a && sync_value_same(cur.v[i], a)) {
			sync_row_set(&set, i, n); /* changed there only */
			continue;
		}
		if (a && sync_value_same(n, a))
			continue; /* changed here only */
		bool theirs = newer > 0 || (newer == 0 && sync_value_cmp(n, cur.v[i]) > 0);
		conflict[i] = any = true;
		if (theirs) {
			sync_row_set(&set, i, n);
			sync_row_set(&lost, i, cur.v[i]);
			theirs_won = true;
		} else {
			sync_row_set(&lost, i, n);
		}
	}
	if (inc->v[ua] && (!cur.v[ua] || sync_value_cmp(inc->v[ua], cur.v[ua]) > 0))
		sync_row_set(&set, ua, inc->v[ua]);
	int rc = sync_update_row(c, t, id, &set);
	if (rc != SQLITE_OK)
		sync_fail(c, rc, "merging a changed record");
	if (any && c->code == ERROR_NONE) {
		struct buf d = { 0 };
		sync_detail_start(&d, c->from,
		                  theirs_won ? "changed on both, kept the later version from there"
		                             : "changed on both, kept the later version made here");
		char *when = theirs_won ? mem_strdup("the earlier version, made here")
		                        : mem_printf("the earlier version, from %s", c->from);
		sync_detail_row(&d, when, t, &lost, conflict);
		free(when);
		sync_audit(c, t, id, d.data);
		free(d.data);
		struct sync_note *note = sync_note_add(c, SYNC_NOTE_CONFLICT, ti, id);
		note->columns = sync_label_list(t, conflict, &note->all_text);
		note->theirs_won = theirs_won;
		note->no_ancestor = !anc;
	}
	free(conflict);
	sync_row_free(&lost);
	sync_row_free(&set);
	sync_row_free(&cur);
}

/* True when row (table ti, id) was removed for good during this apply. */
static bool sync_was_removed(const struct sync_apply_ctx *c, int ti, int64_t id)
{
	for (size_t i = 0; i < c->nremoved; i++)
		if (c->removed[i].table == ti && c->removed[i].id == id)
			return true;
	return false;
}

/* The id of another row holding the same natural key as r, or 0. */
static int64_t sync_find_twin(struct sync_apply_ctx *c, const struct sync_table *t,
                              const struct sync_row *r)
{
	for (size_t k = 0; k < t->nuniques; k++) {
		char *sql = mem_printf("SELECT id FROM \"%s\" WHERE %s AND id IS NOT ?%d", t->name,
		                       t->uniques[k], t->ncol + 1);
		sqlite3_stmt *st = NULL;
		int64_t twin = 0;
		if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) == SQLITE_OK) {
			for (int j = 0; t->unique_cols[k][j] >= 0; j++) {
				int col = t->unique_cols[k][j];
				if (r->v[col])
					sqlite3_bind_value(st, j + 1, r->v[col]);
			}
			sqlite3_bind_value(st, t->ncol + 1, r->v[0]);
			if (sqlite3_step(st) == SQLITE_ROW)
				twin = sqlite3_column_int64(st, 0);
		}
		sqlite3_finalize(st);
		free(sql);
		if (twin)
			return twin;
	}
	return 0;
}

/* Point every reference to row from of table ti at row to instead. */
static int sync_repoint(struct sync_apply_ctx *c, int ti, int64_t from, int64_t to)
{
	int rc = SQLITE_OK;
	for (size_t u = 0; rc == SQLITE_OK && u < c->sc->n; u++) {
		const struct sync_table *ut = &c->sc->t[u];
		for (size_t k = 0; rc == SQLITE_OK && k < ut->nfks; k++) {
			if (ut->fks[k].table != ti)
				continue;
			char *sql = mem_printf("UPDATE \"%s\" SET \"%s\" = ? WHERE \"%s\" = ?",
			                       ut->name, ut->fks[k].from, ut->fks[k].from);
			sqlite3_stmt *st = NULL;
			rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
			free(sql);
			if (rc == SQLITE_OK) {
				sqlite3_bind_int64(st, 1, to);
				sqlite3_bind_int64(st, 2, from);
				rc = sqlite3_step(st) == SQLITE_DONE
				             ? SQLITE_OK
				             : sqlite3_extended_errcode(c->db);
			}
			sqlite3_finalize(st);
		}
	}
	return rc;
}

/* Delete row id of table t. */
static int sync_delete_row(struct sync_apply_ctx *c, const struct sync_table *t, int64_t id)
{
	char *sql = mem_printf("DELETE FROM \"%s\" WHERE id = ?", t->name);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
	free(sql);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode(c->db);
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Two rows, r (from the sender, id X, maybe already here) and its twin Y
 * here, hold one natural key (the same person at the same meeting). Keep one
 * row under the smaller id with the later row's values; every laptop does
 * the same, whichever way round the rows arrive.
 */
static void sync_merge_twins(struct sync_apply_ctx *c, int ti, const struct sync_row *r,
                             int64_t twin, bool r_here)
{
	const struct sync_table *t = &c->sc->t[ti];
	struct sync_row other;
	sync_read_row(c->db, t, twin, &other);
	int64_t x = sqlite3_value_int64(r->v[0]);
	int ua = t->updated_col;
	int cmp = r->v[ua] && other.v[ua] ? sync_value_cmp(r->v[ua], other.v[ua]) : 0;
	for (int i = 1; cmp == 0 && i < t->ncol; i++)
		if (r->v[i] && other.v[i])
			cmp = sync_value_cmp(r->v[i], other.v[i]);
	const struct sync_row *win = cmp >= 0 ? r : &other, *lose = cmp >= 0 ? &other : r;
	int64_t keep = x < twin ? x : twin, drop = x < twin ? twin : x;
	bool *differs = mem_calloc((size_t)t->ncol, sizeof *differs);
	bool any = false;
	for (int i = 1; i < t->ncol; i++) {
		if (i == ua || i == sync_column_index(t, "created_at"))
			continue;
		if (win->v[i] && lose->v[i] && !sync_value_same(win->v[i], lose->v[i]))
			differs[i] = any = true;
	}
	struct sync_row merged;
	sync_row_init(&merged, t->ncol);
	for (int i = 0; i < t->ncol; i++)
		sync_row_set(&merged, i, win->v[i] ? win->v[i] : lose->v[i]);
	sqlite3_value_free(merged.v[0]);
	merged.v[0] = NULL;
	int rc = SQLITE_OK;
	if (drop == twin || r_here)
		rc = sync_delete_row(c, t, drop);
	if (rc == SQLITE_OK)
		rc = sync_repoint(c, ti, drop, keep);
	if (rc == SQLITE_OK && (keep == twin || r_here)) {
		rc = sync_update_row(c, t, keep, &merged);
	} else if (rc == SQLITE_OK) {
		sync_row_set(&merged, 0, r->v[0]);
		rc = sync_insert_row(c, t, &merged);
	}
	if (rc != SQLITE_OK) {
		sync_fail(c, rc, "merging a record made on both laptops");
	} else if (any) {
		struct buf d = { 0 };
		char *what = mem_printf("recorded on both; merged into this one, #%lld removed",
		                        (long long)drop);
		sync_detail_start(&d, c->from, what);
		free(what);
		sync_detail_row(&d, "the earlier entry had", t, lose, differs);
		sync_audit(c, t, keep, d.data);
		free(d.data);
		struct sync_note *note = sync_note_add(c, SYNC_NOTE_MERGED, ti, keep);
		note->columns = sync_label_list(t, differs, &note->all_text);
		note->theirs_won = win == r;
	}
	sync_row_free(&merged);
	sync_row_free(&other);
	free(differs);
}

/* Put a whole row in place (insert, or overwrite when here), merging with a twin if one clashes. */
static void sync_place(struct sync_apply_ctx *c, int ti, const struct sync_row *r, bool here)
{
	const struct sync_table *t = &c->sc->t[ti];
	int64_t id = sqlite3_value_int64(r->v[0]);
	int rc = here ? sync_update_row(c, t, id, r) : sync_insert_row(c, t, r);
	if (rc == SQLITE_OK)
		return;
	int64_t twin = (rc & 0xff) == SQLITE_CONSTRAINT ? sync_find_twin(c, t, r) : 0;
	if (twin) {
		sync_merge_twins(c, ti, r, twin, here);
	} else if ((rc & 0xff) == SQLITE_CONSTRAINT && c->code == ERROR_NONE) {
		c->code = error_set(c->err, ERROR_CORRUPT,
		                    "%s holds a %s this database does not accept (%s), so nothing "
		                    "was changed; the two laptops may run different versions of "
		                    "involve",
		                    c->path, t->kind->noun, sqlite3_errmsg(c->db));
	} else {
		sync_fail(c, rc, "saving a record from the other laptop");
	}
}

/* A record changed there was deleted here: bring back the sender's version. */
static void sync_restore_theirs(struct sync_apply_ctx *c, int ti, int64_t id,
                                const struct sync_row *inc)
{
	const struct sync_table *t = &c->sc->t[ti];
	struct sync_row full;
	if (sync_read_row(c->base, t, id, &full)) {
		for (int i = 0; i < t->ncol; i++)
			if (inc->v[i])
				sync_row_set(&full, i, inc->v[i]);
		sync_place(c, ti, &full, false);
		sync_note_add(c, SYNC_NOTE_KEPT_THEIRS, ti, id);
	} else {
		struct sync_note *n = sync_note_add(c, SYNC_NOTE_COMES_BACK, ti, id);
		n->what = mem_printf("A %s", t->kind->noun);
	}
	sync_row_free(&full);
}

/* The conflict handler of the main apply: settle each clash as the header comment says. */
static int sync_on_conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	struct sync_apply_ctx *c = ctx;
	const char *table;
	int ncol, op, indirect;
	if (c->code != ERROR_NONE ||
	    sqlite3changeset_op(it, &table, &ncol, &op, &indirect) != SQLITE_OK)
		return SQLITE_CHANGESET_ABORT;
	int ti = sync_table_index(c->sc, table);
	if (ti < 0)
		return SQLITE_CHANGESET_OMIT;
	const struct sync_table *t = &c->sc->t[ti];
	struct sync_row inc, old;
	sync_iter_row(it, t, ncol, false, &inc);
	sync_iter_row(it, t, ncol, true, &old);
	sqlite3_value *key = op == SQLITE_INSERT ? inc.v[0] : old.v[0];
	int64_t id = key ? sqlite3_value_int64(key) : 0;
	if (type == SQLITE_CHANGESET_DATA && op == SQLITE_DELETE) {
		/* Deleted there, changed here: keep it; the sender gets it back. */
		struct buf d = { 0 };
		sync_detail_start(&d, c->from, "deleted there but changed here, so kept");
		sync_audit(c, t, id, d.data);
		free(d.data);
		sync_note_add(c, SYNC_NOTE_KEPT_HERE, ti, id);
	} else if (type == SQLITE_CHANGESET_DATA) {
		sync_merge(c, ti, id, &inc, &old);
	} else if (type == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_UPDATE) {
		sync_restore_theirs(c, ti, id, &inc);
	} else if (type == SQLITE_CHANGESET_CONFLICT) {
		struct sync_row anc;
		bool known = sync_read_row(c->base, t, id, &anc);
		sync_merge(c, ti, id, &inc, known ? &anc : NULL);
		sync_row_free(&anc);
	} else if (type == SQLITE_CHANGESET_CONSTRAINT) {
		struct sync_row full;
		bool here = sync_read_row(op == SQLITE_UPDATE ? c->db : NULL, t, id, &full);
		if (!here) {
			sync_row_free(&full);
			sync_row_init(&full, t->ncol);
		}
		for (int i = 0; i < t->ncol; i++)
			if (inc.v[i])
				sync_row_set(&full, i, inc.v[i]);
		if (!full.v[0])
			sync_row_set(&full, 0, key);
		sync_place(c, ti, &full, here);
		sync_row_free(&full);
	}
	sync_row_free(&inc);
	sync_row_free(&old);
	return c->code == ERROR_NONE ? SQLITE_CHANGESET_OMIT : SQLITE_CHANGESET_ABORT;
}

/* One change of a changeset, as sync_each_change passes it on. */
struct sync_change {
	sqlite3_changeset_iter *it;
	int table; /* index in the schema */
	int ncol;
	int64_t id;
};

/*
 * Call fn for every change of kind op (SQLITE_INSERT, _DELETE) in the
 * changes being applied, until it returns false. Returns the SQLite code of
 * reading them.
 */
static int sync_each_change(struct sync_apply_ctx *c, int op,
                            bool (*fn)(struct sync_apply_ctx *c, struct sync_change *ch))
{
	sqlite3_changeset_iter *it = NULL;
	int rc = sqlite3changeset_start(&it, c->size, (void *)c->data);
	bool more = true;
	while (rc == SQLITE_OK && more && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *table;
		int ncol, kind, indirect;
		sqlite3_value *v = NULL;
		sqlite3changeset_op(it, &table, &ncol, &kind, &indirect);
		struct sync_change ch = { it, sync_table_index(c->sc, table), ncol, 0 };
		if (kind != op || ch.table < 0 ||
		    (op == SQLITE_INSERT ? sqlite3changeset_new(it, 0, &v)
		                         : sqlite3changeset_old(it, 0, &v)) != SQLITE_OK ||
		    !v)
			continue;
		ch.id = sqlite3_value_int64(v);
		more = fn(c, &ch);
	}
	if (it) {
		int frc = sqlite3changeset_finalize(it);
		rc = rc == SQLITE_OK ? frc : rc;
	}
	return rc;
}

/* Note a record deleted here that the file brings back. */
static bool sync_note_return(struct sync_apply_ctx *c, struct sync_change *ch)
{
	const char *table = c->sc->t[ch->table].name;
	char *sql = mem_printf("SELECT NOT EXISTS (SELECT 1 FROM \"%s\" WHERE id = ?2) AND "
	                       "EXISTS (SELECT 1 FROM audit WHERE tbl = ?1 AND row_id = ?2 "
	                       "AND op = 'delete')",
	                       table);
	if (record_lookup(c->s, sql, "ti", table, ch->id))
		sync_note_add(c, SYNC_NOTE_CAME_BACK, ch->table, ch->id);
	free(sql);
	return true;
}

/*
 * Before applying, for each person the file changes: one forgotten here is
 * guarded (their personal fields as they are now, to put back should a
 * change from there apply cleanly over them); anyone else is watched, in
 * case the file forgets them.
 */
static bool sync_watch_person(struct sync_apply_ctx *c, struct sync_change *ch)
{
	const struct sync_table *t = &c->sc->t[ch->table];
	if (t->anon_col < 0)
		return true;
	struct sync_row now;
	if (sync_read_row(c->db, t, ch->id, &now) && now.v[t->anon_col] &&
	    sqlite3_value_int64(now.v[t->anon_col]) == 1) {
		mem_grow((void **)&c->guards, &c->guards_cap, c->nguards + 1, sizeof *c->guards);
		c->guards[c->nguards++] = now;
		return true;
	}
	sync_row_free(&now);
	mem_grow((void **)&c->watch, &c->watch_cap, c->nwatch + 1, sizeof *c->watch);
	struct sync_watch *w = &c->watch[c->nwatch++];
	w->id = ch->id;
	w->given = mem_calloc((size_t)t->ncol, sizeof *w->given);
	for (int i = 0; i < t->ncol && i < ch->ncol; i++) {
		sqlite3_value *v = NULL;
		w->given[i] = sqlite3changeset_new(ch->it, i, &v) == SQLITE_OK && v;
	}
	return true;
}

/*
 * Before applying: note records deleted here that the file brings back, and
 * the people it changes who are not forgotten here.
 */
static enum error_code sync_prescan(struct sync_apply_ctx *c)
{
	int rc = SQLITE_OK;
	if (record_lookup(c->s, "SELECT EXISTS (SELECT 1 FROM audit WHERE op = 'delete')", ""))
		rc = sync_each_change(c, SQLITE_INSERT, sync_note_return);
	if (rc == SQLITE_OK)
		rc = sync_each_change(c, SQLITE_INSERT, sync_watch_person);
	if (rc == SQLITE_OK)
		rc = sync_each_change(c, SQLITE_UPDATE, sync_watch_person);
	return rc == SQLITE_OK ? ERROR_NONE : store_fail(c->s, rc, "reading the changes", c->err);
}

/*
 * After applying: a person forgotten here keeps no details a file brought
 * (the guarded fields go back), and someone the file forgot loses their
 * traces here too (privacy_erase_traces).
 */
static enum error_code sync_keep_forgotten(struct sync_apply_ctx *c)
{
	enum error_code code = ERROR_NONE;
	const struct sync_table *t = &c->sc->t[sync_table_index(c->sc, person_kind.table)];
	for (size_t g = 0; code == ERROR_NONE && g < c->nguards; g++) {
		const struct sync_row *was = &c->guards[g];
		int64_t id = sqlite3_value_int64(was->v[0]);
		struct sync_row now, back;
		sync_row_init(&back, t->ncol);
		if (sync_read_row(c->db, t, id, &now))
			for (int i = 1; i < t->ncol; i++)
				if (t->personal[i] && !sync_value_same(now.v[i], was->v[i]))
					sync_row_set(&back, i, was->v[i]);
		int rc = sync_update_row(c, t, id, &back);
		if (rc != SQLITE_OK)
			code = store_fail(c->s, rc, "keeping a forgotten person forgotten", c->err);
		sync_row_free(&now);
		sync_row_free(&back);
	}
	for (size_t w = 0; code == ERROR_NONE && w < c->nwatch; w++) {
		const struct sync_watch *p = &c->watch[w];
		if (!record_lookup(c->s, "SELECT anonymised = 1 FROM person WHERE id = ?", "i",
		                   p->id))
			continue;
		/* Forgotten there: what the file did not set there is no more (the name excepted).
		 */
		struct buf sql = { 0 };
		for (int i = 1; i < t->ncol; i++)
			if (t->personal[i] && !p->given[i] &&
			    strcmp(t->cols[i], person_kind.name_field) != 0)
				buf_printf(&sql, "%s\"%s\" = NULL",
				           sql.len ? ", " : "UPDATE person SET ", t->cols[i]);
		if (sql.data) {
			buf_printf(&sql, " WHERE id = ?");
			sqlite3_stmt *st = store_prepare_fresh(c->s, sql.data, c->err);
			free(sql.data);
			if (!st)
				return c->err ? c->err->code : ERROR_IO;
			sqlite3_bind_int64(st, 1, p->id);
			int rc = sqlite3_step(st);
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE)
				code = store_fail(c->s, rc, "erasing a forgotten person's details",
				                  c->err);
		}
		if (code == ERROR_NONE)
			code = privacy_erase_traces(c->s, p->id, c->err);
		c->forgot = true;
	}
	return code;
}

/* One record whose reference points at nothing after the changes. */
struct sync_orphan {
	int table, fk, parent;
	int64_t rowid, parent_id;
	bool restored;
};

static enum error_code sync_orphans(struct sync_apply_ctx *c, struct sync_orphan **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_prepare_fresh(c->s, "PRAGMA foreign_key_check", c->err);
	if (!st)
		return c->err ? c->err->code : ERROR_IO;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int ti = sync_table_index(c->sc, (const char *)sqlite3_column_text(st, 0));
		int fkid = sqlite3_column_int(st, 3);
		if (ti < 0)
			continue;
		const struct sync_table *t = &c->sc->t[ti];
		for (size_t k = 0; k < t->nfks; k++) {
			if (t->fks[k].id != fkid)
				continue;
			mem_grow((void **)out, &cap, *n + 1, sizeof **out);
			struct sync_orphan *o = &(*out)[(*n)++];
			o->table = ti;
			o->fk = (int)k;
			o->parent = t->fks[k].table;
			o->rowid = sqlite3_column_int64(st, 1);
			char *sql = mem_printf("SELECT \"%s\" FROM \"%s\" WHERE rowid = ?",
			                       t->fks[k].from, t->name);
			o->parent_id = record_lookup(c->s, sql, "i", o->rowid);
			o->restored = false;
			free(sql);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ERROR_NONE : store_fail(c->s, rc, "checking references", c->err);
}

/* Mark every orphan waiting for (parent, id) as served. */
static void sync_orphans_served(struct sync_orphan *o, size_t n, int parent, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (o[i].parent == parent && o[i].parent_id == id)
			o[i].restored = true;
}

/* The orphans waiting for parents, while the file's deletions are searched. */
struct sync_orphan_set {
	struct sync_orphan *o;
	size_t n;
	int restored;
};

/* A parent the file deleted that records here still need: put it back. */
static bool sync_restore_deleted(struct sync_apply_ctx *c, struct sync_change *ch)
{
	struct sync_orphan_set *set = c->orphans;
	bool wanted = false;
	for (size_t i = 0; i < set->n && !wanted; i++)
		wanted = !set->o[i].restored && set->o[i].parent == ch->table &&
		         set->o[i].parent_id == ch->id;
	if (wanted && !sync_was_removed(c, ch->table, ch->id)) {
		struct sync_row r;
		sync_iter_row(ch->it, &c->sc->t[ch->table], ch->ncol, true, &r);
		sync_place(c, ch->table, &r, false);
		sync_row_free(&r);
		sync_note_add(c, SYNC_NOTE_PARENT_THEIRS, ch->table, ch->id);
		sync_orphans_served(set->o, set->n, ch->table, ch->id);
		set->restored++;
	}
	return c->code == ERROR_NONE;
}

/* Bring back deleted parents from the file's deletions (deleted there). */
static int sync_restore_from_file(struct sync_apply_ctx *c, struct sync_orphan *o, size_t n)
{
	struct sync_orphan_set set = { o, n, 0 };
	c->orphans = &set;
	sync_each_change(c, SQLITE_DELETE, sync_restore_deleted);
	c->orphans = NULL;
	return set.restored;
}

/* Bring back parents deleted here that records from there still need. */
static int sync_restore_from_base(struct sync_apply_ctx *c, struct sync_orphan *o, size_t n)
{
	int restored = 0;
	for (size_t i = 0; i < n && c->code == ERROR_NONE; i++) {
		if (o[i].restored || sync_was_removed(c, o[i].parent, o[i].parent_id))
			continue;
		struct sync_row r;
		if (sync_read_row(c->base, &c->sc->t[o[i].parent], o[i].parent_id, &r)) {
			sync_place(c, o[i].parent, &r, false);
			sync_note_add(c, SYNC_NOTE_PARENT_OURS, o[i].parent, o[i].parent_id);
			sync_orphans_served(o, n, o[i].parent, o[i].parent_id);
			restored++;
		}
		sync_row_free(&r);
	}
	return restored;
}

/* "Meeting *Carers' forum* 2026-10-02": a record as people know it, cleaned for the terminal. */
static char *sync_describe(struct store *s, const struct record_kind *kind, int64_t id, bool nested)
{
	const char *noun = kind->noun;
	struct buf b = { 0 };
	buf_printf(&b, "%c%s", nested ? noun[0] : toupper((unsigned char)noun[0]), noun + 1);
	void *rec = mem_alloc(kind->size);
	if (record_get(s, kind, id, rec, NULL) != ERROR_NONE) {
		free(rec);
		buf_printf(&b, " that is no longer here");
		return b.data;
	}
	const struct field *name = kind->name_field ? record_field(kind, kind->name_field) : NULL;
	const struct field *order = record_field(kind, kind->order);
	if (name) {
		char *v = record_field_display(name, rec);
		char *clean = text_clean(v, 0);
		size_t cut = text_fit(clean, 60, NULL);
		buf_printf(&b, " *%.*s%s*", (int)cut, clean, clean[cut] ? "..." : "");
		free(clean);
		free(v);
	}
	if (order && !record_field_empty(order, rec) &&
	    (order->type == FIELD_DATE || (!name && order->type == FIELD_CHOICE))) {
		char *v = record_field_display(order, rec);
		char *clean = text_clean(v, 0);
		buf_printf(&b, " %s", clean);
		free(clean);
		free(v);
	}
	if (!name && !nested) {
		int k = 0;
		for (size_t i = 0; i < kind->nfields; i++) {
			const struct field *f = &kind->fields[i];
			if (f->type != FIELD_REF)
				continue;
			int64_t ref;
			memcpy(&ref, (const char *)rec + f->offset, sizeof ref);
			const struct record_kind *target = registry_find(f->ref_table);
			if (!target || !ref)
				continue;
			char *sub = sync_describe(s, target, ref, true);
			buf_printf(&b, "%s%s", k++ ? "; " : " (", sub);
			free(sub);
		}
		if (k)
			buf_add(&b, ")");
	}
	record_clear(kind, rec);
	free(rec);
	return b.data;
}

/* What is left: references that may be emptied are emptied, other records go with their parent. */
static void sync_settle_orphans(struct sync_apply_ctx *c, struct sync_orphan *o, size_t n)
{
	for (size_t i = 0; i < n && c->code == ERROR_NONE; i++) {
		const struct sync_table *t = &c->sc->t[o[i].table];
		const struct sync_fk *fk = &t->fks[o[i].fk];
		int rc;
		if (fk->set_null) {
			char *sql = mem_printf("UPDATE \"%s\" SET \"%s\" = NULL WHERE rowid = ?",
			                       t->name, fk->from);
			sqlite3_stmt *st = NULL;
			rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
			free(sql);
			if (rc == SQLITE_OK) {
				sqlite3_bind_int64(st, 1, o[i].rowid);
				rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK
				                                     : sqlite3_errcode(c->db);
			}
			sqlite3_finalize(st);
		} else {
			struct sync_row r;
			if (!sync_read_row(c->db, t, o[i].rowid, &r)) {
				sync_row_free(&r);
				continue; /* already removed through another reference */
			}
			struct sync_note *note =
			        sync_note_add(c, SYNC_NOTE_REMOVED, o[i].table, o[i].rowid);
			note->what = sync_describe(c->s, t->kind, o[i].rowid, false);
			struct buf d = { 0 };
			sync_detail_start(&d, c->from,
			                  "removed, as what it belonged to was deleted everywhere");
			sync_detail_row(&d, "it held", t, &r, NULL);
			sync_audit(c, t, o[i].rowid, d.data);
			free(d.data);
			sync_row_free(&r);
			rc = sync_delete_row(c, t, o[i].rowid);
			c->removed =
			        mem_realloc(c->removed, (c->nremoved + 1) * sizeof *c->removed);
			c->removed[c->nremoved++] = (struct sync_key){ o[i].table, o[i].rowid };
		}
		if (rc != SQLITE_OK)
			sync_fail(c, rc, "repairing references");
	}
}

/* Make every reference point at a record again, keeping what was changed anywhere. */
static enum error_code sync_repair(struct sync_apply_ctx *c)
{
	for (int round = 0; round < 64 && c->code == ERROR_NONE; round++) {
		struct sync_orphan *o;
		size_t n;
		if (sync_orphans(c, &o, &n) != ERROR_NONE)
			return c->err ? c->err->code : ERROR_IO;
		if (n == 0) {
			free(o);
			return c->code;
		}
		int restored = sync_restore_from_file(c, o, n);
		restored += sync_restore_from_base(c, o, n);
		if (restored == 0)
			sync_settle_orphans(c, o, n);
		free(o);
	}
	if (c->code == ERROR_NONE)
		c->code = error_set(c->err, ERROR_CORRUPT,
		                    "The records in %s refer to each other in a way that cannot be "
		                    "merged, so nothing was changed",
		                    c->path);
	return c->code;
}

/* The sentence for one note. */
static char *sync_sentence(struct sync_apply_ctx *c, const struct sync_note *n)
{
	const struct sync_table *t = &c->sc->t[n->table];
	const char *from = c->from;
	char *what = n->what ? mem_strdup(n->what) : sync_describe(c->s, t->kind, n->id, false);
	const char *earlier = n->all_text ? "text" : "values";
	char *out = NULL;
	switch (n->kind) {
	case SYNC_NOTE_CONFLICT: {
		/* With nothing to say what the row was before, it is only known to differ. */
		char *how = n->no_ancestor ? mem_printf("differed between here and %s", from)
		                           : mem_strdup("changed on both");
		if (n->theirs_won)
			out = mem_printf("%s: %s %s; kept the later version from %s, earlier %s "
			                 "saved in the audit log",
			                 what, n->columns, how, from, earlier);
		else
			out = mem_printf("%s: %s %s; kept the later version made here, %s's "
			                 "earlier %s saved in the audit log",
			                 what, n->columns, how, from, earlier);
		free(how);
		break;
	}
	case SYNC_NOTE_KEPT_HERE:
		out = mem_printf("%s: deleted on %s but changed here; kept it, and %s gets it back "
		                 "with the next file from here",
		                 what, from, from);
		break;
	case SYNC_NOTE_KEPT_THEIRS:
		out = mem_printf("%s: deleted here but changed on %s; kept %s's version", what,
		                 from, from);
		break;
	case SYNC_NOTE_COMES_BACK:
		out = mem_printf("%s deleted here was changed on %s; it comes back with the next "
		                 "file from %s",
		                 what, from, from);
		break;
	case SYNC_NOTE_PARENT_THEIRS:
		out = mem_printf("%s: deleted on %s, but records added or changed here belong to "
		                 "it; kept it",
		                 what, from);
		break;
	case SYNC_NOTE_PARENT_OURS:
		out = mem_printf("%s: deleted here, but %s added or changed records that belong "
		                 "to it; kept it",
		                 what, from);
		break;
	case SYNC_NOTE_CAME_BACK:
		out = mem_printf("%s: deleted here earlier, but it was changed elsewhere, so %s "
		                 "sent it back",
		                 what, from);
		break;
	case SYNC_NOTE_MERGED:
		if (n->columns[0])
			out = mem_printf(
			        "%s: recorded both here and on %s; merged into one, and "
			        "where they differed (%s) the later entry was kept, the other "
			        "saved in the audit log",
			        what, from, n->columns);
		else
			out = mem_printf("%s: recorded both here and on %s; merged into one", what,
			                 from);
		break;
	case SYNC_NOTE_REMOVED:
		out = mem_printf("%s: what it belonged to was deleted on every laptop, so it was "
		                 "removed too; its details are saved in the audit log",
		                 what);
		break;
	}
	free(what);
	return out;
}

void sync_apply_result_free(struct sync_apply_result *res)
{
	if (!res)
		return;
	free(res->from_name);
	for (size_t i = 0; i < res->nreports; i++)
		free(res->reports[i]);
	free(res->reports);
	memset(res, 0, sizeof *res);
}

/*
 * Check every change in the file before anything is written: tables this
 * build knows, with no more columns than it has (all of them when the
 * sender's schema is ours), keyed on id, and the count the header gives.
 */
static enum error_code sync_check_changes(const char *path, const struct sync_header *h,
                                          const struct sync_schema *sc, struct error *err)
{
	sqlite3_changeset_iter *it = NULL;
	int rc = sqlite3changeset_start(&it, (int)h->size, (void *)h->data);
	int64_t n = 0;
	enum error_code code = ERROR_NONE;
	while (rc == SQLITE_OK && code == ERROR_NONE &&
	       (rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		const char *table;
		int ncol, op, indirect;
		unsigned char *pk;
		int npk;
		if (sqlite3changeset_op(it, &table, &ncol, &op, &indirect) != SQLITE_OK ||
		    sqlite3changeset_pk(it, &pk, &npk) != SQLITE_OK) {
			rc = SQLITE_CORRUPT;
			break;
		}
		int ti = sync_table_index(sc, table);
		if (ti < 0) {
			code = error_set(err, ERROR_CORRUPT,
			                 "%s holds changes to \"%.40s\", which this involve does "
			                 "not keep; it may come from a newer involve. Nothing was "
			                 "changed",
			                 path, table);
			break;
		}
		int want = sc->t[ti].ncol;
		bool key_ok = npk == ncol && pk[0];
		for (int i = 1; key_ok && i < npk; i++)
			key_ok = !pk[i];
		sqlite3_value *id = NULL;
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, 0, &id);
		else
			sqlite3changeset_old(it, 0, &id);
		if (!key_ok || ncol > want ||
		    (h->schema == store_schema_version() && ncol != want) || !id ||
		    sqlite3_value_type(id) != SQLITE_INTEGER) {
			rc = SQLITE_CORRUPT;
			break;
		}
		n++;
	}
	int frc = it ? sqlite3changeset_finalize(it) : SQLITE_OK;
	if (code == ERROR_NONE &&
	    ((rc != SQLITE_DONE && rc != SQLITE_OK) || frc != SQLITE_OK || n != h->changes))
		code = error_set(err, ERROR_CORRUPT,
		                 "%s is damaged (its changes cannot be read); copy it again from "
		                 "%s. Nothing was changed",
		                 path, *h->name ? h->name : "the laptop that made it");
	return code;
}

/* True when this database holds at least one record. */
static bool sync_has_records(struct store *s, const struct sync_schema *sc)
{
	for (size_t i = 0; i < sc->n; i++) {
		char *sql = mem_printf("SELECT EXISTS (SELECT 1 FROM \"%s\")", sc->t[i].name);
		int64_t any = record_lookup(s, sql, "");
		free(sql);
		if (any)
			return true;
	}
	return false;
}

/* True when this database holds no records and has never synchronised. */
static bool sync_is_new(struct store *s, const struct sync_schema *sc)
{
	return !sync_has_records(s, sc) &&
	       !record_lookup(s,
	                      "SELECT EXISTS (SELECT 1 FROM sync_peer) OR EXISTS (SELECT 1 FROM "
	                      "sync_export)",
	                      "");
}

/* What the refusals check before anything is written; fills *join when joining a family. */
static enum error_code sync_admit(struct store *s, const char *path, const struct sync_header *h,
                                  const struct sync_schema *sc,
                                  const struct sync_apply_options *opt, bool *join, bool *already,
                                  struct error *err)
{
	char id[SYNC_ID_SIZE], family[SYNC_ID_SIZE];
	sync_identity(s, id, family);
	*join = *already = false;
	const char *who = *h->name ? h->name : "another laptop";
	bool screen = opt && opt->screen;
	if (h->schema > store_schema_version())
		return error_set(err, ERROR_NEWER,
		                 "%s comes from %s, whose involve is newer (database version %d; "
		                 "this one knows up to %d); update involve here, then apply it "
		                 "again. Nothing was changed",
		                 path, who, h->schema, store_schema_version());
	if (strcmp(h->source, id) == 0)
		return error_set(
		        err, ERROR_INVALID,
		        "%s was made from this database (%s), so there is nothing in it to "
		        "apply; apply it on the other laptop. (A copy of a database file "
		        "cannot synchronise with its original: start a new laptop from %s.) "
		        "Nothing was changed",
		        path, who,
		        screen ? "a file written by selecting A new laptop and export"
		               : "an export made with --all");
	enum error_code code = sync_check_changes(path, h, sc, err);
	if (code != ERROR_NONE)
		return code;
	if (strcmp(h->family, family) != 0) {
		if (!(opt && opt->join) && !sync_is_new(s, sc))
			return error_set(
			        err, ERROR_INVALID,
			        "%s comes from %s, which keeps a different record (it did "
			        "not start from a copy of this one), so nothing was changed; "
			        "to combine the two records on purpose, %s",
			        path, who,
			        screen ? "choose combine (the c key) and give the same file"
			               : "apply it asking to join (involve sync apply FILE "
			                 "--join)");
		*join = true;
	}
	sqlite3_stmt *st = store_prepare(
	        s, "SELECT received_seq, received_made_at FROM sync_peer WHERE database_id = ?",
	        err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, h->source, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		int64_t seq = sqlite3_column_int64(st, 0);
		const char *made = (const char *)sqlite3_column_text(st, 1);
		*already = h->seq < seq || (h->seq == seq && made && strcmp(made, h->made) == 0);
	}
	sqlite3_reset(st);
	return ERROR_NONE;
}

/* Our export the sender says it has applied, into its baseline (before its own changes). */
static void sync_take_ack(struct store *s, const struct sync_schema *sc,
                          const struct sync_header *h, struct sync_base *b)
{
	char id[SYNC_ID_SIZE], family[SYNC_ID_SIZE];
	sync_identity(s, id, family);
	const struct sync_ack *ack = NULL;
	for (size_t i = 0; i < h->nacks; i++)
		if (strcmp(h->acks[i].id, id) == 0)
			ack = &h->acks[i];
	if (!ack || ack->seq <= b->acked_seq)
		return;
	char *sent = sync_sent_path(s, ack->seq);
	unsigned char *buf;
	size_t n;
	struct sync_header sh;
	if (sync_read_file(sent, &buf, &n, NULL) == ERROR_NONE &&
	    sync_header_parse(sent, buf, n, &sh, NULL) == ERROR_NONE) {
		if (strcmp(sh.made, ack->made) == 0 &&
		    sqlite3_exec(b->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK) {
			int rc = sync_base_apply(b, sc, sh.data, sh.size);
			if (rc == SQLITE_OK)
				rc = sync_base_meta_set(b->db, "acked_seq", NULL, ack->seq);
			if (rc == SQLITE_OK)
				rc = sync_base_meta_set(b->db, "acked_made", ack->made, 0);
			if (rc == SQLITE_OK)
				rc = sqlite3_exec(b->db, "COMMIT", NULL, NULL, NULL);
			if (rc != SQLITE_OK)
				sqlite3_exec(b->db, "ROLLBACK", NULL, NULL, NULL);
		}
		sync_header_free(&sh);
	}
	free(buf);
	free(sent);
}

/* Record the sender as heard from, and join its family when asked to. */
static enum error_code sync_record_receipt(struct store *s, const struct sync_header *h, bool join,
                                           struct error *err)
{
	char id[SYNC_ID_SIZE], family[SYNC_ID_SIZE], now[STORE_TIME_SIZE];
	sync_identity(s, id, family);
	store_now(now);
	int64_t acked = 0;
	for (size_t i = 0; i < h->nacks; i++)
		if (strcmp(h->acks[i].id, id) == 0)
			acked = h->acks[i].seq;
	sqlite3_stmt *st = store_prepare(
	        s,
	        "INSERT INTO sync_peer (database_id, name, first_seen_at, last_received_at, "
	        "received_seq, received_made_at, acked_seq, acked_at) VALUES (?1, ?2, ?3, ?3, ?4, "
	        "?5, ?6, CASE WHEN ?6 > 0 THEN ?3 END) ON CONFLICT (database_id) DO UPDATE SET "
	        "name = excluded.name, last_received_at = excluded.last_received_at, received_seq "
	        "= "
	        "excluded.received_seq, received_made_at = excluded.received_made_at, acked_at = "
	        "CASE WHEN excluded.acked_seq > acked_seq THEN excluded.last_received_at ELSE "
	        "acked_at END, acked_seq = max(acked_seq, excluded.acked_seq)",
	        err);
	if (!st)
		return err ? err->code : ERROR_IO;
	sqlite3_bind_text(st, 1, h->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, *h->name ? h->name : h->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, h->seq);
	sqlite3_bind_text(st, 5, h->made, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, acked);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "recording the other laptop", err);
	return join ? store_meta_set(s, "sync.family", h->family, err) : ERROR_NONE;
}

/* Conflicts while copying a complete file into a scratch database: there are none to settle. */
static int sync_omit(void *ctx, int type, sqlite3_changeset_iter *it)
{
	(void)ctx, (void)type, (void)it;
	return SQLITE_CHANGESET_OMIT;
}

/*
 * A complete file holds every record its sender has, as inserts: it cannot
 * say what the sender deleted or which values it changed. Turn it into those
 * changes: copy it into a scratch database and sqlite3session_diff that
 * against the baseline (what the sender was known to have). The result has
 * old values, updates and deletions like any other file. *data is freed with
 * sqlite3_free.
 */
static enum error_code sync_derive(struct sync_base *b, const struct sync_schema *sc,
                                   const struct sync_header *h, void **data, int *size,
                                   struct error *err)
{
	*data = NULL;
	*size = 0;
	sqlite3 *snap = NULL;
	sqlite3_session *session = NULL;
	char *ddl = sync_base_ddl(sc, "");
	int rc = sqlite3_open_v2("", &snap, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(snap, ddl, NULL, NULL, NULL);
	free(ddl);
	if (rc == SQLITE_OK)
		rc = sqlite3changeset_apply(snap, (int)h->size, (void *)h->data, NULL, sync_omit,
		                            NULL);
	if (rc == SQLITE_OK) {
		sqlite3_stmt *st = NULL;
		rc = sqlite3_prepare_v2(snap, "ATTACH ? AS known", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, b->path, -1, SQLITE_STATIC);
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(snap);
		}
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3session_create(snap, "main", &session);
	for (size_t i = 0; rc == SQLITE_OK && i < sc->n; i++)
		rc = sync_session_diff(session, "known", sc->t[i].name);
	if (rc == SQLITE_OK)
		rc = sqlite3session_changeset(session, size, data);
	sqlite3session_delete(session);
	enum error_code code = ERROR_NONE;
	if (rc != SQLITE_OK)
		code = error_set(
		        err, (rc & 0xff) == SQLITE_FULL ? ERROR_FULL : ERROR_IO,
		        "The changes in a complete sync file could not be worked out (%s); "
		        "nothing was changed",
		        snap ? sqlite3_errmsg(snap) : sqlite3_errstr(rc));
	sqlite3_close_v2(snap);
	return code;
}

/* The sender's changes follow into its baseline, in a transaction of the baseline's own. */
static int sync_base_follow(struct store *s, struct sync_base *b, const struct sync_schema *sc,
                            const void *data, int size)
{
	int rc = sqlite3_exec(b->db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sync_base_apply(b, sc, data, size);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(b->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		sqlite3_exec(b->db, "ROLLBACK", NULL, NULL, NULL);
	if (!sync_base_scrub_forgotten(b, s) && rc == SQLITE_OK)
		rc = SQLITE_ERROR;
	return rc;
}

/* Copy every record of the attached baseline into this (empty) database, in key order. */
static enum error_code sync_copy_base(struct sync_apply_ctx *c)
{
	enum error_code code = ERROR_NONE;
	for (size_t i = 0; code == ERROR_NONE && i < c->sc->n; i++) {
		char *sql = mem_printf("INSERT INTO main.\"%s\" SELECT * FROM " SYNC_BASE_ALIAS
		                       ".\"%s\" ORDER BY id",
		                       c->sc->t[i].name, c->sc->t[i].name);
		code = store_exec(c->s, sql, c->err);
		free(sql);
	}
	return code;
}

/*
 * The main transaction: the changes, the repairs and the record of receipt.
 * With copy_from (a complete file into a database with no records, already
 * applied to the empty baseline at that path) the rows are copied from the
 * baseline in key order instead: the same rows, but a changeset lists them in
 * hash order, and a million inserts at random places in indexed tables take
 * twice as long.
 */
static enum error_code sync_apply_main(struct sync_apply_ctx *c, bool join, const char *copy_from)
{
	/* Foreign keys off: see the header. Temporary storage in memory: each statement's
	 * journal (triggers make every insert need one) would otherwise go to a file. */
	enum error_code code =
	        store_exec(c->s, "PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY", c->err);
	int64_t cache = sync_cache(c->s, -SYNC_CACHE_KIB);
	bool attached = false;
	if (code == ERROR_NONE && copy_from) {
		code = sync_attach(c->s, copy_from, c->err);
		attached = code == ERROR_NONE;
	}
	if (code == ERROR_NONE)
		code = store_begin(c->s, c->err);
	if (code == ERROR_NONE && copy_from) {
		/*
		 * The triggers only write the change log, a row per record: for a new
		 * laptop's first load that doubles the time and says nothing the sender's
		 * log does not, so one note stands for them.
		 */
		sqlite3_db_config(c->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
		code = sync_copy_base(c);
		sqlite3_db_config(c->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, (int *)NULL);
		char *note = mem_printf("the first file from %s (its export %lld, made %s) brought "
		                        "%lld records, not listed here one by one",
		                        c->from, (long long)c->h->seq, c->h->made,
		                        (long long)c->h->changes);
		if (code == ERROR_NONE)
			code = audit_note(c->s, "sync", c->h->seq, note, c->err);
		free(note);
	} else if (code == ERROR_NONE) {
		code = sync_prescan(c);
		/* No savepoint of its own: the transaction is ours, and a savepoint would
		 * journal every page each statement touches to a temporary file. */
		int rc = code != ERROR_NONE
		                 ? SQLITE_OK
		                 : sqlite3changeset_apply_v2(c->db, c->size, (void *)c->data, NULL,
		                                             sync_on_conflict, c, NULL, NULL,
		                                             SQLITE_CHANGESETAPPLY_NOSAVEPOINT);
		if (c->code != ERROR_NONE)
			code = c->code;
		else if (rc != SQLITE_OK)
			code = store_fail(c->s, rc, "applying the changes", c->err);
	}
	if (code == ERROR_NONE)
		code = sync_repair(c);
	if (code == ERROR_NONE)
		code = sync_keep_forgotten(c);
	if (code == ERROR_NONE)
		code = sync_record_receipt(c->s, c->h, join, c->err);
	if (code == ERROR_NONE)
		code = store_commit(c->s, c->err);
	else
		store_rollback(c->s);
	if (attached)
		store_exec(c->s, "DETACH " SYNC_BASE_ALIAS, NULL);
	store_exec(c->s, "PRAGMA foreign_keys = ON; PRAGMA temp_store = DEFAULT", NULL);
	sync_cache(c->s, cache);
	if (code == ERROR_NONE && c->forgot)
		store_checkpoint(c->s, NULL); /* so erased details do not linger in the journal */
	return code;
}

enum error_code sync_apply(struct store *s, const char *path, const struct sync_apply_options *opt,
                           struct sync_apply_result *res, struct error *err)
{
	memset(res, 0, sizeof *res);
	if (store_in_transaction(s))
		return error_set(err, ERROR_BUSY, "Finish saving before applying a sync file");
	unsigned char *buf;
	size_t n;
	enum error_code code = sync_read_file(path, &buf, &n, err);
	if (code != ERROR_NONE)
		return code;
	struct sync_header h;
	code = sync_header_parse(path, buf, n, &h, err);
	if (code != ERROR_NONE) {
		free(buf);
		return code;
	}
	res->from_name = mem_strdup(*h.name ? h.name : h.source);
	res->seq = h.seq;
	res->changes = h.changes;
	memcpy(res->made, h.made, sizeof res->made);
	struct sync_schema sc;
	code = sync_schema_load(s, &sc, err);
	bool join = false;
	if (code == ERROR_NONE)
		code = sync_admit(s, path, &h, &sc, opt, &join, &res->already, err);
	if (code != ERROR_NONE || res->already) {
		sync_schema_free(&sc);
		sync_header_free(&h);
		free(buf);
		return code;
	}
	struct sync_base b;
	code = sync_base_open(s, &sc, h.source, true, &b, err);
	if (code == ERROR_NONE)
		sync_take_ack(s, &sc, &h, &b);
	struct sync_apply_ctx c = {
		.s = s,
		.db = store_db(s),
		.sc = &sc,
		.base = b.db,
		.from = res->from_name,
		.h = &h,
		.err = err,
		.path = path,
		.data = h.data,
		.size = (int)h.size,
	};
	void *derived = NULL;
	bool copy = false;
	struct sync_base fresh = { 0 };
	if (code == ERROR_NONE && h.complete && sync_base_is_empty(&b, &sc)) {
		/*
		 * A first file into a database with no records: load it into what will
		 * be the new baseline, copy that into the database in key order, and
		 * only then put it in place. (A baseline must never hold the sender's
		 * records before this database does: a complete file is read against
		 * it, and exports are made from it.)
		 */
		copy = !sync_has_records(s, &sc);
		if (copy) {
			char *next = mem_printf("%s.new", b.path);
			unlink(next);
			code = sync_base_open_path(s, &sc, next, true, &fresh, err);
			int rc = code == ERROR_NONE
			                 ? sync_base_follow(s, &fresh, &sc, h.data, (int)h.size)
			                 : SQLITE_OK;
			if (code == ERROR_NONE && rc != SQLITE_OK)
				code = sync_base_fail(&fresh, rc, err);
		}
	} else if (code == ERROR_NONE && h.complete) {
		code = sync_derive(&b, &sc, &h, &derived, &c.size, err);
		c.data = derived;
		res->changes = code == ERROR_NONE ? sync_count_changes(derived, c.size) : 0;
	}
	if (code == ERROR_NONE)
		code = sync_apply_main(&c, join, copy ? fresh.path : NULL);
	if (copy) {
		/* In place only once the database holds what it holds. */
		sqlite3_close_v2(fresh.db);
		fresh.db = NULL;
		sqlite3_close_v2(b.db);
		b.db = c.base = NULL;
		if (code != ERROR_NONE || rename(fresh.path, b.path) != 0)
			sync_base_remove(fresh.path);
	}
	sync_base_close(&fresh);
	if (code == ERROR_NONE) {
		res->joined = join;
		/* The sender has its own changes: its baseline follows. (If it cannot, exports
		 * to it are only larger than they need be.) */
		if (!copy)
			sync_base_follow(s, &b, &sc, c.data, c.size);
		res->reports = mem_calloc(c.nnotes ? c.nnotes : 1, sizeof *res->reports);
		for (size_t i = 0; i < c.nnotes; i++)
			res->reports[res->nreports++] = sync_sentence(&c, &c.notes[i]);
	}
	for (size_t i = 0; i < c.nnotes; i++) {
		free(c.notes[i].columns);
		free(c.notes[i].what);
	}
	free(c.notes);
	free(c.removed);
	for (size_t i = 0; i < c.nwatch; i++)
		free(c.watch[i].given);
	free(c.watch);
	for (size_t i = 0; i < c.nguards; i++)
		sync_row_free(&c.guards[i]);
	free(c.guards);
	sqlite3_free(derived);
	sync_base_close(&b);
	sync_schema_free(&sc);
	sync_header_free(&h);
	free(buf);
	return code;
}

/* ---- sentences for people ---- */

void sync_when(const char *stamp, char out[SYNC_WHEN_SIZE])
{
	if (!stamp || strlen(stamp) < 16)
		snprintf(out, SYNC_WHEN_SIZE, "never");
	else
		snprintf(out, SYNC_WHEN_SIZE, "%.10s %.5s UTC", stamp, stamp + 11);
}

char *sync_export_sentence(const char *file, const struct sync_export_result *res)
{
	const char *s = res->changes == 1 ? "" : "s";
	if (!res->to_name)
		return mem_printf("Wrote %s: everything this laptop holds (%lld record%s), for a "
		                  "laptop that has not sent a file here yet",
		                  file, (long long)res->changes, s);
	if (!res->base_seq)
		return mem_printf("Wrote %s for %s: %lld change%s it is not known to have (it has "
		                  "not yet confirmed any file from here)",
		                  file, res->to_name, (long long)res->changes, s);
	char since[SYNC_WHEN_SIZE];
	sync_when(res->base_at, since);
	return mem_printf("Wrote %s for %s: %lld change%s it has not confirmed (since export %lld "
	                  "of %s)",
	                  file, res->to_name, (long long)res->changes, s, (long long)res->base_seq,
	                  since);
}

char *sync_apply_sentence(const char *file, const struct sync_apply_result *res)
{
	char made[SYNC_WHEN_SIZE];
	sync_when(res->made, made);
	if (res->already)
		return mem_printf("%s (export %lld from %s, made %s) was applied here before, or a "
		                  "later one was; nothing was changed",
		                  file, (long long)res->seq, res->from_name, made);
	char *known = res->nreports == 0 ? mem_strdup("no conflicts")
	                                 : mem_printf("%zu thing%s to know", res->nreports,
	                                              res->nreports == 1 ? "" : "s");
	char *out = mem_printf("Applied %s from %s (export %lld, made %s): %lld change%s, %s", file,
	                       res->from_name, (long long)res->seq, made, (long long)res->changes,
	                       res->changes == 1 ? "" : "s", known);
	free(known);
	return out;
}
