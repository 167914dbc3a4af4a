#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole workflow of issue 8 in the text mode, as a facilitator who cannot see the screen does
# it, from piped input on the demo against a fixed today: what is due on Today; open a project and
# a stage and agree its framework field by field; log a meeting there, walking its fields, with one
# person found by part of their name (two match: choose by number) and one made on the spot, and
# two things said; record a response to each; mark one person told; back on Today, the one still
# owed is due soon; payments: pay the oldest claim, record a claim for the new person and pay it;
# findings: find theirs and explain its rule; write the calendar of what is owed to a file.
# Usage: workflow.sh INVOLVE SOURCE_DIR [--update]
set -u
involve=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") dir=$(cd "$2" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data HOME=$tmp
unset INVOLVE_UI NO_COLOR
cd "$tmp" || exit 1 # the calendar is offered in the current folder
"$involve" --db "$tmp/demo.db" demo >/dev/null || exit 1
{
	echo "### involve --text on the demo, input from workflow.in"
	sed "s|TMP|$tmp|g" "$dir/workflow.in" | "$involve" --db "$tmp/demo.db" --text
	echo "### exit $?"
	echo "### the calendar file: $(grep -c '^BEGIN:VEVENT' "$tmp/owed.ics") events," \
		"$(grep -c '^SUMMARY:Tell Rosa Quinn what came of Out-of-hours patients' "$tmp/owed.ics")" \
		"telling Rosa Quinn what came of the panel"
} 2>&1 | sed "s|$tmp|TMP|g" >"$tmp/actual"
. "$dir/lib.sh"
status=0
transcript "$tmp/actual" "$dir/workflow.expected" "${3:-}"
exit $status
