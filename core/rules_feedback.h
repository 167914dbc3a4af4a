/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_feedback: the checks about telling people what came of what they said
 * ("you said, we did"). Each is a rule's check function; see rules.h.
 */
#ifndef INVOLVE_RULES_FEEDBACK_H
#define INVOLVE_RULES_FEEDBACK_H

#include "rules.h"

enum error_code rules_feedback_overdue(struct rules_run *x, struct error *err);
enum error_code rules_feedback_due_soon(struct rules_run *x, struct error *err);
enum error_code rules_feedback_missing_reason(struct rules_run *x, struct error *err);
enum error_code rules_feedback_unanswered(struct rules_run *x, struct error *err);
enum error_code rules_feedback_wrong_format(struct rules_run *x, struct error *err);

#endif
