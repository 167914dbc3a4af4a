/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_demo: the demo database — its size, its variety, its stories, and that it is reproducible.
 */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "budget_event.h"
#include "contribution.h"
#include "date.h"
#include "decision.h"
#include "demo.h"
#include "feedback.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "project.h"
#include "registry.h"
#include "stage.h"
#include "vocab.h"

/* ---- walking every record of a kind through the paged list API ---- */

typedef bool (*each_fn)(void *rec, void *ctx);

struct each_page {
	each_fn fn;
	void *ctx;
	char *after;
	int64_t after_id;
	bool stop;
};

static bool each_row(void *rec, const char *order_value, void *ctx)
{
	struct each_page *pg = ctx;
	free(pg->after);
	pg->after = mem_strdup(order_value ? order_value : "");
	pg->after_id = ((struct record_head *)rec)->id;
	if (!pg->fn(rec, pg->ctx))
		pg->stop = true;
	return !pg->stop;
}

/* Call fn on every record of kind (where = id when where is not NULL) until it returns false. */
static void each(struct store *s, const struct record_kind *kind, const char *where, int64_t id,
                 each_fn fn, void *ctx)
{
	struct each_page pg = { fn, ctx, NULL, 0, false };
	struct record_query q = { .where = where, .where_id = id, .limit = 500 };
	struct error err;
	for (;;) {
		int rows = 0;
		q.has_after = pg.after != NULL;
		q.after_order = pg.after;
		q.after_id = pg.after_id;
		assert_int_equal(record_list(s, kind, &q, each_row, &pg, &rows, &err), ERROR_NONE);
		if (rows < q.limit || pg.stop)
			break;
	}
	free(pg.after);
}

static int64_t count_of(struct store *s, const struct record_kind *kind)
{
	int64_t n = -1;
	struct record_query q = { 0 };
	struct error err;
	assert_int_equal(record_count(s, kind, &q, &n, &err), ERROR_NONE);
	return n;
}

/* A demo database at scale, as of the fixed test day 2026-11-22. */
static struct demo_summary build(struct store *s, int scale)
{
	struct demo_summary sum;
	struct error err;
	meeting_set_due_policy(NULL, 20);
	assert_int_equal(demo_build(s, scale, date_today(), &sum, &err), ERROR_NONE);
	return sum;
}

/*
 * Most tests read one demo built at scale 1 by the group setup (cmocka hands
 * a test without its own setup the group's state); the rest make their own.
 */
static struct demo_summary shared_sum;

static int shared_setup(void **state)
{
	int rc = support_db_setup(state);
	if (rc == 0)
		shared_sum = build(((struct support_db *)*state)->store, 1);
	return rc;
}

/* ---- size ---- */

/* Scale 1 is one authority's year, and the summary tells the truth about what is stored. */
static void test_scale_one_counts(void **state)
{
	struct support_db *db = *state;
	struct demo_summary sum = shared_sum;
	assert_int_equal(sum.projects, 20);
	assert_int_equal(sum.people, 300);
	assert_int_equal(sum.meetings, 400);
	assert_in_range(sum.attendances, 3600, 4400);
	assert_in_range(sum.contributions, 2700, 3300);
	assert_in_range(sum.feedback, 1500, 4000);
	assert_in_range(sum.payments, 2000, 8000);
	assert_in_range(sum.decisions, 15, 60);
	assert_in_range(sum.actions, 50, 400);
	assert_true(sum.budget_events > 0 && sum.pressures > 0 && sum.groups > 0);
	assert_int_equal(count_of(db->store, &project_kind), sum.projects);
	assert_int_equal(count_of(db->store, &stage_kind), sum.stages);
	assert_int_equal(count_of(db->store, &person_kind), sum.people);
	assert_int_equal(count_of(db->store, &meeting_kind), sum.meetings);
	assert_int_equal(count_of(db->store, &attendance_kind), sum.attendances);
	assert_int_equal(count_of(db->store, &contribution_kind), sum.contributions);
	assert_int_equal(count_of(db->store, &feedback_kind), sum.feedback);
	assert_int_equal(count_of(db->store, &decision_kind), sum.decisions);
	assert_int_equal(count_of(db->store, &payment_kind), sum.payments);
	assert_int_equal(count_of(db->store, &budget_event_kind), sum.budget_events);
}

/* ---- reproducible ---- */

struct texts {
	char **items;
	size_t n, cap;
	const char *field1, *field2; /* the fields joined into one text per record */
	const struct record_kind *kind;
};

static bool collect(void *rec, void *ctx)
{
	struct texts *t = ctx;
	char *a = record_field_format(record_field(t->kind, t->field1), rec);
	char *b = t->field2 ? record_field_format(record_field(t->kind, t->field2), rec)
	                    : mem_strdup("");
	mem_grow((void **)&t->items, &t->cap, t->n + 1, sizeof *t->items);
	t->items[t->n++] = mem_printf("%s|%s", a, b);
	free(a), free(b);
	return true;
}

static int cmp_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted texts of field1|field2 over every record of kind. */
static struct texts gather(struct store *s, const struct record_kind *kind, const char *field1,
                           const char *field2)
{
	struct texts t = { .field1 = field1, .field2 = field2, .kind = kind };
	each(s, kind, NULL, 0, collect, &t);
	qsort(t.items, t.n, sizeof *t.items, cmp_text);
	return t;
}

static void assert_same(struct texts *a, struct texts *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		assert_string_equal(a->items[i], b->items[i]);
	for (size_t i = 0; i < a->n; i++)
		free(a->items[i]), free(b->items[i]);
	free(a->items), free(b->items);
}

/* Two builds with the same scale and day hold the same records, apart from ids and stamps. */
static void test_deterministic(void **state)
{
	struct support_db *db = *state;
	char *path = support_path(db->dir, "second.db");
	struct store *other = support_open(path);
	struct demo_summary a = shared_sum;
	struct demo_summary b = build(other, 1);
	assert_memory_equal(&a, &b, sizeof a);
	static const struct {
		const struct record_kind *kind;
		const char *f1, *f2;
	} fields[] = {
		{ &person_kind, "name", "support_needs" },
		{ &project_kind, "title", "started_on" },
		{ &meeting_kind, "title", "held_on" },
		{ &contribution_kind, "said", "response" },
		{ &payment_kind, "amount_pence", "paid_on" },
		{ &feedback_kind, "given_on", "summary" },
	};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		struct texts x = gather(db->store, fields[i].kind, fields[i].f1, fields[i].f2);
		struct texts y = gather(other, fields[i].kind, fields[i].f1, fields[i].f2);
		assert_true(x.n > 0);
		assert_same(&x, &y);
	}
	store_close(other);
	free(path);
}

/* ---- variety: every stage, response, format, role, payment kind, method and level ---- */

struct seen {
	unsigned stages, statuses, responses, formats, roles, kinds, methods, meeting_statuses;
	unsigned levels;
	bool needs_unmet, declined, unpaid;
};

static const char *const ladder[] = { "informing",     "researching",     "consulting",
	                              "participation", "delegated_power", "empowerment" };

static bool see_stage(void *rec, void *ctx)
{
	const struct stage *st = rec;
	struct seen *s = ctx;
	s->stages |= 1u << st->stage;
	s->statuses |= 1u << st->status;
	return true;
}

static bool see_contribution(void *rec, void *ctx)
{
	((struct seen *)ctx)->responses |= 1u << ((const struct contribution *)rec)->response;
	return true;
}

static bool see_person(void *rec, void *ctx)
{
	const struct person *p = rec;
	struct seen *s = ctx;
	s->formats |= 1u << p->preferred_format;
	s->roles |= p->roles;
	if (p->preferred_format == FORMAT_TRANSLATED)
		assert_true(p->language[0] != '\0');
	return true;
}

static bool see_payment(void *rec, void *ctx)
{
	const struct payment *p = rec;
	struct seen *s = ctx;
	s->kinds |= 1u << p->kind;
	s->declined |= p->declined == 1;
	s->unpaid |= !p->declined && p->paid_on[0] == '\0';
	return true;
}

static bool see_meeting(void *rec, void *ctx)
{
	const struct meeting *m = rec;
	struct seen *s = ctx;
	s->methods |= 1u << m->method;
	s->meeting_statuses |= 1u << m->status;
	for (size_t i = 0; i < sizeof ladder / sizeof *ladder; i++)
		if (strcmp(m->level, ladder[i]) == 0)
			s->levels |= 1u << i;
	return true;
}

static bool see_attendance(void *rec, void *ctx)
{
	((struct seen *)ctx)->needs_unmet |= ((const struct attendance *)rec)->needs_met == 0;
	return true;
}

static void test_variety(void **state)
{
	struct support_db *db = *state;
	struct seen s = { 0 };
	each(db->store, &stage_kind, NULL, 0, see_stage, &s);
	each(db->store, &contribution_kind, NULL, 0, see_contribution, &s);
	each(db->store, &person_kind, NULL, 0, see_person, &s);
	each(db->store, &payment_kind, NULL, 0, see_payment, &s);
	each(db->store, &meeting_kind, NULL, 0, see_meeting, &s);
	each(db->store, &attendance_kind, NULL, 0, see_attendance, &s);
	assert_int_equal(s.stages, (1u << STAGE_COUNT) - 1);
	assert_int_equal(s.statuses, 0xfu);   /* not started .. skipped */
	assert_int_equal(s.responses, 0x1fu); /* pending .. already */
	assert_int_equal(s.formats, (1u << FORMAT_COUNT) - 1);
	assert_int_equal(s.roles, (1u << ROLE_COUNT) - 1);
	assert_int_equal(s.kinds, 0xfu); /* fee .. other */
	assert_int_equal(s.methods, (1u << (METHOD_OTHER + 1)) - 1);
	assert_int_equal(s.meeting_statuses, 0x7u); /* planned, held, cancelled */
	assert_int_equal(s.levels, (1u << 6) - 1);
	assert_true(s.needs_unmet && s.declined && s.unpaid);
}

/* ---- the stories a new user is shown ---- */

struct owed {
	struct store *s;
	int32_t today;
	int overdue, due_soon;
	const struct meeting *m;
};

static bool check_owed(void *rec, void *ctx)
{
	const struct attendance *a = rec;
	struct owed *o = ctx;
	if (!a->attended || (a->role != ROLE_SERVICE_USER && a->role != ROLE_CARER) ||
	    feedback_find(o->s, o->m->head.id, a->person_id) != 0)
		return true;
	int32_t due;
	assert_int_equal(date_parse(o->m->feedback_due_on, &due, NULL), ERROR_NONE);
	o->overdue += due < o->today;
	o->due_soon += due >= o->today && due <= o->today + 5;
	return true;
}

static bool check_meeting_owed(void *rec, void *ctx)
{
	const struct meeting *m = rec;
	struct owed *o = ctx;
	if (m->status != MEETING_HELD)
		return true;
	o->m = m;
	each(o->s, &attendance_kind, "meeting_id", m->head.id, check_owed, o);
	return true;
}

/* Some feedback is overdue and some falls due within five days, and most is given. */
static void test_feedback_owed(void **state)
{
	struct support_db *db = *state;
	struct demo_summary sum = shared_sum;
	struct owed o = { db->store, date_today(), 0, 0, NULL };
	each(db->store, &meeting_kind, NULL, 0, check_meeting_owed, &o);
	assert_true(o.overdue > 0);
	assert_true(o.due_soon > 0);
	assert_true(o.overdue < sum.feedback / 10);
}

/* Names as the facilitator knows them come back byte for byte, accents and all. */
static void test_utf8_names(void **state)
{
	struct support_db *db = *state;
	static const char *const names[] = { "Ann B.",  "Tomasz W.", "Şükrü A.",
		                             "Chen L.", "Zofia Ł.",  "Amélie D." };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		int64_t id = person_find(db->store, names[i]);
		assert_true(id != 0);
		struct person p;
		struct error err;
		assert_int_equal(person_get(db->store, id, &p, &err), ERROR_NONE);
		assert_string_equal(p.name, names[i]);
		person_clear(&p);
	}
}

/* Dates (and amounts) of one person's payments or bookings. */
struct sums {
	struct store *store;
	int32_t day[64];
	int64_t pence[64];
	int n;
};

static bool note_paid(void *rec, void *ctx)
{
	const struct payment *p = rec;
	struct sums *s = ctx;
	if (!p->declined && p->claimed_on[0] && s->n < 64) {
		assert_int_equal(date_parse(p->claimed_on, &s->day[s->n], NULL), ERROR_NONE);
		s->pence[s->n++] = p->amount_pence;
	}
	return true;
}

static bool note_booking(void *rec, void *ctx)
{
	const struct attendance *a = rec;
	struct sums *s = ctx;
	struct meeting m;
	struct error err;
	assert_int_equal(meeting_get(s->store, a->meeting_id, &m, &err), ERROR_NONE);
	if (s->n < 64)
		assert_int_equal(date_parse(m.held_on, &s->day[s->n++], NULL), ERROR_NONE);
	meeting_clear(&m);
	return true;
}

/* The most any 7 (or 30) days from one of the days holds: sum of pence, or count of days. */
static int64_t busiest(const struct sums *s, int days, bool money)
{
	int64_t best = 0;
	for (int i = 0; i < s->n; i++) {
		int64_t total = 0;
		for (int j = 0; j < s->n; j++)
			if (s->day[j] >= s->day[i] && s->day[j] < s->day[i] + days)
				total += money ? s->pence[j] : 1;
		if (total > best)
			best = total;
	}
	return best;
}

static bool find_untold_cut(void *rec, void *ctx)
{
	const struct budget_event *e = rec;
	int *found = ctx;
	if (e->kind == BUDGET_CHANGED && e->told_on[0] == '\0')
		found[0]++;
	if (e->kind == BUDGET_WITHHELD && e->reason[0] == '\0')
		found[1]++;
	return true;
}

/* The stories behind the findings are there: benefits limit, fatigue, untold budget cuts. */
static void test_stories(void **state)
{
	struct support_db *db = *state;
	struct sums chen = { .store = db->store };
	int64_t chen_id = person_find(db->store, "Chen L.");
	struct person p;
	struct error err;
	assert_int_equal(person_get(db->store, chen_id, &p, &err), ERROR_NONE);
	assert_int_equal(p.benefits_concern, 1);
	person_clear(&p);
	each(db->store, &payment_kind, "person_id", chen_id, note_paid, &chen);
	assert_true(busiest(&chen, 7, true) > 19600);

	struct sums ann = { .store = db->store };
	each(db->store, &attendance_kind, "person_id", person_find(db->store, "Ann B."),
	     note_booking, &ann);
	assert_true(busiest(&ann, 30, false) > 4);

	int found[2] = { 0, 0 };
	each(db->store, &budget_event_kind, NULL, 0, find_untold_cut, found);
	assert_true(found[0] >= 1); /* a change participants were never told of */
	assert_true(found[1] >= 1); /* a budget withheld with no reason */

	int64_t sukru = person_find(db->store, "Şükrü A.");
	assert_int_equal(person_get(db->store, sukru, &p, &err), ERROR_NONE);
	assert_string_equal(p.consent_on, "");
	person_clear(&p);
}

/*
 * The built file passes integrity_check (which checks every CHECK constraint
 * and foreign key), and the checks the build relaxed are enforced again after.
 */
static void test_integrity(void **state)
{
	struct support_db *db = *state;
	struct error err;
	assert_int_equal(store_check(db->store, &err), ERROR_NONE);
	assert_int_not_equal(store_exec(db->store,
	                                "UPDATE payment SET kind = 'bonus' WHERE id = "
	                                "(SELECT min(id) FROM payment)",
	                                &err),
	                     ERROR_NONE);
}

/* ---- refusals ---- */

/* A database with any record in it is refused, and nothing is added to it. */
static void test_refuses_non_empty(void **state)
{
	struct support_db *db = *state;
	struct project p;
	struct error err;
	project_init(&p);
	mem_replace(&p.title, "Our real project");
	assert_int_equal(project_create(db->store, &p, &err), ERROR_NONE);
	project_clear(&p);
	struct demo_summary sum;
	assert_int_equal(demo_build(db->store, 1, date_today(), &sum, &err), ERROR_DUPLICATE);
	assert_non_null(strstr(err.msg, db->path));
	assert_int_equal(sum.projects, 0);
	int64_t n = 0;
	assert_int_equal(demo_count_records(db->store, &n, &err), ERROR_NONE);
	assert_int_equal(n, 1);
}

/* A scale out of range is refused with a sentence, before anything is written. */
static void test_refuses_bad_scale(void **state)
{
	struct support_db *db = *state;
	struct error err;
	assert_int_equal(demo_build(db->store, 0, date_today(), NULL, &err), ERROR_INVALID);
	assert_non_null(strstr(err.msg, "1 to 1000"));
	assert_int_equal(demo_build(db->store, DEMO_SCALE_MAX + 1, date_today(), NULL, &err),
	                 ERROR_INVALID);
	int64_t n = -1;
	assert_int_equal(demo_count_records(db->store, &n, &err), ERROR_NONE);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scale_one_counts),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_variety),
		cmocka_unit_test(test_feedback_owed),
		cmocka_unit_test(test_utf8_names),
		cmocka_unit_test(test_stories),
		cmocka_unit_test(test_integrity),
		cmocka_unit_test_setup_teardown(test_refuses_non_empty, support_db_setup,
		                                support_db_teardown),
		cmocka_unit_test_setup_teardown(test_refuses_bad_scale, support_db_setup,
		                                support_db_teardown),
	};
	return cmocka_run_group_tests(tests, shared_setup, support_db_teardown);
}
