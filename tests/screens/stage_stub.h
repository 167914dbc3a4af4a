/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stage_stub: a stand-in for the stage screens (another part of the program),
 * as the meeting tests and the meeting_run driver need one: it lists a
 * project's meetings, opens one, and logs a new one with meeting_log_start,
 * as a stage screen does. Also the people and project the tests start from.
 */
#ifndef INVOLVE_TEST_STAGE_STUB_H
#define INVOLVE_TEST_STAGE_STUB_H

#include <stdint.h>

#include "screen.h"

struct store;

/* The stand-in, named "stage"; its id is the project, its stage is needs assessment. */
extern const struct screen stage_stub_screen;

/* The ids of what stage_stub_seed makes. */
struct stage_stub_world {
	int64_t project;
	int64_t ann, anna, joanne, malgorzata, sam;
};

/*
 * Make the project "Carers' strategy" and five people: Ann B. (carer, large
 * print, hearing loop), Anna K. and Joanne S. (service users), Małgorzata
 * Łukasik (service user, easy read, a supporter) and Sam Lee (commissioner).
 * Fails (abort) if the store refuses.
 */
void stage_stub_seed(struct store *s, struct stage_stub_world *w);
/* Add a person; their id. */
int64_t stage_stub_person(struct store *s, const char *name, unsigned roles, int format,
                          const char *needs);

#endif
