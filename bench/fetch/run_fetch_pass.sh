#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Fetch-pass benchmark, end to end on loopback: starts vigie_bench_fixture_server with N feeds,
# runs vigie_bench_fetch_pass (plain pass, then conditional pass), stops the server and prints
# what it sent. Usage: run_fetch_pass.sh BUILD_DIR [N] [extra driver flags...]
set -euo pipefail
build=${1:?usage: run_fetch_pass.sh BUILD_DIR [N] [driver flags]}
feeds=${2:-2000}
shift $(( $# >= 2 ? 2 : 1 ))
server_bin="$build/bench/fetch/vigie_bench_fixture_server"
driver_bin="$build/bench/fetch/vigie_bench_fetch_pass"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$server_bin" --feeds "$feeds" --port 0 >"$out" &
server=$!
for _ in $(seq 1 200); do
  grep -q '^listening on' "$out" && break
  sleep 0.05
done
port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$out")
if [[ -z "$port" ]]; then
  echo "fixture server did not start" >&2
  kill "$server" 2>/dev/null || true
  exit 1
fi
status=0
/usr/bin/time -f "driver: %e s wall, %M KiB max RSS (time)" \
  "$driver_bin" --base-url "http://127.0.0.1:$port" --feeds "$feeds" "$@" || status=$?
kill -TERM "$server"
wait "$server" || true
grep -v '^listening' "$out" | sed 's/^/server: /'
exit $status
