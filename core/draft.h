/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * draft: text typed into a field that is not saved yet.
 *
 * While a person types into a field, the interactive program keeps what they
 * have typed so far in the draft table, so that a killed terminal, a flat
 * battery or the end of input loses at most the last few keystrokes. A draft
 * is keyed by where it was typed: the screen's name, the record's id and the
 * field's name ("project/123/title"); the next start offers the latest draft
 * back. A field saved or an edit cancelled drops its draft.
 *
 * Drafts are local to this laptop: they are not records, are not audited and
 * are never exported or synchronised.
 */
#ifndef INVOLVE_DRAFT_H
#define INVOLVE_DRAFT_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "store.h"

/* The key of a draft: "screen/id/field". The caller frees it. */
char *draft_key(const char *screen, int64_t id, const char *field);
/*
 * Split a key made by draft_key. On success *screen and *field are newly
 * allocated (the caller frees them) and true is returned; false for a key of
 * another shape, with nothing allocated.
 */
bool draft_key_parse(const char *key, char **screen, int64_t *id, char **field);

/* Keep value as the draft under key, replacing any earlier one (one small write). */
enum error_code draft_save(struct store *s, const char *key, const char *value, struct error *err);
/* The draft kept under key, or NULL when there is none. The caller frees it. */
char *draft_get(struct store *s, const char *key);
/* Forget the draft under key; no draft is not an error. */
enum error_code draft_drop(struct store *s, const char *key, struct error *err);
/*
 * The draft saved most recently, to offer back at start: true with *key and
 * *value newly allocated (the caller frees them), or false when there is none.
 */
bool draft_latest(struct store *s, char **key, char **value);

#endif
