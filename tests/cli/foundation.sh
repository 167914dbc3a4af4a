#!/usr/bin/env bash
# The command line of the foundation: help, settings files, and databases that
# cannot be used, each with one sentence naming the file and exit status 3.
. "$(dirname "$0")/lib.sh"

run --help
ok "--help succeeds" status_is 0
ok "--help says how to turn on the text mode near the top" \
    bash -c "head -20 '$T/out' | grep -q -- '--text'"
ok "--help documents the exit statuses" contains "Exit status" "$T/out"

run --version
ok "--version prints the version" bash -c "grep -Eq '^involve [0-9]+\.[0-9]+' '$T/out'"

run frobnicate
ok "an unknown command is a usage error" status_is 2
ok "an unknown command is named" contains '"frobnicate" is not a command' "$T/err"

run $'frob\e[2Jnicate'
ok "what was typed is quoted without its escape byte" bash -c "! grep -q \$'\\e' '$T/err' && grep -q 'nicate' '$T/err'"

run --frob
ok "an unknown option is a usage error" status_is 2

run config --init
ok "config --init writes the default file" status_is 0
ok "to the XDG config path" test -f "$XDG_CONFIG_HOME/involve/involve.conf"
ok "its folder is private" bash -c "[ \$(stat -c %a '$XDG_CONFIG_HOME/involve') = 700 ]"
echo "# my own" >> "$XDG_CONFIG_HOME/involve/involve.conf"
cp "$XDG_CONFIG_HOME/involve/involve.conf" "$T/before.conf"
run config --init
ok "config --init never overwrites" status_is 3
ok "and says the file exists" contains "already exists" "$T/err"
ok "leaving it as it was" cmp -s "$T/before.conf" "$XDG_CONFIG_HOME/involve/involve.conf"

run config --check
ok "the written default file checks clean" status_is 0

printf 'feedback = {\n  due_days = 500;\n  warn_days = "soon";\n};\ncolour = "red";\nui = { mode = "speech"; };\n' > "$T/bad.conf"
run config --check "$T/bad.conf"
ok "a bad file fails the check with status 3" status_is 3
ok "an out-of-range value is reported with file and line" \
    contains "$T/bad.conf:2: feedback.due_days is 500, but it must be a whole number from 1 to 120" "$T/err"
ok "a wrong type is reported" contains "$T/bad.conf:3: feedback.warn_days must be a whole number" "$T/err"
ok "an unknown key is reported, not ignored" contains "$T/bad.conf:5: \"colour\" is not a setting" "$T/err"
ok "a wrong word lists what is allowed" contains "$T/bad.conf:6: ui.mode is \"speech\", but it must be \"curses\" or \"text\"" "$T/err"
ok "all four problems are reported together" bash -c "[ \$(grep -c '$T/bad.conf:' '$T/err') -eq 4 ]"

printf 'feedback = {\n  due_days = = 3;\n};\n' > "$T/syntax.conf"
run --config "$T/syntax.conf" check-db
ok "a syntax error stops commands with status 3" status_is 3
ok "naming the file and line" contains "$T/syntax.conf:2:" "$T/err"

run --db "$T/no/such/folder/x.db" check-db
ok "a database in a missing folder is status 3" status_is 3
ok "with a sentence naming the folder" contains "The folder $T/no/such/folder" "$T/err"
ok "and nothing is created" test ! -e "$T/no"

printf 'Minutes of the carers forum, not a database. Lorem ipsum dolor sit amet.\n' > "$T/minutes.txt"
cp "$T/minutes.txt" "$T/minutes.orig"
run --db "$T/minutes.txt" check-db
ok "a file that is not a database is status 3" status_is 3
ok "with a sentence naming it" contains "$T/minutes.txt is damaged or is not a database" "$T/err"
ok "and it is left unchanged" cmp -s "$T/minutes.txt" "$T/minutes.orig"
ok "with no journal beside it" test ! -e "$T/minutes.txt-wal"

sqlite3 "$T/recipes.db" "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('soup');"
cp "$T/recipes.db" "$T/recipes.orig"
run --db "$T/recipes.db" check-db
ok "another program's database is refused" status_is 3
ok "as another program's" contains "another program" "$T/err"
ok "and left unchanged" cmp -s "$T/recipes.db" "$T/recipes.orig"

sqlite3 "$T/newer.db" "PRAGMA application_id = 1229870668; PRAGMA user_version = 999; CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
cp "$T/newer.db" "$T/newer.orig"
run --db "$T/newer.db" check-db
ok "a database from a newer involve is refused" status_is 3
ok "saying so" contains "written by a newer version of involve" "$T/err"
ok "and left unchanged" cmp -s "$T/newer.db" "$T/newer.orig"

INVOLVE_TODAY=2026-02-30 run check-db
ok "an impossible INVOLVE_TODAY is a usage error" status_is 2
ok "explained" contains "INVOLVE_TODAY is \"2026-02-30\", which is not a date" "$T/err"

finish
