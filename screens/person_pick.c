/* SPDX-License-Identifier: GPL-3.0-or-later */
/* person_pick: a person chosen by part of their name, with numbered choices when several match. */
#include "person_pick.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "person.h"
#include "text.h"

enum { PERSON_PICK_READ = 64 }; /* names read at most while looking for matches */

void person_pick_free(struct person_pick *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->labels[i]);
	memset(p, 0, sizeof *p);
}

char *person_pick_label(const struct person *pe)
{
	char *roles = record_field_display(record_field(&person_kind, "roles"), pe);
	char *label = *roles ? mem_printf("%s (%s)", pe->name, roles) : mem_strdup(pe->name);
	free(roles);
	return label;
}

/* What a search has found so far. */
struct person_pick_found {
	struct store *store;
	struct person_pick *p;
	const char *typed;
	size_t matched; /* people not forgotten whose name holds the text */
	size_t exact;   /* of which named exactly so */
	int64_t exact_id;
};

/* One person whose name holds the text: counted, and kept to offer. */
static bool person_pick_take(int64_t id, const char *name, void *ctx)
{
	struct person_pick_found *found = ctx;
	found->matched++;
	char *a = text_fold(name), *b = text_fold(found->typed);
	if (strcmp(a, b) == 0) {
		found->exact++;
		found->exact_id = id;
	}
	free(a);
	free(b);
	struct person_pick *p = found->p;
	if (p->n == PERSON_PICK_MAX) {
		p->more = true;
		return true;
	}
	struct person pe;
	if (person_get(found->store, id, &pe, NULL) != ERROR_NONE)
		mem_replace(&pe.name, name);
	p->ids[p->n] = id;
	p->labels[p->n++] = person_pick_label(&pe);
	person_clear(&pe);
	return true;
}

/* Make labels that read the same tell their people apart by number. */
static void person_pick_distinguish(struct person_pick *p)
{
	for (size_t i = 0; i < p->n; i++) {
		bool same = false;
		for (size_t j = 0; j < p->n; j++)
			same |= i != j && strcmp(p->labels[i], p->labels[j]) == 0;
		if (!same)
			continue;
		for (size_t j = i; j < p->n; j++) {
			if (j != i && strcmp(p->labels[i], p->labels[j]) != 0)
				continue;
			char *label = mem_printf("%s #%lld", p->labels[j], (long long)p->ids[j]);
			free(p->labels[j]);
			p->labels[j] = label;
		}
	}
}

/* The person "#id" names, when it is someone not forgotten; 0 otherwise. */
static int64_t person_pick_number(struct store *s, const char *typed)
{
	if (typed[0] != '#' || !typed[1] || strspn(typed + 1, "0123456789") != strlen(typed + 1))
		return 0;
	int64_t id = strtoll(typed + 1, NULL, 10);
	struct person pe;
	bool known = person_get(s, id, &pe, NULL) == ERROR_NONE && pe.anonymised != 1;
	person_clear(&pe);
	return known ? id : 0;
}

int64_t person_pick_find(struct store *s, struct person_pick *p, const char *typed,
                         struct error *err)
{
	char *text = text_trim(mem_strdup(typed ? typed : ""));
	int64_t id = 0;
	for (size_t i = 0; i < p->n && !id; i++)
		if (strcmp(p->labels[i], text) == 0)
			id = p->ids[i];
	if (!id)
		id = person_pick_number(s, text);
	if (id || !*text) {
		if (id)
			person_pick_free(p);
		else
			error_set(err, ERROR_INVALID, "Type part of their name");
		free(text);
		return id;
	}
	person_pick_free(p);
	/* Those whose name starts with it first, any case of any letter (person_search). */
	struct person_pick_found found = { .store = s, .p = p, .typed = text };
	if (person_search(s, text, PERSON_PICK_READ, person_pick_take, &found, err) != ERROR_NONE) {
		free(text);
		return 0;
	}
	if (found.matched == 1)
		id = p->ids[0];
	else if (found.exact == 1)
		id = found.exact_id;
	else if (!found.matched)
		error_set(
		        err, ERROR_NOT_FOUND,
		        "No one's name holds \"%s\": check the spelling, or add them on the People "
		        "screen first",
		        text);
	else
		error_set(
		        err, ERROR_INVALID,
		        "%s people's names hold \"%s\": choose one by its number, or type more of "
		        "the name",
		        p->more              ? "More than nine"
		        : found.matched == 2 ? "Two"
		                             : "Several",
		        text);
	if (id)
		person_pick_free(p);
	else
		person_pick_distinguish(p);
	free(text);
	return id;
}

void person_pick_offer(const struct person_pick *p, struct view_field *f)
{
	for (size_t i = 0; i < p->n; i++)
		view_field_add_choice(f, p->labels[i]);
}
