/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * letters: "you said, we did" — one letter to each service user and carer who
 * came to a meeting, telling them what came of it.
 *
 * A letter says what was said at the meeting (their own points as "you
 * said", other people's without their names), what was done, what was not
 * possible and why, what is still being decided, the decision it fed into
 * and, when that went against users' views (users_view_followed no or
 * partly), how to appeal or complain; then who to contact: the meeting's
 * convenor and the project's lead.
 *
 * Each letter is in the person's preferred format where involve can make it:
 * standard print as plain text, large print as HTML in 18 point type, easy
 * read as short sentences, one idea to a line (HTML laid out for easy read).
 * Braille, audio, British Sign Language and translation cannot be made here:
 * such a letter says at its top what must be arranged ("This letter needs to
 * be produced in braille before it is sent") instead of pretending. A
 * medium can be forced (all text, or all HTML); the letter still says what
 * its format needs.
 *
 * Letters hold personal data: they are written 0600, all to temporary files
 * first and renamed into place only when every one is complete, so a failure
 * leaves the folder as it was. Forgotten (anonymised) people get no letter.
 * Marking letters as sent records feedback given (method letter, format the
 * letter's) for each person without it, in one transaction.
 */
#ifndef INVOLVE_LETTERS_H
#define INVOLVE_LETTERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "text.h"

struct config;
struct store;

enum letters_medium {
	LETTERS_AUTO, /* text for standard print and what must be produced elsewhere; HTML for
	                 large print and easy read */
	LETTERS_TEXT, /* every letter as plain text */
	LETTERS_HTML, /* every letter as HTML */
};

struct letters_options {
	enum letters_medium medium;
	const char *dir; /* the folder to write into; it must exist */
	bool mark_sent;  /* record feedback given for each letter written */
	int32_t sent_on; /* the date to record; DATE_NONE: today */
	int32_t today;
};

/* One letter written. */
struct letters_letter {
	int64_t person_id;
	char *person;      /* their name */
	int format;        /* enum format: the letter's, the person's preferred one */
	char *file;        /* the path written */
	bool html;         /* written as HTML (else plain text) */
	char *arrange;     /* what must still be done before sending ("produced in braille",
	                      "translated into Polish"), or NULL */
	bool already_told; /* feedback was already recorded for them (not marked again) */
};

struct letters_result {
	char *meeting; /* "Carers' forum, 10 September 2026" */
	struct letters_letter *letters;
	size_t count;
	size_t marked;    /* feedback records made by mark_sent */
	size_t forgotten; /* anonymised attendees, who get no letter */
};
void letters_result_free(struct letters_result *r);

/*
 * The meeting text names: "#123" by number, otherwise its title (exact,
 * ignoring case and spaces around it), narrowed by held ("YYYY-MM-DD", or
 * NULL) when given. ERROR_NOT_FOUND when none matches; ERROR_INVALID when
 * several do, with a line for each in *matches (may be NULL; free with
 * text_lines_free), such as "#123: Carers' forum, held 2026-09-10 (Day opportunities
 * redesign)"; a sentence in err either way.
 */
enum error_code letters_find_meeting(struct store *s, const char *text, const char *held,
                                     int64_t *id, struct text_lines *matches, struct error *err);

/*
 * Plan the letters for meeting id as letters_write would write them (who,
 * in what format, to which file, what must be arranged) without writing
 * anything: for a screen to show before it writes. Errors as letters_write.
 */
enum error_code letters_plan(struct store *s, int64_t id, const struct letters_options *opt,
                             struct letters_result *out, struct error *err);

/*
 * Write the letters for meeting id into opt->dir (see the top of this file),
 * filling *out (free with letters_result_free) on success. A meeting not
 * held, or one no service user or carer came to, is ERROR_INVALID with a
 * sentence; a folder that does not exist or cannot be written, ERROR_IO or
 * ERROR_READ_ONLY, with nothing written.
 */
enum error_code letters_write(struct store *s, const struct config *config, int64_t id,
                              const struct letters_options *opt, struct letters_result *out,
                              struct error *err);

/*
 * Record the letters of r (written for meeting id) as sent on day: feedback
 * given by letter, in each letter's format, for each person with none yet
 * (the others get already_told), in one transaction; r->marked says how
 * many. On failure nothing is recorded and err says why.
 */
enum error_code letters_record_sent(struct store *s, int64_t id, int32_t day,
                                    struct letters_result *r, struct error *err);

#endif
