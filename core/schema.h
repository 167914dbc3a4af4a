/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * schema: the numbered migrations that build and upgrade the database.
 *
 * Migration N takes a file whose PRAGMA user_version is N-1 to N. The store
 * runs every pending migration inside one transaction, so a file is either
 * upgraded completely or left as it was.
 */
#ifndef INVOLVE_SCHEMA_H
#define INVOLVE_SCHEMA_H

#include "error.h"

struct store;

/* The highest migration number this build knows. */
int schema_latest(void);
/* Apply migrations from+1 .. to (at most schema_latest()); the caller holds the transaction. */
enum error_code schema_migrate(struct store *s, int from, int to, struct error *err);
/* The names of the record tables, in dependency order, NULL-terminated. */
extern const char *const schema_record_tables[];

#endif
