#!/usr/bin/env python3
"""What a picture that shows no registered image costs (issue 18, item 4), side by side for two `proofmark`
binaries, against `proofmark hash` on the same files, with the findings on composites compared.

The set is made here, seeded, with nothing committed:
  - the registry: `bench_evidence.py`'s first night (`--assets` registered images from the PDQ conformance photos
    and drawn logos, `--vectors`);
  - `--unrelated` pictures of 600 to 1,200 px that show none of them, in four kinds, a quarter each: edited product
    photos (the sample photos that ship in scikit-image, scikit-learn and matplotlib: cropped, tinted, scaled,
    turned a little, with another brand's name drawn on), logos of other brands (words in matplotlib's fonts with
    shapes on white), procedural scenes (`bench_evidence.scene`), and collages (2 x 2 grids and three-panel strips
    of the other kinds);
  - `--composites` pictures that do show one: a registered image pasted into an unrelated picture (30-70% of its
    width, turned up to 10 degrees, a third of them mirrored), one panel of a strip or grid, a crop of 60-80%, or a
    tilt of 3-12 degrees.
For each binary: the registry is cached in a state by a run of a one-listing dump; each set is then run at
`--jobs 1` on a copy of that state, once at `--min-score 0` for the findings, and `--repeats` times at
`--min-score 1` for the CPU (user + sys of the process; so that few evidence bags are written), less that of a run
of the one-listing dump on a copy of the same state. `proofmark hash` runs over the same files (one process). Prints ms of CPU a picture, the ratio to `hash`, composites found, and whether the findings of the
binaries are identical.

    pip install scikit-image scikit-learn matplotlib pillow
    Benchmarks/run/bench_unrelated.py --proofmark new=.build/release/proofmark --proofmark old=/tmp/old/proofmark \
        [--assets 100] [--unrelated 400] [--composites 200] [--repeats 2] [--work DIR --keep]
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

import matplotlib
import skimage
import sklearn
from PIL import Image, ImageDraw, ImageEnhance, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_evidence  # noqa: E402

ROOT = bench_evidence.ROOT
NOW = bench_evidence.NOW
SK = os.path.join(os.path.dirname(skimage.__file__), "data")
SL = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "images")
MP = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "sample_data")
FONTS = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf")
# None of the PDQ conformance images the registry is made of (skimage's astronaut, coffee, rocket... are among them).
PHOTOS = [f"{SK}/{n}" for n in ("camera.png", "chelsea.png", "coins.png", "grass.png", "gravel.png",
                                "hubble_deep_field.jpg", "ihc.png", "moon.png", "motorcycle_left.png", "page.png")]
PHOTOS += [f"{SL}/china.jpg", f"{SL}/flower.jpg", f"{MP}/grace_hopper.jpg", f"{MP}/Minduka_Present_Blue_Pack.png"]
WORDS = ["Norvik", "Talmo", "Brisk", "Quenta", "Harlow", "Pendix", "Oskaro", "Velura", "Kitemo", "Marrow",
         "Sundra", "Fjelde", "Corvo", "Ambrin", "Tessa", "Lumix", "Orbit", "Zephy", "Galen", "Rovan"]


def load(path):
    image = Image.open(path)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        canvas = Image.new("RGBA", image.size, "white")
        canvas.alpha_composite(image)
        image = canvas
    return image.convert("RGB")


def fonts():
    return sorted(os.path.join(FONTS, f) for f in os.listdir(FONTS)
                  if f.startswith(("DejaVu", "STIXGeneral")) and "Display" not in f)


def resized(image, long_side):
    scale = long_side / max(image.size)
    return image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))


def product(rng, photos, font_files):
    base = photos[rng.randrange(len(photos))]
    w, h = base.size
    cw, ch = int(w * rng.uniform(0.6, 1)), int(h * rng.uniform(0.6, 1))
    x, y = rng.randrange(0, w - cw + 1), rng.randrange(0, h - ch + 1)
    image = base.crop((x, y, x + cw, y + ch))
    image = ImageEnhance.Color(image).enhance(rng.uniform(0.4, 1.5))
    image = ImageEnhance.Brightness(image).enhance(rng.uniform(0.8, 1.2))
    image = resized(image, rng.randrange(600, 1201))
    if rng.random() < 0.3:
        image = image.rotate(rng.uniform(-8, 8), resample=Image.BILINEAR, expand=False, fillcolor=(255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(rng.choice(font_files), max(12, image.height // rng.randrange(8, 16)))
    draw.text((rng.randrange(image.width // 2), rng.randrange(image.height - image.height // 8)),
              rng.choice(WORDS), fill=tuple(rng.randrange(256) for _ in range(3)), font=font)
    return image


def brand_logo(rng, font_files):
    width, height = rng.randrange(600, 1201), rng.randrange(300, 900)
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    colour = tuple(rng.randrange(200) for _ in range(3))
    size = int(height * rng.uniform(0.3, 0.6))
    x0, y0 = int(width * 0.08), (height - size) // 2
    shape = rng.choice(["ellipse", "rectangle", "polygon", "ring"])
    if shape == "ellipse":
        draw.ellipse([x0, y0, x0 + size, y0 + size], fill=colour)
    elif shape == "rectangle":
        draw.rounded_rectangle([x0, y0, x0 + size, y0 + size], radius=size // 6, fill=colour)
    elif shape == "polygon":
        draw.polygon([(x0, y0 + size), (x0 + size // 2, y0), (x0 + size, y0 + size)], fill=colour)
    else:
        draw.ellipse([x0, y0, x0 + size, y0 + size], outline=colour, width=max(4, size // 8))
    font = ImageFont.truetype(rng.choice(font_files), int(height * rng.uniform(0.15, 0.3)))
    draw.text((x0 + size + width // 20, height // 2), rng.choice(WORDS), fill=colour, font=font, anchor="lm")
    return image


def collage(rng, parts):
    if rng.random() < 0.5:
        cell = rng.randrange(300, 601)
        image = Image.new("RGB", (2 * cell, 2 * cell), (255, 255, 255))
        for index, part in enumerate(parts[:4]):
            image.paste(part.resize((cell, cell)), ((index % 2) * cell, (index // 2) * cell))
    else:
        height = rng.randrange(300, 450)
        image = Image.new("RGB", (3 * height, height), (255, 255, 255))
        for index, part in enumerate(parts[:3]):
            image.paste(part.resize((height, height)), (index * height, 0))
    return image


def unrelated(rng, kind, photos, font_files):
    if kind == 0:
        return product(rng, photos, font_files)
    if kind == 1:
        return brand_logo(rng, font_files)
    if kind == 2:
        return bench_evidence.scene(rng, (rng.randrange(700, 1201), rng.randrange(600, 1101)))
    parts = [unrelated(rng, rng.randrange(3), photos, font_files) for _ in range(4)]
    return collage(rng, parts)


def composite(rng, kind, registered, photos, font_files):
    source = registered[rng.randrange(len(registered))]
    if kind == 0:
        background = unrelated(rng, rng.choice([0, 2]), photos, font_files)
        background = resized(background, rng.randrange(800, 1201))
        paste = resized(source, int(background.width * rng.uniform(0.3, 0.7)))
        if rng.random() < 1 / 3:
            paste = paste.transpose(Image.FLIP_LEFT_RIGHT)
        paste = paste.rotate(rng.uniform(-10, 10), resample=Image.BILINEAR, expand=True, fillcolor=(255, 255, 255))
        if paste.height > background.height:
            paste = resized(paste, background.height - 10)
        background.paste(paste, (rng.randrange(0, background.width - paste.width + 1),
                                 rng.randrange(0, background.height - paste.height + 1)))
        return background
    if kind == 1:
        parts = [unrelated(rng, rng.randrange(3), photos, font_files) for _ in range(4)]
        parts[rng.randrange(3)] = source
        return collage(rng, parts)
    if kind == 2:
        w, h = source.size
        cw, ch = int(w * rng.uniform(0.6, 0.8)), int(h * rng.uniform(0.6, 0.8))
        x, y = rng.randrange(0, w - cw + 1), rng.randrange(0, h - ch + 1)
        return resized(source.crop((x, y, x + cw, y + ch)), rng.randrange(600, 1001))
    image = resized(source, rng.randrange(600, 1001))
    angle = rng.uniform(3, 12) * rng.choice([-1, 1])
    return image.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=(255, 255, 255))


def make_set(folder, assets, unrelated_count, composites, vectors):
    bench_evidence.make_night(folder, assets, 0, vectors)
    registered = [load(os.path.join(folder, "assets", n)) for n in sorted(os.listdir(os.path.join(folder, "assets")))]
    photos = [load(p) for p in PHOTOS if os.path.exists(p)]
    font_files = fonts()
    rng = random.Random(1804)
    for name, count, make in (("unrelated", unrelated_count, lambda i: unrelated(rng, i % 4, photos, font_files)),
                              ("composites", composites,
                               lambda i: composite(rng, i % 4, registered, photos, font_files))):
        os.makedirs(os.path.join(folder, name), exist_ok=True)
        with open(os.path.join(folder, f"{name}.jsonl"), "w") as dump:
            for index in range(count):
                image = make(index)
                path = f"{name}/{index:04d}.jpg"
                image.save(os.path.join(folder, path), quality=rng.randrange(75, 92))
                dump.write(json.dumps({"marketplace": "amazon", "listing_id": f"{name}-{index}",
                                       "title": f"Item {index}", "seller_id": f"s-{index % 97}",
                                       "images": [path]}) + "\n")
    with open(os.path.join(folder, "ready"), "w"):
        pass


def timed(command):
    completed = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M"] + command, capture_output=True,
                               text=True)
    if completed.returncode not in (0, 1):
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr[-3000:]}")
    wall, user, system, _ = re.findall(r"TIME (\S+) (\S+) (\S+) (\S+)", completed.stderr)[-1]
    return float(user) + float(system), float(wall)


def night(binary, folder, dump, out, state=None, min_score="0"):
    """A run into a fresh `out`, starting from a copy of `state`'s state file when given."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    if state:
        for name in os.listdir(state):
            if name.startswith("state.sqlite") and not name.endswith(".lock"):
                shutil.copy(os.path.join(state, name), out)
    return timed([binary, "run", "--registry", os.path.join(folder, "registry.yaml"), "--dump",
                  os.path.join(folder, dump), "--out", out, "--jobs", "1", "--min-score", min_score, "--now", NOW])


def findings(out):
    with open(os.path.join(out, "findings.jsonl")) as f:
        return [json.loads(line) for line in f]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--proofmark", action="append", required=True, help="NAME=PATH, one or more")
    parser.add_argument("--assets", type=int, default=100)
    parser.add_argument("--unrelated", type=int, default=400)
    parser.add_argument("--composites", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=2, help="runs per binary and set; the least CPU is kept")
    parser.add_argument("--vectors", default=os.path.join(ROOT, "..", "shared", "testvectors", "pdq", "images"))
    parser.add_argument("--work")
    parser.add_argument("--keep", action="store_true")
    arguments = parser.parse_args()
    binaries = [tuple(item.split("=", 1)) for item in arguments.proofmark]
    work = arguments.work or tempfile.mkdtemp(prefix="proofmark-unrelated-bench-")
    folder = os.path.join(work, "set")
    if not os.path.exists(os.path.join(folder, "ready")):
        make_set(folder, arguments.assets, arguments.unrelated, arguments.composites, arguments.vectors)
    sets = {"unrelated": arguments.unrelated, "composites": arguments.composites}
    results = {}
    try:
        for name, binary in binaries:
            r = results[name] = {}
            registry = os.path.join(work, f"{name}-registry")
            night(binary, folder, "one.jsonl", registry)
            for kind in sets:
                out = os.path.join(work, f"{name}-{kind}")
                night(binary, folder, f"{kind}.jsonl", out, registry)
                r[f"findings-{kind}"] = findings(out)
        for _ in range(arguments.repeats):
            # Alternate the binaries, so a change in the machine's load falls on each.
            for name, binary in binaries:
                r = results[name]
                registry = os.path.join(work, f"{name}-registry")
                scratch = os.path.join(work, f"{name}-timed")
                for kind in sets:
                    files = sorted(os.path.join(folder, kind, n) for n in os.listdir(os.path.join(folder, kind)))
                    cpu, _ = timed([binary, "hash"] + files)
                    r[f"hash-{kind}"] = min(cpu, r.get(f"hash-{kind}", 1e9))
                    base, _ = night(binary, folder, "one.jsonl", scratch, registry, "1")
                    cpu, _ = night(binary, folder, f"{kind}.jsonl", scratch, registry, "1")
                    if cpu - base < r.get(kind, (1e9,))[0]:
                        r[kind] = (cpu - base, base)
        print(f"{arguments.assets} registered images; {arguments.unrelated} unrelated pictures, "
              f"{arguments.composites} composites (pastes, panels, crops, tilts); --jobs 1, registry cached; "
              f"least CPU (user+sys) of {arguments.repeats} runs")
        print(f"{'binary':<8} {'set':<11} {'run ms/pic':>10} {'hash ms/pic':>11} {'ratio':>6} {'one-listing run s':>17} "
              f"{'listings w/ finding':>19} {'>= 0.5':>7}")
        for name, _ in binaries:
            r = results[name]
            for kind, count in sets.items():
                run_ms = 1000 * r[kind][0] / count
                hash_ms = 1000 * r[f"hash-{kind}"] / count
                found = r[f"findings-{kind}"]
                listings = len({f["listing_id"] for f in found})
                strong = len({f["listing_id"] for f in found if f["score"] >= 0.5})
                print(f"{name:<8} {kind:<11} {run_ms:>10.2f} {hash_ms:>11.2f} {run_ms / hash_ms:>6.2f} "
                      f"{r[kind][1]:>17.2f} {listings:>19} {strong:>7}")
        first = binaries[0][0]
        for name, _ in binaries[1:]:
            for kind in sets:
                same = results[first][f"findings-{kind}"] == results[name][f"findings-{kind}"]
                print(f"{first} vs {name}, {kind}: findings " + ("identical" if same else "DIFFER"))
    finally:
        if not arguments.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
