#!/usr/bin/env bash
# involve demo: builds the demo year into an empty database, refuses bad scales
# (status 2) and databases that already hold records (status 3, nothing added).
. "$(dirname "$0")/lib.sh"

run --db "$T/demo.db" demo --scale x
ok "a scale that is not a number is a usage error" status_is 2
ok "saying what is allowed" contains '--scale takes a whole number of authorities from 1 to 1000, not "x"' "$T/err"
ok "and no database is made" test ! -e "$T/demo.db"

run --db "$T/demo.db" demo --scale 0
ok "scale 0 is a usage error" status_is 2
run --db "$T/demo.db" demo --scale 1001
ok "scale 1001 is a usage error" status_is 2
run --db "$T/demo.db" demo --scale
ok "--scale with no number is a usage error" status_is 2
run --db "$T/demo.db" demo --colour
ok "an unknown option of demo is a usage error" status_is 2
ok "naming it" contains '"--colour"' "$T/err"

run --db "$T/demo.db" demo
ok "demo builds into a new database" status_is 0
ok "and says what it made, as of today" \
    contains "Built the demo database at $T/demo.db: 20 projects, 300 people," "$T/out"
ok "with the date" contains "as of 2026-11-22." "$T/out"
ok "and how to open it" contains "Open it with: involve --db $T/demo.db" "$T/out"
ok "the file is private" bash -c "[ \$(stat -c %a '$T/demo.db') = 600 ]"
sed "s|$T/demo.db|DB|g" "$T/out" > "$T/first.out"

run --db "$T/demo.db" summary
cp "$T/out" "$T/summary.before"
ok "the records are there" contains "20 projects, 300 people" "$T/summary.before"

run --db "$T/demo.db" demo --scale 2
ok "a database that holds records is refused with status 3" status_is 3
ok "with a sentence saying why" contains "already holds" "$T/err"
ok "naming the file" contains "$T/demo.db" "$T/err"
run --db "$T/demo.db" summary
ok "and nothing was added" cmp -s "$T/summary.before" "$T/out"

run --db "$T/two.db" demo --scale=2
ok "--scale=2 builds two authorities" status_is 0
ok "twice the projects and people" contains "40 projects, 600 people," "$T/out"

run --db "$T/again.db" demo
sed "s|$T/again.db|DB|g" "$T/out" > "$T/again.out"
ok "the same day builds a demo of the same size" cmp -s "$T/first.out" "$T/again.out"

finish
