#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/gen-hostile-scenarios.py KIND [OUT]: writes a small dataset whose
# scenarios cost far more than its size, to measure the loader's bound.
#   many-scenarios: 1000 members, 100 scenarios of one `grow *` 1900-2200
#   many-grows:     1000 members, one scenario of 1000 `grow *` 1900-2200
#   at-budget:      1000 members, 6 scenarios of one `grow *` 1900-2200, the
#                   most the loader accepts for so few figures
import sys

def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "many-scenarios"
    out = open(sys.argv[2], "w") if len(sys.argv) > 2 else sys.stdout
    n_members = 1000
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n<pledge-dataset version="1">\n')
    w('<title>Hostile</title>\n<units currency="USD" scale="million" prices="current"/>\n')
    w('<targets><target id="t" metric="defence-gdp" min="2" from="1900" name="t"/></targets>\n<members>\n')
    for i in range(n_members):
        code = chr(65 + i // 676) + chr(65 + i // 26 % 26) + chr(65 + i % 26)
        w('<member code="%s" name="m" joined="1900"><figures year="1900" gdp="100" defence="2"/></member>\n' % code)
    w('</members>\n<scenarios>\n')
    if kind in ("many-scenarios", "at-budget"):
        for s in range(100 if kind == "many-scenarios" else 6):
            w('<scenario id="s%d" name="s"><grow member="*" from="1900" to="2200" defence-rate="1" gdp-rate="1"/></scenario>\n' % s)
    elif kind == "many-grows":
        w('<scenario id="s" name="s">\n')
        for s in range(1000):
            w('<grow member="*" from="1900" to="2200" defence-rate="1" gdp-rate="1"/>\n')
        w('</scenario>\n')
    else:
        sys.exit("unknown kind: " + kind)
    w('</scenarios>\n</pledge-dataset>\n')

main()
