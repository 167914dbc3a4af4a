/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Fuzz the settings loader through config_load_text, the same code that reads
 * a file: any text gives a usable configuration and a list of problems, each
 * one clean line, and nothing leaks.
 */
#include <string.h>

#include "config.h"
#include "fuzz.h"
#include "mem.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = mem_strndup((const char *)data, size);
	/* @include reads other files (even /dev/zero): libconfig's, not ours to fuzz. */
	if (strstr(text, "@include")) {
		free(text);
		return 0;
	}
	static const char *const rules[] = { "feedback_overdue", "meeting_jargon", NULL };
	struct config_report report;
	struct config *c = config_load_text(text, "fuzz.conf", rules, &report);
	FUZZ_CHECK(c != NULL);
	for (size_t i = 0; i < report.count; i++)
		FUZZ_CHECK(text_is_clean(report.problems[i], 0));
	/* Every getter still answers, within its declared range. */
	size_t nkeys;
	const struct config_key *keys = config_keys(&nkeys);
	for (size_t i = 0; i < nkeys; i++) {
		if (keys[i].type == CONFIG_INT) {
			int64_t v = config_int(c, keys[i].name);
			FUZZ_CHECK(v >= (int64_t)keys[i].min && v <= (int64_t)keys[i].max);
		} else if (keys[i].type == CONFIG_FLOAT) {
			double v = config_float(c, keys[i].name);
			FUZZ_CHECK(v >= keys[i].min && v <= keys[i].max);
		} else if (keys[i].type == CONFIG_WORD || keys[i].type == CONFIG_STRING) {
			FUZZ_CHECK(config_string(c, keys[i].name) != NULL);
		} else if (keys[i].type == CONFIG_BOOL) {
			(void)config_bool(c, keys[i].name);
		}
	}
	FUZZ_CHECK(config_stage_count(c) >= 1);
	for (size_t i = 0; i < config_stage_count(c); i++)
		FUZZ_CHECK(config_stage_label(c, config_stage_at(c, i))[0] != '\0');
	for (size_t i = 0; i < config_level_count(c); i++)
		FUZZ_CHECK(config_level_find(c, config_level_key(c, i)) >= 0);
	for (size_t i = 0; i < config_jargon_count(c); i++)
		(void)config_jargon_plain(c, i);
	(void)config_rule_enabled(c, "feedback_overdue");
	(void)config_rule_severity(c, "meeting_jargon");
	const struct calendar *cal = config_calendar(c);
	for (size_t i = 1; i < cal->count; i++)
		FUZZ_CHECK(cal->holidays[i - 1] < cal->holidays[i]);
	config_report_free(&report);
	config_free(c);
	free(text);
	return 0;
}
