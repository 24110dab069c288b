#!/usr/bin/env python3
"""Local-feature extraction per keypoint: proofmark's `FeatureExtractor` against OpenCV's ORB, on the same files.

Runs `proofmark features-bench` (release build; its stderr gives the mean extraction time per image, and it is told
to extract `--features` per suspect) over FOLDER, then OpenCV ORB (`cv2.ORB_create(nfeatures=N)`, one thread) on
the same files at the same working size: each file decoded to grey, shrunk with area averaging so its long side is
at most 480 px (what proofmark's extractor does first), then `detectAndCompute`, timed alone. Prints ms per image,
keypoints per image and microseconds per keypoint for both.

    pip install opencv-python-headless
    Benchmarks/peers/orb_per_keypoint.py --proofmark .build/release/proofmark --references DIR --suspects DIR
"""
import argparse
import os
import re
import subprocess
import time

import cv2


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--proofmark", required=True)
    parser.add_argument("--references", required=True, help="registered images (features-bench indexes them)")
    parser.add_argument("--suspects", required=True)
    parser.add_argument("--features", type=int, default=800)
    parser.add_argument("--repeats", type=int, default=2)
    arguments = parser.parse_args()
    cv2.setNumThreads(1)
    files = sorted(os.path.join(arguments.suspects, n) for n in os.listdir(arguments.suspects)
                   if n.lower().endswith((".jpg", ".jpeg", ".png")))
    completed = subprocess.run([arguments.proofmark, "features-bench", "--references", arguments.references,
                                "--suspects", arguments.suspects, "--repeats", str(arguments.repeats),
                                "--suspect-features", str(arguments.features), "--screen-votes", "0"],
                               capture_output=True, text=True, check=True)
    ours = float(re.search(r"features ([0-9.]+)", completed.stderr).group(1))
    greys = []
    for path in files:
        grey = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        scale = 480 / max(grey.shape)
        if scale < 1:
            grey = cv2.resize(grey, (round(grey.shape[1] * scale), round(grey.shape[0] * scale)),
                              interpolation=cv2.INTER_AREA)
        greys.append(grey)
    orb = cv2.ORB_create(nfeatures=arguments.features)
    best = float("inf")
    keypoints = 0
    for _ in range(arguments.repeats):
        start = time.perf_counter()
        keypoints = 0
        for grey in greys:
            found, _ = orb.detectAndCompute(grey, None)
            keypoints += len(found)
        best = min(best, time.perf_counter() - start)
    orb_ms = 1000 * best / len(files)
    orb_per_image = keypoints / len(files)
    print(f"{len(files)} images; extraction only, at most 480 px, {arguments.features} features asked; wall time, best of {arguments.repeats}")
    print(f"{'tool':<28} {'ms/image':>9} {'keypoints/image':>16} {'us/keypoint':>12}")
    print(f"{'proofmark FeatureExtractor':<28} {ours:>9.2f} {'~' + str(arguments.features):>16} "
          f"{1000 * ours / arguments.features:>12.2f}")
    print(f"{'OpenCV ORB':<28} {orb_ms:>9.2f} {orb_per_image:>16.1f} {1000 * orb_ms / orb_per_image:>12.2f}")
    print("(proofmark's figure includes shrinking the full-size decode to 480 px; its keypoint count is the budget,")
    print(" which textured pictures fill; OpenCV's is counted.)")


if __name__ == "__main__":
    main()
