#!/usr/bin/env bash
# Benchmark of the rules: "involve due" and "involve check" on the demo at
# scale 1 and 100, as whole processes, beside the floor: the feedback query
# of "involve due" run by the sqlite3 shell on the same file. Prints mean wall
# time over several runs (hyperfine, or a loop), CPU time and peak memory
# (/usr/bin/time), and the ratio of "due" to the floor. Not a test: figures.
# Targets at scale 100: due within 1.5x of the floor and under 200 ms, check
# under 1 s, peak memory under 32 MB at both scales.
#   BUILD       the meson build folder (default build)
#   RUNS        timed runs per command (default 5)
#   BENCH_DIR   keep the demo databases here between runs (default: a temp folder)
#   SCALES      default "1 100"
set -u
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
runs=${RUNS:-5}
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

# The feedback query of "involve due" (rules_feedback_owed_sql in
# core/rules_feedback.c, over everything), run once for overdue and once for
# due within feedback.warn_days (5). Keep it in step with the program.
owed() { # from to
    cat << SQL
WITH due AS MATERIALIZED (SELECT m.id FROM meeting m WHERE m.status = 'held'
  AND m.feedback_due_on >= '$1' AND m.feedback_due_on <= '$2' ORDER BY m.id LIMIT -1),
 owed AS MATERIALIZED (SELECT a.id FROM due JOIN attendance a ON a.meeting_id = due.id
  WHERE NOT EXISTS (SELECT 1 FROM feedback f
   WHERE f.meeting_id = a.meeting_id AND f.person_id = a.person_id))
SELECT p.id, p.title, m.stage, m.id, m.title, m.held_on, pe.id, pe.name, m.feedback_due_on,
  pe.preferred_format
FROM owed JOIN attendance a ON a.id = owed.id JOIN meeting m ON m.id = a.meeting_id
JOIN project p ON p.id = m.project_id JOIN person pe ON pe.id = a.person_id
WHERE a.attended = 1 AND a.role IN ('service_user', 'carer') AND pe.anonymised = 0
ORDER BY m.feedback_due_on, m.held_on, m.id, pe.name COLLATE NOCASE, pe.id;
SQL
}
yesterday=$(date -d "$INVOLVE_TODAY -1 day" +%F)
soon=$(date -d "$INVOLVE_TODAY +5 days" +%F)
{ owed '' "$yesterday"; owed "$INVOLVE_TODAY" "$soon"; } > "$dir/floor.sql"

# Mean wall seconds of a command over $runs runs (after one warm-up run).
mean() {
    if command -v hyperfine > /dev/null; then
        hyperfine -N -i -w 1 -r "$runs" --export-json "$dir/h.json" "$1" > /dev/null 2>&1
        python3 - "$dir/h.json" << 'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.3f ±%.3f" % (r["mean"], r["stddev"]))
PY
    else
        bash -c "$1" > /dev/null 2>&1
        local start end
        start=$(date +%s.%N)
        for _ in $(seq "$runs"); do bash -c "$1" > /dev/null 2>&1; done
        end=$(date +%s.%N)
        python3 -c "print(f'{($end - $start) / $runs:.3f}')"
    fi
}
# User+system seconds and peak resident memory (MiB) of one run.
usage() {
    /usr/bin/time -f '%U %S %M' -o "$dir/time" bash -c "exec $1" > /dev/null 2>&1
    tail -n 1 "$dir/time" | awk '{ printf "%.2f %.1f", $1 + $2, $3 / 1024 }'
}

printf '%-6s %-28s %15s %8s %9s\n' scale command wall_s cpu_s peak_MiB
for scale in ${SCALES:-1 100}; do
    db="$dir/demo-$scale.db"
    if [ ! -f "$db" ]; then
        "$involve" --db "$db" demo --scale "$scale" > /dev/null || exit 1
    fi
    findings=$("$involve" --db "$db" check --format tsv | tail -n +2 | wc -l)
    owed=$("$involve" --db "$db" due --format tsv | tail -n +2 | wc -l)
    declare -A wall
    for name in due check floor; do
        case $name in
        due) cmd="$involve --db $db due" ;;
        check) cmd="$involve --db $db check" ;;
        floor) cmd="sqlite3 $db -cmd '.read $dir/floor.sql' .quit" ;;
        esac
        wall[$name]=$(mean "$cmd")
        read -r cpu peak <<< "$(usage "$cmd")"
        printf '%-6s %-28s %15s %8s %9s\n' "$scale" "$name" "${wall[$name]}" "$cpu" "$peak"
    done
    python3 - "${wall[due]}" "${wall[floor]}" "$scale" "$findings" "$owed" << 'PY'
import sys
due, floor = (float(a.split()[0]) for a in sys.argv[1:3])
print("%-6s due / floor = %.2f   (%s findings from check, %s from due)"
      % (sys.argv[3], due / floor, sys.argv[4], sys.argv[5]))
PY
done
echo "# $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
