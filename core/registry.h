/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * registry: every kind of record, in dependency order (a record's references
 * point only to kinds before it), for code that treats all kinds alike:
 * exports, imports, audit, sync and tests.
 */
#ifndef INVOLVE_REGISTRY_H
#define INVOLVE_REGISTRY_H

#include <stddef.h>

#include "record.h"

/* NULL-terminated. */
extern const struct record_kind *const registry_kinds[];
/* The kind stored in table, or NULL. */
const struct record_kind *registry_find(const char *table);

#endif
