/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export_csv: every record written to the CSV files of exchange.h, one per
 * kind, in a folder — for a spreadsheet, or to import elsewhere.
 *
 * Files are UTF-8 with a byte order mark (so spreadsheets read £ and
 * accented names right), CRLF line endings, a header row, and references
 * written as natural keys (project title, person name, meeting title and
 * date held). They are created readable by their owner only (0600): they
 * hold personal data.
 */
#ifndef INVOLVE_EXPORT_CSV_H
#define INVOLVE_EXPORT_CSV_H

#include "error.h"
#include "exchange.h"
#include "store.h"

/*
 * Write dir/projects.csv ... dir/actions.csv, replacing any already there.
 * All twelve are written to temporary files in dir first and renamed into
 * place only when every one is complete, so on failure the folder is as it
 * was. dir must exist. counts (may be NULL) receives the rows written per
 * kind, in exchange_kinds order. ERROR_IO (or ERROR_READ_ONLY, ERROR_FULL)
 * with a sentence naming the folder or file on failure.
 */
enum error_code export_csv(struct store *s, const char *dir, long counts[EXCHANGE_KIND_COUNT],
                           struct error *err);

#endif
