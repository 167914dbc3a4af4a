/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buf: a growing text buffer, for building exports and reports in memory.
 *
 * A zeroed struct buf (or buf_init) is empty and valid. Appending never fails
 * (allocation failure aborts, see mem.h). buf_take hands the text to the
 * caller and leaves the buffer empty; buf_free discards it.
 */
#ifndef INVOLVE_BUF_H
#define INVOLVE_BUF_H

#include <stddef.h>

struct buf {
	char *data; /* NUL-terminated once anything is added; NULL while empty */
	size_t len; /* bytes held, without the NUL */
	size_t cap; /* bytes allocated */
};

void buf_init(struct buf *b);
/* Append n bytes of s (which need not be NUL-terminated). */
void buf_addn(struct buf *b, const char *s, size_t n);
/* Append the string s (NULL appends nothing). */
void buf_add(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text held (never NULL, "" when empty), now owned by the caller; b is left empty. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

#endif
