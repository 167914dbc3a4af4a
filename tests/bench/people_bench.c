/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * people_bench: how fast the People, person and Payments screens are on a
 * demo database, without a terminal. Prints the time to build each first
 * view (with its summary), the time per key (carrying out the command and
 * laying out a 24-line screen) in the long lists, the time to pay a claim
 * (the screen is built again, findings and all), the most rows a list held,
 * and peak memory.
 * Usage: people_bench DB (made by "involve demo --scale N", today 2026-11-22)
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "config.h"
#include "payment_details.h"
#include "payments.h"
#include "people.h"
#include "person.h"
#include "person_details.h"
#include "rules.h"
#include "screen.h"
#include "store.h"

static const struct screen *const screens[] = {
	&people_screen, &person_details_screen, &payments_screen, &payment_details_screen, NULL,
};

/* A monotonic clock in milliseconds. */
static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static struct view_line lines[24], prev[24];
static size_t nprev;
static size_t most_rows;

/* Lay out the screen as the curses renderer does, noting the longest list window. */
static void layout(struct screen_stack *st, bool fresh)
{
	struct view *v = screen_view(st);
	size_t n = view_layout(v, 19, fresh ? NULL : prev, fresh ? 0 : nprev, lines);
	for (size_t i = 0; i < n; i++)
		prev[i] = lines[i];
	nprev = n;
	for (size_t s = 0; s < v->nsections; s++)
		if (v->sections[s].list.rows.n > most_rows)
			most_rows = v->sections[s].list.rows.n;
}

/* Carry out one command and lay out the screen; ms taken. */
static double key(struct screen_stack *st, enum command_kind kind, int k, const char *text,
                  long number)
{
	struct command c;
	command_make(&c, kind, text);
	c.key = k;
	c.number = number;
	double t0 = now_ms();
	screen_dispatch(st, &c);
	layout(st, false);
	double t1 = now_ms();
	command_clear(&c);
	return t1 - t0;
}

/* Open a screen on top and lay it out; ms taken. */
static double open_screen(struct screen_stack *st, const char *name, int64_t id)
{
	double t0 = now_ms();
	screen_push(st, name, id);
	layout(st, true);
	double ms = now_ms() - t0;
	struct view *v = screen_view(st);
	printf("%s: first view built and laid out in %.2f ms\n  %s\n  %s\n", name, ms, v->title,
	       v->summary);
	return ms;
}

/* What a run of one key does, and how often. */
struct bench_run {
	const char *name;
	enum command_kind kind;
	int key;
	const char *text;
	long number;
	int times;
};

/* Carry out each run's key its number of times; print the average and the worst. */
static void runs(struct screen_stack *st, const struct bench_run *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		double worst = 0, total = 0;
		for (int j = 0; j < r[i].times; j++) {
			double ms = key(st, r[i].kind, r[i].key, r[i].text, r[i].number);
			total += ms;
			if (ms > worst)
				worst = ms;
		}
		printf("  %-22s %8.3f ms a key on average, %8.3f ms at worst (%d keys)\n",
		       r[i].name, total / r[i].times, worst, r[i].times);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: people_bench DB\n");
		return 2;
	}
	struct store *s = NULL;
	struct error err;
	if (store_open(argv[1], NULL, &s, &err) != ERROR_NONE) {
		fprintf(stderr, "people_bench: %s\n", err.msg);
		return 3;
	}
	struct config *conf = config_load(NULL, rules_ids(), NULL);
	struct screen_stack *st = screen_stack_new(screens, s, conf);

	open_screen(st, "people", 0);
	static const struct bench_run people[] = {
		{ "Down", COMMAND_DOWN, 0, NULL, 0, 2000 },
		{ "Page Down", COMMAND_PAGE_DOWN, 0, NULL, 18, 200 },
		{ "End", COMMAND_END, 0, NULL, 0, 10 },
		{ "Home", COMMAND_HOME, 0, NULL, 0, 10 },
		{ "jump to M", COMMAND_JUMP, 0, "M", 0, 50 },
		{ "find \"ann\"", COMMAND_FIND, 0, "ann", 0, 50 },
	};
	runs(st, people, sizeof people / sizeof *people);

	int64_t ann = person_find(s, "Ann B.");
	open_screen(st, "person", ann);
	static const struct bench_run person[] = {
		{ "Down (form, lists)", COMMAND_DOWN, 0, NULL, 0, 200 },
		{ "End", COMMAND_END, 0, NULL, 0, 10 },
		{ "Home", COMMAND_HOME, 0, NULL, 0, 10 },
	};
	runs(st, person, sizeof person / sizeof *person);
	screen_dispatch(st, &(struct command){ .kind = COMMAND_BACK });

	open_screen(st, "payments", 0);
	static const struct bench_run payments[] = {
		{ "Down", COMMAND_DOWN, 0, NULL, 0, 2000 },
		{ "Page Down", COMMAND_PAGE_DOWN, 0, NULL, 18, 200 },
		{ "Up", COMMAND_UP, 0, NULL, 0, 1000 },
		{ "End", COMMAND_END, 0, NULL, 0, 5 },
		{ "Home", COMMAND_HOME, 0, NULL, 0, 5 },
		{ "find \"ann b\"", COMMAND_FIND, 0, "ann b", 0, 5 },
		{ "overdue only", COMMAND_ACTION, 'o', NULL, 0, 1 },
		{ "all again", COMMAND_ACTION, 'l', NULL, 0, 1 },
	};
	runs(st, payments, sizeof payments / sizeof *payments);
	/* Pay the claim that has waited longest, five times: the screen is built again each time.
	 */
	double worst = 0, total = 0;
	for (int i = 0; i < 5; i++) {
		key(st, COMMAND_HOME, 0, NULL, 0);
		double ms = key(st, COMMAND_ACTION, 'p', NULL, 0);
		total += ms;
		worst = ms > worst ? ms : worst;
	}
	printf("  %-22s %8.3f ms a key on average, %8.3f ms at worst (5 keys): %s\n",
	       "pay (built again)", total / 5, worst, screen_view(st)->message);

	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("most rows any list held: %zu\npeak memory: %.1f MB\n", most_rows,
	       ru.ru_maxrss / 1024.0);
	screen_stack_free(st);
	config_free(conf);
	store_close(s);
	return 0;
}
