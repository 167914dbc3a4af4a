#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing lost while logging a meeting in the real program, in tmux on the demo:
# - killed with SIGKILL, or stopped by SIGHUP (the terminal closed) or SIGTERM, while typing a
#   field of a new meeting: the next start opens that meeting with every field left before saved,
#   and what was being typed offered back in its field, with a sentence saying so;
# - the database locked by another program while a field is saved: a sentence says so, what was
#   typed stays in the field with the cursor after it, nothing is saved; once the lock is gone,
#   Enter saves it.
# Usage: trouble.sh INVOLVE
INVOLVE=$1
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 is not installed: skipped"; exit 77; }
"$INVOLVE" --db "$T/demo.db" demo >"$T/demo.out" || { cat "$T/demo.out"; exit 1; }

# The program's own pid: the pane runs sh, which runs env, which becomes involve.
involve_pid() { ps -o pid= --ppid "$(tm display -p '#{pane_pid}')" | tr -d ' ' | head -1; }

# From the first screen to a new meeting of the demo's Adult autism strategy, at its stage
# Strategic framework; its title saved as $1, its purpose as $2.
new_meeting() {
	keys p
	keys /
	typed "autism"
	keys Enter Enter /
	typed "Strategic"
	keys Enter Enter a
	keys Enter C-u
	typed "$1"
	keys Enter P Enter
	typed "$2"
	keys Enter
}

for sig in KILL HUP TERM; do
	cp "$T/demo.db" "$T/$sig.db"
	start 80 24 xterm -- --db "$T/$sig.db"
	new_meeting "Autism forum $sig" "Check the draft aims"
	shows "SIG$sig: the purpose saved" "Saved the purpose: Check the draft aims."
	keys Enter
	typed "The order of the sections"
	# A pause while typing keeps the draft; SIGKILL cannot be caught, so the pause is what saves it.
	sleep 1.5
	pid=$(involve_pid)
	kill -"$sig" "$pid"
	settle
	# Killed, it leaves the terminal as it was (its last screen, no status line of its own).
	case $sig in
	KILL) eventually sh -c "! ps -p $pid >/dev/null" && pass "SIGKILL: the program is gone" ||
		fail "SIGKILL: the program is still running" ;;
	*) shows "SIG$sig: the program ends with status 0" "EXITED 0" ;;
	esac
	start 80 24 xterm -- --db "$T/$sig.db"
	shows "SIG$sig: the next start opens the meeting" "Adult autism strategy: Autism forum $sig"
	shows "SIG$sig: the title was kept" "  title: Autism forum $sig"
	shows "SIG$sig: the purpose was kept" "  purpose: Check the draft aims"
	shows "SIG$sig: what was typed is back in its field" "> open to change: The order of the sections"
	shows "SIG$sig: and a sentence says so" "You were typing open to change when involve stopped"
	in_field "SIG$sig: the cursor is in the field" "open to change"
	keys Enter
	shows "SIG$sig: Enter saves it" "Saved open to change: The order of the sections."
	n=$(sqlite3 "$T/$sig.db" "SELECT count(*) FROM meeting WHERE title = 'Autism forum $sig' AND open_to_change = 'The order of the sections'")
	[ "$n" = 1 ] && pass "SIG$sig: the database holds the meeting with it" ||
		fail "SIG$sig: the database holds $n such meetings"
done

# The database locked by another program while a field is saved.
cp "$T/demo.db" "$T/locked.db"
start 80 24 xterm -- --db "$T/locked.db"
new_meeting "Carers' forum" "Agree the terms of reference"
keys Enter
typed "How often we meet"
mkfifo "$T/lock"
sqlite3 "$T/locked.db" <"$T/lock" >"$T/lock.out" 2>&1 &
exec 3>"$T/lock"
echo "BEGIN IMMEDIATE; UPDATE person SET notes = notes WHERE 0; SELECT 'locked';" >&3
i=0
while ! grep -q locked "$T/lock.out" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
tm send-keys Enter
# involve waits for the lock (its busy timeout, 5 seconds) before it gives up.
sleep 6
settle
shows "locked: a sentence says the database is locked" "is locked by another program"
shows "locked: what was typed stays in the field" "> open to change: How often we meet"
in_field "locked: the cursor stays in the field" "open to change"
n=$(sqlite3 "$T/locked.db" "PRAGMA busy_timeout = 3000; SELECT count(*) FROM meeting WHERE open_to_change = 'How often we meet'" 2>/dev/null | tail -1)
[ "${n:-0}" = 0 ] && pass "locked: nothing was saved" || fail "locked: $n meetings hold it"
echo "COMMIT;" >&3
exec 3>&-
wait
keys Enter
shows "unlocked: Enter saves it" "Saved open to change: How often we meet."
n=$(sqlite3 "$T/locked.db" "SELECT count(*) FROM meeting WHERE title = 'Carers'' forum' AND open_to_change = 'How often we meet'")
[ "$n" = 1 ] && pass "unlocked: the database holds it" || fail "unlocked: $n meetings hold it"
finish
