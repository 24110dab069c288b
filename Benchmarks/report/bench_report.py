#!/usr/bin/env python3
"""Benchmarks the morning report over 10,000+ findings: writing it, and its first render in headless Chromium.

In a work folder (temporary unless --work is given):
  1. copies Samples/night (registry, assets, images) and writes two nights of synthetic dumps over it: --listings
     listings, each naming one brand's word mark in its title (a finding per listing), one in --image-share also
     showing a copied product photo (a second finding), 1% with hostile titles and seller names; the second night
     drops a seventh of the listings and adds a twentieth, so the report has new, ongoing and resolved findings;
  2. runs `proofmark run` on both nights (same --out), as a cron job would;
  3. gives every finding of the second night a bundle folder with a side-by-side PNG (hard links to a few made
     with Pillow from the sample assets and images, 2 x 320 px) and a placeholder claim chart;
  4. times `proofmark report` twice: the first makes every thumbnail, the second finds them up to date;
  5. measures the page's first render in headless Chromium, best of --repeats:
     - in-page: a copy of the page (bench.html, without its Content-Security-Policy) carries a probe script that
       records performance.now() when the parser reaches the end of the table, at the load event, and at the first
       animation frame after it (the first render), read back with --dump-dom;
     - wall time of `chromium --headless --screenshot` on the report, less the same on an empty page (start-up).

Usage: Benchmarks/report/bench_report.py [--listings 9000] [--image-share 0.15] [--repeats 3] [--work DIR]
       [--proofmark PATH] [--chromium PATH]
Then: Benchmarks/report/screenshot.sh WORK/out   (a picture of the report for a person to look at)
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

from PIL import Image, ImageDraw

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NIGHT = os.path.join(ROOT, "Samples", "night")

BRANDS = {
    "Acme": {"marks": ["ACME", "爱可美"], "copies": "acme-copy", "asset": "acme-product.jpg"},
    "Zolta": {"marks": ["ZOLTA"], "copies": "zolta-copy", "asset": "zolta-product.jpg"},
    "Lumora": {"marks": ["LUMORA", "露莫拉"], "copies": "lumora-copy", "asset": "lumora-product.jpg"},
}
MARKETPLACES = ["aliexpress", "amazon", "ebay", "temu", "alibaba"]
WORDS = ["jacket", "mug", "serum", "toy", "lamp", "poster", "case", "set", "original", "deal", "new", "best"]
HOSTILE_TITLES = [
    "<script>alert(1)</script> {mark} jacket",
    '"><img src=x onerror=alert(1)> {mark}',
    "{mark} gpj.\u202eexe.photo",
    "{mark} it's \"quoted\" & 'more'",
]
HOSTILE_SELLERS = ['"><img src=x onerror=alert(1)>', "<script>alert(2)</script>", "\u202eevil store"]


def listing(index, rng, image_share, copies):
    brand = rng.choice(sorted(BRANDS))
    mark = rng.choice(BRANDS[brand]["marks"])
    seller = f"s-{rng.randrange(1000):03d}"
    title = " ".join(rng.sample(WORDS, 3) + [mark] + rng.sample(WORDS, 2))
    seller_name = f"Store {seller.upper()}"
    if index % 100 == 7:
        title = HOSTILE_TITLES[index // 100 % len(HOSTILE_TITLES)].format(mark=mark)
        seller_name = HOSTILE_SELLERS[index // 100 % len(HOSTILE_SELLERS)]
    marketplace = MARKETPLACES[index % len(MARKETPLACES)]
    record = {
        "marketplace": marketplace, "listing_id": str(200000 + index),
        "url": f"https://{marketplace}.example/item/{200000 + index}", "captured_at": "2026-11-28T01:00:00Z",
        "title": title, "price": round(rng.uniform(3, 90), 2), "currency": "USD", "seller_id": seller,
        "seller_name": seller_name, "seller_url": f"https://{marketplace}.example/store/{seller}", "images": [],
    }
    if rng.random() < image_share:
        record["images"] = [rng.choice(copies[brand])]
    return record


def write_dumps(night, listings, image_share):
    images = sorted(os.listdir(os.path.join(night, "images")))
    copies = {
        brand: [f"images/{name}" for name in images if name.startswith(spec["copies"]) and "truncated" not in name]
        for brand, spec in BRANDS.items()
    }
    rng = random.Random(11)
    first = [listing(index, rng, image_share, copies) for index in range(listings)]
    kept = [record for index, record in enumerate(first) if index % 7 != 3]
    added = [listing(listings + index, rng, image_share, copies) for index in range(listings // 20)]
    paths = []
    for name, records in (("night1.jsonl", first), ("night2.jsonl", kept + added)):
        path = os.path.join(night, name)
        with open(path, "w") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def side_by_side_pool(night, folder):
    """A few side-by-side PNGs (registered asset | listing image, 320 px each, with a caption bar)."""
    os.makedirs(folder, exist_ok=True)
    pool = []
    for brand, spec in sorted(BRANDS.items()):
        asset = Image.open(os.path.join(night, "assets", spec["asset"])).convert("RGB")
        for name in sorted(os.listdir(os.path.join(night, "images"))):
            if not name.startswith(spec["copies"]):
                continue
            try:
                suspect = Image.open(os.path.join(night, "images", name)).convert("RGB")
            except OSError:
                continue
            canvas = Image.new("RGB", (660, 350), "white")
            for x, image in ((0, asset), (340, suspect)):
                image = image.copy()
                image.thumbnail((320, 320))
                canvas.paste(image, (x, 0))
            ImageDraw.Draw(canvas).text((4, 330), f"{spec['asset']} | {name}", fill="black")
            path = os.path.join(folder, f"{brand}-{name}.png")
            canvas.save(path)
            pool.append(path)
    return pool


def make_bundles(out, pool):
    placeholder = os.path.join(out, "claim-chart-placeholder.html")
    with open(placeholder, "w") as f:
        f.write("<!DOCTYPE html><title>placeholder</title><p>Benchmark placeholder for a claim chart.</p>\n")
    count = 0
    with open(os.path.join(out, "findings.jsonl")) as f:
        for line in f:
            finding = json.loads(line)
            data = os.path.join(out, "bundles", finding["finding_id"], "data")
            os.makedirs(data, exist_ok=True)
            target = os.path.join(data, "side-by-side-1.png")
            if not os.path.exists(target):
                os.link(pool[count % len(pool)], target)
                os.link(placeholder, os.path.join(data, "claim-chart.html"))
            count += 1
    return count


PROBE = """<script>
(function () {
  var root = document.documentElement;
  root.dataset.rows = document.querySelectorAll("#findings tr[data-s]").length;
  root.dataset.parsed = performance.now();
  requestAnimationFrame(function () { root.dataset.frame = performance.now(); });
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      root.dataset[entry.name === "first-contentful-paint" ? "fcp" : "fp"] = entry.startTime;
    });
  }).observe({type: "paint", buffered: true});
})();
</script>"""


def chromium_command(chromium):
    command = [chromium, "--headless", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,1000"]
    if os.geteuid() == 0:
        command.append("--no-sandbox")
    return command


def in_page_timing(chromium, report):
    page = open(report, encoding="utf-8").read()
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", page)
    page = page.replace("</body></html>", PROBE + "</body></html>")
    bench = os.path.join(os.path.dirname(report), "bench.html")
    with open(bench, "w", encoding="utf-8") as f:
        f.write(page)
    dom = subprocess.run(
        chromium_command(chromium) + ["--dump-dom", "file://" + bench], capture_output=True, text=True, check=True
    ).stdout
    os.remove(bench)
    root = re.search(r"<html[^>]*>", dom)
    values = dict(re.findall(r'data-(\w+)="([0-9.]+)"', root.group(0))) if root else {}
    return {key: float(value) for key, value in values.items()} if "frame" in values else None


def screenshot_seconds(chromium, page, folder):
    start = time.monotonic()
    subprocess.run(
        chromium_command(chromium) + ["--screenshot=" + os.path.join(folder, "bench-shot.png"), "file://" + page],
        capture_output=True, check=True,
    )
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=9000)
    parser.add_argument("--image-share", type=float, default=0.15)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work")
    parser.add_argument("--proofmark", default=os.path.join(ROOT, ".build", "release", "proofmark"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    args = parser.parse_args()
    if not os.path.exists(args.proofmark):
        sys.exit(f"{args.proofmark}: not built (swift build -c release), or give --proofmark")
    if not args.chromium:
        sys.exit("no chromium on PATH (Debian: apt-get install chromium), or give --chromium")
    work = args.work or tempfile.mkdtemp(prefix="proofmark-report-bench-")
    night = os.path.join(work, "night")
    out = os.path.join(work, "out")
    shutil.rmtree(night, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(NIGHT, night)
    dumps = write_dumps(night, args.listings, args.image_share)

    for day, dump in enumerate(dumps, start=1):
        start = time.monotonic()
        run = subprocess.run(
            [args.proofmark, "run", "--registry", os.path.join(night, "registry.yaml"), "--dump", dump, "--out", out,
             "--now", f"2026-11-{27 + day}T02:00:00Z"], capture_output=True, text=True,
        )
        if run.returncode != 0:
            sys.exit(run.stderr)
        print(f"night {day}: {run.stdout.splitlines()[0]} ({time.monotonic() - start:.1f} s)")

    bundles = make_bundles(out, side_by_side_pool(night, os.path.join(work, "side-by-side")))
    print(f"bundles: {bundles} folders, each with data/side-by-side-1.png and data/claim-chart.html")

    state = os.path.join(out, "state.sqlite")
    for label in ("first (makes thumbnails)", "again (thumbnails up to date)"):
        start = time.monotonic()
        report = subprocess.run(
            [args.proofmark, "report", "--state", state, "--out", out], capture_output=True, text=True, check=True
        )
        print(f"proofmark report, {label}: {time.monotonic() - start:.2f} s: {report.stdout.strip()}")
    index = os.path.join(out, "report", "index.html")
    thumbs = os.path.join(out, "report", "thumbs")
    thumb_bytes = sum(os.path.getsize(os.path.join(thumbs, name)) for name in os.listdir(thumbs))
    print(f"index.html: {os.path.getsize(index) / 1e6:.1f} MB; thumbnails: {len(os.listdir(thumbs))}, "
          f"{thumb_bytes / 1e6:.1f} MB")

    timings = [in_page_timing(args.chromium, index) for _ in range(args.repeats)]
    timings = [timing for timing in timings if timing]
    if timings:
        best = min(timings, key=lambda timing: timing["frame"])
        fcp = f"{best['fcp']:.0f} ms" if "fcp" in best else "not reported"
        print(f"in-page, best of {len(timings)}: first contentful paint {fcp}; all {best['rows']:.0f} rows parsed at "
              f"{best['parsed']:.0f} ms; first frame with every row at {best['frame']:.0f} ms (from navigation start)")
    else:
        print("in-page timing: the probe did not report (chromium --dump-dom gave no result)")

    empty = os.path.join(work, "empty.html")
    with open(empty, "w") as f:
        f.write("<!DOCTYPE html><title>empty</title>\n")
    folder = os.path.join(work, "shots")
    os.makedirs(folder, exist_ok=True)
    baseline = min(screenshot_seconds(args.chromium, empty, folder) for _ in range(args.repeats))
    full = min(screenshot_seconds(args.chromium, index, folder) for _ in range(args.repeats))
    print(f"headless screenshot, best of {args.repeats}: report {full:.2f} s, empty page {baseline:.2f} s "
          f"(start-up), difference {full - baseline:.2f} s")
    print(f"work folder: {work}")


if __name__ == "__main__":
    main()
