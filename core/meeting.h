/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * meeting: any involvement activity — meeting, workshop, survey, one-to-one,
 * panel, visit.
 *
 * Its feedback due date is derived from the date held (that many working days
 * later, as configured) unless feedback_due_fixed says it was set by hand.
 * meeting_set_due_policy() tells the module the configured rule once at start.
 *
 * The typed API (meeting_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_MEETING_H
#define INVOLVE_MEETING_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

enum meeting_status_choice { MEETING_PLANNED, MEETING_HELD, MEETING_CANCELLED };
enum meeting_method_choice {
	METHOD_MEETING,
	METHOD_WORKSHOP,
	METHOD_SURVEY,
	METHOD_ONE_TO_ONE,
	METHOD_PANEL,
	METHOD_VISIT,
	METHOD_OTHER
};

struct meeting {
	struct record_head head;
	int64_t project_id;
	int stage;                    /* enum stage_key */
	char *title;                  /* "Carers' forum" */
	char held_on[DATE_TEXT_SIZE]; /* the date, planned or held */
	int status;                   /* enum meeting_status_choice */
	int method;                   /* enum meeting_method_choice */
	char *level;                  /* a key of the configured involvement ladder */
	char *purpose;
	char *open_to_change;
	char *not_open_to_change;
	char *venue;
	int venue_accessible;
	char papers_sent_on[DATE_TEXT_SIZE];
	char *convenor; /* who to contact about it */
	char *notes;
	char feedback_due_on[DATE_TEXT_SIZE]; /* derived unless feedback_due_fixed */
	int feedback_due_fixed;               /* 1: the due date was set by hand */
	int64_t decision_id;                  /* the decision it fed into, or 0 */
	int64_t group_id;                     /* the group that met, or 0 */
};

RECORD_API(meeting)

/*
 * How feedback due dates are derived: due_days working days after the date
 * held, skipping the holidays in cal. cal is copied. The default is 20 working
 * days with no holidays.
 */
void meeting_set_due_policy(const struct calendar *cal, int due_days);
/* The due date policy gives for a meeting held on held_on (DATE_NONE if not a date). */
int32_t meeting_due_for(const char *held_on);
/*
 * Re-derive every meeting's feedback due date that was not set by hand, after
 * the policy changed; *changed (may be NULL) receives how many moved.
 */
enum error_code meeting_refresh_due_dates(struct store *s, int *changed, struct error *err);
/* The id of the meeting titled title held on held_on, or 0 when none. */
int64_t meeting_find(struct store *s, const char *title, const char *held_on);

#endif
