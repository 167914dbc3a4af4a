#!/usr/bin/env bash
# Nothing lost: a program writing meetings through the core API, one
# transaction each, is killed with SIGKILL at random moments, 50 times. After
# every kill the file reopens, passes the integrity checks, and holds every
# meeting the writer had logged as committed, each with all its attendances.
. "$(dirname "$0")/../cli/lib.sh"
: "${WRITER:?WRITER must name the writer test program}"
db="$T/kill.db"
log="$T/kill.log"
kills=50
# Long notes make each commit write many pages, so kills land inside writes.
note_bytes=60000
check_failed=0
verify_failed=0
grew=0
logged=0
for i in $(seq 1 $kills); do
    before=0
    [ -f "$log" ] && before=$(wc -l < "$log")
    "$WRITER" write "$db" "$log" --note-bytes "$note_bytes" 2> "$T/writer.err" &
    pid=$!
    # Every fifth kill lands wherever it falls, often while the file is being
    # opened; the others wait until this writer has committed a meeting (up to
    # 10 s, so a slow sanitizer build on a loaded machine is waited for), then
    # 0 to 59 ms more, so they land while later meetings are being written.
    if [ $((i % 5)) -ne 0 ]; then
        for _ in $(seq 1 200); do
            now=0
            [ -f "$log" ] && now=$(wc -l < "$log")
            [ "$now" -gt "$before" ] && break
            sleep 0.05
        done
    fi
    sleep "0.$(printf '%03d' $((RANDOM % 60)))"
    kill -KILL "$pid"
    wait "$pid" 2> /dev/null
    # Reopen as the next run would (finishing the setup a kill may have cut
    # short), then check the file with involve itself.
    if ! "$WRITER" verify "$db" "$log" > "$T/verify.out" 2>&1; then
        verify_failed=$((verify_failed + 1))
        echo "# after kill $i: $(cat "$T/verify.out")"
    fi
    if ! involve --db "$db" check-db > "$T/check.out" 2>&1; then
        check_failed=$((check_failed + 1))
        echo "# after kill $i: $(cat "$T/check.out")"
    fi
    now=0
    [ -f "$log" ] && now=$(wc -l < "$log")
    [ "$now" -gt "$logged" ] && grew=$((grew + 1))
    logged=$now
done
echo "# $logged meetings logged as committed over $kills kills"
ok "after each of $kills kills, the file passed the integrity checks (involve check-db)" \
    test "$check_failed" -eq 0
ok "after each kill, every meeting logged as committed was there with all its attendances" \
    test "$verify_failed" -eq 0
ok "the kills came while meetings were being written (the log grew after most of them)" \
    test "$grew" -ge 35
ok "the writer was not simply failing: it had logged many meetings" test "$logged" -ge 50
finish
