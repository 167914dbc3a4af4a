# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the text-mode transcripts (sourced): compare a run with its golden transcript, and
# check that the text mode wrote plain lines only.

# text_check ACTUAL EXPECTED [--update]: with --update, make ACTUAL the golden transcript;
# otherwise say what differs and what is not plain text. Returns 0 when all is well.
text_check() {
	if [ "${3:-}" = --update ]; then
		cp "$1" "$2"
		return 0
	fi
	ok=0
	if ! diff -u "$2" "$1"; then
		echo "the transcript differs from tests/text/${2##*/}" >&2
		ok=1
	fi
	# Append-only text: no escape or other control bytes, only line breaks.
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1"; then
		echo "the text mode wrote a control byte:" >&2
		LC_ALL=C grep -n "$(printf '[\001-\010\013-\037\177]')" "$1" | head -5 >&2
		ok=1
	fi
	# No box drawing or block characters (U+2500-U+259F), and no spinner braille (U+2800-U+28FF).
	if grep -q "$(printf '\342\224\200\|\342\225\220\|\342\226\210\|\342\240')" "$1"; then
		echo "the text mode drew a box or block character" >&2
		ok=1
	fi
	return $ok
}
