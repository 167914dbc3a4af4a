/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * meeting_run: the interactive program on the meeting screens, starting from
 * a stand-in stage screen, until the stage screens can lead there. For the
 * text-mode transcript, the look in tmux and the listen with hear.
 * Usage: meeting_run DB [--text] [--theme NAME]
 * A database without a project gets the project and people of stage_stub.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendee.h"
#include "config.h"
#include "finding.h"
#include "meeting.h"
#include "meeting_log.h"
#include "project.h"
#include "record.h"
#include "response.h"
#include "rules.h"
#include "stage_stub.h"
#include "store.h"

static const struct screen *const screens[] = {
	&stage_stub_screen, &meeting_log_screen, &attendee_screen,
	&response_screen,   &finding_screen,     NULL,
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: meeting_run DB [--text] [--theme NAME]\n");
		return 2;
	}
	struct app_options opt = { .screens = screens, .first = "stage" };
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--text") == 0)
			opt.mode = "text";
		else if (strcmp(argv[i], "--theme") == 0 && i + 1 < argc)
			opt.theme = argv[++i];
	}
	struct store *s = NULL;
	struct error err;
	struct store_options so = { .flags = STORE_CREATE };
	if (store_open(argv[1], &so, &s, &err) != ERROR_NONE) {
		fprintf(stderr, "meeting_run: %s\n", err.msg);
		return 3;
	}
	struct config *config = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(config),
	                       (int)config_int(config, "feedback.due_days"));
	struct stage_stub_world w = { 0 };
	w.project = record_lookup(s, "SELECT id FROM project ORDER BY created_at LIMIT 1", "");
	if (!w.project)
		stage_stub_seed(s, &w);
	opt.store = s;
	opt.config = config;
	opt.first_id = w.project;
	int status = app_run(&opt);
	config_free(config);
	store_close(s);
	return status;
}
