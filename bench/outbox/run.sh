#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# One alert to N recipients (700: a regional bulletin list) through a real SMTP server on
# loopback (aiosmtpd, tests/support/smtp/smtp_server.py): `vigie deliver --once` sends them
# all; we report the time until every message is delivered and the pass's peak memory. Peer,
# same script, same server: Python's smtplib sending the same N messages (the bytes Vigie
# sent), one connection per message as Vigie does, then all over one connection.
# Usage: bench/outbox/run.sh BUILD_DIR [N=700] [WORKERS=4]
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR [N] [WORKERS]}
n=${2:-700}
workers=${3:-4}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
vigie="$build/src/main/vigie"
work=$(mktemp -d)
server=""
cleanup() { [[ -n "$server" ]] && kill -TERM "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

/usr/bin/python3 "$root/tests/support/smtp/smtp_server.py" --maildir "$work/mail" >"$work/server.out" &
server=$!
for _ in $(seq 1 400); do grep -q '^READY' "$work/server.out" && break; sleep 0.05; done
port=$(sed -n 's/^READY \([0-9]*\)/\1/p' "$work/server.out")
[[ -n "$port" ]] || { echo "SMTP server did not start" >&2; exit 1; }

cat >"$work/vigie.toml" <<TOML
[mail]
smtp_url = "smtp://127.0.0.1:$port"
from = "Veille CCI <veille@cci.example>"
[outbox]
workers = $workers
TOML
export VIGIE_DB="$work/vigie.db" VIGIE_CONFIG="$work/vigie.toml" VIGIE_LANG=en
"$vigie" topics add Coton 'coton OR cotton' --priority high >/dev/null
"$vigie" ingest "$root/data/demo/feeds/cci-burkina.xml" "$root/data/demo/feeds/cotton-market-weekly.xml" >/dev/null
echo "setting up $n recipients (users, alert list, immediate subscriptions)..." >&2
for ((i = 0; i < n; i++)); do
  "$vigie" users add "r$i@members.example" --name "Recipient $i" >/dev/null
  "$vigie" alert-list add Coton "r$i@members.example" >/dev/null
  "$vigie" subscriptions add "r$i@members.example" Coton --rhythm immediate >/dev/null
done
story=$("$vigie" inbox --topic Coton --json --limit 1 | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])')
"$vigie" review "$story" alert >/dev/null

/usr/bin/time -f "%e %M" -o "$work/time" "$vigie" deliver --once --json >"$work/report.json"
read -r wall rss <"$work/time"
sent=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sent"])' "$work/report.json")
received=$(ls "$work/mail"/*.json | wc -l)

# The peer: the same bytes, through Python's smtplib, measured the same way.
cat >"$work/peer.py" <<'PY'
import glob, json, smtplib, sys, time
port, mode, maildir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
msgs = []
for meta in sorted(glob.glob(maildir + "/*.json")):
    env = json.load(open(meta))
    msgs.append((env["mail_from"], env["rcpt_tos"], open(meta[:-5] + ".eml", "rb").read()))
start = time.monotonic()
if mode == "per-message":
    for frm, to, data in msgs:
        with smtplib.SMTP("127.0.0.1", port) as s:
            s.sendmail(frm, to, data)
else:
    with smtplib.SMTP("127.0.0.1", port) as s:
        for frm, to, data in msgs:
            s.sendmail(frm, to, data)
print("%.2f %d" % (time.monotonic() - start, len(msgs)))
PY
mkdir -p "$work/vigie-sent" && cp "$work/mail"/* "$work/vigie-sent/"
peer() {
  /usr/bin/time -f "%M" -o "$work/ptime" /usr/bin/python3 "$work/peer.py" "$port" "$1" "$work/vigie-sent" >"$work/pout"
  read -r pwall pcount <"$work/pout"
  echo "$pwall $pcount $(cat "$work/ptime")"
}
read -r p1 c1 m1 < <(peer per-message)
read -r p2 c2 m2 < <(peer one-connection)

printf 'recipients: %d, one alert each (multipart text + HTML, ~%d bytes), SMTP server: aiosmtpd on loopback\n' \
  "$n" "$(( $(cat "$work/vigie-sent"/*.eml | wc -c) / n ))"
printf 'vigie deliver --once (%d workers):   %6.2f s wall, %7d KiB peak RSS, %d sent, %d received\n' \
  "$workers" "$wall" "$rss" "$sent" "$received"
printf 'python smtplib, one connection/msg:  %6.2f s (send loop), %7d KiB peak RSS, %d sent\n' "$p1" "$m1" "$c1"
printf 'python smtplib, one connection:      %6.2f s (send loop), %7d KiB peak RSS, %d sent\n' "$p2" "$m2" "$c2"
