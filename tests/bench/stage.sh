#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark figures for the projects, project and stage screens on the demo at scale N (default
# 100): time to build the projects list with each project's stage strip, per key, to open a
# project and a stage, to go round the stages, to save an agreement field; peak memory.
# Usage: tests/bench/stage.sh BUILD_DIR [N]
set -u
build=$1 n=${2:-100}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data
t0=$(date +%s%N)
"$build/tui/involve" --db "$T/d.db" demo --scale "$n" | head -1 | cut -c1-120
echo "demo at scale $n built in $((($(date +%s%N) - t0) / 1000000)) ms"
"$build/tests/stage_bench" "$T/d.db"
