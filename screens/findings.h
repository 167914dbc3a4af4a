/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * findings: every finding of the rules, most serious and most overdue first
 * (as "involve check" sorts them), each row with its severity word first,
 * filtered by severity (the action severity cycles: every, errors, warnings,
 * information) and by rule (the action rule shows only the selected
 * finding's rule, and again shows every rule).
 *
 * The rules engine cannot page: a run goes over everything (about six
 * seconds and 47,000 findings at demo --scale 100). The screen keeps only the
 * first FINDINGS_SHOWN in order, counting the rest, so memory stays bounded,
 * and keeps them until something is written, so going to a record or the
 * explanation and back does not run the rules again.
 *
 * How to open it: screen_open(c, "findings", 0) for every finding, or
 * screen_open(c, "findings", finding_rule_id(r)) for rule r's only.
 * Enter (or explain) opens the rule's explanation for the selected finding —
 * another screen opens that explanation itself as screens/finding.h says —
 * and go goes to the record it concerns.
 */
#ifndef INVOLVE_SCREEN_FINDINGS_H
#define INVOLVE_SCREEN_FINDINGS_H

#include "screen.h"

enum { FINDINGS_SHOWN = 500 }; /* findings kept and listed, the most serious first */

extern const struct screen findings_screen;

#endif
