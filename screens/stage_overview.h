/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stage_overview: one stage of one project's cycle (screen "stage"), opened
 * with the stage record's id (stage_ensure gives it). The same screen serves
 * every stage, titled with the project, the stage's configured label and its
 * place in the cycle: for the review, what worked and what got in the way;
 * the agreement as a form saved field by field; the findings for the stage;
 * the records the stage keeps (see stage_record.h); its meetings, newest
 * first. A change that brings or puts right a finding says so on the message
 * line. Next and previous stage go round the configured order in place.
 */
#ifndef INVOLVE_SCREEN_STAGE_OVERVIEW_H
#define INVOLVE_SCREEN_STAGE_OVERVIEW_H

#include "screen.h"

extern const struct screen stage_overview_screen;

#endif
