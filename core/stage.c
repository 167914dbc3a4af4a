/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stage: the field table and queries of stage records. */
#include "stage.h"

#include "text.h"
#include "vocab.h"

static const struct choice stage_statuses[] = {
	{ "not_started", "not started" }, { "active", "active" }, { "done", "done" },
	{ "skipped", "skipped" },         { NULL, NULL },
};

static const struct field stage_fields[] = {
	FIELD_REF_DEF(stage, project_id, "project", "project", FIELD_REQUIRED, "The project."),
	FIELD_CHOICES(stage, stage, "stage", FIELD_CHOICE, vocab_stages, 0,
	              "The stage of the commissioning cycle."),
	FIELD_CHOICES(stage, status, "status", FIELD_CHOICE, stage_statuses, 0,
	              "Not started, active, done or skipped. Stages can be visited in any order "
	              "and more than once."),
	FIELD_DEF(stage, purpose, "purpose", FIELD_TEXT, FIELD_MULTILINE,
	          "Why users are involved at this stage."),
	FIELD_DEF(stage, users_role, "users' role", FIELD_TEXT, FIELD_MULTILINE,
	          "What users do at this stage and whose voice they carry."),
	FIELD_DEF(stage, open_to_change, "open to change", FIELD_TEXT,
	          FIELD_MULTILINE | FIELD_PHRASE, "What can change because of what users say."),
	FIELD_DEF(stage, not_open_to_change, "not open to change", FIELD_TEXT,
	          FIELD_MULTILINE | FIELD_PHRASE,
	          "What cannot change, and why: the line that has been drawn."),
	FIELD_DEF(stage, who_decides, "who decides", FIELD_TEXT, FIELD_PHRASE,
	          "Who takes the decisions at this stage."),
	FIELD_DEF(stage, agreed_on, "date agreed", FIELD_DATE, 0,
	          "When this agreement was made with users."),
	FIELD_DEF(stage, agreed_with, "agreed with", FIELD_TEXT, FIELD_PHRASE,
	          "Who it was agreed with, for example the carers' forum."),
	FIELD_DEF(stage, what_worked, "what worked", FIELD_TEXT, FIELD_MULTILINE | FIELD_PHRASE,
	          "For the review: what helped involvement succeed."),
	FIELD_DEF(stage, what_got_in_the_way, "what got in the way", FIELD_TEXT,
	          FIELD_MULTILINE | FIELD_PHRASE,
	          "For the review: what got in the way of involvement."),
	FIELD_DEF(stage, notes, "notes", FIELD_TEXT, FIELD_MULTILINE,
	          "Anything else worth keeping."),
};

const struct record_kind stage_kind = {
	.table = "stage",
	.noun = "stage",
	.plural = "stages",
	.size = sizeof(struct stage),
	.fields = stage_fields,
	.nfields = sizeof stage_fields / sizeof *stage_fields,
	.name_field = NULL,
	.order = "stage",
	.order_desc = false,
};

enum error_code stage_get_for(struct store *s, int64_t project_id, int stage, struct stage *st,
                              struct error *err)
{
	int64_t id = record_lookup(s, "SELECT id FROM stage WHERE project_id = ? AND stage = ?",
	                           "it", project_id, record_choice_key(vocab_stages, stage));
	if (id)
		return stage_get(s, id, st, err);
	stage_init(st);
	st->project_id = project_id;
	st->stage = stage;
	return ERROR_NONE;
}

enum error_code stage_ensure(struct store *s, int64_t project_id, int stage, int64_t *id,
                             struct error *err)
{
	struct stage st;
	enum error_code code = stage_get_for(s, project_id, stage, &st, err);
	if (code == ERROR_NONE && st.head.id == 0)
		code = stage_create(s, &st, err);
	*id = code == ERROR_NONE ? st.head.id : 0;
	stage_clear(&st);
	return code;
}

bool stage_has_agreement(const struct stage *st)
{
	return !text_blank(st->purpose) && !text_blank(st->users_role) &&
	       (!text_blank(st->open_to_change) || !text_blank(st->not_open_to_change)) &&
	       !text_blank(st->who_decides);
}
