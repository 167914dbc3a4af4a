#!/usr/bin/env bash
# Benchmark: the calendar, the involvement report and the letters on "involve
# demo --scale N" (default 100: a hundred local authorities' year in one
# file). Times each export and prints its wall time, CPU time, peak memory
# (the report streams: its memory should not grow with the records) and the
# size of what it wrote.
#
# Usage: tests/bench/reports.sh [INVOLVE] [N] [DB]
#   INVOLVE  the program (default build/tui/involve); N the demo's scale;
#   DB       a demo database made before (kept; otherwise one is built).
set -eu
INVOLVE=${1:-build/tui/involve}
N=${2:-100}
DB=${3:-}
[ -x "$INVOLVE" ] || { echo "no program at $INVOLVE; build first (ninja -C build)" >&2; exit 77; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed for peak memory" >&2; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/involve-bench-XXXXXX")
trap 'rm -rf "$T"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
if [ -z "$DB" ]; then
    DB="$T/demo.db"
    start=$(date +%s%N)
    "$INVOLVE" --db "$DB" demo --scale "$N" > /dev/null
    echo "demo --scale $N built in $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi
echo "database: $(( $(stat -c %s "$DB") / 1048576 )) MB"

# timed WHAT ARGS...: run involve ARGS on the database and print one line of figures.
timed() {
    local what=$1; shift
    /usr/bin/time -f '%e %U %S %M' -o "$T/time" "$INVOLVE" --db "$DB" "$@" > "$T/said" 2> "$T/err" \
        || { echo "$what failed:"; cat "$T/err"; exit 1; }
    read -r wall user sys rss < <(tail -1 "$T/time")
    printf '%-34s %6.2f s wall, %6.2f s CPU, peak %6d KB' "$what" "$wall" \
        "$(echo "$user + $sys" | bc)" "$rss"
}
size() { printf ', wrote %s\n' "$(du -sh "$1" | cut -f1)"; }

timed "export ics" export ics "$T/involve.ics"
size "$T/involve.ics"
for f in text md html; do
    timed "export report --format $f" export report --format "$f" --output "$T/report.$f"
    size "$T/report.$f"
done
project=$(sqlite3 "$DB" "SELECT title FROM project ORDER BY id LIMIT 1" 2>/dev/null || true)
if [ -n "$project" ]; then
    timed "export report --project (html)" export report --project "$project" --format html \
        --output "$T/project.html"
    size "$T/project.html"
fi
meeting=$(sqlite3 "$DB" "SELECT '#' || m.id FROM meeting m WHERE m.status = 'held'
    ORDER BY (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) DESC LIMIT 1" \
    2>/dev/null || true)
if [ -n "$meeting" ]; then
    mkdir "$T/letters"
    timed "letters (the largest meeting)" letters "$meeting" --output "$T/letters"
    printf ', wrote %s letters\n' "$(ls "$T/letters" | wc -l)"
fi
