/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * agenda: what is owed, most urgent first, a few at a time — for the Today
 * screen, which must be drawn at once however large the database is.
 *
 * "involve due" runs the feedback rules over everything: every attendance
 * ever recorded is looked at before the first finding comes (about half a
 * second at demo --scale 100). agenda_feedback asks the same rules the same
 * question one meeting at a time instead, walking held meetings in the order
 * their feedback falls due (the meeting_due index), so the first few
 * meetings owing feedback are found after looking at a few hundred meetings.
 * The findings are the rules engine's own, as "involve due" gives them.
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

/*
 * Pass fn the findings of the rule for kind, meeting by meeting in the order
 * feedback falls due (then date held, then id): all of one meeting's findings
 * come together, in the rule's order. Stops after limit meetings that gave
 * findings, or as soon as fn returns false. *meetings (may be NULL) receives
 * how many meetings gave findings. The rule runs only when enabled in config.
 * On failure returns the store's error with err filled (findings already
 * given stay given).
 */
enum error_code agenda_feedback(struct store *s, const struct config *config, int32_t today,
                                enum agenda_feedback_kind kind, size_t limit, rules_finding_fn fn,
                                void *ctx, size_t *meetings, struct error *err);

/*
 * A count that grows with every row written through s's connection (records,
 * drafts): a screen that keeps results it was slow to find compares it with
 * the count it saw then, to know when to look again.
 */
int64_t agenda_writes(struct store *s);

/* How many projects are open (not closed). */
enum error_code agenda_open_projects(struct store *s, int64_t *count, struct error *err);

#endif
