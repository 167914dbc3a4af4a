# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the text-mode transcript tests (sourced): compare a transcript with its golden file.
# golden ACTUAL DIR NAME [--update]: with --update, write DIR/NAME.expected and stop (exit 0);
# else say how ACTUAL differs from it, and check that the text mode only added lines: no escape or
# other control bytes, no box drawing, block or spinner characters. Exits 0 when all is well, else 1.
golden() {
	actual=$1 dir=$2 name=$3 status=0
	if [ "${4:-}" = --update ]; then
		cp "$actual" "$dir/$name.expected"
		exit 0
	fi
	if ! diff -u "$dir/$name.expected" "$actual"; then
		echo "the transcript differs from tests/text/$name.expected" >&2
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
	exit $status
}
