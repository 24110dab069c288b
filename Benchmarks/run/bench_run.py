#!/usr/bin/env python3
"""Benchmarks the whole nightly run (`proofmark run`) against fingerprinting the same images alone.

Generates, in a temporary folder, a pool of product-like JPEGs (crops and rescales of the PDQ conformance images,
~500 px) and synthetic dumps that reference them, using Samples/night/registry.yaml as the registry. Then, in one
script run, best of --repeats:
  1. `proofmark hash` over the pool (fingerprinting alone);
  2. `proofmark run --jobs 1` and `--jobs 2` on a dump of one listing per pool image (fresh state each time), so
     that the run decodes exactly the images `hash` decodes: the run's overhead and its scaling on 2 cores;
  3. `proofmark run --jobs 2` on dumps of 10k and 100k listings over the same pool (each image used many times):
     listings per second and peak memory (maximum resident set size), which must not grow with the dump.

Usage: Benchmarks/run/bench_run.py [--pool 600] [--repeats 2] [--proofmark PATH] [--sizes 10000,100000]
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

from PIL import Image

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VECTORS = os.path.join(ROOT, "..", "shared", "testvectors", "pdq", "images")
REGISTRY = os.path.join(ROOT, "Samples", "night", "registry.yaml")


def make_pool(folder, count, size=500):
    rng = random.Random(7)
    sources = sorted(os.path.join(VECTORS, name) for name in os.listdir(VECTORS) if name.endswith((".jpg", ".png")))
    images = [Image.open(path).convert("RGB") for path in sources]
    images = [image for image in images if min(image.size) >= 200]
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    names = []
    for index in range(count):
        image = images[index % len(images)]
        w, h = image.size
        cw, ch = int(w * rng.uniform(0.5, 1)), int(h * rng.uniform(0.5, 1))
        x, y = rng.randrange(0, w - cw + 1), rng.randrange(0, h - ch + 1)
        crop = image.crop((x, y, x + cw, y + ch))
        scale = size / max(crop.size)
        crop = crop.resize((max(1, int(crop.width * scale)), max(1, int(crop.height * scale))))
        name = f"images/p{index:05d}.jpg"
        crop.save(os.path.join(folder, name), quality=rng.randrange(75, 95))
        names.append(name)
    return names


def write_dump(path, images, listings):
    words = ["jacket", "mug", "serum", "toy", "rocket", "lamp", "poster", "ACME", "Zolta", "LUMORA", "case", "set"]
    rng = random.Random(listings)
    with open(path, "w") as f:
        for index in range(listings):
            record = {
                "marketplace": ["aliexpress", "amazon", "ebay", "temu"][index % 4], "listing_id": str(100000 + index),
                "title": " ".join(rng.choice(words) for _ in range(5)), "price": round(rng.uniform(3, 90), 2),
                "currency": "USD", "seller_id": f"s-{index % 977}", "images": [images[index % len(images)]],
            }
            f.write(json.dumps(record) + "\n")


def timed(command):
    start = time.perf_counter()
    completed = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr[-2000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", completed.stderr)
    return elapsed, int(rss.group(1)) if rss else 0


def best(command, repeats, before=None):
    runs = []
    for _ in range(repeats):
        if before:
            before()
        runs.append(timed(command))
    return min(runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pool", type=int, default=600)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--proofmark", default=os.path.join(ROOT, ".build", "release", "proofmark"))
    arguments = parser.parse_args()
    if not os.path.exists(arguments.proofmark):
        subprocess.run(["swift", "build", "-c", "release", "--product", "proofmark"], cwd=ROOT, check=True)
    pm = arguments.proofmark
    work = tempfile.mkdtemp(prefix="proofmark-run-bench-")
    try:
        images = make_pool(work, arguments.pool)
        one_each = os.path.join(work, "one-each.jsonl")
        write_dump(one_each, images, len(images))
        out = os.path.join(work, "out")

        def fresh():
            shutil.rmtree(out, ignore_errors=True)

        hash_time, _ = best([pm, "hash"] + [os.path.join(work, name) for name in images], arguments.repeats)
        run1, rss1 = best([pm, "run", "--registry", REGISTRY, "--dump", one_each, "--out", out, "--jobs", "1"],
                          arguments.repeats, fresh)
        run2, rss2 = best([pm, "run", "--registry", REGISTRY, "--dump", one_each, "--out", out, "--jobs", "2"],
                          arguments.repeats, fresh)
        print(f"pool: {len(images)} JPEGs of ~500 px; registry: Samples/night (6 registered images, 5 marks)")
        print(f"{'what':<46} {'seconds':>8} {'images/s':>9} {'peak MB':>8}")
        print(f"{'proofmark hash (fingerprinting alone)':<46} {hash_time:>8.2f} {len(images) / hash_time:>9.1f} {'':>8}")
        print(f"{'proofmark run --jobs 1, one listing per image':<46} {run1:>8.2f} {len(images) / run1:>9.1f} {rss1 / 1024:>8.0f}")
        print(f"{'proofmark run --jobs 2, one listing per image':<46} {run2:>8.2f} {len(images) / run2:>9.1f} {rss2 / 1024:>8.0f}")
        print(f"run --jobs 1 / hash: {run1 / hash_time:.2f}x the time; --jobs 2 is {run1 / run2:.2f}x faster than --jobs 1")
        print()
        print(f"{'listings':>9} {'seconds':>8} {'listings/s':>11} {'peak MB':>8}")
        for size in [int(s) for s in arguments.sizes.split(",") if s]:
            dump = os.path.join(work, f"dump-{size}.jsonl")
            write_dump(dump, images, size)
            elapsed, rss = best([pm, "run", "--registry", REGISTRY, "--dump", dump, "--out", out, "--jobs", "2"],
                                1, fresh)
            print(f"{size:>9} {elapsed:>8.2f} {size / elapsed:>11.0f} {rss / 1024:>8.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
