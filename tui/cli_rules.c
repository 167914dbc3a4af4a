/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_rules: "involve due" and "involve check", in text, tsv or json. */
#include "cli_rules.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "date.h"
#include "explain.h"
#include "json.h"
#include "mem.h"
#include "rules.h"
#include "store.h"
#include "text.h"

enum cli_rules_format { CLI_RULES_TEXT, CLI_RULES_TSV, CLI_RULES_JSON };

/*
 * When argv[*i] is --name VALUE or --name=VALUE, set *value (NULL when the
 * value is missing), step *i past it and return true.
 */
static bool cli_rules_option(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	const char *arg = argv[*i];
	if (strncmp(arg, name, n) != 0 || (arg[n] != '\0' && arg[n] != '='))
		return false;
	if (arg[n] == '=')
		*value = arg + n + 1;
	else
		*value = *i + 1 < argc ? argv[++*i] : NULL;
	return true;
}

/* A usage sentence for an option given without its value. */
static int cli_rules_missing(struct cli *c, const char *option, const char *what)
{
	return cli_usage(c, "%s needs %s after it", option, what);
}

/* The value of --format into *out: 0, or the status of a usage sentence. */
static int cli_rules_format(struct cli *c, const char *text, enum cli_rules_format *out)
{
	static const char *const names[] = { "text", "tsv", "json" };
	if (!text)
		return cli_rules_missing(c, "--format", "text, tsv or json");
	for (int i = 0; i < 3; i++)
		if (strcmp(text, names[i]) == 0) {
			*out = (enum cli_rules_format)i;
			return CLI_EXIT_OK;
		}
	return cli_usage(c, "--format takes text, tsv or json, not \"%.40s\"", text);
}

/* A usage sentence for an argument the command does not take (cli_usage cleans it). */
static int cli_rules_unknown(struct cli *c, const char *command, const char *arg)
{
	return cli_usage(c, "%s does not take \"%.40s\"", command, arg);
}

/* A usage sentence for a rule id that is not in the table. */
static int cli_rules_no_such_rule(struct cli *c, const char *id)
{
	return cli_usage(c,
	                 "there is no rule called \"%.60s\"; \"involve check --explain\" lists "
	                 "the rules",
	                 id);
}

/* Append a date to b as a JSON string, or null. */
static void cli_rules_json_date(struct buf *b, int32_t day)
{
	char text[DATE_TEXT_SIZE];
	date_format(day, text);
	json_quote(b, day == DATE_NONE ? NULL : text);
}

/*
 * The findings as one JSON object, DESIGN §6, written a finding at a time
 * (one per line) so a long list is never held twice; strings are escaped by
 * json_quote.
 */
static void cli_rules_json(FILE *out, int32_t today, const struct rules_list *l)
{
	struct buf b = { 0 };
	buf_add(&b, "{\"today\": ");
	cli_rules_json_date(&b, today);
	buf_add(&b, ", \"findings\": [");
	for (size_t i = 0; i < l->count; i++) {
		struct finding f;
		rules_list_get(l, i, &f);
		buf_add(&b, i ? ",\n  {\"rule\": " : "\n  {\"rule\": ");
		json_quote(&b, f.rule->id);
		buf_add(&b, ", \"severity\": ");
		json_quote(&b, rules_severity_name(f.severity));
		buf_add(&b, ", \"project\": ");
		json_quote(&b, f.project);
		buf_add(&b, ", \"stage\": ");
		json_quote(&b, f.stage_label);
		buf_add(&b, ", \"meeting\": ");
		json_quote(&b, f.meeting);
		buf_add(&b, ", \"held_on\": ");
		cli_rules_json_date(&b, f.held_on);
		buf_add(&b, ", \"person\": ");
		json_quote(&b, f.person);
		buf_add(&b, ", \"due\": ");
		cli_rules_json_date(&b, f.due);
		if (f.due == DATE_NONE)
			buf_add(&b, ", \"days\": null");
		else
			buf_printf(&b, ", \"days\": %d", f.days);
		buf_add(&b, ", \"message\": ");
		json_quote(&b, f.message);
		buf_addc(&b, '}');
		fwrite(b.data, 1, b.len, out);
		buf_free(&b);
	}
	buf_add(&b, l->count ? "\n]}\n" : "]}\n");
	fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

/* The findings as tab-separated values with a header row; strings are clean, so hold no tabs. */
static void cli_rules_tsv(FILE *out, const struct rules_list *l)
{
	fputs("rule\tseverity\tproject\tstage\tmeeting\theld_on\tperson\tdue\tdays\tmessage\n",
	      out);
	for (size_t i = 0; i < l->count; i++) {
		struct finding it;
		rules_list_get(l, i, &it);
		const struct finding *f = &it;
		char held[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];
		date_format(f->held_on, held);
		date_format(f->due, due);
		fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t", f->rule->id,
		        rules_severity_name(f->severity), f->project ? f->project : "",
		        f->stage_label ? f->stage_label : "", f->meeting ? f->meeting : "", held,
		        f->person ? f->person : "", due);
		if (f->due != DATE_NONE)
			fprintf(out, "%d", f->days);
		fprintf(out, "\t%s\n", f->message);
	}
}

/* Run the rules in opt into a list; prints the sentence and returns 3 on failure. */
static int cli_rules_collect(struct cli *c, const struct rules_options *opt, struct rules_list *l)
{
	struct store *s;
	int status = cli_open(c, 0, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct error err;
	rules_list_init(l);
	enum error_code code = rules_run(s, c->config, opt, rules_list_add, l, &err);
	store_close(s);
	return code == ERROR_NONE ? CLI_EXIT_OK : cli_fail(c, &err);
}

/*
 * After writing everything: a failed write (a full disk) is a data error; a
 * reader that stopped early (involve check | head) is not worth a word.
 */
static int cli_rules_flushed(struct cli *c, int status)
{
	if (fflush(c->out) != 0 || ferror(c->out)) {
		if (errno == EPIPE)
			return status;
		fprintf(c->err, "involve: the report could not be written in full: %s.\n",
		        strerror(errno));
		return CLI_EXIT_DATA;
	}
	return status;
}

/* "3 days", "1 day". */
static const char *cli_rules_plural(long n)
{
	return n == 1 ? "" : "s";
}

/* "OVERDUE by 24 days", "DUE TODAY", "DUE in 3 days": the urgency of a finding, first. */
static char *cli_rules_urgency(const struct finding *f)
{
	if (f->days < 0)
		return mem_printf("OVERDUE by %d day%s", -f->days, cli_rules_plural(-f->days));
	if (f->days == 0)
		return mem_strdup("DUE TODAY");
	return mem_printf("DUE in %d day%s", f->days, cli_rules_plural(f->days));
}

/* Counts for the opening sentence of "involve due". */
struct cli_rules_due_counts {
	size_t people, meetings, payments, actions;
};

static int cli_rules_cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* True when findings i and j are feedback on the same meeting by the same rule. */
static bool cli_rules_same_meeting(const struct rules_list *l, size_t i, size_t j)
{
	struct finding a, b;
	rules_list_get(l, i, &a);
	rules_list_get(l, j, &b);
	return a.rule == b.rule && a.meeting_id == b.meeting_id;
}

/* How many different people are owed feedback, at how many meetings; payments; commitments. */
static struct cli_rules_due_counts cli_rules_due_count(const struct rules_list *l,
                                                       const struct rule *payment,
                                                       const struct rule *action)
{
	struct cli_rules_due_counts n = { 0 };
	int64_t *people = mem_calloc(l->count + 1, sizeof *people);
	size_t owed = 0;
	for (size_t i = 0; i < l->count; i++) {
		struct finding f;
		rules_list_get(l, i, &f);
		if (f.rule == payment) {
			n.payments++;
		} else if (f.rule == action) {
			n.actions++;
		} else {
			people[owed++] = f.person_id;
			n.meetings += i == 0 || !cli_rules_same_meeting(l, i - 1, i);
		}
	}
	mem_sort(people, owed, sizeof *people, cli_rules_cmp_id);
	for (size_t i = 0; i < owed; i++)
		n.people += i == 0 || people[i] != people[i - 1];
	free(people);
	return n;
}

/* The morning check as sentences: feedback per meeting, then payments, then commitments. */
static void cli_rules_due_text(struct cli *c, int32_t today, int within, const struct rules_list *l)
{
	const struct rule *payment = rules_find("payment_overdue");
	const struct rule *action = rules_find("action_overdue");
	struct cli_rules_due_counts n = cli_rules_due_count(l, payment, action);
	char day[DATE_TEXT_SIZE];
	date_format(today, day);
	FILE *out = c->out;
	if (!l->count) {
		fprintf(out,
		        "Nothing is due: no feedback is overdue or due in the next %d day%s, and "
		        "no "
		        "payment or commitment is overdue. Today is %s.\n",
		        within, cli_rules_plural(within), day);
		return;
	}
	fprintf(out,
	        "Due: feedback for %zu %s from %zu meeting%s; %zu payment%s and %zu commitment%s "
	        "overdue. Today is %s.\n",
	        n.people, n.people == 1 ? "person" : "people", n.meetings,
	        cli_rules_plural((long)n.meetings), n.payments, cli_rules_plural((long)n.payments),
	        n.actions, cli_rules_plural((long)n.actions), day);
	const struct rule *section = NULL;
	for (size_t i = 0; i < l->count; i++) {
		struct finding it;
		rules_list_get(l, i, &it);
		const struct finding *f = &it;
		bool money = f->rule == payment, promise = f->rule == action;
		const struct rule *kind = money ? payment : promise ? action : NULL;
		if (i == 0 || kind != section) {
			fprintf(out, "\n%s\n",
			        money     ? "Payments overdue, oldest first:"
			        : promise ? "Commitments overdue, oldest first:"
			                  : "Feedback to give, most overdue first:");
			section = kind;
		}
		if (money || promise) {
			fprintf(out, "OVERDUE: %s\n", f->message);
			continue;
		}
		if (i == 0 || !cli_rules_same_meeting(l, i - 1, i)) {
			size_t people = 1;
			while (i + people < l->count && cli_rules_same_meeting(l, i, i + people))
				people++;
			char *urgency = cli_rules_urgency(f);
			char held[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];
			date_format(f->held_on, held);
			date_format(f->due, due);
			fprintf(out, "%s: tell %zu %s what came of %s (%s), held %s, due %s.\n",
			        urgency, people, people == 1 ? "person" : "people", f->meeting,
			        f->project, held, due);
			free(urgency);
		}
		fprintf(out, "  %s, in %s.\n", f->person, f->format ? f->format : "standard print");
	}
}

int cli_rules_due(struct cli *c, int argc, char **argv)
{
	enum cli_rules_format format = CLI_RULES_TEXT;
	long within = config_int(c->config, "feedback.warn_days");
	int status = CLI_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		const char *v;
		if (cli_rules_option(argc, argv, &i, "--within", &v)) {
			struct error err;
			if (!v)
				return cli_rules_missing(c, "--within", "a number of days");
			if (cli_parse_int("--within", v, 0, 3650, "days", &within, &err) !=
			    ERROR_NONE)
				return cli_usage(c, "%s", err.msg);
		} else if (cli_rules_option(argc, argv, &i, "--format", &v)) {
			if ((status = cli_rules_format(c, v, &format)) != CLI_EXIT_OK)
				return status;
		} else {
			return cli_rules_unknown(c, "due", argv[i]);
		}
	}
	static const char *const due_rules[] = { "feedback_overdue", "feedback_due_soon",
		                                 "payment_overdue", "action_overdue" };
	struct rules_options opt = rules_options_default(date_today());
	for (size_t i = 0; i < sizeof due_rules / sizeof *due_rules; i++)
		opt.only |= UINT64_C(1) << rules_index(rules_find(due_rules[i]));
	opt.feedback_within = (int)within;
	struct rules_list l;
	status = cli_rules_collect(c, &opt, &l);
	if (status != CLI_EXIT_OK)
		return status;
	if (format == CLI_RULES_JSON)
		cli_rules_json(c->out, opt.today, &l);
	else if (format == CLI_RULES_TSV)
		cli_rules_tsv(c->out, &l);
	else
		cli_rules_due_text(c, opt.today, (int)within, &l);
	rules_list_free(&l);
	return cli_rules_flushed(c, CLI_EXIT_OK);
}

/* --explain ID: what the rule looks for, why it matters, and the settings it reads now. */
static void cli_rules_explain(struct cli *c, const struct rule *r)
{
	struct explain e;
	explain_rule(c->config, r, &e);
	fprintf(c->out, "%s\n%s\n%s\nSettings it reads, with their values now:\n", e.title,
	        e.severity, e.help);
	for (size_t i = 0; i < e.nsettings; i++)
		fprintf(c->out, "  %s\n", e.settings[i]);
	fprintf(c->out, "%s\n", e.change);
	explain_free(&e);
}

/* --explain with no id: every rule in one line each. */
static void cli_rules_list_rules(struct cli *c)
{
	size_t n;
	const struct rule *table = rules_table(&n);
	fprintf(c->out, "involve has %zu rules; \"involve check --explain ID\" explains one.\n", n);
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "  %s (%s): %s.\n", table[i].id,
		        rules_severity_name(rules_severity(c->config, &table[i])), table[i].title);
}

/* "involve check" as sentences: one line per finding, most serious and most overdue first. */
static void cli_rules_check_text(struct cli *c, int32_t today, bool filtered,
                                 const struct rules_list *l)
{
	static const char *const words[RULE_SEVERITY_COUNT] = { "ERROR", "WARNING", "INFO" };
	char day[DATE_TEXT_SIZE];
	date_format(today, day);
	if (!l->count) {
		fprintf(c->out, "No findings%s. Today is %s.\n",
		        filtered ? " for the rules and severity asked for"
		                 : ": nothing is owed or "
		                   "missing",
		        day);
		return;
	}
	fprintf(c->out,
	        "%zu finding%s: %zu error%s, %zu warning%s and %zu for information. Today is %s.\n",
	        l->count, cli_rules_plural((long)l->count), l->counts[RULE_ERROR],
	        cli_rules_plural((long)l->counts[RULE_ERROR]), l->counts[RULE_WARNING],
	        cli_rules_plural((long)l->counts[RULE_WARNING]), l->counts[RULE_INFO], day);
	for (size_t i = 0; i < l->count; i++) {
		struct finding f;
		rules_list_get(l, i, &f);
		fprintf(c->out, "%s: %s [%s]\n", words[f.severity], f.message, f.rule->id);
	}
}

int cli_rules_check(struct cli *c, int argc, char **argv)
{
	enum cli_rules_format format = CLI_RULES_TEXT;
	struct rules_options opt = rules_options_default(date_today());
	int status = CLI_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		const char *v;
		if (strcmp(argv[i], "--explain") == 0 || strncmp(argv[i], "--explain=", 10) == 0) {
			const char *id = argv[i][9] == '=' ? argv[i] + 10
			                 : i + 1 < argc    ? argv[i + 1]
			                                   : NULL;
			if (!id) {
				cli_rules_list_rules(c);
				return cli_rules_flushed(c, CLI_EXIT_OK);
			}
			const struct rule *r = rules_find(id);
			if (!r)
				return cli_rules_no_such_rule(c, id);
			cli_rules_explain(c, r);
			return cli_rules_flushed(c, CLI_EXIT_OK);
		} else if (cli_rules_option(argc, argv, &i, "--rule", &v)) {
			if (!v)
				return cli_rules_missing(c, "--rule", "a rule id");
			const struct rule *r = rules_find(v);
			if (!r)
				return cli_rules_no_such_rule(c, v);
			opt.only |= UINT64_C(1) << rules_index(r);
			if (!config_rule_enabled(c->config, r->id))
				fprintf(c->err,
				        "involve: note: %s is switched off in the settings "
				        "(rules.%s.enabled = false), so it is not checked.\n",
				        r->id, r->id);
		} else if (cli_rules_option(argc, argv, &i, "--severity", &v)) {
			if (!v)
				return cli_rules_missing(c, "--severity", "error, warning or info");
			int sev = rules_severity_find(v);
			if (sev < 0)
				return cli_usage(
				        c, "--severity takes error, warning or info, not \"%.40s\"",
				        v);
			opt.lowest = (enum rule_severity)sev;
		} else if (cli_rules_option(argc, argv, &i, "--format", &v)) {
			if ((status = cli_rules_format(c, v, &format)) != CLI_EXIT_OK)
				return status;
		} else {
			return cli_rules_unknown(c, "check", argv[i]);
		}
	}
	struct rules_list l;
	status = cli_rules_collect(c, &opt, &l);
	if (status != CLI_EXIT_OK)
		return status;
	rules_list_sort(&l);
	if (format == CLI_RULES_JSON)
		cli_rules_json(c->out, opt.today, &l);
	else if (format == CLI_RULES_TSV)
		cli_rules_tsv(c->out, &l);
	else
		cli_rules_check_text(c, opt.today, opt.only || opt.lowest != RULE_INFO, &l);
	status = l.counts[RULE_ERROR] ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
	rules_list_free(&l);
	return cli_rules_flushed(c, status);
}
