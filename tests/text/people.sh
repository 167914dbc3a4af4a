#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The People and Payments screens in the text mode, from piped input, against their golden
# transcript: the list of people, one person's details, what is owed to them, their findings and
# meetings; adding a person with a refused consent date asked again; exporting a record to a file
# and forgetting after a question; then payments, overdue first: pay and declined by row number,
# the filters, adding a payment by part of a name and a number, a finding acted on.
# Usage: people.sh INVOLVE SOURCE_DIR PEOPLE_DB [--update]
set -u
involve=$1 dir=$2 people_db=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data HOME=$tmp
unset INVOLVE_UI NO_COLOR
db=$tmp/t.db
"$people_db" "$db" || exit 1
{
	echo "### run 1: involve --text --screen people, input from people.in"
	"$involve" --db "$db" --text --screen people <"$dir/people.in"
	echo "### exit $?"
	echo "### the exported record: $(grep -c . "$tmp/ann-b-involve-record.txt") lines," \
		"$(grep -c 'Day services workshop' "$tmp/ann-b-involve-record.txt") naming the workshop"
	echo "### run 2: involve --text --screen payments, input from payments.in"
	"$involve" --db "$db" --text --screen payments <"$dir/payments.in"
	echo "### exit $?"
	echo "### run 3: a screen that does not exist"
	"$involve" --db "$db" --text --screen nowhere </dev/null
	echo "### exit $?"
} 2>&1 | sed -e "s|$tmp|TMP|g" -e "s|a participant [0-9a-f]\{6\}|a participant NNNNNN|g" >"$tmp/actual"
. "$dir/lib.sh"
status=0
transcript "$tmp/actual" "$dir/people.expected" "${4:-}"
exit $status
