/* SPDX-License-Identifier: GPL-3.0-or-later */
/* action: the field table and queries of action records. */
#include "action.h"

#include "vocab.h"

static const struct field action_fields[] = {
	FIELD_REF_DEF(action, project_id, "project", "project", 0, "The project."),
	FIELD_REF_DEF(action, meeting_id, "meeting", "meeting", 0,
	              "The meeting where it was promised, if any."),
	FIELD_DEF(action, summary, "commitment", FIELD_TEXT, FIELD_REQUIRED | FIELD_MULTILINE,
	          "What was promised to participants."),
	FIELD_DEF(action, owner, "owner", FIELD_TEXT, 0, "Who will do it."),
	FIELD_DEF(action, due_on, "date due", FIELD_DATE, 0, "When it is due."),
	FIELD_DEF(action, done_on, "date done", FIELD_DATE, 0,
	          "When it was done; empty until then."),
};

const struct record_kind action_kind = {
	.table = "action",
	.noun = "commitment",
	.plural = "commitments",
	.size = sizeof(struct action),
	.fields = action_fields,
	.nfields = sizeof action_fields / sizeof *action_fields,
	.name_field = "summary",
	.order = "created_at",
	.order_desc = true,
};
