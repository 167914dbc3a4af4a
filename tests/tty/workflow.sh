#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The main workflow of issue 4 in the real program, in tmux at 80x24 (default theme, TERM=xterm):
# on the demo, Today does not list the meeting yet; go to a project and a stage; log a meeting
# (title, purpose, feedback due today) with three people, one made on the spot with their role,
# and two things said; record a response to each; mark one person told; back on Today the
# meeting is due soon with the two still owed; open it from there, mark everyone told, and the
# row is gone from Today. After every step: what the screen shows, and the cursor on the
# selected row or in the field being typed into.
# Usage: workflow.sh INVOLVE
INVOLVE=$1
. "$(dirname "$0")/lib.sh"
"$INVOLVE" --db "$T/d.db" demo >"$T/demo.out" || { cat "$T/demo.out"; exit 1; }

# The title line (the first), and the selected row or field (the line marked "> ").
title() { screen | head -1; }
marked() { screen | grep '^> ' | head -1; }
title_is() { [ "$(title)" = "$1" ]; }
marked_starts() { case $(marked) in "> $1"*) return 0 ;; esac; return 1; }

# Assert the title is $2, saying $1.
titled() {
	if eventually title_is "$2"; then pass "$1: the title is $2"; else fail "$1: the title is \"$(title)\", not \"$2\""; fi
}

# Assert the selected row or field starts with $2, saying $1.
selected() {
	if eventually marked_starts "$2"; then pass "$1: \"$2\" is selected"; else fail "$1: \"$(marked)\" is selected, not \"$2\""; fi
}

# Is the selection (its line and its text in full at the foot) other than $1?
moved_from() { [ "$(marked; foot)" != "$1" ]; }

# Find $1 with / again and again (at most 20 times: each goes on to the next row holding it,
# through the lists below) until the selected row starts with $2; say how many it took. Each
# find is waited for until the selection has moved, so a slow draw is not taken for a miss.
find_row() {
	tries=1
	while [ $tries -le 20 ]; do
		was=$(marked; foot)
		keys /
		typed "$1"
		keys Enter
		eventually moved_from "$was"
		if marked_starts "$2"; then echo "# found \"$2\" with / $tries time(s)"; return 0; fi
		tries=$((tries + 1))
	done
}

# Is the first row under the heading "Feedback due soon" the one holding $1?
first_due_soon() { screen | grep -A1 '^Feedback due soon' | tail -1 | grep -qF -- "$1"; }

# Is the cursor on one of the two foot lines (where a question is asked)?
cursor_at_foot() { case $(cursor) in *",23" | *",22") return 0 ;; esac; return 1; }

# The Today row this meeting will have when feedback is owed for it.
row='due soon: tell 2 people what came of Autism forum: the draft aims'

start 80 24 xterm -- --db "$T/d.db"
titled "start" "Today, 2026-11-22"
on_selected_row "Today at start"
shows "Today lists feedback due soon" "due soon: tell Abdul R. what came of Day opportunities"
lacks "the meeting is not owed yet" "Autism forum"

# ---- to a project and a stage
keys p
titled "p" "Projects"
on_selected_row "Projects"
keys /
typed "autism"
keys Enter
selected "/ autism" "missing: Adult autism strategy"
on_selected_row "found a project"
keys Enter
titled "Enter on a project" "Project: Adult autism strategy"
on_selected_row "the project's stages"
keys /
typed "Strategic"
keys Enter
selected "/ Strategic" "active: Strategic framework"
on_selected_row "found a stage"
keys Enter
titled "Enter on a stage" "Adult autism strategy: Strategic framework, stage 5 of 12"
shows "the stage's agreement" "purpose: Write the plan for support for autistic adults"
on_selected_row "the stage screen"

# ---- a new meeting: its details, each saved as it is left
keys a
titled "a on the stage" "Adult autism strategy: New meeting"
selected "a new meeting" "title: New meeting"
shows "held today" "date held: 2026-11-22"
on_selected_row "the new meeting's title"
keys Enter C-u
typed "Autism forum: the draft aims"
in_field "typing the title" "title"
keys Enter
shows "the title saved" "Saved the title: Autism forum: the draft aims."
titled "the title saved" "Adult autism strategy: Autism forum: the draft aims"
selected "Enter moves on" "date held: 2026-11-22"
on_selected_row "after the title"
keys P
selected "P jumps to the purpose" "purpose: empty"
keys Enter
typed "Check the draft aims read well"
in_field "typing the purpose" "purpose"
keys Enter
shows "the purpose saved" "Saved the purpose: Check the draft aims read well."
keys F
selected "F jumps to the feedback due date" "feedback due: 2026-12-18, worked out from the date held"
keys Enter C-u
typed "2026-11-22"
keys Enter
shows "feedback due today, set by hand" "Saved the feedback due date, set by hand: 2026-11-22."
selected "on to who came" "name to add: empty"
on_selected_row "name to add"

# ---- who came: two found by part of a name, one made on the spot
keys a
in_field "a" "name to add"
typed "ann b"
shows "what Enter will do" "Enter adds Ann B."
keys Enter
shows "Ann B. added" "due soon: Ann B., service user"
in_field "after a name" "name to add"
typed "farah b"
shows "one Farah of several" "Enter adds Farah B."
keys Enter
shows "Farah B. added" "due soon: Farah B., carer"
in_field "after the second name" "name to add"
typed "Olu Adebayo-Nwosu"
keys Enter
says "asked before adding someone new" "Add Olu Adebayo-Nwosu as someone new? (y or n)"
if eventually cursor_at_foot; then pass "the question has the cursor"; else fail "the question does not have the cursor ($(cursor))"; fi
keys y
in_field "the new person's role" "role of Olu Adebayo-Nwosu"
keys 2 Enter
shows "made on the spot, as a carer" "due soon: Olu Adebayo-Nwosu, carer, not yet told, due 2026-11-22"
in_field "after the role" "name to add"
keys Enter
shows "Enter on an empty line finishes" "Finished adding people: 3 at the meeting."
sums_up "the summary counts them" "3 people came; nothing said noted yet; 3 people still to be told"
on_selected_row "after adding people"

# ---- what was said, one line after another
keys s
in_field "s" "next thing said"
typed "olu: The forms are too long"
keys Enter
in_field "after a thing said" "next thing said"
typed "Meetings should start after ten"
keys Enter
keys Enter
shows "Enter on an empty line finishes" "Finished noting what was said: 2 noted."
shows "said by Olu" "pending: The forms are too long, said by Olu Adebayo-Nwosu"
shows "said anonymously" "pending: Meetings should start after ten, said anonymously"
on_selected_row "after noting what was said"

# ---- we did: a response to each
keys r
titled "r" "You said, we did: Autism forum: the draft aims"
shows "the first still to answer" "Olu Adebayo-Nwosu said this"
selected "r" "response: pending"
on_selected_row "the response"
keys Enter
in_field "choosing the response" "response"
keys 2 Enter
shows "adopted" "response: adopted"
selected "on to what was done" "what was done: empty"
keys Enter
typed "The form is now two pages"
in_field "typing what was done" "what was done"
keys Enter
shows "what was done saved" "Saved what was done: The form is now two pages."
keys q
titled "q" "Adult autism strategy: Autism forum: the draft aims"
shows "answered" "adopted: The forms are too long, said by Olu Adebayo-Nwosu, answered"
keys r
shows "r opens the next still to answer" "Someone, anonymously, said this"
keys Enter 4 Enter
shows "not possible" "response: not possible"
shows "asked for the reason" "Now give the reason"
keys Down Enter
typed "Rooms are only free in the morning"
in_field "typing the reason" "reason"
keys Enter
shows "the reason saved" "Saved the reason: Rooms are only free in the morning."
keys q
shows "answered with its reason" "not possible: Meetings should start after ten, said anonymously, answ"
sums_up "nothing left to answer" "2 things said; 3 people still to be told"

# ---- feedback given to one person: find goes down from the top of the screen
keys '<'
keys /
typed "Farah B."
keys Enter
selected "/ Farah B." "due soon: Farah B., carer"
on_selected_row "found a person"
keys g
says "g marks them told" "Marked Farah B. as told on 2026-11-22 by letter, in Urdu, their preferred format."
selected "g" "told: Farah B., carer"
on_selected_row "after g"
sums_up "the summary says two still owed" "2 people still to be told what came of it, due 2026-11-22"

# ---- Today has changed
keys q
titled "q" "Adult autism strategy: Strategic framework, stage 5 of 12"
# / goes through the findings that name the meeting, then on into the list of meetings.
find_row "Autism forum" "due soon: Autism forum: the draft aims"
selected "the stage lists the meeting, feedback due soon" "due soon: Autism forum: the draft aims, 3 came, 2 owed feedback"
on_selected_row "the meeting on its stage"
says "the meeting's row in full, with its date" "2 owed feedback, 2026-11-22"
keys q q q
titled "back to Today" "Today, 2026-11-22"
shows "the meeting is due soon, first" "$row"
if eventually first_due_soon "$row"; then pass "it is the first row due soon"; else fail "it is not the first row due soon"; screen; fi
keys /
typed "Autism forum"
keys Enter
selected "/ Autism forum" "$row"
on_selected_row "the meeting's row on Today"
says "the row in full names who is owed" "due 2026-11-22 — Ann B. (large print) and Olu Adebayo-Nwosu"
keys Enter
titled "Enter on the row" "Adult autism strategy: Autism forum: the draft aims"
keys f
shows "f asks first" "(y or n)"
keys y
says "everyone told" "Marked 2 people as told"
shows "no one still owed" "told: Ann B."
lacks "no one still owed" "not yet told"
keys q
titled "back to Today" "Today, 2026-11-22"
lacks "the row is gone" "Autism forum"
if eventually first_due_soon "due soon: tell Abdul R."; then pass "the first row due soon is as it was"; else fail "the first row due soon changed"; screen; fi
on_selected_row "Today after"
keys Q
shows "Q leaves with status 0" "EXITED 0"
finish
