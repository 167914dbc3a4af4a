/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rules: the validation rules — what is owed to the people who took part.
 *
 * Every rule is one entry in the table in rules.c: a stable id (used in the
 * configuration, in exports and by tests), a default severity, a title, a help
 * text saying why it matters, the settings it reads, and a check function
 * that queries the store. Rules warn; they never stop anyone saving.
 *
 * rules_run() runs the enabled rules over a scope — everything, one project,
 * one stage of a project, one meeting, or one person — by passing the scope
 * into each rule's SQL, never by filtering the whole database afterwards. A
 * rule that has nothing to say about a scope (the usual suspects of one
 * meeting) is skipped for it. Each finding goes to a callback as it is found;
 * its strings are borrowed for the call only and are already clean (valid
 * UTF-8, no control characters: see text.h). rules_list collects findings
 * compactly when the caller needs them all, for example to sort them.
 *
 * "Today" is always passed in (tests and INVOLVE_TODAY vary it), and the
 * thresholds come from the struct config given.
 */
#ifndef INVOLVE_RULES_H
#define INVOLVE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"

struct choice;
struct config;
struct store;
struct sqlite3_stmt;

/* Most serious first: sorting and --severity depend on this order. */
enum rule_severity { RULE_ERROR, RULE_WARNING, RULE_INFO, RULE_SEVERITY_COUNT };

/* "error", "warning", "info". */
const char *rules_severity_name(enum rule_severity sev);
/* The severity named text ("error", "warning" or "info"), or -1. */
int rules_severity_find(const char *text);

struct rules_run;

struct rule {
	const char *id;              /* stable: "feedback_overdue" */
	enum rule_severity severity; /* the default; rules.<id>.severity overrides it */
	const char *title;           /* "Feedback overdue" */
	const char *help;            /* what it looks for and why it matters, from the sources */
	const char *const *keys;     /* the settings it reads, NULL-terminated */
	/* Find and emit (rules_emit) every finding in x's scope. */
	enum error_code (*check)(struct rules_run *x, struct error *err);
};

/* The table, in the order rules run; *count receives its length. */
const struct rule *rules_table(size_t *count);
/* Every rule id, NULL-terminated, for config_load(). Static; do not free. */
const char *const *rules_ids(void);
/* The rule with this id, or NULL. */
const struct rule *rules_find(const char *id);
/* The position of r in the table. */
size_t rules_index(const struct rule *r);

/* What a set of findings is about. */
enum rules_scope_kind {
	RULES_SCOPE_ALL,     /* everything */
	RULES_SCOPE_PROJECT, /* id is a project */
	RULES_SCOPE_STAGE,   /* id is a project, stage its stage (enum stage_key) */
	RULES_SCOPE_MEETING, /* id is a meeting */
	RULES_SCOPE_PERSON,  /* id is a person */
};

struct rules_scope {
	enum rules_scope_kind kind;
	int64_t id; /* the project, meeting or person */
	int stage;  /* RULES_SCOPE_STAGE: enum stage_key */
};

/*
 * One finding. Every string is clean and never NULL except where it says
 * "or NULL"; ids are 0 and stage -1 where the finding has none.
 */
struct finding {
	const struct rule *rule;
	enum rule_severity severity; /* after the configured override */
	int64_t project_id;
	const char *project;     /* its title, or NULL */
	int stage;               /* enum stage_key, or -1 */
	const char *stage_label; /* as configured, or NULL */
	int64_t meeting_id;
	const char *meeting; /* its title, or NULL */
	int32_t held_on;     /* the meeting's date, or DATE_NONE */
	int64_t person_id;
	const char *person;  /* as the facilitator knows them, or NULL */
	const char *format;  /* the person's preferred format, when it matters here, or NULL */
	int32_t due;         /* when it falls due, or DATE_NONE */
	int days;            /* due - today: negative overdue, 0 today, positive days left */
	const char *message; /* one sentence a person can act on */
};

/* Called once per finding; return false to stop the run early. */
typedef bool (*rules_finding_fn)(const struct finding *f, void *ctx);

struct rules_options {
	int32_t today;             /* required: the date rules judge against */
	struct rules_scope scope;  /* zeroed: everything */
	uint64_t only;             /* bit rules_index(r) selects rule r; 0: every rule */
	enum rule_severity lowest; /* skip findings less serious than this; RULE_INFO keeps all */
	int feedback_within;       /* feedback_due_soon looks this many days ahead; -1: config */
	/*
	 * Connections to run on (see rules_run): 0, two over everything on a
	 * large file, else one; 1, only s (so that a trace on it sees every
	 * statement); 2, two over everything whenever a second can be opened.
	 */
	int connections;
};

/* Options for a run over everything on today, every rule, every severity. */
struct rules_options rules_options_default(int32_t today);

/*
 * Run every rule enabled in config (rules.<id>.enabled) and selected by opt
 * over opt->scope, in table order; each rule's findings come in its own
 * order (by due date where there is one). Findings carry the severity after
 * rules.<id>.severity. Returns ERROR_NONE, or the store's error with err
 * filled (findings already delivered stay delivered).
 *
 * Over everything on a large file (opt->connections), with more than one
 * rule to run and s outside a transaction, the rules are shared between this
 * thread and one more, which opens s's file again read-only (each connection
 * is used by one thread only): on two cores "involve check" takes about half
 * as long. A rule's findings are kept until every rule before it has
 * delivered its own, so fn is still called from this thread alone, in table
 * order, with the same findings as on one connection; a failed rule's error
 * is the one returned, and no rule after it delivers. When no second
 * connection or thread can be had the rules simply run here, one after
 * another.
 */
enum error_code rules_run(struct store *s, const struct config *config,
                          const struct rules_options *opt, rules_finding_fn fn, void *ctx,
                          struct error *err);

/* The effective severity of r under config. */
enum rule_severity rules_severity(const struct config *config, const struct rule *r);

/*
 * A caller-owned list of findings, kept compact for tens of thousands: each
 * finding is a fixed record of ids, dates and small numbers (64 bytes), its
 * message is stored once, and the names it shares with other findings
 * (projects, meetings, people, stages, formats) are stored once for all.
 * rules_list_get() gives a finding whose strings stay valid until the list
 * is freed.
 */
struct rules_list {
	size_t count;                       /* findings held */
	size_t counts[RULE_SEVERITY_COUNT]; /* findings per severity */
	struct rules_list_store *store;     /* everything else; NULL while empty */
};

void rules_list_init(struct rules_list *l);
void rules_list_free(struct rules_list *l);
/* A rules_finding_fn: copy f into the list ctx. Always returns true. */
bool rules_list_add(const struct finding *f, void *ctx);
/* Finding i (0 <= i < count) into *out, in the list's current order. */
void rules_list_get(const struct rules_list *l, size_t i, struct finding *out);
/*
 * Finding i as a pointer that stays valid until the list is added to,
 * sorted or freed: for short lists (a screen's few hundred, tests). The
 * first call makes a view of every finding (about 128 bytes each), so long
 * lists are better read with rules_list_get.
 */
const struct finding *rules_list_at(const struct rules_list *l, size_t i);
/* Sort: severity, then due date (none last), then rule, project, meeting date, person. */
void rules_list_sort(struct rules_list *l);

/* The day a claim made on claimed should be paid by: payments.pay_within_days working days on. */
int32_t rules_payment_due(const struct config *config, int32_t claimed);
/*
 * The latest day a claim can have been made on and be overdue today (its day
 * to be paid by is before today), so an unpaid claim is overdue exactly when
 * it was made on or before this day.
 */
int32_t rules_payment_cutoff(const struct config *config, int32_t today);

/* "due 2026-10-29, 3 days overdue", "due today", "due 2026-11-25, 3 days left". Caller frees. */
char *rules_due_text(int32_t due, int days);

/* ---- for the check modules (rules_*.c) only ---- */

/*
 * How a rule's query narrows to each scope: an SQL condition per kind using
 * :scope_id (and :scope_stage, the stage key, for a stage), or NULL when the
 * rule has nothing to say about that kind of scope. Queries name their tables
 * with the same aliases: p project, s stage, m meeting, a attendance, pe
 * person, d decision, b budget_event, c contribution, f feedback, pay
 * payment, ac action.
 */
struct rules_scope_sql {
	const char *project, *stage, *meeting, *person;
};

/* A rule that works on meetings and the people at them (m, pe). */
extern const struct rules_scope_sql rules_scope_meeting;
/* A rule about people as a whole (pe): the scope picks who, not which rows. */
extern const struct rules_scope_sql rules_scope_people;

/* The state of a run, as a check sees it. */
struct rules_run {
	struct store *store;
	const struct config *config;
	const struct rules_options *opt;
	int32_t today;
	char today_text[DATE_TEXT_SIZE];
	const struct rule *rule;     /* the rule running */
	enum rule_severity severity; /* its effective severity */
	rules_finding_fn fn;
	void *ctx;
	bool stopped; /* the callback asked to stop */
};

/* Where the scope's condition goes in a check's SQL (an SQL comment, so the text runs as it is). */
#define RULES_SCOPE "/*scope*/"
/*
 * Text between RULES_ALL_ONLY (or RULES_NARROWED_ONLY) and RULES_ONLY_END is
 * SQL only over everything (or only when narrowed to a scope), and is left
 * out otherwise. Over everything a query reads nearly every meeting, person
 * or attendance, so reading a whole index or table straight through beats a
 * lookup per row; narrowed, the same query looks up the scope's few rows.
 * The text may hold RULES_SCOPE but no other comment.
 */
#define RULES_ALL_ONLY      "/*all:"
#define RULES_NARROWED_ONLY "/*narrowed:"
#define RULES_ONLY_END      ":end*/"
/* After a table name: over everything, read it straight through (NOT INDEXED). */
#define RULES_SCAN RULES_ALL_ONLY " NOT INDEXED" RULES_ONLY_END
/* Before JOIN: over everything, CROSS JOIN, so the table before it is read first. */
#define RULES_CROSS RULES_ALL_ONLY " CROSS" RULES_ONLY_END
/*
 * After "meeting m" or "person pe" looked up by id (or a person read
 * straight through), over everything: read the slim copy of the table
 * instead of its wide rows (schema v5). It holds, for a meeting, id,
 * project_id, stage, title, held_on, status, feedback_due_on and
 * papers_sent_on; for a person, id, name, anonymised, roles,
 * preferred_format, language and first_involved_on. A run over everything
 * looks up thousands of meetings and people: in the slim copies that is
 * about a quarter of the pages for meetings and a third for people (demo
 * scale 100), and they stay in the page cache from one rule to the next.
 * Only where the query names no other column of that alias: SQLite would
 * read the row as well.
 */
#define RULES_MEETING_BRIEF RULES_ALL_ONLY " INDEXED BY meeting_brief" RULES_ONLY_END
#define RULES_PERSON_BRIEF  RULES_ALL_ONLY " INDEXED BY person_brief" RULES_ONLY_END
/* SQL true when column col is NULL or only white space (as text_blank judges). */
#define RULES_BLANK(col) "trim(coalesce(" col ", ''), ' ' || char(9, 10, 11, 12, 13)) = ''"
/* SQL for a service user or carer present at a meeting (alias a). */
#define RULES_USER_PRESENT "a.attended = 1 AND a.role IN ('service_user', 'carer')"

/*
 * Prepare sql for x's scope: " AND (the scope's condition)" goes in place of
 * each RULES_SCOPE, text for everything or for a scope is kept or left out
 * as RULES_ALL_ONLY says, and :today, :scope_id, :scope_stage and :scope_person (the person of a
 * person's scope, else 0) are bound when sql uses them. *out is the
 * statement (cached by the store: step it, then rules_done), or NULL when the
 * rule has nothing to say about this kind of scope (ERROR_NONE) or the SQL
 * cannot be prepared (the error, with err filled).
 */
enum error_code rules_prepare(struct rules_run *x, const char *sql,
                              const struct rules_scope_sql *scope, struct sqlite3_stmt **out,
                              struct error *err);
/* Bind an integer or text to the named parameter (":days") if sql uses it. */
void rules_bind_int(struct sqlite3_stmt *st, const char *name, int64_t v);
void rules_bind_text(struct sqlite3_stmt *st, const char *name, const char *v);
void rules_bind_date(struct sqlite3_stmt *st, const char *name, int32_t day);
/* Finish stepping: rc is the last sqlite3_step result; resets st. */
enum error_code rules_done(struct rules_run *x, struct sqlite3_stmt *st, int rc, struct error *err);

/*
 * The columns every check selects first, in this order, so rules_row can read
 * them: project id, title; stage key; meeting id, title, held_on; person id,
 * name. Any may be NULL.
 */
enum { RULES_ROW_COLUMNS = 8 };
/* Those columns for a row about a meeting and a person, or a meeting alone. */
#define RULES_ROW_MEETING_PERSON "p.id, p.title, m.stage, m.id, m.title, m.held_on, pe.id, pe.name"
#define RULES_ROW_MEETING        "p.id, p.title, m.stage, m.id, m.title, m.held_on, NULL, NULL"
/* Fill f's project, stage, meeting and person from those columns (strings borrowed). */
void rules_row(struct sqlite3_stmt *st, struct finding *f);
/* An empty finding: no project, stage, meeting, person or due date. */
void rules_finding_init(struct finding *f);
/*
 * Deliver f (its message and names are cleaned here; due and days are set
 * from f->due) with the run's rule and severity. Returns false when the run
 * must stop.
 */
bool rules_emit(struct rules_run *x, struct finding *f);

/*
 * Called for each row of a check's query with f already filled by rules_row:
 * set what else f needs (due date, format) and return its message (the
 * caller frees it), or NULL to pass over the row.
 */
typedef char *(*rules_message_fn)(struct rules_run *x, struct sqlite3_stmt *st, struct finding *f);
/* Step st to the end, emitting a finding for each row fn gives a message; then rules_done. */
enum error_code rules_each_row(struct rules_run *x, struct sqlite3_stmt *st, rules_message_fn fn,
                               struct error *err);
/* rules_prepare and rules_each_row, for a query with no parameters of its own. */
enum error_code rules_query(struct rules_run *x, const char *sql,
                            const struct rules_scope_sql *scope, rules_message_fn fn,
                            struct error *err);
/* The same for a query with one date parameter of its own: name (":cutoff") is day. */
enum error_code rules_query_day(struct rules_run *x, const char *sql,
                                const struct rules_scope_sql *scope, const char *name, int32_t day,
                                rules_message_fn fn, struct error *err);

/*
 * The text of the first column of sql's first row with id bound to its one
 * parameter, copied (caller frees); NULL when there is no row or no text.
 */
char *rules_lookup_text(struct rules_run *x, const char *sql, int64_t id);
/* A well-mixed hash of a record id, for tables of ids (ids often differ in their last bits). */
uint64_t rules_hash_id(int64_t id);
/* Compare as SQLite's NOCASE collation does: ASCII letters folded, other bytes as they are. */
int rules_nocase(const char *a, const char *b);
/* Column i as text, or NULL. */
const char *rules_text(struct sqlite3_stmt *st, int i);
/* Column i as a date, or DATE_NONE when NULL or not a date. */
int32_t rules_date(struct sqlite3_stmt *st, int i);
/* A short quotation of text for a message: its first words, cleaned. Caller frees. */
char *rules_excerpt(const char *text, size_t columns);
/* A label of a NULL-key terminated choice list by its stored key ("" when unknown). */
const char *rules_choice_label(const struct choice *choices, const char *key);
/* "a, b and c" from n names; more than shown gives "a, b and 3 more". Caller frees. */
char *rules_join(const char *const *names, size_t n, size_t total);

#endif
