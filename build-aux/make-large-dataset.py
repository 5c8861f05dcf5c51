#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large, deterministic Pledge dataset for benchmarks.

    build-aux/make-large-dataset.py OUT [MEMBERS [YEARS]]

Default: 3,334 members x 300 years = 1,000,200 figure records (about
80 MB). Every run writes the same bytes: the numbers come from a small
linear congruential generator, not from Python's random module.
"""
import sys


def main():
    out = sys.argv[1]
    members = int(sys.argv[2]) if len(sys.argv) > 2 else 3334
    years = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    first = 1900
    state = 12345

    def rand():
        nonlocal state
        state = (state * 1103515245 + 12345) % 2147483648
        return state / 2147483648.0

    def code(i):
        return "".join(chr(ord("A") + (i // 26 ** k) % 26) for k in (2, 1, 0))

    with open(out, "w", encoding="utf-8") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<pledge-dataset version="1">\n')
        w("  <title>Synthetic benchmark dataset, %d members x %d years</title>\n" % (members, years))
        w('  <units currency="USD" scale="million" prices="current"/>\n')
        w("  <targets>\n")
        w('    <target id="gdp-2" metric="defence-gdp" min="2" from="1900" name="2% of GDP"/>\n')
        w('    <target id="equipment-20" metric="equipment-defence" min="20" from="1900" name="20% on equipment"/>\n')
        w("  </targets>\n  <members>\n")
        for m in range(members):
            w('    <member code="%s" name="Member %d" joined="%d">\n' % (code(m), m + 1, first))
            gdp = 1000 + rand() * 100000
            for y in range(years):
                gdp *= 1 + (rand() - 0.3) * 0.05
                defence = gdp * (0.005 + rand() * 0.03)
                w('      <figures year="%d" gdp="%.1f" defence="%.2f" equipment="%.2f"/>\n'
                  % (first + y, gdp, defence, 5 + rand() * 30))
            w("    </member>\n")
        w("  </members>\n</pledge-dataset>\n")


if __name__ == "__main__":
    main()
