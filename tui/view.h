/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * view: what a screen shows, independent of how it is drawn.
 *
 * A screen builds a view; a renderer (curses or text) draws it; the
 * framework moves the selection and edits fields through the functions here,
 * so every screen behaves the same in both renderers and in tests.
 *
 * A view has a title, a one-sentence summary, sections, the actions on
 * offer and a message line. A section is either a list of rows or a form of
 * fields. A row reads alone, most important words first:
 * "OVERDUE: tell Ann B. what came of Day services workshop, due 2026-10-29"
 * is the status word, the label, the value and the date (which goes last).
 * A field is "label: value" with its help, its choices and, after a rejected
 * value, a sentence under it saying what was wrong.
 *
 * Lists page through the store: a list section either holds a few rows the
 * screen added, or has a source (callbacks that fetch rows after or before a
 * row, by keyset) and keeps only a window of rows around the selection, so a
 * list of 100,000 meetings never loads them all.
 *
 * All text given to a view is passed through text_clean() on the way in, so
 * renderers can write view text to a terminal as it is. The view owns all of
 * its text; strings passed in are copied.
 */
#ifndef INVOLVE_VIEW_H
#define INVOLVE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* How a status word should stand out; renderers always show the word itself. */
enum view_tone {
	VIEW_TONE_PLAIN, /* nothing to draw attention to */
	VIEW_TONE_ALERT, /* overdue, refused, an error */
	VIEW_TONE_WARN,  /* due soon, missing */
	VIEW_TONE_GOOD,  /* done, saved */
	VIEW_TONE_QUIET, /* skipped, closed, not started */
};

struct view_row {
	int64_t id;   /* the screen's own, usually the record's id */
	char *key;    /* the row's value in its list's order, for keyset paging ("" if none) */
	char *label;  /* makes sense alone, important words first */
	char *value;  /* more about it; "" when none */
	char *status; /* one word or two: "OVERDUE", "due soon", "done", "missing"; "" none */
	enum view_tone tone;
	char *date; /* goes last: "due 2026-10-29"; "" when none */
};

/* A growable array of rows, as sources fill it. */
struct view_rows {
	struct view_row *v;
	size_t n, cap;
};

/* A new empty row at the end of rows (id 0, all text ""). Valid until the next add. */
struct view_row *view_rows_add(struct view_rows *rows);
/* Free every row's text and empty the array (keeping its memory). */
void view_rows_clear(struct view_rows *rows);
void view_rows_free(struct view_rows *rows);

/* Setters for a row's text: each copies and cleans; a NULL text sets "". */
void view_row_set(struct view_row *r, int64_t id, const char *label, const char *value);
void view_row_label(struct view_row *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void view_row_value(struct view_row *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void view_row_status(struct view_row *r, const char *status, enum view_tone tone);
/* The date last on the row: word and date, "due 2026-10-29"; an empty date clears it. */
void view_row_date(struct view_row *r, const char *word, const char *date);
/* The keyset position of the row in its list ("" allowed). */
void view_row_key(struct view_row *r, const char *key);
/*
 * The row as one line that makes sense alone: "STATUS: label, value, date",
 * leaving out the parts that are empty. The caller frees it.
 */
char *view_row_text(const struct view_row *r);

/* What a list source is asked for. */
struct view_fetch {
	const struct view_row *from; /* rows after this one (or before, backward); NULL: the ends */
	bool backward;               /* rows before from (or the last rows), nearest first */
	const char *match;           /* only rows whose label holds this text; NULL for all */
	bool prefix;                 /* match only at the start of the label */
	int limit;                   /* at most this many rows (at least 1) */
};

/*
 * Where a list's rows come from when there are too many to hold. fetch
 * appends up to f->limit rows to out, in the order they are met going away
 * from f->from (so backward rows come nearest first), with each row's key
 * set so that a later fetch can start from it. Matching ignores the case of
 * ASCII letters and is the source's to define (a record source matches the
 * record's name). On failure it returns a code and a sentence.
 */
struct view_source {
	void *ctx; /* owned by the source; freed by free */
	enum error_code (*fetch)(void *ctx, const struct view_fetch *f, struct view_rows *out,
	                         struct error *err);
	/* How many rows the list holds; may be NULL when that is not known. */
	enum error_code (*count)(void *ctx, int64_t *n, struct error *err);
	void (*free)(void *ctx); /* may be NULL */
};

/* The loaded window of a list and the selection in it. */
struct view_list {
	struct view_rows rows;  /* the window: every row for a list without a source */
	size_t sel;             /* index in rows of the selected row */
	bool at_start, at_end;  /* the window reaches the first / last row of the list */
	int64_t base;           /* position in the whole list of rows.v[0], or -1 when not known */
	int64_t count;          /* rows in the whole list, or -1 when not known */
	struct view_source src; /* src.fetch NULL for a list of rows added by the screen */
};

struct choice;
struct field;

struct view_field {
	char *name;     /* the screen's name for it (a record field's column) */
	char *label;    /* "date held" */
	char *value;    /* the current value as typed: "2026-11-22" ("" when empty) */
	char *display;  /* the value for people: "£12.50", "not possible" ("" when empty) */
	char *help;     /* one sentence */
	char *expect;   /* what is asked for: "as YYYY-MM-DD"; "" when any text will do */
	char **choices; /* the labels it may take, or NULL */
	size_t nchoices;
	char *error;    /* why the last value typed was refused; "" when it was not */
	bool read_only; /* shown, not edited here */
	bool multiline; /* long text */
	bool live;      /* the screen hears each change while it is typed (see struct screen) */
	bool follow_up; /* a question about the field before it, there for now: not counted */
	const struct field *field; /* the record field it edits, or NULL */
};

enum view_section_kind { VIEW_LIST, VIEW_FORM };

struct view_section {
	enum view_section_kind kind;
	char *heading;             /* "Feedback due" ("" for none) */
	char *empty;               /* the sentence shown when the list is empty */
	struct view_list list;     /* VIEW_LIST */
	struct view_field *fields; /* VIEW_FORM */
	size_t nfields, fields_cap;
	size_t focus; /* VIEW_FORM: the focused field */
};

struct view_action {
	int key;     /* the key in full screens: 'a' (not a capital: capitals jump to rows) */
	char *word;  /* the command word that runs it in text mode: "add" */
	char *label; /* short, for the key line: "add a project" */
	char *help;  /* one sentence for help */
};

/* Text being typed into a field, with the insertion point. */
struct view_edit {
	bool active;
	size_t section, field; /* the field being edited */
	char *buf;             /* UTF-8, NUL-terminated */
	size_t len, cap;
	size_t point;     /* byte offset of the insertion point, on a character boundary */
	unsigned unsaved; /* keys typed since the draft was last kept */
};

/* A yes-or-no question that takes the cursor until it is answered. */
struct view_question {
	char *text; /* a whole question: "Delete the project Day services?" (NULL: none) */
	int tag;    /* the screen's own, to know which question was answered */
};

struct view {
	char *title;
	char *summary; /* one sentence */
	struct view_section *sections;
	size_t nsections, sections_cap;
	size_t focus; /* the section holding the selection */
	struct view_action *actions;
	size_t nactions, actions_cap;
	char *message; /* an announcement, a whole sentence, until the next key ("" none) */
	enum view_tone message_tone;
	struct view_question question;
	struct view_edit edit;
	bool fresh;       /* set when the view is first shown: renderers draw it whole */
	unsigned rebuilt; /* counts the times the screen built it again (data changed) */
	bool walk;        /* text mode: ask every field in turn when first shown */
};

struct view *view_new(void);
void view_free(struct view *v);
/*
 * Drop everything a screen built (title, sections, actions), keeping the
 * message, the question and any edit in progress, ready for the screen to
 * build it again.
 */
void view_reset(struct view *v);

void view_title(struct view *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The summary and the message are sentences: one that would end ".." ends "." instead. */
void view_summary(struct view *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Set the message line: a whole sentence that stays until the next key. */
void view_message(struct view *v, enum view_tone tone, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* Ask a yes-or-no question; the answer comes to the screen as COMMAND_ANSWER with tag. */
void view_ask(struct view *v, int tag, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void view_add_action(struct view *v, int key, const char *word, const char *label,
                     const char *help);
/* The action with this key, or this word (or a unique start of it); NULL when none. */
const struct view_action *view_action_find(const struct view *v, int key, const char *word);

/* A new list section; heading and empty may be NULL. */
struct view_section *view_add_list(struct view *v, const char *heading, const char *empty);
/* A row added by the screen to a list without a source. */
struct view_row *view_list_add(struct view_section *sec);
/*
 * Give a list section its source (the section takes ownership of src->ctx)
 * and load the first rows. On failure the message line says why.
 */
void view_list_source(struct view *v, struct view_section *sec, const struct view_source *src);

struct view_section *view_add_form(struct view *v, const char *heading);
/* A new field at the end of a form; text fields are "" until set. */
struct view_field *view_form_add(struct view_section *sec, const char *name, const char *label);
void view_field_value(struct view_field *f, const char *value, const char *display);
void view_field_help(struct view_field *f, const char *help, const char *expect);
void view_field_add_choice(struct view_field *f, const char *label);
void view_field_error(struct view_field *f, const char *sentence);

/* ---- the selection ---- */

/* The selected row, or NULL when the focus is on a form or on an empty list. */
const struct view_row *view_selected_row(const struct view *v);
/* The focused field, or NULL when the focus is on a list. */
struct view_field *view_focused_field(struct view *v);
/* The field named name in any form section, with its section and index; NULL when none. */
struct view_field *view_find_field(struct view *v, const char *name, size_t *section,
                                   size_t *index);
/* Focus field index of form section. */
void view_focus_field(struct view *v, size_t section, size_t index);
/* Select row index of the window of list section (clamped). */
void view_select_row(struct view *v, size_t section, size_t index);
/* The number of items (rows loaded, or fields) in a section. */
size_t view_section_items(const struct view_section *sec);
/* The index of the selected row or focused field in its section. */
size_t view_section_cursor(const struct view_section *sec);

/*
 * Move the selection by delta items (rows or fields), crossing into the
 * sections before and after, fetching rows as needed. Returns false when it
 * could not move (already at the end, or nothing to select).
 */
bool view_move(struct view *v, int delta);
/* The first / last item of the whole view. */
void view_home(struct view *v);
void view_end(struct view *v);
/*
 * Go to the next row whose label holds text, or starts with it when prefix:
 * after the selected one in the focused list (or in the first list after the
 * focus), then in the lists after it, going round to the top of the first.
 * Returns false, with the message line saying so, when none does.
 */
bool view_find(struct view *v, const char *text, bool prefix);
/*
 * Make sure rows [index, index + n) of a list's window are loaded where the
 * list has them; returns how many of those rows are there.
 */
size_t view_list_fill(struct view *v, struct view_section *sec, size_t index, size_t n);
/* Load rows before the window's first row; returns how many were added at the front. */
size_t view_list_fill_before(struct view *v, struct view_section *sec, size_t n);
/* Load the list from its first row (or its last, when at_end), selecting it. */
void view_list_home(struct view *v, struct view_section *sec);
void view_list_end(struct view *v, struct view_section *sec);

/*
 * Where the selection is, to put it back after the screen builds the view
 * again: the section, the row's id and key or the field's index.
 */
struct view_mark {
	size_t section;
	bool have_row;
	struct view_row row; /* a copy (owned by the mark) */
	size_t index;        /* the row's or field's index in its section */
};
void view_mark_take(const struct view *v, struct view_mark *m);
/* Put the selection back at m, reloading a paged list around the row. Frees m. */
void view_mark_restore(struct view *v, struct view_mark *m);

/* ---- editing a field ---- */

/*
 * Start editing the focused field with text, point at the end. NULL starts
 * from its current value, or from nothing for a field with choices (a number
 * or a name is typed; an empty line keeps the value, see screen_dispatch).
 */
bool view_edit_start(struct view *v, const char *text);
void view_edit_stop(struct view *v);
void view_edit_insert(struct view *v, const char *utf8);
void view_edit_left(struct view *v);
void view_edit_right(struct view *v);
void view_edit_home(struct view *v);
void view_edit_end(struct view *v);
void view_edit_backspace(struct view *v);
void view_edit_delete(struct view *v);
void view_edit_kill(struct view *v);

/*
 * The text a typed answer stands for: a number picks one of the field's
 * choices ("2" for its second choice's label); anything else is itself.
 * The caller frees it.
 */
char *view_field_answer(const struct view_field *f, const char *typed);

/*
 * The field's label as words in a sentence (record_label_called): "the date
 * held", "who decides"; capital for the start of one. The caller frees it.
 */
char *view_field_called(const struct view_field *f, bool capital);

/* ---- layout for renderers that draw a window of lines ---- */

enum view_line_kind {
	VIEW_LINE_HEADING, /* a section's heading */
	VIEW_LINE_ROW,     /* rows.v[index] of a list */
	VIEW_LINE_EMPTY,   /* an empty list's sentence */
	VIEW_LINE_FIELD,   /* fields[index] of a form */
	VIEW_LINE_ERROR,   /* the sentence under fields[index] */
};

struct view_line {
	enum view_line_kind kind;
	size_t section;
	size_t index;
	int64_t id; /* VIEW_LINE_ROW: the row's id, to recognise it in the next layout */
	bool focus; /* the selected row or focused field */
};

/*
 * Lay out the sections in height lines, keeping the selection where it was
 * in the previous layout (prev, nprev; NULL for a fresh screen) so that
 * moving by one row does not scroll everything. Fills out (height entries)
 * and returns how many lines are used. Fetches rows as needed.
 */
size_t view_layout(struct view *v, size_t height, const struct view_line *prev, size_t nprev,
                   struct view_line *out);

#endif
