/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_audit: involve audit [--since DATE] [--limit N] — the change log in words. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "cli.h"
#include "date.h"
#include "store.h"
#include "text.h"

struct cli_audit_state {
	struct cli *c;
	struct store *s;
	int64_t lines;
};

/* 2026-11-20T14:03:05.123Z (UTC) as local "2026-11-20 14:03". */
static void cli_audit_local(const char *at, char out[32])
{
	struct tm tm = { 0 };
	if (!at || sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, 32, "%.16s", at ? at : "");
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	struct tm local;
	localtime_r(&t, &local);
	strftime(out, 32, "%Y-%m-%d %H:%M", &local);
}

/* The start of a local date, as UTC text comparable with the log's times. */
static void cli_audit_since(int32_t day, char out[32])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1 };
	time_t t = mktime(&tm);
	struct tm utc;
	gmtime_r(&t, &utc);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S.000Z", &utc);
}

/* One line: "2026-11-20 14:03: meeting Carers' forum (2026-10-02) changed: purpose." */
static bool cli_audit_row(const struct audit_entry *e, void *ctx)
{
	struct cli_audit_state *st = ctx;
	char when[32];
	cli_audit_local(e->at, when);
	char *words = audit_sentence(st->s, e);
	char *clean = text_clean(words, 0);
	fprintf(st->c->out, "%s: %s.\n", when, clean);
	free(clean);
	free(words);
	st->lines++;
	return true;
}

int cli_audit(struct cli *c, int argc, char **argv)
{
	struct audit_query q = { 0 };
	char since[32];
	const char *since_text = NULL;
	for (int i = 1; i < argc; i++) {
		struct error err;
		if (strcmp(argv[i], "--since") == 0 && i + 1 < argc) {
			int32_t day;
			since_text = argv[++i];
			if (date_parse(since_text, &day, &err) != ERROR_NONE)
				return cli_usage(c, "--since takes a date: %s", err.msg);
			cli_audit_since(day, since);
			q.since = since;
		} else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			long n;
			if (cli_parse_int("--limit", argv[++i], 1, 100000000, "changes", &n,
			                  &err) != ERROR_NONE)
				return cli_fail(c, &err);
			q.limit = n;
		} else {
			return cli_usage(c, "audit takes --since DATE and --limit N, not \"%.40s\"",
			                 argv[i]);
		}
	}
	struct store *s;
	int status = cli_open(c, STORE_READ_ONLY, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct cli_audit_state st = { c, s, 0 };
	struct error err;
	enum error_code code = audit_list(s, &q, cli_audit_row, &st, &err);
	if (code != ERROR_NONE)
		status = cli_fail(c, &err);
	else if (st.lines == 0)
		fprintf(c->out, "No changes are recorded%s%s.\n", since_text ? " since " : "",
		        since_text ? since_text : "");
	store_close(s);
	return status;
}
