#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Parse benchmark: generates a corpus of varied feeds (gen_corpus.py) in BUILD_DIR, then parses
# the same files with vigie_bench_parse and with python3-feedparser in this one run, and
# prints both throughputs and their ratio. Builds nothing: build vigie_bench_parse first, in a
# release build (-DCMAKE_BUILD_TYPE=RelWithDebInfo, VIGIE_SANITIZE=OFF).
# Usage: run.sh BUILD_DIR [COUNT] [SEED]
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR [COUNT] [SEED]}
count=${2:-240}
seed=${3:-20260101}
here=$(cd "$(dirname "$0")" && pwd)
driver="$build/bench/parse/vigie_bench_parse"
[[ -x "$driver" ]] || { echo "missing $driver: build target vigie_bench_parse" >&2; exit 1; }

corpus="$build/bench-parse-corpus"
rm -rf "$corpus"
/usr/bin/python3 "$here/gen_corpus.py" "$corpus" "$count" "$seed"

echo "== XML feeds (RSS 0.91-2.0, RSS 1.0, Atom 0.3/1.0), both parsers" >&2
vigie_line=$("$driver" "$corpus" --min-seconds 5 | tee /dev/stderr | tail -1)

# feedparser: one pass over the same files (it is slow enough that one pass is seconds long).
fp_line=$(/usr/bin/python3 - "$corpus" <<'PY'
import os, sys, time, warnings
warnings.simplefilter("ignore")
import feedparser
d = sys.argv[1]
docs = []
for name in sorted(os.listdir(d)):
    if not os.path.isfile(os.path.join(d, name)):
        continue
    with open(os.path.join(d, name), "rb") as f:
        docs.append((name, f.read()))
items = size = 0
start = time.perf_counter()
for name, data in docs:
    r = feedparser.parse(data, response_headers={"content-location": "https://%s.example.org/feed" % name})
    items += len(r.entries)
    size += len(data)
sec = time.perf_counter() - start
print("feedparser %s: %d files, %.1f MB, %d items, one pass" % (feedparser.__version__, len(docs), size / 1e6, items), file=sys.stderr)
print("feedparser files=%d bytes=%d items=%d seconds=%.4f mb_per_s=%.2f items_per_s=%.0f" % (len(docs), size, items, sec, size / 1e6 / sec, items / sec))
PY
)
echo "$fp_line"

field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }
v_mb=$(field "$vigie_line" mb_per_s); v_items=$(field "$vigie_line" items_per_s)
f_mb=$(field "$fp_line" mb_per_s); f_items=$(field "$fp_line" items_per_s)
awk -v vm="$v_mb" -v vi="$v_items" -v fm="$f_mb" -v fi="$f_items" 'BEGIN {
  printf "ratio: vigie/feedparser = %.1fx in MB/s (%.1f vs %.2f), %.1fx in items/s (%.0f vs %.0f)\n",
         vm / fm, vm, fm, vi / fi, vi, fi }'

echo "== Refresh of known entries (keep_entry refuses all: no sanitising; vigie only)" >&2
"$driver" "$corpus" --min-seconds 3 --known all >&2

echo "== JSON Feed (vigie only: feedparser does not read JSON Feed)" >&2
"$driver" "$corpus/json" --min-seconds 2 >&2
