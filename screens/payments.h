/* SPDX-License-Identifier: GPL-3.0-or-later */
/* payments: every payment, overdue claims first, with pay, declined, filters and findings. */
#ifndef INVOLVE_SCREEN_PAYMENTS_H
#define INVOLVE_SCREEN_PAYMENTS_H

#include "screen.h"

/* "payments": the list of every payment (the id is not used). */
extern const struct screen payments_screen;

#endif
