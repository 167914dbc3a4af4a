/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * finding_rows: findings of the rules (core/rules.h) as rows of a list, and
 * the explanation a screen gives when one is opened.
 */
#ifndef INVOLVE_SCREEN_FINDING_ROWS_H
#define INVOLVE_SCREEN_FINDING_ROWS_H

#include <stddef.h>

#include "rules.h"
#include "view.h"

/* Row ids: a finding's index in its list; this id is the "and N more" row. */
enum { FINDING_ROWS_MORE = -1 };

/*
 * Add the first max findings of l (sorted as the caller wants them) to sec,
 * each "warning: sentence" with its id the finding's index in l, then, when
 * l holds more, one row saying how many more and where to see them all.
 */
void finding_rows_add(struct view_section *sec, const struct rules_list *l, size_t max);

/*
 * Put the explanation of the finding a row stands for on the message line:
 * the rule's title, what it looks for and why it matters. Returns false
 * (saying nothing) when the row is not one of l's findings.
 */
bool finding_rows_explain(struct view *v, const struct rules_list *l, const struct view_row *row);

#endif
