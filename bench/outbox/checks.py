#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
# What deliveries' CHECKs cost per row written, before and after migration 0010 (IN lists
# -> OR of equalities), on the SQLite Vigie links (the system library, through Python's
# sqlite3 module). Two in-memory databases are built from the real migration files, one
# stopping before 0010; each then runs the same prepared statements row by row, as the outbox
# does: N alert inserts, then N state updates (pending -> sending -> sent). Rounds alternate
# the two databases; the best round of each is printed. Foreign keys are off (as Python's
# default), so only the CHECKs differ.
# Usage: bench/outbox/checks.py [N=100000] [ROUNDS=3] [in|or|both=both]
# With `in` or `or` alone, under callgrind, the difference of the two totals divided by N is
# the instructions the IN lists cost per delivery (one insert and two state updates).
import pathlib
import sqlite3
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
MIGRATIONS = sorted((ROOT / "src/storage/migrations/sqlite").glob("*.sql"))


def database(last):
    db = sqlite3.connect(":memory:", isolation_level=None)
    for f in MIGRATIONS:
        if int(f.name[:4]) <= last:
            db.executescript(f.read_text())
    return db


def run(db, n):
    db.execute("DELETE FROM deliveries")
    rows = [(i, "alert", i, "email", "a@cci.example", 0, 0, 0, None) for i in range(1, n + 1)]
    db.execute("BEGIN")
    t0 = time.perf_counter()
    db.executemany(
        "INSERT INTO deliveries (org_id, kind, signal_id, channel, target, created_at, "
        "next_attempt_at, give_up_at, rhythm) VALUES (1, ?2, ?1, ?4, ?5, ?6, ?7, ?8, ?9)",
        rows)
    t1 = time.perf_counter()
    ids = [(i,) for i in range(1, n + 1)]
    db.executemany("UPDATE deliveries SET state = 'sending', lease_until = 1 WHERE id = ?", ids)
    db.executemany("UPDATE deliveries SET state = 'sent', lease_until = NULL WHERE id = ?", ids)
    t2 = time.perf_counter()
    db.execute("COMMIT")
    return (t1 - t0) / n * 1e6, (t2 - t1) / (2 * n) * 1e6


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    only = sys.argv[3] if len(sys.argv) > 3 else "both"
    dbs = {}
    if only in ("in", "both"):
        dbs["IN checks (0006, up to 0009)"] = database(9)
    if only in ("or", "both"):
        dbs["OR checks (0010)"] = database(10)
    best = {k: (float("inf"), float("inf")) for k in dbs}
    for _ in range(rounds):
        for name, db in dbs.items():
            ins, up = run(db, n)
            best[name] = (min(best[name][0], ins), min(best[name][1], up))
    print(f"SQLite {sqlite3.sqlite_version}, {n} rows, best of {rounds} rounds (us per row)")
    for name, (ins, up) in best.items():
        print(f"  {name:30s} insert {ins:6.2f}   state update {up:6.2f}")


if __name__ == "__main__":
    main()
