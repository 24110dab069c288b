#!/usr/bin/env python3
"""Cross-checks `proofmark hash` against the PDQ reference on any folder of images.

The reference pipeline is the one ../shared/testvectors/pdq/README.md describes: Pillow decodes (libjpeg-turbo,
libpng, libwebp), no EXIF orientation, 8-bit RGB with transparency composited over white, then the `pdqhash`
package (facebook/ThreatExchange's C++) hashes it with its dihedral variants. For every image it reports the
Hamming distance of proofmark's exact path and fast path from the reference, and fails (exit 1) when the exact
path is not bit-identical (CMYK JPEGs and 16-bit greyscale PNGs excepted, see below) or the fast path drifts by
more than --tolerance bits on a JPEG, or by any bit on a PNG or WebP.

Known, deliberate differences, reported but not counted as failures:
- CMYK JPEGs: several CMYK-to-RGB rules exist; proofmark uses Pillow's, the vectors allow 10 bits.
- 16-bit greyscale PNGs: Pillow's convert("RGB") clips I;16 samples to 255 (a white picture); proofmark keeps the
  high byte of each sample, as it does for 16-bit colour, which Pillow does too.

Usage: crosscheck.py FOLDER [--proofmark PATH] [--tolerance 10]
Needs: pip install pillow numpy pdqhash
"""
import argparse
import json
import os
import subprocess
import sys

import numpy as np
import pdqhash
from PIL import Image

NAMES = ["rot90", "rot180", "rot270", "flipx", "flipy", "flip_plus1", "flip_minus1"]
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def reference(path):
    image = Image.open(path)
    known_difference = None
    if image.format == "JPEG" and image.mode == "CMYK":
        known_difference = "CMYK"
    if image.format == "PNG" and image.mode in ("I;16", "I;16B", "I"):
        known_difference = "16-bit grey"
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        rgb = Image.alpha_composite(white, rgba).convert("RGB")
    else:
        rgb = image.convert("RGB")
    hashes, quality = pdqhash.compute_dihedral(np.asarray(rgb))
    hexes = ["%064x" % int("".join(str(int(bit)) for bit in bits), 2) for bits in hashes]
    return image.format, hexes, quality, known_difference


def proofmark(binary, files, exact):
    command = [binary, "hash", "--json"] + (["--exact"] if exact else []) + files
    completed = subprocess.run(command, capture_output=True, text=True)
    return {json.loads(line)["file"]: json.loads(line) for line in completed.stdout.splitlines()}


def distance(a, b):
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--proofmark", default=os.path.join(os.path.dirname(__file__), "../../.build/release/proofmark"))
    parser.add_argument("--tolerance", type=int, default=10, help="fast-path bits allowed on JPEGs (default 10)")
    arguments = parser.parse_args()

    files = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(arguments.folder)
        for name in names
        if name.lower().endswith(IMAGE_SUFFIXES)
    )
    exact = proofmark(arguments.proofmark, files, exact=True)
    fast = proofmark(arguments.proofmark, files, exact=False)
    failures = 0
    worst = {}
    for path in files:
        try:
            image_format, hexes, quality, known = reference(path)
        except Exception as error:  # the reference cannot read it: proofmark must refuse it too
            ours = exact.get(path, {})
            status = "ok" if "error" in ours else "MISMATCH (reference refused, proofmark decoded)"
            failures += status != "ok"
            print(f"{path}: reference refused ({error}); proofmark: {ours.get('kind', 'decoded')} [{status}]")
            continue
        ours_exact, ours_fast = exact.get(path, {}), fast.get(path, {})
        if "error" in ours_exact or "error" in ours_fast:
            failures += 1
            print(f"{path}: proofmark refused an image the reference hashes: {ours_exact.get('error')}")
            continue
        exact_bits = max(
            [distance(ours_exact["pdq"], hexes[0])]
            + [distance(ours_exact["dihedral"][name], hexes[i + 1]) for i, name in enumerate(NAMES)]
        )
        fast_bits = distance(ours_fast["pdq"], hexes[0])
        allowed_fast = arguments.tolerance if image_format == "JPEG" else 0
        quality_ok = ours_exact["quality"] == quality
        failed = not known and (exact_bits != 0 or not quality_ok or fast_bits > allowed_fast)
        failures += failed
        key = image_format + (f" ({known})" if known else "")
        previous = worst.get(key, (0, 0, 0))
        worst[key] = (max(previous[0], exact_bits), max(previous[1], fast_bits), previous[2] + 1)
        if failed or known:
            print(f"{path}: exact {exact_bits} bits, fast {fast_bits} bits, quality {ours_exact['quality']} vs "
                  f"{quality}{' [known difference: ' + known + ']' if known else ''}{' [FAIL]' if failed else ''}")
    print()
    print(f"{'format':<24} {'images':>6} {'worst exact':>12} {'worst fast':>11}")
    for key, (exact_bits, fast_bits, count) in sorted(worst.items()):
        print(f"{key:<24} {count:>6} {exact_bits:>12} {fast_bits:>11}")
    print(f"\n{len(files)} images, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
