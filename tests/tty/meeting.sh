#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Logging a meeting in full screens, in tmux, as fast as a convenor types in a noisy room: from a
# stand-in stage screen, a new meeting; a adds people by part of a name (the line says what Enter
# will do; after each name the cursor is back on the empty line), one by part of a UTF-8 name and
# one made on the spot with their role; s notes two things said, one after another; r opens the
# first still to answer, where a response is chosen by its number. High-contrast theme by
# NO_COLOR, at 80x24 and 40x12.
# Usage: meeting.sh MEETING_RUN SEED
INVOLVE=$1 SEED=$2
. "$(dirname "$0")/lib.sh"

for size in "80 24" "40 12"; do
	set -- $size
	rm -f "$T/m.db"
	start "$1" "$2" xterm NO_COLOR=1 -- "$T/m.db"
	at="$1x$2"
	shows "$at: the stage stand-in" "No meetings yet"
	keys a
	shows "$at: a new meeting" "Meeting on 2026-11-22"
	keys a
	in_field "$at a" "name to add"
	typed "ann b"
	shows "$at: what Enter will do" "Enter adds Ann B."
	keys Enter
	shows "$at: Ann B. added" "Ann B., carer"
	in_field "$at after a name" "name to add"
	typed "łuk"
	keys Enter
	shows "$at: found by part of a UTF-8 name" "Małgorzata Łukasik"
	typed "Zofia Nowak"
	keys Enter
	shows "$at: asked before adding someone new" "Add Zofia Nowak as someone new?"
	keys y
	in_field "$at: the role of the new person" "role of Zofia Nowak"
	keys 2 Enter
	shows "$at: the role chosen by number" "Zofia Nowak, carer"
	in_field "$at after the role" "name to add"
	keys Enter
	shows "$at: Enter on an empty line finishes" "Finished adding people"
	keys s
	in_field "$at s" "next thing said"
	typed "ann: The bus stops at six"
	keys Enter
	in_field "$at after a line" "next thing said"
	typed "Nobody explains the jargon"
	keys Enter
	shows "$at: two things said" "pending: Nobody explains"
	keys Enter r
	shows "$at: r opens the first still to answer" "Ann B. said this"
	keys Enter
	in_field "$at: choosing the response" "response"
	keys 4 Enter
	shows "$at: the response chosen by number" "response: not possible"
	shows "$at: a reason asked for, not required" "Now give the reason"
done
finish
