#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# A collection pass of the real `vigie` binary over N feeds served on loopback: import N
# sources, `vigie fetch --all` twice (the second pass is conditional: ETag/Last-Modified), and
# report wall time, peak memory and the bytes each pass received, with their ratio.
# Usage: bench/fetch/run_e2e.sh BUILD_DIR [N=2000]
set -euo pipefail
build=${1:?usage: run_e2e.sh BUILD_DIR [N]}
feeds=${2:-2000}
vigie="$build/src/main/vigie"
server_bin="$build/bench/fetch/vigie_bench_fixture_server"
work=$(mktemp -d)
server=""
cleanup() { [[ -n "$server" ]] && kill -TERM "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$server_bin" --feeds "$feeds" --port 0 >"$work/server.out" &
server=$!
for _ in $(seq 1 200); do grep -q '^listening on' "$work/server.out" && break; sleep 0.05; done
port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.out")
[[ -n "$port" ]] || { echo "fixture server did not start" >&2; exit 1; }

{
  echo '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>bench</title></head><body>'
  for ((i = 0; i < feeds; i++)); do
    echo "<outline type=\"rss\" text=\"Source $i\" xmlUrl=\"http://127.0.0.1:$port/feed/$i.xml\"/>"
  done
  echo '</body></opml>'
} >"$work/sources.opml"
# All feeds live on one host here, so politeness is set as for N different hosts.
cat >"$work/vigie.toml" <<TOML
[fetch]
allow = ["127.0.0.1:$port"]
max_concurrent = 16
per_host_max_concurrent = 16
per_host_min_delay_ms = 0
[worker]
batch_size = 500
TOML
export VIGIE_DB="$work/vigie.db" VIGIE_CONFIG="$work/vigie.toml" VIGIE_LANG=en
"$vigie" sources import "$work/sources.opml" >/dev/null

pass() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$vigie" fetch --all >"$work/out"
  read -r wall rss <"$work/time"
  bytes=$(sed -n 's/.* \([0-9]*\) bytes received.*/\1/p' "$work/out")
  echo "$wall $rss $bytes"
}
read -r w1 m1 b1 < <(pass)
read -r w2 m2 b2 < <(pass)
items=$("$vigie" search --json --limit 1 'coton OR cajou OR prix' | sed -n 's/.*"total": \([0-9]*\).*/\1/p')
printf 'feeds: %d (loopback fixture server, realistic 20-item RSS with full content)\n' "$feeds"
printf 'pass 1 (everything new): %6.2f s wall, %7d KiB peak RSS, %10d bytes received\n' "$w1" "$m1" "$b1"
printf 'pass 2 (conditional):    %6.2f s wall, %7d KiB peak RSS, %10d bytes received\n' "$w2" "$m2" "$b2"
awk -v a="$b2" -v b="$b1" 'BEGIN { printf "pass 2 / pass 1 bytes: %.2f%% (target < 5%%)\n", 100 * a / b }'
echo "items found for a sample query after pass 1: $items"
