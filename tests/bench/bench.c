/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench: a clock and a timed key for the screen benchmarks. */
#include "bench.h"

#include <time.h>

enum { BENCH_BODY = 19 }; /* body lines of a 24-line screen */

static struct view_line bench_lines[BENCH_BODY], bench_prev[BENCH_BODY];
static size_t bench_nprev;

double bench_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void bench_layout_fresh(struct screen_stack *st)
{
	bench_nprev = view_layout(screen_view(st), BENCH_BODY, NULL, 0, bench_prev);
}

double bench_key(struct screen_stack *st, enum command_kind kind, const char *text, long number,
                 int key)
{
	struct command c;
	command_make(&c, kind, text);
	c.number = number;
	c.key = key;
	double t0 = bench_now_ms();
	screen_dispatch(st, &c);
	size_t n = view_layout(screen_view(st), BENCH_BODY, bench_prev, bench_nprev, bench_lines);
	double t1 = bench_now_ms();
	for (size_t i = 0; i < n; i++)
		bench_prev[i] = bench_lines[i];
	bench_nprev = n;
	command_clear(&c);
	return t1 - t0;
}
