#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Fails when a message catalog lacks a key the code uses (DESIGN.md §6 "i18n").

Keys are the string literals of src/ that look like message keys or error reasons:
"<area>.<name>" with a known area. Usage: check_i18n.py SRC_DIR I18N_DIR
"""
import pathlib
import re
import sys

AREAS = "cli|fetch|storage|ingest|query|opml|source|config|i18n|search|service|index|worker|topic|signal|people|mail|triage|publish|subscription|outbox|web|feed"
KEY = re.compile(r'"((?:%s)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)"' % AREAS)


def catalog_keys(path):
    keys = set()
    msgid = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r'msgid "(.*)"$', line)
        if m:
            msgid = m.group(1)
            continue
        m = re.match(r'msgstr "(.*)"$', line)
        if m and msgid:
            if m.group(1):
                keys.add(msgid)
            msgid = None
    return keys


def main():
    src, i18n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    used = {}
    for f in sorted(src.rglob("*")):
        # Configuration keys ("fetch.proxy") look like message keys but are not shown to people.
        if f.suffix not in (".cpp", ".h") or f.name == "config.cpp":
            continue
        for n, line in enumerate(f.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for key in KEY.findall(line):
                used.setdefault(key, f"{f.relative_to(src)}:{n}")
    failed = False
    for po in sorted(i18n.glob("*.po")):
        have = catalog_keys(po)
        for key, where in sorted(used.items()):
            family = re.sub(r"\d\d$", "xx", key)
            if key not in have and family not in have:
                print(f"{po.name}: missing '{key}' (used at {where})")
                failed = True
    print(f"i18n: {len(used)} keys checked" + (" — missing keys" if failed else ": ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
