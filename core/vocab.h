/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * vocab: the fixed word lists several records share — the stages of the
 * commissioning cycle, the roles people take, the formats they need.
 *
 * Keys are stable (stored, exported, used in config and tests); labels are
 * the default words shown to people. Stage labels and order can be changed in
 * the configuration, keys cannot. Each list ends with a NULL key, and the enum
 * beside it gives the index of each entry.
 */
#ifndef INVOLVE_VOCAB_H
#define INVOLVE_VOCAB_H

#include "record.h"

enum stage_key {
	STAGE_FRAMEWORK,
	STAGE_CONTEXT,
	STAGE_NEEDS,
	STAGE_BUDGET,
	STAGE_STRATEGY,
	STAGE_PRIORITIES,
	STAGE_TEST,
	STAGE_DECISIONS,
	STAGE_PROCUREMENT,
	STAGE_COMMISSION,
	STAGE_MONITORING,
	STAGE_REVIEW,
	STAGE_COUNT
};
extern const struct choice vocab_stages[];

enum role {
	ROLE_SERVICE_USER,
	ROLE_CARER,
	ROLE_FUTURE_USER,
	ROLE_NON_USER,
	ROLE_COMMISSIONER,
	ROLE_FACILITATOR,
	ROLE_PROVIDER,
	ROLE_OTHER,
	ROLE_COUNT
};
/* The roles whose feedback, payment and representation the rules track. */
#define ROLE_USERS ((1u << ROLE_SERVICE_USER) | (1u << ROLE_CARER))
extern const struct choice vocab_roles[];

enum format {
	FORMAT_STANDARD,
	FORMAT_EASY_READ,
	FORMAT_LARGE_PRINT,
	FORMAT_BRAILLE,
	FORMAT_AUDIO,
	FORMAT_BSL,
	FORMAT_TRANSLATED,
	FORMAT_COUNT
};
extern const struct choice vocab_formats[];

#endif
