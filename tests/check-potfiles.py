#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks po/POTFILES.in lists exactly the files with translatable strings:
C files using _(), N_(), C_() or g_dngettext, UI files with
translatable="yes", and the desktop, metainfo and schema files. Prints TAP."""
import os
import re
import sys

root = sys.argv[1]
listed = set()
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

c_marker = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext)\s*\(')
found = set()
for top in ("src", "data"):
    for dirpath, _, names in os.walk(os.path.join(root, top)):
        for name in names:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if name.endswith((".c", ".h")):
                with open(path, encoding="utf-8") as f:
                    if c_marker.search(f.read()):
                        found.add(rel)
            elif name.endswith(".ui"):
                with open(path, encoding="utf-8") as f:
                    if 'translatable="yes"' in f.read():
                        found.add(rel)
            elif name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                found.add(rel)

checks = []
for rel in sorted(found - listed):
    checks.append(("%s has translatable strings but is not in po/POTFILES.in" % rel, False))
for rel in sorted(listed - found):
    exists = os.path.exists(os.path.join(root, rel))
    checks.append(("po/POTFILES.in lists %s, which %s" %
                   (rel, "has no translatable strings" if exists else "does not exist"), False))
if not checks:
    checks.append(("po/POTFILES.in lists the %d files with translatable strings" % len(found), True))

print("1..%d" % len(checks))
for i, (name, ok) in enumerate(checks, 1):
    print("%s %d %s" % ("ok" if ok else "not ok", i, name))
sys.exit(0 if all(ok for _, ok in checks) else 1)
