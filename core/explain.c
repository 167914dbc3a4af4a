/* SPDX-License-Identifier: GPL-3.0-or-later */
/* explain: what a rule looks for, why it matters, and the settings it reads, in sentences. */
#include "explain.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "mem.h"
#include "rules.h"
#include "text.h"

/* "s" for a count other than one. */
static const char *explain_plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* The words of a setting's current value: 20, true, "text", 3 dates from ... Caller frees. */
static char *explain_value(const struct config *conf, const struct config_key *k)
{
	switch (k->type) {
	case CONFIG_INT:
		return mem_printf("%" PRId64, config_int(conf, k->name));
	case CONFIG_FLOAT:
		return mem_printf("%g", config_float(conf, k->name));
	case CONFIG_BOOL:
		return mem_strdup(config_bool(conf, k->name) ? "true" : "false");
	case CONFIG_WORD:
	case CONFIG_STRING:
		return mem_printf("\"%s\"", config_string(conf, k->name));
	case CONFIG_DATES: {
		const struct calendar *cal = config_calendar(conf);
		if (!cal->count)
			return mem_strdup("no dates");
		char first[DATE_TEXT_SIZE], last[DATE_TEXT_SIZE];
		date_format(cal->holidays[0], first);
		date_format(cal->holidays[cal->count - 1], last);
		return mem_printf("%zu date%s, from %s to %s", cal->count,
		                  explain_plural(cal->count), first, last);
	}
	case CONFIG_LIST: {
		size_t n = config_jargon_count(conf);
		char *out = mem_printf("%zu term%s", n, explain_plural(n));
		for (size_t i = 0; i < n; i++) {
			char *next = mem_printf("%s%s%s", out, i ? ", " : ": ",
			                        config_jargon_term(conf, i));
			free(out);
			out = next;
		}
		return out;
	}
	}
	return mem_strdup("");
}

/* Append a cleaned copy of text (which is freed) to e's settings. */
static void explain_add(struct explain *e, char *text)
{
	e->settings = mem_realloc(e->settings, (e->nsettings + 1) * sizeof *e->settings);
	e->settings[e->nsettings++] = text_clean(text, 0);
	free(text);
}

void explain_rule(const struct config *conf, const struct rule *r, struct explain *e)
{
	memset(e, 0, sizeof *e);
	enum rule_severity sev = rules_severity(conf, r);
	bool on = config_rule_enabled(conf, r->id);
	e->title = mem_printf("%s: %s.", r->id, r->title);
	e->severity = mem_printf("Severity: %s%s. It is switched %s.", rules_severity_name(sev),
	                         sev == r->severity ? " (the default)" : "", on ? "on" : "off");
	e->help = r->help;
	size_t nkeys;
	const struct config_key *keys = config_keys(&nkeys);
	for (size_t i = 0; r->keys[i]; i++)
		for (size_t k = 0; k < nkeys; k++)
			if (strcmp(keys[k].name, r->keys[i]) == 0) {
				char *value = explain_value(conf, &keys[k]);
				explain_add(e, mem_printf("%s = %s. %s", keys[k].name, value,
				                          keys[k].help));
				free(value);
			}
	explain_add(e, mem_printf("rules.%s.enabled = %s.", r->id, on ? "true" : "false"));
	const char *set = config_rule_severity(conf, r->id);
	if (*set)
		explain_add(e, mem_printf("rules.%s.severity = \"%s\".", r->id, set));
	else
		explain_add(e, mem_printf("rules.%s.severity is not set, so it is %s.", r->id,
		                          rules_severity_name(r->severity)));
	char *change = mem_printf("Change them in the settings file%s%s.",
	                          config_path(conf) ? ", "
	                                            : " (\"involve config --init\" writes "
	                                              "one to edit)",
	                          config_path(conf) ? config_path(conf) : "");
	e->change = text_clean(change, 0);
	free(change);
}

void explain_free(struct explain *e)
{
	free(e->title);
	free(e->severity);
	for (size_t i = 0; i < e->nsettings; i++)
		free(e->settings[i]);
	free(e->settings);
	free(e->change);
	memset(e, 0, sizeof *e);
}
