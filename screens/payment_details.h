/* SPDX-License-Identifier: GPL-3.0-or-later */
/* payment_details: one payment as a form: who, for which meeting, how much, claimed, paid. */
#ifndef INVOLVE_SCREEN_PAYMENT_DETAILS_H
#define INVOLVE_SCREEN_PAYMENT_DETAILS_H

#include "screen.h"

/* "payment": opened with a payment's id, or 0 for a new one (the person is chosen first). */
extern const struct screen payment_details_screen;

#endif
