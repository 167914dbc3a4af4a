/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sync_screen: the Sync screen — this laptop's name and, for every laptop
 * it has heard from (core/sync.h), when a file was last sent to it and last
 * received from it, with export, apply and name to exchange records.
 *
 * The file is sync_screen.c, not sync.c, so that "sync.h" keeps naming
 * core/sync.h (screens/ is on the include path too).
 *
 * Rows: "This laptop: NAME", then each laptop heard from by name (status
 * "not confirmed" when it has not yet applied the last file written for it;
 * dates last: "last sent ..., last received ..."), then "A new laptop".
 * export asks for a file and writes a changeset for the laptop of the
 * selected row (Enter on a laptop's row does the same): everything for "A
 * new laptop", and from the other rows the one laptop known, or everything
 * when none is. apply asks for a file and applies it; what it brought that
 * a person should know (conflicts settled, records kept) is listed under
 * the laptops. name (or Enter on this laptop's row) renames this laptop.
 * A file refused (damaged, newer, unrelated) gives its sentence on the
 * message line and changes nothing.
 */
#ifndef INVOLVE_SCREENS_SYNC_SCREEN_H
#define INVOLVE_SCREENS_SYNC_SCREEN_H

#include "screen.h"

/* "sync": the laptops this one exchanges records with (the id is not used). */
extern const struct screen sync_screen;

#endif
