/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * meeting_people: the people at one meeting as the meeting screens need
 * them — who came, in what role, whether they are owed feedback and when,
 * and telling them (feedback given, in their preferred format).
 *
 * Shared by the meeting, attendee and contribution screens. Nothing here
 * draws; text for rows is made with the view API.
 */
#ifndef INVOLVE_SCREEN_MEETING_PEOPLE_H
#define INVOLVE_SCREEN_MEETING_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attendance.h"
#include "error.h"
#include "meeting.h"
#include "view.h"

struct config;
struct store;

/* One person at the meeting. */
struct meeting_people_one {
	int64_t attendance_id;
	int64_t person_id;
	char *name; /* as the facilitator knows them */
	int role;   /* enum role, at this meeting */
	bool came;
};

/* The people at a meeting, in the order they were added. */
struct meeting_people {
	struct meeting_people_one *v;
	size_t n, cap;
	bool more; /* there were more than the limit asked for */
};

/*
 * Read up to limit people at meeting_id into out (emptied first); out->more
 * says when there are others. Free with meeting_people_free.
 */
enum error_code meeting_people_load(struct store *s, int64_t meeting_id, size_t limit,
                                    struct meeting_people *out, struct error *err);
void meeting_people_free(struct meeting_people *p);
/*
 * Which of p text names: the one whose name it is (ignoring the case of
 * ASCII letters), else the only one whose name starts with it. -1 when none
 * does, -2 when several start with it.
 */
int meeting_people_match(const struct meeting_people *p, const char *text);

/* Called with each attendance of a meeting (a temporary record); false stops. */
typedef bool (*meeting_people_fn)(const struct attendance *a, void *ctx);
/* Page through every attendance of meeting_id, in the order they were added. */
enum error_code meeting_people_each(struct store *s, int64_t meeting_id, meeting_people_fn fn,
                                    void *ctx, struct error *err);

/* Whether someone at a meeting has been told what came of it. */
enum meeting_people_owed {
	MEETING_PEOPLE_NOT_OWED, /* not a service user or carer who came to a held meeting */
	MEETING_PEOPLE_TOLD,     /* feedback given */
	MEETING_PEOPLE_NOT_YET,  /* owed, due later */
	MEETING_PEOPLE_SOON,     /* owed, due within the warning days */
	MEETING_PEOPLE_OVERDUE,  /* owed, and the due date has passed */
};

/* Is the person at a owed feedback on m, given whether they have been told? */
enum meeting_people_owed meeting_people_owed(const struct meeting *m, const struct attendance *a,
                                             bool told, int32_t today, int warn_days);
/* The status word for a row ("told", "OVERDUE", ...; "" when not owed) and its tone. */
const char *meeting_people_owed_word(enum meeting_people_owed t, enum view_tone *tone);
/* Days before the due date that feedback counts as due soon (feedback.warn_days). */
int meeting_people_warn_days(const struct config *config);

/* A role's label with its article: "a service user", "an other". */
const char *meeting_people_article(int role);

/* A format as people say it: its label, or for translated the language when one is known. */
const char *meeting_people_format(int format, const char *language);

/*
 * Record that person_id was told what came of meeting_id on given_on
 * (YYYY-MM-DD) by method (enum feedback_method_choice), in the person's
 * preferred format; *format receives that format in words (the caller frees
 * it; NULL on failure). ERROR_DUPLICATE when they have been told already
 * (nothing written).
 */
enum error_code meeting_people_tell(struct store *s, int64_t meeting_id, int64_t person_id,
                                    const char *given_on, int method, char **format,
                                    struct error *err);

#endif
