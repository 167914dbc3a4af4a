/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * keymap: a hash map from byte strings to 64-bit values, for remembering
 * natural keys (a person's name, a meeting's title and date) and the ids they
 * stand for during one import, without asking the database each time.
 *
 * Keys are copied in; lookups and insertions take constant time on average.
 * Memory grows with the number of keys (about 40 bytes per key plus the key).
 */
#ifndef INVOLVE_KEYMAP_H
#define INVOLVE_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct keymap;

/* An empty map; never NULL. Free it with keymap_free. */
struct keymap *keymap_new(void);
void keymap_free(struct keymap *m);
/* True, with *value (may be NULL) filled, when key (n bytes) is in the map. */
bool keymap_get(const struct keymap *m, const void *key, size_t n, int64_t *value);
/* Store value under key (n bytes, copied), replacing any value already there. */
void keymap_put(struct keymap *m, const void *key, size_t n, int64_t value);
/* How many keys the map holds. */
size_t keymap_count(const struct keymap *m);

#endif
