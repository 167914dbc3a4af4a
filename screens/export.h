/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export: writing what involve holds out to files from the screens — the
 * calendar of what is owed ("calendar"), the involvement report ("report",
 * about one project when opened with its id, else all), and the "you said,
 * we did" letters of one meeting ("letters", opened with the meeting's id).
 *
 * Each is a small form asking where to write (and, for the report, the year
 * and format; for letters, the format) with the place filled in from the
 * folder involve was started in. Saving the file or folder field writes
 * there at once; "write" writes again. What was written is said in a full
 * sentence naming the place; a place that cannot be written is explained
 * under the field. After letters are written a question asks whether to
 * record them as feedback given by letter.
 */
#ifndef INVOLVE_SCREENS_EXPORT_H
#define INVOLVE_SCREENS_EXPORT_H

#include "screen.h"

extern const struct screen export_calendar_screen;
extern const struct screen export_report_screen;
extern const struct screen export_letters_screen;

#endif
