/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pressure: the field table and queries of pressure records. */
#include "pressure.h"

#include "vocab.h"

static const struct field pressure_fields[] = {
	FIELD_REF_DEF(pressure, project_id, "project", "project", FIELD_REQUIRED, "The project."),
	FIELD_DEF(pressure, noted_on, "date noted", FIELD_DATE, FIELD_REQUIRED,
	          "When it was noted."),
	FIELD_DEF(pressure, source, "source", FIELD_TEXT, 0,
	          "Where it comes from: national policy, local politics, the budget."),
	FIELD_DEF(pressure, summary, "summary", FIELD_TEXT, FIELD_REQUIRED | FIELD_MULTILINE,
	          "What the pressure is."),
	FIELD_DEF(pressure, impact, "impact", FIELD_TEXT, FIELD_MULTILINE,
	          "What it means for the project and for what can change."),
	FIELD_DEF(pressure, shared_on, "shared with participants", FIELD_DATE, FIELD_PHRASE,
	          "When participants were told about it."),
};

const struct record_kind pressure_kind = {
	.table = "pressure",
	.noun = "pressure",
	.plural = "pressures",
	.size = sizeof(struct pressure),
	.fields = pressure_fields,
	.nfields = sizeof pressure_fields / sizeof *pressure_fields,
	.name_field = "summary",
	.order = "noted_on",
	.order_desc = true,
};
