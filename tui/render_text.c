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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "mem.h"
#include "render.h"
#include "text.h"

enum {
	RENDER_TEXT_PAGE = 15,         /* numbered rows printed at a time when not on a terminal */
	RENDER_TEXT_SECTION_MAX = 100, /* rows listed of a list the selection is not in */
};

/* What a printed number stands for. */
struct render_text_item {
	size_t number;
	size_t section, index;
	bool field;
};

/* One line of a printout, not yet or already printed. */
struct render_text_line {
	char *text;    /* without its line break */
	size_t number; /* the number it carries; 0 for none */
	bool heading;  /* kept with the line after it */
};

struct render_text {
	struct render base;
	FILE *in, *out;
	bool echo;                      /* input is not a terminal: echo each line read */
	size_t page;                    /* numbered rows printed at a time when budget is 0 */
	size_t budget;                  /* on a terminal: lines a piece may take, with its prompt */
	size_t width;                   /* wrap lines at spaces to this many columns; 0: never */
	size_t col;                     /* the column output has reached on its line */
	struct render_text_item *items; /* what each number printed stands for, in order */
	size_t nitems, items_cap;
	size_t next_number; /* the number the next item gets unless it has its own */
	/*
	 * The printout: a whole screen, or a page of the selected list, printed a
	 * piece at a time so that a screen reader, which reads what is on the
	 * screen, hears all of it in order: at most a page of rows, or on a
	 * terminal what fits with the prompt below it.
	 */
	struct render_text_line *lines;
	size_t nlines, lines_cap;
	size_t shown;   /* lines of it printed so far */
	size_t *pieces; /* the line each piece printed so far starts at */
	size_t npieces, pieces_cap;
	size_t piece_first; /* the numbers in the piece printed last (0: none) */
	size_t piece_last;
	int64_t total;      /* numbered rows in all, counting the list's rows not printed; -1 */
	bool fields_only;   /* every number stands for a field */
	size_t list_from;   /* a page of a list numbered from this (not 1); else 0 */
	size_t *sec_number; /* whole screen: the number of each section's first item */
	size_t nsec_number, sec_number_cap;
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

/*
 * Lay out text from column *col: lines are broken at spaces before width
 * (when width is not 0), so a screen reader never hears a word or a date cut
 * in two, and a word longer than a line is cut where it must be. Writes to
 * out unless it is NULL; returns the line breaks the text takes.
 */
static size_t render_text_flow(FILE *out, size_t width, size_t *col, const char *text)
{
	size_t breaks = 0;
	for (const char *p = text; *p;) {
		if (*p == '\n') {
			if (out)
				fputc('\n', out);
			*col = 0;
			breaks++;
			p++;
			continue;
		}
		/* The next word, with the spaces before it. */
		size_t spaces = strspn(p, " "), len = strcspn(p + spaces, " \n");
		char *word = mem_strndup(p + spaces, len);
		if (width && *col > 0 && len && *col + spaces + text_width(word) > width) {
			if (out)
				fputc('\n', out);
			*col = 0;
			breaks++;
		} else if (spaces) {
			if (out)
				fwrite(p, 1, spaces, out);
			*col += spaces;
		}
		const char *q = word;
		while (width && *col == 0 && text_width(q) > width) {
			size_t fit = text_fit(q, width, NULL);
			fit = fit ? fit : 1;
			if (out) {
				fwrite(q, 1, fit, out);
				fputc('\n', out);
			}
			breaks++;
			q += fit;
		}
		if (out)
			fputs(q, out);
		*col += text_width(q);
		free(word);
		p += spaces + len;
	}
	return breaks;
}

/* Print formatted text, broken into lines at spaces on a terminal. */
static void render_text_put(struct render_text *t, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static void render_text_put(struct render_text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = mem_vprintf(fmt, ap);
	va_end(ap);
	render_text_flow(t->out, t->width, &t->col, text);
	free(text);
}

/* The lines a whole line of text takes on the terminal, from the start of a line. */
static size_t render_text_height(const struct render_text *t, const char *text)
{
	size_t col = 0;
	return render_text_flow(NULL, t->width, &col, text) + 1;
}

/* Forget the printout: nothing printed, nothing numbered. */
static void render_text_forget(struct render_text *t, size_t first_number)
{
	for (size_t i = 0; i < t->nlines; i++)
		free(t->lines[i].text);
	t->nlines = t->shown = t->npieces = 0;
	t->nitems = 0;
	t->next_number = first_number;
	t->piece_first = t->piece_last = 0;
	t->total = -1;
	t->fields_only = true;
	t->list_from = 0;
	t->more_after = false;
	t->first_page = true;
}

/* Add a line to the printout, numbered when number is not 0. */
static void render_text_add(struct render_text *t, size_t number, bool heading, const char *fmt,
                            ...) __attribute__((format(printf, 4, 5)));
static void render_text_add(struct render_text *t, size_t number, bool heading, const char *fmt,
                            ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = mem_vprintf(fmt, ap);
	va_end(ap);
	mem_grow((void **)&t->lines, &t->lines_cap, t->nlines + 1, sizeof *t->lines);
	t->lines[t->nlines++] = (struct render_text_line){ text, number, heading };
}

/*
 * Give (section, index) a number: its own when number is not 0, else the
 * next one; later items go on from it. Returns the number.
 */
static size_t render_text_number(struct render_text *t, size_t section, size_t index, bool field,
                                 size_t number)
{
	mem_grow((void **)&t->items, &t->items_cap, t->nitems + 1, sizeof *t->items);
	if (!number)
		number = t->next_number;
	t->items[t->nitems++] = (struct render_text_item){ number, section, index, field };
	t->fields_only &= field;
	t->next_number = number + 1;
	return number;
}

/* The first and the last number given (0 when none was). */
static size_t render_text_first_number(const struct render_text *t)
{
	return t->nitems ? t->items[0].number : 0;
}
static size_t render_text_last_number(const struct render_text *t)
{
	return t->nitems ? t->items[t->nitems - 1].number : 0;
}

/* The item number k stands for, or NULL when it stands for nothing here. */
static const struct render_text_item *render_text_item(const struct render_text *t, long k)
{
	for (size_t i = 0; i < t->nitems; i++)
		if ((long)t->items[i].number == k)
			return &t->items[i];
	return NULL;
}

/*
 * Add rows of list section s from its row start to the printout, numbered;
 * at most limit of them. The focused list's rows are numbered by their place
 * in the list when it is known (its first row is number `before`), so that a
 * row keeps its number from page to page; note whether there are rows after
 * them and how many.
 */
static void render_text_rows(struct render_text *t, struct view *v, size_t s, size_t start,
                             size_t limit, size_t before)
{
	struct view_section *sec = &v->sections[s];
	struct view_list *l = &sec->list;
	size_t n = view_list_fill(v, sec, start, limit);
	if (!n && start == 0) {
		render_text_add(t, 0, false, "%s", sec->empty);
		return;
	}
	bool placed = s == v->focus && l->base >= 0;
	for (size_t i = 0; i < n; i++) {
		char *text = view_row_text(&l->rows.v[start + i]);
		size_t own = placed ? before + (size_t)l->base + start + i : 0;
		size_t k = render_text_number(t, s, start + i, false, own);
		render_text_add(t, k, false, "%zu. %s", k, text);
		free(text);
	}
	bool more = view_list_fill(v, sec, start + n, 1) > 0;
	if (s == v->focus) {
		t->more_after = more;
		t->first_page = start == 0 && l->at_start;
		if (!more)
			t->total = 0;
		else if (placed && l->count >= 0)
			t->total = l->count - (l->base + (int64_t)(start + n));
		else
			t->total = -1;
	} else if (more) {
		render_text_add(t, 0, false, "%s",
		                "There are more; the first ones are listed here.");
	}
}

/* Add form section s to the printout as numbered "label: value" lines. */
static void render_text_fields(struct render_text *t, struct view *v, size_t s)
{
	struct view_section *sec = &v->sections[s];
	for (size_t i = 0; i < sec->nfields; i++) {
		const struct view_field *f = &sec->fields[i];
		size_t k = render_text_number(t, s, i, true, 0);
		render_text_add(t, k, false, "%zu. %s: %s", k, f->label,
		                *f->display ? f->display : "empty");
	}
}

/* Add the actions and the words that always work to the printout. */
static void render_text_actions(struct render_text *t, const struct view *v)
{
	bool list = false;
	for (size_t s = 0; s < v->nsections; s++)
		list |= v->sections[s].kind == VIEW_LIST;
	char *text = mem_strdup("Commands:");
	for (size_t i = 0; i < v->nactions; i++) {
		char *more =
		        mem_printf("%s %s (%s),", text, v->actions[i].word, v->actions[i].label);
		free(text);
		text = more;
	}
	render_text_add(t, 0, false, "%s%s back, today, help, quit.", text,
	                list ? " find and some words, next, previous," : "");
	free(text);
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

/* Total the numbered rows: those printed, and the focused list's rows after them when known. */
static void render_text_total(struct render_text *t)
{
	int64_t after = t->total;
	t->total = after >= 0 ? (int64_t)render_text_last_number(t) + after : -1;
}

/* Make the whole screen the printout: title, summary, sections, commands. */
static void render_text_screen(struct render_text *t, struct view *v)
{
	render_text_forget(t, 1);
	t->total = 0;
	t->nsec_number = 0;
	render_text_add(t, 0, false, "%s", "");
	render_text_add(t, 0, false, "%s", v->title);
	render_text_add(t, 0, false, "%s", v->summary);
	for (size_t s = 0; s < v->nsections; s++) {
		struct view_section *sec = &v->sections[s];
		mem_grow((void **)&t->sec_number, &t->sec_number_cap, s + 1, sizeof *t->sec_number);
		t->sec_number[t->nsec_number++] = t->next_number;
		if (*sec->heading)
			render_text_add(t, 0, true, "%s:", sec->heading);
		if (sec->kind == VIEW_FORM)
			render_text_fields(t, v, s);
		else if (s == v->focus)
			render_text_rows(t, v, s, render_text_first(sec, true, t->page), t->page,
			                 t->next_number);
		else
			render_text_rows(t, v, s, 0, RENDER_TEXT_SECTION_MAX, 0);
	}
	render_text_total(t);
	render_text_actions(t, v);
}

/*
 * Make a page of the focused list from its row from the printout, numbered by
 * their place in the list when that is known, so that a row keeps its number
 * from page to page.
 */
static void render_text_page(struct render_text *t, struct view *v, size_t from)
{
	struct view_section *sec = &v->sections[v->focus];
	size_t before = v->focus < t->nsec_number ? t->sec_number[v->focus] : 1;
	render_text_forget(t, 1);
	if (*sec->heading)
		render_text_add(t, 0, true, "%s:", sec->heading);
	render_text_rows(t, v, v->focus, from, t->page, before);
	render_text_total(t);
	if (sec->list.base >= 0 && before > 1)
		t->list_from = before;
}

/* Is there a numbered line at or after line i of the printout? */
static bool render_text_numbered_from(const struct render_text *t, size_t i)
{
	for (; i < t->nlines; i++)
		if (t->lines[i].number)
			return true;
	return false;
}

/*
 * Print the next piece of the printout: at most a page of numbered rows and,
 * on a terminal, only the lines that fit above reserve lines more (the
 * prompt and any message), keeping a heading with the rows under it and the lines after
 * the last row with that row.
 */
static void render_text_piece(struct render_text *t, size_t reserve)
{
	size_t from = t->shown, end = from, numbered = 0, height = 0;
	size_t room = t->budget > reserve + 1 ? t->budget - reserve : 1;
	for (; end < t->nlines; end++) {
		const struct render_text_line *l = &t->lines[end];
		size_t own = t->budget ? render_text_height(t, l->text) : 0, need = own;
		if (t->budget && l->number && !render_text_numbered_from(t, end + 1))
			for (size_t j = end + 1; j < t->nlines; j++)
				need += render_text_height(t, t->lines[j].text);
		bool full =
		        (t->budget && height + need > room) || (l->number && numbered == t->page);
		if (full && numbered && l->number)
			break;
		height += own;
		numbered += l->number != 0;
	}
	/* A heading goes with the rows under it. */
	while (end < t->nlines && end > from + 1 && t->lines[end - 1].heading)
		end--;
	mem_grow((void **)&t->pieces, &t->pieces_cap, t->npieces + 1, sizeof *t->pieces);
	t->pieces[t->npieces++] = from;
	t->piece_first = t->piece_last = 0;
	for (size_t i = from; i < end; i++) {
		const struct render_text_line *l = &t->lines[i];
		render_text_put(t, "%s\n", l->text);
		if (l->number && !t->piece_first)
			t->piece_first = l->number;
		if (l->number)
			t->piece_last = l->number;
	}
	t->shown = end;
}

/* The line of the printout numbered k, or nlines when none is. */
static size_t render_text_line_of(const struct render_text *t, size_t k)
{
	size_t i = 0;
	while (i < t->nlines && (!k || t->lines[i].number != k))
		i++;
	return i;
}

/*
 * The unnumbered lines heard after the row numbered last (such as a heading
 * and "No one yet"), or SIZE_MAX when that row was not heard.
 */
static size_t render_text_heard_after(const struct render_text *t, size_t last)
{
	size_t i = render_text_line_of(t, last);
	return i < t->shown ? t->shown - (i + 1) : SIZE_MAX;
}

/*
 * Where to go on in a printout made again because its rows changed: after the
 * row numbered last, which was heard, past at most the unnumbered lines heard
 * after it but never past a numbered row, and back over a heading so that new
 * rows are heard under it; rows added to a section already heard are not
 * skipped. Line old when the row numbered last is no longer there.
 */
static size_t render_text_resume(const struct render_text *t, size_t last, size_t after, size_t old)
{
	size_t j = render_text_line_of(t, last);
	if (after == SIZE_MAX || j == t->nlines)
		return old < t->nlines ? old : t->nlines;
	size_t k = j + 1;
	for (size_t n = 0; n < after && k < t->nlines && !t->lines[k].number; n++)
		k++;
	while (k > j + 1 && t->lines[k - 1].heading)
		k--;
	return k;
}

/* Print the piece before the one printed last; false when that was the first. */
static bool render_text_piece_before(struct render_text *t)
{
	if (t->npieces < 2)
		return false;
	t->npieces -= 2;
	t->shown = t->pieces[t->npieces];
	render_text_piece(t, 0);
	return true;
}

/* Ask for the value of field (s, i), first saying why the last value was refused if asked. */
static void render_text_ask(struct render_text *t, struct view *v, size_t s, size_t i, bool why)
{
	struct view_section *sec = &v->sections[s];
	const struct view_field *f = &sec->fields[i];
	/* A follow-up question shares the number of the field it follows, and is not counted. */
	size_t number = 0, total = 0;
	for (size_t k = 0; k < v->nsections; k++) {
		if (v->sections[k].kind != VIEW_FORM)
			continue;
		for (size_t j = 0; j < v->sections[k].nfields; j++) {
			bool counted = !v->sections[k].fields[j].follow_up;
			total += counted;
			if (k < s || (k == s && j <= i))
				number += counted;
		}
	}
	if (why && *f->error)
		render_text_put(t, "Not saved: %s\n", f->error);
	render_text_put(t, "Field %zu of %zu%s: %s", number ? number : 1, total,
	                f->follow_up ? ", continued" : "", f->label);
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

/* The prompt when no field is being asked: which rows were printed, and what to type. */
static void render_text_prompt(struct render_text *t, const struct view *v)
{
	(void)v;
	t->asking = false;
	bool more = t->shown < t->nlines || t->more_after;
	size_t last = render_text_last_number(t);
	if (!t->nitems) {
		render_text_put(t, "%s", "Type a command, or help:");
		return;
	}
	size_t first = render_text_first_number(t);
	if (!more && t->npieces <= 1 && t->first_page) {
		/* All of it was printed at once. */
		if (t->fields_only)
			render_text_put(
			        t,
			        "Type a field number from %zu to %zu to change it, or a command:",
			        first, last);
		else
			render_text_put(
			        t, "Type a number from %zu to %zu to open it, or a command:", first,
			        last);
		return;
	}
	const char *what = t->fields_only ? "Fields" : "Rows";
	if (t->piece_first && t->total >= 0 && t->list_from)
		render_text_put(t, "%s %zu to %zu (the list is numbered %zu to %lld).", what,
		                t->piece_first, t->piece_last, t->list_from, (long long)t->total);
	else if (t->piece_first && t->total >= 0)
		render_text_put(t, "%s %zu to %zu of %lld.", what, t->piece_first, t->piece_last,
		                (long long)t->total);
	else if (t->piece_first)
		render_text_put(t, "%s %zu to %zu%s.", what, t->piece_first, t->piece_last,
		                more ? "; there are more" : "");
	if (more)
		render_text_put(t, " Type next for more, a number to open one, or a command:");
	else
		render_text_put(t,
		                " Type a number from %zu to %zu to open one, or a command:", first,
		                last);
}

/* Lines a message takes on the terminal (0 when there is none). */
static size_t render_text_message_height(const struct render_text *t, const struct view *v)
{
	return *v->message && t->budget ? render_text_height(t, v->message) : 0;
}

/* Draw: print what is new since the last command, then the prompt. */
static void render_text_draw(struct render *r, struct view *v)
{
	struct render_text *t = (struct render_text *)r;
	bool whole = v->fresh || t->look;
	if (whole) {
		render_text_screen(t, v);
		render_text_piece(t, 3 + render_text_message_height(t, v));
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
	bool list = v->focus < v->nsections && v->sections[v->focus].kind == VIEW_LIST;
	if (!whole && (t->show_rows || t->rebuilt != v->rebuilt) && list) {
		/* Paged, or the rows changed: the numbers must stand for what is there now. */
		struct view_section *sec = &v->sections[v->focus];
		size_t sel = sec->list.sel, from = render_text_first(sec, true, t->page);
		if (t->show_last)
			from = sel + 1 >= t->page ? sel + 1 - t->page : 0;
		else if (t->show_rows)
			from = sel;
		render_text_page(t, v, from);
		render_text_piece(t, 3);
		/* Paging goes on from the page shown: "previous" after "last" is the page before.
		 */
		if (t->show_rows)
			view_select_row(v, v->focus, from);
	} else if (!whole && t->rebuilt != v->rebuilt && t->shown < t->nlines) {
		/* The rest of the screen is still to be heard: as it is now. */
		size_t shown = t->shown, npieces = t->npieces;
		size_t first = t->piece_first, last = t->piece_last;
		size_t after = render_text_heard_after(t, last);
		render_text_screen(t, v);
		t->shown = render_text_resume(t, last, after, shown);
		t->npieces = npieces; /* where they started is still in t->pieces */
		t->piece_first = first;
		t->piece_last = last;
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
		const struct render_text_item *it = render_text_item(t, cmd->number);
		if (!it || it->field) {
			render_text_put(t, "There is no row numbered %ld here.\n", cmd->number);
			command_clear(cmd);
			return false;
		}
		cmd->item = true;
		cmd->section = it->section;
		cmd->index = it->index;
		return true;
	}
	switch (cmd->kind) {
	case COMMAND_CHOOSE: {
		const struct render_text_item *it = render_text_item(t, cmd->number);
		if (!it) {
			if (t->nitems)
				render_text_put(
				        t, "There is no number %ld here; choose from %zu to %zu.\n",
				        cmd->number, render_text_first_number(t),
				        render_text_last_number(t));
			else
				render_text_put(t, "There is nothing numbered here.\n");
			command_clear(cmd);
			return false;
		}
		cmd->item = true;
		cmd->section = it->section;
		cmd->index = it->index;
		if (it->field) {
			/* The renderer asks it next, on its own. */
			t->walking = false;
			t->single = true;
		}
		break;
	}
	case COMMAND_PAGE_DOWN:
	case COMMAND_PAGE_UP:
		if (cmd->kind == COMMAND_PAGE_DOWN && t->shown < t->nlines) {
			/* The rest of what was printed last, a piece at a time. */
			render_text_piece(t, 3);
			command_clear(cmd);
			return false;
		}
		if (cmd->kind == COMMAND_PAGE_UP && render_text_piece_before(t)) {
			command_clear(cmd);
			return false;
		}
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
	render_text_forget(t, 1);
	free(t->lines);
	free(t->pieces);
	free(t->sec_number);
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
	t->total = -1;
	t->next_number = 1;
	struct winsize ws;
	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) {
		/* The line typed last stays above a piece; the piece and its prompt fit below. */
		t->budget = ws.ws_row > 4 ? ws.ws_row - 1u : 3;
		t->width = ws.ws_col > 20 ? ws.ws_col - 1u : 0;
	}
	return &t->base;
}
