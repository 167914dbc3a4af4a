/* SPDX-License-Identifier: GPL-3.0-or-later */
/* support: temporary folders and databases for the unit tests. */
#include "support.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"

char *support_tempdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl = mem_printf("%s/involve-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmpl))
		fail_msg("cannot make a temporary folder");
	return tmpl;
}

static int support_unlink(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

void support_rmdir(char *dir)
{
	if (dir)
		nftw(dir, support_unlink, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

char *support_path(const char *dir, const char *name)
{
	return mem_printf("%s/%s", dir, name);
}

struct store *support_open(const char *path)
{
	struct store *s = NULL;
	struct error err;
	struct store_options opt = { .flags = STORE_CREATE, .busy_timeout_ms = 200 };
	if (store_open(path, &opt, &s, &err) != ERROR_NONE)
		fail_msg("cannot open %s: %s", path, err.msg);
	return s;
}

void support_write_file(const char *path, const void *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

char *support_read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, len = 0;
	char *buf = mem_alloc(cap);
	size_t got;
	while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += got;
		if (cap - len < 2)
			buf = mem_realloc(buf, cap *= 2);
	}
	fclose(f);
	buf[len] = '\0';
	if (n)
		*n = len;
	return buf;
}

int support_db_setup(void **state)
{
	setenv("INVOLVE_TODAY", "2026-11-22", 1);
	struct support_db *db = mem_calloc(1, sizeof *db);
	db->dir = support_tempdir();
	db->path = support_path(db->dir, "test.db");
	db->store = support_open(db->path);
	*state = db;
	return 0;
}

int support_db_teardown(void **state)
{
	struct support_db *db = *state;
	store_close(db->store);
	free(db->path);
	support_rmdir(db->dir);
	free(db);
	return 0;
}
