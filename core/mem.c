/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mem: allocation wrappers that abort on failure. */
#include "mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Report and stop: called only when the system has no memory left. */
static void mem_fail(size_t size)
{
	fprintf(stderr, "involve: out of memory (asked for %zu bytes)\n", size);
	abort();
}

void *mem_alloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		mem_fail(size);
	return p;
}

void *mem_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		mem_fail(count * size);
	return p;
}

void *mem_realloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		mem_fail(size);
	return p;
}

void mem_grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2 / elem)
			mem_fail(SIZE_MAX);
		n *= 2;
	}
	*ptr = mem_realloc(*ptr, n * elem);
	*cap = n;
}

char *mem_strdup(const char *s)
{
	if (!s)
		return NULL;
	return mem_strndup(s, strlen(s));
}

char *mem_strndup(const char *s, size_t n)
{
	char *p = mem_alloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *mem_vprintf(const char *fmt, va_list ap)
{
	if (!fmt) /* never passed, but GCC's sanitizer builds cannot prove it and warn */
		return mem_strdup("");
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		mem_fail(0);
	char *p = mem_alloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *mem_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = mem_vprintf(fmt, ap);
	va_end(ap);
	return p;
}

void mem_replace(char **slot, const char *s)
{
	char *copy = mem_strdup(s);
	free(*slot);
	*slot = copy;
}

void mem_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}
