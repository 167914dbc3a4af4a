/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * people_db: the small database the People and Payments transcripts run
 * against, through the core record API, as of 2026-11-22. Every list it
 * makes has one order whatever the random record ids are (names differ,
 * claims are made on different days), so the transcript is the same on
 * every run.
 *
 * Usage: people_db FILE (FILE must not exist yet).
 */
#include <stdio.h>
#include <stdlib.h>

#include "action.h"
#include "attendance.h"
#include "config.h"
#include "feedback.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "project.h"
#include "rules.h"
#include "store.h"
#include "vocab.h"

static struct store *people_db_store;

/* Stop with the sentence when a write fails. */
static void people_db_ok(enum error_code code, const struct error *err)
{
	if (code != ERROR_NONE) {
		fprintf(stderr, "people_db: %s\n", err->msg);
		exit(1);
	}
}

/* Set one field of a record from text, as a form does. */
static void people_db_set(const struct record_kind *kind, int64_t id, const char *field,
                          const char *text)
{
	struct error err;
	people_db_ok(record_set(people_db_store, kind, id, field, text, &err), &err);
}

/* A person with roles and format (as typed in a form), support needs and consent. */
static int64_t people_db_person(const char *name, const char *roles, const char *format,
                                const char *needs)
{
	struct person p;
	person_init(&p);
	mem_replace(&p.name, name);
	struct error err;
	people_db_ok(person_create(people_db_store, &p, &err), &err);
	int64_t id = p.head.id;
	person_clear(&p);
	people_db_set(&person_kind, id, "roles", roles);
	people_db_set(&person_kind, id, "preferred_format", format);
	people_db_set(&person_kind, id, "support_needs", needs);
	people_db_set(&person_kind, id, "consent_on", "2026-01-05");
	people_db_set(&person_kind, id, "consent_scope", "involvement records");
	return id;
}

/* A meeting about short breaks, with its purpose and what is open to change. */
static int64_t people_db_meeting(int64_t project, const char *title, const char *held_on,
                                 int status)
{
	struct meeting m;
	meeting_init(&m);
	m.project_id = project;
	m.stage = STAGE_NEEDS;
	m.status = status;
	mem_replace(&m.title, title);
	snprintf(m.held_on, sizeof m.held_on, "%s", held_on);
	mem_replace(&m.purpose, "Hear what matters to carers about short breaks.");
	mem_replace(&m.open_to_change, "Where and when breaks are offered.");
	struct error err;
	people_db_ok(meeting_create(people_db_store, &m, &err), &err);
	int64_t id = m.head.id;
	meeting_clear(&m);
	return id;
}

/* person came (or was booked) to meeting in role; needs "yes", "no" or "" not recorded. */
static void people_db_attend(int64_t meeting, int64_t person, int role, int attended,
                             const char *needs)
{
	struct attendance a;
	attendance_init(&a);
	a.meeting_id = meeting;
	a.person_id = person;
	a.role = role;
	a.attended = attended;
	struct error err;
	people_db_ok(attendance_create(people_db_store, &a, &err), &err);
	people_db_set(&attendance_kind, a.head.id, "needs_met", needs);
}

/* Feedback given to person about meeting on a day. */
static void people_db_told(int64_t meeting, int64_t person, const char *on)
{
	struct feedback f;
	feedback_init(&f);
	f.meeting_id = meeting;
	f.person_id = person;
	snprintf(f.given_on, sizeof f.given_on, "%s", on);
	struct error err;
	people_db_ok(feedback_create(people_db_store, &f, &err), &err);
	feedback_clear(&f);
}

/* A payment (meeting 0: none; claimed and paid NULL: not yet). */
static int64_t people_db_payment(int64_t person, int64_t meeting, int kind, int64_t pence,
                                 const char *claimed, const char *paid)
{
	struct payment p;
	payment_init(&p);
	p.person_id = person;
	p.meeting_id = meeting;
	p.kind = kind;
	p.amount_pence = pence;
	snprintf(p.claimed_on, sizeof p.claimed_on, "%s", claimed ? claimed : "");
	snprintf(p.paid_on, sizeof p.paid_on, "%s", paid ? paid : "");
	struct error err;
	people_db_ok(payment_create(people_db_store, &p, &err), &err);
	return p.head.id;
}

/* A commitment made at a meeting, not yet done. */
static void people_db_commitment(int64_t project, int64_t meeting, const char *summary,
                                 const char *owner, const char *due)
{
	struct action a;
	action_init(&a);
	a.project_id = project;
	a.meeting_id = meeting;
	mem_replace(&a.summary, summary);
	mem_replace(&a.owner, owner);
	snprintf(a.due_on, sizeof a.due_on, "%s", due);
	struct error err;
	people_db_ok(action_create(people_db_store, &a, &err), &err);
	action_clear(&a);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: people_db FILE\n");
		return 2;
	}
	struct error err;
	struct store_options opt = { .flags = STORE_CREATE };
	people_db_ok(store_open(argv[1], &opt, &people_db_store, &err), &err);
	struct config *conf = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(conf), (int)config_int(conf, "feedback.due_days"));
	people_db_ok(store_begin(people_db_store, &err), &err);

	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Carers' strategy");
	people_db_ok(project_create(people_db_store, &pr, &err), &err);
	int64_t project = pr.head.id;
	project_clear(&pr);

	int64_t ann =
	        people_db_person("Ann B.", "service user, carer", "easy read", "a hearing loop");
	people_db_set(&person_kind, ann, "contact", "07700 900123");
	int64_t anna = people_db_person("Anna K.", "carer", "standard", "");
	int64_t tomasz = people_db_person("Tomasz W.", "carer", "translated", "an interpreter");
	people_db_set(&person_kind, tomasz, "language", "Polish");
	int64_t zofia = people_db_person("Zofia Ł.", "service user", "bsl", "a BSL interpreter");
	int64_t chen = people_db_person("Chen L.", "service user", "large print", "");
	people_db_set(&person_kind, chen, "benefits_concern", "yes");
	people_db_person("Bob C.", "provider", "standard", "");

	/* Ann was told what came of the forum; she and Tomasz wait to hear about the workshop. */
	int64_t forum = people_db_meeting(project, "Carers' forum", "2026-10-02", MEETING_HELD);
	int64_t workshop =
	        people_db_meeting(project, "Day services workshop", "2026-09-01", MEETING_HELD);
	int64_t survey =
	        people_db_meeting(project, "Short breaks survey", "2026-11-16", MEETING_HELD);
	int64_t planned = people_db_meeting(project, "Planning day", "2026-12-05", MEETING_PLANNED);
	people_db_attend(forum, ann, ROLE_CARER, 1, "yes");
	people_db_told(forum, ann, "2026-10-20");
	people_db_attend(workshop, ann, ROLE_SERVICE_USER, 1, "yes");
	people_db_attend(survey, ann, ROLE_CARER, 1, "");
	people_db_attend(planned, ann, ROLE_CARER, 0, "");
	people_db_attend(workshop, tomasz, ROLE_CARER, 1, "no");
	people_db_attend(forum, zofia, ROLE_SERVICE_USER, 1, "yes");
	people_db_told(forum, zofia, "2026-10-21");
	people_db_attend(forum, anna, ROLE_CARER, 1, "yes");
	people_db_told(forum, anna, "2026-10-22");

	/* Two claims overdue, one waiting, fees paid, one declined; Zofia was never offered. */
	people_db_payment(ann, forum, PAYMENT_TRAVEL, 1250, "2026-10-01", NULL);
	people_db_payment(tomasz, workshop, PAYMENT_FEE, 3000, "2026-09-03", NULL);
	people_db_payment(ann, survey, PAYMENT_FEE, 2000, "2026-11-17", NULL);
	people_db_payment(ann, workshop, PAYMENT_FEE, 2000, "2026-09-02", "2026-09-10");
	people_db_payment(anna, forum, PAYMENT_FEE, 2000, "2026-10-05", "2026-10-09");
	people_db_payment(chen, 0, PAYMENT_FEE, 12000, "2026-11-02", "2026-11-03");
	people_db_payment(chen, 0, PAYMENT_FEE, 12000, "2026-11-04", "2026-11-05");
	people_db_set(&payment_kind,
	              people_db_payment(tomasz, 0, PAYMENT_CARE_COVER, 0, NULL, NULL), "declined",
	              "yes");
	people_db_commitment(project, forum, "Send the minutes in easy read", "Sam Lee",
	                     "2026-11-01");
	people_db_commitment(project, survey, "Share the survey results", "Sam Lee", "2026-12-10");

	people_db_ok(store_commit(people_db_store, &err), &err);
	config_free(conf);
	store_close(people_db_store);
	return 0;
}
