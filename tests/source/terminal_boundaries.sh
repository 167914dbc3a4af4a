#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Guards the terminal's boundaries in the source tree:
#  - only tui/theme.c starts colours, defines colour pairs or draws line-drawing characters
#    (start_color, init_pair, init_color, use_default_colors, assume_default_colors, ACS_*,
#    and the wide WACS_* forms), so no screen or renderer can add colour or borders behind
#    the themes' back;
#  - only tui/theme.c and tui/render_curses.c include curses;
#  - only core/ includes sqlite3.h or libconfig.h, and screens/ include neither curses nor them.
# Usage: terminal_boundaries.sh SOURCE_ROOT
set -u
root=$1
status=0
cd "$root" || exit 1
files=$(find core tui screens -name '*.[ch]' | sort)

bad=$(grep -n -E '\b(start_color|init_pair|init_extended_pair|init_color|use_default_colors|assume_default_colors)[[:space:]]*\(|\bW?ACS_[A-Z]' $files /dev/null |
	grep -v '^tui/theme\.c:')
if [ -n "$bad" ]; then
	echo "colour or line drawing outside tui/theme.c:"
	echo "$bad"
	status=1
fi

bad=$(grep -n -E '#[[:space:]]*include[[:space:]]*<(n?curses|ncursesw/curses)\.h>' $files /dev/null |
	grep -v -E '^tui/(theme|render_curses)\.c:')
if [ -n "$bad" ]; then
	echo "curses included outside the theme and the curses renderer:"
	echo "$bad"
	status=1
fi

bad=$(grep -n -E '#[[:space:]]*include[[:space:]]*<(sqlite3|libconfig)\.h>' $files /dev/null |
	grep -v '^core/')
if [ -n "$bad" ]; then
	echo "SQLite or libconfig included outside core/:"
	echo "$bad"
	status=1
fi

# The guard itself must see the files it guards.
if ! grep -q 'start_color' tui/theme.c || ! grep -q 'ACS_HLINE' tui/theme.c; then
	echo "tui/theme.c no longer sets colours or draws its rule: update this test"
	status=1
fi
[ $status -eq 0 ] && echo "ok: colour, line drawing and includes stay inside their modules"
exit $status
