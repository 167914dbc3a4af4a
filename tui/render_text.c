/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_text: the accessible line-by-line mode (DESIGN §5).
 *
 * Output only ever adds lines: no escape bytes, no colour, no box drawing.
 * Each screen prints its title, its one-sentence summary, numbered rows that
 * each make sense alone, the commands on offer and a prompt that says what
 * it expects. Forms ask one field at a time. A number, help, back, quit and
 * the first letters of any command word work at every prompt. When input is
 * not a terminal each line read is echoed after its prompt, so a transcript
 * reads as a conversation.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "mem.h"
#include "render.h"
#include "text.h"

enum { RENDER_TEXT_PAGE = 20 }; /* rows printed at a time, at most */

/* What a printed number stands for. */
struct render_text_item {
	size_t section, index;
	bool field;
};

struct render_text {
	struct render base;
	FILE *in, *out;
	bool echo;                      /* input is not a terminal: echo each line read */
	size_t page;                    /* rows printed at a time */
	size_t width;                   /* wrap lines at spaces to this many columns; 0: never */
	size_t col;                     /* the column output has reached on its line */
	struct render_text_item *items; /* items[k - 1] is what number k stands for */
	size_t nitems, items_cap;
	bool walking; /* asking every field in turn */
	bool asking;  /* the last prompt asked for a field's value */
	bool single;  /* ask the focused field on its own next */
	size_t asked_section, asked_field;
	bool show_rows;     /* print the focused list's rows again */
	bool show_last;     /* ... ending with the selected row (after "last") */
	bool more_after;    /* the focused list has rows after the page printed last */
	bool first_page;    /* the page printed last starts at the list's first row */
	int64_t found_from; /* the row selected before a find: no new page if it stays */
	bool finding;
	bool look;        /* print the whole screen again */
	unsigned rebuilt; /* the view's rebuilt count when its rows were printed */
	char *line;       /* the last line read */
	size_t line_cap;
};

/* Write len bytes of text (no line breaks) to the current line. */
static void render_text_raw(struct render_text *t, const char *text, size_t len)
{
	fwrite(text, 1, len, t->out);
	char *piece = mem_strndup(text, len);
	t->col += text_width(piece);
	free(piece);
}

/*
 * Print formatted text. On a terminal, lines are broken at spaces before
 * the edge, so a screen reader never hears a word or a date cut in two.
 */
static void render_text_put(struct render_text *t, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static void render_text_put(struct render_text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = mem_vprintf(fmt, ap);
	va_end(ap);
	for (const char *p = text; *p;) {
		if (*p == '\n') {
			fputc('\n', t->out);
			t->col = 0;
			p++;
			continue;
		}
		/* The next word, with the spaces before it. */
		size_t spaces = strspn(p, " "), len = strcspn(p + spaces, " \n");
		char *word = mem_strndup(p + spaces, len);
		size_t w = text_width(word);
		if (t->width && t->col > 0 && len && t->col + spaces + w > t->width) {
			fputc('\n', t->out);
			t->col = 0;
		} else {
			render_text_raw(t, p, spaces);
		}
		/* A word longer than a whole line is cut where it must be. */
		const char *q = word;
		while (t->width && text_width(q) > t->width - t->col && t->col == 0) {
			size_t fit = text_fit(q, t->width, NULL);
			render_text_raw(t, q, fit ? fit : 1);
			fputc('\n', t->out);
			t->col = 0;
			q += fit ? fit : 1;
		}
		render_text_raw(t, q, strlen(q));
		free(word);
		p += spaces + len;
	}
	free(text);
}

/* Remember that number nitems + 1 stands for (section, index). */
static size_t render_text_number(struct render_text *t, size_t section, size_t index, bool field)
{
	mem_grow((void **)&t->items, &t->items_cap, t->nitems + 1, sizeof *t->items);
	t->items[t->nitems] = (struct render_text_item){ section, index, field };
	return ++t->nitems;
}

/* Print the rows of list section s from its row start, numbered. */
static void render_text_rows(struct render_text *t, struct view *v, size_t s, size_t start)
{
	struct view_section *sec = &v->sections[s];
	struct view_list *l = &sec->list;
	size_t n = view_list_fill(v, sec, start, t->page);
	if (!n && start == 0) {
		render_text_put(t, "%s\n", sec->empty);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char *text = view_row_text(&l->rows.v[start + i]);
		render_text_put(t, "%zu. %s\n", render_text_number(t, s, start + i, false), text);
		free(text);
	}
	bool more = view_list_fill(v, sec, start + n, 1) > 0;
	if (s == v->focus) {
		t->more_after = more;
		t->first_page = start == 0 && l->at_start;
	}
	if (!more && start == 0 && l->at_start)
		return;
	if (l->base >= 0 && l->count >= 0)
		render_text_put(t, "Rows %lld to %lld of %lld%s.\n",
		                (long long)(l->base + (int64_t)start + 1),
		                (long long)(l->base + (int64_t)(start + n)), (long long)l->count,
		                more ? "; type next for more" : "");
	else if (more)
		render_text_put(t, "There are more rows; type next for more.\n");
}

/* Print form section s as numbered "label: value" lines. */
static void render_text_fields(struct render_text *t, struct view *v, size_t s)
{
	struct view_section *sec = &v->sections[s];
	for (size_t i = 0; i < sec->nfields; i++) {
		const struct view_field *f = &sec->fields[i];
		render_text_put(t, "%zu. %s: %s\n", render_text_number(t, s, i, true), f->label,
		                *f->display ? f->display : "empty");
	}
}

/* Print the actions and the words that always work. */
static void render_text_actions(struct render_text *t, const struct view *v)
{
	bool list = false;
	for (size_t s = 0; s < v->nsections; s++)
		list |= v->sections[s].kind == VIEW_LIST;
	render_text_put(t, "%s", "Commands:");
	for (size_t i = 0; i < v->nactions; i++)
		render_text_put(t, " %s (%s),", v->actions[i].word, v->actions[i].label);
	render_text_put(t, "%s back, help, quit.\n", list ? " find and some words, next," : "");
}

/*
 * The first row to print of a list: the top when the selection is on the
 * first page, else the selected row (the list may be too long to count to).
 */
static size_t render_text_first(const struct view_section *sec, bool focused, size_t page)
{
	const struct view_list *l = &sec->list;
	if (!focused || (l->at_start && l->sel < page))
		return 0;
	return l->sel;
}

/* Print the whole screen: title, summary, sections, commands. */
static void render_text_screen(struct render_text *t, struct view *v)
{
	t->nitems = 0;
	render_text_put(t, "\n%s\n%s\n", v->title, v->summary);
	for (size_t s = 0; s < v->nsections; s++) {
		struct view_section *sec = &v->sections[s];
		if (*sec->heading)
			render_text_put(t, "%s:\n", sec->heading);
		if (sec->kind == VIEW_FORM)
			render_text_fields(t, v, s);
		else
			render_text_rows(t, v, s, render_text_first(sec, s == v->focus, t->page));
	}
	render_text_actions(t, v);
}

/* Ask for the value of field (s, i), first saying why the last value was refused if asked. */
static void render_text_ask(struct render_text *t, struct view *v, size_t s, size_t i, bool why)
{
	struct view_section *sec = &v->sections[s];
	const struct view_field *f = &sec->fields[i];
	size_t number = 0, total = 0;
	for (size_t k = 0; k < v->nsections; k++) {
		if (v->sections[k].kind != VIEW_FORM)
			continue;
		if (k < s)
			number += v->sections[k].nfields;
		total += v->sections[k].nfields;
	}
	number += i + 1;
	if (why && *f->error)
		render_text_put(t, "Not saved: %s\n", f->error);
	render_text_put(t, "Field %zu of %zu: %s", number, total, f->label);
	if (f->nchoices) {
		render_text_put(t, "%s", ", one of");
		for (size_t c = 0; c < f->nchoices; c++)
			render_text_put(t, "%s %zu %s", c ? "," : "", c + 1, f->choices[c]);
	} else if (*f->expect) {
		render_text_put(t, ", %s", f->expect);
	}
	render_text_put(t, ", now %s", *f->display ? f->display : "empty");
	if (v->edit.active && *v->edit.buf)
		render_text_put(
		        t,
		        ", and what you typed before is kept: %s. Press Enter to save that, "
		        "type a new value, or type cancel:",
		        v->edit.buf);
	else
		render_text_put(t, "%s", ":");
	t->asking = true;
	t->asked_section = s;
	t->asked_field = i;
}

/* The prompt when no field is being asked. */
static void render_text_prompt(struct render_text *t, const struct view *v)
{
	t->asking = false;
	bool fields = false, rows = false;
	for (size_t k = 0; k < t->nitems; k++) {
		fields |= t->items[k].field;
		rows |= !t->items[k].field;
	}
	if (!t->nitems)
		render_text_put(t, "%s", "Type a command, or help:");
	else if (fields && !rows)
		render_text_put(t, "Type a field number from 1 to %zu to change it, or a command:",
		                t->nitems);
	else
		render_text_put(t,
		                "Type a number from 1 to %zu to open it, or a command:", t->nitems);
	(void)v;
}

/* Draw: print what is new since the last command, then the prompt. */
static void render_text_draw(struct render *r, struct view *v)
{
	struct render_text *t = (struct render_text *)r;
	bool whole = v->fresh || t->look;
	if (whole) {
		render_text_screen(t, v);
		if (v->fresh) {
			t->walking = v->walk && view_focused_field(v);
			t->asking = false;
		}
		v->fresh = t->look = false;
	} else if (*v->message) {
		render_text_put(t, "%s\n", v->message);
	}
	const struct view_row *now = view_selected_row(v);
	if (t->finding && now && now->id == t->found_from)
		t->show_rows = false; /* nothing found: the same page stands */
	t->finding = false;
	if (!whole && (t->show_rows || t->rebuilt != v->rebuilt) && v->focus < v->nsections &&
	    v->sections[v->focus].kind == VIEW_LIST) {
		/* Paged, or the rows changed: the numbers must stand for what is there now. */
		struct view_section *sec = &v->sections[v->focus];
		size_t sel = sec->list.sel, from = render_text_first(sec, true, t->page);
		if (t->show_last)
			from = sel + 1 >= t->page ? sel + 1 - t->page : 0;
		else if (t->show_rows)
			from = sel;
		t->nitems = 0;
		render_text_rows(t, v, v->focus, from);
		/* Paging goes on from the page shown: "previous" after "last" is the page before.
		 */
		if (t->show_rows)
			view_select_row(v, v->focus, from);
	}
	t->show_rows = t->show_last = false;
	t->rebuilt = v->rebuilt;
	if (whole && *v->message)
		render_text_put(t, "%s\n", v->message);

	struct view_field *f = view_focused_field(v);
	size_t s = v->focus, i = f ? v->sections[s].focus : 0;
	if (v->question.text) {
		t->asking = false;
		render_text_put(t, "%s Type yes or no:", v->question.text);
	} else if (v->edit.active) {
		render_text_ask(t, v, v->edit.section, v->edit.field, true);
	} else if (t->single && f) {
		t->single = false;
		render_text_ask(t, v, s, i, true);
	} else if (t->asking && f && s == t->asked_section && i == t->asked_field && *f->error) {
		render_text_ask(t, v, s, i, true);
	} else if (t->walking && f &&
	           (!t->asking || s != t->asked_section || i != t->asked_field)) {
		render_text_ask(t, v, s, i, true);
	} else {
		if (t->walking && t->asking)
			render_text_put(t, "%s", "That was the last field.\n");
		t->walking = false;
		render_text_prompt(t, v);
	}
	render_text_put(t, " ");
	fflush(t->out);
}

/* Read a line into t->line without its line break; -1 at the end of input, 0 interrupted. */
static int render_text_getline(struct render_text *t, bool *partial)
{
	errno = 0;
	ssize_t n = getline(&t->line, &t->line_cap, t->in);
	if (n < 0) {
		if (errno == EINTR) {
			clearerr(t->in);
			return 0;
		}
		return -1;
	}
	*partial = n == 0 || t->line[n - 1] != '\n';
	t->col = 0; /* the line typed (and its echo) ended the output's line */
	while (n > 0 && (t->line[n - 1] == '\n' || t->line[n - 1] == '\r'))
		t->line[--n] = '\0';
	if (t->echo)
		render_text_put(t, "%s\n", t->line);
	return 1;
}

/* The line with spaces trimmed at both ends (points into t->line). */
static char *render_text_trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* The words the view's actions answer to, NULL-terminated; the caller frees the array. */
static const char **render_text_action_words(const struct view *v)
{
	const char **words = mem_calloc(v->nactions + 1, sizeof *words);
	for (size_t i = 0; i < v->nactions; i++)
		words[i] = v->actions[i].word;
	return words;
}

/* Turn a line typed at a field prompt into a command; false to ask again without one. */
static bool render_text_field_line(struct render_text *t, struct view *v, const char *typed,
                                   struct command *cmd)
{
	static const struct {
		const char *word;
		enum command_kind kind;
	} words[] = {
		{ "back", COMMAND_BACK },
		{ "quit", COMMAND_QUIT },
		{ "look", COMMAND_LOOK },
		{ "cancel", COMMAND_CANCEL },
	};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		if (strcasecmp(typed, words[k].word) == 0) {
			command_make(cmd, words[k].kind, NULL);
			if (words[k].kind == COMMAND_LOOK)
				t->look = true;
			return true;
		}
	}
	const struct view_field *f = &v->sections[t->asked_section].fields[t->asked_field];
	if (strcasecmp(typed, "help") == 0) {
		render_text_put(t,
		                "%s%sType a value, or press Enter to keep it as it is%s, or back "
		                "to leave.\n",
		                f->help, *f->help ? " " : "",
		                t->walking ? ", done to stop going through the fields" : "");
		return false;
	}
	if (strcasecmp(typed, "done") == 0 || strcasecmp(typed, "stop") == 0 ||
	    (!*typed && !v->edit.active && !t->walking)) {
		/* Stop asking: Enter keeps a field asked on its own as it is. */
		t->walking = false;
		t->asking = false;
		return false;
	}
	if (!*typed && v->edit.active) {
		command_make(cmd, COMMAND_SAVE_FIELD, v->edit.buf);
	} else if (!*typed) {
		command_make(cmd, COMMAND_KEEP_FIELD, NULL);
		return true;
	} else {
		command_make(cmd, COMMAND_SAVE_FIELD, typed);
	}
	cmd->number = t->walking ? 1 : 0;
	return true;
}

/* Turn a line typed at the general prompt into a command; false to ask again. */
static bool render_text_command_line(struct render_text *t, struct view *v, const char *typed,
                                     struct command *cmd)
{
	if (!*typed)
		return false;
	const char **words = render_text_action_words(v);
	bool ok = command_parse(typed, words, cmd);
	free(words);
	if (!ok) {
		render_text_put(t, "\"%s\" is not a command here; type help for the commands.\n",
		                typed);
		return false;
	}
	if (cmd->kind == COMMAND_ACTION && cmd->number > 0) {
		/* "delete 3": the action is for row 3. */
		if ((size_t)cmd->number > t->nitems || t->items[cmd->number - 1].field) {
			render_text_put(t, "There is no row numbered %ld here.\n", cmd->number);
			command_clear(cmd);
			return false;
		}
		cmd->item = true;
		cmd->section = t->items[cmd->number - 1].section;
		cmd->index = t->items[cmd->number - 1].index;
		return true;
	}
	switch (cmd->kind) {
	case COMMAND_CHOOSE:
		if (cmd->number < 1 || (size_t)cmd->number > t->nitems) {
			if (t->nitems)
				render_text_put(
				        t, "There is no number %ld here; choose from 1 to %zu.\n",
				        cmd->number, t->nitems);
			else
				render_text_put(t, "There is nothing numbered here.\n");
			command_clear(cmd);
			return false;
		}
		cmd->item = true;
		cmd->section = t->items[cmd->number - 1].section;
		cmd->index = t->items[cmd->number - 1].index;
		if (t->items[cmd->number - 1].field) {
			/* The renderer asks it next, on its own. */
			t->walking = false;
			t->single = true;
		}
		break;
	case COMMAND_PAGE_DOWN:
	case COMMAND_PAGE_UP:
		if (cmd->kind == COMMAND_PAGE_DOWN ? !t->more_after : t->first_page) {
			render_text_put(
			        t, "%s\n",
			        cmd->kind == COMMAND_PAGE_DOWN
			                ? "That was the last page; previous or first go back."
			                : "That was the first page; next goes on.");
			command_clear(cmd);
			return false;
		}
		cmd->number = (long)t->page;
		t->show_rows = true;
		break;
	case COMMAND_END:
	case COMMAND_FIND:
	case COMMAND_HOME:
	case COMMAND_UP:
	case COMMAND_DOWN:
		if (cmd->kind == COMMAND_END)
			t->show_last = true;
		if (cmd->kind == COMMAND_END || cmd->kind == COMMAND_FIND) {
			const struct view_row *row = view_selected_row(v);
			t->finding = row != NULL;
			t->found_from = row ? row->id : 0;
		}
		t->show_rows = true;
		break;
	case COMMAND_LOOK:
		t->look = true;
		break;
	default:
		break;
	}
	return true;
}

static void render_text_read(struct render *r, struct view *v, struct command *cmd)
{
	struct render_text *t = (struct render_text *)r;
	for (;;) {
		bool partial = false;
		int got = render_text_getline(t, &partial);
		if (r->stop && *r->stop) {
			command_make(cmd, COMMAND_STOP, NULL);
			return;
		}
		if (got == 0)
			continue;
		if (got < 0) {
			command_make(cmd, COMMAND_EOF, NULL);
			return;
		}
		char *typed = render_text_trim(t->line);
		if (partial && t->asking && *typed) {
			/* The last line was never finished: keep it as a draft, not a value. */
			command_make(cmd, COMMAND_EOF, typed);
			return;
		}
		if (v->question.text) {
			if (strcasecmp(typed, "y") == 0 || strcasecmp(typed, "yes") == 0 ||
			    strcasecmp(typed, "n") == 0 || strcasecmp(typed, "no") == 0) {
				command_make(cmd, COMMAND_ANSWER, NULL);
				cmd->number = tolower((unsigned char)typed[0]) == 'y';
				return;
			}
			struct command parsed;
			if (command_parse(typed, NULL, &parsed) && parsed.kind != COMMAND_CHOOSE) {
				*cmd = parsed;
				return;
			}
			command_clear(&parsed);
			render_text_put(t, "\"%s\" is not an answer. %s Type yes or no: ", typed,
			                v->question.text);
			fflush(t->out);
			continue;
		}
		bool ok = t->asking ? render_text_field_line(t, v, typed, cmd)
		                    : render_text_command_line(t, v, typed, cmd);
		if (ok) {
			return;
		} else {
			if (t->asking)
				render_text_ask(t, v, t->asked_section, t->asked_field, false);
			else
				render_text_prompt(t, v);
			render_text_put(t, " ");
			fflush(t->out);
		}
	}
}

static void render_text_close(struct render *r)
{
	struct render_text *t = (struct render_text *)r;
	render_text_put(t, "\n");
	fflush(t->out);
	free(t->items);
	free(t->line);
	free(t);
}

static const struct render_ops render_text_ops = {
	.draw = render_text_draw,
	.read = render_text_read,
	.close = render_text_close,
};

struct render *render_text_open(FILE *in, FILE *out, const volatile sig_atomic_t *stop)
{
	struct render_text *t = mem_calloc(1, sizeof *t);
	t->base.ops = &render_text_ops;
	t->base.stop = stop;
	t->in = in;
	t->out = out;
	t->echo = !isatty(fileno(in));
	/*
	 * On a terminal a screen reader reads what is on the screen: a whole page, with
	 * the title above it and the prompt below, must fit without scrolling away.
	 */
	t->page = RENDER_TEXT_PAGE;
	struct winsize ws;
	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) {
		size_t fit = ws.ws_row > 17 ? ws.ws_row - 12u : 5;
		if (fit < t->page)
			t->page = fit;
		t->width = ws.ws_col > 20 ? ws.ws_col - 1u : 0;
	}
	return &t->base;
}
