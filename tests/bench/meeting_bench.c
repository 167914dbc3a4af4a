/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * meeting_bench: how fast logging a meeting is, without a terminal, on a
 * demo database (involve demo --scale N). Prints: how many people are on
 * record; the time to look people up by part of a name (one letter, three
 * letters, a whole name, three letters beyond ASCII); the time to open the
 * busiest meeting's screen (its rows, summary and findings); the time per
 * key typed into the name to add (the framework's edit, the screen's hint
 * and a 24-line layout) and per name added (saved, view built again); the
 * time per line noted; and peak memory.
 * Usage: meeting_bench DB
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "attendee.h"
#include "bench.h"
#include "config.h"
#include "meeting.h"
#include "meeting_log.h"
#include "person.h"
#include "record.h"
#include "response.h"
#include "rules.h"
#include "screen.h"
#include "store.h"

static const struct screen *const screens[] = { &meeting_log_screen, &attendee_screen,
	                                        &response_screen, NULL };

static bool count_one(int64_t id, const char *name, void *ctx)
{
	(void)id;
	(void)name;
	(*(int *)ctx)++;
	return true;
}

/* The time of person_search for text, best of 5 runs; *found receives how many it gave. */
static double search(struct store *s, const char *text, int *found)
{
	double best = 1e9;
	for (int i = 0; i < 5; i++) {
		*found = 0;
		double t0 = bench_now_ms();
		person_search(s, text, 10, count_one, found, NULL);
		double t = bench_now_ms() - t0;
		best = t < best ? t : best;
	}
	return best;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: meeting_bench DB\n");
		return 2;
	}
	struct store *s = NULL;
	struct error err;
	if (store_open(argv[1], NULL, &s, &err) != ERROR_NONE) {
		fprintf(stderr, "meeting_bench: %s\n", err.msg);
		return 3;
	}
	struct config *config = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(config),
	                       (int)config_int(config, "feedback.due_days"));
	int64_t people = record_lookup(s, "SELECT count(*) FROM person", "");
	int64_t busiest = record_lookup(s,
	                                "SELECT meeting_id FROM attendance GROUP BY meeting_id "
	                                "ORDER BY count(*) DESC LIMIT 1",
	                                "");
	int64_t came = record_lookup(s, "SELECT count(*) FROM attendance WHERE meeting_id = ?", "i",
	                             busiest);
	printf("%lld people on record; the busiest meeting has %lld people\n", (long long)people,
	       (long long)came);
	static const char *const texts[] = { "a", "ann", "Ann B.", "łuk" };
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		int found;
		double t = search(s, texts[i], &found);
		printf("person_search \"%s\": %.2f ms (%d found, at most 10)\n", texts[i], t,
		       found);
	}

	struct screen_stack *st = screen_stack_new(screens, s, config);
	double t0 = bench_now_ms();
	screen_push(st, "meeting", busiest);
	bench_layout_fresh(st);
	printf("meeting screen opened and laid out in %.2f ms\n", bench_now_ms() - t0);
	/* The findings, rows and summary are built again after every change. */
	t0 = bench_now_ms();
	screen_rebuild(st);
	printf("meeting screen built again in %.2f ms\n", bench_now_ms() - t0);

	bench_key(st, COMMAND_ACTION, NULL, 0, 'a');
	double worst = 0, sum = 0;
	int keys = 0, names = 0;
	double add_worst = 0, add_sum = 0;
	for (int round = 0; round < 3; round++) {
		/* Someone on record who is not at the meeting yet, typed in full. */
		int64_t id =
		        record_lookup(s,
		                      "SELECT id FROM person WHERE anonymised = 0 AND id NOT IN "
		                      "(SELECT person_id FROM attendance WHERE meeting_id = ?) "
		                      "ORDER BY id LIMIT 1 OFFSET ?",
		                      "ii", busiest, (int64_t)round * 7);
		struct person p;
		if (person_get(s, id, &p, NULL) != ERROR_NONE) {
			person_clear(&p);
			break;
		}
		for (const char *c = p.name; *c;) {
			size_t n = 1;
			while (((unsigned char)c[n] & 0xC0) == 0x80)
				n++;
			char one[8] = { 0 };
			memcpy(one, c, n);
			double t = bench_key(st, COMMAND_INSERT, one, 0, 0);
			worst = t > worst ? t : worst;
			sum += t;
			keys++;
			c += n;
		}
		person_clear(&p);
		double t = bench_key(st, COMMAND_SAVE_FIELD, NULL, 1, 0);
		/* A name others share (the demo repeats names at scale) is chosen as "#id". */
		if (*view_focused_field(screen_view(st))->error) {
			char pick[32];
			snprintf(pick, sizeof pick, "#%lld", (long long)id);
			t += bench_key(st, COMMAND_SAVE_FIELD, pick, 1, 0);
		}
		add_worst = t > add_worst ? t : add_worst;
		add_sum += t;
		names++;
		if (screen_view(st)->question.text) {
			fprintf(stderr, "meeting_bench: a name was not found: %s\n",
			        screen_view(st)->question.text);
			return 1;
		}
	}
	printf("a key typed into the name to add: %.2f ms on average, %.2f ms at worst (%d keys)\n",
	       sum / keys, worst, keys);
	printf("a name added (offered first when others share it): %.2f ms on average, %.2f ms at "
	       "worst (%d names)\n",
	       add_sum / names, add_worst, names);
	bench_key(st, COMMAND_SAVE_FIELD, "", 1, 0);
	int64_t now = record_lookup(s, "SELECT count(*) FROM attendance WHERE meeting_id = ?", "i",
	                            busiest);
	printf("people at the busiest meeting now: %lld\n", (long long)now);
	if (now != came + names) {
		fprintf(stderr, "meeting_bench: %d names typed, %lld added\n", names,
		        (long long)(now - came));
		return 1;
	}

	bench_key(st, COMMAND_ACTION, NULL, 0, 's');
	double line_sum = 0, line_worst = 0;
	if (!screen_view(st)->edit.active) {
		fprintf(stderr, "meeting_bench: not typing what was said\n");
		return 1;
	}
	for (int i = 0; i < 5; i++) {
		char text[64];
		snprintf(text, sizeof text, "A point made in the room, number %d", i + 1);
		double t = bench_key(st, COMMAND_SAVE_FIELD, text, 1, 0);
		line_sum += t;
		line_worst = t > line_worst ? t : line_worst;
	}
	printf("a line noted: %.2f ms on average, %.2f ms at worst (5 lines)\n", line_sum / 5,
	       line_worst);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("peak memory: %.1f MB\n", ru.ru_maxrss / 1024.0);
	screen_stack_free(st);
	config_free(config);
	store_close(s);
	return 0;
}
