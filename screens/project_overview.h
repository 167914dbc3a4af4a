/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * project_overview: one project (screen "project"), opened with its id: its
 * stages in the configured order, each with its status and what it is
 * missing (open one to go to its stage screen), the findings for the
 * project, and its details as a form saved field by field. Opened with id 0
 * it adds a project: the details alone, title first, until the screen is left.
 */
#ifndef INVOLVE_SCREEN_PROJECT_OVERVIEW_H
#define INVOLVE_SCREEN_PROJECT_OVERVIEW_H

#include "screen.h"

extern const struct screen project_overview_screen;

#endif
