#!/usr/bin/env python3
"""Benchmarks night after night: how much of the first night's wall time the second night costs (issue 8 targets:
at most 5% on an unchanged 10k-listing dump, at most 15% with 5% of listings new or changed).

Generates, in a temporary folder, N distinct product-like JPEGs (--size px on the long side, 1000 by default: the
product-size photos of Benchmarks/peers; bench_run.py uses 500) and a dump of N
listings, one image each, with Samples/night/registry.yaml as the registry. Then, with one state file:
  night 1: the first run (every image decoded);
  night 2: the same dump again (nothing changed);
  night 3: 5% of the listings changed: half of them with a new image file, half with a new title and price,
           plus 1% removed and 1% new listings with new images.
Each night is timed as a whole process (`proofmark run --jobs 2`, release build), best of --repeats for nights 2
and 3 (each repeat restores the state file as it was before that night).

Usage: Benchmarks/run/bench_incremental.py [--listings 10000] [--size 1000] [--repeats 3] [--proofmark PATH]
"""
import argparse
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench_run", os.path.join(HERE, "bench_run.py"))
bench_run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_run)


def write(path, records):
    with open(path, "w") as f:
        for record in records:
            f.write(json.dumps(record) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--proofmark", default=os.path.join(bench_run.ROOT, ".build", "release", "proofmark"))
    arguments = parser.parse_args()
    if not os.path.exists(arguments.proofmark):
        subprocess.run(["swift", "build", "-c", "release", "--product", "proofmark"], cwd=bench_run.ROOT, check=True)
    pm = arguments.proofmark
    n = arguments.listings
    work = tempfile.mkdtemp(prefix="proofmark-incremental-")
    try:
        extra = n // 20 + n // 100  # new images for changed and added listings
        images = bench_run.make_pool(work, n + extra, arguments.size)
        base = os.path.join(work, "base.jsonl")
        bench_run.write_dump(base, images[:n], n)
        records = [json.loads(line) for line in open(base)]
        night1 = records
        rng = random.Random(11)
        changed = rng.sample(range(n), n // 20)
        night3 = [dict(r) for r in records]
        fresh_images = iter(images[n:])
        for position, index in enumerate(changed):
            if position % 2 == 0:
                night3[index]["images"] = [next(fresh_images)]
            else:
                night3[index]["title"] += " now cheaper"
                night3[index]["price"] = round(night3[index]["price"] * 0.8, 2)
        removed = set(rng.sample(range(n), n // 100))
        night3 = [r for i, r in enumerate(night3) if i not in removed]
        for index in range(n // 100):
            night3.append({**records[index], "listing_id": f"new-{index}", "images": [next(fresh_images)]})
        dumps = {}
        for name, dump in [("night1", night1), ("night2", night1), ("night3", night3)]:
            dumps[name] = os.path.join(work, f"{name}.jsonl")
            write(dumps[name], dump)
        out = os.path.join(work, "out")
        state = os.path.join(out, "state.sqlite")

        def command(name, day):
            return [pm, "run", "--registry", bench_run.REGISTRY, "--dump", dumps[name], "--out", out, "--jobs", "2",
                    "--now", f"2026-12-{day:02d}T02:00:00Z"]

        first, rss1 = bench_run.timed(command("night1", 1))
        saved = os.path.join(work, "after-night1")
        shutil.copytree(out, saved)

        def restore(folder):
            def go():
                shutil.rmtree(out, ignore_errors=True)
                shutil.copytree(folder, out)
            return go

        second, rss2 = bench_run.best(command("night2", 2), arguments.repeats, restore(saved))
        saved2 = os.path.join(work, "after-night2")
        shutil.copytree(out, saved2)
        third, rss3 = bench_run.best(command("night3", 3), arguments.repeats, restore(saved2))
        counts = json.load(open(os.path.join(out, "run.json")))["counts"]
        print(f"{n} listings, one distinct ~{arguments.size} px JPEG each; registry Samples/night; "
              "proofmark run --jobs 2")
        print(f"{'night':<52} {'seconds':>8} {'of night 1':>10} {'peak MB':>8}")
        print(f"{'1: first night (every image decoded)':<52} {first:>8.2f} {'100%':>10} {rss1 / 1024:>8.0f}")
        print(f"{'2: same dump again':<52} {second:>8.2f} {second / first:>10.1%} {rss2 / 1024:>8.0f}")
        print(f"{'3: 5% changed (half new images), 1% gone, 1% new':<52} {third:>8.2f} {third / first:>10.1%} "
              f"{rss3 / 1024:>8.0f}")
        print(f"night 3 decoded {counts['images_decoded']} images; findings by status: {counts['findings_by_status']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
