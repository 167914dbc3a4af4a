/* SPDX-License-Identifier: GPL-3.0-or-later */
/* finding: a rule explained, with the finding it was opened for and a way to what it concerns. */
#include "finding.h"

#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "help.h"
#include "mem.h"

/* What one finding concerns, copied so it outlives the run that found it. */
struct finding_copy {
	const struct rule *rule;
	enum rule_severity severity;
	char *message;
	int64_t project_id, meeting_id, person_id;
	char *project, *stage_label, *meeting, *person;
	int32_t held_on;
};

/*
 * The finding finding_open asked to show: the screen it opens takes it when
 * it is first built, straight after (nothing else runs in between).
 */
static struct finding_copy *finding_pending;

/* One record a finding concerns, as a row opens it. */
struct finding_place {
	const char *screen; /* in main.c's table */
	int64_t id;
	const char *noun; /* "meeting" */
	const char *name;
};

/* The records f concerns, most useful first (meeting, person, project); how many. */
static size_t finding_places(const struct finding_copy *f, struct finding_place out[3])
{
	size_t n = 0;
	if (f->meeting_id)
		out[n++] =
		        (struct finding_place){ "meeting", f->meeting_id, "meeting", f->meeting };
	if (f->person_id)
		out[n++] = (struct finding_place){ "person", f->person_id, "person", f->person };
	if (f->project_id)
		out[n++] =
		        (struct finding_place){ "project", f->project_id, "project", f->project };
	return n;
}

/* Copy what f concerns. Free with finding_copy_free. */
static struct finding_copy *finding_copy_new(const struct finding *f)
{
	struct finding_copy *k = mem_calloc(1, sizeof *k);
	k->rule = f->rule;
	k->severity = f->severity;
	k->message = mem_strdup(f->message);
	k->project_id = f->project_id;
	k->meeting_id = f->meeting_id;
	k->person_id = f->person_id;
	k->project = mem_strdup(f->project ? f->project : "");
	k->stage_label = mem_strdup(f->stage_label ? f->stage_label : "");
	k->meeting = mem_strdup(f->meeting ? f->meeting : "");
	k->person = mem_strdup(f->person ? f->person : "");
	k->held_on = f->held_on;
	return k;
}

static void finding_copy_free(struct finding_copy *k)
{
	if (!k)
		return;
	free(k->message);
	free(k->project);
	free(k->stage_label);
	free(k->meeting);
	free(k->person);
	free(k);
}

int64_t finding_rule_id(const struct rule *r)
{
	return (int64_t)rules_index(r) + 1;
}

const struct rule *finding_rule_of(int64_t id)
{
	size_t n;
	const struct rule *table = rules_table(&n);
	return id >= 1 && (uint64_t)id <= n ? &table[id - 1] : NULL;
}

void finding_open(struct screen_ctx *c, const struct finding *f)
{
	finding_copy_free(finding_pending);
	finding_pending = finding_copy_new(f);
	screen_open(c, "finding", finding_rule_id(f->rule));
}

/* Open the screen of place p, or say why not. */
static void finding_go_place(struct screen_ctx *c, struct view *v, const struct finding_place *p)
{
	if (screen_find(screen_table(c), p->screen))
		screen_open(c, p->screen, p->id);
	else
		view_message(v, VIEW_TONE_WARN, "involve cannot open the %s %s in this version.",
		             p->noun, p->name);
}

void finding_go(struct screen_ctx *c, struct view *v, const struct finding *f)
{
	struct finding_copy *k = finding_copy_new(f);
	struct finding_place places[3];
	if (finding_places(k, places))
		finding_go_place(c, v, &places[0]);
	else
		view_message(v, VIEW_TONE_WARN, "This finding is about no one record to go to.");
	finding_copy_free(k);
}

/* "What it concerns": one row per record, each opening it. */
static void finding_concerns(struct view *v, const struct finding_copy *k)
{
	struct view_section *sec =
	        view_add_list(v, "What it concerns", "This finding is about no one record.");
	struct finding_place places[3];
	size_t n = finding_places(k, places);
	for (size_t i = 0; i < n; i++) {
		struct view_row *r = view_list_add(sec);
		r->id = (int64_t)i + 1;
		view_row_label(r, "go to the %s %s", places[i].noun, places[i].name);
		if (strcmp(places[i].noun, "meeting") == 0 && k->held_on != DATE_NONE) {
			char held[DATE_TEXT_SIZE];
			date_format(k->held_on, held);
			view_row_date(r, "held", held);
		} else if (strcmp(places[i].noun, "project") == 0 && *k->stage_label) {
			view_row_value(r, "stage %s", k->stage_label);
		}
	}
}

static void finding_build(struct screen_ctx *c, struct view *v)
{
	const struct rule *rule = finding_rule_of(c->id);
	if (!c->state && finding_pending && finding_pending->rule == rule) {
		c->state = finding_pending;
		finding_pending = NULL;
	}
	const struct finding_copy *k = c->state;
	if (!rule || !c->config) {
		view_title(v, "Rule");
		view_summary(v, "There is no such rule to explain.");
		return;
	}
	struct explain e;
	explain_rule(c->config, rule, &e);
	view_title(v, "Rule: %s", rule->title);
	if (k) {
		const char *sev = rules_severity_name(k->severity);
		view_summary(v, "%c%s: %s", sev[0] - 'a' + 'A', sev + 1, k->message);
		finding_concerns(v, k);
		view_add_action(v, 'g', "go", "go to what it concerns",
		                "Go to the record this finding is about: its meeting, else its "
		                "person, else its project.");
	} else {
		view_summary(v, "%s", e.severity);
	}
	struct view_section *sec = view_add_list(v, "The rule", NULL);
	view_row_set(view_list_add(sec), 0, e.title, NULL);
	if (k)
		view_row_set(view_list_add(sec), 0, e.severity, NULL);
	help_sentences(sec, e.help);
	sec = view_add_list(v, "Settings it reads, with their values now", NULL);
	for (size_t i = 0; i < e.nsettings; i++)
		view_row_set(view_list_add(sec), 0, e.settings[i], NULL);
	view_row_set(view_list_add(sec), 0, e.change, NULL);
	explain_free(&e);
}

static enum screen_result finding_handle(struct screen_ctx *c, struct view *v,
                                         const struct command *cmd)
{
	const struct finding_copy *k = c->state;
	if (!k)
		return SCREEN_UNHANDLED;
	struct finding_place places[3];
	size_t n = finding_places(k, places);
	const struct view_row *row = view_selected_row(v);
	if (cmd->kind == COMMAND_ACTION) {
		if (!n)
			view_message(v, VIEW_TONE_WARN,
			             "This finding is about no one record to go to.");
		else
			finding_go_place(c, v, &places[0]);
		return SCREEN_HANDLED;
	}
	if (cmd->kind == COMMAND_OPEN && v->focus == 0 && row && row->id >= 1 &&
	    (size_t)row->id <= n) {
		finding_go_place(c, v, &places[row->id - 1]);
		return SCREEN_HANDLED;
	}
	return SCREEN_UNHANDLED;
}

/* Free the finding the screen was opened for. */
static void finding_leave(struct screen_ctx *c)
{
	finding_copy_free(c->state);
	c->state = NULL;
}

const struct screen finding_screen = {
	.name = "finding",
	.title = "Rule",
	.help = "This screen explains one rule: what it looks for and why it matters, how "
	        "serious it is, and the settings it reads with their values now. Opened for a "
	        "finding, it shows that finding first, with a row for each record it concerns: "
	        "open one, or use go, to go there. The settings are changed in the settings file.",
	.build = finding_build,
	.handle = finding_handle,
	.leave = finding_leave,
};
