/* SPDX-License-Identifier: GPL-3.0-or-later */
/* person: the field table and queries of person records. */
#include "person.h"

#include "vocab.h"

static const struct field person_fields[] = {
	FIELD_DEF(person, name, "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_PERSONAL,
	          "The name the facilitator knows them by, for example Ann B."),
	FIELD_CHOICES(person, roles, "roles", FIELD_FLAGS, vocab_roles, 0,
	              "Service user, carer, future user, non-user, commissioner, facilitator, "
	              "provider or other; several may apply."),
	FIELD_CHOICES(person, preferred_format, "preferred format", FIELD_CHOICE, vocab_formats, 0,
	              "How they want papers and feedback: standard print, easy read, large print, "
	              "braille, audio, British Sign Language or translated."),
	FIELD_DEF(person, language, "language", FIELD_TEXT, FIELD_PERSONAL,
	          "The language for translated papers."),
	FIELD_DEF(person, contact, "contact", FIELD_TEXT, FIELD_PERSONAL,
	          "Phone, email or address, as they prefer."),
	FIELD_DEF(person, support_needs, "support needs", FIELD_TEXT, FIELD_PERSONAL,
	          "What they need to take part, for example a hearing loop, step-free access, a "
	          "support worker."),
	FIELD_DEF(
	        person, benefits_concern, "benefits concern", FIELD_BOOL, 0,
	        "Yes if payments could affect their benefits, so they are checked before paying."),
	FIELD_DEF(person, consent_on, "consent date", FIELD_DATE, 0,
	          "When they agreed to their details being kept."),
	FIELD_DEF(person, consent_scope, "consent scope", FIELD_TEXT, FIELD_PERSONAL,
	          "What they agreed to, for example contact about this project only."),
	FIELD_DEF(person, first_involved_on, "first involved", FIELD_DATE, 0,
	          "When they first took part."),
	FIELD_DEF(person, tags, "tags", FIELD_TEXT, FIELD_PERSONAL,
	          "Seldom-heard groups they belong to, separated by ;, kept only with their "
	          "consent."),
	FIELD_DEF(person, notes, "notes", FIELD_TEXT, FIELD_MULTILINE | FIELD_PERSONAL,
	          "Anything else worth keeping."),
	FIELD_DEF(person, anonymised, "anonymised", FIELD_BOOL, FIELD_REQUIRED | FIELD_INTERNAL,
	          "Yes once the person has been forgotten."),
};

static void person_defaults(void *rec)
{
	struct person *p = rec;
	p->anonymised = 0;
}

const struct record_kind person_kind = {
	.table = "person",
	.noun = "person",
	.plural = "people",
	.size = sizeof(struct person),
	.fields = person_fields,
	.nfields = sizeof person_fields / sizeof *person_fields,
	.name_field = "name",
	.order = "name",
	.order_desc = false,
	.defaults = person_defaults,
};

int64_t person_find(struct store *s, const char *name)
{
	return record_lookup(
	        s,
	        "SELECT id FROM person WHERE name = ? COLLATE NOCASE ORDER BY created_at LIMIT 1",
	        "t", name);
}

bool person_has_role(const struct person *p, int role)
{
	return role >= 0 && role < ROLE_COUNT && (p->roles & (1u << role));
}
