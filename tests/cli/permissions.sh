#!/usr/bin/env bash
# The database holds personal details: it is created readable by its owner
# only, in a folder only its owner can open, whatever the umask, and involve
# warns when the file has been made readable by others.
. "$(dirname "$0")/lib.sh"

umask 000
run summary
ok "the first run creates the database" status_is 0
dbfile="$XDG_DATA_HOME/involve/involve.db"
ok "at the XDG data path" test -f "$dbfile"
ok "readable and writable by its owner only (0600), even with umask 000" \
    bash -c "[ \$(stat -c %a '$dbfile') = 600 ]"
ok "in a folder only its owner can open (0700)" \
    bash -c "[ \$(stat -c %a '$XDG_DATA_HOME/involve') = 700 ]"
ok "and the XDG folder made for it is private too" \
    bash -c "[ \$(stat -c %a '$XDG_DATA_HOME') = 700 ]"
ok "with no warning" bash -c "[ ! -s '$T/err' ]"

run --db "$T/given.db" summary
ok "a database named with --db is created 0600 too" \
    bash -c "[ \$(stat -c %a '$T/given.db') = 600 ]"

chmod 644 "$dbfile"
run summary
ok "a database readable by others still opens" status_is 0
ok "with a warning naming the file" \
    contains "warning: $dbfile can be read by other people on this computer" "$T/err"
ok "and saying how to fix it" contains "chmod 600 $dbfile" "$T/err"
chmod 640 "$dbfile"
run check-db
ok "readable by the group is warned about too" contains "can be read by other people" "$T/err"
chmod 600 "$dbfile"
run check-db
ok "once fixed, no warning" bash -c "[ ! -s '$T/err' ]"

finish
