#!/usr/bin/env python3
"""Peak memory of `proofmark run` against the size of the night (issue 19, class 7).

Generates, deterministically, dumps of N listings over the images of Samples/night (most listings show one of its
45 unrelated product photos under a neutral title; one in a thousand shows a copy of a registered image and names
a mark, so findings and evidence grow with N too), then runs the given proofmark binaries on each size, two nights
each (the second night drops one listing in a hundred, changes one in a hundred and adds new ones, so that
listing-gone, changed and new listings all happen), and reads the peak resident set size with getrusage (wait4),
with its anonymous and file-backed parts sampled from /proc.
Binaries given side by side are run on the same dumps in the same script run.

Usage: Benchmarks/run/bench_memory.py [--sizes 100000,400000,1000000] [--proofmark PATH ...] [--jobs 2] [--nights 2]
Example, before and after a change:
    Benchmarks/run/bench_memory.py --proofmark /tmp/proofmark-before --proofmark .build/release/proofmark
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NIGHT = os.path.join(ROOT, "Samples", "night")
NEUTRAL = ["lamp", "mug", "poster", "case", "set", "blanket", "chair", "kettle", "vase", "shelf", "rug", "clock"]
MARKETPLACES = ["aliexpress", "amazon", "ebay", "temu"]


def record(index, rng, unrelated, copies):
    infringing = index % 1000 == 7
    title = " ".join(rng.choice(NEUTRAL) for _ in range(5))
    if infringing:
        title = "ACME " + title
    image = copies[index // 1000 % len(copies)] if infringing else unrelated[index % len(unrelated)]
    marketplace = MARKETPLACES[index % len(MARKETPLACES)]
    listing = str(1_000_000 + index)
    return {
        "marketplace": marketplace, "listing_id": listing, "url": f"https://{marketplace}.example/item/{listing}",
        "title": title, "price": round(rng.uniform(3, 90), 2), "currency": "USD", "seller_id": f"s-{index % 4093}",
        "images": [image],
    }


def write_dumps(folder, size):
    """Night one: listings 0..size-1. Night two: one in a hundred gone, one in a hundred retitled, 1% new."""
    images = sorted(os.listdir(os.path.join(NIGHT, "images")))
    unrelated = [f"images/{name}" for name in images if name.startswith("unrelated-") and "mark" not in name]
    copies = [f"images/{name}" for name in images if "-copy-" in name]
    first, second = os.path.join(folder, f"night1-{size}.jsonl"), os.path.join(folder, f"night2-{size}.jsonl")
    rng = random.Random(size)
    with open(first, "w") as one, open(second, "w") as two:
        for index in range(size):
            item = record(index, rng, unrelated, copies)
            one.write(json.dumps(item) + "\n")
            if index % 100 == 3:
                continue
            if index % 100 == 5:
                item["title"] += " v2"
            two.write(json.dumps(item) + "\n")
        for index in range(size, size + size // 100):
            two.write(json.dumps(record(index, rng, unrelated, copies)) + "\n")
    return first, second


def run(binary, registry, dump, out, now, jobs):
    """Runs one night; returns seconds, peak RSS (getrusage's ru_maxrss, MB), and the peaks of its anonymous and
    file-backed parts (RssAnon, RssFile from /proc, sampled every 0.1 s: memory the process allocated, and pages of
    mapped files such as the state file SQLite maps)."""
    command = [binary, "run", "--registry", registry, "--dump", dump, "--out", out, "--now", now, "--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    errors = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read()))
    reader.start()
    peaks = {"RssAnon": 0, "RssFile": 0}
    status = None
    while status is None:
        try:
            with open(f"/proc/{process.pid}/status") as f:
                for line in f:
                    key, _, value = line.partition(":")
                    if key in peaks:
                        peaks[key] = max(peaks[key], int(value.split()[0]))
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
        pid, code, usage = os.wait4(process.pid, os.WNOHANG)
        if pid == process.pid:
            status = code
        else:
            time.sleep(0.1)
    elapsed = time.perf_counter() - start
    reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{''.join(errors)[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, peaks["RssAnon"] / 1024, peaks["RssFile"] / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,400000,1000000")
    parser.add_argument("--proofmark", action="append", help="a proofmark binary (repeatable; default: release)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--nights", type=int, choices=[1, 2], default=2)
    parser.add_argument("--work", help="where dumps and outputs go (default: a temporary folder, removed after)")
    arguments = parser.parse_args()
    binaries = arguments.proofmark or [os.path.join(ROOT, ".build", "release", "proofmark")]
    for binary in binaries:
        if not os.path.exists(binary):
            sys.exit(f"{binary} does not exist: swift build -c release --product proofmark")
    work = arguments.work or tempfile.mkdtemp(prefix="proofmark-memory-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        # The dumps refer to images/ beside them, and the registry to its own folder: a copy of Samples/night.
        night = os.path.join(work, "night")
        if not os.path.exists(night):
            shutil.copytree(NIGHT, night)
        registry = os.path.join(night, "registry.yaml")
        print(f"{'binary':<40} {'listings':>9} {'night':>5} {'seconds':>8} {'peak MB':>8} {'anon MB':>8} "
              f"{'file MB':>8} {'state MB':>9} {'run.json KB':>11}")
        for size in [int(s) for s in arguments.sizes.split(",") if s]:
            first, second = write_dumps(night, size)
            for binary in binaries:
                out = os.path.join(work, "out")
                shutil.rmtree(out, ignore_errors=True)
                nights = [(first, "2026-12-01T02:00:00Z"), (second, "2026-12-02T02:00:00Z")][:arguments.nights]
                for number, (dump, now) in enumerate(nights, start=1):
                    elapsed, peak, anonymous, mapped = run(binary, registry, dump, out, now, arguments.jobs)
                    state = os.path.getsize(os.path.join(out, "state.sqlite")) / 2**20
                    report = os.path.getsize(os.path.join(out, "run.json")) / 1024
                    name = os.path.relpath(binary, ROOT) if binary.startswith(ROOT) else binary
                    print(f"{name[-40:]:<40} {size:>9} {number:>5} {elapsed:>8.1f} {peak:>8.0f} {anonymous:>8.0f} "
                          f"{mapped:>8.0f} {state:>9.0f} {report:>11.0f}", flush=True)
            os.remove(first)
            os.remove(second)
    finally:
        if not arguments.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
