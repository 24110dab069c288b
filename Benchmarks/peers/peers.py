#!/usr/bin/env python3
"""Side-by-side single-core throughput: proofmark against other perceptual-hash tools and the decode floor.

    python3 Benchmarks/peers/peers.py [FOLDER] [--repeats 3] [--proofmark PATH] [--no-build] [--no-taskset]

FOLDER holds the JPEGs (every *.jpg / *.jpeg in it); without one, 100 product-size JPEGs (longer side 800...1200,
quality 90) are generated from the PDQ conformance images by Fixtures/make_fixtures.py into a temporary folder.

Every tool sees the same files, runs pinned to one core (`taskset -c 0`, where it exists), and is measured
`--repeats` times (default 3); the fastest run counts, as the machine is noisy.
  proofmark fast    `proofmark hash FILE...` (release build), one process over all files: PDQ with its 8 dihedral
                    hashes and quality, plus dHash, from a DCT-scaled RGB decode. Wall clock of the whole
                    process, so its start-up (a few ms) is included; files come from the warmed page cache.
  proofmark exact   the same with `--exact` (full-size decode).
  ... no-trim       the same two with glibc told to keep freed memory (MALLOC_TRIM_THRESHOLD_ and
                    MALLOC_MMAP_THRESHOLD_ at 256 MiB): a diagnostic row, showing what the page faults from
                    fresh per-image buffers cost (the package-benchmark suite, in one long process, hardly sees them).
  pdqhash           Pillow decode (full size) -> RGB -> numpy -> `pdqhash.compute` (one hash + quality).
  pdqhash dihedral  the same with `pdqhash.compute_dihedral` (8 hashes, what proofmark computes).
  imagehash phash   Pillow decode -> `imagehash.phash` (64-bit DCT hash on a 32x32 greyscale).
  pillow decode     Pillow decode alone (full-size RGB): how much of the Python tools' time is decoding.
  floor grey/rgb    decode_floor.c: libjpeg-turbo alone, the fast path's DCT scale, to JCS_GRAYSCALE or
                    JCS_RGB, in one process over bytes already in memory.
Python tools read all bytes into memory first and time only the loop (decode from BytesIO + hash), in a child
process started the same way (its interpreter start-up and imports are not counted).
"""

import argparse
import glob
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCHMARKS)


# --------------------------------------------------------------------------------------------------------------
# Python workers, run as `peers.py --worker NAME FILE...` in a pinned child process; each prints the seconds its
# loop took.


def worker(name, paths):
    import io

    from PIL import Image

    blobs = []
    for path in paths:
        with open(path, "rb") as stream:
            blobs.append(stream.read())

    if name in ("pdqhash", "pdqhash-dihedral"):
        import numpy
        import pdqhash

        compute = pdqhash.compute if name == "pdqhash" else pdqhash.compute_dihedral

        def one(blob):
            image = Image.open(io.BytesIO(blob)).convert("RGB")
            return compute(numpy.asarray(image))

    elif name == "phash":
        import imagehash

        def one(blob):
            return imagehash.phash(Image.open(io.BytesIO(blob)))

    elif name == "pillow-decode":

        def one(blob):
            image = Image.open(io.BytesIO(blob)).convert("RGB")
            image.load()
            return image.size

    else:
        sys.exit(f"unknown worker {name}")

    start = time.perf_counter()
    for blob in blobs:
        one(blob)
    print(f"{time.perf_counter() - start:.6f}")


# --------------------------------------------------------------------------------------------------------------


def pinned(command, use_taskset):
    return (["taskset", "-c", "0"] + command) if use_taskset else command


def run_checked(command, **kwargs):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:6])} ... failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return result.stdout


NO_TRIM = {"MALLOC_TRIM_THRESHOLD_": str(256 << 20), "MALLOC_MMAP_THRESHOLD_": str(256 << 20)}


def time_process(command, extra_environment=None):
    """Wall-clock seconds of one whole process, its output discarded."""
    environment = dict(os.environ, **(extra_environment or {}))
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=environment)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:6])} ... failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def build_proofmark():
    print("building proofmark (swift build -c release --product proofmark) ...", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release", "--product", "proofmark"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = run_checked(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT).strip()
    return os.path.join(path, "proofmark")


def warm_cache(paths):
    total = 0
    for path in paths:
        with open(path, "rb") as stream:
            total += len(stream.read())
    return total


def jpeg_sizes(paths):
    from PIL import Image

    sizes = []
    for path in paths:
        with Image.open(path) as image:
            sizes.append(image.size)
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", help="folder of JPEGs (default: generate 100 product-size ones)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per tool; the fastest counts (default 3)")
    parser.add_argument("--proofmark", help="proofmark binary (default: build the root package in release)")
    parser.add_argument("--no-build", action="store_true", help="use .build/release/proofmark as it is")
    parser.add_argument("--no-taskset", action="store_true", help="do not pin to core 0")
    parser.add_argument("--count", type=int, default=100, help="images to generate without FOLDER (default 100)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    arguments, rest = parser.parse_known_args()
    if arguments.worker:
        worker(arguments.worker, ([arguments.folder] if arguments.folder else []) + rest)
        return
    if rest:
        parser.error(f"unexpected arguments: {' '.join(rest)}")

    use_taskset = not arguments.no_taskset and shutil.which("taskset") is not None
    scratch = tempfile.mkdtemp(prefix="proofmark-peers-")
    try:
        if arguments.folder:
            folder = arguments.folder
        else:
            folder = os.path.join(scratch, "corpus")
            run_checked([sys.executable, os.path.join(BENCHMARKS, "Fixtures", "make_fixtures.py"),
                         "--corpus", folder, "--count", str(arguments.count)])
        paths = sorted(p for p in glob.glob(os.path.join(folder, "*"))
                       if p.lower().endswith((".jpg", ".jpeg")) and os.path.isfile(p))
        if not paths:
            sys.exit(f"no JPEGs in {folder}")

        if arguments.proofmark:
            proofmark = arguments.proofmark
        elif arguments.no_build:
            proofmark = os.path.join(ROOT, ".build", "release", "proofmark")
        else:
            proofmark = build_proofmark()
        if not os.access(proofmark, os.X_OK):
            sys.exit(f"no proofmark binary at {proofmark}")

        floor = os.path.join(scratch, "decode_floor")
        cc = os.environ.get("CC", "cc")
        run_checked([cc, "-O2", "-o", floor, os.path.join(HERE, "decode_floor.c"), "-ljpeg"])

        total_bytes = warm_cache(paths)
        sizes = jpeg_sizes(paths)
        megapixels = sum(w * h for w, h in sizes) / 1e6
        count = len(paths)
        # One untimed run of proofmark: loads the binary and its libraries into the page cache too.
        time_process(pinned([proofmark, "hash"] + paths[:5], use_taskset))

        def python_worker(name):
            output = run_checked(pinned([sys.executable, os.path.abspath(__file__), "--worker", name] + paths,
                                        use_taskset))
            return float(output.strip().splitlines()[-1])

        def floor_run(mode):
            # One process, one pass (no in-process best-of: the repeats below take the best, as for the others).
            output = run_checked(pinned([floor, mode, "--passes", "1"] + paths, use_taskset))
            fields = dict(item.split("=") for item in output.split())
            return float(fields["seconds"])

        tools = [
            ("proofmark hash (fast)", lambda: time_process(pinned([proofmark, "hash"] + paths, use_taskset))),
            ("proofmark hash --exact",
             lambda: time_process(pinned([proofmark, "hash", "--exact"] + paths, use_taskset))),
            ("proofmark hash (fast), no-trim",
             lambda: time_process(pinned([proofmark, "hash"] + paths, use_taskset), NO_TRIM)),
            ("proofmark hash --exact, no-trim",
             lambda: time_process(pinned([proofmark, "hash", "--exact"] + paths, use_taskset), NO_TRIM)),
            ("pdqhash (Pillow + compute)", lambda: python_worker("pdqhash")),
            ("pdqhash compute_dihedral", lambda: python_worker("pdqhash-dihedral")),
            ("ImageHash phash (Pillow)", lambda: python_worker("phash")),
            ("Pillow decode alone (RGB, full)", lambda: python_worker("pillow-decode")),
            ("floor: libjpeg scaled -> GREY", lambda: floor_run("--grey")),
            ("floor: libjpeg scaled -> RGB", lambda: floor_run("--rgb")),
        ]
        best = {name: float("inf") for name, _ in tools}
        # Interleave the repeats (round-robin over tools) so a burst of load elsewhere hits all tools alike.
        for repeat in range(arguments.repeats):
            for name, measure in tools:
                seconds = measure()
                best[name] = min(best[name], seconds)
                print(f"  run {repeat + 1}/{arguments.repeats} {name}: {seconds:.3f} s", file=sys.stderr)

        import PIL

        versions = []
        for module in ("pdqhash", "imagehash"):
            try:
                from importlib.metadata import version

                versions.append(f"{module} {version(module)}")
            except Exception:  # noqa: BLE001 - a missing package only drops its version from the header
                pass
        cpu = "unknown CPU"
        try:
            with open("/proc/cpuinfo") as info:
                cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
        except (OSError, StopIteration):
            pass

        print(f"images: {count} JPEGs from {folder}, {megapixels / count:.2f} MP and "
              f"{total_bytes / count / 1024:.0f} KiB each on average")
        print(f"machine: {cpu}, {os.cpu_count()} cores; pinned to core 0: {'yes' if use_taskset else 'no'}; "
              f"best of {arguments.repeats} runs")
        print(f"python {platform.python_version()}, Pillow {PIL.__version__}, {', '.join(versions)}")
        print()
        reference = count / best["proofmark hash (fast)"]
        name_width = max(len(name) for name, _ in tools)
        print(f"{'tool':<{name_width}}  {'images/s/core':>13}  {'ms/image':>9}  {'vs proofmark fast':>17}")
        print(f"{'-' * name_width}  {'-' * 13}  {'-' * 9}  {'-' * 17}")
        for name, _ in tools:
            rate = count / best[name]
            print(f"{name:<{name_width}}  {rate:>13.1f}  {1000 * best[name] / count:>9.3f}  "
                  f"{rate / reference:>16.2f}x")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
