/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pressure: an external pressure on the project — national policy, local
 * politics, budget — recorded so it can be shared with participants.
 *
 * The typed API (pressure_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_PRESSURE_H
#define INVOLVE_PRESSURE_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

struct pressure {
	struct record_head head;
	int64_t project_id;
	char noted_on[DATE_TEXT_SIZE];
	char *source; /* "Government", "council cabinet" */
	char *summary;
	char *impact;                   /* what it means for the project */
	char shared_on[DATE_TEXT_SIZE]; /* when participants were told */
};

RECORD_API(pressure)

#endif
