#!/usr/bin/env bash
# The CSV commands: import (files in any order, a folder, --dry-run, every bad
# row as FILE:LINE: column: what is wrong, all or nothing) and export csv, with
# the exit statuses of --help and no control characters from the files.
. "$(dirname "$0")/lib.sh"

DB="$T/a.db"
mkdir -p "$T/in" "$T/bad" "$T/export"
printf 'title,kind,service_area,lead,started_on,closed_on\r\nDay opportunities redesign,redesign,Adult social care,Sam Lead,2026-01-05,\r\n' > "$T/in/projects.csv"
printf '\xef\xbb\xbfname,roles,preferred_format,support_needs,benefits_concern,consent_on,tags\nAnn B.,service_user;carer,easy_read,hearing loop,yes,2026-01-10,\n"Chen, Li",carer,standard,,no,2026-02-01,young carers\n' > "$T/in/people.csv"
printf 'project,stage,title,held_on,status\nDay opportunities redesign,needs,"Carers'"'"' forum",2026-09-10,held\n' > "$T/in/meetings.csv"
printf 'meeting,held_on,person,role,attended,needs_met\nCarers'"'"' forum,2026-09-10,Ann B.,carer,yes,no\nCarers'"'"' forum,2026-09-10,"Chen, Li",carer,yes,\n' > "$T/in/attendance.csv"

run --db "$DB" import --dry-run "$T/in/attendance.csv" "$T/in/meetings.csv" "$T/in/people.csv" "$T/in/projects.csv"
ok "a dry run succeeds" status_is 0
ok "and says what it would do" contains "Would import 1 project (1 new), 2 people (2 new), 1 meeting (1 new) and 2 attendance records (2 new); nothing was written" "$T/out"
run --db "$DB" summary
ok "and writes nothing" contains "holds 0 projects, 0 people" "$T/out"

run --db "$DB" import "$T/in/attendance.csv" "$T/in/meetings.csv" "$T/in/people.csv" "$T/in/projects.csv"
ok "files named in any order are imported" status_is 0
ok "with a summary sentence" contains "Imported 1 project (1 new), 2 people (2 new), 1 meeting (1 new) and 2 attendance records (2 new)." "$T/out"
ok "and no progress lines when stderr is not a terminal" test ! -s "$T/err"

run --db "$DB" import "$T/in"
ok "a folder imports again" status_is 0
ok "updating rather than duplicating" contains "Imported 1 project (1 unchanged), 2 people (2 unchanged), 1 meeting (1 unchanged) and 2 attendance records (2 unchanged)." "$T/out"

cp "$T/in/projects.csv" "$T/bad/"
printf 'name,roles\nDee,carer\nEve,\x1b[2Jcarer\n' > "$T/bad/people.csv"
printf 'meeting,held_on,person,role,attended,needs_met\nCarers'"'"' forum,10/09/2026,Dee,carer,yes,\nNo such meeting,2026-09-10,Dee,carer,yes,\n' > "$T/bad/attendance.csv"
printf 'a,b\n1,2\n' > "$T/bad/odd"$'\x1b'"[2J.csv"
run --db "$DB" import "$T/bad"
ok "bad rows fail the import with status 3" status_is 3
ok "each as FILE:LINE: column: what is wrong" contains "$T/bad/people.csv:3: roles: the cell holds a control character (U+001B), which cannot be imported; remove it" "$T/err"
ok "a date that is not a date" contains "$T/bad/attendance.csv:2: held_on: \"10/09/2026\" is not a date" "$T/err"
ok "an unknown meeting" contains "$T/bad/attendance.csv:3: meeting: there is no meeting titled \"No such meeting\" held on 2026-09-10" "$T/err"
ok "then one sentence saying nothing was imported" contains "involve: Found 4 problems in 3 files, so nothing was imported; fix them and import again." "$T/err"
ok "a file of no known kind is named" contains "odd"$'\xef\xbf\xbd'"[2J.csv:1: cannot tell which records this file holds" "$T/err"
ok "no control character from a file or its name reaches the terminal" bash -c "! grep -q \$'\\x1b' '$T/err'"
run --db "$DB" summary
ok "nothing was imported" contains "holds 1 project, 2 people" "$T/out"

run --db "$DB" import
ok "import with nothing to read is a usage error" status_is 2
run --db "$DB" import --force "$T/in"
ok "an unknown option is a usage error" status_is 2

run --db "$DB" export csv "$T/export"
ok "export csv succeeds" status_is 0
ok "saying what it wrote" contains "Wrote 12 CSV files to $T/export: 1 project, 2 people," "$T/out"
ok "twelve files" bash -c "[ \$(ls '$T/export' | wc -l) -eq 12 ]"
ok "with CRLF line endings" bash -c "head -1 '$T/export/attendance.csv' | grep -q \$'\\r\$'"

run --db "$T/copy.db" import "$T/export"
ok "the export imports into a new database" status_is 0
run --db "$T/copy.db" summary
sed "s|$T/copy.db||" "$T/out" > "$T/copy.summary"
run --db "$DB" summary
sed "s|$DB||" "$T/out" > "$T/a.summary"
ok "holding the same records" cmp -s "$T/a.summary" "$T/copy.summary"

run --db "$DB" export csv "$T/no/such/folder"
ok "export to a missing folder is status 3" status_is 3
ok "with a sentence" contains "The folder $T/no/such/folder does not exist" "$T/err"
run --db "$DB" export pdf "$T/export"
ok "an unknown export is a usage error" status_is 2
ok "naming what it can write" contains "use csv FOLDER" "$T/err"

finish
