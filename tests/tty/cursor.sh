#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The hardware cursor follows focus (R1, R2): after every key it is at the start of the one row
# marked "> ", in the field being typed into, or at the end of a question. High-contrast theme
# chosen by NO_COLOR, 80x24 and 40x12, TERM=xterm, linux and vt100; on Today, then on Projects.
# Usage: cursor.sh INVOLVE SEED
INVOLVE=$1 SEED=$2
. "$(dirname "$0")/lib.sh"
"$SEED" "$T/p.db" 300 || exit 1

for run in "xterm 80 24" "xterm 40 12" "linux 80 24" "vt100 40 12"; do
	set -- $run
	term=$1
	shift
	{
		set -- "$@"
		start "$1" "$2" "$term" NO_COLOR=1 -- --db "$T/p.db"
		at="$term $1x$2"
		on_selected_row "$at start (Today)"
		keys p
		on_selected_row "$at projects"
		screen | grep -q 'Project 00001' || fail "$at: the first project is not shown"
		keys Down
		on_selected_row "$at Down"
		screen | grep -q '^> Project 00002' || fail "$at: Down did not select the second row"
		keys Down Down Up
		on_selected_row "$at Down Down Up"
		keys j j j j j j j j j j j j j j j j j j j j j j j j
		on_selected_row "$at j x24 (scrolled)"
		keys ">"
		on_selected_row "$at > (end)"
		screen | grep -q '^> Project 00300' || fail "$at: > did not reach the last project"
		keys "<"
		on_selected_row "$at < (home)"
		keys PageDown
		on_selected_row "$at PageDown"
		keys /
		typed 'mental'
		y=$(($2 - 2))
		case $(cursor) in *",$y") pass "$at find prompt takes the cursor" ;; *) fail "$at: the find prompt does not have the cursor ($(cursor))" ;; esac
		keys Enter
		on_selected_row "$at / mental Enter"
		screen | grep -q '^> Project 0[0-9]* mental health' || fail "$at: find did not select a mental health project"
		keys R
		on_selected_row "$at first-letter jump"
		keys d
		y=$(($2 - 2))
		case $(cursor) in *",$y" | *",$(($2 - 1))") pass "$at question takes the cursor" ;; *) fail "$at: the question does not have the cursor ($(cursor))" ;; esac
		keys n
		on_selected_row "$at question answered"
		keys Enter
		on_selected_row "$at open a project (its first stage)"
		# The details form is last on the project's screen: to its end, then up to the area.
		keys '>' Up Up Up Up Enter
		typed 'Łódź 中'
		line=$(screen | grep -n '^> service area: ' | cut -d: -f1)
		want_x=$((2 + $(printf '%s' 'service area: Adult social careŁódź 中' | wc -m) + 1))
		[ "$1" -lt 60 ] && want_x=
		if [ -n "$line" ] && case $(cursor) in *",$((line - 1))") true ;; *) false ;; esac; then
			pass "$at typing: cursor in the field"
		else
			fail "$at typing: cursor at $(cursor), field on line $line"
		fi
		if [ -n "$want_x" ] && [ "$(cursor)" != "$want_x,$((line - 1))" ]; then
			fail "$at typing: cursor at $(cursor), expected column $want_x"
		fi
		keys Escape
		on_selected_row "$at Escape leaves the field"
		keys Escape
		on_selected_row "$at back to the list"
	}
done
finish
