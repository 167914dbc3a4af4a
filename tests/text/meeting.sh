#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The meeting screens in the text mode, from piped input, against their golden transcript: log a
# new meeting from a stage (a stand-in until the stage screens lead there), walking its fields with
# a refused date explained and asked again; add three people (one by part of a UTF-8 name, one
# made on the spot with a role); note two things said, one line after another; record a response
# with no reason (saved, and flagged) and one with a reason and what was done; mark one person
# told, refuse a date that is not one, then mark everyone still owed; tell one in a format they do
# not prefer. Then end of input in the middle of a name keeps it, and the next start offers it back.
# Usage: meeting.sh MEETING_RUN SOURCE_DIR [--update]
set -u
run=$1 dir=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset INVOLVE_UI NO_COLOR
db=$tmp/t.db
{
	echo "### run 1: log a meeting, input from meeting.in"
	"$run" "$db" --text <"$dir/meeting.in"
	echo "### exit $?"
	echo "### run 2: input ending in the middle of a name"
	printf 'open 1\nadd\nJoa' | "$run" "$db" --text
	echo "### exit $?"
	echo "### run 3: the name is offered back; Enter adds the one person it finds"
	printf '\n\nquit\n' | "$run" "$db" --text
	echo "### exit $?"
} >"$tmp/actual" 2>&1
status=0
. "$dir/lib.sh"
transcript "$tmp/actual" "$dir/meeting.expected" "${3:-}"
exit $status
