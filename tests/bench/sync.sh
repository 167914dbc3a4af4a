#!/usr/bin/env bash
# sync.sh: how long a year's work takes to travel between laptops, and the
# memory it needs. Prints figures; asserts nothing.
#
#   tests/bench/sync.sh [SCALE...]        (default: 1 100)
#
# INVOLVE names the program (default build/tui/involve). A laptop's record at
# scale N is N local authorities' years (scale 1: about 20 projects, 300
# people, 400 meetings, 4,000 attendances, 3,000 contributions). It is built
# by "involve demo --scale N" (or, with SYNC_BENCH_SQL=1 or an involve without
# that command, by the SQL below, which gives about the same volume).
# For each scale it times, as whole processes:
#   export --all      everything, as a facilitator starts a new laptop
#   apply (new)       that file into an empty database
#   apply (again)     a second export of everything into the laptop that has it
#   export/apply week a week's changes (1% of meetings edited, 1% more added)
set -eu
INVOLVE=${INVOLVE:-build/tui/involve}
[ -x "$INVOLVE" ] || { echo "sync.sh: build first (no $INVOLVE)" >&2; exit 77; }
command -v sqlite3 > /dev/null || { echo "sync.sh: needs the sqlite3 shell" >&2; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/involve-bench-XXXXXX")
trap 'rm -rf "$T"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"

# A year's work at scale $2 in database $1, through the SQL any involve database takes.
generate_sql() {
    local db=$1 s=$2
    "$INVOLVE" --db "$db" sync name LAPTOP-A > /dev/null
    sqlite3 "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE ids (kind TEXT, n INTEGER, id INTEGER, PRIMARY KEY (kind, n)) WITHOUT ROWID;
INSERT INTO ids SELECT k.kind, g.value, (random() & 9223372036854775807) | 1
  FROM (SELECT 'project' AS kind, 20 AS per UNION ALL SELECT 'person', 300
        UNION ALL SELECT 'meeting', 400 UNION ALL SELECT 'decision', 60) k,
       generate_series(1, k.per * $s) g;
INSERT INTO project (id, created_at, updated_at, title, kind, service_area, lead, started_on, notes)
  SELECT id, '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z',
         printf('Programme %d: day opportunities redesign', n), 'redesign',
         'Adult social care', 'Commissioning lead ' || n, '2026-01-05',
         'Co-produced with the carers'' forum and the learning disability partnership board.'
  FROM ids WHERE kind = 'project';
INSERT INTO person (id, created_at, updated_at, name, roles, preferred_format, contact,
                    support_needs, benefits_concern, consent_on, consent_scope, first_involved_on)
  SELECT id, '2026-01-10T09:00:00.000Z', '2026-01-10T09:00:00.000Z', printf('Person %d', n),
         CASE n % 3 WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 3 END,
         CASE n % 5 WHEN 0 THEN 'easy_read' WHEN 1 THEN 'large_print' ELSE 'standard' END,
         printf('0161 496 %04d', n % 10000), CASE n % 4 WHEN 0 THEN 'hearing loop' END,
         n % 7 = 0, '2026-01-10', 'Involvement in commissioning', '2026-01-10'
  FROM ids WHERE kind = 'person';
INSERT INTO decision (id, created_at, updated_at, project_id, title, decided_on, decided_by, summary)
  SELECT d.id, '2026-06-01T09:00:00.000Z', '2026-06-01T09:00:00.000Z', p.id,
         printf('Decision %d', d.n), '2026-06-01', 'Joint commissioning board',
         'Agreed the service model after the consultation.'
  FROM ids d JOIN ids p ON p.kind = 'project' AND p.n = (d.n - 1) % (20 * $s) + 1
  WHERE d.kind = 'decision';
INSERT INTO stage (id, created_at, updated_at, project_id, stage, status, purpose, users_role,
                   open_to_change, not_open_to_change, who_decides, agreed_on)
  SELECT (random() & 9223372036854775807) | 1, '2026-01-06T09:00:00.000Z', '2026-01-06T09:00:00.000Z',
         p.id, s.value, 'active', 'Hear what matters to people who use the service',
         'Shape the options', 'How the service is delivered', 'The overall budget',
         'The joint commissioning board', '2026-01-06'
  FROM ids p, json_each('["framework","context","needs","budget","strategy","priorities","test","decisions","procurement","commission","monitoring","review"]') s
  WHERE p.kind = 'project';
INSERT INTO meeting (id, created_at, updated_at, project_id, stage, title, held_on, status, method,
                     purpose, open_to_change, venue, venue_accessible, papers_sent_on, convenor, notes,
                     feedback_due_on)
  SELECT m.id, printf('2026-%02d-%02dT10:00:00.000Z', m.n % 12 + 1, m.n % 28 + 1),
         printf('2026-%02d-%02dT16:00:00.000Z', m.n % 12 + 1, m.n % 28 + 1), p.id, 'needs',
         printf('Carers'' forum %d', m.n), printf('2026-%02d-%02d', m.n % 12 + 1, m.n % 28 + 1),
         'held', 'meeting', 'Hear carers on respite and day services',
         'How respite is booked and when', 'Community hall', 1,
         printf('2026-%02d-%02d', m.n % 12 + 1, m.n % 28 + 1), 'Engagement officer',
         'People said booking respite takes too long and the forms are hard to follow. '
         || 'Several carers asked for evening sessions. We agreed to send easy read notes.',
         printf('2026-%02d-%02d', (m.n + 1) % 12 + 1, m.n % 28 + 1)
  FROM ids m JOIN ids p ON p.kind = 'project' AND p.n = (m.n - 1) % (20 * $s) + 1
  WHERE m.kind = 'meeting';
CREATE TEMP TABLE seat AS
  SELECT m.n AS mn, m.id AS meeting_id, p.id AS person_id, k.value AS k
  FROM ids m CROSS JOIN generate_series(0, 9) k CROSS JOIN ids p
  WHERE m.kind = 'meeting' AND p.kind = 'person' AND p.n = (m.n * 7 + k.value * 31) % (300 * $s) + 1;
INSERT INTO attendance (id, created_at, updated_at, meeting_id, person_id, role, attended, needs_met)
  SELECT (random() & 9223372036854775807) | 1, '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z',
         meeting_id, person_id, CASE k % 3 WHEN 0 THEN 'carer' ELSE 'service_user' END, 1, k % 5 <> 0
  FROM seat;
INSERT INTO contribution (id, created_at, updated_at, meeting_id, person_id, said, theme, response,
                          response_text, reason)
  SELECT (random() & 9223372036854775807) | 1, '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z',
         meeting_id, person_id, 'The respite booking form is too long; make it one page.',
         'respite', CASE k % 3 WHEN 0 THEN 'adopted' WHEN 1 THEN 'partly' ELSE 'pending' END,
         CASE k % 3 WHEN 2 THEN NULL ELSE 'The form is now two pages, with an easy read version.' END,
         CASE k % 3 WHEN 1 THEN 'The legal wording has to stay.' END
  FROM seat WHERE k < 8 AND (mn + k) % 4 <> 0;
INSERT INTO feedback (id, created_at, updated_at, meeting_id, person_id, given_on, method, format, summary)
  SELECT (random() & 9223372036854775807) | 1, '2026-04-01T10:00:00.000Z', '2026-04-01T10:00:00.000Z',
         meeting_id, person_id, '2026-04-01', 'letter', 'standard', 'You said, we did: the new form.'
  FROM seat WHERE k < 5;
INSERT INTO payment (id, created_at, updated_at, person_id, meeting_id, kind, amount_pence, claimed_on, paid_on)
  SELECT (random() & 9223372036854775807) | 1, '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z',
         person_id, meeting_id, CASE k WHEN 0 THEN 'travel' ELSE 'fee' END, 2500, '2026-03-02',
         CASE k % 4 WHEN 0 THEN NULL ELSE '2026-03-20' END
  FROM seat WHERE k < 4 AND mn % 16 <> 0;
INSERT INTO action (id, created_at, updated_at, project_id, meeting_id, summary, owner, due_on)
  SELECT (random() & 9223372036854775807) | 1, '2026-03-03T10:00:00.000Z', '2026-03-03T10:00:00.000Z',
         p.id, m.id, 'Send the easy read notes to everyone who came', 'Engagement officer', '2026-03-20'
  FROM ids m JOIN ids p ON p.kind = 'project' AND p.n = (m.n - 1) % (20 * $s) + 1
  WHERE m.kind = 'meeting' AND m.n % 2 = 0;
COMMIT;
SQL
}

generate() {
    if [ -z "${SYNC_BENCH_SQL:-}" ] && "$INVOLVE" --help | grep -q "involve demo"; then
        "$INVOLVE" --db "$1" demo --scale "$2" > /dev/null
        "$INVOLVE" --db "$1" sync name LAPTOP-A > /dev/null
    else
        generate_sql "$1" "$2"
    fi
    "$INVOLVE" --db "$1" summary > /dev/null # settles derived due dates before timing
}

# Run involve with the given arguments; prints "seconds peak-MB".
measure() {
    /usr/bin/time -f "%e %M" -o "$T/time" "$INVOLVE" "$@" > "$T/out" 2> "$T/err" || {
        echo "sync.sh: involve $* failed:" >&2; cat "$T/err" >&2; exit 1; }
    awk '{ printf "%6.2f s %6.0f MB", $1, $2 / 1024 }' "$T/time"
}

size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }

for scale in "${@:-1 100}"; do
    for s in $scale; do
        rm -rf "$T"/*.db* "$T"/*.sync
        A="$T/a.db" B="$T/b.db"
        generate "$A" "$s"
        rows=$(sqlite3 "$A" "SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM person) + (SELECT count(*) FROM decision) + (SELECT count(*) FROM stage) + (SELECT count(*) FROM meeting) + (SELECT count(*) FROM attendance) + (SELECT count(*) FROM contribution) + (SELECT count(*) FROM feedback) + (SELECT count(*) FROM payment) + (SELECT count(*) FROM action)")
        echo "scale $s: $rows records, database $(size_mb "$A")"
        "$INVOLVE" --db "$B" sync name LAPTOP-B > /dev/null
        echo "  export --all            $(measure --db "$A" sync export "$T/all.sync" --all)   file $(size_mb "$T/all.sync")"
        echo "  apply into a new laptop $(measure --db "$B" sync apply "$T/all.sync")"
        cmp -s <(sqlite3 "$A" "SELECT * FROM meeting ORDER BY id") <(sqlite3 "$B" "SELECT * FROM meeting ORDER BY id") \
            || { echo "sync.sh: the laptops differ after the first apply" >&2; exit 1; }
        "$INVOLVE" --db "$A" sync export "$T/all2.sync" --all > /dev/null
        echo "  apply everything again  $(measure --db "$B" sync apply "$T/all2.sync")"
        # B answers (confirming), then A works for a week.
        "$INVOLVE" --db "$B" sync export "$T/b.sync" > /dev/null
        "$INVOLVE" --db "$A" sync apply "$T/b.sync" > /dev/null
        sqlite3 "$A" "UPDATE meeting SET notes = notes || ' Follow-up agreed.', updated_at = '2026-11-20T10:00:00.000Z' WHERE id % 100 = 7;
                      INSERT INTO meeting (id, created_at, updated_at, project_id, title, held_on, status)
                        SELECT (random() & 9223372036854775807) | 1, '2026-11-21T10:00:00.000Z', '2026-11-21T10:00:00.000Z',
                               project_id, 'Follow-up ' || title, '2026-11-21', 'planned' FROM meeting WHERE id % 100 = 11;"
        echo "  export a week's changes $(measure --db "$A" sync export "$T/week.sync")   file $(size_mb "$T/week.sync"), $(grep -a '^changes ' "$T/week.sync" | cut -d' ' -f2) changes"
        echo "  apply a week's changes  $(measure --db "$B" sync apply "$T/week.sync")"
    done
done
