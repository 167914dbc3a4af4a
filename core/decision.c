/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decision: the field table and queries of decision records. */
#include "decision.h"

#include "vocab.h"

static const struct choice decision_followed[] = {
	{ "yes", "yes" },           { "partly", "partly" }, { "no", "no" },
	{ "unknown", "not known" }, { NULL, NULL },
};

static const struct field decision_fields[] = {
	FIELD_REF_DEF(decision, project_id, "project", "project", FIELD_REQUIRED,
	              "The project the decision belongs to."),
	FIELD_CHOICES(decision, stage, "stage", FIELD_CHOICE, vocab_stages, 0,
	              "The stage of the cycle where it was decided."),
	FIELD_DEF(decision, title, "title", FIELD_TEXT, FIELD_REQUIRED,
	          "A short name for the decision."),
	FIELD_DEF(decision, decided_on, "date decided", FIELD_DATE, 0, "When it was decided."),
	FIELD_DEF(decision, decided_by, "decided by", FIELD_TEXT, FIELD_PHRASE,
	          "Who decided: a board, a committee, a named officer."),
	FIELD_DEF(decision, summary, "summary", FIELD_TEXT, FIELD_MULTILINE, "What was decided."),
	FIELD_DEF(decision, users_present, "users present", FIELD_BOOL, FIELD_PHRASE,
	          "Yes if service users or carers were present when it was decided."),
	FIELD_CHOICES(
	        decision, users_view_followed, "users' view followed", FIELD_CHOICE,
	        decision_followed, FIELD_PHRASE,
	        "Whether the decision followed what users said: yes, partly, no, or not known."),
	FIELD_DEF(decision, appeal_route_given, "appeal route given", FIELD_BOOL, FIELD_PHRASE,
	          "Yes if people were told how to appeal or complain."),
	FIELD_DEF(decision, appeal_route, "appeal route", FIELD_TEXT, 0,
	          "How to appeal or complain, as people were told."),
};

static void decision_defaults(void *rec)
{
	struct decision *p = rec;
	p->stage = STAGE_DECISIONS;
	p->users_view_followed = DECISION_FOLLOWED_UNKNOWN;
}

const struct record_kind decision_kind = {
	.table = "decision",
	.noun = "decision",
	.plural = "decisions",
	.size = sizeof(struct decision),
	.fields = decision_fields,
	.nfields = sizeof decision_fields / sizeof *decision_fields,
	.name_field = "title",
	.order = "title",
	.order_desc = false,
	.defaults = decision_defaults,
};

int64_t decision_find(struct store *s, int64_t project_id, const char *title)
{
	return record_lookup(s,
	                     "SELECT id FROM decision WHERE project_id = ? AND title = ? COLLATE "
	                     "NOCASE ORDER BY created_at LIMIT 1",
	                     "it", project_id, title);
}
