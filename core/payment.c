/* SPDX-License-Identifier: GPL-3.0-or-later */
/* payment: the field table and queries of payment records. */
#include "payment.h"

#include "vocab.h"

static const struct choice payment_kinds[] = {
	{ "fee", "fee" },
	{ "travel", "travel" },
	{ "care_cover", "care cover" },
	{ "other", "other expense" },
	{ NULL, NULL },
};

static const struct field payment_fields[] = {
	FIELD_REF_DEF(payment, person_id, "person", "person", FIELD_REQUIRED, "Who is paid."),
	FIELD_REF_DEF(payment, meeting_id, "meeting", "meeting", 0,
	              "The meeting it is for, if any."),
	FIELD_CHOICES(payment, kind, "kind", FIELD_CHOICE, payment_kinds, 0,
	              "Fee, travel, care cover or other expense."),
	FIELD_DEF(payment, amount_pence, "amount", FIELD_MONEY, 0,
	          "How much, in pounds, for example 25.00."),
	FIELD_DEF(payment, claimed_on, "date claimed", FIELD_DATE, 0, "When it was claimed."),
	FIELD_DEF(payment, paid_on, "date paid", FIELD_DATE, 0,
	          "When it was paid; empty until then."),
	FIELD_DEF(payment, declined, "declined", FIELD_BOOL, FIELD_REQUIRED | FIELD_PHRASE,
	          "Yes if they chose not to be paid."),
};

static void payment_defaults(void *rec)
{
	struct payment *p = rec;
	p->declined = 0;
}

const struct record_kind payment_kind = {
	.table = "payment",
	.noun = "payment",
	.plural = "payments",
	.size = sizeof(struct payment),
	.fields = payment_fields,
	.nfields = sizeof payment_fields / sizeof *payment_fields,
	.name_field = NULL,
	.order = "created_at",
	.order_desc = true,
	.defaults = payment_defaults,
};
