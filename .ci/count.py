#!/usr/bin/env python3
# Count every test a meson run executed: each TAP line (ok / not ok) of a TAP
# test, and each other test as one. Prints "passed failed skipped" for one or
# more testlog.json files, and the names of what failed on stderr.
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    for line in open(path):
        t = json.loads(line)
        out = t.get('stdout') or ''
        result = t.get('result')
        oks = len(re.findall(r'^ok\b', out, re.M))
        bad = len(re.findall(r'^not ok\b', out, re.M))
        if re.search(r'^1\.\.\d+', out, re.M) and (oks or bad):
            passed += oks
            failed += bad
            # A crash after some lines passed is a failure of its own.
            if result not in ('OK', 'EXPECTEDFAIL') and bad == 0:
                failed += 1
            if bad or result not in ('OK', 'EXPECTEDFAIL'):
                print('FAILED: %s (%s)' % (t['name'], path), file=sys.stderr)
        elif result == 'SKIP':
            skipped += 1
        elif result in ('OK', 'EXPECTEDFAIL'):
            passed += 1
        else:
            failed += 1
            print('FAILED: %s (%s)' % (t['name'], path), file=sys.stderr)
print(passed, failed, skipped)
