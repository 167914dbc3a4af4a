/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stage_record: the records some stages keep besides their meetings —
 * external pressures (context), budget events (budget), decisions
 * (decisions and procurement) and commitments to participants (monitoring).
 *
 * Each kind is one entry in a table: which stage lists it, how a row reads,
 * which fields its form shows and in what order (the one people must fill
 * first comes first), and what a new one starts with. The stage screen lists
 * them with stage_record_list; each kind has a form screen of its own
 * (pressure, budget_event, decision, commitment), saved one field at a time.
 *
 * A form screen is opened with the record's id to change it, or with the
 * negative of a stage record's id to add a new one at that stage: nothing is
 * written until the first field is saved, which creates the record for that
 * stage's project (and stage), dated today where a date is required.
 */
#ifndef INVOLVE_SCREEN_STAGE_RECORD_H
#define INVOLVE_SCREEN_STAGE_RECORD_H

#include <stdint.h>

#include "record.h"
#include "recordview.h"
#include "screen.h"

struct stage_record_kind {
	const char *screen; /* the form screen's name: "pressure" */
	const struct record_kind *kind;
	const char *heading;       /* the stage screen's list heading: "External pressures" */
	const char *empty;         /* the sentence when there are none */
	const char *add_label;     /* the action's label: "record a pressure" */
	const char *about;         /* one sentence on what these records are for */
	const char *const *fields; /* the form's fields, in order, NULL-terminated */
	recordview_row_fn row;     /* a record as a row of the stage screen's list */
	void (*start)(void *rec, int stage); /* what a new one starts with, after the kind's */
};

/* The kind of record the stage (enum stage_key) keeps, or NULL when it keeps none. */
const struct stage_record_kind *stage_record_of(int stage);

/*
 * Make sec page through the records of k that belong to project_id (and, for
 * decisions, to stage), in the kind's order.
 */
void stage_record_list(struct view *v, struct view_section *sec, struct store *s,
                       const struct stage_record_kind *k, int64_t project_id, int stage);

/* What a row of k's list is called in a question: "the pressure Council savings". Caller frees. */
char *stage_record_name(const struct stage_record_kind *k, const struct view_row *row);

extern const struct screen pressure_screen;
extern const struct screen budget_event_screen;
extern const struct screen decision_screen;
extern const struct screen commitment_screen;

#endif
