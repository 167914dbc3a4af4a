/* SPDX-License-Identifier: GPL-3.0-or-later */
/* findings: every finding, the first few hundred in order, filtered by severity and by rule. */
#include "findings.h"

#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "date.h"
#include "finding.h"
#include "mem.h"
#include "rules.h"

/* The screen's own state: the filters and the findings kept. */
struct findings_state {
	int severity;            /* -1: every severity; else only this enum rule_severity */
	const struct rule *rule; /* NULL: every rule; else only this one */
	bool have;               /* the findings below are for these filters */
	int64_t writes;          /* agenda_writes when they were found */
	struct rules_list top;   /* the first FINDINGS_SHOWN, sorted */
	size_t total;            /* findings for these filters, shown or not */
	size_t counts[RULE_SEVERITY_COUNT];
};

/* Keep only the first keep findings of l in order. */
static void findings_trim(struct rules_list *l, size_t keep)
{
	rules_list_sort(l);
	if (l->count <= keep)
		return;
	struct rules_list kept;
	rules_list_init(&kept);
	for (size_t i = 0; i < keep; i++)
		rules_list_add(rules_list_at(l, i), &kept);
	rules_list_free(l);
	*l = kept;
}

/* A rules_finding_fn: count every finding, keep it while it may be among the first. */
static bool findings_add(const struct finding *f, void *ctx)
{
	struct findings_state *st = ctx;
	if (st->severity >= 0 && (int)f->severity != st->severity)
		return true;
	st->total++;
	st->counts[f->severity]++;
	rules_list_add(f, &st->top);
	if (st->top.count >= 2 * FINDINGS_SHOWN)
		findings_trim(&st->top, FINDINGS_SHOWN);
	return true;
}

/* Run the rules for the filters, keeping the first findings; a failure goes on the message line. */
static void findings_find(struct screen_ctx *c, struct view *v, struct findings_state *st)
{
	rules_list_free(&st->top);
	rules_list_init(&st->top);
	st->total = 0;
	memset(st->counts, 0, sizeof st->counts);
	struct rules_options opt = rules_options_default(date_today());
	/* Only the rules that can give what is asked for: the rule, or those of the severity. */
	size_t n;
	const struct rule *table = rules_table(&n);
	for (size_t i = 0; i < n; i++)
		if ((!st->rule || st->rule == &table[i]) &&
		    (st->severity < 0 || (int)rules_severity(c->config, &table[i]) == st->severity))
			opt.only |= UINT64_C(1) << i;
	struct error err;
	if (opt.only && rules_run(c->store, c->config, &opt, findings_add, st, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s", err.msg);
	findings_trim(&st->top, FINDINGS_SHOWN);
	st->have = true;
	st->writes = agenda_writes(c->store);
}

/* A row id that stays with a finding when the list is found again: a hash of rule and words. */
static int64_t findings_row_id(const struct finding *f)
{
	uint64_t h = 1469598103934665603u;
	for (const char *p = f->rule->id; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	for (const char *p = f->message; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	return (int64_t)(h >> 1) | 1;
}

/* "errors", "1 warning", "findings for information": the noun for n findings of a severity. */
static const char *findings_noun(int severity, size_t n)
{
	static const char *const words[2][RULE_SEVERITY_COUNT + 1] = {
		{ "error", "warning", "finding for information", "finding" },
		{ "errors", "warnings", "findings for information", "findings" },
	};
	return words[n != 1][severity >= 0 && severity < RULE_SEVERITY_COUNT ? severity
	                                                                     : RULE_SEVERITY_COUNT];
}

/* The one severity of what is shown (the filter's, or the one rule's), or -1 when mixed. */
static int findings_severity(const struct config *config, const struct findings_state *st)
{
	if (st->severity >= 0)
		return st->severity;
	return st->rule ? (int)rules_severity(config, st->rule) : -1;
}

/* The one sentence at the top: how many, of what, in what order, and how many are not shown. */
static void findings_summary(struct view *v, const struct config *config,
                             const struct findings_state *st)
{
	int sev = findings_severity(config, st);
	char *what = st->rule ? mem_printf(" of the rule %s", st->rule->title) : mem_strdup("");
	char *shown = st->total > FINDINGS_SHOWN
	                      ? mem_printf("; the first %d are shown, and choosing a severity or a "
	                                   "rule shows others",
	                                   FINDINGS_SHOWN)
	                      : mem_strdup("");
	if (!st->total)
		view_summary(v, "No %s%s: nothing is owed or missing%s.", findings_noun(sev, 0),
		             what, st->severity >= 0 || st->rule ? " for these choices" : "");
	else if (sev >= 0)
		view_summary(v, "%zu %s%s, the most overdue first%s.", st->total,
		             findings_noun(sev, st->total), what, shown);
	else
		view_summary(v,
		             "%zu %s: %zu %s, %zu %s and %zu for information, the most serious and "
		             "most overdue first%s.",
		             st->total, findings_noun(-1, st->total), st->counts[RULE_ERROR],
		             findings_noun(RULE_ERROR, st->counts[RULE_ERROR]),
		             st->counts[RULE_WARNING],
		             findings_noun(RULE_WARNING, st->counts[RULE_WARNING]),
		             st->counts[RULE_INFO], shown);
	free(what);
	free(shown);
}

static void findings_build(struct screen_ctx *c, struct view *v)
{
	view_title(v, "Findings");
	if (!c->config) {
		view_summary(v, "involve's settings are not loaded, so nothing can be checked.");
		return;
	}
	struct findings_state *st = c->state;
	if (!st) {
		st = c->state = mem_calloc(1, sizeof *st);
		st->severity = -1;
		st->rule = finding_rule_of(c->id);
		rules_list_init(&st->top);
	}
	if (!st->have || st->writes != agenda_writes(c->store))
		findings_find(c, v, st);
	findings_summary(v, c->config, st);
	struct view_section *sec = view_add_list(v, NULL, "There are no findings to show.");
	for (size_t i = 0; i < st->top.count; i++) {
		const struct finding *f = rules_list_at(&st->top, i);
		struct view_row *r = view_list_add(sec);
		r->id = findings_row_id(f);
		view_row_status(r, rules_severity_name(f->severity),
		                f->severity == RULE_ERROR     ? VIEW_TONE_ALERT
		                : f->severity == RULE_WARNING ? VIEW_TONE_WARN
		                                              : VIEW_TONE_PLAIN);
		view_row_label(r, "%s", f->message);
	}
	if (st->total > st->top.count) {
		struct view_row *r = view_list_add(sec);
		view_row_label(r, "%zu more findings are not shown", st->total - st->top.count);
		view_row_value(r, "choose a severity or a rule to see them");
	}
	view_add_action(v, 'e', "explain", "explain the rule",
	                "Explain the rule of the selected finding: what it looks for, why it "
	                "matters and the settings it reads. Enter does the same.");
	view_add_action(v, 'g', "go", "go to what it concerns",
	                "Go to the record the selected finding is about: its meeting, else its "
	                "person, else its project.");
	view_add_action(v, 's', "severity", "choose a severity",
	                "Show only errors, then only warnings, then only findings for "
	                "information, then every finding again.");
	view_add_action(v, 'r', "rule", "only this rule",
	                "Show only the findings of the selected finding's rule; again, show every "
	                "rule. In text mode, rule and a row number picks that row's rule.");
}

/* The finding of the selected row, or NULL (the "more" row, or no row). */
static const struct finding *findings_selected(const struct findings_state *st,
                                               const struct view *v)
{
	if (v->focus >= v->nsections || v->sections[v->focus].kind != VIEW_LIST)
		return NULL;
	size_t i = view_section_cursor(&v->sections[v->focus]);
	return view_selected_row(v) && i < st->top.count ? rules_list_at(&st->top, i) : NULL;
}

/* "145 errors", "1 warning", "6806 findings": how many the filters found. Caller frees. */
static char *findings_count(const struct config *config, const struct findings_state *st)
{
	return mem_printf("%zu %s", st->total,
	                  findings_noun(findings_severity(config, st), st->total));
}

/* Step the severity filter on (every, error, warning, info, every), find again and say so. */
static void findings_next_severity(struct screen_ctx *c, struct view *v, struct findings_state *st)
{
	st->severity = st->severity + 1 >= RULE_SEVERITY_COUNT ? -1 : st->severity + 1;
	findings_find(c, v, st);
	char *n = findings_count(c->config, st);
	if (st->severity < 0)
		view_message(v, VIEW_TONE_PLAIN, "Showing every severity: %s.", n);
	else
		view_message(v, VIEW_TONE_PLAIN, "Showing only %s: %s; severity again shows %s.",
		             findings_noun(st->severity, 2), n,
		             st->severity + 1 < RULE_SEVERITY_COUNT
		                     ? findings_noun(st->severity + 1, 2)
		                     : "every severity");
	free(n);
}

/* Show only rule r's findings (NULL: every rule's), find again and say so. */
static void findings_pick_rule(struct screen_ctx *c, struct view *v, struct findings_state *st,
                               const struct rule *r)
{
	st->rule = r;
	findings_find(c, v, st);
	char *n = findings_count(c->config, st);
	if (r)
		view_message(v, VIEW_TONE_PLAIN,
		             "Showing only %s: %s; rule again shows every rule.", r->title, n);
	else
		view_message(v, VIEW_TONE_PLAIN, "Showing every rule: %s.", n);
	free(n);
}

static enum screen_result findings_handle(struct screen_ctx *c, struct view *v,
                                          const struct command *cmd)
{
	struct findings_state *st = c->state;
	if (!st)
		return SCREEN_UNHANDLED;
	const struct finding *f = findings_selected(st, v);
	if (cmd->kind == COMMAND_ACTION && cmd->key == 's') {
		findings_next_severity(c, v, st);
		return SCREEN_CHANGED;
	}
	if (cmd->kind == COMMAND_ACTION && cmd->key == 'r') {
		if (!f && !st->rule) {
			view_message(v, VIEW_TONE_WARN,
			             "Choose a finding first: rule shows only the findings of its "
			             "rule.");
			return SCREEN_HANDLED;
		}
		findings_pick_rule(c, v, st,
		                   st->rule && !(cmd->item && f && f->rule != st->rule) ? NULL
		                                                                        : f->rule);
		return SCREEN_CHANGED;
	}
	if (cmd->kind != COMMAND_OPEN && cmd->kind != COMMAND_ACTION)
		return SCREEN_UNHANDLED;
	if (!f) {
		view_message(v, VIEW_TONE_WARN,
		             "Choose a finding first; severity or rule shows the ones not listed.");
		return SCREEN_HANDLED;
	}
	if (cmd->kind == COMMAND_ACTION && cmd->key == 'g')
		finding_go(c, v, f);
	else
		finding_open(c, f);
	return SCREEN_HANDLED;
}

/* Free the findings kept. */
static void findings_leave(struct screen_ctx *c)
{
	struct findings_state *st = c->state;
	if (st)
		rules_list_free(&st->top);
	free(st);
	c->state = NULL;
}

const struct screen findings_screen = {
	.name = "findings",
	.title = "Findings",
	.help = "Findings lists what the rules found: what is owed or missing, the most serious "
	        "and most overdue first, each with its severity word: error, warning or info. "
	        "Open one to read its rule's explanation and go to what it concerns. Severity "
	        "shows only errors, warnings or information in turn; rule shows only the "
	        "selected finding's rule. Only the first 500 are listed; the summary says how "
	        "many there are.",
	.build = findings_build,
	.handle = findings_handle,
	.leave = findings_leave,
};
