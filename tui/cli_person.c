/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_person: involve person show|export|forget PERSON — one person's data. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mem.h"
#include "paths.h"
#include "privacy.h"
#include "store.h"
#include "text.h"

/* What the command line said. */
struct cli_person_args {
	const char *action; /* show, export, forget */
	const char *who;    /* PERSON */
	enum privacy_format format;
	const char *output; /* --output FILE, or NULL for stdout */
	bool yes;           /* --yes: really forget */
};

/* Read the arguments after "person"; 0, or the usage exit status with a sentence. */
static int cli_person_parse(struct cli *c, int argc, char **argv, struct cli_person_args *a)
{
	memset(a, 0, sizeof *a);
	if (argc < 2 ||
	    (strcmp(argv[1], "show") && strcmp(argv[1], "export") && strcmp(argv[1], "forget")))
		return cli_usage(c, "person takes show, export or forget, then the person's name "
		                    "or #number");
	a->action = argv[1];
	bool forget = strcmp(a->action, "forget") == 0;
	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--format") == 0 && !forget) {
			if (i + 1 >= argc)
				return cli_usage(c, "--format takes text or json");
			const char *f = argv[++i];
			if (strcmp(f, "text") == 0)
				a->format = PRIVACY_TEXT;
			else if (strcmp(f, "json") == 0)
				a->format = PRIVACY_JSON;
			else
				return cli_usage(c, "--format takes text or json, not \"%.40s\"",
				                 f);
		} else if (strcmp(arg, "--output") == 0 && strcmp(a->action, "export") == 0) {
			if (i + 1 >= argc || !*argv[i + 1])
				return cli_usage(c, "--output takes the file to write");
			a->output = argv[++i];
		} else if (strcmp(arg, "--yes") == 0 && forget) {
			a->yes = true;
		} else if (arg[0] == '-' && arg[1] == '-') {
			return cli_usage(c, "person %s does not take %.40s", a->action, arg);
		} else if (a->who) {
			return cli_usage(c,
			                 "person %s takes one person; put a name with spaces in "
			                 "quotes",
			                 a->action);
		} else {
			a->who = arg;
		}
	}
	if (!a->who)
		return cli_usage(c, "person %s needs the person's name or #number", a->action);
	return 0;
}

/* Find the person; on failure the sentence (and, for a shared name, who shares it). */
static int cli_person_find(struct cli *c, struct store *s, const char *who, int64_t *id)
{
	struct text_lines m;
	struct error err;
	if (privacy_find(s, who, id, &m, &err) == ERROR_NONE)
		return CLI_EXIT_OK;
	cli_fail(c, &err);
	for (size_t i = 0; i < m.count; i++)
		fprintf(c->err, "  %s\n", m.lines[i]);
	text_lines_free(&m);
	/* A name no one has, or one several share, is a usage problem, not a damaged file. */
	return err.code == ERROR_NOT_FOUND || err.code == ERROR_INVALID ? CLI_EXIT_USAGE
	                                                                : CLI_EXIT_DATA;
}

/* "name, contact and notes" from a list of labels. */
static char *cli_person_join(char **items, size_t n)
{
	char *out = mem_strdup("");
	for (size_t i = 0; i < n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? " and " : ", ";
		char *next = mem_printf("%s%s%s", out, sep, items[i]);
		free(out);
		out = next;
	}
	return out;
}

/* "4 attendances, 3 contributions, ..." of what forgetting keeps. */
static char *cli_person_kept(const struct privacy_counts *k)
{
	return mem_printf("%" PRId64 " attendance%s, %" PRId64 " contribution%s, %" PRId64
	                  " feedback record%s and %" PRId64 " payment%s",
	                  k->attendances, k->attendances == 1 ? "" : "s", k->contributions,
	                  k->contributions == 1 ? "" : "s", k->feedback,
	                  k->feedback == 1 ? "" : "s", k->payments, k->payments == 1 ? "" : "s");
}

/* Where free text still holds the name, for the facilitator to edit by hand. */
static void cli_person_mentions(FILE *out, const struct privacy_forgotten *f)
{
	if (!f->total_mentions)
		return;
	fprintf(out,
	        "Their name still appears in %" PRId64 " place%s of free text, which forgetting "
	        "does not change; edit %s by hand:\n",
	        f->total_mentions, f->total_mentions == 1 ? "" : "s",
	        f->total_mentions == 1 ? "it" : "them");
	for (size_t i = 0; i < f->nmentions; i++)
		fprintf(out, "  %s\n", f->mentions[i]);
	if (f->total_mentions > (int64_t)f->nmentions)
		fprintf(out, "  and %" PRId64 " more\n", f->total_mentions - (int64_t)f->nmentions);
}

/* involve person forget PERSON [--yes] */
static int cli_person_forget(struct cli *c, struct store *s, int64_t id, bool yes)
{
	struct privacy_forgotten f;
	struct error err;
	if (privacy_forget(s, id, !yes, &f, &err) != ERROR_NONE)
		return cli_fail(c, &err);
	char *erased = cli_person_join(f.erased, f.nerased);
	char *kept = cli_person_kept(&f.kept);
	int status = CLI_EXIT_OK;
	if (!yes) {
		char *name = text_clean(f.name, 0);
		fprintf(c->err,
		        "involve: forgetting %s (#%" PRId64 ") would erase %s%s for good, and keep "
		        "their %s, attributed to \"%s\". Nothing has been changed; to do it, run: "
		        "involve person forget \"#%" PRId64 "\" --yes\n",
		        name, id,
		        f.nerased ? "their " : "nothing more (they were forgotten before)", erased,
		        kept, PRIVACY_FORGOTTEN_NAME, id);
		cli_person_mentions(c->err, &f);
		free(name);
		status = CLI_EXIT_USAGE;
	} else {
		if (f.nerased)
			fprintf(c->out,
			        "Forgot person #%" PRId64 ": erased their %s; kept their %s, now "
			        "attributed to \"%s\".\n",
			        id, erased, kept, PRIVACY_FORGOTTEN_NAME);
		else
			fprintf(c->out,
			        "Person #%" PRId64 " had already been forgotten; nothing more to "
			        "erase.\n",
			        id);
		cli_person_mentions(c->out, &f);
		if (!f.journal_cleared)
			fprintf(c->err,
			        "involve: warning: another program has %s open, so the erased text "
			        "may stay in %s-wal until it is closed.\n",
			        store_path(s), store_path(s));
	}
	free(erased);
	free(kept);
	privacy_forgotten_free(&f);
	return status;
}

/* Write a show or export to stdout or --output. */
static int cli_person_write(struct cli *c, const struct cli_person_args *a, int64_t id,
                            const char *doc)
{
	if (!a->output) {
		fputs(doc, c->out);
		return CLI_EXIT_OK;
	}
	struct error err;
	if (paths_replace_file(a->output, doc, strlen(doc), &err) != ERROR_NONE)
		return cli_fail(c, &err);
	fprintf(c->out,
	        "Wrote everything held about person #%" PRId64 " to %s. It holds their personal "
	        "details: keep it safe, and delete it once it has been given to them.\n",
	        id, a->output);
	return CLI_EXIT_OK;
}

int cli_person(struct cli *c, int argc, char **argv)
{
	struct cli_person_args a;
	int status = cli_person_parse(c, argc, argv, &a);
	if (status)
		return status;
	bool forget = strcmp(a.action, "forget") == 0;
	struct store *s;
	/* Reading is allowed on a file that cannot be written; forgetting needs to write. */
	status = cli_open(c, forget && a.yes ? 0 : STORE_READ_ONLY, &s);
	if (status != CLI_EXIT_OK)
		return status;
	int64_t id;
	status = cli_person_find(c, s, a.who, &id);
	if (status == CLI_EXIT_OK) {
		if (forget) {
			status = cli_person_forget(c, s, id, a.yes);
		} else {
			struct error err;
			char *doc = strcmp(a.action, "show") == 0
			                    ? privacy_show(s, id, a.format, &err)
			                    : privacy_export(s, id, a.format, &err);
			status = doc ? cli_person_write(c, &a, id, doc) : cli_fail(c, &err);
			free(doc);
		}
	}
	store_close(s);
	return status;
}
