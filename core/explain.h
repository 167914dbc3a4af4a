/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * explain: a rule explained in sentences — what it looks for and why it
 * matters, its severity, and the settings it reads with their values now.
 *
 * "involve check --explain ID" prints it and the Findings screen shows it,
 * so both say the same. Every string is clean (text_clean) and owned by the
 * struct explain; free it with explain_free.
 */
#ifndef INVOLVE_EXPLAIN_H
#define INVOLVE_EXPLAIN_H

#include <stddef.h>

struct config;
struct rule;

struct explain {
	char *title;      /* "feedback_overdue: Feedback overdue." */
	char *severity;   /* "Severity: error (the default). It is switched on." */
	const char *help; /* the rule's help: what it looks for and why it matters (static) */
	char **settings;  /* "feedback.due_days = 20. How many working days ...", one per */
	size_t nsettings; /* setting it reads, then rules.<id>.enabled and .severity */
	char *change; /* "Change them in the settings file /home/a/.config/involve/involve.conf." */
};

/* Explain rule r under config (the settings in force) into e, which the caller frees. */
void explain_rule(const struct config *config, const struct rule *r, struct explain *e);
void explain_free(struct explain *e);

#endif
