/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Configuration: the built-in file agrees with the key table, a user file
 * overrides it, and every problem is collected as FILE:LINE: sentence.
 */
#include "support.h"

#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "mem.h"
#include "vocab.h"

static char *dir;

static int make_dir(void **state)
{
	(void)state;
	dir = support_tempdir();
	return 0;
}

static int drop_dir(void **state)
{
	(void)state;
	support_rmdir(dir);
	dir = NULL;
	return 0;
}

/* Write text as a config file and load it; the caller frees both. */
static struct config *load_text(const char *text, const char *const *rules,
                                struct config_report *report, char **path)
{
	*path = support_path(dir, "involve.conf");
	support_write_file(*path, text, strlen(text));
	return config_load(*path, rules, report);
}

/* The report holds a problem containing every one of the words, NULL-terminated. */
static bool reported(const struct config_report *r, ...)
{
	for (size_t i = 0; i < r->count; i++) {
		va_list ap;
		va_start(ap, r);
		bool all = true;
		for (const char *w; (w = va_arg(ap, const char *));)
			all &= strstr(r->problems[i], w) != NULL;
		va_end(ap);
		if (all)
			return true;
	}
	return false;
}

static void defaults_need_no_file(void **state)
{
	(void)state;
	struct config_report r;
	struct config *c = config_load(NULL, NULL, &r);
	for (size_t i = 0; i < r.count; i++)
		print_error("%s\n", r.problems[i]);
	assert_int_equal(r.count, 0);
	assert_int_equal(config_int(c, "feedback.due_days"), 20);
	assert_int_equal(config_int(c, "feedback.warn_days"), 5);
	assert_int_equal(config_int(c, "payments.weekly_limit_pence"), 19600);
	assert_true(config_float(c, "representation.share") == 0.5);
	assert_string_equal(config_string(c, "ui.mode"), "curses");
	assert_string_equal(config_string(c, "ui.theme"), "default");
	assert_int_equal(config_stage_count(c), STAGE_COUNT);
	for (size_t i = 0; i < STAGE_COUNT; i++) {
		assert_int_equal(config_stage_at(c, i), (int)i);
		assert_string_equal(config_stage_label(c, (int)i), vocab_stages[i].label);
	}
	assert_int_equal(config_level_count(c), 6);
	assert_string_equal(config_level_key(c, 0), "informing");
	assert_string_equal(config_level_label(c, 5), "Empowerment");
	assert_int_equal(config_level_find(c, "CONSULTING"), 2);
	assert_int_equal(config_level_find(c, "Delegated power"), 4);
	assert_int_equal(config_level_find(c, "tokenism"), -1);
	assert_true(config_jargon_count(c) >= 5);
	assert_string_equal(config_jargon_term(c, 0), "JSNA");
	const struct calendar *cal = config_calendar(c);
	int32_t xmas;
	date_parse("2026-12-25", &xmas, NULL);
	assert_true(calendar_has(cal, xmas));
	assert_true(config_rule_enabled(c, "feedback_overdue"));
	assert_string_equal(config_rule_severity(c, "feedback_overdue"), "");
	assert_null(config_path(c));
	config_free(c);
	config_report_free(&r);
}

/* Every scalar in the table appears in the built-in file with the table's default. */
static void builtin_file_agrees_with_the_table(void **state)
{
	(void)state;
	config_t lc;
	config_init(&lc);
	assert_int_equal(config_read_string(&lc, config_default_text()), CONFIG_TRUE);
	size_t n;
	const struct config_key *keys = config_keys(&n);
	for (size_t i = 0; i < n; i++) {
		const struct config_key *k = &keys[i];
		config_setting_t *st = config_lookup(&lc, k->name);
		if (!st)
			fail_msg("%s is in the key table but not in conf/involve.conf", k->name);
		assert_true(strlen(k->help) > 20);
		char got[64] = "";
		switch (k->type) {
		case CONFIG_INT:
			snprintf(got, sizeof got, "%lld", config_setting_get_int64(st));
			break;
		case CONFIG_FLOAT:
			snprintf(got, sizeof got, "%g", config_setting_get_float(st));
			break;
		case CONFIG_BOOL:
			snprintf(got, sizeof got, "%s",
			         config_setting_get_bool(st) ? "true" : "false");
			break;
		case CONFIG_WORD:
		case CONFIG_STRING:
			snprintf(got, sizeof got, "%s", config_setting_get_string(st));
			break;
		default:
			continue;
		}
		if (strcmp(got, k->def) != 0)
			fail_msg("%s: conf/involve.conf says %s, the key table %s", k->name, got,
			         k->def);
	}
	config_destroy(&lc);
}

static void a_user_file_overrides(void **state)
{
	(void)state;
	char *path;
	struct config_report r;
	struct config *c = load_text("feedback = { due_days = 15; };\n"
	                             "representation = { share = 0.75; };\n"
	                             "ui = { mode = \"text\"; theme = \"high-contrast\"; };\n"
	                             "calendar = { holidays = [ \"2026-11-23\" ]; };\n"
	                             "rules = { meeting_jargon = { enabled = false; };\n"
	                             "  people_no_newcomers = { severity = \"warning\"; }; };\n",
	                             NULL, &r, &path);
	assert_int_equal(r.count, 0);
	assert_int_equal(config_int(c, "feedback.due_days"), 15);
	assert_int_equal(config_int(c, "feedback.warn_days"), 5); /* untouched keys keep defaults */
	assert_true(config_float(c, "representation.share") == 0.75);
	assert_string_equal(config_string(c, "ui.mode"), "text");
	assert_string_equal(config_string(c, "ui.theme"), "high-contrast");
	assert_int_equal(config_calendar(c)->count, 1);
	assert_false(config_rule_enabled(c, "meeting_jargon"));
	assert_true(config_rule_enabled(c, "people_no_newcomers"));
	assert_string_equal(config_rule_severity(c, "people_no_newcomers"), "warning");
	assert_string_equal(config_path(c), path);
	config_free(c);
	config_report_free(&r);
	free(path);
}

/* For every number key: one past each end of its range is refused with its line. */
static void every_number_key_checks_its_range(void **state)
{
	(void)state;
	size_t n;
	const struct config_key *keys = config_keys(&n);
	for (size_t i = 0; i < n; i++) {
		const struct config_key *k = &keys[i];
		if (k->type != CONFIG_INT && k->type != CONFIG_FLOAT)
			continue;
		const char *dot = strchr(k->name, '.');
		assert_non_null(dot);
		double bad[2] = { k->type == CONFIG_INT ? k->min - 1 : k->min - 0.01,
			          k->type == CONFIG_INT ? k->max + 1 : k->max + 0.5 };
		for (int b = 0; b < 2; b++) {
			char *text =
			        k->type == CONFIG_INT
			                ? mem_printf("\n%.*s = {\n  %s = %.0f;\n};\n",
			                             (int)(dot - k->name), k->name, dot + 1, bad[b])
			                : mem_printf("\n%.*s = {\n  %s = %.2f;\n};\n",
			                             (int)(dot - k->name), k->name, dot + 1,
			                             bad[b]);
			char *path, *where;
			struct config_report r;
			struct config *c = load_text(text, NULL, &r, &path);
			where = mem_printf("%s:3: %s is", path, k->name);
			if (r.count != 1 || !reported(&r, where, "must be", NULL))
				fail_msg("%s = %g: expected one problem at line 3, got %zu (%s)",
				         k->name, bad[b], r.count, r.count ? r.problems[0] : "");
			/* The default is kept. */
			if (k->type == CONFIG_INT)
				assert_int_equal(config_int(c, k->name), strtoll(k->def, NULL, 10));
			else
				assert_true(config_float(c, k->name) == strtod(k->def, NULL));
			config_free(c);
			config_report_free(&r);
			free(where);
			free(path);
			free(text);
		}
	}
}

static void wrong_types_are_named(void **state)
{
	(void)state;
	char *path;
	struct config_report r;
	struct config *c =
	        load_text("feedback = {\n  due_days = \"twenty\";\n  warn_days = 2.5;\n};\n"
	                  "ui = {\n  mode = \"braille\";\n  theme = 3;\n};\n"
	                  "representation = { share = \"half\"; };\n",
	                  NULL, &r, &path);
	assert_int_equal(r.count, 5);
	assert_true(
	        reported(&r, ":2: feedback.due_days must be a whole number from 1 to 120", NULL));
	assert_true(reported(&r, ":3: feedback.warn_days must be a whole number", NULL));
	assert_true(reported(&r,
	                     ":6: ui.mode is \"braille\", but it must be \"curses\" or "
	                     "\"text\"",
	                     NULL));
	assert_true(reported(&r, ":7: ui.theme must be \"default\", \"high-contrast\" or \"mono\"",
	                     NULL));
	assert_true(reported(&r, ":9: representation.share must be a number", NULL));
	assert_int_equal(config_int(c, "feedback.due_days"), 20);
	assert_string_equal(config_string(c, "ui.mode"), "curses");
	config_free(c);
	config_report_free(&r);
	free(path);
}

static void unknown_keys_are_reported_not_ignored(void **state)
{
	(void)state;
	char *path;
	struct config_report r;
	const char *rules[] = { "feedback_overdue", NULL };
	struct config *c = load_text("feedbak = { due_days = 10; };\n"
	                             "feedback = {\n  due_dayz = 10;\n};\n"
	                             "rules = {\n  no_such_rule = { enabled = false; };\n"
	                             "  feedback_overdue = { enabled = maybe; };\n};\n",
	                             rules, &r, &path);
	/* "maybe" is a syntax error: libconfig stops there, so only what came before counts. */
	assert_true(reported(&r, ":7:", "not read past this point", NULL));
	config_free(c);
	config_report_free(&r);
	free(path);
	c = load_text(
	        "feedbak = { due_days = 10; };\n"
	        "feedback = {\n  due_dayz = 10;\n};\n"
	        "rules = {\n  no_such_rule = { enabled = false; };\n"
	        "  feedback_overdue = { enabled = 1; severity = \"fatal\"; colour = 1; };\n};\n",
	        rules, &r, &path);
	assert_true(reported(&r, ":1: \"feedbak\" is not a setting involve knows", NULL));
	assert_true(reported(&r, ":3: \"feedback.due_dayz\" is not a setting", NULL));
	assert_true(reported(&r, ":6: rules.no_such_rule: there is no rule", NULL));
	assert_true(reported(&r, ":7: rules.feedback_overdue.enabled must be true or false", NULL));
	assert_true(reported(&r, ":7: rules.feedback_overdue.severity must be", NULL));
	assert_true(
	        reported(&r, ":7: rules.feedback_overdue has an unknown setting \"colour\"", NULL));
	assert_int_equal(r.count, 6);
	config_free(c);
	config_report_free(&r);
	free(path);
}

static void a_syntax_error_gives_file_and_line(void **state)
{
	(void)state;
	char *path;
	struct config_report r;
	struct config *c = load_text("feedback = {\n  due_days = 10;\n  warn_days = = 3;\n};\n",
	                             NULL, &r, &path);
	assert_int_equal(r.count, 1);
	char *where = mem_printf("%s:3: ", path);
	assert_true(reported(&r, where, "syntax error", NULL));
	assert_int_equal(config_int(c, "feedback.due_days"), 20);
	free(where);
	config_free(c);
	config_report_free(&r);
	free(path);
}

static void a_missing_file_is_a_problem(void **state)
{
	(void)state;
	struct config_report r;
	char *path = support_path(dir, "absent.conf");
	struct config *c = config_load(path, NULL, &r);
	assert_int_equal(r.count, 1);
	assert_true(reported(&r, path, "cannot be read", NULL));
	assert_int_equal(config_int(c, "feedback.due_days"), 20);
	config_free(c);
	config_report_free(&r);
	free(path);
}

static void lists_are_checked(void **state)
{
	(void)state;
	char *path;
	struct config_report r;
	struct config *c =
	        load_text("stages = (\n"
	                  "  { key = \"review\"; label = \"Look back together\"; },\n"
	                  "  { key = \"framework\"; label = \"Agree how we work\"; }\n"
	                  ");\n"
	                  "levels = ( { key = \"telling\"; label = \"Telling\"; },\n"
	                  "  { key = \"asking\"; label = \"Asking\"; help = \"We ask.\"; } );\n"
	                  "jargon = ( { term = \"PbR\"; plain = \"payment by results\"; } );\n",
	                  NULL, &r, &path);
	assert_int_equal(r.count, 0);
	assert_int_equal(config_stage_count(c), 2);
	assert_int_equal(config_stage_at(c, 0), STAGE_REVIEW);
	assert_int_equal(config_stage_at(c, 1), STAGE_FRAMEWORK);
	assert_string_equal(config_stage_label(c, STAGE_REVIEW), "Look back together");
	assert_int_equal(config_level_count(c), 2);
	assert_string_equal(config_level_help(c, 1), "We ask.");
	assert_int_equal(config_jargon_count(c), 1);
	assert_string_equal(config_jargon_plain(c, 0), "payment by results");
	config_free(c);
	config_report_free(&r);
	free(path);

	c = load_text("stages = (\n"
	              "  { key = \"planning\"; label = \"Planning\"; },\n"
	              "  { key = \"review\"; label = \"Review\"; },\n"
	              "  { key = \"review\"; label = \"Again\"; },\n"
	              "  { key = \"needs\"; }\n"
	              ");\n"
	              "levels = ( { key = \"Not A Key\"; label = \"x\"; } );\n"
	              "jargon = \"JSNA\";\n"
	              "calendar = { holidays = [ \"2026-02-30\" ]; };\n",
	              NULL, &r, &path);
	assert_true(reported(&r, ":2: \"planning\" is not a stage key", NULL));
	assert_true(reported(&r, ":4: stage \"review\" is listed twice", NULL));
	assert_true(reported(&r, ":5: entry 4 of stages needs label", NULL));
	assert_true(reported(&r, ":7: level key \"Not A Key\" must be lower-case", NULL));
	assert_true(reported(&r, ":8: jargon must be a list", NULL));
	assert_true(reported(&r, ":9: calendar.holidays entry 1", "28 days", NULL));
	/* A list with problems is not half-applied. */
	assert_int_equal(config_stage_count(c), STAGE_COUNT);
	assert_int_equal(config_level_count(c), 6);
	assert_true(config_calendar(c)->count > 10);
	config_free(c);
	config_report_free(&r);
	free(path);
}

/* Text read through config_load_text reads exactly as the same file does. */
static void text_and_file_read_the_same(void **state)
{
	(void)state;
	const char *text = "feedback = {\n  due_days = 25;\n  warn_days = \"soon\";\n};\n"
	                   "colour = \"red\";\n";
	struct config_report from_file, from_text;
	char *path;
	struct config *a = load_text(text, NULL, &from_file, &path);
	struct config *b = config_load_text(text, path, NULL, &from_text);
	assert_int_equal(config_int(b, "feedback.due_days"), 25);
	assert_int_equal(config_int(a, "feedback.due_days"), config_int(b, "feedback.due_days"));
	assert_int_equal(from_text.count, 2);
	assert_int_equal(from_file.count, from_text.count);
	for (size_t i = 0; i < from_text.count; i++)
		assert_string_equal(from_file.problems[i], from_text.problems[i]);
	assert_null(config_path(b));
	config_report_free(&from_file);
	config_report_free(&from_text);
	config_free(a);
	config_free(b);
	free(path);
}

static void init_writes_the_default_and_never_overwrites(void **state)
{
	(void)state;
	char *path = mem_printf("%s/xdg/involve/involve.conf", dir);
	struct error err;
	assert_int_equal(config_write_default(path, &err), ERROR_NONE);
	size_t n;
	char *text = support_read_file(path, &n);
	assert_string_equal(text, config_default_text());
	free(text);
	char *folder = mem_printf("%s/xdg/involve", dir);
	struct stat st;
	assert_int_equal(stat(folder, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	free(folder);
	support_write_file(path, "# mine\n", 7);
	assert_int_equal(config_write_default(path, &err), ERROR_DUPLICATE);
	assert_non_null(strstr(err.msg, "already exists"));
	text = support_read_file(path, &n);
	assert_string_equal(text, "# mine\n");
	free(text);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_need_no_file),
		cmocka_unit_test(builtin_file_agrees_with_the_table),
		cmocka_unit_test(a_user_file_overrides),
		cmocka_unit_test(every_number_key_checks_its_range),
		cmocka_unit_test(wrong_types_are_named),
		cmocka_unit_test(unknown_keys_are_reported_not_ignored),
		cmocka_unit_test(a_syntax_error_gives_file_and_line),
		cmocka_unit_test(a_missing_file_is_a_problem),
		cmocka_unit_test(lists_are_checked),
		cmocka_unit_test(text_and_file_read_the_same),
		cmocka_unit_test(init_writes_the_default_and_never_overwrites),
	};
	return cmocka_run_group_tests(tests, make_dir, drop_dir);
}
