/* SPDX-License-Identifier: GPL-3.0-or-later */
/* buf: a growing text buffer. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_addn(struct buf *b, const char *s, size_t n)
{
	void *p = b->data;
	mem_grow(&p, &b->cap, b->len + n + 1, 1);
	b->data = p;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_add(struct buf *b, const char *s)
{
	if (s)
		buf_addn(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_addn(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = mem_vprintf(fmt, ap);
	va_end(ap);
	buf_add(b, s);
	free(s);
}

char *buf_take(struct buf *b)
{
	char *s = b->data ? b->data : mem_strdup("");
	buf_init(b);
	return s;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}
