/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * project: one commissioning programme passing through the cycle.
 *
 * The typed API (project_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_PROJECT_H
#define INVOLVE_PROJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

enum project_kind_choice {
	PROJECT_NEW_SERVICE,
	PROJECT_REDESIGN,
	PROJECT_DECOMMISSIONING,
	PROJECT_REVIEW
};

struct project {
	struct record_head head;
	char *title;        /* what people call it: "Day opportunities redesign" */
	int kind;           /* enum project_kind_choice */
	char *service_area; /* "Adult social care: learning disability" */
	char *lead;         /* the commissioner leading it */
	char started_on[DATE_TEXT_SIZE];
	char closed_on[DATE_TEXT_SIZE]; /* "" while open */
	char *notes;
};

RECORD_API(project)

/* The id of the project titled title (exact, case-insensitive), or 0 when none. */
int64_t project_find(struct store *s, const char *title);

#endif
