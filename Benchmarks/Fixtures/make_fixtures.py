#!/usr/bin/env python3
"""Makes the JPEGs the benchmarks decode, from the PDQ conformance images beside the clone.

    python3 Benchmarks/Fixtures/make_fixtures.py            # rewrites the three committed fixtures
    python3 Benchmarks/Fixtures/make_fixtures.py --corpus DIR [--count 100]
                                                            # a folder of product-size JPEGs for peers/

Everything is deterministic for a given Pillow: crops, sizes and grain come from a seeded generator, and the
JPEGs are written baseline, quality 90, 4:2:0 (Pillow's defaults at that quality), as most marketplace images are.

Committed fixtures (one per size the package-benchmark suite measures):
    small-400.jpg     400 x 267    skimage-coffee.png scaled down      (DCT scale 1/1 on the fast path)
    product-1000.jpg  1000 x 1000  aaa-orig.jpg, centre square, scaled (1/2)
    large-3000.jpg    3000 x 1883  aaa-orig.jpg scaled up, with grain  (1/4)
The large one gets a little seeded Gaussian grain after upscaling so that it carries camera-like high-frequency
detail (and compresses like a real 5.6 MP photo) instead of the smooth interpolated picture.
"""

import argparse
import os
import random
import sys

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCES = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "testvectors", "pdq", "images"))
QUALITY = 90


def load_rgb(path):
    image = Image.open(path)
    image.load()
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def save_jpeg(image, path):
    image.save(path, "JPEG", quality=QUALITY, optimize=False, progressive=False)


def add_grain(image, sigma, seed):
    """Adds seeded Gaussian noise of standard deviation `sigma` to every channel."""
    try:
        import numpy
    except ImportError:  # numpy comes with the Python peers; without it, skip the grain
        return image
    generator = numpy.random.default_rng(seed)
    pixels = numpy.asarray(image, dtype=numpy.float32)
    pixels = pixels + generator.normal(0.0, sigma, size=pixels.shape).astype(numpy.float32)
    return Image.fromarray(numpy.clip(numpy.rint(pixels), 0, 255).astype(numpy.uint8), "RGB")


def centre_square(image):
    side = min(image.size)
    left = (image.width - side) // 2
    top = (image.height - side) // 2
    return image.crop((left, top, left + side, top + side))


def make_fixtures(sources, out_dir):
    coffee = load_rgb(os.path.join(sources, "skimage-coffee.png"))
    bridge = load_rgb(os.path.join(sources, "aaa-orig.jpg"))
    made = {
        "small-400.jpg": coffee.resize((400, 267), Image.LANCZOS),
        "product-1000.jpg": centre_square(bridge).resize((1000, 1000), Image.LANCZOS),
        "large-3000.jpg": add_grain(bridge.resize((3000, 1883), Image.LANCZOS), sigma=3.0, seed=3000),
    }
    for name, image in made.items():
        path = os.path.join(out_dir, name)
        save_jpeg(image, path)
        print(f"{path}: {image.width}x{image.height}, {os.path.getsize(path)} bytes")


def make_corpus(sources, out_dir, count, seed=20240601):
    """`count` product-size JPEGs (longer side 800...1200, aspect 3:4...4:3, mostly square) cropped from the
    conformance images. Images under 200 px on the shorter side are left out as sources."""
    names = sorted(
        name for name in os.listdir(sources) if name.lower().endswith((".jpg", ".jpeg", ".png"))
    )
    pictures = []
    for name in names:
        image = load_rgb(os.path.join(sources, name))
        if min(image.size) >= 200:
            pictures.append((name, image))
    if not pictures:
        sys.exit(f"no usable images in {sources}")
    generator = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    for index in range(count):
        name, image = pictures[index % len(pictures)]
        # A crop of 60...100 % of each side, at a random place.
        crop_width = max(16, int(image.width * generator.uniform(0.6, 1.0)))
        crop_height = max(16, int(image.height * generator.uniform(0.6, 1.0)))
        left = generator.randint(0, image.width - crop_width)
        top = generator.randint(0, image.height - crop_height)
        cropped = image.crop((left, top, left + crop_width, top + crop_height))
        # Product pictures: half square, the rest between 3:4 and 4:3.
        aspect = 1.0 if generator.random() < 0.5 else generator.uniform(0.75, 4.0 / 3.0)
        longer = generator.randint(800, 1200)
        size = (longer, round(longer / aspect)) if aspect >= 1 else (round(longer * aspect), longer)
        resized = cropped.resize(size, Image.LANCZOS)
        stem = os.path.splitext(name)[0]
        save_jpeg(resized, os.path.join(out_dir, f"{index:03d}-{stem}-{size[0]}x{size[1]}.jpg"))
    print(f"{out_dir}: {count} JPEGs from {len(pictures)} sources")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", default=DEFAULT_SOURCES, help="the PDQ conformance images folder")
    parser.add_argument("--corpus", metavar="DIR", help="write a product-size corpus here instead of the fixtures")
    parser.add_argument("--count", type=int, default=100, help="corpus size (default 100)")
    arguments = parser.parse_args()
    if not os.path.isdir(arguments.sources):
        sys.exit(f"no conformance images at {arguments.sources} (pass --sources)")
    if arguments.corpus:
        make_corpus(arguments.sources, arguments.corpus, arguments.count)
    else:
        make_fixtures(arguments.sources, HERE)


if __name__ == "__main__":
    main()
