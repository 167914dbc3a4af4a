/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mem: allocation that never returns NULL.
 *
 * Every allocation in involve goes through these. When the system cannot give
 * memory the program prints one line to stderr and aborts: there is nothing
 * sensible to do, and SQLite's journal keeps committed records safe.
 * The caller owns what is returned and frees it with free().
 */
#ifndef INVOLVE_MEM_H
#define INVOLVE_MEM_H

#include <stdarg.h>
#include <stddef.h>

void *mem_alloc(size_t size);
void *mem_calloc(size_t count, size_t size);
void *mem_realloc(void *ptr, size_t size);
/* Grow *ptr (an array of *cap elements of elem bytes) so it holds at least need. */
void mem_grow(void **ptr, size_t *cap, size_t need, size_t elem);
/* A copy of s; NULL gives NULL. */
char *mem_strdup(const char *s);
/* A copy of the first n bytes of s, NUL-terminated. */
char *mem_strndup(const char *s, size_t n);
/* A newly allocated formatted string. */
char *mem_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *mem_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* Replace *slot with a copy of s, freeing the old value. */
void mem_replace(char **slot, const char *s);
/* qsort, which also takes an empty array (n is 0 and base may be NULL), as qsort does not. */
void mem_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
