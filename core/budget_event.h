/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * budget_event: the budget disclosed to participants, withheld from them (with
 * the reason), or changed while involvement was under way.
 *
 * The typed API (budget_event_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_BUDGET_EVENT_H
#define INVOLVE_BUDGET_EVENT_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

enum budget_event_kind_choice { BUDGET_DISCLOSED, BUDGET_WITHHELD, BUDGET_CHANGED };

struct budget_event {
	struct record_head head;
	int64_t project_id;
	char occurred_on[DATE_TEXT_SIZE];
	int kind;                     /* enum budget_event_kind_choice */
	int64_t amount_pence;         /* the budget, or the change */
	char *reason;                 /* why withheld, or why changed */
	char told_on[DATE_TEXT_SIZE]; /* when participants were told */
};

RECORD_API(budget_event)

#endif
