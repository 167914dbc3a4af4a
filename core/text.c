/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text: UTF-8 validation, control-character removal, column widths. */
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "mem.h"

static const char text_replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

size_t text_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t len;
	uint32_t c, min;
	if ((u[0] & 0xE0) == 0xC0) {
		len = 2, c = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3, c = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Characters that must never reach a terminal (the list is in text.h). */
bool text_is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029 ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

char *text_clean(const char *s, unsigned flags)
{
	if (!s)
		return mem_strdup("");
	size_t n = strlen(s);
	/* Each input byte becomes at most three output bytes. */
	char *out = mem_alloc(n * 3 + 1);
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		/* Printable ASCII, nearly all stored text, needs no decoding. */
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			out[o++] = s[i++];
			continue;
		}
		uint32_t c;
		size_t len = text_decode(s + i, n - i, &c);
		if (len == 0) {
			memcpy(out + o, text_replacement, 3);
			o += 3;
			i++;
			continue;
		}
		if (c == '\n' && (flags & TEXT_KEEP_NEWLINES)) {
			out[o++] = '\n';
		} else if (c == '\r') {
			/* dropped: CRLF becomes LF, a lone CR becomes nothing */
			if (!(flags & TEXT_KEEP_NEWLINES) && !(i + 1 < n && s[i + 1] == '\n'))
				out[o++] = ' ';
		} else if (c == '\n' || c == '\t') {
			out[o++] = ' ';
		} else if (text_is_control(c)) {
			memcpy(out + o, text_replacement, 3);
			o += 3;
		} else {
			memcpy(out + o, s + i, len);
			o += len;
		}
		i += len;
	}
	out[o] = '\0';
	return out;
}

bool text_is_clean(const char *s, unsigned flags)
{
	if (!s)
		return true;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len = text_decode(s + i, n - i, &c);
		if (len == 0)
			return false;
		if (text_is_control(c) && !(c == '\n' && (flags & TEXT_KEEP_NEWLINES)))
			return false;
		i += len;
	}
	return true;
}

/* Columns one code point takes, without relying on the locale. */
static int text_cp_width(uint32_t c)
{
	int w = wcwidth((wchar_t)c);
	if (w >= 0)
		return w;
	/* The C locale knows nothing beyond ASCII: approximate the common ranges. */
	if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0xFE0F)
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
	    (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

size_t text_fit(const char *clean, size_t cols, size_t *used)
{
	size_t n = strlen(clean), i = 0, w = 0;
	while (i < n) {
		uint32_t c;
		size_t len = text_decode(clean + i, n - i, &c);
		if (len == 0)
			len = 1, c = 0xFFFD;
		size_t cw = (size_t)text_cp_width(c);
		if (w + cw > cols)
			break;
		w += cw;
		i += len;
	}
	if (used)
		*used = w;
	return i;
}

size_t text_width(const char *clean)
{
	size_t used;
	text_fit(clean, (size_t)-1, &used);
	return used;
}

bool text_blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

bool text_contains(const char *hay, const char *needle)
{
	if (!needle || !*needle)
		return true;
	if (!hay)
		return false;
	char *h = text_fold(hay), *n = text_fold(needle);
	bool found = strstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}

char *text_trim(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	size_t start = 0;
	while (isspace((unsigned char)s[start]))
		start++;
	if (start)
		memmove(s, s + start, n - start + 1);
	return s;
}

/* The small letter of capital cp, or cp itself. */
static uint32_t text_fold_cp(uint32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F))
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	if (cp == 0x130)
		return 'i';
	if (cp == 0x178)
		return 0xFF;
	/* Latin Extended-A pairs a capital with the small letter after it. */
	bool even = (cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
	bool odd = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
	if ((even && cp % 2 == 0) || (odd && cp % 2 == 1))
		return cp + 1;
	return cp;
}

/* Write cp as UTF-8 at out; returns the bytes written (1 to 3 for what folding makes). */
static size_t text_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

char *text_fold(const char *s)
{
	size_t n = s ? strlen(s) : 0, o = 0;
	char *out = mem_alloc(n + 1);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		uint32_t small = len ? text_fold_cp(cp) : 0;
		if (!len || small == cp) {
			/* Unchanged (or not UTF-8): the same bytes, so the length never grows. */
			size_t k = len ? len : 1;
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
			continue;
		}
		o += text_encode(small, out + o);
		i += len;
	}
	out[o] = '\0';
	return out;
}

void text_lines_add(struct text_lines *l, char *line)
{
	size_t cap = l->count;
	mem_grow((void **)&l->lines, &cap, l->count + 1, sizeof *l->lines);
	l->lines[l->count++] = line;
}

void text_lines_free(struct text_lines *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++)
		free(l->lines[i]);
	free(l->lines);
	l->lines = NULL;
	l->count = 0;
}
