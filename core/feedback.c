/* SPDX-License-Identifier: GPL-3.0-or-later */
/* feedback: the field table and queries of feedback records. */
#include "feedback.h"

#include "vocab.h"

static const struct choice feedback_methods[] = {
	{ "letter", "letter" },        { "email", "email" },
	{ "phone", "phone call" },     { "in_person", "in person" },
	{ "meeting", "at a meeting" }, { "text_message", "text message" },
	{ "other", "other" },          { NULL, NULL },
};

static const struct field feedback_fields[] = {
	FIELD_REF_DEF(feedback, meeting_id, "meeting", "meeting", FIELD_REQUIRED,
	              "The meeting the feedback is about."),
	FIELD_REF_DEF(feedback, person_id, "person", "person", FIELD_REQUIRED, "Who was told."),
	FIELD_DEF(feedback, given_on, "date given", FIELD_DATE, FIELD_REQUIRED,
	          "When they were told."),
	FIELD_CHOICES(feedback, method, "method", FIELD_CHOICE, feedback_methods, 0,
	              "Letter, email, phone call, in person, at a meeting, text message or other."),
	FIELD_CHOICES(feedback, format, "format", FIELD_CHOICE, vocab_formats, 0,
	              "The format it was given in."),
	FIELD_DEF(feedback, summary, "summary", FIELD_TEXT, FIELD_MULTILINE,
	          "What they were told."),
};

const struct record_kind feedback_kind = {
	.table = "feedback",
	.noun = "feedback",
	.plural = "feedback",
	.size = sizeof(struct feedback),
	.fields = feedback_fields,
	.nfields = sizeof feedback_fields / sizeof *feedback_fields,
	.name_field = NULL,
	.order = "given_on",
	.order_desc = true,
};

int64_t feedback_find(struct store *s, int64_t meeting_id, int64_t person_id)
{
	return record_lookup(s, "SELECT id FROM feedback WHERE meeting_id = ? AND person_id = ?",
	                     "ii", meeting_id, person_id);
}
