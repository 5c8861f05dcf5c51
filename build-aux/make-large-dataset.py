#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large, deterministic Pledge dataset for benchmarks.

    build-aux/make-large-dataset.py [--records N] [--scenario] OUT [MEMBERS [YEARS]]

Default: 3,334 members x 300 years = 1,000,200 figure records (about
80 MB). --records N makes ceil(N / YEARS) members instead, for N records
or a few more (100,000 -> 334 x 300 = 100,200). --scenario adds a
scenario, "grow", that grows every member's defence and GDP over the last
ten years: its figures are computed, so they need all seventeen digits.
Every run writes the same bytes: the numbers come from a small linear
congruential generator, not from Python's random module.
"""
import argparse


def main():
    parser = argparse.ArgumentParser(description="Writes a large, deterministic Pledge dataset.")
    parser.add_argument("out")
    parser.add_argument("members", nargs="?", type=int, default=3334)
    parser.add_argument("years", nargs="?", type=int, default=300)
    parser.add_argument("--records", type=int, help="about this many figure records")
    parser.add_argument("--scenario", action="store_true", help="add a scenario over every member")
    args = parser.parse_args()
    years = args.years
    members = args.members
    if args.records is not None:
        members = max(1, -(-args.records // years))
    first = 1900
    state = 12345

    def rand():
        nonlocal state
        state = (state * 1103515245 + 12345) % 2147483648
        return state / 2147483648.0

    def code(i):
        return "".join(chr(ord("A") + (i // 26 ** k) % 26) for k in (2, 1, 0))

    with open(args.out, "w", encoding="utf-8") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<pledge-dataset version="1">\n')
        w("  <title>Synthetic benchmark dataset, %d members x %d years</title>\n" % (members, years))
        w('  <units currency="USD" scale="million" prices="current"/>\n')
        w("  <targets>\n")
        w('    <target id="gdp-2" metric="defence-gdp" min="2" from="1900" name="2% of GDP"/>\n')
        w('    <target id="equipment-20" metric="equipment-defence" min="20" from="1900" name="20% on equipment"/>\n')
        w("  </targets>\n")
        if args.scenario:
            w("  <scenarios>\n")
            w('    <scenario id="grow" name="Everyone grows">\n')
            w('      <grow member="*" from="%d" to="%d" defence-rate="3" gdp-rate="1.5"/>\n'
              % (first + max(0, years - 10), first + years - 1))
            w("    </scenario>\n  </scenarios>\n")
        w("  <members>\n")
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
