#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Sync screen in the text mode, from piped input, against its golden transcript: the office
# laptop (the demo) renames itself and exports everything for a new laptop, and is refused its
# own file; the new laptop is refused a damaged file, applies the office's file and exports
# for it by row number; the office applies that and sees the new laptop with its dates.
# Times are the real clock's, so dates and times are replaced by DATE and TIME.
# Usage: sync.sh INVOLVE SOURCE_DIR [--update]
set -u
involve=$1 dir=$2
case $involve in /*) ;; *) involve=$PWD/$involve ;; esac
dir=$(cd "$dir" && pwd) || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data HOME=$tmp
unset INVOLVE_UI NO_COLOR
cd "$tmp" || exit 1
"$involve" --db a.db demo >/dev/null || exit 1
"$involve" --db a.db sync name LAPTOP-A >/dev/null || exit 1
"$involve" --db b.db sync name LAPTOP-B >/dev/null || exit 1
printf 'involve-sync 1\nschema 4\n\ngarbage' >junk.sync
{
	echo "### run 1: the office laptop, input from sync-a.in"
	"$involve" --db a.db --text --screen sync <"$dir/sync-a.in"
	echo "### exit $?"
	echo "### run 2: a new laptop, input from sync-b.in"
	"$involve" --db b.db --text --screen sync <"$dir/sync-b.in"
	echo "### exit $?"
	echo "### run 3: the office laptop again, input from sync-c.in"
	"$involve" --db a.db --text --screen sync <"$dir/sync-c.in"
	echo "### exit $?"
} 2>&1 | sed -e "s|$tmp|TMP|g" -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]/DATE/g' \
	-e 's/DATE [0-9][0-9]:[0-9][0-9]/DATE TIME/g' >"$tmp/actual"
. "$dir/lib.sh"
status=0
transcript "$tmp/actual" "$dir/sync.expected" "${3:-}"
exit $status
