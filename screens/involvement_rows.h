/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * involvement_rows: the lists of what people took part in and what is owed
 * to them (core/involvement.h) as paged view lists, with their rows worded
 * the same on every screen, and the payment actions those screens share.
 *
 * Each list function gives sec a source that pages through the store; the
 * source copies what it is given (terms included) and the section owns it.
 */
#ifndef INVOLVE_SCREEN_INVOLVEMENT_ROWS_H
#define INVOLVE_SCREEN_INVOLVEMENT_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "involvement.h"
#include "screen.h"
#include "view.h"

struct config;

/*
 * The settings a screen works with: c->config, or when it has none (tests)
 * the built-in settings, loaded into *own (freed by the caller with
 * config_free; *own must start NULL and is loaded once).
 */
const struct config *involvement_rows_config(const struct screen_ctx *c, struct config **own);

/* A person's meetings, newest first: "Carers' forum, carer, attended, needs met, ..., 2026-10-02".
 */
void involvement_rows_history(struct view *v, struct view_section *sec, struct store *s,
                              int64_t person_id, const struct involvement_terms *t);
/* The meetings a person is owed feedback on, soonest due first; count as counted already. */
void involvement_rows_feedback(struct view *v, struct view_section *sec, struct store *s,
                               int64_t person_id, const struct involvement_terms *t, int64_t count);
/* The open commitments from meetings a person came to, soonest due first. */
void involvement_rows_commitments(struct view *v, struct view_section *sec, struct store *s,
                                  int64_t person_id, const struct involvement_terms *t,
                                  int64_t count);
/*
 * Payments as which selects them (which->terms is copied); each row names
 * the person first unless which is one person's: "OVERDUE: Ann B., travel
 * £12.50 for Carers' forum, claimed 2026-10-01".
 */
void involvement_rows_payments(struct view *v, struct view_section *sec, struct store *s,
                               const struct involvement_payments *which);

/* "travel £12.50 for Carers' forum (2026-10-02)": what a payment is, for sentences. Caller frees.
 */
char *involvement_rows_payment_words(const struct involvement_payment *p);
/* The same, read from the store by id; NULL (with err) when it cannot be read. Caller frees. */
char *involvement_rows_payment_named(struct store *s, int64_t id, bool with_person,
                                     struct error *err);

/* The full stop a sentence ending in text needs: "" when text ends in one ("Ann B."). */
const char *involvement_rows_stop(const char *text);

/* "a, b and c": n words joined as a sentence lists them ("" for none). Caller frees. */
char *involvement_rows_join(const char *const *words, size_t n);

/*
 * Mark payment id paid today, or record that it was declined, as one key
 * does on every screen that lists payments: the message line says what was
 * done or why not (already paid, declined, nothing to pay). Returns
 * SCREEN_CHANGED when the payment changed, SCREEN_HANDLED otherwise.
 */
enum screen_result involvement_rows_pay(struct screen_ctx *c, struct view *v, int64_t id);
enum screen_result involvement_rows_decline(struct screen_ctx *c, struct view *v, int64_t id);

#endif
