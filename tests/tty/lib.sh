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
# (Its variables are its own: a caller's loop counter is not touched.)
settle() {
	settle_last= settle_i=0 settle_same=0
	sleep 0.1
	while [ $settle_i -lt 80 ]; do
		settle_now=$(tm capture-pane -p; tm display -p '#{cursor_x},#{cursor_y}')
		if [ -n "$settle_now" ] && [ "$settle_now" = "$settle_last" ]; then
			settle_same=$((settle_same + 1))
			[ $settle_same -ge 3 ] && return 0
		else
			settle_same=0
		fi
		settle_last=$settle_now
		sleep 0.1
		settle_i=$((settle_i + 1))
	done
}

# Run the check "$@" until it holds, looking again every 0.2 s for up to 6 s: a machine too busy
# to run the program for a moment leaves the screen still before the last key was drawn. The
# check's status; assertions below use it, so a slow draw is waited for, a wrong one still fails.
eventually() {
	ev_tries=0
	while ! "$@"; do
		ev_tries=$((ev_tries + 1))
		[ $ev_tries -ge 30 ] && return 1
		sleep 0.2
	done
	return 0
}
keys() { tm send-keys "$@"; settle; }
typed() { tm send-keys -l "$1"; settle; }
screen() { tm capture-pane -p; }
cursor() { tm display -p '#{cursor_x},#{cursor_y}'; }

# The 0-based line holding the selection marker, and how many lines hold one.
marked_line() { screen | grep -n '^> ' | head -1 | cut -d: -f1 | awk '{ print $1 - 1 }'; }
marked_count() { screen | grep -c '^> '; }

# Is the cursor at the start of the one selected row (after the marker)? From one look at the
# screen and the cursor, so both describe the same moment; why not in $why, the screen in $shot.
cursor_on_row() {
	shot=$(screen)
	got=$(cursor)
	n=$(printf '%s\n' "$shot" | grep -c '^> ')
	if [ "$n" != 1 ]; then
		why="$n lines carry the > marker"
		return 1
	fi
	want="2,$(printf '%s\n' "$shot" | grep -n '^> ' | head -1 | cut -d: -f1 | awk '{ print $1 - 1 }')"
	why="cursor at $got, the selected row starts at $want"
	[ "$got" = "$want" ]
}

# Assert the cursor is at the start of the one selected row (after the marker), saying when.
on_selected_row() {
	if eventually cursor_on_row; then
		pass "$1: cursor $got on the selected row"
	else
		fail "$1: $why"
		printf '%s\n' "$shot"
	fi
}

# Is the cursor on the line holding the focused field named $1?
cursor_in_field() {
	shot=$(screen)
	got=$(cursor)
	line=$(printf '%s\n' "$shot" | grep -n "^> $1:" | head -1 | cut -d: -f1)
	case $got in *",$((${line:-0} - 1))") return 0 ;; esac
	return 1
}

# Assert the cursor is on the line holding the focused field named $2 (while typing), saying $1.
in_field() {
	if eventually cursor_in_field "$2"; then
		pass "$1: the cursor is in $2"
	else
		fail "$1: the cursor is at $got, $2 is on line ${line:-none}"
		printf '%s\n' "$shot"
	fi
}

screen_has() { screen | grep -qF -- "$1"; }
screen_lacks() { ! screen_has "$1"; }

# Assert the screen shows text $2 (a fixed string), saying $1.
shows() {
	if eventually screen_has "$2"; then pass "$1"; else fail "$1: \"$2\" is not on the screen"; screen; fi
}

# Assert the screen does not show text $2, saying $1.
lacks() {
	if eventually screen_lacks "$2"; then pass "$1"; else fail "$1: \"$2\" is still on the screen"; screen; fi
}

# The two status lines at the foot (the message, a question, or the selection in full), and the
# summary under the title, each joined into one line as it was before it was wrapped.
foot() { screen | tail -2 | sed 's/ *$//' | paste -sd' ' | sed 's/ *$//'; }
summary() { screen | sed -n 2,3p | paste -sd' '; }

foot_has() { case $(foot) in *"$1"*) return 0 ;; esac; return 1; }
summary_has() { case $(summary) in *"$1"*) return 0 ;; esac; return 1; }

# Assert the foot of the screen says text $2, saying $1.
says() {
	if eventually foot_has "$2"; then pass "$1"; else fail "$1: the foot says \"$(foot)\", not \"$2\""; fi
}

# Assert the summary under the title says text $2, saying $1.
sums_up() {
	if eventually summary_has "$2"; then pass "$1"; else fail "$1: the summary says \"$(summary)\", not \"$2\""; fi
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
