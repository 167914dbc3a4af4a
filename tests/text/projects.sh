#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The text mode, from piped input, against its golden transcript: add projects field by field,
# a refused date explained and asked again, find, change one field, delete after a question,
# help; then end of input in the middle of a field keeps a draft that the next start offers back.
# Each run goes from the first screen, Today, to Projects.
# Last, paging through 45 projects: next, previous, last, first, find, a first letter.
# Usage: projects.sh INVOLVE SOURCE_DIR SEED [--update]
set -u
involve=$1 dir=$2 seed=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset INVOLVE_UI NO_COLOR
db=$tmp/t.db
{
	echo "### run 1: involve --text, input from projects.in"
	{ echo projects; cat "$dir/projects.in"; } | "$involve" --db "$db" --text
	echo "### exit $?"
	echo "### run 2: input piped (text mode by itself), ending in the middle of a field"
	printf 'projects\n1\n15\nAdult soc' | TERM=xterm "$involve" --db "$db"
	echo "### exit $?"
	echo "### run 3: the draft is offered back; Enter saves it"
	printf '\nback\nquit\n' | TERM=dumb "$involve" --db "$db"
	echo "### exit $?"
	echo "### run 4: paging through 45 projects"
	"$seed" "$tmp/many.db" 45
	printf 'projects\nnext\nnext\nnext\nprevious\nlast\nfirst\nfind mental\nnext\nfind nothing like it\n26\nback\n' |
		"$involve" --db "$tmp/many.db" --text
	echo "### exit $?"
} >"$tmp/actual" 2>&1
. "$dir/lib.sh"
status=0
transcript "$tmp/actual" "$dir/projects.expected" "${4:-}"
exit $status
