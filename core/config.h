/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config: the settings involve runs with.
 *
 * Every key is declared once, in the table in config.c (name, type, default,
 * allowed range or words, help). The commented default file conf/involve.conf
 * is embedded in the program, so involve runs with no file at all; a user's
 * file overrides the keys it sets. Problems are never fatal one at a time:
 * every syntax error, wrong type, out-of-range value and unknown key is
 * collected as "FILE:LINE: what is wrong and what is allowed", the default is
 * kept for that key, and the caller decides whether to stop (involve config
 * --check and the commands stop with exit 3; see DESIGN §6).
 *
 * A struct config is immutable once loaded; getters never fail for a key in
 * the table and abort on a key that is not (a programming error).
 */
#ifndef INVOLVE_CONFIG_H
#define INVOLVE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"

struct config;

/* The problems found while loading, in file order. */
struct config_report {
	char **problems; /* "FILE:LINE: sentence", each owned by the report */
	size_t count;
};
void config_report_free(struct config_report *report);

enum config_type {
	CONFIG_INT,    /* whole number within [min, max] */
	CONFIG_FLOAT,  /* number within [min, max] */
	CONFIG_BOOL,   /* true or false */
	CONFIG_WORD,   /* one of the words in allowed, "a|b|c" */
	CONFIG_STRING, /* any text */
	CONFIG_DATES,  /* array of YYYY-MM-DD dates */
	CONFIG_LIST, /* a list of groups, checked by the key's own code (stages, levels, jargon) */
};

struct config_key {
	const char *name; /* dotted path: "feedback.due_days" */
	enum config_type type;
	const char *def;     /* the default, as text ("20", "true", "curses") */
	double min, max;     /* CONFIG_INT, CONFIG_FLOAT */
	const char *allowed; /* CONFIG_WORD: "curses|text" */
	const char *help;    /* one or two sentences: what it does and why */
};

/* The key table, for --explain, documentation and tests. */
const struct config_key *config_keys(size_t *count);
/* The embedded default file, NUL-terminated. */
const char *config_default_text(void);

/*
 * Load the defaults, then path if not NULL (a missing path is a problem
 * reported like any other). rule_ids, NULL-terminated (may be NULL), are the
 * rule ids whose rules.<id>.enabled and rules.<id>.severity may be set; other
 * ids under rules are reported as unknown. Always returns a usable config (the
 * caller frees it with config_free); report (may be NULL) receives the
 * problems, and the return value of config_problems() says whether any were
 * found.
 */
struct config *config_load(const char *path, const char *const *rule_ids,
                           struct config_report *report);
/*
 * As config_load, with the user's settings given as text instead of a file
 * (problems are reported under name; config_path gives NULL). The same code
 * reads both: for tests and the fuzzer.
 */
struct config *config_load_text(const char *text, const char *name, const char *const *rule_ids,
                                struct config_report *report);
void config_free(struct config *c);
/* The file the config was read from, or NULL for the built-in defaults only. */
const char *config_path(const struct config *c);

int64_t config_int(const struct config *c, const char *key);
double config_float(const struct config *c, const char *key);
bool config_bool(const struct config *c, const char *key);
/* CONFIG_WORD and CONFIG_STRING values; owned by the config. */
const char *config_string(const struct config *c, const char *key);
/* calendar.holidays, sorted; owned by the config. */
const struct calendar *config_calendar(const struct config *c);

/* The cycle's stages in configured order: how many are shown, and the enum stage_key of each. */
size_t config_stage_count(const struct config *c);
int config_stage_at(const struct config *c, size_t i);
/* The configured label of a stage (enum stage_key). */
const char *config_stage_label(const struct config *c, int stage);

/* The involvement ladder, lowest first: key ("consulting"), label, help. */
size_t config_level_count(const struct config *c);
const char *config_level_key(const struct config *c, size_t i);
const char *config_level_label(const struct config *c, size_t i);
const char *config_level_help(const struct config *c, size_t i);
/* Index of the level whose key or label is text (case-insensitive), or -1. */
int config_level_find(const struct config *c, const char *text);

/* The jargon list: a term, and the plain words that explain it. */
size_t config_jargon_count(const struct config *c);
const char *config_jargon_term(const struct config *c, size_t i);
const char *config_jargon_plain(const struct config *c, size_t i);

/* rules.<id>.enabled (default true) and rules.<id>.severity ("" when not overridden). */
bool config_rule_enabled(const struct config *c, const char *rule_id);
const char *config_rule_severity(const struct config *c, const char *rule_id);

/*
 * Write the embedded default file to path, creating its folder (0700) when
 * needed. Never overwrites: ERROR_DUPLICATE with a sentence when path exists.
 */
enum error_code config_write_default(const char *path, struct error *err);

#endif
