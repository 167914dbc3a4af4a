#!/usr/bin/env bash
# Benchmark of "involve demo": for each scale, build the demo into a fresh
# database and print wall time, CPU time, peak memory, file size and records.
# Usage: tests/bench/demo.sh [SCALE...]          (default: 1 100)
# INVOLVE names the program (default build/tui/involve); INVOLVE_TODAY is fixed
# at 2026-11-22 so every run builds the same records. The target is scale 100
# in under a minute.
set -eu
INVOLVE=${INVOLVE:-build/tui/involve}
[ -x "$INVOLVE" ] || { echo "no program at $INVOLVE: build first (ninja -C build)" >&2; exit 77; }
export INVOLVE_TODAY=2026-11-22
dir=$(mktemp -d "${TMPDIR:-/tmp}/involve-bench-XXXXXX")
trap 'rm -rf "$dir"' EXIT
scales=${*:-1 100}
timer=
[ -x /usr/bin/time ] && timer=/usr/bin/time

printf '%-6s %9s %9s %9s %10s %11s %10s\n' scale wall_s user_s sys_s peak_MiB file_MiB records
for scale in $scales; do
    db="$dir/demo-$scale.db"
    if [ -n "$timer" ]; then
        "$timer" -f '%e %U %S %M' -o "$dir/time" "$INVOLVE" --db "$db" demo --scale "$scale" > /dev/null
        read -r wall user sys peak_kb < "$dir/time"
        peak=$(awk -v k="$peak_kb" 'BEGIN { printf "%.1f", k / 1024 }')
    else
        TIMEFORMAT='%R %U %S'
        { time "$INVOLVE" --db "$db" demo --scale "$scale" > /dev/null; } 2> "$dir/time"
        read -r wall user sys < "$dir/time"
        peak=n/a
    fi
    size=$(stat -c %s "$db")
    records=$("$INVOLVE" --db "$db" summary | grep -oE '[0-9]+ [a-z]' | awk '{ n += $1 } END { print n }')
    printf '%-6s %9s %9s %9s %10s %11s %10s\n' "$scale" "$wall" "$user" "$sys" "$peak" \
        "$(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }')" "$records"
    rm -f "$db" "$db-wal" "$db-shm"
done
echo "# $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
