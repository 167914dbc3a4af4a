/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * meeting_log: log a meeting, built for speed in a noisy room.
 *
 * One screen for one meeting (screen name "meeting", the id is the
 * meeting's): its details as a form; who came, added by typing part of a
 * name (Enter adds the person found, or offers to add someone new; Enter on
 * an empty line finishes); what was said, one line after another; the
 * feedback owed to each person and marking it given, one by one or for
 * everyone still owed; and the findings for the meeting.
 *
 * How other screens open it:
 *   - an existing meeting:  screen_open(c, "meeting", meeting_id);
 *   - a new one for a project's stage, from a handler:
 *         struct error err;
 *         if (meeting_log_start(c, project_id, stage, &err) != ERROR_NONE)
 *                 view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
 *     which creates the meeting (held today, a meeting, titled "Meeting on
 *     YYYY-MM-DD" until it is given a title) and opens it; a meeting made
 *     with meeting_create and opened by id is just as good (the stage
 *     screens do that). A meeting never changed since it was created is
 *     walked through field by field in the text mode.
 * A finding on it opens the "finding" screen when main.c lists it.
 * Rows of its lists open the "attendee" and "contribution" screens, so
 * main.c's table must list all three (meeting_log_screen, attendee_screen,
 * response_screen; see attendee.h and response.h).
 */
#ifndef INVOLVE_SCREEN_MEETING_LOG_H
#define INVOLVE_SCREEN_MEETING_LOG_H

#include <stdint.h>

#include "error.h"
#include "screen.h"

extern const struct screen meeting_log_screen;

/*
 * Create a meeting of project_id at stage (enum stage_key), held today, and
 * open the meeting screen on it once the command is carried out. Returns
 * ERROR_NONE, or the store's error with err filled (nothing created).
 */
enum error_code meeting_log_start(struct screen_ctx *c, int64_t project_id, int stage,
                                  struct error *err);

#endif
