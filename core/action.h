/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * action: a commitment made to participants, with an owner and a due date.
 *
 * The typed API (action_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_ACTION_H
#define INVOLVE_ACTION_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

struct action {
	struct record_head head;
	int64_t project_id; /* 0 if not for one project */
	int64_t meeting_id; /* the meeting where it was promised, or 0 */
	char *summary;
	char *owner;
	char due_on[DATE_TEXT_SIZE];
	char done_on[DATE_TEXT_SIZE]; /* "" until done */
};

RECORD_API(action)

#endif
