/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * report: the annual involvement report a board receives.
 *
 * For one calendar year (and optionally one project): what involvement
 * happened at each stage of the commissioning cycle (activities, people,
 * levels of involvement), who took part and how many for the first time,
 * which seldom-heard groups were reached (a group with fewer than
 * REPORT_SMALL_GROUP people is never given a number: it reads "fewer than
 * 5"), whether people were told what came of it on time (against each
 * meeting's feedback due date), "you said, we did" (what was said, what was
 * done, or why not), decisions and whether users' views were followed,
 * payments and how promptly they were made, and the findings of the rules
 * still open today.
 *
 * The report names no participant: it counts people. It is written as a
 * stream (see doc.h) so memory stays small however many records there are;
 * the findings are counted as the rules engine finds them, never listed.
 */
#ifndef INVOLVE_REPORT_H
#define INVOLVE_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "doc.h"
#include "error.h"

struct config;
struct store;

enum { REPORT_SMALL_GROUP = 5 }; /* groups smaller than this are not counted in the open */

struct report_options {
	int year;           /* the calendar year reported on */
	int64_t project_id; /* one project, or 0 for all */
	enum doc_format format;
	int32_t today; /* "as of": findings are today's, feedback not yet due is not late */
};

/*
 * Write the report to out. ERROR_NONE, the store's error with err filled,
 * or ERROR_IO when out could not be written.
 */
enum error_code report_write(struct store *s, const struct config *config,
                             const struct report_options *opt, FILE *out, struct error *err);
/* Write the report to path, whole or not at all (see outfile.h). */
enum error_code report_export(struct store *s, const struct config *config,
                              const struct report_options *opt, const char *path,
                              struct error *err);

/*
 * The id of the project text names: "#123" by number, otherwise its title
 * (exact, ignoring case). ERROR_NOT_FOUND with a sentence when there is none.
 */
enum error_code report_find_project(struct store *s, const char *text, int64_t *id,
                                    struct error *err);

#endif
