/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stages: a project's stages, their strip, and findings as rows, for the project screens. */
#include "stages.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "mem.h"
#include "record.h"
#include "rules.h"
#include "stage.h"

const struct config *stages_config(const struct screen_ctx *c)
{
	/* Loaded once, on the first screen opened without settings, and kept. */
	static struct config *builtin;
	if (c->config)
		return c->config;
	if (!builtin)
		builtin = config_load(NULL, rules_ids(), NULL);
	return builtin;
}

/* What reading a project's stage records needs. */
struct stages_reading {
	struct stages *out;
	bool agreement_rule; /* stage_no_agreement is enabled */
	bool any_done;
};

/*
 * One stage record into the table. Missing its agreement is judged here as
 * the rule stage_no_agreement judges it (active or done, and not
 * stage_has_agreement), to spare a query for every project in a list.
 */
static bool stages_take(void *rec, const char *order_value, void *ctx)
{
	const struct stage *s = rec;
	struct stages_reading *r = ctx;
	(void)order_value;
	if (s->stage < 0 || s->stage >= STAGE_COUNT)
		return true;
	r->out->id[s->stage] = s->head.id;
	r->out->status[s->stage] = s->status;
	memcpy(r->out->agreed_on[s->stage], s->agreed_on, DATE_TEXT_SIZE);
	bool begun = s->status == STAGE_ACTIVE || s->status == STAGE_DONE;
	if (r->agreement_rule && begun && !stage_has_agreement(s))
		r->out->missing[s->stage] |= STAGES_NO_AGREEMENT;
	r->any_done |= s->status == STAGE_DONE;
	return true;
}

/* A finding of stage_no_users: mark its stage. */
static bool stages_mark(const struct finding *f, void *ctx)
{
	struct stages *out = ctx;
	if (f->stage >= 0 && f->stage < STAGE_COUNT)
		out->missing[f->stage] |= STAGES_NO_USERS;
	return true;
}

enum error_code stages_read(struct store *s, const struct config *config, int64_t project_id,
                            struct stages *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	struct record_query q = { .where = "project_id",
		                  .where_id = project_id,
		                  .limit = STAGE_COUNT * 2 };
	struct stages_reading r = {
		.out = out,
		.agreement_rule = config_rule_enabled(config, "stage_no_agreement"),
	};
	enum error_code code = stage_list(s, &q, stages_take, &r, NULL, err);
	/* Only a stage marked done can be missing its users. */
	if (code != ERROR_NONE || !r.any_done)
		return code;
	struct rules_options opt = rules_options_default(date_today());
	opt.scope = (struct rules_scope){ RULES_SCOPE_PROJECT, project_id, -1 };
	opt.only = UINT64_C(1) << rules_index(rules_find("stage_no_users"));
	return rules_run(s, config, &opt, stages_mark, out, err);
}

bool stages_any_missing(const struct stages *st)
{
	for (int i = 0; i < STAGE_COUNT; i++)
		if (st->missing[i])
			return true;
	return false;
}

const char *stages_status_word(int status)
{
	return record_choice_label(record_field(&stage_kind, "status")->choices, status);
}

const char *stages_missing_words(const struct stages *st, int stage)
{
	static const char *const words[] = {
		"",
		"missing agreement",
		"missing users",
		"missing agreement and users",
	};
	return words[st->missing[stage] & 3];
}

enum view_tone stages_tone(const struct stages *st, int stage)
{
	if (st->missing[stage])
		return VIEW_TONE_WARN;
	switch (st->status[stage]) {
	case STAGE_DONE:
		return VIEW_TONE_GOOD;
	case STAGE_ACTIVE:
		return VIEW_TONE_PLAIN;
	default:
		return VIEW_TONE_QUIET;
	}
}

char *stages_strip(const struct config *config, const struct stages *st)
{
	/* Where the work is first, then what is finished; the stages not started are counted. */
	static const int groups[] = { STAGE_ACTIVE, STAGE_DONE, STAGE_SKIPPED };
	struct buf b;
	buf_init(&b);
	size_t n = config_stage_count(config), not_started = 0;
	for (size_t i = 0; i < n; i++)
		not_started += st->status[config_stage_at(config, i)] == STAGE_NOT_STARTED;
	for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
		bool first = true;
		for (size_t i = 0; i < n; i++) {
			int stage = config_stage_at(config, i);
			if (st->status[stage] != groups[g])
				continue;
			if (first)
				buf_printf(&b, "%s%s: ", b.len ? "; " : "",
				           stages_status_word(groups[g]));
			else
				buf_add(&b, ", ");
			first = false;
			buf_add(&b, record_choice_key(vocab_stages, stage));
			if (st->missing[stage])
				buf_printf(&b, " %s", stages_missing_words(st, stage));
		}
	}
	if (!b.len)
		buf_add(&b, "no stage started yet");
	else if (not_started)
		buf_printf(&b, "; %zu not started", not_started);
	return buf_take(&b);
}

int stages_position(const struct config *config, int stage)
{
	for (size_t i = 0; i < config_stage_count(config); i++)
		if (config_stage_at(config, i) == stage)
			return (int)i;
	return -1;
}

/* The tone a finding's severity is shown in. */
static enum view_tone stages_severity_tone(enum rule_severity sev)
{
	static const enum view_tone tones[] = {
		[RULE_ERROR] = VIEW_TONE_ALERT,
		[RULE_WARNING] = VIEW_TONE_WARN,
		[RULE_INFO] = VIEW_TONE_PLAIN,
	};
	return tones[sev];
}

/* Count one finding: by stage, and feedback owed by meeting. */
static void stages_tally_add(struct stages_tally *t, const struct finding *f)
{
	if (f->stage >= 0 && f->stage < STAGE_COUNT)
		t->by_stage[f->stage]++;
	bool overdue = strcmp(f->rule->id, "feedback_overdue") == 0;
	if (!f->meeting_id || (!overdue && strcmp(f->rule->id, "feedback_due_soon") != 0))
		return;
	size_t i = 0;
	while (i < t->nowed && t->owed[i].meeting_id != f->meeting_id)
		i++;
	if (i == t->nowed) {
		mem_grow((void **)&t->owed, &t->owed_cap, t->nowed + 1, sizeof *t->owed);
		t->owed[t->nowed++] = (struct stages_owed){ .meeting_id = f->meeting_id };
	}
	if (overdue)
		t->owed[i].overdue++;
	else
		t->owed[i].soon++;
}

void stages_tally_free(struct stages_tally *t)
{
	free(t->owed);
	memset(t, 0, sizeof *t);
}

struct stages_owed stages_tally_owed(const struct stages_tally *t, int64_t meeting_id)
{
	for (size_t i = 0; i < t->nowed; i++)
		if (t->owed[i].meeting_id == meeting_id)
			return t->owed[i];
	return (struct stages_owed){ .meeting_id = meeting_id };
}

void stages_findings(struct view *v, struct view_section *sec, struct store *s,
                     const struct config *config, const struct rules_scope *scope, size_t limit,
                     struct stages_tally *tally)
{
	struct rules_list list;
	rules_list_init(&list);
	struct rules_options opt = rules_options_default(date_today());
	opt.scope = *scope;
	struct error err;
	if (rules_run(s, config, &opt, rules_list_add, &list, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	rules_list_sort(&list);
	for (size_t i = 0; i < list.count && i < limit; i++) {
		const struct finding *f = rules_list_at(&list, i);
		struct view_row *r = view_list_add(sec);
		r->id = (int64_t)i + 1;
		view_row_key(r, f->rule->id);
		view_row_status(r, rules_severity_name(f->severity),
		                stages_severity_tone(f->severity));
		view_row_label(r, "%s", f->message);
	}
	if (list.count > limit) {
		struct view_row *r = view_list_add(sec);
		r->id = (int64_t)limit + 1;
		view_row_label(r, "%zu more findings", list.count - limit);
		view_row_value(r, "\"involve check\" lists them all");
	}
	if (tally) {
		memset(tally, 0, sizeof *tally);
		tally->total = list.count;
		tally->errors = list.counts[RULE_ERROR];
		for (size_t i = 0; i < list.count; i++)
			stages_tally_add(tally, rules_list_at(&list, i));
	}
	rules_list_free(&list);
}

char *stages_tally_words(const struct stages_tally *t)
{
	if (t->total == 1)
		return mem_strdup(t->errors ? "1 finding, an error" : "1 finding, not an error");
	if (!t->errors)
		return mem_printf("%zu findings, none of them errors", t->total);
	if (t->errors == 1)
		return mem_printf("%zu findings, one of them an error", t->total);
	return mem_printf("%zu findings, %zu of them errors", t->total, t->errors);
}

bool stages_explain(struct view *v, const struct view_row *row)
{
	const struct rule *r = row ? rules_find(row->key) : NULL;
	if (!r)
		return false;
	view_message(v, VIEW_TONE_PLAIN, "%s: %s", r->title, r->help);
	return true;
}
