/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * decision: a point where something was decided, and whether users' views counted.
 *
 * The typed API (decision_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_DECISION_H
#define INVOLVE_DECISION_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

enum decision_followed_choice {
	DECISION_FOLLOWED_YES,
	DECISION_FOLLOWED_PARTLY,
	DECISION_FOLLOWED_NO,
	DECISION_FOLLOWED_UNKNOWN
};

struct decision {
	struct record_head head;
	int64_t project_id;
	int stage; /* enum stage_key */
	char *title;
	char decided_on[DATE_TEXT_SIZE];
	char *decided_by; /* "Cabinet member for adult social care" */
	char *summary;
	int users_present;       /* were service users or carers there */
	int users_view_followed; /* enum decision_followed_choice */
	int appeal_route_given;  /* was a complaint or appeal route given */
	char *appeal_route;      /* what that route is, for letters */
};

RECORD_API(decision)

/* The id of the decision titled title in project_id, or 0 when none. */
int64_t decision_find(struct store *s, int64_t project_id, const char *title);

#endif
