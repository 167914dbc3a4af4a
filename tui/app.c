/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app: mode and theme, signals, and the loop that draws views and carries out commands. */
#include "app.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "render.h"
#include "screen.h"
#include "theme.h"

/* Set by a signal: stop, keeping the draft. */
static volatile sig_atomic_t app_stop;

static void app_on_signal(int sig)
{
	(void)sig;
	app_stop = 1;
}

/* Catch the signals that end a session, without restarting reads, so the loop sees them. */
static void app_catch(struct sigaction *old)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = app_on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &sa, &old[i]);
}

static void app_release(const struct sigaction *old)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT };
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &old[i], NULL);
}

const char *app_mode(const struct app_options *opt)
{
	FILE *in = opt->in ? opt->in : stdin, *out = opt->out ? opt->out : stdout;
	const char *term = getenv("TERM");
	if (!isatty(fileno(in)) || !isatty(fileno(out)) || !term || !*term ||
	    strcmp(term, "dumb") == 0)
		return "text";
	if (opt->mode)
		return opt->mode;
	const char *env = getenv("INVOLVE_UI");
	if (env && (strcmp(env, "text") == 0 || strcmp(env, "curses") == 0))
		return env;
	return opt->config ? config_string(opt->config, "ui.mode") : "curses";
}

const char *app_theme(const struct app_options *opt)
{
	if (opt->theme)
		return opt->theme;
	const char *configured = opt->config ? config_string(opt->config, "ui.theme") : "default";
	const char *no_color = getenv("NO_COLOR");
	const struct theme *t = theme_find(configured);
	if (no_color && *no_color && (!t || t->colour))
		return "high-contrast";
	return t ? configured : "default";
}

int app_run(const struct app_options *opt)
{
	FILE *in = opt->in ? opt->in : stdin, *out = opt->out ? opt->out : stdout;
	FILE *err_out = opt->err ? opt->err : stderr;
	struct sigaction old[3];
	app_stop = 0;
	app_catch(old);
	struct render *r = NULL;
	if (strcmp(app_mode(opt), "curses") == 0) {
		struct error err;
		r = render_curses_open(app_theme(opt), &app_stop, &err);
		if (!r)
			fprintf(err_out, "involve: %s; using the text mode.\n", err.msg);
	}
	if (!r)
		r = render_text_open(in, out, &app_stop);

	struct screen_stack *st = screen_stack_new(opt->screens, opt->store, opt->config);
	int status = 0;
	if (!screen_push(st, opt->first, opt->first_id)) {
		r->ops->close(r);
		fprintf(err_out, "involve: there is no screen called %s.\n", opt->first);
		status = 2;
	} else {
		screen_offer_draft(st);
		bool going = true;
		while (going) {
			struct view *v = screen_view(st);
			r->ops->draw(r, v);
			struct command cmd;
			r->ops->read(r, v, &cmd);
			going = screen_dispatch(st, &cmd);
			command_clear(&cmd);
		}
		r->ops->close(r);
	}
	screen_stack_free(st);
	app_release(old);
	return status;
}
