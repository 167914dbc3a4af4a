/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paths: where involve keeps its files, following the XDG base directories.
 *
 * Data:   $XDG_DATA_HOME/involve/involve.db   (default ~/.local/share/involve)
 * Config: $XDG_CONFIG_HOME/involve/involve.conf (default ~/.config/involve)
 * Results are newly allocated; the caller frees them.
 */
#ifndef INVOLVE_PATHS_H
#define INVOLVE_PATHS_H

#include <stddef.h>

#include "error.h"

char *paths_data_file(void);
char *paths_config_file(void);
/* A path as a person typed it: trimmed, a leading ~/ read as $HOME. "" when nothing was. Caller
 * frees. */
char *paths_typed(const char *typed);
/*
 * Create the folder of path, and its parents, with mode 0700 where they do
 * not exist. ERROR_IO or ERROR_READ_ONLY with a sentence on failure.
 */
enum error_code paths_make_parent(const char *path, struct error *err);
/*
 * Write n bytes of data to path, readable by its owner only (0600): into a
 * temporary file beside it, flushed to disk, then renamed over path, so path
 * holds either its old content or all of the new, never part of it. On
 * failure the temporary file is removed, path is untouched, and ERROR_FULL,
 * ERROR_READ_ONLY or ERROR_IO says why.
 */
enum error_code paths_replace_file(const char *path, const char *data, size_t n, struct error *err);

#endif
