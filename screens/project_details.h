/* SPDX-License-Identifier: GPL-3.0-or-later */
/* project_details: one project's details as a form, each field saved as it is left. */
#ifndef INVOLVE_SCREEN_PROJECT_DETAILS_H
#define INVOLVE_SCREEN_PROJECT_DETAILS_H

#include "screen.h"

extern const struct screen project_details_screen;

#endif
