/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * finding: the explanation of a rule — what it looks for and why it
 * matters, its severity, and the settings it reads with their values now
 * (what "involve check --explain ID" prints, from core/explain.h) — and,
 * when opened for one finding, that finding and a way to go to the record it
 * concerns (its meeting, person or project).
 *
 * How any screen opens it:
 *   - for a finding f met in rules_run: finding_open(c, f) (f is copied);
 *   - for a rule r alone: screen_open(c, "finding", finding_rule_id(r)).
 * Enter on a row of "What it concerns", or the action go, opens that record's
 * screen ("meeting", "person" or "project") when main.c's table has it.
 */
#ifndef INVOLVE_SCREEN_FINDING_H
#define INVOLVE_SCREEN_FINDING_H

#include <stdint.h>

#include "rules.h"
#include "screen.h"

extern const struct screen finding_screen;

/* The id that names rule r to this screen and to Findings: rules_index(r) + 1. */
int64_t finding_rule_id(const struct rule *r);
/* The rule an id from finding_rule_id names, or NULL (0 and anything else: none). */
const struct rule *finding_rule_of(int64_t id);

/* Open the explanation of f's rule over c's screen, showing f and what it concerns. */
void finding_open(struct screen_ctx *c, const struct finding *f);

/*
 * Go to the record f concerns, the first of its meeting, person and project:
 * open that screen when main.c lists it, else say on v's message line that
 * it cannot be opened here.
 */
void finding_go(struct screen_ctx *c, struct view *v, const struct finding *f);

#endif
