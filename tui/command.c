/* SPDX-License-Identifier: GPL-3.0-or-later */
/* command: the command table, and parsing the words typed in text mode. */
#include "command.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"

static const struct command_info command_table[] = {
	{ COMMAND_DOWN, "down", "Down arrow or j", "move to the next row or field" },
	{ COMMAND_UP, "up", "Up arrow or k", "move to the previous row or field" },
	{ COMMAND_PAGE_DOWN, "next", "Page Down or space", "show the next page of rows" },
	{ COMMAND_PAGE_UP, "previous", "Page Up", "show the previous page of rows" },
	{ COMMAND_HOME, "first", "Home or <", "go to the first row" },
	{ COMMAND_END, "last", "End or >", "go to the last row" },
	{ COMMAND_OPEN, "open", "Enter",
	  "open the selected row, or change the selected field (in text mode, type its number)" },
	{ COMMAND_FIND, "find", "/", "find the next row holding the words you type after it" },
	{ COMMAND_JUMP, NULL, "a letter",
	  "go to the next row starting with that letter (a capital letter always does, even "
	  "when the small letter runs an action)" },
	{ COMMAND_SAVE_FIELD, NULL, "Enter, Tab, Up or Down while typing",
	  "save what you typed in the field and move on; a value that cannot be saved is "
	  "explained under the field" },
	{ COMMAND_CANCEL, NULL, "Escape while typing",
	  "stop typing and leave the field as it was" },
	{ COMMAND_KEEP_FIELD, NULL, NULL, "in text mode, Enter on its own keeps a field as it is" },
	{ COMMAND_BACK, "back", "Escape, q or Left arrow", "go back to the screen before" },
	{ COMMAND_FIRST, "today", "Control-T", "go straight back to the first screen, Today" },
	{ COMMAND_HELP, "help", "? or F1", "show this help" },
	{ COMMAND_LOOK, "look", "Control-L", "show the whole screen again" },
	{ COMMAND_QUIT, "quit", "Q or Control-C",
	  "leave involve; what you were typing is kept for next time" },
};

enum { COMMAND_COUNT = sizeof command_table / sizeof *command_table };

const struct command_info *command_infos(size_t *count)
{
	*count = COMMAND_COUNT;
	return command_table;
}

const struct command_info *command_info_of(enum command_kind kind)
{
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (command_table[i].kind == kind)
			return &command_table[i];
	return NULL;
}

void command_make(struct command *c, enum command_kind kind, const char *text)
{
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->text = text ? mem_strdup(text) : NULL;
}

void command_clear(struct command *c)
{
	free(c->text);
	memset(c, 0, sizeof *c);
}

/* Words that mean the same as a command word. */
static const struct {
	const char *word;
	enum command_kind kind;
} command_synonyms[] = {
	{ "more", COMMAND_PAGE_DOWN }, { "top", COMMAND_HOME },   { "bottom", COMMAND_END },
	{ "exit", COMMAND_QUIT },      { "again", COMMAND_LOOK }, { "list", COMMAND_LOOK },
	{ "prev", COMMAND_PAGE_UP },
};

bool command_parse(const char *line, const char *const *actions, struct command *c)
{
	memset(c, 0, sizeof *c);
	while (isspace((unsigned char)*line))
		line++;
	size_t wlen = 0;
	while (line[wlen] && !isspace((unsigned char)line[wlen]))
		wlen++;
	if (!wlen)
		return false;
	const char *rest = line + wlen;
	while (isspace((unsigned char)*rest))
		rest++;
	char *arg = mem_strdup(rest);
	size_t alen = strlen(arg);
	while (alen && isspace((unsigned char)arg[alen - 1]))
		arg[--alen] = '\0';

	if (strspn(line, "0123456789") == wlen && !*arg) {
		free(arg);
		c->kind = COMMAND_CHOOSE;
		c->number = strtol(line, NULL, 10);
		return true;
	}
	/* A row number after an action word says which row it is for. */
	long number = 0;
	if (*arg && strspn(arg, "0123456789") == strlen(arg))
		number = strtol(arg, NULL, 10);
	/* Exact words first: the screen's actions, the table, the synonyms. */
	for (size_t i = 0; actions && actions[i]; i++) {
		if (strlen(actions[i]) == wlen && strncasecmp(actions[i], line, wlen) == 0) {
			c->kind = COMMAND_ACTION;
			c->text = mem_strdup(actions[i]);
			c->number = number;
			free(arg);
			return true;
		}
	}
	enum command_kind found = COMMAND_NONE;
	const char *found_action = NULL;
	size_t starts = 0;
	bool exact = false;
	for (size_t i = 0; !exact && i < COMMAND_COUNT; i++) {
		const char *w = command_table[i].word;
		if (w && strncasecmp(w, line, wlen) == 0) {
			exact = strlen(w) == wlen;
			starts = exact ? 1 : starts + 1;
			found = command_table[i].kind;
		}
	}
	for (size_t i = 0; !exact && i < sizeof command_synonyms / sizeof *command_synonyms; i++) {
		if (strlen(command_synonyms[i].word) == wlen &&
		    strncasecmp(command_synonyms[i].word, line, wlen) == 0) {
			found = command_synonyms[i].kind;
			starts = 1;
			exact = true;
		}
	}
	/* Then the start of an action word, counted with the other starts. */
	for (size_t i = 0; !exact && actions && actions[i]; i++) {
		if (strncasecmp(actions[i], line, wlen) == 0) {
			found_action = actions[i];
			starts++;
		}
	}
	if (starts != 1) {
		free(arg);
		return false;
	}
	if (found_action) {
		c->kind = COMMAND_ACTION;
		c->text = mem_strdup(found_action);
		c->number = number;
		free(arg);
		return true;
	}
	c->kind = found;
	if (found == COMMAND_FIND) {
		if (!*arg) {
			free(arg);
			c->kind = COMMAND_NONE;
			return false;
		}
		c->text = arg;
		return true;
	}
	if (found == COMMAND_OPEN && *arg) {
		/* "open 3" is the same as "3". */
		if (strspn(arg, "0123456789") == strlen(arg)) {
			c->kind = COMMAND_CHOOSE;
			c->number = strtol(arg, NULL, 10);
		}
	}
	free(arg);
	return true;
}
