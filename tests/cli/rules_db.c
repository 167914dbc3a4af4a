/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_db: build the database the command-line tests of "involve due" and
 * "involve check" run against, through the core record API. Today is taken
 * to be 2026-11-22; the comments say what each record makes the rules find.
 *
 * Usage: rules_db FILE (FILE must not exist yet).
 */
#include <stdio.h>
#include <stdlib.h>

#include "action.h"
#include "attendance.h"
#include "config.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "project.h"
#include "rules.h"
#include "store.h"
#include "vocab.h"

static struct store *rules_db_store;

/* Stop with the sentence when a write fails. */
static void rules_db_ok(enum error_code code, const struct error *err)
{
	if (code != ERROR_NONE) {
		fprintf(stderr, "rules_db: %s\n", err->msg);
		exit(1);
	}
}

static int64_t rules_db_person(const char *name, int format)
{
	struct person p;
	person_init(&p);
	mem_replace(&p.name, name);
	p.roles = 1u << ROLE_SERVICE_USER;
	p.preferred_format = format;
	mem_replace(&p.consent_scope, "involvement records");
	snprintf(p.consent_on, sizeof p.consent_on, "2026-01-01");
	struct error err;
	rules_db_ok(person_create(rules_db_store, &p, &err), &err);
	int64_t id = p.head.id;
	person_clear(&p);
	return id;
}

/* A held meeting with its papers in time; due_on overrides the derived due date. */
static int64_t rules_db_meeting(int64_t project, const char *title, const char *held_on,
                                const char *due_on)
{
	struct meeting m;
	meeting_init(&m);
	m.project_id = project;
	m.stage = STAGE_NEEDS;
	mem_replace(&m.title, title);
	snprintf(m.held_on, sizeof m.held_on, "%s", held_on);
	m.status = MEETING_HELD;
	mem_replace(&m.purpose, "Hear what matters to people.");
	mem_replace(&m.open_to_change, "Opening hours.");
	snprintf(m.papers_sent_on, sizeof m.papers_sent_on, "2026-01-01");
	if (due_on) {
		m.feedback_due_fixed = 1;
		snprintf(m.feedback_due_on, sizeof m.feedback_due_on, "%s", due_on);
	}
	struct error err;
	rules_db_ok(meeting_create(rules_db_store, &m, &err), &err);
	int64_t id = m.head.id;
	meeting_clear(&m);
	return id;
}

static void rules_db_attend(int64_t meeting, int64_t person)
{
	struct attendance a;
	attendance_init(&a);
	a.meeting_id = meeting;
	a.person_id = person;
	a.role = ROLE_SERVICE_USER;
	struct error err;
	rules_db_ok(attendance_create(rules_db_store, &a, &err), &err);
	/* Paid, so payment_not_offered stays quiet. */
	struct payment pay;
	payment_init(&pay);
	pay.person_id = person;
	pay.meeting_id = meeting;
	pay.declined = 1;
	rules_db_ok(payment_create(rules_db_store, &pay, &err), &err);
	payment_clear(&pay);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: rules_db FILE\n");
		return 2;
	}
	struct config *conf = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(conf), (int)config_int(conf, "feedback.due_days"));
	struct store_options opt = { .flags = STORE_CREATE };
	struct error err;
	rules_db_ok(store_open(argv[1], &opt, &rules_db_store, &err), &err);

	struct project p;
	project_init(&p);
	mem_replace(&p.title, "Day services redesign");
	p.kind = PROJECT_NEW_SERVICE;
	rules_db_ok(project_create(rules_db_store, &p, &err), &err);
	int64_t project = p.head.id;
	project_clear(&p);

	int64_t ann = rules_db_person("Ann B.", FORMAT_EASY_READ);
	int64_t bob = rules_db_person("Bob \"Bobby\" C.\\", FORMAT_STANDARD);
	int64_t eve = rules_db_person("Eve\x1b[2J E.\xff", FORMAT_LARGE_PRINT);

	/* feedback_overdue: due 2026-10-29, 24 days overdue, for Ann and Bob. */
	int64_t workshop = rules_db_meeting(project, "Day services workshop", "2026-10-01", NULL);
	rules_db_attend(workshop, ann);
	rules_db_attend(workshop, bob);
	/* feedback_due_soon: due 2026-11-25, 3 days left; stored text with escapes. */
	int64_t forum =
	        rules_db_meeting(project, "Carers'\x1b]0;x\x07 forum", "2026-11-02", "2026-11-25");
	rules_db_attend(forum, eve);
	rules_db_attend(forum, bob);

	/* payment_overdue: claimed 2026-10-23, due 2026-11-20. */
	struct payment pay;
	payment_init(&pay);
	pay.person_id = ann;
	pay.meeting_id = workshop;
	pay.kind = PAYMENT_TRAVEL;
	pay.amount_pence = 1250;
	snprintf(pay.claimed_on, sizeof pay.claimed_on, "2026-10-23");
	rules_db_ok(payment_create(rules_db_store, &pay, &err), &err);
	payment_clear(&pay);

	/* action_overdue: due 2026-11-20. */
	struct action a;
	action_init(&a);
	a.meeting_id = workshop;
	mem_replace(&a.summary, "Send the notes in easy read");
	snprintf(a.due_on, sizeof a.due_on, "2026-11-20");
	rules_db_ok(action_create(rules_db_store, &a, &err), &err);
	action_clear(&a);

	store_close(rules_db_store);
	config_free(conf);
	return 0;
}
