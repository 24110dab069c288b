#!/usr/bin/env python3
"""Benchmarks reading dumps through a field mapping (issue 16): the same N image-less listings, once under
Proofmark's own field names and once as eBay Browse item summaries read with `--format ebay-browse`, run side by
side with a baseline binary (the previous code) on the Proofmark-named dump.

Titles and descriptions are drawn from words no registered mark or text contains, so no finding is made and the
figures are of reading, text matching and storing. Each configuration runs --repeats times, alternating, with
`--jobs 1`; the user CPU seconds, wall seconds and peak RSS of each process are printed (from wait4).

Usage: Benchmarks/run/bench_mapping.py --proofmark PATH [--baseline PATH] [--listings 10000] [--repeats 2]
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORDS = "river bag shoe watch classic deal fast shipping new style cheap quality leather cotton table lamp".split()


def write_dumps(folder, count):
    random.seed(1)
    plain, ebay = os.path.join(folder, "plain.jsonl"), os.path.join(folder, "ebay.jsonl")
    with open(plain, "w") as p, open(ebay, "w") as e:
        for i in range(count):
            title = " ".join(random.choice(WORDS) for _ in range(8))
            description = " ".join(random.choice(WORDS) for _ in range(60))
            price = round(random.uniform(50, 100), 2)
            seller = f"s-{i % 700}"
            p.write(json.dumps({
                "marketplace": "ebay.com", "listing_id": str(100000 + i), "url": f"https://www.ebay.com/itm/{i}",
                "title": title, "description": description, "price": price, "currency": "USD",
                "seller_id": seller, "seller_name": seller, "seller_url": f"https://www.ebay.com/usr/{seller}",
                "images": [], "condition": "New"}) + "\n")
            e.write(json.dumps({
                "itemId": f"v1|{100000 + i}|0", "legacyItemId": str(100000 + i), "title": title,
                "shortDescription": description, "price": {"value": str(price), "currency": "USD"},
                "seller": {"username": seller, "feedbackScore": 10}, "itemWebUrl": f"https://www.ebay.com/itm/{i}",
                "condition": "New", "buyingOptions": ["FIXED_PRICE"]}) + "\n")
    return plain, ebay


def run(binary, dump, out, extra):
    shutil.rmtree(out, ignore_errors=True)
    command = [binary, "run", "--registry", os.path.join(ROOT, "Samples/night/registry.yaml"), "--dump", dump,
               "--out", out, "--jobs", "1", "--now", "2026-11-28T02:00:00Z"] + extra
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)}: exit status {status}")
    state = os.path.getsize(os.path.join(out, "state.sqlite"))
    return usage.ru_utime, wall, usage.ru_maxrss // 1024, state // (1 << 20)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--proofmark", required=True)
    parser.add_argument("--baseline")
    parser.add_argument("--listings", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=2)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plain, ebay = write_dumps(folder, arguments.listings)
        configurations = []
        if arguments.baseline:
            configurations.append(("baseline, own names", arguments.baseline, plain, []))
        configurations.append(("proofmark, own names", arguments.proofmark, plain, []))
        configurations.append(("proofmark, --format ebay-browse", arguments.proofmark, ebay, ["--format", "ebay-browse"]))
        for repeat in range(arguments.repeats):
            for name, binary, dump, extra in configurations:
                user, wall, rss, state = run(binary, dump, os.path.join(folder, "out"), extra)
                print(f"{name:34} run {repeat + 1}: {user:6.2f} s user {wall:6.2f} s wall "
                      f"{rss:5d} MiB peak RSS, state file {state} MiB", flush=True)


if __name__ == "__main__":
    main()
