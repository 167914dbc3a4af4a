/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo: builds a realistic demo database, so a new user, a trainer or a
 * tester sees involve full of the kind of work it is for.
 *
 * Scale 1 is one local authority's year: about 20 projects, 300 people, 400
 * meetings, 4,000 attendances and 3,000 contributions, with the stages,
 * decisions, feedback, payments and commitments around them. Scale N builds N
 * such authorities, each with its own people, its projects and groups named
 * after a place: projects, people, groups, stages, meetings, decisions,
 * budget events and pressures are exactly N times scale 1's, the rest about
 * N times.
 *
 * The content is deterministic: the same scale and today give the same
 * records (only ids and timestamps differ), drawn from core/demo_data.c's
 * tables with a seeded generator. Dates fall in the year up to today, with
 * some meetings planned ahead, and feedback due dates follow the policy set
 * with meeting_set_due_policy() (the caller sets it from the configuration).
 * Good practice dominates, and every rule of the catalogue (DESIGN §4) fires
 * at least once at scale 1 with the default thresholds: the table at the top
 * of demo.c says which records make which rule fire.
 *
 * Everything is written through the record API in one transaction: a failure
 * leaves the database as it was.
 */
#ifndef INVOLVE_DEMO_H
#define INVOLVE_DEMO_H

#include <stdint.h>

#include "error.h"
#include "store.h"

enum { DEMO_SCALE_MAX = 1000 };

/* How many records of each kind were made. */
struct demo_summary {
	int64_t projects;
	int64_t stages;
	int64_t people;
	int64_t groups;
	int64_t meetings;
	int64_t attendances;
	int64_t contributions;
	int64_t feedback;
	int64_t decisions;
	int64_t budget_events;
	int64_t pressures;
	int64_t payments;
	int64_t actions;
};

/*
 * Build the demo into s at scale (1..DEMO_SCALE_MAX) as of today (usually
 * date_today()). out (may be NULL) receives the counts. Refuses, with
 * ERROR_DUPLICATE and a sentence, a database that already holds any record,
 * so demo data is never mixed into real data; ERROR_INVALID for a scale out
 * of range. Any other failure rolls everything back and returns the store's
 * error. On failure *out is zeroed.
 */
enum error_code demo_build(struct store *s, int scale, int32_t today, struct demo_summary *out,
                           struct error *err);

/* The number of records in s, all kinds together (for the refusal and for tests). */
enum error_code demo_count_records(struct store *s, int64_t *count, struct error *err);

#endif
