#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The text mode, from piped input, against its golden transcript: add projects field by field,
# a refused date explained and asked again, find, change one field, delete after a question,
# help; then end of input in the middle of a field keeps a draft that the next start offers back.
# Last, paging through 45 projects: next, previous, last, first, find, a first letter.
# Usage: projects.sh INVOLVE SOURCE_DIR SEED [--update]
set -u
involve=$1 dir=$2 seed=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset INVOLVE_UI NO_COLOR
db=$tmp/t.db
status=0
{
	echo "### run 1: involve --text, input from projects.in"
	"$involve" --db "$db" --text <"$dir/projects.in"
	echo "### exit $?"
	echo "### run 2: input piped (text mode by itself), ending in the middle of a field"
	printf '1\n3\nAdult soc' | TERM=xterm "$involve" --db "$db"
	echo "### exit $?"
	echo "### run 3: the draft is offered back; Enter saves it"
	printf '\nback\nquit\n' | TERM=dumb "$involve" --db "$db"
	echo "### exit $?"
	echo "### run 4: paging through 45 projects"
	"$seed" "$tmp/many.db" 45
	printf 'next\nnext\nnext\nprevious\nlast\nfirst\nfind mental\nnext\nfind nothing like it\n3\nback\n' |
		"$involve" --db "$tmp/many.db" --text
	echo "### exit $?"
} >"$tmp/actual" 2>&1
if [ "${4:-}" = --update ]; then
	cp "$tmp/actual" "$dir/projects.expected"
	exit 0
fi
if ! diff -u "$dir/projects.expected" "$tmp/actual"; then
	echo "the transcript differs from tests/text/projects.expected" >&2
	status=1
fi
# Append-only text: no escape or other control bytes, only line breaks.
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/actual"; then
	echo "the text mode wrote a control byte:" >&2
	LC_ALL=C grep -n "$(printf '[\001-\010\013-\037\177]')" "$tmp/actual" | head -5 >&2
	status=1
fi
# No box drawing or block characters (U+2500-U+259F), and no spinner braille (U+2800-U+28FF).
if grep -q "$(printf '\342\224\200\|\342\225\220\|\342\226\210\|\342\240')" "$tmp/actual"; then
	echo "the text mode drew a box or block character" >&2
	status=1
fi
exit $status
