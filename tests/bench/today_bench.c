/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * today_bench: how fast Today and Findings are on a large database, without
 * a terminal. Opens DB (made by "involve demo --scale 100"), with the built-in
 * settings and INVOLVE_TODAY as today, and prints: the time to build Today
 * and lay out its first 24-line screen, the time per key on Today; the time
 * to open Findings (the rules run over everything), the time per key in its
 * list (moves, find, and going to the explanation and back, which must not
 * run the rules again), the time to show only errors; and peak memory.
 * Usage: today_bench DB
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "config.h"
#include "finding.h"
#include "findings.h"
#include "help.h"
#include "meeting.h"
#include "project_overview.h"
#include "projects.h"
#include "rules.h"
#include "screen.h"
#include "store.h"
#include "today.h"

static const struct screen *const screens[] = { &today_screen,
	                                        &projects_screen,
	                                        &project_overview_screen,
	                                        &findings_screen,
	                                        &finding_screen,
	                                        &help_screen,
	                                        NULL };

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static struct view_line lines[24], prev[24];
static size_t nprev;

/* Lay out the top view as the curses renderer does on a 24-line terminal. */
static void layout(struct screen_stack *st, bool fresh)
{
	nprev = view_layout(screen_view(st), 19, fresh ? NULL : prev, fresh ? 0 : nprev, lines);
	for (size_t i = 0; i < nprev; i++)
		prev[i] = lines[i];
}

/* Carry out one command and lay out the screen; ms taken. */
static double key(struct screen_stack *st, enum command_kind kind, const char *text, long number)
{
	struct command c;
	command_make(&c, kind, text);
	c.number = number;
	if (kind == COMMAND_ACTION && text && !text[1]) {
		c.key = text[0];
		free(c.text);
		c.text = NULL;
	}
	size_t depth = screen_depth(st);
	double t0 = now_ms();
	screen_dispatch(st, &c);
	layout(st, screen_depth(st) != depth);
	double t1 = now_ms();
	command_clear(&c);
	return t1 - t0;
}

struct run {
	const char *name;
	enum command_kind kind;
	const char *text;
	long number;
	int times;
};

/* Each run's keys, with the mean and worst time per key. */
static void runs(struct screen_stack *st, const struct run *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		double total = 0, worst = 0;
		for (int k = 0; k < r[i].times; k++) {
			double ms = key(st, r[i].kind, r[i].text, r[i].number);
			total += ms;
			if (ms > worst)
				worst = ms;
		}
		printf("  %-34s x%-4d mean %8.3f ms, worst %8.3f ms per key\n", r[i].name,
		       r[i].times, total / r[i].times, worst);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: today_bench DB\n");
		return 2;
	}
	struct config *conf = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(conf), (int)config_int(conf, "feedback.due_days"));
	double t0 = now_ms();
	struct store *s = NULL;
	struct error err;
	if (store_open(argv[1], NULL, &s, &err) != ERROR_NONE) {
		fprintf(stderr, "today_bench: %s\n", err.msg);
		return 3;
	}
	struct screen_stack *st = screen_stack_new(screens, s, conf);
	double t1 = now_ms();
	screen_push(st, "today", 0);
	layout(st, true);
	double t2 = now_ms();
	printf("Today: database opened in %.2f ms; first view built and laid out in %.2f ms\n",
	       t1 - t0, t2 - t1);
	printf("  %s\n", screen_view(st)->summary);
	static const struct run today_keys[] = {
		{ "Down", COMMAND_DOWN, NULL, 0, 500 },
		{ "Up", COMMAND_UP, NULL, 0, 500 },
		{ "Page Down (18)", COMMAND_PAGE_DOWN, NULL, 18, 100 },
		{ "End (last open project)", COMMAND_END, NULL, 0, 5 },
		{ "Home", COMMAND_HOME, NULL, 0, 5 },
		{ "help and back", COMMAND_HELP, NULL, 0, 1 },
		{ "  back (Today built again)", COMMAND_BACK, NULL, 0, 1 },
	};
	runs(st, today_keys, sizeof today_keys / sizeof *today_keys);

	t0 = now_ms();
	key(st, COMMAND_ACTION, "f", 0);
	printf("Findings: opened (every rule over everything) in %.0f ms\n", now_ms() - t0);
	printf("  %s\n", screen_view(st)->summary);
	static const struct run findings_keys[] = {
		{ "Down", COMMAND_DOWN, NULL, 0, 1000 },
		{ "Up", COMMAND_UP, NULL, 0, 500 },
		{ "Page Down (18)", COMMAND_PAGE_DOWN, NULL, 18, 100 },
		{ "End", COMMAND_END, NULL, 0, 5 },
		{ "Home", COMMAND_HOME, NULL, 0, 5 },
		{ "find \"Pay \"", COMMAND_FIND, "Pay ", 0, 20 },
		{ "first letter T", COMMAND_JUMP, "T", 0, 20 },
		{ "Enter (the explanation)", COMMAND_OPEN, NULL, 0, 1 },
		{ "  back (kept, not found again)", COMMAND_BACK, NULL, 0, 1 },
		{ "help", COMMAND_HELP, NULL, 0, 1 },
		{ "  back (kept, not found again)", COMMAND_BACK, NULL, 0, 1 },
		{ "severity: only errors", COMMAND_ACTION, "s", 0, 1 },
		{ "rule: only the selected one's", COMMAND_ACTION, "r", 0, 1 },
		{ "rule again: every rule", COMMAND_ACTION, "r", 0, 1 },
	};
	runs(st, findings_keys, sizeof findings_keys / sizeof *findings_keys);
	printf("  rows held by the list: %zu\n", screen_view(st)->sections[0].list.rows.n);
	screen_stack_free(st);
	store_close(s);
	config_free(conf);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("peak memory: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
	return 0;
}
