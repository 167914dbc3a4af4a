#!/usr/bin/env python3
# Embed a text file in the program as a C string: embed.py INPUT OUTPUT SYMBOL
import sys

src, out, symbol = sys.argv[1:4]
data = open(src, 'rb').read()
with open(out, 'w') as f:
    f.write('/* Generated from %s by conf/embed.py; do not edit. */\n' % src.split('/')[-1])
    f.write('const char %s[] =\n' % symbol)
    for line in data.split(b'\n'):
        esc = ''.join(
            '\\\\' if b == 0x5C else '\\"' if b == 0x22 else chr(b) if 0x20 <= b < 0x7F
            else '\\%03o' % b for b in line + b'\n')
        f.write('\t"%s"\n' % esc)
    f.write(';\n')
    f.write('const unsigned long %s_size = %d;\n' % (symbol, len(data) + 1))
