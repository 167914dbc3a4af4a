/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * command: what a person asked for, whatever they pressed or typed.
 *
 * Renderers turn keys (curses) or typed words (text mode) into commands;
 * the framework moves the selection and edits fields for the commands that
 * need no screen, and passes the rest (open, action, save field, answer) to
 * the screen. Tests drive screens by making commands directly.
 *
 * The table of commands (command_infos) names each with its word, the keys
 * that give it, and one sentence of help: help screens and the text mode's
 * word matching are built from it, so a command added there is documented.
 */
#ifndef INVOLVE_COMMAND_H
#define INVOLVE_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

enum command_kind {
	COMMAND_NONE,
	COMMAND_UP,      /* the previous row or field */
	COMMAND_DOWN,    /* the next row or field */
	COMMAND_PAGE_UP, /* number: rows in a page (0: the renderer's page) */
	COMMAND_PAGE_DOWN,
	COMMAND_HOME,   /* the first row */
	COMMAND_END,    /* the last row */
	COMMAND_OPEN,   /* the selected row: the screen opens it; a field: edit it */
	COMMAND_CHOOSE, /* a numbered item (text mode): section and index; then open it */
	COMMAND_BACK,   /* leave this screen (or stop editing, or answer no) */
	COMMAND_FIRST,  /* leave every screen but the first (Today) */
	COMMAND_QUIT,   /* leave the program */
	COMMAND_HELP,   /* the keys and commands of this screen */
	COMMAND_FIND,   /* text: go to the next row holding it */
	COMMAND_JUMP,   /* text: one character: the next row starting with it */
	COMMAND_EDIT,   /* start editing the focused field (text: start with it, if set) */
	COMMAND_INSERT, /* text: typed into the field being edited */
	COMMAND_LEFT,   /* move the insertion point */
	COMMAND_RIGHT,
	COMMAND_LINE_START,
	COMMAND_LINE_END,
	COMMAND_ERASE_BACK, /* the character before the insertion point */
	COMMAND_ERASE,      /* the character at the insertion point */
	COMMAND_ERASE_ALL,
	COMMAND_SAVE_FIELD, /* text: the value for the focused field; number: move after (+1, -1) */
	COMMAND_KEEP_FIELD, /* leave the focused field as it is and go to the next */
	COMMAND_CANCEL,     /* stop editing without saving; the draft is dropped */
	COMMAND_ACTION,     /* key or text (a command word): one of the view's actions */
	COMMAND_ANSWER,     /* number: 1 yes, 0 no; key: the tag the screen gave view_ask */
	COMMAND_LOOK,       /* show the whole screen again */
	COMMAND_RESIZE,     /* the terminal changed size */
	COMMAND_PAUSE,      /* typing stopped for a moment: keep the draft */
	COMMAND_STOP,       /* a signal asked the program to stop: keep the draft and leave */
	COMMAND_EOF,        /* no more input: keep the draft and leave */
};

struct command {
	enum command_kind kind;
	int key;     /* COMMAND_ACTION: the key pressed (0 when a word was typed) */
	char *text;  /* owned; NULL when the command has none */
	long number; /* see each kind */
	bool item; /* section and index name a row: COMMAND_CHOOSE, and an action given a number */
	size_t section; /* the item's section and index in it */
	size_t index;
};

/* One row of the command table. */
struct command_info {
	enum command_kind kind;
	const char *word; /* typed in text mode: "down" (NULL: not typed) */
	const char *keys; /* pressed in full screens: "Down arrow or j" (NULL: none) */
	const char *help; /* "move to the next row or field": no capital, no full stop */
};

/* The command table and its length. */
const struct command_info *command_infos(size_t *count);
/* The table row of kind, or NULL. */
const struct command_info *command_info_of(enum command_kind kind);

/* A command of kind with a copy of text (may be NULL). Free with command_clear. */
void command_make(struct command *c, enum command_kind kind, const char *text);
void command_clear(struct command *c);

/*
 * Parse a line typed in text mode. Words are matched without case, whole or
 * by a unique start ("fi day" is find "day"); action words are the view's,
 * given as a NULL-terminated list (may be NULL), and give COMMAND_ACTION
 * with text the action's word (and number set when a row number follows it:
 * "delete 3"). A whole number gives COMMAND_CHOOSE with number set (the
 * renderer turns numbers into a section and index). Returns false
 * when the line is not a command, leaving c as COMMAND_NONE.
 */
bool command_parse(const char *line, const char *const *actions, struct command *c);

#endif
