#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the shape docs/ARCHITECTURE.md promises: no source file in src/
over 1,200 lines (the window itself at most 1,000), and no GTK or
libadwaita include in the layers that must build without them (src/model,
and src/charts but for the widget). The build enforces the includes too;
this names the file. Prints TAP."""
import os
import re
import sys

root = sys.argv[1]
src = os.path.join(root, "src")
LIMIT = 1200
LIMITS = {"src/pledge-window.c": 1000}
GTK_FREE = ("src/model/", "src/charts/")
WIDGETS = {"src/charts/pledge-chart-view.c", "src/charts/pledge-chart-view.h"}
gtk_include = re.compile(r'^\s*#\s*include\s*[<"](gtk/|adwaita\.h|gdk/)', re.M)

checks = []
for dirpath, _, names in sorted(os.walk(src)):
    for name in sorted(names):
        if not name.endswith((".c", ".h")):
            continue
        path = os.path.join(dirpath, name)
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        lines = text.count("\n")
        limit = LIMITS.get(rel, LIMIT)
        checks.append((lines <= limit, "%s: %d lines (at most %d)" % (rel, lines, limit)))
        if rel.startswith(GTK_FREE) and rel not in WIDGETS:
            found = gtk_include.search(text)
            checks.append((found is None, "%s: no GTK include%s"
                           % (rel, "" if found is None else " (has %s)" % found.group(0).strip())))

print("1..%d" % len(checks))
failed = 0
for i, (ok, what) in enumerate(checks, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, what))
    failed += not ok
sys.exit(1 if failed else 0)
