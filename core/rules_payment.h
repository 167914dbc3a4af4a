/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_payment: the checks about what is owed to people (payments, benefits, commitments made to
 * them). Each is a rule's check function; see rules.h.
 */
#ifndef INVOLVE_RULES_PAYMENT_H
#define INVOLVE_RULES_PAYMENT_H

#include "rules.h"

enum error_code rules_payment_overdue(struct rules_run *x, struct error *err);
enum error_code rules_payment_not_offered(struct rules_run *x, struct error *err);
enum error_code rules_payment_benefits_check(struct rules_run *x, struct error *err);
enum error_code rules_payment_action_overdue(struct rules_run *x, struct error *err);

#endif
