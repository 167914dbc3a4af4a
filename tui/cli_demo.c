/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_demo: involve demo [--scale N] — fill an empty database with a realistic demo year. */
#include "cli.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "demo.h"
#include "store.h"

/* n with thousands separated by commas, as people write it: 4,109. */
static const char *cli_demo_number(int64_t n, char *buf, size_t size)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%" PRId64, n);
	size_t j = 0;
	for (int i = 0; i < len && j + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0 && j + 2 < size)
			buf[j++] = ',';
		buf[j++] = digits[i];
	}
	buf[j] = '\0';
	return buf;
}

/* Print what was made: one sentence, then how to open it. */
static void cli_demo_report(struct cli *c, const struct demo_summary *sum, int32_t today)
{
	const struct {
		int64_t n;
		const char *one, *many;
	} parts[] = {
		{ sum->projects, "project", "projects" },
		{ sum->people, "person", "people" },
		{ sum->groups, "group", "groups" },
		{ sum->meetings, "meeting", "meetings" },
		{ sum->attendances, "attendance", "attendances" },
		{ sum->contributions, "contribution", "contributions" },
		{ sum->feedback, "feedback given", "feedback given" },
		{ sum->decisions, "decision", "decisions" },
		{ sum->stages, "stage record", "stage records" },
		{ sum->budget_events, "budget event", "budget events" },
		{ sum->pressures, "pressure", "pressures" },
		{ sum->payments, "payment", "payments" },
		{ sum->actions, "commitment", "commitments" },
	};
	size_t n = sizeof parts / sizeof *parts;
	char day[DATE_TEXT_SIZE], num[32];
	date_format(today, day);
	fprintf(c->out, "Built the demo database at %s:", c->db_path);
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "%s %s %s",
		        i == 0       ? ""
		        : i + 1 == n ? " and"
		                     : ",",
		        cli_demo_number(parts[i].n, num, sizeof num),
		        parts[i].n == 1 ? parts[i].one : parts[i].many);
	fprintf(c->out, ", as of %s.\n", day);
	if (c->db_path_given)
		fprintf(c->out, "Open it with: involve --db %s\n", c->db_path);
	else
		fprintf(c->out, "Open it with: involve\n");
}

int cli_demo(struct cli *c, int argc, char **argv)
{
	long scale = 1;
	for (int i = 1; i < argc; i++) {
		const char *value;
		if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc)
			value = argv[++i];
		else if (strncmp(argv[i], "--scale=", 8) == 0)
			value = argv[i] + 8;
		else if (strcmp(argv[i], "--scale") == 0)
			return cli_usage(c,
			                 "--scale needs a whole number of authorities from 1 to %d",
			                 DEMO_SCALE_MAX);
		else
			return cli_usage(c, "demo takes only --scale N, not \"%.40s\"", argv[i]);
		struct error err;
		if (cli_parse_int("--scale", value, 1, DEMO_SCALE_MAX, "authorities", &scale,
		                  &err) != ERROR_NONE)
			return cli_usage(c, "%s", err.msg);
	}
	struct store *s;
	int status = cli_open(c, STORE_CREATE, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct demo_summary sum;
	struct error err;
	int32_t today = date_today();
	enum error_code code = demo_build(s, (int)scale, today, &sum, &err);
	store_close(s);
	if (code != ERROR_NONE)
		return cli_fail(c, &err);
	cli_demo_report(c, &sum, today);
	return CLI_EXIT_OK;
}
