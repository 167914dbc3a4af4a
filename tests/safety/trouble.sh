#!/usr/bin/env bash
# Nothing half-written when saving cannot happen: a full disk (a file-size
# limit, as ulimit -f sets, with SIGXFSZ ignored as involve ignores it) and a
# database locked by another program each give one clear sentence and exit 3,
# and every record saved before is still there.
. "$(dirname "$0")/../cli/lib.sh"
: "${WRITER:?WRITER must name the writer test program}"

# --- a full disk, through the core API: meetings written until it fills
db="$T/full.db"
log="$T/full.log"
"$WRITER" write "$db" "$log" --count 20 --note-bytes 1000
before=$(wc -l < "$log")
limit_kb=$(($(stat -c %s "$db") / 1024 + 256))
(trap '' XFSZ; ulimit -f "$limit_kb"; exec "$WRITER" write "$db" "$log" --note-bytes 60000) \
    > "$T/out" 2> "$T/err"
status=$?
ok "writing onto a full disk stops with status 3" status_is 3
ok "with a sentence saying the disk is full and nothing was saved" \
    bash -c "grep -qE '(The disk holding $db is full|Writing $db failed \(the disk may be full or the file too large\)), so saving the attendance did not happen and nothing was saved|, so saving the meeting did not happen and nothing was saved|, so saving did not happen and nothing was saved' '$T/err'"
ok "some meetings fitted before it filled" test "$(wc -l < "$log")" -gt "$before"
"$WRITER" verify "$db" "$log" > "$T/verify" 2>&1
ok "every meeting saved before is there, none half-written" test $? -eq 0
run --db "$db" check-db
ok "and the file is sound" status_is 0

# --- a full disk, through involve: forgetting a person whose long notes must be overwritten
id=$("$WRITER" person "$db" "Long Notes" 400000)
run --db "$db" summary
(trap '' XFSZ; ulimit -f 64; exec "$INVOLVE" --db "$db" person forget "#$id" --yes) \
    > "$T/out" 2> "$T/err"
status=$?
ok "involve on a full disk exits 3" status_is 3
ok "saying the disk is full and nothing was saved" \
    bash -c "grep -qE '(The disk holding $db is full|Writing $db failed \(the disk may be full or the file too large\)), so .* did not happen and nothing was saved' '$T/err'"
ok "without a raw SQLite message" bash -c "! grep -qiE 'sqlite|disk I/O error|database or disk is full' '$T/err'"
run --db "$db" person show "#$id"
ok "the person is not half forgotten: name and notes are as they were" \
    bash -c "grep -q '^  Name: Long Notes$' '$T/out' && grep -q '^  Notes: ABCDEFGHIJ' '$T/out' && grep -q 'Anonymised: no' '$T/out'"
run --db "$db" check-db
ok "the file is sound after the failed write" status_is 0
run --db "$db" person forget "#$id" --yes
ok "with space again, the same command works" status_is 0

# --- a database locked by another program holding a write transaction
id=$("$WRITER" person "$db" "Locked Out" 10)
printf 'database = {\n  busy_timeout_ms = 300;\n};\n' > "$T/quick.conf"
rm -f "$T/ready"
"$WRITER" hold "$db" "$T/ready" 5 &
holder=$!
for _ in $(seq 50); do [ -e "$T/ready" ] && break; sleep 0.1; done
ok "the other program holds the lock" test -e "$T/ready"
run --config "$T/quick.conf" --db "$db" person forget "#$id" --yes
ok "a write while it is locked exits 3" status_is 3
ok "saying it is locked by another program and nothing was saved" \
    contains "$db is locked by another program (perhaps involve open in another window), so saving did not happen and nothing was saved; close the other program and try again." "$T/err"
run --config "$T/quick.conf" --db "$db" person show "#$id"
ok "reading while it is locked still works" status_is 0
wait "$holder"
run --db "$db" person show "#$id"
ok "the person was not changed" contains "  Name: Locked Out" "$T/out"
run --db "$db" person forget "#$id" --yes
ok "once the other program is done, the write works" status_is 0

finish
