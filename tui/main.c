/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * main: the entry point — global options, the configuration, then either a
 * command (see cli.c) or the interactive program.
 */
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "attendee.h"
#include "cli.h"
#include "config.h"
#include "date.h"
#include "export.h"
#include "finding.h"
#include "findings.h"
#include "help.h"
#include "meeting_log.h"
#include "mem.h"
#include "paths.h"
#include "payment_details.h"
#include "payments.h"
#include "people.h"
#include "person_details.h"
#include "project_overview.h"
#include "projects.h"
#include "response.h"
#include "rules.h"
#include "screen.h"
#include "stage_overview.h"
#include "stage_record.h"
#include "store.h"
#include "sync_screen.h"
#include "today.h"

/*
 * The screens of the interactive program: the only list of them. The first
 * is where the program starts.
 */
/* clang-format off: one screen to a line */
static const struct screen *const main_screens[] = {
	&today_screen,
	&projects_screen,
	&project_overview_screen,
	&stage_overview_screen,
	&pressure_screen,
	&budget_event_screen,
	&decision_screen,
	&commitment_screen,
	&meeting_log_screen,
	&attendee_screen,
	&response_screen,
	&findings_screen,
	&finding_screen,
	&help_screen,
	&people_screen,
	&person_details_screen,
	&payments_screen,
	&payment_details_screen,
	&export_calendar_screen,
	&export_report_screen,
	&export_letters_screen,
	&sync_screen,
	NULL,
};
/* clang-format on */

/* Open the database and run the interactive program on it, starting on the screen named first. */
static int main_interactive(struct cli *c, const char *first)
{
	struct store *s = NULL;
	int status = cli_open(c, STORE_CREATE, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct app_options opt = {
		.store = s,
		.config = c->config,
		.screens = main_screens,
		.first = first ? first : main_screens[0]->name,
		.mode = c->ui_mode,
		.theme = c->theme,
	};
	status = app_run(&opt);
	store_close(s);
	return status;
}

static void main_help(FILE *out)
{
	fprintf(out,
	        "involve: keep a record of service-user and carer involvement in commissioning,\n"
	        "and see what is owed to the people who took part: feedback, payments, answers.\n"
	        "\n"
	        "Screen-reader and braille users: \"involve --text\" (or INVOLVE_UI=text, or\n"
	        "ui.mode = \"text\" in the settings) gives a line-by-line mode with numbered rows\n"
	        "and no colour; \"--theme high-contrast\" (or NO_COLOR set) keeps the full "
	        "screens\n"
	        "with terminal colours only and the cursor on the selected row.\n"
	        "\n"
	        "Usage:\n"
	        "  involve [--db FILE] [--config FILE] [--text | --curses] [--theme NAME]\n"
	        "      open the interactive program.\n");
	cli_print_commands(out);
	fprintf(out,
	        "\n"
	        "Options:\n"
	        "  --db FILE       the database (default $XDG_DATA_HOME/involve/involve.db)\n"
	        "  --config FILE   the settings file (default "
	        "$XDG_CONFIG_HOME/involve/involve.conf\n"
	        "                  when it exists; otherwise the built-in settings)\n"
	        "  --text          the accessible line-by-line mode (automatic when TERM=dumb or\n"
	        "                  input or output is not a terminal)\n"
	        "  --curses        full screens even when the settings say text\n"
	        "  --theme NAME    default, high-contrast or mono\n"
	        "  --screen NAME   start on that screen: projects, people or payments\n"
	        "  --help          this help;  --version  the version\n"
	        "\n"
	        "Environment:\n"
	        "  INVOLVE_TODAY=YYYY-MM-DD  fix today's date (training, demonstrations, tests)\n"
	        "  INVOLVE_UI=text           choose the text mode;  NO_COLOR  no colours\n"
	        "\n"
	        "Exit status: 0 success; 1 \"check\" found error-severity findings; 2 the command\n"
	        "was used wrongly; 3 the database or settings could not be read or written.\n");
}

/* Options that come before the command. */
static const struct option main_options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "config", required_argument, NULL, 'c' },
	{ "text", no_argument, NULL, 't' },
	{ "curses", no_argument, NULL, 'u' },
	{ "theme", required_argument, NULL, 'T' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "screen", required_argument, NULL, 's' },
	{ NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* A full disk or file-size limit must be an error we report, not a signal that kills. */
	signal(SIGXFSZ, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);

	struct cli c = { .out = stdout, .err = stderr };
	char *default_db = NULL, *default_conf = NULL;
	const char *first_screen = NULL; /* --screen NAME */
	int opt;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", main_options, NULL)) != -1) {
		switch (opt) {
		case 'd':
			c.db_path = optarg;
			c.db_path_given = true;
			break;
		case 'c':
			c.config_path = optarg;
			break;
		case 't':
			c.ui_mode = "text";
			break;
		case 'u':
			c.ui_mode = "curses";
			break;
		case 'T':
			if (strcmp(optarg, "default") && strcmp(optarg, "high-contrast") &&
			    strcmp(optarg, "mono"))
				return cli_usage(&c,
				                 "--theme takes default, high-contrast or mono, "
				                 "not \"%s\"",
				                 optarg);
			c.theme = optarg;
			break;
		case 's':
			if (!screen_find(main_screens, optarg))
				return cli_usage(
				        &c,
				        "--screen takes the name of a screen, such as people "
				        "or payments, not \"%s\"",
				        optarg);
			first_screen = optarg;
			break;
		case 'h':
			main_help(stdout);
			return CLI_EXIT_OK;
		case 'V':
			printf("involve %s\n", INVOLVE_VERSION);
			return CLI_EXIT_OK;
		default:
			if (optopt)
				return cli_usage(&c, "the option -%c is not one involve knows",
				                 optopt);
			return cli_usage(&c, "the option %s is not one involve knows",
			                 argv[optind - 1]);
		}
	}
	if (date_today_override_invalid())
		return cli_usage(&c,
		                 "INVOLVE_TODAY is \"%s\", which is not a date: write it as "
		                 "YYYY-MM-DD",
		                 getenv("INVOLVE_TODAY"));
	if (!c.db_path)
		c.db_path = default_db = paths_data_file();
	if (!c.config_path) {
		default_conf = paths_config_file();
		if (access(default_conf, F_OK) == 0)
			c.config_path = default_conf;
	}
	bool checking_config = optind < argc && strcmp(argv[optind], "config") == 0;
	struct config_report report;
	c.config = config_load(c.config_path, rules_ids(), &report);
	int status = CLI_EXIT_OK;
	if (report.count && !checking_config) {
		for (size_t i = 0; i < report.count; i++)
			fprintf(stderr, "%s\n", report.problems[i]);
		fprintf(stderr,
		        "involve: the settings file %s has %zu problem%s; put %s right, or "
		        "run with --config pointing at another file.\n",
		        c.config_path, report.count, report.count == 1 ? "" : "s",
		        report.count == 1 ? "it" : "them");
		status = CLI_EXIT_DATA;
	} else if (optind < argc) {
		status = cli_run(&c, argc - optind, argv + optind);
	} else {
		status = main_interactive(&c, first_screen);
	}
	config_report_free(&report);
	config_free(c.config);
	free(default_db);
	free(default_conf);
	return status;
}
