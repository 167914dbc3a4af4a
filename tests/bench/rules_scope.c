/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules_scope: how long the screens wait for findings about one project, one
 * stage, one meeting and one person (the busiest of each), and for
 * everything, on a given database. Prints milliseconds per run (the mean of
 * several) and the number of findings. Not a test: figures for
 * tests/bench/rules.sh.
 *
 * Usage: rules_scope FILE [RUNS] [each]   ("each" adds a line per rule taking over 5 ms)
 *        rules_scope FILE sql RULE...     (the SQL those rules run over everything today,
 *                                           parameters filled in: the sqlite3 floor of rules.sh)
 *        rules_scope FILE cold            (each rule once over everything, in catalogue
 *                                           order from a fresh connection, as "involve
 *                                           check" runs them: milliseconds and pages read)
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "meeting.h"
#include "record.h"
#include "rules.h"
#include "store.h"
#include "vocab.h"

/* Count the findings. */
static bool rules_scope_count(const struct finding *f, void *ctx)
{
	(void)f;
	++*(size_t *)ctx;
	return true;
}

/* An SQL trace callback: print each statement as it starts, its parameters filled in. */
static int rules_scope_print(unsigned type, void *ctx, void *stmt, void *sql)
{
	(void)ctx;
	(void)sql;
	char *text = type == SQLITE_TRACE_STMT ? sqlite3_expanded_sql(stmt) : NULL;
	if (text)
		printf("%s;\n", text);
	sqlite3_free(text);
	return 0;
}

/* Print the SQL of rules ids[0..n) over everything today; 0, or 1 on failure. */
static int rules_scope_sql(struct store *s, const struct config *conf, char **ids, int n)
{
	struct rules_options o = rules_options_default(date_today());
	o.connections = 1; /* the trace is on this one */
	for (int i = 0; i < n; i++) {
		const struct rule *r = rules_find(ids[i]);
		if (!r) {
			fprintf(stderr, "rules_scope: no rule %s\n", ids[i]);
			return 1;
		}
		o.only |= UINT64_C(1) << rules_index(r);
	}
	sqlite3_trace_v2(store_db(s), SQLITE_TRACE_STMT, rules_scope_print, NULL);
	size_t found = 0;
	struct error err;
	enum error_code code = rules_run(s, conf, &o, rules_scope_count, &found, &err);
	sqlite3_trace_v2(store_db(s), 0, NULL, NULL);
	if (code != ERROR_NONE)
		fprintf(stderr, "rules_scope: %s\n", err.msg);
	return code != ERROR_NONE;
}

static double rules_scope_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Pages this connection has read from the file (page cache misses) so far. */
static int rules_scope_misses(struct store *s)
{
	int now = 0, high = 0;
	sqlite3_db_status(store_db(s), SQLITE_DBSTATUS_CACHE_MISS, &now, &high, 0);
	return now;
}

/* Each rule once over everything, in catalogue order, on a fresh connection: 0, or 1. */
static int rules_scope_cold(struct store *s, const struct config *conf)
{
	size_t n;
	const struct rule *table = rules_table(&n);
	struct rules_options o = rules_options_default(date_today());
	o.connections = 1; /* pages read are counted on this one */
	struct error err;
	double total = 0;
	int pages = 0;
	printf("%-28s %8s %8s %9s\n", "rule", "ms", "pages", "findings");
	for (size_t k = 0; k < n; k++) {
		o.only = UINT64_C(1) << k;
		size_t found = 0;
		int before = rules_scope_misses(s);
		double t = rules_scope_now();
		if (rules_run(s, conf, &o, rules_scope_count, &found, &err) != ERROR_NONE) {
			fprintf(stderr, "rules_scope: %s\n", err.msg);
			return 1;
		}
		t = 1000.0 * (rules_scope_now() - t);
		int read = rules_scope_misses(s) - before;
		total += t;
		pages += read;
		printf("%-28s %8.1f %8d %9zu\n", table[k].id, t, read, found);
	}
	printf("%-28s %8.1f %8d\n", "all", total, pages);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr,
		        "usage: rules_scope FILE [RUNS] [each] | FILE sql RULE... | FILE cold\n");
		return 2;
	}
	struct config *conf = config_load(NULL, rules_ids(), NULL);
	struct store *s;
	struct error err;
	struct store_options opt = { .flags = STORE_READ_ONLY };
	if (store_open(argv[1], &opt, &s, &err) != ERROR_NONE) {
		fprintf(stderr, "rules_scope: %s\n", err.msg);
		return 1;
	}
	if (argc > 2 && strcmp(argv[2], "cold") == 0) {
		int status = rules_scope_cold(s, conf);
		store_close(s);
		config_free(conf);
		return status;
	}
	if (argc > 2 && strcmp(argv[2], "sql") == 0) {
		int status = rules_scope_sql(s, conf, argv + 3, argc - 3);
		store_close(s);
		config_free(conf);
		return status;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 5;
	bool each = argc > 3;
	/* The busiest project, meeting and person: the slowest screens of each kind. */
	int64_t project = record_lookup(s,
	                                "SELECT project_id FROM meeting GROUP BY project_id "
	                                "ORDER BY count(*) DESC LIMIT 1",
	                                "");
	int64_t meeting = record_lookup(s,
	                                "SELECT meeting_id FROM attendance GROUP BY meeting_id "
	                                "ORDER BY count(*) DESC LIMIT 1",
	                                "");
	int64_t person = record_lookup(s,
	                               "SELECT person_id FROM attendance GROUP BY person_id "
	                               "ORDER BY count(*) DESC LIMIT 1",
	                               "");
	const struct {
		const char *name;
		struct rules_scope scope;
	} scopes[] = {
		{ "one project", { RULES_SCOPE_PROJECT, project, -1 } },
		{ "one stage", { RULES_SCOPE_STAGE, project, STAGE_NEEDS } },
		{ "one meeting", { RULES_SCOPE_MEETING, meeting, -1 } },
		{ "one person", { RULES_SCOPE_PERSON, person, -1 } },
		{ "everything", { RULES_SCOPE_ALL, 0, -1 } },
	};
	int32_t today = date_today();
	printf("%-12s %10s %9s\n", "scope", "ms_per_run", "findings");
	for (size_t i = 0; i < sizeof scopes / sizeof *scopes; i++) {
		struct rules_options o = rules_options_default(today);
		o.scope = scopes[i].scope;
		size_t found = 0;
		double start = rules_scope_now();
		for (int r = 0; r < runs; r++) {
			found = 0;
			if (rules_run(s, conf, &o, rules_scope_count, &found, &err) != ERROR_NONE) {
				fprintf(stderr, "rules_scope: %s\n", err.msg);
				return 1;
			}
		}
		printf("%-12s %10.1f %9zu\n", scopes[i].name,
		       1000.0 * (rules_scope_now() - start) / runs, found);
		size_t n;
		const struct rule *table = rules_table(&n);
		for (size_t k = 0; each && k < n; k++) {
			o.only = UINT64_C(1) << k;
			found = 0;
			double t = rules_scope_now();
			if (rules_run(s, conf, &o, rules_scope_count, &found, &err) != ERROR_NONE)
				return 1;
			t = 1000.0 * (rules_scope_now() - t);
			if (t > 5)
				printf("  %-28s %8.1f %9zu\n", table[k].id, t, found);
		}
	}
	store_close(s);
	config_free(conf);
	return 0;
}
