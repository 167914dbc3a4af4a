/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vocab: shared word lists, in the order of their enums. */
#include "vocab.h"

/* Stage labels follow the chapter headings of Schehrer & Sexton (2010), chapter 7. */
const struct choice vocab_stages[] = {
	{ "framework", "Agree a framework for user involvement" },
	{ "context", "Operating context" },
	{ "needs", "Needs assessment" },
	{ "budget", "Overall budget" },
	{ "strategy", "Strategic framework" },
	{ "priorities", "Agree priorities" },
	{ "test", "Test and refine" },
	{ "decisions", "Decision points" },
	{ "procurement", "Procurement" },
	{ "commission", "Commission" },
	{ "monitoring", "Monitoring and evaluation" },
	{ "review", "Review and developing organisational learning" },
	{ NULL, NULL },
};

const struct choice vocab_roles[] = {
	{ "service_user", "service user" },
	{ "carer", "carer" },
	{ "future_user", "future user" },
	{ "non_user", "non-user" },
	{ "commissioner", "commissioner" },
	{ "facilitator", "facilitator" },
	{ "provider", "provider" },
	{ "other", "other" },
	{ NULL, NULL },
};

const struct choice vocab_formats[] = {
	{ "standard", "standard print" },
	{ "easy_read", "easy read" },
	{ "large_print", "large print" },
	{ "braille", "braille" },
	{ "audio", "audio" },
	{ "bsl", "British Sign Language" },
	{ "translated", "translated" },
	{ NULL, NULL },
};
