/* SPDX-License-Identifier: GPL-3.0-or-later */
/* person_details: one person's details, what is owed to them, their findings and meetings. */
#ifndef INVOLVE_SCREEN_PERSON_DETAILS_H
#define INVOLVE_SCREEN_PERSON_DETAILS_H

#include "screen.h"

/* "person": opened with a person's id, or 0 to add someone (their name first). */
extern const struct screen person_details_screen;

#endif
