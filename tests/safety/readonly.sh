#!/usr/bin/env bash
# A read-only database and a database in a folder that cannot be written:
# writing gives one clear sentence and exit 3 and changes nothing; reading
# (show, export, audit, check-db) still works. Runs involve as a user the
# permissions apply to: as root (CI), "nobody" through setpriv.
. "$(dirname "$0")/../cli/lib.sh"
: "${FIXTURE:?FIXTURE must name the fixture program}"
as=()
if [ "$(id -u)" = 0 ]; then
    as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    if ! "${as[@]}" true 2> /dev/null; then
        echo "1..0 # SKIP running as root and cannot become nobody with setpriv"
        exit 0
    fi
fi
chmod 711 "$T"
mkdir -m 755 "$T/data"
[ ${#as[@]} -eq 0 ] || chown nobody:nogroup "$T/data"
# involve as that user; the output lands in files root can read.
as_user() {
    ${as[@]+"${as[@]}"} ${wrapper[@]+"${wrapper[@]}"} "$INVOLVE" "$@" > "$T/out" 2> "$T/err" < /dev/null
    status=$?
}
db="$T/data/people.db"
eval "$(${as[@]+"${as[@]}"} "$FIXTURE" "$db")"
as_user --db "$db" summary
ok "the test user can use the database" status_is 0

# --- the file is read-only
chmod 400 "$db"
cp "$db" "$T/before.db"
as_user --db "$db" person forget "#$ann" --yes
ok "forgetting in a read-only file exits 3" status_is 3
ok "saying it cannot be written and nothing was saved" \
    contains "$db cannot be written (the file or its folder is read-only), so saving the person did not happen and nothing was saved." "$T/err"
ok "and the file is unchanged" cmp -s "$db" "$T/before.db"
as_user --db "$db" person show "#$ann"
ok "showing a person in a read-only file works" contains "  Contact: ann.b@example.org" "$T/out"
as_user --db "$db" check-db
ok "checking a read-only file works" status_is 0

# --- the folder cannot be written (so no journal can be made beside the file)
chmod 600 "$db"
rm -f "$db-wal" "$db-shm"
chmod 555 "$T/data"
as_user --db "$db" person forget "#$ann" --yes
ok "forgetting in an unwritable folder exits 3" status_is 3
ok "saying the folder cannot be written and nothing was saved" \
    contains "The folder holding $db cannot be written, and involve keeps its journal ($db-wal) beside the database, so" "$T/err"
ok "and the file is unchanged" cmp -s "$db" "$T/before.db"
ok "with nothing made beside it" test ! -e "$db-wal"
as_user --db "$db" person export "#$ann" --format json
ok "exporting from a file in a read-only folder works" contains '"contact": "ann.b@example.org 07700 900123"' "$T/out"
as_user --db "$db" audit --limit 1
ok "so does the change log" status_is 0
as_user --db "$db" check-db
ok "and checking it" contains "is sound" "$T/out"
chmod 755 "$T/data"

finish
