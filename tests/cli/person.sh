#!/usr/bin/env bash
# involve person show|export|forget: one person's data, found by name or
# number; everything held about them in text and JSON; forgetting that
# erases their personal details for good and keeps what they said.
. "$(dirname "$0")/lib.sh"
: "${FIXTURE:?FIXTURE must name the fixture program}"
db="$T/people.db"
eval "$("$FIXTURE" "$db")"
: "${ann:?}" "${sam1:?}" "${sam2:?}" "${hostile:?}"

# A file holds no control byte but newline, and is valid UTF-8.
safe_text() {
    python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
data.decode('utf-8')  # strict: raises on invalid UTF-8
bad = [b for b in data if (b < 0x20 and b != 0x0a) or b == 0x7f]
text = data.decode('utf-8')
c1 = [c for c in text if 0x80 <= ord(c) < 0xa0 or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]
sys.exit(1 if bad or c1 else 0)
PY
}

# json_has FILE PYTHON-EXPRESSION: the JSON in FILE parses and the expression (over d) is true.
json_has() {
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$1"
}

run --db "$db" person show "ann b."
ok "show finds a person by name, whatever the case" status_is 0
ok "with their record as Label: value lines" contains "  Contact: ann.b@example.org 07700 900123" "$T/out"
ok "and how much is recorded about them" \
    contains "Recorded about them: 2 meetings, 1 thing said, feedback given 1 time, 1 payment" "$T/out"

run --db "$db" person show "Sam K."
ok "a name two people share is a usage error" status_is 2
ok "saying how many share it" contains '2 people are called "Sam K."' "$T/err"
ok "and listing each by number with what tells them apart" \
    bash -c "grep -q '#$sam1: service user; first involved 2024-05-01; 1 meeting' '$T/err' &&
             grep -q '#$sam2: carer; first involved 2026-01-10; 0 meetings' '$T/err'"
run --db "$db" person show "#$sam2"
ok "a number picks one of them" contains "  Roles: carer" "$T/out"
run --db "$db" person show "Nobody Atall"
ok "a name no one has is a usage error" status_is 2
ok "with a sentence" contains 'No one called "Nobody Atall" is recorded' "$T/err"
run --db "$db" person show
ok "a missing PERSON is a usage error" status_is 2
run --db "$db" person frobnicate "Ann B."
ok "an unknown action is a usage error" status_is 2

run --db "$db" person export "Ann B."
ok "export succeeds" status_is 0
cp "$T/out" "$T/ann.txt"
for want in "Everything involve holds about Ann B. (#$ann), exported on 2026-11-22." \
    "  Support needs: hearing loop; step-free access" \
    ". At Carers' forum, 2026-10-02, project Day opportunities redesign" \
    "     What was said: The bus never comes on time, so I miss sessions." \
    "     Reason: The bus contract is not ours to change." \
    "     Summary: Told her about the new start time." \
    "     Amount: £12.40" \
    "     Commitment: Send the minutes in easy read" \
    "person Ann B. added."; do
    ok "the text export holds: $want" contains "$want" "$T/ann.txt"
done
ok "and nothing of anyone else" bash -c "! grep -q 'Sam K' '$T/ann.txt'"

run --db "$db" person export "Ann B." --format json
ok "the JSON export succeeds" status_is 0
cp "$T/out" "$T/ann.json"
ok "and is one valid JSON object with every section" \
    json_has "$T/ann.json" "sorted(d) == sorted(['exported_on','person','attendance','contributions','feedback','payments','commitments','history'])"
ok "the person record in full" \
    json_has "$T/ann.json" "d['person']['contact'] == 'ann.b@example.org 07700 900123' and d['person']['notes'] == 'Prefers mornings.\nLives near the bus station.' and d['person']['roles'] == ['service_user','carer']"
ok "every attendance with meeting title, date and project" \
    json_has "$T/ann.json" "sorted((a['meeting']['title'], a['meeting']['held_on'], a['meeting']['project']) for a in d['attendance']) == [(\"Carers' forum\", '2026-10-02', 'Day opportunities redesign'), ('Transport workshop', '2026-10-20', 'Day opportunities redesign')]"
ok "what they said and the response" \
    json_has "$T/ann.json" "d['contributions'][0]['said'].startswith('The bus never') and d['contributions'][0]['response'] == 'partly'"
ok "feedback, payments (in pence) and commitments" \
    json_has "$T/ann.json" "d['feedback'][0]['format'] == 'translated' and d['payments'][0]['amount_pence'] == 1240 and d['commitments'][0]['summary'] == 'Send the minutes in easy read'"

run --db "$db" person export "#$ann" --format json --output "$T/sar/ann.json"
ok "--output into a missing folder fails with status 3" status_is 3
ok "and writes nothing" test ! -e "$T/sar"
mkdir "$T/sar"
(umask 000; involve --db "$db" person export "#$ann" --format json --output "$T/sar/ann.json" > "$T/out" 2> "$T/err")
ok "--output writes the file" cmp -s "$T/sar/ann.json" "$T/ann.json"
ok "readable by its owner only, whatever the umask" bash -c "[ \$(stat -c %a '$T/sar/ann.json') = 600 ]"
ok "saying where it went and to keep it safe" contains "to $T/sar/ann.json. It holds their personal details" "$T/out"
ok "leaving no temporary file" bash -c "[ \$(ls '$T/sar' | wc -l) = 1 ]"

# Hostile text: stored as typed, never shown with a control character.
for action in show export; do
    run --db "$db" person "$action" "#$hostile"
    ok "person $action of a hostile name succeeds" status_is 0
    ok "person $action output holds no control character and is valid UTF-8" safe_text "$T/out"
    ok "person $action output still shows the readable part" contains "Name: Evil" "$T/out"
    run --db "$db" person "$action" "#$hostile" --format json
    ok "person $action --format json holds no raw control byte and is valid UTF-8" safe_text "$T/out"
    ok "and escapes the escape sequence so it reads back as stored" \
        json_has "$T/out" "d['person']['name'].startswith('Evil\x1b[2J\x1b]0;pwned\x07 Name\x9b31m')"
done

# Forgetting.
run --db "$db" person forget "Ann B."
ok "forget without --yes is a usage error" status_is 2
ok "saying what would be erased" \
    contains "forgetting Ann B. (#$ann) would erase their name, language, contact, support needs, consent scope, tags and notes for good" "$T/err"
ok "and what would be kept" contains "keep their 2 attendances, 1 contribution, 1 feedback record and 1 payment" "$T/err"
ok "and how to do it" contains "involve person forget \"#$ann\" --yes" "$T/err"
run --db "$db" person show "#$ann"
ok "and nothing changed" contains "Contact: ann.b@example.org" "$T/out"

run --db "$db" person forget "Ann B." --yes
ok "forget --yes succeeds" status_is 0
ok "saying what was erased and kept" \
    contains "Forgot person #$ann: erased their name, language, contact, support needs, consent scope, tags and notes; kept their 2 attendances" "$T/out"
ok "and where free text still names them" contains "meeting Transport workshop (2026-10-20): notes" "$T/out"
ok "and the journal was emptied (no warning)" bash -c "[ ! -s '$T/err' ]"
ok "the name is gone" bash -c "! grep -q 'Ann B\.' '$T/out'"
for secret in "ann.b@example.org" "hearing loop" "young carers" "Prefers mornings" "Polish" "day services only"; do
    ok "no trace of \"$secret\" in the file or its journal" \
        bash -c "! cat '$db' '$db-wal' 2>/dev/null | grep -aqF '$secret'"
done
run --db "$db" person show "#$ann"
ok "the person reads as \"a participant\"" contains "$(printf 'a participant %06x' $((ann & 0xffffff))) (#$ann), forgotten" "$T/out"
ok "with counts kept" contains "Recorded about them: 2 meetings, 1 thing said, feedback given 1 time, 1 payment" "$T/out"
run --db "$db" person export "#$ann" --format json
ok "what they said is kept" \
    json_has "$T/out" "d['person']['anonymised'] is True and d['person']['contact'] is None and d['contributions'][0]['said'].startswith('The bus never')"
run --db "$db" person show "Ann B."
ok "the old name no longer finds them" status_is 2
run --db "$db" audit
ok "the change log says it happened" contains "person $(printf 'a participant %06x' $((ann & 0xffffff))): person forgotten." "$T/out"
ok "and names no one by the erased name" bash -c "! grep -q 'Ann B\.' '$T/out'"

finish
