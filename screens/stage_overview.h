/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stage_overview: one stage (screen "stage") of one project's cycle, opened with the stage record's
 * id (stage_ensure gives it). The same screen serves every stage: its findings, its agreement as a
 * form saved field by field, the records the stage keeps (see stage_record.h), its meetings newest
 * first, and, for the review, what worked and what got in the way. Next and previous go round the
 * stages in the configured order without leaving the screen.
 */
#ifndef INVOLVE_SCREEN_STAGE_OVERVIEW_H
#define INVOLVE_SCREEN_STAGE_OVERVIEW_H

#include "screen.h"

extern const struct screen stage_overview_screen;

#endif
