#!/usr/bin/env bash
# involve sync: two laptops start from one export, change the same meeting
# offline, exchange files and end with the same records; the conflict is told
# in words; a file applied twice, a damaged file and bad usage change nothing.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 > /dev/null || { echo "1..0 # SKIP the sqlite3 shell is not installed"; exit 0; }

A="$T/a.db" B="$T/b.db"
records() { sqlite3 "$1" "SELECT * FROM project ORDER BY id; SELECT * FROM meeting ORDER BY id;"; }
same_records() { records "$A" > "$T/a.records"; records "$B" > "$T/b.records"; cmp -s "$T/a.records" "$T/b.records"; }

run --db "$A" sync name LAPTOP-A
ok "a laptop can be named" contains "This laptop is now called LAPTOP-A." "$T/out"
run --db "$B" sync name "LAPTOP-B"
run --db "$A" sync name
ok "and says its name" contains "This laptop is LAPTOP-A." "$T/out"

sqlite3 "$A" "INSERT INTO project (id, created_at, updated_at, title) VALUES
  (11, '2026-09-01T10:00:00.000Z', '2026-09-01T10:00:00.000Z', 'Day services redesign');
INSERT INTO meeting (id, created_at, updated_at, project_id, title, held_on, notes) VALUES
  (21, '2026-09-01T10:00:00.000Z', '2026-09-01T10:00:00.000Z', 11, 'Carers'' forum', '2026-10-02', 'first notes');"

run --db "$A" sync export "$T/start.sync"
ok "exporting for a new laptop succeeds" status_is 0
ok "and says it holds everything" contains "everything this laptop holds (2 records)" "$T/out"
run --db "$B" sync apply "$T/start.sync"
ok "a new laptop applies it" status_is 0
ok "and joins the record" contains "now shares the record kept by LAPTOP-A" "$T/out"
ok "ending with the same records" same_records

sqlite3 "$A" "UPDATE meeting SET notes = 'notes from A', updated_at = '2026-10-03T09:00:00.000Z' WHERE id = 21"
sqlite3 "$B" "UPDATE meeting SET notes = 'notes from B', updated_at = '2026-10-03T11:00:00.000Z' WHERE id = 21"
run --db "$B" sync export "$T/b1.sync"
ok "B writes for the one laptop it knows" contains "for LAPTOP-A" "$T/out"
run --db "$A" sync export "$T/a1.sync"
run --db "$A" sync apply "$T/b1.sync"
ok "A applies B's file" status_is 0
ok "reporting the conflict in words" contains "1. Meeting *Carers' forum* 2026-10-02: notes changed on both; kept the later version from LAPTOP-B, earlier text saved in the audit log." "$T/out"
run --db "$B" sync apply "$T/a1.sync"
ok "B applies A's file" status_is 0
ok "and is told it kept its own later notes" contains "kept the later version made here, LAPTOP-A's earlier text saved in the audit log" "$T/out"
ok "both end with the same records" same_records
ok "with B's later notes" bash -c "[ \"\$(sqlite3 '$A' 'SELECT notes FROM meeting')\" = 'notes from B' ]"
ok "and A's text kept in A's audit log" bash -c "sqlite3 '$A' \"SELECT detail FROM audit WHERE op = 'note'\" | grep -q 'notes from A'"

records "$A" > "$T/a.before"
run --db "$A" sync apply "$T/b1.sync"
ok "applying a file twice succeeds" status_is 0
ok "saying it was applied before" contains "was applied here before" "$T/out"
records "$A" > "$T/a.after"
ok "and changes nothing" cmp -s "$T/a.before" "$T/a.after"

head -c 300 "$T/b1.sync" > "$T/cut.sync"
run --db "$A" sync apply "$T/cut.sync"
ok "a truncated file is refused with status 3" status_is 3
ok "saying so" contains "cut.sync is incomplete" "$T/err"
records "$A" > "$T/a.after"
ok "with nothing changed" cmp -s "$T/a.before" "$T/a.after"

run --db "$A" sync status
ok "status names the other laptop" contains "1. LAPTOP-B (database " "$T/out"
ok "and when it last sent a file" contains "last received" "$T/out"

run --db "$A" sync
ok "sync alone is a usage error" status_is 2
run --db "$A" sync export
ok "export without a file is a usage error" status_is 2
run --db "$A" sync export "$T/x.sync" --to LAPTOP-B --all
ok "--to with --all is a usage error" status_is 2
run --db "$A" sync export "$T/x.sync" --to LAPTOP-Z
ok "an unknown laptop is a usage error" status_is 2
ok "naming the laptops heard from" contains "heard from: LAPTOP-B" "$T/err"
ok "and writing nothing" test ! -e "$T/x.sync"

finish
