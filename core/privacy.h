/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * privacy: one person's data — finding them, showing it, exporting all of
 * it (a subject access request), and forgetting them.
 *
 * A person is named as the facilitator knows them (exact, case-insensitive)
 * or by number: "#123" (the record id, as every list and message shows it).
 * When several people share a name, the number tells them apart.
 *
 * Forgetting anonymises a person in one transaction: every field of the
 * person table flagged FIELD_PERSONAL (core/person.c) is erased, the name
 * becomes "a participant" and six hex digits of their id (the same on every
 * laptop, so forgotten people stay apart) and anonymised becomes yes. Their attendance, what
 * they said and the responses, feedback, payments and every count stay,
 * attributed to "a participant". Drafts whose key holds the person's id are
 * deleted (draft keys hold the record's id as a number of its own:
 * "screen/id/field", see draft_key in core/draft.h). Notes about their record
 * in the change log that could hold values (sync keeps the losing side of a
 * conflict there) have their detail erased, and so do the copies sync keeps of
 * what other laptops have (see sync_forget); the change log gets a note
 * ("person forgotten") and never the erased values. secure_delete is on, and afterwards the
 * write-ahead journal is checkpointed and truncated so the erased text does not linger in FILE-wal.
 * Importers and sync must never match an anonymised person by name nor restore erased fields over
 * anonymised = yes.
 *
 * Stored text in the text format passes through text_clean; JSON output is
 * escaped by core/json.c. Results are allocated; the caller frees them.
 */
#ifndef INVOLVE_PRIVACY_H
#define INVOLVE_PRIVACY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "store.h"
#include "text.h"

/* The name a forgotten person is known by from then on. */
#define PRIVACY_FORGOTTEN_NAME "a participant"

enum privacy_format {
	PRIVACY_TEXT, /* sentences and "Label: value" lines, no control characters */
	PRIVACY_JSON, /* one object, pretty-printed */
};

/*
 * The id of the person text names: "#123" (or digits that are no one's name)
 * by number, otherwise by name, exact and case-insensitive, ignoring spaces
 * around it. ERROR_NOT_FOUND when no one matches; ERROR_INVALID when several
 * people have that name, with their lines in *matches (may be NULL; free it
 * with text_lines_free), one each to tell them apart: "#123: service user, carer; first
 * involved 2025-03-01; 4 meetings, ...". Either way a sentence in err.
 */
enum error_code privacy_find(struct store *s, const char *text, int64_t *id,
                             struct text_lines *matches, struct error *err);

/* How much is recorded about a person. */
struct privacy_counts {
	int64_t attendances;   /* meetings they were booked into or came to */
	int64_t contributions; /* things they said */
	int64_t feedback;      /* times they were told what came of it */
	int64_t payments;
	int64_t commitments; /* actions promised at meetings they attended */
};
enum error_code privacy_count(struct store *s, int64_t id, struct privacy_counts *c,
                              struct error *err);

/* The person record and how much is recorded about them. NULL with err on failure. */
char *privacy_show(struct store *s, int64_t id, enum privacy_format format, struct error *err);
/*
 * Everything held about the person: their record, every attendance (meeting
 * title, date, project), what they said and the responses, feedback given to
 * them, payments, commitments from meetings they attended, and the history
 * of their record. NULL with err on failure.
 */
char *privacy_export(struct store *s, int64_t id, enum privacy_format format, struct error *err);

/* What forgetting did (or, for a dry run, would do). */
struct privacy_forgotten {
	char *name;    /* the name they had (for the caller's sentence) */
	bool already;  /* they had been forgotten before */
	char **erased; /* labels of the personal fields that held something */
	size_t nerased;
	struct privacy_counts kept;
	char **mentions;  /* where free text still holds the name: "meeting ... (date): notes" */
	size_t nmentions; /* listed (at most PRIVACY_MAX_MENTIONS) */
	int64_t total_mentions;
	bool journal_cleared; /* the -wal file was emptied (false: another program had it open) */
};
enum { PRIVACY_MAX_MENTIONS = 10 };
void privacy_forgotten_free(struct privacy_forgotten *f);

/*
 * Forget person id (see the top of this file), or with dry_run only fill *out
 * with what would be erased and kept. One transaction: on failure nothing is
 * changed and err says why. *out is filled in both cases on success.
 */
enum error_code privacy_forget(struct store *s, int64_t id, bool dry_run,
                               struct privacy_forgotten *out, struct error *err);

/*
 * Erase what this laptop holds about forgotten person id outside their
 * record: drafts, values in notes about them, and the copies kept for
 * synchronising (sync_forget). privacy_forget calls it; sync calls it when
 * a forgetting arrives from another laptop. In the caller's transaction.
 */
enum error_code privacy_erase_traces(struct store *s, int64_t id, struct error *err);

#endif
