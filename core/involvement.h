/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * involvement: what one person took part in and what is owed to them, and
 * the payments owed to everyone — the lists the People and Payments screens
 * page through.
 *
 * "Owed" means what the rules mean (core/rules_feedback.c, rules_payment.c):
 * - feedback: a service user or carer who came to a held meeting and has not
 *   been told what came of it (no feedback record), unless anonymised; due on
 *   the meeting's feedback due date;
 * - a payment: claimed, not paid and not declined; overdue once it is not
 *   paid within payments.pay_within_days working days of the claim;
 * - a commitment: an action promised at a meeting the person came to, not
 *   done; due on its due date.
 *
 * Lists are read a page at a time by keyset (struct involvement_page), never
 * by OFFSET and never whole: every row carries a key and an id, and the next
 * page starts after them. Rows go to a callback one at a time with their
 * strings borrowed for the call (never NULL: "" when empty); the callback
 * may read the store but must not read the same list again. Stored text is
 * passed on as stored: whoever shows it cleans it (the view API does).
 * Failures return the store's error with err filled; rows already passed on
 * stay passed on.
 */
#ifndef INVOLVE_INVOLVEMENT_H
#define INVOLVE_INVOLVEMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "store.h"

struct config;

/* When things fall due, from the settings, as of one day. */
struct involvement_terms {
	int32_t today;
	int pay_within_days;             /* payments.pay_within_days */
	int warn_days;                   /* feedback.warn_days: "due soon" within this many days */
	const struct calendar *calendar; /* calendar.holidays; NULL for weekends only */
	int32_t pay_cutoff; /* an unpaid claim made on or before this is overdue today */
};

/*
 * The terms config sets (config owned by the caller, kept while the terms
 * are used) as of today.
 */
struct involvement_terms involvement_terms(const struct config *config, int32_t today);
/* The day a claim made on claimed should be paid by. */
int32_t involvement_pay_due(const struct involvement_terms *t, int32_t claimed);

/* Where a page of a list starts and what it holds. */
struct involvement_page {
	bool has_after;        /* start after this row (exclusive); false: at the list's end */
	const char *after_key; /* that row's key, as the list gave it */
	int64_t after_id;      /* and its id */
	bool backward;         /* the rows before it (or the last rows), nearest first */
	const char *match;     /* only rows whose name holds this (ASCII letters in any case) */
	bool prefix;           /* match only at the start of the name */
	int limit;             /* at most this many rows; 0 means 100 */
};

/* A meeting a person was booked into, with how it went for them. */
struct involvement_meeting {
	int64_t id;      /* the attendance record: the row's id in its list */
	const char *key; /* the row's key in its list */
	int64_t meeting_id;
	const char *title;   /* the meeting's title: the name lists match */
	const char *held_on; /* the day it was (or is to be) held */
	int status;          /* enum meeting_status_choice */
	const char *project; /* the project's title */
	int role;            /* enum role, at this meeting */
	int attended;        /* 1 came, 0 booked but did not come */
	int needs_met;       /* 1 yes, 0 no, -1 not recorded */
	const char *told_on; /* when they were told what came of it; "" not yet */
	const char *due_on;  /* when feedback falls due; "" when not known */
	bool owed;           /* they are owed feedback on it (see the top of this file) */
};
typedef bool (*involvement_meeting_fn)(const struct involvement_meeting *m, void *ctx);

/* The meetings person_id was booked into, newest first. */
enum error_code involvement_history(struct store *s, int64_t person_id,
                                    const struct involvement_page *page, involvement_meeting_fn fn,
                                    void *ctx, struct error *err);
enum error_code involvement_history_count(struct store *s, int64_t person_id, int64_t *n,
                                          struct error *err);
/* The meetings person_id is owed feedback on, soonest due first. */
enum error_code involvement_feedback_owed(struct store *s, int64_t person_id,
                                          const struct involvement_page *page,
                                          involvement_meeting_fn fn, void *ctx, struct error *err);

/* A commitment made at a meeting a person came to, not yet done. */
struct involvement_commitment {
	int64_t id; /* the action */
	const char *key;
	const char *summary; /* what was promised: the name lists match */
	const char *owner;
	const char *due_on; /* "" when no date was set */
	int64_t meeting_id;
	const char *meeting; /* its title */
	const char *held_on;
};
typedef bool (*involvement_commitment_fn)(const struct involvement_commitment *c, void *ctx);

/* The open commitments from the meetings person_id came to, soonest due first (undated last). */
enum error_code involvement_commitments(struct store *s, int64_t person_id,
                                        const struct involvement_page *page,
                                        involvement_commitment_fn fn, void *ctx, struct error *err);

/* Which payments a payments list holds. */
enum involvement_filter {
	INVOLVEMENT_OVERDUE, /* claims overdue, longest waiting first */
	INVOLVEMENT_UNPAID,  /* claims not paid or declined: the overdue, then the rest newest first
	                      */
	INVOLVEMENT_ALL, /* every payment: the overdue, then the claimed newest first, then those
	                    never claimed, newest record first */
};

struct involvement_payments {
	enum involvement_filter filter;
	int64_t person_id;                     /* one person's; 0 for everyone's */
	const struct involvement_terms *terms; /* when claims are overdue */
};

/* A payment with the names people know it by. */
struct involvement_payment {
	int64_t id;
	const char *key;
	int64_t person_id;
	const char *person; /* their name: the name lists match */
	bool anonymised;
	int64_t meeting_id; /* 0 when not for one meeting */
	const char *meeting;
	const char *held_on;
	int kind; /* enum payment_kind_choice */
	int64_t amount_pence;
	const char *claimed_on; /* "" when not claimed */
	const char *paid_on;    /* "" until paid */
	bool declined;
	bool overdue; /* claimed, unpaid and past due */
	int32_t due;  /* when a claim should be paid by; DATE_NONE when not claimed */
};
typedef bool (*involvement_payment_fn)(const struct involvement_payment *p, void *ctx);

enum error_code involvement_payments(struct store *s, const struct involvement_payments *which,
                                     const struct involvement_page *page, involvement_payment_fn fn,
                                     void *ctx, struct error *err);
enum error_code involvement_payments_count(struct store *s,
                                           const struct involvement_payments *which, int64_t *n,
                                           struct error *err);

/* How much is owed, to one person or (payments only) to everyone. */
struct involvement_totals {
	int64_t feedback_owed;    /* meetings they are owed feedback on */
	int64_t feedback_overdue; /* of which past due */
	int64_t unpaid;           /* claims not paid or declined */
	int64_t unpaid_pence;
	int64_t overdue; /* of which overdue */
	int64_t overdue_pence;
	char oldest_overdue[DATE_TEXT_SIZE]; /* the earliest overdue claim; "" when none */
	int64_t commitments;                 /* open commitments from meetings they came to */
	int64_t commitments_overdue;
};

/*
 * What is owed to person_id as of t->today; person_id 0 counts the payments
 * owed to everyone (and leaves feedback and commitments 0). *out is zeroed
 * first.
 */
enum error_code involvement_totals(struct store *s, int64_t person_id,
                                   const struct involvement_terms *t,
                                   struct involvement_totals *out, struct error *err);

/*
 * A number that changes whenever any record is added, changed or deleted,
 * here or by another program (the change log's latest entry), so a screen
 * can keep what it worked out from the records until they change. 0 when it
 * cannot be read.
 */
int64_t involvement_version(struct store *s);

#endif
