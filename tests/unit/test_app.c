/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Turning the accessible modes on without sight (R14): --text, INVOLVE_UI,
 * ui.mode, TERM=dumb and input that is not a terminal choose the text mode;
 * --theme, NO_COLOR and ui.theme choose the theme.
 */
#include "support.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "config.h"

/* A pseudo-terminal, so that the mode can see a terminal where there is one. */
struct pty {
	int master;
	FILE *side;
};

static void pty_open(struct pty *p)
{
	p->master = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(p->master >= 0);
	assert_int_equal(grantpt(p->master), 0);
	assert_int_equal(unlockpt(p->master), 0);
	/* Never our controlling terminal: closing it must not hang us up. */
	int fd = open(ptsname(p->master), O_RDWR | O_NOCTTY);
	assert_true(fd >= 0);
	p->side = fdopen(fd, "r+");
	assert_non_null(p->side);
}

static void pty_close(struct pty *p)
{
	fclose(p->side);
	close(p->master);
}

/* A configuration from text. */
static struct config *settings(const char *dir, const char *text)
{
	char *path = support_path(dir, "involve.conf");
	support_write_file(path, text, strlen(text));
	struct config_report report;
	struct config *c = config_load(path, NULL, &report);
	assert_int_equal(report.count, 0);
	config_report_free(&report);
	free(path);
	return c;
}

static void the_mode_follows_flag_environment_settings_and_terminal(void **state)
{
	(void)state;
	struct pty tty;
	pty_open(&tty);
	char *dir = support_tempdir();
	struct config *plain = config_load(NULL, NULL, NULL);
	struct config *text = settings(dir, "ui: { mode = \"text\"; };\n");
	struct app_options opt = { .config = plain, .in = tty.side, .out = tty.side };
	unsetenv("INVOLVE_UI");
	setenv("TERM", "xterm", 1);
	assert_string_equal(app_mode(&opt), "curses");
	opt.mode = "text";
	assert_string_equal(app_mode(&opt), "text");
	opt.mode = NULL;
	setenv("INVOLVE_UI", "text", 1);
	assert_string_equal(app_mode(&opt), "text");
	/* --curses wins over the environment and the settings. */
	opt.mode = "curses";
	assert_string_equal(app_mode(&opt), "curses");
	opt.mode = NULL;
	unsetenv("INVOLVE_UI");
	opt.config = text;
	assert_string_equal(app_mode(&opt), "text");
	opt.config = plain;
	setenv("TERM", "dumb", 1);
	assert_string_equal(app_mode(&opt), "text");
	unsetenv("TERM");
	assert_string_equal(app_mode(&opt), "text");
	/* Input or output not a terminal: text, whatever was asked for. */
	setenv("TERM", "xterm", 1);
	opt.mode = "curses";
	FILE *file = tmpfile();
	opt.in = file;
	assert_string_equal(app_mode(&opt), "text");
	fclose(file);
	config_free(plain);
	config_free(text);
	support_rmdir(dir);
	pty_close(&tty);
}

static void the_theme_follows_flag_no_color_and_settings(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	struct config *plain = config_load(NULL, NULL, NULL);
	struct config *mono = settings(dir, "ui: { theme = \"mono\"; };\n");
	struct app_options opt = { .config = plain };
	unsetenv("NO_COLOR");
	assert_string_equal(app_theme(&opt), "default");
	setenv("NO_COLOR", "1", 1);
	assert_string_equal(app_theme(&opt), "high-contrast");
	/* NO_COLOR set but empty does not count (no-color.org). */
	setenv("NO_COLOR", "", 1);
	assert_string_equal(app_theme(&opt), "default");
	setenv("NO_COLOR", "1", 1);
	opt.theme = "mono";
	assert_string_equal(app_theme(&opt), "mono");
	opt.theme = NULL;
	/* A theme without colour from the settings stays under NO_COLOR. */
	opt.config = mono;
	assert_string_equal(app_theme(&opt), "mono");
	unsetenv("NO_COLOR");
	assert_string_equal(app_theme(&opt), "mono");
	config_free(plain);
	config_free(mono);
	support_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_mode_follows_flag_environment_settings_and_terminal),
		cmocka_unit_test(the_theme_follows_flag_no_color_and_settings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
