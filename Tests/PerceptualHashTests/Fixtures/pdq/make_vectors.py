#!/usr/bin/env python3
"""PDQ conformance vectors the project owns: images drawn here, hashes computed by the reference.

`make` draws every picture (gradients, text, photo-like noise fields, flat logos, scenes), writes it in every format
and colour type the decoders handle (JPEG baseline, 4:4:4, 4:2:2, progressive, greyscale, CMYK, EXIF orientations
1...8; PNG 1/4/8/16-bit grey, grey+alpha, RGB, RGBA, palette with and without transparency, 16-bit colour, Adam7;
WebP lossy and lossless, with and without alpha; odd and tiny sizes) into images/, then records in expected.csv
the hashes `pdqhash` (facebook/ThreatExchange's C++ PDQ, through its Python binding) computes of the pixels Pillow
decodes from those files. `check` recomputes the hashes of the files as they are and compares them with
expected.csv (exit 1 on any difference); run it after upgrading pdqhash or Pillow.

The pictures are ours; the hashes are facts about the reference. Deterministic: the drawing is integer and plain
IEEE double arithmetic on numpy's frozen legacy RandomState, so the same Pillow and libraries (JPEG, PNG and WebP
encoders) write the same bytes.

The reference pixels follow README.md in this folder: full-scale decode, no EXIF orientation applied, 8-bit RGB,
transparency composited over white, greyscale expanded to RGB, 16-bit samples reduced to their high byte.

Usage: python3 make_vectors.py make|check     (pip install pillow numpy pypng pdqhash)
"""
import csv
import io
import os
import sys

import numpy as np
import pdqhash
import png  # pypng: 16-bit, 4-bit grey and Adam7 PNGs, which Pillow does not write
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
IMAGES = os.path.join(HERE, "images")
EXPECTED = os.path.join(HERE, "expected.csv")
DIHEDRAL = ["rot90", "rot180", "rot270", "flipx", "flipy", "flip_plus1", "flip_minus1"]
HEADER = ["file", "made", "pil_mode", "width", "height", "orientation", "quality", "pdq"] + DIHEDRAL

# ---------------------------------------------------------------------------------------------------------------
# Drawing. Every picture is an H x W x 3 uint8 array.

# A 5 x 7 pixel font of our own, for the letters the pictures use.
GLYPHS = {
    "A": ["01110", "10001", "10001", "11111", "10001", "10001", "10001"],
    "C": ["01110", "10001", "10000", "10000", "10000", "10001", "01110"],
    "E": ["11111", "10000", "10000", "11110", "10000", "10000", "11111"],
    "F": ["11111", "10000", "10000", "11110", "10000", "10000", "10000"],
    "K": ["10001", "10010", "10100", "11000", "10100", "10010", "10001"],
    "L": ["10000", "10000", "10000", "10000", "10000", "10000", "11111"],
    "M": ["10001", "11011", "10101", "10101", "10001", "10001", "10001"],
    "N": ["10001", "11001", "10101", "10011", "10001", "10001", "10001"],
    "O": ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
    "P": ["11110", "10001", "10001", "11110", "10000", "10000", "10000"],
    "R": ["11110", "10001", "10001", "11110", "10100", "10010", "10001"],
    "S": ["01111", "10000", "10000", "01110", "00001", "00001", "11110"],
    "T": ["11111", "00100", "00100", "00100", "00100", "00100", "00100"],
    "Z": ["11111", "00001", "00010", "00100", "01000", "10000", "11111"],
    "0": ["01110", "10011", "10101", "10101", "10101", "11001", "01110"],
    "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
    "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
    "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
    "%": ["11001", "11010", "00010", "00100", "01000", "01011", "10011"],
    " ": ["00000"] * 7,
}


def canvas(width, height, colour):
    return np.tile(np.array(colour, dtype=np.uint8), (height, width, 1))


def draw_text(pixels, text, x, y, scale, colour):
    for index, letter in enumerate(text):
        for row, bits in enumerate(GLYPHS[letter]):
            for column, bit in enumerate(bits):
                if bit == "1":
                    top, left = y + row * scale, x + (index * 6 + column) * scale
                    pixels[top : top + scale, left : left + scale] = colour


def disc_mask(width, height, cx, cy, radius):
    ys, xs = np.mgrid[0:height, 0:width]
    return (xs - cx) ** 2 + (ys - cy) ** 2 <= radius * radius


def triangle_mask(width, height, points):
    ys, xs = np.mgrid[0:height, 0:width]
    (x0, y0), (x1, y1), (x2, y2) = points

    def side(ax, ay, bx, by):
        return (bx - ax) * (ys - ay) - (by - ay) * (xs - ax)

    a, b, c = side(x0, y0, x1, y1), side(x1, y1, x2, y2), side(x2, y2, x0, y0)
    return ((a >= 0) & (b >= 0) & (c >= 0)) | ((a <= 0) & (b <= 0) & (c <= 0))


def value_noise(width, height, seed, octaves=(64, 32, 16, 8, 4)):
    """Photo-like noise in 0...1: random grids at several scales, bilinearly enlarged and summed, coarse ones
    weighted most (roughly 1/f, like natural images)."""
    rng = np.random.RandomState(seed)
    total = np.zeros((height, width))
    weight_sum = 0.0
    for cell in octaves:
        grid = rng.random_sample((height // cell + 2, width // cell + 2))
        ys = np.arange(height) / cell
        xs = np.arange(width) / cell
        y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
        fy, fx = (ys - y0)[:, None], (xs - x0)[None, :]
        top = grid[y0][:, x0] * (1 - fx) + grid[y0][:, x0 + 1] * fx
        bottom = grid[y0 + 1][:, x0] * (1 - fx) + grid[y0 + 1][:, x0 + 1] * fx
        total += (top * (1 - fy) + bottom * fy) * cell
        weight_sum += cell
    total /= weight_sum
    low, high = total.min(), total.max()
    return (total - low) / (high - low if high > low else 1)


def to_bytes(values):
    return np.clip(np.floor(values * 255 + 0.5), 0, 255).astype(np.uint8)


def noise_field(width, height, seed):
    """Three correlated noise fields: a colour photo of nothing in particular."""
    base = value_noise(width, height, seed)
    channels = [0.6 * base + 0.4 * value_noise(width, height, seed * 10 + k) for k in range(3)]
    return np.dstack([to_bytes(c) for c in channels])


def gradient(width, height, kind="linear"):
    ys, xs = np.mgrid[0:height, 0:width].astype(float)
    u, v = xs / max(width - 1, 1), ys / max(height - 1, 1)
    if kind == "radial":
        r = np.sqrt((u - 0.35) ** 2 + (v - 0.6) ** 2)
        return np.dstack([to_bytes(1 - r), to_bytes(0.5 + 0.5 * np.cos(6 * r)), to_bytes(r * 0.8)])
    bands = 0.5 + 0.5 * np.sin(2 * np.pi * (3 * u + 1.5 * v))
    return np.dstack([to_bytes(u), to_bytes(0.3 * v + 0.7 * bands * v), to_bytes(1 - 0.6 * u * v)])


def logo(width, height, ink=(20, 70, 160), accent=(230, 120, 20)):
    """A flat logo on white: a disc, a triangle, a bar and a word. Four colours."""
    pixels = canvas(width, height, (255, 255, 255))
    s = min(width, height)
    pixels[disc_mask(width, height, width * 0.25, height * 0.45, s * 0.28)] = ink
    corners = [(width * 0.5, height * 0.15), (width * 0.9, height * 0.15), (width * 0.7, height * 0.7)]
    pixels[triangle_mask(width, height, corners)] = accent
    pixels[int(height * 0.78) : int(height * 0.86), int(width * 0.08) : int(width * 0.92)] = (40, 40, 40)
    scale = max(1, width // 60)
    draw_text(pixels, "ZOLTA", int(width * 0.5), int(height * 0.55) - 3 * scale, scale, (40, 40, 40))
    return pixels


def text_card(width, height, lines, background=(250, 247, 235), ink=(30, 30, 30), scale=3):
    pixels = canvas(width, height, background)
    for index, line in enumerate(lines):
        draw_text(pixels, line, 6 + index * scale * 2, 8 + index * 10 * scale, scale, ink)
    return pixels


def scene(width, height, seed):
    """A photo-like scene: a noisy sky over noisy ground, a sun, three buildings, a label."""
    ys = np.arange(height)[:, None] / max(height - 1, 1)
    texture = value_noise(width, height, seed)
    sky = np.dstack([to_bytes(0.35 + 0.3 * ys + 0.1 * texture), to_bytes(0.5 + 0.3 * ys + 0.1 * texture),
                     to_bytes(0.85 - 0.1 * ys + 0.1 * texture)])
    ground = noise_field(width, height, seed + 1) // 2 + np.array([50, 70, 20], dtype=np.uint8)
    horizon = int(height * 0.62)
    pixels = sky.copy()
    pixels[horizon:] = ground[horizon:]
    pixels[disc_mask(width, height, width * 0.78, height * 0.2, min(width, height) * 0.1)] = (250, 220, 90)
    for index, (left, w, h) in enumerate([(0.08, 0.12, 0.35), (0.24, 0.09, 0.5), (0.4, 0.15, 0.25)]):
        x0, x1 = int(width * left), int(width * (left + w))
        y0 = int(height * (0.62 - h))
        shade = 90 + 40 * index
        pixels[y0:horizon, x0:x1] = (shade, shade - 20, shade - 40)
    scale = max(1, width // 120)
    draw_text(pixels, "SALE", int(width * 0.6), int(height * 0.75), scale, (255, 255, 255))
    return pixels


def checker(width, height, cell):
    ys, xs = np.mgrid[0:height, 0:width]
    return (((xs // cell) + (ys // cell)) % 2 == 0)


def with_alpha(rgb, alpha):
    return np.dstack([rgb, alpha]).astype(np.uint8)


def soft_alpha(width, height):
    """An alpha ramp with a hole and a fully transparent corner: every alpha value 0...255 occurs."""
    ys, xs = np.mgrid[0:height, 0:width]
    alpha = (xs * 255 // max(width - 1, 1)).astype(np.uint8)
    alpha[disc_mask(width, height, width * 0.5, height * 0.5, min(width, height) * 0.2)] = 40
    alpha[: height // 6, : width // 6] = 0
    return alpha


def orient_for_storage(pixels, orientation):
    """The stored pixels whose display under `orientation` is `pixels` (EXIF 1...8)."""
    return {
        1: lambda p: p,
        2: lambda p: p[:, ::-1],
        3: lambda p: p[::-1, ::-1],
        4: lambda p: p[::-1],
        5: lambda p: p.transpose(1, 0, 2),
        6: lambda p: np.rot90(p, 1),
        7: lambda p: p[::-1, ::-1].transpose(1, 0, 2),
        8: lambda p: np.rot90(p, -1),
    }[orientation](pixels)


# ---------------------------------------------------------------------------------------------------------------
# Writing.


def pil_bytes(image, fmt, **options):
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def jpeg(pixels, mode="RGB", **options):
    image = Image.fromarray(np.ascontiguousarray(pixels), "RGB")
    if mode != "RGB":
        image = image.convert(mode)
    return pil_bytes(image, "JPEG", **options)


def exif_orientation(orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif.tobytes()


def pil_png(image, **options):
    return pil_bytes(image, "PNG", **options)


def pypng(rows, width, height, **options):
    out = io.BytesIO()
    png.Writer(width, height, **options).write(out, rows)
    return out.getvalue()


def webp(pixels, mode, **options):
    return pil_bytes(Image.fromarray(np.ascontiguousarray(pixels), mode), "WEBP", **options)


def grey(pixels):
    """Luma the way Pillow's convert("L") rounds it, as integers."""
    p = pixels.astype(np.int64)
    return ((p[..., 0] * 19595 + p[..., 1] * 38470 + p[..., 2] * 7471 + 0x8000) >> 16).astype(np.uint8)


def palette_image(pixels, transparent_index=None):
    colours, indices = np.unique(pixels.reshape(-1, 3), axis=0, return_inverse=True)
    image = Image.fromarray(indices.reshape(pixels.shape[:2]).astype(np.uint8), "P")
    image.putpalette(colours.flatten().tolist())
    if transparent_index is not None:
        image.info["transparency"] = transparent_index
    return image, colours


def vectors():
    """(file name, what it is, bytes) for every vector, in file order."""
    out = []

    def add(name, made, data):
        out.append((name, made, data))

    photo = noise_field(320, 240, 1)
    view = scene(400, 300, 7)
    add("noise-baseline-420.jpg", "noise field 320x240, JPEG baseline 4:2:0 q85", jpeg(photo, quality=85))
    add("noise-444.jpg", "noise field, JPEG 4:4:4 q90", jpeg(photo, quality=90, subsampling=0))
    add("noise-422.jpg", "noise field, JPEG 4:2:2 q80", jpeg(photo, quality=80, subsampling=1))
    add("noise-q30.jpg", "noise field, JPEG q30", jpeg(photo, quality=30))
    add("scene-baseline.jpg", "scene 400x300, JPEG baseline q85", jpeg(view, quality=85))
    add("scene-progressive.jpg", "scene, JPEG progressive q85", jpeg(view, quality=85, progressive=True))
    add("scene-progressive-444.jpg", "scene, JPEG progressive 4:4:4 q92",
        jpeg(view, quality=92, progressive=True, subsampling=0))
    add("scene-optimized.jpg", "scene, JPEG optimised Huffman q75", jpeg(view, quality=75, optimize=True))
    add("scene-restart.jpg", "scene, JPEG with restart markers every 2 MCU rows",
        jpeg(view, quality=85, restart_marker_rows=2))
    add("scene-grey.jpg", "scene, JPEG greyscale q85", jpeg(view, mode="L", quality=85))
    add("scene-grey-progressive.jpg", "scene, JPEG greyscale progressive q80",
        jpeg(view, mode="L", quality=80, progressive=True))
    add("scene-cmyk.jpg", "scene, JPEG CMYK (Adobe marker, inverted) q90", jpeg(view, mode="CMYK", quality=90))
    add("noise-cmyk-progressive.jpg", "noise field, JPEG CMYK progressive q85",
        jpeg(photo, mode="CMYK", quality=85, progressive=True))
    add("scene-large.jpg", "scene 1280x853, JPEG q70 (the fast path decodes it at 1/2)",
        jpeg(scene(1280, 853, 11), quality=70))
    add("noise-large.jpg", "noise field 800x600, JPEG 4:4:4 q75 (fast path 1/2)",
        jpeg(noise_field(800, 600, 12), quality=75, subsampling=0))
    add("scene-large-progressive.jpg", "scene 1100x1100, JPEG progressive q60 (fast path 1/4)",
        jpeg(scene(1100, 1100, 13), quality=60, progressive=True))
    add("gradient-q95.jpg", "linear gradient 256x192, JPEG q95", jpeg(gradient(256, 192), quality=95))
    add("gradient-q100.jpg", "linear gradient 200x150, JPEG q100 4:4:4",
        jpeg(gradient(200, 150), quality=100, subsampling=0))
    add("radial-q50.jpg", "radial gradient 300x300, JPEG q50", jpeg(gradient(300, 300, "radial"), quality=50))
    add("logo-q75.jpg", "flat logo 360x240, JPEG q75", jpeg(logo(360, 240), quality=75))
    add("logo-q95-444.jpg", "flat logo 240x240, JPEG q95 4:4:4", jpeg(logo(240, 240), quality=95, subsampling=0))
    add("text-q85.jpg", "text card 330x160, JPEG q85",
        jpeg(text_card(330, 160, ["PROOFMARK", "LOT 2026", "100% REAL"]), quality=85))
    add("text-grey-q70.jpg", "text card, JPEG greyscale q70",
        jpeg(text_card(220, 120, ["KAFFA", "TEST"], scale=4), mode="L", quality=70))
    oriented = scene(160, 120, 21)
    for orientation in range(1, 9):
        add(f"exif-orientation-{orientation}.jpg",
            f"scene 160x120 stored so that EXIF orientation {orientation} displays it upright, JPEG q85",
            jpeg(orient_for_storage(oriented, orientation), quality=85, exif=exif_orientation(orientation)))
    add("odd-4x60.jpg", "noise field 4x60 (under PDQ's 5-pixel minimum: zero hash)", jpeg(noise_field(4, 60, 30)))
    add("odd-5x5.jpg", "noise field 5x5, JPEG", jpeg(noise_field(5, 5, 31), quality=90))
    add("odd-13x7.jpg", "noise field 13x7, JPEG", jpeg(noise_field(13, 7, 32), quality=90))
    add("odd-17x999.jpg", "scene 17x999, JPEG", jpeg(scene(17, 999, 33), quality=85))
    add("odd-1023x9.jpg", "noise field 1023x9, JPEG 4:2:0", jpeg(noise_field(1023, 9, 34), quality=85))
    add("odd-127x129-progressive.jpg", "scene 127x129, JPEG progressive",
        jpeg(scene(127, 129, 35), quality=85, progressive=True))

    small = noise_field(160, 120, 2)
    small_scene = scene(200, 150, 8)
    add("noise-rgb.png", "noise field 160x120, PNG RGB 8-bit", pil_png(Image.fromarray(small, "RGB")))
    add("scene-rgb.png", "scene 200x150, PNG RGB 8-bit", pil_png(Image.fromarray(small_scene, "RGB")))
    add("gradient-rgb.png", "linear gradient 240x135, PNG RGB", pil_png(Image.fromarray(gradient(240, 135), "RGB")))
    add("radial-rgb.png", "radial gradient 127x255, PNG RGB",
        pil_png(Image.fromarray(gradient(127, 255, "radial"), "RGB")))
    add("scene-rgba.png", "scene with an alpha ramp, PNG RGBA 8-bit",
        pil_png(Image.fromarray(with_alpha(small_scene, soft_alpha(200, 150)), "RGBA")))
    add("logo-rgba.png", "flat logo with its white made transparent, PNG RGBA",
        pil_png(Image.fromarray(with_alpha(logo(300, 200), np.where(
            logo(300, 200).min(axis=2) == 255, 0, 255).astype(np.uint8)), "RGBA")))
    add("text-grey.png", "text card, PNG greyscale 8-bit",
        pil_png(Image.fromarray(grey(text_card(300, 150, ["PROOFMARK", "ZOLTA"])), "L")))
    add("noise-grey.png", "noise field, PNG greyscale 8-bit", pil_png(Image.fromarray(grey(small), "L")))
    add("scene-grey-alpha.png", "scene, PNG greyscale+alpha",
        pil_png(Image.fromarray(with_alpha(grey(small_scene)[..., None], soft_alpha(200, 150)), "LA")))
    add("checker-1bit.png", "checkerboard 200x200 cells of 25, PNG 1-bit greyscale",
        pil_png(Image.fromarray(checker(200, 200, 25)).convert("1")))
    noise_grey4 = (grey(noise_field(150, 100, 3)) >> 4).astype(np.uint8)
    add("noise-grey-4bit.png", "noise field, PNG 4-bit greyscale (pypng)",
        pypng(noise_grey4.tolist(), 150, 100, greyscale=True, bitdepth=4))
    ramp16 = (value_noise(180, 120, 4) * 65535).astype(np.uint16)
    add("noise-grey-16bit.png", "noise field, PNG 16-bit greyscale (pypng)",
        pypng(ramp16.tolist(), 180, 120, greyscale=True, bitdepth=16))
    rgb16 = np.dstack([(value_noise(160, 100, 5 + k) * 65535).astype(np.uint16) for k in range(3)])
    add("noise-rgb-16bit.png", "noise field, PNG 16-bit RGB (pypng)",
        pypng(rgb16.reshape(100, -1).tolist(), 160, 100, greyscale=False, bitdepth=16))
    alpha16 = (soft_alpha(160, 100).astype(np.uint16) * 257 + 128)
    rgba16 = np.dstack([rgb16, alpha16])
    add("noise-rgba-16bit.png", "noise field with an alpha ramp, PNG 16-bit RGBA (pypng)",
        pypng(rgba16.reshape(100, -1).tolist(), 160, 100, greyscale=False, alpha=True, bitdepth=16))
    add("scene-interlaced.png", "scene, PNG RGB Adam7-interlaced (pypng)",
        pypng(small_scene.reshape(150, -1).tolist(), 200, 150, greyscale=False, bitdepth=8, interlace=True))
    logo_pixels = logo(320, 200)
    palette, _ = palette_image(logo_pixels)
    add("logo-palette.png", "flat logo, PNG palette 8-bit", pil_png(palette))
    palette4, _ = palette_image(logo_pixels)
    add("logo-palette-4bit.png", "flat logo, PNG palette 4-bit", pil_png(palette4, bits=4))
    transparent, colours = palette_image(logo_pixels)
    white = int(np.where((colours == 255).all(axis=1))[0][0])
    add("logo-palette-transparent.png", "flat logo, PNG palette with its white transparent (tRNS)",
        pil_png(transparent, transparency=white))
    add("odd-5x5.png", "noise field 5x5, PNG RGB", pil_png(Image.fromarray(noise_field(5, 5, 40), "RGB")))
    add("odd-1x100.png", "noise field 1x100, PNG RGB (zero hash)",
        pil_png(Image.fromarray(noise_field(1, 100, 41), "RGB")))
    add("odd-333x11.png", "noise field 333x11, PNG RGB", pil_png(Image.fromarray(noise_field(333, 11, 42), "RGB")))

    add("scene-lossy.webp", "scene 200x150, WebP lossy q80", webp(small_scene, "RGB", quality=80))
    add("noise-lossy.webp", "noise field 160x120, WebP lossy q60", webp(small, "RGB", quality=60))
    add("scene-lossy-alpha.webp", "scene with an alpha ramp, WebP lossy with alpha",
        webp(with_alpha(small_scene, soft_alpha(200, 150)), "RGBA", quality=80))
    add("logo-lossless.webp", "flat logo, WebP lossless", webp(logo(300, 200), "RGB", lossless=True))
    add("text-lossless.webp", "text card, WebP lossless",
        webp(text_card(240, 100, ["ZOLTA", "LOT 2026"]), "RGB", lossless=True))
    add("scene-lossless-alpha.webp", "scene with an alpha ramp, WebP lossless RGBA",
        webp(with_alpha(small_scene, soft_alpha(200, 150)), "RGBA", lossless=True))
    add("odd-33x17.webp", "noise field 33x17, WebP lossy (odd chroma size)",
        webp(noise_field(33, 17, 50), "RGB", quality=90))
    return out


# ---------------------------------------------------------------------------------------------------------------
# The reference.


def reference_pixels(path):
    """The 8-bit RGB pixels the reference hashes, as README.md describes them."""
    image = Image.open(path)
    image.load()
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # Pillow clips 16-bit grey to 255 when converting; the convention is the high byte of each sample.
        high = (np.asarray(image).astype(np.uint32) >> 8).astype(np.uint8)
        return np.ascontiguousarray(np.dstack([high] * 3)), image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return np.ascontiguousarray(np.asarray(Image.alpha_composite(white, rgba).convert("RGB"))), image
    return np.ascontiguousarray(np.asarray(image.convert("RGB"))), image


def hex_of(bits):
    return "%064x" % int("".join(str(int(bit)) for bit in bits), 2)


def reference_row(name, made):
    path = os.path.join(IMAGES, name)
    pixels, image = reference_pixels(path)
    hashes, quality = pdqhash.compute_dihedral(pixels)
    orientation = image.getexif().get(0x0112, 1) if image.format == "JPEG" else 1
    row = {"file": name, "made": made, "pil_mode": image.mode, "width": image.width, "height": image.height,
           "orientation": orientation, "quality": int(quality), "pdq": hex_of(hashes[0])}
    for index, variant in enumerate(DIHEDRAL):
        row[variant] = hex_of(hashes[index + 1])
    return row


def make():
    os.makedirs(IMAGES, exist_ok=True)
    made = vectors()
    names = {name for name, _, _ in made}
    for stale in sorted(set(os.listdir(IMAGES)) - names):
        os.remove(os.path.join(IMAGES, stale))
    for name, _, data in made:
        with open(os.path.join(IMAGES, name), "wb") as file:
            file.write(data)
    with open(EXPECTED, "w", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        for name, description, _ in made:
            writer.writerow(reference_row(name, description))
    total = sum(len(data) for _, _, data in made)
    print(f"{len(made)} vectors, {total} bytes of images, in {os.path.relpath(IMAGES)}")


def check():
    with open(EXPECTED, newline="") as file:
        rows = list(csv.DictReader(file))
    failures = 0
    listed = {row["file"] for row in rows}
    for stray in sorted(set(os.listdir(IMAGES)) - listed):
        print(f"{stray}: in images/ but not in expected.csv")
        failures += 1
    for row in rows:
        if not os.path.exists(os.path.join(IMAGES, row["file"])):
            print(f"{row['file']}: listed but missing")
            failures += 1
            continue
        now = reference_row(row["file"], row["made"])
        differences = [key for key in HEADER if str(now[key]) != row[key]]
        if differences:
            failures += 1
            print(f"{row['file']}: differs in {', '.join(differences)}")
    print(f"{len(rows)} vectors, {failures} differences (pdqhash and Pillow {Image.__version__})")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("make", "check"):
        print(__doc__)
        sys.exit(2)
    sys.exit(make() if sys.argv[1] == "make" else check())
