/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * text: making stored text safe and measurable for a terminal.
 *
 * Stored text is kept exactly as typed or imported. Before any of it reaches
 * a terminal it passes through text_clean(), which guarantees valid UTF-8 with
 * no control characters: escape sequences, C0/C1 controls and DEL become
 * U+FFFD (shown as a replacement mark), invalid bytes likewise, and line
 * breaks and tabs become a space (or are kept, with TEXT_KEEP_NEWLINES).
 */
#ifndef INVOLVE_TEXT_H
#define INVOLVE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	TEXT_KEEP_NEWLINES = 1 << 0, /* keep \n (still dropping \r) for multi-line views */
};

/* A cleaned copy of s (NULL gives ""). The caller frees it. */
char *text_clean(const char *s, unsigned flags);
/* True when s is valid UTF-8 with no control characters (\n allowed if flags say so). */
bool text_is_clean(const char *s, unsigned flags);
/* Decode one UTF-8 character at s (n bytes available); returns its length or 0 if invalid. */
size_t text_decode(const char *s, size_t n, uint32_t *cp);
/*
 * True for code points that must never reach a terminal: C0 controls, DEL,
 * C1 controls, the line and paragraph separators and the bidi embedding,
 * override and isolate controls.
 */
bool text_is_control(uint32_t cp);
/* Terminal columns a clean string takes (wide characters count 2, combining 0). */
size_t text_width(const char *clean);
/*
 * Byte length of the longest prefix of clean that fits in cols columns,
 * never splitting a character. *used (may be NULL) receives the columns used.
 */
size_t text_fit(const char *clean, size_t cols, size_t *used);
/* True when s is NULL or holds only spaces, tabs and line breaks. */
bool text_blank(const char *s);
/* Does hay hold needle, whatever the case of its letters (as text_fold makes them)? */
bool text_contains(const char *hay, const char *needle);
/*
 * A copy of s with capital letters made small, so that names can be matched
 * whatever case they were typed in: ASCII, Latin-1, Latin Extended-A (ł, Ş,
 * Ž), Greek and Cyrillic capitals. Other characters, and bytes that are not
 * UTF-8, are copied as they are. The caller frees it.
 */
char *text_fold(const char *s);
/* Trim leading and trailing white space in place; returns s. */
char *text_trim(char *s);

/* Lines of text, each allocated: candidates listed to tell apart records that share a name. */
struct text_lines {
	char **lines;
	size_t count;
};
/* Add line to l, which takes it over. */
void text_lines_add(struct text_lines *l, char *line);
/* Free every line and empty l (NULL is fine). */
void text_lines_free(struct text_lines *l);

#endif
