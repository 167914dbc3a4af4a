#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark figures for the People, person and Payments screens on "involve demo --scale N"
# (default 100: 30,000 people, 500,000 payments): time to build each screen, time per key in the
# long lists and to pay a claim, the rows held, and peak memory (people_bench).
# Usage: tests/bench/people.sh BUILD_DIR [N]
set -u
build=$1 n=${2:-100}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data
t0=$(date +%s%N)
"$build/tui/involve" --db "$T/d.db" demo --scale "$n" >/dev/null || exit 1
echo "demo --scale $n built in $((($(date +%s%N) - t0) / 1000000)) ms"
"$build/tests/people_bench" "$T/d.db"
