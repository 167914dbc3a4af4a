/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config: the key table, loading with libconfig, and collected problems.
 *
 * Loading has two passes over the same code: the embedded default file first
 * (it supplies the lists: stages, levels, jargon, holidays), then the user's
 * file. Each setting found is matched against the key table or one of the
 * list readers; whatever does not match is an unknown key. A value that is
 * wrong keeps the previous value (the default) and adds a problem.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "paths.h"
#include "text.h"
#include "vocab.h"

extern const char conf_embedded_text[];

/* The master copy of every setting: its type, default, range and meaning. */
static const struct config_key config_table[] = {
	{ "feedback.due_days", CONFIG_INT, "20", 1, 120, NULL,
	  "Feedback is due this many working days after a meeting is held. People who take part "
	  "must be told what came of what they said, in good time." },
	{ "feedback.warn_days", CONFIG_INT, "5", 0, 60, NULL,
	  "Feedback due within this many days is shown as due soon." },
	{ "papers.notice_days", CONFIG_INT, "7", 0, 60, NULL,
	  "Papers sent fewer than this many days before a meeting are late: people need time to "
	  "read them, in their own format, and to ask for support." },
	{ "payments.pay_within_days", CONFIG_INT, "20", 1, 120, NULL,
	  "A claim not paid within this many working days is overdue. Late payment costs people "
	  "on low incomes most." },
	{ "payments.offer_days", CONFIG_INT, "10", 0, 120, NULL,
	  "Payment should be offered, or its decline recorded, within this many days of a "
	  "meeting." },
	{ "payments.weekly_limit_pence", CONFIG_INT, "19600", 0, 100000000, NULL,
	  "Warn when someone with a benefits concern is paid more than this many pence within 7 "
	  "days (the Carer's Allowance earnings limit is 196 pounds a week from April 2025)." },
	{ "budget.notify_days", CONFIG_INT, "5", 0, 60, NULL,
	  "Participants must be told of a budget change within this many days: a budget cut "
	  "halfway through without telling people leaves them disempowered." },
	{ "representation.min_users", CONFIG_INT, "2", 1, 100, NULL,
	  "A held meeting needs at least this many service users or carers, so no one is a lone "
	  "voice." },
	{ "representation.window_days", CONFIG_INT, "365", 30, 3650, NULL,
	  "Attendance over this many days is looked at when checking for the usual suspects." },
	{ "representation.top_n", CONFIG_INT, "3", 1, 50, NULL,
	  "How many of the most frequent people are counted when checking for the usual "
	  "suspects." },
	{ "representation.share", CONFIG_FLOAT, "0.5", 0.05, 1.0, NULL,
	  "The share of user attendances the most frequent people may make up before it is "
	  "noted." },
	{ "representation.min_meetings", CONFIG_INT, "5", 1, 1000, NULL,
	  "The usual suspects are judged only once there have been at least this many meetings." },
	{ "representation.newcomer_days", CONFIG_INT, "180", 7, 3650, NULL,
	  "Note when no new service user or carer has taken part for this many days." },
	{ "representation.max_per_month", CONFIG_INT, "4", 1, 60, NULL,
	  "Warn when one person is booked into more than this many sessions in 30 days." },
	{ "retention.inactive_days", CONFIG_INT, "730", 30, 36500, NULL,
	  "Someone not involved for this many days should be anonymised: personal details are kept "
	  "no longer than needed." },
	{ "calendar.holidays", CONFIG_DATES, "", 0, 0, NULL,
	  "Dates that are not working days besides weekends, as YYYY-MM-DD." },
	{ "stages", CONFIG_LIST, "", 0, 0, NULL,
	  "The stages of the commissioning cycle in the order screens show them: each a fixed key "
	  "and a label." },
	{ "levels", CONFIG_LIST, "", 0, 0, NULL,
	  "The levels of involvement a meeting can offer, lowest first: each a key, a label and "
	  "help." },
	{ "jargon", CONFIG_LIST, "", 0, 0, NULL,
	  "Terms that need explaining: each a term and the plain words that explain it." },
	{ "rules", CONFIG_LIST, "", 0, 0, NULL,
	  "Per rule: enabled (true or false) and severity (error, warning or info)." },
	{ "ui.mode", CONFIG_WORD, "curses", 0, 0, "curses|text",
	  "curses for full screens, or text for the accessible line-by-line mode." },
	{ "ui.theme", CONFIG_WORD, "default", 0, 0, "default|high-contrast|mono",
	  "default, high-contrast (terminal colours only, bold and reverse, a > marker) or mono." },
	{ "database.busy_timeout_ms", CONFIG_INT, "5000", 0, 600000, NULL,
	  "How long to wait, in milliseconds, when another program holds the database." },
};

enum { CONFIG_NKEYS = sizeof config_table / sizeof *config_table };

struct config_value {
	int64_t i;
	double f;
	bool b;
	char *s;
};

struct config_level {
	char *key, *label, *help;
};

struct config_jargon {
	char *term, *plain;
};

struct config_rule {
	char *id;
	bool enabled;
	char *severity; /* "" when not overridden */
};

struct config {
	char *path;
	struct config_value values[CONFIG_NKEYS];
	struct calendar calendar;
	int stages[STAGE_COUNT];
	size_t nstages;
	char *stage_labels[STAGE_COUNT];
	struct config_level *levels;
	size_t nlevels;
	struct config_jargon *jargon;
	size_t njargon;
	struct config_rule *rules;
	size_t nrules;
};

/* State of one load pass. */
struct config_pass {
	struct config *c;
	const char *file; /* the name problems are reported under */
	const char *const *rule_ids;
	struct config_report *report;
};

const struct config_key *config_keys(size_t *count)
{
	*count = CONFIG_NKEYS;
	return config_table;
}

const char *config_default_text(void)
{
	return conf_embedded_text;
}

const char *config_path(const struct config *c)
{
	return c->path;
}

void config_report_free(struct config_report *report)
{
	if (!report)
		return;
	for (size_t i = 0; i < report->count; i++)
		free(report->problems[i]);
	free(report->problems);
	report->problems = NULL;
	report->count = 0;
}

/* Add "FILE:LINE: sentence" to the report. */
static void config_problem(struct config_pass *p, int line, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static void config_problem(struct config_pass *p, int line, const char *fmt, ...)
{
	if (!p->report)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = mem_vprintf(fmt, ap);
	va_end(ap);
	char *clean = text_clean(msg, 0);
	free(msg);
	struct config_report *r = p->report;
	r->problems = mem_realloc(r->problems, (r->count + 1) * sizeof *r->problems);
	r->problems[r->count++] = line > 0 ? mem_printf("%s:%d: %s", p->file, line, clean)
	                                   : mem_printf("%s: %s", p->file, clean);
	free(clean);
}

static int config_index(const char *key)
{
	for (int i = 0; i < CONFIG_NKEYS; i++)
		if (strcmp(config_table[i].name, key) == 0)
			return i;
	return -1;
}

/* The index of key, aborting when code asks for a key that is not in the table. */
static int config_require(const char *key, enum config_type type)
{
	int i = config_index(key);
	if (i < 0 || config_table[i].type != type) {
		fprintf(stderr, "involve: internal error: no %s setting called %s\n",
		        type == CONFIG_INT ? "whole-number" : "such", key);
		abort();
	}
	return i;
}

/* "1 to 120" or "0.05 to 1" for sentences. */
static char *config_range(const struct config_key *k)
{
	if (k->type == CONFIG_INT)
		return mem_printf("a whole number from %.0f to %.0f", k->min, k->max);
	return mem_printf("a number from %g to %g", k->min, k->max);
}

/* "\"curses\" or \"text\"" for sentences. */
static char *config_words(const char *allowed)
{
	char *out = mem_strdup("");
	char *copy = mem_strdup(allowed), *save = NULL;
	int n = 0;
	for (const char *c = allowed; *c; c++)
		n += *c == '|';
	int i = 0;
	for (char *w = strtok_r(copy, "|", &save); w; w = strtok_r(NULL, "|", &save), i++) {
		char *next = mem_printf("%s%s\"%s\"", out, i == 0 ? "" : i == n ? " or " : ", ", w);
		free(out);
		out = next;
	}
	free(copy);
	return out;
}

static bool config_word_allowed(const char *allowed, const char *word)
{
	size_t n = strlen(word);
	for (const char *a = allowed; *a;) {
		const char *bar = strchr(a, '|');
		size_t len = bar ? (size_t)(bar - a) : strlen(a);
		if (len == n && strncmp(a, word, n) == 0)
			return true;
		a += len + (bar ? 1 : 0);
	}
	return false;
}

/* Set value i from a scalar setting, or report why not. */
static void config_set_scalar(struct config_pass *p, int i, const config_setting_t *st,
                              const char *path)
{
	const struct config_key *k = &config_table[i];
	struct config_value *v = &p->c->values[i];
	int line = config_setting_source_line(st);
	int type = config_setting_type(st);
	switch (k->type) {
	case CONFIG_INT: {
		char *range = config_range(k);
		if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64) {
			config_problem(p, line,
			               "%s must be %s, written without quotes or a "
			               "decimal point",
			               path, range);
		} else {
			long long n = config_setting_get_int64(st);
			if (n < k->min || n > k->max)
				config_problem(p, line, "%s is %lld, but it must be %s", path, n,
				               range);
			else
				v->i = n;
		}
		free(range);
		break;
	}
	case CONFIG_FLOAT: {
		char *range = config_range(k);
		if (!config_setting_is_number(st)) {
			config_problem(p, line, "%s must be %s, written without quotes", path,
			               range);
		} else {
			double f = type == CONFIG_TYPE_FLOAT ? config_setting_get_float(st)
			                                     : (double)config_setting_get_int64(st);
			if (!(f >= k->min && f <= k->max))
				config_problem(p, line, "%s is %g, but it must be %s", path, f,
				               range);
			else
				v->f = f;
		}
		free(range);
		break;
	}
	case CONFIG_BOOL:
		if (type != CONFIG_TYPE_BOOL)
			config_problem(p, line, "%s must be true or false, without quotes", path);
		else
			v->b = config_setting_get_bool(st);
		break;
	case CONFIG_WORD: {
		const char *w = type == CONFIG_TYPE_STRING ? config_setting_get_string(st) : NULL;
		if (!w || !config_word_allowed(k->allowed, w)) {
			char *words = config_words(k->allowed);
			if (w)
				config_problem(p, line, "%s is \"%s\", but it must be %s", path, w,
				               words);
			else
				config_problem(p, line, "%s must be %s, in quotes", path, words);
			free(words);
		} else {
			mem_replace(&v->s, w);
		}
		break;
	}
	case CONFIG_STRING:
		if (type != CONFIG_TYPE_STRING)
			config_problem(p, line, "%s must be text in quotes", path);
		else
			mem_replace(&v->s, config_setting_get_string(st));
		break;
	case CONFIG_DATES:
	case CONFIG_LIST:
		break;
	}
}

/* A member of a list entry that must be a non-empty string; NULL (and a problem) if not. */
static const char *config_member_text(struct config_pass *p, const config_setting_t *entry,
                                      const char *member, const char *path, int n)
{
	const config_setting_t *m = config_setting_get_member(entry, member);
	const char *s = m && config_setting_type(m) == CONFIG_TYPE_STRING
	                        ? config_setting_get_string(m)
	                        : NULL;
	if (!s || text_blank(s)) {
		config_problem(p, config_setting_source_line(entry),
		               "entry %d of %s needs %s = \"...\"; (text in quotes)", n, path,
		               member);
		return NULL;
	}
	return s;
}

/* Report members of a list entry other than the allowed ones ("key|label"). */
static void config_entry_unknown(struct config_pass *p, const config_setting_t *entry,
                                 const char *allowed, const char *path, int n)
{
	if (!config_setting_is_group(entry))
		return;
	for (int i = 0; i < config_setting_length(entry); i++) {
		const config_setting_t *m = config_setting_get_elem(entry, (unsigned)i);
		if (!config_word_allowed(allowed, config_setting_name(m))) {
			char *words = config_words(allowed);
			config_problem(p, config_setting_source_line(m),
			               "entry %d of %s has an unknown setting \"%s\"; its settings "
			               "are %s",
			               n, path, config_setting_name(m), words);
			free(words);
		}
	}
}

/* A list setting must be a ( ... ) list of { ... } groups. */
static bool config_is_list_of_groups(struct config_pass *p, const config_setting_t *st,
                                     const char *path, const char *example)
{
	if (config_setting_is_list(st) || config_setting_is_array(st)) {
		for (int i = 0; i < config_setting_length(st); i++)
			if (!config_setting_is_group(config_setting_get_elem(st, (unsigned)i)))
				goto bad;
		return true;
	}
bad:
	config_problem(p, config_setting_source_line(st),
	               "%s must be a list in round brackets of entries in braces, like %s", path,
	               example);
	return false;
}

static void config_read_stages(struct config_pass *p, const config_setting_t *st)
{
	if (!config_is_list_of_groups(p, st, "stages",
	                              "( { key = \"framework\"; label = \"...\"; } )"))
		return;
	int order[STAGE_COUNT];
	size_t n = 0;
	bool seen[STAGE_COUNT] = { false };
	bool ok = true;
	for (int i = 0; i < config_setting_length(st); i++) {
		const config_setting_t *e = config_setting_get_elem(st, (unsigned)i);
		config_entry_unknown(p, e, "key|label", "stages", i + 1);
		const char *key = config_member_text(p, e, "key", "stages", i + 1);
		const char *label = config_member_text(p, e, "label", "stages", i + 1);
		if (!key || !label) {
			ok = false;
			continue;
		}
		int k = record_choice_find(vocab_stages, key);
		if (k < 0 || strcmp(vocab_stages[k].key, key) != 0) {
			config_problem(
			        p, config_setting_source_line(e),
			        "\"%s\" is not a stage key; the keys are framework, context, "
			        "needs, budget, strategy, priorities, test, decisions, "
			        "procurement, commission, monitoring and review",
			        key);
			ok = false;
			continue;
		}
		if (seen[k]) {
			config_problem(p, config_setting_source_line(e),
			               "stage \"%s\" is listed twice; list each stage once", key);
			ok = false;
			continue;
		}
		seen[k] = true;
		order[n++] = k;
		mem_replace(&p->c->stage_labels[k], label);
	}
	if (n == 0) {
		config_problem(p, config_setting_source_line(st),
		               "stages lists no stage; list at least one");
		ok = false;
	}
	if (ok) {
		memcpy(p->c->stages, order, n * sizeof *order);
		p->c->nstages = n;
	}
}

/* Level keys are lower-case words joined by underscores. */
static bool config_level_key_ok(const char *key)
{
	if (!*key)
		return false;
	for (const char *c = key; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			return false;
	return true;
}

static void config_free_levels(struct config *c)
{
	for (size_t i = 0; i < c->nlevels; i++) {
		free(c->levels[i].key);
		free(c->levels[i].label);
		free(c->levels[i].help);
	}
	free(c->levels);
	c->levels = NULL;
	c->nlevels = 0;
}

static void config_read_levels(struct config_pass *p, const config_setting_t *st)
{
	if (!config_is_list_of_groups(p, st, "levels",
	                              "( { key = \"consulting\"; label = \"Consulting\"; help = "
	                              "\"...\"; } )"))
		return;
	size_t n = (size_t)config_setting_length(st);
	struct config_level *levels = mem_calloc(n, sizeof *levels);
	size_t got = 0;
	bool ok = n > 0;
	if (n == 0)
		config_problem(p, config_setting_source_line(st),
		               "levels lists no level; list at least one");
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(st, (unsigned)i);
		config_entry_unknown(p, e, "key|label|help", "levels", (int)i + 1);
		const char *key = config_member_text(p, e, "key", "levels", (int)i + 1);
		const char *label = config_member_text(p, e, "label", "levels", (int)i + 1);
		const config_setting_t *h = config_setting_get_member(e, "help");
		const char *help = h && config_setting_type(h) == CONFIG_TYPE_STRING
		                           ? config_setting_get_string(h)
		                           : "";
		if (!key || !label) {
			ok = false;
			continue;
		}
		if (!config_level_key_ok(key)) {
			config_problem(p, config_setting_source_line(e),
			               "level key \"%s\" must be lower-case letters, digits and "
			               "underscores, like \"delegated_power\"",
			               key);
			ok = false;
			continue;
		}
		bool dup = false;
		for (size_t j = 0; j < got; j++)
			dup |= strcmp(levels[j].key, key) == 0;
		if (dup) {
			config_problem(p, config_setting_source_line(e),
			               "level \"%s\" is listed twice; list each level once", key);
			ok = false;
			continue;
		}
		levels[got].key = mem_strdup(key);
		levels[got].label = mem_strdup(label);
		levels[got].help = mem_strdup(help);
		got++;
	}
	struct config tmp = { .levels = levels, .nlevels = got };
	if (ok) {
		config_free_levels(p->c);
		p->c->levels = levels;
		p->c->nlevels = got;
	} else {
		config_free_levels(&tmp);
	}
}

static void config_free_jargon(struct config *c)
{
	for (size_t i = 0; i < c->njargon; i++) {
		free(c->jargon[i].term);
		free(c->jargon[i].plain);
	}
	free(c->jargon);
	c->jargon = NULL;
	c->njargon = 0;
}

static void config_read_jargon(struct config_pass *p, const config_setting_t *st)
{
	if (!config_is_list_of_groups(p, st, "jargon",
	                              "( { term = \"JSNA\"; plain = \"joint strategic needs "
	                              "assessment\"; } )"))
		return;
	size_t n = (size_t)config_setting_length(st);
	struct config_jargon *j = mem_calloc(n, sizeof *j);
	size_t got = 0;
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(st, (unsigned)i);
		config_entry_unknown(p, e, "term|plain", "jargon", (int)i + 1);
		const char *term = config_member_text(p, e, "term", "jargon", (int)i + 1);
		const char *plain = config_member_text(p, e, "plain", "jargon", (int)i + 1);
		if (!term || !plain) {
			ok = false;
			continue;
		}
		j[got].term = mem_strdup(term);
		j[got].plain = mem_strdup(plain);
		got++;
	}
	struct config tmp = { .jargon = j, .njargon = got };
	if (ok) {
		config_free_jargon(p->c);
		p->c->jargon = j;
		p->c->njargon = got;
	} else {
		config_free_jargon(&tmp);
	}
}

static void config_read_holidays(struct config_pass *p, const config_setting_t *st)
{
	int line = config_setting_source_line(st);
	if (!config_setting_is_array(st) && !config_setting_is_list(st)) {
		config_problem(p, line,
		               "calendar.holidays must be a list of dates in square brackets, like "
		               "[ \"2026-12-25\", \"2026-12-28\" ]");
		return;
	}
	struct calendar cal;
	calendar_init(&cal);
	bool ok = true;
	for (int i = 0; i < config_setting_length(st); i++) {
		const config_setting_t *e = config_setting_get_elem(st, (unsigned)i);
		const char *s = config_setting_type(e) == CONFIG_TYPE_STRING
		                        ? config_setting_get_string(e)
		                        : NULL;
		int32_t day;
		struct error err;
		if (!s) {
			config_problem(p, line,
			               "calendar.holidays entry %d must be a date in "
			               "quotes, like \"2026-12-25\"",
			               i + 1);
			ok = false;
		} else if (date_parse(s, &day, &err) != ERROR_NONE) {
			config_problem(p, line, "calendar.holidays entry %d: %s", i + 1, err.msg);
			ok = false;
		} else {
			calendar_add(&cal, day);
		}
	}
	if (ok) {
		calendar_free(&p->c->calendar);
		p->c->calendar = cal;
	} else {
		calendar_free(&cal);
	}
}

static struct config_rule *config_rule_slot(struct config *c, const char *id)
{
	for (size_t i = 0; i < c->nrules; i++)
		if (strcmp(c->rules[i].id, id) == 0)
			return &c->rules[i];
	c->rules = mem_realloc(c->rules, (c->nrules + 1) * sizeof *c->rules);
	struct config_rule *r = &c->rules[c->nrules++];
	r->id = mem_strdup(id);
	r->enabled = true;
	r->severity = mem_strdup("");
	return r;
}

static void config_read_rules(struct config_pass *p, const config_setting_t *st)
{
	if (!config_setting_is_group(st)) {
		config_problem(p, config_setting_source_line(st),
		               "rules must be a group in braces, like rules = { meeting_jargon = { "
		               "enabled = false; }; };");
		return;
	}
	for (int i = 0; i < config_setting_length(st); i++) {
		const config_setting_t *r = config_setting_get_elem(st, (unsigned)i);
		const char *id = config_setting_name(r);
		int line = config_setting_source_line(r);
		bool known = !p->rule_ids;
		for (size_t k = 0; p->rule_ids && p->rule_ids[k]; k++)
			known |= strcmp(p->rule_ids[k], id) == 0;
		if (!known) {
			config_problem(p, line,
			               "rules.%s: there is no rule called \"%s\"; \"involve check "
			               "--explain\" lists the rules",
			               id, id);
			continue;
		}
		if (!config_setting_is_group(r)) {
			config_problem(p, line,
			               "rules.%s must be a group in braces, like { enabled "
			               "= false; severity = \"info\"; }",
			               id);
			continue;
		}
		struct config_rule *slot = config_rule_slot(p->c, id);
		for (int j = 0; j < config_setting_length(r); j++) {
			const config_setting_t *m = config_setting_get_elem(r, (unsigned)j);
			const char *name = config_setting_name(m);
			int mline = config_setting_source_line(m);
			if (strcmp(name, "enabled") == 0) {
				if (config_setting_type(m) != CONFIG_TYPE_BOOL)
					config_problem(p, mline,
					               "rules.%s.enabled must be true or "
					               "false, without quotes",
					               id);
				else
					slot->enabled = config_setting_get_bool(m);
			} else if (strcmp(name, "severity") == 0) {
				const char *s = config_setting_type(m) == CONFIG_TYPE_STRING
				                        ? config_setting_get_string(m)
				                        : NULL;
				if (!s || !config_word_allowed("error|warning|info", s))
					config_problem(p, mline,
					               "rules.%s.severity must be \"error\", "
					               "\"warning\" or \"info\"",
					               id);
				else
					mem_replace(&slot->severity, s);
			} else {
				config_problem(p, mline,
				               "rules.%s has an unknown setting \"%s\"; a rule's "
				               "settings are enabled and severity",
				               id, name);
			}
		}
	}
}

/* Does any key in the table live under the group path? */
static bool config_is_group_path(const char *path)
{
	size_t n = strlen(path);
	for (int i = 0; i < CONFIG_NKEYS; i++)
		if (strncmp(config_table[i].name, path, n) == 0 && config_table[i].name[n] == '.')
			return true;
	return false;
}

/* Walk the members of a group, matching each to the table. */
static void config_walk(struct config_pass *p, const config_setting_t *group, const char *prefix)
{
	for (int i = 0; i < config_setting_length(group); i++) {
		const config_setting_t *st = config_setting_get_elem(group, (unsigned)i);
		char *path = *prefix ? mem_printf("%s.%s", prefix, config_setting_name(st))
		                     : mem_strdup(config_setting_name(st));
		int line = config_setting_source_line(st);
		int k = config_index(path);
		if (k >= 0 && config_table[k].type == CONFIG_LIST) {
			if (strcmp(path, "stages") == 0)
				config_read_stages(p, st);
			else if (strcmp(path, "levels") == 0)
				config_read_levels(p, st);
			else if (strcmp(path, "jargon") == 0)
				config_read_jargon(p, st);
			else if (strcmp(path, "rules") == 0)
				config_read_rules(p, st);
		} else if (k >= 0 && config_table[k].type == CONFIG_DATES) {
			config_read_holidays(p, st);
		} else if (k >= 0) {
			if (config_setting_is_aggregate(st))
				config_problem(p, line,
				               "%s must be a single value, not a group or "
				               "list",
				               path);
			else
				config_set_scalar(p, k, st, path);
		} else if (config_is_group_path(path)) {
			if (config_setting_is_group(st))
				config_walk(p, st, path);
			else
				config_problem(p, line,
				               "%s must be a group in braces: %s = { ... };", path,
				               path);
		} else {
			config_problem(p, line,
			               "\"%s\" is not a setting involve knows; check the spelling "
			               "against \"involve config --init\"",
			               path);
		}
		free(path);
	}
}

/* Parse text (when path is NULL) or the file at path, then walk it. */
static void config_pass_run(struct config_pass *p, const char *path, const char *text)
{
	config_t lc;
	config_init(&lc);
	int ok;
	if (path) {
		char *copy = mem_strdup(path);
		char *slash = strrchr(copy, '/');
		if (slash) {
			*slash = '\0';
			config_set_include_dir(&lc, copy);
		}
		free(copy);
		FILE *f = fopen(path, "r");
		if (!f) {
			config_problem(p, 0, "cannot be read (%s); the built-in settings are used",
			               strerror(errno));
			config_destroy(&lc);
			return;
		}
		ok = config_read(&lc, f);
		fclose(f);
	} else {
		ok = config_read_string(&lc, text);
	}
	if (ok != CONFIG_TRUE) {
		const char *why = config_error_text(&lc);
		if (config_error_type(&lc) == CONFIG_ERR_PARSE)
			config_problem(p, config_error_line(&lc),
			               "%s; the file is not read past this point, so the built-in "
			               "settings are used. Check for a missing ; or quote",
			               why ? why : "syntax error");
		else
			config_problem(p, 0, "cannot be read (%s)", why ? why : "unknown error");
	} else {
		config_walk(p, config_root_setting(&lc), "");
	}
	config_destroy(&lc);
}

/* Scalars from the table's defaults. */
static void config_set_defaults(struct config *c)
{
	for (int i = 0; i < CONFIG_NKEYS; i++) {
		const struct config_key *k = &config_table[i];
		struct config_value *v = &c->values[i];
		switch (k->type) {
		case CONFIG_INT:
			v->i = strtoll(k->def, NULL, 10);
			break;
		case CONFIG_FLOAT:
			v->f = strtod(k->def, NULL);
			break;
		case CONFIG_BOOL:
			v->b = strcmp(k->def, "true") == 0;
			break;
		case CONFIG_WORD:
		case CONFIG_STRING:
			v->s = mem_strdup(k->def);
			break;
		case CONFIG_DATES:
		case CONFIG_LIST:
			break;
		}
	}
	for (int s = 0; s < STAGE_COUNT; s++) {
		c->stages[s] = s;
		c->stage_labels[s] = mem_strdup(vocab_stages[s].label);
	}
	c->nstages = STAGE_COUNT;
}

/* The defaults, then the user's settings from the file at path or from text (named name). */
static struct config *config_load_from(const char *path, const char *text, const char *name,
                                       const char *const *rule_ids, struct config_report *report)
{
	struct config *c = mem_calloc(1, sizeof *c);
	calendar_init(&c->calendar);
	config_set_defaults(c);
	if (report) {
		report->problems = NULL;
		report->count = 0;
	}
	struct config_pass builtin = { c, "built-in defaults", rule_ids, report };
	config_pass_run(&builtin, NULL, conf_embedded_text);
	if (path || text) {
		c->path = path ? mem_strdup(path) : NULL;
		struct config_pass user = { c, name, rule_ids, report };
		config_pass_run(&user, path, text);
	}
	return c;
}

struct config *config_load(const char *path, const char *const *rule_ids,
                           struct config_report *report)
{
	return config_load_from(path, NULL, path, rule_ids, report);
}

struct config *config_load_text(const char *text, const char *name, const char *const *rule_ids,
                                struct config_report *report)
{
	return config_load_from(NULL, text ? text : "", name, rule_ids, report);
}

void config_free(struct config *c)
{
	if (!c)
		return;
	for (int i = 0; i < CONFIG_NKEYS; i++)
		free(c->values[i].s);
	for (int s = 0; s < STAGE_COUNT; s++)
		free(c->stage_labels[s]);
	config_free_levels(c);
	config_free_jargon(c);
	for (size_t i = 0; i < c->nrules; i++) {
		free(c->rules[i].id);
		free(c->rules[i].severity);
	}
	free(c->rules);
	calendar_free(&c->calendar);
	free(c->path);
	free(c);
}

int64_t config_int(const struct config *c, const char *key)
{
	return c->values[config_require(key, CONFIG_INT)].i;
}

double config_float(const struct config *c, const char *key)
{
	return c->values[config_require(key, CONFIG_FLOAT)].f;
}

bool config_bool(const struct config *c, const char *key)
{
	return c->values[config_require(key, CONFIG_BOOL)].b;
}

const char *config_string(const struct config *c, const char *key)
{
	int i = config_index(key);
	if (i < 0 || (config_table[i].type != CONFIG_WORD && config_table[i].type != CONFIG_STRING))
		config_require(key, CONFIG_STRING);
	return c->values[i].s;
}

const struct calendar *config_calendar(const struct config *c)
{
	return &c->calendar;
}

size_t config_stage_count(const struct config *c)
{
	return c->nstages;
}

int config_stage_at(const struct config *c, size_t i)
{
	return i < c->nstages ? c->stages[i] : -1;
}

const char *config_stage_label(const struct config *c, int stage)
{
	return stage >= 0 && stage < STAGE_COUNT ? c->stage_labels[stage] : "";
}

size_t config_level_count(const struct config *c)
{
	return c->nlevels;
}

const char *config_level_key(const struct config *c, size_t i)
{
	return i < c->nlevels ? c->levels[i].key : "";
}

const char *config_level_label(const struct config *c, size_t i)
{
	return i < c->nlevels ? c->levels[i].label : "";
}

const char *config_level_help(const struct config *c, size_t i)
{
	return i < c->nlevels ? c->levels[i].help : "";
}

int config_level_find(const struct config *c, const char *text)
{
	for (size_t i = 0; text && i < c->nlevels; i++)
		if (strcasecmp(c->levels[i].key, text) == 0 ||
		    strcasecmp(c->levels[i].label, text) == 0)
			return (int)i;
	return -1;
}

size_t config_jargon_count(const struct config *c)
{
	return c->njargon;
}

const char *config_jargon_term(const struct config *c, size_t i)
{
	return i < c->njargon ? c->jargon[i].term : "";
}

const char *config_jargon_plain(const struct config *c, size_t i)
{
	return i < c->njargon ? c->jargon[i].plain : "";
}

bool config_rule_enabled(const struct config *c, const char *rule_id)
{
	for (size_t i = 0; i < c->nrules; i++)
		if (strcmp(c->rules[i].id, rule_id) == 0)
			return c->rules[i].enabled;
	return true;
}

const char *config_rule_severity(const struct config *c, const char *rule_id)
{
	for (size_t i = 0; i < c->nrules; i++)
		if (strcmp(c->rules[i].id, rule_id) == 0)
			return c->rules[i].severity;
	return "";
}

enum error_code config_write_default(const char *path, struct error *err)
{
	if (access(path, F_OK) == 0)
		return error_set(err, ERROR_DUPLICATE,
		                 "%s already exists, so it was left as it is; edit it, or remove "
		                 "it first to start again from the defaults",
		                 path);
	enum error_code code = paths_make_parent(path, err);
	if (code != ERROR_NONE)
		return code;
	char *tmp = mem_printf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		code = error_set(err, ERROR_IO, "%s cannot be written: %s", path, strerror(errno));
		free(tmp);
		return code;
	}
	size_t n = strlen(conf_embedded_text);
	ssize_t w = write(fd, conf_embedded_text, n);
	bool ok = w == (ssize_t)n && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	/* link() refuses to replace a file that appeared meanwhile: never overwrite. */
	if (ok && link(tmp, path) != 0) {
		code = errno == EEXIST ? error_set(err, ERROR_DUPLICATE,
		                                   "%s already exists, so it was left as "
		                                   "it is",
		                                   path)
		                       : error_set(err, ERROR_IO, "%s cannot be written: %s", path,
		                                   strerror(errno));
	} else if (!ok) {
		code = error_set(err, ERROR_IO, "%s cannot be written: %s", path, strerror(errno));
	}
	unlink(tmp);
	free(tmp);
	return code;
}
