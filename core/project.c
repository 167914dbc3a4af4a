/* SPDX-License-Identifier: GPL-3.0-or-later */
/* project: the field table and queries of project records. */
#include "project.h"

#include "vocab.h"

static const struct choice project_kinds[] = {
	{ "new_service", "new service" },
	{ "redesign", "redesign" },
	{ "decommissioning", "decommissioning" },
	{ "review", "review" },
	{ NULL, NULL },
};

static const struct field project_fields[] = {
	FIELD_DEF(project, title, "title", FIELD_TEXT, FIELD_REQUIRED,
	          "What people call the project, for example Day opportunities redesign."),
	FIELD_CHOICES(project, kind, "kind of project", FIELD_CHOICE, project_kinds, 0,
	              "A new service, a redesign, a decommissioning, or a review of a service."),
	FIELD_DEF(project, service_area, "service area", FIELD_TEXT, 0,
	          "The area of care it belongs to, for example adult social care: learning "
	          "disability."),
	FIELD_DEF(project, lead, "lead", FIELD_TEXT, 0, "The commissioner who leads it."),
	FIELD_DEF(project, started_on, "start date", FIELD_DATE, 0, "When the project started."),
	FIELD_DEF(project, closed_on, "closing date", FIELD_DATE, 0,
	          "When the project closed; empty while it is open."),
	FIELD_DEF(project, notes, "notes", FIELD_TEXT, FIELD_MULTILINE,
	          "Anything else worth keeping."),
};

const struct record_kind project_kind = {
	.table = "project",
	.noun = "project",
	.plural = "projects",
	.size = sizeof(struct project),
	.fields = project_fields,
	.nfields = sizeof project_fields / sizeof *project_fields,
	.name_field = "title",
	.order = "title",
	.order_desc = false,
};

int64_t project_find(struct store *s, const char *title)
{
	return record_lookup(
	        s,
	        "SELECT id FROM project WHERE title = ? COLLATE NOCASE ORDER BY created_at LIMIT 1",
	        "t", title);
}
