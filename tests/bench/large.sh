#!/usr/bin/env bash
# Benchmark: how the safety measures cost on a large database. Builds a file
# of about SIZE_MB megabytes (default 300) through the writer test program,
# then prints the seconds taken by a command that only opens it (the cheap
# damage check at open), by the full integrity check (check-db), by showing
# and exporting one person, and by forgetting them (which looks for their
# name in every text column). Not a test: it prints figures.
#   BUILD   the meson build folder (default build)
#   SIZE_MB size of the database to build (default 300)
set -u
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
size_mb=${SIZE_MB:-300}
involve="$build/tui/involve"
writer="$build/tests/safety/writer"
T=$(mktemp -d "${TMPDIR:-/tmp}/involve-bench-XXXXXX")
trap 'rm -rf "$T"' EXIT
db="$T/large.db"
note=60000
count=$((size_mb * 1024 * 1024 / (note + 2000)))
export INVOLVE_TODAY=2026-11-22

seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.3f}')"
}

echo "building $count meetings with ${note}-byte notes..."
build_s=$(seconds "$writer" write "$db" "$T/log" --count "$count" --note-bytes "$note")
id=$("$writer" person "$db" "Benchmark Person" 20000)
"$involve" --db "$db" summary > /dev/null
printf 'database: %s MB, %s meetings (built in %s s)\n' \
    "$(($(stat -c %s "$db") / 1024 / 1024))" "$count" "$build_s"
printf 'open and show one person (cheap checks at open): %s s\n' \
    "$(seconds "$involve" --db "$db" person show "#$id")"
printf 'export one person as JSON:                        %s s\n' \
    "$(seconds "$involve" --db "$db" person export "#$id" --format json)"
printf 'full integrity check (check-db):                  %s s\n' \
    "$(seconds "$involve" --db "$db" check-db)"
printf 'change log, last 20 changes:                      %s s\n' \
    "$(seconds "$involve" --db "$db" audit --limit 20)"
printf 'forget one person (scans every text column):      %s s\n' \
    "$(seconds "$involve" --db "$db" person forget "#$id" --yes)"
