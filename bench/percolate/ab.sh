#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Compares two builds of vigie_bench_percolate on this machine, whose speed swings with the
# host: runs them alternately, ROUNDS times each, and prints the min, first quartile and
# median of the `percolate:` time. Extra arguments go to both (default: 10,000 topics,
# 20,000 items, no FTS5 peer).
#
#   bench/percolate/ab.sh 10 /path/to/old/vigie_bench_percolate build/release/bench/percolate/vigie_bench_percolate
set -euo pipefail
if [[ $# -lt 3 ]]; then
  echo "usage: $0 ROUNDS BENCH_A BENCH_B [bench arguments]" >&2
  exit 2
fi
rounds=$1 a=$2 b=$3
shift 3
args=("$@")
if [[ ${#args[@]} -eq 0 ]]; then
  args=(--topics 10000 --items 20000 --fts-items 0)
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((r = 0; r < rounds; r++)); do
  for v in A B; do
    bin=$a
    [[ $v == B ]] && bin=$b
    "$bin" "${args[@]}" | awk -v v="$v" '/^percolate:/ { print v, $2 }' >> "$out"
  done
done
for v in A B; do
  awk -v v="$v" '$1 == v { print $2 }' "$out" | sort -n |
    awk -v v="$v" '{ t[NR] = $1 } END { printf "%s: min %.3f s, first quartile %.3f s, median %.3f s (%d runs)\n", v, t[1], t[int(NR / 4) + 1], t[int((NR + 1) / 2)], NR }'
done
