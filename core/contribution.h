/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * contribution: "you said" — what someone said at a meeting — and the response,
 * "we did": adopted, partly, not possible (with the reason), already happening.
 *
 * The typed API (contribution_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_CONTRIBUTION_H
#define INVOLVE_CONTRIBUTION_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

enum contribution_response_choice {
	RESPONSE_PENDING,
	RESPONSE_ADOPTED,
	RESPONSE_PARTLY,
	RESPONSE_NOT_POSSIBLE,
	RESPONSE_ALREADY_HAPPENING
};

struct contribution {
	struct record_head head;
	int64_t meeting_id;
	int64_t person_id; /* 0 when said anonymously */
	char *said;        /* "you said" */
	char *theme;
	int response;        /* enum contribution_response_choice */
	char *response_text; /* "we did" */
	char *reason;        /* why not, or why only partly */
	int64_t decision_id; /* the decision it fed into, or 0 */
	char responded_on[DATE_TEXT_SIZE];
};

RECORD_API(contribution)

#endif
