/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The view model: rows that read alone, clean text, keyset paging through a
 * source that never hands over the whole list, editing, and layout.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"
#include "view.h"

/* A list of n rows "Row 000001" ... held by number, handed out a page at a time. */
struct fake {
	int n;
	int fetches; /* how many times the view asked */
	int most;    /* the most rows asked for at once */
};

static void fake_fill(struct view_row *r, int i)
{
	char key[16];
	snprintf(key, sizeof key, "%06d", i);
	r->id = i;
	view_row_key(r, key);
	view_row_label(r, "Row %06d %s", i, i % 7 == 0 ? "carers" : "day");
}

static enum error_code fake_fetch(void *ctx, const struct view_fetch *f, struct view_rows *out,
                                  struct error *err)
{
	struct fake *fk = ctx;
	(void)err;
	fk->fetches++;
	if (f->limit > fk->most)
		fk->most = f->limit;
	int at = f->from ? atoi(f->from->key) : (f->backward ? fk->n + 1 : 0);
	int step = f->backward ? -1 : 1, got = 0;
	for (int i = at + step; i >= 1 && i <= fk->n && got < f->limit; i += step) {
		char label[32];
		snprintf(label, sizeof label, "Row %06d %s", i, i % 7 == 0 ? "carers" : "day");
		if (f->match && (f->prefix ? strncasecmp(label, f->match, strlen(f->match)) != 0
		                           : !text_contains(label, f->match)))
			continue;
		fake_fill(view_rows_add(out), i);
		got++;
	}
	return ERROR_NONE;
}

static enum error_code fake_count(void *ctx, int64_t *n, struct error *err)
{
	(void)err;
	*n = ((struct fake *)ctx)->n;
	return ERROR_NONE;
}

/* A view with one paged list over a fake of n rows (fk is not freed by the view). */
static struct view *paged(struct fake *fk, int n)
{
	fk->n = n;
	struct view *v = view_new();
	view_title(v, "Rows");
	struct view_section *sec = view_add_list(v, NULL, "No rows.");
	struct view_source src = { .ctx = fk, .fetch = fake_fetch, .count = fake_count };
	view_list_source(v, sec, &src);
	return v;
}

static int64_t selected(const struct view *v)
{
	const struct view_row *r = view_selected_row(v);
	return r ? r->id : -1;
}

static void rows_read_alone_with_the_date_last(void **state)
{
	(void)state;
	struct view_rows rows = { 0 };
	struct view_row *r = view_rows_add(&rows);
	view_row_set(r, 7, "tell Ann B. what came of Day services workshop", NULL);
	view_row_status(r, "OVERDUE", VIEW_TONE_ALERT);
	view_row_date(r, "due", "2026-10-29");
	char *t = view_row_text(r);
	assert_string_equal(t, "OVERDUE: tell Ann B. what came of Day services workshop, due "
	                       "2026-10-29");
	free(t);
	r = view_rows_add(&rows);
	view_row_set(r, 8, "Carers forum", "held");
	t = view_row_text(r);
	assert_string_equal(t, "Carers forum, held");
	free(t);
	/* Stored control characters never reach a renderer. */
	r = view_rows_add(&rows);
	view_row_set(r, 9, "Ann\x1b[2J\x07 B.", "line\none");
	assert_true(text_is_clean(r->label, 0));
	assert_true(text_is_clean(r->value, 0));
	assert_null(strchr(r->label, '\x1b'));
	view_rows_free(&rows);
}

static void a_long_list_pages_by_key_and_stays_small(void **state)
{
	(void)state;
	struct fake fk = { 0 };
	struct view *v = paged(&fk, 100000);
	const struct view_list *l = &v->sections[0].list;
	assert_int_equal(l->count, 100000);
	assert_int_equal(selected(v), 1);
	assert_true(l->rows.n < 100);
	/* Walk down 3000 rows one at a time: the window never holds the list. */
	size_t biggest = 0;
	for (int i = 0; i < 3000; i++) {
		assert_true(view_move(v, 1));
		if (l->rows.n > biggest)
			biggest = l->rows.n;
	}
	assert_int_equal(selected(v), 3001);
	assert_true(biggest <= 600);
	assert_true(fk.most <= 64);
	/* Back up past where the window was trimmed. */
	assert_true(view_move(v, -2500));
	assert_int_equal(selected(v), 501);
	view_end(v);
	assert_int_equal(selected(v), 100000);
	assert_false(view_move(v, 1));
	assert_true(view_move(v, -1));
	assert_int_equal(selected(v), 99999);
	view_home(v);
	assert_int_equal(selected(v), 1);
	assert_false(view_move(v, -1));
	view_free(v);
}

static void find_and_jump_go_to_the_next_match(void **state)
{
	(void)state;
	struct fake fk = { 0 };
	struct view *v = paged(&fk, 100000);
	assert_true(view_find(v, "carers", false));
	assert_int_equal(selected(v), 7);
	assert_true(view_find(v, "carers", false));
	assert_int_equal(selected(v), 14);
	/* The window around a found row lets the selection move both ways. */
	assert_true(view_move(v, -1));
	assert_int_equal(selected(v), 13);
	assert_true(view_find(v, "Row 09999", true));
	assert_int_equal(selected(v), 99990);
	assert_true(view_move(v, 1));
	assert_int_equal(selected(v), 99991);
	/* From near the end, the next match wraps round to the top. */
	view_end(v);
	assert_true(view_find(v, "carers", false));
	assert_int_equal(selected(v), 7);
	assert_false(view_find(v, "nowhere", false));
	assert_non_null(strstr(v->message, "nowhere"));
	assert_int_equal(selected(v), 7);
	view_free(v);
}

/* Sections of rows and fields are one sequence for moving. */
static struct view *mixed(void)
{
	struct view *v = view_new();
	struct view_section *form = view_add_form(v, "Agreement");
	view_field_value(view_form_add(form, "purpose", "purpose"), "Agree priorities", NULL);
	struct view_field *f = view_form_add(form, "agreed_on", "agreed on");
	view_field_help(f, "When it was agreed.", "as YYYY-MM-DD");
	struct view_section *list = view_add_list(v, "Meetings", "No meetings yet.");
	for (int i = 1; i <= 3; i++)
		view_row_set(view_list_add(list), i, i == 2 ? "Carers forum" : "Day centre visit",
		             NULL);
	view_add_list(v, "Findings", "Nothing to put right.");
	view_home(v);
	return v;
}

static void moving_crosses_sections(void **state)
{
	(void)state;
	struct view *v = mixed();
	assert_non_null(view_focused_field(v));
	assert_string_equal(view_focused_field(v)->name, "purpose");
	assert_true(view_move(v, 2));
	assert_int_equal(v->focus, 1);
	assert_int_equal(selected(v), 1);
	view_end(v);
	assert_int_equal(selected(v), 3); /* the empty Findings list is passed over */
	assert_false(view_move(v, 1));
	assert_true(view_move(v, -3));
	assert_string_equal(view_focused_field(v)->name, "agreed_on");
	assert_true(view_find(v, "carers", false));
	assert_int_equal(selected(v), 2);
	view_free(v);
}

/* Find reaches rows in every list of a screen, in the order they are shown, going round. */
static void find_goes_on_through_the_lists_below_and_round(void **state)
{
	(void)state;
	struct view *v = mixed(); /* Meetings: 1, 2 "Carers forum", 3; Findings empty */
	struct view_section *findings = &v->sections[2];
	view_row_set(view_list_add(findings), 11, "Tell the carers forum what came of it", NULL);
	view_row_set(view_list_add(findings), 12, "Pay the carers forum members", NULL);
	/* From the form at the top, the first list below it. */
	assert_true(view_find(v, "carers", false));
	assert_int_equal(v->focus, 1);
	assert_int_equal(selected(v), 2);
	/* Past the last match in Meetings, on into Findings. */
	assert_true(view_find(v, "carers", false));
	assert_int_equal(v->focus, 2);
	assert_int_equal(selected(v), 11);
	assert_true(view_find(v, "carers", false));
	assert_int_equal(selected(v), 12);
	/* Past the last list, round to the first. */
	assert_true(view_find(v, "carers", false));
	assert_int_equal(v->focus, 1);
	assert_int_equal(selected(v), 2);
	/* A match only in the focused row keeps it; none at all leaves the selection. */
	assert_true(view_find(v, "Carers forum", true));
	assert_int_equal(v->focus, 1);
	assert_int_equal(selected(v), 2);
	assert_false(view_find(v, "nowhere", false));
	assert_int_equal(v->focus, 1);
	assert_int_equal(selected(v), 2);
	view_free(v);
}

static void editing_respects_characters(void **state)
{
	(void)state;
	struct view *v = mixed();
	assert_true(view_edit_start(v, "Łódź"));
	assert_int_equal(v->edit.point, strlen("Łódź"));
	view_edit_left(v);
	view_edit_left(v);
	view_edit_backspace(v); /* the ó */
	assert_string_equal(v->edit.buf, "Łdź");
	view_edit_insert(v, "o\x1b[31m");
	assert_true(text_is_clean(v->edit.buf, 0));
	view_edit_home(v);
	view_edit_delete(v);
	assert_int_equal(v->edit.buf[0], 'o');
	view_edit_kill(v);
	assert_string_equal(v->edit.buf, "");
	assert_true(v->edit.unsaved > 0);
	view_edit_stop(v);
	assert_false(v->edit.active);
	view_free(v);
}

static void a_choice_can_be_given_by_number(void **state)
{
	(void)state;
	struct view *v = view_new();
	struct view_field *f = view_form_add(view_add_form(v, NULL), "kind", "kind of project");
	view_field_add_choice(f, "new service");
	view_field_add_choice(f, "redesign");
	char *a = view_field_answer(f, "2");
	assert_string_equal(a, "redesign");
	free(a);
	a = view_field_answer(f, "7");
	assert_string_equal(a, "7");
	free(a);
	a = view_field_answer(f, "review");
	assert_string_equal(a, "review");
	free(a);
	/* A choice is typed afresh: editing starts empty, where text starts from the value. */
	view_field_value(f, "redesign", "redesign");
	view_focus_field(v, 0, 0);
	assert_true(view_edit_start(v, NULL));
	assert_string_equal(v->edit.buf, "");
	struct view_field *t = view_form_add(&v->sections[0], "area", "service area");
	view_field_value(t, "Carers", "Carers");
	view_focus_field(v, 0, 1);
	assert_true(view_edit_start(v, NULL));
	assert_string_equal(v->edit.buf, "Carers");
	view_free(v);
}

static void sentences_end_with_one_full_stop(void **state)
{
	(void)state;
	struct view *v = view_new();
	view_message(v, VIEW_TONE_GOOD, "Added %s.", "Ann B.");
	assert_string_equal(v->message, "Added Ann B.");
	view_summary(v, "Told %s.", "Ann B.");
	assert_string_equal(v->summary, "Told Ann B.");
	view_message(v, VIEW_TONE_GOOD, "Saved the notes: %s.", "and so on...");
	assert_string_equal(v->message, "Saved the notes: and so on....");
	view_message(v, VIEW_TONE_GOOD, "Saved the title: %s.", "Forum");
	assert_string_equal(v->message, "Saved the title: Forum.");
	view_free(v);
}

/* Layout: the selection stays where it was on screen, and one move scrolls by one line. */
static void layout_scrolls_one_line_at_a_time(void **state)
{
	(void)state;
	struct fake fk = { 0 };
	struct view *v = paged(&fk, 100000);
	struct view_line prev[10], now[10];
	size_t n = view_layout(v, 10, NULL, 0, prev);
	assert_int_equal(n, 10);
	assert_true(prev[0].focus);
	assert_int_equal(prev[0].id, 1);
	for (int i = 0; i < 9; i++) {
		view_move(v, 1);
		n = view_layout(v, 10, prev, 10, now);
		memcpy(prev, now, sizeof now);
	}
	/* Row 10 is on the last line, and the screen has not moved. */
	assert_true(now[9].focus);
	assert_int_equal(now[0].id, 1);
	view_move(v, 1);
	n = view_layout(v, 10, prev, 10, now);
	assert_true(now[9].focus);
	assert_int_equal(now[9].id, 11);
	assert_int_equal(now[0].id, 2);
	/* Moving up within the screen does not scroll it. */
	memcpy(prev, now, sizeof now);
	view_move(v, -3);
	n = view_layout(v, 10, prev, 10, now);
	assert_int_equal(now[0].id, 2);
	assert_true(now[6].focus);
	view_free(v);
}

static void layout_shows_headings_fields_and_errors(void **state)
{
	(void)state;
	struct view *v = mixed();
	view_field_error(&v->sections[0].fields[0], "The purpose is required.");
	struct view_line l[12];
	size_t n = view_layout(v, 12, NULL, 0, l);
	/* Agreement, purpose, its error, agreed on, Meetings, 3 rows, Findings, its sentence. */
	assert_int_equal(n, 10);
	assert_int_equal(l[0].kind, VIEW_LINE_HEADING);
	assert_int_equal(l[1].kind, VIEW_LINE_FIELD);
	assert_true(l[1].focus);
	assert_int_equal(l[2].kind, VIEW_LINE_ERROR);
	assert_int_equal(l[4].kind, VIEW_LINE_HEADING);
	assert_int_equal(l[5].kind, VIEW_LINE_ROW);
	assert_int_equal(l[9].kind, VIEW_LINE_EMPTY);
	view_free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_read_alone_with_the_date_last),
		cmocka_unit_test(a_long_list_pages_by_key_and_stays_small),
		cmocka_unit_test(find_and_jump_go_to_the_next_match),
		cmocka_unit_test(moving_crosses_sections),
		cmocka_unit_test(find_goes_on_through_the_lists_below_and_round),
		cmocka_unit_test(editing_respects_characters),
		cmocka_unit_test(a_choice_can_be_given_by_number),
		cmocka_unit_test(sentences_end_with_one_full_stop),
		cmocka_unit_test(layout_scrolls_one_line_at_a_time),
		cmocka_unit_test(layout_shows_headings_fields_and_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
