#!/usr/bin/env python3
# Embed a text file in the program as a NUL-terminated char array:
#   embed.py INPUT OUTPUT SYMBOL
# A byte array rather than a string literal, because ISO C limits literals to 4095 bytes.
import sys

src, out, symbol = sys.argv[1:4]
data = open(src, 'rb').read() + b'\0'
with open(out, 'w') as f:
    f.write('/* Generated from %s by conf/embed.py; do not edit. */\n' % src.split('/')[-1])
    f.write('extern const char %s[];\n' % symbol)
    f.write('const char %s[] = {\n' % symbol)
    for i in range(0, len(data), 16):
        f.write('\t' + ' '.join('%d,' % (b - 256 if b > 127 else b) for b in data[i:i + 16]) + '\n')
    f.write('};\n')
