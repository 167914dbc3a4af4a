#!/usr/bin/env bash
# Benchmark of the rules: "involve due" and "involve check" on the demo at
# scale 1 and 100, as whole processes, beside the floor: the feedback queries
# of "involve due" run by the sqlite3 shell on the same file (and floor_due:
# every query "involve due" runs). Prints the median wall time over several
# runs, taken in turns (and the mean and deviation), CPU time and peak memory
# (/usr/bin/time) of one run, and the ratio of "due" to the floor. Not a test:
# figures.
# Targets at scale 100: due within 1.5x of the floor and under 200 ms, check
# under 1 s, peak memory under 32 MB at both scales.
#   BUILD       the meson build folder (default build)
#   RUNS        timed runs per command (default 7)
#   BENCH_DIR   keep the demo databases here between runs (default: a temp folder)
#   SCALES      default "1 100"
set -u
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
runs=${RUNS:-7}
involve="$build/tui/involve"
[ -x "$involve" ] || { echo "no program at $involve: build first (ninja -C $build)" >&2; exit 77; }
command -v sqlite3 > /dev/null || { echo "sqlite3 is needed for the floor" >&2; exit 77; }
export INVOLVE_TODAY=2026-11-22
if [ -n "${BENCH_DIR:-}" ]; then
    dir=$BENCH_DIR
    mkdir -p "$dir"
else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/involve-bench-XXXXXX")
    trap 'rm -rf "$dir"' EXIT
fi

# The floor: the feedback queries of "involve due" (feedback_overdue and
# feedback_due_soon), exactly as the program runs them today, parameters
# filled in, printed by rules_scope from the program's own SQL. floor_due adds
# the rest of what "involve due" runs (payments and commitments overdue).
rules_scope="$build/tests/bench/rules_scope"
[ -x "$rules_scope" ] || { echo "no program at $rules_scope: build first" >&2; exit 77; }
# Wall seconds of one run of a command.
wall() {
    local start end
    start=$(date +%s.%N)
    bash -c "$1" > /dev/null 2>&1
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }'
}
# User+system seconds and peak resident memory (MiB) of one run.
usage() {
    /usr/bin/time -f '%U %S %M' -o "$dir/time" bash -c "exec $1" > /dev/null 2>&1
    tail -n 1 "$dir/time" | awk '{ printf "%.2f %.1f", $1 + $2, $3 / 1024 }'
}

printf '%-6s %-10s %8s %-26s %8s %9s\n' scale command median_s "(mean ±sd)" cpu_s peak_MiB
for scale in ${SCALES:-1 100}; do
    db="$dir/demo-$scale.db"
    if [ ! -f "$db" ]; then
        "$involve" --db "$db" demo --scale "$scale" > /dev/null || exit 1
    fi
    "$rules_scope" "$db" sql feedback_overdue feedback_due_soon > "$dir/floor.sql" || exit 1
    "$rules_scope" "$db" sql feedback_overdue feedback_due_soon payment_overdue action_overdue \
        > "$dir/floor_due.sql" || exit 1
    findings=$("$involve" --db "$db" check --format tsv | tail -n +2 | wc -l)
    owed=$("$involve" --db "$db" due --format tsv | tail -n +2 | wc -l)
    # The four commands take turns, run after run (after one warm-up run of
    # each), so a slower spell of the machine (another process, the page
    # cache dropped) falls on all of them alike; the median of each is
    # printed, with the mean and standard deviation beside it.
    names="due check floor floor_due"
    declare -A cmd
    cmd[due]="$involve --db $db due"
    cmd[check]="$involve --db $db check"
    cmd[floor]="sqlite3 $db -cmd '.read $dir/floor.sql' .quit"
    cmd[floor_due]="sqlite3 $db -cmd '.read $dir/floor_due.sql' .quit"
    for name in $names; do bash -c "${cmd[$name]}" > /dev/null 2>&1; done
    : > "$dir/walls"
    for _ in $(seq "$runs"); do
        for name in $names; do
            echo "$name $(wall "${cmd[$name]}")" >> "$dir/walls"
        done
    done
    declare -A median
    for name in $names; do
        read -r median[$name] spread <<< "$(python3 - "$dir/walls" "$name" << 'PY'
import statistics, sys
t = [float(l.split()[1]) for l in open(sys.argv[1]) if l.split()[0] == sys.argv[2]]
sd = statistics.stdev(t) if len(t) > 1 else 0.0
print("%.3f (mean %.3f ±%.3f)" % (statistics.median(t), statistics.mean(t), sd))
PY
)"
        read -r cpu peak <<< "$(usage "${cmd[$name]}")"
        printf '%-6s %-10s %8s %-26s %8s %9s\n' "$scale" "$name" "${median[$name]}" \
            "$spread" "$cpu" "$peak"
    done
    python3 - "${median[due]}" "${median[floor]}" "$scale" "$findings" "$owed" << 'PY'
import sys
due, floor = (float(a) for a in sys.argv[1:3])
print("%-6s due / floor = %.2f, of medians   (%s findings from check, %s from due)"
      % (sys.argv[3], due / floor, sys.argv[4], sys.argv[5]))
PY
done
echo "# $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
