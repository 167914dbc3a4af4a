#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The text mode on the demo, from piped input, against its golden transcript: Today at start;
# opening a feedback row opens its meeting, and back; the row after the oldest few opens
# Findings for that rule; a finding's explanation and go (to its meeting, and back); every rule, errors only, explain by
# row number; help over Today; the actions to Projects and Findings; end of input.
# Usage: today.sh INVOLVE SOURCE_DIR [--update]
set -u
involve=$1 dir=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset INVOLVE_UI NO_COLOR
status=0
"$involve" --db "$tmp/demo.db" demo >/dev/null || exit 1
{
	echo "### involve --text on the demo, input from today.in"
	"$involve" --db "$tmp/demo.db" --text <"$dir/today.in"
	echo "### exit $?"
} >"$tmp/actual" 2>&1
. "$dir/lib.sh"
transcript "$tmp/actual" "$dir/today.expected" "${3:-}"
exit $status
