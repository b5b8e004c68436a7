#!/usr/bin/env python3
"""Adds or replaces localized strings in Resources/SharedResource{,.fr,.ar}.resx, keeping keys sorted.

Usage: scripts/resx-add.py FILE.tsv   (lines: key<TAB>english<TAB>french<TAB>arabic)
       scripts/resx-add.py --remove KEY...   (drops keys nothing reads any more)
Several people (or agents) may run it at once: it holds a lock while it rewrites the three files.
"""
import fcntl, os, sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Pathway.Web", "Resources")
files = {0: "SharedResource.resx", 1: "SharedResource.fr.resx", 2: "SharedResource.ar.resx"}

def load(path):
    tree = ET.parse(path)
    return {d.get("name"): d.find("value").text or "" for d in tree.getroot().findall("data")}

def write(path, entries):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head = text[: text.index("<data ")] if "<data " in text else text[: text.index("</root>")]
    body = "".join(f'  <data name="{escape(k)}" xml:space="preserve">\n    <value>{escape(v)}</value>\n  </data>\n'
                   for k, v in sorted(entries.items(), key=lambda kv: kv[0]))
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(head.rstrip(" ") + body + "</root>\n")
    os.replace(path + ".tmp", path)

rows, removed = [], []
if sys.argv[1] == "--remove":
    removed = sys.argv[2:]
for line in ([] if removed else open(sys.argv[1], encoding="utf-8")):
    line = line.rstrip("\n")
    if not line.strip():
        continue
    parts = line.split("\t")
    if len(parts) != 4:
        sys.exit(f"expected 4 tab-separated columns: {line!r}")
    rows.append(parts)

with open(os.path.join(root, ".resx.lock"), "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    for index, name in files.items():
        path = os.path.join(root, name)
        entries = load(path)
        for row in rows:
            entries[row[0]] = row[index + 1]
        for key in removed:
            entries.pop(key, None)
        write(path, entries)
print(f"{len(removed)} keys removed" if removed else f"{len(rows)} keys written")
