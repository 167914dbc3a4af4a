/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Screens driven headlessly through the command interface, against a real
 * database: no terminal, the same code paths as both renderers.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "drive.h"
#include "help.h"
#include "mem.h"
#include "project.h"
#include "project_overview.h"
#include "projects.h"
#include "screen.h"

static const struct screen *const screens[] = { &projects_screen, &project_overview_screen,
	                                        &help_screen, NULL };

/* Make n projects "Project 00001" ... in one transaction. */
static void make_projects(struct store *s, int n)
{
	assert_int_equal(store_begin(s, NULL), ERROR_NONE);
	for (int i = 1; i <= n; i++) {
		struct project p;
		project_init(&p);
		free(p.title);
		p.title = mem_printf("Project %05d %s", i, i % 10 == 0 ? "carers" : "day services");
		p.kind = PROJECT_REDESIGN;
		memcpy(p.started_on, "2026-03-01", DATE_TEXT_SIZE);
		assert_int_equal(project_create(s, &p, NULL), ERROR_NONE);
		project_clear(&p);
	}
	assert_int_equal(store_commit(s, NULL), ERROR_NONE);
}

static const char *selected_label(struct screen_stack *st)
{
	const struct view_row *r = view_selected_row(screen_view(st));
	return r ? r->label : "";
}

static void the_list_pages_through_thousands(void **state)
{
	struct support_db *db = *state;
	make_projects(db->store, 3000);
	struct screen_stack *st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Projects");
	assert_non_null(strstr(v->summary, "3000 projects"));
	assert_string_equal(selected_label(st), "Project 00001 day services");
	assert_true(v->sections[0].list.rows.n < 100);
	drive_number(st, COMMAND_PAGE_DOWN, NULL, 20);
	assert_string_equal(selected_label(st), "Project 00021 day services");
	for (int i = 0; i < 200; i++)
		drive_send(st, COMMAND_DOWN, NULL);
	assert_string_equal(selected_label(st), "Project 00221 day services");
	drive_send(st, COMMAND_END, NULL);
	assert_string_equal(selected_label(st), "Project 03000 carers");
	drive_send(st, COMMAND_UP, NULL);
	assert_string_equal(selected_label(st), "Project 02999 day services");
	drive_send(st, COMMAND_FIND, "carers");
	assert_string_equal(selected_label(st), "Project 03000 carers");
	/* From the last match, find goes round to the top. */
	drive_send(st, COMMAND_FIND, "carers");
	assert_string_equal(selected_label(st), "Project 00010 carers");
	drive_send(st, COMMAND_FIND, "carers");
	assert_string_equal(selected_label(st), "Project 00020 carers");
	drive_send(st, COMMAND_JUMP, "p");
	assert_string_equal(selected_label(st), "Project 00021 day services");
	/* A letter most titles hold but only one starts with: read on page after page. */
	struct project r;
	project_init(&r);
	mem_replace(&r.title, "Respite beds review");
	assert_int_equal(project_create(db->store, &r, NULL), ERROR_NONE);
	project_clear(&r);
	drive_send(st, COMMAND_HOME, NULL);
	drive_send(st, COMMAND_JUMP, "R");
	assert_string_equal(selected_label(st), "Respite beds review");
	drive_send(st, COMMAND_UP, NULL);
	assert_string_equal(selected_label(st), "Project 03000 carers");
	drive_send(st, COMMAND_HOME, NULL);
	drive_send(st, COMMAND_PAGE_DOWN, NULL);
	drive_send(st, COMMAND_FIND, "carers");
	assert_string_equal(selected_label(st), "Project 00020 carers");
	drive_send(st, COMMAND_FIND, "no such words");
	assert_non_null(strstr(screen_view(st)->message, "no such words"));
	assert_string_equal(selected_label(st), "Project 00020 carers");
	/* The message lasts until the next key. */
	drive_send(st, COMMAND_DOWN, NULL);
	assert_string_equal(screen_view(st)->message, "");
	screen_stack_free(st);
}

static void a_field_is_saved_when_left_and_a_bad_one_explained(void **state)
{
	struct support_db *db = *state;
	make_projects(db->store, 3);
	struct screen_stack *st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	drive_send(st, COMMAND_DOWN, NULL);
	int64_t id = view_selected_row(screen_view(st))->id;
	drive_send(st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_depth(st), 2);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Project: Project 00002 day services");
	/* The overview opens on its first stage; the details form comes after the lists. */
	assert_string_equal(selected_label(st), "Agree a framework for user involvement");
	/* To the start date, edit it, type a date that is not one. */
	drive_focus_field(st, "started_on");
	drive_send(st, COMMAND_OPEN, NULL);
	assert_true(v->edit.active);
	drive_send(st, COMMAND_ERASE_ALL, NULL);
	drive_send(st, COMMAND_INSERT, "2026-02-30");
	drive_number(st, COMMAND_SAVE_FIELD, NULL, 1);
	struct view_field *f = view_focused_field(v);
	assert_string_equal(f->name, "started_on");
	assert_true(v->edit.active);
	assert_string_equal(v->edit.buf, "2026-02-30");
	assert_non_null(strstr(f->error, "2026-02-30"));
	struct project p;
	assert_int_equal(project_get(db->store, id, &p, NULL), ERROR_NONE);
	assert_string_equal(p.started_on, "2026-03-01");
	project_clear(&p);
	/* Put it right: saved, said so, and on to the next field. */
	drive_send(st, COMMAND_ERASE_BACK, NULL);
	drive_send(st, COMMAND_ERASE_BACK, NULL);
	drive_send(st, COMMAND_INSERT, "28");
	drive_number(st, COMMAND_SAVE_FIELD, NULL, 1);
	assert_false(v->edit.active);
	assert_string_equal(v->message, "Saved the start date: 2026-02-28.");
	assert_string_equal(view_focused_field(v)->name, "closed_on");
	assert_int_equal(project_get(db->store, id, &p, NULL), ERROR_NONE);
	assert_string_equal(p.started_on, "2026-02-28");
	project_clear(&p);
	/* A choice by its number, as text mode types it. */
	drive_focus_field(st, "title");
	drive_send(st, COMMAND_DOWN, NULL);
	assert_string_equal(view_focused_field(v)->name, "kind");
	drive_number(st, COMMAND_SAVE_FIELD, "3", 0);
	assert_string_equal(v->message, "Saved the kind of project: decommissioning.");
	assert_string_equal(view_focused_field(v)->display, "decommissioning");
	/* Renamed, then back: the list shows the new title, still selected. */
	drive_focus_field(st, "title");
	drive_number(st, COMMAND_SAVE_FIELD, "Zebra crossing review", 0);
	assert_string_equal(v->title, "Project: Zebra crossing review");
	assert_true(drive_send(st, COMMAND_BACK, NULL));
	assert_int_equal(screen_depth(st), 1);
	v = screen_view(st);
	assert_true(v->fresh);
	drive_send(st, COMMAND_END, NULL);
	assert_string_equal(selected_label(st), "Zebra crossing review");
	/* Back from the first screen ends the program. */
	assert_false(drive_send(st, COMMAND_BACK, NULL));
	screen_stack_free(st);
}

static void today_goes_straight_back_to_the_first_screen(void **state)
{
	struct support_db *db = *state;
	make_projects(db->store, 3);
	struct screen_stack *st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	assert_true(drive_send(st, COMMAND_FIRST, NULL));
	assert_string_equal(screen_view(st)->message, "This is the first screen.");
	drive_send(st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_depth(st), 2);
	/* While typing, it asks for the field to be saved or left first, and stays. */
	drive_focus_field(st, "title");
	drive_send(st, COMMAND_OPEN, NULL);
	assert_true(screen_view(st)->edit.active);
	assert_true(drive_send(st, COMMAND_FIRST, NULL));
	assert_int_equal(screen_depth(st), 2);
	assert_non_null(strstr(screen_view(st)->message, "Save what you are typing first"));
	drive_send(st, COMMAND_CANCEL, NULL);
	assert_true(drive_send(st, COMMAND_FIRST, NULL));
	assert_int_equal(screen_depth(st), 1);
	assert_string_equal(screen_view(st)->title, "Projects");
	assert_true(screen_view(st)->fresh);
	screen_stack_free(st);
}

static void adding_creates_the_record_with_its_first_field(void **state)
{
	struct support_db *db = *state;
	struct screen_stack *st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	assert_non_null(strstr(screen_view(st)->summary, "no projects"));
	drive_send(st, COMMAND_ACTION, "add");
	assert_int_equal(screen_depth(st), 2);
	assert_int_equal(screen_top(st)->id, 0);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "New project");
	/* Saving another field first is refused: the title is required. */
	drive_send(st, COMMAND_DOWN, NULL);
	drive_number(st, COMMAND_SAVE_FIELD, "redesign", 1);
	assert_true(*view_focused_field(v)->error);
	assert_int_equal(screen_top(st)->id, 0);
	drive_send(st, COMMAND_UP, NULL);
	drive_number(st, COMMAND_SAVE_FIELD, "Carers strategy", 1);
	int64_t id = screen_top(st)->id;
	assert_true(id != 0);
	assert_string_equal(v->title, "Project: Carers strategy");
	assert_string_equal(view_focused_field(v)->name, "kind");
	assert_int_equal(project_find(db->store, "carers strategy"), id);
	drive_send(st, COMMAND_BACK, NULL);
	assert_string_equal(selected_label(st), "Carers strategy");
	screen_stack_free(st);
}

static void deleting_asks_first(void **state)
{
	struct support_db *db = *state;
	make_projects(db->store, 3);
	struct screen_stack *st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	drive_send(st, COMMAND_DOWN, NULL);
	drive_key(st, 'd');
	struct view *v = screen_view(st);
	assert_non_null(v->question.text);
	assert_string_equal(v->question.text, "Delete the project Project 00002 day services?");
	/* Until it is answered, other keys do nothing but say so. */
	drive_send(st, COMMAND_DOWN, NULL);
	assert_string_equal(selected_label(st), "Project 00002 day services");
	assert_non_null(strstr(v->message, "question"));
	drive_number(st, COMMAND_ANSWER, NULL, 0);
	assert_null(v->question.text);
	assert_string_equal(v->message, "The project Project 00002 day services was kept.");
	drive_key(st, 'd');
	drive_number(st, COMMAND_ANSWER, NULL, 1);
	assert_string_equal(v->message, "Deleted the project Project 00002 day services.");
	assert_non_null(strstr(v->summary, "2 projects"));
	assert_int_equal(project_find(db->store, "Project 00002 day services"), 0);
	assert_int_equal(v->sections[0].list.rows.n, 2);
	/* An action the screen does not have is explained. */
	drive_send(st, COMMAND_ACTION, "frobnicate");
	assert_non_null(strstr(v->message, "help"));
	screen_stack_free(st);
}

static void help_lists_the_screen_and_its_actions(void **state)
{
	struct support_db *db = *state;
	struct screen_stack *st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	drive_send(st, COMMAND_HELP, NULL);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Help: Projects");
	bool add = false, down = false;
	for (size_t s = 0; s < v->nsections; s++) {
		struct view_list *l = &v->sections[s].list;
		for (size_t i = 0; i < l->rows.n; i++) {
			add |= strncmp(l->rows.v[i].label, "a: add a project", 16) == 0;
			down |= strstr(l->rows.v[i].label, "Down arrow") != NULL &&
			        strstr(l->rows.v[i].value, "type down") != NULL;
		}
	}
	assert_true(add);
	assert_true(down);
	drive_send(st, COMMAND_BACK, NULL);
	assert_string_equal(screen_view(st)->title, "Projects");
	screen_stack_free(st);
}

static void typing_is_kept_as_a_draft_and_offered_back(void **state)
{
	struct support_db *db = *state;
	make_projects(db->store, 2);
	struct screen_stack *st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	int64_t id = view_selected_row(screen_view(st))->id;
	drive_send(st, COMMAND_OPEN, NULL);
	struct view *v = screen_view(st);
	drive_focus_field(st, "service_area");
	drive_send(st, COMMAND_OPEN, NULL);
	drive_send(st, COMMAND_INSERT, "Learning dis");
	/* A pause in typing keeps it. */
	drive_send(st, COMMAND_PAUSE, NULL);
	char *key = draft_key("project", id, "service_area");
	char *kept = draft_get(db->store, key);
	assert_non_null(kept);
	assert_string_equal(kept, "Learning dis");
	free(kept);
	drive_send(st, COMMAND_INSERT, "ab");
	/* The program is told to stop (a signal, a closed terminal) mid-word. */
	assert_false(drive_send(st, COMMAND_STOP, NULL));
	screen_stack_free(st);
	kept = draft_get(db->store, key);
	assert_string_equal(kept, "Learning disab");
	free(kept);
	/* Nothing half-typed reached the record. */
	struct project p;
	assert_int_equal(project_get(db->store, id, &p, NULL), ERROR_NONE);
	assert_string_equal(p.service_area, "");
	project_clear(&p);

	/* Next start: the draft is offered back in its field, being edited. */
	st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	assert_true(screen_offer_draft(st));
	assert_int_equal(screen_depth(st), 2);
	v = screen_view(st);
	assert_true(v->edit.active);
	assert_string_equal(v->edit.buf, "Learning disab");
	assert_string_equal(view_focused_field(v)->name, "service_area");
	assert_non_null(strstr(v->message, "service area"));
	drive_send(st, COMMAND_INSERT, "ility");
	drive_number(st, COMMAND_SAVE_FIELD, NULL, 1);
	assert_int_equal(project_get(db->store, id, &p, NULL), ERROR_NONE);
	assert_string_equal(p.service_area, "Learning disability");
	project_clear(&p);
	/* Saved: the draft is gone, and nothing is offered next time. */
	assert_null(draft_get(db->store, key));
	screen_stack_free(st);
	st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	assert_false(screen_offer_draft(st));
	/* Cancelling an edit drops its draft too. */
	drive_send(st, COMMAND_OPEN, NULL);
	drive_focus_field(st, "title");
	drive_send(st, COMMAND_OPEN, NULL);
	drive_send(st, COMMAND_INSERT, "x");
	assert_false(drive_send(st, COMMAND_EOF, NULL));
	char *title_key = draft_key("project", id, "title");
	kept = draft_get(db->store, title_key);
	assert_non_null(kept);
	free(kept);
	screen_stack_free(st);
	st = screen_stack_new(screens, db->store, NULL);
	assert_true(screen_push(st, "projects", 0));
	assert_true(screen_offer_draft(st));
	drive_send(st, COMMAND_CANCEL, NULL);
	assert_false(screen_view(st)->edit.active);
	assert_null(draft_get(db->store, title_key));
	free(title_key);
	free(key);
	screen_stack_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_list_pages_through_thousands, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(a_field_is_saved_when_left_and_a_bad_one_explained,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(today_goes_straight_back_to_the_first_screen,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(adding_creates_the_record_with_its_first_field,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(deleting_asks_first, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(help_lists_the_screen_and_its_actions,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(typing_is_kept_as_a_draft_and_offered_back,
		                                support_db_setup, support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
