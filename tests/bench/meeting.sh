#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark figures for logging a meeting on a demo database at scale N (default 100: 30,000
# people, 40,000 meetings): looking people up by part of a name, opening the busiest meeting,
# each key typed into the name to add, each name added and each line noted, and peak memory.
# The benchmark writes to a copy of the demo, never to a database of yours.
# Usage: tests/bench/meeting.sh BUILD_DIR [N]
set -u
build=$1 n=${2:-100}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data
t0=$(date +%s%N)
"$build/tui/involve" --db "$T/demo.db" demo --scale "$n" >/dev/null || exit 1
echo "demo at scale $n built in $((($(date +%s%N) - t0) / 1000000)) ms"
"$build/tests/meeting_bench" "$T/demo.db"
