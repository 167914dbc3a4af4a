/* SPDX-License-Identifier: GPL-3.0-or-later */
/* projects: the list of projects, paged by title, with find, add and delete. */
#ifndef INVOLVE_SCREEN_PROJECTS_H
#define INVOLVE_SCREEN_PROJECTS_H

#include "screen.h"

extern const struct screen projects_screen;

#endif
