#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Heard through a real screen reader (Fenrir, via the hear tool): in the high-contrast theme, after
# each arrow key in a list the last thing spoken is the newly selected row, whole, with its status
# word; after a field is saved its label and value are spoken; in text mode the rows and the
# prompt are spoken in order. Today, the first screen, on the demo: its title, summary and first
# rows are spoken at start, and after each Down the newly selected row is the last thing spoken.
# Skipped (77) when hear, tmux or fenrir is not there.
# Usage: hear.sh INVOLVE SEED    (HEAR names the hear tool; default: hear on PATH, then
# /work/shared/tools/hear)
set -u
INVOLVE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") SEED=$2
HEAR=${HEAR:-$(command -v hear || echo /work/shared/tools/hear)}
[ -x "$HEAR" ] || { echo "hear is not available: skipped"; exit 77; }
command -v tmux >/dev/null 2>&1 && command -v fenrir >/dev/null 2>&1 ||
	{ echo "tmux or fenrir is not installed: skipped"; exit 77; }
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT
"$SEED" "$T/p.db" 40 || exit 1
failures=0

# The words of a text, lower case, without the names Fenrir gives punctuation.
# Fenrir sometimes cuts an utterance with "|has attribute|" when a line is redrawn in two
# pieces; it is an announcement of its own, not something the program wrote, so it is dropped.
words() {
	sed 's/|has attribute|/ /g' | tr 'A-Z' 'a-z' | sed 's/[^[:alnum:]łóź中文]/ /g' | tr -s ' ' '\n' |
		grep -v -x -e '' -e dash -e slash -e colon -e comma -e greater -e less -e blank
}

# Assert that what was spoken after key number $1 ends with the words of $2: the last utterance
# is the row, whole. Fenrir may cut an utterance in two when the program's two status lines reach
# the console one after the other (it says "has attribute" between the pieces, and may speak the
# second line as it was before it speaks it anew), so the words of $2 are looked for in order in
# what was spoken since the last but one utterance, ending with its last word.
heard_last() {
	n=$1 want=$2
	awk -v n="$n" '/^=== /{k++; next} k==n+1' "$T/heard" | grep -v '^has attribute$' |
		grep -v '^ *$' | tail -2 | words >"$T/got"
	printf '%s\n' "$want" | words >"$T/want"
	if [ "$(tail -1 "$T/got")" = "$(tail -1 "$T/want")" ] &&
		awk 'NR == FNR { want[++w] = $0; next } i < w && $0 == want[i + 1] { i++ } END { exit i < w }' \
			"$T/want" "$T/got"; then
		echo "ok: key $n: last spoken: $want"
	else
		echo "not ok: key $n: expected the last words spoken to be: $want"
		echo "# heard: $(awk -v n="$n" '/^=== /{k++; next} k==n+1' "$T/heard" | tr '\n' '|')"
		failures=$((failures + 1))
	fi
}

printf 'p\nDown\nDown\nUp\nDown\nDown\nEnter\n>\nUp\nUp\nUp\nUp\nEnter\nC-u\ntext:Carers and respite\nEnter\n' |
	"$HEAR" -w 1.5 -- env INVOLVE_TODAY=2026-11-22 NO_COLOR=1 "$INVOLVE" --db "$T/p.db" >"$T/heard" 2>&1
cat "$T/heard" | sed 's/^/# /'
grep -q '^=== start' "$T/heard" || { echo "hear did not run: skipped"; exit 77; }
row2='Project 00002 respite, no stage started yet'
row3='closed: Project 00003 Łódź exchange 中文, no stage started yet, closed 2026-10-31'
row4='Project 00004 mental health, no stage started yet'
heard_last 2 "$row2"
heard_last 3 "$row3"
heard_last 4 "$row2"
heard_last 5 "$row3"
heard_last 6 "$row4"
heard_last 16 "Saved the service area: Carers and respite."

# Text mode: the title, the rows and the prompt are spoken, in that order.
"$SEED" "$T/q.db" 40 || exit 1
printf 'text:projects\nEnter\ntext:find 00020\nEnter\n' |
	"$HEAR" -w 1.5 -- env INVOLVE_TODAY=2026-11-22 "$INVOLVE" --db "$T/q.db" --text >"$T/heard" 2>&1
cat "$T/heard" | sed 's/^/# /'
# Assert that after key $1 (0: at start) the words of $2, $3, ... were spoken, in that order.
heard_in_order() {
	n=$1
	shift
	spoken=" $(awk -v n="$n" '/^=== /{k++; next} k==n+1' "$T/heard" | words | tr '\n' ' ')"
	rest=$spoken
	for want in "$@"; do
		w=" $(printf '%s\n' "$want" | words | tr '\n' ' ')"
		case $rest in
		*"$w"*) rest=" ${rest#*"$w"}" ;;
		*)
			echo "not ok: after key $n, not heard in order: $want"
			echo "# heard:$spoken"
			failures=$((failures + 1))
			return
			;;
		esac
	done
	echo "ok: after key $n, heard in order: $*"
}
# On a terminal the text mode prints a page at a time, as much as fits above its prompt, so that
# all of it is on the screen to be read; find shows the page from the row found.
prompt="Type next for more, a number to open one, or a command"
heard_in_order 0 "Today, 2026-11-22" "Open projects, by title" "1. not started: Project 00001 day services"
heard_in_order 2 "Projects" "There are 40 projects, by title" "1. Project 00001 day services, no stage" \
	"Rows 1 to" "of 40. $prompt"
# The list pages through the store: a row found past the rows fetched starts a new window, numbered from 1.
heard_in_order 4 "1. Project 00020 carers breaks, no stage started yet" "2. Project 00021" "$prompt"
heard_last 4 "$prompt"

# Today on the demo, high-contrast: title, summary and the first rows at start, the selected row
# whole last; after each Down, the row it moved to, whole, with its status word.
env INVOLVE_TODAY=2026-11-22 XDG_CONFIG_HOME="$T/config" "$INVOLVE" --db "$T/demo.db" demo >/dev/null || exit 1
printf 'Down\nDown\nDown\nDown\nDown\nDown\n' |
	"$HEAR" -w 1.5 -- env INVOLVE_TODAY=2026-11-22 NO_COLOR=1 XDG_CONFIG_HOME="$T/config" \
	"$INVOLVE" --db "$T/demo.db" >"$T/heard" 2>&1
cat "$T/heard" | sed 's/^/# /'
first='OVERDUE: tell 5 people what came of Short breaks: ground rules and roles workshop, due 2026-01-21 — Ann B. (large print), Joan Y., Margaret O. and 2 more'
heard_in_order 0 "Today, 2026-11-22" "Overdue: feedback for over 5 meetings" \
	"Feedback overdue, the oldest first" "OVERDUE: tell 5 people what came of Short breaks" \
	"OVERDUE: tell 2 people what came of Community equipment" "$first"
heard_last 0 "$first"
heard_last 1 'OVERDUE: tell 2 people what came of Community equipment: agreeing how we work together, due 2026-01-26 — Michael T. (easy read) and Tony J.'
# A row longer than the two status lines: what fits of it is spoken last, the date before names.
heard_in_order 2 'OVERDUE: tell 10 people what came of Stroke recovery: ground rules and roles workshop, due 2026-02-16 — Abdi Y. (Somali), Amélie D.'
heard_last 3 'OVERDUE: tell 9 people what came of Day opportunities: what is changing and why, due 2026-02-23 — Abdul U., Colin M., Gwen J. and 6 more'
heard_last 5 'More overdue feedback, open to see them all in Findings'
heard_last 6 'due soon: tell Abdul R. what came of Day opportunities: trying it out, due 2026-11-23'
[ $failures -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
