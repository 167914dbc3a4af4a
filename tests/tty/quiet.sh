#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The high-contrast theme is quiet and economical (R4, R7, R8, R15): nothing is written while it
# waits for a key (also after a pause in typing, when the draft is kept); moving the selection by
# one row writes a small part of a full redraw and never clears the screen; no colour is sent
# under NO_COLOR; a resize redraws with the cursor still on the selected row.
# Usage: quiet.sh INVOLVE SEED
INVOLVE=$1 SEED=$2
. "$(dirname "$0")/lib.sh"
"$SEED" "$T/p.db" 300 || exit 1
ESC=$(printf '\033')

start 80 24 xterm NO_COLOR=1 -- --db "$T/p.db"
on_selected_row "start"

record "$T/idle.log"
sleep 3
n=$(size_of "$T/idle.log")
if [ "$n" -eq 0 ]; then pass "idle for 3 seconds: 0 bytes written"; else fail "idle for 3 seconds: $n bytes written"; fi

record "$T/move.log"
keys Down
stop_recording
move=$(size_of "$T/move.log")
record "$T/full.log"
keys C-l
stop_recording
full=$(size_of "$T/full.log")
echo "# one row down: $move bytes; full redraw (Control-L): $full bytes"
if [ "$move" -gt 0 ] && [ $((move * 4)) -lt "$full" ]; then
	pass "one row down writes $move bytes, under a quarter of a full redraw ($full)"
else
	fail "one row down writes $move bytes against $full for a full redraw"
fi
if grep -q "$ESC\[2J\|$ESC\[J\|$ESC\[0J" "$T/move.log"; then fail "moving one row cleared the screen"; else pass "moving one row does not clear the screen"; fi
# Three rows' worth: the row left, the row arrived at, and the status line that repeats it.
if [ "$move" -lt 400 ]; then pass "one row down is under 400 bytes"; else fail "one row down wrote $move bytes"; fi

record "$T/scroll.log"
keys j j j j j j j j j j j j j j j j j j j j j j
stop_recording
on_selected_row "after scrolling"

# Typing, then a pause: the draft is kept, and nothing is drawn for it.
keys Enter '>' Up Up Up Up Enter
typed "Carers"
record "$T/pause.log"
sleep 3
n=$(size_of "$T/pause.log")
if [ "$n" -eq 0 ]; then pass "a pause in typing writes 0 bytes"; else fail "a pause in typing wrote $n bytes"; fi
keys Escape Escape

# No colour under NO_COLOR: no SGR foreground or background parameter at all.
cat "$T"/*.log >"$T/all.raw"
if LC_ALL=C grep -q "$ESC\[[0-9;]*\(3[0-9]\|4[0-9]\|9[0-7]\|10[0-7]\)[;m]" "$T/all.raw"; then
	fail "colour was sent under NO_COLOR"
else
	pass "no colour sent under NO_COLOR"
fi
# No line drawing: neither DEC graphics (ESC ( 0) nor box characters.
if LC_ALL=C grep -q "$ESC(0\|$(printf '\342\224')" "$T/all.raw"; then fail "line drawing sent"; else pass "no line drawing sent"; fi

tm resize-window -x 40 -y 12
settle
on_selected_row "resized to 40x12"
screen | tail -2 | grep -q 'Project' && pass "40x12: the status lines show the selected row" || fail "40x12: the status lines lost the selection"
tm resize-window -x 80 -y 24
settle
on_selected_row "resized back to 80x24"
[ "$(screen | grep -c 'Project 0')" -ge 18 ] && pass "80x24: the rows are back" || fail "80x24: rows missing after the resize"

# The default theme does use colour (so the check above can fail).
start 80 24 xterm -- --db "$T/p.db" --theme default
record "$T/colour.log"
keys Down C-l
stop_recording
if LC_ALL=C grep -q "$ESC\[[0-9;]*\(3[0-9]\|4[0-9]\)[;m]" "$T/colour.log"; then pass "the default theme sends colour"; else fail "the default theme sent no colour"; fi
finish
