/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules_people: the usual suspects, newcomers, fatigue, consent, and keeping details too long. */
#include "rules_people.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "mem.h"
#include "store.h"

enum { RULES_PEOPLE_TOP_MAX = 50 }; /* representation.top_n is at most 50 */

/* Meetings (m) narrowed to a project or stage: findings are per project, never one meeting or
 * person. */
static const struct rules_scope_sql rules_people_group_scope = {
	.project = "m.project_id = :scope_id",
	.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
};

/* A project's finding at a stage when the run is narrowed to one. */
static void rules_people_stage(struct rules_run *x, struct finding *f)
{
	if (x->opt->scope.kind == RULES_SCOPE_STAGE)
		f->stage = x->opt->scope.stage;
}

/* One person's service user and carer attendances at a project's meetings. */
struct rules_people_count {
	int64_t person_id; /* 0: an empty slot */
	int64_t n;
	char *name; /* looked up only for the top people of a project that fires */
};

/* A project whose top people pass the share: its finding, made once every project is counted. */
struct rules_people_fired {
	int64_t project_id;
	char *title;
	struct rules_people_count top[RULES_PEOPLE_TOP_MAX];
	size_t named;
	int64_t top_n, total; /* the top people's attendances, and everyone's */
};

/* The usual suspects: the project being counted, and the projects found so far. */
struct rules_people_suspects {
	int64_t project_id;               /* the project being counted; 0 before the first row */
	int64_t meeting_id;               /* its meeting of the last row */
	int64_t meetings;                 /* its meetings with users */
	int64_t total;                    /* its users' attendances */
	struct rules_people_count *slots; /* open addressing by person id */
	size_t used, cap;
	struct rules_people_fired *fired;
	size_t nfired, fired_cap;
};

/* Count one attendance of person in the project being counted. */
static void rules_people_count(struct rules_people_suspects *u, int64_t person_id)
{
	if (u->used * 2 >= u->cap) {
		size_t cap = u->cap ? u->cap * 2 : 256;
		struct rules_people_count *slots = mem_calloc(cap, sizeof *slots);
		for (size_t i = 0; i < u->cap; i++)
			if (u->slots[i].person_id) {
				size_t j = rules_hash_id(u->slots[i].person_id) & (cap - 1);
				while (slots[j].person_id)
					j = (j + 1) & (cap - 1);
				slots[j] = u->slots[i];
			}
		free(u->slots);
		u->slots = slots;
		u->cap = cap;
	}
	size_t j = rules_hash_id(person_id) & (u->cap - 1);
	while (u->slots[j].person_id && u->slots[j].person_id != person_id)
		j = (j + 1) & (u->cap - 1);
	if (!u->slots[j].person_id) {
		u->slots[j].person_id = person_id;
		u->used++;
	}
	u->slots[j].n++;
}

/* Most attendances first, then the older record (the smaller id): the ranking of the top. */
static int rules_people_rank_cmp(const void *pa, const void *pb)
{
	const struct rules_people_count *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return (a->person_id > b->person_id) - (a->person_id < b->person_id);
}

/* Finish the project being counted: keep it when it has enough meetings and its top pass. */
static void rules_people_suspects_close(struct rules_run *x, struct rules_people_suspects *u)
{
	const struct config *c = x->config;
	size_t top_n = (size_t)config_int(c, "representation.top_n");
	if (top_n > RULES_PEOPLE_TOP_MAX)
		top_n = RULES_PEOPLE_TOP_MAX;
	if (u->project_id && u->meetings >= config_int(c, "representation.min_meetings") &&
	    u->total > 0) {
		/* The people counted, packed to the front and ranked. */
		size_t n = 0;
		for (size_t i = 0; i < u->cap; i++)
			if (u->slots[i].person_id)
				u->slots[n++] = u->slots[i];
		mem_sort(u->slots, n, sizeof *u->slots, rules_people_rank_cmp);
		size_t named = n < top_n ? n : top_n;
		int64_t top = 0;
		for (size_t i = 0; i < named; i++)
			top += u->slots[i].n;
		if ((double)top / (double)u->total > config_float(c, "representation.share")) {
			mem_grow((void **)&u->fired, &u->fired_cap, u->nfired + 1,
			         sizeof *u->fired);
			struct rules_people_fired *f = &u->fired[u->nfired++];
			memset(f, 0, sizeof *f);
			f->project_id = u->project_id;
			memcpy(f->top, u->slots, named * sizeof *f->top);
			f->named = named;
			f->top_n = top;
			f->total = u->total;
		}
	}
	if (u->slots)
		memset(u->slots, 0, u->cap * sizeof *u->slots);
	u->used = 0;
	u->meetings = u->total = 0;
	u->meeting_id = 0;
}

/* Named in a message: most attendances first, then by name; the ranking breaks ties. */
static int rules_people_named_cmp(const void *pa, const void *pb)
{
	const struct rules_people_count *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	int c = rules_nocase(a->name, b->name);
	return c ? c : rules_people_rank_cmp(a, b);
}

/* Projects in title order, then by id. */
static int rules_people_fired_cmp(const void *pa, const void *pb)
{
	const struct rules_people_fired *a = pa, *b = pb;
	int c = strcmp(a->title, b->title);
	return c ? c : (a->project_id > b->project_id) - (a->project_id < b->project_id);
}

/* Name the projects found and their top people, and emit their findings in title order. */
static void rules_people_suspects_emit(struct rules_run *x, struct rules_people_suspects *u)
{
	for (size_t i = 0; i < u->nfired; i++) {
		struct rules_people_fired *f = &u->fired[i];
		f->title = rules_lookup_text(x, "SELECT title FROM project WHERE id = ?",
		                             f->project_id);
		if (!f->title)
			f->title = mem_strdup("");
		for (size_t k = 0; k < f->named; k++) {
			f->top[k].name = rules_lookup_text(
			        x, "SELECT name FROM person WHERE id = ?", f->top[k].person_id);
			if (!f->top[k].name)
				f->top[k].name = mem_strdup("");
		}
		mem_sort(f->top, f->named, sizeof *f->top, rules_people_named_cmp);
	}
	mem_sort(u->fired, u->nfired, sizeof *u->fired, rules_people_fired_cmp);
	bool go = true;
	for (size_t i = 0; i < u->nfired; i++) {
		struct rules_people_fired *f = &u->fired[i];
		const char *names[RULES_PEOPLE_TOP_MAX];
		for (size_t k = 0; k < f->named; k++)
			names[k] = f->top[k].name;
		if (go) {
			char *who = rules_join(names, f->named, f->named);
			char *msg = mem_printf(
			        "Widen who takes part in %s: %s made up %d%% of the %" PRId64
			        " service user and carer attendances at its meetings in the last "
			        "%" PRId64 " days.",
			        f->title, who,
			        (int)(100.0 * (double)f->top_n / (double)f->total + 0.5), f->total,
			        config_int(x->config, "representation.window_days"));
			struct finding out;
			rules_finding_init(&out);
			out.project_id = f->project_id;
			out.project = f->title;
			rules_people_stage(x, &out);
			out.message = msg;
			go = rules_emit(x, &out);
			free(msg);
			free(who);
		}
		free(f->title);
		for (size_t k = 0; k < f->named; k++)
			free(f->top[k].name);
	}
}

enum error_code rules_people_usual_suspects(struct rules_run *x, struct error *err)
{
	/*
	 * The service users and carers at each held meeting in the window, a
	 * project's meetings together (the meeting_status index gives them in
	 * project order; attendance_meeting their people): counted here per
	 * project and person, with no sort of every attendance; names only for
	 * the top people of the projects found.
	 */
	static const char sql[] =
	        "SELECT m.project_id, m.id, a.person_id FROM meeting m"
	        " CROSS JOIN attendance a ON a.meeting_id = m.id"
	        " WHERE m.status = 'held' AND m.held_on > :from AND m.held_on <= :today"
	        " AND " RULES_USER_PRESENT RULES_SCOPE " ORDER BY m.project_id";
	const struct config *c = x->config;
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &rules_people_group_scope, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":from",
	                x->today - (int32_t)config_int(c, "representation.window_days"));
	struct rules_people_suspects u = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t project = sqlite3_column_int64(st, 0);
		int64_t meeting = sqlite3_column_int64(st, 1);
		if (project != u.project_id) {
			rules_people_suspects_close(x, &u);
			u.project_id = project;
		}
		if (meeting != u.meeting_id) {
			u.meetings++;
			u.meeting_id = meeting;
		}
		u.total++;
		rules_people_count(&u, sqlite3_column_int64(st, 2));
	}
	code = rules_done(x, st, rc, err);
	if (code == ERROR_NONE) {
		rules_people_suspects_close(x, &u);
		rules_people_suspects_emit(x, &u);
	}
	free(u.slots);
	free(u.fired);
	return code;
}

static char *rules_people_newcomers_message(struct rules_run *x, struct sqlite3_stmt *st,
                                            struct finding *f)
{
	(void)st;
	rules_people_stage(x, f);
	return mem_printf("Reach out to new service users and carers for %s: no one new has "
	                  "taken part in its meetings in the last %" PRId64 " days.",
	                  f->project, config_int(x->config, "representation.newcomer_days"));
}

enum error_code rules_people_no_newcomers(struct rules_run *x, struct error *err)
{
	/*
	 * Projects whose meetings had users since :from, none of them new. A
	 * newcomer's first involvement is recorded after :from (or not at all),
	 * and they first came to any meeting as a user after :from. Each EXISTS
	 * stops at its first row, so a project with a newcomer costs little. The
	 * earlier meetings are looked for (a2, tied to pe so it runs after) only
	 * for people whose first involvement is recent, and checked against the
	 * set of them (built once from meeting_status; the + keeps the planner
	 * from looking each one up) rather than each read from the table. Over
	 * everything, the newcomers are found once, person by person from the
	 * slim copy and attendance_person, rather than again for each project
	 * they came to; the + keeps the planner from walking each newcomer's
	 * attendances for every project.
	 */
#define RULES_PEOPLE_NEW                                                                           \
	"coalesce(pe.first_involved_on, '9999-12-31') > :from"                                     \
	" AND NOT EXISTS (SELECT 1 FROM attendance a2 WHERE a2.person_id = pe.id"                  \
	"  AND +a2.meeting_id IN (SELECT m2.id FROM meeting m2 WHERE m2.status = 'held'"           \
	"   AND m2.held_on <= :from) AND a2.attended = 1"                                          \
	"  AND a2.role IN ('service_user', 'carer'))"
	static const char sql[] =
	        "WITH newcomer AS MATERIALIZED (SELECT pe.id FROM person pe" RULES_PERSON_BRIEF
	        " WHERE " RULES_PEOPLE_NEW ")"
	        " SELECT p.id, p.title, NULL, NULL, NULL, NULL, NULL, NULL FROM project p"
	        " WHERE EXISTS (SELECT 1 FROM meeting m JOIN attendance a ON a.meeting_id = m.id"
	        "  WHERE m.project_id = p.id AND m.status = 'held' AND m.held_on > :from"
	        "  AND m.held_on <= :today AND " RULES_USER_PRESENT RULES_SCOPE ")"
	        " AND NOT EXISTS (SELECT 1 FROM meeting m"
	        "  JOIN attendance a ON a.meeting_id = m.id" RULES_NARROWED_ONLY
	        " JOIN person pe ON pe.id = a.person_id" RULES_ONLY_END
	        "  WHERE m.project_id = p.id AND m.status = 'held' AND m.held_on > :from"
	        "  AND m.held_on <= :today AND " RULES_USER_PRESENT RULES_SCOPE RULES_ALL_ONLY
	        " AND +a.person_id IN newcomer" RULES_ONLY_END RULES_NARROWED_ONLY
	        " AND " RULES_PEOPLE_NEW RULES_ONLY_END ")"
	        " ORDER BY p.title, p.id";
#undef RULES_PEOPLE_NEW
	return rules_query_day(
	        x, sql, &rules_people_group_scope, ":from",
	        x->today - (int32_t)config_int(x->config, "representation.newcomer_days"),
	        rules_people_newcomers_message, err);
}

/* One person's sessions in the window, in date order. */
struct rules_people_sessions {
	int64_t person_id;
	const int32_t *days;
	size_t count;
};

/* Emit a finding when some 30 days hold more than the limit of the person's sessions. */
static bool rules_people_fatigue_emit(struct rules_run *x, const struct rules_people_sessions *p)
{
	int64_t limit = config_int(x->config, "representation.max_per_month");
	size_t best = 0, best_i = 0, best_j = 0;
	for (size_t i = 0, j = 0; j < p->count; j++) {
		while (p->days[j] - p->days[i] >= 30)
			i++;
		if (j - i + 1 > best) {
			best = j - i + 1;
			best_i = i;
			best_j = j;
		}
	}
	if ((int64_t)best <= limit || !p->count)
		return true;
	/* Named (and checked not anonymised) only now, for the few found. */
	char *name = rules_lookup_text(x, "SELECT name FROM person WHERE id = ? AND anonymised = 0",
	                               p->person_id);
	if (!name)
		return true;
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
	date_format(p->days[best_i], from);
	date_format(p->days[best_j], to);
	char *msg = mem_printf("Check with %s that it is not too much: they %s booked into %zu "
	                       "sessions from %s to %s, more than %" PRId64 " in 30 days.",
	                       name, p->days[best_j] >= x->today ? "are" : "were", best, from, to,
	                       limit);
	struct finding f;
	rules_finding_init(&f);
	f.person_id = p->person_id;
	f.person = name;
	f.message = msg;
	bool go = rules_emit(x, &f);
	free(msg);
	free(name);
	return go;
}

/* A person in the diary's table: their id and number. */
struct rules_people_slot {
	int64_t id;      /* 0: empty */
	uint32_t number; /* in the order first seen */
};

/*
 * Everyone's sessions as they come: each row's person (numbered in the order
 * first seen, through an open-addressed table of their ids) and day.
 */
struct rules_people_diary {
	int64_t *ids;                    /* person numbers' ids */
	size_t people;                   /* numbered so far */
	struct rules_people_slot *slots; /* by id */
	size_t cap;                      /* slots: a power of two */
	uint32_t *who;                   /* each session's person number */
	int32_t *days;                   /* and its day */
	size_t count, room;
};

/* The number of person id, numbering them as they come. */
static uint32_t rules_people_diary_person(struct rules_people_diary *d, int64_t id)
{
	if (d->people * 2 >= d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 1024;
		struct rules_people_slot *slots = mem_calloc(cap, sizeof *slots);
		for (size_t i = 0; i < d->cap; i++) {
			if (!d->slots[i].id)
				continue;
			size_t j = rules_hash_id(d->slots[i].id) & (cap - 1);
			while (slots[j].id)
				j = (j + 1) & (cap - 1);
			slots[j] = d->slots[i];
		}
		free(d->slots);
		d->slots = slots;
		d->cap = cap;
		d->ids = mem_realloc(d->ids, cap / 2 * sizeof *d->ids);
	}
	size_t j = rules_hash_id(id) & (d->cap - 1);
	while (d->slots[j].id && d->slots[j].id != id)
		j = (j + 1) & (d->cap - 1);
	if (!d->slots[j].id) {
		d->ids[d->people] = id;
		d->slots[j] = (struct rules_people_slot){ id, (uint32_t)d->people++ };
	}
	return d->slots[j].number;
}

/* qsort has no context argument: the ids being sorted by (per thread, as rules_run uses two). */
static _Thread_local const int64_t *rules_people_sorting;

/* Person numbers by their ids. */
static int rules_people_by_id(const void *pa, const void *pb)
{
	int64_t a = rules_people_sorting[*(const uint32_t *)pa];
	int64_t b = rules_people_sorting[*(const uint32_t *)pb];
	return (a > b) - (a < b);
}

static int rules_people_day_cmp(const void *pa, const void *pb)
{
	int32_t a = *(const int32_t *)pa, b = *(const int32_t *)pb;
	return (a > b) - (a < b);
}

/* Each person's sessions, in date order, in the order of their ids: emit their findings. */
static void rules_people_diary_emit(struct rules_run *x, struct rules_people_diary *d)
{
	/* Sessions by person (a counting sort), then each person's by date. */
	size_t *start = mem_calloc(d->people + 1, sizeof *start);
	for (size_t i = 0; i < d->count; i++)
		start[d->who[i] + 1]++;
	for (size_t k = 0; k < d->people; k++)
		start[k + 1] += start[k];
	int32_t *days = mem_alloc((d->count ? d->count : 1) * sizeof *days);
	size_t *next = mem_alloc((d->people ? d->people : 1) * sizeof *next);
	memcpy(next, start, d->people * sizeof *next);
	for (size_t i = 0; i < d->count; i++)
		days[next[d->who[i]]++] = d->days[i];
	uint32_t *order = mem_alloc((d->people ? d->people : 1) * sizeof *order);
	for (size_t k = 0; k < d->people; k++)
		order[k] = (uint32_t)k;
	rules_people_sorting = d->ids;
	mem_sort(order, d->people, sizeof *order, rules_people_by_id);
	rules_people_sorting = NULL;
	for (size_t k = 0; k < d->people; k++) {
		uint32_t n = order[k];
		struct rules_people_sessions p = { d->ids[n], days + start[n],
			                           start[n + 1] - start[n] };
		mem_sort(days + start[n], p.count, sizeof *days, rules_people_day_cmp);
		if (!rules_people_fatigue_emit(x, &p))
			break;
	}
	free(order);
	free(next);
	free(days);
	free(start);
}

/* Sessions over everything meeting by meeting; narrowed, the scope's few people's own. */
#define RULES_PEOPLE_BY_MEETING                                                                    \
	RULES_ALL_ONLY "meeting m CROSS JOIN attendance a ON a.meeting_id = m.id" RULES_ONLY_END
#define RULES_PEOPLE_BY_PERSON                                                                     \
	RULES_NARROWED_ONLY                                                                        \
	"attendance a CROSS JOIN meeting m ON m.id = a.meeting_id" RULES_ONLY_END

enum error_code rules_people_fatigue(struct rules_run *x, struct error *err)
{
	/*
	 * Each participant's sessions (not cancelled) over the representation
	 * window and the bookings already made for the next 29 days; staff roles
	 * do not count (three comparisons are quicker than NOT IN, which looks
	 * each role up in a table of the list). Over everything they are read
	 * meeting by meeting (meeting_status, then attendance_meeting: no table
	 * rows) and sorted out by person here, with no sort of every session;
	 * narrowed, the few people's sessions come through their own index.
	 */
	static const char sql[] = "SELECT a.person_id, m.id, m.held_on"
	                          " FROM " RULES_PEOPLE_BY_MEETING RULES_PEOPLE_BY_PERSON
	                          " WHERE m.status IN ('held', 'planned')"
	                          " AND m.held_on > :from AND m.held_on <= :to"
	                          " AND a.role <> 'commissioner' AND a.role <> 'facilitator'"
	                          " AND a.role <> 'provider'" RULES_SCOPE;
	static const struct rules_scope_sql scope = {
		.project = "a.person_id IN (SELECT sa.person_id FROM attendance sa JOIN meeting sm"
		           " ON sm.id = sa.meeting_id WHERE sm.project_id = :scope_id)",
		.stage = "a.person_id IN (SELECT sa.person_id FROM attendance sa JOIN meeting sm"
		         " ON sm.id = sa.meeting_id WHERE sm.project_id = :scope_id"
		         " AND sm.stage = :scope_stage)",
		.meeting = "a.person_id IN (SELECT sa.person_id FROM attendance sa"
		           " WHERE sa.meeting_id = :scope_id)",
		.person = "a.person_id = :scope_id",
	};
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, &scope, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, ":from",
	                x->today - (int32_t)config_int(x->config, "representation.window_days"));
	rules_bind_date(st, ":to", x->today + 29);
	struct rules_people_diary d = { 0 };
	int64_t meeting = 0; /* the meeting of the last row, whose day is read once */
	int32_t day = DATE_NONE;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* who and days grow together: both have room for d.room. */
		size_t room = d.room;
		mem_grow((void **)&d.who, &room, d.count + 1, sizeof *d.who);
		mem_grow((void **)&d.days, &d.room, d.count + 1, sizeof *d.days);
		if (sqlite3_column_int64(st, 1) != meeting) {
			meeting = sqlite3_column_int64(st, 1);
			day = rules_date(st, 2);
		}
		d.who[d.count] = rules_people_diary_person(&d, sqlite3_column_int64(st, 0));
		d.days[d.count++] = day;
	}
	code = rules_done(x, st, rc, err);
	if (code == ERROR_NONE)
		rules_people_diary_emit(x, &d);
	free(d.ids);
	free(d.slots);
	free(d.who);
	free(d.days);
	return code;
}

static char *rules_people_consent_message(struct rules_run *x, struct sqlite3_stmt *st,
                                          struct finding *f)
{
	(void)x;
	(void)st;
	return mem_printf("Record when %s agreed to their details being kept, and to what: they "
	                  "have involvement records but no consent date.",
	                  f->person);
}

enum error_code rules_people_consent_missing(struct rules_run *x, struct error *err)
{
	static const char sql[] =
	        "SELECT NULL, NULL, NULL, NULL, NULL, NULL, pe.id, pe.name FROM person pe"
	        " WHERE pe.consent_on IS NULL AND pe.anonymised = 0"
	        " AND (EXISTS (SELECT 1 FROM attendance r WHERE r.person_id = pe.id)"
	        "  OR EXISTS (SELECT 1 FROM contribution r WHERE r.person_id = pe.id)"
	        "  OR EXISTS (SELECT 1 FROM feedback r WHERE r.person_id = pe.id)"
	        "  OR EXISTS (SELECT 1 FROM payment r WHERE r.person_id = pe.id))" RULES_SCOPE
	        " ORDER BY pe.name COLLATE NOCASE, pe.id";
	return rules_query(x, sql, &rules_scope_people, rules_people_consent_message, err);
}

static char *rules_people_retention_message(struct rules_run *x, struct sqlite3_stmt *st,
                                            struct finding *f)
{
	int32_t last = rules_date(st, RULES_ROW_COLUMNS);
	if (last == DATE_NONE)
		return NULL;
	f->due = last + (int32_t)config_int(x->config, "retention.inactive_days");
	char on[DATE_TEXT_SIZE];
	date_format(last, on);
	char *due = rules_due_text(f->due, f->due - x->today);
	char *msg = mem_printf("Ask %s whether they want to stay involved, or anonymise their "
	                       "details: last involved on %s; %s.",
	                       f->person, on, due);
	free(due);
	return msg;
}

enum error_code rules_people_retention_due(struct rules_run *x, struct error *err)
{
	/*
	 * Involvement is a meeting (held, or booked ahead), feedback, a payment,
	 * or the first involvement recorded. Nearly everyone has some since the
	 * cutoff, so each person is ruled out by the first sign found (each
	 * NOT EXISTS stops at its first row, reading the person's own index
	 * entries); the date last involved is worked out only for those left.
	 * Someone with no sign at all has no date to judge by and is left alone.
	 */
	static const char sql[] =
	        "SELECT NULL, NULL, NULL, NULL, NULL, NULL, id, name, last FROM"
	        " (SELECT pe.id AS id, pe.name AS name, max(coalesce(pe.first_involved_on, ''),"
	        "  coalesce((SELECT max(m.held_on) FROM attendance a"
	        "   CROSS JOIN meeting m" RULES_MEETING_BRIEF
	        " ON m.id = a.meeting_id WHERE a.person_id = pe.id AND m.status <> 'cancelled'),"
	        "   ''),"
	        "  coalesce((SELECT max(f.given_on) FROM feedback f WHERE f.person_id = pe.id), "
	        "''),"
	        "  coalesce((SELECT max(coalesce(pay.paid_on, pay.claimed_on, '')) FROM payment pay"
	        "   WHERE pay.person_id = pe.id), '')) AS last"
	        "  FROM person pe WHERE pe.anonymised = 0" RULES_SCOPE
	        "  AND coalesce(pe.first_involved_on, '') <= :cutoff"
	        "  AND NOT EXISTS (SELECT 1 FROM attendance a"
	        "   CROSS JOIN meeting m" RULES_MEETING_BRIEF
	        " ON m.id = a.meeting_id WHERE a.person_id = pe.id AND m.held_on > :cutoff"
	        "   AND m.status <> 'cancelled')"
	        "  AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.person_id = pe.id"
	        "   AND f.given_on > :cutoff)"
	        "  AND NOT EXISTS (SELECT 1 FROM payment pay WHERE pay.person_id = pe.id"
	        "   AND coalesce(pay.paid_on, pay.claimed_on) > :cutoff))"
	        " WHERE last <> '' ORDER BY last, name COLLATE NOCASE, id";
	return rules_query_day(x, sql, &rules_scope_people, ":cutoff",
	                       x->today - (int32_t)config_int(x->config, "retention.inactive_days"),
	                       rules_people_retention_message, err);
}
