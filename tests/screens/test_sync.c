/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Sync screen driven headlessly through the command interface, between
 * two databases built with the core API: a file exported from one is
 * applied into the other through the screen, after which the rows name the
 * sender with when a file was last received from it and sent to it; a
 * meeting changed on both laptops is reported in words under the laptops;
 * a damaged file gives a sentence on the message line and changes nothing;
 * the laptop is renamed from the screen.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "drive.h"
#include "meeting.h"
#include "mem.h"
#include "project.h"
#include "record.h"
#include "sync.h"
#include "sync_screen.h"

static const struct screen *const screens[] = { &sync_screen, NULL };

/* Two laptops, each its own database in one temporary folder. */
struct pair {
	char *dir;
	struct store *a, *b;
	int64_t meeting; /* made on A: Carers' forum */
};

static int pair_setup(void **state)
{
	struct pair *p = mem_calloc(1, sizeof *p);
	p->dir = support_tempdir();
	char *path = support_path(p->dir, "a.db");
	p->a = support_open(path);
	free(path);
	path = support_path(p->dir, "b.db");
	p->b = support_open(path);
	free(path);
	assert_int_equal(sync_set_name(p->a, "LAPTOP-A", NULL), ERROR_NONE);
	assert_int_equal(sync_set_name(p->b, "LAPTOP-B", NULL), ERROR_NONE);
	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Day services redesign");
	assert_int_equal(project_create(p->a, &pr, NULL), ERROR_NONE);
	struct meeting m;
	meeting_init(&m);
	m.project_id = pr.head.id;
	mem_replace(&m.title, "Carers' forum");
	snprintf(m.held_on, sizeof m.held_on, "2026-10-02");
	assert_int_equal(meeting_create(p->a, &m, NULL), ERROR_NONE);
	p->meeting = m.head.id;
	meeting_clear(&m);
	project_clear(&pr);
	*state = p;
	return 0;
}

static int pair_teardown(void **state)
{
	struct pair *p = *state;
	store_close(p->a);
	store_close(p->b);
	support_rmdir(p->dir);
	free(p);
	return 0;
}

/* Export everything from s to a file in the pair's folder; the caller frees the path. */
static char *export_from(struct pair *p, struct store *s, const char *name)
{
	char *path = support_path(p->dir, name);
	struct sync_export_options opt = { .all = true };
	struct sync_export_result res;
	struct error err;
	if (sync_export(s, path, &opt, &res, &err) != ERROR_NONE)
		fail_msg("export: %s", err.msg);
	sync_export_result_free(&res);
	return path;
}

/* Press an action's key, then type text into the field it asks with and press Enter. */
static void act(struct screen_stack *st, int key, const char *text)
{
	drive_key(st, key);
	assert_true(screen_view(st)->edit.active);
	drive_send(st, COMMAND_SAVE_FIELD, text);
}

static void assert_message(struct screen_stack *st, const char *want)
{
	const char *m = screen_view(st)->message;
	if (!strstr(m, want))
		fail_msg("the message \"%s\" lacks \"%s\"", m, want);
}

/* The whole text of the row of the list headed "Laptops" whose label starts with label. */
static char *row_text(struct screen_stack *st, const char *label)
{
	struct view_section *sec = drive_section(screen_view(st), "Laptops");
	assert_non_null(sec);
	for (size_t i = 0; i < sec->list.rows.n; i++) {
		const struct view_row *r = &sec->list.rows.v[i];
		if (strncmp(r->label, label, strlen(label)) == 0)
			return view_row_text(r);
	}
	fail_msg("no row %s", label);
	return NULL;
}

static int64_t meetings_in(struct store *s)
{
	int64_t n = -1;
	struct record_query q = { .limit = 0 };
	assert_int_equal(record_count(s, &meeting_kind, &q, &n, NULL), ERROR_NONE);
	return n;
}

static void set_notes(struct store *s, int64_t id, const char *notes)
{
	struct error err;
	if (record_set(s, &meeting_kind, id, "notes", notes, &err) != ERROR_NONE)
		fail_msg("notes: %s", err.msg);
}

/* Wait long enough that the next change has a later updated_at (millisecond stamps). */
static void tick(void)
{
	struct timespec ts = { 0, 3 * 1000 * 1000 };
	nanosleep(&ts, NULL);
}

/*
 * A file from A applied on B's screen brings A's meeting; B's rows then name
 * LAPTOP-A with a date received and, after export from the screen, a date sent.
 */
static void test_apply_then_export(void **state)
{
	struct pair *p = *state;
	char *from_a = export_from(p, p->a, "from-a.sync");
	struct screen_stack *st = screen_stack_new(screens, p->b, NULL);
	assert_true(screen_push(st, "sync", 0));
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Sync");
	assert_non_null(strstr(v->summary, "This laptop is LAPTOP-B"));
	assert_non_null(strstr(v->summary, "no other laptop has sent a file here yet"));
	assert_string_equal(drive_selected_label(st), "This laptop: LAPTOP-B");

	act(st, 'a', from_a);
	drive_dump(st, "applied");
	assert_message(st, "Applied ");
	assert_message(st, "from LAPTOP-A");
	assert_int_equal(meetings_in(p->b), 1);
	v = screen_view(st);
	assert_false(v->edit.active);
	assert_non_null(strstr(v->summary, "last received from LAPTOP-A 20"));
	assert_non_null(strstr(v->summary, "1 other laptop known"));
	char *row = row_text(st, "LAPTOP-A");
	assert_non_null(strstr(row, "LAPTOP-A, sent never, received 20"));
	free(row);

	/* Export for LAPTOP-A: its row chosen by number, as the text mode does. */
	char *to_a = support_path(p->dir, "from-b.sync");
	struct view_section *sec = drive_section(screen_view(st), "Laptops");
	drive_select(st, sec, 1);
	assert_string_equal(drive_selected_label(st), "LAPTOP-A");
	act(st, 'e', to_a);
	drive_dump(st, "exported");
	assert_message(st, "Wrote ");
	assert_message(st, "for LAPTOP-A");
	row = row_text(st, "LAPTOP-A");
	assert_non_null(strstr(row, "not confirmed: LAPTOP-A"));
	assert_null(strstr(row, "sent never"));
	free(row);
	assert_non_null(strstr(screen_view(st)->summary, "last sent to LAPTOP-A 20"));

	/* Applied on A: A knows B, and nothing A wrote for B by name waits to be confirmed. */
	struct sync_apply_result res;
	assert_int_equal(sync_apply(p->a, to_a, NULL, &res, NULL), ERROR_NONE);
	sync_apply_result_free(&res);
	screen_stack_free(st);
	st = screen_stack_new(screens, p->a, NULL);
	assert_true(screen_push(st, "sync", 0));
	row = row_text(st, "LAPTOP-B");
	assert_int_equal(strncmp(row, "LAPTOP-B, sent never, received 20", 33), 0);
	free(row);
	screen_stack_free(st);
	free(to_a);
	free(from_a);
}

/* A meeting changed on both laptops: the apply says so and the report is a row, in words. */
static void test_conflict_reported(void **state)
{
	struct pair *p = *state;
	char *start = export_from(p, p->a, "start.sync");
	struct sync_apply_result res;
	assert_int_equal(sync_apply(p->b, start, NULL, &res, NULL), ERROR_NONE);
	sync_apply_result_free(&res);
	set_notes(p->b, p->meeting, "Buses stop at six.");
	tick();
	set_notes(p->a, p->meeting, "Buses stop at six; Tuesdays are hard.");
	char *later = export_from(p, p->a, "later.sync");

	struct screen_stack *st = screen_stack_new(screens, p->b, NULL);
	assert_true(screen_push(st, "sync", 0));
	act(st, 'a', later);
	drive_dump(st, "conflict");
	assert_message(st, "1 thing to know: they are listed under the laptops.");
	struct view_section *sec =
	        drive_section(screen_view(st), "What the file from LAPTOP-A brought");
	assert_non_null(sec);
	assert_int_equal(sec->list.rows.n, 1);
	const char *report = sec->list.rows.v[0].label;
	if (!strstr(report, "Carers' forum") || !strstr(report, "changed on both"))
		fail_msg("the report \"%s\" does not say what was changed on both", report);
	screen_stack_free(st);
	free(later);
	free(start);
}

/* A damaged file, and one from this database itself: a sentence, and nothing changes. */
static void test_bad_files(void **state)
{
	struct pair *p = *state;
	char *good = export_from(p, p->a, "good.sync");
	size_t n;
	char *bytes = support_read_file(good, &n);
	assert_non_null(bytes);
	char *cut = support_path(p->dir, "cut.sync");
	support_write_file(cut, bytes, n / 2);
	char *junk = support_path(p->dir, "junk.sync");
	support_write_file(junk, "involve-sync 1\nnot really\n", 26);
	free(bytes);

	struct screen_stack *st = screen_stack_new(screens, p->b, NULL);
	assert_true(screen_push(st, "sync", 0));
	const char *bad[] = { cut, junk, "" };
	for (size_t i = 0; i < 2; i++) {
		act(st, 'a', bad[i]);
		drive_dump(st, "refused");
		struct view *v = screen_view(st);
		assert_int_equal(v->message_tone, VIEW_TONE_ALERT);
		assert_non_null(strstr(v->message, bad[i]));
		assert_int_equal(v->message[strlen(v->message) - 1], '.');
		assert_false(v->edit.active);
		assert_int_equal(meetings_in(p->b), 0);
		assert_non_null(strstr(v->summary, "no other laptop has sent a file here yet"));
	}
	/* Nothing typed: asked again under the field, the form still there. */
	act(st, 'a', bad[2]);
	struct view_field *f = view_focused_field(screen_view(st));
	assert_non_null(f);
	assert_string_equal(f->error, "Type the name of the file to apply.");
	screen_stack_free(st);

	/* A's own file applied on A. */
	st = screen_stack_new(screens, p->a, NULL);
	assert_true(screen_push(st, "sync", 0));
	act(st, 'a', good);
	assert_message(st, "was made from this database (LAPTOP-A)");
	assert_int_equal(meetings_in(p->a), 1);
	screen_stack_free(st);
	free(junk);
	free(cut);
	free(good);
}

/* name renames this laptop; an empty name is refused under the field and the name stays. */
static void test_name(void **state)
{
	struct pair *p = *state;
	struct screen_stack *st = screen_stack_new(screens, p->a, NULL);
	assert_true(screen_push(st, "sync", 0));
	drive_send(st, COMMAND_OPEN, NULL); /* Enter on "This laptop" */
	struct view_field *f = view_focused_field(screen_view(st));
	assert_non_null(f);
	assert_string_equal(f->value, "LAPTOP-A");
	drive_send(st, COMMAND_SAVE_FIELD, "   ");
	f = view_focused_field(screen_view(st));
	assert_non_null(f);
	assert_true(*f->error);
	char *name = sync_name(p->a);
	assert_string_equal(name, "LAPTOP-A");
	free(name);
	drive_send(st, COMMAND_SAVE_FIELD, "Ann's laptop");
	assert_message(st, "This laptop is now called Ann's laptop.");
	name = sync_name(p->a);
	assert_string_equal(name, "Ann's laptop");
	free(name);
	assert_string_equal(drive_selected_label(st), "This laptop: Ann's laptop");
	screen_stack_free(st);
}

/*
 * A file from an unrelated record is refused with what to do on this screen
 * (combine, not a command-line option); combine then joins the two records.
 */
static void test_combine(void **state)
{
	struct pair *p = *state;
	struct project pr;
	project_init(&pr);
	mem_replace(&pr.title, "Carers' breaks review");
	assert_int_equal(project_create(p->b, &pr, NULL), ERROR_NONE);
	project_clear(&pr);
	char *from_a = export_from(p, p->a, "from-a.sync");
	struct screen_stack *st = screen_stack_new(screens, p->b, NULL);
	assert_true(screen_push(st, "sync", 0));

	act(st, 'a', from_a);
	drive_dump(st, "unrelated");
	assert_int_equal(screen_view(st)->message_tone, VIEW_TONE_ALERT);
	assert_message(st, "choose combine (the c key) and give the same file");
	assert_null(strstr(screen_view(st)->message, "--"));
	assert_int_equal(meetings_in(p->b), 0);

	act(st, 'c', from_a);
	drive_dump(st, "combined");
	assert_message(st, "This database now shares the record kept by LAPTOP-A.");
	assert_int_equal(meetings_in(p->b), 1);
	free(from_a);
	screen_stack_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_apply_then_export, pair_setup, pair_teardown),
		cmocka_unit_test_setup_teardown(test_conflict_reported, pair_setup, pair_teardown),
		cmocka_unit_test_setup_teardown(test_bad_files, pair_setup, pair_teardown),
		cmocka_unit_test_setup_teardown(test_name, pair_setup, pair_teardown),
		cmocka_unit_test_setup_teardown(test_combine, pair_setup, pair_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
