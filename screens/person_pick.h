/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * person_pick: choosing a person by typing part of their name, for any
 * field that stands for a person (who is paid, who came to a meeting).
 *
 * person_pick_find takes what was typed and either names one person or
 * says why not in a sentence; when several people match it keeps them, and
 * person_pick_offer gives them to the field as numbered choices, so the next
 * answer can be a number (the text mode and the keys line show the choices)
 * or more of the name. Forgotten people ("a participant") are never offered.
 */
#ifndef INVOLVE_SCREEN_PERSON_PICK_H
#define INVOLVE_SCREEN_PERSON_PICK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "store.h"
#include "view.h"

struct person;

enum { PERSON_PICK_MAX = 9 }; /* people offered at most: one digit each */

/* The people offered last. Zero it to start; free with person_pick_free. */
struct person_pick {
	char *labels[PERSON_PICK_MAX]; /* "Ann B. (service user, carer)", as offered */
	int64_t ids[PERSON_PICK_MAX];
	size_t n;
	bool more; /* more people matched than were offered */
};
void person_pick_free(struct person_pick *p);

/*
 * The person typed names: one of the labels offered last (a chosen number
 * arrives as its label), "#id", the only person with that exact name (case
 * ignored), or the only person whose name holds the text (found as
 * person_search finds them: names starting with it first, letters beyond
 * ASCII in any case). Returns their id,
 * or 0 with a sentence in err: nobody matches, or several do, and then p
 * holds them (up to PERSON_PICK_MAX) to offer.
 */
int64_t person_pick_find(struct store *s, struct person_pick *p, const char *typed,
                         struct error *err);

/* Give f (a field just built, with no choices yet) p's people as its numbered choices. */
void person_pick_offer(const struct person_pick *p, struct view_field *f);

/* How a person is offered: their name, then their roles: "Ann B. (service user, carer)". */
char *person_pick_label(const struct person *pe);

#endif
