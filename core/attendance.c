/* SPDX-License-Identifier: GPL-3.0-or-later */
/* attendance: the field table and queries of attendance records. */
#include "attendance.h"

#include "vocab.h"

static const struct field attendance_fields[] = {
	FIELD_REF_DEF(attendance, meeting_id, "meeting", "meeting", FIELD_REQUIRED, "The meeting."),
	FIELD_REF_DEF(attendance, person_id, "person", "person", FIELD_REQUIRED, "Who took part."),
	FIELD_CHOICES(attendance, role, "role at the meeting", FIELD_CHOICE, vocab_roles, 0,
	              "The part they took: service user, carer, future user, non-user, "
	              "commissioner, facilitator, provider or other."),
	FIELD_DEF(attendance, attended, "attended", FIELD_BOOL, FIELD_REQUIRED | FIELD_PHRASE,
	          "Yes if they came; no if they were booked but did not come."),
	FIELD_DEF(attendance, needs_met, "support needs met", FIELD_BOOL, FIELD_PHRASE,
	          "Whether their support needs were met: yes, no, or blank if not recorded."),
	FIELD_CHOICES(attendance, papers_format, "papers format", FIELD_CHOICE, vocab_formats,
	              FIELD_NULLABLE, "The format their papers were sent in."),
};

static void attendance_defaults(void *rec)
{
	struct attendance *p = rec;
	p->attended = 1;
}

const struct record_kind attendance_kind = {
	.table = "attendance",
	.noun = "attendance",
	.plural = "attendances",
	.size = sizeof(struct attendance),
	.fields = attendance_fields,
	.nfields = sizeof attendance_fields / sizeof *attendance_fields,
	.name_field = NULL,
	.order = "created_at",
	.order_desc = false,
	.defaults = attendance_defaults,
};

int64_t attendance_find(struct store *s, int64_t meeting_id, int64_t person_id)
{
	return record_lookup(s, "SELECT id FROM attendance WHERE meeting_id = ? AND person_id = ?",
	                     "ii", meeting_id, person_id);
}
