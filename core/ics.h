/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ics: what is owed, as a calendar (RFC 5545) a facilitator's calendar
 * program can subscribe to or import.
 *
 * Every open obligation becomes one all-day event (DTSTART;VALUE=DATE) on the
 * day it falls due:
 *   - feedback owed for a held meeting, one event per meeting on its feedback
 *     due date, naming each service user or carer still to be told and the
 *     format they need ("Tell 3 people what came of Carers' forum");
 *   - a payment claimed and not paid (nor declined), due payments.pay_within_days
 *     working days after the claim;
 *   - a commitment (action) with a due date, not done;
 *   - a planned meeting on its day, and, until its papers are sent, the day
 *     they must go out by (papers.notice_days before it).
 * Overdue obligations stay on the day they fell due.
 *
 * UIDs are made from the kind and the record's id ("feedback-123@involve"),
 * so exporting again gives the same UIDs and a calendar program updates its
 * events instead of adding copies; DTSTAMP is the time of the export, so the
 * later export is the newer. Lines end in CRLF and are folded at 75 octets
 * without splitting a UTF-8 character; text is cleaned of control characters
 * and escaped (backslash, semicolon, comma, newline).
 */
#ifndef INVOLVE_ICS_H
#define INVOLVE_ICS_H

#include <stdio.h>

#include "buf.h"
#include "error.h"

struct config;
struct store;

/* How many events of each kind were written. */
struct ics_counts {
	long feedback;    /* meetings owing feedback */
	long payments;    /* claims unpaid */
	long commitments; /* actions not done */
	long meetings;    /* planned meetings */
	long papers;      /* planned meetings whose papers are still to send */
};

/*
 * Write the calendar to out. ERROR_NONE, or the store's error (err filled)
 * when reading failed, or ERROR_IO when out could not be written. counts may
 * be NULL.
 */
enum error_code ics_write(struct store *s, const struct config *config, FILE *out,
                          struct ics_counts *counts, struct error *err);
/* Write the calendar to path, whole or not at all (see outfile.h). */
enum error_code ics_export(struct store *s, const struct config *config, const char *path,
                           struct ics_counts *counts, struct error *err);
/* "4 meetings owing feedback, 3 payments, ..." for the sentence after an export. Caller frees. */
char *ics_counts_text(const struct ics_counts *c);

/*
 * Append the property NAME:VALUE to b as folded content lines ending in CRLF,
 * value cleaned (text_clean, keeping line breaks) and escaped as TEXT.
 */
void ics_text(struct buf *b, const char *name, const char *value);
/* Append line (already escaped) folded at 75 octets, each piece ending in CRLF. */
void ics_fold(struct buf *b, const char *line);

#endif
