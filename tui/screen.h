/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen: the screens of the interactive program, and the stack of them.
 *
 * A screen is one table entry (struct screen): a name, a title, help, a
 * function that builds its view and a function that handles the commands
 * the framework does not handle itself (open a row, run an action, save a
 * field, answer a question). Screens live in screens/, one per file, and
 * never draw: main.c lists them in one table and the framework does the rest.
 *
 * The stack holds the open screens, each with its view. screen_dispatch()
 * carries out one command: it moves the selection and edits fields itself,
 * passes the rest to the top screen, rebuilds the view when the screen says
 * the data changed, opens and closes screens as asked, and keeps what is
 * being typed as a draft (core/draft.h) so nothing typed is lost. Renderers
 * and tests both drive the program through it.
 *
 * Help (COMMAND_HELP: ? or F1, or "help" typed) opens the screen named "help"
 * from the table over whichever screen is showing; screens/help.c is it.
 */
#ifndef INVOLVE_SCREEN_H
#define INVOLVE_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "command.h"
#include "view.h"

struct config;
struct screen_stack;
struct store;

/* What a screen made of a command. */
enum screen_result {
	SCREEN_UNHANDLED, /* not this screen's: the framework says there is nothing to do */
	SCREEN_HANDLED,   /* done; the view is as the screen left it */
	SCREEN_CHANGED,   /* the data changed: build the view again, keeping the selection */
};

/* What a screen is given: the program's state and its own. */
struct screen_ctx {
	struct screen_stack *stack; /* the framework's; pass it on, do not look inside */
	struct store *store;
	const struct config *config; /* may be NULL in tests */
	const struct screen *screen;
	int64_t id;  /* the record this screen shows (0: none, or a new one) */
	void *state; /* the screen's own, freed by its leave function */
};

struct screen {
	const char *name;  /* for screen_open, drafts and tests: "projects" */
	const char *title; /* "Projects" */
	const char *help;  /* what the screen is for and how it works: a few sentences */
	/* Fill an empty view (title, summary, sections, actions). Problems go on the message line.
	 */
	void (*build)(struct screen_ctx *c, struct view *v);
	/*
	 * Handle COMMAND_OPEN (a row), COMMAND_ACTION (cmd->key and cmd->text are the
	 * action's), COMMAND_SAVE_FIELD (cmd->text for the focused field, a choice number
	 * already turned into its label, nothing typed into a field with choices its current
	 * value; on refusal set the field's error), COMMAND_ANSWER;
	 * any other command may be passed over with SCREEN_UNHANDLED. While a live field
	 * (view_field.live) is being edited, the editing commands (COMMAND_INSERT and the
	 * erasing ones) come here too, after the framework changed the text in v->edit.buf,
	 * so the screen can say what Enter would do. May be NULL.
	 */
	enum screen_result (*handle)(struct screen_ctx *c, struct view *v,
	                             const struct command *cmd);
	void (*leave)(struct screen_ctx *c); /* free c->state; may be NULL */
};

/* Requests a screen makes while handling a command; carried out when it returns. */
void screen_open(struct screen_ctx *c, const char *name, int64_t id);
void screen_back(struct screen_ctx *c);
void screen_quit(struct screen_ctx *c);
/*
 * Focus the field named name and start editing it, empty, once the command
 * is carried out (after the view is built again, and instead of moving on
 * after a save): an entry field that takes one line after another stays open
 * for the next. Ignored when the screen also asks to open, go back or quit,
 * or when the view has no such field.
 */
void screen_edit_field(struct screen_ctx *c, const char *name);

/* True when the program has a screen named name, so a screen may offer to open it. */
bool screen_exists(const struct screen_ctx *c, const char *name);

/* The screen named name in a NULL-terminated table, or NULL. */
const struct screen *screen_find(const struct screen *const *table, const char *name);
/*
 * The table of screens the program runs (main.c's), so a screen can offer a
 * way to another only when it is there: screen_find(screen_table(c), "meeting").
 */
const struct screen *const *screen_table(const struct screen_ctx *c);
/*
 * The screen under c's on the stack (the one c's was opened from) and, when
 * view is not NULL, its view; NULL when c's is the first. For the help
 * screen, which describes the screen below it. Borrowed: valid while c's is open.
 */
const struct screen_ctx *screen_under(const struct screen_ctx *c, const struct view **view);

/*
 * A new stack over the table of screens (NULL-terminated, owned by the
 * caller, as are store and config). Free with screen_stack_free.
 */
struct screen_stack *screen_stack_new(const struct screen *const *table, struct store *store,
                                      const struct config *config);
void screen_stack_free(struct screen_stack *st);
/* Open the screen named name about record id on top; false (and nothing opened) if no such screen.
 */
bool screen_push(struct screen_stack *st, const char *name, int64_t id);
/* How many screens are open. */
size_t screen_depth(const struct screen_stack *st);
/* The top screen's view and context, or NULL when none is open. */
struct view *screen_view(struct screen_stack *st);
struct screen_ctx *screen_top(struct screen_stack *st);
/* Build the top view again from the store, keeping the selection. */
void screen_rebuild(struct screen_stack *st);

/*
 * Carry out cmd on the top screen. Returns false when the program should
 * stop (quit, end of input, a signal, or back from the first screen), after
 * keeping any draft.
 */
bool screen_dispatch(struct screen_stack *st, const struct command *cmd);

/*
 * Offer back the draft kept when the program last stopped: open its screen
 * over the first one, focus its field and start editing with the kept text.
 * Returns true when a draft was offered.
 */
bool screen_offer_draft(struct screen_stack *st);

#endif
