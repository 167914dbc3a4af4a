/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench: what the screen benchmarks share — a clock, and carrying out one
 * command then laying out a 24-line screen (19 lines of body) as the curses
 * renderer does, timed.
 */
#ifndef INVOLVE_BENCH_H
#define INVOLVE_BENCH_H

#include "screen.h"

/* A monotonic clock in milliseconds. */
double bench_now_ms(void);
/* Lay out the top view afresh, as when a screen is first drawn. */
void bench_layout_fresh(struct screen_stack *st);
/* Carry out a command (number and action key as given) and lay out the screen; ms taken. */
double bench_key(struct screen_stack *st, enum command_kind kind, const char *text, long number,
                 int key);

#endif
