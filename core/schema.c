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
 */
#include "schema.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "store.h"

#define STAGES                                                                                     \
	"'framework','context','needs','budget','strategy','priorities','test','decisions',"       \
	"'procurement','commission','monitoring','review'"
#define FORMATS "'standard','easy_read','large_print','braille','audio','bsl','translated'"
#define STAMPS  "created_at TEXT NOT NULL, updated_at TEXT NOT NULL"
#define DATE(c)                                                                                    \
	c " TEXT CHECK (" c " IS NULL OR " c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
#define BOOL(c) c " INTEGER CHECK (" c " IS NULL OR " c " IN (0, 1))"

const char *const schema_record_tables[] = {
	"project",  "person",       "groups",       "decision", "stage",   "meeting", "attendance",
	"feedback", "contribution", "budget_event", "pressure", "payment", "action",  NULL,
};

static const char *const schema_v1[] = {
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;",

	"CREATE TABLE project ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" title TEXT NOT NULL,"
	" kind TEXT NOT NULL DEFAULT 'redesign'"
	"  CHECK (kind IN ('new_service','redesign','decommissioning','review')),"
	" service_area TEXT, lead TEXT, " DATE("started_on") ", " DATE(
	        "closed_on") ","
	                     " notes TEXT);"
	                     "CREATE INDEX project_title ON project (title);",

	"CREATE TABLE person ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" name TEXT NOT NULL,"
	" roles INTEGER NOT NULL DEFAULT 0,"
	" preferred_format TEXT NOT NULL DEFAULT 'standard' CHECK (preferred_format IN (" FORMATS
	")),"
	" language TEXT, contact TEXT, support_needs TEXT, " BOOL(
	        "benefits_concern") ","
	                            " " DATE("consent_on") ", consent_scope TEXT, " DATE(
	                                    "first_involved_on") ","
	                                                         " tags TEXT, notes TEXT, "
	                                                         "anonymised INTEGER NOT NULL "
	                                                         "DEFAULT 0 CHECK (anonymised IN "
	                                                         "(0, 1)));"
	                                                         "CREATE INDEX person_name ON "
	                                                         "person (name COLLATE NOCASE);",

	"CREATE TABLE groups ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" name TEXT NOT NULL,"
	" kind TEXT NOT NULL DEFAULT 'forum'"
	"  CHECK (kind IN ('user_led','carer_led','forum','network','other')),"
	" relation TEXT NOT NULL DEFAULT 'hosted' CHECK (relation IN ('run','led','hosted')),"
	" host TEXT, contact TEXT, notes TEXT);"
	"CREATE INDEX groups_name ON groups (name COLLATE NOCASE);",

	"CREATE TABLE decision ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" stage TEXT NOT NULL DEFAULT 'decisions' CHECK (stage IN (" STAGES ")),"
	" title TEXT NOT NULL, " DATE(
	        "decided_on") ", decided_by TEXT, summary TEXT,"
	                      " " BOOL(
	                              "users_present") ","
	                                               " users_view_followed TEXT NOT NULL DEFAULT "
	                                               "'unknown'"
	                                               "  CHECK (users_view_followed IN "
	                                               "('yes','partly','no','unknown')),"
	                                               " " BOOL(
	                                                       "appeal_route_given") ", "
	                                                                             "appeal_route "
	                                                                             "TEXT);"
	                                                                             "CREATE INDEX "
	                                                                             "decision_"
	                                                                             "project ON "
	                                                                             "decision "
	                                                                             "(project_id, "
	                                                                             "stage, "
	                                                                             "decided_on);",

	"CREATE TABLE stage ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" stage TEXT NOT NULL CHECK (stage IN (" STAGES ")),"
	" status TEXT NOT NULL DEFAULT 'not_started'"
	"  CHECK (status IN ('not_started','active','done','skipped')),"
	" purpose TEXT, users_role TEXT, open_to_change TEXT, not_open_to_change TEXT,"
	" who_decides TEXT, " DATE(
	        "agreed_on") ", agreed_with TEXT,"
	                     " what_worked TEXT, what_got_in_the_way TEXT, notes TEXT,"
	                     " UNIQUE (project_id, stage));",

	"CREATE TABLE meeting ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" stage TEXT NOT NULL DEFAULT 'needs' CHECK (stage IN (" STAGES ")),"
	" title TEXT NOT NULL,"
	" held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	" status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),"
	" method TEXT NOT NULL DEFAULT 'meeting' CHECK (method IN"
	"  ('meeting','workshop','survey','one_to_one','panel','visit','other')),"
	" level TEXT, purpose TEXT, open_to_change TEXT, not_open_to_change TEXT,"
	" venue TEXT, " BOOL("venue_accessible") ", " DATE(
	        "papers_sent_on") ","
	                          " convenor TEXT, notes TEXT,"
	                          " " DATE(
	                                  "feedback_due_on") ", feedback_due_fixed INTEGER NOT "
	                                                     "NULL DEFAULT 0"
	                                                     "  CHECK (feedback_due_fixed IN (0, "
	                                                     "1)),"
	                                                     " decision_id INTEGER REFERENCES "
	                                                     "decision (id) ON DELETE SET NULL,"
	                                                     " group_id INTEGER REFERENCES groups "
	                                                     "(id) ON DELETE SET NULL);"
	                                                     "CREATE INDEX meeting_project ON "
	                                                     "meeting (project_id, stage, held_on);"
	                                                     "CREATE INDEX meeting_held ON meeting "
	                                                     "(held_on);"
	                                                     "CREATE INDEX meeting_title ON "
	                                                     "meeting (title, held_on);"
	                                                     "CREATE INDEX meeting_due ON meeting "
	                                                     "(status, feedback_due_on);"
	                                                     "CREATE INDEX meeting_decision ON "
	                                                     "meeting (decision_id) WHERE "
	                                                     "decision_id IS NOT NULL;",

	"CREATE TABLE attendance ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
	" role TEXT NOT NULL DEFAULT 'service_user' CHECK (role IN"
	"  ('service_user','carer','future_user','non_user','commissioner','facilitator',"
	"   'provider','other')),"
	" attended INTEGER NOT NULL DEFAULT 1 CHECK (attended IN (0, 1)),"
	" " BOOL("needs_met") ","
	                      " papers_format TEXT CHECK (papers_format IS NULL OR papers_format "
	                      "IN (" FORMATS ")),"
	                      " UNIQUE (meeting_id, person_id));"
	                      "CREATE INDEX attendance_person ON attendance (person_id, "
	                      "meeting_id);",

	"CREATE TABLE feedback ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
	" " DATE("given_on") " NOT NULL,"
	                     " method TEXT NOT NULL DEFAULT 'letter' CHECK (method IN"
	                     "  "
	                     "('letter','email','phone','in_person','meeting','text_message','"
	                     "other')),"
	                     " format TEXT NOT NULL DEFAULT 'standard' CHECK (format IN (" FORMATS
	                     ")),"
	                     " summary TEXT,"
	                     " UNIQUE (meeting_id, person_id));"
	                     "CREATE INDEX feedback_person ON feedback (person_id);",

	"CREATE TABLE contribution ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
	" said TEXT NOT NULL, theme TEXT,"
	" response TEXT NOT NULL DEFAULT 'pending' CHECK (response IN"
	"  ('pending','adopted','partly','not_possible','already_happening')),"
	" response_text TEXT, reason TEXT,"
	" decision_id INTEGER REFERENCES decision (id) ON DELETE SET NULL,"
	" " DATE("responded_on") ");"
	                         "CREATE INDEX contribution_meeting ON contribution (meeting_id, "
	                         "response);"
	                         "CREATE INDEX contribution_person ON contribution (person_id) "
	                         "WHERE person_id IS NOT NULL;"
	                         "CREATE INDEX contribution_decision ON contribution (decision_id)"
	                         " WHERE decision_id IS NOT NULL;",

	"CREATE TABLE budget_event ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" " DATE("occurred_on") " NOT NULL,"
	                        " kind TEXT NOT NULL DEFAULT 'disclosed' CHECK (kind IN "
	                        "('disclosed','withheld','changed')),"
	                        " amount_pence INTEGER NOT NULL DEFAULT 0, reason TEXT, " DATE(
	                                "told_on") ");"
	                                           "CREATE INDEX budget_event_project ON "
	                                           "budget_event (project_id, occurred_on);",

	"CREATE TABLE pressure ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	" " DATE("noted_on") " NOT NULL, source TEXT, summary TEXT NOT NULL, impact TEXT,"
	                     " " DATE("shared_on") ");"
	                                           "CREATE INDEX pressure_project ON pressure "
	                                           "(project_id, noted_on);",

	"CREATE TABLE payment ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
	" meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,"
	" kind TEXT NOT NULL DEFAULT 'fee' CHECK (kind IN ('fee','travel','care_cover','other')),"
	" amount_pence INTEGER NOT NULL DEFAULT 0 CHECK (amount_pence >= 0),"
	" " DATE("claimed_on") ", " DATE(
	        "paid_on") ","
	                   " declined INTEGER NOT NULL DEFAULT 0 CHECK (declined IN (0, 1)));"
	                   "CREATE INDEX payment_person ON payment (person_id, claimed_on);"
	                   "CREATE INDEX payment_meeting ON payment (meeting_id) WHERE meeting_id "
	                   "IS NOT NULL;"
	                   "CREATE INDEX payment_unpaid ON payment (claimed_on) WHERE paid_on IS "
	                   "NULL;",

	"CREATE TABLE action ("
	" id INTEGER PRIMARY KEY, " STAMPS ","
	" project_id INTEGER REFERENCES project (id) ON DELETE CASCADE,"
	" meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,"
	" summary TEXT NOT NULL, owner TEXT, " DATE("due_on") ", " DATE(
	        "done_on") ");"
	                   "CREATE INDEX action_project ON action (project_id, due_on);"
	                   "CREATE INDEX action_open ON action (due_on) WHERE done_on IS NULL;",

	/* Local to this laptop: the change log and unsaved drafts. */
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
	" tbl TEXT NOT NULL, row_id INTEGER NOT NULL,"
	" op TEXT NOT NULL CHECK (op IN ('insert','update','delete','note')),"
	" detail TEXT);"
	"CREATE INDEX audit_row ON audit (tbl, row_id);"
	"CREATE INDEX audit_at ON audit (at);",

	"CREATE TABLE draft ("
	" key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;",
	NULL,
};

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
 * Version 2: lists that page without sorting a whole table for each page:
 * people by name as record_list orders them (person_name, in any case, is for
 * finding a name), payments by the date claimed and those never claimed by
 * when they were made (core/involvement.c); and the commitments made at a
 * meeting, found without reading every one.
 */
static enum error_code schema_migrate_2(struct store *s, struct error *err)
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

static const struct schema_migration {
	int version;
	const char *summary;
	enum error_code (*apply)(struct store *s, struct error *err);
} schema_migrations[] = {
	{ 1, "records, audit log and drafts", schema_migrate_1 },
	{ 2, "people by name, payments by date claimed, commitments by meeting", schema_migrate_2 },
};

int schema_latest(void)
{
	return schema_migrations[sizeof schema_migrations / sizeof *schema_migrations - 1].version;
}

enum error_code schema_migrate(struct store *s, int from, struct error *err)
{
	size_t n = sizeof schema_migrations / sizeof *schema_migrations;
	for (size_t i = 0; i < n; i++) {
		const struct schema_migration *m = &schema_migrations[i];
		if (m->version <= from)
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
