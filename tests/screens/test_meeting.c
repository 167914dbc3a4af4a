/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The meeting screens driven headlessly, as a convenor would in a noisy
 * room: a new meeting from a stage, three people added (one found by part of
 * a UTF-8 name, one made on the spot), two things said, the responses with
 * and without reasons, feedback given to one and then to all, a refused date
 * explained under its field; the findings following each step.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "attendee.h"
#include "config.h"
#include "contribution.h"
#include "decision.h"
#include "draft.h"
#include "drive.h"
#include "feedback.h"
#include "finding.h"
#include "help.h"
#include "meeting.h"
#include "meeting_log.h"
#include "mem.h"
#include "person.h"
#include "person_details.h"
#include "project.h"
#include "response.h"
#include "rules.h"
#include "screen.h"
#include "stage_stub.h"
#include "vocab.h"

/* ---- the world the tests start from ---- */

static const struct screen *const screens[] = {
	&stage_stub_screen, &meeting_log_screen, &attendee_screen,       &response_screen,
	&finding_screen,    &help_screen,        &person_details_screen, NULL,
};

struct world {
	struct support_db *db;
	struct config *config;
	struct screen_stack *st;
	struct stage_stub_world is; /* the project and people made */
	int64_t ann, anna, malgorzata;
};

static int setup(void **state)
{
	if (support_db_setup(state) != 0)
		return -1;
	struct world *w = mem_calloc(1, sizeof *w);
	w->db = *state;
	w->config = config_load(NULL, rules_ids(), NULL);
	meeting_set_due_policy(config_calendar(w->config),
	                       (int)config_int(w->config, "feedback.due_days"));
	stage_stub_seed(w->db->store, &w->is);
	w->ann = w->is.ann;
	w->anna = w->is.anna;
	w->malgorzata = w->is.malgorzata;
	w->st = screen_stack_new(screens, w->db->store, w->config);
	assert_true(screen_push(w->st, "stage", w->is.project));
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	screen_stack_free(w->st);
	config_free(w->config);
	*state = w->db;
	free(w);
	return support_db_teardown(state);
}

/* ---- looking at the view ---- */

static struct view *top(struct world *w)
{
	return screen_view(w->st);
}

/* The row of list section sec whose label is label, as one line; NULL when none. */
static char *row_text(struct world *w, size_t sec, const char *label)
{
	struct view *v = top(w);
	struct view_section *s = &v->sections[sec];
	view_list_fill(v, s, 0, 200);
	for (size_t i = 0; i < s->list.rows.n; i++)
		if (strcmp(s->list.rows.v[i].label, label) == 0)
			return view_row_text(&s->list.rows.v[i]);
	return NULL;
}

/* Does the row of section sec labelled label read exactly want? */
static void assert_row(struct world *w, size_t sec, const char *label, const char *want)
{
	char *got = row_text(w, sec, label);
	if (!got)
		fail_msg("no row labelled \"%s\" in section %zu", label, sec);
	assert_string_equal(got, want);
	free(got);
}

/* Select the row labelled label in section sec. */
static void select_row(struct world *w, size_t sec, const char *label)
{
	struct view *v = top(w);
	struct view_section *s = &v->sections[sec];
	view_list_fill(v, s, 0, 200);
	for (size_t i = 0; i < s->list.rows.n; i++) {
		if (strcmp(s->list.rows.v[i].label, label) == 0) {
			view_select_row(v, sec, i);
			return;
		}
	}
	fail_msg("no row labelled \"%s\" to select", label);
}

/* Focus the field named name. */
static struct view_field *focus(struct world *w, const char *name)
{
	size_t s, i;
	struct view_field *f = view_find_field(top(w), name, &s, &i);
	assert_non_null(f);
	view_focus_field(top(w), s, i);
	return f;
}

/* How many findings of rule id the meeting screen shows. */
static int findings(struct world *w, const char *id)
{
	struct view *v = top(w);
	struct view_section *s = &v->sections[v->nsections - 1];
	assert_string_equal(s->heading, "Findings");
	int n = 0;
	for (size_t i = 0; i < s->list.rows.n; i++)
		n += strcmp(s->list.rows.v[i].key, id) == 0;
	return n;
}

/* The focused field's name, or "" on a list. */
static const char *focused(struct world *w)
{
	struct view_field *f = view_focused_field(top(w));
	return f ? f->name : "";
}

static bool contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* Sections of the meeting screen, in the order it builds them. */
enum { DETAILS, PEOPLE, ADD, SAID, SAY, TELLING, FINDINGS };

/* Log a new meeting from the stand-in stage screen; its id. */
static int64_t new_meeting(struct world *w)
{
	drive_key(w->st, 'a');
	assert_int_equal(screen_depth(w->st), 2);
	return screen_top(w->st)->id;
}

/* ---- the tests ---- */

static void a_new_meeting_is_held_today_and_its_details_are_saved_as_left(void **state)
{
	struct world *w = *state;
	int64_t id = new_meeting(w);
	struct view *v = top(w);
	drive_dump(w->st, "new meeting");
	assert_string_equal(v->title, "Carers' strategy: Meeting on 2026-11-22");
	assert_true(contains(v->summary, "A new meeting"));
	assert_true(v->walk);
	assert_string_equal(focused(w), "title");
	struct meeting m;
	assert_int_equal(meeting_get(w->db->store, id, &m, NULL), ERROR_NONE);
	assert_string_equal(m.held_on, "2026-11-22");
	assert_int_equal(m.status, MEETING_HELD);
	assert_int_equal(m.stage, STAGE_NEEDS);
	meeting_clear(&m);

	/* The title, typed over, then Enter: saved, and on to the date. */
	drive_send(w->st, COMMAND_OPEN, NULL);
	drive_send(w->st, COMMAND_ERASE_ALL, NULL);
	drive_type(w->st, "Carers' forum");
	drive_enter(w->st);
	assert_string_equal(v->title, "Carers' strategy: Carers' forum");
	assert_string_equal(focused(w), "held_on");
	/* A date that is not one is explained under the field; the cursor stays in it. */
	drive_send(w->st, COMMAND_OPEN, NULL);
	drive_send(w->st, COMMAND_ERASE_ALL, NULL);
	drive_type(w->st, "2026-11-31");
	drive_enter(w->st);
	struct view_field *f = view_focused_field(v);
	assert_string_equal(f->name, "held_on");
	assert_true(v->edit.active);
	assert_true(contains(f->error, "2026-11-31"));
	drive_dump(w->st, "refused date");
	drive_send(w->st, COMMAND_ERASE_ALL, NULL);
	drive_type(w->st, "2026-11-20");
	drive_enter(w->st);
	assert_false(v->edit.active);
	assert_string_equal(focused(w), "status");
	assert_string_equal(v->message,
	                    "Saved the date held: 2026-11-20; feedback is now due 2026-12-18.");
	/* The stage is a choice of the configured stages, by number or by name. */
	f = focus(w, "stage");
	assert_string_equal(f->display, "Needs assessment");
	assert_string_equal(f->choices[0],
	                    config_stage_label(w->config, config_stage_at(w->config, 0)));
	drive_number(w->st, COMMAND_SAVE_FIELD, "5", 0);
	assert_string_equal(v->message, "Saved the stage: Strategic framework.");
	drive_number(w->st, COMMAND_SAVE_FIELD, "not a stage", 0);
	assert_true(contains(view_focused_field(v)->error, "stages of the cycle"));
	drive_number(w->st, COMMAND_SAVE_FIELD, "needs", 0);
	assert_string_equal(v->message, "Saved the stage: Needs assessment.");
	/* The level is a rung of the configured ladder, kept by its key. */
	f = focus(w, "level");
	drive_number(w->st, COMMAND_SAVE_FIELD, "consulting", 0);
	assert_string_equal(v->message, "Saved the level of involvement: Consulting.");
	drive_number(w->st, COMMAND_SAVE_FIELD, "shouting", 0);
	assert_true(contains(view_focused_field(v)->error, "Informing"));
	/* The feedback due date, set by hand, then worked out again. */
	f = focus(w, "feedback_due_on");
	assert_string_equal(f->display, "2026-12-18, worked out from the date held");
	drive_number(w->st, COMMAND_SAVE_FIELD, "2027-01-08", 0);
	assert_string_equal(v->message, "Saved the feedback due date, set by hand: 2027-01-08.");
	assert_string_equal(view_focused_field(v)->display, "2027-01-08, set by hand");
	drive_number(w->st, COMMAND_SAVE_FIELD, "", 0);
	assert_true(contains(v->message, "worked out from the date held again: 2026-12-18"));
	assert_int_equal(meeting_get(w->db->store, id, &m, NULL), ERROR_NONE);
	assert_string_equal(m.title, "Carers' forum");
	assert_string_equal(m.held_on, "2026-11-20");
	assert_string_equal(m.level, "consulting");
	assert_int_equal(m.stage, STAGE_NEEDS);
	assert_int_equal(m.feedback_due_fixed, 0);
	meeting_clear(&m);
	/* Changed since it was made: no longer walked through as new. */
	assert_false(v->walk);
}

/* Add the three people of the workflow with a, as typed in a noisy room. */
static void add_three(struct world *w)
{
	struct view *v = top(w);
	drive_key(w->st, 'a');
	assert_true(v->edit.active);
	assert_string_equal(focused(w), "name_to_add");
	/* While a name is typed, the message says what Enter will do. */
	drive_type(w->st, "an");
	assert_string_equal(v->message, "Enter chooses between Ann B., Anna K., Joanne S.; type "
	                                "more to narrow it.");
	drive_type(w->st, "n b");
	assert_string_equal(v->message, "Enter adds Ann B.");
	drive_enter(w->st);
	assert_string_equal(v->message, "Added Ann B., as a carer: 1 at the meeting. Type the "
	                                "next name, or press Enter on an empty line to finish.");
	/* Ready for the next name at once. */
	assert_true(v->edit.active);
	assert_string_equal(focused(w), "name_to_add");
	assert_string_equal(v->edit.buf, "");
	/* Part of a UTF-8 name finds it. */
	drive_type(w->st, "łuk");
	assert_string_equal(v->message, "Enter adds Małgorzata Łukasik.");
	drive_enter(w->st);
	assert_true(contains(v->message, "Added Małgorzata Łukasik, as a service user: 2"));
	/* Someone not on record: asked, made on the spot, then their role. */
	drive_type(w->st, "Zofia Nowak");
	assert_true(contains(v->message, "Enter offers to add them as someone new"));
	drive_enter(w->st);
	assert_string_equal(
	        v->question.text,
	        "No one on record is called Zofia Nowak. Add Zofia Nowak as someone new?");
	drive_number(w->st, COMMAND_ANSWER, NULL, 1);
	assert_true(v->edit.active);
	assert_string_equal(focused(w), "new_role");
	struct view_field *f = view_focused_field(v);
	assert_string_equal(f->label, "role of Zofia Nowak");
	assert_string_equal(f->display, "service user");
	drive_type(w->st, "2");
	drive_enter(w->st);
	assert_string_equal(v->message, "Zofia Nowak is at the meeting as a carer. Type the next "
	                                "name, or press Enter on an empty line to finish.");
	assert_true(v->edit.active);
	assert_string_equal(focused(w), "name_to_add");
	/* Enter on an empty line finishes. */
	drive_enter(w->st);
	assert_false(v->edit.active);
	assert_string_equal(v->message, "Finished adding people: 3 at the meeting.");
}

static void three_people_added_by_part_of_a_name_or_on_the_spot(void **state)
{
	struct world *w = *state;
	int64_t id = new_meeting(w);
	add_three(w);
	drive_dump(w->st, "three added");
	struct store *s = w->db->store;
	assert_true(attendance_find(s, id, w->ann) != 0);
	assert_true(attendance_find(s, id, w->malgorzata) != 0);
	int64_t zofia = person_find(s, "Zofia Nowak");
	assert_true(zofia != 0);
	struct person p;
	assert_int_equal(person_get(s, zofia, &p, NULL), ERROR_NONE);
	assert_true(person_has_role(&p, ROLE_CARER));
	assert_string_equal(p.first_involved_on, "2026-11-22");
	person_clear(&p);
	struct attendance a;
	assert_int_equal(attendance_get(s, attendance_find(s, id, zofia), &a, NULL), ERROR_NONE);
	assert_int_equal(a.role, ROLE_CARER);
	assert_int_equal(a.attended, 1);
	assert_int_equal(a.needs_met, -1);
	attendance_clear(&a);
	/* Each row reads alone: owed feedback, role, the support needs to check, when due. */
	assert_row(w, PEOPLE, "Ann B.",
	           "not yet told: Ann B., carer, support needs not recorded (hearing loop; seat "
	           "near the front), due 2026-12-18");
	assert_row(w, PEOPLE, "Zofia Nowak", "not yet told: Zofia Nowak, carer, due 2026-12-18");
	assert_true(contains(top(w)->summary, "3 people came"));
	/* Who came is found by name, though an attendance has no name of its own. */
	select_row(w, PEOPLE, "Ann B.");
	drive_send(w->st, COMMAND_FIND, "łukasik");
	assert_string_equal(drive_selected_label(w->st), "Małgorzata Łukasik");
	drive_send(w->st, COMMAND_JUMP, "Z");
	assert_string_equal(drive_selected_label(w->st), "Zofia Nowak");
	/* From the last one who came, find goes on down the screen to the findings naming her... */
	drive_send(w->st, COMMAND_FIND, "łukasik");
	assert_int_equal(top(w)->focus, FINDINGS);
	assert_true(contains(drive_selected_label(w->st), "Małgorzata Łukasik"));
	/* ...and round to the top, back to her among the people who came. */
	for (int i = 0; i < 10 && top(w)->focus != PEOPLE; i++)
		drive_send(w->st, COMMAND_FIND, "łukasik");
	assert_int_equal(top(w)->focus, PEOPLE);
	assert_string_equal(drive_selected_label(w->st), "Małgorzata Łukasik");
	drive_send(w->st, COMMAND_FIND, "nobody by this name");
	assert_string_equal(drive_selected_label(w->st), "Małgorzata Łukasik");
	/* One a second time is said, not added twice. */
	drive_key(w->st, 'a');
	drive_type(w->st, "Ann B.");
	drive_enter(w->st);
	assert_string_equal(top(w)->message, "Ann B. is already at this meeting.");
	assert_true(top(w)->edit.active);
}

static void several_matches_are_offered_by_number_and_no_one_is_added_unasked(void **state)
{
	struct world *w = *state;
	int64_t id = new_meeting(w);
	struct view *v = top(w);
	/* As the text mode sends it: a whole line, then the number of a choice. */
	drive_key(w->st, 'a');
	drive_send(w->st, COMMAND_SAVE_FIELD, "ann");
	struct view_field *f = view_focused_field(v);
	assert_string_equal(f->name, "name_to_add");
	assert_string_equal(f->error, "Several people's names hold \"ann\": choose one by its "
	                              "number, or type more of the name");
	assert_int_equal(f->nchoices, 3);
	assert_string_equal(f->choices[0], "Ann B. (carer)");
	assert_string_equal(f->choices[1], "Anna K. (service user)");
	assert_string_equal(f->choices[2], "Joanne S. (service user)");
	assert_string_equal(v->edit.buf, "");
	assert_int_equal(attendance_find(w->db->store, id, w->anna), 0);
	drive_send(w->st, COMMAND_SAVE_FIELD, "2");
	assert_true(attendance_find(w->db->store, id, w->anna) != 0);
	assert_true(contains(v->message, "Added Anna K., as a service user: 1 at the meeting."));
	/* Too many to offer: type more. */
	for (int i = 1; i <= 10; i++) {
		char name[16];
		snprintf(name, sizeof name, "Pat %02d", i);
		stage_stub_person(w->db->store, name, 1u << ROLE_SERVICE_USER, FORMAT_STANDARD, "");
	}
	drive_send(w->st, COMMAND_SAVE_FIELD, "pat");
	assert_string_equal(view_focused_field(v)->error,
	                    "More than nine people's names hold \"pat\": choose one by its number, "
	                    "or type more of the name");
	assert_int_equal(view_focused_field(v)->nchoices, 9);
	drive_send(w->st, COMMAND_SAVE_FIELD, "pat 07");
	assert_true(contains(v->message, "Added Pat 07"));
	/* A name on no one's record is added only when the answer is yes. */
	drive_send(w->st, COMMAND_SAVE_FIELD, "Nobody Known");
	assert_non_null(v->question.text);
	drive_number(w->st, COMMAND_ANSWER, NULL, 0);
	assert_int_equal(person_find(w->db->store, "Nobody Known"), 0);
	assert_true(contains(v->message, "No one was added."));
	assert_true(v->edit.active);
	assert_string_equal(focused(w), "name_to_add");
	drive_send(w->st, COMMAND_SAVE_FIELD, "");
	assert_false(v->edit.active);
	assert_string_equal(v->message, "Finished adding people: 2 at the meeting.");
}

/* Note two things said, as typed in the room. */
static void say_two(struct world *w)
{
	struct view *v = top(w);
	drive_key(w->st, 's');
	assert_true(v->edit.active);
	assert_string_equal(focused(w), "said");
	/* A name and a colon first says who said it. */
	drive_type(w->st, "ann: The bus stops at six");
	drive_enter(w->st);
	assert_string_equal(v->message, "Noted what Ann B. said: 1 so far. Type the next, or press "
	                                "Enter on an empty line to finish.");
	assert_true(v->edit.active);
	assert_string_equal(focused(w), "said");
	drive_type(w->st, "Nobody explains the jargon");
	drive_enter(w->st);
	assert_true(contains(v->message, "Noted what was said anonymously: 2 so far."));
	drive_enter(w->st);
	assert_false(v->edit.active);
	assert_string_equal(v->message, "Finished noting what was said: 2 noted.");
}

static void things_said_are_noted_one_line_after_another(void **state)
{
	struct world *w = *state;
	int64_t id = new_meeting(w);
	add_three(w);
	say_two(w);
	drive_dump(w->st, "two said");
	assert_row(w, SAID, "The bus stops at six",
	           "pending: The bus stops at six, said by Ann B.");
	assert_row(w, SAID, "Nobody explains the jargon",
	           "pending: Nobody explains the jargon, said anonymously");
	assert_true(contains(top(w)->summary, "2 things said (2 still to answer)"));
	/* Who is speaking can be set once for the lines that follow. */
	struct view_field *f = focus(w, "said_by");
	assert_string_equal(f->display, "anonymous");
	assert_string_equal(f->choices[2], "Małgorzata Łukasik");
	drive_send(w->st, COMMAND_SAVE_FIELD, "3");
	assert_string_equal(top(w)->message,
	                    "What is said next is noted as said by Małgorzata Łukasik.");
	drive_key(w->st, 's');
	drive_send(w->st, COMMAND_SAVE_FIELD, "Letters come too late");
	assert_row(w, SAID, "Letters come too late",
	           "pending: Letters come too late, said by Małgorzata Łukasik");
	/* A colon after a word that is nobody's name is part of what was said. */
	drive_send(w->st, COMMAND_SAVE_FIELD, "Cost: too high for carers");
	assert_row(w, SAID, "Cost: too high for carers",
	           "pending: Cost: too high for carers, said by Małgorzata Łukasik");
	/* A name that could be two people is asked about, and nothing is noted. */
	drive_send(w->st, COMMAND_SAVE_FIELD, "");
	drive_key(w->st, 'a');
	drive_send(w->st, COMMAND_SAVE_FIELD, "Anna K.");
	drive_send(w->st, COMMAND_SAVE_FIELD, "");
	drive_key(w->st, 's');
	drive_send(w->st, COMMAND_SAVE_FIELD, "an: more buses");
	assert_true(contains(view_focused_field(top(w))->error, "could be more than one person"));
	assert_null(row_text(w, SAID, "more buses"));
	assert_int_equal(record_lookup(w->db->store,
	                               "SELECT count(*) FROM contribution WHERE meeting_id = ?",
	                               "i", id),
	                 4);
}

static void responses_are_recorded_and_a_missing_reason_is_flagged_not_refused(void **state)
{
	struct world *w = *state;
	int64_t id = new_meeting(w);
	add_three(w);
	say_two(w);
	struct store *s = w->db->store;
	struct decision d;
	decision_init(&d);
	d.project_id = w->is.project;
	mem_replace(&d.title, "Carers' breaks contract");
	memcpy(d.decided_on, "2026-12-01", DATE_TEXT_SIZE);
	assert_int_equal(decision_create(s, &d, NULL), ERROR_NONE);
	/* r opens the first thing still to answer. */
	drive_key(w->st, 'r');
	assert_int_equal(screen_depth(w->st), 3);
	struct view *v = top(w);
	drive_dump(w->st, "response");
	assert_string_equal(v->title, "You said, we did: Meeting on 2026-11-22");
	assert_string_equal(v->summary, "Ann B. said this at Meeting on 2026-11-22 on 2026-11-22; "
	                                "what came of it is still to be recorded.");
	assert_string_equal(focused(w), "response");
	int64_t bus = screen_top(w->st)->id;
	/* Not possible, with no reason yet: saved, and the message says a reason is needed. */
	drive_send(w->st, COMMAND_SAVE_FIELD, "not possible");
	assert_string_equal(v->message, "Saved the response: not possible, on 2026-11-22. Now give "
	                                "the reason: people must be told what is not possible and "
	                                "why.");
	assert_string_equal(view_focused_field(v)->error, "");
	struct contribution k;
	assert_int_equal(contribution_get(s, bus, &k, NULL), ERROR_NONE);
	assert_int_equal(k.response, RESPONSE_NOT_POSSIBLE);
	assert_string_equal(k.responded_on, "2026-11-22");
	contribution_clear(&k);
	struct view_field *f = focus(w, "reason");
	assert_string_equal(f->display, "missing: needed because it was not possible");
	assert_true(contains(v->summary, "the reason is missing"));
	drive_send(w->st, COMMAND_BACK, NULL);
	assert_int_equal(findings(w, "response_missing_reason"), 1);
	assert_row(w, SAID, "The bus stops at six",
	           "not possible: The bus stops at six, said by Ann B., reason missing, answered "
	           "2026-11-22");
	/* The reason given: the finding goes. */
	select_row(w, SAID, "The bus stops at six");
	drive_send(w->st, COMMAND_OPEN, NULL);
	focus(w, "reason");
	drive_send(w->st, COMMAND_SAVE_FIELD,
	           "The contract runs to 2028; a later bus is asked for "
	           "in the next one.");
	focus(w, "response_text");
	drive_send(w->st, COMMAND_SAVE_FIELD, "Asked the provider about a later bus.");
	drive_send(w->st, COMMAND_BACK, NULL);
	assert_int_equal(findings(w, "response_missing_reason"), 0);
	/* The second: partly adopted, with a reason and the decision it fed into. */
	select_row(w, SAID, "Nobody explains the jargon");
	drive_key(w->st, 'r');
	v = top(w);
	assert_true(contains(v->summary, "Someone, anonymously, said this"));
	drive_send(w->st, COMMAND_SAVE_FIELD, "3");
	assert_true(contains(v->message, "Saved the response: partly adopted, on 2026-11-22."));
	focus(w, "reason");
	drive_send(w->st, COMMAND_SAVE_FIELD,
	           "Only the papers we write; partners' papers are theirs.");
	assert_string_equal(v->message, "Saved the reason: Only the papers we write; partners' "
	                                "papers are theirs.");
	f = focus(w, "decision");
	assert_string_equal(f->display, "none");
	assert_string_equal(f->choices[1], "Carers' breaks contract");
	drive_send(w->st, COMMAND_SAVE_FIELD, "2");
	assert_string_equal(v->message, "Saved the decision: Carers' breaks contract.");
	drive_send(w->st, COMMAND_SAVE_FIELD, "No such decision");
	assert_true(contains(view_focused_field(v)->error, "No decision of this project"));
	int64_t jargon = screen_top(w->st)->id;
	assert_int_equal(contribution_get(s, jargon, &k, NULL), ERROR_NONE);
	assert_int_equal(k.response, RESPONSE_PARTLY);
	assert_int_equal(k.decision_id, d.head.id);
	contribution_clear(&k);
	decision_clear(&d);
	drive_send(w->st, COMMAND_BACK, NULL);
	assert_row(w, SAID, "Nobody explains the jargon",
	           "partly adopted: Nobody explains the jargon, said anonymously, answered "
	           "2026-11-22");
	drive_send(w->st, COMMAND_HOME, NULL);
	drive_key(w->st, 'r');
	assert_int_equal(screen_depth(w->st), 2);
	assert_string_equal(top(w)->message, "Nothing said here is waiting for an answer.");
	assert_false(contains(top(w)->summary, "still to answer"));
	(void)id;
}

static void feedback_is_given_one_by_one_or_to_all_still_owed(void **state)
{
	struct world *w = *state;
	int64_t id = new_meeting(w);
	add_three(w);
	struct store *s = w->db->store;
	struct view *v = top(w);
	/* g with no one selected says what to do. */
	drive_send(w->st, COMMAND_HOME, NULL);
	drive_key(w->st, 'g');
	assert_true(contains(v->message, "Choose who was told"));
	select_row(w, PEOPLE, "Ann B.");
	drive_key(w->st, 'g');
	assert_string_equal(v->message, "Marked Ann B. as told on 2026-11-22 by letter, in large "
	                                "print, their preferred format.");
	assert_row(w, PEOPLE, "Ann B.",
	           "told: Ann B., carer, support needs not recorded (hearing loop; seat near the "
	           "front), in large print, on 2026-11-22");
	select_row(w, PEOPLE, "Ann B.");
	assert_int_equal(view_selected_row(v)->tone, VIEW_TONE_GOOD);
	drive_key(w->st, 'g');
	assert_true(contains(v->message, "Ann B. has been told already"));
	/* On her own screen, told in another format than she prefers: said, and a finding. */
	select_row(w, PEOPLE, "Ann B.");
	drive_send(w->st, COMMAND_OPEN, NULL);
	struct view *a = top(w);
	drive_dump(w->st, "attendee told");
	assert_string_equal(a->title, "Ann B. at Meeting on 2026-11-22");
	focus(w, "format");
	drive_send(w->st, COMMAND_SAVE_FIELD, "standard print");
	assert_string_equal(a->message, "Saved the format: standard print. Ann B. prefers large "
	                                "print, so this is listed as a finding until they are told "
	                                "in large print.");
	drive_send(w->st, COMMAND_BACK, NULL);
	assert_int_equal(findings(w, "feedback_wrong_format"), 1);
	assert_row(w, PEOPLE, "Ann B.",
	           "told: Ann B., carer, support needs not recorded (hearing loop; seat near the "
	           "front), in standard print, not their preferred large print, on 2026-11-22");
	/* The date and way all use: a date that is not one is refused under its field. */
	focus(w, "told_on");
	drive_send(w->st, COMMAND_OPEN, NULL);
	drive_send(w->st, COMMAND_ERASE_ALL, NULL);
	drive_type(w->st, "2026-02-30");
	drive_enter(w->st);
	struct view_field *f = view_focused_field(v);
	assert_string_equal(f->name, "told_on");
	assert_true(v->edit.active);
	assert_string_equal(f->error, "The date told: 2026-02-30 is not a date: that month has 28 "
	                              "days");
	drive_send(w->st, COMMAND_ERASE_ALL, NULL);
	drive_type(w->st, "2026-11-21");
	drive_enter(w->st);
	assert_string_equal(v->message,
	                    "People marked as told from now on are told on 2026-11-21.");
	focus(w, "told_by");
	drive_send(w->st, COMMAND_SAVE_FIELD, "2");
	assert_string_equal(v->message, "People marked as told from now on are told by email.");
	/* all: everyone still owed, after a question. */
	drive_key(w->st, 'f');
	assert_string_equal(v->question.text, "Mark all the service users and carers still owed "
	                                      "feedback as told on 2026-11-21 by email, each in "
	                                      "their preferred format?");
	drive_number(w->st, COMMAND_ANSWER, NULL, 1);
	assert_string_equal(v->message, "Marked 2 people as told on 2026-11-21 by email, each in "
	                                "their preferred format.");
	assert_row(w, PEOPLE, "Małgorzata Łukasik",
	           "told: Małgorzata Łukasik, service user, support needs not recorded (a "
	           "supporter), in easy read, on 2026-11-21");
	struct feedback fb;
	int64_t zofia = person_find(s, "Zofia Nowak");
	assert_int_equal(feedback_get(s, feedback_find(s, id, zofia), &fb, NULL), ERROR_NONE);
	assert_string_equal(fb.given_on, "2026-11-21");
	assert_int_equal(fb.method, FEEDBACK_EMAIL);
	assert_int_equal(fb.format, FORMAT_STANDARD);
	feedback_clear(&fb);
	assert_true(contains(v->summary, "everyone owed feedback has been told"));
	drive_key(w->st, 'f');
	assert_null(v->question.text);
	assert_true(contains(v->message, "No service user or carer who came is still owed"));
}

static void overdue_feedback_says_so_first(void **state)
{
	struct world *w = *state;
	new_meeting(w);
	focus(w, "held_on");
	drive_send(w->st, COMMAND_SAVE_FIELD, "2026-09-01");
	add_three(w);
	assert_row(w, PEOPLE, "Zofia Nowak",
	           "OVERDUE: Zofia Nowak, carer, not yet told, due 2026-09-29");
	/* The status word stands out as an alert, not by chance. */
	select_row(w, PEOPLE, "Zofia Nowak");
	assert_int_equal(view_selected_row(top(w))->tone, VIEW_TONE_ALERT);
	assert_true(
	        contains(top(w)->summary,
	                 "3 people still to be told what came of it, OVERDUE since 2026-09-29"));
	assert_int_equal(findings(w, "feedback_overdue"), 3);
	/* Opening a finding explains the rule behind it. */
	struct view *v = top(w);
	struct view_section *sec = &v->sections[FINDINGS];
	for (size_t i = 0; i < sec->list.rows.n; i++)
		if (strcmp(sec->list.rows.v[i].key, "feedback_overdue") == 0)
			view_select_row(v, FINDINGS, i);
	drive_send(w->st, COMMAND_OPEN, NULL);
	assert_int_equal(screen_depth(w->st), 3);
	assert_true(contains(top(w)->title, rules_find("feedback_overdue")->title));
	drive_dump(w->st, "finding explained");
	drive_send(w->st, COMMAND_BACK, NULL);
	/* A commissioner at the meeting is owed nothing. */
	drive_key(w->st, 'a');
	drive_send(w->st, COMMAND_SAVE_FIELD, "sam");
	drive_send(w->st, COMMAND_SAVE_FIELD, "");
	assert_row(w, PEOPLE, "Sam Lee", "Sam Lee, commissioner");
	/* Translated feedback is named by the language, as people say it. */
	int64_t tomasz = stage_stub_person(w->db->store, "Tomasz W.", 1u << ROLE_CARER,
	                                   FORMAT_TRANSLATED, "Polish interpreter");
	assert_int_equal(record_set(w->db->store, &person_kind, tomasz, "language", "Polish", NULL),
	                 ERROR_NONE);
	drive_key(w->st, 'a');
	drive_send(w->st, COMMAND_SAVE_FIELD, "tomasz");
	drive_send(w->st, COMMAND_SAVE_FIELD, "");
	select_row(w, PEOPLE, "Tomasz W.");
	drive_key(w->st, 'g');
	assert_string_equal(top(w)->message, "Marked Tomasz W. as told on 2026-11-22 by letter, in "
	                                     "Polish, their preferred format.");
	assert_row(w, PEOPLE, "Tomasz W.",
	           "told: Tomasz W., carer, support needs not recorded (Polish interpreter), in "
	           "Polish, on 2026-11-22");
}

static void who_came_their_needs_and_removing_them(void **state)
{
	struct world *w = *state;
	int64_t id = new_meeting(w);
	add_three(w);
	say_two(w);
	struct store *s = w->db->store;
	struct view *v = top(w);
	/* m: needs met, from the list, naming the needs. */
	select_row(w, PEOPLE, "Ann B.");
	drive_key(w->st, 'm');
	assert_string_equal(v->message, "Recorded that Ann B.'s support needs were met (hearing "
	                                "loop; seat near the front).");
	char *ann = row_text(w, PEOPLE, "Ann B.");
	assert_true(contains(ann, "support needs met"));
	free(ann);
	/* On the person's screen: their needs beside the question, and not met. */
	select_row(w, PEOPLE, "Małgorzata Łukasik");
	drive_send(w->st, COMMAND_OPEN, NULL);
	struct view *a = top(w);
	assert_string_equal(a->summary, "Małgorzata Łukasik came as a service user; support needs "
	                                "met: not recorded (a supporter); owed feedback in easy "
	                                "read, due 2026-12-18.");
	struct view_field *f = focus(w, "support_needs");
	assert_string_equal(f->display, "a supporter");
	assert_true(f->read_only);
	f = focus(w, "needs_met");
	assert_string_equal(f->display, "not recorded");
	assert_true(contains(f->help, "a supporter"));
	drive_send(w->st, COMMAND_SAVE_FIELD, "no");
	assert_true(contains(a->message, "NOT met"));
	drive_send(w->st, COMMAND_SAVE_FIELD, "3");
	assert_true(contains(a->message, "not recorded either way"));
	drive_send(w->st, COMMAND_SAVE_FIELD, "no");
	f = focus(w, "attended");
	drive_send(w->st, COMMAND_SAVE_FIELD, "no");
	assert_true(contains(a->summary, "was expected as a service user but did not come"));
	assert_true(contains(a->summary, "no feedback is owed"));
	drive_send(w->st, COMMAND_BACK, NULL);
	assert_int_equal(findings(w, "meeting_needs_unmet"), 1);
	assert_row(w, PEOPLE, "Małgorzata Łukasik",
	           "Małgorzata Łukasik, service user, did not come, support needs NOT met (a "
	           "supporter)");
	/* Removing someone asks first, naming them; their feedback record goes with them. */
	select_row(w, PEOPLE, "Zofia Nowak");
	drive_key(w->st, 'g');
	drive_key(w->st, 'd');
	assert_string_equal(v->question.text,
	                    "Remove Zofia Nowak from this meeting? Any record that "
	                    "they were told what came of it goes too.");
	drive_number(w->st, COMMAND_ANSWER, NULL, 0);
	assert_string_equal(v->message, "Nothing was deleted.");
	int64_t zofia = person_find(s, "Zofia Nowak");
	assert_true(attendance_find(s, id, zofia) != 0);
	drive_key(w->st, 'd');
	drive_number(w->st, COMMAND_ANSWER, NULL, 1);
	assert_string_equal(v->message, "Removed Zofia Nowak from this meeting.");
	assert_int_equal(attendance_find(s, id, zofia), 0);
	assert_int_equal(feedback_find(s, id, zofia), 0);
	assert_null(row_text(w, PEOPLE, "Zofia Nowak"));
	/* Their own record is one key away when the People screens are there. */
	select_row(w, PEOPLE, "Ann B.");
	drive_send(w->st, COMMAND_OPEN, NULL);
	drive_key(w->st, 'p');
	assert_int_equal(screen_depth(w->st), 4);
	assert_int_equal(screen_top(w->st)->id, w->ann);
	drive_send(w->st, COMMAND_BACK, NULL);
	drive_send(w->st, COMMAND_BACK, NULL);
	/* And from their own screen, which closes. */
	select_row(w, PEOPLE, "Ann B.");
	drive_send(w->st, COMMAND_OPEN, NULL);
	drive_key(w->st, 'd');
	assert_true(contains(top(w)->question.text, "Remove Ann B. from Meeting on 2026-11-22?"));
	drive_number(w->st, COMMAND_ANSWER, NULL, 1);
	assert_int_equal(screen_depth(w->st), 2);
	assert_int_equal(attendance_find(s, id, w->ann), 0);
	/* Something said is deleted after a question too. */
	select_row(w, SAID, "Nobody explains the jargon");
	drive_key(w->st, 'd');
	assert_string_equal(v->question.text,
	                    "Delete what was said: \"Nobody explains the jargon\"?");
	drive_number(w->st, COMMAND_ANSWER, NULL, 1);
	assert_null(row_text(w, SAID, "Nobody explains the jargon"));
}

static void a_name_being_typed_is_kept_and_offered_back(void **state)
{
	struct world *w = *state;
	int64_t id = new_meeting(w);
	drive_key(w->st, 'a');
	drive_type(w->st, "łuk");
	/* The program is told to stop mid-name. */
	assert_false(drive_send(w->st, COMMAND_STOP, NULL));
	char *key = draft_key("meeting", id, "name_to_add");
	char *kept = draft_get(w->db->store, key);
	assert_string_equal(kept, "łuk");
	free(kept);
	screen_stack_free(w->st);
	w->st = screen_stack_new(screens, w->db->store, w->config);
	assert_true(screen_push(w->st, "stage", w->is.project));
	assert_true(screen_offer_draft(w->st));
	struct view *v = top(w);
	assert_true(v->edit.active);
	assert_string_equal(focused(w), "name_to_add");
	drive_enter(w->st);
	assert_true(attendance_find(w->db->store, id, w->malgorzata) != 0);
	assert_null(draft_get(w->db->store, key));
	free(key);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		        a_new_meeting_is_held_today_and_its_details_are_saved_as_left, setup,
		        teardown),
		cmocka_unit_test_setup_teardown(three_people_added_by_part_of_a_name_or_on_the_spot,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
		        several_matches_are_offered_by_number_and_no_one_is_added_unasked, setup,
		        teardown),
		cmocka_unit_test_setup_teardown(things_said_are_noted_one_line_after_another, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(
		        responses_are_recorded_and_a_missing_reason_is_flagged_not_refused, setup,
		        teardown),
		cmocka_unit_test_setup_teardown(feedback_is_given_one_by_one_or_to_all_still_owed,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(overdue_feedback_says_so_first, setup, teardown),
		cmocka_unit_test_setup_teardown(who_came_their_needs_and_removing_them, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(a_name_being_typed_is_kept_and_offered_back, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
