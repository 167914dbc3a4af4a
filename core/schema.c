/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * schema: tables, indexes and audit triggers.
 *
 * Every record table has a random 63-bit id (never autoincrement, so records
 * made on different laptops never collide), created_at and updated_at in UTC
 * with milliseconds. Dates are ISO YYYY-MM-DD text, money is integer pence,
 * choices are stored as their stable keys. The audit table is filled by
 * triggers that are generated from each table's columns, so they can never
 * fall out of step with the schema; it says what happened to which row and
 * which columns changed, never the values themselves.
 *
 * Allowed words are checked as OR chains ("kind = 'fee' OR kind = 'travel'")
 * rather than IN lists: SQLite 3.40 builds a temporary index for an IN list
 * every time a row is checked, which made every insert about a third slower.
 */
#include "schema.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "store.h"

const char *const schema_record_tables[] = {
	"project",  "person",       "groups",       "decision", "stage",   "meeting", "attendance",
	"feedback", "contribution", "budget_event", "pressure", "payment", "action",  NULL,
};

/* clang-format off: one column per line reads best */
static const char *const schema_v1[] = {
	"CREATE TABLE meta ("
	" key TEXT PRIMARY KEY,"
	" value TEXT"
	") WITHOUT ROWID;",

	"CREATE TABLE project ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" kind TEXT NOT NULL DEFAULT 'redesign' CHECK ((kind = 'new_service' OR "
	"  kind = 'redesign' OR kind = 'decommissioning' OR kind = 'review')),"
	" service_area TEXT,"
	" lead TEXT,"
	" started_on TEXT CHECK (started_on IS NULL OR "
	"  started_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" closed_on TEXT CHECK (closed_on IS NULL OR "
	"  closed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" notes TEXT"
	");"
	"CREATE INDEX project_title ON project (title);",

	"CREATE TABLE person ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" roles INTEGER NOT NULL DEFAULT 0,"
	" preferred_format TEXT NOT NULL DEFAULT 'standard' CHECK ((preferred_format = 'standard' "
	"OR "
	"  preferred_format = 'easy_read' OR preferred_format = 'large_print' OR "
	"  preferred_format = 'braille' OR preferred_format = 'audio' OR "
	"  preferred_format = 'bsl' OR preferred_format = 'translated')),"
	" language TEXT,"
	" contact TEXT,"
	" support_needs TEXT,"
	" benefits_concern INTEGER CHECK (benefits_concern IS NULL OR (benefits_concern = 0 OR "
	"  benefits_concern = 1)),"
	" consent_on TEXT CHECK (consent_on IS NULL OR "
	"  consent_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" consent_scope TEXT,"
	" first_involved_on TEXT CHECK (first_involved_on IS NULL OR "
	"  first_involved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" tags TEXT,"
	" notes TEXT,"
	" anonymised INTEGER NOT NULL DEFAULT 0 CHECK ((anonymised = 0 OR anonymised = 1))"
	");"
	"CREATE INDEX person_name ON person (name COLLATE NOCASE);",

	"CREATE TABLE groups ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" kind TEXT NOT NULL DEFAULT 'forum' CHECK ((kind = 'user_led' OR kind = 'carer_led' OR "
	"  kind = 'forum' OR kind = 'network' OR kind = 'other')),"
	" relation TEXT NOT NULL DEFAULT 'hosted' CHECK ((relation = 'run' OR "
	"  relation = 'led' OR relation = 'hosted')),"
	" host TEXT,"
	" contact TEXT,"
	" notes TEXT"
	");"
	"CREATE INDEX groups_name ON groups (name COLLATE NOCASE);",

	"CREATE TABLE decision ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" stage TEXT NOT NULL DEFAULT 'decisions' CHECK ((stage = 'framework' OR "
	"  stage = 'context' OR stage = 'needs' OR stage = 'budget' OR stage = 'strategy' OR "
	"  stage = 'priorities' OR stage = 'test' OR stage = 'decisions' OR "
	"  stage = 'procurement' OR stage = 'commission' OR stage = 'monitoring' OR "
	"  stage = 'review')),"
	" title TEXT NOT NULL,"
	" decided_on TEXT CHECK (decided_on IS NULL OR "
	"  decided_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" decided_by TEXT,"
	" summary TEXT,"
	" users_present INTEGER CHECK (users_present IS NULL OR (users_present = 0 OR "
	"  users_present = 1)),"
	" users_view_followed TEXT NOT NULL DEFAULT 'unknown' CHECK ((users_view_followed = 'yes' "
	"OR "
	"  users_view_followed = 'partly' OR users_view_followed = 'no' OR "
	"  users_view_followed = 'unknown')),"
	" appeal_route_given INTEGER CHECK (appeal_route_given IS NULL OR "
	"  (appeal_route_given = 0 OR appeal_route_given = 1)),"
	" appeal_route TEXT"
	");"
	"CREATE INDEX decision_project ON decision (project_id, stage, decided_on);",

	"CREATE TABLE stage ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" stage TEXT NOT NULL CHECK ((stage = 'framework' OR stage = 'context' OR "
	"  stage = 'needs' OR stage = 'budget' OR stage = 'strategy' OR stage = 'priorities' OR "
	"  stage = 'test' OR stage = 'decisions' OR stage = 'procurement' OR "
	"  stage = 'commission' OR stage = 'monitoring' OR stage = 'review')),"
	" status TEXT NOT NULL DEFAULT 'not_started' CHECK ((status = 'not_started' OR "
	"  status = 'active' OR status = 'done' OR status = 'skipped')),"
	" purpose TEXT,"
	" users_role TEXT,"
	" open_to_change TEXT,"
	" not_open_to_change TEXT,"
	" who_decides TEXT,"
	" agreed_on TEXT CHECK (agreed_on IS NULL OR "
	"  agreed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" agreed_with TEXT,"
	" what_worked TEXT,"
	" what_got_in_the_way TEXT,"
	" notes TEXT,"
	" UNIQUE (project_id, stage)"
	");",

	"CREATE TABLE meeting ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" stage TEXT NOT NULL DEFAULT 'needs' CHECK ((stage = 'framework' OR "
	"  stage = 'context' OR stage = 'needs' OR stage = 'budget' OR stage = 'strategy' OR "
	"  stage = 'priorities' OR stage = 'test' OR stage = 'decisions' OR "
	"  stage = 'procurement' OR stage = 'commission' OR stage = 'monitoring' OR "
	"  stage = 'review')),"
	" title TEXT NOT NULL,"
	" held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" status TEXT NOT NULL DEFAULT 'planned' CHECK ((status = 'planned' OR "
	"  status = 'held' OR status = 'cancelled')),"
	" method TEXT NOT NULL DEFAULT 'meeting' CHECK ((method = 'meeting' OR "
	"  method = 'workshop' OR method = 'survey' OR method = 'one_to_one' OR "
	"  method = 'panel' OR method = 'visit' OR method = 'other')),"
	" level TEXT,"
	" purpose TEXT,"
	" open_to_change TEXT,"
	" not_open_to_change TEXT,"
	" venue TEXT,"
	" venue_accessible INTEGER CHECK (venue_accessible IS NULL OR (venue_accessible = 0 OR "
	"  venue_accessible = 1)),"
	" papers_sent_on TEXT CHECK (papers_sent_on IS NULL OR "
	"  papers_sent_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" convenor TEXT,"
	" notes TEXT,"
	" feedback_due_on TEXT CHECK (feedback_due_on IS NULL OR "
	"  feedback_due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" feedback_due_fixed INTEGER NOT NULL DEFAULT 0 CHECK ((feedback_due_fixed = 0 OR "
	"  feedback_due_fixed = 1)),"
	" decision_id INTEGER REFERENCES decision (id) ON DELETE SET NULL,"
	" group_id INTEGER REFERENCES groups (id) ON DELETE SET NULL"
	");"
	"CREATE INDEX meeting_project ON meeting (project_id, stage, held_on);"
	"CREATE INDEX meeting_held ON meeting (held_on);"
	"CREATE INDEX meeting_title ON meeting (title, held_on);"
	"CREATE INDEX meeting_due ON meeting (status, feedback_due_on);"
	"CREATE INDEX meeting_decision ON meeting (decision_id) WHERE decision_id IS NOT NULL;",

	"CREATE TABLE attendance ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
	" role TEXT NOT NULL DEFAULT 'service_user' CHECK ((role = 'service_user' OR "
	"  role = 'carer' OR role = 'future_user' OR role = 'non_user' OR role = 'commissioner' OR "
	"  role = 'facilitator' OR role = 'provider' OR role = 'other')),"
	" attended INTEGER NOT NULL DEFAULT 1 CHECK ((attended = 0 OR attended = 1)),"
	" needs_met INTEGER CHECK (needs_met IS NULL OR (needs_met = 0 OR needs_met = 1)),"
	" papers_format TEXT CHECK (papers_format IS NULL OR (papers_format = 'standard' OR "
	"  papers_format = 'easy_read' OR papers_format = 'large_print' OR "
	"  papers_format = 'braille' OR papers_format = 'audio' OR papers_format = 'bsl' OR "
	"  papers_format = 'translated')),"
	" UNIQUE (meeting_id, person_id)"
	");"
	"CREATE INDEX attendance_person ON attendance (person_id, meeting_id);",

	"CREATE TABLE feedback ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
	" given_on TEXT CHECK (given_on IS NULL OR "
	"  given_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,"
	" method TEXT NOT NULL DEFAULT 'letter' CHECK ((method = 'letter' OR method = 'email' OR "
	"  method = 'phone' OR method = 'in_person' OR method = 'meeting' OR "
	"  method = 'text_message' OR method = 'other')),"
	" format TEXT NOT NULL DEFAULT 'standard' CHECK ((format = 'standard' OR "
	"  format = 'easy_read' OR format = 'large_print' OR format = 'braille' OR "
	"  format = 'audio' OR format = 'bsl' OR format = 'translated')),"
	" summary TEXT,"
	" UNIQUE (meeting_id, person_id)"
	");"
	"CREATE INDEX feedback_person ON feedback (person_id);",

	"CREATE TABLE contribution ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
	" said TEXT NOT NULL,"
	" theme TEXT,"
	" response TEXT NOT NULL DEFAULT 'pending' CHECK ((response = 'pending' OR "
	"  response = 'adopted' OR response = 'partly' OR response = 'not_possible' OR "
	"  response = 'already_happening')),"
	" response_text TEXT,"
	" reason TEXT,"
	" decision_id INTEGER REFERENCES decision (id) ON DELETE SET NULL,"
	" responded_on TEXT CHECK (responded_on IS NULL OR "
	"  responded_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
	");"
	"CREATE INDEX contribution_meeting ON contribution (meeting_id, response);"
	"CREATE INDEX contribution_person ON contribution (person_id) WHERE person_id IS NOT NULL;"
	"CREATE INDEX contribution_decision ON contribution (decision_id) WHERE decision_id IS NOT "
	"NULL;",

	"CREATE TABLE budget_event ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" occurred_on TEXT CHECK (occurred_on IS NULL OR "
	"  occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,"
	" kind TEXT NOT NULL DEFAULT 'disclosed' CHECK ((kind = 'disclosed' OR "
	"  kind = 'withheld' OR kind = 'changed')),"
	" amount_pence INTEGER NOT NULL DEFAULT 0,"
	" reason TEXT,"
	" told_on TEXT CHECK (told_on IS NULL OR "
	"  told_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
	");"
	"CREATE INDEX budget_event_project ON budget_event (project_id, occurred_on);",

	"CREATE TABLE pressure ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" noted_on TEXT CHECK (noted_on IS NULL OR "
	"  noted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') NOT NULL,"
	" source TEXT,"
	" summary TEXT NOT NULL,"
	" impact TEXT,"
	" shared_on TEXT CHECK (shared_on IS NULL OR "
	"  shared_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
	");"
	"CREATE INDEX pressure_project ON pressure (project_id, noted_on);",

	"CREATE TABLE payment ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
	" meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,"
	" kind TEXT NOT NULL DEFAULT 'fee' CHECK ((kind = 'fee' OR kind = 'travel' OR "
	"  kind = 'care_cover' OR kind = 'other')),"
	" amount_pence INTEGER NOT NULL DEFAULT 0 CHECK (amount_pence >= 0),"
	" claimed_on TEXT CHECK (claimed_on IS NULL OR "
	"  claimed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" paid_on TEXT CHECK (paid_on IS NULL OR "
	"  paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" declined INTEGER NOT NULL DEFAULT 0 CHECK ((declined = 0 OR declined = 1))"
	");"
	"CREATE INDEX payment_person ON payment (person_id, claimed_on);"
	"CREATE INDEX payment_meeting ON payment (meeting_id) WHERE meeting_id IS NOT NULL;"
	"CREATE INDEX payment_unpaid ON payment (claimed_on) WHERE paid_on IS NULL;",

	"CREATE TABLE action ("
	" id INTEGER PRIMARY KEY,"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" project_id INTEGER REFERENCES project (id) ON DELETE CASCADE,"
	" meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,"
	" summary TEXT NOT NULL,"
	" owner TEXT,"
	" due_on TEXT CHECK (due_on IS NULL OR "
	"  due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" done_on TEXT CHECK (done_on IS NULL OR "
	"  done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
	");"
	"CREATE INDEX action_project ON action (project_id, due_on);"
	"CREATE INDEX action_open ON action (due_on) WHERE done_on IS NULL;",

	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
	" tbl TEXT NOT NULL,"
	" row_id INTEGER NOT NULL,"
	" op TEXT NOT NULL CHECK ((op = 'insert' OR op = 'update' OR op = 'delete' OR "
	"  op = 'note')),"
	" detail TEXT"
	");"
	"CREATE INDEX audit_row ON audit (tbl, row_id);"
	"CREATE INDEX audit_at ON audit (at);",

	"CREATE TABLE draft ("
	" key TEXT PRIMARY KEY,"
	" value TEXT NOT NULL,"
	" updated_at TEXT NOT NULL"
	") WITHOUT ROWID;",
	NULL,
};
/* clang-format on */

/* Append to buf: the audit triggers of one table, built from its columns. */
static enum error_code schema_audit_triggers(struct store *s, const char *table, struct error *err)
{
	char *sql = mem_printf("SELECT name FROM pragma_table_info('%s') ORDER BY cid", table);
	struct sqlite3_stmt *st = store_prepare_fresh(s, sql, err);
	free(sql);
	if (!st)
		return err ? err->code : ERROR_IO;
	char *changed = mem_strdup("''");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(col, "id") == 0 || strcmp(col, "created_at") == 0 ||
		    strcmp(col, "updated_at") == 0)
			continue;
		char *next =
		        mem_printf("%s || CASE WHEN OLD.\"%s\" IS NOT NEW.\"%s\" THEN ' %s' ELSE "
		                   "'' END",
		                   changed, col, col, col);
		free(changed);
		changed = next;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(changed);
		return store_fail(s, rc, "reading the schema", err);
	}
	const char *t = table;
	char *ddl = mem_printf(
	        "CREATE TRIGGER %s_audit_insert AFTER INSERT ON %s BEGIN"
	        " INSERT INTO audit (tbl, row_id, op) VALUES ('%s', NEW.id, 'insert'); END;"
	        "CREATE TRIGGER %s_audit_update AFTER UPDATE ON %s BEGIN"
	        " INSERT INTO audit (tbl, row_id, op, detail)"
	        " VALUES ('%s', NEW.id, 'update', ltrim(%s)); END;"
	        "CREATE TRIGGER %s_audit_delete AFTER DELETE ON %s BEGIN"
	        " INSERT INTO audit (tbl, row_id, op) VALUES ('%s', OLD.id, 'delete'); END;",
	        t, t, t, t, t, t, changed, t, t, t);
	free(changed);
	enum error_code code = store_exec(s, ddl, err);
	free(ddl);
	return code;
}

/* Version 1: every record of DESIGN §2, the audit log and drafts. */
static enum error_code schema_migrate_1(struct store *s, struct error *err)
{
	enum error_code code = ERROR_NONE;
	for (int i = 0; code == ERROR_NONE && schema_v1[i]; i++)
		code = store_exec(s, schema_v1[i], err);
	for (int i = 0; code == ERROR_NONE && schema_record_tables[i]; i++)
		code = schema_audit_triggers(s, schema_record_tables[i], err);
	return code;
}

/*
 * Version 2: what sync (core/sync.c) keeps about other laptops and about its
 * own exports. Local to this laptop, like audit and draft: never exported.
 */
static const char schema_v2[] =
        "CREATE TABLE sync_peer ("
        " database_id TEXT PRIMARY KEY," /* the other laptop's database, 16 hex digits */
        " name TEXT NOT NULL,"           /* its laptop name, as its files give it */
        " first_seen_at TEXT NOT NULL,"
        " last_received_at TEXT,"                   /* when a file from it was last applied here */
        " received_seq INTEGER NOT NULL DEFAULT 0," /* its export number applied then */
        " received_made_at TEXT,"                   /* when that file was made there */
        " last_sent_at TEXT,"                       /* when a file for it was last written here */
        " sent_seq INTEGER NOT NULL DEFAULT 0,"     /* our export number then */
        " acked_seq INTEGER NOT NULL DEFAULT 0,"    /* our latest export it says it has applied */
        " acked_at TEXT) WITHOUT ROWID;"
        "CREATE TABLE sync_export ("
        " seq INTEGER PRIMARY KEY," /* our export number, 1, 2, ... */
        " made_at TEXT NOT NULL,"
        " peer_id TEXT,"              /* the laptop it was for; NULL for anyone */
        " base_seq INTEGER NOT NULL," /* our export that laptop had confirmed, 0 for none */
        " changes INTEGER NOT NULL,"
        " bytes INTEGER NOT NULL);";

/* Version 2: sync bookkeeping. */
static enum error_code schema_migrate_2(struct store *s, struct error *err)
{
	return store_exec(s, schema_v2, err);
}

/*
 * Version 3: lists that page without sorting a whole table for each page:
 * people by name as record_list orders them (person_name, in any case, is for
 * finding a name), payments by the date claimed and those never claimed by
 * when they were made (core/involvement.c); and the commitments made at a
 * meeting, found without reading every one.
 */
static enum error_code schema_migrate_3(struct store *s, struct error *err)
{
	return store_exec(s,
	                  "CREATE INDEX person_by_name ON person (name);"
	                  "CREATE INDEX payment_claimed ON payment (claimed_on);"
	                  "CREATE INDEX payment_unclaimed ON payment (created_at)"
	                  " WHERE claimed_on IS NULL;"
	                  "CREATE INDEX action_meeting ON action (meeting_id)"
	                  " WHERE meeting_id IS NOT NULL;",
	                  err);
}

/*
 * Version 4: indexes the rules read instead of their tables (core/rules_*.c),
 * so "involve check" over everything reads each large table's few columns
 * once, in order, and never the rows themselves:
 * - attendance by meeting with the person, whether they came and their role:
 *   who was at a meeting as what, for feedback owed, payment offers, lone
 *   voices, the usual suspects and newcomers;
 * - payments by meeting and person (in place of by meeting alone): whether
 *   someone at a meeting was offered payment;
 * - meetings by status and date: the held meetings of a period.
 */
static enum error_code schema_migrate_4(struct store *s, struct error *err)
{
	return store_exec(
	        s,
	        "CREATE INDEX attendance_meeting ON attendance"
	        " (meeting_id, person_id, attended, role);"
	        "DROP INDEX payment_meeting;"
	        "CREATE INDEX payment_meeting ON payment (meeting_id, person_id)"
	        " WHERE meeting_id IS NOT NULL;"
	        "CREATE INDEX meeting_status ON meeting (status, project_id, held_on);"
	        "DROP INDEX feedback_person;"
	        "CREATE INDEX feedback_person ON feedback (person_id, format);"
	        "CREATE INDEX payment_fees ON payment"
	        " (person_id, paid_on, amount_pence, declined, kind)"
	        " WHERE paid_on IS NOT NULL AND declined = 0 AND kind = 'fee';"
	        "CREATE INDEX contribution_unexplained ON contribution (meeting_id)"
	        " WHERE (response = 'partly' OR response = 'not_possible')"
	        " AND trim(coalesce(reason, ''), ' ' || char(9, 10, 11, 12, 13)) = '';"
	        "DROP INDEX meeting_project;"
	        "CREATE INDEX meeting_project ON meeting (project_id, stage, held_on, status);"
	        "CREATE INDEX attendance_needs ON attendance (meeting_id) WHERE needs_met = 0;"
	        "CREATE INDEX contribution_pending ON contribution (meeting_id)"
	        " WHERE response = 'pending';"
	        "CREATE INDEX person_no_consent ON person (name COLLATE NOCASE)"
	        " WHERE consent_on IS NULL AND anonymised = 0;",
	        err);
}

/*
 * Version 5: "involve check" reads fewer pages. Every process starts with an
 * empty page cache, so the rules' time is mostly pages read:
 * - held meetings with no purpose or nothing open to change recorded, in
 *   date order (meeting_unclear; its condition is the rule's, word for word);
 * - slim copies of meetings and people (meeting_brief, person_brief) holding
 *   the columns the rules name a meeting or person by, keyed on id: a rule
 *   that looks up thousands of meetings reads about a quarter of the pages
 *   (people, a third), and they stay in the cache from one rule to the next
 *   (core/rules.h, RULES_MEETING_BRIEF);
 * - payments unpaid with who, which meeting, how much and what for, so
 *   "involve due" reads no payment row;
 * - held meetings of a project in date order with their stage, and each
 *   person's attendances with whether they came and as what: the first
 *   meeting after the framework, and whether a person is new, from the index
 *   alone;
 * - each person's feedback with the day given, and payments with the day
 *   paid: when someone was last involved, for keeping details too long.
 */
static enum error_code schema_migrate_5(struct store *s, struct error *err)
{
	return store_exec(
	        s,
	        "CREATE INDEX meeting_brief ON meeting"
	        " (id, project_id, stage, title, held_on, status, feedback_due_on, papers_sent_on);"
	        "CREATE INDEX meeting_unclear ON meeting (held_on) WHERE status = 'held'"
	        " AND (trim(coalesce(purpose, ''), ' ' || char(9, 10, 11, 12, 13)) = ''"
	        " OR trim(coalesce(open_to_change, ''), ' ' || char(9, 10, 11, 12, 13)) = '');"
	        "CREATE INDEX person_brief ON person"
	        " (id, name, anonymised, roles, preferred_format, language, first_involved_on);"
	        "DROP INDEX payment_unpaid;"
	        "CREATE INDEX payment_unpaid ON payment"
	        " (claimed_on, person_id, meeting_id, amount_pence, kind)"
	        " WHERE paid_on IS NULL AND declined = 0;"
	        "DROP INDEX meeting_status;"
	        "CREATE INDEX meeting_status ON meeting (status, project_id, held_on, stage);"
	        "DROP INDEX attendance_person;"
	        "CREATE INDEX attendance_person ON attendance"
	        " (person_id, meeting_id, attended, role);"
	        "DROP INDEX feedback_person;"
	        "CREATE INDEX feedback_person ON feedback (person_id, format, given_on);"
	        "DROP INDEX payment_person;"
	        "CREATE INDEX payment_person ON payment (person_id, claimed_on, paid_on);",
	        err);
}

static const struct schema_migration {
	int version;
	const char *summary;
	enum error_code (*apply)(struct store *s, struct error *err);
} schema_migrations[] = {
	{ 1, "records, audit log and drafts", schema_migrate_1 },
	{ 2, "sync with other laptops", schema_migrate_2 },
	{ 3, "people by name, payments by date claimed, commitments by meeting", schema_migrate_3 },
	{ 4, "indexes for the rules", schema_migrate_4 },
	{ 5, "slim meetings and people for the rules", schema_migrate_5 },
};

int schema_latest(void)
{
	return schema_migrations[sizeof schema_migrations / sizeof *schema_migrations - 1].version;
}

enum error_code schema_migrate(struct store *s, int from, int to, struct error *err)
{
	size_t n = sizeof schema_migrations / sizeof *schema_migrations;
	for (size_t i = 0; i < n; i++) {
		const struct schema_migration *m = &schema_migrations[i];
		if (m->version <= from || m->version > to)
			continue;
		enum error_code code = m->apply(s, err);
		if (code != ERROR_NONE)
			return code;
		char *pragma = mem_printf("PRAGMA user_version = %d", m->version);
		code = store_exec(s, pragma, err);
		free(pragma);
		if (code != ERROR_NONE)
			return code;
	}
	return ERROR_NONE;
}
