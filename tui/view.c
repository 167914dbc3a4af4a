/* SPDX-License-Identifier: GPL-3.0-or-later */
/* view: the view model, the selection, keyset paging of lists, field editing and layout. */
#include "view.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "record.h"
#include "text.h"

enum {
	VIEW_FETCH = 64,       /* rows asked of a source at a time */
	VIEW_WINDOW_MAX = 512, /* rows a list keeps loaded around its selection */
	VIEW_CONTEXT = 16,     /* rows loaded before a row found or put back */
};

/* A cleaned copy of s ("" for NULL). */
static char *view_clean(const char *s)
{
	return text_clean(s, 0);
}

/* Replace *slot with a cleaned copy of s. */
static void view_set(char **slot, const char *s)
{
	free(*slot);
	*slot = view_clean(s);
}

/* Replace *slot with the cleaned formatted text. */
static void view_setv(char **slot, const char *fmt, va_list ap)
{
	char *raw = mem_vprintf(fmt, ap);
	view_set(slot, raw);
	free(raw);
}

/* ---- rows ---- */

/* Give every text member of r an empty string. */
static void view_row_init(struct view_row *r)
{
	memset(r, 0, sizeof *r);
	r->key = mem_strdup("");
	r->label = mem_strdup("");
	r->value = mem_strdup("");
	r->status = mem_strdup("");
	r->date = mem_strdup("");
}

static void view_row_free(struct view_row *r)
{
	free(r->key);
	free(r->label);
	free(r->value);
	free(r->status);
	free(r->date);
	memset(r, 0, sizeof *r);
}

/* A deep copy of src into dst. */
static void view_row_copy(struct view_row *dst, const struct view_row *src)
{
	dst->id = src->id;
	dst->tone = src->tone;
	dst->key = mem_strdup(src->key);
	dst->label = mem_strdup(src->label);
	dst->value = mem_strdup(src->value);
	dst->status = mem_strdup(src->status);
	dst->date = mem_strdup(src->date);
}

/* Append a row whose text moves into rows (the caller forgets it). */
static void view_rows_push(struct view_rows *rows, const struct view_row *moved)
{
	mem_grow((void **)&rows->v, &rows->cap, rows->n + 1, sizeof *rows->v);
	rows->v[rows->n++] = *moved;
}

struct view_row *view_rows_add(struct view_rows *rows)
{
	mem_grow((void **)&rows->v, &rows->cap, rows->n + 1, sizeof *rows->v);
	struct view_row *r = &rows->v[rows->n++];
	view_row_init(r);
	return r;
}

void view_rows_clear(struct view_rows *rows)
{
	for (size_t i = 0; i < rows->n; i++)
		view_row_free(&rows->v[i]);
	rows->n = 0;
}

void view_rows_free(struct view_rows *rows)
{
	view_rows_clear(rows);
	free(rows->v);
	memset(rows, 0, sizeof *rows);
}

void view_row_set(struct view_row *r, int64_t id, const char *label, const char *value)
{
	r->id = id;
	view_set(&r->label, label);
	view_set(&r->value, value);
}

void view_row_label(struct view_row *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	view_setv(&r->label, fmt, ap);
	va_end(ap);
}

void view_row_value(struct view_row *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	view_setv(&r->value, fmt, ap);
	va_end(ap);
}

void view_row_status(struct view_row *r, const char *status, enum view_tone tone)
{
	view_set(&r->status, status);
	r->tone = tone;
}

void view_row_date(struct view_row *r, const char *word, const char *date)
{
	if (!date || !*date) {
		view_set(&r->date, "");
		return;
	}
	char *text = word && *word ? mem_printf("%s %s", word, date) : mem_strdup(date);
	view_set(&r->date, text);
	free(text);
}

void view_row_key(struct view_row *r, const char *key)
{
	free(r->key);
	r->key = mem_strdup(key ? key : "");
}

char *view_row_text(const struct view_row *r)
{
	const char *parts[3] = { r->label, r->value, r->date };
	size_t size = strlen(r->status) + 3;
	for (int i = 0; i < 3; i++)
		size += strlen(parts[i]) + 2;
	char *out = mem_alloc(size + 1);
	size_t n = 0;
	if (*r->status)
		n += (size_t)sprintf(out, "%s: ", r->status);
	bool first = true;
	for (int i = 0; i < 3; i++) {
		if (!*parts[i])
			continue;
		n += (size_t)sprintf(out + n, "%s%s", first ? "" : ", ", parts[i]);
		first = false;
	}
	out[n] = '\0';
	return out;
}

/* ---- the view ---- */

struct view *view_new(void)
{
	struct view *v = mem_calloc(1, sizeof *v);
	v->title = mem_strdup("");
	v->summary = mem_strdup("");
	v->message = mem_strdup("");
	return v;
}

static void view_field_free(struct view_field *f)
{
	free(f->name);
	free(f->label);
	free(f->value);
	free(f->display);
	free(f->help);
	free(f->expect);
	free(f->error);
	for (size_t i = 0; i < f->nchoices; i++)
		free(f->choices[i]);
	free(f->choices);
}

static void view_section_free(struct view_section *sec)
{
	free(sec->heading);
	free(sec->empty);
	view_rows_free(&sec->list.rows);
	if (sec->list.src.free)
		sec->list.src.free(sec->list.src.ctx);
	for (size_t i = 0; i < sec->nfields; i++)
		view_field_free(&sec->fields[i]);
	free(sec->fields);
}

void view_reset(struct view *v)
{
	for (size_t i = 0; i < v->nsections; i++)
		view_section_free(&v->sections[i]);
	free(v->sections);
	v->sections = NULL;
	v->nsections = v->sections_cap = 0;
	v->focus = 0;
	for (size_t i = 0; i < v->nactions; i++) {
		free(v->actions[i].word);
		free(v->actions[i].label);
		free(v->actions[i].help);
	}
	free(v->actions);
	v->actions = NULL;
	v->nactions = v->actions_cap = 0;
	view_set(&v->title, "");
	view_set(&v->summary, "");
	v->walk = false;
}

void view_free(struct view *v)
{
	if (!v)
		return;
	view_reset(v);
	free(v->title);
	free(v->summary);
	free(v->message);
	free(v->question.text);
	free(v->edit.buf);
	free(v);
}

void view_title(struct view *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	view_setv(&v->title, fmt, ap);
	va_end(ap);
}

/* One full stop where a sentence ended on text that ends with one ("Ann B." then "."). */
static void view_one_stop(char *s)
{
	size_t n = strlen(s);
	if (n >= 2 && s[n - 1] == '.' && s[n - 2] == '.' && (n < 3 || s[n - 3] != '.'))
		s[n - 1] = '\0';
}

void view_summary(struct view *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	view_setv(&v->summary, fmt, ap);
	va_end(ap);
	view_one_stop(v->summary);
}

void view_message(struct view *v, enum view_tone tone, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	view_setv(&v->message, fmt, ap);
	va_end(ap);
	view_one_stop(v->message);
	v->message_tone = tone;
}

void view_ask(struct view *v, int tag, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	view_setv(&v->question.text, fmt, ap);
	va_end(ap);
	v->question.tag = tag;
}

void view_add_action(struct view *v, int key, const char *word, const char *label, const char *help)
{
	mem_grow((void **)&v->actions, &v->actions_cap, v->nactions + 1, sizeof *v->actions);
	struct view_action *a = &v->actions[v->nactions++];
	a->key = key;
	a->word = view_clean(word);
	a->label = view_clean(label);
	a->help = view_clean(help);
}

const struct view_action *view_action_find(const struct view *v, int key, const char *word)
{
	const struct view_action *found = NULL;
	size_t starts = 0, len = word ? strlen(word) : 0;
	for (size_t i = 0; i < v->nactions; i++) {
		const struct view_action *a = &v->actions[i];
		if (!word && key && a->key == key)
			return a;
		if (word && strcasecmp(a->word, word) == 0)
			return a;
		if (word && len && strncasecmp(a->word, word, len) == 0) {
			found = a;
			starts++;
		}
	}
	return starts == 1 ? found : NULL;
}

/* A new zeroed section at the end of the view. */
static struct view_section *view_add_section(struct view *v, enum view_section_kind kind,
                                             const char *heading)
{
	mem_grow((void **)&v->sections, &v->sections_cap, v->nsections + 1, sizeof *v->sections);
	struct view_section *sec = &v->sections[v->nsections++];
	memset(sec, 0, sizeof *sec);
	sec->kind = kind;
	sec->heading = view_clean(heading);
	sec->empty = mem_strdup("");
	sec->list.at_start = sec->list.at_end = true;
	sec->list.base = 0;
	sec->list.count = -1;
	return sec;
}

struct view_section *view_add_list(struct view *v, const char *heading, const char *empty)
{
	struct view_section *sec = view_add_section(v, VIEW_LIST, heading);
	view_set(&sec->empty, empty ? empty : "There is nothing here yet.");
	return sec;
}

struct view_row *view_list_add(struct view_section *sec)
{
	return view_rows_add(&sec->list.rows);
}

/* Ask a list's source for rows; on failure the message line says why and 0 rows come. */
static size_t view_fetch(struct view *v, struct view_list *l, const struct view_fetch *f,
                         struct view_rows *out)
{
	struct error err;
	error_clear(&err);
	size_t before = out->n;
	if (l->src.fetch(l->src.ctx, f, out, &err) != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s", err.msg);
		while (out->n > before)
			view_row_free(&out->v[--out->n]);
		return 0;
	}
	return out->n - before;
}

void view_list_source(struct view *v, struct view_section *sec, const struct view_source *src)
{
	struct view_list *l = &sec->list;
	l->src = *src;
	l->count = -1;
	if (src->count) {
		struct error err;
		int64_t n;
		if (src->count(src->ctx, &n, &err) == ERROR_NONE)
			l->count = n;
		else
			view_message(v, VIEW_TONE_ALERT, "%s", err.msg);
	}
	view_list_home(v, sec);
}

void view_list_home(struct view *v, struct view_section *sec)
{
	struct view_list *l = &sec->list;
	if (!l->src.fetch) {
		l->sel = 0;
		return;
	}
	view_rows_clear(&l->rows);
	struct view_fetch f = { .limit = VIEW_FETCH };
	size_t got = view_fetch(v, l, &f, &l->rows);
	l->at_start = true;
	l->at_end = got < VIEW_FETCH;
	l->base = 0;
	l->sel = 0;
}

/* Reverse rows [from, to) in place. */
static void view_rows_reverse(struct view_rows *rows, size_t from, size_t to)
{
	while (to > from + 1) {
		struct view_row t = rows->v[from];
		rows->v[from++] = rows->v[--to];
		rows->v[to] = t;
	}
}

void view_list_end(struct view *v, struct view_section *sec)
{
	struct view_list *l = &sec->list;
	if (!l->src.fetch) {
		l->sel = l->rows.n ? l->rows.n - 1 : 0;
		return;
	}
	view_rows_clear(&l->rows);
	struct view_fetch f = { .backward = true, .limit = VIEW_FETCH };
	size_t got = view_fetch(v, l, &f, &l->rows);
	view_rows_reverse(&l->rows, 0, l->rows.n);
	l->at_end = true;
	l->at_start = got < VIEW_FETCH;
	l->base = l->at_start ? 0 : l->count >= 0 ? l->count - (int64_t)got : -1;
	l->sel = got ? got - 1 : 0;
}

size_t view_list_fill(struct view *v, struct view_section *sec, size_t index, size_t n)
{
	struct view_list *l = &sec->list;
	while (l->src.fetch && !l->at_end && l->rows.n < index + n) {
		size_t want = index + n - l->rows.n;
		int limit = want > VIEW_FETCH ? (int)want : VIEW_FETCH;
		struct view_fetch f = {
			.from = l->rows.n ? &l->rows.v[l->rows.n - 1] : NULL,
			.limit = limit,
		};
		/* Fetch into a side array: from points into l->rows, which may move. */
		struct view_rows more = { 0 };
		size_t got = view_fetch(v, l, &f, &more);
		for (size_t i = 0; i < got; i++)
			view_rows_push(&l->rows, &more.v[i]);
		free(more.v);
		if (got < (size_t)limit)
			l->at_end = true;
		if (!got)
			break;
	}
	if (index >= l->rows.n)
		return 0;
	return l->rows.n - index < n ? l->rows.n - index : n;
}

size_t view_list_fill_before(struct view *v, struct view_section *sec, size_t n)
{
	struct view_list *l = &sec->list;
	if (!l->src.fetch || l->at_start)
		return 0;
	int limit = n > VIEW_FETCH ? (int)n : VIEW_FETCH;
	struct view_fetch f = {
		.from = l->rows.n ? &l->rows.v[0] : NULL,
		.backward = true,
		.limit = limit,
	};
	struct view_rows more = { 0 };
	size_t got = view_fetch(v, l, &f, &more);
	if (got < (size_t)limit)
		l->at_start = true;
	mem_grow((void **)&l->rows.v, &l->rows.cap, l->rows.n + got, sizeof *l->rows.v);
	memmove(l->rows.v + got, l->rows.v, l->rows.n * sizeof *l->rows.v);
	for (size_t i = 0; i < got; i++)
		l->rows.v[got - 1 - i] = more.v[i];
	free(more.v);
	l->rows.n += got;
	if (l->rows.n > got)
		l->sel += got;
	if (l->base >= 0)
		l->base -= (int64_t)got;
	if (l->at_start)
		l->base = 0;
	return got;
}

/* Keep a list's window within VIEW_WINDOW_MAX rows, dropping the side away from the selection. */
static void view_list_trim(struct view_list *l)
{
	if (!l->src.fetch || l->rows.n <= VIEW_WINDOW_MAX)
		return;
	size_t extra = l->rows.n - VIEW_WINDOW_MAX / 2;
	if (l->sel >= extra + VIEW_CONTEXT) {
		for (size_t i = 0; i < extra; i++)
			view_row_free(&l->rows.v[i]);
		memmove(l->rows.v, l->rows.v + extra, (l->rows.n - extra) * sizeof *l->rows.v);
		l->rows.n -= extra;
		l->sel -= extra;
		l->at_start = false;
		if (l->base >= 0)
			l->base += (int64_t)extra;
	} else if (l->rows.n - extra > l->sel + VIEW_CONTEXT) {
		while (extra--)
			view_row_free(&l->rows.v[--l->rows.n]);
		l->at_end = false;
	}
}

/* ---- forms ---- */

struct view_section *view_add_form(struct view *v, const char *heading)
{
	return view_add_section(v, VIEW_FORM, heading);
}

struct view_field *view_form_add(struct view_section *sec, const char *name, const char *label)
{
	mem_grow((void **)&sec->fields, &sec->fields_cap, sec->nfields + 1, sizeof *sec->fields);
	struct view_field *f = &sec->fields[sec->nfields++];
	memset(f, 0, sizeof *f);
	f->name = mem_strdup(name);
	f->label = view_clean(label);
	f->value = mem_strdup("");
	f->display = mem_strdup("");
	f->help = mem_strdup("");
	f->expect = mem_strdup("");
	f->error = mem_strdup("");
	return f;
}

void view_field_value(struct view_field *f, const char *value, const char *display)
{
	view_set(&f->value, value);
	view_set(&f->display, display ? display : value);
}

void view_field_help(struct view_field *f, const char *help, const char *expect)
{
	view_set(&f->help, help);
	view_set(&f->expect, expect);
}

void view_field_add_choice(struct view_field *f, const char *label)
{
	f->choices = mem_realloc(f->choices, (f->nchoices + 1) * sizeof *f->choices);
	f->choices[f->nchoices++] = view_clean(label);
}

void view_field_error(struct view_field *f, const char *sentence)
{
	view_set(&f->error, sentence);
}

char *view_field_answer(const struct view_field *f, const char *typed)
{
	if (f->nchoices && typed[0] && strspn(typed, "0123456789") == strlen(typed)) {
		long n = strtol(typed, NULL, 10);
		if (n >= 1 && (size_t)n <= f->nchoices)
			return mem_strdup(f->choices[n - 1]);
	}
	return mem_strdup(typed);
}

/* ---- the selection ---- */

size_t view_section_items(const struct view_section *sec)
{
	return sec->kind == VIEW_FORM ? sec->nfields : sec->list.rows.n;
}

size_t view_section_cursor(const struct view_section *sec)
{
	return sec->kind == VIEW_FORM ? sec->focus : sec->list.sel;
}

const struct view_row *view_selected_row(const struct view *v)
{
	if (v->focus >= v->nsections)
		return NULL;
	const struct view_section *sec = &v->sections[v->focus];
	if (sec->kind != VIEW_LIST || sec->list.sel >= sec->list.rows.n)
		return NULL;
	return &sec->list.rows.v[sec->list.sel];
}

struct view_field *view_focused_field(struct view *v)
{
	if (v->focus >= v->nsections)
		return NULL;
	struct view_section *sec = &v->sections[v->focus];
	if (sec->kind != VIEW_FORM || sec->focus >= sec->nfields)
		return NULL;
	return &sec->fields[sec->focus];
}

struct view_field *view_find_field(struct view *v, const char *name, size_t *section, size_t *index)
{
	for (size_t s = 0; s < v->nsections; s++) {
		struct view_section *sec = &v->sections[s];
		for (size_t i = 0; sec->kind == VIEW_FORM && i < sec->nfields; i++) {
			if (strcmp(sec->fields[i].name, name) != 0)
				continue;
			if (section)
				*section = s;
			if (index)
				*index = i;
			return &sec->fields[i];
		}
	}
	return NULL;
}

void view_focus_field(struct view *v, size_t section, size_t index)
{
	if (section >= v->nsections || v->sections[section].kind != VIEW_FORM)
		return;
	struct view_section *sec = &v->sections[section];
	v->focus = section;
	sec->focus = index < sec->nfields ? index : sec->nfields ? sec->nfields - 1 : 0;
}

void view_select_row(struct view *v, size_t section, size_t index)
{
	if (section >= v->nsections || v->sections[section].kind != VIEW_LIST)
		return;
	struct view_list *l = &v->sections[section].list;
	v->focus = section;
	l->sel = index < l->rows.n ? index : l->rows.n ? l->rows.n - 1 : 0;
}

/* Select the first (or, from_end, the last) item of section s; false when it has none. */
static bool view_enter_section(struct view *v, size_t s, bool from_end)
{
	struct view_section *sec = &v->sections[s];
	if (sec->kind == VIEW_LIST && sec->list.src.fetch) {
		if (from_end && !sec->list.at_end)
			view_list_end(v, sec);
		else if (!from_end && !sec->list.at_start)
			view_list_home(v, sec);
	}
	size_t n = view_section_items(sec);
	if (!n)
		return false;
	v->focus = s;
	if (sec->kind == VIEW_FORM)
		sec->focus = from_end ? n - 1 : 0;
	else
		sec->list.sel = from_end ? n - 1 : 0;
	return true;
}

/* Move one item forward (dir 1) or back (dir -1); false at the very end. */
static bool view_step(struct view *v, int dir)
{
	if (v->focus >= v->nsections)
		return false;
	struct view_section *sec = &v->sections[v->focus];
	if (sec->kind == VIEW_FORM) {
		if (dir > 0 && sec->focus + 1 < sec->nfields) {
			sec->focus++;
			return true;
		}
		if (dir < 0 && sec->focus > 0 && sec->nfields) {
			sec->focus--;
			return true;
		}
	} else {
		struct view_list *l = &sec->list;
		if (dir > 0 && view_list_fill(v, sec, l->sel + 1, 1)) {
			l->sel++;
			view_list_trim(l);
			return true;
		}
		if (dir < 0 && l->rows.n &&
		    (l->sel > 0 || view_list_fill_before(v, sec, VIEW_FETCH))) {
			l->sel--;
			view_list_trim(l);
			return true;
		}
	}
	for (size_t s = v->focus;;) {
		if (dir > 0 ? s + 1 >= v->nsections : s == 0)
			return false;
		s = dir > 0 ? s + 1 : s - 1;
		if (view_enter_section(v, s, dir < 0))
			return true;
	}
}

bool view_move(struct view *v, int delta)
{
	bool moved = false;
	for (int i = 0; i < abs(delta); i++) {
		if (!view_step(v, delta > 0 ? 1 : -1))
			break;
		moved = true;
	}
	return moved;
}

void view_home(struct view *v)
{
	for (size_t s = 0; s < v->nsections; s++)
		if (view_enter_section(v, s, false))
			return;
}

void view_end(struct view *v)
{
	for (size_t s = v->nsections; s-- > 0;)
		if (view_enter_section(v, s, true))
			return;
}

/* Does label hold text (at its start, when prefix)? ASCII letters match either case. */
static bool view_matches(const char *label, const char *text, bool prefix)
{
	if (prefix)
		return strncasecmp(label, text, strlen(text)) == 0;
	return text_contains(label, text);
}

/* Load a paged list's window around row (given by the source), selecting it. */
static void view_list_around(struct view *v, struct view_section *sec, const struct view_row *row)
{
	struct view_list *l = &sec->list;
	struct view_rows before = { 0 }, after = { 0 };
	struct view_fetch f = { .from = row, .backward = true, .limit = VIEW_CONTEXT };
	size_t nbefore = view_fetch(v, l, &f, &before);
	struct view_fetch g = { .from = nbefore ? &before.v[0] : NULL, .limit = VIEW_FETCH };
	size_t nafter = view_fetch(v, l, &g, &after);
	view_rows_clear(&l->rows);
	for (size_t i = nbefore; i-- > 0;)
		view_rows_push(&l->rows, &before.v[i]);
	for (size_t i = 0; i < nafter; i++)
		view_rows_push(&l->rows, &after.v[i]);
	/* The rows were moved, not copied: forget them without freeing their text. */
	free(before.v);
	free(after.v);
	l->at_start = nbefore < VIEW_CONTEXT;
	l->at_end = nafter < VIEW_FETCH;
	l->base = l->at_start ? 0 : -1;
	l->sel = nbefore < l->rows.n ? nbefore : 0;
	for (size_t i = 0; i < l->rows.n; i++) {
		if (l->rows.v[i].id == row->id) {
			l->sel = i;
			break;
		}
	}
}

/*
 * Find in list section s the first row matching text after row from (an
 * index into its window; SIZE_MAX: from its first row) and before row until
 * (SIZE_MAX: to its end; a paged list is always searched to its end), and
 * select it.
 */
static bool view_find_in(struct view *v, size_t s, size_t from, size_t until, const char *text,
                         bool prefix)
{
	struct view_section *sec = &v->sections[s];
	struct view_list *l = &sec->list;
	if (!l->src.fetch) {
		size_t end = until < l->rows.n ? until : l->rows.n;
		for (size_t i = from == SIZE_MAX ? 0 : from + 1; i < end; i++) {
			if (view_matches(l->rows.v[i].label, text, prefix)) {
				v->focus = s;
				l->sel = i;
				return true;
			}
		}
		return false;
	}
	struct view_rows found = { 0 };
	struct view_fetch f = {
		.from = from < l->rows.n ? &l->rows.v[from] : NULL,
		.match = text,
		.prefix = prefix,
		.limit = 1,
	};
	bool got = view_fetch(v, l, &f, &found) > 0;
	if (got) {
		view_list_around(v, sec, &found.v[0]);
		v->focus = s;
	}
	view_rows_free(&found);
	return got;
}

bool view_find(struct view *v, const char *text, bool prefix)
{
	/* The focused list first (after its selection), then the lists after it, going round. */
	size_t first = v->nsections;
	for (size_t k = 0; k < v->nsections && first == v->nsections; k++) {
		size_t s = (v->focus + k) % v->nsections;
		if (v->sections[s].kind == VIEW_LIST)
			first = s;
	}
	if (first == v->nsections || !text || !*text) {
		view_message(v, VIEW_TONE_WARN, "There is no list here to search.");
		return false;
	}
	struct view_list *l = &v->sections[first].list;
	size_t sel = v->focus == first && l->sel < l->rows.n ? l->sel : SIZE_MAX;
	if (view_find_in(v, first, sel, SIZE_MAX, text, prefix))
		return true;
	for (size_t k = 1; k < v->nsections; k++) {
		size_t s = (first + k) % v->nsections;
		if (v->sections[s].kind == VIEW_LIST &&
		    view_find_in(v, s, SIZE_MAX, SIZE_MAX, text, prefix))
			return true;
	}
	/* Round to the top of the first list, up to and including the row selected. */
	if (sel != SIZE_MAX && view_find_in(v, first, SIZE_MAX, sel + 1, text, prefix))
		return true;
	view_message(v, VIEW_TONE_WARN, "No row %s \"%s\".", prefix ? "starts with" : "holds",
	             text);
	return false;
}

void view_mark_take(const struct view *v, struct view_mark *m)
{
	memset(m, 0, sizeof *m);
	m->section = v->focus;
	if (v->focus >= v->nsections)
		return;
	const struct view_section *sec = &v->sections[v->focus];
	m->index = view_section_cursor(sec);
	const struct view_row *row = view_selected_row(v);
	if (row) {
		m->have_row = true;
		view_row_copy(&m->row, row);
	}
}

void view_mark_restore(struct view *v, struct view_mark *m)
{
	if (m->section < v->nsections) {
		struct view_section *sec = &v->sections[m->section];
		if (sec->kind == VIEW_FORM && sec->nfields) {
			view_focus_field(v, m->section, m->index);
		} else if (sec->kind == VIEW_LIST && m->have_row && sec->list.src.fetch) {
			view_list_around(v, sec, &m->row);
			v->focus = m->section;
		} else if (sec->kind == VIEW_LIST && sec->list.rows.n) {
			size_t index = m->index;
			for (size_t i = 0; m->have_row && i < sec->list.rows.n; i++)
				if (sec->list.rows.v[i].id == m->row.id)
					index = i;
			view_select_row(v, m->section, index);
		} else {
			view_home(v);
		}
	} else {
		view_home(v);
	}
	if (m->have_row)
		view_row_free(&m->row);
	memset(m, 0, sizeof *m);
}

/* ---- editing ---- */

/* Make room for need more bytes in the edit buffer. */
static void view_edit_reserve(struct view_edit *e, size_t need)
{
	if (e->len + need + 1 > e->cap) {
		e->cap = (e->len + need + 1) * 2;
		e->buf = mem_realloc(e->buf, e->cap);
	}
}

bool view_edit_start(struct view *v, const char *text)
{
	struct view_field *f = view_focused_field(v);
	if (!f || f->read_only)
		return false;
	struct view_edit *e = &v->edit;
	/* A choice is typed afresh, by number or by name: the choices are shown, not the value. */
	const char *from = text ? text : f->nchoices ? "" : f->value;
	e->len = 0;
	view_edit_reserve(e, strlen(from));
	memcpy(e->buf, from, strlen(from) + 1);
	e->len = e->point = strlen(from);
	e->active = true;
	e->section = v->focus;
	e->field = v->sections[v->focus].focus;
	e->unsaved = 0;
	return true;
}

void view_edit_stop(struct view *v)
{
	v->edit.active = false;
	v->edit.unsaved = 0;
}

void view_edit_insert(struct view *v, const char *utf8)
{
	struct view_edit *e = &v->edit;
	if (!e->active)
		return;
	/* Only clean text may be typed in: a pasted escape sequence becomes harmless. */
	char *clean = view_clean(utf8);
	size_t n = strlen(clean);
	view_edit_reserve(e, n);
	memmove(e->buf + e->point + n, e->buf + e->point, e->len - e->point + 1);
	memcpy(e->buf + e->point, clean, n);
	e->len += n;
	e->point += n;
	e->unsaved++;
	free(clean);
}

/* The offset of the character before (or after) offset i in buf. */
static size_t view_edit_prev(const char *buf, size_t i)
{
	while (i > 0 && ((unsigned char)buf[--i] & 0xC0) == 0x80)
		;
	return i;
}

static size_t view_edit_next(const char *buf, size_t len, size_t i)
{
	if (i >= len)
		return len;
	while (++i < len && ((unsigned char)buf[i] & 0xC0) == 0x80)
		;
	return i;
}

void view_edit_left(struct view *v)
{
	if (v->edit.active)
		v->edit.point = view_edit_prev(v->edit.buf, v->edit.point);
}

void view_edit_right(struct view *v)
{
	if (v->edit.active)
		v->edit.point = view_edit_next(v->edit.buf, v->edit.len, v->edit.point);
}

void view_edit_home(struct view *v)
{
	v->edit.point = 0;
}

void view_edit_end(struct view *v)
{
	v->edit.point = v->edit.len;
}

/* Remove bytes [from, to) of the edit buffer. */
static void view_edit_cut(struct view_edit *e, size_t from, size_t to)
{
	if (!e->active || to <= from)
		return;
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->point = from;
	e->unsaved++;
}

void view_edit_backspace(struct view *v)
{
	view_edit_cut(&v->edit, view_edit_prev(v->edit.buf, v->edit.point), v->edit.point);
}

void view_edit_delete(struct view *v)
{
	view_edit_cut(&v->edit, v->edit.point,
	              view_edit_next(v->edit.buf, v->edit.len, v->edit.point));
}

void view_edit_kill(struct view *v)
{
	view_edit_cut(&v->edit, 0, v->edit.len);
}

/* ---- layout ---- */

/* A cursor over the lines of the view, one line at a time. */
struct view_walk {
	struct view *v;
	struct view_line line;
};

/* The lines an item takes: a field with an error takes two. */
static size_t view_item_lines(const struct view_section *sec, size_t i)
{
	return sec->kind == VIEW_FORM && *sec->fields[i].error ? 2 : 1;
}

/* Set w->line to the first line of section s, entering it from above; false if it has none. */
static bool view_walk_first(struct view_walk *w, size_t s)
{
	struct view_section *sec = &w->v->sections[s];
	if (sec->kind == VIEW_LIST && sec->list.src.fetch && !sec->list.at_start &&
	    s != w->v->focus)
		view_list_home(w->v, sec);
	w->line = (struct view_line){ .section = s };
	if (*sec->heading)
		w->line.kind = VIEW_LINE_HEADING;
	else if (view_section_items(sec))
		w->line.kind = sec->kind == VIEW_FORM ? VIEW_LINE_FIELD : VIEW_LINE_ROW;
	else if (sec->kind == VIEW_LIST)
		w->line.kind = VIEW_LINE_EMPTY;
	else
		return false;
	return true;
}

/* Set w->line to the last line of section s, entering it from below; false if it has none. */
static bool view_walk_last(struct view_walk *w, size_t s)
{
	struct view_section *sec = &w->v->sections[s];
	if (sec->kind == VIEW_LIST && sec->list.src.fetch && !sec->list.at_end && s != w->v->focus)
		view_list_end(w->v, sec);
	size_t n = view_section_items(sec);
	w->line = (struct view_line){ .section = s };
	if (n) {
		w->line.index = n - 1;
		w->line.kind = sec->kind == VIEW_FORM
		                       ? (view_item_lines(sec, n - 1) == 2 ? VIEW_LINE_ERROR
		                                                           : VIEW_LINE_FIELD)
		                       : VIEW_LINE_ROW;
	} else if (sec->kind == VIEW_LIST) {
		w->line.kind = VIEW_LINE_EMPTY;
	} else if (*sec->heading) {
		w->line.kind = VIEW_LINE_HEADING;
	} else {
		return false;
	}
	return true;
}

/* Advance w to the next line of the view; false at the end. */
static bool view_walk_next(struct view_walk *w)
{
	struct view_line *l = &w->line;
	struct view_section *sec = &w->v->sections[l->section];
	size_t n;
	switch (l->kind) {
	case VIEW_LINE_HEADING:
		if (view_section_items(sec) ||
		    (sec->kind == VIEW_LIST && view_list_fill(w->v, sec, 0, 1))) {
			l->kind = sec->kind == VIEW_FORM ? VIEW_LINE_FIELD : VIEW_LINE_ROW;
			l->index = 0;
			return true;
		}
		if (sec->kind == VIEW_LIST) {
			l->kind = VIEW_LINE_EMPTY;
			return true;
		}
		break;
	case VIEW_LINE_FIELD:
	case VIEW_LINE_ERROR:
		/* A field with an error under it moves to that line first. */
		if (l->kind == VIEW_LINE_FIELD && view_item_lines(sec, l->index) == 2) {
			l->kind = VIEW_LINE_ERROR;
			return true;
		}
		if (l->index + 1 < sec->nfields) {
			l->kind = VIEW_LINE_FIELD;
			l->index++;
			return true;
		}
		break;
	case VIEW_LINE_ROW:
		n = view_list_fill(w->v, sec, l->index + 1, 1);
		if (n) {
			l->index++;
			return true;
		}
		break;
	case VIEW_LINE_EMPTY:
		break;
	}
	for (size_t s = l->section + 1; s < w->v->nsections; s++)
		if (view_walk_first(w, s))
			return true;
	return false;
}

/* Step w back to the previous line; *shift receives rows added before a list's window. */
static bool view_walk_prev(struct view_walk *w, size_t *shift)
{
	struct view_line *l = &w->line;
	struct view_section *sec = &w->v->sections[l->section];
	*shift = 0;
	switch (l->kind) {
	case VIEW_LINE_ERROR:
		l->kind = VIEW_LINE_FIELD;
		return true;
	case VIEW_LINE_FIELD:
		if (l->index > 0) {
			l->index--;
			l->kind = view_item_lines(sec, l->index) == 2 ? VIEW_LINE_ERROR
			                                              : VIEW_LINE_FIELD;
			return true;
		}
		break;
	case VIEW_LINE_ROW:
		if (l->index == 0) {
			*shift = view_list_fill_before(w->v, sec, VIEW_FETCH);
			l->index += *shift;
		}
		if (l->index > 0) {
			l->index--;
			return true;
		}
		break;
	case VIEW_LINE_EMPTY:
	case VIEW_LINE_HEADING:
		break;
	}
	if (l->kind != VIEW_LINE_HEADING && *sec->heading) {
		l->kind = VIEW_LINE_HEADING;
		l->index = 0;
		return true;
	}
	for (size_t s = l->section; s-- > 0;)
		if (view_walk_last(w, s))
			return true;
	return false;
}

/* Fill in a line's id and focus from the view. */
static void view_line_finish(const struct view *v, struct view_line *l)
{
	const struct view_section *sec = &v->sections[l->section];
	l->id = l->kind == VIEW_LINE_ROW ? sec->list.rows.v[l->index].id : 0;
	l->focus = l->section == v->focus &&
	           ((l->kind == VIEW_LINE_ROW && l->index == sec->list.sel) ||
	            (l->kind == VIEW_LINE_FIELD && l->index == sec->focus));
}

/* Add shift to the index of every collected row line of section s. */
static void view_lines_shift(struct view_line *lines, size_t n, size_t s, size_t shift)
{
	for (size_t i = 0; shift && i < n; i++)
		if (lines[i].section == s && lines[i].kind == VIEW_LINE_ROW)
			lines[i].index += shift;
}

/*
 * Collect up to want lines before lines[*first], moving *first back. Rows
 * loaded before a window shift the indexes of the lines already collected.
 */
static size_t view_collect_before(struct view *v, struct view_line *lines, size_t cap,
                                  size_t *first, size_t want)
{
	struct view_walk w = { .v = v, .line = lines[*first] };
	size_t got = 0, shift;
	while (got<want && * first> 0 && view_walk_prev(&w, &shift)) {
		view_lines_shift(lines + *first, cap - *first, w.line.section, shift);
		lines[--*first] = w.line;
		got++;
	}
	return got;
}

/* Is row line a of the previous layout still in section s's window, and where? */
static bool view_prev_row_index(const struct view *v, const struct view_line *a, size_t *index)
{
	if (a->kind != VIEW_LINE_ROW || a->section >= v->nsections)
		return false;
	const struct view_list *l = &v->sections[a->section].list;
	for (size_t i = 0; i < l->rows.n; i++) {
		if (l->rows.v[i].id == a->id) {
			*index = i;
			return true;
		}
	}
	return false;
}

/* Compare two line positions in the view: <0, 0, >0. */
static int view_line_order(const struct view_line *a, size_t a_index, const struct view_line *b,
                           size_t b_index)
{
	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	int ka = a->kind == VIEW_LINE_HEADING ? 0 : 1, kb = b->kind == VIEW_LINE_HEADING ? 0 : 1;
	if (ka != kb)
		return ka - kb;
	if (a_index != b_index)
		return a_index < b_index ? -1 : 1;
	return (a->kind == VIEW_LINE_ERROR) - (b->kind == VIEW_LINE_ERROR);
}

/* Where the focus line should go on screen, given the previous layout. */
static size_t view_focus_row(struct view *v, const struct view_line *focus, size_t height,
                             const struct view_line *prev, size_t nprev)
{
	size_t none = height; /* no previous position: decide from the content */
	if (!prev || !nprev)
		return none;
	for (size_t i = 0; i < nprev; i++) {
		if (prev[i].section != focus->section || prev[i].kind != focus->kind)
			continue;
		if ((focus->kind == VIEW_LINE_ROW && prev[i].id == focus->id) ||
		    (focus->kind == VIEW_LINE_FIELD && prev[i].index == focus->index))
			return i;
	}
	/* Off the previous screen: below it, or above it, or somewhere else after a jump. */
	const struct view_line *last = &prev[nprev - 1], *top = &prev[0];
	size_t li = last->index, ti = top->index;
	bool last_ok = last->kind != VIEW_LINE_ROW || view_prev_row_index(v, last, &li);
	bool top_ok = top->kind != VIEW_LINE_ROW || view_prev_row_index(v, top, &ti);
	if (last_ok && view_line_order(focus, focus->index, last, li) > 0)
		return height - 1;
	if (top_ok && view_line_order(focus, focus->index, top, ti) < 0)
		return 0;
	return none;
}

size_t view_layout(struct view *v, size_t height, const struct view_line *prev, size_t nprev,
                   struct view_line *out)
{
	if (!height || !v->nsections)
		return 0;
	/* Start from the focus item, or the first line when nothing is selected. */
	struct view_walk w = { .v = v };
	struct view_section *fs = v->focus < v->nsections ? &v->sections[v->focus] : NULL;
	if (fs && view_section_items(fs)) {
		w.line.section = v->focus;
		w.line.kind = fs->kind == VIEW_FORM ? VIEW_LINE_FIELD : VIEW_LINE_ROW;
		w.line.index = view_section_cursor(fs);
	} else {
		bool any = false;
		for (size_t s = 0; !any && s < v->nsections; s++)
			any = view_walk_first(&w, s);
		if (!any)
			return 0;
	}
	view_line_finish(v, &w.line);
	/* Work in a buffer of 2 * height lines with the focus in the middle. */
	size_t cap = 2 * height + 2, mid = height + 1, first = mid, end = mid + 1;
	struct view_line *lines = mem_calloc(cap, sizeof *lines);
	lines[mid] = w.line;
	size_t at = view_focus_row(v, &w.line, height, prev, nprev);
	/* A field's error sentence is under it and must show too. */
	size_t tail =
	        height > 1 && w.line.kind == VIEW_LINE_FIELD &&
	                        view_item_lines(&v->sections[w.line.section], w.line.index) == 2
	                ? 1
	                : 0;
	if (at == height) {
		/* A fresh screen: from the top if the focus fits, else a third of the way down. */
		size_t above = view_collect_before(v, lines, cap, &first, height);
		at = above + tail < height ? above : height / 3;
	}
	if (at + tail >= height)
		at = height - 1 - tail;
	first = mid;
	view_collect_before(v, lines, cap, &first, at);
	struct view_walk fw = { .v = v, .line = lines[mid] };
	while (end - first < height && view_walk_next(&fw))
		lines[end++] = fw.line;
	/* Short at the bottom: show more above if there is more. */
	if (end - first < height)
		view_collect_before(v, lines, cap, &first, height - (end - first));
	size_t n = end - first;
	for (size_t i = 0; i < n; i++) {
		out[i] = lines[first + i];
		view_line_finish(v, &out[i]);
	}
	free(lines);
	return n;
}

/* The field's label in a sentence, "the" or not as its record field says. */
char *view_field_called(const struct view_field *f, bool capital)
{
	return record_label_called(f->field, f->label, capital);
}
