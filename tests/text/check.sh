# SPDX-License-Identifier: GPL-3.0-or-later
# What the text-mode transcript tests share, sourced by them: compare a transcript with its golden
# file, and check that it is append-only text.
# check_transcript EXPECTED ACTUAL: prints what differs or what is wrong; returns 1 if anything is.
check_transcript() {
	ok=0
	if ! diff -u "$1" "$2"; then
		echo "the transcript differs from $1" >&2
		ok=1
	fi
	# Append-only text: no escape or other control bytes, only line breaks.
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$2"; then
		echo "the text mode wrote a control byte:" >&2
		LC_ALL=C grep -n "$(printf '[\001-\010\013-\037\177]')" "$2" | head -5 >&2
		ok=1
	fi
	# No box drawing or block characters (U+2500-U+259F), and no spinner braille (U+2800-U+28FF).
	if grep -q "$(printf '\342\224\200\|\342\225\220\|\342\226\210\|\342\240')" "$2"; then
		echo "the text mode drew a box or block character" >&2
		ok=1
	fi
	return $ok
}
