/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keymap: open-addressed hash map with keys kept in one growing arena. */
#include "keymap.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

struct keymap_slot {
	uint64_t hash; /* 0 marks an empty slot */
	int64_t value;
	uint32_t off; /* where the key starts in the arena */
	uint32_t len;
};

struct keymap {
	struct keymap_slot *slots;
	size_t cap, count; /* cap is a power of two */
	char *arena;
	size_t arena_len, arena_cap;
};

/* FNV-1a, never 0 (0 marks an empty slot). */
static uint64_t keymap_hash(const void *key, size_t n)
{
	const unsigned char *p = key;
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211u;
	return h ? h : 1;
}

struct keymap *keymap_new(void)
{
	struct keymap *m = mem_calloc(1, sizeof *m);
	m->cap = 64;
	m->slots = mem_calloc(m->cap, sizeof *m->slots);
	return m;
}

void keymap_free(struct keymap *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m->arena);
	free(m);
}

size_t keymap_count(const struct keymap *m)
{
	return m->count;
}

/* The slot holding key, or the empty slot where it would go. */
static struct keymap_slot *keymap_find(const struct keymap *m, uint64_t h, const void *key,
                                       size_t n)
{
	size_t j = h & (m->cap - 1);
	for (;;) {
		struct keymap_slot *s = &m->slots[j];
		if (s->hash == 0 ||
		    (s->hash == h && s->len == n && memcmp(m->arena + s->off, key, n) == 0))
			return s;
		j = (j + 1) & (m->cap - 1);
	}
}

bool keymap_get(const struct keymap *m, const void *key, size_t n, int64_t *value)
{
	struct keymap_slot *s = keymap_find(m, keymap_hash(key, n), key, n);
	if (s->hash == 0)
		return false;
	if (value)
		*value = s->value;
	return true;
}

/* Double the table and re-place every slot. */
static void keymap_grow(struct keymap *m)
{
	size_t cap = m->cap * 2;
	struct keymap_slot *t = mem_calloc(cap, sizeof *t);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].hash)
			continue;
		size_t j = m->slots[i].hash & (cap - 1);
		while (t[j].hash)
			j = (j + 1) & (cap - 1);
		t[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = t;
	m->cap = cap;
}

void keymap_put(struct keymap *m, const void *key, size_t n, int64_t value)
{
	if ((m->count + 1) * 2 > m->cap)
		keymap_grow(m);
	uint64_t h = keymap_hash(key, n);
	struct keymap_slot *s = keymap_find(m, h, key, n);
	if (s->hash == 0) {
		if (m->arena_len + n > UINT32_MAX)
			abort(); /* 4 GiB of keys: far beyond any import */
		mem_grow((void **)&m->arena, &m->arena_cap, m->arena_len + n + 1, 1);
		memcpy(m->arena + m->arena_len, key, n);
		s->hash = h;
		s->off = (uint32_t)m->arena_len;
		s->len = (uint32_t)n;
		m->arena_len += n;
		m->count++;
	}
	s->value = value;
}
