#!/usr/bin/env python3
"""Recall per edit family at 1% and 0.1% false positives, and time per picture: proofmark beside the hashing
libraries people use today and OpenCV ORB + RANSAC, on the very same edited pictures, in one run.

    python3 robustness_peers.py --registry R.yaml --negatives DIR [--proofmark PATH] [--seed N] [--work DIR]

1. Runs `proofmark robustness --keep-pictures WORK/pictures` (it edits every registered image and negative,
   saves each edited picture as JPEG with a manifest, and measures itself).
2. Runs each peer on those JPEGs, one thread, decode included:
   - pdqhash (Facebook's PDQ via the `pdqhash` package, Pillow decode) with its 8 dihedral variants;
   - ImageHash pHash and dHash (Pillow decode), registered side hashed under all 8 dihedral transforms;
   - OpenCV ORB (500 features) + brute-force Hamming matching with Lowe's ratio test (0.75) + findHomography
     RANSAC (5 px); the score is the inlier count.
   A positive's score is its own registered image's best similarity, a negative's the best over all; recall at
   a false-positive rate is read at the score threshold the negatives allow.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import time

import cv2
import imagehash
import numpy as np
import pdqhash
from PIL import Image

FAMILIES = {
    "photometric": ["re-encode", "resize-25%", "jpeg-q30", "blur", "greyscale", "hue-shift", "brightness-contrast",
                    "caption-bar", "watermark", "aspect-4:3"],
    "dihedral": ["mirror", "rot90"],
    "geometric": ["crop-side-25%", "crop-all-10%", "border-15%", "rotate-5°"],
    "composite": ["paste-40%", "strip-panel"],
}
FAMILY_OF = {edit: family for family, edits in FAMILIES.items() for edit in edits}


def registry_assets(path):
    """(id, file) of every registered image; a minimal reader for the registry's asset lines."""
    import yaml  # PyYAML ships with most Pythons that have pip; the registry is YAML
    with open(path) as handle:
        data = yaml.safe_load(handle)
    folder = os.path.dirname(os.path.abspath(path))
    return [(a["id"], os.path.join(folder, a["path"])) for b in data["brands"] for a in b.get("assets", [])]


def rgb(path):
    image = Image.open(path)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        canvas = Image.new("RGBA", image.size, "white")
        canvas.alpha_composite(image)
        image = canvas
    return image.convert("RGB")


def dihedral(image):
    t = Image.Transpose
    return [image, image.transpose(t.FLIP_LEFT_RIGHT), image.transpose(t.FLIP_TOP_BOTTOM), image.transpose(t.ROTATE_90),
            image.transpose(t.ROTATE_180), image.transpose(t.ROTATE_270), image.transpose(t.TRANSPOSE),
            image.transpose(t.TRANSVERSE)]


class PDQ:
    name = "pdqhash (PDQ, 8 variants)"

    def __init__(self, assets):
        self.refs = []
        for asset, path in assets:
            hashes, _ = pdqhash.compute_dihedral(np.asarray(rgb(path)))
            self.refs += [(asset, np.asarray(h, dtype=bool)) for h in hashes]

    def scores(self, path):
        vector, _ = pdqhash.compute(np.asarray(rgb(path)))
        vector = np.asarray(vector, dtype=bool)
        best = {}
        for asset, h in self.refs:
            best[asset] = max(best.get(asset, -1), 256 - int(np.count_nonzero(h != vector)))
        return best


class ImageHashPeer:
    def __init__(self, assets, function, name):
        self.name = name
        self.function = function
        self.refs = [(asset, function(variant)) for asset, path in assets for variant in dihedral(rgb(path))]

    def scores(self, path):
        h = self.function(rgb(path))
        best = {}
        for asset, ref in self.refs:
            best[asset] = max(best.get(asset, -1), 64 - (h - ref))
        return best


class ORB:
    name = "OpenCV ORB + RANSAC"

    def __init__(self, assets):
        cv2.setNumThreads(1)
        self.orb = cv2.ORB_create(nfeatures=500)
        self.matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
        self.refs = []
        for asset, path in assets:
            grey = cv2.cvtColor(np.asarray(rgb(path))[:, :, ::-1], cv2.COLOR_BGR2GRAY)
            keypoints, descriptors = self.orb.detectAndCompute(grey, None)
            self.refs.append((asset, keypoints, descriptors))

    def scores(self, path):
        grey = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        keypoints, descriptors = self.orb.detectAndCompute(grey, None)
        best = {}
        for asset, ref_points, ref_descriptors in self.refs:
            inliers = 0
            if descriptors is not None and ref_descriptors is not None and len(keypoints) >= 2:
                pairs = self.matcher.knnMatch(ref_descriptors, descriptors, k=2)
                good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < 0.75 * p[1].distance]
                if len(good) >= 4:
                    source = np.float32([ref_points[m.queryIdx].pt for m in good]).reshape(-1, 1, 2)
                    target = np.float32([keypoints[m.trainIdx].pt for m in good]).reshape(-1, 1, 2)
                    _, mask = cv2.findHomography(source, target, cv2.RANSAC, 5.0)
                    inliers = int(mask.sum()) if mask is not None else 0
            best[asset] = inliers
        return best


def threshold(negative_scores, rate):
    ranked = sorted(negative_scores, reverse=True)
    allowed = int(len(ranked) * rate)
    return ranked[allowed] + 1e-9 if allowed < len(ranked) else float("-inf")


def summarise(rows):
    """rows: (positive, edit, score). Recall per family and overall at 1% and 0.1% false positives."""
    negatives = [score for positive, _, score in rows if not positive]
    out = {}
    for rate in (0.01, 0.001):
        t = threshold(negatives, rate)
        found = lambda subset: sum(1 for s in subset if s >= t) / max(1, len(subset))
        for family, edits in FAMILIES.items():
            out[(family, rate)] = found([s for p, e, s in rows if p and e in edits])
        out[("overall", rate)] = found([s for p, _, s in rows if p])
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--registry", required=True)
    parser.add_argument("--negatives", required=True)
    parser.add_argument("--proofmark", default=".build/release/proofmark")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--work", default="/tmp/proofmark-robustness-peers")
    parser.add_argument("--skip-orb", action="store_true")
    args = parser.parse_args()
    pictures = os.path.join(args.work, "pictures")
    subprocess.run([args.proofmark, "robustness", "--registry", args.registry, "--negatives", args.negatives,
                    "--keep-pictures", pictures, "--out", args.work, "--seed", args.seed, "--jobs", "1"],
                   check=True, stdout=subprocess.DEVNULL)
    ours = json.load(open(os.path.join(args.work, "robustness.json")))
    with open(os.path.join(pictures, "manifest.tsv")) as handle:
        manifest = list(csv.DictReader(handle, delimiter="\t"))
    assets = registry_assets(args.registry)
    peers = [PDQ(assets), ImageHashPeer(assets, imagehash.phash, "ImageHash pHash (8 variants)"),
             ImageHashPeer(assets, imagehash.dhash, "ImageHash dHash (8 variants)")]
    if not args.skip_orb:
        peers.append(ORB(assets))
    table = {}
    for peer in peers:
        rows = []
        start = time.perf_counter()
        for entry in manifest:
            best = peer.scores(os.path.join(pictures, entry["file"]))
            positive = entry["positive"] == "true"
            score = best.get(entry["item"], -1) if positive else max(best.values(), default=-1)
            rows.append((positive, entry["edit"], score))
        milliseconds = (time.perf_counter() - start) * 1000 / len(manifest)
        table[peer.name] = (summarise(rows), milliseconds)
    print(f"{len(manifest)} edited pictures ({sum(e['positive'] == 'true' for e in manifest)} positives), "
          f"{len(assets)} registered images, seed {args.seed}; recall at 1% FP / at 0.1% FP; ms per picture, one "
          "thread, decode included")
    header = "| tool | " + " | ".join(list(FAMILIES) + ["overall"]) + " | ms/picture |"
    print(header)
    print("|" + "---|" * (len(FAMILIES) + 3))
    fam = ours["families"]
    cells = [f"{fam[f]['recall_at_1pct_fp'] * 100:.1f} / {fam[f]['recall_at_0_1pct_fp'] * 100:.1f}" for f in FAMILIES]
    cells.append(f"{ours['recall_at_1pct_fp'] * 100:.1f} / {ours['recall_at_0_1pct_fp'] * 100:.1f}")
    print(f"| proofmark | " + " | ".join(cells) + f" | {ours['mean_milliseconds_per_picture']:.2f} |")
    for name, (summary, milliseconds) in table.items():
        cells = [f"{summary[(f, 0.01)] * 100:.1f} / {summary[(f, 0.001)] * 100:.1f}" for f in list(FAMILIES) + ["overall"]]
        print(f"| {name} | " + " | ".join(cells) + f" | {milliseconds:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
