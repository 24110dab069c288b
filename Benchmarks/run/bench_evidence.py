#!/usr/bin/env python3
"""Benchmarks a brand owner's first night at scale (issue 18): registry views, listings and evidence, side by side
for two `proofmark` binaries (this code and the previous one) on the same synthetic night, in one script run.

The night is made here, seeded, from the PDQ conformance photos (`--vectors`) and the benchmark fixtures:
  - `--assets` registered images: three in four are photos (crops of the sources, tinted, 800 to 2,000 px long side,
    JPEG), one in four logos (coloured shapes on white, 600 to 1,400 px, PNG);
  - `--listings` suspect listings of one image each (~1,000 px): three in five are copies of a registered image
    (rescaled, re-encoded, slightly cropped, some pasted into a scene), the rest unrelated procedural scenes.

For each binary (`--proofmark NAME=PATH`, twice or more), with a fresh state each time:
  1. the registry stage alone (a one-listing dump) at `--jobs 1` and `--jobs 2`: `timings_seconds.registry`;
  2. the whole night at `--jobs 2`, `--min-score 0`: every stage's wall time from `run.json`, and the process's
     CPU time (user + sys, from `/usr/bin/time`);
  3. the evidence again on the same state (bundles and report deleted, the same command: the run is found complete
     and only its evidence and outputs are written) at `--jobs 1`: its CPU time per finding, an upper bound on the
     evidence's (it includes loading the registry from the cache).
Then it checks that the binaries found the same findings and made the same bags apart from the side-by-side PNGs'
bytes (whose pixels must decode identically, compared with Pillow), and runs `proofmark verify` and the Python
`bagit` validator over the last binary's bundles.

Usage: Benchmarks/run/bench_evidence.py --proofmark new=.build/release/proofmark --proofmark old=/tmp/old/proofmark
       [--assets 100] [--listings 3000] [--work DIR] [--keep]
"""
import argparse
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw, ImageEnhance

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NOW = "2026-12-01T02:00:00Z"


def sources(vectors):
    paths = sorted(os.path.join(vectors, n) for n in os.listdir(vectors) if n.endswith((".jpg", ".png")))
    paths += [os.path.join(ROOT, "Benchmarks", "Fixtures", n) for n in ("product-1000.jpg", "large-3000.jpg")]
    images = [Image.open(p).convert("RGB") for p in paths]
    return [i for i in images if min(i.size) >= 200]


def scene(rng, size):
    """A procedural scene: a gradient and random shapes, standing for an unrelated product photo."""
    w, h = size
    top, bottom = [rng.randrange(256) for _ in range(3)], [rng.randrange(256) for _ in range(3)]
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(h):
        t = y / max(1, h - 1)
        draw.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    for _ in range(rng.randrange(5, 25)):
        x0, y0 = rng.randrange(w), rng.randrange(h)
        x1, y1 = x0 + rng.randrange(20, w // 2), y0 + rng.randrange(20, h // 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)([x0, y0, x1, y1], fill=colour)
    return image


def logo(rng, size):
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randrange(3, 7)):
        x0, y0 = rng.randrange(size // 8, size // 2), rng.randrange(size // 8, size // 2)
        x1, y1 = x0 + rng.randrange(size // 6, size // 2), y0 + rng.randrange(size // 6, size // 2)
        colour = tuple(rng.randrange(200) for _ in range(3))
        shape = rng.choice([draw.ellipse, draw.rectangle, draw.polygon])
        if shape is draw.polygon:
            shape([(x0, y1), ((x0 + x1) // 2, y0), (x1, y1)], fill=colour)
        else:
            shape([x0, y0, x1, y1], fill=colour)
    return image


def make_night(folder, assets, listings, vectors):
    rng = random.Random(18)
    pool = sources(vectors)
    os.makedirs(os.path.join(folder, "assets"), exist_ok=True)
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    registered = []
    for index in range(assets):
        if index % 4 == 3:
            image = logo(rng, rng.randrange(600, 1400))
            name = f"assets/logo-{index:03d}.png"
            image.save(os.path.join(folder, name))
        else:
            base = pool[index % len(pool)]
            w, h = base.size
            cw, ch = int(w * rng.uniform(0.55, 1)), int(h * rng.uniform(0.55, 1))
            x, y = rng.randrange(0, w - cw + 1), rng.randrange(0, h - ch + 1)
            image = base.crop((x, y, x + cw, y + ch))
            image = ImageEnhance.Color(image).enhance(rng.uniform(0.3, 1.6))
            long_side = rng.randrange(800, 2001)
            scale = long_side / max(image.size)
            image = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
            name = f"assets/photo-{index:03d}.jpg"
            image.save(os.path.join(folder, name), quality=90)
        registered.append((f"a{index:03d}", name, image))
    with open(os.path.join(folder, "registry.yaml"), "w") as f:
        f.write("owner: Benchmark Brands\nrights:\n")
        brands = [registered[i:i + 10] for i in range(0, len(registered), 10)]
        for b in range(len(brands)):
            f.write(f"  - {{ id: c-{b}, type: copyright, registration: \"VA {b}\", jurisdiction: US }}\n")
        f.write("brands:\n")
        for b, members in enumerate(brands):
            f.write(f"  - name: Brand{b}\n    assets:\n")
            for asset_id, name, _ in members:
                kind = "logo" if "logo" in name else "product-photo"
                f.write(f"      - {{ id: {asset_id}, path: {name}, kind: {kind}, right: c-{b} }}\n")
    with open(os.path.join(folder, "dump.jsonl"), "w") as dump:
        for index in range(listings):
            if rng.random() < 0.6:
                _, _, source = registered[rng.randrange(len(registered))]
                w, h = source.size
                cut = rng.uniform(0, 0.08)
                image = source.crop((int(w * cut), int(h * cut), w - int(w * cut), h - int(h * cut)))
                scale = rng.randrange(700, 1200) / max(image.size)
                image = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
                if rng.random() < 0.25:
                    background = scene(rng, (int(image.width * 1.4), int(image.height * 1.3)))
                    background.paste(image, (rng.randrange(0, background.width - image.width + 1),
                                             rng.randrange(0, background.height - image.height + 1)))
                    image = background
            else:
                image = scene(rng, (rng.randrange(800, 1200), rng.randrange(700, 1100)))
            name = f"images/s{index:05d}.jpg"
            image.save(os.path.join(folder, name), quality=rng.randrange(75, 92))
            record = {"marketplace": ["amazon", "ebay", "temu"][index % 3], "listing_id": str(500000 + index),
                      "title": f"Item {index}", "price": round(rng.uniform(3, 90), 2), "currency": "USD",
                      "seller_id": f"s-{index % 311}", "images": [name]}
            dump.write(json.dumps(record) + "\n")
    with open(os.path.join(folder, "one.jsonl"), "w") as one:
        one.write(json.dumps({"marketplace": "amazon", "listing_id": "1", "title": "x", "images": []}) + "\n")


def run(binary, folder, dump, out, jobs):
    command = ["/usr/bin/time", "-f", "TIME %e %U %S %M", binary, "run", "--registry",
               os.path.join(folder, "registry.yaml"), "--dump", os.path.join(folder, dump), "--out", out,
               "--jobs", str(jobs), "--min-score", "0", "--now", NOW]
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode not in (0, 1):
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr[-3000:]}")
    wall, user, system, rss = re.findall(r"TIME (\S+) (\S+) (\S+) (\S+)", completed.stderr)[-1]
    with open(os.path.join(out, "run.json")) as f:
        record = json.load(f)
    return {"wall": float(wall), "cpu": float(user) + float(system), "rss_mb": int(rss) / 1024,
            "timings": record.get("timings_seconds", {}), "counts": record.get("counts", {})}


def tree(folder):
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            files[os.path.relpath(path, folder)] = path
    return files


def compare(out_a, out_b):
    """Same findings; same bag files; identical bytes but for side-by-side PNGs (same pixels) and the tag files
    and manifests that hash them."""
    problems = []
    if open(os.path.join(out_a, "findings.jsonl"), "rb").read() != open(os.path.join(out_b, "findings.jsonl"),
                                                                        "rb").read():
        problems.append("findings.jsonl differs")
    a, b = tree(os.path.join(out_a, "bundles")), tree(os.path.join(out_b, "bundles"))
    if sorted(a) != sorted(b):
        problems.append(f"bag files differ: {len(set(a) ^ set(b))} paths in one only")
    pngs = 0
    for path in sorted(set(a) & set(b)):
        x, y = open(a[path], "rb").read(), open(b[path], "rb").read()
        if x == y:
            continue
        if path.endswith(".png"):
            pngs += 1
            ix, iy = Image.open(io.BytesIO(x)), Image.open(io.BytesIO(y))
            if ix.size != iy.size or ix.mode != iy.mode or ix.tobytes() != iy.tobytes():
                problems.append(f"{path}: pixels differ")
        elif not path.endswith(("manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt",
                                "proofmark-signature.txt")):
            problems.append(f"{path}: bytes differ")
    return problems, pngs, len(a)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--proofmark", action="append", required=True, help="NAME=PATH, two or more")
    parser.add_argument("--assets", type=int, default=100)
    parser.add_argument("--listings", type=int, default=3000)
    parser.add_argument("--vectors", default=os.path.join(ROOT, "..", "shared", "testvectors", "pdq", "images"))
    parser.add_argument("--work")
    parser.add_argument("--keep", action="store_true")
    arguments = parser.parse_args()
    binaries = [tuple(item.split("=", 1)) for item in arguments.proofmark]
    work = arguments.work or tempfile.mkdtemp(prefix="proofmark-evidence-bench-")
    night = os.path.join(work, "night")
    if not os.path.exists(os.path.join(night, "dump.jsonl")):
        make_night(night, arguments.assets, arguments.listings, arguments.vectors)
    results = {}
    try:
        for name, binary in binaries:
            r = results[name] = {}
            for jobs in (1, 2):
                out = os.path.join(work, f"{name}-registry-{jobs}")
                shutil.rmtree(out, ignore_errors=True)
                r[f"registry{jobs}"] = run(binary, night, "one.jsonl", out, jobs)
                shutil.rmtree(out, ignore_errors=True)
            out = os.path.join(work, f"{name}-night")
            shutil.rmtree(out, ignore_errors=True)
            r["night"] = run(binary, night, "dump.jsonl", out, 2)
            shutil.rmtree(os.path.join(out, "bundles-first"), ignore_errors=True)
            os.rename(os.path.join(out, "bundles"), os.path.join(out, "bundles-first"))
            shutil.rmtree(os.path.join(out, "report"), ignore_errors=True)
            r["evidence1"] = run(binary, night, "dump.jsonl", out, 1)
            shutil.rmtree(os.path.join(out, "bundles"))
            os.rename(os.path.join(out, "bundles-first"), os.path.join(out, "bundles"))
            print(f"[{name}] done", file=sys.stderr)
        print(f"night: {arguments.assets} registered images (photos 800-2,000 px, logos), {arguments.listings} "
              f"listings of one ~1,000 px image; --min-score 0; wall s / CPU s (user+sys)")
        header = (f"{'binary':<6} {'findings':>8} {'reg j1':>13} {'reg j2':>13} {'j1/j2':>5} {'listings j2':>11} "
                  f"{'evidence j2':>11} {'night j2 wall/cpu':>17} {'evid. again j1 wall/cpu':>23} {'ms cpu/finding':>14}")
        print(header)
        for name, _ in binaries:
            r = results[name]
            findings = r["night"]["counts"].get("findings_reported") or r["night"]["counts"].get("findings", 0)
            if isinstance(findings, dict):
                findings = sum(findings.values())
            bags = r["evidence1"]["counts"].get("bundles_written", 0)
            t = r["night"]["timings"]
            reg1, reg2 = r["registry1"], r["registry2"]
            print(f"{name:<6} {bags:>8} {reg1['timings'].get('registry', 0):>6.2f}/{reg1['cpu']:>6.2f} "
                  f"{reg2['timings'].get('registry', 0):>6.2f}/{reg2['cpu']:>6.2f} "
                  f"{reg1['timings'].get('registry', 0) / max(1e-9, reg2['timings'].get('registry', 0)):>5.2f} "
                  f"{t.get('listings', 0):>11.2f} {t.get('evidence', 0):>11.2f} "
                  f"{r['night']['wall']:>8.2f}/{r['night']['cpu']:>8.2f} "
                  f"{r['evidence1']['timings'].get('evidence', 0):>11.2f}/{r['evidence1']['cpu']:>11.2f} "
                  f"{1000 * r['evidence1']['cpu'] / max(1, bags):>14.2f}")
        print(json.dumps({name: {k: {"wall": v["wall"], "cpu": v["cpu"], "timings": v["timings"]}
                                 for k, v in r.items()} for name, r in results.items()}, indent=1, sort_keys=True))
        outs = [os.path.join(work, f"{name}-night") for name, _ in binaries]
        for other, (name, _) in zip(outs[1:], binaries[1:]):
            problems, pngs, files = compare(outs[0], other)
            print(f"{binaries[0][0]} vs {name}: {files} bag files, {pngs} PNGs with other bytes and the same pixels; "
                  + ("no other difference" if not problems else f"{len(problems)} problems: {problems[:5]}"))
        last_name, last_binary = binaries[0]
        verify = subprocess.run([last_binary, "verify", os.path.join(outs[0], "bundles")], capture_output=True,
                                text=True)
        print(f"{last_name}: proofmark verify exit {verify.returncode}: {verify.stdout.strip().splitlines()[-1:]}")
        import bagit
        bags = sorted(os.listdir(os.path.join(outs[0], "bundles")))
        invalid = [b for b in bags if not bagit.Bag(os.path.join(outs[0], "bundles", b)).is_valid()]
        print(f"{last_name}: python bagit: {len(bags) - len(invalid)} of {len(bags)} bags valid")
    finally:
        if not arguments.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
