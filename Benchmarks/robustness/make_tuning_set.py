#!/usr/bin/env python3
"""Builds a tuning set for `proofmark robustness` from images that ship inside PyPI packages.

Nothing here comes from Samples/ or its expected results. Registered side: real photos (scikit-image,
scikit-learn and matplotlib sample data) plus generated word-mark logos and flat product icons on white, the
class where global hashes collide. Negatives: the other real photos, tiles of large real photos, and other
generated logos of the same style (hard negatives: same fonts, same white background, other words and shapes).

    pip install scikit-image scikit-learn matplotlib pillow
    python3 make_tuning_set.py OUT      # writes OUT/registry.yaml, OUT/assets/, OUT/negatives/
    python3 make_tuning_set.py OUT 1    # a held-out variant: other words, seeds and layouts (stacked marks,
                                        # taglines, outlined shapes), to check that tuning did not overfit set 0
"""
import os
import random
import sys

import matplotlib
import numpy as np
import skimage
import sklearn
from PIL import Image, ImageDraw, ImageFont

out = sys.argv[1]
variant = int(sys.argv[2]) if len(sys.argv) > 2 else 0
assets = os.path.join(out, "assets")
negatives = os.path.join(out, "negatives")
os.makedirs(assets, exist_ok=True)
os.makedirs(negatives, exist_ok=True)
rng = random.Random(20261130 + variant)

sk = os.path.join(os.path.dirname(skimage.__file__), "data")
sl = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "images")
mp = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "sample_data")
fonts = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf")


def load(path):
    image = Image.open(path)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        canvas = Image.new("RGBA", image.size, "white")
        canvas.alpha_composite(image)
        image = canvas
    return image.convert("RGB")


registered_photos = {
    "coffee": f"{sk}/coffee.png", "chelsea": f"{sk}/chelsea.png", "rocket": f"{sk}/rocket.jpg",
    "astronaut": f"{sk}/astronaut.png", "china": f"{sl}/china.jpg", "hopper": f"{mp}/grace_hopper.jpg",
    "pack": f"{mp}/Minduka_Present_Blue_Pack.png", "mpl-logo": f"{mp}/logo2.png", "sk-logo": f"{sk}/logo.png",
    "motorcycle": f"{sk}/motorcycle_left.png",
}
negative_photos = [
    f"{sl}/flower.jpg", f"{sk}/camera.png", f"{sk}/coins.png", f"{sk}/horse.png", f"{sk}/hubble_deep_field.jpg",
    f"{sk}/retina.jpg", f"{sk}/brick.png", f"{sk}/grass.png", f"{sk}/gravel.png", f"{sk}/moon.png",
    f"{sk}/page.png", f"{sk}/text.png", f"{sk}/ihc.png", f"{sk}/cell.png", f"{sk}/color.png",
    f"{sk}/microaneurysms.png", f"{sk}/clock_motion.png", f"{sk}/phantom.png",
]

font_files = sorted(f for f in os.listdir(fonts) if f.startswith(("DejaVu", "STIXGeneral")) and "Display" not in f)
words = ["ZOLTA", "Acmé", "NORDVIK", "Lumora", "KESTREL", "Vantix", "Orbel", "PARALUX", "Tindra", "Quorra",
         "MIRELLE", "Basko", "Ferro", "Helix", "Juno", "Kairo", "Lyra", "Mosaic", "Nimbus", "Opal", "Pinto",
         "Rivet", "Sable", "Tundra", "Umber", "Vesta", "Wren", "Xeno", "Yarrow", "Zephyr", "Atlas", "Borea",
         "Cinder", "Delta", "Ember", "Fable", "Garnet", "Harbor", "Indigo", "Jasper"]
if variant:
    words = ["Corvane", "BRISTA", "Maltrix", "Solenne", "OKAVI", "Trevos", "Pellam", "Quintra", "Dunmore", "Aveline",
             "Graviton", "Hollis", "Ivora", "Jetstar", "Kovac", "Lorien", "Mantle", "Norvo", "Ostra", "Plume", "Quill",
             "Rhombus", "Silvan", "Tarn", "Ulric", "Vireo", "Wexley", "Yonder", "Zircon", "Aurel", "Brisk", "Cobalt",
             "Dune", "Eskar", "Fjord", "Gable", "Heron", "Isle", "Jolt", "Kestrin"]
    random.Random(variant).shuffle(words)


def logo(word, seed):
    r = random.Random(seed + 7919 * variant)
    if variant and r.random() < 0.5:
        return stacked_logo(word, r)
    width, height = r.choice([(600, 300), (500, 500), (640, 240)])
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    colour = tuple(r.randrange(0, 200) for _ in range(3))
    shape = r.choice(["circle", "square", "triangle", "none"])
    size = int(height * 0.5)
    x0 = int(width * 0.08)
    y0 = (height - size) // 2
    if shape == "circle":
        draw.ellipse([x0, y0, x0 + size, y0 + size], fill=colour)
    elif shape == "square":
        draw.rectangle([x0, y0, x0 + size, y0 + size], fill=colour)
    elif shape == "triangle":
        draw.polygon([(x0, y0 + size), (x0 + size // 2, y0), (x0 + size, y0 + size)], fill=colour)
    font = ImageFont.truetype(os.path.join(fonts, r.choice(font_files)), int(height * r.uniform(0.22, 0.35)))
    text_x = x0 + (size + 20 if shape != "none" else 0)
    draw.text((text_x, height // 2), word, fill=colour, font=font, anchor="lm")
    return image


def stacked_logo(word, r):
    """A mark above its word and a smaller tagline, or an outlined shape: layouts set 0 does not have."""
    width, height = r.choice([(500, 500), (600, 400), (400, 500)])
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    colour = tuple(r.randrange(0, 200) for _ in range(3))
    size = int(min(width, height) * 0.35)
    x0, y0 = (width - size) // 2, int(height * 0.1)
    # Shapes drawn with random proportions: unrelated marks must not share an identical icon.
    shape = r.choice(["ring", "diamond", "bars"])
    if shape == "ring":
        draw.ellipse([x0, y0, x0 + size, y0 + int(size * r.uniform(0.6, 1))], outline=colour,
                     width=r.randrange(4, max(5, size // 6)))
    elif shape == "diamond":
        top, side = r.randrange(0, size // 3), r.randrange(size // 4, size // 2)
        draw.polygon([(x0 + size // 2, y0 + top), (x0 + size, y0 + side), (x0 + size // 2, y0 + size),
                      (x0 + r.randrange(0, size // 3), y0 + side)], fill=colour)
    else:
        count = r.randrange(3, 6)
        for k in range(count):
            left = x0 + k * size // count
            draw.rectangle([left, y0 + r.randrange(0, size // 2), left + size // (count + 1), y0 + size], fill=colour)
    font = ImageFont.truetype(os.path.join(fonts, r.choice(font_files)), int(height * r.uniform(0.12, 0.18)))
    draw.text((width // 2, y0 + size + int(height * 0.12)), word, fill=colour, font=font, anchor="mm")
    small = ImageFont.truetype(os.path.join(fonts, r.choice(font_files)), int(height * 0.05))
    draw.text((width // 2, y0 + size + int(height * 0.25)), r.choice(["SINCE 1987", "ORIGINAL", "QUALITY GOODS"]),
              fill=colour, font=small, anchor="mm")
    return image


def product(seed):
    """A flat product icon on white: a rounded body with a few details."""
    r = random.Random(seed + 7919 * variant)
    image = Image.new("RGB", (500, 500), "white")
    draw = ImageDraw.Draw(image)
    body = tuple(r.randrange(0, 230) for _ in range(3))
    w, h = r.randrange(200, 380), r.randrange(200, 420)
    x, y = (500 - w) // 2, (500 - h) // 2
    draw.rounded_rectangle([x, y, x + w, y + h], radius=r.randrange(10, 60), fill=body)
    for _ in range(r.randrange(2, 6)):
        colour = tuple(r.randrange(0, 256) for _ in range(3))
        cx, cy = r.randrange(x, x + w), r.randrange(y, y + h)
        rad = r.randrange(10, 50)
        draw.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], fill=colour)
    return image


lines = ["owner: Tuning Set Co.", "rights:", "  - { id: tm-1, type: trademark, registration: \"T 1\" }", "brands:",
         "  - name: Tuning", "    assets:"]
for name, path in registered_photos.items():
    load(path).save(os.path.join(assets, f"{name}.png"))
    lines.append(f"      - {{ id: {name}, path: assets/{name}.png, kind: product-photo, right: tm-1 }}")
for index, word in enumerate(words[:10]):
    logo(word, index).save(os.path.join(assets, f"logo-{index}.png"))
    lines.append(f"      - {{ id: logo-{index}, path: assets/logo-{index}.png, kind: logo, right: tm-1 }}")
for index in range(5):
    product(1000 + index).save(os.path.join(assets, f"product-{index}.png"))
    lines.append(f"      - {{ id: product-{index}, path: assets/product-{index}.png, kind: product-photo, right: tm-1 }}")
with open(os.path.join(out, "registry.yaml"), "w") as handle:
    handle.write("\n".join(lines) + "\n")

count = 0
for path in negative_photos:
    image = load(path)
    image.save(os.path.join(negatives, f"photo-{count:03}.png"))
    count += 1
    # Tiles of the larger photos: more unrelated pictures of real texture.
    if min(image.size) >= 400:
        for _ in range(2):
            w, h = image.size
            tw, th = r_size = (rng.randrange(w // 3, w // 2 + 1), rng.randrange(h // 3, h // 2 + 1))
            x, y = rng.randrange(0, w - tw), rng.randrange(0, h - th)
            image.crop((x, y, x + tw, y + th)).save(os.path.join(negatives, f"tile-{count:03}.png"))
            count += 1
for index, word in enumerate(words[10:]):
    logo(word, 100 + index).save(os.path.join(negatives, f"logo-{index:03}.png"))
for index in range(15):
    product(5000 + index).save(os.path.join(negatives, f"product-{index:03}.png"))
print(f"{len(registered_photos) + 15} registered images, {len(os.listdir(negatives))} negatives in {out}")
