/* SPDX-License-Identifier: GPL-3.0-or-later */
/* budget_event: the field table and queries of budget_event records. */
#include "budget_event.h"

#include "vocab.h"

static const struct choice budget_kinds[] = {
	{ "disclosed", "disclosed" },
	{ "withheld", "withheld" },
	{ "changed", "changed" },
	{ NULL, NULL },
};

static const struct field budget_event_fields[] = {
	FIELD_REF_DEF(budget_event, project_id, "project", "project", FIELD_REQUIRED,
	              "The project."),
	FIELD_DEF(budget_event, occurred_on, "date", FIELD_DATE, FIELD_REQUIRED,
	          "When it happened."),
	FIELD_CHOICES(budget_event, kind, "kind", FIELD_CHOICE, budget_kinds, 0,
	              "Disclosed to participants, withheld from them, or changed."),
	FIELD_DEF(budget_event, amount_pence, "amount", FIELD_MONEY, 0,
	          "The budget, or the size of the change, in pounds."),
	FIELD_DEF(budget_event, reason, "reason", FIELD_TEXT, FIELD_MULTILINE,
	          "If budget information cannot be given, why; if it changed, why."),
	FIELD_DEF(budget_event, told_on, "participants told", FIELD_DATE, FIELD_PHRASE,
	          "When participants were told."),
};

const struct record_kind budget_event_kind = {
	.table = "budget_event",
	.noun = "budget event",
	.plural = "budget events",
	.size = sizeof(struct budget_event),
	.fields = budget_event_fields,
	.nfields = sizeof budget_event_fields / sizeof *budget_event_fields,
	.name_field = NULL,
	.order = "occurred_on",
	.order_desc = true,
};
