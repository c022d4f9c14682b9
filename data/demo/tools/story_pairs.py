#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Build the labelled pair set for story clustering: data/demo/story_pairs.tsv.

Every pair is two items of the demo corpus, named by (feed file, GUID) as in stories.tsv, with a
label (same: the two items tell the same story; different: they do not) and a class that says
what kind of pair it is, so precision and recall can be reported per class:

  same/exact        both items carry the reference's exact wire copy
  same/edited       same language, lightly edited (new title, cut paragraph, dateline...)
  same/translated   the two items are in different languages (not expected to match by
                    fingerprint: recall is reported separately)
  different/trap    the "distinct" trap groups of stories.tsv: look-alikes that are not the story
  different/sibling every item of a story against every item of a story it is trapped with
                    (e.g. the Mali and Burkina cotton prices, each with its republications)
  different/template two items of one feed rendered from one template (weekly price reports,
                    tender notices, notification alerts): same boilerplate, other facts
  different/random  two items drawn at random from different stories or singles

Positives are all pairs within each story of stories.tsv; the item universe (for negatives) comes
from the corpus generator (build_corpus.collect()), and the script checks that stories.tsv agrees
with it. Output is deterministic (fixed seed, sorted).

    python3 data/demo/tools/story_pairs.py          # writes data/demo/story_pairs.tsv
    python3 data/demo/tools/story_pairs.py --check  # exit 1 if the file is out of date
"""

import itertools
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_corpus  # noqa: E402
from generated import generated_items  # noqa: E402

DEMO = Path(__file__).resolve().parent.parent
STORIES = DEMO / "stories.tsv"
OUT = DEMO / "story_pairs.tsv"
SEED = 20260427
TEMPLATE_PAIRS = 120
RANDOM_PAIRS = 160


def read_stories():
    """story key -> [(feed_file, guid, relation)], in file order."""
    stories: dict[str, list[tuple[str, str, str]]] = {}
    for line in STORIES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, feed, guid, relation = line.split("\t")
        stories.setdefault(key, []).append((feed, guid, relation))
    return stories


def main() -> int:
    check = "--check" in sys.argv[1:]
    items, _ = build_corpus.collect()
    file_of = {k: f["file"] for k, f in build_corpus.FEEDS.items()}
    universe = {(file_of[i.feed], i.guid): i for i in items}
    stories = read_stories()

    story_of: dict[tuple[str, str], str] = {}
    for key, members in stories.items():
        for feed, guid, relation in members:
            ref = (feed, guid)
            if ref not in universe:
                print(f"stories.tsv names an unknown item: {ref}", file=sys.stderr)
                return 1
            if not key.startswith("trap-"):
                if universe[ref].story != key:
                    print(f"stories.tsv disagrees with the generator on {ref}", file=sys.stderr)
                    return 1
                story_of[ref] = key

    pairs: dict[tuple, tuple[str, str]] = {}

    def add(a, b, label, klass):
        a, b = sorted([a, b])
        if a != b and (a, b) not in pairs:
            pairs[(a, b)] = (label, klass)

    for key, members in stories.items():
        if key.startswith("trap-"):
            continue
        for (fa, ga, ra), (fb, gb, rb) in itertools.combinations(members, 2):
            la, lb = universe[(fa, ga)].lang, universe[(fb, gb)].lang
            if la != lb:
                klass = "translated"
            elif ra == "exact" and rb == "exact":
                klass = "exact"
            else:
                klass = "edited"
            add((fa, ga), (fb, gb), "same", klass)

    for key, members in stories.items():
        if not key.startswith("trap-"):
            continue
        refs = [(f, g) for f, g, _ in members]
        for a, b in itertools.combinations(refs, 2):
            add(a, b, "different", "trap")
        # A trap between two stories' items extends to their republications.
        owners = [story_of.get(r) for r in refs]
        for sa, sb in itertools.combinations([o for o in owners if o], 2):
            if sa == sb:
                continue
            for (fa, ga, _), (fb, gb, _) in itertools.product(stories[sa], stories[sb]):
                add((fa, ga), (fb, gb), "different", "sibling")

    rng = random.Random(SEED)
    generated = {(g.feed, g.slug) for g in generated_items()}
    templated: dict[str, list] = {}
    for it in items:
        if it.story is None and (it.feed, it.key) in generated:
            templated.setdefault(file_of[it.feed], []).append((file_of[it.feed], it.guid))
    template_candidates = sorted(
        (a, b) for group in templated.values() for a, b in itertools.combinations(sorted(group), 2))
    for a, b in rng.sample(template_candidates, min(TEMPLATE_PAIRS, len(template_candidates))):
        add(a, b, "different", "template")

    refs = sorted(universe)
    added = 0
    while added < RANDOM_PAIRS:
        a, b = rng.sample(refs, 2)
        sa, sb = story_of.get(a), story_of.get(b)
        if sa is not None and sa == sb:
            continue
        before = len(pairs)
        add(a, b, "different", "random")
        added += len(pairs) - before

    lines = [
        "# Labelled pairs for story clustering over the demo corpus "
        "(generated by tools/story_pairs.py from stories.tsv; do not edit).",
        "# label<TAB>class<TAB>feed_a<TAB>guid_a<TAB>feed_b<TAB>guid_b",
        "# label: same | different. class: exact, edited, translated (same); trap, sibling, "
        "template, random (different).",
    ]
    order = {"same": 0, "different": 1}
    for (a, b), (label, klass) in sorted(pairs.items(),
                                         key=lambda kv: (order[kv[1][0]], kv[1][1], kv[0])):
        lines.append("\t".join([label, klass, a[0], a[1], b[0], b[1]]))
    text = "\n".join(lines) + "\n"
    if check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    counts: dict[tuple[str, str], int] = {}
    for label, klass in pairs.values():
        counts[(label, klass)] = counts.get((label, klass), 0) + 1
    for k in sorted(counts):
        print(f"{k[0]}/{k[1]}: {counts[k]}")
    print(f"total: {len(pairs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
