#!/usr/bin/env python3
"""Writes the extra seed images for the CImageCodecs sanitizer run (Tests/Fuzz/run-asan.sh) into a folder.

    make_seeds.py OUT_DIR [LARGE_IMAGE ...]

Generated, small, deterministic: progressive / CMYK / greyscale / odd-sized / restart-marker / EXIF JPEGs,
16-bit, palette+tRNS, grey+alpha, grey/RGB with tRNS and Adam7-interlaced PNGs (pypng, for the layouts Pillow
cannot write), and lossy / lossless / alpha / animated WebPs. Every LARGE_IMAGE given is also copied downscaled, keeping its format, mode and palette, so the
mutation run stays quick. Nothing here is committed as a binary: the script runs each time.
"""
import io
import os
import random
import sys

from PIL import Image

try:
    import png  # pypng
except ImportError:  # run-asan.sh installs it into its temp dir when missing; without it some seeds are skipped
    png = None

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
rng = random.Random(20240229)


def gradient_rgb(width, height):
    image = Image.new("RGB", (width, height))
    image.putdata([((x * 255) // max(width - 1, 1), (y * 255) // max(height - 1, 1),
                    (x * y + rng.randrange(40)) & 0xFF) for y in range(height) for x in range(width)])
    return image


def save(image, name, **options):
    image.save(os.path.join(OUT, name), **options)


def generated_jpegs():
    base = gradient_rgb(96, 64)
    save(base, "prog.jpg", quality=85, progressive=True)
    save(base, "prog-444.jpg", quality=92, progressive=True, subsampling=0)
    save(base, "baseline-422.jpg", quality=75, subsampling=1)
    save(base.convert("CMYK"), "cmyk.jpg", quality=90)
    save(base.convert("CMYK"), "cmyk-prog.jpg", quality=90, progressive=True)
    save(base.convert("L"), "grey.jpg", quality=90)
    save(base.convert("L"), "grey-prog.jpg", quality=90, progressive=True)
    save(gradient_rgb(17, 9), "odd-17x9.jpg", quality=90)
    save(gradient_rgb(1, 1), "one-pixel.jpg")
    save(gradient_rgb(300, 2), "thin-300x2.jpg", progressive=True)
    save(gradient_rgb(2, 300), "tall-2x300.jpg")
    try:
        save(base, "restart.jpg", quality=80, restart_marker_blocks=3)
    except TypeError:
        pass  # older Pillow: no restart interval option
    exif = Image.Exif()
    exif[0x0112] = 6
    save(base, "exif-orientation-6.jpg", exif=exif.tobytes())
    # A big frame with a tiny body: the decoder must stop at the end of the data, not read past it.
    save(gradient_rgb(512, 512).resize((512, 512)), "q10-512.jpg", quality=10)


def generated_pngs():
    base = gradient_rgb(80, 48)
    grey16 = Image.new("I;16", (80, 48))
    grey16.putdata([(x * 800 + y * 37) & 0xFFFF for y in range(48) for x in range(80)])
    save(grey16, "grey-16bit.png")
    palette = base.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    save(palette, "palette-trns.png", transparency=bytes([0, 64, 128, 255, 10, 200]), bits=4)
    save(base.convert("P", palette=Image.Palette.ADAPTIVE, colors=2), "palette-1bit.png", bits=1,
         transparency=0)
    save(base.convert("LA"), "grey-alpha.png")
    save(base.convert("RGBA"), "rgba.png")
    save(base.convert("L"), "grey-trns.png", transparency=100)
    save(base, "rgb-trns.png", transparency=(0, 0, 0))
    save(base.convert("1"), "bilevel.png")
    save(gradient_rgb(1, 1), "one-pixel.png")
    if png is None:
        print("make_seeds.py: pypng missing, skipping 16-bit RGB and Adam7 seeds", file=sys.stderr)
        return

    def write(name, width, height, rows, **info):
        with open(os.path.join(OUT, name), "wb") as handle:
            png.Writer(width, height, **info).write(handle, rows)

    w, h = 37, 23  # odd sizes make every Adam7 pass a different shape
    write("adam7-rgb.png", w, h, [[(x * 7 + y * c) & 0xFF for x in range(w) for c in range(3)] for y in range(h)],
          greyscale=False, bitdepth=8, interlace=True)
    write("adam7-rgba16.png", w, h,
          [[(x * 1700 + y * 300 * (c + 1)) & 0xFFFF for x in range(w) for c in range(4)] for y in range(h)],
          greyscale=False, alpha=True, bitdepth=16, interlace=True)
    write("adam7-grey1.png", w, h, [[(x ^ y) & 1 for x in range(w)] for y in range(h)],
          greyscale=True, bitdepth=1, interlace=True)
    write("adam7-grey-alpha.png", w, h, [[v for x in range(w) for v in ((x * 9) & 0xFF, (y * 11) & 0xFF)]
                                         for y in range(h)], greyscale=True, alpha=True, bitdepth=8, interlace=True)
    write("adam7-palette2-trns.png", w, h, [[(x + y) % 4 for x in range(w)] for y in range(h)],
          palette=[(255, 0, 0, 0), (0, 255, 0, 128), (0, 0, 255), (9, 9, 9)], bitdepth=2, interlace=True)
    write("adam7-3x2.png", 3, 2, [[1, 2, 3], [4, 5, 6]], greyscale=True, bitdepth=8, interlace=True)
    write("adam7-1x1.png", 1, 1, [[200]], greyscale=True, bitdepth=8, interlace=True)
    write("rgb16.png", w, h, [[(x * 1500 + y * 2900 + c * 9000) & 0xFFFF for x in range(w) for c in range(3)]
                              for y in range(h)], greyscale=False, bitdepth=16)
    write("grey16-trns.png", w, h, [[(x * 1500 + y) & 0xFFFF for x in range(w)] for y in range(h)],
          greyscale=True, bitdepth=16, transparent=1500)
    write("grey4.png", w, h, [[(x + y) & 15 for x in range(w)] for y in range(h)], greyscale=True, bitdepth=4)


def generated_webps():
    from PIL import features
    if not features.check("webp"):
        print("make_seeds.py: Pillow lacks WebP, skipping WebP seeds", file=sys.stderr)
        return
    base = gradient_rgb(72, 40)
    save(base, "lossy.webp", quality=80)
    save(base, "lossless.webp", lossless=True)
    rgba = base.convert("RGBA")
    rgba.putalpha(Image.linear_gradient("L").resize(base.size))
    save(rgba, "lossy-alpha.webp", quality=70)
    save(rgba, "lossless-alpha.webp", lossless=True)
    save(gradient_rgb(1, 1), "one-pixel.webp", lossless=True)
    save(gradient_rgb(33, 7), "odd-33x7.webp", quality=50)
    exif = Image.Exif()
    exif[0x0112] = 6
    save(base, "exif.webp", quality=80, exif=exif.tobytes())  # VP8X container with an EXIF chunk
    try:
        save(base, "animated.webp", save_all=True, append_images=[base.transpose(Image.Transpose.FLIP_LEFT_RIGHT)],
             duration=100, loop=0)
    except Exception as error:
        print(f"make_seeds.py: no animated WebP seed: {error}", file=sys.stderr)


def downscaled(path):
    """A small copy of a big seed in the same format and mode (CMYK stays CMYK, P keeps its palette)."""
    image = Image.open(path)
    fmt = image.format
    info = dict(image.info)
    image.load()
    image.thumbnail((160, 160))
    stem = os.path.splitext(os.path.basename(path))[0]
    if fmt == "JPEG":
        options = {"quality": 85}
        if info.get("progressive") or info.get("progression"):
            options["progressive"] = True
        if "exif" in info:
            options["exif"] = info["exif"]
        save(image, f"small-{stem}.jpg", **options)
    elif fmt == "PNG":
        options = {}
        if "transparency" in info:
            options["transparency"] = info["transparency"]
        save(image, f"small-{stem}.png", **options)


generated_jpegs()
generated_pngs()
generated_webps()
for large in sys.argv[2:]:
    try:
        downscaled(large)
    except Exception as error:  # a seed we cannot shrink is just left out
        print(f"make_seeds.py: cannot downscale {large}: {error}", file=sys.stderr)
print(f"make_seeds.py: {len(os.listdir(OUT))} seeds in {OUT}")
