/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recordview: list sources and forms over the record engine. */
#include "recordview.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "mem.h"
#include "text.h"

enum { RECORDVIEW_SCAN = 256 }; /* records read at a time while looking for a prefix */

/* A list source over records: the store, the kind, the filters and the row maker. */
struct recordview_source {
	struct store *store;
	const struct record_kind *kind;
	struct record_query q; /* filters only; text members owned */
	recordview_row_fn row;
	void *ctx;
};

/* What record_list's callback fills. */
struct recordview_fill {
	struct recordview_source *src;
	struct view_rows *out;
	const struct view_fetch *f;
	int wanted;       /* rows still to add */
	char *last_order; /* the last record seen, to read on from */
	int64_t last_id;
	int seen;
};

/*
 * A kind with no name field (budget events) is found by the label of its
 * rows: make the row, and keep it only when its label matches.
 */
static bool recordview_take_by_label(void *rec, const char *order_value,
                                     struct recordview_fill *fill)
{
	struct view_rows one = { 0 };
	struct view_row *made = view_rows_add(&one);
	made->id = ((struct record_head *)rec)->id;
	fill->src->row(rec, made, fill->src->ctx);
	const char *match = fill->f->match;
	bool keep = fill->f->prefix ? strncasecmp(made->label, match, strlen(match)) == 0
	                            : text_contains(made->label, match);
	if (keep) {
		struct view_row *row = view_rows_add(fill->out);
		view_row_set(row, made->id, made->label, made->value);
		view_row_status(row, made->status, made->tone);
		view_row_date(row, NULL, made->date);
		view_row_key(row, order_value);
	}
	view_rows_free(&one);
	return !keep || --fill->wanted > 0;
}

/* One record from record_list: make it a row, unless a prefix search passes it over. */
static bool recordview_take(void *rec, const char *order_value, void *ctx)
{
	struct recordview_fill *fill = ctx;
	const struct record_kind *kind = fill->src->kind;
	const struct record_head *head = rec;
	fill->seen++;
	mem_replace(&fill->last_order, order_value);
	fill->last_id = head->id;
	if (fill->f->match && !kind->name_field)
		return recordview_take_by_label(rec, order_value, fill);
	if (fill->f->match && fill->f->prefix) {
		const struct field *nf = record_field(kind, kind->name_field);
		char *name = nf ? record_field_format(nf, rec) : mem_strdup("");
		bool starts = strncasecmp(name, fill->f->match, strlen(fill->f->match)) == 0;
		free(name);
		if (!starts)
			return true;
	}
	struct view_row *row = view_rows_add(fill->out);
	row->id = head->id;
	view_row_key(row, order_value);
	fill->src->row(rec, row, fill->src->ctx);
	return --fill->wanted > 0;
}

/* The first record of the filtered list at or after name in the kind's order, into one row. */
static enum error_code recordview_seek(struct recordview_source *src, const char *name,
                                       const struct view_row *from, struct view_rows *out,
                                       struct error *err)
{
	struct recordview_fill fill = { .src = src, .out = out, .wanted = 1 };
	struct view_fetch any = { .limit = 1 };
	fill.f = &any;
	struct record_query q = src->q;
	q.has_after = true;
	q.limit = 1;
	if (from && strcmp(from->key, name) >= 0) {
		q.after_order = from->key;
		q.after_id = from->id;
	} else {
		q.after_order = name;
		q.after_id = INT64_MIN;
	}
	enum error_code code =
	        record_list(src->store, src->kind, &q, recordview_take, &fill, NULL, err);
	free(fill.last_order);
	return code;
}

/*
 * A first-letter jump on a list in name order: the names starting with the
 * text sit together in the index, so look there (as typed, and with its
 * first letter in the other case) instead of reading the list.
 */
static enum error_code recordview_jump(struct recordview_source *src, const struct view_fetch *f,
                                       struct view_rows *out, struct error *err)
{
	char *forms[3] = { mem_strdup(f->match), mem_strdup(f->match), mem_strdup(f->match) };
	forms[1][0] = (char)toupper((unsigned char)forms[1][0]);
	forms[2][0] = (char)tolower((unsigned char)forms[2][0]);
	struct view_rows found = { 0 };
	enum error_code code = ERROR_NONE;
	int best = -1;
	for (int i = 0; i < 3 && code == ERROR_NONE; i++) {
		if (i > 0 && strcmp(forms[i], forms[0]) == 0)
			continue;
		view_rows_clear(&found);
		code = recordview_seek(src, forms[i], f->from, &found, err);
		/* A candidate when it starts with this form; the nearest in the list's order wins.
		 */
		if (found.n && strncmp(found.v[0].key, forms[i], strlen(forms[i])) == 0) {
			if (best < 0 || strcmp(found.v[0].key, forms[best]) < 0)
				best = i;
			free(forms[i]);
			forms[i] = mem_strdup(found.v[0].key);
		}
	}
	view_rows_free(&found);
	/* forms[best] now holds the winner's name: read it once more, into out. */
	if (code == ERROR_NONE && best >= 0)
		code = recordview_seek(src, forms[best], f->from, out, err);
	for (int i = 0; i < 3; i++)
		free(forms[i]);
	return code;
}

/* Fetch rows for a view list: one page, or for a prefix, pages until enough match. */
static enum error_code recordview_fetch(void *ctx, const struct view_fetch *f,
                                        struct view_rows *out, struct error *err)
{
	struct recordview_source *src = ctx;
	if (f->match && f->prefix && *f->match && f->limit == 1 && !f->backward &&
	    !src->kind->order_desc && src->kind->name_field &&
	    strcmp(src->kind->order, src->kind->name_field) == 0 &&
	    record_field(src->kind, src->kind->name_field)->type == FIELD_TEXT)
		return recordview_jump(src, f, out, err);
	struct recordview_fill fill = { .src = src, .out = out, .f = f, .wanted = f->limit };
	struct record_query q = src->q;
	q.search = f->match;
	q.backward = f->backward;
	q.has_after = f->from != NULL;
	q.after_order = f->from ? f->from->key : NULL;
	q.after_id = f->from ? f->from->id : 0;
	enum error_code code;
	char *after = NULL; /* bound while the page is read: the callback must not free it */
	do {
		/* Rows matched here, not by the query, are read a page at a time. */
		q.limit = f->match && (f->prefix || !src->kind->name_field) ? RECORDVIEW_SCAN
		                                                            : fill.wanted;
		fill.seen = 0;
		code = record_list(src->store, src->kind, &q, recordview_take, &fill, NULL, err);
		free(after);
		after = mem_strdup(fill.last_order);
		q.has_after = true;
		q.after_order = after;
		q.after_id = fill.last_id;
	} while (code == ERROR_NONE && fill.wanted > 0 && fill.seen == q.limit);
	free(after);
	free(fill.last_order);
	return code;
}

static enum error_code recordview_count(void *ctx, int64_t *n, struct error *err)
{
	struct recordview_source *src = ctx;
	return record_count(src->store, src->kind, &src->q, n, err);
}

static void recordview_free(void *ctx)
{
	struct recordview_source *src = ctx;
	free((char *)src->q.where);
	free((char *)src->q.where_text);
	free((char *)src->q.text_value);
	free(src);
}

void recordview_list(struct view *v, struct view_section *sec, struct store *s,
                     const struct record_kind *kind, const struct record_query *q,
                     recordview_row_fn row, void *ctx)
{
	struct recordview_source *src = mem_calloc(1, sizeof *src);
	src->store = s;
	src->kind = kind;
	src->row = row;
	src->ctx = ctx;
	if (q) {
		src->q.where = mem_strdup(q->where);
		src->q.where_id = q->where_id;
		src->q.where_text = mem_strdup(q->where_text);
		src->q.text_value = mem_strdup(q->text_value);
	}
	struct view_source vs = {
		.ctx = src,
		.fetch = recordview_fetch,
		.count = recordview_count,
		.free = recordview_free,
	};
	view_list_source(v, sec, &vs);
}

/* What a field of this type asks for, in words. */
static const char *recordview_expect(const struct field *f)
{
	static const char *const expect[] = {
		[FIELD_TEXT] = "",
		[FIELD_DATE] = "as YYYY-MM-DD",
		[FIELD_INT] = "a whole number",
		[FIELD_MONEY] = "in pounds, such as 12.50",
		[FIELD_BOOL] = "yes or no",
		[FIELD_CHOICE] = "",
		[FIELD_FLAGS] = "any of the choices, separated by commas",
		[FIELD_REF] = "",
	};
	return expect[f->type];
}

/* Add one record field to a form. */
static void recordview_field(struct view_section *sec, const struct field *f, const void *rec,
                             const struct config *config)
{
	struct view_field *vf = view_form_add(sec, f->name, f->label);
	char *value = record_field_format(f, rec);
	char *display = record_field_display(f, rec);
	/* Choices are typed as their labels, so editing starts from what is shown. */
	bool by_label = f->type == FIELD_CHOICE || f->type == FIELD_FLAGS;
	view_field_value(vf, by_label ? display : value, display);
	free(value);
	free(display);
	char *expect = mem_printf("%s%s%s", recordview_expect(f),
	                          (f->flags & FIELD_REQUIRED) && *recordview_expect(f) ? ", " : "",
	                          f->flags & FIELD_REQUIRED ? "required" : "");
	view_field_help(vf, f->help, expect);
	free(expect);
	vf->field = f;
	vf->multiline = f->flags & FIELD_MULTILINE;
	vf->read_only = f->type == FIELD_REF;
	for (size_t i = 0; f->choices && f->choices[i].key; i++)
		view_field_add_choice(vf, f->choices[i].label);
	if ((f->flags & FIELD_LEVEL) && config)
		for (size_t i = 0; i < config_level_count(config); i++)
			view_field_add_choice(vf, config_level_label(config, i));
}

void recordview_form(struct view_section *sec, const struct record_kind *kind, const void *rec,
                     const char *const *names, const struct config *config)
{
	if (names) {
		for (size_t i = 0; names[i]; i++) {
			const struct field *f = record_field(kind, names[i]);
			if (f)
				recordview_field(sec, f, rec, config);
		}
		return;
	}
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if (!(f->flags & FIELD_INTERNAL) && f->type != FIELD_REF)
			recordview_field(sec, f, rec, config);
	}
}

/* The full stop a message needs after a value: none when the value ends a sentence itself. */
static const char *recordview_stop(const char *value)
{
	size_t n = strlen(value);
	return n && strchr(".!?", value[n - 1]) ? "" : ".";
}

/*
 * Create a record of kind from start (or a new one) with text in field f
 * (vf in the view), make c->id its id and say so; a refused value goes under
 * the field.
 */
static enum screen_result recordview_create(struct screen_ctx *c, struct view *v,
                                            const struct record_kind *kind, const void *start,
                                            struct view_field *vf, const struct field *f,
                                            const char *text)
{
	void *rec = mem_alloc(kind->size);
	if (start)
		record_copy(kind, rec, start);
	else
		record_init(kind, rec);
	struct error err;
	error_clear(&err);
	enum error_code code = record_field_parse(f, rec, text, &err);
	if (code == ERROR_NONE)
		code = record_create(c->store, kind, rec, &err);
	if (code == ERROR_NONE)
		c->id = ((struct record_head *)rec)->id;
	record_clear(kind, rec);
	free(rec);
	if (code != ERROR_NONE) {
		view_field_error(vf, err.msg);
		return SCREEN_HANDLED;
	}
	char *called = record_label_called(f, NULL, false);
	view_message(v, VIEW_TONE_GOOD, "Added the %s, with %s: %s%s", kind->noun, called,
	             *text ? text : "empty", recordview_stop(text));
	free(called);
	return SCREEN_CHANGED;
}

/* The focused field of v (in *vf) and the field of kind it edits; NULL when there is none. */
static const struct field *recordview_focus(struct view *v, const struct record_kind *kind,
                                            struct view_field **vf)
{
	*vf = view_focused_field(v);
	return *vf ? record_field(kind, (*vf)->name) : NULL;
}

enum screen_result recordview_add(struct screen_ctx *c, struct view *v,
                                  const struct record_kind *kind, const void *start,
                                  const struct command *cmd)
{
	struct view_field *vf;
	const struct field *f = recordview_focus(v, kind, &vf);
	if (!f)
		return SCREEN_UNHANDLED;
	return recordview_create(c, v, kind, start, vf, f, cmd->text ? cmd->text : "");
}

enum screen_result recordview_save(struct screen_ctx *c, struct view *v,
                                   const struct record_kind *kind, const struct command *cmd)
{
	struct view_field *vf;
	const struct field *f = recordview_focus(v, kind, &vf);
	if (!f)
		return SCREEN_UNHANDLED;
	const char *text = cmd->text ? cmd->text : "";
	if (!c->id)
		return recordview_create(c, v, kind, NULL, vf, f, text);
	struct error err;
	error_clear(&err);
	void *rec = mem_alloc(kind->size);
	enum screen_result result = SCREEN_HANDLED;
	if (record_get(c->store, kind, c->id, rec, &err) != ERROR_NONE) {
		view_field_error(vf, err.msg);
		record_clear(kind, rec);
		free(rec);
		return SCREEN_HANDLED;
	}
	/* Parse into a copy first: an unchanged value writes nothing. */
	void *copy = mem_alloc(kind->size);
	record_copy(kind, copy, rec);
	char *before = record_field_format(f, rec), *after = NULL;
	if (record_field_parse(f, copy, text, &err) != ERROR_NONE) {
		view_field_error(vf, err.msg);
	} else if (strcmp(before, after = record_field_format(f, copy)) == 0) {
		char *shown = record_field_display(f, rec),
		     *called = record_label_called(f, NULL, true);
		view_message(v, VIEW_TONE_PLAIN, "%s stays %s%s", called, *shown ? shown : "empty",
		             recordview_stop(shown));
		free(called);
		free(shown);
	} else if (record_set(c->store, kind, c->id, f->name, text, &err) != ERROR_NONE) {
		view_field_error(vf, err.msg);
	} else {
		char *shown = record_field_display(f, copy),
		     *called = record_label_called(f, NULL, false);
		view_message(v, VIEW_TONE_GOOD, "Saved %s: %s%s", called, *shown ? shown : "empty",
		             recordview_stop(shown));
		free(called);
		free(shown);
		result = SCREEN_CHANGED;
	}
	free(before);
	free(after);
	record_clear(kind, copy);
	record_clear(kind, rec);
	free(copy);
	free(rec);
	return result;
}
