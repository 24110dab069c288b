"""The invented brands of the held-out text set, their marks, goods, and the ordinary uses of their words.

Each brand lists: its marks (text and script), the languages its listings are written in, the product keys of the goods
its trademark covers (`goods`) and of the accessories sold for them (`accessories`, for fair use), its Nice classes,
and the hard negatives that only make sense for it: ordinary phrases with a real word one edit from the mark
(`near_miss`), words that contain the mark (`inside`), and uses of a common-word mark on other goods (`ordinary`).
Phrases carry the language and the product key their listing is about. `goods_listed` says whether the registry
lists the goods keywords on the right (all common-word marks do; about half of the others).
"""

from dataclasses import dataclass, field


@dataclass
class MarkSpec:
    text: str
    script: str  # latin, cyrillic, han, kana
    tags: tuple = ()  # digits, two-word, common-word, short-han, traditional


@dataclass
class BrandSpec:
    name: str
    marks: list
    languages: list
    goods: list
    accessories: list
    classes: list
    jurisdiction: str
    copy_language: str
    goods_listed: bool = True
    near_miss: list = field(default_factory=list)  # (language, phrase, product)
    inside: list = field(default_factory=list)  # (language, phrase, product)
    ordinary: list = field(default_factory=list)  # (language, phrase, product)
    boundary: list = field(default_factory=list)  # (language, phrase, product): Han mark across two words


BRANDS = [
    BrandSpec("Quintaro", [MarkSpec("QUINTARO", "latin")], ["en", "es", "it", "de", "fr", "zh"],
              ["sneakers", "sports_tee"], ["shoelaces", "insoles"], [25], "EU", "en", goods_listed=False),
    BrandSpec("Garan", [MarkSpec("GARAN", "latin")], ["de", "fr", "es", "it", "en"],
              ["drill", "grinder"], ["drill_bits", "battery"], [7, 8], "EU", "de",
              near_miss=[("es", "Gran capacidad, gran potencia", "drill"), ("es", "Gran oferta de verano", "poster"),
                         ("de", "Garant für Qualität", "mug")],
              inside=[("de", "2 Jahre Garantie", "drill"), ("de", "mit Garantie und Rechnung", "grinder"),
                      ("de", "garantiert langlebig", "umbrella"), ("fr", "garantie 2 ans", "drill"),
                      ("fr", "satisfait ou remboursé, garanti 1 an", "desk_lamp"), ("es", "garantía de 12 meses", "grinder"),
                      ("es", "con garantía oficial", "phone_case"), ("it", "garanzia 24 mesi", "drill"),
                      ("it", "garanzia italiana", "water_bottle")]),
    BrandSpec("Salveo", [MarkSpec("Salveo", "latin")], ["en", "it", "es", "fr"],
              ["yoga_mat", "resistance_band"], ["carry_case"], [28], "EU", "en", goods_listed=False,
              near_miss=[("en", "Healing lip salve with beeswax", "ointment"), ("en", "Herbal salve tin, 30 g", "ointment"),
                         ("it", "Salve a tutti, spedizione veloce", "socks"), ("es", "Todo incluido salvo el envío", "yoga_mat")]),
    BrandSpec("Nevora", [MarkSpec("NEVORA", "latin"), MarkSpec("ネヴォラ", "kana")], ["es", "en", "it", "ja"],
              ["blender", "air_fryer"], ["blender_jar", "fryer_liners"], [7, 11], "EU", "es",
              near_miss=[("es", "Nevera portátil 12V para coche", "fridge"), ("es", "Nevera de camping 25 litros", "fridge"),
                         ("es", "Organizador para nevera", "water_bottle")]),
    BrandSpec("Marlen", [MarkSpec("Marlen", "latin")], ["de", "en", "fr"],
              ["paint_set", "sketchbook"], ["brush_set"], [16], "EU", "de",
              near_miss=[("de", "Malen nach Zahlen für Erwachsene", "paint_set"), ("de", "Malen mit Wasserfarben", "sketchbook"),
                         ("en", "Blue marlin fishing lure", "fishing_lure"), ("de", "Marken Kaffeebecher", "mug")]),
    BrandSpec("Polvera", [MarkSpec("POLVERA", "latin")], ["it", "es", "fr", "en"],
              ["face_powder", "lipstick"], ["powder_puff", "brush_set"], [3], "EU", "it", goods_listed=False,
              near_miss=[("it", "Cipria in polvere opacizzante", "face_powder"), ("it", "Caffè in polvere per moka", "coffee"),
                         ("es", "Pollera plisada de verano", "dress")]),
    BrandSpec("Novik8", [MarkSpec("NOVIK8", "latin", ("digits",))], ["en", "ru", "de", "zh"],
              ["smartwatch", "fitness_tracker"], ["watch_band", "charger"], [9, 14], "US", "en"),
    BrandSpec("Travix", [MarkSpec("TRAVIX 360", "latin", ("digits", "two-word"))], ["en", "es", "fr", "ja"],
              ["action_camera"], ["mount", "battery", "carry_case"], [9], "US", "en", goods_listed=False),
    BrandSpec("Copper Finch", [MarkSpec("Copper Finch", "latin", ("two-word", "common-word"))], ["en"],
              ["headphones", "earbuds"], ["ear_pads", "ear_tips", "carry_case"], [9], "US", "en",
              near_miss=[("en", "Over-ear headphones, copper finish", "headphones"),
                         ("en", "Desk lamp with copper finish", "desk_lamp")],
              ordinary=[("en", "Copper finch bird feeder for the garden", "bird_feeder"),
                        ("en", "Copper finch garden ornament, handmade", "garden_ornament"),
                        ("en", "Finch figurine in hammered copper", "garden_ornament"),
                        ("en", "House finch art print, copper frame", "poster"),
                        ("en", "Copper finch brooch, enamel", "brooch")]),
    BrandSpec("Velden Ridge", [MarkSpec("Velden Ridge", "latin", ("two-word",))], ["en", "de"],
              ["tent", "rain_jacket"], ["tent_pegs"], [22, 25], "EU", "en", goods_listed=False),
    BrandSpec("Velmar", [MarkSpec("Велмар", "cyrillic"), MarkSpec("VELMAR", "latin")], ["ru", "en"],
              ["boots", "loafers"], ["insoles", "shoelaces"], [25], "RU", "ru"),
    BrandSpec("Kraston", [MarkSpec("Крастон", "cyrillic")], ["ru"],
              ["drill", "grinder"], ["drill_bits", "battery"], [7], "RU", "ru", goods_listed=False),
    BrandSpec("Lastochka", [MarkSpec("Ласточка", "cyrillic", ("common-word",))], ["ru"],
              ["stroller"], ["rain_cover"], [12], "RU", "ru",
              ordinary=[("ru", "Брошь ласточка с эмалью", "brooch"), ("ru", "Ночник Ласточка для детской", "night_light"),
                        ("ru", "Наклейка на стену «Ласточка»", "wall_sticker"), ("ru", "Книга «Ласточка» для детей", "book"),
                        ("ru", "Открытка ласточка ручной работы", "greeting_card"), ("ru", "Кулон ласточка, серебро", "necklace")]),
    BrandSpec("Yafeng", [MarkSpec("雅风", "han", ("short-han",))], ["zh"],
              ["dress", "blouse"], ["garment_bag"], [25], "CN", "zh",
              boundary=[("zh", "优雅风格", "dress"), ("zh", "高雅风范", "blouse"), ("zh", "优雅风情", "candle"),
                        ("zh", "典雅风格", "tea_set")]),
    BrandSpec("Huale", [MarkSpec("华乐", "han", ("short-han",))], ["zh"],
              ["speaker", "headphones"], ["ear_pads", "charger"], [9], "CN", "zh", goods_listed=False,
              boundary=[("zh", "中华乐器", "instrument"), ("zh", "豪华乐高", "toy_blocks"), ("zh", "奢华乐享", "speaker"),
                        ("zh", "豪华乐队", "poster")]),
    BrandSpec("Jinfeng", [MarkSpec("金凤", "han", ("short-han",))], ["zh"],
              ["necklace", "bracelet"], ["chain_extender", "jewelry_box"], [14], "CN", "zh",
              boundary=[("zh", "黄金凤凰", "necklace"), ("zh", "合金凤凰", "garden_ornament"), ("zh", "现金凤爪", "poster")]),
    BrandSpec("Shangya", [MarkSpec("尚雅", "han", ("short-han",))], ["zh"],
              ["handbag", "shoulder_bag"], ["bag_strap"], [18], "CN", "zh", goods_listed=False,
              boundary=[("zh", "时尚雅致", "handbag"), ("zh", "高尚雅趣", "tea_set"), ("zh", "时尚雅痞", "sneakers")]),
    BrandSpec("Liqingxuan", [MarkSpec("麗晴軒", "han", ("traditional",))], ["zh"],
              ["tea_set", "teapot"], ["tea_strainer"], [21], "TW", "zh"),
    BrandSpec("Qingting", [MarkSpec("蜻蜓", "han", ("common-word",))], ["zh"],
              ["drone"], ["propellers", "battery", "remote"], [9, 12], "CN", "zh",
              ordinary=[("zh", "蜻蜓发夹", "hair_clip"), ("zh", "蜻蜓胸针复古", "brooch"), ("zh", "蜻蜓标本装饰画", "poster"),
                        ("zh", "儿童绘本小蜻蜓", "book"), ("zh", "蜻蜓图案墙贴", "wall_sticker")]),
    BrandSpec("Rameru", [MarkSpec("ラメル", "kana")], ["ja"],
              ["handbag", "shoulder_bag"], ["bag_strap"], [18], "JP", "ja",
              inside=[("ja", "キャラメルブラウン", "handbag"), ("ja", "キャラメル", "popcorn"), ("ja", "カラメル色", "candle"),
                      ("ja", "塩キャラメル味", "coffee")]),
    BrandSpec("Rista", [MarkSpec("リスタ", "kana")], ["ja"],
              ["wristwatch"], ["watch_band"], [14], "JP", "ja", goods_listed=False,
              inside=[("ja", "クリスタルガラス", "wristwatch"), ("ja", "バリスタ監修", "coffee"), ("ja", "クリスタル", "glassware"),
                      ("ja", "リスタート", "book")]),
    BrandSpec("Soyoka", [MarkSpec("そよか", "kana")], ["ja"],
              ["electric_fan", "towel"], ["remote", "filter"], [11, 24], "JP", "ja",
              inside=[("ja", "そよかぜモード搭載", "electric_fan"), ("ja", "そよかぜ", "candle"), ("ja", "そよかぜの香り", "candle")]),
    BrandSpec("Lantern", [MarkSpec("LANTERN", "latin", ("common-word",))], ["en", "de", "fr", "es"],
              ["earbuds", "speaker"], ["ear_tips", "charger"], [9], "US", "en",
              near_miss=[("fr", "Lanterne solaire de jardin", "garden_ornament"), ("it", "Lanterna da campeggio LED", "desk_lamp")],
              ordinary=[("en", "Solar camping lantern, LED", "desk_lamp"), ("en", "Paper lantern set of 10", "garden_ornament"),
                        ("en", "Lantern festival poster", "poster"), ("en", "Moroccan lantern candle holder", "candle"),
                        ("en", "Lantern fairy lights for the patio", "night_light")]),
    BrandSpec("Thistle", [MarkSpec("Thistle", "latin", ("common-word",))], ["en"],
              ["kettle", "teapot"], ["kettle_lid", "filter"], [11, 21], "UK", "en",
              near_miss=[("en", "Safety whistle with lanyard", "keychain"), ("en", "Tin whistle for beginners", "instrument")],
              ordinary=[("en", "Milk thistle capsules 500 mg", "capsules"), ("en", "Scottish thistle brooch", "brooch"),
                        ("en", "Thistle seeds for a wildflower garden", "seeds"),
                        ("en", "Thistle embroidered greeting card", "greeting_card"), ("en", "Thistle print coffee mug", "mug")]),
    BrandSpec("Wolke", [MarkSpec("WOLKE", "latin", ("common-word",))], ["de"],
              ["pillow", "duvet"], ["pillowcase"], [20, 24], "EU", "de",
              near_miss=[("de", "Wolle zum Stricken, 10 Knäuel", "wool"), ("de", "Merino Wolle weich", "wool")],
              ordinary=[("de", "Wolke Nachtlicht für Kinder", "night_light"), ("de", "Wandtattoo Wolke Kinderzimmer", "wall_sticker"),
                        ("de", "Puzzle Wolke über den Bergen", "puzzle"), ("de", "Regenbogen und Wolke Haarspange", "hair_clip"),
                        ("de", "Wolke Schlüsselanhänger", "keychain")]),
]
