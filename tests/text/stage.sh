#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The text mode on the project and stage screens, from piped input, against its golden
# transcript: add a project, open a stage, agree it field by field (a refused date explained and
# asked again) and see its finding go, go back and forth between stages, record a pressure, a
# budget event with an amount that is not money, and a decision; then the demo's projects with
# the strip of their stages.
# Usage: stage.sh INVOLVE SOURCE_DIR [--update]
set -u
. "$(dirname "$0")/check.sh"
involve=$1 dir=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset INVOLVE_UI NO_COLOR
status=0
{
	echo "### run 1: involve --text, input from stage.in"
	{ echo projects; cat "$dir/stage.in"; } | "$involve" --db "$tmp/t.db" --text
	echo "### exit $?"
	echo "### run 2: the demo's projects, each with its stages"
	"$involve" --db "$tmp/demo.db" demo >/dev/null
	printf 'projects\nquit\n' | "$involve" --db "$tmp/demo.db" --text
	echo "### exit $?"
} >"$tmp/actual" 2>&1
if [ "${3:-}" = --update ]; then
	cp "$tmp/actual" "$dir/stage.expected"
	exit 0
fi
check_transcript "$dir/stage.expected" "$tmp/actual" || status=1
exit $status
