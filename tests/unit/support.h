/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * support: what the unit tests share — cmocka, a fresh database in a private
 * temporary folder, and a fixed "today".
 */
#ifndef INVOLVE_TEST_SUPPORT_H
#define INVOLVE_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "store.h"

/* A new temporary folder; the caller frees the path (support_rmdir removes it). */
char *support_tempdir(void);
/* Remove a folder made by support_tempdir and everything in it. */
void support_rmdir(char *dir);
/* A path inside dir; the caller frees it. */
char *support_path(const char *dir, const char *name);
/* Open (creating) a database at path, failing the test if it cannot. */
struct store *support_open(const char *path);
/* Write bytes to a file, failing the test if it cannot. */
void support_write_file(const char *path, const void *bytes, size_t n);
/* The whole content of a file (NUL-terminated), or NULL; the caller frees it. */
char *support_read_file(const char *path, size_t *n);

/* A throwaway database per test, as cmocka state. */
struct support_db {
	char *dir;
	char *path;
	struct store *store;
};
int support_db_setup(void **state);
int support_db_teardown(void **state);

#endif
