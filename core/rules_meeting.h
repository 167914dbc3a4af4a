/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_meeting: the checks about single meetings (enough users, a clear purpose, papers in time,
 * support met, plain words). Each is a rule's check function; see rules.h.
 */
#ifndef INVOLVE_RULES_MEETING_H
#define INVOLVE_RULES_MEETING_H

#include "rules.h"

enum error_code rules_meeting_lone_voice(struct rules_run *x, struct error *err);
enum error_code rules_meeting_purpose_unclear(struct rules_run *x, struct error *err);
enum error_code rules_meeting_papers_late(struct rules_run *x, struct error *err);
enum error_code rules_meeting_needs_unmet(struct rules_run *x, struct error *err);
enum error_code rules_meeting_jargon(struct rules_run *x, struct error *err);

#endif
