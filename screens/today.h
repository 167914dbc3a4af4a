/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * today: the first screen — what is owed now and where each open project stands.
 *
 * Feedback overdue and due soon (one row per meeting: "OVERDUE: tell 3 people
 * what came of Carers' forum, due 2026-10-29 — Ann B. (easy read), Bob C. and
 * Cath D."; the date before the names, so a row cut to the width loses names
 * first), late payments and overdue commitments: the most urgent
 * TODAY_SHOWN of each, then a row that opens Findings with the rest. Then
 * every open project, paged by title, with its stages in words: how many are
 * done, which are active, which miss an agreement or users.
 *
 * It is drawn at once however large the database: feedback is found meeting
 * by meeting in due order (core/agenda.h), payments and commitments by the
 * rules engine stopping after a few, and project rows are made a page at a
 * time. Opening a row goes to its meeting ("meeting"), payments
 * ("payments"), project ("project") or Findings; the actions reach Projects,
 * People, Payments and Findings — each only when main.c's table has it.
 */
#ifndef INVOLVE_SCREEN_TODAY_H
#define INVOLVE_SCREEN_TODAY_H

#include "screen.h"

enum { TODAY_SHOWN = 5 }; /* rows of each kind of thing owed, before "more" */

extern const struct screen today_screen;

#endif
