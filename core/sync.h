/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sync: several laptops, one record — exchanging offline work as SQLite
 * changesets (the session extension), never a home-made diff.
 *
 * Each laptop keeps its own database. `sync_export` writes a file holding
 * every record change this laptop has that the destination laptop is not
 * known to have; `sync_apply` merges such a file in one transaction.
 * Applying a file twice changes nothing the second time.
 *
 * How "what the destination has" is known (and why). A session object only
 * sees changes made while it is attached, and involve opens and closes many
 * times a day (and other tools may write the file), so changes are not
 * captured as they are made. Instead each laptop keeps, beside its database
 * (DB-sync/peer-ID.db), a baseline for every other laptop it has heard
 * from: a copy of the record tables as that laptop is known to have them.
 * An export is sqlite3session_diff() of the live tables against that
 * baseline, so it catches every change however it was made, and it carries
 * each row's old values so the receiver can tell "changed there" from
 * "changed on both". The baseline moves only on evidence: the other
 * laptop's own changes when its files are applied here, and our exports once
 * it says (in the files it sends back) that it has applied them. Until then
 * every export repeats whatever is unconfirmed, so a lost, forgotten or
 * overwritten file loses nothing. Each export is kept (DB-sync/sent-N.sync,
 * the last SYNC_KEEP_SENT of them) for the day its receipt is confirmed. A
 * lost sync folder only makes the next export larger, never wrong.
 *
 * A laptop never heard from (a new one) gets a complete file: every record,
 * as inserts. The receiver turns a complete file into real changes by
 * diffing it against its own baseline of the sender (sqlite3session_diff
 * again), so deletions and edits there are seen as such. Into a database
 * with no records it is loaded through a new baseline, copied in key order
 * with the change log's triggers off (one audit note, "sync #N: the first
 * file from ... brought N records", stands for a row per record), and the
 * baseline is put in place only after the commit. A baseline never holds a
 * sender's records before this database does.
 *
 * File format (version 1): text header lines "key value\n", a blank line,
 * then the changeset bytes.
 *   involve-sync 1            magic and format version
 *   schema N                  the sender's database version
 *   family HEX                the record the sender's database belongs to
 *   source HEX                the sender's database_id
 *   name TEXT                 the sender's laptop name
 *   seq N                     the sender's export number
 *   made TIME                 when it was written (UTC)
 *   for HEX|-                 the laptop it was written for, - for any (informative)
 *   base N                    the sender's last export that laptop had confirmed (0: none)
 *   complete 0|1              1: every record the sender has, as inserts
 *   ack HEX N TIME            (repeated) a laptop heard from, its last export applied
 *                             there and when that export was made
 *   changes N                 number of row changes
 *   size N                    bytes of changeset after the blank line
 *   check HEX                 FNV-1a 64 of every byte before this line, then of the changeset
 * Unknown keys are ignored; a higher format number is refused.
 *
 * Families: every database starts its own family (its database_id). A
 * database with no records that has never synchronised joins the family of
 * the first file it applies: that is how a convenor starts, from an export
 * of everything (--all) made by the facilitator. Files from another family
 * are refused unless the caller asks to join (combining two separately
 * started records on purpose; ids are random, so they cannot collide). A
 * copy of a database file shares its database_id and cannot synchronise with
 * its original: start new laptops from an export instead.
 *
 * Merging. Changes apply with foreign keys off (SQLite 3.40 has no
 * SQLITE_CHANGESETAPPLY_FKNOACTION, and deferring checks would still let ON
 * DELETE CASCADE remove records changed here), so order never matters;
 * references are repaired afterwards. Conflicts are settled column by column,
 * three-way, against the old values the changeset carries (or, for a row
 * both sides inserted, the baseline):
 *   - a column changed on one side only takes that side's value;
 *   - a column changed on both keeps the value of the row with the later
 *     updated_at (equal times: the greater value); the other value is saved
 *     in the audit table as a note (sync with LAPTOP-B: changed on both, ...;
 *     the earlier version, made here: notes = "..."; values as stored, text
 *     in JSON quotes) and a sentence says so; updated_at becomes the later;
 *   - a row deleted on one side and changed on the other is kept, and so is
 *     a deleted parent of a record added or changed on the other side; a
 *     record whose parent is gone everywhere goes too (ON DELETE CASCADE) or
 *     loses the reference (ON DELETE SET NULL);
 *   - two rows with different ids for one natural key (the same person at
 *     the same meeting) merge into the one with the smaller id.
 * Every laptop settles a conflict the same way, so all end with the same
 * records. The audit, draft, meta and sync tables are local and never travel.
 * Forgetting wins: a person anonymised on any laptop stays anonymised; their
 * personal fields are never restored from another laptop, never kept in a
 * conflict note, and are erased from this laptop's sync copies as well.
 * Known limit: when three or more laptops also exchange files directly with
 * each other (not through one hub), a value may be reported as "changed on
 * both" that was only passed on; nothing is lost, the report is just louder.
 */
#ifndef INVOLVE_SYNC_H
#define INVOLVE_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "store.h"

enum {
	SYNC_FORMAT = 1,    /* the file format this build writes and reads */
	SYNC_ID_SIZE = 17,  /* a database_id as 16 hex digits and its NUL */
	SYNC_KEEP_SENT = 8, /* how many of our exports are kept for confirmation */
	SYNC_NAME_MAX = 64, /* longest laptop name, in bytes */
};

/* This laptop's name for reports: meta sync.name, else the host name. Caller frees. */
char *sync_name(struct store *s);
/* Set this laptop's name (1 to SYNC_NAME_MAX bytes, cleaned of control characters). */
enum error_code sync_set_name(struct store *s, const char *name, struct error *err);
/* This database's id and the id of the record (family) it belongs to. */
void sync_identity(struct store *s, char id[SYNC_ID_SIZE], char family[SYNC_ID_SIZE]);

struct sync_export_options {
	const char *to; /* the destination laptop, by name or id; NULL: the only one known */
	bool all;       /* everything since the beginning, for a laptop never heard from */
	bool screen;    /* refusals say what to do on the Sync screen, not which option to type */
};

struct sync_export_result {
	int64_t seq;                   /* this export's number */
	char *to_name;                 /* the destination's name, or NULL for anyone; owned */
	int64_t base_seq;              /* our last export it had confirmed (0: none) */
	char base_at[STORE_TIME_SIZE]; /* when that export was made, "" if none */
	int64_t changes;               /* row changes in the file */
	int64_t bytes;                 /* size of the file */
};

/*
 * Write to path (temp file + rename) every change the destination is not
 * known to have. Without opt->to and opt->all the destination is the one
 * laptop heard from; with none heard from, everything is written; with
 * several, ERROR_USAGE names them. Must not be called inside a transaction.
 * On failure nothing is recorded and path is untouched. Free res with
 * sync_export_result_free (also after a failure).
 */
enum error_code sync_export(struct store *s, const char *path,
                            const struct sync_export_options *opt, struct sync_export_result *res,
                            struct error *err);
void sync_export_result_free(struct sync_export_result *res);

struct sync_apply_options {
	bool join;   /* accept a file from another family and join it */
	bool screen; /* refusals say what to do on the Sync screen, not which option to type */
};

struct sync_apply_result {
	char *from_name;            /* the sender's laptop name (cleaned); owned */
	int64_t seq;                /* the sender's export number */
	char made[STORE_TIME_SIZE]; /* when the file was made */
	bool already;               /* it (or a later one) was applied before: nothing was done */
	bool joined;                /* this database joined the sender's record */
	int64_t changes;            /* row changes in the file (for a complete file: new to us) */
	int64_t conflicts;          /* how many of reports are conflicts settled */
	char **reports;             /* sentences, one per conflict or kept record; owned */
	size_t nreports;
};

/*
 * Apply the file at path in one transaction. Refused with a sentence and
 * nothing changed (not even the sync folder) when the file is not a sync
 * file, is damaged or incomplete, comes from a newer involve or schema,
 * comes from this database itself, or from another family (unless
 * opt->join). Must not be called inside a transaction. Free res with
 * sync_apply_result_free (also after a failure).
 */
enum error_code sync_apply(struct store *s, const char *path, const struct sync_apply_options *opt,
                           struct sync_apply_result *res, struct error *err);
void sync_apply_result_free(struct sync_apply_result *res);

/* What is known of another laptop, for `sync status` and the Sync screen. */
struct sync_peer {
	char id[SYNC_ID_SIZE];
	char *name;                             /* its laptop name, cleaned; owned */
	char last_received_at[STORE_TIME_SIZE]; /* when a file from it was last applied here, or ""
	                                         */
	int64_t received_seq;                   /* its export number applied then (0: none) */
	char received_made[STORE_TIME_SIZE];    /* when that file was made there, or "" */
	char last_sent_at[STORE_TIME_SIZE]; /* when a file for it was last written here, or "" */
	int64_t sent_seq;                   /* our export number then (0: none) */
	int64_t acked_seq;                  /* our latest export it has confirmed applying */
};

/* Every laptop heard from, by name. *peers is owned by the caller: free with sync_peers_free. */
enum error_code sync_peers(struct store *s, struct sync_peer **peers, size_t *count,
                           struct error *err);
void sync_peers_free(struct sync_peer *peers, size_t count);

/*
 * Person person_id has been forgotten here: erase their personal fields from
 * every baseline (an erased value that matches nothing, so the next export
 * still carries the forgetting) and delete the kept exports, which may hold
 * them. A baseline that cannot be changed is deleted (the next export to
 * that laptop is then complete). Called by privacy_erase_traces.
 */
enum error_code sync_forget(struct store *s, int64_t person_id, struct error *err);

enum { SYNC_WHEN_SIZE = 32 }; /* "2026-11-22 09:30 UTC" and its NUL */

/* A stored time (STORE_TIME_SIZE text, UTC) for people: "2026-11-22 09:30 UTC", or "never". */
void sync_when(const char *stamp, char out[SYNC_WHEN_SIZE]);
/*
 * What sync_export wrote to file, as one sentence without its full stop, for
 * the command line and the Sync screen alike: "Wrote F for LAPTOP-B: 3
 * changes it has not confirmed (since export 2 of ...)". Caller frees.
 */
char *sync_export_sentence(const char *file, const struct sync_export_result *res);
/*
 * What sync_apply did with file, as one sentence without its full stop (the
 * reports are the caller's to list): "Applied F from LAPTOP-B (export 3,
 * made ...): 12 changes, 2 things to know", or that it was applied before.
 * Caller frees.
 */
char *sync_apply_sentence(const char *file, const struct sync_apply_result *res);

/* The folder beside the database holding baselines and kept exports. Caller frees. */
char *sync_folder(struct store *s);

#endif
