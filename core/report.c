/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report: the annual involvement report, counted in SQL and written as a stream. */
#include "report.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "config.h"
#include "contribution.h"
#include "date.h"
#include "decision.h"
#include "exchange.h"
#include "mem.h"
#include "money.h"
#include "outfile.h"
#include "payment.h"
#include "project.h"
#include "record.h"
#include "rules.h"
#include "store.h"
#include "text.h"
#include "vocab.h"

/* Activities held in the year (and the project), as each count is limited. */
#define REPORT_HELD                                                                                \
	"m.status = 'held' AND m.held_on >= :from AND m.held_on <= :to"                            \
	" AND (:project = 0 OR m.project_id = :project)"
/* Someone who came as a service user, carer, future user or non-user (alias a). */
#define REPORT_PARTICIPANT                                                                         \
	"a.attended = 1 AND a.role IN ('service_user', 'carer', 'future_user', 'non_user')"
/* Someone owed feedback: a service user or carer who came (as the feedback rules judge). */
#define REPORT_USER "a.attended = 1 AND a.role IN ('service_user', 'carer')"

enum {
	REPORT_DAYS = 60,  /* working days to pay counted one by one; more are counted together */
	REPORT_RULES = 64, /* rules counted (the rules table is smaller) */
	REPORT_RESPONSES = 5, /* enum contribution_response_choice */
	REPORT_FOLLOWED = 4,  /* enum decision_followed_choice */
	REPORT_KINDS = 4,     /* enum payment_kind_choice */
};

/* The figures counted before anything is written, for the key figures and each part. */
struct report_totals {
	long held, planned, cancelled, projects;
	long participants, users, newcomers;
	long fb_on_time, fb_late, fb_overdue, fb_not_due, fb_format;
	long said[REPORT_RESPONSES];
	long decisions[REPORT_FOLLOWED];
	long claims, paid, paid_on_time, paid_late, unpaid_overdue, unpaid_not_due, declined;
	long kind_claims[REPORT_KINDS];
	int64_t kind_claimed[REPORT_KINDS], kind_paid[REPORT_KINDS];
	long days[REPORT_DAYS + 1]; /* claims paid after that many working days; the last: more */
	long findings[REPORT_RULES];
	long severity[RULE_SEVERITY_COUNT];
};

/* A report being written. */
struct report_run {
	struct store *s;
	const struct config *config;
	const struct report_options *opt;
	struct doc d;
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], today[DATE_TEXT_SIZE];
	char *project; /* the project's title when the report is about one; NULL for all */
	struct report_totals t;
	struct error *err;
};

/* ---- reading ---- */

/* Bind text to the named parameter when sql uses it. */
static void report_bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* A statement for sql with :from, :to, :today and :project bound where used; NULL: err filled. */
static sqlite3_stmt *report_prepare(struct report_run *x, const char *sql)
{
	sqlite3_stmt *st = store_prepare(x->s, sql, x->err);
	if (!st)
		return NULL;
	report_bind_text(st, ":from", x->from);
	report_bind_text(st, ":to", x->to);
	report_bind_text(st, ":today", x->today);
	int i = sqlite3_bind_parameter_index(st, ":project");
	if (i > 0)
		sqlite3_bind_int64(st, i, x->opt->project_id);
	return st;
}

/* Finish with st after its last step gave rc: ERROR_NONE, or the store's error. */
static enum error_code report_done(struct report_run *x, sqlite3_stmt *st, int rc)
{
	enum error_code code = rc == SQLITE_DONE || rc == SQLITE_ROW
	                               ? ERROR_NONE
	                               : store_fail(x->s, rc, "reading the records", x->err);
	sqlite3_reset(st);
	return code;
}

/* Run sql and pass each row to fn with ctx; stops at the first error. */
static enum error_code report_each(struct report_run *x, const char *sql,
                                   void (*fn)(struct report_run *x, sqlite3_stmt *st, void *ctx),
                                   void *ctx)
{
	sqlite3_stmt *st = report_prepare(x, sql);
	if (!st)
		return x->err->code;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(x, st, ctx);
	return report_done(x, st, rc);
}

/* Read the first row's first n columns of sql as whole numbers into out (0 when no row). */
static enum error_code report_numbers(struct report_run *x, const char *sql, long *out, size_t n)
{
	sqlite3_stmt *st = report_prepare(x, sql);
	if (!st)
		return x->err->code;
	int rc = sqlite3_step(st);
	for (size_t i = 0; i < n; i++)
		out[i] = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, (int)i) : 0;
	return report_done(x, st, rc);
}

/* Column i as text ("" for NULL). */
static const char *report_col(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? t : "";
}

/* The index of key in a NULL-key terminated choice list, or -1. */
static int report_choice(const struct record_kind *kind, const char *field, const char *key)
{
	return record_choice_find(record_field(kind, field)->choices, key);
}

/* A row of a "key, count" grouping added to counts[index of the key]. */
struct report_tally {
	const struct record_kind *kind;
	const char *field;
	long *counts;
	size_t n;
};

static void report_tally_row(struct report_run *x, sqlite3_stmt *st, void *ctx)
{
	(void)x;
	struct report_tally *t = ctx;
	int i = t->kind ? report_choice(t->kind, t->field, report_col(st, 0))
	                : record_choice_find(vocab_roles, report_col(st, 0));
	if (i >= 0 && (size_t)i < t->n)
		t->counts[i] += (long)sqlite3_column_int64(st, 1);
}

/* ---- counting the totals ---- */

static enum error_code report_count_activity(struct report_run *x)
{
	long v[4];
	enum error_code code =
	        report_numbers(x,
	                       "SELECT coalesce(sum(m.status = 'held'), 0), coalesce(sum(m.status "
	                       "= 'planned'), 0),"
	                       " coalesce(sum(m.status = 'cancelled'), 0),"
	                       " count(DISTINCT CASE WHEN m.status = 'held' THEN m.project_id END)"
	                       " FROM meeting m WHERE m.held_on >= :from AND m.held_on <= :to"
	                       " AND (:project = 0 OR m.project_id = :project)",
	                       v, 4);
	x->t.held = v[0];
	x->t.planned = v[1];
	x->t.cancelled = v[2];
	x->t.projects = v[3];
	if (code == ERROR_NONE)
		code = report_numbers(x,
		                      "SELECT count(DISTINCT a.person_id), count(DISTINCT CASE WHEN"
		                      " a.role IN ('service_user', 'carer') THEN a.person_id END)"
		                      " FROM meeting m JOIN attendance a ON a.meeting_id = m.id"
		                      " WHERE " REPORT_HELD " AND " REPORT_PARTICIPANT,
		                      v, 2);
	x->t.participants = v[0];
	x->t.users = v[1];
	/*
	 * New: first involved this year or not recorded, and never at a held
	 * meeting before the year began, anywhere.
	 */
	if (code == ERROR_NONE)
		code = report_numbers(
		        x,
		        "SELECT count(*) FROM (SELECT DISTINCT a.person_id AS id FROM meeting m"
		        "  JOIN attendance a ON a.meeting_id = m.id"
		        "  WHERE " REPORT_HELD " AND " REPORT_PARTICIPANT ") t"
		        " JOIN person pe ON pe.id = t.id"
		        " WHERE coalesce(pe.first_involved_on, '9999-12-31') >= :from"
		        " AND NOT EXISTS (SELECT 1 FROM attendance a2 CROSS JOIN meeting m2"
		        "  ON m2.id = a2.meeting_id WHERE a2.person_id = pe.id AND a2.attended = 1"
		        "  AND m2.status = 'held' AND m2.held_on < :from)",
		        &x->t.newcomers, 1);
	return code;
}

/* The sums of feedback outcomes, for the totals and for each project's row. */
#define REPORT_FEEDBACK_SUMS                                                                       \
	"coalesce(sum(f.id IS NOT NULL AND f.given_on <= m.feedback_due_on), 0),"                  \
	" coalesce(sum(f.id IS NOT NULL AND f.given_on > m.feedback_due_on), 0),"                  \
	" coalesce(sum(f.id IS NULL AND m.feedback_due_on < :today), 0),"                          \
	" coalesce(sum(f.id IS NULL AND m.feedback_due_on >= :today), 0)"
#define REPORT_FEEDBACK_FROM                                                                       \
	" FROM meeting m JOIN project p ON p.id = m.project_id"                                    \
	" JOIN attendance a ON a.meeting_id = m.id"                                                \
	" LEFT JOIN feedback f ON f.meeting_id = a.meeting_id AND f.person_id = a.person_id"       \
	" WHERE " REPORT_HELD " AND " REPORT_USER

static enum error_code report_count_feedback(struct report_run *x)
{
	long v[5];
	enum error_code code = report_numbers(
	        x,
	        "SELECT " REPORT_FEEDBACK_SUMS
	        ", coalesce(sum(f.format = (SELECT pe.preferred_format"
	        " FROM person pe WHERE pe.id = a.person_id)), 0)" REPORT_FEEDBACK_FROM,
	        v, 5);
	x->t.fb_on_time = v[0];
	x->t.fb_late = v[1];
	x->t.fb_overdue = v[2];
	x->t.fb_not_due = v[3];
	x->t.fb_format = v[4];
	struct report_tally said = { &contribution_kind, "response", x->t.said, REPORT_RESPONSES };
	if (code == ERROR_NONE)
		code = report_each(x,
		                   "SELECT c.response, count(*) FROM meeting m"
		                   " JOIN contribution c ON c.meeting_id = m.id WHERE " REPORT_HELD
		                   " GROUP BY c.response",
		                   report_tally_row, &said);
	struct report_tally followed = { &decision_kind, "users_view_followed", x->t.decisions,
		                         REPORT_FOLLOWED };
	if (code == ERROR_NONE)
		code = report_each(x,
		                   "SELECT d.users_view_followed, count(*) FROM decision d"
		                   " WHERE d.decided_on >= :from AND d.decided_on <= :to"
		                   " AND (:project = 0 OR d.project_id = :project)"
		                   " GROUP BY d.users_view_followed",
		                   report_tally_row, &followed);
	return code;
}

/* One claim: how much, whether and how promptly it was paid. */
static void report_payment_row(struct report_run *x, sqlite3_stmt *st, void *ctx)
{
	(void)ctx;
	struct report_totals *t = &x->t;
	int kind = report_choice(&payment_kind, "kind", report_col(st, 0));
	int64_t pence = sqlite3_column_int64(st, 1);
	int32_t claimed, paid;
	if (date_parse(report_col(st, 2), &claimed, NULL) != ERROR_NONE)
		return;
	bool is_paid = date_parse(report_col(st, 3), &paid, NULL) == ERROR_NONE;
	const struct calendar *cal = config_calendar(x->config);
	int within = (int)config_int(x->config, "payments.pay_within_days");
	int32_t due = date_add_working_days(claimed, within, cal);
	t->claims++;
	if (kind >= 0 && kind < REPORT_KINDS) {
		t->kind_claims[kind]++;
		t->kind_claimed[kind] += pence;
		t->kind_paid[kind] += is_paid ? pence : 0;
	}
	if (sqlite3_column_int(st, 4)) {
		t->declined++;
	} else if (is_paid) {
		t->paid++;
		if (paid <= due)
			t->paid_on_time++;
		else
			t->paid_late++;
		int days = date_working_days_between(claimed, paid, cal);
		t->days[days < 0 ? 0 : days > REPORT_DAYS ? REPORT_DAYS : days]++;
	} else if (due < x->opt->today) {
		t->unpaid_overdue++;
	} else {
		t->unpaid_not_due++;
	}
}

static enum error_code report_count_payments(struct report_run *x)
{
	return report_each(x,
	                   "SELECT pay.kind, pay.amount_pence, pay.claimed_on, pay.paid_on,"
	                   " pay.declined FROM payment pay"
	                   " LEFT JOIN meeting m ON m.id = pay.meeting_id"
	                   " WHERE pay.claimed_on >= :from AND pay.claimed_on <= :to"
	                   " AND (:project = 0 OR m.project_id = :project)",
	                   report_payment_row, NULL);
}

/* A rules_finding_fn: count the finding by its rule and severity. */
static bool report_finding(const struct finding *f, void *ctx)
{
	struct report_totals *t = ctx;
	size_t i = rules_index(f->rule);
	if (i < REPORT_RULES)
		t->findings[i]++;
	t->severity[f->severity]++;
	return true;
}

static enum error_code report_count_findings(struct report_run *x)
{
	struct rules_options opt = rules_options_default(x->opt->today);
	if (x->opt->project_id) {
		opt.scope.kind = RULES_SCOPE_PROJECT;
		opt.scope.id = x->opt->project_id;
	}
	return rules_run(x->s, x->config, &opt, report_finding, &x->t, x->err);
}

/* ---- writing ---- */

/* n with thousands separated: "1,234". */
static const char *report_n(long n, char out[EXCHANGE_NUMBER_SIZE])
{
	exchange_number(n, out);
	return out;
}

/* "62% (1,200 of 1,935)", or "none due yet". The caller frees it. */
static char *report_share(long part, long whole)
{
	if (whole <= 0)
		return mem_strdup("none due yet");
	char a[EXCHANGE_NUMBER_SIZE], b[EXCHANGE_NUMBER_SIZE];
	return mem_printf("%ld%% (%s of %s)", (part * 100 + whole / 2) / whole, report_n(part, a),
	                  report_n(whole, b));
}

/* A label as the first words of a row: "service user" becomes "Service user". Caller frees. */
static char *report_capital(const char *label)
{
	char *s = mem_strdup(label);
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* A two-column table row: label and text. */
static void report_pair(struct report_run *x, const char *label, const char *value)
{
	const char *cells[] = { label, value };
	doc_table_row(&x->d, cells);
}

/* A two-column table row: label and text, which is freed. */
static void report_pair_free(struct report_run *x, const char *label, char *value)
{
	report_pair(x, label, value);
	free(value);
}

/* The sum of n counts. */
static long report_sum(const long *v, size_t n)
{
	long sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	return sum;
}

/* A two-column table row: label and a whole number. */
static void report_pair_n(struct report_run *x, const char *label, long value)
{
	char n[EXCHANGE_NUMBER_SIZE];
	report_pair(x, label, report_n(value, n));
}

/* A table of labels and numbers and the same figures as a chart. */
static void report_figures(struct report_run *x, const char *caption, const char *label_header,
                           const char *value_header, const char *const *labels, const long *values,
                           size_t n, bool chart)
{
	if (chart)
		doc_chart(&x->d, caption, labels, values, n);
	const struct doc_column cols[] = { { label_header, 0 }, { value_header, DOC_NUMBER } };
	doc_table_begin(&x->d, caption, cols, 2);
	for (size_t i = 0; i < n; i++)
		report_pair_n(x, labels[i], values[i]);
	doc_table_end(&x->d, NULL);
}

static void report_intro(struct report_run *x)
{
	char *title = x->project ? mem_printf("Involvement report %d: %s", x->opt->year, x->project)
	                         : mem_printf("Involvement report %d", x->opt->year);
	doc_heading(&x->d, 1, title);
	free(title);
	char from[DOC_DATE_SIZE], to[DOC_DATE_SIZE], today[DOC_DATE_SIZE];
	doc_date(x->from, from);
	doc_date(x->to, to);
	doc_date(x->today, today);
	char *p = mem_printf(
	        "What involvement of service users and carers took place from %s to %s%s%s%s, "
	        "and what came of it, as recorded in involve. It counts people and names no one. "
	        "Made on %s.",
	        from, to, strcmp(x->today, x->to) < 0 ? " (the figures run to " : "",
	        strcmp(x->today, x->to) < 0 ? today : "", strcmp(x->today, x->to) < 0 ? ")" : "",
	        today);
	doc_para(&x->d, p);
	free(p);
}

static void report_key_figures(struct report_run *x)
{
	struct report_totals *t = &x->t;
	char a[EXCHANGE_NUMBER_SIZE], b[EXCHANGE_NUMBER_SIZE], c[EXCHANGE_NUMBER_SIZE];
	doc_heading(&x->d, 2, "Key figures");
	const struct doc_column cols[] = { { "Figure", 0 }, { "Value", 0 } };
	doc_table_begin(&x->d, "Key figures for the year", cols, 2);
	report_pair_free(x, "Involvement activities",
	                 mem_printf("%s held (and %s planned, %s cancelled)", report_n(t->held, a),
	                            report_n(t->planned, b), report_n(t->cancelled, c)));
	if (!x->project)
		report_pair_n(x, "Projects with involvement", t->projects);
	report_pair_free(x, "People who took part",
	                 mem_printf("%s, of whom %s service users and carers",
	                            report_n(t->participants, a), report_n(t->users, b)));
	report_pair_n(x, "People taking part for the first time", t->newcomers);
	report_pair_free(x, "Told what came of it on time",
	                 report_share(t->fb_on_time, t->fb_on_time + t->fb_late + t->fb_overdue));
	long said = report_sum(t->said, REPORT_RESPONSES);
	report_pair_free(x, "Things people said",
	                 mem_printf("%s, of which %s answered", report_n(said, a),
	                            report_n(said - t->said[RESPONSE_PENDING], b)));
	report_pair_free(x, "Decisions",
	                 mem_printf("%s; users' views followed in %s, partly in %s",
	                            report_n(report_sum(t->decisions, REPORT_FOLLOWED), a),
	                            report_n(t->decisions[DECISION_FOLLOWED_YES], b),
	                            report_n(t->decisions[DECISION_FOLLOWED_PARTLY], c)));
	char *share = report_share(t->paid_on_time, t->paid + t->unpaid_overdue);
	report_pair_free(x, "Payments",
	                 mem_printf("%s claims; paid on time: %s", report_n(t->claims, a), share));
	free(share);
	report_pair_free(x, "Findings open today",
	                 mem_printf("%s errors, %s warnings, %s for information",
	                            report_n(t->severity[RULE_ERROR], a),
	                            report_n(t->severity[RULE_WARNING], b),
	                            report_n(t->severity[RULE_INFO], c)));
	doc_table_end(&x->d, NULL);
}

/* What was held at each stage: activities, people, and at which levels. */
struct report_stages {
	size_t nlevels;     /* the configured ladder, then one for "no level recorded" */
	long *activities;   /* [STAGE_COUNT] */
	long *people;       /* [STAGE_COUNT] */
	long *levels;       /* [STAGE_COUNT * nlevels] */
	long *level_totals; /* [nlevels] */
};

static void report_stage_level_row(struct report_run *x, sqlite3_stmt *st, void *ctx)
{
	struct report_stages *g = ctx;
	int stage = record_choice_find(vocab_stages, report_col(st, 0));
	if (stage < 0)
		return;
	int level = config_level_find(x->config, report_col(st, 1));
	size_t li = level < 0 ? g->nlevels - 1 : (size_t)level;
	long n = (long)sqlite3_column_int64(st, 2);
	g->activities[stage] += n;
	g->levels[(size_t)stage * g->nlevels + li] += n;
	g->level_totals[li] += n;
}

static void report_stage_people_row(struct report_run *x, sqlite3_stmt *st, void *ctx)
{
	(void)x;
	struct report_stages *g = ctx;
	int stage = record_choice_find(vocab_stages, report_col(st, 0));
	if (stage >= 0)
		g->people[stage] = (long)sqlite3_column_int64(st, 1);
}

/* The label of level i of the stages' ladder ("no level recorded" for the last). */
static const char *report_level_label(struct report_run *x, const struct report_stages *g, size_t i)
{
	return i + 1 == g->nlevels ? "no level recorded" : config_level_label(x->config, i);
}

/* "consulting 5, participation 7" for one stage. The caller frees it. */
static char *report_stage_levels(struct report_run *x, const struct report_stages *g, int stage)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < g->nlevels; i++) {
		long n = g->levels[(size_t)stage * g->nlevels + i];
		if (n)
			buf_printf(&b, "%s%s %ld", b.len ? ", " : "", report_level_label(x, g, i),
			           n);
	}
	return buf_take(&b);
}

static enum error_code report_stages(struct report_run *x)
{
	struct report_stages g = { .nlevels = config_level_count(x->config) + 1 };
	g.activities = mem_calloc(STAGE_COUNT, sizeof *g.activities);
	g.people = mem_calloc(STAGE_COUNT, sizeof *g.people);
	g.levels = mem_calloc(STAGE_COUNT * g.nlevels, sizeof *g.levels);
	g.level_totals = mem_calloc(g.nlevels, sizeof *g.level_totals);
	enum error_code code = report_each(x,
	                                   "SELECT m.stage, m.level, count(*) FROM meeting m"
	                                   " WHERE " REPORT_HELD " GROUP BY m.stage, m.level",
	                                   report_stage_level_row, &g);
	if (code == ERROR_NONE)
		code = report_each(x,
		                   "SELECT m.stage, count(DISTINCT a.person_id) FROM meeting m"
		                   " JOIN attendance a ON a.meeting_id = m.id"
		                   " WHERE " REPORT_HELD " AND " REPORT_PARTICIPANT
		                   " GROUP BY m.stage",
		                   report_stage_people_row, &g);
	if (code == ERROR_NONE) {
		doc_heading(&x->d, 2, "Involvement at each stage of the cycle");
		doc_para(&x->d, "Users should be involved at every stage of commissioning. A stage "
		                "with no activity is a stage where no one was asked.");
		/* The stages as configured, in their order, then any others that had activity. */
		size_t n = config_stage_count(x->config), shown = 0;
		const char **labels = mem_calloc(STAGE_COUNT, sizeof *labels);
		long *values = mem_calloc(STAGE_COUNT, sizeof *values);
		int order[STAGE_COUNT];
		bool seen[STAGE_COUNT] = { false };
		for (size_t i = 0; i < n; i++) {
			order[shown++] = config_stage_at(x->config, i);
			seen[order[shown - 1]] = true;
		}
		for (int s = 0; s < STAGE_COUNT; s++)
			if (!seen[s] && g.activities[s])
				order[shown++] = s;
		for (size_t i = 0; i < shown; i++) {
			labels[i] = config_stage_label(x->config, order[i]);
			values[i] = g.activities[order[i]];
		}
		doc_chart(&x->d, "Activities held at each stage", labels, values, shown);
		const struct doc_column cols[] = { { "Stage", 0 },
			                           { "Activities", DOC_NUMBER },
			                           { "People taking part", DOC_NUMBER },
			                           { "Levels of involvement", 0 } };
		doc_table_begin(&x->d,
		                "Activities held at each stage, the people who took part, and "
		                "the levels of involvement",
		                cols, 4);
		for (size_t i = 0; i < shown; i++) {
			char a[EXCHANGE_NUMBER_SIZE], p[EXCHANGE_NUMBER_SIZE];
			char *levels = report_stage_levels(x, &g, order[i]);
			const char *cells[] = { labels[i], report_n(values[i], a),
				                report_n(g.people[order[i]], p),
				                *levels ? levels : "none" };
			doc_table_row(&x->d, cells);
			free(levels);
		}
		doc_table_end(&x->d, NULL);
		/* The ladder, lowest first; "no level recorded" only when some are. */
		const char **lv = mem_calloc(g.nlevels, sizeof *lv);
		size_t nl = g.nlevels - (g.level_totals[g.nlevels - 1] ? 0 : 1);
		for (size_t i = 0; i < nl; i++)
			lv[i] = report_level_label(x, &g, i);
		report_figures(x, "Activities at each level of involvement", "Level", "Activities",
		               lv, g.level_totals, nl, true);
		free(lv);
		free(labels);
		free(values);
	}
	free(g.activities);
	free(g.people);
	free(g.levels);
	free(g.level_totals);
	return code;
}

/* ---- people ---- */

/* The seldom-heard groups met, each with how many people. */
struct report_tags {
	char **names;
	long *counts;
	size_t n, cap;
};

/*
 * Count one person into each group named in their ';'-separated tags. Groups
 * spelt differently only in case are one group, named by the spelling that
 * sorts first ("Polish community" before "polish community").
 */
static void report_tag_row(struct report_run *x, sqlite3_stmt *st, void *ctx)
{
	(void)x;
	struct report_tags *g = ctx;
	char *tags = text_clean(report_col(st, 0), 0);
	for (char *save = NULL, *t = strtok_r(tags, ";", &save); t;
	     t = strtok_r(NULL, ";", &save)) {
		text_trim(t);
		if (!*t)
			continue;
		size_t i = 0;
		while (i < g->n && strcasecmp(g->names[i], t) != 0)
			i++;
		if (i < g->n && strcmp(t, g->names[i]) < 0) /* one spelling, whatever the order */
			mem_replace(&g->names[i], t);
		if (i == g->n) {
			size_t cap = g->cap;
			mem_grow((void **)&g->names, &cap, g->n + 1, sizeof *g->names);
			mem_grow((void **)&g->counts, &g->cap, g->n + 1, sizeof *g->counts);
			g->names[g->n] = mem_strdup(t);
			g->counts[g->n++] = 0;
		}
		g->counts[i]++;
	}
	free(tags);
}

/* Most people first, then by name. */
static void report_tags_sort(struct report_tags *g)
{
	for (size_t i = 1; i < g->n; i++)
		for (size_t j = i; j > 0; j--) {
			bool before = g->counts[j] > g->counts[j - 1] ||
			              (g->counts[j] == g->counts[j - 1] &&
			               strcasecmp(g->names[j], g->names[j - 1]) < 0);
			if (!before)
				break;
			char *name = g->names[j];
			long count = g->counts[j];
			g->names[j] = g->names[j - 1];
			g->counts[j] = g->counts[j - 1];
			g->names[j - 1] = name;
			g->counts[j - 1] = count;
		}
}

static enum error_code report_tags(struct report_run *x)
{
	struct report_tags g = { 0 };
	enum error_code code = report_each(
	        x,
	        "SELECT pe.tags FROM person pe WHERE pe.id IN (SELECT a.person_id FROM meeting m"
	        "  JOIN attendance a ON a.meeting_id = m.id"
	        "  WHERE " REPORT_HELD " AND " REPORT_PARTICIPANT ")"
	        " AND pe.tags IS NOT NULL AND pe.tags <> ''",
	        report_tag_row, &g);
	if (code == ERROR_NONE) {
		report_tags_sort(&g);
		doc_heading(&x->d, 3, "Seldom-heard groups reached");
		char *p = mem_printf(
		        "People whose voices are seldom heard, by the groups they told us "
		        "they belong to (recorded only with their consent). A group of "
		        "fewer than %d people is not counted here, so no one can be "
		        "picked out.",
		        REPORT_SMALL_GROUP);
		doc_para(&x->d, p);
		free(p);
		const char **labels = mem_calloc(g.n + 1, sizeof *labels);
		long *values = mem_calloc(g.n + 1, sizeof *values);
		size_t big = 0;
		for (size_t i = 0; i < g.n; i++)
			if (g.counts[i] >= REPORT_SMALL_GROUP) {
				labels[big] = g.names[i];
				values[big++] = g.counts[i];
			}
		doc_chart(&x->d, "People reached in each seldom-heard group of 5 or more", labels,
		          values, big);
		const struct doc_column cols[] = { { "Group", 0 }, { "People", DOC_NUMBER } };
		doc_table_begin(&x->d, "People reached in each seldom-heard group", cols, 2);
		for (size_t i = 0; i < g.n; i++) {
			char n[EXCHANGE_NUMBER_SIZE];
			report_pair(x, g.names[i],
			            g.counts[i] < REPORT_SMALL_GROUP ? "fewer than 5"
			                                             : report_n(g.counts[i], n));
		}
		doc_table_end(&x->d, "No one who took part has a seldom-heard group recorded.");
		free(labels);
		free(values);
	}
	for (size_t i = 0; i < g.n; i++)
		free(g.names[i]);
	free(g.names);
	free(g.counts);
	return code;
}

static enum error_code report_people(struct report_run *x)
{
	long roles[ROLE_COUNT] = { 0 };
	struct report_tally t = { NULL, NULL, roles, ROLE_COUNT };
	enum error_code code = report_each(x,
	                                   "SELECT a.role, count(DISTINCT a.person_id)"
	                                   " FROM meeting m JOIN attendance a"
	                                   " ON a.meeting_id = m.id WHERE " REPORT_HELD
	                                   " AND a.attended = 1 GROUP BY a.role",
	                                   report_tally_row, &t);
	if (code != ERROR_NONE)
		return code;
	doc_heading(&x->d, 2, "People who took part");
	char a[EXCHANGE_NUMBER_SIZE], b[EXCHANGE_NUMBER_SIZE], c[EXCHANGE_NUMBER_SIZE];
	char *p = mem_printf("%s service users, carers, future users and non-users took part; %s "
	                     "of them are service users or carers, and %s took part for the first "
	                     "time. New people matter: the same few voices are not everyone's.",
	                     report_n(x->t.participants, a), report_n(x->t.users, b),
	                     report_n(x->t.newcomers, c));
	doc_para(&x->d, p);
	free(p);
	char *labels[ROLE_COUNT];
	for (size_t i = 0; i < ROLE_COUNT; i++)
		labels[i] = report_capital(vocab_roles[i].label);
	report_figures(x, "People who came, by their role at the meetings", "Role", "People",
	               (const char *const *)labels, roles, ROLE_COUNT, false);
	for (size_t i = 0; i < ROLE_COUNT; i++)
		free(labels[i]);
	return report_tags(x);
}

/* ---- feedback ---- */

static void report_feedback_project_row(struct report_run *x, sqlite3_stmt *st, void *ctx)
{
	(void)ctx;
	long on_time = (long)sqlite3_column_int64(st, 1), late = (long)sqlite3_column_int64(st, 2);
	long overdue = (long)sqlite3_column_int64(st, 3);
	char a[EXCHANGE_NUMBER_SIZE], b[EXCHANGE_NUMBER_SIZE], c[EXCHANGE_NUMBER_SIZE];
	char d[EXCHANGE_NUMBER_SIZE];
	long owed = on_time + late + overdue;
	char *pct = owed ? mem_printf("%ld%%", (on_time * 100 + owed / 2) / owed)
	                 : mem_strdup("none due yet");
	const char *cells[] = { report_col(st, 0), report_n(owed, a),    report_n(on_time, b),
		                report_n(late, c), report_n(overdue, d), pct };
	doc_table_row(&x->d, cells);
	free(pct);
}

static enum error_code report_feedback(struct report_run *x)
{
	struct report_totals *t = &x->t;
	doc_heading(&x->d, 2, "Telling people what came of it");
	long owed = t->fb_on_time + t->fb_late + t->fb_overdue;
	char *share = report_share(t->fb_on_time, owed);
	char a[EXCHANGE_NUMBER_SIZE], b[EXCHANGE_NUMBER_SIZE];
	char *p = mem_printf(
	        "Each service user or carer who comes to an activity is owed feedback by its due "
	        "date: what changed, and what was not possible and why. Told on time: %s of those "
	        "whose feedback has fallen due. %s of the %s given were in the format the person "
	        "needs.",
	        share, report_n(t->fb_format, a), report_n(t->fb_on_time + t->fb_late, b));
	doc_para(&x->d, p);
	free(p);
	free(share);
	const char *labels[] = { "Told on time", "Told late", "Not told, and overdue",
		                 "Not told yet, not yet due" };
	long values[] = { t->fb_on_time, t->fb_late, t->fb_overdue, t->fb_not_due };
	report_figures(x, "Feedback owed to service users and carers, by when it was given",
	               "Feedback", "People", labels, values, 4, true);
	if (x->project)
		return ERROR_NONE;
	const struct doc_column cols[] = {
		{ "Project", 0 },
		{ "Owed so far", DOC_NUMBER },
		{ "On time", DOC_NUMBER },
		{ "Late", DOC_NUMBER },
		{ "Not told, overdue", DOC_NUMBER },
		{ "Told on time", DOC_NUMBER },
	};
	doc_table_begin(&x->d, "Feedback in each project", cols, 6);
	enum error_code code =
	        report_each(x,
	                    "SELECT p.title, " REPORT_FEEDBACK_SUMS REPORT_FEEDBACK_FROM
	                    " GROUP BY m.project_id ORDER BY p.title COLLATE NOCASE, m.project_id",
	                    report_feedback_project_row, NULL);
	doc_table_end(&x->d, "No service user or carer was owed feedback this year.");
	return code;
}

/* ---- you said, we did ---- */

/* What was done, in words, by enum contribution_response_choice. */
static const char *const report_we_did[REPORT_RESPONSES] = {
	[RESPONSE_PENDING] = "Not answered yet",
	[RESPONSE_ADOPTED] = "Done",
	[RESPONSE_PARTLY] = "Partly done",
	[RESPONSE_NOT_POSSIBLE] = "Not possible",
	[RESPONSE_ALREADY_HAPPENING] = "Already happening",
};

/* The project whose table is open, to start a new one when it changes. */
struct report_said {
	int64_t project; /* 0: no table open */
	long rows;
};

static const struct doc_column report_said_columns[] = {
	{ "Activity", 0 },
	{ "You said", DOC_LONG },
	{ "We did", DOC_LONG },
	{ "Why, or why not", DOC_LONG },
};

static void report_said_row(struct report_run *x, sqlite3_stmt *st, void *ctx)
{
	struct report_said *g = ctx;
	int64_t project = sqlite3_column_int64(st, 0);
	if (project != g->project) {
		if (g->project)
			doc_table_end(&x->d, NULL);
		g->project = project;
		char *caption = mem_printf("You said, we did: %s", report_col(st, 1));
		if (!x->project)
			doc_heading(&x->d, 3, report_col(st, 1));
		doc_table_begin(&x->d, caption, report_said_columns, 4);
		free(caption);
	}
	char held[DOC_DATE_SIZE];
	doc_date(report_col(st, 3), held);
	char *activity = mem_printf("%s, %s", report_col(st, 2), held);
	int r = report_choice(&contribution_kind, "response", report_col(st, 5));
	const char *done = r >= 0 ? report_we_did[r] : "";
	const char *text = report_col(st, 6);
	char *we_did = *text ? mem_printf("%s: %s", done, text) : mem_strdup(done);
	const char *cells[] = { activity, report_col(st, 4), we_did, report_col(st, 7) };
	doc_table_row(&x->d, cells);
	free(we_did);
	free(activity);
	g->rows++;
}

static enum error_code report_said(struct report_run *x)
{
	doc_heading(&x->d, 2, "You said, we did");
	doc_para(&x->d, "What people said at each activity, what was done about it, and when "
	                "something was not possible, why.");
	const char *labels[REPORT_RESPONSES];
	long values[REPORT_RESPONSES];
	static const int order[REPORT_RESPONSES] = { RESPONSE_ADOPTED, RESPONSE_PARTLY,
		                                     RESPONSE_ALREADY_HAPPENING,
		                                     RESPONSE_NOT_POSSIBLE, RESPONSE_PENDING };
	for (size_t i = 0; i < REPORT_RESPONSES; i++) {
		labels[i] = report_we_did[order[i]];
		values[i] = x->t.said[order[i]];
	}
	report_figures(x, "What came of what people said", "Answer", "Things said", labels, values,
	               REPORT_RESPONSES, true);
	struct report_said g = { 0 };
	enum error_code code = report_each(
	        x,
	        "SELECT p.id, p.title, m.title, m.held_on, c.said, c.response, c.response_text,"
	        " c.reason FROM meeting m JOIN project p ON p.id = m.project_id"
	        " JOIN contribution c ON c.meeting_id = m.id WHERE " REPORT_HELD
	        " ORDER BY p.title COLLATE NOCASE, p.id, m.held_on, m.id, c.created_at, c.id",
	        report_said_row, &g);
	if (g.project)
		doc_table_end(&x->d, NULL);
	else
		doc_para(&x->d, "Nothing people said at activities this year is recorded.");
	return code;
}

/* ---- decisions ---- */

/* "yes", "no" or "not recorded" for a yes/no column. */
static const char *report_yes_no(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return "not recorded";
	return sqlite3_column_int(st, i) ? "yes" : "no";
}

static void report_decision_row(struct report_run *x, sqlite3_stmt *st, void *ctx)
{
	(void)ctx;
	int f = report_choice(&decision_kind, "users_view_followed", report_col(st, 5));
	const char *followed =
	        f >= 0 ? record_choice_label(
	                         record_field(&decision_kind, "users_view_followed")->choices, f)
	               : "";
	char on[DOC_DATE_SIZE];
	doc_date(report_col(st, 2), on);
	const char *cells[] = { report_col(st, 0),   report_col(st, 1),    on,
		                report_col(st, 3),   report_yes_no(st, 4), followed,
		                report_yes_no(st, 6) };
	doc_table_row(&x->d, cells);
}

static enum error_code report_decisions(struct report_run *x)
{
	doc_heading(&x->d, 2, "Decisions, and whether users' views were followed");
	doc_para(&x->d, "When a decision goes against what service users and carers said, they "
	                "must be told why, and how to appeal or complain.");
	const char *labels[] = { "Followed", "Partly followed", "Not followed", "Not known" };
	report_figures(x, "Decisions by whether users' views were followed", "Users' views",
	               "Decisions", labels, x->t.decisions, REPORT_FOLLOWED, true);
	const struct doc_column cols[] = {
		{ "Decision", 0 },           { "Project", 0 },       { "Decided on", 0 },
		{ "Decided by", 0 },         { "Users present", 0 }, { "Users' views followed", 0 },
		{ "Appeal route given", 0 },
	};
	doc_table_begin(&x->d, "Decisions taken in the year", cols, 7);
	enum error_code code = report_each(
	        x,
	        "SELECT d.title, p.title, d.decided_on, d.decided_by, d.users_present,"
	        " d.users_view_followed, d.appeal_route_given FROM decision d"
	        " JOIN project p ON p.id = d.project_id"
	        " WHERE d.decided_on >= :from AND d.decided_on <= :to"
	        " AND (:project = 0 OR d.project_id = :project) ORDER BY d.decided_on, d.id",
	        report_decision_row, NULL);
	doc_table_end(&x->d, "No decision is recorded for the year.");
	return code;
}

/* ---- payments ---- */

static void report_payments(struct report_run *x)
{
	struct report_totals *t = &x->t;
	int within = (int)config_int(x->config, "payments.pay_within_days");
	doc_heading(&x->d, 2, "Payments, and how promptly they were made");
	/* The median and the longest, from the count of claims paid after each number of days. */
	long seen = 0, median = -1, longest = -1;
	for (long d = 0; d <= REPORT_DAYS; d++) {
		if (t->days[d] && median < 0 && (seen + t->days[d]) * 2 >= t->paid)
			median = d;
		seen += t->days[d];
		if (t->days[d])
			longest = d;
	}
	char a[EXCHANGE_NUMBER_SIZE];
	char *p;
	if (t->paid)
		p = mem_printf(
		        "Claims for fees and expenses should be paid within %d working days. "
		        "Half of the %s claims paid were paid within %ld working days; the "
		        "slowest took %s%ld.",
		        within, report_n(t->paid, a), median,
		        longest == REPORT_DAYS ? "more than " : "", longest);
	else
		p = mem_printf(
		        "Claims for fees and expenses should be paid within %d working days. "
		        "No claim made this year has been paid yet.",
		        within);
	doc_para(&x->d, p);
	free(p);
	char *on_time = mem_printf("Paid within %d working days", within);
	const char *labels[] = { on_time, "Paid later", "Not paid, and overdue",
		                 "Not paid yet, not yet due", "Declined by the person" };
	long values[] = { t->paid_on_time, t->paid_late, t->unpaid_overdue, t->unpaid_not_due,
		          t->declined };
	report_figures(x, "Claims made in the year, by how promptly they were paid", "Claims",
	               "Number", labels, values, 5, true);
	free(on_time);
	const struct doc_column cols[] = { { "Kind", 0 },
		                           { "Claims", DOC_NUMBER },
		                           { "Amount claimed", DOC_NUMBER },
		                           { "Amount paid", DOC_NUMBER } };
	doc_table_begin(&x->d, "Claims by kind", cols, 4);
	const struct choice *kinds = record_field(&payment_kind, "kind")->choices;
	for (size_t i = 0; i < REPORT_KINDS; i++) {
		char n[EXCHANGE_NUMBER_SIZE], claimed[MONEY_TEXT_SIZE], paid[MONEY_TEXT_SIZE];
		money_format_pounds(t->kind_claimed[i], claimed);
		money_format_pounds(t->kind_paid[i], paid);
		char *kind = report_capital(record_choice_label(kinds, (int)i));
		const char *cells[] = { kind, report_n(t->kind_claims[i], n), claimed, paid };
		doc_table_row(&x->d, cells);
		free(kind);
	}
	doc_table_end(&x->d, NULL);
}

/* ---- findings ---- */

static void report_findings(struct report_run *x)
{
	struct report_totals *t = &x->t;
	doc_heading(&x->d, 2, "What is still owed: open findings");
	char today[DOC_DATE_SIZE];
	doc_date(x->today, today);
	char a[EXCHANGE_NUMBER_SIZE], b[EXCHANGE_NUMBER_SIZE], c[EXCHANGE_NUMBER_SIZE];
	char *p = mem_printf(
	        "On %s involve's checks found %s errors, %s warnings and %s things "
	        "for information%s. \"involve check\" lists each one with what to "
	        "do.",
	        today, report_n(t->severity[RULE_ERROR], a), report_n(t->severity[RULE_WARNING], b),
	        report_n(t->severity[RULE_INFO], c), x->project ? " in this project" : "");
	doc_para(&x->d, p);
	free(p);
	const struct doc_column cols[] = { { "Check", 0 },
		                           { "Severity", 0 },
		                           { "Findings", DOC_NUMBER } };
	doc_table_begin(&x->d, "Open findings by check, the most serious first", cols, 3);
	size_t n;
	const struct rule *rules = rules_table(&n);
	for (int sev = 0; sev < RULE_SEVERITY_COUNT; sev++)
		for (size_t i = 0; i < n && i < REPORT_RULES; i++) {
			if (!t->findings[i] || (int)rules_severity(x->config, &rules[i]) != sev)
				continue;
			char count[EXCHANGE_NUMBER_SIZE];
			const char *cells[] = { rules[i].title,
				                rules_severity_name((enum rule_severity)sev),
				                report_n(t->findings[i], count) };
			doc_table_row(&x->d, cells);
		}
	doc_table_end(&x->d, "Nothing is owed: no check has a finding.");
}

/* ---- the whole report ---- */

enum error_code report_find_project(struct store *s, const char *text, int64_t *id,
                                    struct error *err)
{
	char *want = text_trim(mem_strdup(text ? text : ""));
	*id = 0;
	int64_t n;
	if (want[0] == '#') {
		if (record_parse_id(want + 1, &n))
			*id = record_lookup(s, "SELECT id FROM project WHERE id = ?", "i", n);
	} else if (*want) {
		*id = project_find(s, want);
	}
	enum error_code code = ERROR_NONE;
	if (!*id) {
		char *shown = text_clean(want, 0);
		code = error_set(err, ERROR_NOT_FOUND,
		                 "There is no project called \"%.60s\"; give its title as the "
		                 "projects list shows it, or its number as #123",
		                 shown);
		free(shown);
	}
	free(want);
	return code;
}

enum error_code report_write(struct store *s, const struct config *config,
                             const struct report_options *opt, FILE *out, struct error *err)
{
	struct error local;
	struct report_run x = { .s = s, .config = config, .opt = opt, .err = err ? err : &local };
	snprintf(x.from, sizeof x.from, "%04d-01-01", opt->year);
	snprintf(x.to, sizeof x.to, "%04d-12-31", opt->year);
	date_format(opt->today, x.today);
	enum error_code code = ERROR_NONE;
	if (opt->project_id) {
		x.project = NULL;
		sqlite3_stmt *st =
		        store_prepare(s, "SELECT title FROM project WHERE id = ?", x.err);
		if (!st)
			return x.err->code;
		sqlite3_bind_int64(st, 1, opt->project_id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			x.project = mem_strdup(report_col(st, 0));
		code = report_done(&x, st, rc);
		if (code == ERROR_NONE && !x.project)
			code = error_set(x.err, ERROR_NOT_FOUND,
			                 "There is no project #%" PRId64 " to report on",
			                 opt->project_id);
	}
	/* One read of the store, so the figures agree with each other. */
	bool began = false;
	if (code == ERROR_NONE && !store_in_transaction(s) && !store_read_only(s)) {
		code = store_begin(s, x.err);
		began = code == ERROR_NONE;
	}
	enum error_code (*const counts[])(struct report_run *) = {
		report_count_activity,
		report_count_feedback,
		report_count_payments,
		report_count_findings,
	};
	for (size_t i = 0; code == ERROR_NONE && i < sizeof counts / sizeof *counts; i++)
		code = counts[i](&x);
	if (code == ERROR_NONE) {
		char *title =
		        x.project ? mem_printf("Involvement report %d: %s", opt->year, x.project)
		                  : mem_printf("Involvement report %d", opt->year);
		doc_begin(&x.d, out, opt->format, DOC_LOOK_REPORT, title);
		free(title);
		report_intro(&x);
		report_key_figures(&x);
		enum error_code (*const parts[])(struct report_run *) = {
			report_stages, report_people,    report_feedback,
			report_said,   report_decisions,
		};
		for (size_t i = 0; code == ERROR_NONE && i < sizeof parts / sizeof *parts; i++)
			code = parts[i](&x);
		if (code == ERROR_NONE) {
			report_payments(&x);
			report_findings(&x);
			code = doc_end(&x.d, x.err);
		}
	}
	if (began)
		store_rollback(s);
	free(x.project);
	return code;
}

/* What report_export passes to outfile_write. */
struct report_export_ctx {
	struct store *s;
	const struct config *config;
	const struct report_options *opt;
};

/* An outfile_writer: the report. */
static enum error_code report_export_write(FILE *f, void *ctx, struct error *err)
{
	struct report_export_ctx *x = ctx;
	return report_write(x->s, x->config, x->opt, f, err);
}

enum error_code report_export(struct store *s, const struct config *config,
                              const struct report_options *opt, const char *path, struct error *err)
{
	struct report_export_ctx x = { s, config, opt };
	return outfile_write(path, report_export_write, &x, err);
}
