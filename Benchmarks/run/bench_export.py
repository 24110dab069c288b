#!/usr/bin/env python3
"""Benchmarks review, export and the seller ledger over 10,000+ findings, beside a plain Python peer.

In a work folder (temporary unless --work is given):
  1. writes two nights of synthetic dumps over Samples/night (Benchmarks/report/bench_report.py's generator:
     --listings listings, a finding each, some with a copied photo too) and runs `proofmark run` on both;
  2. times `proofmark review --confirm --min-score 0` (every open finding), then a dismissal by seller;
  3. times `proofmark export` to every channel, and `proofmark sellers`;
  4. peer, on the same state file: a short Python script (sqlite3 + csv) that writes Amazon-style batches (one IP
     type, 50 listings per batch) of the confirmed open findings, with no pre-filing check and no neutralising,
     as a floor for what the export costs; and Python's csv module reading back every CSV proofmark wrote.

Usage: Benchmarks/run/bench_export.py [--listings 9000] [--work DIR] [--proofmark PATH]
"""
import argparse
import csv
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks", "report"))
from bench_report import NIGHT, write_dumps  # noqa: E402

CHANNELS = ["alibaba-ipp", "amazon", "ebay-vero", "temu", "schedule-a", "dmca"]


def timed(command):
    start = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if done.returncode not in (0, 2):
        sys.exit(f"{command}: {done.stderr}")
    return elapsed, done


def peer_amazon(state, folder):
    """What a hand-written export does: confirmed open findings on Amazon, batched by IP type, 50 listings each."""
    db = sqlite3.connect(state)
    rows = db.execute(
        """SELECT f.finding_id, f.marketplace, f.listing_id, f.url, f.seller_id, r.kind, r.registration
           FROM findings f JOIN registry_rights r ON r.right_id = f.right_id
           JOIN reviews v ON v.finding_id = f.finding_id
               AND v.id = (SELECT max(id) FROM reviews WHERE finding_id = f.finding_id)
           WHERE f.status != 'resolved' AND v.decision = 'confirmed' AND v.lapsed_run IS NULL
               AND f.marketplace = 'amazon'
           ORDER BY r.kind, f.listing_id, f.finding_id""").fetchall()
    with open(os.path.join(folder, "peer-notices.csv"), "w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(["batch", "ip_type", "asin", "url", "registration", "seller_id", "finding_id"])
        batch, listings, kind = 0, set(), None
        for finding, _, listing, url, seller, ip_type, registration in rows:
            if ip_type != kind or (listing not in listings and len(listings) == 50):
                batch, listings, kind = batch + 1, set(), ip_type
            listings.add(listing)
            writer.writerow([batch, ip_type, listing, url, registration, seller, finding])
    return len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=9000)
    parser.add_argument("--work")
    parser.add_argument("--proofmark", default=os.path.join(ROOT, ".build", "release", "proofmark"))
    args = parser.parse_args()
    if not os.path.exists(args.proofmark):
        sys.exit(f"{args.proofmark}: not built (swift build -c release), or give --proofmark")
    work = args.work or tempfile.mkdtemp(prefix="proofmark-export-bench-")
    night, out = os.path.join(work, "night"), os.path.join(work, "out")
    shutil.rmtree(night, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(NIGHT, night)
    for day, dump in enumerate(write_dumps(night, args.listings, 0.15), start=1):
        elapsed, done = timed([args.proofmark, "run", "--registry", os.path.join(night, "registry.yaml"), "--dump",
                               dump, "--out", out, "--now", f"2026-11-{27 + day}T02:00:00Z"])
        print(f"night {day}: {done.stdout.splitlines()[0]} ({elapsed:.1f} s)")
    state = os.path.join(out, "state.sqlite")

    elapsed, done = timed([args.proofmark, "review", "--state", state, "--confirm", "--min-score", "0",
                           "--reviewer", "bench", "--now", "2026-11-29T09:00:00Z"])
    print(f"proofmark review --confirm --min-score 0: {elapsed:.2f} s ({done.stdout.splitlines()[0]})")
    elapsed, done = timed([args.proofmark, "review", "--state", state, "--dismiss", "--seller", "s-001",
                           "--reviewer", "bench", "--now", "2026-11-29T09:10:00Z"])
    print(f"proofmark review --dismiss --seller s-001: {elapsed:.2f} s ({done.stdout.splitlines()[0]})")

    written = []
    for channel in CHANNELS:
        elapsed, done = timed([args.proofmark, "export", "--state", state, "--channel", channel, "--now",
                               "2026-11-29T10:00:00Z"])
        print(f"proofmark export --channel {channel}: {elapsed:.2f} s: {done.stdout.strip()}")
        folder = os.path.join(out, "exports", channel)
        for base, _, names in os.walk(folder):
            written += [os.path.join(base, name) for name in names if name.endswith(".csv")]
    elapsed, done = timed([args.proofmark, "sellers", "--state", state])
    print(f"proofmark sellers: {elapsed:.2f} s ({len(done.stdout.splitlines()) - 1} lines)")

    start = time.monotonic()
    count = peer_amazon(state, work)
    print(f"peer (Python sqlite3 + csv, Amazon batches, no checks): {time.monotonic() - start:.2f} s, {count} rows")
    start = time.monotonic()
    records = 0
    for path in written:
        with open(path, newline="", encoding="utf-8-sig") as f:
            records += sum(1 for _ in csv.reader(f))
    print(f"Python csv reading back {len(written)} CSV files, {records} records: {time.monotonic() - start:.2f} s")


if __name__ == "__main__":
    main()
