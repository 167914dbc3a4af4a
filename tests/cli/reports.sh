#!/usr/bin/env bash
# The calendar, the involvement report and the letters from the command line:
# a calendar a real iCalendar parser reads (python3-icalendar), with the same
# UIDs each time and names beyond ASCII and punctuation surviving folding and
# escaping; the report as text, Markdown and one accessible HTML file
# (checked with Python's HTML parser); letters in each person's format; and
# every kind of bad input as one sentence with nothing half-written.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3

# skip NAME REASON: a TAP line for a check that cannot run here.
skip() {
    n=$((n + 1))
    echo "ok $n - $1 # SKIP $2"
}

# Only the files named (and no temporary ones) are in FOLDER.
only() {
    local dir=$1; shift
    [ "$(ls -A "$dir" | sort | tr '\n' '/')" = "$(printf '%s\n' "$@" | sort | tr '\n' '/')" ]
}

DB="$T/a.db"
mkdir -p "$T/in"
TITLE="Carers' forum, north; east"
printf 'title,kind,service_area,lead,started_on,closed_on\r\nDay services,redesign,Adult social care,Lee Lead,2026-01-05,\r\n' > "$T/in/projects.csv"
printf 'name,roles,preferred_format,support_needs,benefits_concern,consent_on,tags\n'\
'Ann B.,service_user,standard,,no,2026-01-10,\n'\
'Zofia Ł.,carer,large_print,,no,2026-01-10,Polish community\n'\
'中 Wei,service_user,easy_read,,no,2026-01-10,Chinese community\n'\
'Carl B.,service_user,braille,,no,2026-01-10,\n'\
'Sam Staff,commissioner,standard,,no,2026-01-10,\n' > "$T/in/people.csv"
printf 'project,stage,title,held_on,status\n'\
'Day services,needs,"%s",2026-09-10,held\n'\
'Day services,needs,"%s",2026-10-12,held\n'\
'Day services,priorities,Choosing priorities,2026-12-14,planned\n' "$TITLE" "$TITLE" > "$T/in/meetings.csv"
printf 'meeting,held_on,person,role,attended,needs_met\n'\
'"%s",2026-09-10,Ann B.,service_user,yes,\n'\
'"%s",2026-09-10,Zofia Ł.,carer,yes,\n'\
'"%s",2026-09-10,中 Wei,service_user,yes,\n'\
'"%s",2026-09-10,Carl B.,service_user,yes,\n'\
'"%s",2026-09-10,Sam Staff,commissioner,yes,\n'\
'Choosing priorities,2026-12-14,Zofia Ł.,carer,yes,\n' "$TITLE" "$TITLE" "$TITLE" "$TITLE" "$TITLE" > "$T/in/attendance.csv"
printf 'meeting,held_on,person,said,response,response_text,reason,responded_on\n'\
'"%s",2026-09-10,Ann B.,"Buses stop at six, too early",adopted,Buses now run until eight.,,2026-10-01\n'\
'"%s",2026-09-10,中 Wei,Open on Sundays,not_possible,,The building is shut on Sundays.,2026-10-01\n' "$TITLE" "$TITLE" > "$T/in/contributions.csv"
printf 'person,meeting,held_on,kind,amount,claimed_on,paid_on,declined\n'\
'Zofia Ł.,"%s",2026-09-10,travel,12.50,2026-11-02,,no\n' "$TITLE" > "$T/in/payments.csv"
printf 'project,meeting,held_on,summary,owner,due_on,done_on\n'\
'Day services,"%s",2026-09-10,"Book a hearing loop; test it",Lee Lead,2026-12-01,\n' "$TITLE" > "$T/in/actions.csv"
run --db "$DB" import "$T/in"
ok "the records are imported" status_is 0

# ---- the calendar
mkdir "$T/cal"
run --db "$DB" export ics "$T/cal/involve.ics"
ok "export ics succeeds" status_is 0
ok "saying what it wrote" contains "Wrote the calendar of what is owed to $T/cal/involve.ics: 1 meeting owing feedback, 1 unpaid claim, 1 commitment, 1 planned meeting and 1 set of papers to send." "$T/out"
ok "readable by its owner only" bash -c "[ \$(stat -c %a '$T/cal/involve.ics') = 600 ]"
ok "every line ends in CRLF" bash -c "! grep -qv \$'\\r\$' '$T/cal/involve.ics'"
sleep 1
run --db "$DB" export ics "$T/cal/again.ics"
if "$PY" "$here/check_ics.py" "$T/cal/involve.ics" "$T/cal/again.ics" > "$T/ics.txt" 2> "$T/ics.err"; then
    ok "python3-icalendar reads the calendar, lines whole and at most 75 octets" true
    ok "five events" contains "events 5" "$T/ics.txt"
    ok "feedback: who to tell, on the due date, the title's comma and semicolon intact" \
        grep -qP "^event feedback-[0-9]+@involve\t2026-10-08\tTell 4 people what came of Carers' forum, north; east\$" "$T/ics.txt"
    ok "naming each person and the format they need, UTF-8 and all" \
        grep -qP "^description feedback-.*Ann B\\.: standard print \\| Carl B\\.: braille \\| Zofia Ł\\.: large print \\| 中 Wei: easy read\$" "$T/ics.txt"
    ok "a payment due 20 working days after the claim" \
        grep -qP "^event payment-[0-9]+@involve\t2026-11-30\tPay Zofia Ł\\. £12\\.50 for travel \\(Carers' forum, north; east\\)\$" "$T/ics.txt"
    ok "a commitment on its due date" \
        grep -qP "^event action-[0-9]+@involve\t2026-12-01\tBook a hearing loop; test it\$" "$T/ics.txt"
    ok "the papers a week before a planned meeting" \
        grep -qP "^event papers-[0-9]+@involve\t2026-12-07\tSend the papers for Choosing priorities \\(meeting on 2026-12-14\\)\$" "$T/ics.txt"
    ok "exporting again gives the same UIDs" contains "same-uids yes" "$T/ics.txt"
    ok "with DTSTAMPs no earlier" contains "dtstamp-not-earlier yes" "$T/ics.txt"
else
    if [ $? -eq 77 ]; then
        skip "python3-icalendar reads the calendar" "python3-icalendar is not installed"
    else
        ok "python3-icalendar reads the calendar" false
        sed 's/^/#   /' "$T/ics.err"
    fi
fi

run --db "$DB" export ics
ok "export ics with no file is a usage error" status_is 2
run --db "$DB" export ics "$T/no/such/involve.ics"
ok "a folder that does not exist is status 3" status_is 3
ok "with a sentence" contains "involve: The folder $T/no/such does not exist; create it first, or name a folder that exists." "$T/err"
run --db "$DB" export ics "$T/cal"
ok "a folder named as the file is refused" contains "$T/cal is a folder; give the name of a file to write" "$T/err"
run --db "$DB" export ics /proc/involve.ics
ok "a place that cannot be written is status 3" status_is 3
ok "with a sentence saying nothing was written" contains "/proc/involve.ics cannot be written" "$T/err"
ok "and no temporary file is left" only "$T/cal" involve.ics again.ics

# ---- the report
run --db "$DB" export report
ok "the report goes to the screen as text" status_is 0
ok "headed with its year" bash -c "head -1 '$T/out' | grep -qx 'Involvement report 2026'"
ok "tables as Label: value lines" contains "People who took part: 4, of whom 4 service users and carers" "$T/out"
ok "small groups not counted" contains "Chinese community: fewer than 5" "$T/out"
ok "you said, we did" contains "You said: Buses stop at six, too early" "$T/out"
ok "no control characters" bash -c "! grep -qP '[\\x00-\\x08\\x0b-\\x1f\\x7f]' '$T/out'"
run --db "$DB" export report --format md --project "day SERVICES" --year 2026
ok "Markdown for one project" contains "# Involvement report 2026: Day services" "$T/out"
ok "with pipe tables" contains "| Activity | You said | We did | Why, or why not |" "$T/out"
mkdir "$T/rep"
run --db "$DB" export report --format html --output "$T/rep/report.html"
ok "HTML to a file" status_is 0
ok "saying where it went" contains "Wrote the involvement report for 2026 to $T/rep/report.html." "$T/out"
if [ -x "$PY" ]; then
    "$PY" "$here/check_html.py" --report "$T/rep/report.html" > "$T/html.txt" 2>&1
    status=$?
    ok "one accessible self-contained HTML document (lang, title, headings, captions, scopes, charts with text, nothing fetched)" status_is 0
    [ "$status" -eq 0 ] || sed 's/^/#   /' "$T/html.txt"
else
    skip "one accessible self-contained HTML document" "no /usr/bin/python3"
fi
echo "an old report" > "$T/rep/old.html"
run --db "$DB" export report --format pdf --output "$T/rep/old.html"
ok "an unknown format is a usage error" status_is 2
ok "naming the formats" contains "involve: --format takes text, md or html, not \"pdf\"." "$T/err"
run --db "$DB" export report --year twenty
ok "a year that is not a year is a usage error" contains "--year takes a year such as 2026, not \"twenty\"" "$T/err"
run --db "$DB" export report --project "No such project"
ok "a project that does not exist is a usage error" status_is 2
ok "with a sentence" contains "There is no project called \"No such project\"" "$T/err"
run --db "$DB" export report --output "$T/no/such/report.txt"
ok "a report to a folder that does not exist is status 3" status_is 3
run --db "$DB" export report --output /proc/report.txt
ok "a report to a place that cannot be written is status 3" status_is 3
ok "and leaves the folder as it was" only "$T/rep" report.html old.html
ok "and the old file untouched" contains "an old report" "$T/rep/old.html"
# As a user the folder's permissions apply to (root ignores them), an unwritable file.
as=()
[ "$(id -u)" = 0 ] && as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
if [ ${#as[@]} -eq 0 ] || "${as[@]}" true 2> /dev/null; then
    chmod 711 "$T"
    mkdir -m 700 "$T/mine" && cp "$DB" "$T/mine/a.db"
    [ ${#as[@]} -eq 0 ] || chown -R nobody:nogroup "$T/mine"
    chmod 755 "$T/rep"
    chmod 555 "$T/rep"
    ${as[@]+"${as[@]}"} "$INVOLVE" --db "$T/mine/a.db" export report --output "$T/rep/old.html" > "$T/out" 2> "$T/err" < /dev/null
    status=$?
    chmod 755 "$T/rep"
    ok "a file in a folder that cannot be written is status 3" status_is 3
    ok "with a sentence saying nothing was written" contains "$T/rep/old.html cannot be written (Permission denied); nothing was written." "$T/err"
    ok "and the old file is as it was" contains "an old report" "$T/rep/old.html"
    ok "with nothing left beside it" only "$T/rep" report.html old.html
else
    skip "a file in a folder that cannot be written" "running as root and cannot become nobody"
fi

# ---- letters
run --db "$DB" letters "$TITLE"
ok "a title two meetings share is a usage error" status_is 2
ok "asking which" contains "2 meetings are called \"$TITLE\"; say which with --held and its date" "$T/err"
ok "listing both" contains "held 2026-10-12 (Day services)" "$T/err"
run --db "$DB" letters "No such meeting"
ok "a title no meeting has is a usage error" status_is 2
ok "with a sentence" contains "involve: No meeting is called \"No such meeting\"; give its title as the meetings list shows it, or its number as #123." "$T/err"
run --db "$DB" letters "$TITLE" --held 2026-09-10 --output "$T/no/such"
ok "letters into a folder that does not exist: status 3" status_is 3
ok "with a sentence" contains "The folder $T/no/such does not exist" "$T/err"
run --db "$DB" letters "$TITLE" --held 2026-09-10 --format pdf
ok "an unknown format is a usage error" contains "--format takes text or html, not \"pdf\"" "$T/err"
run --db "$DB" letters "$TITLE" --held 2026-09-10 --date 2026-11-20
ok "--date without --mark-sent is a usage error" status_is 2
run --db "$DB" letters "$TITLE" --held 2026-09-10 --output /proc
ok "letters into a place that cannot be written: status 3" status_is 3
ok "saying nothing was written" contains "cannot be written" "$T/err"

mkdir "$T/letters"
run --db "$DB" letters "$TITLE" --held 2026-09-10 --output "$T/letters" --mark-sent --date 2026-11-20
ok "letters are written" status_is 0
ok "one to each service user and carer who came, in their format" contains "Wrote 4 letters about $TITLE, 10 September 2026 to $T/letters:
  Ann B. (standard print): $T/letters/2026-09-10 Ann B.txt
  Carl B. (braille): $T/letters/2026-09-10 Carl B.txt
  Zofia Ł. (large print): $T/letters/2026-09-10 Zofia Ł.html
  中 Wei (easy read): $T/letters/2026-09-10 中 Wei.html
Before it is sent, Carl B.'s letter must be produced in braille.
Recorded feedback given by letter on 2026-11-20 to 4 people." "$T/out"
ok "and nothing else" only "$T/letters" "2026-09-10 Ann B.txt" "2026-09-10 Carl B.txt" "2026-09-10 Zofia Ł.html" "2026-09-10 中 Wei.html"
ok "each readable by its owner only" bash -c "[ \"\$(stat -c %a '$T/letters'/* | sort -u)\" = 600 ]"
ok "the braille letter says so first" bash -c "head -1 '$T/letters/2026-09-10 Carl B.txt' | grep -qx 'This letter needs to be produced in braille before it is sent to Carl B.'"
ok "a letter says what was said and what was done" contains "You said: Buses stop at six, too early" "$T/letters/2026-09-10 Ann B.txt"
ok "and what was not possible and why" contains "Why not: The building is shut on Sundays." "$T/letters/2026-09-10 Ann B.txt"
ok "large print is 18 point" contains "font-size:18pt" "$T/letters/2026-09-10 Zofia Ł.html"
if [ -x "$PY" ]; then
    "$PY" "$here/check_html.py" "$T/letters/2026-09-10 Zofia Ł.html" "$T/letters/2026-09-10 中 Wei.html" > "$T/html.txt" 2>&1
    status=$?
    ok "the HTML letters are sound, accessible documents" status_is 0
    [ "$status" -eq 0 ] || sed 's/^/#   /' "$T/html.txt"
fi
run --db "$DB" due --format tsv
ok "marking them sent leaves no feedback owed for the meeting" bash -c "! grep -q 'feedback_' '$T/out'"
run --db "$DB" letters "$TITLE" --held 2026-09-10 --output "$T/letters" --mark-sent
ok "writing them again records nothing twice" contains "Recorded feedback given by letter on 2026-11-22 to 0 people; 4 had been told before, and their record is as it was." "$T/out"

finish
