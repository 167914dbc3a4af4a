/* SPDX-License-Identifier: GPL-3.0-or-later */
/* person_details: a person's details, what is owed to them, their findings and their meetings. */
#include "person_details.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "finding_rows.h"
#include "involvement.h"
#include "involvement_rows.h"
#include "mem.h"
#include "money.h"
#include "paths.h"
#include "payment.h"
#include "person.h"
#include "privacy.h"
#include "recordview.h"
#include "rules.h"
#include "text.h"

enum {
	PERSON_DETAILS_FINDINGS_SHOWN = 100, /* findings listed at most; the rest are counted */
	PERSON_DETAILS_ASK_FORGET = 1,
};

/* The view's sections this screen acts on, by what they hold (0: not shown). */
enum person_details_part {
	PERSON_DETAILS_FEEDBACK,
	PERSON_DETAILS_PAYMENTS,
	PERSON_DETAILS_COMMITMENTS,
	PERSON_DETAILS_FINDINGS,
	PERSON_DETAILS_MEETINGS,
	PERSON_DETAILS_PARTS,
};

struct person_details_state {
	struct config *own_config; /* the built-in settings, when the program gave none */
	struct rules_list findings;
	bool exporting;                        /* the form asks for the file to export to */
	size_t sections[PERSON_DETAILS_PARTS]; /* where each part is in the view; 0 when not */
};

/* The screen's state, made when first needed. */
static struct person_details_state *person_details_state(struct screen_ctx *c)
{
	if (!c->state) {
		struct person_details_state *st = mem_calloc(1, sizeof *st);
		rules_list_init(&st->findings);
		c->state = st;
	}
	return c->state;
}

/* "2 meetings": a count and its noun, plural when it is not one. Caller frees. */
static char *person_details_count(int64_t n, const char *one, const char *many)
{
	return mem_printf("%lld %s", (long long)n, n == 1 ? one : many);
}

/* What is owed to them, in words: "feedback on 2 meetings (1 overdue) and £12.50 ..." */
static char *person_details_owed(const struct involvement_totals *t)
{
	char *parts[3];
	size_t n = 0;
	if (t->feedback_owed) {
		char *meetings = person_details_count(t->feedback_owed, "meeting", "meetings");
		parts[n++] = t->feedback_overdue
		                     ? mem_printf("feedback on %s (%lld overdue)", meetings,
		                                  (long long)t->feedback_overdue)
		                     : mem_printf("feedback on %s", meetings);
		free(meetings);
	}
	if (t->unpaid) {
		char money[MONEY_TEXT_SIZE];
		money_format_pounds(t->unpaid_pence, money);
		char *claims = person_details_count(t->unpaid, "unpaid claim", "unpaid claims");
		parts[n++] = t->overdue ? mem_printf("%s in %s (%lld overdue)", money, claims,
		                                     (long long)t->overdue)
		                        : mem_printf("%s in %s", money, claims);
		free(claims);
	}
	if (t->commitments) {
		char *done = person_details_count(t->commitments, "commitment", "commitments");
		parts[n++] = mem_printf("%s not yet kept", done);
		free(done);
	}
	char *owed = involvement_rows_join((const char *const *)parts, n);
	for (size_t i = 0; i < n; i++)
		free(parts[i]);
	return owed;
}

/* The one sentence at the top: what is owed to them, and how many findings follow. */
static void person_details_summary(struct view *v, const struct person *p,
                                   const struct involvement_totals *t, size_t findings)
{
	if (p->anonymised == 1) {
		view_summary(v,
		             "This person was forgotten: their personal details were erased, and "
		             "their meetings and payments are kept as a participant's.");
		return;
	}
	char *owed = person_details_owed(t);
	char *also = findings ? mem_printf("; %s about them follow%s",
	                                   findings == 1 ? "a finding" : "findings",
	                                   findings == 1 ? "s" : "")
	                      : mem_strdup("; each detail is saved as soon as you leave it");
	if (*owed)
		view_summary(v, "%s is owed %s%s.", p->name, owed, also);
	else
		view_summary(v, "Nothing is owed to %s%s.", p->name, also);
	free(also);
	free(owed);
}

/* A file name from a person's name: letters and digits kept, the rest made dashes. */
static char *person_details_file_name(const char *name)
{
	struct buf b;
	buf_init(&b);
	const char *home = getenv("HOME");
	buf_printf(&b, "%s/", home && *home ? home : ".");
	size_t start = b.len;
	for (const char *p = name; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (isalnum(ch) || ch >= 0x80)
			buf_addc(&b, (char)(ch < 0x80 ? tolower(ch) : ch));
		else if (b.len > start && b.data[b.len - 1] != '-')
			buf_addc(&b, '-');
	}
	if (b.len > start && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	buf_add(&b, b.len > start ? "-involve-record.txt" : "person-involve-record.txt");
	return buf_take(&b);
}

/* The details form; a forgotten person's personal details are shown, not edited. */
static void person_details_form(struct screen_ctx *c, struct view *v, const struct person *p)
{
	struct view_section *form = view_add_form(v, c->id ? "Details" : NULL);
	recordview_form(form, &person_kind, p, NULL, c->config);
	for (size_t i = 0; p->anonymised == 1 && i < form->nfields; i++) {
		struct view_field *f = &form->fields[i];
		if (!f->field || !(f->field->flags & FIELD_PERSONAL))
			continue;
		f->read_only = true;
		if (!*f->value)
			view_field_value(f, "", "erased");
	}
	struct person_details_state *st = person_details_state(c);
	if (!st->exporting)
		return;
	struct view_field *f =
	        view_form_add(view_add_form(v, "Export"), "export_file", "file to write");
	char *path = person_details_file_name(p->name);
	view_field_value(f, path, path);
	free(path);
	view_field_help(f,
	                "Where to write everything held about them, for a subject access request: "
	                "a name ending in .json gives JSON, anything else plain text. The file "
	                "holds their personal details: keep it safe.",
	                "a file name");
}

/* A list section of part, remembered so that commands know what a row stands for. */
static struct view_section *person_details_list(struct view *v, struct person_details_state *st,
                                                enum person_details_part part, const char *heading,
                                                const char *empty)
{
	struct view_section *sec = view_add_list(v, heading, empty);
	st->sections[part] = v->nsections - 1;
	return sec;
}

/* What is owed to them, their findings and their meetings, after the form. */
static void person_details_lists(struct screen_ctx *c, struct view *v,
                                 struct person_details_state *st, const struct involvement_terms *t,
                                 const struct involvement_totals *totals)
{
	if (totals->feedback_owed)
		involvement_rows_feedback(
		        v,
		        person_details_list(v, st, PERSON_DETAILS_FEEDBACK, "Feedback owed", NULL),
		        c->store, c->id, t, totals->feedback_owed);
	if (totals->unpaid) {
		struct involvement_payments which = {
			.filter = INVOLVEMENT_UNPAID,
			.person_id = c->id,
			.terms = t,
		};
		involvement_rows_payments(v,
		                          person_details_list(v, st, PERSON_DETAILS_PAYMENTS,
		                                              "Payments unpaid", NULL),
		                          c->store, &which);
	}
	if (totals->commitments)
		involvement_rows_commitments(
		        v,
		        person_details_list(v, st, PERSON_DETAILS_COMMITMENTS,
		                            "Commitments from their meetings, not yet kept", NULL),
		        c->store, c->id, t, totals->commitments);
	if (st->findings.count)
		finding_rows_add(
		        person_details_list(v, st, PERSON_DETAILS_FINDINGS, "Findings", NULL),
		        &st->findings, PERSON_DETAILS_FINDINGS_SHOWN);
	involvement_rows_history(
	        v,
	        person_details_list(v, st, PERSON_DETAILS_MEETINGS, "Meetings, newest first",
	                            "They have not been booked into a meeting yet."),
	        c->store, c->id, t);
}

/* Title, summary, the details form, what is owed, findings and meetings; or a new form. */
static void person_details_build(struct screen_ctx *c, struct view *v)
{
	struct person_details_state *st = person_details_state(c);
	memset(st->sections, 0, sizeof st->sections);
	struct person p;
	struct error err;
	if (!c->id) {
		person_init(&p);
		view_title(v, "New person");
		view_summary(v, "Give the new person's name first; each detail is saved as soon as "
		                "you leave it.");
		person_details_form(c, v, &p);
		v->walk = true;
		person_clear(&p);
		return;
	}
	if (person_get(c->store, c->id, &p, &err) != ERROR_NONE) {
		view_title(v, "Person");
		view_summary(v, "%s.", err.msg);
		person_clear(&p);
		return;
	}
	const struct config *config = involvement_rows_config(c, &st->own_config);
	struct involvement_terms t = involvement_terms(config, date_today());
	struct involvement_totals totals;
	if (involvement_totals(c->store, c->id, &t, &totals, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	rules_list_free(&st->findings);
	rules_list_init(&st->findings);
	struct rules_options opt = rules_options_default(t.today);
	opt.scope = (struct rules_scope){ .kind = RULES_SCOPE_PERSON, .id = c->id };
	if (rules_run(c->store, config, &opt, rules_list_add, &st->findings, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	rules_list_sort(&st->findings);
	view_title(v, "Person: %s", p.name);
	person_details_summary(v, &p, &totals, st->findings.count);
	person_details_form(c, v, &p);
	person_details_lists(c, v, st, &t, &totals);
	if (p.anonymised != 1) {
		view_add_action(
		        v, 'a', "add", "add a payment",
		        "Add a payment for them: a fee or expense, for one of their meetings "
		        "or none.");
		view_add_action(v, 'p', "pay", "mark it paid today",
		                "Record that the selected unpaid payment was paid today.");
	}
	view_add_action(v, 'e', "export", "export their record",
	                "Write everything held about them to a file, for a subject access request; "
	                "you are asked for the file's name.");
	if (p.anonymised != 1)
		view_add_action(
		        v, 'f', "forget", "forget them",
		        "Erase their name and personal details for good, after asking; their "
		        "meetings, what they said and payments stay, as a participant's.");
	person_clear(&p);
}

/* Turn "1, 3" into the labels of choices 1 and 3, for a field that takes several choices. */
static char *person_details_numbered(const struct view_field *f, const char *text)
{
	if (!f->field || f->field->type != FIELD_FLAGS || !*text ||
	    strspn(text, "0123456789, ;") != strlen(text))
		return mem_strdup(text);
	struct buf b;
	buf_init(&b);
	for (const char *p = text; *p;) {
		p += strspn(p, ", ;");
		if (!*p)
			break;
		char *end;
		long n = strtol(p, &end, 10);
		const char *label = n >= 1 && (size_t)n <= f->nchoices ? f->choices[n - 1] : NULL;
		if (label)
			buf_printf(&b, "%s%s", b.len ? ", " : "", label);
		else
			buf_printf(&b, "%s%.*s", b.len ? ", " : "", (int)(end - p), p);
		p = end;
	}
	return buf_take(&b);
}

/* Write their record to the file typed in the export field. */
static enum screen_result person_details_export(struct screen_ctx *c, struct view *v,
                                                const char *typed)
{
	struct view_field *f = view_focused_field(v);
	char *path = paths_typed(typed);
	struct error err;
	size_t len = strlen(path);
	bool json = len >= 5 && strcmp(path + len - 5, ".json") == 0;
	char *doc = NULL;
	if (!*path)
		error_set(&err, ERROR_INVALID, "Type the name of the file to write");
	else
		doc = privacy_export(c->store, c->id, json ? PRIVACY_JSON : PRIVACY_TEXT, &err);
	if (!doc || paths_replace_file(path, doc, strlen(doc), &err) != ERROR_NONE) {
		view_field_error(f, err.msg);
		free(doc);
		free(path);
		return SCREEN_HANDLED;
	}
	person_details_state(c)->exporting = false;
	view_message(v, VIEW_TONE_GOOD,
	             "Wrote everything held about them to %s. It holds their personal details: "
	             "keep it safe, and delete it once it has been given to them.",
	             path);
	free(doc);
	free(path);
	return SCREEN_CHANGED;
}

/* Save a field as it is left: the export file, or one of the person's details. */
static enum screen_result person_details_save(struct screen_ctx *c, struct view *v,
                                              const struct command *cmd)
{
	struct view_field *f = view_focused_field(v);
	if (f && strcmp(f->name, "export_file") == 0)
		return person_details_export(c, v, cmd->text);
	struct command save = *cmd;
	save.text = f ? person_details_numbered(f, cmd->text ? cmd->text : "") : NULL;
	enum screen_result r = recordview_save(c, v, &person_kind, &save);
	free(save.text);
	return r;
}

/* Ask before forgetting them, naming what would be erased and what would stay. */
static void person_details_ask_forget(struct screen_ctx *c, struct view *v)
{
	struct privacy_forgotten f;
	struct error err;
	if (privacy_forget(c->store, c->id, true, &f, &err) != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		return;
	}
	char *erased = involvement_rows_join((const char *const *)f.erased, f.nerased);
	char *meetings = person_details_count(f.kept.attendances, "meeting", "meetings");
	char *payments = person_details_count(f.kept.payments, "payment", "payments");
	view_ask(v, PERSON_DETAILS_ASK_FORGET,
	         "Forget %s for good? This erases their %s, and cannot be undone; their %s, what "
	         "they said and their %s stay, as a participant's.",
	         f.name, erased, meetings, payments);
	free(payments);
	free(meetings);
	free(erased);
	privacy_forgotten_free(&f);
}

/* Forget them, and say what was done and what is left to do by hand. */
static enum screen_result person_details_forget(struct screen_ctx *c, struct view *v)
{
	struct privacy_forgotten f;
	struct error err;
	if (privacy_forget(c->store, c->id, false, &f, &err) != ERROR_NONE) {
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
		return SCREEN_HANDLED;
	}
	char *mentions =
	        f.total_mentions
	                ? mem_printf(" Their name still appears in %lld place%s "
	                             "of free text, such as %s: edit %s by hand.",
	                             (long long)f.total_mentions, f.total_mentions == 1 ? "" : "s",
	                             f.mentions[0], f.total_mentions == 1 ? "it" : "them")
	                : mem_strdup("");
	view_message(v, f.journal_cleared ? VIEW_TONE_GOOD : VIEW_TONE_WARN,
	             "Forgot %s: their personal details are erased.%s%s", f.name, mentions,
	             f.journal_cleared ? ""
	                               : " Another program has the database open, so the erased "
	                                 "text may stay in its journal until that program closes.");
	free(mentions);
	privacy_forgotten_free(&f);
	return SCREEN_CHANGED;
}

/* Show the export field, ready to take the file's name. */
static void person_details_start_export(struct screen_ctx *c, struct view *v)
{
	person_details_state(c)->exporting = true;
	view_reset(v);
	person_details_build(c, v);
	size_t sec, index;
	if (view_find_field(v, "export_file", &sec, &index)) {
		view_focus_field(v, sec, index);
		view_edit_start(v, NULL);
	}
}

/* Add a payment for them and open it to be filled in. */
static void person_details_add_payment(struct screen_ctx *c, struct view *v)
{
	struct payment pay;
	payment_init(&pay);
	pay.person_id = c->id;
	struct error err;
	if (payment_create(c->store, &pay, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	else
		screen_open(c, "payment", pay.head.id);
	payment_clear(&pay);
}

/* Which part of the screen the selection is in, or -1 for the form or nothing. */
static int person_details_part(const struct view *v, const struct person_details_state *st)
{
	for (int i = 0; i < PERSON_DETAILS_PARTS; i++)
		if (st->sections[i] && st->sections[i] == v->focus)
			return i;
	return -1;
}

/* Open a row: a payment on its own screen, a finding's rule explained, else the whole row. */
static enum screen_result person_details_open(struct screen_ctx *c, struct view *v,
                                              struct person_details_state *st)
{
	const struct view_row *row = view_selected_row(v);
	int part = person_details_part(v, st);
	if (part == PERSON_DETAILS_PAYMENTS) {
		screen_open(c, "payment", row->id);
	} else if (part != PERSON_DETAILS_FINDINGS ||
	           !finding_rows_explain(v, &st->findings, row)) {
		/* The whole row, for when it was cut short on a narrow screen. */
		char *text = view_row_text(row);
		view_message(v, VIEW_TONE_PLAIN, "%s.", text);
		free(text);
	}
	return SCREEN_HANDLED;
}

/* Fields, rows, the actions (add a payment, pay, export, forget) and the forget question. */
static enum screen_result person_details_handle(struct screen_ctx *c, struct view *v,
                                                const struct command *cmd)
{
	struct person_details_state *st = person_details_state(c);
	switch (cmd->kind) {
	case COMMAND_SAVE_FIELD:
		return person_details_save(c, v, cmd);
	case COMMAND_OPEN:
		return person_details_open(c, v, st);
	case COMMAND_ACTION:
		if (!c->id) {
			view_message(v, VIEW_TONE_WARN, "Give their name first.");
		} else if (cmd->key == 'a') {
			person_details_add_payment(c, v);
		} else if (cmd->key == 'p') {
			const struct view_row *row = view_selected_row(v);
			if (row && person_details_part(v, st) == PERSON_DETAILS_PAYMENTS)
				return involvement_rows_pay(c, v, row->id);
			view_message(v, VIEW_TONE_WARN,
			             "Choose one of their unpaid payments to pay.");
		} else if (cmd->key == 'e') {
			person_details_start_export(c, v);
		} else {
			person_details_ask_forget(c, v);
		}
		return SCREEN_HANDLED;
	case COMMAND_ANSWER:
		if (cmd->key != PERSON_DETAILS_ASK_FORGET)
			return SCREEN_UNHANDLED;
		if (cmd->number)
			return person_details_forget(c, v);
		view_message(v, VIEW_TONE_PLAIN, "Nothing was erased.");
		return SCREEN_HANDLED;
	default:
		return SCREEN_UNHANDLED;
	}
}

/* Free the state. */
static void person_details_leave(struct screen_ctx *c)
{
	struct person_details_state *st = c->state;
	if (!st)
		return;
	rules_list_free(&st->findings);
	config_free(st->own_config);
	free(st);
	c->state = NULL;
}

const struct screen person_details_screen = {
	.name = "person",
	.title = "Person",
	.help = "A person's details, then what is owed to them (feedback not yet given, payments "
	        "claimed and not paid, commitments from their meetings not yet kept), the findings "
	        "about them, and the meetings they were booked into, newest first. Each detail is "
	        "saved as soon as you leave it; roles may be several, separated by commas. Add "
	        "starts a payment for them; pay marks the selected unpaid payment paid today. "
	        "Export writes everything held about them to a file you name, for a subject access "
	        "request; forget erases their personal details for good, after asking.",
	.build = person_details_build,
	.handle = person_details_handle,
	.leave = person_details_leave,
};
