#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: valid JSON, the app id and command the
project uses, minimal finish-args, and every local path it names exists.
(Runtimes cannot be downloaded in CI, so the manifest is not built there.)
Prints TAP."""
import json
import os
import sys

manifest_path = sys.argv[1]
root = os.path.dirname(os.path.abspath(manifest_path))
checks = []


def check(name, ok):
    checks.append((name, bool(ok)))


try:
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    check("valid JSON", True)
except (OSError, ValueError) as e:
    print("1..1\nnot ok 1 valid JSON # %s" % e)
    sys.exit(1)

check("app id", manifest.get("id") == "io.github.pledgeapp.Pledge")
check("command", manifest.get("command") == "pledge")
check("GNOME runtime", manifest.get("runtime") == "org.gnome.Platform"
      and manifest.get("sdk") == "org.gnome.Sdk")
check("runtime version", str(manifest.get("runtime-version", "")).isdigit()
      and int(manifest["runtime-version"]) >= 47)
args = manifest.get("finish-args", [])
check("minimal finish-args", set(args) == {"--share=ipc", "--socket=fallback-x11",
                                           "--socket=wayland", "--device=dri"})
check("no filesystem access (files go through portals)",
      not any(a.startswith("--filesystem") for a in args))
modules = manifest.get("modules", [])
check("built with meson", any(m.get("buildsystem") == "meson" for m in modules
                              if isinstance(m, dict)))
for module in modules:
    for source in module.get("sources", []) if isinstance(module, dict) else []:
        if "path" in source:
            path = os.path.normpath(os.path.join(root, source["path"]))
            check("path %s exists" % source["path"], os.path.exists(path))
            if source.get("type") == "dir":
                check("path %s has meson.build" % source["path"],
                      os.path.exists(os.path.join(path, "meson.build")))

print("1..%d" % len(checks))
for i, (name, ok) in enumerate(checks, 1):
    print("%s %d %s" % ("ok" if ok else "not ok", i, name))
sys.exit(0 if all(ok for _, ok in checks) else 1)
