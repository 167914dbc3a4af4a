/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen: the stack of open screens, carrying out commands, and drafts. */
#include "screen.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draft.h"
#include "mem.h"

enum { SCREEN_DRAFT_KEYS = 16 }; /* keys typed between drafts kept, besides every pause */

struct screen_frame {
	struct screen_ctx ctx;
	struct view *view;
};

struct screen_stack {
	const struct screen *const *table;
	struct store *store;
	const struct config *config;
	struct screen_frame *frames;
	size_t n, cap;
	const struct screen *want_open; /* requests made while a screen handles a command */
	int64_t want_id;
	bool want_back, want_quit;
	char *want_edit; /* the field to edit next (screen_edit_field), or NULL */
};

const struct screen *screen_find(const struct screen *const *table, const char *name)
{
	for (size_t i = 0; table && table[i]; i++)
		if (strcmp(table[i]->name, name) == 0)
			return table[i];
	return NULL;
}

const struct screen *const *screen_table(const struct screen_ctx *c)
{
	return c->stack->table;
}

const struct screen_ctx *screen_under(const struct screen_ctx *c, const struct view **view)
{
	const struct screen_stack *st = c->stack;
	for (size_t i = 1; i < st->n; i++) {
		if (&st->frames[i].ctx == c) {
			if (view)
				*view = st->frames[i - 1].view;
			return &st->frames[i - 1].ctx;
		}
	}
	if (view)
		*view = NULL;
	return NULL;
}

void screen_open(struct screen_ctx *c, const char *name, int64_t id)
{
	const struct screen *s = screen_find(c->stack->table, name);
	if (!s)
		abort(); /* a screen asked for a screen main.c does not list: a programming error */
	c->stack->want_open = s;
	c->stack->want_id = id;
}

void screen_edit_field(struct screen_ctx *c, const char *name)
{
	mem_replace(&c->stack->want_edit, name);
}

bool screen_exists(const struct screen_ctx *c, const char *name)
{
	return screen_find(c->stack->table, name) != NULL;
}

void screen_back(struct screen_ctx *c)
{
	c->stack->want_back = true;
}

void screen_quit(struct screen_ctx *c)
{
	c->stack->want_quit = true;
}

struct screen_stack *screen_stack_new(const struct screen *const *table, struct store *store,
                                      const struct config *config)
{
	struct screen_stack *st = mem_calloc(1, sizeof *st);
	st->table = table;
	st->store = store;
	st->config = config;
	return st;
}

/* Close the top screen. */
static void screen_pop(struct screen_stack *st)
{
	struct screen_frame *f = &st->frames[--st->n];
	if (f->ctx.screen->leave)
		f->ctx.screen->leave(&f->ctx);
	view_free(f->view);
}

void screen_stack_free(struct screen_stack *st)
{
	if (!st)
		return;
	while (st->n)
		screen_pop(st);
	free(st->want_edit);
	free(st->frames);
	free(st);
}

size_t screen_depth(const struct screen_stack *st)
{
	return st->n;
}

struct view *screen_view(struct screen_stack *st)
{
	return st->n ? st->frames[st->n - 1].view : NULL;
}

struct screen_ctx *screen_top(struct screen_stack *st)
{
	return st->n ? &st->frames[st->n - 1].ctx : NULL;
}

/* Open screen s about id on top of the stack and build its view. */
static void screen_push_screen(struct screen_stack *st, const struct screen *s, int64_t id)
{
	mem_grow((void **)&st->frames, &st->cap, st->n + 1, sizeof *st->frames);
	struct screen_frame *f = &st->frames[st->n++];
	memset(f, 0, sizeof *f);
	f->ctx.stack = st;
	f->ctx.store = st->store;
	f->ctx.config = st->config;
	f->ctx.screen = s;
	f->ctx.id = id;
	f->view = view_new();
	s->build(&f->ctx, f->view);
	view_home(f->view);
	f->view->fresh = true;
}

bool screen_push(struct screen_stack *st, const char *name, int64_t id)
{
	const struct screen *s = screen_find(st->table, name);
	if (!s)
		return false;
	screen_push_screen(st, s, id);
	return true;
}

void screen_rebuild(struct screen_stack *st)
{
	if (!st->n)
		return;
	struct screen_frame *f = &st->frames[st->n - 1];
	struct view_mark m;
	view_mark_take(f->view, &m);
	view_reset(f->view);
	f->ctx.screen->build(&f->ctx, f->view);
	view_mark_restore(f->view, &m);
	f->view->rebuilt++;
	if (f->view->edit.active && !view_focused_field(f->view))
		view_edit_stop(f->view);
}

/* Say on the message line what became of field f: "Who decides was left as it was." */
static void screen_say_field(struct view *v, enum view_tone tone, const struct view_field *f,
                             const char *rest)
{
	char *called = view_field_called(f, true);
	view_message(v, tone, "%s %s", called, rest);
	free(called);
}

/* The field being edited, or else the focused one; NULL when neither. */
static struct view_field *screen_field(struct view *v, size_t *section, size_t *index)
{
	if (v->edit.active && v->edit.section < v->nsections &&
	    v->edit.field < v->sections[v->edit.section].nfields) {
		*section = v->edit.section;
		*index = v->edit.field;
		return &v->sections[*section].fields[*index];
	}
	struct view_field *f = view_focused_field(v);
	if (f) {
		*section = v->focus;
		*index = v->sections[v->focus].focus;
	}
	return f;
}

/* The draft key of field f on the top screen. The caller frees it. */
static char *screen_draft_key(struct screen_stack *st, const struct view_field *f)
{
	const struct screen_ctx *c = &st->frames[st->n - 1].ctx;
	return draft_key(c->screen->name, c->id, f->name);
}

/* Keep text (or the text being edited) as the draft of the field being edited. */
static void screen_keep_draft(struct screen_stack *st, const char *text)
{
	struct view *v = screen_view(st);
	size_t s, i;
	struct view_field *f = v ? screen_field(v, &s, &i) : NULL;
	if (!f || (!text && !v->edit.active))
		return;
	char *key = screen_draft_key(st, f);
	struct error err;
	if (draft_save(st->store, key, text ? text : v->edit.buf, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	else
		v->edit.unsaved = 0;
	free(key);
}

/* Forget the draft of field f on the top screen. */
static void screen_drop_draft(struct screen_stack *st, const struct view_field *f)
{
	char *key = screen_draft_key(st, f);
	draft_drop(st->store, key, NULL);
	free(key);
}

/* Pass cmd to the top screen. */
static enum screen_result screen_handle(struct screen_stack *st, const struct command *cmd)
{
	struct screen_frame *f = &st->frames[st->n - 1];
	if (!f->ctx.screen->handle)
		return SCREEN_UNHANDLED;
	return f->ctx.screen->handle(&f->ctx, f->view, cmd);
}

/* Save the field being edited (or the focused one) from text, then move by cmd->number. */
static enum screen_result screen_save_field(struct screen_stack *st, struct view *v,
                                            const struct command *cmd)
{
	size_t s, i;
	struct view_field *f = screen_field(v, &s, &i);
	if (!f) {
		view_message(v, VIEW_TONE_WARN, "There is no field here to save.");
		return SCREEN_HANDLED;
	}
	if (f->read_only) {
		screen_say_field(v, VIEW_TONE_WARN, f, "cannot be changed here.");
		view_edit_stop(v);
		return SCREEN_HANDLED;
	}
	const char *typed = cmd->text ? cmd->text : v->edit.active ? v->edit.buf : "";
	if (!*typed && f->nchoices)
		typed = f->value; /* nothing chosen: the choice stays as it is */
	struct command save = *cmd;
	save.text = view_field_answer(f, typed);
	char *key = screen_draft_key(st, f);
	view_focus_field(v, s, i);
	view_field_error(f, "");
	enum screen_result r = screen_handle(st, &save);
	free(save.text);
	if (r == SCREEN_UNHANDLED) {
		screen_say_field(v, VIEW_TONE_WARN, f, "cannot be changed here.");
	} else if (!*f->error) {
		view_edit_stop(v);
		draft_drop(st->store, key, NULL);
		if (r == SCREEN_CHANGED && !st->want_open && !st->want_back && !st->want_quit)
			screen_rebuild(st);
		r = SCREEN_HANDLED;
		if (cmd->number)
			view_move(v, cmd->number > 0 ? 1 : -1);
	}
	free(key);
	return r;
}

/* Move to the next field whose label starts with text. */
static bool screen_jump_field(struct view *v, const char *text)
{
	struct view_section *sec = &v->sections[v->focus];
	size_t n = sec->nfields, len = strlen(text);
	for (size_t k = 1; k <= n; k++) {
		size_t i = (sec->focus + k) % n;
		if (strncasecmp(sec->fields[i].label, text, len) == 0) {
			sec->focus = i;
			return true;
		}
	}
	view_message(v, VIEW_TONE_WARN, "No field starts with \"%s\".", text);
	return false;
}

/* Carry out a command the framework handles without the screen; false when it is not one. */
static bool screen_navigate(struct view *v, const struct command *cmd)
{
	long page = cmd->number > 0 ? cmd->number : 10;
	switch (cmd->kind) {
	case COMMAND_UP:
		view_move(v, -1);
		return true;
	case COMMAND_DOWN:
		view_move(v, 1);
		return true;
	case COMMAND_PAGE_UP:
		view_move(v, -(int)page);
		return true;
	case COMMAND_PAGE_DOWN:
		view_move(v, (int)page);
		return true;
	case COMMAND_HOME:
		view_home(v);
		return true;
	case COMMAND_END:
		view_end(v);
		return true;
	case COMMAND_FIND:
		view_find(v, cmd->text, false);
		return true;
	case COMMAND_JUMP:
		if (v->focus < v->nsections && v->sections[v->focus].kind == VIEW_FORM)
			screen_jump_field(v, cmd->text);
		else
			view_find(v, cmd->text, true);
		return true;
	case COMMAND_INSERT:
		view_edit_insert(v, cmd->text ? cmd->text : "");
		return true;
	case COMMAND_LEFT:
		view_edit_left(v);
		return true;
	case COMMAND_RIGHT:
		view_edit_right(v);
		return true;
	case COMMAND_LINE_START:
		view_edit_home(v);
		return true;
	case COMMAND_LINE_END:
		view_edit_end(v);
		return true;
	case COMMAND_ERASE_BACK:
		view_edit_backspace(v);
		return true;
	case COMMAND_ERASE:
		view_edit_delete(v);
		return true;
	case COMMAND_ERASE_ALL:
		view_edit_kill(v);
		return true;
	case COMMAND_KEEP_FIELD:
		view_move(v, 1);
		return true;
	default:
		return false;
	}
}

/* Does cmd change the text of a live field being edited, so the screen hears of it? */
static bool screen_live(struct view *v, enum command_kind kind)
{
	if (kind != COMMAND_INSERT && kind != COMMAND_ERASE_BACK && kind != COMMAND_ERASE &&
	    kind != COMMAND_ERASE_ALL)
		return false;
	size_t s, i;
	struct view_field *f = v->edit.active ? screen_field(v, &s, &i) : NULL;
	return f && f->live;
}

/* Commands that are not key presses, which leave the message line as it is. */
static bool screen_not_a_key(enum command_kind kind)
{
	return kind == COMMAND_PAUSE || kind == COMMAND_RESIZE || kind == COMMAND_NONE;
}

/* Start editing the focused field, saying why not when it cannot be. */
static void screen_edit(struct view *v, const char *text)
{
	struct view_field *f = view_focused_field(v);
	if (f && f->read_only)
		screen_say_field(v, VIEW_TONE_WARN, f, "cannot be changed here.");
	else if (f)
		view_edit_start(v, text);
}

/* Stop editing without saving, dropping the draft, and say the field is as it was. */
static void screen_cancel_edit(struct screen_stack *st, struct view *v)
{
	size_t s, i;
	struct view_field *f = v->edit.active ? screen_field(v, &s, &i) : NULL;
	view_edit_stop(v);
	if (f) {
		screen_drop_draft(st, f);
		screen_say_field(v, VIEW_TONE_PLAIN, f, "was left as it was.");
	}
}

/* Close the top screen; false when it was the last. */
static bool screen_leave_top(struct screen_stack *st)
{
	screen_pop(st);
	if (!st->n)
		return false;
	screen_rebuild(st);
	screen_view(st)->fresh = true;
	return true;
}

/* Carry out what the screen asked for while handling a command, then rebuild if needed. */
static bool screen_after(struct screen_stack *st, enum screen_result r)
{
	if (st->want_quit) {
		screen_keep_draft(st, NULL);
		return false;
	}
	if (st->want_back)
		return screen_leave_top(st);
	if (st->want_open) {
		screen_push_screen(st, st->want_open, st->want_id);
		return true;
	}
	if (r == SCREEN_CHANGED)
		screen_rebuild(st);
	if (st->want_edit) {
		struct view *v = screen_view(st);
		size_t s, i;
		if (view_find_field(v, st->want_edit, &s, &i)) {
			view_focus_field(v, s, i);
			view_edit_start(v, "");
		}
		free(st->want_edit);
		st->want_edit = NULL;
	}
	return true;
}

bool screen_dispatch(struct screen_stack *st, const struct command *cmd)
{
	if (!st->n)
		return false;
	struct view *v = screen_view(st);
	if (!screen_not_a_key(cmd->kind))
		view_message(v, VIEW_TONE_PLAIN, "%s", "");
	st->want_open = NULL;
	st->want_back = st->want_quit = false;
	free(st->want_edit);
	st->want_edit = NULL;

	switch (cmd->kind) {
	case COMMAND_STOP:
	case COMMAND_EOF:
		screen_keep_draft(st, cmd->text);
		return false;
	case COMMAND_QUIT:
		screen_keep_draft(st, NULL);
		return false;
	case COMMAND_PAUSE:
		if (v->edit.active && v->edit.unsaved)
			screen_keep_draft(st, NULL);
		return true;
	case COMMAND_NONE:
	case COMMAND_RESIZE:
	case COMMAND_LOOK:
		return true;
	default:
		break;
	}

	if (v->question.text) {
		if (cmd->kind != COMMAND_ANSWER && cmd->kind != COMMAND_BACK &&
		    cmd->kind != COMMAND_HELP) {
			view_message(v, VIEW_TONE_WARN, "Answer the question first: yes or no.");
			return true;
		}
		if (cmd->kind != COMMAND_HELP) {
			struct command answer = *cmd;
			answer.kind = COMMAND_ANSWER;
			answer.number = cmd->kind == COMMAND_ANSWER ? cmd->number : 0;
			answer.key = v->question.tag;
			free(v->question.text);
			v->question.text = NULL;
			return screen_after(st, screen_handle(st, &answer));
		}
	}

	enum screen_result r = SCREEN_HANDLED;
	if (screen_navigate(v, cmd)) {
		if (v->edit.active && v->edit.unsaved >= SCREEN_DRAFT_KEYS)
			screen_keep_draft(st, NULL);
		if (screen_live(v, cmd->kind))
			return screen_after(st, screen_handle(st, cmd));
		return true;
	}
	switch (cmd->kind) {
	case COMMAND_HELP: {
		const struct screen *help = screen_find(st->table, "help");
		if (help)
			screen_push_screen(st, help, 0);
		else
			view_message(v, VIEW_TONE_WARN, "There is no help in this program.");
		return true;
	}
	case COMMAND_BACK:
		if (v->edit.active) {
			screen_cancel_edit(st, v);
			return true;
		}
		return screen_leave_top(st);
	case COMMAND_FIRST:
		if (v->edit.active) {
			view_message(
			        v, VIEW_TONE_WARN,
			        "Save what you are typing first (Enter), or leave it as it was "
			        "(Escape).");
			return true;
		}
		if (st->n == 1) {
			view_message(v, VIEW_TONE_PLAIN, "This is the first screen.");
			return true;
		}
		while (st->n > 2)
			screen_pop(st);
		return screen_leave_top(st);
	case COMMAND_CANCEL:
		screen_cancel_edit(st, v);
		return true;
	case COMMAND_EDIT:
		screen_edit(v, cmd->text);
		return true;
	case COMMAND_SAVE_FIELD:
		r = screen_save_field(st, v, cmd);
		break;
	case COMMAND_CHOOSE:
	case COMMAND_OPEN:
		if (cmd->kind == COMMAND_CHOOSE) {
			if (!cmd->item || cmd->section >= v->nsections)
				return true;
			if (v->sections[cmd->section].kind == VIEW_FORM) {
				view_focus_field(v, cmd->section, cmd->index);
				return true;
			}
			view_select_row(v, cmd->section, cmd->index);
		}
		if (view_focused_field(v)) {
			screen_edit(v, NULL);
			return true;
		} else {
			struct command open = *cmd;
			open.kind = COMMAND_OPEN;
			r = view_selected_row(v) ? screen_handle(st, &open) : SCREEN_UNHANDLED;
			if (r == SCREEN_UNHANDLED)
				view_message(v, VIEW_TONE_WARN, "There is nothing to open here.");
		}
		break;
	case COMMAND_ACTION: {
		if (cmd->item)
			view_select_row(v, cmd->section, cmd->index);
		const struct view_action *a =
		        view_action_find(v, cmd->text ? 0 : cmd->key, cmd->text);
		if (!a) {
			view_message(v, VIEW_TONE_WARN,
			             "That is not something this screen does; help lists what it "
			             "does.");
			return true;
		}
		struct command act = *cmd;
		act.key = a->key;
		act.text = a->word;
		r = screen_handle(st, &act);
		if (r == SCREEN_UNHANDLED)
			view_message(v, VIEW_TONE_WARN, "That cannot be done here.");
		break;
	}
	case COMMAND_ANSWER:
		view_message(v, VIEW_TONE_WARN, "There is no question to answer.");
		return true;
	default:
		r = screen_handle(st, cmd);
		break;
	}
	return screen_after(st, r);
}

bool screen_offer_draft(struct screen_stack *st)
{
	char *key = NULL, *value = NULL, *name = NULL, *field = NULL;
	int64_t id = 0;
	bool offered = false;
	if (!draft_latest(st->store, &key, &value))
		return false;
	const struct screen *s = NULL;
	if (draft_key_parse(key, &name, &id, &field))
		s = screen_find(st->table, name);
	if (s) {
		screen_push_screen(st, s, id);
		struct view *v = screen_view(st);
		size_t sec, index;
		struct view_field *f = view_find_field(v, field, &sec, &index);
		if (f && !f->read_only) {
			view_focus_field(v, sec, index);
			view_edit_start(v, value);
			char *called = view_field_called(f, false);
			view_message(v, VIEW_TONE_WARN,
			             "You were typing %s when involve stopped; what you typed is "
			             "back: save it, or cancel to leave %s as it was.",
			             called, called);
			free(called);
			offered = true;
		} else {
			screen_pop(st);
		}
	}
	if (!offered)
		draft_drop(st->store, key, NULL);
	free(key);
	free(value);
	free(name);
	free(field);
	return offered;
}
