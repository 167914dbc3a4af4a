/* SPDX-License-Identifier: GPL-3.0-or-later */
/* help: the keys of the screen below and of every screen, one to a line, and what involve is. */
#include "help.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* What involve is for and how to turn on what screen-reader and low-vision users need (R14). */
static const char help_about[] =
        "involve keeps a record of service-user and carer involvement in commissioning, and "
        "shows what is owed to the people who took part: feedback, payments, answers. "
        "The Today screen, where involve starts, lists what is overdue and due soon, and "
        "where each open project stands. "
        "The text mode prints each screen as numbered lines, for screen readers and braille "
        "displays: start involve with --text, or set INVOLVE_UI=text, or put ui.mode = "
        "\"text\" in the settings file. "
        "The high-contrast theme uses the terminal's own colours with bold and reverse video, "
        "a > before the selected row and no borders: start involve with --theme "
        "high-contrast, or set NO_COLOR, or put ui.theme = \"high-contrast\" in the settings "
        "file. "
        "involve --help lists the commands for the command line.";

void help_sentences(struct view_section *sec, const char *text)
{
	const char *p = text;
	while (p && *p) {
		while (*p == ' ')
			p++;
		const char *end = strstr(p, ". ");
		size_t len = end ? (size_t)(end - p) + 1 : strlen(p);
		char *sentence = mem_strndup(p, len);
		if (*sentence)
			view_row_set(view_list_add(sec), 0, sentence, NULL);
		free(sentence);
		p += len;
	}
}

/* The screen below's help and actions, "a: add a project, or type add. ...". */
static void help_below(struct view *v, const struct screen_ctx *below, const struct view *bv)
{
	if (below->screen->help)
		help_sentences(view_add_list(v, "About this screen", NULL), below->screen->help);
	if (!bv->nactions)
		return;
	struct view_section *sec = view_add_list(v, "Actions on this screen", NULL);
	for (size_t i = 0; i < bv->nactions; i++) {
		const struct view_action *a = &bv->actions[i];
		struct view_row *r = view_list_add(sec);
		view_row_label(r, "%c: %s", a->key, a->label);
		view_row_value(r, "or type %s. %s", a->word, a->help);
	}
}

/* Every row of the command table: "Down arrow or j: move to the next row, or type down". */
static void help_commands(struct view *v)
{
	struct view_section *sec = view_add_list(v, "Keys and commands everywhere", NULL);
	size_t n;
	const struct command_info *info = command_infos(&n);
	for (size_t i = 0; i < n; i++) {
		struct view_row *r = view_list_add(sec);
		if (info[i].keys)
			view_row_label(r, "%s: %s", info[i].keys, info[i].help);
		else
			view_row_label(r, "%s", info[i].help);
		if (info[i].word)
			view_row_value(r, "or type %s", info[i].word);
	}
}

static void help_build(struct screen_ctx *c, struct view *v)
{
	const struct view *bv = NULL;
	const struct screen_ctx *below = screen_under(c, &bv);
	if (below) {
		view_title(v, "Help: %s", bv->title);
		view_summary(v,
		             "What this screen is for, its actions, then the keys and commands "
		             "that work everywhere, one to a line, and last what involve is for.");
		help_below(v, below, bv);
	} else {
		view_title(v, "Help");
		view_summary(v, "The keys and commands that work everywhere, one to a line, then "
		                "what involve is for.");
	}
	help_commands(v);
	help_sentences(view_add_list(v, "About involve", NULL), help_about);
}

const struct screen help_screen = {
	.name = "help",
	.title = "Help",
	.help = "Help lists what the screen you came from is for, its actions, and every key and "
	        "command, one to a line. Back returns to where you were.",
	.build = help_build,
};
