#!/usr/bin/env python3
"""Regenerates Samples/night: a small, realistic registry and listing dump that the README runs.

Three brands (Acme outdoor gear, Zolta electronics, Lumora cosmetics) with word marks in Latin and Chinese script,
logos drawn here, product photos taken from scikit-image's sample images (public domain / CC0) and the PDQ
reference's bridge photo (BSD), copyrighted product copy, price floors and authorised sellers; and a dump of
listings in JSONL and CSV: genuine listings by authorised sellers, infringing ones (copied photos with the usual
edits, marks in titles, prices below the floor), unrelated ones, and a few broken ones (bad JSON, a path that
tries to leave the folder, a missing and a truncated image, image URLs).

Deterministic: the same Pillow gives the same files. Usage: python3 Samples/make_samples.py
"""
import csv
import io
import json
import os
import random

from PIL import Image, ImageDraw, ImageFilter, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "night")
VECTORS = os.path.join(HERE, "..", "..", "shared", "testvectors", "pdq", "images")
rng = random.Random(20261129)


def save_jpeg(image, path, quality=88):
    image.convert("RGB").save(path, format="JPEG", quality=quality, optimize=True)


def product(name, size=360):
    image = Image.open(os.path.join(VECTORS, name)).convert("RGB")
    scale = size / max(image.size)
    return image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))), Image.LANCZOS)


def logo(kind):
    image = Image.new("RGB", (320, 320), "white")
    draw = ImageDraw.Draw(image)
    if kind == "acme":
        draw.polygon([(30, 260), (130, 70), (190, 170), (230, 120), (300, 260)], fill=(200, 30, 30))
        draw.rectangle([30, 262, 300, 290], fill=(40, 40, 40))
        draw.ellipse([220, 40, 270, 90], fill=(250, 180, 0))
    elif kind == "zolta":
        draw.ellipse([30, 30, 290, 290], fill=(20, 70, 200))
        draw.polygon([(90, 90), (230, 90), (230, 120), (130, 200), (230, 200), (230, 230), (90, 230), (90, 200),
                      (190, 120), (90, 120)], fill="white")
    else:
        for index, colour in enumerate([(30, 140, 60), (60, 170, 90), (100, 200, 120)]):
            draw.ellipse([60 + index * 40, 40 + index * 20, 200 + index * 30, 260 - index * 10], outline=colour, width=14)
        draw.line([(70, 280), (250, 60)], fill=(20, 90, 40), width=10)
    return image


def edit(image, how):
    if how == "mirror":
        return ImageOps.mirror(image)
    if how == "shrink":
        return image.resize((image.width // 2, image.height // 2), Image.BILINEAR)
    if how == "recompress":
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=45)
        return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    if how == "border":
        return ImageOps.expand(image, border=max(8, image.width // 20), fill="white")
    if how == "crop":
        w, h = image.size
        return image.crop((w // 20, h // 20, w - w // 20, h - h // 20))
    if how == "blur":
        return image.filter(ImageFilter.GaussianBlur(1.2))
    if how == "rotate180":
        return image.rotate(180)
    return image


def unrelated_image(index):
    # Scenes from other sample images, and generated patterns: nothing registered.
    sources = ["skimage-astronaut.png", "skimage-brick.png", "skimage-text.png", "skimage-cell.png",
               "skimage-clock_motion.png", "skimage-color.png", "skimage-phantom.png", "skimage-retina.jpg"]
    base = product(sources[index % len(sources)], size=300)
    if index >= len(sources):
        base = ImageOps.mirror(base).rotate(90 * (index % 3), expand=True)
        draw = ImageDraw.Draw(base)
        draw.rectangle([10 + index, 10, 60 + index, 60], fill=(rng.randrange(256), rng.randrange(256), 90))
    return base


def main():
    os.makedirs(os.path.join(OUT, "assets"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "texts"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "images"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "rights"), exist_ok=True)

    photos = {"acme": product("skimage-coffee.png"), "zolta": product("skimage-rocket.jpg"),
              "lumora": product("aaa-orig.jpg")}
    logos = {kind: logo(kind) for kind in ("acme", "zolta", "lumora")}
    for kind in photos:
        save_jpeg(photos[kind], os.path.join(OUT, "assets", f"{kind}-product.jpg"), quality=92)
        logos[kind].save(os.path.join(OUT, "assets", f"{kind}-logo.png"))
    copies = {
        "acme": "The Acme Trail Mug keeps coffee hot for twelve hours on the coldest ridge. Double-walled steel, "
                "a lid that seals with one hand, and a grip that works with gloves on.",
        "zolta": "Zolta Sky Rocket launches to forty metres on a single charge and floats home on its own parachute. "
                 "Rechargeable in ten minutes; safe for ages eight and up.",
        "lumora": "Lumora Bridge Glow brings the calm of a river at dawn to your skin: a light serum of cucumber, "
                  "green tea and hyaluronic acid that sinks in without a trace.",
    }
    for kind, text in copies.items():
        with open(os.path.join(OUT, "texts", f"{kind}-copy.txt"), "w") as f:
            f.write(text + "\n")
    with open(os.path.join(OUT, "rights", "us-5123456.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n% sample registration certificate, not a real document\n%%EOF\n")

    registry = """owner: Sample Brands Group
rights:
  - id: tm-us-5123456
    type: trademark
    registration: "US 5,123,456"
    jurisdiction: US
    classes: [21]
    holder: Acme Outdoor Co.
    expires: 2031-04-01
    certificate: rights/us-5123456.pdf
  - { id: tm-cn-30111222, type: trademark, registration: "CN 30111222", jurisdiction: CN, classes: [21] }
  - { id: tm-us-6200100, type: trademark, registration: "US 6,200,100", jurisdiction: US, classes: [28] }
  - { id: tm-eu-018800200, type: trademark, registration: "EU 018800200", jurisdiction: EU, classes: [3] }
  - { id: tm-cn-40222333, type: trademark, registration: "CN 40222333", jurisdiction: CN, classes: [3] }
  - { id: c-acme-photos, type: copyright, registration: "VA 2-123-456", jurisdiction: US }
  - { id: c-acme-copy, type: copyright, registration: "TX 9-876-543", jurisdiction: US }
  - { id: c-zolta-photos, type: copyright, registration: "VA 2-222-333", jurisdiction: US }
  - { id: c-lumora-photos, type: copyright, registration: "VA 2-444-555", jurisdiction: US }
  - { id: c-lumora-copy, type: copyright, registration: "TX 9-111-222", jurisdiction: US }
brands:
  - name: Acme
    marks:
      - { text: ACME, right: tm-us-5123456 }
      - { text: 爱可美, right: tm-cn-30111222 }
    assets:
      - { id: acme-logo, path: assets/acme-logo.png, kind: logo, right: tm-us-5123456 }
      - { id: acme-product, path: assets/acme-product.jpg, kind: product-photo, right: c-acme-photos }
    texts:
      - { id: acme-copy, path: texts/acme-copy.txt, right: c-acme-copy }
    price_floor: { amount: 25, currency: USD }
    authorized_sellers: [acme-official, outdoorworld-store]
  - name: Zolta
    marks:
      - { text: ZOLTA, right: tm-us-6200100 }
    assets:
      - { id: zolta-logo, path: assets/zolta-logo.png, kind: logo, right: tm-us-6200100 }
      - { id: zolta-product, path: assets/zolta-product.jpg, kind: product-photo, right: c-zolta-photos }
    texts:
      - { id: zolta-copy, path: texts/zolta-copy.txt, right: c-zolta-photos }
    price_floor: { amount: 60, currency: USD }
    authorized_sellers: [zolta-store]
  - name: Lumora
    marks:
      - { text: LUMORA, right: tm-eu-018800200 }
      - { text: 露莫拉, right: tm-cn-40222333 }
    assets:
      - { id: lumora-logo, path: assets/lumora-logo.png, kind: logo, right: tm-eu-018800200 }
      - { id: lumora-product, path: assets/lumora-product.jpg, kind: product-photo, right: c-lumora-photos }
    texts:
      - { id: lumora-copy, path: texts/lumora-copy.txt, right: c-lumora-copy }
    price_floor: { amount: 30, currency: EUR }
    authorized_sellers: [lumora-beauty]
"""
    with open(os.path.join(OUT, "registry.yaml"), "w") as f:
        f.write(registry)

    listings = []
    # "must": findings the run must report; "must_not": listings it must not report; "later": infringements the
    # first whole-image matcher misses and the image-robustness issue (border trimming) must find.
    expected = {"must": [], "must_not": [], "later": []}
    names = {"acme": "Acme", "zolta": "Zolta", "lumora": "Lumora"}
    marketplaces = ["aliexpress", "amazon", "ebay", "temu", "alibaba"]
    counter = [0]

    def add(kind_of, title, images, price, currency="USD", seller=None, description=None, market=None, extra=None):
        counter[0] += 1
        listing_id = f"{10000 + counter[0]}"
        market = market or marketplaces[counter[0] % len(marketplaces)]
        seller = seller or f"s-{rng.randrange(100, 999)}"
        record = {"marketplace": market, "listing_id": listing_id,
                  "url": f"https://{market}.example/item/{listing_id}",
                  "captured_at": f"2026-11-28T0{counter[0] % 6}:{counter[0] % 60:02d}:00Z", "title": title,
                  "price": price, "currency": currency, "seller_id": seller,
                  "seller_name": f"Store {seller.upper()}", "seller_url": f"https://{market}.example/store/{seller}",
                  "images": images}
        if description:
            record["description"] = description
        if extra:
            record.update(extra)
        listings.append(record)
        return market, listing_id

    def picture(image, name, quality=85):
        path = os.path.join("images", name)
        save_jpeg(image, os.path.join(OUT, path), quality=quality)
        return path

    # Infringing: copied product photos with the usual edits, marks in titles, cheap prices.
    edits = ["none", "mirror", "shrink", "recompress", "border", "crop", "blur"]
    for kind in ("acme", "zolta", "lumora"):
        for index, how in enumerate(edits):
            image = picture(edit(photos[kind], how), f"{kind}-copy-{how}.jpg")
            title = [f"{names[kind].upper()} original {how} deal", "Best seller, fast shipping",
                     f"New {names[kind].lower()} style item"][index % 3]
            market, listing_id = add("infringing", title, [image], price=round(rng.uniform(5, 15), 2),
                                     currency="EUR" if kind == "lumora" else "USD")
            expected["later" if how == "border" else "must"].append([market, listing_id, names[kind]])
    # Logo copies.
    for kind in ("acme", "zolta", "lumora"):
        for how in ("none", "recompress", "mirror"):
            image = picture(edit(logos[kind], how), f"{kind}-logo-{how}.jpg")
            market, listing_id = add("logo", f"Sticker pack {rng.randrange(100)}", [image], price=3.99)
            expected["must"].append([market, listing_id, names[kind]])
    # Marks in titles only, Latin and Chinese, with unrelated pictures.
    for index, title in enumerate([
        "ACME waterproof jacket men", "acme Trail Mug 2026 edition", "正品爱可美保温杯 包邮",
        "ZOLTA drone rocket kids toy", "Zolta-compatible charger", "LUMORA glow serum 30ml",
        "露莫拉精华液 新款", "Lumora lipstick set",
    ]):
        image = picture(unrelated_image(index), f"unrelated-mark-{index}.jpg")
        market, listing_id = add("mark", title, [image], price=round(rng.uniform(8, 20), 2))
        brand = "Acme" if "ACME" in title.upper() or "爱可美" in title else "Zolta" if "ZOLTA" in title.upper() else "Lumora"
        # Nominative use ("Zolta-compatible") scores below the default --min-score since issue 17: not reported.
        expected["must_not" if "compatible" in title else "must"].append([market, listing_id, brand])
    # Genuine listings by authorised sellers: no findings.
    for kind, seller in (("acme", "acme-official"), ("acme", "outdoorworld-store"), ("zolta", "zolta-store"),
                         ("lumora", "lumora-beauty")):
        for index in range(3):
            image = picture(edit(photos[kind], ["none", "shrink", "border"][index]), f"{kind}-genuine-{seller}-{index}.jpg")
            market, listing_id = add("genuine", f"{names[kind].upper()} official product #{index}", [image],
                                     price=99.0, seller=seller,
                                     currency="EUR" if kind == "lumora" else "USD")
            expected["must_not"].append([market, listing_id, names[kind]])
    # Unrelated listings: other pictures, words that merely contain a mark.
    innocent_titles = ["Acmeline garden hose", "Zoltan poster print", "Vintage brick wall photo", "Blue ceramic cup",
                       "Space astronaut figure", "Microscope slide set", "Clock wall art", "Colour swatch cards",
                       "Phantom costume mask", "Eye chart print"]
    for index in range(45):
        image = picture(unrelated_image(index), f"unrelated-{index}.jpg")
        market, listing_id = add("unrelated", innocent_titles[index % len(innocent_titles)] + f" #{index}", [image],
                                 price=round(rng.uniform(5, 80), 2))
        expected["must_not"].append([market, listing_id, None])
    # Broken and hostile items: each must be reported, none may stop the run.
    truncated = open(os.path.join(OUT, "images", "acme-copy-none.jpg"), "rb").read()[:3000]
    with open(os.path.join(OUT, "images", "truncated-download.jpg"), "wb") as f:
        f.write(truncated)
    add("broken", "ACME mug, image download cut short", ["images/truncated-download.jpg"], price=9.99)
    add("broken", "Poster", ["../../etc/passwd"], price=1.0)
    add("broken", "Lamp", ["images/missing.jpg"], price=12.0)
    add("broken", "ZOLTA toy, images on the CDN", ["https://cdn.example.com/zolta/1.webp"], price=11.0)

    with open(os.path.join(OUT, "dump.jsonl"), "w") as f:
        for index, record in enumerate(listings):
            f.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            if index == 20:
                f.write('{"marketplace":"ebay","listing_id":"broken-json",\n')
            if index == 40:
                f.write('{"marketplace":"ebay","title":"no listing id"}\n')
    columns = ["marketplace", "listing_id", "url", "captured_at", "title", "description", "price", "currency",
               "seller_id", "seller_name", "seller_url", "images"]
    with open(os.path.join(OUT, "dump.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for record in listings:
            writer.writerow([("|".join(record[c]) if c == "images" else record.get(c, "")) for c in columns])
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False)
    print(len(listings), "listings")


if __name__ == "__main__":
    main()
