/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * CSV exchange: the twelve files have exactly the columns of issue 6; import
 * reads files in dependency order whatever order they are named, matches
 * records by natural key and updates rather than duplicates, reports every
 * bad row as FILE:LINE: column: what is wrong and then writes nothing, and a
 * dry run writes nothing; export then import gives the same records.
 */
#include "support.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "attendance.h"
#include "contribution.h"
#include "decision.h"
#include "exchange.h"
#include "export_csv.h"
#include "import_csv.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "project.h"
#include "registry.h"
#include "vocab.h"

/* ---- helpers ---- */

/* Problems reported by an import, in order. */
struct problems {
	char *lines[64];
	size_t n;
	size_t strip; /* length of the folder prefix to drop from each line */
};

static void collect(void *ctx, const char *text)
{
	struct problems *p = ctx;
	assert_true(p->n < sizeof p->lines / sizeof *p->lines);
	p->lines[p->n++] = mem_strdup(strlen(text) > p->strip ? text + p->strip : text);
}

static void problems_free(struct problems *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->lines[i]);
	p->n = 0;
}

/* A folder for CSV files inside the test's temporary folder. */
static char *csv_dir(struct support_db *db, const char *name)
{
	char *dir = support_path(db->dir, name);
	assert_int_equal(mkdir(dir, 0700), 0);
	return dir;
}

/* Write text to dir/name; returns the path (the caller frees it). */
static char *put(const char *dir, const char *name, const char *text)
{
	char *path = support_path(dir, name);
	support_write_file(path, text, strlen(text));
	return path;
}

/* Import paths, collecting problems (with dir/ dropped) and counts. */
static enum error_code run_import(struct store *s, const char *dir, char **paths, size_t n,
                                  bool dry_run, struct problems *p, struct import_csv_counts *c,
                                  struct error *err)
{
	p->strip = dir ? strlen(dir) + 1 : 0;
	struct import_csv_options opt = { .dry_run = dry_run, .problem = collect, .ctx = p };
	return import_csv(s, (const char *const *)paths, n, &opt, c, err);
}

static int64_t count_of(struct store *s, const struct record_kind *kind)
{
	struct record_query q = { 0 };
	int64_t n = -1;
	assert_int_equal(record_count(s, kind, &q, &n, NULL), ERROR_NONE);
	return n;
}

/* The index of a kind in exchange_kinds by its file name. */
static size_t kind_index(const char *file)
{
	for (size_t i = 0; i < EXCHANGE_KIND_COUNT; i++)
		if (strcmp(exchange_kinds[i].file, file) == 0)
			return i;
	fail_msg("no kind %s", file);
	return 0;
}

static void free_paths(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
}

static const char projects_csv[] =
        "title,kind,service_area,lead,started_on,closed_on\r\n"
        "Day opportunities redesign,redesign,Adult social care,Sam Lead,2026-01-05,\r\n"
        "Carers' breaks review,review,Carers,,2026-03-01,\r\n";

static const char people_csv[] =
        "\xEF\xBB\xBFname,roles,preferred_format,support_needs,benefits_concern,consent_on,tags\n"
        "Ann B.,service_user;carer,easy_read,hearing loop,yes,2026-01-10,\n"
        "\"Chen, Li\",carer,standard,,no,2026-02-01,young carers\n";

static const char decisions_csv[] =
        "project,stage,title,decided_on,decided_by,summary,users_present,users_view_followed,"
        "appeal_route_given\n"
        "Day opportunities redesign,decisions,Close the Elm Street centre,2026-09-30,Cabinet,"
        "\"Close it, and move to \"\"community hubs\"\"\",yes,partly,yes\n";

static const char meetings_csv[] =
        "project,stage,title,held_on,status,method,level,purpose,open_to_change,"
        "not_open_to_change,papers_sent_on,venue_accessible,feedback_due_on,decision\n"
        "Day opportunities redesign,needs,Carers' forum,2026-09-10,held,meeting,consult,"
        "\"Hear what carers need,\nin their words\",Opening hours,The budget,2026-09-01,yes,,"
        "Close the Elm Street centre\n";

static const char attendance_csv[] = "meeting,held_on,person,role,attended,needs_met\n"
                                     "Carers' forum,2026-09-10,Ann B.,carer,yes,no\n"
                                     "Carers' forum,2026-09-10,\"Chen, Li\",carer,yes,\n";

/* Write the five files above into dir, named in reverse dependency order. */
static size_t put_basic(const char *dir, char **paths)
{
	paths[0] = put(dir, "attendance.csv", attendance_csv);
	paths[1] = put(dir, "meetings.csv", meetings_csv);
	paths[2] = put(dir, "decisions.csv", decisions_csv);
	paths[3] = put(dir, "people.csv", people_csv);
	paths[4] = put(dir, "projects.csv", projects_csv);
	return 5;
}

/* ---- import ---- */

static void test_dependency_order(void **state)
{
	struct support_db *db = *state;
	char *dir = csv_dir(db, "in");
	char *paths[5];
	size_t n = put_basic(dir, paths);
	struct problems p = { 0 };
	struct import_csv_counts c;
	struct error err;
	enum error_code code = run_import(db->store, dir, paths, n, false, &p, &c, &err);
	for (size_t i = 0; i < p.n; i++)
		print_message("problem: %s\n", p.lines[i]);
	assert_int_equal(code, ERROR_NONE);
	assert_int_equal(c.created[kind_index("projects.csv")], 2);
	assert_int_equal(c.created[kind_index("people.csv")], 2);
	assert_int_equal(c.created[kind_index("attendance.csv")], 2);

	/* The meeting names a decision from a file named before it. */
	int64_t pid = project_find(db->store, "day opportunities redesign");
	int64_t did = decision_find(db->store, pid, "Close the Elm Street centre");
	int64_t mid = meeting_find(db->store, "Carers' forum", "2026-09-10");
	assert_true(pid && did && mid);
	struct meeting m;
	assert_int_equal(meeting_get(db->store, mid, &m, &err), ERROR_NONE);
	assert_int_equal(m.decision_id, did);
	assert_int_equal(m.project_id, pid);
	assert_string_equal(m.purpose, "Hear what carers need,\nin their words");
	assert_int_equal(m.venue_accessible, 1);
	/* No due date given: worked out from the date held, not set by hand. */
	assert_int_equal(m.feedback_due_fixed, 0);
	char due[DATE_TEXT_SIZE];
	date_format(meeting_due_for("2026-09-10"), due);
	assert_string_equal(m.feedback_due_on, due);
	meeting_clear(&m);

	struct decision d;
	assert_int_equal(decision_get(db->store, did, &d, &err), ERROR_NONE);
	assert_string_equal(d.summary, "Close it, and move to \"community hubs\"");
	assert_int_equal(d.users_view_followed, DECISION_FOLLOWED_PARTLY);
	decision_clear(&d);

	int64_t ann = person_find(db->store, "Ann B.");
	struct person ap;
	assert_int_equal(person_get(db->store, ann, &ap, &err), ERROR_NONE);
	assert_true(person_has_role(&ap, ROLE_SERVICE_USER) && person_has_role(&ap, ROLE_CARER));
	assert_int_equal(ap.benefits_concern, 1);
	person_clear(&ap);

	struct attendance a;
	int64_t aid = attendance_find(db->store, mid, ann);
	assert_int_equal(attendance_get(db->store, aid, &a, &err), ERROR_NONE);
	assert_int_equal(a.needs_met, 0);
	attendance_clear(&a);
	int64_t chen = person_find(db->store, "Chen, Li");
	aid = attendance_find(db->store, mid, chen);
	assert_int_equal(attendance_get(db->store, aid, &a, &err), ERROR_NONE);
	assert_int_equal(a.needs_met, -1);
	attendance_clear(&a);

	char *summary = import_csv_summary(&c, false);
	assert_string_equal(summary,
	                    "Imported 2 projects (2 new), 2 people (2 new), 1 decision "
	                    "(1 new), 1 meeting (1 new) and 2 attendance records (2 new).");
	free(summary);
	free_paths(paths, n);
	free(dir);
}

static void test_reimport_updates(void **state)
{
	struct support_db *db = *state;
	char *dir = csv_dir(db, "in");
	char *paths[5];
	size_t n = put_basic(dir, paths);
	struct problems p = { 0 };
	struct import_csv_counts c;
	struct error err;
	assert_int_equal(run_import(db->store, dir, paths, n, false, &p, &c, &err), ERROR_NONE);

	/* A field the files do not carry, typed in involve. */
	int64_t ann = person_find(db->store, "Ann B.");
	assert_int_equal(record_set(db->store, &person_kind, ann, "contact", "01234 567890", &err),
	                 ERROR_NONE);

	/* The same files again: nothing new, nothing changed. */
	assert_int_equal(run_import(db->store, dir, paths, n, false, &p, &c, &err), ERROR_NONE);
	for (size_t i = 0; i < EXCHANGE_KIND_COUNT; i++) {
		assert_int_equal(c.created[i], 0);
		assert_int_equal(c.updated[i], 0);
	}
	assert_int_equal(c.unchanged[kind_index("attendance.csv")], 2);
	assert_int_equal(count_of(db->store, &person_kind), 2);
	assert_int_equal(count_of(db->store, &attendance_kind), 2);
	char *summary = import_csv_summary(&c, false);
	assert_string_equal(summary,
	                    "Imported 2 projects (2 unchanged), 2 people (2 unchanged), 1 decision "
	                    "(1 unchanged), 1 meeting (1 unchanged) and 2 attendance records (2 "
	                    "unchanged).");
	free(summary);

	/* A changed row updates its record (matched whatever the case) and keeps the rest. */
	char *people = put(dir, "people.csv",
	                   "name,roles,preferred_format,support_needs,benefits_concern,consent_on,"
	                   "tags\n"
	                   "ANN B.,carer,large_print,step-free access,no,2026-01-10,\n"
	                   "\"Chen, Li\",carer,standard,,no,2026-02-01,young carers\n"
	                   "Dev K.,non_user,audio,,,,\n");
	assert_int_equal(run_import(db->store, dir, &people, 1, false, &p, &c, &err), ERROR_NONE);
	size_t pi = kind_index("people.csv");
	assert_int_equal(c.created[pi], 1);
	assert_int_equal(c.updated[pi], 1);
	assert_int_equal(c.unchanged[pi], 1);
	assert_int_equal(count_of(db->store, &person_kind), 3);
	struct person ap;
	assert_int_equal(person_get(db->store, ann, &ap, &err), ERROR_NONE);
	assert_string_equal(ap.support_needs, "step-free access");
	assert_int_equal(ap.preferred_format, FORMAT_LARGE_PRINT);
	assert_string_equal(ap.contact, "01234 567890");
	person_clear(&ap);
	summary = import_csv_summary(&c, false);
	assert_string_equal(summary, "Imported 3 people (1 new, 1 updated, 1 unchanged).");
	free(summary);
	free(people);
	free_paths(paths, n);
	free(dir);
}

/* Compare the problems reported with the expected lines, in order. */
static void expect_problems(const struct problems *p, const char *const *want, size_t n)
{
	for (size_t i = 0; i < p->n || i < n; i++) {
		const char *got = i < p->n ? p->lines[i] : "(nothing)";
		const char *exp = i < n ? want[i] : "(nothing)";
		if (strcmp(got, exp) != 0)
			fail_msg("problem %zu:\n got: %s\nwant: %s", i + 1, got, exp);
	}
}

static void test_bad_rows(void **state)
{
	struct support_db *db = *state;
	char *dir = csv_dir(db, "in");
	char *paths[9];
	size_t n = 0;
	paths[n++] = put(dir, "mystery.csv", "a,b\n1,2\n");
	paths[n++] = put(dir, "payments.csv",
	                 "person,meeting,held_on,kind,amount,claimed_on,paid_on,declined\n"
	                 "Ed F.,,,fee,12.5\xE9,2026-10-01,,no\n"
	                 "Ed F.,,,fee,ten,2026-10-02,,no\n"
	                 "Ed F.,,2026-09-10,travel,\"3.20,2026-10-01,,no\n");
	paths[n++] = put(dir, "pressures.csv",
	                 "project,noted_on,source,summary,impact,shared_on,colour\n"
	                 "Day opportunities redesign,2026-05-01,Government,Cuts,,,red\n");
	paths[n++] = put(dir, "feedback.csv", "meeting,held_on,given_on\n");
	paths[n++] = put(dir, "attendance.csv",
	                 "meeting,held_on,person,role,attended,needs_met\n"
	                 "Forum,2026-09-10,Ann B.,carer,yes,\n"
	                 "Ghost meeting,2026-09-10,Zed,carer,yes,\n"
	                 "Ghost meeting,,Ed F.,carer,yes,\n"
	                 "Carers' forum,2026-09-12,Ed F.,helper,,\n");
	paths[n++] = put(dir, "meetings.csv",
	                 "project,stage,title,held_on,status,method,level,purpose,open_to_change,"
	                 "not_open_to_change,papers_sent_on,venue_accessible,feedback_due_on,"
	                 "decision\n"
	                 "Nowhere project,needs,Forum,2026-09-10,held,meeting,,,,,,,,\n"
	                 "Day opportunities redesign,nedds,Forum,2026-09-11,held,meeting,,,,,,,,\n"
	                 "Day opportunities redesign,needs,Forum,2026-13-01,held,meeting,,,,,,,,\n"
	                 "Day opportunities redesign,needs,,2026-09-12,held,meeting,,,,,,,,\n"
	                 "Day opportunities redesign,needs,\"Two\nlines\",2026-09-12,held,"
	                 "meeting,,,,,,,,No such decision\n"
	                 "Day opportunities redesign,needs,Carers' forum,2026-09-12,held,meeting,"
	                 ",,,,,,,\n");
	paths[n++] = put(dir, "people.csv",
	                 "name,roles,preferred_format,support_needs,benefits_concern,consent_on,"
	                 "tags\n"
	                 "Ann B.,service_user,easy_read,,maybe,2026-01-10,\n"
	                 "Bob C.,carer,standard,,no,10/01/2026,\n"
	                 "Cy D.,carer,standard,,no,2026-01-01\n"
	                 "Di E.,carer,standard,,no,2026-01-01,,extra\n"
	                 "Ed F.,carer,standard,,no,,\n"
	                 "ed f.,carer,standard,,no,,\n");
	paths[n++] = put(dir, "projects.csv", projects_csv);
	struct problems p = { 0 };
	struct import_csv_counts c;
	struct error err;
	assert_int_equal(run_import(db->store, dir, paths, n, false, &p, &c, &err), ERROR_INVALID);
	static const char *const want[] = {
		"mystery.csv:1: cannot tell which records this file holds; name it after its kind "
		"(projects.csv, people.csv, meetings.csv ...) or give it the header row of one",
		"people.csv:2: benefits_concern: The benefits concern must be yes or no (or left "
		"blank if not known), not \"maybe\"",
		"people.csv:3: consent_on: The consent date: \"10/01/2026\" is not a date: write "
		"it "
		"as YYYY-MM-DD, for example 2026-11-22",
		"people.csv:4: tags: missing: the row has 6 cells but the header has 7 columns",
		"people.csv:5: column 8: the row has 8 cells but the header has 7 columns; put "
		"quotes around any cell that holds a comma",
		"people.csv:7: this row is for the same person as line 6; remove one of the two "
		"rows",
		"meetings.csv:2: project: there is no project titled \"Nowhere project\"; add it "
		"to "
		"projects.csv, or check the spelling",
		"meetings.csv:3: stage: \"nedds\" is not a stage: use framework, context, needs, "
		"budget, strategy, priorities, test, decisions, procurement, commission, "
		"monitoring "
		"or review",
		"meetings.csv:4: held_on: The date held: 2026-13-01 is not a date: the month must "
		"be 01 to 12",
		"meetings.csv:5: title: The meeting title cannot be left empty",
		"meetings.csv:6: decision: there is no decision titled \"No such decision\" in "
		"this "
		"project; add it to decisions.csv, or check the spelling",
		"attendance.csv:2: meeting: \"Forum\" is not imported, because its own row (line 2 "
		"of its file) has a problem; fix that row",
		"attendance.csv:2: person: \"Ann B.\" is not imported, because its own row (line 2 "
		"of its file) has a problem; fix that row",
		"attendance.csv:3: meeting: there is no meeting titled \"Ghost meeting\" held on "
		"2026-09-10; add it to meetings.csv, or check the title and the date held",
		"attendance.csv:3: person: there is no person called \"Zed\"; add them to "
		"people.csv, or check the spelling",
		"attendance.csv:4: held_on: is empty, but the date held is needed to tell which "
		"meeting it is; write it as YYYY-MM-DD",
		"attendance.csv:5: role: \"helper\" is not a role at the meeting: use "
		"service_user, "
		"carer, future_user, non_user, commissioner, facilitator, provider or other",
		"feedback.csv:1: person: is missing from the header; feedback.csv needs it to tell "
		"which record each row is",
		"pressures.csv:1: colour: is not a column of pressures.csv; its columns are "
		"project, noted_on, source, summary, impact, shared_on",
		"payments.csv:2: amount: the cell is not UTF-8 text (byte 0xE9); save the file as "
		"\"CSV UTF-8\" and import it again",
		"payments.csv:3: amount: The amount: \"ten\" is not an amount of money: write "
		"pounds "
		"and pence, for example 12.50",
		"payments.csv:4: amount: the cell has a quote (\") on line 4 that is never closed; "
		"add the closing quote, or double each quote inside the cell",
	};
	expect_problems(&p, want, sizeof want / sizeof *want);
	assert_string_equal(err.msg, "Found 22 problems in 7 files, so nothing was imported; fix "
	                             "them and import again");
	/* All or nothing: the good rows were not kept either. */
	assert_int_equal(count_of(db->store, &project_kind), 0);
	assert_int_equal(count_of(db->store, &person_kind), 0);
	assert_int_equal(count_of(db->store, &meeting_kind), 0);
	problems_free(&p);
	free_paths(paths, n);
	free(dir);
}

/* A row the database itself refuses is still reported with its own line. */
static void test_refused_by_the_database(void **state)
{
	struct support_db *db = *state;
	struct error err;
	assert_int_equal(store_exec(db->store,
	                            "CREATE TRIGGER no_zed BEFORE INSERT ON person WHEN NEW.name = "
	                            "'Zed' BEGIN SELECT RAISE(ABORT, 'no Zed'); END",
	                            &err),
	                 ERROR_NONE);
	char *dir = csv_dir(db, "in");
	char *path =
	        put(dir, "people.csv", "name,roles\nAnn B.,carer\nZed,carer\n\"Chen, Li\",carer\n");
	struct problems p = { 0 };
	assert_int_equal(run_import(db->store, dir, &path, 1, false, &p, NULL, &err),
	                 ERROR_INVALID);
	static const char *const want[] = {
		"people.csv:3: A value is not allowed (no Zed), so saving the person did not "
		"happen",
	};
	expect_problems(&p, want, 1);
	assert_int_equal(count_of(db->store, &person_kind), 0);
	problems_free(&p);
	free(path);
	free(dir);
}

static void test_missing_files(void **state)
{
	struct support_db *db = *state;
	char *dir = csv_dir(db, "in");
	char *empty = csv_dir(db, "in/empty");
	char *paths[] = { support_path(dir, "nope.csv"), mem_strdup(empty) };
	struct problems p = { 0 };
	struct error err;
	assert_int_equal(run_import(db->store, dir, paths, 2, false, &p, NULL, &err),
	                 ERROR_INVALID);
	static const char *const want[] = {
		"nope.csv: cannot be read: No such file or directory",
		"empty: holds no .csv files; name the files to import, or the folder that holds "
		"them",
	};
	expect_problems(&p, want, 2);
	problems_free(&p);
	free_paths(paths, 2);
	free(empty);
	free(dir);
}

static void test_all_or_nothing(void **state)
{
	struct support_db *db = *state;
	char *dir = csv_dir(db, "in");
	/* Something already there, which the import would change. */
	struct person existing;
	person_init(&existing);
	mem_replace(&existing.name, "Ann B.");
	mem_replace(&existing.support_needs, "none recorded");
	struct error err;
	assert_int_equal(person_create(db->store, &existing, &err), ERROR_NONE);

	char *paths[6];
	size_t n = put_basic(dir, paths);
	/* One bad row in the last file of the import order. */
	paths[n++] = put(dir, "actions.csv",
	                 "project,meeting,held_on,summary,owner,due_on,done_on\n"
	                 "Day opportunities redesign,Carers' forum,2026-09-10,Send the notes,Sam,"
	                 "2026-09-20,\n"
	                 "Day opportunities redesign,,,Reply to the forum,Sam,next week,\n");
	struct problems p = { 0 };
	struct import_csv_counts c;
	assert_int_equal(run_import(db->store, dir, paths, n, false, &p, &c, &err), ERROR_INVALID);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.lines[0], "actions.csv:3: due_on: The date due: \"next week\" is not "
	                                "a date: write it as YYYY-MM-DD, for example 2026-11-22");
	assert_int_equal(count_of(db->store, &project_kind), 0);
	assert_int_equal(count_of(db->store, &person_kind), 1);
	assert_int_equal(count_of(db->store, &meeting_kind), 0);
	assert_int_equal(count_of(db->store, &attendance_kind), 0);
	struct person after;
	assert_int_equal(person_get(db->store, existing.head.id, &after, &err), ERROR_NONE);
	assert_string_equal(after.support_needs, "none recorded");
	person_clear(&after);
	person_clear(&existing);
	problems_free(&p);
	free_paths(paths, n);
	free(dir);
}

static void test_dry_run(void **state)
{
	struct support_db *db = *state;
	char *dir = csv_dir(db, "in");
	char *paths[5];
	size_t n = put_basic(dir, paths);
	struct problems p = { 0 };
	struct import_csv_counts c;
	struct error err;
	assert_int_equal(run_import(db->store, dir, paths, n, true, &p, &c, &err), ERROR_NONE);
	assert_int_equal(p.n, 0);
	assert_int_equal(c.created[kind_index("attendance.csv")], 2);
	char *summary = import_csv_summary(&c, true);
	assert_string_equal(summary, "Would import 2 projects (2 new), 2 people (2 new), 1 "
	                             "decision (1 new), 1 meeting (1 new) and 2 attendance records "
	                             "(2 new); nothing was written, as this was a dry run.");
	free(summary);
	for (size_t i = 0; registry_kinds[i]; i++)
		assert_int_equal(count_of(db->store, registry_kinds[i]), 0);
	free_paths(paths, n);
	free(dir);
}

static void test_kind_from_header_and_folder(void **state)
{
	struct support_db *db = *state;
	char *dir = csv_dir(db, "in");
	char *paths[4];
	/* Named after nothing: the header tells people from meetings. */
	paths[0] = put(dir, "Staff list 2026.csv", people_csv);
	paths[1] = put(dir, "autumn.CSV",
	               "title,held_on,project,status\n"
	               "Carers' forum,2026-09-10,Carers' breaks review,held\n");
	paths[2] = put(dir, "Projects.csv", projects_csv);
	paths[3] = put(dir, "notes.txt", "not a CSV file, and ignored\n");
	char *folder = mem_strdup(dir);
	struct problems p = { 0 };
	struct import_csv_counts c;
	struct error err;
	enum error_code code = run_import(db->store, dir, &folder, 1, false, &p, &c, &err);
	for (size_t i = 0; i < p.n; i++)
		print_message("problem: %s\n", p.lines[i]);
	assert_int_equal(code, ERROR_NONE);
	assert_int_equal(c.created[kind_index("people.csv")], 2);
	assert_int_equal(c.created[kind_index("meetings.csv")], 1);
	/* Columns left out keep their defaults. */
	int64_t mid = meeting_find(db->store, "Carers' forum", "2026-09-10");
	struct meeting m;
	assert_int_equal(meeting_get(db->store, mid, &m, &err), ERROR_NONE);
	assert_int_equal(m.status, MEETING_HELD);
	assert_int_equal(m.method, METHOD_MEETING);
	assert_int_equal(m.project_id, project_find(db->store, "Carers' breaks review"));
	meeting_clear(&m);
	free(folder);
	free_paths(paths, 4);
	free(dir);
}

static void test_due_date_and_blank_references(void **state)
{
	struct support_db *db = *state;
	char *dir = csv_dir(db, "in");
	char derived[DATE_TEXT_SIZE];
	date_format(meeting_due_for("2026-09-17"), derived);
	char *meetings = mem_printf("project,title,held_on,feedback_due_on\n"
	                            "Carers' breaks review,Derived,2026-09-17,\n"
	                            "Carers' breaks review,Same as derived,2026-09-17,%s\n"
	                            "Carers' breaks review,By hand,2026-09-17,2026-12-24\n",
	                            derived);
	char *paths[5];
	paths[0] = put(dir, "projects.csv", projects_csv);
	paths[1] = put(dir, "meetings.csv", meetings);
	paths[2] = put(dir, "people.csv", people_csv);
	paths[3] = put(dir, "contributions.csv",
	               "meeting,held_on,person,said,response,response_text,reason,responded_on\n"
	               "By hand,2026-09-17,,\"More buses, please\",pending,,,\n"
	               "By hand,2026-09-17,Ann B.,More buses,adopted,Route 7 added,,2026-10-01\n");
	paths[4] = put(dir, "payments.csv",
	               "person,meeting,held_on,kind,amount,claimed_on,paid_on,declined\n"
	               "Ann B.,,,travel,\"1,250.50\",2026-10-01,,no\n");
	struct problems p = { 0 };
	struct import_csv_counts c;
	struct error err;
	enum error_code code = run_import(db->store, dir, paths, 5, false, &p, &c, &err);
	for (size_t i = 0; i < p.n; i++)
		print_message("problem: %s\n", p.lines[i]);
	assert_int_equal(code, ERROR_NONE);
	static const struct {
		const char *title;
		const char *due;
		int fixed;
	} want[] = { { "Derived", NULL, 0 },
		     { "Same as derived", NULL, 0 },
		     { "By hand", "2026-12-24", 1 } };
	for (size_t i = 0; i < 3; i++) {
		struct meeting m;
		int64_t id = meeting_find(db->store, want[i].title, "2026-09-17");
		assert_int_equal(meeting_get(db->store, id, &m, &err), ERROR_NONE);
		assert_string_equal(m.feedback_due_on, want[i].due ? want[i].due : derived);
		assert_int_equal(m.feedback_due_fixed, want[i].fixed);
		meeting_clear(&m);
	}
	/* A blank person is an anonymous contribution; a blank meeting, a payment for none. */
	int64_t anonymous =
	        record_lookup(db->store, "SELECT id FROM contribution WHERE person_id IS NULL", "");
	assert_true(anonymous != 0);
	struct payment pay;
	int64_t pid = record_lookup(db->store, "SELECT id FROM payment", "");
	assert_int_equal(payment_get(db->store, pid, &pay, &err), ERROR_NONE);
	assert_int_equal(pay.meeting_id, 0);
	assert_int_equal(pay.amount_pence, 125050);
	payment_clear(&pay);
	free(meetings);
	free_paths(paths, 5);
	free(dir);
}

/* Rows that may repeat: the same words said twice are two contributions, matched in order. */
static void test_repeated_rows(void **state)
{
	struct support_db *db = *state;
	char *dir = csv_dir(db, "in");
	char *paths[5];
	paths[0] = put(dir, "projects.csv", projects_csv);
	paths[1] = put(dir, "people.csv", people_csv);
	paths[2] = put(dir, "meetings.csv",
	               "project,title,held_on\nCarers' breaks review,Survey,2026-09-17\n");
	paths[3] = put(dir, "contributions.csv",
	               "meeting,held_on,person,said,response,response_text,reason,responded_on\n"
	               "Survey,2026-09-17,,More buses,pending,,,\n"
	               "Survey,2026-09-17,,More buses,adopted,Route 7 added,,2026-10-01\n"
	               "Survey,2026-09-17,Ann B.,More buses,pending,,,\n");
	paths[4] = put(dir, "payments.csv",
	               "person,meeting,held_on,kind,amount,claimed_on,paid_on,declined\n"
	               "Ann B.,,,travel,3.20,2026-10-01,,no\n"
	               "Ann B.,,,travel,3.20,2026-10-01,2026-10-05,no\n");
	struct problems p = { 0 };
	struct import_csv_counts c;
	struct error err;
	assert_int_equal(run_import(db->store, dir, paths, 5, false, &p, &c, &err), ERROR_NONE);
	assert_int_equal(c.created[kind_index("contributions.csv")], 3);
	assert_int_equal(c.created[kind_index("payments.csv")], 2);

	/* The same files again change nothing: each row finds its own record. */
	assert_int_equal(run_import(db->store, dir, paths, 5, false, &p, &c, &err), ERROR_NONE);
	assert_int_equal(c.unchanged[kind_index("contributions.csv")], 3);
	assert_int_equal(c.unchanged[kind_index("payments.csv")], 2);
	assert_int_equal(count_of(db->store, &contribution_kind), 3);

	/* One answer changed and one more said: one updated, one new, the rest as they were. */
	free(put(dir, "contributions.csv",
	         "meeting,held_on,person,said,response,response_text,reason,responded_on\n"
	         "Survey,2026-09-17,,More buses,pending,,,\n"
	         "Survey,2026-09-17,,More buses,adopted,Route 7 and 8 added,,2026-10-01\n"
	         "Survey,2026-09-17,Ann B.,More buses,pending,,,\n"
	         "Survey,2026-09-17,,More buses,pending,,,\n"));
	assert_int_equal(run_import(db->store, dir, &paths[3], 1, false, &p, &c, &err), ERROR_NONE);
	size_t ci = kind_index("contributions.csv");
	assert_int_equal(c.created[ci], 1);
	assert_int_equal(c.updated[ci], 1);
	assert_int_equal(c.unchanged[ci], 2);
	assert_int_equal(record_lookup(db->store,
	                               "SELECT count(*) FROM contribution WHERE response_text = "
	                               "'Route 7 and 8 added'",
	                               ""),
	                 1);

	/* Exported and imported again, and again unchanged. */
	char *out = csv_dir(db, "out");
	assert_int_equal(export_csv(db->store, out, NULL, &err), ERROR_NONE);
	assert_int_equal(run_import(db->store, out, &out, 1, false, &p, &c, &err), ERROR_NONE);
	for (size_t k = 0; k < EXCHANGE_KIND_COUNT; k++) {
		assert_int_equal(c.created[k], 0);
		assert_int_equal(c.updated[k], 0);
	}
	char *path = support_path(db->dir, "copy.db");
	struct store *copy = support_open(path);
	assert_int_equal(run_import(copy, out, &out, 1, false, &p, &c, &err), ERROR_NONE);
	assert_int_equal(count_of(copy, &contribution_kind), 4);
	assert_int_equal(count_of(copy, &payment_kind), 2);
	int64_t paid =
	        record_lookup(copy, "SELECT count(*) FROM payment WHERE paid_on IS NOT NULL", "");
	assert_int_equal(paid, 1);
	store_close(copy);
	free(path);
	free(out);
	free_paths(paths, 5);
	free(dir);
}

/* ---- export ---- */

/* The header rows of issue 6, in its words. */
static const char *const issue_headers[][2] = {
	{ "projects.csv", "title,kind,service_area,lead,started_on,closed_on" },
	{ "stages.csv", "project,stage,status,purpose,users_role,open_to_change,"
	                "not_open_to_change,who_decides,agreed_on,agreed_with" },
	{ "people.csv", "name,roles,preferred_format,support_needs,benefits_concern,consent_on,"
	                "tags" },
	{ "meetings.csv", "project,stage,title,held_on,status,method,level,purpose,"
	                  "open_to_change,not_open_to_change,papers_sent_on,venue_accessible,"
	                  "feedback_due_on,decision" },
	{ "attendance.csv", "meeting,held_on,person,role,attended,needs_met" },
	{ "contributions.csv", "meeting,held_on,person,said,response,response_text,reason,"
	                       "responded_on" },
	{ "feedback.csv", "meeting,held_on,person,given_on,method,format" },
	{ "decisions.csv", "project,stage,title,decided_on,decided_by,summary,users_present,"
	                   "users_view_followed,appeal_route_given" },
	{ "budget.csv", "project,on,kind,amount,reason,participants_told_on" },
	{ "pressures.csv", "project,noted_on,source,summary,impact,shared_on" },
	{ "payments.csv", "person,meeting,held_on,kind,amount,claimed_on,paid_on,declined" },
	{ "actions.csv", "project,meeting,held_on,summary,owner,due_on,done_on" },
};

static void test_export_files(void **state)
{
	struct support_db *db = *state;
	char *in = csv_dir(db, "in");
	char *paths[5];
	size_t n = put_basic(in, paths);
	struct problems p = { 0 };
	struct error err;
	assert_int_equal(run_import(db->store, in, paths, n, false, &p, NULL, &err), ERROR_NONE);
	char *out = csv_dir(db, "out");
	/* An old file is replaced. */
	free(put(out, "people.csv", "old\n"));
	long counts[EXCHANGE_KIND_COUNT];
	assert_int_equal(export_csv(db->store, out, counts, &err), ERROR_NONE);
	assert_int_equal(counts[kind_index("people.csv")], 2);
	assert_int_equal(counts[kind_index("attendance.csv")], 2);
	assert_int_equal(counts[kind_index("payments.csv")], 0);
	for (size_t i = 0; i < sizeof issue_headers / sizeof *issue_headers; i++) {
		char *path = support_path(out, issue_headers[i][0]);
		char *text = support_read_file(path, NULL);
		assert_non_null(text);
		char *head = mem_printf("\xEF\xBB\xBF%s\r\n", issue_headers[i][1]);
		assert_memory_equal(text, head, strlen(head));
		free(head);
		free(text);
		free(path);
	}
	char *path = support_path(out, "people.csv");
	char *text = support_read_file(path, NULL);
	assert_string_equal(text, "\xEF\xBB\xBFname,roles,preferred_format,support_needs,"
	                          "benefits_concern,consent_on,tags\r\n"
	                          "Ann B.,service_user;carer,easy_read,hearing loop,yes,2026-01-10,"
	                          "\r\n"
	                          "\"Chen, Li\",carer,standard,,no,2026-02-01,young carers\r\n");
	free(text);
	free(path);
	/* Files hold personal data: readable by their owner only, and no temporary left. */
	struct stat st;
	path = support_path(out, "attendance.csv");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(path);
	DIR *d = opendir(out);
	struct dirent *de;
	int files = 0;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			files++;
		else
			assert_true(strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0);
	closedir(d);
	assert_int_equal(files, EXCHANGE_KIND_COUNT);
	free_paths(paths, n);
	free(out);
	free(in);
}

static void test_export_errors(void **state)
{
	struct support_db *db = *state;
	struct error err;
	char *missing = support_path(db->dir, "no such folder");
	assert_int_equal(export_csv(db->store, missing, NULL, &err), ERROR_IO);
	char *want = mem_printf("The folder %s does not exist; create it first, or name a folder "
	                        "that exists",
	                        missing);
	assert_string_equal(err.msg, want);
	free(want);
	free(missing);

	assert_int_equal(export_csv(db->store, db->path, NULL, &err), ERROR_IO);
	assert_non_null(strstr(err.msg, "is not a folder"));

	/* A folder nobody can create files in (even root). */
	assert_int_not_equal(export_csv(db->store, "/proc", NULL, &err), ERROR_NONE);
	assert_non_null(strstr(err.msg, "nothing was exported"));

	/* A folder where a file should go: refused before anything is replaced. */
	char *out = csv_dir(db, "out");
	free(put(out, "projects.csv", "old projects\n"));
	char *blocker = csv_dir(db, "out/people.csv");
	assert_int_equal(export_csv(db->store, out, NULL, &err), ERROR_IO);
	assert_non_null(strstr(err.msg, "people.csv failed (Is a directory); nothing was "
	                                "exported"));
	char *path = support_path(out, "projects.csv");
	char *text = support_read_file(path, NULL);
	assert_string_equal(text, "old projects\n");
	free(text);
	free(path);
	DIR *d = opendir(out);
	struct dirent *de;
	while ((de = readdir(d)))
		assert_true(de->d_name[0] != '.' || strcmp(de->d_name, ".") == 0 ||
		            strcmp(de->d_name, "..") == 0);
	closedir(d);
	free(blocker);
	free(out);
}

/* ---- round trip ---- */

/* A value for field f in record variant v: 0 and 1 fill everything, 2 only what is required. */
static char *sample(const struct field *f, int v)
{
	bool required = f->flags & FIELD_REQUIRED;
	switch (f->type) {
	case FIELD_TEXT:
		/* Starts a spreadsheet would run as a formula, which must come back as they were.
		 */
		if (v == 0)
			return mem_printf("=%s 0: Pawe\xC5\x82 \xE4\xB8\xAD \"quoted\", comma",
			                  f->name);
		if (v == 1)
			return mem_printf(" %s 1\r\nsecond line, with a comma ", f->name);
		return required ? mem_printf("'@%s", f->name) : mem_strdup("");
	case FIELD_DATE:
		return mem_strdup(v == 0     ? "2026-10-05"
		                  : v == 1   ? "2024-02-29"
		                  : required ? "2025-06-30"
		                             : "");
	case FIELD_INT:
		return mem_strdup("7");
	case FIELD_MONEY:
		return mem_strdup(v == 0 ? "12.34" : v == 1 ? "1250.50" : "0");
	case FIELD_BOOL:
		return mem_strdup(v == 0 ? "yes" : v == 1 || required ? "no" : "");
	case FIELD_CHOICE: {
		size_t n = record_choice_count(f->choices);
		if (v == 2)
			return (f->flags & FIELD_NULLABLE) ? mem_strdup("") : NULL;
		return mem_strdup(f->choices[v == 0 ? n - 1 : 0].key);
	}
	case FIELD_FLAGS:
		return mem_strdup(v == 0 ? "service_user;carer" : v == 1 ? f->choices[2].key : "");
	case FIELD_REF:
		return NULL;
	}
	return NULL;
}

/* Ids of the records made, by registry index and variant. */
static int64_t made[16][3];

static size_t registry_index(const char *table)
{
	for (size_t i = 0; registry_kinds[i]; i++)
		if (strcmp(registry_kinds[i]->table, table) == 0)
			return i;
	fail_msg("no table %s", table);
	return 0;
}

/* Fill the database with three records of every kind. */
static void fill(struct store *s)
{
	for (size_t k = 0; registry_kinds[k]; k++) {
		const struct record_kind *kind = registry_kinds[k];
		for (int v = 0; v < 3; v++) {
			void *rec = mem_alloc(kind->size);
			record_init(kind, rec);
			struct error err;
			for (size_t i = 0; i < kind->nfields; i++) {
				const struct field *f = &kind->fields[i];
				if (f->type == FIELD_REF) {
					bool on = v < 2 || (f->flags & FIELD_REQUIRED);
					*(int64_t *)((char *)rec + f->offset) =
					        on ? made[registry_index(f->ref_table)][v] : 0;
					continue;
				}
				char *text = sample(f, v);
				if (text && record_field_parse(f, rec, text, &err) != ERROR_NONE)
					fail_msg("%s.%s: %s", kind->table, f->name, err.msg);
				free(text);
			}
			if (record_create(s, kind, rec, &err) != ERROR_NONE)
				fail_msg("%s: %s", kind->table, err.msg);
			made[k][v] = ((struct record_head *)rec)->id;
			record_clear(kind, rec);
			free(rec);
		}
	}
}

/* The natural name of record id in table, as people know it. */
static char *name_of(struct store *s, const char *table, int64_t id)
{
	if (!id)
		return mem_strdup("");
	const struct record_kind *kind = registry_find(table);
	void *rec = mem_alloc(kind->size);
	struct error err;
	assert_int_equal(record_get(s, kind, id, rec, &err), ERROR_NONE);
	char *name = record_field_format(record_field(kind, kind->name_field), rec);
	if (strcmp(table, "meeting") == 0) {
		char *date = record_field_format(record_field(kind, "held_on"), rec);
		char *both = mem_printf("%s|%s", name, date);
		free(name);
		free(date);
		name = both;
	}
	record_clear(kind, rec);
	free(rec);
	return name;
}

/* Every record of one kind as text, each field by name, references by natural name. */
struct signatures {
	struct store *s;
	const struct exchange_kind *xk;
	bool carried_only; /* fields no column carries are shown as a new record has them */
	char *rows[8];
	size_t n;
};

static bool add_signature(void *rec, const char *order, void *ctx)
{
	(void)order;
	struct signatures *sig = ctx;
	const struct record_kind *kind = sig->xk->kind;
	void *blank = mem_alloc(kind->size);
	record_init(kind, blank);
	char *text = mem_strdup("");
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		bool carried = exchange_column_for_field(sig->xk, f->name) != NULL;
		const void *from = carried || !sig->carried_only ? rec : blank;
		char *value = f->type == FIELD_REF
		                      ? name_of(sig->s, f->ref_table,
		                                *(const int64_t *)((const char *)from + f->offset))
		                      : record_field_format(f, from);
		char *next = mem_printf("%s%s=%s\x1F", text, f->name, value);
		free(value);
		free(text);
		text = next;
	}
	record_clear(kind, blank);
	free(blank);
	assert_true(sig->n < 8);
	sig->rows[sig->n++] = text;
	return true;
}

static int compare_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void signatures_of(struct signatures *sig)
{
	struct record_query q = { .limit = INT_MAX };
	assert_int_equal(record_list(sig->s, sig->xk->kind, &q, add_signature, sig, NULL, NULL),
	                 ERROR_NONE);
	qsort(sig->rows, sig->n, sizeof *sig->rows, compare_text);
}

static void test_round_trip(void **state)
{
	struct support_db *db = *state;
	fill(db->store);
	char *out = csv_dir(db, "out");
	struct error err;
	assert_int_equal(export_csv(db->store, out, NULL, &err), ERROR_NONE);
	/* A name starting with = is written so a spreadsheet shows it instead of running it. */
	char *people = support_path(out, "people.csv");
	FILE *pf = fopen(people, "r");
	assert_non_null(pf);
	char line[4096];
	bool guarded = false;
	while (fgets(line, sizeof line, pf))
		guarded |=
		        strncmp(line, "\"'=name 0:", 10) == 0 || strncmp(line, "'=name 0:", 9) == 0;
	fclose(pf);
	free(people);
	assert_true(guarded);

	char *path = support_path(db->dir, "copy.db");
	struct store *copy = support_open(path);
	struct problems p = { 0 };
	struct import_csv_counts c;
	enum error_code code = run_import(copy, out, &out, 1, false, &p, &c, &err);
	for (size_t i = 0; i < p.n; i++)
		print_message("problem: %s\n", p.lines[i]);
	assert_int_equal(code, ERROR_NONE);

	for (size_t k = 0; k < EXCHANGE_KIND_COUNT; k++) {
		const struct exchange_kind *xk = &exchange_kinds[k];
		assert_int_equal(c.created[k], 3);
		struct signatures a = { .s = db->store, .xk = xk, .carried_only = true };
		struct signatures b = { .s = copy, .xk = xk, .carried_only = false };
		signatures_of(&a);
		signatures_of(&b);
		assert_int_equal(a.n, 3);
		assert_int_equal(b.n, 3);
		for (size_t i = 0; i < a.n; i++) {
			if (strcmp(a.rows[i], b.rows[i]) != 0)
				fail_msg("%s differs:\n%s\n%s", xk->file, a.rows[i], b.rows[i]);
			free(a.rows[i]);
			free(b.rows[i]);
		}
	}

	/* The same files into the database they came from change nothing. */
	code = run_import(db->store, out, &out, 1, false, &p, &c, &err);
	for (size_t i = 0; i < p.n; i++)
		print_message("problem: %s\n", p.lines[i]);
	assert_int_equal(code, ERROR_NONE);
	for (size_t k = 0; k < EXCHANGE_KIND_COUNT; k++) {
		assert_int_equal(c.created[k], 0);
		assert_int_equal(c.updated[k], 0);
		assert_int_equal(c.unchanged[k], 3);
	}
	store_close(copy);
	free(path);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dependency_order, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_reimport_updates, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_bad_rows, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_refused_by_the_database, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_missing_files, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_all_or_nothing, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_dry_run, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_kind_from_header_and_folder, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_due_date_and_blank_references,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(test_repeated_rows, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_export_files, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_export_errors, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, support_db_setup,
		                                support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
