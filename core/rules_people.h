/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_people: the checks about people as a whole (the usual suspects, newcomers, fatigue,
 * consent, how long details are kept). Each is a rule's check function; see rules.h.
 */
#ifndef INVOLVE_RULES_PEOPLE_H
#define INVOLVE_RULES_PEOPLE_H

#include "rules.h"

enum error_code rules_people_usual_suspects(struct rules_run *x, struct error *err);
enum error_code rules_people_no_newcomers(struct rules_run *x, struct error *err);
enum error_code rules_people_fatigue(struct rules_run *x, struct error *err);
enum error_code rules_people_consent_missing(struct rules_run *x, struct error *err);
enum error_code rules_people_retention_due(struct rules_run *x, struct error *err);

#endif
