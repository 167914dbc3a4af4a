/* SPDX-License-Identifier: GPL-3.0-or-later */
/* registry: the list of record kinds. */
#include "registry.h"

#include <string.h>

#include "action.h"
#include "attendance.h"
#include "budget_event.h"
#include "contribution.h"
#include "decision.h"
#include "feedback.h"
#include "group.h"
#include "meeting.h"
#include "payment.h"
#include "person.h"
#include "pressure.h"
#include "project.h"
#include "stage.h"

const struct record_kind *const registry_kinds[] = {
	&project_kind,      &person_kind,   &group_kind,
	&decision_kind,     &stage_kind,    &meeting_kind,
	&attendance_kind,   &feedback_kind, &contribution_kind,
	&budget_event_kind, &pressure_kind, &payment_kind,
	&action_kind,       NULL,
};

const struct record_kind *registry_find(const char *table)
{
	for (size_t i = 0; registry_kinds[i]; i++)
		if (strcmp(registry_kinds[i]->table, table) == 0)
			return registry_kinds[i];
	return NULL;
}
