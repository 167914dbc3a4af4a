/* SPDX-License-Identifier: GPL-3.0-or-later */
/* people: everyone by name, each row saying who they are and what is owed to them. */
#ifndef INVOLVE_SCREEN_PEOPLE_H
#define INVOLVE_SCREEN_PEOPLE_H

#include "screen.h"

/* "people": the list of people (the id is not used). */
extern const struct screen people_screen;

#endif
