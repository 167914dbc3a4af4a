#!/usr/bin/env bash
# A damaged database: a file with bytes flipped in the middle, a file cut
# short, and a file whose header is damaged. Each is reported with a
# sentence that says what to do, check-db runs the full integrity checks,
# and involve never changes the file.
. "$(dirname "$0")/../cli/lib.sh"
: "${WRITER:?WRITER must name the writer test program}"
db="$T/big.db"
"$WRITER" write "$db" "$T/big.log" --count 600 --note-bytes 1500
run --db "$db" check-db
ok "the database built for the test is sound" status_is 0

# flip FILE FROM TO: invert every byte from FROM to TO (fractions of the file, page aligned).
flip() {
    python3 - "$@" <<'PY'
import sys
path, lo, hi = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
data = bytearray(open(path, 'rb').read())
start = int(len(data) * lo) // 4096 * 4096
for i in range(start, int(len(data) * hi)):
    data[i] ^= 0xFF
open(path, 'wb').write(data)
PY
}

cp "$db" "$T/middle.db"
flip "$T/middle.db" 0.33 0.66
cp "$T/middle.db" "$T/middle.orig"
run --db "$T/middle.db" check-db
ok "check-db finds damage in the middle of the file" status_is 3
ok "saying it is damaged, that involve has not changed it, and what to do" \
    bash -c "grep -q 'middle.db is damaged (.*); involve has not changed it. Restore it from a backup, or copy what can be read with the sqlite3 .recover command.' '$T/err'"
ok "and leaves the file as it was" cmp -s "$T/middle.db" "$T/middle.orig"
run --db "$T/middle.db" audit
ok "a command that reads a damaged page exits 3" status_is 3
ok "with the sentence that says what to do" \
    contains "middle.db is damaged or is not a database; involve has not changed it. Run \"involve check-db\" for details, or restore it from a backup." "$T/err"
ok "and no raw SQLite message" bash -c "! grep -qi 'malformed' '$T/err'"
for cmd in summary "person export #1" "person show Writer person 1"; do
    # shellcheck disable=SC2086
    run --db "$T/middle.db" $cmd
    ok "involve $cmd either works or gives the damaged-file sentence" \
        bash -c "[ $status = 0 ] || [ $status = 2 ] || grep -q 'is damaged or is not a database; involve has not changed it' '$T/err'"
done
ok "no command changed the damaged file" cmp -s "$T/middle.db" "$T/middle.orig"

cp "$db" "$T/short.db"
truncate -s $(($(stat -c %s "$db") / 2)) "$T/short.db"
cp "$T/short.db" "$T/short.orig"
run --db "$T/short.db" summary
ok "a file cut short is refused at once, even by a command that would not read the lost part" \
    status_is 3
ok "saying so and what to do" \
    contains "short.db is damaged: it is shorter than it should be" "$T/err"
ok "leaving the file as it was" cmp -s "$T/short.db" "$T/short.orig"
ok "with no journal made beside it" test ! -e "$T/short.db-wal"

cp "$db" "$T/header.db"
flip "$T/header.db" 0 0.0001
cp "$T/header.db" "$T/header.orig"
run --db "$T/header.db" check-db
ok "a damaged header is refused" status_is 3
ok "with the damaged-file sentence" contains "header.db is damaged or is not a database; involve has not changed it" "$T/err"
run --db "$T/header.db" summary
ok "even by a command that may create a database" status_is 3
ok "which never starts a new one over it" cmp -s "$T/header.db" "$T/header.orig"

# An empty file, as a first run stopped before it set the file up leaves it.
: > "$T/empty.db"
run --db "$T/empty.db" check-db
ok "checking an empty file says it was never set up" contains "holds nothing yet: it was created but never set up" "$T/err"
run --db "$T/empty.db" summary
ok "and a command that saves sets it up" status_is 0
run --db "$T/empty.db" check-db
ok "after which it is sound" status_is 0

finish
