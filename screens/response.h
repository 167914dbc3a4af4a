/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * response: one thing said at a meeting and what came of it — "you
 * said, we did" (screen name "contribution", the id is the contribution's):
 * the response, what was done, the reason when it was only partly adopted or
 * not possible, the decision it fed into and the date; then the words, who
 * said them and a theme. Opened from the meeting screen:
 * screen_open(c, "contribution", contribution_id).
 */
#ifndef INVOLVE_SCREEN_RESPONSE_H
#define INVOLVE_SCREEN_RESPONSE_H

#include "screen.h"

extern const struct screen response_screen;

#endif
