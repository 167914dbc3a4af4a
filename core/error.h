/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * error: recoverable errors as a code and one sentence.
 *
 * Functions that can fail for reasons a person can fix return an enum
 * error_code (ERROR_NONE, which is 0, on success) and, when the caller passes a
 * struct error, fill it with the same code and a sentence saying what is wrong
 * and how to fix it. The caller owns the struct; callees never allocate in it.
 * Passing NULL is allowed when only the code matters.
 */
#ifndef INVOLVE_ERROR_H
#define INVOLVE_ERROR_H

enum error_code {
	ERROR_NONE = 0,
	ERROR_INVALID,   /* a value a person typed or imported is not acceptable */
	ERROR_NOT_FOUND, /* the record asked for does not exist */
	ERROR_DUPLICATE, /* a record with the same key already exists */
	ERROR_BUSY,      /* the database stayed locked by another program */
	ERROR_READ_ONLY, /* the database or its folder cannot be written */
	ERROR_FULL,      /* the disk is full */
	ERROR_CORRUPT,   /* the file is damaged or is not an involve database */
	ERROR_NEWER,     /* the file was written by a newer involve */
	ERROR_IO,        /* any other file or system problem */
	ERROR_CONFIG,    /* the configuration has problems */
	ERROR_USAGE,     /* the command line was used wrongly */
};

enum { ERROR_MSG_SIZE = 512 };

struct error {
	enum error_code code;     /* ERROR_NONE when nothing went wrong */
	const char *field;        /* the field or column concerned, or NULL */
	char msg[ERROR_MSG_SIZE]; /* one sentence, without a trailing newline */
};

/* Fill err (if not NULL) and return code, so callers can write `return error_set(...)`. */
enum error_code error_set(struct error *err, enum error_code code, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* As error_set, naming the field the sentence is about. */
enum error_code error_set_field(struct error *err, enum error_code code, const char *field,
                                const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Reset to ERROR_NONE with an empty message. err may be NULL. */
void error_clear(struct error *err);
/* The exit status the command line uses for a code: 0, 2 (usage) or 3 (data, config). */
int error_exit_status(enum error_code code);

#endif
