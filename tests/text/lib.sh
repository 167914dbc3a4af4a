# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the text-mode tests: compare a transcript with its golden copy (or write the copy
# with --update), and check that it holds only text: no escape or other control bytes, no box
# drawing, block or spinner characters.
# transcript ACTUAL EXPECTED [--update]: sets status to 1 on any difference or forbidden byte.
transcript() {
	actual=$1 expected=$2
	if [ "${3:-}" = --update ]; then
		cp "$actual" "$expected"
		return 0
	fi
	if ! diff -u "$expected" "$actual"; then
		echo "the transcript differs from $expected" >&2
		status=1
	fi
	# Append-only text: no escape or other control bytes, only line breaks.
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$actual"; then
		echo "the text mode wrote a control byte:" >&2
		LC_ALL=C grep -n "$(printf '[\001-\010\013-\037\177]')" "$actual" | head -5 >&2
		status=1
	fi
	# No box drawing or block characters (U+2500-U+259F), and no spinner braille (U+2800-U+28FF).
	if grep -q "$(printf '\342\224\200\|\342\225\220\|\342\226\210\|\342\240')" "$actual"; then
		echo "the text mode drew a box or block character" >&2
		status=1
	fi
}
