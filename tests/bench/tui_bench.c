/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tui_bench: how fast the framework is on a long list, without a terminal.
 * Opens DB (made by tests/tty/seed), opens the projects screen and prints:
 * the time to build the first view, the time per key (carrying out the
 * command and laying out a 24-line screen) for Down, Page Down, End, find
 * and a first-letter jump, the most rows any list held, and peak memory.
 * Usage: tui_bench DB
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench.h"
#include "project_overview.h"
#include "projects.h"
#include "screen.h"
#include "store.h"

static const struct screen *const screens[] = { &projects_screen, &project_overview_screen, NULL };

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: tui_bench DB\n");
		return 2;
	}
	struct store *s = NULL;
	struct error err;
	if (store_open(argv[1], NULL, &s, &err) != ERROR_NONE) {
		fprintf(stderr, "tui_bench: %s\n", err.msg);
		return 3;
	}
	struct screen_stack *st = screen_stack_new(screens, s, NULL);
	double t0 = bench_now_ms();
	screen_push(st, "projects", 0);
	bench_layout_fresh(st);
	printf("first view built and laid out: %.2f ms (%s)\n", bench_now_ms() - t0,
	       screen_view(st)->summary);

	static const struct {
		const char *name;
		enum command_kind kind;
		const char *text;
		long number;
		int times;
	} runs[] = {
		{ "Down", COMMAND_DOWN, NULL, 0, 5000 },
		{ "Page Down", COMMAND_PAGE_DOWN, NULL, 18, 500 },
		{ "Up", COMMAND_UP, NULL, 0, 2000 },
		{ "End", COMMAND_END, NULL, 0, 20 },
		{ "Home", COMMAND_HOME, NULL, 0, 20 },
		{ "find \"respite\"", COMMAND_FIND, "respite", 0, 200 },
		{ "jump to M", COMMAND_JUMP, "M", 0, 20 },
		{ "jump to p", COMMAND_JUMP, "p", 0, 2000 },
		{ "find \"zzz\" (none)", COMMAND_FIND, "zzz", 0, 5 },
	};
	size_t most = 0;
	for (size_t r = 0; r < sizeof runs / sizeof *runs; r++) {
		double total = 0, worst = 0;
		for (int i = 0; i < runs[r].times; i++) {
			double ms = bench_key(st, runs[r].kind, runs[r].text, runs[r].number, 0);
			total += ms;
			if (ms > worst)
				worst = ms;
			size_t held = screen_view(st)->sections[0].list.rows.n;
			if (held > most)
				most = held;
		}
		printf("%-16s x%-5d mean %.3f ms, worst %.3f ms per key\n", runs[r].name,
		       runs[r].times, total / runs[r].times, worst);
	}
	printf("most rows held by the list at once: %zu\n", most);
	screen_stack_free(st);
	store_close(s);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("peak memory: %.1f MB\n", ru.ru_maxrss / 1024.0);
	return 0;
}
