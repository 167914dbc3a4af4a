/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_stage: agreements, users at each stage, newcomers, the framework first, review, who took
 * part. */
#include "rules_stage.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "mem.h"
#include "stage.h"
#include "text.h"
#include "vocab.h"

/* Rows of the stage table (s): a stage belongs to a project; no meeting or person. */
static const struct rules_scope_sql rules_stage_scope = {
	.project = "s.project_id = :scope_id",
	.stage = "s.project_id = :scope_id AND s.stage = :scope_stage",
};

/* The stage's label, as configured. */
static const char *rules_stage_label(struct rules_run *x, const struct finding *f)
{
	return config_stage_label(x->config, f->stage);
}

/*
 * Stage rows whose agreement is incomplete, judged by stage_has_agreement so
 * that screens and this rule agree on what an agreement is.
 */
static char *rules_stage_no_agreement_message(struct rules_run *x, struct sqlite3_stmt *st,
                                              struct finding *f)
{
	struct stage s = { 0 };
	char *parts[5];
	for (int i = 0; i < 5; i++)
		parts[i] = (char *)rules_text(st, RULES_ROW_COLUMNS + i);
	s.purpose = parts[0];
	s.users_role = parts[1];
	s.open_to_change = parts[2];
	s.not_open_to_change = parts[3];
	s.who_decides = parts[4];
	if (stage_has_agreement(&s))
		return NULL;
	const char *missing[4];
	size_t n = 0;
	if (text_blank(s.purpose))
		missing[n++] = "the purpose";
	if (text_blank(s.users_role))
		missing[n++] = "the users' role";
	if (text_blank(s.open_to_change) && text_blank(s.not_open_to_change))
		missing[n++] = "what is and is not open to change";
	if (text_blank(s.who_decides))
		missing[n++] = "who decides";
	char *list = rules_join(missing, n, n);
	char *msg = mem_printf("Agree the purpose, users' role and boundaries of authority of %s "
	                       "for %s with the people involved: %s %s not recorded.",
	                       rules_stage_label(x, f), f->project, list, n == 1 ? "is" : "are");
	free(list);
	return msg;
}

enum error_code rules_stage_no_agreement(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, s.stage, NULL, NULL, NULL, NULL, NULL,"
	        " s.purpose, s.users_role, s.open_to_change, s.not_open_to_change, s.who_decides"
	        " FROM stage s JOIN project p ON p.id = s.project_id"
	        " WHERE s.status IN ('active', 'done')" RULES_SCOPE
	        " ORDER BY p.title, p.id, s.stage";
	return rules_query(x, sql, &rules_stage_scope, rules_stage_no_agreement_message, err);
}

static char *rules_stage_no_users_message(struct rules_run *x, struct sqlite3_stmt *st,
                                          struct finding *f)
{
	(void)st;
	return mem_printf("Involve service users or carers in %s for %s: it is marked done, but no "
	                  "held meeting in it had a service user or carer.",
	                  rules_stage_label(x, f), f->project);
}

enum error_code rules_stage_no_users(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, s.stage, NULL, NULL, NULL, NULL, NULL"
	        " FROM stage s JOIN project p ON p.id = s.project_id"
	        " WHERE s.status = 'done' AND NOT EXISTS (SELECT 1 FROM meeting m"
	        "  JOIN attendance a ON a.meeting_id = m.id WHERE m.project_id = s.project_id"
	        "  AND m.stage = s.stage AND +m.status = 'held' AND " RULES_USER_PRESENT
	        ")" RULES_SCOPE " ORDER BY p.title, p.id, s.stage";
	return rules_query(x, sql, &rules_stage_scope, rules_stage_no_users_message, err);
}

enum { RULES_STAGE_NAMES = 3 }; /* newcomers named in a message; the rest are counted */

/* One person at one stage's held meetings. */
struct rules_stage_came {
	int64_t stage_id, person_id;
	char first[DATE_TEXT_SIZE]; /* the first day they came after the agreement; "" none */
	bool before;                /* they came on or before the day it was agreed */
	char *name;                 /* looked up only for those who may be named */
};

/* Everyone at every stage's meetings, found through an open-addressed table. */
struct rules_stage_people {
	struct rules_stage_came *came;
	size_t count, room;
	uint32_t *slots; /* came index + 1 by stage and person; 0 empty */
	size_t cap;      /* a power of two */
};

static uint64_t rules_stage_hash(int64_t stage_id, int64_t person_id)
{
	return rules_hash_id((int64_t)(rules_hash_id(stage_id) ^ (uint64_t)person_id));
}

/* The entry of person at stage, made when new. */
static struct rules_stage_came *rules_stage_person(struct rules_stage_people *g, int64_t stage_id,
                                                   int64_t person_id)
{
	if (g->count * 2 >= g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 1024;
		uint32_t *slots = mem_calloc(cap, sizeof *slots);
		for (size_t i = 0; i < g->count; i++) {
			size_t j = rules_stage_hash(g->came[i].stage_id, g->came[i].person_id) &
			           (cap - 1);
			while (slots[j])
				j = (j + 1) & (cap - 1);
			slots[j] = (uint32_t)i + 1;
		}
		free(g->slots);
		g->slots = slots;
		g->cap = cap;
	}
	size_t j = rules_stage_hash(stage_id, person_id) & (g->cap - 1);
	for (; g->slots[j]; j = (j + 1) & (g->cap - 1)) {
		struct rules_stage_came *c = &g->came[g->slots[j] - 1];
		if (c->stage_id == stage_id && c->person_id == person_id)
			return c;
	}
	mem_grow((void **)&g->came, &g->room, g->count + 1, sizeof *g->came);
	struct rules_stage_came *c = &g->came[g->count];
	memset(c, 0, sizeof *c);
	c->stage_id = stage_id;
	c->person_id = person_id;
	g->slots[j] = (uint32_t)++g->count;
	return c;
}

static int rules_stage_cmp_id(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* Newcomers stage by stage, each stage's by the day they first came. */
static int rules_stage_came_cmp(const void *pa, const void *pb)
{
	const struct rules_stage_came *a = pa, *b = pb;
	int c = rules_stage_cmp_id(a->stage_id, b->stage_id);
	return c ? c : strcmp(a->first, b->first);
}

/* The order newcomers are named in: the day they first came, name (as NOCASE), id. */
static int rules_stage_named_cmp(const void *pa, const void *pb)
{
	const struct rules_stage_came *a = pa, *b = pb;
	int c = strcmp(a->first, b->first);
	if (!c)
		c = rules_nocase(a->name, b->name);
	return c ? c : rules_stage_cmp_id(a->person_id, b->person_id);
}

/* One stage's finding, made once every stage is counted. */
struct rules_stage_new {
	struct finding f; /* project, stage and (for one newcomer) person; strings below */
	char *project, *agreed, *person, *stage_key;
	char *names[RULES_STAGE_NAMES];
	size_t count;
};

/* Stages in the order of their findings: project title, project, stage key, stage. */
static int rules_stage_new_cmp(const void *pa, const void *pb)
{
	const struct rules_stage_new *a = pa, *b = pb;
	int c = strcmp(a->project, b->project);
	if (!c)
		c = rules_stage_cmp_id(a->f.project_id, b->f.project_id);
	if (!c)
		c = strcmp(a->stage_key, b->stage_key);
	return c;
}

/*
 * The finding of the newcomers came[0..n) of one stage: they are counted,
 * and the first RULES_STAGE_NAMES by the day they came and name are named
 * (names are looked up only for those who came no later than the third).
 */
static void rules_stage_new_make(struct rules_run *x, struct rules_stage_came *came, size_t n,
                                 struct rules_stage_new *out)
{
	memset(out, 0, sizeof *out);
	rules_finding_init(&out->f);
	out->count = n;
	const char *third = came[n < RULES_STAGE_NAMES ? n - 1 : RULES_STAGE_NAMES - 1].first;
	size_t may = 0;
	while (may < n && strcmp(came[may].first, third) <= 0)
		may++;
	for (size_t i = 0; i < may; i++) {
		came[i].name = rules_lookup_text(x, "SELECT name FROM person WHERE id = ?",
		                                 came[i].person_id);
		if (!came[i].name)
			came[i].name = mem_strdup("");
	}
	mem_sort(came, may, sizeof *came, rules_stage_named_cmp);
	for (size_t i = 0; i < may; i++) {
		if (i < RULES_STAGE_NAMES)
			out->names[i] = mem_strdup(came[i].name);
		free(came[i].name);
		came[i].name = NULL;
	}
	/* The stage and its project, as the finding's first columns. */
	struct sqlite3_stmt *st = store_prepare(
	        x->store,
	        "SELECT p.id, p.title, s.stage, NULL, NULL, NULL, NULL, NULL, s.agreed_on"
	        " FROM stage s JOIN project p ON p.id = s.project_id WHERE s.id = ?",
	        NULL);
	if (st) {
		sqlite3_bind_int64(st, 1, came[0].stage_id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			rules_row(st, &out->f);
			out->project = mem_strdup(out->f.project ? out->f.project : "");
			out->stage_key = mem_strdup(rules_text(st, 2) ? rules_text(st, 2) : "");
			out->agreed = mem_strdup(rules_text(st, RULES_ROW_COLUMNS)
			                                 ? rules_text(st, RULES_ROW_COLUMNS)
			                                 : "");
		}
		sqlite3_reset(st);
	}
	if (!out->project) {
		out->project = mem_strdup("");
		out->stage_key = mem_strdup("");
		out->agreed = mem_strdup("");
	}
	if (n == 1) {
		out->f.person_id = came[0].person_id;
		out->person = mem_strdup(out->names[0]);
	}
	out->f.project = out->project;
	out->f.person = out->person;
}

/* Emit a stage's finding. */
static bool rules_stage_new_emit(struct rules_run *x, struct rules_stage_new *g)
{
	size_t shown = g->count < RULES_STAGE_NAMES ? g->count : RULES_STAGE_NAMES;
	char *who = rules_join((const char *const *)g->names, shown, g->count);
	char *msg = mem_printf("Re-agree %s for %s with the people now involved, and induct the "
	                       "newcomers: %s first took part after it was agreed on %s.",
	                       rules_stage_label(x, &g->f), g->project, who, g->agreed);
	g->f.message = msg;
	bool go = rules_emit(x, &g->f);
	free(msg);
	free(who);
	return go;
}

static void rules_stage_new_clear(struct rules_stage_new *g)
{
	free(g->project);
	free(g->agreed);
	free(g->person);
	free(g->stage_key);
	for (size_t i = 0; i < RULES_STAGE_NAMES; i++)
		free(g->names[i]);
}

/* The newcomers found, stage by stage: emit their findings in order. */
static void rules_stage_newcomers_emit(struct rules_run *x, struct rules_stage_people *g)
{
	/* Only newcomers: they came after the agreement and never on or before it. */
	size_t n = 0;
	for (size_t i = 0; i < g->count; i++)
		if (!g->came[i].before)
			g->came[n++] = g->came[i];
	mem_sort(g->came, n, sizeof *g->came, rules_stage_came_cmp);
	struct rules_stage_new *found = NULL;
	size_t nfound = 0, room = 0;
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && g->came[j].stage_id == g->came[i].stage_id;)
			j++;
		mem_grow((void **)&found, &room, nfound + 1, sizeof *found);
		rules_stage_new_make(x, g->came + i, j - i, &found[nfound++]);
	}
	mem_sort(found, nfound, sizeof *found, rules_stage_new_cmp);
	bool go = true;
	for (size_t i = 0; i < nfound; i++) {
		if (go)
			go = rules_stage_new_emit(x, &found[i]);
		rules_stage_new_clear(&found[i]);
	}
	free(found);
}

enum error_code rules_stage_newcomers(struct rules_run *x, struct error *err)
{
	/*
	 * For each active stage with an agreement date: the people who came to
	 * its held meetings (the meetings from meeting_project, their people
	 * from attendance_meeting: no table rows), and whether each meeting was
	 * after the agreement. Each person's first day after it, and whether
	 * they came on or before it, are gathered here, with no sort of every
	 * attendance. Newcomers came after and never before; names and stages
	 * are looked up only for them.
	 */
	static const char sql[] =
	        "WITH sm AS MATERIALIZED (SELECT m.id AS meeting_id, s.id AS stage_id,"
	        "  m.held_on, m.held_on > s.agreed_on AS after"
	        "  FROM stage s CROSS JOIN meeting m"
	        "  ON m.project_id = s.project_id AND m.stage = s.stage"
	        "  WHERE s.agreed_on IS NOT NULL AND s.status = 'active' AND +m.status = 'held'"
	        "  AND m.held_on <= :today" RULES_SCOPE ")"
	        " SELECT sm.stage_id, a.person_id, sm.held_on, sm.after"
	        " FROM sm CROSS JOIN attendance a ON a.meeting_id = sm.meeting_id"
	        " WHERE a.attended = 1 AND (:scope_person = 0 OR a.person_id = :scope_person)";
	static const struct rules_scope_sql scope = {
		.project = "s.project_id = :scope_id",
		.stage = "s.project_id = :scope_id AND s.stage = :scope_stage",
		.person = "s.id IN (SELECT ss.id FROM stage ss JOIN meeting sm2"
		          " ON sm2.project_id = ss.project_id AND sm2.stage = ss.stage"
		          " JOIN attendance sa ON sa.meeting_id = sm2.id WHERE sa.person_id = "
		          ":scope_id)",
	};
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &scope, &st, err);
	if (!st)
		return code;
	struct rules_stage_people g = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct rules_stage_came *c = rules_stage_person(&g, sqlite3_column_int64(st, 0),
		                                                sqlite3_column_int64(st, 1));
		const char *held = rules_text(st, 2);
		if (!sqlite3_column_int(st, 3))
			c->before = true;
		else if (held && (!c->first[0] || strcmp(held, c->first) < 0))
			snprintf(c->first, sizeof c->first, "%s", held);
	}
	code = rules_done(x, st, rc, err);
	if (code == ERROR_NONE)
		rules_stage_newcomers_emit(x, &g);
	free(g.came);
	free(g.slots);
	return code;
}

static char *rules_stage_framework_message(struct rules_run *x, struct sqlite3_stmt *st,
                                           struct finding *f)
{
	(void)x;
	int base = RULES_ROW_COLUMNS;
	struct stage s = { 0 };
	s.purpose = (char *)rules_text(st, base + 1);
	s.users_role = (char *)rules_text(st, base + 2);
	s.open_to_change = (char *)rules_text(st, base + 3);
	s.not_open_to_change = (char *)rules_text(st, base + 4);
	s.who_decides = (char *)rules_text(st, base + 5);
	bool exists = sqlite3_column_type(st, base + 6) != SQLITE_NULL;
	int32_t agreed = rules_date(st, base);
	char held[DATE_TEXT_SIZE], on[DATE_TEXT_SIZE];
	date_format(f->held_on, held);
	date_format(agreed, on);
	if (exists && stage_has_agreement(&s) && (agreed == DATE_NONE || agreed <= f->held_on))
		return NULL;
	if (exists && stage_has_agreement(&s))
		return mem_printf("Check that the people at the first meetings of %s know how "
		                  "involvement works: %s was held on %s, before the framework was "
		                  "agreed on %s.",
		                  f->project, f->meeting, held, on);
	return mem_printf("Agree a framework for user involvement in %s (its purpose, the users' "
	                  "role and the boundaries of authority): %s was held on %s with none "
	                  "agreed.",
	                  f->project, f->meeting, held);
}

enum error_code rules_stage_framework_first(struct rules_run *x, struct error *err)
{
	/* Each project's held meetings come in date order from the meeting_status index. */
	static const char sql[] =
	        "SELECT p.id, p.title, 'framework', m.id, m.title, m.held_on, NULL, NULL,"
	        " s.agreed_on, s.purpose, s.users_role, s.open_to_change, s.not_open_to_change,"
	        " s.who_decides, s.id"
	        " FROM project p JOIN meeting m" RULES_MEETING_BRIEF " ON m.id = (SELECT m2.id"
	        "  FROM meeting m2"
	        "  WHERE m2.project_id = p.id AND m2.status = 'held' AND m2.stage <> 'framework'"
	        "  ORDER BY m2.held_on, m2.id LIMIT 1)"
	        " LEFT JOIN stage s ON s.project_id = p.id AND s.stage = 'framework'"
	        " WHERE 1" RULES_SCOPE " ORDER BY p.title, p.id";
	static const struct rules_scope_sql scope = {
		.project = "p.id = :scope_id",
		.stage = "p.id = :scope_id AND :scope_stage = 'framework'",
	};
	return rules_query(x, sql, &scope, rules_stage_framework_message, err);
}

static char *rules_stage_review_message(struct rules_run *x, struct sqlite3_stmt *st,
                                        struct finding *f)
{
	(void)x;
	const char *closed = rules_text(st, RULES_ROW_COLUMNS);
	const char *status = rules_text(st, RULES_ROW_COLUMNS + 1);
	bool done = status && strcmp(status, "done") == 0;
	return mem_printf("Review %s with the service users and carers involved: it closed on %s "
	                  "%s.",
	                  f->project, closed ? closed : "",
	                  done ? "and its review was done without them"
	                       : "without its review stage done");
}

enum error_code rules_stage_review_skipped(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT p.id, p.title, 'review', NULL, NULL, NULL, NULL, NULL, p.closed_on, "
	        "s.status"
	        " FROM project p LEFT JOIN stage s ON s.project_id = p.id AND s.stage = 'review'"
	        " WHERE p.closed_on IS NOT NULL AND p.closed_on <= :today"
	        " AND NOT (coalesce(s.status, '') = 'done' AND EXISTS (SELECT 1 FROM meeting m"
	        "  JOIN attendance a ON a.meeting_id = m.id WHERE m.project_id = p.id"
	        "  AND m.stage = 'review' AND +m.status = 'held' AND " RULES_USER_PRESENT
	        "))" RULES_SCOPE " ORDER BY p.closed_on, p.title, p.id";
	static const struct rules_scope_sql scope = {
		.project = "p.id = :scope_id",
		.stage = "p.id = :scope_id AND :scope_stage = 'review'",
	};
	return rules_query(x, sql, &scope, rules_stage_review_message, err);
}

static char *rules_stage_current_users_message(struct rules_run *x, struct sqlite3_stmt *st,
                                               struct finding *f)
{
	(void)x;
	const char *kind = rules_text(st, RULES_ROW_COLUMNS);
	return mem_printf("Involve future users, or people who do not use the service now, in %s "
	                  "(a %s): so far only current users have taken part.",
	                  f->project,
	                  kind && strcmp(kind, "redesign") == 0 ? "redesign" : "decommissioning");
}

enum error_code rules_stage_current_users_only(struct rules_run *x, struct error *err)
{
	/* Roles bits: future_user and non_user (see enum role). */
	static const char sql[] =
	        "SELECT p.id, p.title, NULL, NULL, NULL, NULL, NULL, NULL, p.kind"
	        " FROM project p WHERE p.kind IN ('redesign', 'decommissioning')"
	        " AND EXISTS (SELECT 1 FROM meeting m WHERE m.project_id = p.id"
	        "  AND +m.status = 'held')"
	        " AND NOT EXISTS (SELECT 1 FROM meeting m JOIN attendance a ON a.meeting_id = m.id"
	        "  JOIN person pe" RULES_PERSON_BRIEF " ON pe.id = a.person_id"
	        "  WHERE m.project_id = p.id"
	        "  AND +m.status = 'held' AND a.attended = 1"
	        "  AND (a.role IN ('future_user', 'non_user') OR (pe.roles & :roles) <> "
	        "0))" RULES_SCOPE " ORDER BY p.title, p.id";
	static const struct rules_scope_sql scope = {
		.project = "p.id = :scope_id",
	};
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &scope, &st, err);
	if (!st)
		return code;
	rules_bind_int(st, ":roles", (1 << ROLE_FUTURE_USER) | (1 << ROLE_NON_USER));
	return rules_each_row(x, st, rules_stage_current_users_message, err);
}
