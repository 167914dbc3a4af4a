/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * group: a user-led or carer-led group, forum or network that takes part.
 *
 * The typed API (group_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_GROUP_H
#define INVOLVE_GROUP_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

enum group_kind_choice { GROUP_USER_LED, GROUP_CARER_LED, GROUP_FORUM, GROUP_NETWORK, GROUP_OTHER };
enum group_relation_choice { GROUP_RUN, GROUP_LED, GROUP_HOSTED };

struct group {
	struct record_head head;
	char *name;
	int kind;     /* enum group_kind_choice */
	int relation; /* enum group_relation_choice: run by, led by, or hosted for its members */
	char *host;   /* the organisation that hosts it, if any */
	char *contact;
	char *notes;
};

RECORD_API(group)

#endif
