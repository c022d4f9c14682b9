#!/usr/bin/python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Check the demo corpus: every XML file well-formed (except the deliberately broken one), the
JSON feed valid, every feed loaded by feedparser with the expected entry count and bozo flag, and
every GUID named in stories.tsv found among its feed's entries (id, or link when there is none).

    /usr/bin/python3 data/demo/tools/check_corpus.py    # needs python3-feedparser
"""

import json
import sys
import xml.dom.minidom
from collections import Counter
from pathlib import Path

import feedparser
from feedparser.datetimes import _parse_date

DEMO = Path(__file__).resolve().parent.parent
BROKEN = "broken_unclosed_tags.xml"


def json_feed(path: Path) -> feedparser.FeedParserDict:
    """feedparser 6.0 does not read JSON Feed: check JSON Feed 1.1 structure here instead and
    return a feedparser-like result (entries with id, link; bozo set on any defect)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = feedparser.FeedParserDict(bozo=0, entries=[], version="json11")
    problems = []
    if doc.get("version") != "https://jsonfeed.org/version/1.1" or not doc.get("title"):
        problems.append("bad version or title")
    for it in doc.get("items", []):
        if not it.get("id") or not (it.get("content_html") or it.get("content_text")):
            problems.append(f"item without id or content: {it.get('id')}")
        if _parse_date(it.get("date_published", "")) is None:
            problems.append(f"unparsable date: {it.get('date_published')}")
        out.entries.append(feedparser.FeedParserDict(id=it.get("id"), link=it.get("url")))
    if problems:
        out.bozo, out.bozo_exception = 1, "; ".join(problems)
    return out


def main() -> int:
    stats = json.loads((DEMO / "tools" / "last_build_stats.json").read_text())
    expected = {f: sum(langs.values()) for f, langs in stats["per_feed"].items()}
    ids: dict[str, set[str]] = {}
    failures = 0
    for path in sorted((DEMO / "feeds").iterdir()):
        name = path.name
        if name.endswith(".json"):
            json.loads(path.read_text(encoding="utf-8"))
            wellformed = True
        else:
            try:
                xml.dom.minidom.parse(str(path))
                wellformed = True
            except Exception:  # noqa: BLE001 - any parse error means not well-formed
                wellformed = False
        if name.endswith(".json"):
            d = json_feed(path)
        else:
            d = feedparser.parse(str(path))
        n = len(d.entries)
        ids[name] = {e.get("id") or e.get("link") for e in d.entries} | {e.get("link") for e in d.entries}
        want_broken = name == BROKEN
        ok = (wellformed != want_broken) and (bool(d.bozo) == want_broken) and n == expected[name]
        failures += not ok
        print(f"{'ok ' if ok else 'BAD'} {name:32} {d.version or '?':8} entries={n:3} expected={expected[name]:3}"
              f" bozo={int(bool(d.bozo))} wellformed={int(wellformed)}"
              + (f"  ({d.bozo_exception})" if d.bozo else ""))
    per_key = Counter()
    for line in (DEMO / "stories.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        key, feed, guid, rel = line.split("\t")
        per_key[key] += 1
        if rel not in ("exact", "edited", "translated", "distinct") or guid not in ids.get(feed, set()):
            print("BAD stories.tsv line:", line)
            failures += 1
    stories = [k for k in per_key if not k.startswith("trap-")]
    print(f"stories.tsv: {len(stories)} stories over {sum(per_key[k] for k in stories)} items,"
          f" sizes {sorted(Counter(per_key[k] for k in stories).items())},"
          f" {len(per_key) - len(stories)} trap groups")
    print("FAILURES:", failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
