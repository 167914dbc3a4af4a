/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stages: what the projects, project and stage screens share — a project's
 * stages (status, and whether each is missing its agreement or its users, as
 * the rules stage_no_agreement and stage_no_users judge, and only when they
 * are enabled), the one-line strip of them, and findings as rows.
 *
 * The strip is words, not colour or position: stages are named by their keys
 * (short, fixed words) and grouped by status in the configured order, each
 * with what it is missing, and the stages not started are counted:
 * "active: test missing agreement; done: framework, context, needs; 8 not
 * started". It reads aloud as it reads on the screen and fits 80 columns for
 * most projects; the most important words come first.
 */
#ifndef INVOLVE_SCREEN_STAGES_H
#define INVOLVE_SCREEN_STAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "screen.h"
#include "view.h"
#include "vocab.h"

struct config;
struct rules_scope;
struct store;

enum {
	STAGES_NO_AGREEMENT = 1 << 0, /* active or done with no agreement recorded */
	STAGES_NO_USERS = 1 << 1,     /* done with no service user or carer at a held meeting */
};

/* A project's stages, indexed by enum stage_key. */
struct stages {
	int64_t id[STAGE_COUNT];       /* the stage record, or 0 when there is none yet */
	int status[STAGE_COUNT];       /* enum stage_status_choice; not started without a record */
	unsigned missing[STAGE_COUNT]; /* STAGES_NO_AGREEMENT | STAGES_NO_USERS */
	char agreed_on[STAGE_COUNT][DATE_TEXT_SIZE]; /* "" when not agreed */
};

/*
 * The settings a screen runs with: c->config, or the built-in settings when
 * the screen was opened without any (tests). Never NULL; owned elsewhere.
 */
const struct config *stages_config(const struct screen_ctx *c);

/* Read project_id's stage records and what they are missing into out; out is zeroed first. */
enum error_code stages_read(struct store *s, const struct config *config, int64_t project_id,
                            struct stages *out, struct error *err);
/* True when any stage is missing its agreement or its users. */
bool stages_any_missing(const struct stages *st);

/* The word for a stage status ("not started", "active", "done", "skipped"). */
const char *stages_status_word(int status);
/* What stage is missing in words: "missing agreement", "missing agreement and users", "". */
const char *stages_missing_words(const struct stages *st, int stage);
/* The tone of a stage's state: missing warns, done is good, not started and skipped are quiet. */
enum view_tone stages_tone(const struct stages *st, int stage);
/* The strip of a project's stages in the configured order (see above). Caller frees. */
char *stages_strip(const struct config *config, const struct stages *st);

/* The position of stage in the configured order, or -1 when it is not shown. */
int stages_position(const struct config *config, int stage);

/* Feedback owed after one meeting: people it is overdue to, and due soon to. */
struct stages_owed {
	int64_t meeting_id;
	int overdue, soon;
};

/* Findings of one run, for a screen's summary and its rows. */
struct stages_tally {
	size_t total;
	size_t errors; /* of them, errors */
	size_t by_stage[STAGE_COUNT];
	struct stages_owed *owed; /* meetings with feedback owed (feedback_overdue, _due_soon) */
	size_t nowed, owed_cap;
};

/* Free what a tally holds and empty it. */
void stages_tally_free(struct stages_tally *t);
/* The feedback owed after meeting_id, from the tally; zeros when none. */
struct stages_owed stages_tally_owed(const struct stages_tally *t, int64_t meeting_id);

/* The tally in words: "11 findings, none of them errors", "1 finding, an error". Caller frees. */
char *stages_tally_words(const struct stages_tally *t);

/*
 * Run the rules over scope and add each finding to sec as a row, most
 * serious first: the severity word, then the sentence to act on. Each row's
 * key is its rule's id (stages_explain reads it). At most limit rows are
 * added; a last row says how many more there are. tally (may be NULL;
 * empty: zeroed, or emptied by stages_tally_free) receives the counts. A failure is said on the
 * view's message line.
 */
void stages_findings(struct view *v, struct view_section *sec, struct store *s,
                     const struct config *config, const struct rules_scope *scope, size_t limit,
                     struct stages_tally *tally);
/* Put the explanation of the finding row's rule on the message line; false when it has none. */
bool stages_explain(struct view *v, const struct view_row *row);

#endif
