#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A terminal closed or a program killed while typing loses nothing: SIGTERM and SIGHUP keep what
# was being typed as a draft and end with status 0, and the next start offers it back in its
# field. Also: the first screen drawn is the projects list, and quitting restores the terminal.
# Usage: stop.sh INVOLVE SEED
INVOLVE=$1 SEED=$2
. "$(dirname "$0")/lib.sh"
"$SEED" "$T/p.db" 5 || exit 1

# The program's own pid: the pane runs sh, which runs env, which becomes involve.
involve_pid() { ps -o pid= --ppid "$(tm display -p '#{pane_pid}')" | tr -d ' ' | head -1; }

for sig in TERM HUP; do
	start 80 24 xterm NO_COLOR=1 -- --db "$T/p.db"
	keys Enter '>' Up Up Up Up Enter C-u
	# Killed within the second after typing, before a pause would have kept the draft.
	tm send-keys -l "Day opps $sig"
	sleep 0.3
	kill -"$sig" "$(involve_pid)"
	settle
	if screen | grep -q '^EXITED 0'; then pass "SIG$sig while typing: exit status 0"; else fail "SIG$sig while typing: $(screen | grep EXITED)"; fi
	start 80 24 xterm NO_COLOR=1 -- --db "$T/p.db"
	if screen | grep -q "^> service area: Day opps $sig" && screen | grep -q 'You were typing the service area'; then
		pass "SIG$sig: the next start offers back what was typed"
	else
		fail "SIG$sig: the draft was not offered back"
		screen
	fi
	line=$(screen | grep -n '^> service area:' | cut -d: -f1)
	case $(cursor) in *",$((line - 1))") pass "SIG$sig: the cursor is in the field offered back" ;; *) fail "SIG$sig: cursor at $(cursor)" ;; esac
	keys Enter
	screen | grep -q "Saved the service area: Day opps $sig" && pass "SIG$sig: Enter saves it" || fail "SIG$sig: not saved"
	keys Q
	screen | grep -q '^EXITED 0' && pass "Q leaves with status 0" || fail "Q did not leave"
done
finish
