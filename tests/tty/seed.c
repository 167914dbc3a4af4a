/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * seed: make a database with N projects for the terminal tests and
 * benchmarks: "Project 00001 carers breaks", ... with UTF-8 in some titles,
 * one closed, all in one transaction. Usage: seed DB N
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "project.h"
#include "store.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: seed DB N\n");
		return 2;
	}
	static const char *const topics[] = { "carers breaks", "day services", "respite",
		                              "Łódź exchange 中文", "mental health" };
	long n = strtol(argv[2], NULL, 10);
	struct store *s = NULL;
	struct error err;
	struct store_options opt = { .flags = STORE_CREATE };
	if (store_open(argv[1], &opt, &s, &err) != ERROR_NONE ||
	    store_begin(s, &err) != ERROR_NONE) {
		fprintf(stderr, "seed: %s\n", err.msg);
		return 3;
	}
	for (long i = 1; i <= n; i++) {
		struct project p;
		project_init(&p);
		free(p.title);
		p.title = mem_printf("Project %05ld %s", i, topics[i % 5]);
		p.kind = (int)(i % 4);
		mem_replace(&p.service_area, "Adult social care");
		memcpy(p.started_on, "2026-03-01", DATE_TEXT_SIZE);
		if (i == 3)
			memcpy(p.closed_on, "2026-10-31", DATE_TEXT_SIZE);
		if (project_create(s, &p, &err) != ERROR_NONE) {
			fprintf(stderr, "seed: %s\n", err.msg);
			return 3;
		}
		project_clear(&p);
	}
	if (store_commit(s, &err) != ERROR_NONE) {
		fprintf(stderr, "seed: %s\n", err.msg);
		return 3;
	}
	store_close(s);
	return 0;
}
