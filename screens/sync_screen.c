/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sync_screen: this laptop and the laptops it exchanges records with, and the files between. */
#include "sync_screen.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "paths.h"
#include "sync.h"
#include "text.h"

/* Row ids that are not a laptop heard from (those are 1 + their index in the state's list). */
enum { SYNC_SCREEN_SELF = -1, SYNC_SCREEN_NEW = -2 };

/* What the form under the rows asks for, if anything. */
enum sync_screen_ask {
	SYNC_SCREEN_ASK_NONE,
	SYNC_SCREEN_ASK_EXPORT, /* the file to write for st->to (or everything) */
	SYNC_SCREEN_ASK_APPLY,  /* the file to apply */
	SYNC_SCREEN_ASK_NAME,   /* this laptop's new name */
};

/* The screen's own state, kept between builds. */
struct sync_screen_state {
	enum sync_screen_ask ask;
	char (*ids)[SYNC_ID_SIZE]; /* the laptops heard from, as last built, in row order */
	char **names;              /* their names, cleaned */
	size_t npeers;
	char to[SYNC_ID_SIZE]; /* the export's destination; "" for the core's choice */
	char *to_name;         /* its name for the form's heading; NULL: everything */
	bool all;              /* the export writes everything, for a new laptop */
	bool join;             /* the file applied may join an unrelated record to this one */
	char *from;            /* the last file applied: its sender's name, for the heading */
	char **reports;        /* what it brought a person should know; owned */
	size_t nreports;
};

static struct sync_screen_state *sync_screen_state(struct screen_ctx *c)
{
	if (!c->state)
		c->state = mem_calloc(1, sizeof(struct sync_screen_state));
	return c->state;
}

/* Forget the laptops of the last build. */
static void sync_screen_forget_peers(struct sync_screen_state *st)
{
	for (size_t i = 0; i < st->npeers; i++)
		free(st->names[i]);
	free(st->names);
	free(st->ids);
	st->names = NULL;
	st->ids = NULL;
	st->npeers = 0;
}

/* Forget the reports of the last file applied. */
static void sync_screen_forget_reports(struct sync_screen_state *st)
{
	for (size_t i = 0; i < st->nreports; i++)
		free(st->reports[i]);
	free(st->reports);
	free(st->from);
	st->reports = NULL;
	st->from = NULL;
	st->nreports = 0;
}

static void sync_screen_leave(struct screen_ctx *c)
{
	struct sync_screen_state *st = c->state;
	if (st) {
		sync_screen_forget_peers(st);
		sync_screen_forget_reports(st);
		free(st->to_name);
	}
	free(st);
	c->state = NULL;
}

/* A laptop's row: its status, its name, and when a file last went each way, dates last. */
static void sync_screen_peer_row(struct view_section *sec, const struct sync_peer *p, size_t i)
{
	struct view_row *r = view_list_add(sec);
	r->id = (int64_t)i + 1;
	view_row_label(r, "%s", p->name);
	if (p->sent_seq > p->acked_seq)
		view_row_status(r, "not confirmed", VIEW_TONE_WARN);
	char sent[SYNC_WHEN_SIZE], received[SYNC_WHEN_SIZE];
	sync_when(p->last_sent_at, sent);
	sync_when(p->last_received_at, received);
	/* One "UTC" for both times, at the end, so that the row fits 80 columns. */
	size_t n = strlen(sent);
	if (n > 4 && strcmp(sent + n - 4, " UTC") == 0 && strcmp(received, "never") != 0)
		sent[n - 4] = '\0';
	char *when = mem_printf("%s, received %s", sent, received);
	view_row_date(r, "sent", when);
	free(when);
}

/* The one sentence: this laptop's name, the latest file each way, how many laptops are known. */
static void sync_screen_summary(struct view *v, const char *self, const struct sync_peer *peers,
                                size_t n)
{
	if (n == 0) {
		view_summary(
		        v,
		        "This laptop is %s; no other laptop has sent a file here yet: select A "
		        "new laptop and export to start one.",
		        self);
		return;
	}
	const struct sync_peer *sent = NULL, *received = NULL;
	for (size_t i = 0; i < n; i++) {
		if (*peers[i].last_sent_at &&
		    (!sent || strcmp(peers[i].last_sent_at, sent->last_sent_at) > 0))
			sent = &peers[i];
		if (*peers[i].last_received_at &&
		    (!received ||
		     strcmp(peers[i].last_received_at, received->last_received_at) > 0))
			received = &peers[i];
	}
	char *to = sent ? mem_printf("last sent to %s %.10s", sent->name, sent->last_sent_at)
	                : mem_strdup("nothing sent to a laptop by name yet");
	char *from = received ? mem_printf(", last received from %s %.10s", received->name,
	                                   received->last_received_at)
	                      : mem_strdup("");
	view_summary(v, "This laptop is %s; %s%s; %zu other laptop%s known.", self, to, from, n,
	             n == 1 ? "" : "s");
	free(from);
	free(to);
}

/* name made fit for a file's name: letters and digits in lower case, the rest dashes. */
static char *sync_screen_slug(const char *name)
{
	char *out = mem_strdup(name);
	for (char *p = out; *p; p++)
		*p = isalnum((unsigned char)*p) ? (char)tolower((unsigned char)*p) : '-';
	return out;
}

/* The file an export is offered to write: from-SELF-to-DEST.sync in the folder involve runs in. */
static char *sync_screen_export_path(const char *self, const char *to)
{
	char *cwd = getcwd(NULL, 0);
	char *me = sync_screen_slug(self);
	char *them = sync_screen_slug(to ? to : "a-new-laptop");
	char *path = mem_printf("%s/from-%s-to-%s.sync", cwd ? cwd : ".", me, them);
	free(them);
	free(me);
	free(cwd);
	return path;
}

/* The form under the rows, asking for what the last action needs. */
static void sync_screen_form(struct view *v, const struct sync_screen_state *st, const char *self)
{
	struct view_field *f;
	char *path, *heading;
	switch (st->ask) {
	case SYNC_SCREEN_ASK_EXPORT:
		heading = st->to_name ? mem_printf("Export for %s", st->to_name)
		                      : mem_strdup("Export everything, for a new laptop");
		f = view_form_add(view_add_form(v, heading), "export_file", "file to write");
		free(heading);
		path = sync_screen_export_path(self, st->to_name);
		view_field_value(f, path, path);
		free(path);
		view_field_help(f,
		                st->to_name
		                        ? "Where to write the changes that laptop is not known "
		                          "to have: a USB stick or a folder it can reach."
		                        : "Where to write everything this laptop holds, to start "
		                          "a new laptop: a USB stick or a folder it can reach.",
		                "a file name");
		break;
	case SYNC_SCREEN_ASK_APPLY:
		f = view_form_add(
		        view_add_form(v, st->join ? "Combine with the record of another laptop"
		                                  : "Apply a file from another laptop"),
		        "apply_file", "file to apply");
		view_field_help(f,
		                st->join ? "A file another laptop wrote with export; applying it "
		                           "combines its record with this one for good."
		                         : "A file another laptop wrote with export; applying it "
		                           "twice changes nothing the second time.",
		                "a file name");
		break;
	case SYNC_SCREEN_ASK_NAME:
		f = view_form_add(view_add_form(v, "This laptop's name"), "name", "name");
		view_field_value(f, self, self);
		view_field_help(
		        f,
		        "The name the other laptops show for this one, and name in what they "
		        "report, such as LAPTOP-A or Ann's laptop.",
		        "up to 64 letters");
		break;
	case SYNC_SCREEN_ASK_NONE:
		break;
	}
}

static void sync_screen_build(struct screen_ctx *c, struct view *v)
{
	struct sync_screen_state *st = sync_screen_state(c);
	view_title(v, "Sync");
	char *self = sync_name(c->store);
	struct sync_peer *peers = NULL;
	size_t n = 0;
	struct error err;
	if (sync_peers(c->store, &peers, &n, &err) != ERROR_NONE)
		view_message(v, VIEW_TONE_ALERT, "%s.", err.msg);
	sync_screen_summary(v, self, peers, n);
	struct view_section *sec = view_add_list(v, "Laptops", NULL);
	struct view_row *r = view_list_add(sec);
	r->id = SYNC_SCREEN_SELF;
	view_row_label(r, "This laptop: %s", self);
	view_row_value(r, "open it to rename it");
	sync_screen_forget_peers(st);
	st->ids = mem_calloc(n ? n : 1, sizeof *st->ids);
	st->names = mem_calloc(n ? n : 1, sizeof *st->names);
	for (size_t i = 0; i < n; i++) {
		memcpy(st->ids[i], peers[i].id, SYNC_ID_SIZE);
		st->names[i] = mem_strdup(peers[i].name);
		sync_screen_peer_row(sec, &peers[i], i);
	}
	st->npeers = n;
	sync_peers_free(peers, n);
	r = view_list_add(sec);
	r->id = SYNC_SCREEN_NEW;
	view_row_label(r, "A new laptop");
	view_row_value(r, "export here writes everything, to start one");
	if (st->nreports) {
		char *heading = mem_printf("What the file from %s brought", st->from);
		sec = view_add_list(v, heading, NULL);
		free(heading);
		for (size_t i = 0; i < st->nreports; i++)
			view_row_set(view_list_add(sec), 0, st->reports[i], NULL);
	}
	sync_screen_form(v, st, self);
	free(self);
	view_add_action(v, 'e', "export", "export a file",
	                "Write a file of the changes the selected laptop is not known to have "
	                "(everything for A new laptop); you are asked for the file's name.");
	view_add_action(v, 'a', "apply", "apply a file",
	                "Apply a file another laptop wrote; you are asked for the file's name.");
	view_add_action(v, 'c', "combine", "combine with another record",
	                "Apply a file from a laptop that keeps a different record (it did not "
	                "start from a copy of this one), combining the two for good.");
	view_add_action(v, 'n', "name", "name this laptop",
	                "Change the name the other laptops know this one by.");
}

/* Show the form asking for ask, its field focused and being typed into. */
static enum screen_result sync_screen_ask(struct screen_ctx *c, struct view *v,
                                          enum sync_screen_ask ask)
{
	sync_screen_state(c)->ask = ask;
	view_reset(v);
	sync_screen_build(c, v);
	static const char *const fields[] = { NULL, "export_file", "apply_file", "name" };
	size_t sec, index;
	if (view_find_field(v, fields[ask], &sec, &index)) {
		view_focus_field(v, sec, index);
		view_edit_start(v, NULL);
	}
	return SCREEN_HANDLED;
}

/* Choose the export's destination from the selected row, then ask for the file. */
static enum screen_result sync_screen_start_export(struct screen_ctx *c, struct view *v)
{
	struct sync_screen_state *st = sync_screen_state(c);
	const struct view_row *r = view_selected_row(v);
	int64_t id = r ? r->id : 0;
	if (st->ask == SYNC_SCREEN_ASK_EXPORT && !r)
		return sync_screen_ask(c, v, SYNC_SCREEN_ASK_EXPORT); /* the same one again */
	st->to[0] = '\0';
	st->all = false;
	free(st->to_name);
	st->to_name = NULL;
	if (id > 0 && (size_t)id <= st->npeers) {
		memcpy(st->to, st->ids[id - 1], SYNC_ID_SIZE);
		st->to_name = mem_strdup(st->names[id - 1]);
	} else if (id == SYNC_SCREEN_NEW || st->npeers == 0) {
		st->all = true;
	} else if (st->npeers == 1) {
		memcpy(st->to, st->ids[0], SYNC_ID_SIZE);
		st->to_name = mem_strdup(st->names[0]);
	} else {
		view_message(v, VIEW_TONE_WARN,
		             "Choose the laptop the file is for: select its row, or A new laptop, "
		             "then export.");
		return SCREEN_HANDLED;
	}
	return sync_screen_ask(c, v, SYNC_SCREEN_ASK_EXPORT);
}

/* The path typed (see paths_typed), or NULL when nothing was. */
static char *sync_screen_path(const char *typed)
{
	char *path = paths_typed(typed);
	if (*path)
		return path;
	free(path);
	return NULL;
}

/* Close the form and say what went wrong on the message line; nothing was changed. */
static enum screen_result sync_screen_refused(struct screen_ctx *c, struct view *v,
                                              const struct error *err)
{
	sync_screen_state(c)->ask = SYNC_SCREEN_ASK_NONE;
	view_message(v, VIEW_TONE_ALERT, "%s.", err->msg);
	return SCREEN_CHANGED;
}

/* Write the changeset to the file typed, and say what it holds. */
static enum screen_result sync_screen_export(struct screen_ctx *c, struct view *v,
                                             const char *typed)
{
	struct sync_screen_state *st = sync_screen_state(c);
	char *path = sync_screen_path(typed);
	if (!path) {
		view_field_error(view_focused_field(v), "Type the name of the file to write.");
		return SCREEN_HANDLED;
	}
	struct sync_export_options opt = { .to = *st->to ? st->to : NULL,
		                           .all = st->all,
		                           .screen = true };
	struct sync_export_result res;
	struct error err;
	enum screen_result r;
	if (sync_export(c->store, path, &opt, &res, &err) != ERROR_NONE) {
		r = sync_screen_refused(c, v, &err);
	} else {
		char *said = sync_export_sentence(path, &res);
		view_message(v, VIEW_TONE_GOOD, "%s.%s", said,
		             res.to_name ? "" : " Apply it on the new laptop's Sync screen.");
		free(said);
		st->ask = SYNC_SCREEN_ASK_NONE;
		r = SCREEN_CHANGED;
	}
	sync_export_result_free(&res);
	free(path);
	return r;
}

/* Apply the file typed; say what it did and keep what a person should know for the rows. */
static enum screen_result sync_screen_apply(struct screen_ctx *c, struct view *v, const char *typed)
{
	struct sync_screen_state *st = sync_screen_state(c);
	char *path = sync_screen_path(typed);
	if (!path) {
		view_field_error(view_focused_field(v), "Type the name of the file to apply.");
		return SCREEN_HANDLED;
	}
	struct sync_apply_options opt = { .join = st->join, .screen = true };
	struct sync_apply_result res;
	struct error err;
	enum screen_result r;
	if (sync_apply(c->store, path, &opt, &res, &err) != ERROR_NONE) {
		r = sync_screen_refused(c, v, &err);
	} else {
		char *said = sync_apply_sentence(path, &res);
		view_message(v, res.conflicts ? VIEW_TONE_WARN : VIEW_TONE_GOOD, "%s%s%s%s%s",
		             res.joined ? "This database now shares the record kept by " : "",
		             res.joined ? res.from_name : "", res.joined ? ". " : "", said,
		             res.nreports ? ": they are listed under the laptops." : ".");
		free(said);
		sync_screen_forget_reports(st);
		if (res.nreports) {
			st->from = mem_strdup(res.from_name);
			st->reports = res.reports;
			st->nreports = res.nreports;
			res.reports = NULL;
			res.nreports = 0;
		}
		st->ask = SYNC_SCREEN_ASK_NONE;
		st->join = false;
		r = SCREEN_CHANGED;
	}
	sync_apply_result_free(&res);
	free(path);
	return r;
}

/* Rename this laptop; a refused name is explained under the field. */
static enum screen_result sync_screen_rename(struct screen_ctx *c, struct view *v,
                                             const char *typed)
{
	struct error err;
	char *name = text_trim(mem_strdup(typed ? typed : ""));
	if (sync_set_name(c->store, name, &err) != ERROR_NONE) {
		char *sentence = mem_printf("%s.", err.msg);
		view_field_error(view_focused_field(v), sentence);
		free(sentence);
		free(name);
		return SCREEN_HANDLED;
	}
	free(name);
	name = sync_name(c->store);
	view_message(v, VIEW_TONE_GOOD, "This laptop is now called %s.", name);
	free(name);
	sync_screen_state(c)->ask = SYNC_SCREEN_ASK_NONE;
	return SCREEN_CHANGED;
}

/* The field saved: write, apply or rename with what was typed. */
static enum screen_result sync_screen_save(struct screen_ctx *c, struct view *v,
                                           const struct command *cmd)
{
	const struct view_field *f = view_focused_field(v);
	if (!f)
		return SCREEN_UNHANDLED;
	if (strcmp(f->name, "export_file") == 0)
		return sync_screen_export(c, v, cmd->text);
	if (strcmp(f->name, "apply_file") == 0)
		return sync_screen_apply(c, v, cmd->text);
	if (strcmp(f->name, "name") == 0)
		return sync_screen_rename(c, v, cmd->text);
	return SCREEN_UNHANDLED;
}

static enum screen_result sync_screen_handle(struct screen_ctx *c, struct view *v,
                                             const struct command *cmd)
{
	const struct view_row *r;
	switch (cmd->kind) {
	case COMMAND_SAVE_FIELD:
		return sync_screen_save(c, v, cmd);
	case COMMAND_OPEN:
		r = view_selected_row(v);
		if (!r || r->id == 0)
			return SCREEN_UNHANDLED;
		if (r->id == SYNC_SCREEN_SELF)
			return sync_screen_ask(c, v, SYNC_SCREEN_ASK_NAME);
		return sync_screen_start_export(c, v);
	case COMMAND_ACTION:
		if (cmd->key == 'e')
			return sync_screen_start_export(c, v);
		if (cmd->key == 'a' || cmd->key == 'c') {
			sync_screen_state(c)->join = cmd->key == 'c';
			return sync_screen_ask(c, v, SYNC_SCREEN_ASK_APPLY);
		}
		if (cmd->key == 'n')
			return sync_screen_ask(c, v, SYNC_SCREEN_ASK_NAME);
		return SCREEN_UNHANDLED;
	default:
		return SCREEN_UNHANDLED;
	}
}

const struct screen sync_screen = {
	.name = "sync",
	.title = "Sync",
	.help = "Several laptops keep one record by exchanging files: each laptop writes the "
	        "changes another is not known to have, and applies the files the others write. "
	        "The rows are this laptop's name, then each laptop heard from, with when a file "
	        "was last sent to it and last received from it (the times are UTC); not confirmed "
	        "means it has not yet applied the last file written for it, which the next export "
	        "repeats. "
	        "Export writes a file for the selected laptop (A new laptop gets everything, to "
	        "start it); apply applies a file from another laptop, and anything it settled, "
	        "such as a meeting changed on both laptops, is listed under the laptops. "
	        "A damaged file, one from a newer involve, or one from an unrelated record is "
	        "refused with a sentence and nothing is changed; combine applies a file from an "
	        "unrelated record on purpose, joining the two for good.",
	.build = sync_screen_build,
	.handle = sync_screen_handle,
	.leave = sync_screen_leave,
};
