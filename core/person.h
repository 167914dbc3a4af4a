/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * person: someone who takes part or works with those who do.
 *
 * People are named as the facilitator knows them. Roles are a set (a carer
 * may also be a service user); the preferred format is how they want papers
 * and feedback. Tags mark seldom-heard groups and are kept only with consent.
 *
 * The typed API (person_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_PERSON_H
#define INVOLVE_PERSON_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

struct person {
	struct record_head head;
	char *name;                      /* as the facilitator knows them: "Ann B." */
	unsigned roles;                  /* bit (1u << enum role) per role held */
	int preferred_format;            /* enum format */
	char *language;                  /* for translated papers */
	char *contact;                   /* phone, email or address */
	char *support_needs;             /* "wheelchair access; hearing loop" */
	int benefits_concern;            /* yes: payments may affect their benefits */
	char consent_on[DATE_TEXT_SIZE]; /* when they agreed to their details being kept */
	char *consent_scope;             /* what they agreed to */
	char first_involved_on[DATE_TEXT_SIZE];
	char *tags; /* seldom-heard groups, ';'-separated, with consent */
	char *notes;
	int anonymised; /* 1 once forgotten */
};

RECORD_API(person)

/* The id of the person named name (exact, case-insensitive), or 0 when none. */
int64_t person_find(struct store *s, const char *name);
/* True when p holds role (enum role). */
bool person_has_role(const struct person *p, int role);

/* Called with each person found: the id and the name (borrowed for the call); false stops. */
typedef bool (*person_found_fn)(int64_t id, const char *name, void *ctx);
/*
 * Find people by part of their name, as completion does while a name is
 * typed: first those whose name starts with text, then those whose name
 * holds it further on, each in name order, whatever the case of the letters
 * (as text_fold makes them); anonymised people are left out. fn receives at
 * most limit people. For text in ASCII the names starting with it are read
 * through the name index and the rest of the names are looked through only
 * when fewer than limit do; text with other letters (łuk) is compared with
 * every name. Finds no one for an empty text. Returns ERROR_NONE, or the
 * store's error with err filled.
 */
enum error_code person_search(struct store *s, const char *text, int limit, person_found_fn fn,
                              void *ctx, struct error *err);

#endif
