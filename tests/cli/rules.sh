#!/usr/bin/env bash
# "involve due" and "involve check": formats, exit statuses, sentences for bad
# input, valid JSON, and no escape bytes reaching the terminal from stored
# text. RULES_DB is the program that builds the test database (rules_db.c).
. "$(dirname "$0")/lib.sh"
: "${RULES_DB:?RULES_DB must name the rules_db program}"
command -v python3 > /dev/null 2>&1 || { echo "1..0 # SKIP python3 is needed"; exit 77; }

db=$T/involve.db
"$RULES_DB" "$db" || { echo "Bail out! could not build the test database"; exit 1; }

has() { contains "$1" "$T/out"; }
err_has() { contains "$1" "$T/err"; }
line_is() { [ "$(sed -n "$1p" "$T/out")" = "$2" ]; }
before() { # the line holding $1 comes before the one holding $2
    local a b
    a=$(grep -nF -- "$1" "$T/out" | head -1 | cut -d: -f1)
    b=$(grep -nF -- "$2" "$T/out" | head -1 | cut -d: -f1)
    [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}
# No byte below space except newline (and tab where allowed), and no DEL.
clean() { ! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$T/out"; }
clean_tsv() { ! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/out"; }
json_ok() { python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$T/out"; }
py() { python3 - "$T/out"; } # run the python on stdin against the output

run --db "$db" due
ok "due succeeds" status_is 0
ok "due opens with what is owed, today's date last" line_is 1 \
    "Due: feedback for 3 people from 2 meetings; 1 payment and 1 commitment overdue. Today is 2026-11-22."
ok "due groups the people to tell per meeting" has \
    "OVERDUE by 24 days: tell 2 people what came of Day services workshop (Day services redesign), held 2026-10-01, due 2026-10-29."
ok "most overdue first" before "OVERDUE by 24 days" "DUE in 3 days: tell 2 people"
ok "each person with their preferred format" has "  Ann B., in easy read."
ok "a format named for everyone" has "in large print."
ok "overdue payments follow" has \
    "OVERDUE: Pay Ann B. £12.50 for travel (Day services workshop, 2026-10-01), claimed on 2026-10-23: due 2026-11-20, 2 days overdue."
ok "then overdue commitments" has \
    "OVERDUE: Do what was promised at Day services workshop (2026-10-01): \"Send the notes in easy read\", due 2026-11-20, 2 days overdue."
ok "no escape or control bytes from stored text" clean

run --db "$db" due --within 0
ok "--within 0 leaves out feedback due in 3 days" bash -c "! grep -q 'DUE in' '$T/out'"
run --db "$db" due --within=3
ok "--within=3 takes it in" has "DUE in 3 days: tell 2 people"

run --db "$db" due --format tsv
ok "tsv has its header row" line_is 1 "$(printf 'rule\tseverity\tproject\tstage\tmeeting\theld_on\tperson\tdue\tdays\tmessage')"
ok "tsv has a row of ten columns per finding" \
    bash -c "[ \$(wc -l < '$T/out') = 7 ] && awk -F '\t' 'NF != 10 { exit 1 }' '$T/out'"
ok "tsv gives days negative when overdue" grep -q "$(printf '^feedback_overdue\terror\tDay services redesign\tNeeds assessment\tDay services workshop\t2026-10-01\tAnn B.\t2026-10-29\t-24\t')" "$T/out"
ok "tsv is clean" clean_tsv

run --db "$db" due --format json
ok "json is valid" json_ok
ok "json has today and the findings in their order, null where none" py << 'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["today"] == "2026-11-22"
f = d["findings"]
assert [x["rule"] for x in f] == ["feedback_overdue"] * 2 + ["feedback_due_soon"] * 2 + [
    "payment_overdue", "action_overdue"], f
assert list(f[0]) == ["rule", "severity", "project", "stage", "meeting", "held_on", "person",
                      "due", "days", "message"]
assert f[0]["days"] == -24 and f[0]["due"] == "2026-10-29" and f[2]["days"] == 3
assert f[5]["person"] is None and f[5]["stage"] == "Needs assessment"
assert 'Bob "Bobby" C.\\' in [x["person"] for x in f]
assert all("\x1b" not in (x["meeting"] or "") + (x["person"] or "") for x in f)
PY

run --db "$db" check
ok "check exits 1 when a finding is an error" status_is 1
ok "check counts findings by severity first" line_is 1 \
    "7 findings: 4 errors, 3 warnings and 0 for information. Today is 2026-11-22."
ok "most serious first, the rule id last" bash -c "sed -n 2p '$T/out' | grep -q '^ERROR: Tell .* what came of Day services workshop (2026-10-01).*: due 2026-10-29, 24 days overdue. \[feedback_overdue\]$'"
ok "check text is clean" clean

run --db "$db" check --format json
ok "check json is valid" json_ok
ok "check json is sorted by severity, then due date" py << 'PY'
import json, sys
f = json.load(open(sys.argv[1], encoding="utf-8"))["findings"]
order = {"error": 0, "warning": 1, "info": 2}
keys = [(order[x["severity"]], x["due"] or "9999") for x in f]
assert keys == sorted(keys), keys
PY

run --db "$db" check --severity warning --rule feedback_due_soon --rule action_overdue --format tsv
ok "warnings only: exit 0" status_is 0
ok "--rule picks the rules" bash -c "[ \"\$(cut -f 1 '$T/out' | sort -u | tr '\n' ' ')\" = 'action_overdue feedback_due_soon rule ' ]"
run --db "$db" check --severity error --rule action_overdue
ok "--severity error leaves warnings out" has "No findings for the rules and severity asked for."

run --db "$db" check --explain feedback_overdue
ok "--explain succeeds" status_is 0
ok "--explain says why it matters" has "Missing feedback is the main cause of cynicism and withdrawal"
ok "--explain gives each setting's value now" has "  feedback.due_days = 20. "
ok "--explain sums up the holidays" has "  calendar.holidays = 24 dates, from 2025-01-01 to 2027-12-28."
ok "--explain gives the rule's own settings" has "  rules.feedback_overdue.enabled = true."
run --db "$db" check --explain
ok "--explain alone lists the 30 rules" bash -c "[ \$(grep -c '^  [a-z_]* (' '$T/out') = 30 ]"

run --db "$db" check --rule feedback_overdew
ok "an unknown rule id is a usage error" status_is 2
ok "and says how to find the rules" err_has \
    'there is no rule called "feedback_overdew"; "involve check --explain" lists the rules.'
run --db "$db" check --explain nope
ok "an unknown rule to explain is a usage error" status_is 2
run --db "$db" check --severity loud
ok "an unknown severity is a usage error" status_is 2
ok "naming the severities" err_has '--severity takes error, warning or info, not "loud".'
run --db "$db" due --within soon
ok "--within must be a whole number" status_is 2
ok "of days, said so" err_has '--within takes a whole number of days from 0 to 3650, not "soon".'
run --db "$db" due --within -1
ok "--within cannot be negative" status_is 2
run --db "$db" due --within
ok "--within needs a value" err_has "--within needs a number of days after it."
run --db "$db" due --format xml
ok "an unknown format is a usage error" err_has '--format takes text, tsv or json, not "xml".'
run --db "$db" due --soon
ok "an unknown option is a usage error" err_has 'due does not take "--soon"'

printf 'feedback = { warn_days = 99; };\n' > "$T/range.conf"
run --db "$db" --config "$T/range.conf" due
ok "a threshold out of range in the settings is exit 3" status_is 3
ok "naming file, line and the range" err_has \
    "range.conf:1: feedback.warn_days is 99, but it must be a whole number from 0 to 60"
printf 'rules = { feedback_overdew = { enabled = false; }; };\n' > "$T/rule.conf"
run --db "$db" --config "$T/rule.conf" check
ok "an unknown rule id in the settings is exit 3" status_is 3
ok "naming the rule" err_has 'there is no rule called "feedback_overdew"'
run config --check "$T/rule.conf"
ok "config --check reports the unknown rule id too" status_is 3
printf 'rules = { feedback_overdue = { enabled = false; }; framework_first = { severity = "info"; };\n  payment_overdue = { severity = "warning"; }; };\n' > "$T/off.conf"
run --db "$db" --config "$T/off.conf" check
ok "switched-off and lowered rules leave no errors: exit 0" status_is 0
ok "the lowered rule shows at its new severity" has "INFO: Agree a framework"
run --db "$db" --config "$T/off.conf" check --rule feedback_overdue
ok "asking for a switched-off rule says so" err_has "feedback_overdue is switched off in the settings"

# The demo shows every rule at work, so a new user sees what each looks like.
run --db "$T/demo.db" demo
run --db "$T/demo.db" check --format tsv
ok "every rule fires on the demo" bash -c "[ \$(tail -n +2 '$T/out' | cut -f 1 | sort -u | wc -l) = 30 ]"
run --db "$T/demo.db" check --explain
ok "the demo check is for the same 30 rules" bash -c "[ \$(grep -c '^  [a-z_]* (' '$T/out') = 30 ]"
run --db "$T/demo.db" due
ok "due on the demo opens with a sentence" bash -c "head -n 1 '$T/out' | grep -q '^Due: feedback for [0-9]* people from [0-9]* meetings; '"

run --db "$T/missing.db" due
ok "a missing database is exit 3" status_is 3
ok "with a sentence" err_has "There is no database at"

finish
