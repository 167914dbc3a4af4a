/* SPDX-License-Identifier: GPL-3.0-or-later */
/* group: the field table and queries of group records. */
#include "group.h"

#include "vocab.h"

static const struct choice group_kinds[] = {
	{ "user_led", "user-led group" },
	{ "carer_led", "carer-led group" },
	{ "forum", "forum" },
	{ "network", "network" },
	{ "other", "other" },
	{ NULL, NULL },
};

static const struct choice group_relations[] = {
	{ "run", "run by its members" },
	{ "led", "led by its members" },
	{ "hosted", "hosted by an organisation" },
	{ NULL, NULL },
};

static const struct field group_fields[] = {
	FIELD_DEF(group, name, "name", FIELD_TEXT, FIELD_REQUIRED, "What the group is called."),
	FIELD_CHOICES(group, kind, "kind of group", FIELD_CHOICE, group_kinds, 0,
	              "User-led group, carer-led group, forum, network or other."),
	FIELD_CHOICES(group, relation, "how it is run", FIELD_CHOICE, group_relations, FIELD_PHRASE,
	              "Run by its members, led by its members, or hosted by an organisation."),
	FIELD_DEF(group, host, "host organisation", FIELD_TEXT, 0,
	          "The organisation that hosts it, if any."),
	FIELD_DEF(group, contact, "contact", FIELD_TEXT, 0, "How to reach the group."),
	FIELD_DEF(group, notes, "notes", FIELD_TEXT, FIELD_MULTILINE,
	          "Anything else worth keeping."),
};

const struct record_kind group_kind = {
	.table = "groups",
	.noun = "group",
	.plural = "groups",
	.size = sizeof(struct group),
	.fields = group_fields,
	.nfields = sizeof group_fields / sizeof *group_fields,
	.name_field = "name",
	.order = "name",
	.order_desc = false,
};
