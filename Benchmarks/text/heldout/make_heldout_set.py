#!/usr/bin/env python3
"""Generates the held-out text set: listings nobody tuned the text matcher on (issue 17).

    python3 Benchmarks/text/heldout/make_heldout_set.py --out FOLDER [--seed 17] [--listings 1500] [--no-goods]

Writes FOLDER/registry.yaml (25 invented brands, 27 word marks, their rights with classes and goods keywords, one
registered product copy per brand in FOLDER/texts/), FOLDER/dump.jsonl (the listings, as a marketplace export),
FOLDER/labels.jsonl (one label per listing: kind, family, brand, and how the listing was made) and
FOLDER/summary.json (counts). Everything follows from the seed and the installed `wordfreq` (common words of eight
languages, drawn at generation time; nothing of it is stored here). `--no-goods` leaves the `goods:` keywords out of
the registry, for a loader that does not know the field.

Written from the task's description only (see README.md beside it): it shares no code, marks, templates or word
lists with `Benchmarks/text/make_text_set.py`.
"""

import argparse
import collections
import importlib.metadata
import json
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from brands import BRANDS  # noqa: E402
from vocabulary import (  # noqa: E402
    ADJECTIVES, COLORS, COPY_SENTENCES, DISCLAIMERS, EXTRAS, FAIR_USE, LANGUAGES, MATERIALS, MENTIONS,
    PLAIN_TITLES, PRODUCTS, SENTENCES, SIZES, TAG_LINES, TITLES)

try:
    import opencc
    from wordfreq import top_n_list
except ImportError as error:  # pragma: no cover
    sys.exit(f"make_heldout_set.py needs wordfreq and opencc (pip install wordfreq opencc): {error}")

# How the default 1,500 listings divide; scaled to --listings.
QUOTAS = [
    ("infringing", "exact", 70), ("infringing", "case-spacing", 70), ("infringing", "separators", 70),
    ("infringing", "homoglyph", 70), ("infringing", "leet", 60), ("infringing", "typo", 100),
    ("infringing", "glued", 60), ("infringing", "han-variant", 50), ("infringing", "kana-width", 50),
    ("infringing", "description-only", 70),
    ("copy", "copy-whole", 30), ("copy", "copy-partial", 40), ("copy", "copy-edited", 40),
    ("innocent", "generic", 190), ("innocent", "han-boundary", 70), ("innocent", "inside-word", 45),
    ("innocent", "near-miss", 80), ("innocent", "common-word", 85),
    ("fair-use", "fair-compatible", 60), ("fair-use", "fair-for", 60), ("fair-use", "fair-replacement", 60),
    ("fair-use", "fair-fits", 60),
]

MARKETPLACES = {
    "en": [("amazon.com", "USD"), ("ebay.com", "USD"), ("walmart.com", "USD")],
    "es": [("mercadolibre", "MXN"), ("amazon.es", "EUR")],
    "de": [("amazon.de", "EUR"), ("otto.de", "EUR"), ("ebay.de", "EUR")],
    "fr": [("cdiscount", "EUR"), ("amazon.fr", "EUR")],
    "it": [("amazon.it", "EUR"), ("ebay.it", "EUR")],
    "ru": [("ozon", "RUB"), ("wildberries", "RUB")],
    "zh": [("taobao", "CNY"), ("jd", "CNY"), ("1688", "CNY")],
    "ja": [("rakuten", "JPY"), ("mercari", "JPY"), ("amazon.co.jp", "JPY")],
}

# Stems of cue words kept out of the filler vocabulary, so that no infringing listing reads as fair use or as a
# declared counterfeit by accident.
CUE_STEMS = [
    "compat", "replac", "fits", "para", "pour", "with", "avec", "mit", "kompat", "ersatz", "passend", "remplac",
    "rechang", "ricamb", "repuest", "recamb", "origin", "authent", "genuin", "genuí", "replic", "fake", "counterf",
    "imitat", "inspir", "style", "dupe", "copy", "copie", "kopie", "copia", "falso", "fälsch", "совмест", "замен",
    "подход", "подлин", "оригин", "копи", "подделк", "реплик", "стиль", "для", "兼容", "适", "替", "通用", "专用",
    "正品", "原装", "仿", "复刻", "同款", "対応", "互換", "用", "交換", "純正", "本物", "偽", "コピー", "オリジナル",
    "風", "like", "такой", "como", "comme", "come", "wie",
]

# Keyboards for typos: neighbours of each key.
QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
JCUKEN = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]

CYRILLIC_LOOKALIKE_OF_LATIN = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "j": "ј",
                               "s": "ѕ", "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М",
                               "O": "О", "P": "Р", "T": "Т", "X": "Х", "I": "І", "S": "Ѕ", "J": "Ј"}
GREEK_LOOKALIKE_OF_LATIN = {"A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο",
                            "P": "Ρ", "T": "Τ", "X": "Χ", "Y": "Υ", "Z": "Ζ", "o": "ο", "v": "ν", "i": "ι"}
LATIN_LOOKALIKE_OF_CYRILLIC = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "А": "A",
                               "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
                               "Т": "T", "Х": "X"}
ACCENTS = {"a": "áàäâ", "e": "éèëê", "i": "íìïî", "o": "óòöô", "u": "úùüû", "n": "ñ", "c": "ç",
           "A": "ÁÀÄÂ", "E": "ÉÈËÊ", "I": "ÍÌÏÎ", "O": "ÓÒÖÔ", "U": "ÚÙÜÛ", "N": "Ñ", "C": "Ç"}
LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "l": "1", "g": "9", "b": "8", "z": "2"}
SEPARATORS = ["-", ".", "_", "·", "*", "/", "•", "|", "\u200b", "\u00ad", "'", "~"]
GLUE_SUFFIXES = ["2024", "Pro", "Max", "X2", "Plus", "Mini", "Store", "Shop"]
GLUE_PREFIXES = ["#", "New", "2024", "Top", "@"]
# Words that stand in for a removed mark in a copy whose brand name was taken out.
UNBRANDED = {"en": "this", "es": "esta", "de": "diese", "fr": "cette", "it": "questa", "ru": "эта", "zh": "本品",
             "ja": "当店"}


def is_latin_word(word):
    return all(unicodedata.category(ch).startswith("L") and ord(ch) < 0x250 for ch in word)


def is_cyrillic_word(word):
    return all("\u0400" <= ch <= "\u04ff" for ch in word)


def is_han(word):
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def is_katakana(word):
    return all("\u30a0" <= ch <= "\u30ff" for ch in word)


class Words:
    """Common words of each language (wordfreq, top 50,000), the filler pools drawn from them, and the guards."""

    def __init__(self, marks):
        self.top = {lang: top_n_list(lang, 50000) for lang in LANGUAGES + ["pt"]}
        self.common = set()
        for words in self.top.values():
            self.common.update(words)
        folded_marks = [fold(mark) for mark in marks]
        mark_words = {part for mark in folded_marks for part in mark.split() if len(part) >= 4 or not part.isascii()}
        self.filler = {}
        for lang in LANGUAGES:
            pool = []
            for word in self.top[lang][400:20000]:
                if lang in ("en", "es", "de", "fr", "it"):
                    keep = len(word) >= 4 and is_latin_word(word)
                elif lang == "ru":
                    keep = len(word) >= 4 and is_cyrillic_word(word)
                elif lang == "zh":
                    keep = len(word) in (2, 3) and is_han(word)
                else:
                    keep = (len(word) >= 3 and is_katakana(word)) or (len(word) == 2 and is_han(word))
                if not keep or any(stem in word for stem in CUE_STEMS):
                    continue
                folded = fold(word)
                if any(mark in folded for mark in folded_marks) or any(part in folded for part in mark_words):
                    continue
                pool.append(word)
            self.filler[lang] = pool
        self.zh_two = [w for w in self.top["zh"][:20000] if len(w) == 2 and is_han(w)]
        self._folded = {}

    def folded(self, lang, limit=30000):
        """The top words of a language with their folded forms (computed once)."""
        if lang not in self._folded:
            self._folded[lang] = [(word, fold(word)) for word in self.top[lang][:limit]]
        return self._folded[lang]


_t2s = opencc.OpenCC("t2s")
_s2t = opencc.OpenCC("s2t")
_t2jp = opencc.OpenCC("t2jp")


def fold(text):
    """What a careful reader sees: NFKC, case folded, traditional Han as simplified, invisible characters dropped."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u200b", "").replace("\u00ad", "")
    return _t2s.convert(text)


def keyboard_neighbours(letter):
    lower = letter.lower()
    rows = QWERTY if lower.isascii() else JCUKEN
    for r, keys in enumerate(rows):
        c = keys.find(lower)
        if c < 0:
            continue
        found = set()
        for dr in (-1, 0, 1):
            if 0 <= r + dr < len(rows):
                for dc in (-1, 0, 1):
                    if (dr, dc) != (0, 0) and 0 <= c + dc < len(rows[r + dr]):
                        found.add(rows[r + dr][c + dc])
        return sorted(found)
    return []


def match_case(template, letter):
    return letter.upper() if template.isupper() else letter


def halfwidth_katakana(text):
    table = {}
    for code in range(0xFF61, 0xFFA0):
        table[unicodedata.normalize("NFKC", chr(code))] = chr(code)
    out = []
    for ch in text:
        if ch in table:
            out.append(table[ch])
            continue
        base = unicodedata.normalize("NFD", ch)
        if len(base) == 2 and base[0] in table and base[1] in ("\u3099", "\u309a"):
            out.append(table[base[0]] + ("\uff9e" if base[1] == "\u3099" else "\uff9f"))
        else:
            out.append(ch)
    return "".join(out)


def swap_kana(text):
    """Katakana as hiragana and hiragana as katakana."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0x30A1 <= code <= 0x30F6:
            out.append(chr(code - 0x60))
        elif 0x3041 <= code <= 0x3096:
            out.append(chr(code + 0x60))
        else:
            out.append(ch)
    return "".join(out)


def fullwidth(text):
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ("\u3000" if ch == " " else ch) for ch in text)


def display_case(rng, mark):
    """The mark as a seller might type it when not evading: as registered, in capitals, or capitalised."""
    if not any(ch.isalpha() and ch.lower() != ch.upper() for ch in mark):
        return mark
    return rng.choice([mark, mark, mark.upper(), " ".join(part.capitalize() for part in mark.split(" "))])


class Evasions:
    """Each family turns a registered mark into what an infringer writes, or says it does not apply (None)."""

    def __init__(self, words):
        self.words = words

    def exact(self, rng, spec):
        return spec.text, "registered"

    def case_spacing(self, rng, spec):
        mark = spec.text
        options = []
        if spec.script in ("latin", "cyrillic"):
            options += [("lower", mark.lower()), ("upper", mark.upper()), ("title", mark.title()),
                        ("alternating", "".join(ch.upper() if i % 2 else ch.lower() for i, ch in enumerate(mark))),
                        ("letter-spaced", " ".join(ch for ch in mark.upper() if ch != " "))]
            if " " in mark:
                options += [("joined", mark.replace(" ", "")), ("joined-lower", mark.replace(" ", "").lower()),
                            ("double-space", mark.replace(" ", "  "))]
            elif re.search(r"[A-Za-z]\d", mark):
                options.append(("letters-digits-apart", re.sub(r"([A-Za-z])(\d)", r"\1 \2", mark)))
            else:
                cut = rng.randrange(2, len(mark) - 1)
                options.append(("split", mark[:cut] + " " + mark[cut:]))
        else:
            options += [("spaced", " ".join(mark)), ("ideographic-space", "\u3000".join(mark))]
        options = [(name, text) for name, text in options if text != mark]
        name, text = rng.choice(options)
        return text, name

    def separators(self, rng, spec):
        mark = spec.text
        sep = rng.choice(SEPARATORS)
        name = {"\u200b": "zero-width-space", "\u00ad": "soft-hyphen"}.get(sep, "punctuation")
        chars = list(mark)
        if rng.random() < 0.5 or len(chars) <= 3:
            # Between every two letters (spaces of a two-word mark stay).
            out = chars[0]
            for previous, ch in zip(chars, chars[1:]):
                out += ch if " " in (previous, ch) else sep + ch
            return out, name + "-all"
        positions = [i for i in range(1, len(chars)) if chars[i] != " " and chars[i - 1] != " "]
        cut = rng.choice(positions)
        return mark[:cut] + sep + mark[cut:], name + "-one"

    def homoglyph(self, rng, spec):
        mark = spec.text
        if spec.script == "cyrillic":
            places = [i for i, ch in enumerate(mark) if ch in LATIN_LOOKALIKE_OF_CYRILLIC]
            if not places:
                return None
            chosen = places if rng.random() < 0.4 else rng.sample(places, rng.randint(1, min(2, len(places))))
            return "".join(LATIN_LOOKALIKE_OF_CYRILLIC[ch] if i in chosen else ch for i, ch in enumerate(mark)), \
                "latin-in-cyrillic"
        if spec.script != "latin":
            return None
        shown = display_case(rng, mark)
        kind = rng.choice(["cyrillic", "cyrillic", "greek", "accent"])
        table = {"cyrillic": CYRILLIC_LOOKALIKE_OF_LATIN, "greek": GREEK_LOOKALIKE_OF_LATIN,
                 "accent": {k: v[0] for k, v in ACCENTS.items()}}[kind]
        places = [i for i, ch in enumerate(shown) if ch in table]
        if not places:
            table, kind = CYRILLIC_LOOKALIKE_OF_LATIN, "cyrillic"
            places = [i for i, ch in enumerate(shown) if ch in table]
        if not places:
            return None
        chosen = set(rng.sample(places, rng.randint(1, min(3, len(places)))))
        out = []
        for i, ch in enumerate(shown):
            if i in chosen:
                out.append(rng.choice(ACCENTS[ch]) if kind == "accent" else table[ch])
            else:
                out.append(ch)
        return "".join(out), kind + ("-all" if len(chosen) == len(places) else "")

    def leet(self, rng, spec):
        if spec.script != "latin":
            return None
        shown = display_case(rng, spec.text)
        places = [i for i, ch in enumerate(shown) if ch.lower() in LEET]
        if not places:
            return None
        chosen = set(rng.sample(places, rng.randint(1, min(3, len(places)))))
        text = "".join(rng.choice(LEET[ch.lower()]) if i in chosen else ch for i, ch in enumerate(shown))
        return text, f"{len(chosen)}-letter{'s' if len(chosen) > 1 else ''}"

    def typo(self, rng, spec):
        if spec.script not in ("latin", "cyrillic"):
            return None
        shown = display_case(rng, spec.text)
        tokens = re.findall(r"[^\W\d_]+|\d+|[\W_]+", shown)
        eligible = [i for i, token in enumerate(tokens) if token.isalpha() and len(token) >= 5]
        if not eligible:
            return None
        for _ in range(50):
            index = rng.choice(eligible)
            word = tokens[index]
            kind = rng.choice(["substitution", "insertion", "deletion", "transposition"])
            # Typing slips keep the first letter (a misspelt first letter is seldom how a mark is evaded).
            p = rng.randrange(1, len(word))
            if kind == "substitution":
                options = keyboard_neighbours(word[p])
                if not options:
                    continue
                edited = word[:p] + match_case(word[p], rng.choice(options)) + word[p + 1:]
            elif kind == "insertion":
                options = keyboard_neighbours(word[p]) + [word[p].lower()]
                edited = word[:p] + match_case(word[p], rng.choice(options)) + word[p:]
            elif kind == "deletion":
                edited = word[:p] + word[p + 1:]
            else:
                if p == len(word) - 1 or word[p].lower() == word[p + 1].lower():
                    continue
                edited = word[:p] + word[p + 1] + word[p] + word[p + 2:]
            if edited.lower() == word.lower() or edited.lower() in self.words.common:
                continue
            result = "".join(tokens[:index] + [edited] + tokens[index + 1:])
            where = "" if len(eligible) == 1 else f"-word{eligible.index(index) + 1}"
            return result, kind + where
        return None

    def glued(self, rng, spec):
        shown = display_case(rng, spec.text)
        if spec.script in ("han", "kana"):
            return rng.choice([(shown + rng.choice(["2024", "Pro", "X"]), "digits-or-latin-after"),
                               (rng.choice(["2024", "NEW", "#"]) + shown, "digits-or-latin-before")])
        if rng.random() < 0.5:
            suffix = rng.choice(GLUE_SUFFIXES)
            if shown.isupper() and suffix.isalpha():
                suffix = rng.choice([suffix, suffix.upper()])
            return shown + suffix, "suffix"
        prefix = rng.choice(GLUE_PREFIXES)
        return prefix + (shown.replace(" ", "") if prefix in "#@" else shown), "prefix"

    def han_variant(self, rng, spec):
        if spec.script != "han":
            return None
        mark = spec.text
        forms = []
        other = _t2s.convert(mark) if "traditional" in spec.tags else _s2t.convert(mark)
        if other != mark:
            forms.append((other, "simplified" if "traditional" in spec.tags else "traditional"))
            changed = [i for i, (a, b) in enumerate(zip(mark, other)) if a != b]
            if len(changed) >= 2:
                i = rng.choice(changed)
                forms.append((mark[:i] + other[i] + mark[i + 1:], "mixed"))
            japanese = _t2jp.convert(_s2t.convert(mark))
            if japanese not in (mark, other):
                forms.append((japanese, "japanese-form"))
        return rng.choice(forms) if forms else None

    def kana_width(self, rng, spec):
        mark = spec.text
        if spec.script == "kana":
            options = [(halfwidth_katakana(mark if is_katakana(mark) else swap_kana(mark)), "halfwidth-katakana"),
                       (swap_kana(mark), "hiragana" if is_katakana(mark) else "katakana")]
            return rng.choice([o for o in options if o[0] != mark])
        if spec.script == "latin":
            shown = display_case(rng, mark)
            if "digits" in spec.tags and rng.random() < 0.4:
                return re.sub(r"\d", lambda m: fullwidth(m.group()), shown), "fullwidth-digits"
            return fullwidth(shown), "fullwidth"
        return None


FAMILIES = {
    "exact": "exact", "case-spacing": "case_spacing", "separators": "separators", "homoglyph": "homoglyph",
    "leet": "leet", "typo": "typo", "glued": "glued", "han-variant": "han_variant", "kana-width": "kana_width",
}


class Generator:
    def __init__(self, seed, listings, goods):
        self.rng = random.Random(seed)
        self.seed = seed
        self.total = listings
        self.goods = goods
        self.marks = [(brand, spec) for brand in BRANDS for spec in brand.marks]
        self.words = Words([spec.text for _, spec in self.marks])
        self.evasions = Evasions(self.words)
        self.folded_marks = [(brand.name, fold(spec.text), spec) for brand, spec in self.marks]
        self.copies = {}
        self.rows = []

    # MARK: - Pieces of text

    def languages_for(self, brand, spec):
        if spec.script == "han":
            return ["zh"]
        if spec.script == "kana":
            return ["ja"]
        if spec.script == "cyrillic":
            return ["ru"]
        return [lang for lang in brand.languages if lang != "ja" or spec.text.isascii()]

    def tags(self, lang, count):
        return " ".join(self.rng.sample(self.words.filler[lang], count))

    def fill(self, template, lang, product, mark="", accessory=None, brand_product=None):
        rng = self.rng
        values = {
            "m": mark, "product": PRODUCTS[product][lang], "adj": rng.choice(ADJECTIVES[lang]),
            "color": rng.choice(COLORS[lang]), "extra": rng.choice(EXTRAS[lang]), "tags": self.tags(lang, rng.randint(1, 2)),
            "tag": self.tags(lang, 1), "material": rng.choice(MATERIALS[lang]), "n": str(rng.randint(2, 9)),
            "size": rng.choice(SIZES),
        }
        if accessory:
            values["acc"] = PRODUCTS[accessory][lang]
            values["product"] = PRODUCTS[brand_product][lang]
        text = template.format(**values)
        return re.sub(r"  +", " ", text).strip()

    def title(self, lang, product, mark=None):
        if mark is None:
            return self.fill(self.rng.choice(PLAIN_TITLES[lang]), lang, product)
        return self.fill(self.rng.choice(TITLES[lang]), lang, product, mark=mark)

    def description(self, lang, product, sentences=None):
        rng = self.rng
        picked = rng.sample(SENTENCES[lang], sentences or rng.randint(2, 4))
        parts = [self.fill(sentence, lang, product) for sentence in picked]
        if rng.random() < 0.35:
            parts.append(TAG_LINES[lang].format(tags=", ".join(self.words.filler[lang][i] for i in
                                                               rng.sample(range(len(self.words.filler[lang])), 4))))
        return self.join(lang, parts)

    @staticmethod
    def join(lang, parts):
        return ("" if lang in ("zh", "ja") else " ").join(parts)

    def other_marks(self, text, allowed_brand=None):
        """Brands whose mark a reader would see in the text (folded), other than the one allowed."""
        folded = fold(text)
        return {name for name, mark, _ in self.folded_marks if mark in folded and name != allowed_brand}

    # MARK: - Registry

    def registered_copy(self, brand):
        rng = self.rng
        lang = brand.copy_language
        mark = brand.marks[0].text if self.script_fits(brand.marks[0], lang) else brand.marks[-1].text
        pool = COPY_SENTENCES[lang]
        count = min(len(pool), rng.randint(5, 6))
        picked = sorted(rng.sample(range(len(pool)), count))
        if not any("{m}" in pool[i] for i in picked):
            picked[0] = next(i for i, s in enumerate(pool) if "{m}" in s)
            picked.sort()
        product = brand.goods[0]
        sentences = [self.fill(pool[i], lang, product, mark=mark) for i in picked]
        return lang, mark, sentences

    def script_fits(self, spec, lang):
        return lang in self.languages_for(next(b for b, s in self.marks if s is spec), spec)

    def write_registry(self, folder):
        rng = self.rng
        os.makedirs(os.path.join(folder, "texts"), exist_ok=True)
        lines = ["# Held-out text set (Benchmarks/text/heldout/make_heldout_set.py); invented brands and marks.",
                 "owner: Heldout Marks Holding", "rights:"]
        brand_lines = ["brands:"]
        numbers = set()
        for brand in BRANDS:
            slug = brand.name.lower().replace(" ", "-")
            number = rng.randint(1_000_000, 9_999_999)
            while number in numbers:
                number = rng.randint(1_000_000, 9_999_999)
            numbers.add(number)
            right = f"tm-{brand.jurisdiction.lower()}-{number}"
            fields = [f"id: {right}", "type: trademark",
                      f"registration: {json.dumps(f'{brand.jurisdiction} {number}')}",
                      f"jurisdiction: {brand.jurisdiction}", f"classes: {json.dumps(brand.classes)}"]
            if self.goods and brand.goods_listed:
                keywords = []
                for product in brand.goods:
                    for lang in LANGUAGES:
                        # Keywords are compared without case ("smartwatch", "Smartwatch"): each is listed once.
                        if PRODUCTS[product][lang].casefold() not in (k.casefold() for k in keywords):
                            keywords.append(PRODUCTS[product][lang])
                fields.append(f"goods: {json.dumps(keywords, ensure_ascii=False)}")
            lines.append("  - { " + ", ".join(fields) + " }")
            copyright_id = f"c-{slug}-copy"
            lines.append(f"  - {{ id: {copyright_id}, type: copyright, registration: "
                         f"\"TX {rng.randint(1, 9)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}\", jurisdiction: US }}")
            brand_lines += [f"  - name: {brand.name}", "    marks:"]
            for spec in brand.marks:
                brand_lines.append(f"      - {{ text: {json.dumps(spec.text, ensure_ascii=False)}, right: {right} }}")
            lang, mark, sentences = self.registered_copy(brand)
            self.copies[brand.name] = (lang, mark, sentences)
            path = f"texts/{slug}-copy.txt"
            with open(os.path.join(folder, path), "w", encoding="utf-8") as handle:
                handle.write(self.join(lang, sentences) + "\n")
            brand_lines += ["    texts:", f"      - {{ id: {slug}-copy, path: {path}, right: {copyright_id} }}"]
        with open(os.path.join(folder, "registry.yaml"), "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines + brand_lines) + "\n")

    # MARK: - Listings

    def add(self, lang, title, description, label):
        self.rows.append((lang, title, description, label))

    def cycle(self, items, count=None):
        """Items in a shuffled order, repeated as needed, so that every mark gets its share (at most 100 rounds)."""
        items = list(items)
        if not items:
            raise SystemExit("nothing to draw from")
        for _ in range(100 * max(1, count or 1)):
            order = list(items)
            self.rng.shuffle(order)
            yield from order
        raise SystemExit("a family could not be filled: too many drafts rejected")

    def infringing(self, family, count):
        method = getattr(self.evasions, FAMILIES[family])
        eligible = []
        for brand, spec in self.marks:
            trial = random.Random(0)
            if any(method(trial, spec) is not None for _ in range(5)):
                # Kana marks are few beside the Latin marks that also take width variants: give them their share.
                weight = 3 if family == "kana-width" and spec.script == "kana" else 1
                eligible += [(brand, spec)] * weight
        made = 0
        for brand, spec in self.cycle(eligible):
            if made == count:
                break
            result = method(self.rng, spec)
            if result is None:
                continue
            found, variant = result
            lang = self.rng.choice(self.languages_for(brand, spec))
            if variant == "japanese-form":
                lang = "ja"  # 華楽 is how a Japanese seller writes 华乐
            product = self.rng.choice(brand.goods)
            title = self.title(lang, product, mark=found)
            description = self.description(lang, product)
            if self.other_marks(title + "\n" + description, brand.name):
                continue
            self.add(lang, title, description, {"kind": "infringing", "family": family, "brand": brand.name,
                                                "mark": spec.text, "variant": variant, "field": "title", "found": found})
            made += 1

    def description_only(self, count):
        made = 0
        for brand, spec in self.cycle(self.marks):
            if made == count:
                break
            rng = self.rng
            lang = rng.choice(self.languages_for(brand, spec))
            product = rng.choice(brand.goods)
            found = display_case(rng, spec.text)
            template = rng.choice(MENTIONS[lang])
            variant = "search-terms" if "{tags}" in template else ("hashtag" if "#" in template else "sentence")
            mention = self.fill(template, lang, product, mark=found)
            parts = [self.fill(s, lang, product) for s in rng.sample(SENTENCES[lang], rng.randint(2, 4))]
            parts.insert(rng.randint(0, len(parts)), mention)
            title = self.title(lang, product)
            description = self.join(lang, parts)
            if self.other_marks(title + "\n" + description, brand.name) or self.other_marks(title):
                continue
            self.add(lang, title, description, {"kind": "infringing", "family": "description-only", "brand": brand.name,
                                                "mark": spec.text, "variant": variant, "field": "description",
                                                "found": found})
            made += 1

    def copy(self, family, count):
        made = 0
        for brand in self.cycle(BRANDS):
            if made == count:
                break
            rng = self.rng
            lang, mark, sentences = self.copies[brand.name]
            sentences = list(sentences)
            variant = []
            if family == "copy-whole":
                if rng.random() < 0.4:
                    sentences = [s.replace(mark, UNBRANDED[lang]) for s in sentences]
                    variant.append("unbranded")
                variant.append("whole")
            elif family == "copy-partial":
                run = rng.randint(3, max(3, len(sentences) - 1))
                start = rng.randint(0, len(sentences) - run)
                sentences = sentences[start:start + run]
                variant.append(f"{run}-of-{len(self.copies[brand.name][2])}-sentences")
                if rng.random() < 0.5:
                    sentences = [s.replace(mark, UNBRANDED[lang]) for s in sentences]
                    variant.append("unbranded")
            else:
                sentences, edits = self.edit(lang, mark, sentences)
                variant += edits
            product = brand.goods[0]
            own = [self.fill(s, lang, product) for s in rng.sample(SENTENCES[lang], rng.randint(1, 2))]
            if family != "copy-whole" or rng.random() < 0.5:
                cut = rng.randint(0, len(own))
                sentences = own[:cut] + sentences + own[cut:]
                variant.append("embedded")
            title = self.title(lang, product)
            description = self.join(lang, sentences)
            if self.other_marks(title + "\n" + description, brand.name) or self.other_marks(title):
                continue
            self.add(lang, title, description, {"kind": "copy", "family": family, "brand": brand.name, "mark": mark,
                                                "variant": "+".join(variant), "field": "description"})
            made += 1

    def edit(self, lang, mark, sentences):
        """Light edits of a copied text: a word dropped or changed here and there, numbers, order, the brand."""
        rng = self.rng
        edits = []
        out = []
        for sentence in sentences:
            if rng.random() < 0.5:
                if lang in ("zh", "ja"):
                    cut = rng.randrange(1, max(2, len(sentence) - 2))
                    sentence = sentence[:cut] + sentence[cut + rng.randint(1, 2):]
                else:
                    words = sentence.split(" ")
                    i = rng.randrange(len(words))
                    if rng.random() < 0.5 and len(words) > 4:
                        del words[i]
                    else:
                        words[i] = rng.choice(self.words.filler[lang])
                    sentence = " ".join(words)
                edits.append("word")
            sentence = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 3)), sentence)
            out.append(sentence)
        if len(out) > 2 and rng.random() < 0.5:
            i = rng.randrange(len(out) - 1)
            out[i], out[i + 1] = out[i + 1], out[i]
            edits.append("order")
        if rng.random() < 0.5:
            out = [s.replace(mark, UNBRANDED[lang]) for s in out]
            edits.append("unbranded")
        return out, sorted(set(edits)) or ["numbers"]

    def fair_use(self, family, count):
        phrasing = family.removeprefix("fair-")
        made = 0
        for brand, spec in self.cycle(self.marks):
            if made == count:
                break
            rng = self.rng
            lang = rng.choice(self.languages_for(brand, spec))
            accessory = rng.choice(brand.accessories)
            product = rng.choice(brand.goods)
            found = display_case(rng, spec.text) if spec.script == "latin" else spec.text
            template = rng.choice(FAIR_USE[phrasing][lang])
            title = self.fill(template, lang, accessory, mark=found, accessory=accessory, brand_product=product)
            parts = [self.fill(s, lang, accessory) for s in rng.sample(SENTENCES[lang], rng.randint(2, 3))]
            variant = "title"
            if rng.random() < 0.3:
                parts.append(DISCLAIMERS[lang].format(m=found))
                variant = "title+disclaimer"
            description = self.join(lang, parts)
            if self.other_marks(title + "\n" + description, brand.name):
                continue
            self.add(lang, title, description, {"kind": "fair-use", "family": family, "brand": brand.name,
                                                "mark": spec.text, "variant": variant, "field": "title", "found": found})
            made += 1

    # MARK: - Innocent listings

    def innocent(self, lang, title, description, family, brand="", mark="", variant="", found=""):
        self.add(lang, title, description, {"kind": "innocent", "family": family, "brand": brand, "mark": mark,
                                            "variant": variant, "found": found})

    def generic(self, count):
        made = 0
        products = sorted(PRODUCTS)
        while made < count:
            rng = self.rng
            lang = rng.choice(LANGUAGES)
            product = rng.choice(products)
            title = self.title(lang, product)
            description = self.description(lang, product)
            if self.other_marks(title + "\n" + description):
                continue
            self.innocent(lang, title, description, "generic", variant=product)
            made += 1

    def phrase_listing(self, lang, phrase, product, fragment, where=None):
        """An ordinary listing that carries `phrase` in its title (or its description).

        A whole phrase ("Milk thistle capsules 500 mg") is a title by itself; a fragment (one word, or a Han or kana
        run such as 时尚雅致) is set beside a product noun, or among the tags of the description.
        """
        rng = self.rng
        where = where or ("title" if rng.random() < 0.75 else "description")
        escaped = phrase.replace("{", "{{").replace("}", "}}")
        if where == "title":
            if not fragment:
                shape = rng.choice(["{p}", "{p}, {color}", "{p} - {extra}", "{p} {tags}"])
            elif lang in ("zh", "ja"):
                shape = rng.choice(["{p}{product}{extra}", "{p} {product} {color}", "{adj}{p}{product}", "{product} {p}"])
            else:
                shape = rng.choice(["{p} {product}, {color}", "{product} {adj}, {p}", "{adj} {product} {p} {tags}"])
            title = self.fill(shape.replace("{p}", escaped), lang, product)
            description = self.description(lang, product)
        else:
            title = self.title(lang, product)
            parts = [self.fill(s, lang, product) for s in rng.sample(SENTENCES[lang], rng.randint(2, 3))]
            if fragment and lang not in ("zh", "ja"):
                tags = rng.sample(self.words.filler[lang], 3)
                tags.insert(rng.randint(0, 3), phrase)
                parts.append(TAG_LINES[lang].format(tags=", ".join(tags)))
            else:
                parts.insert(rng.randint(0, len(parts)), phrase + ("。" if lang in ("zh", "ja") else "."))
            description = self.join(lang, parts)
        return title, description, where

    def by_brand(self, entries):
        """Spreads hard negatives over brands: a brand at a time, a curated phrase more often than a found word."""
        brands = collections.defaultdict(lambda: ([], []))
        for entry in entries:
            brands[entry[0].name][entry[-1] == "wordfreq"].append(entry)
        names = sorted(brands)
        for name in self.cycle(names, 1000):
            curated, found = brands[name]
            pool = curated if curated and (not found or self.rng.random() < 0.6) else found
            yield self.rng.choice(pool)

    def han_boundary(self, count):
        shorts = [(brand, spec) for brand, spec in self.marks if "short-han" in spec.tags]
        made = 0
        for brand, spec in self.cycle(shorts):
            if made == count:
                break
            rng = self.rng
            a, b = spec.text[0], spec.text[1]
            if brand.boundary and rng.random() < 0.5:
                _, phrase, product = rng.choice(brand.boundary)
                source = "curated"
            else:
                left = [w for w in self.words.zh_two if w[1] == a and w[0] != b]
                right = [w for w in self.words.zh_two if w[0] == b and w[1] != a]
                if not left or not right:
                    continue
                phrase = rng.choice(left[:12]) + rng.choice(right[:12])
                product = rng.choice(brand.goods + [rng.choice(sorted(PRODUCTS))])
                source = "wordfreq"
            lang = "zh"
            title, description, where = self.phrase_listing(lang, phrase, product, fragment=True)
            variant = f"{source}-{where}"
            if rng.random() < 0.25:
                title, description = _s2t.convert(title), _s2t.convert(description)
                variant += "-traditional"
            others = self.other_marks(title + "\n" + description) - {brand.name}
            if others:
                continue
            self.innocent(lang, title, description, "han-boundary", brand.name, spec.text, variant, phrase)
            made += 1

    def inside_word(self, count):
        entries = []
        for brand in BRANDS:
            for lang, phrase, product in brand.inside:
                entries.append((brand, lang, phrase, product, "curated"))
            for spec in brand.marks:
                # Words that hold a common-word mark are mostly its own inflections: not innocent on its goods.
                if spec.script not in ("latin", "kana") or "common-word" in spec.tags:
                    continue
                folded = fold(spec.text)
                for lang in ("en", "es", "de", "fr", "it", "ja"):
                    for word, folded_word in self.words.folded(lang):
                        if folded in folded_word and folded_word != folded and len(word) > len(folded):
                            entries.append((brand, lang, word, rng_product(brand, word), "wordfreq"))
        made = 0
        for brand, lang, phrase, product, source in self.by_brand(entries):
            if made == count:
                break
            fragment = source == "wordfreq" or lang in ("zh", "ja")
            title, description, where = self.phrase_listing(lang, phrase, product, fragment)
            if self.other_marks(title + "\n" + description) - {brand.name}:
                continue
            self.innocent(lang, title, description, "inside-word", brand.name, brand.marks[0].text,
                          f"{source}-{where}", phrase)
            made += 1

    def near_miss(self, count):
        entries = []
        for brand in BRANDS:
            for lang, phrase, product in brand.near_miss:
                entries.append((brand, lang, phrase, product, "curated"))
            for spec in brand.marks:
                if spec.script not in ("latin", "cyrillic"):
                    continue
                for part in re.findall(r"[^\W\d_]+", spec.text):
                    if len(part) < 4:
                        continue
                    for lang in self.languages_for(brand, spec):
                        if lang in ("zh", "ja"):
                            continue
                        for word, folded_word in self.words.folded(lang):
                            # An inflection of the mark (LANTERN, lanterns) is not a near miss.
                            if len(word) >= 4 and word.isalpha() and damerau_one(part.lower(), word) and \
                                    part.lower() not in folded_word and fold(spec.text) not in folded_word:
                                entries.append((brand, lang, word, rng_product(brand, word), "wordfreq"))
        made = 0
        for brand, lang, phrase, product, source in self.by_brand(entries):
            if made == count:
                break
            fragment = source == "wordfreq" or lang in ("zh", "ja")
            title, description, where = self.phrase_listing(lang, phrase, product, fragment)
            if self.other_marks(title + "\n" + description):
                continue
            self.innocent(lang, title, description, "near-miss", brand.name, brand.marks[0].text,
                          f"{source}-{where}", phrase)
            made += 1

    def common_word(self, count):
        entries = [(brand, lang, phrase, product) for brand in BRANDS for lang, phrase, product in brand.ordinary]
        made = 0
        for brand, lang, phrase, product in self.cycle(entries):
            if made == count:
                break
            title, description, where = self.phrase_listing(lang, phrase, product, fragment=lang in ("zh", "ja"))
            if self.other_marks(title + "\n" + description) - {brand.name}:
                continue
            self.innocent(lang, title, description, "common-word", brand.name, brand.marks[0].text,
                          f"{product}-{where}", phrase)
            made += 1

    # MARK: - The whole set

    def counts(self):
        total = sum(weight for _, _, weight in QUOTAS)
        exact = [(kind, family, self.total * weight / total) for kind, family, weight in QUOTAS]
        counts = {(kind, family): int(value) for kind, family, value in exact}
        missing = self.total - sum(counts.values())
        for kind, family, value in sorted(exact, key=lambda item: -(item[2] - int(item[2])))[:missing]:
            counts[(kind, family)] += 1
        return counts

    def run(self, folder):
        os.makedirs(folder, exist_ok=True)
        self.write_registry(folder)
        for (kind, family), count in self.counts().items():
            if kind == "infringing":
                if family == "description-only":
                    self.description_only(count)
                else:
                    self.infringing(family, count)
            elif kind == "copy":
                self.copy(family, count)
            elif kind == "fair-use":
                self.fair_use(family, count)
            else:
                {"generic": self.generic, "han-boundary": self.han_boundary, "inside-word": self.inside_word,
                 "near-miss": self.near_miss, "common-word": self.common_word}[family](count)
        self.rng.shuffle(self.rows)
        with open(os.path.join(folder, "dump.jsonl"), "w", encoding="utf-8") as dump, \
                open(os.path.join(folder, "labels.jsonl"), "w", encoding="utf-8") as labels:
            for index, (lang, title, description, label) in enumerate(self.rows):
                listing_id = f"ho-{index + 1:05d}"
                marketplace, currency = self.rng.choice(MARKETPLACES[lang])
                seller = f"s{self.rng.randint(1000, 9999)}"
                listing = {
                    "marketplace": marketplace, "listing_id": listing_id,
                    "url": f"https://{marketplace}.example/item/{listing_id}",
                    "captured_at": f"2026-12-01T{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}:00Z",
                    "title": title, "description": description,
                    "price": round(self.rng.uniform(3, 120) * (100 if currency in ("JPY", "RUB") else 1), 2),
                    "currency": currency, "seller_id": seller, "seller_name": f"Store {seller.upper()}", "images": [],
                }
                dump.write(json.dumps(listing, ensure_ascii=False) + "\n")
                labels.write(json.dumps({"listing_id": listing_id, **label, "language": lang}, ensure_ascii=False) + "\n")
        summary = {
            "seed": self.seed, "listings": len(self.rows), "wordfreq": importlib.metadata.version("wordfreq"),
            "opencc": importlib.metadata.version("opencc"),
            "brands": len(BRANDS), "marks": len(self.marks),
            "kinds": dict(sorted(collections.Counter(label["kind"] for *_, label in self.rows).items())),
            "families": dict(sorted(collections.Counter(f"{label['kind']}/{label['family']}"
                                                        for *_, label in self.rows).items())),
            "languages": dict(sorted(collections.Counter(lang for lang, *_ in self.rows).items())),
        }
        with open(os.path.join(folder, "summary.json"), "w", encoding="utf-8") as handle:
            json.dump(summary, handle, ensure_ascii=False, indent=1, sort_keys=True)
            handle.write("\n")
        return summary


def rng_product(brand, word):
    """A stable product for an automatically found phrase: the brand's own goods half of the time (the hard case)."""
    keys = sorted(PRODUCTS)
    digest = sum(ord(ch) for ch in word)
    return brand.goods[digest % len(brand.goods)] if digest % 2 else keys[digest % len(keys)]


def damerau_one(a, b):
    """Whether b is one insertion, deletion, substitution or adjacent transposition from a (and differs)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="folder to write the set into")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--listings", type=int, default=1500)
    parser.add_argument("--no-goods", action="store_true", help="leave goods keywords out of the registry")
    arguments = parser.parse_args()
    summary = Generator(arguments.seed, arguments.listings, not arguments.no_goods).run(arguments.out)
    print(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
