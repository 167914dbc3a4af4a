#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark figures for Today and Findings on "involve demo --scale N" (default 100): time per
# key and to build them (today_bench), then, in tmux, the time from start to the first screen
# (Today) drawn, and the program's peak memory; and the same start in text mode.
# Usage: tests/bench/today.sh BUILD_DIR [N] [DB]   (DB: a demo database made before, kept)
set -u
build=$1 n=${2:-100} db=${3:-}
command -v tmux >/dev/null || { echo "tmux is needed"; exit 77; }
T=$(mktemp -d)
SOCK=involve-bench-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data
involve=$(cd "$build/tui" && pwd)/involve
if [ -z "$db" ]; then
	db=$T/demo.db
	t0=$(date +%s%N)
	"$involve" --db "$db" demo --scale "$n" >/dev/null || exit 1
	echo "demo --scale $n built in $((($(date +%s%N) - t0) / 1000000)) ms"
fi
echo "database: $(($(wc -c <"$db") / 1048576)) MB"
"$build/tests/today_bench" "$db"

# Time to first draw: from exec until tmux shows Today with its first row selected (polled, so
# a few ms late at most).
for i in 1 2 3; do
	tm kill-server 2>/dev/null
	sleep 0.2
	rm -f "$T/start"
	tm new-session -d -x 80 -y 24 "sleep 0.5; date +%s%N >'$T/start'; exec env TERM=xterm NO_COLOR=1 /usr/bin/time -f %M -o '$T/rss' '$involve' --db '$db'"
	until [ -s "$T/start" ]; do sleep 0.001; done
	until tm capture-pane -p | grep -q '^> OVERDUE'; do :; done
	first=$(date +%s%N)
	echo "run $i: Today drawn within $((($first - $(cat "$T/start")) / 1000000)) ms of start"
	tm send-keys End
	sleep 1
	tm send-keys f
	until tm capture-pane -p | grep -q '^> error'; do sleep 0.01; done
	tm send-keys Q
	sleep 0.8
	echo "run $i: peak memory of involve after Today, the end of its projects and Findings:" \
		"$(($(cat "$T/rss") / 1024)) MB"
done
for i in 1 2 3; do
	t0=$(date +%s%N)
	"$involve" --db "$db" --text </dev/null >/dev/null
	echo "text mode: Today printed and the program ended in $((($(date +%s%N) - t0) / 1000000)) ms"
done
