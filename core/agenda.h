/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * agenda: what is owed, most urgent first, a few at a time — for the Today
 * screen, which must be drawn at once however large the database is.
 *
 * "involve due" runs the feedback rules over everything: every attendance
 * ever recorded is looked at before the first finding comes (about half a
 * second at demo --scale 100). agenda_feedback asks the same rules the same
 * question one meeting at a time instead, walking held meetings in the order
 * their feedback falls due (the meeting_due index), so when the oldest
 * meetings owe feedback — the usual case — the first few are found after
 * looking at a few hundred meetings. When they do not (everyone told for
 * thousands of meetings), the walk gives up after q->walk meetings and the
 * rule is run over everything, as "involve due" runs it: never much slower
 * than that. Either way the findings are the rules engine's own, in its
 * order (due date, date held, meeting).
 */
#ifndef INVOLVE_AGENDA_H
#define INVOLVE_AGENDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "rules.h"

struct config;
struct store;

enum agenda_feedback_kind {
	AGENDA_OVERDUE,  /* feedback_overdue: due before today, the oldest first */
	AGENDA_DUE_SOON, /* feedback_due_soon: due from today to feedback.warn_days ahead */
};

enum { AGENDA_WALK = 2000 }; /* meetings looked at one by one before asking about them all */

struct agenda_query {
	int32_t today;
	enum agenda_feedback_kind kind;
	size_t limit; /* meetings with findings wanted */
	size_t walk;  /* meetings looked at one by one at most; 0: AGENDA_WALK */
};

/*
 * Pass fn the findings of the rule for q->kind about the first q->limit
 * meetings that have any, meeting by meeting in the order feedback falls due
 * (then date held, then id); all of one meeting's findings come together, in
 * the rule's order. Stops early when fn returns false. The rule runs only
 * when enabled in config. On failure returns the store's error with err
 * filled (findings already given stay given).
 */
enum error_code agenda_feedback(struct store *s, const struct config *config,
                                const struct agenda_query *q, rules_finding_fn fn, void *ctx,
                                struct error *err);

/*
 * A count that grows with every row written through s's connection (records,
 * drafts): a screen that keeps results it was slow to find compares it with
 * the count it saw then, to know when to look again.
 */
int64_t agenda_writes(struct store *s);

/* How many projects are open (not closed). */
enum error_code agenda_open_projects(struct store *s, int64_t *count, struct error *err);

#endif
