/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stage_bench: how fast the projects, project and stage screens are, without
 * a terminal. Opens DB (for example "involve demo --scale 100") and prints
 * the time to build the projects list with the strip of each project's
 * stages, per key down it, to open a project, to open a stage, to go round
 * every stage with next stage, and to save an agreement field; then the
 * most rows any list held and peak memory.
 * Usage: stage_bench DB
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench.h"
#include "config.h"
#include "project_overview.h"
#include "projects.h"
#include "rules.h"
#include "screen.h"
#include "stage_overview.h"
#include "stage_record.h"
#include "store.h"

static const struct screen *const screens[] = {
	&projects_screen,     &project_overview_screen, &stage_overview_screen, &pressure_screen,
	&budget_event_screen, &decision_screen,         &commitment_screen,     NULL,
};

/* The most rows held by any list of the top view. */
static size_t most_rows(struct screen_stack *st)
{
	struct view *v = screen_view(st);
	size_t most = 0;
	for (size_t i = 0; i < v->nsections; i++)
		if (v->sections[i].kind == VIEW_LIST && v->sections[i].list.rows.n > most)
			most = v->sections[i].list.rows.n;
	return most;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: stage_bench DB\n");
		return 2;
	}
	struct store *s = NULL;
	struct error err;
	if (store_open(argv[1], NULL, &s, &err) != ERROR_NONE) {
		fprintf(stderr, "stage_bench: %s\n", err.msg);
		return 3;
	}
	struct config *config = config_load(NULL, rules_ids(), NULL);
	struct screen_stack *st = screen_stack_new(screens, s, config);
	size_t most = 0;
	double t0 = bench_now_ms();
	screen_push(st, "projects", 0);
	bench_layout_fresh(st);
	printf("projects list with stage strips built and laid out: %.1f ms (%s)\n",
	       bench_now_ms() - t0, screen_view(st)->summary);
	double worst = 0, total = 0;
	int slow = 0;
	for (int i = 0; i < 2000; i++) {
		double ms = bench_key(st, COMMAND_DOWN, NULL, 0, 0);
		total += ms;
		worst = ms > worst ? ms : worst;
		slow += ms > 10;
	}
	printf("Down x2000 through the projects: %.3f ms a key on average, %.1f ms at worst, "
	       "%d keys over 10 ms\n",
	       total / 2000, worst, slow);
	most = most_rows(st) > most ? most_rows(st) : most;
	printf("Home of the projects list: %.1f ms\n", bench_key(st, COMMAND_HOME, NULL, 0, 0));
	printf("End of the projects list: %.1f ms\n", bench_key(st, COMMAND_END, NULL, 0, 0));
	bench_key(st, COMMAND_HOME, NULL, 0, 0);
	double ms = bench_key(st, COMMAND_OPEN, NULL, 0, 0);
	printf("open a project (stages, findings, details): %.1f ms (%s)\n", ms,
	       screen_view(st)->title);
	most = most_rows(st) > most ? most_rows(st) : most;
	ms = bench_key(st, COMMAND_OPEN, NULL, 0, 0);
	printf("open its first stage: %.1f ms (%s)\n", ms, screen_view(st)->title);
	worst = total = 0;
	size_t n = config_stage_count(config);
	for (size_t i = 0; i < n; i++) {
		ms = bench_key(st, COMMAND_ACTION, NULL, 0, 'n');
		total += ms;
		worst = ms > worst ? ms : worst;
		most = most_rows(st) > most ? most_rows(st) : most;
	}
	printf("next stage x%zu: %.1f ms a key on average, %.1f ms at worst\n", n,
	       total / (double)n, worst);
	worst = 0;
	for (int i = 0; i < 200; i++) {
		ms = bench_key(st, COMMAND_DOWN, NULL, 0, 0);
		worst = ms > worst ? ms : worst;
	}
	printf("Down x200 through a stage: %.1f ms at worst\n", worst);
	view_home(screen_view(st));
	bench_key(st, COMMAND_DOWN, NULL, 0, 0);
	struct command save;
	command_make(&save, COMMAND_SAVE_FIELD, "Why users are involved, measured.");
	t0 = bench_now_ms();
	screen_dispatch(st, &save);
	printf("save an agreement field and rebuild the stage: %.1f ms (%s)\n", bench_now_ms() - t0,
	       screen_view(st)->message);
	command_clear(&save);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("most rows held by a list: %zu\npeak memory: %.1f MB\n", most,
	       ru.ru_maxrss / 1024.0);
	screen_stack_free(st);
	config_free(config);
	store_close(s);
	return 0;
}
