/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The People, person, Payments and payment screens driven headlessly
 * through the command interface, against a real database made with the
 * core API (tests/unit/rules_fixture.c) on 2026-11-22.
 */
#include "rules_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "mem.h"
#include "payment.h"
#include "payment_details.h"
#include "payments.h"
#include "people.h"
#include "person.h"
#include "person_details.h"
#include "privacy.h"
#include "screen.h"
#include "vocab.h"

static const struct screen *const screens[] = {
	&people_screen, &person_details_screen, &payments_screen, &payment_details_screen, NULL,
};

#define BOTH(a, b) ((1u << (a)) | (1u << (b)))
#define ONE(a)     (1u << (a))

/* Carry out a command with optional text and number; returns whether the program goes on. */
static bool send(struct screen_stack *st, enum command_kind kind, const char *text, long number)
{
	struct command c;
	command_make(&c, kind, text);
	c.number = number;
	bool going = screen_dispatch(st, &c);
	command_clear(&c);
	return going;
}

static void key(struct screen_stack *st, int k)
{
	struct command c;
	command_make(&c, COMMAND_ACTION, NULL);
	c.key = k;
	screen_dispatch(st, &c);
	command_clear(&c);
}

static struct screen_stack *open_on(struct fixture *fx, const char *name, int64_t id)
{
	struct screen_stack *st = screen_stack_new(screens, fx->s, fx->conf);
	assert_true(screen_push(st, name, id));
	return st;
}

/* The selected row as one line, as the text mode prints it ("" when none). Freed at the next call.
 */
static const char *selected(struct screen_stack *st)
{
	static char *text;
	free(text);
	const struct view_row *r = view_selected_row(screen_view(st));
	text = r ? view_row_text(r) : mem_strdup("");
	return text;
}

/* The list section with this heading, or fail. */
static struct view_section *section(struct screen_stack *st, const char *heading)
{
	struct view *v = screen_view(st);
	for (size_t i = 0; i < v->nsections; i++)
		if (strcmp(v->sections[i].heading, heading) == 0)
			return &v->sections[i];
	fail_msg("no section \"%s\" on %s", heading, v->title);
	return NULL;
}

static bool has_section(struct screen_stack *st, const char *heading)
{
	struct view *v = screen_view(st);
	for (size_t i = 0; i < v->nsections; i++)
		if (strcmp(v->sections[i].heading, heading) == 0)
			return true;
	return false;
}

/* Row i of a section as one line. Freed at the next call. */
static const char *row_text(struct view_section *sec, size_t i)
{
	static char *text;
	free(text);
	assert_true(i < sec->list.rows.n);
	text = view_row_text(&sec->list.rows.v[i]);
	return text;
}

/* Select row i of the section with this heading. */
static void select_row(struct screen_stack *st, const char *heading, size_t i)
{
	struct view *v = screen_view(st);
	struct view_section *sec = section(st, heading);
	view_select_row(v, (size_t)(sec - v->sections), i);
}

/* Move to the form field named name. */
static struct view_field *focus(struct screen_stack *st, const char *name)
{
	struct view *v = screen_view(st);
	size_t sec, index;
	struct view_field *f = view_find_field(v, name, &sec, &index);
	assert_non_null(f);
	view_focus_field(v, sec, index);
	return f;
}

static void the_list_says_who_each_person_is(void **state)
{
	struct fixture *fx = *state;
	int64_t project = fx_project(fx, "Carers' strategy", 0);
	int64_t ann =
	        fx_person(fx, "Ann B.", BOTH(ROLE_SERVICE_USER, ROLE_CARER), FORMAT_EASY_READ);
	fx_set(fx, "person", ann, "support_needs", "a hearing loop");
	int64_t tomasz = fx_person(fx, "Tomasz W.", ONE(ROLE_CARER), FORMAT_TRANSLATED);
	fx_set(fx, "person", tomasz, "language", "Polish");
	fx_person(fx, "Bob C.", ONE(ROLE_PROVIDER), FORMAT_STANDARD);
	/* Two recent meetings Ann is owed feedback on; an old one Tomasz is overdue for. */
	fx_attend(fx, fx_meeting(fx, project, STAGE_NEEDS, "Carers' forum", "2026-11-10"), ann,
	          ROLE_CARER, 1);
	fx_attend(fx, fx_meeting(fx, project, STAGE_NEEDS, "Day services workshop", "2026-11-16"),
	          ann, ROLE_SERVICE_USER, 1);
	fx_attend(fx, fx_meeting(fx, project, STAGE_NEEDS, "Survey", "2026-09-01"), tomasz,
	          ROLE_CARER, 1);
	/* Enough people to need paging. */
	assert_int_equal(store_begin(fx->s, NULL), ERROR_NONE);
	for (int i = 1; i <= 400; i++) {
		char name[32];
		snprintf(name, sizeof name, "Person %04d", i);
		fx_person(fx, name, ONE(ROLE_SERVICE_USER), FORMAT_STANDARD);
	}
	assert_int_equal(store_commit(fx->s, NULL), ERROR_NONE);

	struct screen_stack *st = open_on(fx, "people", 0);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "People");
	assert_non_null(strstr(v->summary, "403 people"));
	assert_string_equal(selected(st),
	                    "Ann B., service user and carer, easy read, needs a hearing loop, owed "
	                    "feedback for 2 meetings");
	send(st, COMMAND_DOWN, NULL, 0);
	assert_string_equal(selected(st), "Bob C., provider");
	assert_true(v->sections[0].list.rows.n < 100);
	/* A capital jumps by first letter, past a page of people not yet loaded. */
	send(st, COMMAND_JUMP, "T", 0);
	assert_string_equal(
	        selected(st),
	        "OVERDUE: Tomasz W., carer, translated into Polish, owed feedback for 1 "
	        "meeting");
	send(st, COMMAND_HOME, NULL, 0);
	send(st, COMMAND_FIND, "0399", 0);
	assert_string_equal(selected(st), "Person 0399, service user");
	send(st, COMMAND_UP, NULL, 0);
	assert_string_equal(selected(st), "Person 0398, service user");
	/* Opening a row opens the person; back returns to the same row. */
	send(st, COMMAND_OPEN, NULL, 0);
	assert_string_equal(screen_view(st)->title, "Person: Person 0398");
	send(st, COMMAND_BACK, NULL, 0);
	assert_string_equal(selected(st), "Person 0398, service user");
	/* Someone who took part cannot be deleted, only forgotten; someone new can. */
	send(st, COMMAND_HOME, NULL, 0);
	key(st, 'd');
	v = screen_view(st);
	assert_null(v->question.text);
	assert_non_null(strstr(v->message, "use forget"));
	send(st, COMMAND_DOWN, NULL, 0);
	key(st, 'd');
	assert_string_equal(v->question.text, "Delete Bob C.?");
	send(st, COMMAND_ANSWER, NULL, 1);
	assert_string_equal(v->message, "Deleted Bob C.");
	assert_int_equal(person_find(fx->s, "Bob C."), 0);
	screen_stack_free(st);
}

/* Ann B.'s year: a meeting told, one owed and overdue, one to come; a claim, a commitment. */
struct year {
	int64_t ann, forum, workshop, planned, claim;
};

static void make_year(struct fixture *fx, struct year *y)
{
	int64_t project = fx_project(fx, "Carers' strategy", 0);
	y->ann = fx_person(fx, "Ann B.", BOTH(ROLE_SERVICE_USER, ROLE_CARER), FORMAT_EASY_READ);
	fx_set(fx, "person", y->ann, "contact", "07700 900123");
	fx_set(fx, "person", y->ann, "consent_on", "2026-01-05");
	y->forum = fx_meeting(fx, project, STAGE_NEEDS, "Carers' forum", "2026-10-02");
	int64_t a = fx_attend(fx, y->forum, y->ann, ROLE_CARER, 1);
	fx_set(fx, "attendance", a, "needs_met", "yes");
	fx_feedback(fx, y->forum, y->ann, "2026-10-20", FORMAT_EASY_READ);
	y->workshop = fx_meeting(fx, project, STAGE_NEEDS, "Day services workshop", "2026-09-01");
	fx_attend(fx, y->workshop, y->ann, ROLE_SERVICE_USER, 1);
	y->planned = fx_meeting(fx, project, STAGE_PRIORITIES, "Planning day", "2026-12-05");
	fx_set(fx, "meeting", y->planned, "status", "planned");
	fx_attend(fx, y->planned, y->ann, ROLE_CARER, 0);
	y->claim = fx_payment(fx, y->ann, y->forum, PAYMENT_TRAVEL, 1250, "2026-10-01", NULL);
	fx_payment(fx, y->ann, y->workshop, PAYMENT_FEE, 2000, "2026-09-02", "2026-09-10");
	fx_payment(fx, y->ann, y->forum, PAYMENT_FEE, 2000, "2026-10-02", "2026-10-09");
	fx_action(fx, project, y->forum, "Send the minutes in easy read", "2026-11-01", NULL);
	fx_action(fx, project, y->forum, "Book a hearing loop", "2026-10-10", "2026-10-09");
}

static void a_persons_history_and_what_is_owed(void **state)
{
	struct fixture *fx = *state;
	struct year y;
	make_year(fx, &y);
	struct screen_stack *st = open_on(fx, "person", y.ann);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Person: Ann B.");
	assert_string_equal(v->summary,
	                    "Ann B. is owed feedback on 1 meeting (1 overdue), £12.50 in 1 unpaid "
	                    "claim (1 overdue) and 1 commitment not yet kept; findings about them "
	                    "follow.");
	/* The details come first, as a form. */
	assert_int_equal(v->sections[0].kind, VIEW_FORM);
	assert_string_equal(view_focused_field(v)->name, "name");

	struct view_section *sec = section(st, "Feedback owed");
	assert_int_equal(sec->list.rows.n, 1);
	assert_string_equal(row_text(sec, 0), "OVERDUE: Day services workshop, held 2026-09-01, "
	                                      "came as service user, due 2026-09-29");
	sec = section(st, "Payments unpaid");
	assert_int_equal(sec->list.rows.n, 1);
	assert_string_equal(row_text(sec, 0),
	                    "OVERDUE: travel £12.50 for Carers' forum, claimed 2026-10-01");
	sec = section(st, "Commitments from their meetings, not yet kept");
	assert_int_equal(sec->list.rows.n, 1);
	assert_string_equal(row_text(sec, 0), "OVERDUE: Send the minutes in easy read, promised at "
	                                      "Carers' forum (2026-10-02), due 2026-11-01");
	/* Their history, newest first. */
	sec = section(st, "Meetings, newest first");
	assert_int_equal(sec->list.count, 3);
	assert_string_equal(row_text(sec, 0), "planned: Planning day, carer, booked, 2026-12-05");
	assert_string_equal(
	        row_text(sec, 1),
	        "Carers' forum, carer, attended, needs met, told 2026-10-20, 2026-10-02");
	assert_string_equal(row_text(sec, 2),
	                    "OVERDUE: Day services workshop, service user, attended, not told yet, "
	                    "due 2026-09-29, 2026-09-01");
	/* Their findings, from the rules run for them alone; opening one explains its rule. */
	sec = section(st, "Findings");
	bool told = false, paid = false;
	for (size_t i = 0; i < sec->list.rows.n; i++) {
		const char *text = row_text(sec, i);
		told |= strncmp(text, "error: Tell Ann B. what came of Day services workshop",
		                53) == 0;
		paid |= strncmp(text, "error: Pay Ann B. £12.50", 25) == 0;
	}
	assert_true(told);
	assert_true(paid);
	select_row(st, "Findings", 0);
	send(st, COMMAND_OPEN, NULL, 0);
	assert_non_null(strstr(v->message, "rule feedback_overdue"));
	/* Pay the claim from here: it leaves what is owed. */
	select_row(st, "Payments unpaid", 0);
	key(st, 'p');
	assert_string_equal(v->message,
	                    "Paid today, 2026-11-22: Ann B.'s travel £12.50 for Carers' forum.");
	assert_false(has_section(st, "Payments unpaid"));
	assert_non_null(strstr(v->summary, "owed feedback on 1 meeting (1 overdue) and 1 "
	                                   "commitment not yet kept"));
	struct payment pay;
	assert_int_equal(payment_get(fx->s, y.claim, &pay, NULL), ERROR_NONE);
	assert_string_equal(pay.paid_on, "2026-11-22");
	payment_clear(&pay);
	/* Opening a meeting of their history shows all of its row, however narrow the screen. */
	select_row(st, "Meetings, newest first", 1);
	send(st, COMMAND_OPEN, NULL, 0);
	assert_non_null(strstr(v->message, "told 2026-10-20"));
	screen_stack_free(st);
}

static void adding_a_person_refuses_a_bad_consent_date(void **state)
{
	struct fixture *fx = *state;
	struct screen_stack *st = open_on(fx, "people", 0);
	key(st, 'a');
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "New person");
	assert_true(v->walk);
	/* Nothing but the name can come first. */
	focus(st, "contact");
	send(st, COMMAND_SAVE_FIELD, "07700 900456", 0);
	assert_true(*view_focused_field(v)->error);
	assert_int_equal(screen_top(st)->id, 0);
	focus(st, "name");
	send(st, COMMAND_SAVE_FIELD, "Zofia Ł.", 1);
	int64_t id = screen_top(st)->id;
	assert_true(id != 0);
	assert_string_equal(v->title, "Person: Zofia Ł.");
	/* Roles as a set, by their numbers as the text mode offers them. */
	assert_string_equal(view_focused_field(v)->name, "roles");
	send(st, COMMAND_SAVE_FIELD, "1, 2", 1);
	assert_string_equal(v->message, "Saved the roles: service user, carer.");
	send(st, COMMAND_SAVE_FIELD, "easy read", 1);
	/* A consent date that is not a date: refused under the field, which keeps the focus. */
	struct view_field *f = focus(st, "consent_on");
	send(st, COMMAND_OPEN, NULL, 0);
	send(st, COMMAND_INSERT, "2026-02-30", 0);
	send(st, COMMAND_SAVE_FIELD, NULL, 1);
	f = view_focused_field(v);
	assert_string_equal(f->name, "consent_on");
	assert_non_null(strstr(f->error, "2026-02-30"));
	assert_true(v->edit.active);
	struct person p;
	assert_int_equal(person_get(fx->s, id, &p, NULL), ERROR_NONE);
	assert_string_equal(p.consent_on, "");
	assert_int_equal(p.roles, BOTH(ROLE_SERVICE_USER, ROLE_CARER));
	assert_int_equal(p.preferred_format, FORMAT_EASY_READ);
	person_clear(&p);
	/* Put right, it is saved and the form moves on. */
	send(st, COMMAND_ERASE_ALL, NULL, 0);
	send(st, COMMAND_INSERT, "2026-02-28", 0);
	send(st, COMMAND_SAVE_FIELD, NULL, 1);
	assert_string_equal(v->message, "Saved the consent date: 2026-02-28.");
	assert_string_equal(view_focused_field(v)->name, "consent_scope");
	assert_int_equal(person_get(fx->s, id, &p, NULL), ERROR_NONE);
	assert_string_equal(p.consent_on, "2026-02-28");
	person_clear(&p);
	/* Back on the list, the new person is there. */
	send(st, COMMAND_BACK, NULL, 0);
	send(st, COMMAND_JUMP, "Z", 0);
	assert_string_equal(selected(st), "Zofia Ł., service user and carer, easy read");
	screen_stack_free(st);
}

static void a_forgotten_person_is_shown_not_edited(void **state)
{
	struct fixture *fx = *state;
	struct year y;
	make_year(fx, &y);
	int64_t bob = fx_person(fx, "Bob C.", ONE(ROLE_CARER), FORMAT_STANDARD);
	fx_set(fx, "person", bob, "contact", "bob@example.org");
	fx_attend(fx, y.forum, bob, ROLE_CARER, 1);
	struct privacy_forgotten gone;
	struct error err;
	assert_int_equal(privacy_forget(fx->s, y.ann, false, &gone, &err), ERROR_NONE);
	privacy_forgotten_free(&gone);

	struct screen_stack *st = open_on(fx, "person", y.ann);
	struct view *v = screen_view(st);
	assert_int_equal(strncmp(v->title, "Person: a participant ", 22), 0);
	assert_non_null(strstr(v->summary, "forgotten"));
	struct view_field *f = focus(st, "contact");
	assert_true(f->read_only);
	assert_string_equal(f->display, "erased");
	send(st, COMMAND_OPEN, NULL, 0);
	assert_false(v->edit.active);
	assert_string_equal(v->message, "The contact cannot be changed here.");
	send(st, COMMAND_SAVE_FIELD, "07700 900999", 0);
	struct person p;
	assert_int_equal(person_get(fx->s, y.ann, &p, NULL), ERROR_NONE);
	assert_string_equal(p.contact, "");
	person_clear(&p);
	assert_true(focus(st, "name")->read_only);
	/* What they took part in is still counted, but nothing is owed to a forgotten person. */
	assert_int_equal(section(st, "Meetings, newest first")->list.count, 3);
	assert_false(has_section(st, "Feedback owed"));
	assert_null(view_action_find(v, 'f', NULL));
	assert_null(view_action_find(v, 'a', NULL));
	screen_stack_free(st);

	/* Forgetting from the screen asks first, naming what goes and what stays. */
	st = open_on(fx, "person", bob);
	v = screen_view(st);
	key(st, 'f');
	assert_string_equal(
	        v->question.text,
	        "Forget Bob C. for good? This erases their name and contact, and cannot "
	        "be undone; their 1 meeting, what they said and their 0 payments stay, "
	        "as a participant's.");
	send(st, COMMAND_ANSWER, NULL, 0);
	assert_string_equal(v->message, "Nothing was erased.");
	assert_int_equal(person_find(fx->s, "Bob C."), bob);
	key(st, 'f');
	send(st, COMMAND_ANSWER, NULL, 1);
	assert_non_null(strstr(v->message, "Forgot Bob C.: their personal details are erased."));
	assert_int_equal(strncmp(v->title, "Person: a participant ", 22), 0);
	assert_true(focus(st, "contact")->read_only);
	assert_int_equal(person_find(fx->s, "Bob C."), 0);
	screen_stack_free(st);
}

static void export_asks_for_the_file_and_writes_it(void **state)
{
	struct fixture *fx = *state;
	struct year y;
	make_year(fx, &y);
	struct screen_stack *st = open_on(fx, "person", y.ann);
	struct view *v = screen_view(st);
	key(st, 'e');
	struct view_field *f = view_focused_field(v);
	assert_string_equal(f->name, "export_file");
	assert_true(v->edit.active);
	/* A folder that does not exist is explained under the field. */
	char *bad = support_path(fx->db->dir, "no/such/folder/ann.txt");
	send(st, COMMAND_SAVE_FIELD, bad, 0);
	free(bad);
	assert_true(*view_focused_field(v)->error);
	char *path = support_path(fx->db->dir, "ann.json");
	send(st, COMMAND_SAVE_FIELD, path, 0);
	assert_non_null(strstr(v->message, "Wrote everything held about them to"));
	assert_false(view_find_field(v, "export_file", NULL, NULL) != NULL);
	char *doc = support_read_file(path, NULL);
	assert_non_null(doc);
	assert_non_null(strstr(doc, "\"Ann B.\""));
	assert_non_null(strstr(doc, "Day services workshop"));
	free(doc);
	assert_int_equal(access(path, F_OK), 0);
	free(path);
	screen_stack_free(st);
}

/* Payments of several people: two overdue, one waiting, one paid, one declined. */
struct claims {
	int64_t ann, bob, chen, ann_travel, bob_old, bob_new, chen_paid, forum;
};

static void make_claims(struct fixture *fx, struct claims *c)
{
	int64_t project = fx_project(fx, "Carers' strategy", 0);
	c->forum = fx_meeting(fx, project, STAGE_NEEDS, "Carers' forum", "2026-09-30");
	c->ann = fx_person(fx, "Ann B.", BOTH(ROLE_SERVICE_USER, ROLE_CARER), FORMAT_STANDARD);
	c->bob = fx_person(fx, "Bob C.", ONE(ROLE_CARER), FORMAT_STANDARD);
	c->chen = fx_person(fx, "Chen L.", ONE(ROLE_SERVICE_USER), FORMAT_STANDARD);
	fx_attend(fx, c->forum, c->ann, ROLE_CARER, 1);
	c->ann_travel = fx_payment(fx, c->ann, c->forum, PAYMENT_TRAVEL, 1250, "2026-10-01", NULL);
	c->bob_old = fx_payment(fx, c->bob, 0, PAYMENT_FEE, 2500, "2026-09-15", NULL);
	c->bob_new = fx_payment(fx, c->bob, 0, PAYMENT_FEE, 2500, "2026-11-20", NULL);
	c->chen_paid =
	        fx_payment(fx, c->chen, 0, PAYMENT_CARE_COVER, 3000, "2026-11-18", "2026-11-19");
	int64_t declined = fx_payment(fx, c->chen, 0, PAYMENT_FEE, 0, NULL, NULL);
	fx_set(fx, "payment", declined, "declined", "yes");
}

static void payments_list_overdue_first(void **state)
{
	struct fixture *fx = *state;
	struct claims c;
	make_claims(fx, &c);
	struct screen_stack *st = open_on(fx, "payments", 0);
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "Payments");
	assert_string_equal(v->summary,
	                    "Pay 2 overdue claims first, the longest waiting since 2026-09-15; 3 "
	                    "claims (£62.50) are unpaid in all.");
	struct view_section *sec =
	        section(st, "Every payment: overdue first, then the newest claims");
	assert_int_equal(sec->list.count, 5);
	assert_string_equal(row_text(sec, 0), "OVERDUE: Bob C., fee £25.00, claimed 2026-09-15");
	assert_string_equal(row_text(sec, 1),
	                    "OVERDUE: Ann B., travel £12.50 for Carers' forum, claimed 2026-10-01");
	assert_string_equal(row_text(sec, 2), "unpaid: Bob C., fee £25.00, claimed 2026-11-20");
	assert_string_equal(
	        row_text(sec, 3),
	        "paid: Chen L., care cover £30.00, paid 2026-11-19, claimed 2026-11-18");
	assert_string_equal(row_text(sec, 4), "declined: Chen L., fee £0.00");
	/* Finding by name reaches across the parts of the list. */
	send(st, COMMAND_FIND, "chen", 0);
	assert_string_equal(
	        selected(st),
	        "paid: Chen L., care cover £30.00, paid 2026-11-19, claimed 2026-11-18");
	send(st, COMMAND_UP, NULL, 0);
	send(st, COMMAND_UP, NULL, 0);
	assert_string_equal(selected(st),
	                    "OVERDUE: Ann B., travel £12.50 for Carers' forum, claimed 2026-10-01");
	/* Overdue only, then unpaid. */
	key(st, 'o');
	v = screen_view(st);
	assert_string_equal(v->title, "Payments: overdue");
	sec = section(st, "Overdue claims, longest waiting first");
	assert_int_equal(sec->list.count, 2);
	assert_string_equal(selected(st), "OVERDUE: Bob C., fee £25.00, claimed 2026-09-15");
	key(st, 'u');
	sec = section(st, "Unpaid claims: overdue first, then the newest");
	assert_int_equal(sec->list.count, 3);
	assert_string_equal(row_text(sec, 2), "unpaid: Bob C., fee £25.00, claimed 2026-11-20");
	assert_null(view_action_find(v, 'u', NULL));
	assert_non_null(view_action_find(v, 'l', NULL));
	screen_stack_free(st);
}

static void pay_and_declined_take_one_key(void **state)
{
	struct fixture *fx = *state;
	struct claims c;
	make_claims(fx, &c);
	struct screen_stack *st = open_on(fx, "payments", 0);
	struct view *v = screen_view(st);
	send(st, COMMAND_DOWN, NULL, 0);
	key(st, 'p');
	assert_string_equal(v->message,
	                    "Paid today, 2026-11-22: Ann B.'s travel £12.50 for Carers' forum.");
	struct payment pay;
	assert_int_equal(payment_get(fx->s, c.ann_travel, &pay, NULL), ERROR_NONE);
	assert_string_equal(pay.paid_on, "2026-11-22");
	payment_clear(&pay);
	/* Paid, it leaves the overdue part and joins the paid, by the date it was claimed. */
	assert_non_null(strstr(v->summary,
	                       "Pay the overdue claim first, waiting since 2026-09-15; 2 "
	                       "claims (£50.00) are unpaid"));
	struct view_section *sec =
	        section(st, "Every payment: overdue first, then the newest claims");
	assert_string_equal(
	        row_text(sec, 3),
	        "paid: Ann B., travel £12.50 for Carers' forum, paid 2026-11-22, claimed "
	        "2026-10-01");
	/* Paying it again says so and changes nothing. */
	select_row(st, "Every payment: overdue first, then the newest claims", 3);
	key(st, 'p');
	assert_string_equal(v->message, "That payment was paid on 2026-11-22 already.");
	/* Declined: one key too, and the row says so. */
	send(st, COMMAND_HOME, NULL, 0);
	send(st, COMMAND_DOWN, NULL, 0);
	assert_string_equal(selected(st), "unpaid: Bob C., fee £25.00, claimed 2026-11-20");
	key(st, 'n');
	assert_string_equal(v->message, "Recorded as declined: Bob C.'s fee £25.00.");
	assert_int_equal(payment_get(fx->s, c.bob_new, &pay, NULL), ERROR_NONE);
	assert_int_equal(pay.declined, 1);
	payment_clear(&pay);
	sec = section(st, "Every payment: overdue first, then the newest claims");
	assert_string_equal(row_text(sec, 1), "declined: Bob C., fee £25.00, claimed 2026-11-20");
	/* A declined payment is not paid by mistake. */
	select_row(st, "Every payment: overdue first, then the newest claims", 1);
	key(st, 'p');
	assert_non_null(strstr(v->message, "was declined"));
	/* Delete asks first, naming the payment. */
	key(st, 'd');
	assert_string_equal(v->question.text, "Delete Bob C.'s fee £25.00?");
	send(st, COMMAND_ANSWER, NULL, 1);
	assert_int_equal(payment_get(fx->s, c.bob_new, &pay, NULL), ERROR_NOT_FOUND);
	payment_clear(&pay);
	screen_stack_free(st);
}

static void a_payment_is_added_by_picking_the_person(void **state)
{
	struct fixture *fx = *state;
	struct claims c;
	make_claims(fx, &c);
	int64_t anna = fx_person(fx, "Anna K.", ONE(ROLE_CARER), FORMAT_STANDARD);
	fx_person(fx, "Joanne P.", ONE(ROLE_SERVICE_USER), FORMAT_STANDARD);
	struct screen_stack *st = open_on(fx, "payments", 0);
	key(st, 'a');
	struct view *v = screen_view(st);
	assert_string_equal(v->title, "New payment");
	assert_string_equal(view_focused_field(v)->name, "person_id");
	/* Nothing else can be saved before the person. */
	focus(st, "amount_pence");
	send(st, COMMAND_SAVE_FIELD, "12.50", 0);
	assert_non_null(strstr(view_focused_field(v)->error, "Choose who is paid first"));
	/* Part of a name that several people have: they are offered by number. */
	focus(st, "person_id");
	send(st, COMMAND_OPEN, NULL, 0);
	send(st, COMMAND_INSERT, "an", 0);
	send(st, COMMAND_SAVE_FIELD, NULL, 1);
	struct view_field *f = view_focused_field(v);
	assert_string_equal(f->name, "person_id");
	assert_true(v->edit.active);
	assert_string_equal(f->error, "Several people's names hold \"an\": choose one by its "
	                              "number, or type more of the name");
	assert_int_equal(f->nchoices, 3);
	assert_string_equal(f->choices[0], "Ann B. (service user, carer)");
	assert_string_equal(f->choices[1], "Anna K. (carer)");
	assert_string_equal(f->choices[2], "Joanne P. (service user)");
	assert_int_equal(screen_top(st)->id, 0);
	/* The number chooses; the payment is made for them, and the form moves on. */
	send(st, COMMAND_ERASE_ALL, NULL, 0);
	send(st, COMMAND_INSERT, "2", 0);
	send(st, COMMAND_SAVE_FIELD, NULL, 1);
	int64_t id = screen_top(st)->id;
	assert_true(id != 0);
	assert_string_equal(v->message, "Added the payment for Anna K.");
	assert_string_equal(view_focused_field(v)->name, "meeting_id");
	assert_int_equal(view_focused_field(v)->nchoices, 1); /* none: she was at no meeting */
	send(st, COMMAND_DOWN, NULL, 0);
	send(st, COMMAND_SAVE_FIELD, "travel", 1);
	send(st, COMMAND_SAVE_FIELD, "12.5", 1);
	assert_string_equal(v->message, "Saved the amount: £12.50.");
	send(st, COMMAND_SAVE_FIELD, "2026-11-21", 1);
	assert_string_equal(v->title, "Payment: Anna K.'s travel £12.50");
	struct payment pay;
	assert_int_equal(payment_get(fx->s, id, &pay, NULL), ERROR_NONE);
	assert_int_equal(pay.person_id, anna);
	assert_int_equal(pay.amount_pence, 1250);
	assert_string_equal(pay.claimed_on, "2026-11-21");
	payment_clear(&pay);
	/* A person with meetings: the meeting is chosen from theirs. */
	focus(st, "person_id");
	send(st, COMMAND_SAVE_FIELD, "ann b", 0);
	assert_string_equal(v->message, "Saved the payment for Ann B.");
	f = focus(st, "meeting_id");
	assert_int_equal(f->nchoices, 2);
	assert_string_equal(f->choices[1], "Carers' forum, 2026-09-30");
	send(st, COMMAND_SAVE_FIELD, "2", 0);
	assert_string_equal(v->message, "Saved the meeting: Carers' forum, 2026-09-30.");
	assert_int_equal(payment_get(fx->s, id, &pay, NULL), ERROR_NONE);
	assert_int_equal(pay.person_id, c.ann);
	assert_int_equal(pay.meeting_id, c.forum);
	payment_clear(&pay);
	/* Back on the list, the new claim is the newest. */
	send(st, COMMAND_BACK, NULL, 0);
	struct view_section *sec =
	        section(st, "Every payment: overdue first, then the newest claims");
	assert_string_equal(row_text(sec, 2),
	                    "unpaid: Ann B., travel £12.50 for Carers' forum, claimed 2026-11-21");
	screen_stack_free(st);
}

static void payment_not_offered_is_offered_or_declined(void **state)
{
	struct fixture *fx = *state;
	struct claims c;
	make_claims(fx, &c);
	/* Bob came to the forum too, and was not offered payment for it. */
	fx_attend(fx, c.forum, c.bob, ROLE_CARER, 1);
	struct screen_stack *st = open_on(fx, "payments", 0);
	struct view *v = screen_view(st);
	assert_non_null(strstr(v->summary, "a finding about payments follows the list"));
	struct view_section *sec = section(st, "Not offered payment");
	assert_int_equal(sec->list.rows.n, 1);
	assert_non_null(strstr(row_text(sec, 0), "info: Offer Bob C. payment for Carers' forum"));
	select_row(st, "Not offered payment", 0);
	send(st, COMMAND_OPEN, NULL, 0);
	assert_non_null(strstr(v->message, "rule payment_not_offered"));
	key(st, 'n');
	assert_string_equal(v->message, "Recorded that Bob C. declined payment for Carers' forum.");
	assert_false(has_section(st, "Not offered payment"));
	assert_string_equal(v->summary, "Pay 2 overdue claims first, the longest waiting since "
	                                "2026-09-15; 3 claims (£62.50) are unpaid in all.");
	screen_stack_free(st);
}

static void long_payment_lists_page(void **state)
{
	struct fixture *fx = *state;
	int64_t ann = fx_person(fx, "Ann B.", ONE(ROLE_CARER), FORMAT_STANDARD);
	assert_int_equal(store_begin(fx->s, NULL), ERROR_NONE);
	for (int i = 0; i < 3000; i++) {
		char day[DATE_TEXT_SIZE];
		date_format(fixture_day("2026-11-21") - i % 700, day);
		fx_payment(fx, ann, 0, PAYMENT_FEE, 100 + i, day, i % 3 ? day : NULL);
	}
	assert_int_equal(store_commit(fx->s, NULL), ERROR_NONE);
	struct screen_stack *st = open_on(fx, "payments", 0);
	struct view *v = screen_view(st);
	assert_true(v->sections[0].list.rows.n < 100);
	assert_int_equal(v->sections[0].list.count, 3000);
	assert_int_equal(strncmp(selected(st), "OVERDUE:", 8), 0);
	send(st, COMMAND_END, NULL, 0);
	assert_true(v->sections[0].list.rows.n < 200);
	assert_int_equal(strncmp(selected(st), "paid:", 5), 0);
	/* Down from the top: every overdue claim, oldest first, then the rest newest first. */
	send(st, COMMAND_HOME, NULL, 0);
	char prev[64] = "";
	int overdue = 0;
	for (int i = 0; i < 1200; i++) {
		const char *text = selected(st);
		if (strncmp(text, "OVERDUE:", 8) == 0) {
			const char *day = strstr(text, "claimed ") + 8;
			assert_true(strcmp(prev, day) <= 0);
			snprintf(prev, sizeof prev, "%s", day);
			overdue++;
		}
		send(st, COMMAND_DOWN, NULL, 0);
	}
	assert_true(overdue > 900);
	assert_true(v->sections[0].list.rows.n < 400);
	screen_stack_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_list_says_who_each_person_is, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(a_persons_history_and_what_is_owed, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(adding_a_person_refuses_a_bad_consent_date,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(a_forgotten_person_is_shown_not_edited,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(export_asks_for_the_file_and_writes_it,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(payments_list_overdue_first, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(pay_and_declined_take_one_key, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(a_payment_is_added_by_picking_the_person,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(payment_not_offered_is_offered_or_declined,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(long_payment_lists_page, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
