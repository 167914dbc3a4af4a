#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark figures for the terminal framework on N projects (default 100000): time per key in
# the framework (tui_bench), then, in tmux, the time from start to the first screen drawn, the
# bytes written for one row down against a full redraw, and the program's peak memory.
# Usage: tests/bench/tui.sh BUILD_DIR [N]
set -u
build=$1 n=${2:-100000}
command -v tmux >/dev/null || { echo "tmux is needed"; exit 77; }
T=$(mktemp -d)
SOCK=involve-bench-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data
t0=$(date +%s%N)
"$build/tests/seed" "$T/p.db" "$n" || exit 1
echo "seeded $n projects in $((($(date +%s%N) - t0) / 1000000)) ms"
"$build/tests/tui_bench" "$T/p.db"

# Time to first draw: from exec until tmux shows the list (polled, so a few ms late at most).
involve=$(cd "$build/tui" && pwd)/involve
for i in 1 2 3; do
	tm kill-server 2>/dev/null
	sleep 0.2
	rm -f "$T/start"
	tm new-session -d -x 80 -y 24 "sleep 0.5; date +%s%N >'$T/start'; exec env TERM=xterm NO_COLOR=1 /usr/bin/time -f %M -o '$T/rss' '$involve' --db '$T/p.db'"
	until [ -s "$T/start" ]; do sleep 0.001; done
	until tm capture-pane -p | grep -q '^> Project 00001'; do :; done
	first=$(date +%s%N)
	echo "run $i: first screen drawn within $((($first - $(cat "$T/start")) / 1000000)) ms of start"
	: >"$T/move"
	tm pipe-pane "cat >>'$T/move'"
	sleep 0.3
	tm send-keys Down
	sleep 0.5
	tm pipe-pane
	: >"$T/full"
	tm pipe-pane "cat >>'$T/full'"
	sleep 0.3
	tm send-keys C-l
	sleep 0.5
	tm pipe-pane
	echo "run $i: one row down $(wc -c <"$T/move") bytes; full redraw $(wc -c <"$T/full") bytes"
	tm send-keys End Q
	sleep 0.8
	echo "run $i: peak memory of involve after End: $(($(cat "$T/rss") / 1024)) MB"
done
