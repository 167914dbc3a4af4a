/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * outfile: writing a file whole or not at all, as a stream.
 *
 * For exports too large to build in memory first (a calendar, a report, a
 * folder of letters): outfile_open makes a temporary file beside the file
 * asked for, readable by its owner only (0600: exports hold personal data),
 * and the caller writes to o->f. outfile_commit flushes it to disk and
 * renames it over the file asked for, so that file holds either what it held
 * before or all of the new text, never part of it; outfile_abandon removes
 * the temporary file instead. Several outfiles can be closed first
 * (outfile_close) and renamed afterwards (outfile_rename), so a set of files
 * appears only once every one of them is complete.
 *
 * Every failure is one sentence naming the file and what to do: a folder that
 * does not exist, a name that is a folder, a place that cannot be written
 * (ERROR_READ_ONLY), a full disk (ERROR_FULL), or another problem (ERROR_IO).
 */
#ifndef INVOLVE_OUTFILE_H
#define INVOLVE_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"

struct outfile {
	FILE *f;    /* write here; NULL once closed */
	char *path; /* the file asked for (a copy) */
	char *temp; /* the temporary file beside it; NULL once renamed or removed */
	int error;  /* errno of the first failure seen by outfile_close, or 0 */
};

/*
 * Start writing path. On failure nothing is made, o is left empty (safe to
 * abandon) and err says why. A path that names a folder is refused.
 */
enum error_code outfile_open(struct outfile *o, const char *path, struct error *err);
/* Flush to disk and close, keeping the temporary file for outfile_rename. */
enum error_code outfile_close(struct outfile *o, struct error *err);
/* Rename the closed temporary file over o->path. */
enum error_code outfile_rename(struct outfile *o, struct error *err);
/* outfile_close then outfile_rename; on failure the temporary file is removed. */
enum error_code outfile_commit(struct outfile *o, struct error *err);
/* Close and remove the temporary file if it is still there, and free o. Safe to call twice. */
void outfile_abandon(struct outfile *o);

/* Writes a whole document to f; ERROR_IO when a write failed, or its own error. */
typedef enum error_code (*outfile_writer)(FILE *f, void *ctx, struct error *err);
/*
 * Write path whole or not at all with fn: open, fn, commit. When fn reports a
 * failed write (ERROR_IO), the sentence is the file's own, naming it and why
 * (a full disk, say). err may be NULL.
 */
enum error_code outfile_write(const char *path, outfile_writer fn, void *ctx, struct error *err);

/*
 * Check that dir is an existing folder, before writing files into it:
 * ERROR_IO with a sentence ("The folder X does not exist; create it first,
 * or name one that exists") when it is not.
 */
enum error_code outfile_check_dir(const char *dir, struct error *err);

#endif
