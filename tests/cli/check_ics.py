#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check_ics.py FILE [LATER]: read an iCalendar file the way a calendar program
# does (python3-icalendar, from Debian), after checking its raw lines (CRLF,
# at most 75 octets, whole UTF-8), and print what it holds, one fact a line,
# for a shell test to look for:
#   events N
#   event UID<TAB>YYYY-MM-DD<TAB>SUMMARY
#   description UID<TAB>DESCRIPTION with its line breaks as " | "
# Given LATER, an export made after FILE, also:
#   same-uids yes|no          both hold exactly the same UIDs
#   dtstamp-not-earlier yes|no  no event's DTSTAMP in LATER is before FILE's
# Exits 1 with the problem on stderr when a line is wrong or parsing fails,
# and 77 (skip) when icalendar is not installed.
import sys

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed", file=sys.stderr)
    sys.exit(77)


def raw_lines_sound(path):
    data = open(path, "rb").read()
    if not data.endswith(b"\r\n"):
        return "the file does not end with CRLF"
    for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            return "line %d has a bare line break" % number
        if len(line) > 75:
            return "line %d is %d octets long" % (number, len(line))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            return "line %d splits a UTF-8 character" % number
    return None


def events(path):
    problem = raw_lines_sound(path)
    if problem:
        print("%s: %s" % (path, problem), file=sys.stderr)
        sys.exit(1)
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


first = events(sys.argv[1])
print("events %d" % len(first))
for uid, e in sorted(first.items()):
    print("event %s\t%s\t%s" % (uid, e["DTSTART"].dt.isoformat(), e["SUMMARY"]))
    print("description %s\t%s" % (uid, str(e["DESCRIPTION"]).replace("\n", " | ")))
if len(sys.argv) > 2:
    later = events(sys.argv[2])
    print("same-uids %s" % ("yes" if set(first) == set(later) else "no"))
    stamps = all(later[u]["DTSTAMP"].dt >= first[u]["DTSTAMP"].dt for u in first if u in later)
    print("dtstamp-not-earlier %s" % ("yes" if stamps else "no"))
