#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates the test files against data/pledge-dataset.rng with xmllint:
every good file and bundled dataset must pass; every bad file must fail,
except those whose fault RELAX NG cannot see (uniqueness, scenario logic,
what happens before XML parsing). Prints TAP."""
import glob
import os
import subprocess
import sys

root = sys.argv[1]
rng = os.path.join(root, "data", "pledge-dataset.rng")

# Faults only the loader can find: RELAX NG has no uniqueness or
# cross-references, and these files are well-formed and shaped right.
SEMANTIC = {
    "duplicate-member.xml", "duplicate-year.xml", "duplicate-target.xml",
    "duplicate-scenario.xml", "scenario-unknown-member.xml",
    "scenario-before-joining.xml", "grow-needs-gdp-rate.xml",
    "grow-no-defence.xml", "grow-backwards.xml", "zero-gdp-share.xml",
    "left-before-joined.xml", "empty-name.xml", "overflow.xml",
    "billion-laughs.xml", "doctype-entity-file.xml", "doctype-entity-http.xml",
    "external-dtd.xml",
    # xmllint decompresses gzip by itself: Pledge refuses it before parsing.
    "compressed.xml",
    # xmllint reads UTF-16: Pledge refuses it before parsing.
    "utf16-bom-declares-utf8.xml", "utf16-be-bom-no-declaration.xml", "utf16-declared.xml",
    # Version 2: a number past a double's range, and units/@constant
    # required by a -constant figure elsewhere in the file.
    "v2-overflow.xml", "v2-constant-missing.xml", "v2-constant-missing-units-last.xml",
}


def valid(path):
    result = subprocess.run(["xmllint", "--noout", "--nonet", "--relaxng", rng, path],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return result.returncode == 0


checks = []
for path in sorted(glob.glob(os.path.join(root, "data", "datasets", "*.xml")) +
                   glob.glob(os.path.join(root, "tests", "data", "good", "*.xml"))):
    checks.append(("valid: %s" % os.path.relpath(path, root), valid(path)))
for path in sorted(glob.glob(os.path.join(root, "tests", "data", "bad", "*.xml"))):
    name = os.path.basename(path)
    if name in SEMANTIC:
        continue
    checks.append(("refused: %s" % os.path.relpath(path, root), not valid(path)))

print("1..%d" % len(checks))
for i, (name, ok) in enumerate(checks, 1):
    print("%s %d %s" % ("ok" if ok else "not ok", i, name))
sys.exit(0 if all(ok for _, ok in checks) else 1)
