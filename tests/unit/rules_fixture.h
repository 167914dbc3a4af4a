/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_fixture: what the rule tests share — a fresh database and settings
 * per test, records made through the core API in one line each, and running
 * one rule on a given day to see what it finds.
 */
#ifndef INVOLVE_TEST_RULES_FIXTURE_H
#define INVOLVE_TEST_RULES_FIXTURE_H

#include "support.h"

#include "rules.h"

struct config;

struct fixture {
	struct support_db *db;
	struct store *s;
	struct config *conf;
	struct rules_list found; /* what the last fixture_run found */
	struct finding view;     /* the finding fixture_found last gave */
};

/* cmocka setup/teardown: a database, the built-in settings, today 2026-11-22. */
int fixture_setup(void **state);
int fixture_teardown(void **state);
/* Load settings from text (added to the built-in defaults), failing on any problem. */
void fixture_config(struct fixture *fx, const char *text);

/* The day from "YYYY-MM-DD", failing the test if it is not one. */
int32_t fixture_day(const char *text);

/* Records, each returning its id. Dates are "YYYY-MM-DD" or NULL for none. */
int64_t fx_project(struct fixture *fx, const char *title, int kind);
/* roles: bits (1u << enum role); format: enum format. */
int64_t fx_person(struct fixture *fx, const char *name, unsigned roles, int format);
/* A held meeting on held_on at stage (enum stage_key), purpose and what is open to change set. */
int64_t fx_meeting(struct fixture *fx, int64_t project, int stage, const char *title,
                   const char *held_on);
/* Change one field of a record from text, as a form would. */
void fx_set(struct fixture *fx, const char *table, int64_t id, const char *field, const char *text);
/* role: enum role; attended: 1 or 0. */
int64_t fx_attend(struct fixture *fx, int64_t meeting, int64_t person, int role, int attended);
int64_t fx_feedback(struct fixture *fx, int64_t meeting, int64_t person, const char *given_on,
                    int format);
/* response: enum contribution_response_choice; reason may be NULL. */
int64_t fx_contribution(struct fixture *fx, int64_t meeting, int64_t person, const char *said,
                        int response, const char *reason);
int64_t fx_stage(struct fixture *fx, int64_t project, int stage, int status, bool agreed,
                 const char *agreed_on);
int64_t fx_decision(struct fixture *fx, int64_t project, const char *title, const char *decided_on);
/* kind: enum budget_event_kind_choice. */
int64_t fx_budget(struct fixture *fx, int64_t project, int kind, const char *on, const char *reason,
                  const char *told_on);
/* kind: enum payment_kind_choice. */
int64_t fx_payment(struct fixture *fx, int64_t person, int64_t meeting, int kind, int64_t pence,
                   const char *claimed_on, const char *paid_on);
int64_t fx_action(struct fixture *fx, int64_t project, int64_t meeting, const char *summary,
                  const char *due_on, const char *done_on);

/*
 * Run the rule id (only it) over scope on today into fx->found, replacing what
 * was there; returns how many findings. Fails the test on an error.
 */
size_t fixture_run(struct fixture *fx, const char *id, const char *today,
                   const struct rules_scope *scope);
/* The i-th finding of the last run; valid until the next call. */
const struct finding *fixture_found(struct fixture *fx, size_t i);

#endif
