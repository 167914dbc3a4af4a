/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * feedback: telling one person what came of what they said at one meeting —
 * what changed, and what was not possible and why.
 *
 * The typed API (feedback_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_FEEDBACK_H
#define INVOLVE_FEEDBACK_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

enum feedback_method_choice {
	FEEDBACK_LETTER,
	FEEDBACK_EMAIL,
	FEEDBACK_PHONE,
	FEEDBACK_IN_PERSON,
	FEEDBACK_MEETING,
	FEEDBACK_TEXT_MESSAGE,
	FEEDBACK_OTHER
};

struct feedback {
	struct record_head head;
	int64_t meeting_id;
	int64_t person_id;
	char given_on[DATE_TEXT_SIZE];
	int method;    /* enum feedback_method_choice */
	int format;    /* enum format */
	char *summary; /* what they were told */
};

RECORD_API(feedback)

/* The id of the feedback given to person_id for meeting_id, or 0 when none. */
int64_t feedback_find(struct store *s, int64_t meeting_id, int64_t person_id);

#endif
