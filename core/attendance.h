/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * attendance: one person at one meeting — their role there, whether they came,
 * whether their support needs were met, and the format their papers were in.
 *
 * The typed API (attendance_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_ATTENDANCE_H
#define INVOLVE_ATTENDANCE_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

struct attendance {
	struct record_head head;
	int64_t meeting_id;
	int64_t person_id;
	int role;          /* enum role, at this meeting */
	int attended;      /* 1 came, 0 booked but did not come */
	int needs_met;     /* 1 yes, 0 no, -1 not recorded */
	int papers_format; /* enum format, or -1 if not recorded */
};

RECORD_API(attendance)

/* The id of person_id's attendance at meeting_id, or 0 when none. */
int64_t attendance_find(struct store *s, int64_t meeting_id, int64_t person_id);

#endif
