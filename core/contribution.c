/* SPDX-License-Identifier: GPL-3.0-or-later */
/* contribution: the field table and queries of contribution records. */
#include "contribution.h"

#include "vocab.h"

static const struct choice contribution_responses[] = {
	{ "pending", "pending" },
	{ "adopted", "adopted" },
	{ "partly", "partly adopted" },
	{ "not_possible", "not possible" },
	{ "already_happening", "already happening" },
	{ NULL, NULL },
};

static const struct field contribution_fields[] = {
	FIELD_REF_DEF(contribution, meeting_id, "meeting", "meeting", FIELD_REQUIRED,
	              "The meeting where it was said."),
	FIELD_REF_DEF(contribution, person_id, "person", "person", 0,
	              "Who said it; empty if said anonymously."),
	FIELD_DEF(contribution, said, "what was said", FIELD_TEXT,
	          FIELD_REQUIRED | FIELD_MULTILINE | FIELD_PHRASE,
	          "What was said, in their words where possible."),
	FIELD_DEF(contribution, theme, "theme", FIELD_TEXT, 0,
	          "A word or two to group it with others, for example transport."),
	FIELD_CHOICES(contribution, response, "response", FIELD_CHOICE, contribution_responses, 0,
	              "Pending, adopted, partly adopted, not possible, or already happening."),
	FIELD_DEF(contribution, response_text, "what was done", FIELD_TEXT,
	          FIELD_MULTILINE | FIELD_PHRASE, "What was done because of it: we did."),
	FIELD_DEF(contribution, reason, "reason", FIELD_TEXT, FIELD_MULTILINE,
	          "Why it was not possible, or only partly: people must be told what is not "
	          "possible and why."),
	FIELD_REF_DEF(contribution, decision_id, "decision", "decision", 0,
	              "The decision it fed into, if any."),
	FIELD_DEF(contribution, responded_on, "date responded", FIELD_DATE, 0,
	          "When the response was decided."),
};

const struct record_kind contribution_kind = {
	.table = "contribution",
	.noun = "contribution",
	.plural = "contributions",
	.size = sizeof(struct contribution),
	.fields = contribution_fields,
	.nfields = sizeof contribution_fields / sizeof *contribution_fields,
	.name_field = "said",
	.order = "created_at",
	.order_desc = false,
};
