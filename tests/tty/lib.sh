# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the terminal tests: run involve in a private tmux server and look at what it shows.
# The caller sets INVOLVE (the program) and SEED (tests/tty/seed) before sourcing this file.
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed: skipped"; exit 77; }
set -u
T=$(mktemp -d) || exit 1
SOCK=involve-tty-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data
failures=0

fail() { echo "not ok: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# start COLS ROWS TERM [ENV=VALUE...] -- ARGS: start involve on a fresh pane.
start() {
	cols=$1 rows=$2 term=$3
	shift 3
	envs=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $1"; shift; done
	[ $# -gt 0 ] && shift
	tm kill-server 2>/dev/null; sleep 0.2
	tm new-session -d -x "$cols" -y "$rows" \
		"env TERM=$term$envs '$INVOLVE' $*; echo EXITED \$?; sleep 30"
	settle
}

# The pane's text, once it has stopped changing: the same for four looks in a row
# (0.3 s), so a loaded machine that is slow to deliver a key or a resize is waited for.
settle() {
	last= i=0 same=0
	sleep 0.1
	while [ $i -lt 80 ]; do
		now=$(tm capture-pane -p; tm display -p '#{cursor_x},#{cursor_y}')
		if [ -n "$now" ] && [ "$now" = "$last" ]; then
			same=$((same + 1))
			[ $same -ge 3 ] && return 0
		else
			same=0
		fi
		last=$now
		sleep 0.1
		i=$((i + 1))
	done
}

keys() { tm send-keys "$@"; settle; }
typed() { tm send-keys -l "$1"; settle; }
screen() { tm capture-pane -p; }
cursor() { tm display -p '#{cursor_x},#{cursor_y}'; }

# The 0-based line holding the selection marker, and how many lines hold one.
marked_line() { screen | grep -n '^> ' | head -1 | cut -d: -f1 | awk '{ print $1 - 1 }'; }
marked_count() { screen | grep -c '^> '; }

# Assert the cursor is at the start of the one selected row (after the marker), saying when.
on_selected_row() {
	# One look at the screen and the cursor, so both describe the same moment.
	shot=$(screen)
	got=$(cursor)
	n=$(printf '%s\n' "$shot" | grep -c '^> ')
	if [ "$n" != 1 ]; then
		fail "$1: $n lines carry the > marker"
		printf '%s\n' "$shot"
		return
	fi
	want="2,$(printf '%s\n' "$shot" | grep -n '^> ' | head -1 | cut -d: -f1 | awk '{ print $1 - 1 }')"
	if [ "$got" = "$want" ]; then pass "$1: cursor $got on the selected row"; else fail "$1: cursor at $got, the selected row starts at $want"; fi
}

# Record the raw bytes the program writes, into file $1.
record() { tm pipe-pane; : >"$1"; tm pipe-pane "cat >>'$1'"; sleep 0.2; }
stop_recording() { tm pipe-pane; sleep 0.2; }
size_of() { wc -c <"$1" | tr -d ' '; }

finish() {
	if [ $failures -gt 0 ]; then
		echo "$failures check(s) failed"
		exit 1
	fi
	exit 0
}
