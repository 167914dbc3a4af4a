#!/usr/bin/env bash
# Benchmark: import 1,000,000 attendance rows (issue 6 asks for under 30 s).
# Generates the CSV files (1 project, 1,000 meetings, 1,000 people and every
# person at every meeting), imports the people and meetings, then times the
# attendance import alone, a second import of the same rows (all matched and
# unchanged), and an export of everything. Prints the figures.
#
# Usage: tests/bench/import.sh [INVOLVE] [ROWS]
#   INVOLVE  the program (default build/tui/involve); ROWS (default 1000000),
#   rounded to a whole number of meetings of 1,000 people.
set -eu
INVOLVE=${1:-build/tui/involve}
ROWS=${2:-1000000}
[ -x "$INVOLVE" ] || { echo "no program at $INVOLVE; build first (ninja -C build)" >&2; exit 77; }
PEOPLE=1000
MEETINGS=$(( (ROWS + PEOPLE - 1) / PEOPLE ))
T=$(mktemp -d "${TMPDIR:-/tmp}/involve-bench-XXXXXX")
trap 'rm -rf "$T"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
DB="$T/bench.db"
mkdir -p "$T/base" "$T/att" "$T/out"

now() { date +%s.%N; }
# Run the program, timing it: TIME (wall seconds), CPU (user + system seconds) and
# RSS (peak kilobytes) when GNU time is there, else CPU and RSS are "?".
timed() {
    local start end
    start=$(now)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%U %S %M' -o "$T/time" "$INVOLVE" --db "$DB" "$@" > "$T/said" 2>"$T/err"
        read -r user sys RSS < <(tail -1 "$T/time")
        CPU=$(printf '%.2f' "$(echo "$user + $sys" | bc)")
    else
        "$INVOLVE" --db "$DB" "$@" > "$T/said" 2>"$T/err"
        CPU=? RSS=?
    fi
    end=$(now)
    TIME=$(echo "$end - $start" | bc)
}

start=$(now)
printf 'title,kind,service_area,lead,started_on,closed_on\r\nDay opportunities redesign,redesign,Adult social care,Sam Lead,2026-01-05,\r\n' > "$T/base/projects.csv"
awk -v n=$PEOPLE 'BEGIN {
    print "name,roles,preferred_format,support_needs,benefits_concern,consent_on,tags\r"
    for (i = 1; i <= n; i++) printf "Person %04d,service_user,standard,,no,2026-01-01,\r\n", i
}' > "$T/base/people.csv"
awk -v n=$MEETINGS 'BEGIN {
    print "project,stage,title,held_on,status,method,level,purpose,open_to_change,not_open_to_change,papers_sent_on,venue_accessible,feedback_due_on,decision\r"
    for (i = 1; i <= n; i++)
        printf "Day opportunities redesign,needs,\"Forum, session %d\",2026-%02d-%02d,held,meeting,consult,,,,,yes,,\r\n", i, (i % 12) + 1, (i % 28) + 1
}' > "$T/base/meetings.csv"
awk -v m=$MEETINGS -v p=$PEOPLE -v rows=$ROWS 'BEGIN {
    print "meeting,held_on,person,role,attended,needs_met\r"
    k = 0
    for (i = 1; i <= m && k < rows; i++)
        for (j = 1; j <= p && k < rows; j++) {
            printf "\"Forum, session %d\",2026-%02d-%02d,Person %04d,service_user,yes,%s\r\n", i, (i % 12) + 1, (i % 28) + 1, j, (j % 3 ? "yes" : "")
            k++
        }
}' > "$T/att/attendance.csv"
gen=$(echo "$(now) - $start" | bc)
size=$(du -m "$T/att/attendance.csv" | cut -f1)
printf 'generated %d attendance rows (%s MB), %d people, %d meetings in %.1f s\n' \
    "$ROWS" "$size" "$PEOPLE" "$MEETINGS" "$gen"

timed import "$T/base"
printf 'import people and meetings: %.2f s — %s\n' "$TIME" "$(cat "$T/said")"

timed import "$T/att/attendance.csv"
[ -s "$T/err" ] && { echo "import failed:"; head "$T/err"; exit 1; }
printf 'import %d attendance rows: %.2f s (%.0f rows/s; %s s of CPU), peak memory %s KB — %s\n' \
    "$ROWS" "$TIME" "$(echo "$ROWS / $TIME" | bc)" "$CPU" "$RSS" "$(cat "$T/said")"
first=$TIME

timed import "$T/att/attendance.csv"
printf 'import the same rows again (all unchanged): %.2f s (%s s of CPU), peak memory %s KB — %s\n' \
    "$TIME" "$CPU" "$RSS" "$(cat "$T/said")"

timed export csv "$T/out"
printf 'export csv: %.2f s (%s s of CPU), peak memory %s KB\n' "$TIME" "$CPU" "$RSS"
printf 'database: %s MB\n' "$(du -m "$DB" | cut -f1)"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores; wall times grow with it)"
if [ "$(echo "$first < 30" | bc)" = 1 ]; then
    echo "target met: $ROWS attendance rows in under 30 s"
else
    echo "target missed: $ROWS attendance rows took $first s (target 30 s)"
    exit 1
fi
