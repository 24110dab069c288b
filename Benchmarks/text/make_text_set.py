#!/usr/bin/env python3
"""Generates a multilingual listing set for text matching: a registry of 25 brands (word marks in Latin, Han,
Cyrillic and katakana; copyrighted descriptions), and listings in English, Spanish, German, Russian, Chinese and
Japanese: infringers using every evasion, hard innocent look-alikes (ordinary words that contain a mark, names and
words one letter away), nominative (fair-use) accessory listings, and copied descriptions, whole or a few
sentences embedded in the seller's own text.

    python3 Benchmarks/text/make_text_set.py OUT_DIR [--listings 12000] [--seed 5]

Writes OUT_DIR/registry.yaml, OUT_DIR/texts/*.txt, OUT_DIR/dump.jsonl and OUT_DIR/labels.jsonl (one line per
listing: {"listing_id", "kind": infringing|innocent|fair-use|copy, "brand", "family"}). Deterministic for a seed.
Written independently of Proofmark's own harness (`TextRobustness`), with other templates and word choices.
"""
import argparse
import json
import os
import random

LATIN_MARKS = ["ZOLTA", "VINTA", "JUSTA", "LUMORA", "KAVIRO", "BRELLO", "NOVIQ", "TESSARO", "MARVELO", "QUINTO",
               "ORBELA", "SILKARA", "FENRIX", "DALMORE", "PORTA", "MENTA", "CORDA", "ESTRIA", "PIRELO", "VOLKARO"]
HAN_MARKS = ["爱可美", "露莫拉", "飞鹰达"]
OTHER_MARKS = ["КАВИРА", "ルモラ"]

PRODUCTS = {
    "en": ["running shoes", "rain jacket", "backpack", "wireless earbuds", "smart watch", "water bottle",
           "hiking boots", "sunglasses", "yoga mat", "phone case", "desk lamp", "travel mug"],
    "es": ["zapatillas de running", "chaqueta impermeable", "mochila", "auriculares inalámbricos", "reloj inteligente",
           "botella de agua", "gafas de sol", "esterilla de yoga"],
    "de": ["Laufschuhe", "Regenjacke", "Rucksack", "kabellose Kopfhörer", "Smartwatch", "Trinkflasche",
           "Wanderschuhe", "Sonnenbrille"],
    "ru": ["кроссовки", "куртка", "рюкзак", "беспроводные наушники", "умные часы", "бутылка для воды",
           "солнцезащитные очки", "коврик для йоги"],
    "zh": ["运动鞋", "冲锋衣", "双肩包", "无线耳机", "智能手表", "保温杯", "登山鞋", "太阳镜"],
    "ja": ["ランニングシューズ", "レインジャケット", "リュック", "ワイヤレスイヤホン", "スマートウォッチ", "水筒"],
}
ADJECTIVES = {
    "en": ["new", "black", "lightweight", "waterproof", "men's", "women's", "2024", "original", "limited edition"],
    "es": ["nuevo", "negro", "ligero", "para hombre", "para mujer", "2024", "edición limitada"],
    "de": ["neu", "schwarz", "leicht", "Herren", "Damen", "2024", "limitiert"],
    "ru": ["новые", "черные", "легкие", "мужские", "женские", "2024", "оригинал"],
    "zh": ["新款", "正品", "男款", "女款", "2024", "官方", "限量版"],
    "ja": ["新品", "メンズ", "レディース", "2024", "正規品", "限定"],
}
COUNTERFEIT = {
    "en": ["AAA replica", "1:1 mirror quality", "super copy", "dupe", "inspired by", "top quality replica"],
    "es": ["réplica AAA", "calidad espejo", "copia 1:1"], "de": ["Replika", "1:1 Spiegelqualität", "Imitat"],
    "ru": ["реплика", "люкс копия", "копия 1:1"], "zh": ["高仿", "一比一复刻", "原单"],
    "ja": ["スーパーコピー", "レプリカ", "N級品"],
}
FAIR_USE = {
    "en": ["Case compatible with {m} X2", "Replacement band for {m} watch", "Charger for {m} earbuds",
           "Screen protector fits {m} X2 (not made by {m})", "Strap for the {m} S3 watch"],
    "es": ["Funda compatible con {m} X2", "Correa de repuesto para {m}"],
    "de": ["Hülle kompatibel mit {m} X2", "Ersatzarmband für {m} Uhr"],
    "ru": ["Чехол для {m} X2", "Ремешок совместимый с {m}"],
    "zh": ["适用于{m}X2手机壳", "{m}通用充电器 兼容"],
    "ja": ["{m} X2対応 ケース", "{m}用 交換バンド"],
}
INNOCENT_WORDS = {
    "en": ["vintage", "adjustable", "portable", "important", "fundamental", "according", "cordless", "mentality",
           "supportable", "justice", "quintessential", "Zoltan", "Valencia", "Brellos", "Estrian", "Volkan",
           "Portal", "Corduroy", "Mentos", "Pirelli", "Dalmatian", "Silk", "Novice", "Marvel", "Orbit"],
    "es": ["ajustable", "portátil", "importante", "fundamental", "acordado", "justamente", "cordero", "mentalidad",
           "vintage", "portada", "quintal"],
    "de": ["verstellbar", "tragbar", "Vintage", "Portal", "Justage", "Akkordeon", "Mentalität", "Portale"],
    "ru": ["винтаж", "портативный", "справедливость", "кордон", "ментальность", "квинтет"],
}
TEXT_SENTENCES = {
    "en": ["The {p} is built around a recycled frame that weighs less than a paperback.",
           "A three-layer membrane keeps rain out while letting steam escape on steep climbs.",
           "Every seam is taped by hand in our workshop and tested under a shower for an hour.",
           "The grip is moulded from natural rubber harvested on certified plantations.",
           "Magnetic clasps open with one gloved hand and close with a quiet click.",
           "We repair any part for life, because the greenest product is the one you already own.",
           "Reflective piping on the back panel makes you visible from two hundred metres at night.",
           "A hidden pocket holds a passport flat against your back where no pickpocket can reach."],
    "zh": ["这款产品采用再生材料制成，重量比一本平装书还轻。", "三层防水膜阻挡雨水，同时在陡坡攀登时排出湿气。",
           "每一条接缝都在我们的工坊里手工压胶，并在淋浴下测试一小时。", "磁吸扣可以戴着手套单手打开，关闭时只有轻轻一声。",
           "我们终身维修任何部件，因为最环保的产品就是你已经拥有的那一件。"],
    "ru": ["Каркас изготовлен из переработанного алюминия и весит меньше книги в мягкой обложке.",
           "Трёхслойная мембрана не пропускает дождь и выводит пар на крутых подъёмах.",
           "Каждый шов проклеен вручную в нашей мастерской и проверен под душем в течение часа.",
           "Мы ремонтируем любую деталь пожизненно, потому что самый экологичный товар уже у вас есть."],
    "es": ["La estructura está hecha de aluminio reciclado y pesa menos que un libro de bolsillo.",
           "Una membrana de tres capas impide el paso de la lluvia y deja salir el vapor en las subidas.",
           "Cada costura se sella a mano en nuestro taller y se prueba bajo la ducha durante una hora.",
           "Reparamos cualquier pieza de por vida, porque el producto más sostenible es el que ya tienes."],
}
SELLER_FILLER = {
    "en": ["Fast shipping from our warehouse.", "Contact us for bulk orders.", "Thirty day returns.",
           "Great gift for friends and family.", "Please check the size chart before ordering.",
           "All items are inspected before dispatch.", "We reply to messages within a day."],
    "zh": ["全国包邮，当天发货。", "七天无理由退换。", "批发请联系客服。", "下单前请查看尺码表。"],
    "ru": ["Быстрая доставка по всей России.", "Возврат в течение тридцати дней.", "Оптом дешевле."],
    "es": ["Envío rápido desde nuestro almacén.", "Devoluciones en treinta días.", "Consulte la tabla de tallas."],
}
HOMOGLYPHS = {"A": "АΑ", "B": "ВΒ", "C": "СϹ", "E": "ЕΕ", "H": "НΗ", "I": "ІΙ", "K": "КΚ", "M": "МΜ", "N": "Ν",
              "O": "ОΟ", "P": "РΡ", "T": "ТΤ", "X": "ХΧ", "Y": "ҮΥ", "Z": "Ζ", "J": "Ј", "S": "Ѕ",
              "a": "а", "c": "с", "e": "е", "i": "і", "o": "оο", "p": "р", "x": "х", "y": "у", "s": "ѕ"}
LEET = {"A": ["4", "@"], "E": ["3"], "I": ["1", "!"], "L": ["1", "|"], "O": ["0"], "S": ["5", "$"], "T": ["7"],
        "B": ["8"], "G": ["9"]}
TRADITIONAL = {"爱": "愛", "飞": "飛", "鹰": "鷹", "达": "達", "莫": "莫", "拉": "拉", "露": "露", "可": "可", "美": "美"}


def title_case(mark):
    return mark[:1] + mark[1:].lower()


class Maker:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def pick(self, items):
        return self.rng.choice(items)

    def title(self, language, mark_text):
        product = self.pick(PRODUCTS[language])
        adjective = self.pick(ADJECTIVES[language])
        if language in ("zh",):
            return self.pick([f"{adjective}{mark_text}{product}", f"{mark_text}{product}{adjective}",
                              f"{adjective}{product}{mark_text}同款"]).replace("同款", "")
        if language == "ja":
            return self.pick([f"{mark_text} {product} {adjective}", f"【{adjective}】{mark_text} {product}"])
        return self.pick([f"{mark_text} {product} {adjective}", f"{adjective} {mark_text} {product}",
                          f"{product} {mark_text} - {adjective}"])

    def evade(self, mark, family):
        rng = self.rng
        if family == "exact":
            return self.pick([mark, title_case(mark), mark.lower()])
        if family == "glued":
            return self.pick([title_case(mark) + "Pro", "#" + mark.lower(), mark + "2025", "Original" + title_case(mark),
                              mark.lower() + "Shop", title_case(mark) + "Official"])
        if family == "spaced":
            separator = self.pick([" ", ".", "-", "*", " . ", "\u200b", "_", "·"])
            return separator.join(mark)
        if family == "confusable":
            if rng.random() < 0.25:
                return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in mark)
            chars = list(self.pick([mark, title_case(mark)]))
            spots = [i for i, c in enumerate(chars) if c in HOMOGLYPHS]
            for i in rng.sample(spots, min(len(spots), rng.choice([1, 2]))):
                chars[i] = self.pick(HOMOGLYPHS[chars[i]])
            return "".join(chars)
        if family == "leet":
            chars = list(mark)
            spots = [i for i, c in enumerate(chars) if c in LEET]
            for i in rng.sample(spots, min(len(spots), rng.choice([1, 1, 2]))):
                chars[i] = self.pick(LEET[chars[i]])
            result = "".join(chars)
            return self.pick([result, result.lower()])
        if family == "edit":
            chars = list(mark)
            i = rng.randrange(1, len(chars) - 1)
            kind = rng.randrange(4)
            if kind == 0:
                chars[i] = self.pick([c for c in "AEIOUNRSTL" if c != chars[i]])
            elif kind == 1:
                del chars[i]
            elif kind == 2:
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
            else:
                chars.insert(i, chars[i])
            return self.pick(["".join(chars), title_case("".join(chars))])
        raise ValueError(family)

    def description(self, language, words=None):
        filler = SELLER_FILLER.get(language, SELLER_FILLER["en"])
        parts = self.rng.sample(filler, min(len(filler), self.rng.randint(1, 3)))
        if words:
            parts.insert(self.rng.randrange(len(parts) + 1), words)
        return " ".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--listings", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=5)
    arguments = parser.parse_args()
    maker = Maker(arguments.seed)
    rng = maker.rng
    os.makedirs(os.path.join(arguments.out, "texts"), exist_ok=True)

    brands = []
    for index, mark in enumerate(LATIN_MARKS + HAN_MARKS + OTHER_MARKS):
        brands.append({"name": f"Brand{index:02d}", "mark": mark})
    # Registered texts for ten brands, in four languages.
    text_languages = ["en", "en", "en", "en", "zh", "zh", "ru", "es", "en", "en"]
    texts = {}
    for index, language in enumerate(text_languages):
        brand = brands[index * 2]
        sentences = rng.sample(TEXT_SENTENCES[language], min(len(TEXT_SENTENCES[language]), rng.randint(4, 6)))
        content = (" " if language != "zh" else "").join(s.replace("{p}", "frame") for s in sentences)
        text_id = f"text-{index:02d}"
        with open(os.path.join(arguments.out, "texts", text_id + ".txt"), "w", encoding="utf-8") as handle:
            handle.write(content + "\n")
        texts[text_id] = {"brand": brand["name"], "language": language, "sentences": sentences, "content": content}
        brand["text"] = text_id

    with open(os.path.join(arguments.out, "registry.yaml"), "w", encoding="utf-8") as handle:
        handle.write("owner: Benchmark Brands\nrights:\n  - { id: tm, type: trademark, registration: \"T 1\" }\n"
                     "  - { id: c, type: copyright, registration: \"C 1\" }\nbrands:\n")
        for brand in brands:
            handle.write(f"  - name: {brand['name']}\n    marks:\n      - {{ text: \"{brand['mark']}\", right: tm }}\n")
            if "text" in brand:
                handle.write(f"    texts:\n      - {{ id: {brand['text']}, path: texts/{brand['text']}.txt, right: c }}\n")

    languages = ["en", "es", "de", "ru", "zh", "ja"]
    families = ["exact", "glued", "spaced", "confusable", "leet", "edit", "han", "description-only", "cue-laden"]
    listings, labels = [], []
    for number in range(arguments.listings):
        listing_id = f"L{number:06d}"
        roll = rng.random()
        language = rng.choice(languages)
        label = {"listing_id": listing_id}
        if roll < 0.40:
            family = rng.choice(families)
            if family == "han":
                brand = rng.choice([b for b in brands if b["mark"] in HAN_MARKS])
                mark = brand["mark"]
                written = "".join(TRADITIONAL.get(c, c) for c in mark) if rng.random() < 0.5 else mark
                title, description = maker.title("zh", written), maker.description("zh")
            else:
                candidates = [b for b in brands if b["mark"] in LATIN_MARKS]
                if family == "edit":
                    candidates = [b for b in candidates if len(b["mark"]) >= 5]
                if family in ("exact", "description-only", "cue-laden") and rng.random() < 0.25:
                    candidates = [b for b in brands if b["mark"] not in LATIN_MARKS]
                brand = rng.choice(candidates)
                mark = brand["mark"]
                if family in ("description-only", "cue-laden") or mark not in LATIN_MARKS:
                    written = mark if mark not in LATIN_MARKS else maker.evade(mark, rng.choice(["exact", "exact", "leet", "spaced"]))
                else:
                    written = maker.evade(mark, family)
                if family == "description-only":
                    title = f"{rng.choice(ADJECTIVES[language])} {rng.choice(PRODUCTS[language])}"
                    description = maker.description(language if language in SELLER_FILLER else "en",
                                                    f"Style like {written}." if language == "en" else f"{written}")
                elif family == "cue-laden":
                    title = maker.title(language, written) + " " + rng.choice(COUNTERFEIT[language])
                    description = maker.description(language if language in SELLER_FILLER else "en")
                else:
                    title = maker.title(language, written)
                    description = maker.description(language if language in SELLER_FILLER else "en")
            label.update(kind="infringing", brand=brand["name"], family=family)
        elif roll < 0.46:
            text_id = rng.choice(sorted(texts))
            text = texts[text_id]
            generic = f"{rng.choice(ADJECTIVES[text['language']])} {rng.choice(PRODUCTS[text['language']])}"
            if rng.random() < 0.5:
                description = maker.description(text["language"], text["content"])
                family = "copy-whole"
            else:
                start = rng.randrange(0, max(1, len(text["sentences"]) - 2))
                excerpt = (" " if text["language"] != "zh" else "").join(text["sentences"][start:start + 2])
                description = maker.description(text["language"], excerpt)
                family = "copy-sentences"
            title = generic
            label.update(kind="copy", brand=text["brand"], family=family)
        elif roll < 0.56:
            brand = rng.choice(brands)
            template = rng.choice(FAIR_USE[language])
            title = template.replace("{m}", brand["mark"])
            description = maker.description(language if language in SELLER_FILLER else "en")
            label.update(kind="fair-use", brand=brand["name"], family="fair-use")
        else:
            word_language = language if language in INNOCENT_WORDS else "en"
            if rng.random() < 0.5:
                word = rng.choice(INNOCENT_WORDS[word_language])
                word = rng.choice([word, word.upper(), word.capitalize()])
                title = maker.title(word_language, word)
                family = "look-alike"
            else:
                title = maker.title(language, rng.choice(ADJECTIVES[language]))
                family = "ordinary"
            # Descriptions of the same kind of product, in the brands' own vocabulary but not copied.
            description = maker.description(language if language in SELLER_FILLER else "en",
                                            "Waterproof membrane, taped seams and a recycled frame; repairs for life."
                                            if rng.random() < 0.3 else None)
            label.update(kind="innocent", brand=None, family=family)
        listings.append({"marketplace": "bench", "listing_id": listing_id, "title": title,
                         "description": description, "seller_id": f"s-{number % 997}", "images": []})
        labels.append(label)

    with open(os.path.join(arguments.out, "dump.jsonl"), "w", encoding="utf-8") as handle:
        for listing in listings:
            handle.write(json.dumps(listing, ensure_ascii=False, sort_keys=True) + "\n")
    with open(os.path.join(arguments.out, "labels.jsonl"), "w", encoding="utf-8") as handle:
        for label in labels:
            handle.write(json.dumps(label, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
