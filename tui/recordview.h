/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * recordview: views of records, for screens built on core/record.h.
 *
 * recordview_list makes a list section page through the records of a kind
 * by keyset (record_list), each row made by the screen's function;
 * recordview_form adds a record's fields to a form, typed from its field
 * table (label, help, what is expected, choices); recordview_save saves one
 * field as it is left, creating the record when the screen shows a new one.
 */
#ifndef INVOLVE_RECORDVIEW_H
#define INVOLVE_RECORDVIEW_H

#include "record.h"
#include "screen.h"
#include "view.h"

struct config;

/* Fill row from rec (a record of the list's kind); id and key are set already. */
typedef void (*recordview_row_fn)(const void *rec, struct view_row *row, void *ctx);

/*
 * Make sec page through the records of kind that q's filters select (where,
 * where_id, where_text and text_value are copied; the rest of q is ignored),
 * in the kind's order. Finding matches the kind's name field, or for a kind
 * with none (an attendance) the label the row function gives. ctx is passed
 * to row and is not owned.
 */
void recordview_list(struct view *v, struct view_section *sec, struct store *s,
                     const struct record_kind *kind, const struct record_query *q,
                     recordview_row_fn row, void *ctx);

/*
 * Add the fields of rec to the form section sec: those named in names
 * (NULL-terminated, in that order), or when names is NULL every field that is
 * not internal and not a reference. config (may be NULL) gives the choices of
 * level fields.
 */
void recordview_form(struct view_section *sec, const struct record_kind *kind, const void *rec,
                     const char *const *names, const struct config *config);

/*
 * Save cmd->text into the focused field of record c->id of kind; when c->id
 * is 0 the record is created with that one field (and c->id becomes its id).
 * A refused value puts its sentence under the field and returns
 * SCREEN_HANDLED; a saved one says so on the message line ("Saved the date
 * held: 2026-11-22.", "Saved who decides: the cabinet.") and returns SCREEN_CHANGED; an unchanged
 * one writes nothing and returns SCREEN_HANDLED.
 */
enum screen_result recordview_save(struct screen_ctx *c, struct view *v,
                                   const struct record_kind *kind, const struct command *cmd);

/*
 * Create a record of kind from start (a record of that kind to copy, or NULL
 * for a new one with the kind's defaults) with cmd->text in the focused
 * field, and make c->id its id. A refused value puts its sentence under the
 * field and returns SCREEN_HANDLED with nothing written; an added one says
 * so on the message line and returns SCREEN_CHANGED.
 */
enum screen_result recordview_add(struct screen_ctx *c, struct view *v,
                                  const struct record_kind *kind, const void *start,
                                  const struct command *cmd);

#endif
