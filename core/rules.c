/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules: the one table of rules, the engine that runs them over a scope, and finding lists. */
#include "rules.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "mem.h"
#include "record.h"
#include "rules_decision.h"
#include "rules_feedback.h"
#include "rules_meeting.h"
#include "rules_payment.h"
#include "rules_people.h"
#include "rules_stage.h"
#include "store.h"
#include "text.h"
#include "vocab.h"

#define KEYS(...)                                                                                  \
	(const char *const[])                                                                      \
	{                                                                                          \
		__VA_ARGS__, NULL                                                                  \
	}
#define NO_KEYS                                                                                    \
	(const char *const[])                                                                      \
	{                                                                                          \
		NULL                                                                               \
	}

/*
 * Every rule. The help says what the rule looks for and why it matters, in the
 * words of the sources on involvement in commissioning.
 */
static const struct rule rules_all[] = {
	{ "feedback_overdue", RULE_ERROR, "Feedback overdue",
	  "A service user or carer who came to a held meeting has not been told what came of what "
	  "they said, and the feedback due date has passed: feedback.due_days working days after "
	  "the meeting (weekends and calendar.holidays do not count), unless the meeting's due "
	  "date was set by hand. Missing feedback is the main cause of cynicism and withdrawal: "
	  "people must be told what changed, and what was not possible and why, in their own "
	  "format and in good time. Frequent consultation without tangible results leaves people "
	  "feeling disempowered.",
	  KEYS("feedback.due_days", "calendar.holidays"), rules_feedback_overdue },
	{ "feedback_due_soon", RULE_WARNING, "Feedback due soon",
	  "Feedback to a service user or carer who came to a held meeting falls due within "
	  "feedback.warn_days days. Full and timely feedback should be given on the outcomes to "
	  "those who take part, as quickly as possible after the event: plan now how, and in what "
	  "format, each person will be told.",
	  KEYS("feedback.warn_days", "feedback.due_days", "calendar.holidays"),
	  rules_feedback_due_soon },
	{ "response_missing_reason", RULE_ERROR, "Answer given with no reason",
	  "Something a person said was answered \"partly\" or \"not possible\" with no reason "
	  "recorded. People who take part want to see action as a result, and feedback about what "
	  "changed and what is not possible and why; an answer without a reason reads as not being "
	  "listened to.",
	  NO_KEYS, rules_feedback_missing_reason },
	{ "contribution_unanswered", RULE_WARNING, "Contribution not yet answered",
	  "Something a person said is still pending when its meeting's feedback falls due. "
	  "Feedback cannot tell people what came of what they said until each point has an "
	  "answer: adopted, partly, not possible (and why), or already happening.",
	  KEYS("feedback.due_days", "calendar.holidays"), rules_feedback_unanswered },
	{ "feedback_wrong_format", RULE_WARNING, "Feedback not in the person's format",
	  "Feedback was given in a format other than the one the person prefers. Feedback must "
	  "reach people in their own format: plain English, easy read, large print, braille, "
	  "audio, British Sign Language or their language. Feedback a person cannot read has not "
	  "reached them.",
	  NO_KEYS, rules_feedback_wrong_format },
	{ "stage_no_agreement", RULE_WARNING, "Stage without an agreement",
	  "A stage is active or done without its purpose, the users' role and the boundaries of "
	  "authority (what is open to change, what is not, who decides) discussed and agreed. It "
	  "may appear bureaucratic to consider these at each and every stage, but they are "
	  "fundamental, and easily forgotten or deprioritised.",
	  NO_KEYS, rules_stage_no_agreement },
	{ "stage_no_users", RULE_WARNING, "Stage done without users",
	  "A stage is marked done with no held meeting in it attended by a service user or carer. "
	  "Users should be involved at each stage of the commissioning cycle, not only at the "
	  "start or the end; if a stage really is for officers only, say why in its notes.",
	  NO_KEYS, rules_stage_no_users },
	{ "stage_newcomers", RULE_INFO, "Newcomers since the stage was agreed",
	  "People took part in an active stage for the first time after its agreement was made. "
	  "Personnel may change at any point of the process, and there can be no assumption that "
	  "those who have been involved previously will help newcomers understand what their role "
	  "and authority is: re-agree the stage with them and give them an induction.",
	  NO_KEYS, rules_stage_newcomers },
	{ "framework_first", RULE_ERROR, "Involvement before the framework",
	  "A project held involvement meetings before its framework for user involvement was "
	  "agreed. Agreeing how the process is going to work is the starting point of developing "
	  "confidence and trust: users withdrew from one consultation that had no agreed "
	  "framework and an unclear purpose, feeling the involvement was purely tokenistic.",
	  NO_KEYS, rules_stage_framework_first },
	{ "review_skipped", RULE_ERROR, "Project closed without review",
	  "A project was closed without its review stage done with service users or carers. "
	  "Review is the key to keeping both service users and commissioners engaged. It is a "
	  "particular weak spot, often seen as an add-on, and when it is skipped user involvement "
	  "starts to drop off the agenda.",
	  NO_KEYS, rules_stage_review_skipped },
	{ "budget_withheld_no_reason", RULE_ERROR, "Budget withheld with no reason",
	  "Budget information was withheld from participants with no reason recorded. Openness "
	  "about the budget is both practical and symbolic: it shapes expectations and signals "
	  "trust. If the budgetary information cannot be given, then it is important to explain "
	  "why.",
	  NO_KEYS, rules_decision_budget_withheld },
	{ "budget_change_untold", RULE_ERROR, "Budget change not told",
	  "The budget changed while involvement was under way, and participants have not been "
	  "told within budget.notify_days days. In the meals-on-wheels case the budget was cut "
	  "halfway through the consultation without notifying the users involved; the option they "
	  "preferred became unaffordable, and users and commissioner were left disempowered and "
	  "reluctant to participate in future.",
	  KEYS("budget.notify_days"), rules_decision_budget_untold },
	{ "decision_after_the_fact", RULE_ERROR, "Involvement after the decision",
	  "A meeting linked to a decision was held after that decision was taken. Involvement "
	  "after the event cannot change anything, and groups say \"they just tell us what they "
	  "have decided\": discuss intentions before decisions are made, and be honest with "
	  "people when a decision has already been taken.",
	  NO_KEYS, rules_decision_after_the_fact },
	{ "decision_no_user_input", RULE_WARNING, "Decision with no user input",
	  "A decision was taken with no service users or carers present and no contributions "
	  "linked to it. The decision point is often well before the meeting where a decision is "
	  "formally agreed, and users should be involved at each stage; showing that users were "
	  "involved is also what keeps a decision from being overturned.",
	  NO_KEYS, rules_decision_no_user_input },
	{ "decision_no_appeal_route", RULE_WARNING,
	  "No appeal route after a decision against users",
	  "A decision went against users' views and no appeal or complaint route was given. When "
	  "decisions go against the views of service users, explain the actions clearly, as well "
	  "as people's right to appeal or to make a complaint.",
	  NO_KEYS, rules_decision_no_appeal_route },
	{ "meeting_lone_voice", RULE_WARNING, "Lone voice at a meeting",
	  "A held meeting had fewer than representation.min_users service users or carers. "
	  "Grafting token users or carers onto existing structures leaves them a lone voice: "
	  "either they become institutionalised, or both sides continue to have very different "
	  "agendas.",
	  KEYS("representation.min_users"), rules_meeting_lone_voice },
	{ "meeting_purpose_unclear", RULE_WARNING, "Meeting purpose unclear",
	  "A held meeting has no purpose recorded, or nothing recorded as open to change. Lack of "
	  "clarity about the purpose of a meeting gets in the way of involvement: people need to "
	  "know why they are there, what can change because of what they say, and what cannot.",
	  NO_KEYS, rules_meeting_purpose_unclear },
	{ "meeting_papers_late", RULE_WARNING, "Papers late",
	  "Papers went out fewer than papers.notice_days days before a meeting, or not at all. "
	  "Plan in advance, use accessible venues and make sure that service users have time to "
	  "prepare for the meeting, with papers in their own format.",
	  KEYS("papers.notice_days"), rules_meeting_papers_late },
	{ "meeting_needs_unmet", RULE_ERROR, "Support needs not met",
	  "An attendee's support needs were recorded as not met. Access, communication, format, "
	  "transport and support decide whether someone can take part at all, and not everyone "
	  "enjoys good health: an unmet need shuts a person out of the next meeting too.",
	  NO_KEYS, rules_meeting_needs_unmet },
	{ "meeting_jargon", RULE_INFO, "Jargon without explanation",
	  "A meeting's purpose or notes use a term from the jargon list without the plain words "
	  "that explain it. Incomprehensible language, in writing or at meetings, gets in the way "
	  "of involvement; if the system works for service users then it will work for everyone.",
	  KEYS("jargon"), rules_meeting_jargon },
	{ "people_usual_suspects", RULE_WARNING, "The usual suspects",
	  "In a project's meetings over representation.window_days days, the "
	  "representation.top_n most frequent people make up more than representation.share of "
	  "service user and carer attendances, once it has held at least "
	  "representation.min_meetings meetings with users. Relying on the same few voices, the "
	  "usual suspects, means others go unheard and strains the few who do take part.",
	  KEYS("representation.window_days", "representation.top_n", "representation.share",
	       "representation.min_meetings"),
	  rules_people_usual_suspects },
	{ "people_no_newcomers", RULE_INFO, "No newcomers",
	  "No new service user or carer has come to a project's meetings in "
	  "representation.newcomer_days days: everyone who did was first involved before then. "
	  "Bringing in new people, from seldom-heard groups and future users as well as current "
	  "ones, keeps involvement from resting on the usual few.",
	  KEYS("representation.newcomer_days"), rules_people_no_newcomers },
	{ "person_fatigue", RULE_WARNING, "Too many sessions for one person",
	  "Someone was booked into more than representation.max_per_month sessions in 30 days, "
	  "looking back representation.window_days days and ahead to the bookings already made. "
	  "It can be tiring: many people take part alongside their own health, work and caring, "
	  "and too many consultation initiatives lead to involvement fatigue.",
	  KEYS("representation.max_per_month", "representation.window_days"),
	  rules_people_fatigue },
	{ "project_current_users_only", RULE_WARNING, "Only current users involved",
	  "A redesign or decommissioning project has involved no future users or people who do "
	  "not use the service now. Current and future users can want different things, and "
	  "showing that both existing users and non-users had been involved is what let one "
	  "decommissioning recommendation stand.",
	  NO_KEYS, rules_stage_current_users_only },
	{ "payment_overdue", RULE_ERROR, "Payment overdue",
	  "A claim has not been paid within payments.pay_within_days working days. Payment "
	  "processes should be prompt and straightforward: late payment costs most the people "
	  "who can least afford to wait, and unpaid involvement limits participation to those who "
	  "can afford the time.",
	  KEYS("payments.pay_within_days", "calendar.holidays"), rules_payment_overdue },
	{ "payment_not_offered", RULE_INFO, "Payment not offered",
	  "A service user or carer attended, and payments.offer_days days later has neither a "
	  "payment nor a recorded decline. Say clearly what will be paid to whom; some people "
	  "prefer not to be paid, so record their choice either way.",
	  KEYS("payments.offer_days"), rules_payment_not_offered },
	{ "payment_benefits_check", RULE_WARNING, "Payments and benefits",
	  "Someone with a benefits concern was paid fees of more than payments.weekly_limit_pence "
	  "pence within 7 days. Payment processes should take into account service user concerns "
	  "about the impact on benefits and taxation: check with them before paying more. "
	  "Expenses repaid (travel, care cover) are not counted.",
	  KEYS("payments.weekly_limit_pence"), rules_payment_benefits_check },
	{ "action_overdue", RULE_WARNING, "Commitment overdue",
	  "Something promised to participants is past its due date and not done. People who have "
	  "been excluded need to trust that others will do what they say they are going to do, "
	  "and commissioners should not promise what they cannot deliver.",
	  NO_KEYS, rules_payment_action_overdue },
	{ "consent_missing", RULE_WARNING, "Consent not recorded",
	  "A person has involvement records but no date on which they agreed to their details "
	  "being kept. Record when they agreed and to what, so their details are kept only as "
	  "they agreed.",
	  NO_KEYS, rules_people_consent_missing },
	{ "retention_due", RULE_WARNING, "Time to anonymise",
	  "A person has not been involved for retention.inactive_days days and is not "
	  "anonymised. Personal details should be kept no longer than needed: ask whether they "
	  "want to stay involved, or anonymise them.",
	  KEYS("retention.inactive_days"), rules_people_retention_due },
};

enum { RULES_COUNT = sizeof rules_all / sizeof *rules_all };

static const char *rules_id_list[RULES_COUNT + 1];

static const char *const rules_severity_names[RULE_SEVERITY_COUNT] = { "error", "warning", "info" };

const char *rules_severity_name(enum rule_severity sev)
{
	return sev < RULE_SEVERITY_COUNT ? rules_severity_names[sev] : "";
}

int rules_severity_find(const char *text)
{
	for (int i = 0; text && i < RULE_SEVERITY_COUNT; i++)
		if (strcmp(rules_severity_names[i], text) == 0)
			return i;
	return -1;
}

const struct rule *rules_table(size_t *count)
{
	*count = RULES_COUNT;
	return rules_all;
}

const char *const *rules_ids(void)
{
	if (!rules_id_list[0])
		for (size_t i = 0; i < RULES_COUNT; i++)
			rules_id_list[i] = rules_all[i].id;
	return rules_id_list;
}

const struct rule *rules_find(const char *id)
{
	for (size_t i = 0; id && i < RULES_COUNT; i++)
		if (strcmp(rules_all[i].id, id) == 0)
			return &rules_all[i];
	return NULL;
}

size_t rules_index(const struct rule *r)
{
	return (size_t)(r - rules_all);
}

enum rule_severity rules_severity(const struct config *config, const struct rule *r)
{
	int sev = rules_severity_find(config_rule_severity(config, r->id));
	return sev >= 0 ? (enum rule_severity)sev : r->severity;
}

struct rules_options rules_options_default(int32_t today)
{
	return (struct rules_options){
		.today = today,
		.scope = { RULES_SCOPE_ALL, 0, -1 },
		.lowest = RULE_INFO,
		.feedback_within = -1,
	};
}

/* Whether rule i runs under config and opt. */
static bool rules_selected(const struct config *config, const struct rules_options *opt, size_t i)
{
	const struct rule *r = &rules_all[i];
	return (!opt->only || (opt->only & (UINT64_C(1) << i))) &&
	       config_rule_enabled(config, r->id) && rules_severity(config, r) <= opt->lowest;
}

/* The state of a run on s with nothing running yet: its rule, callback and context are set per
 * rule. */
static struct rules_run rules_run_start(struct store *s, const struct config *config,
                                        const struct rules_options *opt)
{
	struct rules_run x = {
		.store = s,
		.config = config,
		.opt = opt,
		.today = opt->today,
	};
	date_format(opt->today, x.today_text);
	return x;
}

/* A run of rule i on x's store, delivering to x's callback. */
static enum error_code rules_run_one(struct rules_run *x, size_t i, struct error *err)
{
	x->rule = &rules_all[i];
	x->severity = rules_severity(x->config, x->rule);
	return x->rule->check(x, err);
}

/*
 * The size of file from which a run over everything is shared between two
 * connections: below it every rule is done in tens of milliseconds, and a
 * second connection would cost more than it saves.
 */
#define RULES_SHARE_BYTES ((off_t)32 << 20)

/* The rules of a run over everything, shared between two threads (rules_run). */
struct rules_share {
	const struct config *config;
	const struct rules_options *opt;
	size_t todo[RULES_COUNT]; /* the rules to run, in table order */
	size_t ntodo;
	pthread_mutex_t lock;   /* held to read or write next, halt and done */
	size_t next;            /* the next of todo to take */
	bool halt;              /* a rule failed, or the caller asked to stop: take no more */
	bool done[RULES_COUNT]; /* todo[k] has run: found[k], codes[k], errs[k] are set */
	/* Written only by the thread that took todo[k], and read once done[k]: */
	struct rules_list found[RULES_COUNT];
	enum error_code codes[RULES_COUNT];
	struct error errs[RULES_COUNT];
};

/* Take the next rule not yet taken, in table order; false when none is left to take. */
static bool rules_share_take(struct rules_share *sh, size_t *k)
{
	pthread_mutex_lock(&sh->lock);
	bool take = !sh->halt && sh->next < sh->ntodo;
	if (take)
		*k = sh->next++;
	pthread_mutex_unlock(&sh->lock);
	return take;
}

/* Take no more rules. */
static void rules_share_halt(struct rules_share *sh)
{
	pthread_mutex_lock(&sh->lock);
	sh->halt = true;
	pthread_mutex_unlock(&sh->lock);
}

/* Whether todo[k] has run. */
static bool rules_share_done(struct rules_share *sh, size_t k)
{
	pthread_mutex_lock(&sh->lock);
	bool done = sh->done[k];
	pthread_mutex_unlock(&sh->lock);
	return done;
}

/* Run todo[k] on x's store, keeping its findings in found[k] for this thread to deliver. */
static void rules_share_keep(struct rules_share *sh, struct rules_run *x, size_t k)
{
	x->fn = rules_list_add;
	x->ctx = &sh->found[k];
	sh->codes[k] = rules_run_one(x, sh->todo[k], &sh->errs[k]);
	pthread_mutex_lock(&sh->lock);
	sh->done[k] = true;
	if (sh->codes[k] != ERROR_NONE)
		sh->halt = true;
	pthread_mutex_unlock(&sh->lock);
}

/* The second thread, with its own connection: takes rules and keeps their findings. */
struct rules_helper {
	struct rules_share *share;
	struct store *store;
};

static void *rules_share_thread(void *arg)
{
	struct rules_helper *h = arg;
	struct rules_run x = rules_run_start(h->store, h->share->config, h->share->opt);
	size_t k;
	while (rules_share_take(h->share, &k))
		rules_share_keep(h->share, &x, k);
	return NULL;
}

/* What this thread has delivered so far. */
struct rules_delivery {
	rules_finding_fn fn;
	void *ctx;
	size_t next;          /* todo[0, next) are delivered */
	enum error_code code; /* the first failure, in table order */
	struct error *err;
};

/*
 * Deliver found[d->next] and those after it while they are done (without
 * waiting for any), freeing each once delivered. False when a rule failed or
 * the caller asked to stop.
 */
static bool rules_share_deliver(struct rules_share *sh, struct rules_delivery *d)
{
	while (d->next < sh->ntodo && rules_share_done(sh, d->next)) {
		size_t k = d->next++;
		struct rules_list *l = &sh->found[k];
		bool go = true;
		for (size_t i = 0; go && i < l->count; i++) {
			struct finding f;
			rules_list_get(l, i, &f);
			go = d->fn(&f, d->ctx);
		}
		rules_list_free(l);
		if (sh->codes[k] != ERROR_NONE) {
			d->code = sh->codes[k];
			*d->err = sh->errs[k];
			go = false;
		}
		if (!go) {
			rules_share_halt(sh);
			d->next = sh->ntodo;
			return false;
		}
	}
	return true;
}

/*
 * Run the selected rules over everything on s and on a second connection in
 * a second thread, delivering their findings in table order from this
 * thread: a rule this thread runs when every rule before it is delivered
 * goes straight to fn, any other is kept until its turn. False (nothing run)
 * when there is not enough to share, or no second connection or thread could
 * be had.
 */
static bool rules_run_shared(struct store *s, const struct config *config,
                             const struct rules_options *opt, rules_finding_fn fn, void *ctx,
                             enum error_code *code, struct error *err)
{
	struct stat file;
	if (opt->connections == 1 || opt->scope.kind != RULES_SCOPE_ALL ||
	    store_in_transaction(s) || !sqlite3_threadsafe() || !store_path(s) ||
	    stat(store_path(s), &file) != 0 ||
	    (opt->connections != 2 && file.st_size < RULES_SHARE_BYTES))
		return false;
	struct rules_share *sh = mem_calloc(1, sizeof *sh);
	for (size_t i = 0; i < RULES_COUNT; i++)
		if (rules_selected(config, opt, i))
			sh->todo[sh->ntodo++] = i;
	struct rules_helper h = { .share = sh };
	struct store_options o = { .flags = STORE_READ_ONLY };
	struct error open_err;
	pthread_t thread;
	if (sh->ntodo < 2 || store_open(store_path(s), &o, &h.store, &open_err) != ERROR_NONE) {
		free(sh);
		return false;
	}
	sh->config = config;
	sh->opt = opt;
	pthread_mutex_init(&sh->lock, NULL);
	for (size_t k = 0; k < sh->ntodo; k++)
		rules_list_init(&sh->found[k]);
	bool helped = pthread_create(&thread, NULL, rules_share_thread, &h) == 0;
	struct rules_delivery d = { .fn = fn, .ctx = ctx, .err = err };
	struct rules_run x = rules_run_start(s, config, opt);
	size_t k;
	while (rules_share_deliver(sh, &d) && rules_share_take(sh, &k)) {
		if (k != d.next) {
			rules_share_keep(sh, &x, k);
			continue;
		}
		/* Its turn already: straight to the caller. */
		x.fn = fn;
		x.ctx = ctx;
		x.stopped = false;
		d.code = rules_run_one(&x, sh->todo[k], err);
		d.next = k + 1;
		if (d.code != ERROR_NONE || x.stopped) {
			rules_share_halt(sh);
			d.next = sh->ntodo;
		}
	}
	if (helped)
		pthread_join(thread, NULL);
	rules_share_deliver(sh, &d);
	store_close(h.store);
	for (k = 0; k < sh->ntodo; k++)
		rules_list_free(&sh->found[k]);
	pthread_mutex_destroy(&sh->lock);
	free(sh);
	*code = d.code;
	return true;
}

enum error_code rules_run(struct store *s, const struct config *config,
                          const struct rules_options *opt, rules_finding_fn fn, void *ctx,
                          struct error *err)
{
	enum error_code shared;
	if (rules_run_shared(s, config, opt, fn, ctx, &shared, err))
		return shared;
	struct rules_run x = rules_run_start(s, config, opt);
	x.fn = fn;
	x.ctx = ctx;
	for (size_t i = 0; i < RULES_COUNT && !x.stopped; i++) {
		if (!rules_selected(config, opt, i))
			continue;
		enum error_code code = rules_run_one(&x, i, err);
		if (code != ERROR_NONE)
			return code;
	}
	return ERROR_NONE;
}

/* ---- helpers for the check modules ---- */

const struct rules_scope_sql rules_scope_meeting = {
	.project = "m.project_id = :scope_id",
	.stage = "m.project_id = :scope_id AND m.stage = :scope_stage",
	.meeting = "m.id = :scope_id",
	.person = "pe.id = :scope_id",
};

const struct rules_scope_sql rules_scope_people = {
	.project = "pe.id IN (SELECT sa.person_id FROM attendance sa JOIN meeting sm"
	           " ON sm.id = sa.meeting_id WHERE sm.project_id = :scope_id)",
	.stage = "pe.id IN (SELECT sa.person_id FROM attendance sa JOIN meeting sm"
	         " ON sm.id = sa.meeting_id WHERE sm.project_id = :scope_id"
	         " AND sm.stage = :scope_stage)",
	.meeting = "pe.id IN (SELECT sa.person_id FROM attendance sa WHERE sa.meeting_id = "
	           ":scope_id)",
	.person = "pe.id = :scope_id",
};

enum error_code rules_prepare(struct rules_run *x, const char *sql,
                              const struct rules_scope_sql *scope, struct sqlite3_stmt **out,
                              struct error *err)
{
	*out = NULL;
	const char *cond = NULL;
	switch (x->opt->scope.kind) {
	case RULES_SCOPE_ALL:
		cond = "";
		break;
	case RULES_SCOPE_PROJECT:
		cond = scope->project;
		break;
	case RULES_SCOPE_STAGE:
		cond = scope->stage;
		break;
	case RULES_SCOPE_MEETING:
		cond = scope->meeting;
		break;
	case RULES_SCOPE_PERSON:
		cond = scope->person;
		break;
	}
	if (!cond)
		return ERROR_NONE;
	/* Every marker takes the condition: a query may narrow in more than one place. */
	char *text = mem_strdup(sql);
	const char *mark;
	size_t from = 0;
	while (*cond && (mark = strstr(text + from, RULES_SCOPE))) {
		size_t at = (size_t)(mark - text);
		char *next = mem_printf("%.*s AND (%s)%s", (int)at, text, cond,
		                        mark + strlen(RULES_SCOPE));
		from = at + strlen(cond) + 7;
		free(text);
		text = next;
	}
	/* Text for everything, or for a scope, is kept (without its marks) or left out. */
	bool all = x->opt->scope.kind == RULES_SCOPE_ALL;
	static const struct {
		const char *open;
		bool all; /* used over everything (else only when narrowed) */
	} parts[] = { { RULES_ALL_ONLY, true }, { RULES_NARROWED_ONLY, false } };
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		const char *open, *close;
		while ((open = strstr(text, parts[i].open)) &&
		       (close = strstr(open, RULES_ONLY_END))) {
			const char *body = open + strlen(parts[i].open);
			int keep = parts[i].all == all ? (int)(close - body) : 0;
			char *next = mem_printf("%.*s%.*s%s", (int)(open - text), text, keep, body,
			                        close + strlen(RULES_ONLY_END));
			free(text);
			text = next;
		}
	}
	sqlite3_stmt *st = store_prepare(x->store, text, err);
	free(text);
	if (!st)
		return err ? err->code : ERROR_IO;
	rules_bind_text(st, ":today", x->today_text);
	rules_bind_int(st, ":scope_id", x->opt->scope.id);
	rules_bind_int(st, ":scope_person",
	               x->opt->scope.kind == RULES_SCOPE_PERSON ? x->opt->scope.id : 0);
	if (x->opt->scope.kind == RULES_SCOPE_STAGE)
		rules_bind_text(st, ":scope_stage",
		                record_choice_key(vocab_stages, x->opt->scope.stage));
	*out = st;
	return ERROR_NONE;
}

void rules_bind_int(struct sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

void rules_bind_text(struct sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

void rules_bind_date(struct sqlite3_stmt *st, const char *name, int32_t day)
{
	char text[DATE_TEXT_SIZE];
	date_format(day, text);
	rules_bind_text(st, name, text);
}

enum error_code rules_done(struct rules_run *x, struct sqlite3_stmt *st, int rc, struct error *err)
{
	sqlite3_reset(st);
	if (rc == SQLITE_DONE || (rc == SQLITE_ROW && x->stopped))
		return ERROR_NONE;
	char *doing = mem_printf("checking %s", x->rule->id);
	enum error_code code = store_fail(x->store, rc, doing, err);
	free(doing);
	return code;
}

enum error_code rules_each_row(struct rules_run *x, struct sqlite3_stmt *st, rules_message_fn fn,
                               struct error *err)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct finding f;
		rules_finding_init(&f);
		rules_row(st, &f);
		char *msg = fn(x, st, &f);
		if (!msg)
			continue;
		f.message = msg;
		bool go = rules_emit(x, &f);
		free(msg);
		if (!go)
			break;
	}
	return rules_done(x, st, rc, err);
}

enum error_code rules_query(struct rules_run *x, const char *sql,
                            const struct rules_scope_sql *scope, rules_message_fn fn,
                            struct error *err)
{
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, scope, &st, err);
	return st ? rules_each_row(x, st, fn, err) : code;
}

enum error_code rules_query_day(struct rules_run *x, const char *sql,
                                const struct rules_scope_sql *scope, const char *name, int32_t day,
                                rules_message_fn fn, struct error *err)
{
	struct sqlite3_stmt *st;
	enum error_code code = rules_prepare(x, sql, scope, &st, err);
	if (!st)
		return code;
	rules_bind_date(st, name, day);
	return rules_each_row(x, st, fn, err);
}

char *rules_lookup_text(struct rules_run *x, const char *sql, int64_t id)
{
	struct sqlite3_stmt *st = store_prepare(x->store, sql, NULL);
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	char *text = sqlite3_step(st) == SQLITE_ROW && rules_text(st, 0)
	                     ? mem_strdup(rules_text(st, 0))
	                     : NULL;
	sqlite3_reset(st);
	return text;
}

uint64_t rules_hash_id(int64_t id)
{
	/* The finaliser of splitmix64: every bit of the id moves every bit of the hash. */
	uint64_t h = (uint64_t)id;
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
	return h ^ (h >> 31);
}

int rules_nocase(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = *a >= 'A' && *a <= 'Z' ? *a + 32 : (unsigned char)*a;
		int cb = *b >= 'A' && *b <= 'Z' ? *b + 32 : (unsigned char)*b;
		if (ca != cb || !ca)
			return ca - cb;
	}
}

const char *rules_text(struct sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int32_t rules_date(struct sqlite3_stmt *st, int i)
{
	const char *t = rules_text(st, i);
	int32_t day;
	return t && date_parse(t, &day, NULL) == ERROR_NONE ? day : DATE_NONE;
}

void rules_finding_init(struct finding *f)
{
	memset(f, 0, sizeof *f);
	f->stage = -1;
	f->held_on = DATE_NONE;
	f->due = DATE_NONE;
}

void rules_row(struct sqlite3_stmt *st, struct finding *f)
{
	f->project_id = sqlite3_column_int64(st, 0);
	f->project = rules_text(st, 1);
	const char *stage = rules_text(st, 2);
	f->stage = -1;
	for (int i = 0; stage && vocab_stages[i].key; i++)
		if (strcmp(vocab_stages[i].key, stage) == 0)
			f->stage = i;
	f->meeting_id = sqlite3_column_int64(st, 3);
	f->meeting = rules_text(st, 4);
	f->held_on = rules_date(st, 5);
	f->person_id = sqlite3_column_int64(st, 6);
	f->person = rules_text(st, 7);
}

/* A clean copy of s, or NULL for NULL. */
static char *rules_clean(const char *s)
{
	return s ? text_clean(s, 0) : NULL;
}

bool rules_emit(struct rules_run *x, struct finding *f)
{
	struct finding out = *f;
	out.rule = x->rule;
	out.severity = x->severity;
	out.days = f->due == DATE_NONE ? 0 : f->due - x->today;
	char *project = rules_clean(f->project), *meeting = rules_clean(f->meeting);
	char *person = rules_clean(f->person), *format = rules_clean(f->format);
	char *message = rules_clean(f->message);
	char *label = f->stage >= 0 ? rules_clean(config_stage_label(x->config, f->stage)) : NULL;
	out.project = project;
	out.meeting = meeting;
	out.person = person;
	out.format = format;
	out.message = message ? message : "";
	out.stage_label = label;
	bool go = x->fn(&out, x->ctx);
	free(project);
	free(meeting);
	free(person);
	free(format);
	free(message);
	free(label);
	if (!go)
		x->stopped = true;
	return go;
}

char *rules_excerpt(const char *text, size_t columns)
{
	char *clean = text_clean(text, 0);
	text_trim(clean);
	size_t used = 0;
	size_t n = text_fit(clean, columns, &used);
	if (clean[n]) {
		/* Cut at the last space that leaves most of the words. */
		size_t cut = n;
		while (cut > n / 2 && clean[cut] != ' ')
			cut--;
		if (clean[cut] != ' ')
			cut = n;
		clean[cut] = '\0';
		text_trim(clean);
		char *out = mem_printf("%s...", clean);
		free(clean);
		return out;
	}
	return clean;
}

const char *rules_choice_label(const struct choice *choices, const char *key)
{
	for (int i = 0; key && choices[i].key; i++)
		if (strcmp(choices[i].key, key) == 0)
			return choices[i].label;
	return "";
}

char *rules_join(const char *const *names, size_t n, size_t total)
{
	char *out = mem_strdup("");
	for (size_t i = 0; i < n; i++) {
		const char *sep = i == 0 ? "" : (i + 1 == n && total == n) ? " and " : ", ";
		char *next = mem_printf("%s%s%s", out, sep, names[i]);
		free(out);
		out = next;
	}
	if (total > n) {
		char *next = mem_printf("%s and %zu more", out, total - n);
		free(out);
		out = next;
	}
	return out;
}

char *rules_due_text(int32_t due, int days)
{
	char when[DATE_TEXT_SIZE];
	date_format(due, when);
	if (days < 0)
		return mem_printf("due %s, %d day%s overdue", when, -days, days == -1 ? "" : "s");
	if (days == 0)
		return mem_printf("due today, %s", when);
	return mem_printf("due %s, %d day%s left", when, days, days == 1 ? "" : "s");
}

/* ---- finding lists ---- */

enum {
	RULES_BLOCK_SHIFT = 16, /* string blocks of 64 KiB: a handle is block << 16 | offset */
	RULES_BLOCK_SIZE = 1 << RULES_BLOCK_SHIFT,
	RULES_CHUNK = 1024, /* findings per chunk */
	RULES_NONE = 0,     /* the handle of NULL; offset 0 of block 0 is never used */
};

/* One finding, compactly: strings are handles into the list's blocks. */
struct rules_item {
	int64_t project_id, meeting_id, person_id;
	uint32_t project, stage_label, meeting, person, format, message;
	int32_t held_on, due, days;
	uint8_t rule, severity;
	int8_t stage;
};

struct rules_list_store {
	struct rules_item **chunks; /* RULES_CHUNK findings each */
	size_t nchunks;
	uint32_t *order;      /* finding numbers in the list's order */
	char **blocks;        /* RULES_BLOCK_SIZE bytes each, or larger for one long string */
	size_t nblocks, used; /* bytes used in the last block */
	uint32_t *names;      /* open addressing: handles of shared names, 0 for empty */
	size_t nnames, names_cap;
	struct finding *views; /* rules_list_at's views of every finding, or NULL */
};

void rules_list_init(struct rules_list *l)
{
	memset(l, 0, sizeof *l);
}

void rules_list_free(struct rules_list *l)
{
	struct rules_list_store *st = l->store;
	if (st) {
		for (size_t i = 0; i < st->nchunks; i++)
			free(st->chunks[i]);
		for (size_t i = 0; i < st->nblocks; i++)
			free(st->blocks[i]);
		free(st->chunks);
		free(st->blocks);
		free(st->order);
		free(st->names);
		free(st->views);
		free(st);
	}
	memset(l, 0, sizeof *l);
}

static const char *rules_list_text(const struct rules_list_store *st, uint32_t h)
{
	return h == RULES_NONE ? NULL
	                       : st->blocks[h >> RULES_BLOCK_SHIFT] + (h & (RULES_BLOCK_SIZE - 1));
}

/* Store s (not NULL) and return its handle. */
static uint32_t rules_list_put(struct rules_list_store *st, const char *s)
{
	size_t n = strlen(s) + 1;
	if (!st->nblocks || st->used + n > RULES_BLOCK_SIZE) {
		/* A string longer than a block cannot be addressed: cut it (never happens). */
		if (n > RULES_BLOCK_SIZE - 1)
			n = RULES_BLOCK_SIZE - 1;
		st->blocks = mem_realloc(st->blocks, (st->nblocks + 1) * sizeof *st->blocks);
		st->blocks[st->nblocks++] = mem_alloc(RULES_BLOCK_SIZE);
		st->used = st->nblocks == 1; /* keep handle 0 for NULL */
	}
	char *out = st->blocks[st->nblocks - 1] + st->used;
	memcpy(out, s, n - 1);
	out[n - 1] = '\0';
	uint32_t h = (uint32_t)((st->nblocks - 1) << RULES_BLOCK_SHIFT | st->used);
	st->used += n;
	return h;
}

static uint64_t rules_list_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The handle of a name shared between findings, stored once. */
static uint32_t rules_list_name(struct rules_list_store *st, const char *s)
{
	if (!s)
		return RULES_NONE;
	if (st->nnames * 2 >= st->names_cap) {
		size_t cap = st->names_cap ? st->names_cap * 2 : 1024;
		uint32_t *names = mem_calloc(cap, sizeof *names);
		for (size_t i = 0; i < st->names_cap; i++)
			if (st->names[i]) {
				size_t j = rules_list_hash(rules_list_text(st, st->names[i])) &
				           (cap - 1);
				while (names[j])
					j = (j + 1) & (cap - 1);
				names[j] = st->names[i];
			}
		free(st->names);
		st->names = names;
		st->names_cap = cap;
	}
	size_t j = rules_list_hash(s) & (st->names_cap - 1);
	while (st->names[j]) {
		if (strcmp(rules_list_text(st, st->names[j]), s) == 0)
			return st->names[j];
		j = (j + 1) & (st->names_cap - 1);
	}
	st->nnames++;
	return st->names[j] = rules_list_put(st, s);
}

bool rules_list_add(const struct finding *f, void *ctx)
{
	struct rules_list *l = ctx;
	if (!l->store)
		l->store = mem_calloc(1, sizeof *l->store);
	struct rules_list_store *st = l->store;
	free(st->views);
	st->views = NULL;
	if (l->count == st->nchunks * RULES_CHUNK) {
		st->chunks = mem_realloc(st->chunks, (st->nchunks + 1) * sizeof *st->chunks);
		st->chunks[st->nchunks++] = mem_alloc(RULES_CHUNK * sizeof **st->chunks);
		st->order = mem_realloc(st->order, st->nchunks * RULES_CHUNK * sizeof *st->order);
	}
	struct rules_item *it = &st->chunks[l->count / RULES_CHUNK][l->count % RULES_CHUNK];
	*it = (struct rules_item){
		.project_id = f->project_id,
		.meeting_id = f->meeting_id,
		.person_id = f->person_id,
		.project = rules_list_name(st, f->project),
		.stage_label = rules_list_name(st, f->stage_label),
		.meeting = rules_list_name(st, f->meeting),
		.person = rules_list_name(st, f->person),
		.format = rules_list_name(st, f->format),
		.message = rules_list_put(st, f->message ? f->message : ""),
		.held_on = f->held_on,
		.due = f->due,
		.days = f->days,
		.rule = (uint8_t)rules_index(f->rule),
		.severity = (uint8_t)f->severity,
		.stage = (int8_t)f->stage,
	};
	st->order[l->count] = (uint32_t)l->count;
	if (f->severity < RULE_SEVERITY_COUNT)
		l->counts[f->severity]++;
	l->count++;
	return true;
}

static const struct rules_item *rules_list_item(const struct rules_list_store *st, uint32_t n)
{
	return &st->chunks[n / RULES_CHUNK][n % RULES_CHUNK];
}

void rules_list_get(const struct rules_list *l, size_t i, struct finding *out)
{
	const struct rules_list_store *st = l->store;
	const struct rules_item *it = rules_list_item(st, st->order[i]);
	*out = (struct finding){
		.rule = &rules_all[it->rule],
		.severity = (enum rule_severity)it->severity,
		.project_id = it->project_id,
		.project = rules_list_text(st, it->project),
		.stage = it->stage,
		.stage_label = rules_list_text(st, it->stage_label),
		.meeting_id = it->meeting_id,
		.meeting = rules_list_text(st, it->meeting),
		.held_on = it->held_on,
		.person_id = it->person_id,
		.person = rules_list_text(st, it->person),
		.format = rules_list_text(st, it->format),
		.due = it->due,
		.days = it->days,
		.message = rules_list_text(st, it->message),
	};
}

const struct finding *rules_list_at(const struct rules_list *l, size_t i)
{
	struct rules_list_store *st = l->store;
	if (!st->views) {
		st->views = mem_alloc(l->count * sizeof *st->views);
		for (size_t k = 0; k < l->count; k++)
			rules_list_get(l, k, &st->views[k]);
	}
	return &st->views[i];
}

/* NULL sorts after text. */
static int rules_cmp_text(const char *a, const char *b)
{
	if (!a || !b)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

static int rules_cmp_int(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* qsort has no context argument: the list being sorted. */
static _Thread_local const struct rules_list_store *rules_sorting;

/* The order of rules_list_sort, on finding numbers. */
static int rules_cmp(const void *pa, const void *pb)
{
	const struct rules_list_store *st = rules_sorting;
	const struct rules_item *a = rules_list_item(st, *(const uint32_t *)pa);
	const struct rules_item *b = rules_list_item(st, *(const uint32_t *)pb);
	int c = rules_cmp_int(a->severity, b->severity);
	if (!c) /* no due date sorts last: DATE_NONE is the smallest int32 */
		c = rules_cmp_int(a->due == DATE_NONE ? INT64_MAX : a->due,
		                  b->due == DATE_NONE ? INT64_MAX : b->due);
	if (!c)
		c = rules_cmp_int(a->rule, b->rule);
	if (!c)
		c = rules_cmp_text(rules_list_text(st, a->project),
		                   rules_list_text(st, b->project));
	if (!c)
		c = rules_cmp_int(a->held_on, b->held_on);
	if (!c)
		c = rules_cmp_text(rules_list_text(st, a->meeting),
		                   rules_list_text(st, b->meeting));
	if (!c)
		c = rules_cmp_text(rules_list_text(st, a->person), rules_list_text(st, b->person));
	if (!c)
		c = rules_cmp_text(rules_list_text(st, a->message),
		                   rules_list_text(st, b->message));
	return c;
}

void rules_list_sort(struct rules_list *l)
{
	if (l->count < 2)
		return;
	free(l->store->views);
	l->store->views = NULL;
	rules_sorting = l->store;
	mem_sort(l->store->order, l->count, sizeof *l->store->order, rules_cmp);
	rules_sorting = NULL;
}
