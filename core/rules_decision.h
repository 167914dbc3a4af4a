/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_decision: the checks about budgets and decisions (openness about money, involvement before
 * decisions are taken). Each is a rule's check function; see rules.h.
 */
#ifndef INVOLVE_RULES_DECISION_H
#define INVOLVE_RULES_DECISION_H

#include "rules.h"

enum error_code rules_decision_budget_withheld(struct rules_run *x, struct error *err);
enum error_code rules_decision_budget_untold(struct rules_run *x, struct error *err);
enum error_code rules_decision_after_the_fact(struct rules_run *x, struct error *err);
enum error_code rules_decision_no_user_input(struct rules_run *x, struct error *err);
enum error_code rules_decision_no_appeal_route(struct rules_run *x, struct error *err);

#endif
