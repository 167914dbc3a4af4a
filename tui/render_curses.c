/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_curses: full screens with ncursesw.
 *
 * Screen lines, top to bottom: the title, the summary (one or two lines), a
 * rule when the theme has one and there is room, the body (the view's
 * sections, laid out by view_layout), the keys line when there is room, and
 * two status lines. The status lines show, in order of precedence: a
 * question, the find prompt, the message, the field being typed into, or
 * else the selected row or field in full (rows in the body are cut to the
 * width). So the last lines to change after a move always hold the newly
 * selected item, whole, which is what a screen reader speaks last.
 *
 * What each line shows is remembered as a signature, and only lines whose
 * signature changed are drawn; all drawing reaches the terminal through one
 * doupdate per key, and nothing at all is written while waiting for a key.
 * After every key the hardware cursor is put at the start of the selected
 * row, in the field being typed into, or at the end of a question.
 */
#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "mem.h"
#include "render.h"
#include "text.h"
#include "theme.h"

enum {
	RENDER_CURSES_MARK = 2,     /* columns of the selection marker "> " */
	RENDER_CURSES_PAUSE = 1000, /* ms without a key, while typing, before the draft is kept */
	RENDER_CURSES_FIND = 256,   /* bytes of a find prompt */
};

struct render_curses {
	struct render base;
	SCREEN *screen;
	const struct theme *theme;
	int rows, cols;
	char **drawn;           /* per screen line, the signature of what it shows */
	struct view_line *prev; /* the body layout last drawn, to keep the selection still */
	size_t nprev;
	struct view_line *lines; /* this draw's layout */
	int body_top, body_height;
	size_t edit_scroll; /* byte offset of the first character shown while typing */
	bool finding;       /* the find prompt is open */
	char find[RENDER_CURSES_FIND];
	size_t find_len;
};

/* One stretch of a screen line in one style. */
struct render_curses_seg {
	const char *text;
	size_t len;
	enum theme_role role;
};

/* A screen line as stretches of text, with the style that fills the rest (or THEME_NROLES). */
struct render_curses_line {
	struct render_curses_seg seg[5];
	int n;
	enum theme_role fill;
	int cursor; /* column for the cursor on this line, or -1 */
};

/* Add a stretch to line. */
static void render_curses_add(struct render_curses_line *l, const char *text, size_t len,
                              enum theme_role role)
{
	if (l->n < 5 && len)
		l->seg[l->n++] = (struct render_curses_seg){ text, len, role };
}

/* A signature of line: styles and text, so that equal signatures draw the same cells. */
static char *render_curses_signature(const struct render_curses_line *l)
{
	size_t size = 3;
	for (int i = 0; i < l->n; i++)
		size += l->seg[i].len + 2;
	char *sig = mem_alloc(size);
	size_t o = 0;
	for (int i = 0; i < l->n; i++) {
		sig[o++] = (char)('A' + l->seg[i].role);
		memcpy(sig + o, l->seg[i].text, l->seg[i].len);
		o += l->seg[i].len;
		sig[o++] = '\x1e';
	}
	sig[o++] = (char)('a' + l->fill);
	sig[o] = '\0';
	return sig;
}

/* Draw line at screen row y if it differs from what is there. */
static void render_curses_put(struct render_curses *r, int y, const struct render_curses_line *l)
{
	if (y < 0 || y >= r->rows)
		return;
	char *sig = render_curses_signature(l);
	if (r->drawn[y] && strcmp(r->drawn[y], sig) == 0) {
		free(sig);
		return;
	}
	free(r->drawn[y]);
	r->drawn[y] = sig;
	move(y, 0);
	int x = 0;
	for (int i = 0; i < l->n && x < r->cols; i++) {
		size_t used = 0;
		char *piece = mem_strndup(l->seg[i].text, l->seg[i].len);
		size_t fit = text_fit(piece, (size_t)(r->cols - x), &used);
		attrset((attr_t)theme_attr(r->theme, l->seg[i].role));
		addnstr(piece, (int)fit);
		free(piece);
		x += (int)used;
	}
	if (l->fill != THEME_NROLES && x < r->cols) {
		attrset((attr_t)theme_attr(r->theme, l->fill));
		for (; x < r->cols; x++)
			addch(' ');
	} else {
		attrset((attr_t)theme_attr(r->theme, THEME_TEXT));
		if (x < r->cols)
			clrtoeol();
	}
	attrset(A_NORMAL);
}

/* Forget what every line shows, so the next draw draws them all. */
static void render_curses_forget(struct render_curses *r)
{
	for (int y = 0; y < r->rows; y++) {
		free(r->drawn[y]);
		r->drawn[y] = NULL;
	}
	r->nprev = 0;
}

/* Take the terminal's size and make room for it. */
static void render_curses_size(struct render_curses *r)
{
	for (int y = 0; y < r->rows; y++)
		free(r->drawn[y]);
	free(r->drawn);
	getmaxyx(stdscr, r->rows, r->cols);
	if (r->rows < 1)
		r->rows = 1;
	r->drawn = mem_calloc((size_t)r->rows, sizeof *r->drawn);
	free(r->prev);
	free(r->lines);
	r->prev = mem_calloc((size_t)r->rows, sizeof *r->prev);
	r->lines = mem_calloc((size_t)r->rows, sizeof *r->lines);
	r->nprev = 0;
}

/* Bytes of text that fit on one line of width columns, breaking at a space where possible. */
static size_t render_curses_wrap(const char *text, size_t width, size_t *next)
{
	size_t fit = text_fit(text, width, NULL);
	if (!text[fit]) {
		*next = fit;
		return fit;
	}
	size_t cut = fit;
	while (cut > 0 && text[cut] != ' ')
		cut--;
	if (cut == 0)
		cut = fit;
	*next = cut;
	while (text[*next] == ' ')
		(*next)++;
	return cut;
}

/* The line of a row: marker, status word in its tone, the rest. */
static void render_curses_row(const struct view_row *row, bool focus, char *text,
                              struct render_curses_line *l)
{
	static const enum theme_role tones[] = {
		[VIEW_TONE_PLAIN] = THEME_TEXT,  [VIEW_TONE_ALERT] = THEME_ALERT,
		[VIEW_TONE_WARN] = THEME_WARN,   [VIEW_TONE_GOOD] = THEME_GOOD,
		[VIEW_TONE_QUIET] = THEME_QUIET,
	};
	enum theme_role base = focus ? THEME_SELECTED : THEME_TEXT;
	render_curses_add(l, focus ? "> " : "  ", 2, base);
	size_t status = *row->status ? strlen(row->status) : 0;
	render_curses_add(l, text, status, focus ? THEME_SELECTED : tones[row->tone]);
	render_curses_add(l, text + status, strlen(text + status), base);
	l->fill = focus ? THEME_SELECTED : THEME_NROLES;
	l->cursor = focus ? RENDER_CURSES_MARK : -1;
}

/* Keep the insertion point of the field being typed within width columns; the visible text. */
static const char *render_curses_edit_window(struct render_curses *r, const struct view_edit *e,
                                             size_t width, size_t *cursor)
{
	if (r->edit_scroll > e->point)
		r->edit_scroll = e->point;
	for (;;) {
		char *before = mem_strndup(e->buf + r->edit_scroll, e->point - r->edit_scroll);
		size_t w = text_width(before);
		free(before);
		if (w < width || r->edit_scroll >= e->point) {
			*cursor = w;
			break;
		}
		uint32_t cp;
		size_t n = text_decode(e->buf + r->edit_scroll, e->len - r->edit_scroll, &cp);
		r->edit_scroll += n ? n : 1;
	}
	return e->buf + r->edit_scroll;
}

/* Compose body line lv of the layout. */
static void render_curses_body_line(struct render_curses *r, struct view *v,
                                    const struct view_line *lv, struct render_curses_line *l,
                                    char **owned)
{
	struct view_section *sec = &v->sections[lv->section];
	*owned = NULL;
	l->fill = THEME_NROLES;
	l->cursor = -1;
	switch (lv->kind) {
	case VIEW_LINE_HEADING:
		render_curses_add(l, sec->heading, strlen(sec->heading), THEME_HEADING);
		break;
	case VIEW_LINE_EMPTY:
		render_curses_add(l, "  ", 2, THEME_TEXT);
		render_curses_add(l, sec->empty, strlen(sec->empty), THEME_QUIET);
		break;
	case VIEW_LINE_ROW:
		*owned = view_row_text(&sec->list.rows.v[lv->index]);
		render_curses_row(&sec->list.rows.v[lv->index], lv->focus, *owned, l);
		break;
	case VIEW_LINE_ERROR:
		render_curses_add(l, "  ", 2, THEME_TEXT);
		render_curses_add(l, sec->fields[lv->index].error,
		                  strlen(sec->fields[lv->index].error), THEME_ALERT);
		break;
	case VIEW_LINE_FIELD: {
		const struct view_field *f = &sec->fields[lv->index];
		bool editing = v->edit.active && v->edit.section == lv->section &&
		               v->edit.field == lv->index;
		enum theme_role base = lv->focus && !editing ? THEME_SELECTED : THEME_TEXT;
		*owned = mem_printf("%s: ", f->label);
		render_curses_add(l, lv->focus ? "> " : "  ", 2, base);
		render_curses_add(l, *owned, strlen(*owned), base);
		size_t lw = RENDER_CURSES_MARK + text_width(*owned);
		if (editing) {
			size_t width = (size_t)r->cols > lw + 1 ? (size_t)r->cols - lw - 1 : 1, at;
			const char *shown = render_curses_edit_window(r, &v->edit, width, &at);
			render_curses_add(l, shown, strlen(shown), THEME_TEXT);
			l->cursor = (int)(lw + at);
		} else {
			const char *shown = *f->display ? f->display : "empty";
			render_curses_add(l, shown, strlen(shown),
			                  *f->display ? base : THEME_QUIET);
			l->fill = lv->focus ? THEME_SELECTED : THEME_NROLES;
			l->cursor = lv->focus ? RENDER_CURSES_MARK : -1;
		}
		break;
	}
	}
}

/* The keys line: the view's actions, then the keys that always work. */
static char *render_curses_keys(const struct view *v)
{
	if (v->question.text)
		return mem_strdup("y yes, n no");
	if (v->edit.active) {
		const struct view_field *f = &v->sections[v->edit.section].fields[v->edit.field];
		if (!f->nchoices)
			return mem_strdup("Enter save, Tab next, Esc leave as it was");
		/* The choices, numbered: a number or the words will do. */
		char *out = mem_strdup("One of");
		for (size_t i = 0; i < f->nchoices; i++) {
			char *next =
			        mem_printf("%s%s %zu %s", out, i ? "," : "", i + 1, f->choices[i]);
			free(out);
			out = next;
		}
		/* A choice that ends with a full stop ("Ann B.") ends the sentence too. */
		bool stop = out[strlen(out) - 1] == '.';
		char *next =
		        mem_printf("%s%s Enter save, Esc leave as it was", out, stop ? "" : ".");
		free(out);
		return next;
	}
	const struct view_field *focused = view_focused_field((struct view *)v);
	if (focused && *focused->help)
		return mem_printf("%s Enter change, ? help, q back", focused->help);
	char *out = mem_strdup("");
	for (size_t i = 0; i < v->nactions; i++) {
		char *next = mem_printf("%s%c %s, ", out, v->actions[i].key, v->actions[i].label);
		free(out);
		out = next;
	}
	bool form = v->focus < v->nsections && v->sections[v->focus].kind == VIEW_FORM;
	char *next = mem_printf("%s%s, / find, ? help, q back", out,
	                        form ? "Enter change" : "Enter open");
	free(out);
	return next;
}

/* The bottom line: question, find prompt, message, typing hint, or the selection in full. */
static char *render_curses_bottom(struct render_curses *r, struct view *v, enum theme_role *role,
                                  bool *cursor_here)
{
	*role = THEME_MESSAGE;
	*cursor_here = false;
	if (v->question.text) {
		*cursor_here = true;
		return mem_printf("%s (y or n)", v->question.text);
	}
	if (r->finding) {
		*cursor_here = true;
		return mem_printf("Find: %s", r->find);
	}
	if (*v->message) {
		if (v->message_tone == VIEW_TONE_ALERT)
			*role = THEME_ALERT;
		return mem_strdup(v->message);
	}
	*role = THEME_TEXT;
	if (v->edit.active) {
		const struct view_field *f = &v->sections[v->edit.section].fields[v->edit.field];
		if (*f->error) {
			/* Whole here, where the line under the field may be cut short. */
			*role = THEME_ALERT;
			return mem_strdup(f->error);
		}
		char *called = view_field_called(f, false);
		char *line = mem_printf("Typing %s%s%s", called, *f->expect ? ", " : "", f->expect);
		free(called);
		return line;
	}
	const struct view_row *row = view_selected_row(v);
	if (row)
		return view_row_text(row);
	const struct view_field *f = view_focused_field(v);
	if (f)
		return mem_printf("%s: %s%s", f->label, *f->display ? f->display : "empty",
		                  f->read_only ? " (cannot be changed here)" : "");
	return mem_strdup("");
}

static void render_curses_draw(struct render *base, struct view *v)
{
	struct render_curses *r = (struct render_curses *)base;
	if (v->fresh) {
		r->nprev = 0;
		r->edit_scroll = 0;
		v->fresh = false;
	}
	int y = 0, cy = -1, cx = 0;
	struct render_curses_line l = { .fill = THEME_NROLES };
	render_curses_add(&l, v->title, strlen(v->title), THEME_TITLE);
	render_curses_put(r, y++, &l);
	/* The summary: two lines when it needs them and there is room. */
	int summary_lines = r->rows >= 10 ? 2 : 1;
	const char *p = v->summary;
	for (int i = 0; i < summary_lines && y < r->rows; i++) {
		size_t next, len = render_curses_wrap(p, (size_t)r->cols, &next);
		if (i > 0 && !*p)
			break;
		l = (struct render_curses_line){ .fill = THEME_NROLES };
		render_curses_add(&l, p, len, THEME_SUMMARY);
		render_curses_put(r, y++, &l);
		p += next;
	}
	if (r->theme->rule && r->rows >= 16 && y < r->rows) {
		char *sig = mem_strdup("rule");
		if (!r->drawn[y] || strcmp(r->drawn[y], sig) != 0) {
			free(r->drawn[y]);
			r->drawn[y] = sig;
			theme_rule(r->theme, y, r->cols);
		} else {
			free(sig);
		}
		y++;
	}
	/* The bottom: two status lines, and the keys line above them when there is room. */
	int status = r->rows - 2 > y ? r->rows - 2 : r->rows - 1;
	int keys = r->rows >= 16 ? status - 1 : -1;
	r->body_top = y;
	r->body_height = (keys >= 0 ? keys : status) - y;
	if (r->body_height < 0)
		r->body_height = 0;
	size_t n = view_layout(v, (size_t)r->body_height, r->prev, r->nprev, r->lines);
	for (int i = 0; i < r->body_height; i++) {
		char *owned = NULL;
		l = (struct render_curses_line){ .fill = THEME_NROLES, .cursor = -1 };
		if ((size_t)i < n)
			render_curses_body_line(r, v, &r->lines[i], &l, &owned);
		render_curses_put(r, y + i, &l);
		if (l.cursor >= 0 && (cy < 0 || v->edit.active)) {
			cy = y + i;
			cx = l.cursor < r->cols ? l.cursor : r->cols - 1;
		}
		free(owned);
	}
	memcpy(r->prev, r->lines, n * sizeof *r->lines);
	r->nprev = n;
	if (keys >= 0) {
		char *text = render_curses_keys(v);
		l = (struct render_curses_line){ .fill = THEME_NROLES };
		render_curses_add(&l, text, strlen(text), THEME_KEYS);
		render_curses_put(r, keys, &l);
		free(text);
	}
	enum theme_role role;
	bool cursor_here;
	char *text = render_curses_bottom(r, v, &role, &cursor_here);
	const char *rest = text;
	for (int line = status; line < r->rows; line++) {
		size_t next, len = render_curses_wrap(rest, (size_t)r->cols, &next);
		l = (struct render_curses_line){ .fill = THEME_NROLES };
		render_curses_add(&l, rest, len, role);
		render_curses_put(r, line, &l);
		if (cursor_here && (len || line == status)) {
			char *shown = mem_strndup(rest, len);
			size_t used = text_width(shown);
			free(shown);
			cy = line;
			cx = used + 1 < (size_t)r->cols ? (int)used + 1 : r->cols - 1;
		}
		rest += next;
	}
	if (cy < 0) {
		cy = status;
		cx = 0;
	}
	free(text);
	move(cy, cx);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Keys outside typing, and the command each gives. */
static const struct render_curses_key {
	int key;
	bool function; /* a KEY_ code rather than a character */
	enum command_kind kind;
	int number;
} render_curses_keys_browse[] = {
	{ KEY_DOWN, true, COMMAND_DOWN, 0 },
	{ 'j', false, COMMAND_DOWN, 0 },
	{ 14, false, COMMAND_DOWN, 0 },
	{ KEY_UP, true, COMMAND_UP, 0 },
	{ 'k', false, COMMAND_UP, 0 },
	{ 16, false, COMMAND_UP, 0 },
	{ KEY_NPAGE, true, COMMAND_PAGE_DOWN, 0 },
	{ ' ', false, COMMAND_PAGE_DOWN, 0 },
	{ KEY_PPAGE, true, COMMAND_PAGE_UP, 0 },
	{ KEY_HOME, true, COMMAND_HOME, 0 },
	{ '<', false, COMMAND_HOME, 0 },
	{ KEY_END, true, COMMAND_END, 0 },
	{ '>', false, COMMAND_END, 0 },
	{ '\n', false, COMMAND_OPEN, 0 },
	{ '\r', false, COMMAND_OPEN, 0 },
	{ KEY_ENTER, true, COMMAND_OPEN, 0 },
	{ KEY_RIGHT, true, COMMAND_OPEN, 0 },
	{ 27, false, COMMAND_BACK, 0 },
	{ 'q', false, COMMAND_BACK, 0 },
	{ KEY_LEFT, true, COMMAND_BACK, 0 },
	{ KEY_BACKSPACE, true, COMMAND_BACK, 0 },
	{ 127, false, COMMAND_BACK, 0 },
	{ 8, false, COMMAND_BACK, 0 },
	{ 'Q', false, COMMAND_QUIT, 0 },
	{ 20, false, COMMAND_FIRST, 0 }, /* Control-T */
	{ '?', false, COMMAND_HELP, 0 },
	{ KEY_F(1), true, COMMAND_HELP, 0 },
	{ 12, false, COMMAND_LOOK, 0 },
	{ KEY_RESIZE, true, COMMAND_RESIZE, 0 },
};

/* Keys while typing into a field. */
static const struct render_curses_key render_curses_keys_edit[] = {
	{ KEY_LEFT, true, COMMAND_LEFT, 0 },
	{ KEY_RIGHT, true, COMMAND_RIGHT, 0 },
	{ KEY_HOME, true, COMMAND_LINE_START, 0 },
	{ 1, false, COMMAND_LINE_START, 0 },
	{ KEY_END, true, COMMAND_LINE_END, 0 },
	{ 5, false, COMMAND_LINE_END, 0 },
	{ KEY_BACKSPACE, true, COMMAND_ERASE_BACK, 0 },
	{ 127, false, COMMAND_ERASE_BACK, 0 },
	{ 8, false, COMMAND_ERASE_BACK, 0 },
	{ KEY_DC, true, COMMAND_ERASE, 0 },
	{ 4, false, COMMAND_ERASE, 0 },
	{ 21, false, COMMAND_ERASE_ALL, 0 },
	{ '\n', false, COMMAND_SAVE_FIELD, 1 },
	{ '\r', false, COMMAND_SAVE_FIELD, 1 },
	{ KEY_ENTER, true, COMMAND_SAVE_FIELD, 1 },
	{ '\t', false, COMMAND_SAVE_FIELD, 1 },
	{ KEY_DOWN, true, COMMAND_SAVE_FIELD, 1 },
	{ KEY_BTAB, true, COMMAND_SAVE_FIELD, -1 },
	{ KEY_UP, true, COMMAND_SAVE_FIELD, -1 },
	{ 27, false, COMMAND_CANCEL, 0 },
	{ 12, false, COMMAND_LOOK, 0 },
	{ KEY_RESIZE, true, COMMAND_RESIZE, 0 },
};

/* Look key up in a table; false when it is not there. */
static bool render_curses_lookup(const struct render_curses_key *table, size_t n, int key,
                                 bool function, struct command *cmd)
{
	for (size_t i = 0; i < n; i++) {
		if (table[i].key == key && table[i].function == function) {
			command_make(cmd, table[i].kind, NULL);
			cmd->number = table[i].number;
			return true;
		}
	}
	return false;
}

/*
 * Read one key: OK with *wc, KEY_CODE_YES for a function key, ERR for none.
 * Waits for ever, except while unsaved typing waits to be kept as a draft.
 */
static int render_curses_key(const struct view *v, wint_t *wc)
{
	bool typing = v->edit.active && v->edit.unsaved;
	timeout(typing ? RENDER_CURSES_PAUSE : -1);
	errno = 0;
	return get_wch(wc);
}

/*
 * After an Escape: when more bytes follow at once, they are the rest of a key
 * this terminal type does not describe (TERM set for another terminal), not
 * the Escape key. Read and drop them; true when there were some.
 */
static bool render_curses_unknown_key(void)
{
	wint_t wc;
	timeout(0);
	int got = get_wch(&wc);
	if (got == ERR)
		return false;
	if (got != OK || (wc != '[' && wc != 'O')) {
		/* Escape, then another key straight after: two keys. */
		if (got == KEY_CODE_YES)
			ungetch((int)wc);
		else
			unget_wch(wc);
		return false;
	}
	/* CSI or SS3: parameters, then one final byte from @ to ~. */
	int n = 0;
	while (n++ < 16 && get_wch(&wc) != ERR && !(wc >= 0x40 && wc <= 0x7E))
		;
	return true;
}

/* The text of a typed character as UTF-8 into out (MB_LEN_MAX + 1 bytes). */
static void render_curses_utf8(wint_t wc, char *out)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(out, (wchar_t)wc, &st);
	out[n == (size_t)-1 ? 0 : n] = '\0';
}

/* Run the find prompt; true with cmd filled when something is to be found. */
static bool render_curses_find(struct render_curses *r, struct view *v, struct command *cmd)
{
	r->finding = true;
	r->find_len = 0;
	r->find[0] = '\0';
	for (;;) {
		render_curses_draw(&r->base, v);
		wint_t wc;
		int got = render_curses_key(v, &wc);
		if (got == ERR) {
			if (r->base.stop && *r->base.stop) {
				r->finding = false;
				command_make(cmd, COMMAND_STOP, NULL);
				return true;
			}
			continue;
		}
		if (got == KEY_CODE_YES && wc == KEY_RESIZE) {
			render_curses_size(r);
			continue;
		}
		if ((got == OK && (wc == 27 || wc == 7)) || (got == KEY_CODE_YES && wc == KEY_LEFT))
			break;
		if ((got == OK && (wc == '\n' || wc == '\r')) ||
		    (got == KEY_CODE_YES && wc == KEY_ENTER)) {
			r->finding = false;
			if (!r->find_len)
				return false;
			command_make(cmd, COMMAND_FIND, r->find);
			return true;
		}
		if ((got == OK && (wc == 127 || wc == 8)) ||
		    (got == KEY_CODE_YES && wc == KEY_BACKSPACE)) {
			while (r->find_len &&
			       ((unsigned char)r->find[--r->find_len] & 0xC0) == 0x80)
				;
			r->find[r->find_len] = '\0';
			continue;
		}
		if (got == OK && iswprint(wc)) {
			char utf8[MB_LEN_MAX + 1];
			render_curses_utf8(wc, utf8);
			size_t n = strlen(utf8);
			if (r->find_len + n < sizeof r->find) {
				memcpy(r->find + r->find_len, utf8, n + 1);
				r->find_len += n;
			}
		}
	}
	r->finding = false;
	return false;
}

static void render_curses_read(struct render *base, struct view *v, struct command *cmd)
{
	struct render_curses *r = (struct render_curses *)base;
	for (;;) {
		wint_t wc;
		int got = render_curses_key(v, &wc);
		if (got == ERR) {
			bool typing = v->edit.active && v->edit.unsaved;
			if (base->stop && *base->stop) {
				command_make(cmd, COMMAND_STOP, NULL);
				return;
			}
			if (typing && errno != EINTR) {
				command_make(cmd, COMMAND_PAUSE, NULL);
				return;
			}
			if (!typing && errno != EINTR) {
				/* Waiting for ever, and no key: the terminal has gone. */
				command_make(cmd, COMMAND_EOF, NULL);
				return;
			}
			continue;
		}
		bool fn = got == KEY_CODE_YES;
		int key = (int)wc;
		if (!fn && key == 27 && render_curses_unknown_key())
			continue;
		if (fn && key == KEY_RESIZE) {
			render_curses_size(r);
			clearok(curscr, TRUE);
			command_make(cmd, COMMAND_RESIZE, NULL);
			return;
		}
		if (v->question.text) {
			if (!fn && (key == 'y' || key == 'Y' || key == 'n' || key == 'N' ||
			            key == 27 || key == 'q')) {
				command_make(cmd, COMMAND_ANSWER, NULL);
				cmd->number = key == 'y' || key == 'Y';
				return;
			}
			if (!fn && key == 'Q') {
				command_make(cmd, COMMAND_QUIT, NULL);
				return;
			}
			continue;
		}
		if (v->edit.active) {
			if (render_curses_lookup(render_curses_keys_edit,
			                         sizeof render_curses_keys_edit /
			                                 sizeof *render_curses_keys_edit,
			                         key, fn, cmd))
				break;
			if (!fn && iswprint(wc)) {
				char utf8[MB_LEN_MAX + 1];
				render_curses_utf8(wc, utf8);
				command_make(cmd, COMMAND_INSERT, utf8);
				return;
			}
			continue;
		}
		if (!fn && key == '/') {
			if (render_curses_find(r, v, cmd))
				return;
			render_curses_draw(base, v);
			continue;
		}
		if (!fn && iswupper(wc) && key != 'Q') {
			char utf8[MB_LEN_MAX + 1];
			render_curses_utf8(wc, utf8);
			command_make(cmd, COMMAND_JUMP, utf8);
			return;
		}
		if (!fn && view_action_find(v, key, NULL)) {
			command_make(cmd, COMMAND_ACTION, NULL);
			cmd->key = key;
			return;
		}
		if (render_curses_lookup(render_curses_keys_browse,
		                         sizeof render_curses_keys_browse /
		                                 sizeof *render_curses_keys_browse,
		                         key, fn, cmd))
			break;
		if (!fn && iswalnum(wc)) {
			char utf8[MB_LEN_MAX + 1];
			render_curses_utf8(wc, utf8);
			command_make(cmd, COMMAND_JUMP, utf8);
			return;
		}
	}
	if (cmd->kind == COMMAND_PAGE_DOWN || cmd->kind == COMMAND_PAGE_UP)
		cmd->number = r->body_height > 2 ? r->body_height - 1 : 1;
	if (cmd->kind == COMMAND_LOOK) {
		render_curses_forget(r);
		clearok(curscr, TRUE);
	}
}

static void render_curses_close(struct render *base)
{
	struct render_curses *r = (struct render_curses *)base;
	for (int y = 0; y < r->rows; y++)
		free(r->drawn[y]);
	free(r->drawn);
	free(r->prev);
	free(r->lines);
	endwin();
	delscreen(r->screen);
	free(r);
}

static const struct render_ops render_curses_ops = {
	.draw = render_curses_draw,
	.read = render_curses_read,
	.close = render_curses_close,
};

struct render *render_curses_open(const char *theme, const volatile sig_atomic_t *stop,
                                  struct error *err)
{
	const struct theme *t = theme_find(theme ? theme : "default");
	if (!t)
		t = theme_find("default");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		error_set(err, ERROR_USAGE,
		          "Full screens need a terminal for input and output; use --text");
		return NULL;
	}
	setlocale(LC_ALL, "");
	SCREEN *screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		const char *term = getenv("TERM");
		error_set(err, ERROR_USAGE,
		          "The terminal type \"%s\" is not one curses knows; set TERM to your "
		          "terminal's type, or use --text",
		          term ? term : "");
		return NULL;
	}
	struct render_curses *r = mem_calloc(1, sizeof *r);
	r->base.ops = &render_curses_ops;
	r->base.stop = stop;
	r->screen = screen;
	r->theme = t;
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	leaveok(stdscr, FALSE);
	set_escdelay(25);
	theme_start(t);
	curs_set(t->show_cursor ? 1 : 0);
	render_curses_size(r);
	return &r->base;
}
