#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# "involve due" and "involve check" from the command line: formats, exit
# statuses, sentences for bad input, valid JSON, and no escape bytes reaching
# the terminal from stored text. TAP output.
#
# Usage: rules.sh INVOLVE RULES_DB
set -u
involve=$1
make_db=$2
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is needed"; exit 77; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/involve-cli-XXXXXX")
trap 'rm -rf "$dir"' EXIT
db=$dir/involve.db
"$make_db" "$db" || { echo "Bail out! could not build the test database"; exit 1; }
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$dir/config XDG_DATA_HOME=$dir/data
run() { "$involve" --db "$db" "$@" >"$dir/out" 2>"$dir/err"; echo $? >"$dir/status"; }
status() { cat "$dir/status"; }

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); echo "not ok $n - $1"
	sed 's/^/# out: /' "$dir/out"; sed 's/^/# err: /' "$dir/err"
}
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
has() { grep -qF -- "$1" "$dir/out"; }
err_has() { grep -qF -- "$1" "$dir/err"; }
# True when the output holds no byte below space except newline, and no DEL.
clean() { ! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$dir/out"; }
# The same for tab-separated values, where tabs are the separators.
clean_tsv() { ! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$dir/out"; }
json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$dir/out"; }

run due
check "due exits 0" '[ "$(status)" = 0 ]'
check "due opens with what is owed and today's date last" \
	'head -n 1 "$dir/out" | grep -qx "Due: feedback for 3 people from 2 meetings; 1 payment and 1 commitment overdue. Today is 2026-11-22."'
check "due groups people per meeting, most overdue first" \
	'has "OVERDUE by 24 days: tell 2 people what came of Day services workshop (Day services redesign), held 2026-10-01, due 2026-10-29." &&
	 [ "$(grep -n "OVERDUE by 24" "$dir/out" | cut -d: -f1)" -lt "$(grep -n "DUE in 3 days" "$dir/out" | cut -d: -f1)" ]'
check "due names each person with their format" 'has "  Ann B., in easy read." && has "in large print."'
check "due lists overdue payments and commitments" \
	'has "OVERDUE: Pay Ann B. £12.50 for travel (Day services workshop, 2026-10-01), claimed on 2026-10-23: due 2026-11-20, 2 days overdue." &&
	 has "OVERDUE: Do what was promised at Day services workshop (2026-10-01): \"Send the notes in easy read\", due 2026-11-20, 2 days overdue."'
check "due text has no escape or control bytes from stored text" 'clean'

run due --within 0
check "--within 0 leaves out feedback due in 3 days" '! has "DUE in 3 days" && has "OVERDUE by 24 days"'
run due --within=3
check "--within=3 takes it in" 'has "DUE in 3 days: tell 2 people"'

run due --format tsv
check "due tsv has the header row" \
	'head -n 1 "$dir/out" | grep -qx "$(printf "rule\tseverity\tproject\tstage\tmeeting\theld_on\tperson\tdue\tdays\tmessage")"'
check "due tsv has one row per finding, ten columns each" \
	'[ "$(wc -l <"$dir/out")" = 7 ] && awk -F "\t" "NF != 10 { exit 1 }" "$dir/out"'
check "due tsv rows give days negative when overdue" \
	'grep -q "$(printf "^feedback_overdue\terror\tDay services redesign\tNeeds assessment\tDay services workshop\t2026-10-01\tAnn B.\t2026-10-29\t-24\t")" "$dir/out"'
check "due tsv is clean" 'clean_tsv'

run due --format json
check "due json is valid" 'json_ok'
check "due json has today and the findings in order" \
	'python3 - "$dir/out" <<PY
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["today"] == "2026-11-22"
f = d["findings"]
assert [x["rule"] for x in f] == ["feedback_overdue"] * 2 + ["feedback_due_soon"] * 2 + ["payment_overdue", "action_overdue"], f
assert list(f[0]) == ["rule", "severity", "project", "stage", "meeting", "held_on", "person", "due", "days", "message"]
assert f[0]["days"] == -24 and f[0]["due"] == "2026-10-29" and f[2]["days"] == 3
assert f[5]["person"] is None and f[5]["stage"] == "Needs assessment"
assert any(x["person"] == "Bob \"Bobby\" C.\\\\" for x in f), [x["person"] for x in f]
assert all("\x1b" not in (x["meeting"] or "") for x in f)
PY'

run check
check "check exits 1 when a finding is an error" '[ "$(status)" = 1 ]'
check "check lists the most serious first, with the rule id last" \
	'head -n 2 "$dir/out" | tail -n 1 | grep -q "^ERROR: Tell .* what came of Day services workshop (2026-10-01).*: due 2026-10-29, 24 days overdue. \[feedback_overdue\]$"'
check "check text is clean" 'clean'
check "check counts by severity" 'head -n 1 "$dir/out" | grep -q "^7 findings: 4 errors, 3 warnings and 0 for information. Today is 2026-11-22.$"'

run check --format json
check "check json is valid and sorted by severity then due date" \
	'json_ok && python3 - "$dir/out" <<PY
import json, sys
f = json.load(open(sys.argv[1], encoding="utf-8"))["findings"]
order = {"error": 0, "warning": 1, "info": 2}
keys = [(order[x["severity"]], x["due"] or "9999") for x in f]
assert keys == sorted(keys), keys
PY'

run check --severity warning --rule feedback_due_soon --rule action_overdue --format tsv
check "check with only warnings exits 0" '[ "$(status)" = 0 ]'
check "--rule picks the rules" '[ "$(cut -f 1 "$dir/out" | sort -u | tr "\n" " ")" = "action_overdue feedback_due_soon rule " ]'

run check --severity error --rule action_overdue
check "--severity error leaves warnings out" '[ "$(status)" = 0 ] && has "No findings for the rules and severity asked for."'

run check --explain feedback_overdue
check "--explain says why and shows the settings with their values" \
	'[ "$(status)" = 0 ] && has "Missing feedback is the main cause of cynicism and withdrawal" &&
	 has "  feedback.due_days = 20. " && has "  calendar.holidays = 24 dates, from 2025-01-01 to 2027-12-28." &&
	 has "  rules.feedback_overdue.enabled = true."'
run check --explain
check "--explain alone lists the 30 rules" '[ "$(grep -c "^  [a-z_]* (" "$dir/out")" = 30 ]'

run check --rule feedback_overdew
check "an unknown rule id is a usage error" \
	'[ "$(status)" = 2 ] && err_has "there is no rule called \"feedback_overdew\"; \"involve check --explain\" lists the rules."'
run check --explain nope
check "an unknown rule to explain is a usage error" '[ "$(status)" = 2 ] && err_has "no rule called \"nope\""'
run check --severity loud
check "an unknown severity is a usage error" \
	'[ "$(status)" = 2 ] && err_has "--severity takes error, warning or info, not \"loud\"."'
run due --within soon
check "--within must be a whole number of days" \
	'[ "$(status)" = 2 ] && err_has "--within takes a whole number of days from 0 to 3650, not \"soon\"."'
run due --within -1
check "--within cannot be negative" '[ "$(status)" = 2 ]'
run due --within
check "--within needs a value" '[ "$(status)" = 2 ] && err_has "--within needs a number of days after it."'
run due --format xml
check "an unknown format is a usage error" '[ "$(status)" = 2 ] && err_has "--format takes text, tsv or json, not \"xml\"."'
run due --soon
check "an unknown option is a usage error" '[ "$(status)" = 2 ] && err_has "due does not take \"--soon\""'

printf 'feedback = { warn_days = 99; };\n' >"$dir/range.conf"
run --config "$dir/range.conf" due
check "a threshold out of range in the settings is exit 3" \
	'[ "$(status)" = 3 ] && err_has "range.conf:1: feedback.warn_days is 99, but it must be a whole number from 0 to 60"'
printf 'rules = { feedback_overdew = { enabled = false; }; };\n' >"$dir/rule.conf"
run --config "$dir/rule.conf" check
check "an unknown rule id in the settings is exit 3" '[ "$(status)" = 3 ] && err_has "there is no rule called \"feedback_overdew\""'
run config --check "$dir/rule.conf"
check "config --check reports an unknown rule id" '[ "$(status)" = 3 ] && err_has "feedback_overdew"'
printf 'rules = { feedback_overdue = { enabled = false; }; framework_first = { severity = "info"; };\n  payment_overdue = { severity = "warning"; }; };\n' >"$dir/off.conf"
run --config "$dir/off.conf" check
check "switched off and lowered rules leave no errors: exit 0" '[ "$(status)" = 0 ] && ! has "[feedback_overdue]" && has "INFO: "'
run --config "$dir/off.conf" check --rule feedback_overdue
check "asking for a switched-off rule says so" 'err_has "feedback_overdue is switched off in the settings"'

run --db "$dir/missing.db" due
check "a missing database is exit 3 with a sentence" '[ "$(status)" = 3 ] && err_has "There is no database at"'

echo "1..$n"
