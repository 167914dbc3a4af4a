#!/usr/bin/env bash
# involve audit: the change log in words, newest first, one line each, with
# records named as they are known now, local times, and no control character.
. "$(dirname "$0")/lib.sh"
: "${FIXTURE:?FIXTURE must name the fixture program}"
db="$T/log.db"
eval "$("$FIXTURE" "$db")"
export TZ=UTC0

run --db "$db" audit
ok "audit succeeds" status_is 0
ok "every line is \"YYYY-MM-DD HH:MM: words.\"" \
    bash -c "! grep -vE '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}: .+\.$' '$T/out'"
ok "one line per change (the fixture adds 16 records and edits one twice)" bash -c "[ \$(wc -l < '$T/out') = 18 ]"
ok "a meeting is named by title and date" contains ": meeting Transport workshop (2026-10-20) added." "$T/out"
ok "an attendance by person and meeting" \
    contains ": attendance of Ann B. at Carers' forum (2026-10-02) added." "$T/out"
ok "a payment by person and meeting" \
    contains ": payment to Ann B. for Transport workshop (2026-10-20) added." "$T/out"
ok "what was said, quoted" \
    contains ': contribution "The bus never comes on time, so I miss sessions." by Ann B. at Transport workshop (2026-10-20) added.' "$T/out"
ok "a change lists the fields by their labels" contains "changed: notes." "$T/out"
ok "newest first: the project, added first, is last" \
    bash -c "tail -1 '$T/out' | grep -q ': project Day opportunities redesign added.'"
ok "stored control characters never reach the terminal" \
    bash -c "! LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' '$T/out'"
today=$(head -1 "$T/out" | cut -c1-16)

TZ=XYZ-5:30 run --db "$db" audit --limit 1
ok "--limit 1 gives one line" bash -c "[ \$(wc -l < '$T/out') = 1 ]"
ok "times are local (UTC+5:30 here)" \
    bash -c "[ \"\$(head -1 '$T/out' | cut -c1-16)\" = \"\$(date -u -d '$today UTC + 330 minutes' '+%Y-%m-%d %H:%M')\" ]"

run --db "$db" audit --since 2099-01-01
ok "--since after every change: none" status_is 0
ok "said in words" contains "No changes are recorded since 2099-01-01." "$T/out"
run --db "$db" audit --since "$(date -u +%Y-%m-%d)"
ok "--since today gives every change made today" bash -c "[ \$(wc -l < '$T/out') = 18 ]"
run --db "$db" audit --since 2026-02-30
ok "--since with an impossible date is a usage error" status_is 2
ok "explained" contains "--since takes a date" "$T/err"
run --db "$db" audit --frob
ok "an unknown option is a usage error" status_is 2
run --db "$T/none.db" audit
ok "a missing database is status 3" status_is 3
ok "and is not created" test ! -e "$T/none.db"

# Names are today's: a forgotten person reads "a participant" everywhere.
run --db "$db" person forget "#$ann" --yes
forgotten=$(printf 'a participant %06x' $((ann & 0xffffff)))
run --db "$db" audit
ok "after forgetting, the change log names no one by the old name" \
    bash -c "! grep -q 'Ann B' '$T/out'"
ok "they read as \"a participant\"" \
    contains ": attendance of $forgotten at Carers' forum (2026-10-02) added." "$T/out"
ok "and the forgetting is recorded" contains ": person $forgotten: person forgotten." "$T/out"
ok "without any erased value" bash -c "! grep -qE 'example.org|hearing loop|Polish' '$T/out'"

finish
