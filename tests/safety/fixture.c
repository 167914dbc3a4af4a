/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fixture: a test program (not installed) that fills a database through the
 * core API with one project's people and what they did, for the tests of
 * person show, export and forget and of the change log:
 *
 *   fixture DB
 *
 * Ann B. (every personal field filled, at two meetings, said something,
 * was given feedback and paid), two people called Sam K., and a person
 * whose name and notes are hostile text (escape sequences, controls,
 * invalid UTF-8, right-to-left and combining characters). The transport
 * workshop's notes mention Ann B. by name. Prints NAME=ID lines for the
 * shell: ann, sam1, sam2, hostile, forum, workshop, project.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "attendance.h"
#include "contribution.h"
#include "feedback.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "project.h"
#include "record.h"
#include "store.h"

static struct store *fixture_store;

/* Set the fields of a new record from "name=value" texts, create it, return its id. */
static int64_t fixture_make(const struct record_kind *kind, const char *const *values,
                            const int64_t *refs)
{
	void *rec = mem_alloc(kind->size);
	record_init(kind, rec);
	struct error err;
	for (size_t i = 0; values[i]; i++) {
		const char *eq = strchr(values[i], '=');
		char *name = mem_strndup(values[i], (size_t)(eq - values[i]));
		const struct field *f = record_field(kind, name);
		if (!f || record_field_parse(f, rec, eq + 1, &err) != ERROR_NONE) {
			fprintf(stderr, "fixture: %s.%s: %s\n", kind->table, name,
			        f ? err.msg : "no such field");
			exit(1);
		}
		free(name);
	}
	/* refs: pairs of (field index, id), ended by -1 */
	for (size_t i = 0; refs && refs[i] >= 0; i += 2)
		*(int64_t *)((char *)rec + kind->fields[refs[i]].offset) = refs[i + 1];
	if (record_create(fixture_store, kind, rec, &err) != ERROR_NONE) {
		fprintf(stderr, "fixture: %s: %s\n", kind->table, err.msg);
		exit(1);
	}
	int64_t id = ((struct record_head *)rec)->id;
	record_clear(kind, rec);
	free(rec);
	return id;
}

/* The index of a field in a kind's table. */
static int64_t fixture_field(const struct record_kind *kind, const char *name)
{
	const struct field *f = record_field(kind, name);
	if (!f)
		exit(1);
	return (int64_t)(f - kind->fields);
}

/* The hostile name: a clear-screen and a title-setting escape, a bell, C1 CSI, invalid UTF-8. */
static const char fixture_hostile_name[] = "Evil\x1b[2J\x1b]0;pwned\x07 Name\xC2\x9B"
                                           "31m\xFF\xFE";
static const char fixture_hostile_notes[] =
        "Line one\nLine two\r\nRTL: \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\xAE"
        "reversed\xE2\x80\xAC combining: e\xCC\x81 tab\there\x7F del \x1b[31mred\x1b[0m";

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: fixture DB\n");
		return 2;
	}
	setenv("INVOLVE_TODAY", "2026-11-22", 0);
	struct error err;
	struct store_options opt = { .flags = STORE_CREATE };
	if (store_open(argv[1], &opt, &fixture_store, &err) != ERROR_NONE) {
		fprintf(stderr, "fixture: %s\n", err.msg);
		return 1;
	}
	if (store_begin(fixture_store, &err) != ERROR_NONE)
		return 1;
	int64_t project = fixture_make(
	        &project_kind,
	        (const char *[]){ "title=Day opportunities redesign", "kind=redesign", NULL },
	        NULL);
	int64_t pj = fixture_field(&meeting_kind, "project_id");
	int64_t forum =
	        fixture_make(&meeting_kind,
	                     (const char *[]){ "title=Carers' forum", "held_on=2026-10-02",
	                                       "status=held", "purpose=Hear from carers", NULL },
	                     (int64_t[]){ pj, project, -1 });
	int64_t workshop = fixture_make(
	        &meeting_kind,
	        (const char *[]){ "title=Transport workshop", "held_on=2026-10-20", "status=held",
	                          "notes=Ann B. asked for the minutes in easy read. Annabel "
	                          "agreed.",
	                          NULL },
	        (int64_t[]){ pj, project, -1 });
	int64_t ann = fixture_make(
	        &person_kind,
	        (const char *[]){
	                "name=Ann B.", "roles=service_user;carer", "preferred_format=translated",
	                "language=Polish", "contact=ann.b@example.org 07700 900123",
	                "support_needs=hearing loop; step-free access", "benefits_concern=yes",
	                "consent_on=2025-03-01", "consent_scope=contact about day services only",
	                "first_involved_on=2025-03-01", "tags=young carers",
	                "notes=Prefers mornings.\nLives near the bus station.", NULL },
	        NULL);
	int64_t sam1 = fixture_make(&person_kind,
	                            (const char *[]){ "name=Sam K.", "roles=service_user",
	                                              "first_involved_on=2024-05-01", NULL },
	                            NULL);
	int64_t sam2 = fixture_make(&person_kind,
	                            (const char *[]){ "name=sam k.", "roles=carer",
	                                              "first_involved_on=2026-01-10", NULL },
	                            NULL);
	int64_t hostile = fixture_make(
	        &person_kind, (const char *[]){ "name=placeholder", "roles=other", NULL }, NULL);
	/* Hostile text goes in through the one-field setter, as a form would. */
	if (record_set(fixture_store, &person_kind, hostile, "name", fixture_hostile_name, &err) ||
	    record_set(fixture_store, &person_kind, hostile, "notes", fixture_hostile_notes,
	               &err)) {
		fprintf(stderr, "fixture: %s\n", err.msg);
		return 1;
	}
	int64_t am = fixture_field(&attendance_kind, "meeting_id");
	int64_t ap = fixture_field(&attendance_kind, "person_id");
	fixture_make(&attendance_kind, (const char *[]){ "role=carer", "needs_met=yes", NULL },
	             (int64_t[]){ am, forum, ap, ann, -1 });
	fixture_make(&attendance_kind,
	             (const char *[]){ "role=service_user", "papers_format=easy_read", NULL },
	             (int64_t[]){ am, workshop, ap, ann, -1 });
	fixture_make(&attendance_kind, (const char *[]){ "role=service_user", NULL },
	             (int64_t[]){ am, forum, ap, sam1, -1 });
	fixture_make(&attendance_kind, (const char *[]){ "role=other", NULL },
	             (int64_t[]){ am, forum, ap, hostile, -1 });
	fixture_make(&contribution_kind,
	             (const char *[]){ "said=The bus never comes on time, so I miss sessions.",
	                               "theme=transport", "response=partly",
	                               "response_text=Sessions now start at 10:30.",
	                               "reason=The bus contract is not ours to change.", NULL },
	             (int64_t[]){ fixture_field(&contribution_kind, "meeting_id"), workshop,
	                          fixture_field(&contribution_kind, "person_id"), ann, -1 });
	fixture_make(&contribution_kind, (const char *[]){ "said=More evening meetings.", NULL },
	             (int64_t[]){ fixture_field(&contribution_kind, "meeting_id"), forum, -1 });
	fixture_make(&feedback_kind,
	             (const char *[]){ "given_on=2026-11-02", "method=letter", "format=translated",
	                               "summary=Told her about the new start time.", NULL },
	             (int64_t[]){ fixture_field(&feedback_kind, "meeting_id"), workshop,
	                          fixture_field(&feedback_kind, "person_id"), ann, -1 });
	fixture_make(&payment_kind,
	             (const char *[]){ "kind=travel", "amount_pence=12.40", "claimed_on=2026-10-21",
	                               "paid_on=2026-10-30", NULL },
	             (int64_t[]){ fixture_field(&payment_kind, "person_id"), ann,
	                          fixture_field(&payment_kind, "meeting_id"), workshop, -1 });
	fixture_make(&action_kind,
	             (const char *[]){ "summary=Send the minutes in easy read", "owner=Priya",
	                               "due_on=2026-10-09", NULL },
	             (int64_t[]){ fixture_field(&action_kind, "meeting_id"), forum,
	                          fixture_field(&action_kind, "project_id"), project, -1 });
	if (store_commit(fixture_store, &err) != ERROR_NONE) {
		fprintf(stderr, "fixture: %s\n", err.msg);
		return 1;
	}
	store_close(fixture_store);
	printf("ann=%" PRId64 "\nsam1=%" PRId64 "\nsam2=%" PRId64 "\nhostile=%" PRId64
	       "\nforum=%" PRId64 "\nworkshop=%" PRId64 "\nproject=%" PRId64 "\n",
	       ann, sam1, sam2, hostile, forum, workshop, project);
	return 0;
}
