/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * attendee: one person at one meeting (screen name "attendee", the id is the
 * attendance's): their role there, whether they came, whether their support
 * needs were met (with the needs on record shown beside it), the format of
 * their papers, and whether and how they were told what came of it.
 * Opened from the meeting screen: screen_open(c, "attendee", attendance_id).
 */
#ifndef INVOLVE_SCREEN_ATTENDEE_H
#define INVOLVE_SCREEN_ATTENDEE_H

#include "screen.h"

extern const struct screen attendee_screen;

#endif
