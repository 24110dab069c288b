#!/usr/bin/env python3
"""Composites side by side: proofmark's local features against OpenCV ORB + RANSAC, on the same images, in one run.

    python3 Benchmarks/peers/features.py [--proofmark PATH] [--no-build] [--keep DIR] [--seed 7]

Generates a set into a temporary folder (or DIR with --keep):
  references/   50 registered images: 12 real photos and drawings from scikit-image's `skimage.data`, and 38
                procedural pictures (shapes, text, gradients drawn with Pillow), 300...640 px.
  suspects/     paste-*   a reference scaled so its long side is 40...80% of a 600 x 450 scene's width, rotated up to
                          +/-10 degrees, mirrored one time in three, pasted onto an unrelated photo or drawing, JPEG q80;
                strip-*   a reference as one panel of a 3-panel strip (600 x 200) or of a 2 x 2 grid (600 x 600);
                neg-*     unrelated images (other skimage photos, crops of them, other procedural pictures, plain and
                          two-tone images), which must verify nothing.
Truth (asset, region) is kept beside them in truth.json.

Both tools index every reference and its mirror image and see every suspect once per repeat (the fastest repeat
counts), single-threaded, timing decode + features + matching + verification per suspect image:
  proofmark   `proofmark features-bench` (release build): FAST on a 6-level pyramid, 500 features, steered binary
              tests, LSH over all references, ratio test, RANSAC on a similarity. Verified per its defaults.
  opencv orb  cv2.imread (grey) -> ORB_create(500) detectAndCompute -> per reference variant BFMatcher(HAMMING)
              knnMatch k=2, Lowe ratio 0.75 -> findHomography(RANSAC, 5 px) when >= 8 good matches; verified at
              >= 12 inliers (a common setting). cv2.setNumThreads(1).
A paste or strip counts as found when the best verified asset is the right one and its region overlaps the truth
with IoU >= 0.5. A false verification is any verified asset on a negative, or a wrong asset on a positive.
"""

import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

REAL_REFERENCES = ["astronaut", "camera", "coffee", "chelsea", "rocket", "coins", "clock", "immunohistochemistry",
                   "logo", "horse", "colorwheel", "page"]
REAL_OTHERS = ["moon", "hubble_deep_field", "retina", "brick", "grass", "gravel", "cell", "text",
               "shepp_logan_phantom", "binary_blobs", "microaneurysms", "checkerboard"]


def skimage_picture(name):
    import skimage.data
    array = getattr(skimage.data, name)()
    if array.dtype == bool:
        array = np.where(array, 0, 255).astype(np.uint8)
    elif array.dtype != np.uint8:
        array = (255 * (array - array.min()) / max(1e-9, float(array.max() - array.min()))).astype(np.uint8)
    if array.ndim == 3 and array.shape[2] == 4:
        rgb = array[:, :, :3].astype(np.float32)
        alpha = array[:, :, 3:4].astype(np.float32) / 255
        array = (rgb * alpha + 255 * (1 - alpha)).astype(np.uint8)
    image = Image.fromarray(array).convert("RGB")
    if max(image.size) > 640:
        factor = 640 / max(image.size)
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.LANCZOS)
    return image


def procedural(rng, width, height):
    """Shapes, words and a gradient: a product-shot-like drawing, different for every draw of `rng`."""
    base = tuple(rng.randrange(256) for _ in range(3))
    image = Image.new("RGB", (width, height), base)
    draw = ImageDraw.Draw(image)
    top = np.linspace(0, 1, height)[:, None, None]
    tint = np.array([rng.randrange(256) for _ in range(3)], dtype=np.float32)
    gradient = (np.array(image, dtype=np.float32) * (1 - 0.5 * top) + tint * 0.5 * top).astype(np.uint8)
    image = Image.fromarray(gradient)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=rng.randrange(18, 48)) if hasattr(ImageFont, "load_default") else None
    for _ in range(rng.randrange(12, 30)):
        colour = tuple(rng.randrange(256) for _ in range(3))
        x0, y0 = rng.randrange(width), rng.randrange(height)
        x1, y1 = x0 + rng.randrange(10, width // 3), y0 + rng.randrange(10, height // 3)
        kind = rng.randrange(4)
        if kind == 0:
            draw.rectangle([x0, y0, x1, y1], fill=colour)
        elif kind == 1:
            draw.ellipse([x0, y0, x1, y1], fill=colour)
        elif kind == 2:
            draw.polygon([(x0, y0), (x1, y0 + rng.randrange(-40, 40)), (x0 + rng.randrange(-40, 40), y1)], fill=colour)
        else:
            draw.line([x0, y0, x1, y1], fill=colour, width=rng.randrange(2, 8))
    words = ["ACME", "Trail Pro", "SUMMIT 2", "waterproof", "Organic", "LIMITED", "Nº 5", "turbo", "Alpine",
             "Hydro", "ultra light", "MAX", "Kids", "Classic"]
    for _ in range(rng.randrange(2, 6)):
        draw.text((rng.randrange(width - 60), rng.randrange(height - 30)), rng.choice(words),
                  fill=tuple(rng.randrange(256) for _ in range(3)), font=font)
    return image


def scene_pool(rng, count):
    """Backgrounds and negatives: unrelated real pictures (whole and cropped) and other procedural drawings."""
    pool = []
    real = [skimage_picture(name) for name in REAL_OTHERS]
    for index in range(count):
        if index % 2 == 0:
            picture = real[(index // 2) % len(real)]
            if (index // 2) >= len(real):
                w, h = picture.size
                cw, ch = rng.randrange(w // 2, w), rng.randrange(h // 2, h)
                x, y = rng.randrange(w - cw + 1), rng.randrange(h - ch + 1)
                picture = picture.crop((x, y, x + cw, y + ch))
            pool.append(picture)
        else:
            pool.append(procedural(rng, rng.randrange(400, 640), rng.randrange(300, 480)))
    return pool


def fit(image, width, height):
    return image.resize((width, height), Image.LANCZOS)


def make_set(folder, seed):
    rng = random.Random(seed)
    references_dir = os.path.join(folder, "references")
    suspects_dir = os.path.join(folder, "suspects")
    os.makedirs(references_dir)
    os.makedirs(suspects_dir)
    references = {}
    for name in REAL_REFERENCES:
        references[name] = skimage_picture(name)
    for index in range(50 - len(REAL_REFERENCES)):
        references[f"drawing-{index:02d}"] = procedural(rng, rng.randrange(300, 640), rng.randrange(300, 640))
    for name, image in references.items():
        image.save(os.path.join(references_dir, name + ".png"))
    truth = {}
    backgrounds = scene_pool(rng, 60)
    names = sorted(references)
    # Pastes: every reference twice, at 40...80% of the scene's width (long side), rotated, sometimes mirrored.
    for round_ in range(2):
        for name in names:
            reference = references[name]
            scene = fit(backgrounds[rng.randrange(len(backgrounds))], 600, 450).copy()
            share = rng.uniform(0.4, 0.8)
            factor = share * 600 / max(reference.size)
            piece = reference.resize((max(1, round(reference.width * factor)), max(1, round(reference.height * factor))),
                                     Image.LANCZOS)
            if piece.height > 430:
                piece = piece.resize((round(piece.width * 430 / piece.height), 430), Image.LANCZOS)
            mirrored = rng.random() < 1 / 3
            if mirrored:
                piece = piece.transpose(Image.FLIP_LEFT_RIGHT)
            degrees = rng.uniform(-10, 10)
            piece = piece.rotate(-degrees, resample=Image.BILINEAR, expand=True, fillcolor=(255, 255, 255))
            x = rng.randrange(0, max(1, 600 - piece.width))
            y = rng.randrange(0, max(1, 450 - piece.height))
            scene.paste(piece, (x, y))
            file = f"paste-{round_}-{name}.jpg"
            scene.save(os.path.join(suspects_dir, file), quality=80)
            truth[file] = {"asset": name, "region": [x, y, piece.width, piece.height], "kind": "paste",
                           "mirrored": mirrored}
    # Strips and grids: a reference as one panel among unrelated pictures.
    for index, name in enumerate(names):
        grid = index % 2 == 1
        panel, columns, rows = (300, 2, 2) if grid else (200, 3, 1)
        canvas = Image.new("RGB", (panel * columns, panel * rows), (255, 255, 255))
        slot = rng.randrange(columns * rows)
        region = None
        for position in range(columns * rows):
            picture = references[name] if position == slot else backgrounds[rng.randrange(len(backgrounds))]
            factor = (panel - 8) / max(picture.size)
            piece = picture.resize((max(1, round(picture.width * factor)), max(1, round(picture.height * factor))),
                                   Image.LANCZOS)
            px = (position % columns) * panel + (panel - piece.width) // 2
            py = (position // columns) * panel + (panel - piece.height) // 2
            canvas.paste(piece, (px, py))
            if position == slot:
                region = [px, py, piece.width, piece.height]
        file = f"strip-{name}.jpg"
        canvas.save(os.path.join(suspects_dir, file), quality=85)
        truth[file] = {"asset": name, "region": region, "kind": "grid" if grid else "strip", "mirrored": False}
    # Negatives: unrelated pictures, plain and two-tone images.
    negatives = scene_pool(random.Random(seed + 1), 90)
    for index in range(10):
        image = Image.new("RGB", (500, 400), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        for _ in range(index % 5):
            x0, y0 = rng.randrange(400), rng.randrange(300)
            draw.rectangle([x0, y0, x0 + rng.randrange(20, 100), y0 + rng.randrange(20, 100)], fill=(0, 0, 0))
        if index >= 5:
            draw.text((40, 150), rng.choice(["BRAND", "logo", "Shop now"]), fill=(0, 0, 0),
                      font=ImageFont.load_default(size=60))
        negatives.append(image)
    for index, image in enumerate(negatives):
        file = f"neg-{index:03d}.jpg"
        image.convert("RGB").save(os.path.join(suspects_dir, file), quality=85)
        truth[file] = {"asset": None, "kind": "negative"}
    with open(os.path.join(folder, "truth.json"), "w") as handle:
        json.dump(truth, handle, indent=1, sort_keys=True)
    return truth


def iou(a, b):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    w = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    h = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = w * h
    union = aw * ah + bw * bh - inter
    return inter / union if union > 0 else 0


def run_proofmark(binary, folder, repeats):
    output = subprocess.run([binary, "features-bench", "--references", os.path.join(folder, "references"),
                             "--suspects", os.path.join(folder, "suspects"), "--repeats", str(repeats)],
                            check=True, capture_output=True, text=True)
    sys.stderr.write("proofmark: " + output.stderr)
    sys.stderr.flush()
    results = {}
    for line in output.stdout.splitlines():
        record = json.loads(line)
        results[record["file"]] = (record["ms"], [(m["id"], m["inliers"], m["region"]) for m in record["matches"]])
    return results


def run_opencv(folder, repeats, one_matcher=False, min_inliers=8):
    """OpenCV ORB + ratio test + findHomography RANSAC; every verified asset with its inlier count.

    Per reference variant (the usual recipe), or with one BFMatcher over all references' descriptors (k = 3 nearest,
    ratio test against the next neighbour from the same reference variant), the faster way to use OpenCV here."""
    import cv2
    cv2.setNumThreads(1)
    orb = cv2.ORB_create(nfeatures=500)
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    variants = []
    for path in sorted(glob.glob(os.path.join(folder, "references", "*.png"))):
        name = os.path.splitext(os.path.basename(path))[0]
        grey = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        for mirrored in (False, True):
            picture = cv2.flip(grey, 1) if mirrored else grey
            keypoints, descriptors = orb.detectAndCompute(picture, None)
            if descriptors is not None and len(keypoints) >= 2:
                variants.append((name, mirrored, picture.shape, keypoints, descriptors))
    owner = np.concatenate([np.full(len(v[3]), index) for index, v in enumerate(variants)])
    first = np.cumsum([0] + [len(v[3]) for v in variants])
    everything = np.concatenate([v[4] for v in variants])
    results = {}
    files = sorted(glob.glob(os.path.join(folder, "suspects", "*.jpg")))
    fastest = {}
    for _ in range(repeats):
        for path in files:
            start = time.perf_counter()
            grey = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
            keypoints, descriptors = orb.detectAndCompute(grey, None)
            found = []
            if descriptors is not None and len(keypoints) >= 2:
                per_variant = {}
                if one_matcher:
                    for neighbours in matcher.knnMatch(descriptors, everything, k=3):
                        if len(neighbours) < 2:
                            continue
                        best = neighbours[0]
                        variant = owner[best.trainIdx]
                        second = next((m for m in neighbours[1:] if owner[m.trainIdx] == variant), None)
                        if second is None or best.distance < 0.75 * second.distance:
                            per_variant.setdefault(variant, []).append(
                                (best.queryIdx, best.trainIdx - first[variant]))
                else:
                    for variant, (_, _, _, _, ref_descriptors) in enumerate(variants):
                        pairs = matcher.knnMatch(descriptors, ref_descriptors, k=2)
                        per_variant[variant] = [(p[0].queryIdx, p[0].trainIdx) for p in pairs
                                                if len(p) == 2 and p[0].distance < 0.75 * p[1].distance]
                for variant, good in per_variant.items():
                    if len(good) < 8:
                        continue
                    name, mirrored, shape, ref_keypoints, _ = variants[variant]
                    source = np.float32([ref_keypoints[t].pt for _, t in good]).reshape(-1, 1, 2)
                    target = np.float32([keypoints[q].pt for q, _ in good]).reshape(-1, 1, 2)
                    homography, mask = cv2.findHomography(source, target, cv2.RANSAC, 5.0)
                    if homography is None:
                        continue
                    inliers = int(mask.sum())
                    if inliers < min_inliers:
                        continue
                    h, w = shape
                    corners = cv2.perspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]).reshape(-1, 1, 2),
                                                       homography).reshape(-1, 2)
                    x0 = max(0, corners[:, 0].min())
                    y0 = max(0, corners[:, 1].min())
                    x1 = min(grey.shape[1], corners[:, 0].max())
                    y1 = min(grey.shape[0], corners[:, 1].max())
                    region = [int(x0), int(y0), int(max(0, x1 - x0)), int(max(0, y1 - y0))]
                    found.append((name, inliers, region))
            best = {}
            for item in sorted(found, key=lambda item: (-item[1], item[0])):
                best.setdefault(item[0], item)
            found = sorted(best.values(), key=lambda item: (-item[1], item[0]))
            elapsed = (time.perf_counter() - start) * 1000
            file = os.path.basename(path)
            fastest[file] = min(fastest.get(file, 1e9), elapsed)
            results[file] = (fastest[file], found)
    return results


def score(truth, results, min_inliers=0):
    rows = {}
    false_verifications = 0
    negatives = 0
    for file, expected in truth.items():
        ms, found = results[file]
        found = [item for item in found if item[1] >= min_inliers]
        kind = expected["kind"]
        row = rows.setdefault(kind, {"n": 0, "found": 0, "ms": 0.0})
        row["n"] += 1
        row["ms"] += ms
        if kind == "negative":
            negatives += 1
            if found:
                false_verifications += 1
            continue
        wrong = [item for item in found if item[0] != expected["asset"]]
        if wrong:
            false_verifications += 1
        if found and found[0][0] == expected["asset"] and iou(found[0][2], expected["region"]) >= 0.5:
            row["found"] += 1
    total_ms = sum(row["ms"] for row in rows.values())
    total_n = sum(row["n"] for row in rows.values())
    return rows, false_verifications, negatives, total_ms / total_n


def calibrated(truth, results):
    """The smallest inlier threshold with no false verification on this set, and the score there."""
    for threshold in range(8, 400):
        scored = score(truth, results, threshold)
        if scored[1] == 0:
            return threshold, scored
    return None, score(truth, results, 400)


def ensure_peers():
    """Installs the Python peers when they are missing (benchmarks only; never a runtime dependency)."""
    try:
        import cv2  # noqa: F401
        import skimage  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "opencv-python-headless", "scikit-image"],
                       check=True)


def main():
    ensure_peers()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--proofmark", default=os.path.join(ROOT, ".build-release", "release", "proofmark"))
    parser.add_argument("--set", help="use an existing generated set (from --keep) instead of generating one")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--keep", help="write the generated set here (must not exist) and keep it")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=1)
    arguments = parser.parse_args()
    if not arguments.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--scratch-path", os.path.join(ROOT, ".build-release"),
                        "--product", "proofmark"], cwd=ROOT, check=True)
    folder = arguments.set or arguments.keep or tempfile.mkdtemp(prefix="proofmark-features-")
    if arguments.keep:
        os.makedirs(folder)
    try:
        if arguments.set:
            with open(os.path.join(folder, "truth.json")) as handle:
                truth = json.load(handle)
        else:
            truth = make_set(folder, arguments.seed)
        taskset = ["taskset", "-c", "0"] if shutil.which("taskset") else []
        runs = []
        for label, child in (("proofmark", ["--child-proofmark", arguments.proofmark]),
                             ("opencv orb, matcher per reference", ["--child-opencv", "per-reference"]),
                             ("opencv orb, one matcher", ["--child-opencv", "one-matcher"])):
            output = subprocess.run(taskset + [sys.executable, os.path.abspath(__file__)] + child
                                    + [folder, str(arguments.repeats)], check=True, capture_output=True, text=True)
            sys.stderr.write(output.stderr)
            results = {k: (v[0], [tuple(x) for x in v[1]]) for k, v in json.loads(output.stdout).items()}
            runs.append((label, results))
        print(f"{len(truth)} suspects (<= 600 px): 100 pastes, 25 strips, 25 grids, 100 negatives; 50 references "
              f"(+ mirrors); one core; fastest of {arguments.repeats}; decode + features + matching + verification")
        print(f"{'tool':<36} {'min inl.':>8} {'ms/image':>9} {'paste':>7} {'strip':>7} {'grid':>7} {'false verif.':>12}")
        for label, results in runs:
            settings = [("own", 0)] if label == "proofmark" else [("12", 12), ("calibrated", None)]
            for name, threshold in settings:
                if threshold is None:
                    threshold, scored = calibrated(truth, results)
                else:
                    scored = score(truth, results, threshold)
                rows, false_verifications, negatives, mean_ms = scored
                def recall(kind):
                    row = rows.get(kind, {"n": 0, "found": 0})
                    return f"{row['found']}/{row['n']}"
                shown = "default" if name == "own" else str(threshold)
                print(f"{label:<36} {shown:>8} {mean_ms:>9.2f} {recall('paste'):>7} {recall('strip'):>7} "
                      f"{recall('grid'):>7} {false_verifications:>12}")
    finally:
        if not arguments.keep and not arguments.set:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-proofmark":
        print(json.dumps(run_proofmark(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-opencv":
        print(json.dumps(run_opencv(sys.argv[3], int(sys.argv[4]), one_matcher=sys.argv[2] == "one-matcher")))
    else:
        main()
