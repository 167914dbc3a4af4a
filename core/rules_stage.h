/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_stage: the checks about the stages of the cycle and whole projects (agreements, users at
 * each stage, the framework first, review at the end). Each is a rule's check function; see
 * rules.h.
 */
#ifndef INVOLVE_RULES_STAGE_H
#define INVOLVE_RULES_STAGE_H

#include "rules.h"

enum error_code rules_stage_no_agreement(struct rules_run *x, struct error *err);
enum error_code rules_stage_no_users(struct rules_run *x, struct error *err);
enum error_code rules_stage_newcomers(struct rules_run *x, struct error *err);
enum error_code rules_stage_framework_first(struct rules_run *x, struct error *err);
enum error_code rules_stage_review_skipped(struct rules_run *x, struct error *err);
enum error_code rules_stage_current_users_only(struct rules_run *x, struct error *err);

#endif
