#!/usr/bin/env python3
"""A third, independent evaluation set for the text matcher: marks, templates and texts nobody tuned on.

    python3 Benchmarks/text/unseen/make_unseen_set.py [--out FOLDER] [--seed N] [--listings N]

Writes FOLDER/registry.yaml (20 invented word marks of 19 brands, with `goods:` on the common-word marks),
FOLDER/texts/*.txt (8 registered descriptions), FOLDER/dump.jsonl (the listings) and FOLDER/labels.jsonl
({"listing_id", "kind": infringing|innocent|fair-use|copy, "brand", "family", ...}), the format
`Benchmarks/text/text_peers.py --set FOLDER` reads. Deterministic from --seed (and the installed wordfreq version,
used only to keep typos off real words and to find ordinary words near a mark; without it, built-in lists stand in).
"""
import argparse
import json
import os
import random
import unicodedata

LANGS = ["en", "de", "fr", "es", "ru", "zh", "ja"]

# Product nouns per category, one per language (en de fr es ru zh ja).
PRODUCTS = {
    "shoes": "sneakers|Turnschuhe|baskets|zapatillas|кроссовки|运动鞋|スニーカー",
    "charger": "charger|Ladegerät|chargeur|cargador|зарядка|充电器|充電器",
    "serum": "serum|Serum|sérum|sérum|сыворотка|精华液|美容液",
    "backpack": "backpack|Rucksack|sac à dos|mochila|рюкзак|双肩包|リュック",
    "drill": "drill|Bohrmaschine|perceuse|taladro|дрель|电钻|ドリル",
    "lamp": "lamp|Lampe|lampe|lámpara|лампа|台灯|ランプ",
    "kite": "kite|Drachen|cerf-volant|cometa|воздушный змей|风筝|凧",
    "umbrella": "umbrella|Regenschirm|parapluie|paraguas|зонт|雨伞|傘",
    "camera": "action camera|Actionkamera|caméra sport|cámara deportiva|экшн-камера|运动相机|アクションカメラ",
    "filament": "filament|Filament|filament|filamento|филамент|打印耗材|フィラメント",
    "necklace": "necklace|Halskette|collier|collar|колье|项链|ネックレス",
    "helmet": "helmet|Helm|casque|casco|шлем|头盔|ヘルメット",
    "headphones": "headphones|Kopfhörer|écouteurs|auriculares|наушники|耳机|イヤホン",
    "keyboard": "keyboard|Tastatur|clavier|teclado|клавиатура|键盘|キーボード",
    "smartwatch": "smartwatch|Smartwatch|montre connectée|reloj inteligente|смарт-часы|智能手表|スマートウォッチ",
    "jacket": "jacket|Jacke|veste|chaqueta|куртка|夹克|ジャケット",
    "sunglasses": "sunglasses|Sonnenbrille|lunettes de soleil|gafas de sol|солнцезащитные очки|太阳镜|サングラス",
}
PRODUCTS = {key: dict(zip(LANGS, value.split("|"))) for key, value in PRODUCTS.items()}

# Accessory nouns for fair use.
PARTS = {
    "en": ["case", "cover", "strap", "charging cable", "spare part", "carry pouch", "screen protector"],
    "de": ["Hülle", "Schutzhülle", "Ladekabel", "Ersatzteil", "Tasche", "Armband"],
    "fr": ["housse", "étui", "câble de charge", "pièce détachée", "bracelet"],
    "es": ["funda", "cable de carga", "pieza de repuesto", "correa", "estuche"],
    "ru": ["чехол", "кабель", "ремешок", "запчасть", "сумка"],
    "zh": ["保护套", "充电线", "表带", "配件", "收纳包"],
    "ja": ["ケース", "充電ケーブル", "ストラップ", "交換部品", "カバー"],
}
ADJ = {
    "en": ["lightweight", "durable", "premium", "compact", "waterproof", "classic", "everyday"],
    "de": ["leicht", "robust", "hochwertig", "kompakt", "wasserdicht", "klassisch"],
    "fr": ["léger", "robuste", "haut de gamme", "compact", "imperméable", "classique"],
    "es": ["ligero", "resistente", "premium", "compacto", "impermeable", "clásico"],
    "ru": ["лёгкий", "прочный", "премиум", "компактный", "водонепроницаемый"],
    "zh": ["轻便", "耐用", "高档", "小巧", "防水", "经典"],
    "ja": ["軽量", "丈夫な", "高品質", "コンパクト", "防水", "定番"],
}
# Seller boilerplate that names no mark.
FILLER = {
    "en": ["Ships within 24 hours.", "Brand new in box.", "Please check the size chart before ordering.",
           "30-day returns accepted.", "Great gift for friends and family.", "Stock photos, item as described."],
    "de": ["Versand innerhalb von 24 Stunden.", "Neu und originalverpackt.", "Bitte Größentabelle beachten.",
           "30 Tage Rückgaberecht.", "Ideal als Geschenk."],
    "fr": ["Expédition sous 24 heures.", "Neuf dans sa boîte.", "Vérifiez le guide des tailles.",
           "Retours acceptés sous 30 jours.", "Idéal pour offrir."],
    "es": ["Envío en 24 horas.", "Nuevo en su caja.", "Consulte la guía de tallas.",
           "Devoluciones en 30 días.", "Ideal para regalar."],
    "ru": ["Отправка в течение 24 часов.", "Новый товар в упаковке.", "Проверьте таблицу размеров.",
           "Возврат в течение 30 дней.", "Отличный подарок."],
    "zh": ["24小时内发货。", "全新未拆封。", "下单前请查看尺码表。", "支持七天无理由退货。", "送礼佳品。"],
    "ja": ["24時間以内に発送します。", "新品未開封です。", "ご注文前にサイズ表をご確認ください。",
           "30日間返品可能。", "ギフトにもおすすめ。"],
}
TITLE = {
    "en": ["{m} {p}", "Original {m} {p} new", "{m} {p} - {a} - free shipping", "{a} {p} by {m}", "New {m} {p} 2026"],
    "de": ["{m} {p} neu", "Original {m} {p}", "{p} von {m}, {a}"],
    "fr": ["{p} {m} original", "{m} {p} neuf", "{p} {m} - {a}"],
    "es": ["{p} {m} original", "{m} {p} nuevo", "{p} de {m} {a}"],
    "ru": ["{m} {p} оригинал", "{p} {m} новинка", "Оригинал {m}: {p}"],
    "zh": ["{m}{p}正品", "正品{m}{p}新款", "{m} {p} 包邮"],
    "ja": ["{m} {p} 新品", "【正規品】{m}{p}", "{m}の{p} 送料無料"],
}
GENERIC_TITLE = {
    "en": ["{a} {p}", "{p}, {a}, new", "Unbranded {a} {p}"],
    "de": ["{p} {a}", "{a}e {p}, neu"],
    "fr": ["{p} {a}", "{p} neuf, {a}"],
    "es": ["{p} {a}", "{p} nuevo {a}"],
    "ru": ["{p} {a}", "Новый {p}"],
    "zh": ["{a}{p}", "新款{a}{p}"],
    "ja": ["{a}{p}", "{p} {a} 新品"],
}
# A sentence naming the mark, for marks only in the description.
MENTION = {
    "en": ["Genuine {m} product.", "Made by {m} with the usual quality.", "Authentic {m}, latest model."],
    "de": ["Echtes {m} Produkt.", "Hergestellt von {m}."],
    "fr": ["Produit {m} authentique.", "Fabriqué par {m}."],
    "es": ["Producto {m} auténtico.", "Fabricado por {m}."],
    "ru": ["Подлинный товар {m}.", "Производство {m}."],
    "zh": ["{m}正品保证。", "{m}官方同款。"],
    "ja": ["{m}の正規品です。", "{m}公式モデル。"],
}
FAIR = {
    "en": ["{x} compatible with {m} {p}", "Replacement {x} for {m} {p}", "{x} fits {m} {p}", "{x} for {m} {p}"],
    "de": ["{x} kompatibel mit {m} {p}", "Ersatz-{x} für {m}", "{x} passend für {m} {p}"],
    "fr": ["{x} compatible avec {m} {p}", "{x} de remplacement pour {m}", "{x} pour {m} {p}"],
    "es": ["{x} compatible con {m} {p}", "{x} de repuesto para {m}", "{x} para {m} {p}"],
    "ru": ["{x}, совместимый с {m}", "Замена: {x} для {m}", "{x} для {m} {p}"],
    "zh": ["适用于{m}{p}的{x}", "兼容{m}的{x}", "{x} 适配{m}{p}"],
    "ja": ["{m}対応 {x}", "{m}用 {x} 互換品", "{m}の{p}に適合する{x}"],
}
FAIR_NOTE = {
    "en": "Third-party accessory, not made by or affiliated with {m}.",
    "de": "Zubehör eines Drittanbieters, nicht von {m}.",
    "fr": "Accessoire tiers, non fabriqué par {m}.",
    "es": "Accesorio de terceros, no fabricado por {m}.",
    "ru": "Аксессуар стороннего производителя, не {m}.",
    "zh": "第三方配件，非{m}官方产品。",
    "ja": "サードパーティ製品です。{m}とは関係ありません。",
}

# Brands: name, marks (text, script, language preference), category, trademark goods (common-word marks).
BRANDS = [
    ("Veldrona", [("VELDRONA", "latin"), ("维朵娜", "han")], "shoes", False),
    ("Sparko", [("SPARKO", "latin")], "charger", False),
    ("Zenopax", [("ZENOPAX", "latin")], "serum", False),
    ("Kobatex", [("KOBATEX", "latin")], "backpack", False),
    ("Brenoks", [("БРЕНОКС", "cyrillic")], "drill", False),
    ("Zarevik", [("ЗАРЕВИК", "cyrillic")], "lamp", False),
    ("Huamei", [("华美", "han")], "serum", False),
    ("Lefeng", [("乐风", "han")], "kite", False),
    ("Mirakumo", [("ミラクモ", "kana")], "umbrella", False),
    ("Luminare", [("ルミナレ", "kana")], "lamp", False),
    ("Orbix", [("ORBIX5", "latin")], "camera", False),
    ("Klar3D", [("KLAR3D", "latin")], "filament", False),
    ("Silver Finch", [("SILVER FINCH", "latin")], "necklace", False),
    ("Dune Rider", [("DUNE RIDER", "latin")], "helmet", False),
    ("Anchor Audio", [("ANCHOR", "latin")], "headphones", True),
    ("Maple Peripherals", [("MAPLE", "latin")], "keyboard", True),
    ("Pebble Time", [("PEBBLE", "latin")], "smartwatch", True),
    ("Quorven", [("QUORVEN", "latin")], "jacket", False),
    ("Talvento", [("TALVENTO", "latin")], "sunglasses", False),
]
# Extra goods keywords beyond the category nouns, for the common-word marks.
EXTRA_GOODS = {"headphones": ["earbuds", "speaker"], "keyboard": ["mouse", "laptop stand"],
               "smartwatch": ["watch strap", "fitness tracker"]}

# Registered descriptions (copyright), written for this set; none names its mark.
TEXTS = {
    "Veldrona": ("en", "Every pair starts with a knitted upper that breathes on long summer walks. The midsole is "
                 "cut from a single block of recycled foam, so the heel never feels hollow. We stitch a reflective "
                 "thread along the collar for evening runs and line the tongue with soft bamboo fibre. The outsole "
                 "grips wet pavement and wears evenly for about eight hundred kilometres."),
    "Kobatex": ("de", "Der Rucksack besteht aus recyceltem Segeltuch und hält einen ganzen Tag Regen aus. Im "
                "gepolsterten Rückenfach findet ein Laptop mit sechzehn Zoll Platz, daneben eine Tasche für "
                "Ladekabel und Notizbücher. Die Schultergurte lassen sich mit einer Hand verstellen, und der "
                "Brustgurt trägt eine kleine Pfeife für Wanderungen in den Bergen."),
    "Quorven": ("en", "Cut for wind on open ridges, this shell folds into its own chest pocket and weighs less "
                "than an apple. Taped seams keep out driving rain while underarm vents open with a single pull. "
                "The hood adjusts around a climbing helmet, and the hem drops low at the back so it stays put "
                "when you reach for the next hold."),
    "Talvento": ("es", "Las lentes polarizadas cortan el reflejo del agua y de la nieve sin oscurecer los colores. "
                 "La montura de acetato vegetal pesa apenas veintidós gramos y las bisagras de acero resisten "
                 "años de uso diario. Cada par llega en un estuche de corcho con un paño de microfibra y una "
                 "tarjeta con la graduación de fábrica."),
    "Zarevik": ("ru", "Светильник даёт тёплый свет, похожий на закат над рекой. Корпус выточен из цельного куска "
                "дуба и покрыт натуральным маслом. Яркость меняется плавным поворотом кольца у основания, а "
                "провод длиной два метра спрятан в тканевую оплётку. Лампа служит не меньше двадцати тысяч часов."),
    "Huamei": ("zh", "这款精华液取自高山茶花籽，质地清爽不粘腻，一滴即可覆盖整个面部。连续使用四周后，肌肤更加透亮，"
               "细纹明显减少。瓶身采用避光玻璃，滴管精确控制用量。不含酒精和人工香精，敏感肌肤也可以放心使用。"),
    "Sparko": ("fr", "Ce chargeur tient dans une poche de jean et remplit un téléphone deux fois avant de devoir "
               "lui-même être rechargé. Son boîtier en aluminium brossé dissipe la chaleur pendant la charge "
               "rapide, et un petit écran indique le pourcentage restant. Deux ports permettent de charger une "
               "montre et des écouteurs en même temps."),
    "Mirakumo": ("ja", "この傘は風速十五メートルの強風にも耐える十六本の骨を備えています。生地には撥水加工を施し、"
                 "軽く振るだけで水滴が落ちます。持ち手は天然の竹を削り出したもので、手になじむ形に仕上げました。"
                 "たたむと三十センチになり、鞄にすっきり収まります。"),
}

# Ordinary words and phrases that contain or resemble a mark; the listing is innocent.
LOOKALIKE = [
    ("Sparko", "en", "Flint fire starter, bright sparks in any weather", "outdoor"),
    ("Sparko", "en", "Sparky the dog plush toy, 30 cm", "toy"),
    ("Sparko", "en", "Sparkly glitter phone charger cable", "charger"),
    ("Talvento", "es", "Libro de talento y creatividad para niños", "book"),
    ("Talvento", "es", "Gafas de sol para jóvenes con talento, montura ligera", "sunglasses"),
    ("Zenopax", "en", "Zen garden sand rake set, calming desk toy", "decor"),
    ("Kobatex", "en", "Cobalt blue latex gloves, 100 pack", "gloves"),
    ("Orbix", "en", "Orbital sander 5 inch with dust bag", "tool"),
    ("Klar3D", "de", "Klare 3D-Folie für Fenster, selbstklebend", "decor"),
    ("Klar3D", "de", "Alles klar: drei Rollen Filament im Set", "filament"),
    ("Zarevik", "ru", "Картина маслом «Зарево заката», холст", "art"),
    ("Zarevik", "ru", "Лампа-ночник с эффектом зарева, тёплый свет", "lamp"),
    ("Brenoks", "ru", "Бренд-бук и набор открыток для дизайнеров", "book"),
    ("Mirakumo", "ja", "ミラクル美顔ローラー 新品", "beauty"),
    ("Mirakumo", "ja", "くもり止め付き ビニール傘", "umbrella"),
    ("Luminare", "ja", "ルミナリエ風 LEDイルミネーション ライト", "lamp"),
    ("Silver Finch", "en", "Silver bracelet with a small finch bird charm", "jewelry"),
    ("Silver Finch", "de", "Silberkette mit Finkenanhänger", "jewelry"),
    ("Dune Rider", "en", "Rider boots for desert dune trekking", "boots"),
]
# A Han mark's characters across two ordinary words.
STRADDLE = [
    ("Huamei", "中华美食菜谱大全 精装版"), ("Huamei", "精华美白面膜 十片装"), ("Huamei", "中华美德故事绘本"),
    ("Huamei", "玻尿酸精华美容液 30ml"), ("Lefeng", "快乐风筝 儿童户外玩具"), ("Lefeng", "复古音乐风格黑胶唱片机"),
    ("Lefeng", "娱乐风格桌游卡牌"), ("Lefeng", "欢乐风车 花园装饰"),
]
# Common-word marks on goods outside their registration.
OUTSIDE = {
    "Anchor Audio": [("en", "Galvanized boat anchor 5 kg with 10 m rope"), ("de", "Bootsanker ANCHOR-Typ 8 kg verzinkt"),
                     ("en", "Anchor tattoo stencil set"), ("fr", "Ancre marine pendentif en acier, anchor design"),
                     ("en", "Wall anchor screws, 200 pieces")],
    "Maple Peripherals": [("en", "Pure maple syrup, grade A, 500 ml"), ("en", "Maple wood cutting board"),
                          ("de", "Ahornsirup Maple, Bio, 250 ml"), ("en", "Japanese maple tree seedling"),
                          ("es", "Tabla de cortar de madera maple")],
    "Pebble Time": [("en", "River pebble stones for garden, 10 kg"), ("en", "Pebble mosaic floor tiles, grey"),
                    ("de", "Zierkies Pebble weiß, 25 kg"), ("en", "Pebble beach photo canvas print"),
                    ("fr", "Galets décoratifs pebble pour aquarium")],
}

LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "l": "1", "b": "8", "g": "9", "z": "2"}
TO_OTHER = {"A": "ΑА", "B": "ΒВ", "C": "С", "E": "ΕЕ", "H": "ΗН", "I": "ΙІ", "K": "ΚК", "M": "ΜМ", "N": "Ν",
            "O": "ΟО", "P": "ΡР", "T": "ΤТ", "X": "ΧХ", "Y": "ΥҮ", "Z": "Ζ", "a": "а", "c": "с", "e": "е",
            "i": "і", "o": "оο", "p": "р", "x": "х", "y": "у", "s": "ѕ"}
TO_LATIN = {"А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
            "Х": "X", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y"}
TRADITIONAL = {"华": "華", "乐": "樂", "风": "風", "维": "維", "美": "美", "朵": "朵", "娜": "娜"}
SEPARATORS = [".", "-", "_", "·", "*", "/", "|", "•"]
GLUE = {"en": ["new", "original", "official", "store", "pro", "2026", "best"],
        "de": ["neu", "original", "shop"], "fr": ["neuf", "officiel"], "es": ["nuevo", "tienda"],
        "ru": ["новый", "оригинал"]}
KEYS = "qwertyuiop asdfghjkl zxcvbnm"

INFRINGING = ["exact", "case-spacing", "separators", "lookalike", "leetspeak", "typo", "glued", "han-variant",
              "kana-variant", "description-only"]
COPY = ["copy-whole", "copy-partial", "copy-edited"]
INNOCENT = ["generic", "generic", "lookalike-word", "han-straddle", "goods-outside"]


def real_words():
    try:
        from wordfreq import top_n_list
    except ImportError:
        return {"sparks", "sparky", "talento", "bravo", "maples", "anchors", "pebbles", "зарево"}
    words = set()
    for lang in ("en", "de", "fr", "es", "it", "pt", "ru"):
        words.update(top_n_list(lang, 100000))
    return words


def applicable(family, mark, script):
    letters = mark.replace(" ", "")
    if family in ("exact", "case-spacing", "separators", "description-only"):
        return True
    if family == "lookalike":
        table = TO_OTHER if script == "latin" else TO_LATIN
        return script in ("latin", "cyrillic") and any(ch in table for ch in letters)
    if family == "leetspeak":
        return script == "latin" and any(ch in LEET for ch in letters.lower())
    if family in ("typo", "glued"):
        return script in ("latin", "cyrillic") and max(len(w) for w in mark.split()) >= 5
    if family == "han-variant":
        return script == "han" and any(TRADITIONAL.get(ch, ch) != ch for ch in mark)
    if family == "kana-variant":
        return script == "kana"
    return False


def language_for(rng, script):
    if script == "han":
        return "zh"
    if script == "kana":
        return "ja"
    if script == "cyrillic":
        return "ru"
    return rng.choice(["en", "en", "de", "fr", "es", "ru", "zh", "ja"])


def hiragana(text):
    return "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in text)


HALFWIDTH = dict(zip("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン",
                     "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ"))


def typo(rng, mark, words):
    for _ in range(100):
        parts = mark.split(" ")
        index = max(range(len(parts)), key=lambda i: (len(parts[i]), rng.random()))
        word = parts[index].lower()
        position = rng.randrange(1, len(word) - 1)
        operation = rng.choice(["substitute", "delete", "insert", "transpose"])
        if operation == "substitute":
            alphabet = KEYS.replace(" ", "") if word.isascii() else "абвгдеиклмнопрстуя"
            new = word[:position] + rng.choice(alphabet) + word[position + 1:]
        elif operation == "delete":
            new = word[:position] + word[position + 1:]
        elif operation == "insert":
            new = word[:position] + word[position] + word[position:]
        else:
            new = word[:position] + word[position + 1] + word[position] + word[position + 2:]
        if new != word and new not in words and not new.isdigit():
            parts[index] = new
            text = " ".join(parts)
            return text.upper() if rng.random() < 0.5 else text.title()
    raise RuntimeError("no typo for " + mark)


def evade(rng, family, mark, script, lang, words):
    """The mark as it appears in an infringing listing of `family`, and the variant's name."""
    letters = mark.replace(" ", "")
    if family in ("exact", "description-only"):
        return rng.choice([mark, mark.title()]) if script == "latin" else mark, "plain"
    if family == "case-spacing":
        options = ["spaced"]
        if script in ("latin", "cyrillic"):
            options += ["lower", "alternating", "fullwidth"]
        option = rng.choice(options)
        if option == "lower":
            return mark.lower(), option
        if option == "alternating":
            return "".join(ch.lower() if i % 2 else ch.upper() for i, ch in enumerate(mark)), option
        if option == "fullwidth":
            return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in mark), option
        return " ".join(letters) if rng.random() < 0.7 else " ".join(w[:len(w) // 2] + " " + w[len(w) // 2:]
                                                                     for w in mark.split()), option
    if family == "separators":
        separator = rng.choice(SEPARATORS)
        if rng.random() < 0.6:
            return separator.join(letters), "all:" + separator
        cut = rng.randrange(1, len(letters))
        return letters[:cut] + separator + letters[cut:], "one:" + separator
    if family == "lookalike":
        base = mark if script == "cyrillic" else rng.choice([mark, mark.title()])
        table = TO_OTHER if script == "latin" else TO_LATIN
        positions = [i for i, ch in enumerate(base) if ch in table]
        chosen = set(rng.sample(positions, rng.randint(1, min(3, len(positions)))))
        return "".join(rng.choice(table[ch]) if i in chosen else ch for i, ch in enumerate(base)), "mixed-script"
    if family == "leetspeak":
        base = rng.choice([mark, mark.lower(), mark.title()])
        positions = [i for i, ch in enumerate(base) if ch.lower() in LEET]
        chosen = set(rng.sample(positions, rng.randint(1, len(positions))))
        return "".join(rng.choice(LEET[ch.lower()]) if i in chosen else ch for i, ch in enumerate(base)), "leet"
    if family == "typo":
        return typo(rng, mark, words), "one-edit"
    if family == "glued":
        word = rng.choice(GLUE.get(lang, GLUE["en"]))
        body = rng.choice([letters, letters.lower(), "".join(w.title() for w in mark.split())])
        if rng.random() < 0.5:
            return word + body, "prefix"
        return body + word, "suffix"
    if family == "han-variant":
        return "".join(TRADITIONAL.get(ch, ch) for ch in mark), "traditional"
    if family == "kana-variant":
        if rng.random() < 0.5:
            return hiragana(mark), "hiragana"
        return "".join(HALFWIDTH.get(ch, ch) for ch in mark), "halfwidth"
    raise ValueError(family)


def join(lang, parts):
    return ("" if lang in ("zh", "ja") else " ").join(parts)


def filler(rng, lang, count):
    return join(lang, rng.sample(FILLER[lang], min(count, len(FILLER[lang]))))


def sentences(lang, text):
    marks = "。" if lang in ("zh", "ja") else "."
    out, current = [], ""
    for ch in text:
        current += ch
        if ch in marks:
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out


SYNONYMS = {"long": "extended", "soft": "gentle", "single": "one", "small": "little", "about": "roughly",
            "wet": "damp", "open": "exposed", "years": "a long time", "cada": "todo", "apenas": "solo",
            "ganzen": "vollen", "kleine": "winzige", "petit": "mini", "rapide": "express",
            "тёплый": "мягкий", "плавным": "лёгким", "not": "never"}


def edit_text(rng, lang, text):
    if lang in ("zh", "ja"):
        chars = list(text)
        for _ in range(max(2, len(chars) // 25)):
            position = rng.randrange(len(chars))
            if rng.random() < 0.5:
                del chars[position]
            else:
                chars.insert(position, rng.choice(["很", "也", "更", "非常"] if lang == "zh" else ["も", "とても"]))
        return "".join(chars)
    words = text.split()
    out = []
    for word in words:
        roll = rng.random()
        core = word.strip(".,")
        if core.lower() in SYNONYMS and roll < 0.7:
            out.append(word.replace(core, SYNONYMS[core.lower()]))
        elif roll < 0.05:
            continue
        elif roll < 0.09:
            out.extend([word, rng.choice(["really", "truly", "very"] if lang == "en" else ["—"])])
        else:
            out.append(word)
    edited = " ".join(out)
    parts = sentences(lang, edited)
    if len(parts) > 2 and rng.random() < 0.5:
        i = rng.randrange(len(parts) - 1)
        parts[i], parts[i + 1] = parts[i + 1], parts[i]
    return " ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="unseen-set")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--listings", type=int, default=1200)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    words = real_words()
    os.makedirs(os.path.join(arguments.out, "texts"), exist_ok=True)

    # Registry.
    rights, brands = [], []
    number = 7100000
    for name, marks, category, common in BRANDS:
        entry = {"name": name, "marks": []}
        for text, script in marks:
            number += 137
            jurisdiction = {"han": "CN", "kana": "JP", "cyrillic": "RU"}.get(script, "EU" if number % 2 else "US")
            right = {"id": f"tm-{jurisdiction.lower()}-{number}", "type": "trademark",
                     "registration": f"{jurisdiction} {number}", "jurisdiction": jurisdiction, "classes": [9]}
            if common:
                goods, seen = [], set()
                for keyword in list(PRODUCTS[category].values()) + EXTRA_GOODS.get(category, []):
                    if keyword.casefold() not in seen:
                        seen.add(keyword.casefold())
                        goods.append(keyword)
                right["goods"] = goods
            rights.append(right)
            entry["marks"].append({"text": text, "right": right["id"]})
        if name in TEXTS:
            slug = name.lower().replace(" ", "-")
            right = {"id": f"c-{slug}-copy", "type": "copyright", "registration": f"TX {number % 10}-{number % 1000:03d}-{number % 997:03d}",
                     "jurisdiction": "US"}
            rights.append(right)
            path = f"texts/{slug}-copy.txt"
            with open(os.path.join(arguments.out, path), "w", encoding="utf-8") as handle:
                handle.write(TEXTS[name][1] + "\n")
            entry["texts"] = [{"id": f"{slug}-copy", "path": path, "right": right["id"]}]
        entry["authorized_sellers"] = [f"{name.lower().replace(' ', '-')}-official"]
        brands.append(entry)
    import yaml
    with open(os.path.join(arguments.out, "registry.yaml"), "w", encoding="utf-8") as handle:
        handle.write("# Generated by Benchmarks/text/unseen/make_unseen_set.py --seed %d\n" % arguments.seed)
        yaml.safe_dump({"owner": "Unseen Set Holdings", "rights": rights, "brands": brands}, handle,
                       allow_unicode=True, sort_keys=False, width=200)

    category_of = {name: category for name, _, category, _ in BRANDS}
    marks_of = {name: marks for name, marks, _, _ in BRANDS}

    # The plan: kinds by share, families round-robin within a kind.
    total = arguments.listings
    counts = {"copy": total // 10, "fair-use": total // 10, "innocent": total // 4}
    counts["infringing"] = total - sum(counts.values())
    plan = []
    for kind, families in (("infringing", INFRINGING), ("copy", COPY), ("innocent", INNOCENT),
                           ("fair-use", ["nominative"])):
        plan += [(kind, families[i % len(families)]) for i in range(counts[kind])]
    rng.shuffle(plan)

    dumps, labels = [], []
    for index, (kind, family) in enumerate(plan):
        listing_id = f"u-{index + 1:05d}"
        label = {"listing_id": listing_id, "kind": kind, "brand": None, "family": family}
        if kind == "infringing":
            choices = [(name, text, script) for name, marks, _, _ in BRANDS for text, script in marks
                       if applicable(family, text, script)]
            name, mark, script = rng.choice(choices)
            lang = language_for(rng, script)
            product = PRODUCTS[category_of[name]][lang]
            form, variant = evade(rng, family, mark, script, lang, words)
            adjective = rng.choice(ADJ[lang])
            if family == "description-only":
                title = rng.choice(GENERIC_TITLE[lang]).format(p=product, a=adjective)
                description = join(lang, [filler(rng, lang, 1), rng.choice(MENTION[lang]).format(m=form),
                                          filler(rng, lang, 2)])
            else:
                title = rng.choice(TITLE[lang]).format(m=form, p=product, a=adjective)
                description = filler(rng, lang, 3)
            label.update(brand=name, mark=mark, variant=variant, language=lang, form=form)
        elif kind == "copy":
            name = rng.choice(sorted(TEXTS))
            lang, text = TEXTS[name]
            product = PRODUCTS[category_of[name]][lang]
            title = rng.choice(GENERIC_TITLE[lang]).format(p=product, a=rng.choice(ADJ[lang]))
            if family == "copy-whole":
                body = text if rng.random() < 0.5 else "\n".join(sentences(lang, text))
                description = body if rng.random() < 0.5 else join(lang, [body, filler(rng, lang, 1)])
            elif family == "copy-partial":
                parts = sentences(lang, text)
                size = max(2, round(len(parts) * rng.uniform(0.4, 0.7)))
                start = rng.randrange(0, len(parts) - size + 1)
                description = join(lang, [filler(rng, lang, 1)] + parts[start:start + size] + [filler(rng, lang, 2)])
            else:
                description = edit_text(rng, lang, text)
            label.update(brand=name, language=lang)
        elif kind == "fair-use":
            name, marks, category, _ = rng.choice(BRANDS)
            mark, script = rng.choice(marks)
            lang = language_for(rng, script)
            shown = rng.choice([mark, mark.title()]) if script == "latin" else mark
            title = rng.choice(FAIR[lang]).format(m=shown, p=PRODUCTS[category][lang], x=rng.choice(PARTS[lang]))
            description = join(lang, [FAIR_NOTE[lang].format(m=shown), filler(rng, lang, 2)])
            label.update(brand=name, mark=mark, language=lang)
        elif family == "generic":
            lang = rng.choice(LANGS)
            category = rng.choice(sorted(PRODUCTS))
            title = rng.choice(GENERIC_TITLE[lang]).format(p=PRODUCTS[category][lang], a=rng.choice(ADJ[lang]))
            description = filler(rng, lang, 3)
            label.update(language=lang)
        elif family == "lookalike-word":
            name, lang, title, _ = rng.choice(LOOKALIKE)
            description = filler(rng, lang, 3)
            label.update(brand=name, language=lang)
        elif family == "han-straddle":
            name, title = rng.choice(STRADDLE)
            lang = "zh"
            description = filler(rng, lang, 3)
            label.update(brand=name, language=lang)
        else:
            name = rng.choice(sorted(OUTSIDE))
            lang, title = rng.choice(OUTSIDE[name])
            description = filler(rng, lang, 3)
            label.update(brand=name, language=lang)
        marketplace = rng.choice(["amazon", "ebay", "temu", "aliexpress", "mercadolibre"])
        seller = f"s-{rng.randrange(1000, 9999)}"
        dumps.append({"marketplace": marketplace, "listing_id": listing_id,
                      "url": f"https://{marketplace}.example/item/{listing_id}",
                      "captured_at": f"2026-12-01T{index % 24:02d}:{index % 60:02d}:00Z",
                      "title": unicodedata.normalize("NFC", title) if label.get("variant") != "fullwidth" else title,
                      "description": description, "price": round(rng.uniform(3, 180), 2),
                      "currency": rng.choice(["USD", "EUR", "CNY", "JPY", "RUB"]), "seller_id": seller,
                      "seller_name": f"Store {seller.upper()}", "seller_url": f"https://{marketplace}.example/store/{seller}",
                      "images": []})
        labels.append(label)

    with open(os.path.join(arguments.out, "dump.jsonl"), "w", encoding="utf-8") as handle:
        for row in dumps:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(os.path.join(arguments.out, "labels.jsonl"), "w", encoding="utf-8") as handle:
        for row in labels:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    summary = {}
    for label in labels:
        key = f"{label['kind']}/{label['family']}"
        summary[key] = summary.get(key, 0) + 1
    print(json.dumps({"out": arguments.out, "seed": arguments.seed, "listings": len(dumps),
                      "marks": sum(len(b["marks"]) for b in brands), "brands": len(brands),
                      "families": dict(sorted(summary.items()))}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
