#!/usr/bin/env python3
"""Held-out text evaluation set no. 3 for Proofmark's text matcher (independent of Benchmarks/text).

    python3 make_set3.py OUT_FOLDER [--seed 1]

Writes OUT_FOLDER/registry.yaml (25 invented brands: Latin one-word, two-word, digit and ordinary-word marks, Cyrillic,
Han and katakana marks; trademark rights with classes and goods keywords; registered texts), texts/*.txt,
dump.jsonl (Proofmark's own field names), labels.jsonl ({"listing_id", "kind", "brand", "family"}), meta.jsonl (the
same plus language and where the mark sits, for analysis only) and SUMMARY.txt (counts).

Kinds: infringing (the brand's mark, possibly disguised, on the brand's goods), copy (a registered text, lightly
edited), fair-use (nominative: accessories "for / compatible with / fits / replacement for / case for" a brand, ten
languages), innocent (hard look-alikes: real words one or two edits from a mark, a mark's letters across word
boundaries, model numbers containing a short mark, ordinary-word marks on goods the brand does not cover; and plain
listings, many of them in the brands' own product categories).

Standard library only (PyYAML is used to write the registry when present, else a small emitter).  Vocabulary lives in
vocab3.py and brands3.py next to this file.
"""
import argparse
import collections
import json
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vocab3 import (ACC, BASE_PRICE, CAT_ACC, CATS, COLORS, CUES, CURRENCY, DESC, EXTRAS, FAIR, INNOCENT_CUES, LANGS,  # noqa: E402
                    MARKETS, MENTION, RATE, SPECS, TAGS)
from brands3 import BRANDS, HARD, NATIVE_LANGS, RU_FORMS, TEXTS  # noqa: E402

SPACED = {"en", "de", "fr", "es", "it", "pl", "pt", "ru"}
NOUN_FIRST = {"fr", "es", "it", "pt"}
NONAME = ["Generic", "Unbranded", "No-name", "BestHome", "EasyLife", "ProGear", "HomeMate"]

# ---------------------------------------------------------------------------------------------------------------
# mark helpers


def script_of(s):
    for ch in s:
        n = unicodedata.name(ch, "")
        if n.startswith("CYRILLIC"):
            return "cyrillic"
        if n.startswith("CJK"):
            return "han"
        if n.startswith("KATAKANA") or n.startswith("HIRAGANA"):
            return "kana"
    return "latin"


def usable(mark, lang):
    sc = script_of(mark)
    if sc == "latin":
        return True
    if sc == "cyrillic":
        return lang in ("ru", "en")
    if sc == "han":
        return lang in ("zh", "ja", "en")
    return lang in ("ja", "zh", "en")


def title_case(m):
    return " ".join(w[:1].upper() + w[1:].lower() for w in m.split(" "))


LAT2CYR = {"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "У",
           "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і"}
LAT2GRK = {"A": "Α", "B": "Β", "E": "Ε", "Z": "Ζ", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ",
           "X": "Χ", "Y": "Υ", "o": "ο", "v": "ν", "i": "ι"}
CYR2LAT = {"А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y",
           "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y"}
LEET = {"A": "4", "E": "3", "I": "1", "O": "0", "S": "5", "T": "7", "L": "1", "a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7",
        "l": "1", "B": "8", "G": "6"}
INVISIBLE = ["\u200b", "\u00ad", "\u200c", "\u2060", "\u200d"]
LAT_LETTERS = "abcdefghijklmnopqrstuvwxyz"
CYR_LETTERS = "абвгдежзийклмнопрстуфхцчшщыэюя"


def case_variant(rng, m):
    opts = [title_case(m), m.lower(), "".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(m)),
            m[:1] + m[1:].lower() if " " not in m else m.lower().title().replace(" ", " ")]
    opts = [o for o in opts if o != m]
    return rng.choice(opts)


def spacing_variant(rng, m):
    sc = script_of(m)
    if sc in ("han",):
        return rng.choice([" ".join(m), "·".join(m), "-".join(m), "  ".join(m)])
    if sc == "kana":
        k = rng.randrange(1, len(m))
        return rng.choice([" ".join(m), m[:k] + "・" + m[k:], m[:k] + " " + m[k:], "・".join(m)])
    base = rng.choice([m, title_case(m), m.lower()])
    if " " in base:
        a, b = base.split(" ", 1)
        return rng.choice([a + b, a + "-" + b, a + "_" + b, a + "." + b, " ".join(base.replace(" ", "")), a + "+" + b])
    k = rng.randrange(1, len(base))
    return rng.choice([" ".join(base), ".".join(base), base[:k] + " " + base[k:], base[:k] + "-" + base[k:], base[:k] + "_" + base[k:],
                       "-".join(base), base[:k] + ". " + base[k:]])


def homoglyph_variant(rng, m):
    base = rng.choice([m, m, title_case(m)]) if script_of(m) == "latin" else rng.choice([m, title_case(m)])
    if script_of(m) == "cyrillic":
        table = CYR2LAT
    else:
        table = rng.choice([LAT2CYR, LAT2CYR, LAT2GRK])
    idx = [i for i, c in enumerate(base) if c in table]
    if not idx:
        table = LAT2CYR if table is LAT2GRK else LAT2GRK
        idx = [i for i, c in enumerate(base) if c in table]
    if not idx:
        return None
    n = min(len(idx), rng.choice([1, 1, 2, 3, len(idx)]))
    chosen = set(rng.sample(idx, n))
    return "".join(table[c] if i in chosen else c for i, c in enumerate(base))


def leet_variant(rng, m):
    base = rng.choice([m, title_case(m), m.lower()])
    idx = [i for i, c in enumerate(base) if c in LEET]
    if not idx:
        return None
    chosen = set(rng.sample(idx, min(len(idx), rng.choice([1, 1, 2, 2, 3]))))
    return "".join(LEET[c] if i in chosen else c for i, c in enumerate(base))


def fullwidth_variant(rng, m):
    base = rng.choice([m, title_case(m)])
    full = lambda c: chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c)  # noqa: E731
    if rng.random() < 0.7:
        return "".join(full(c) for c in base)
    k = rng.randrange(1, len(base))
    return base[:k] + "".join(full(c) for c in base[k:])


def invisible_variant(rng, m):
    base = m if script_of(m) != "latin" else rng.choice([m, title_case(m)])
    positions = sorted(rng.sample(range(1, len(base)), min(len(base) - 1, rng.choice([1, 1, 2]))), reverse=True)
    ch = rng.choice(INVISIBLE)
    s = base
    for p in positions:
        s = s[:p] + ch + s[p:]
    return s


def typo_variant(rng, brand, m):
    if script_of(m) == "kana":
        return rng.choice(brand["kana_typos"])
    base = rng.choice([m, title_case(m)])
    letters = CYR_LETTERS if script_of(m) == "cyrillic" else LAT_LETTERS
    for _ in range(50):
        op = rng.choice(["sub", "del", "ins", "swap", "double"])
        i = rng.randrange(1, len(base) - 1)
        if base[i] == " " or base[i - 1] == " ":
            continue
        if op == "sub":
            c = rng.choice(letters)
            c = c.upper() if base[i].isupper() else c
            s = base[:i] + c + base[i + 1:]
        elif op == "del":
            s = base[:i] + base[i + 1:]
        elif op == "ins":
            c = rng.choice(letters)
            c = c.upper() if base[i].isupper() else c
            s = base[:i] + c + base[i:]
        elif op == "double":
            s = base[:i] + base[i] + base[i:]
        else:
            if base[i + 1] == " ":
                continue
            s = base[:i] + base[i + 1] + base[i] + base[i + 2:]
        if s.lower() != base.lower():
            return s
    return None


def to_hiragana(s):
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in s)


HALF = {}
for cp in range(0xFF61, 0xFFA0):
    full = unicodedata.normalize("NFKC", chr(cp))
    if len(full) == 1:
        HALF.setdefault(full, chr(cp))
HALF["\u3099"] = "ﾞ"
HALF["\u309a"] = "ﾟ"


def to_halfwidth(s):
    return "".join(HALF.get(c, c) for c in unicodedata.normalize("NFD", s))


def pl_gen(m):
    low = m.lower()
    if " " in m or any(c.isdigit() for c in m) or low.endswith(("q", "o", "e", "i", "u")):
        return []
    if low.endswith("a"):
        return [m[:-1] + ("Y" if m.isupper() else "y")]
    return [m + ("A" if m.isupper() else "a")]  # genitive: "od Talluka", "z logo Briskella"


# ---------------------------------------------------------------------------------------------------------------
# listing text


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.listings = []
        self.next_id = 700001

    def cap(self, s, lang):
        return s[:1].upper() + s[1:] if lang in SPACED and s else s

    def specs(self, lang, cat):
        """Specs for `cat`; outside English only those with a digit or no lower-case word ("15 bar", "IPX7", not "bypass")."""
        sp = SPECS[cat]
        if lang != "en":
            sp = [x for x in sp if re.search(r"\d", x) or not re.search(r"[a-z]{3,}", x)] or sp
        return sp

    def filler(self, lang, cat):
        r = self.rng
        return r.choice([r.choice(self.specs(lang, cat)), r.choice(COLORS[lang]), r.choice(EXTRAS[lang]), r.choice(self.specs(lang, cat)) + " " + r.choice(COLORS[lang])])

    def model(self):
        r = self.rng
        return r.choice(["", "", "", f"{r.choice('BCDFGHJLMNPST')}{r.choice('BCDFGHJLMNPST')}-{r.randint(10, 990)}",
                         f"Pro {r.randint(2, 9)}", f"Gen {r.randint(2, 5)}", f"{r.choice('BDHLMNPST')}{r.randint(100, 999)}"])

    def title(self, lang, cat, mark=None, noun=None, cue=False):
        """A marketplace title in `lang` for goods of `cat`, with `mark` (already rendered) if given."""
        r = self.rng
        noun = CATS[cat][lang] if noun is None else noun
        spec = " ".join(r.sample(self.specs(lang, cat), k=min(len(self.specs(lang, cat)), r.choice([1, 1, 1, 2]))))
        color = r.choice(COLORS[lang])
        extra = r.choice(EXTRAS[lang])
        model = self.model()
        if mark is None and r.random() < 0.25:
            mark_part = r.choice(NONAME)
        else:
            mark_part = mark
        if lang == "zh":
            sep = r.choice(["", " "])
            head = f"{mark_part}{sep}{noun}" if mark_part else noun
            prefix = r.random() < 0.3
            parts = [head, model, spec, color, "" if prefix else r.choice(["", extra])]
            t = " ".join(p for p in parts if p)
            if prefix:
                t = f"【{extra}】" + t
        elif lang == "ja":
            head = f"{mark_part} {noun}" if mark_part else noun
            if mark_part and r.random() < 0.3:
                head = f"【{mark_part}】{noun}"
            parts = [head, model, spec, color]
            t = " ".join(p for p in parts if p)
            if r.random() < 0.4:
                t += f" 【{extra}】"
        else:
            order = r.random()
            if not mark_part:
                core = noun
            elif lang in NOUN_FIRST and order < 0.6 or order < 0.25:
                core = f"{noun} {mark_part}"
            else:
                core = f"{mark_part} {noun}"
            parts = [core, model, spec, r.choice([color, "", color])]
            t = " ".join(p for p in parts if p)
            t = self.cap(t, lang)
            if r.random() < 0.45:
                t = r.choice([f"{t} - {extra}", f"{extra}! {t}", f"{t}, {extra}"])
        if cue:
            c = r.choice(CUES[lang])
            t = r.choice([f"{t} {c}", f"{c} {t}"]) if lang not in ("zh", "ja") else r.choice([f"{t} {c}", f"{c}{t}"])
        return re.sub(r"\s+", " ", t).strip()

    def desc(self, lang, cat, n=None, extra_sentences=()):
        r = self.rng
        pool = DESC[lang]
        n = n or r.randint(2, 5)
        sents = [s.format(noun=CATS[cat][lang], color=r.choice(COLORS[lang])) for s in r.sample(pool, n)]
        for s in extra_sentences:
            sents.insert(r.randint(0, len(sents)), s)
        sents = [self.cap(s, lang) for s in sents]
        return ("" if lang in ("zh", "ja") else " ").join(sents)

    def mention(self, lang, cat, m):
        return self.rng.choice(MENTION[lang]).format(m=m, noun=CATS[cat][lang])

    def emit(self, lang, cat, title, description, kind, brand, family, where):
        r = self.rng
        lid = str(self.next_id)
        self.next_id += 1
        mk = r.choice(MARKETS[lang])
        cur = CURRENCY[lang]
        base = BASE_PRICE.get(cat, 25)
        usd = base * r.uniform(0.25, 1.4)
        price = round(usd * RATE[cur], 0 if cur in ("JPY", "RUB") else 2)
        sid = f"s-{r.randint(1000, 9999)}"
        rec = {"marketplace": mk, "listing_id": lid, "url": f"https://{mk}.example/item/{lid}",
               "captured_at": f"2026-12-06T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z",
               "title": title, "description": description, "price": price, "currency": cur, "seller_id": sid,
               "seller_name": f"Store {sid.upper()}", "seller_url": f"https://{mk}.example/store/{sid}", "images": []}
        label = {"listing_id": lid, "kind": kind, "brand": brand, "family": family}
        meta = dict(label, lang=lang, where=where, category=cat)
        self.listings.append((rec, label, meta))


# ---------------------------------------------------------------------------------------------------------------
# infringing


INFL_TEMPL = {
    "en": ["{f} {noun} {spec}", "{noun} from {f} range, {spec}"],
    "de": ["{f} neue {noun} {spec}", "{f} {noun}, {spec}"],
    "pl": ["{noun} od {f} {spec}", "Nowy {noun} z logo {f}", "Oryginalny {noun} {f} {spec}"],
    "ru": ["{noun} от {f} {spec}", "{noun} с логотипом {f}", "Оригинальный {noun} {f}"],
}
COMPOUND = {"espresso": "Espressomaschine", "bikelight": "Fahrradlampe", "runshoes": "Laufschuhe", "serum": "Serum", "backpack": "Rucksack",
            "headphones": "Kopfhörer", "perfume": "Parfum", "lantern": "Laterne", "knife": "Kochmesser", "shears": "Gartenschere",
            "drone": "Drohne", "powerbank": "Powerbank", "smartwatch": "Smartwatch", "speaker": "Lautsprecher", "jacket": "Regenjacke",
            "drawtab": "Grafiktablett", "facecream": "Gesichtscreme", "drill": "Akkuschrauber", "thermos": "Thermoskanne",
            "teaset": "Teeservice", "ricecooker": "Reiskocher", "pen": "Füller", "hairdryer": "Haartrockner", "camera": "Kamera",
            "blocks": "Bausteine"}
GLUE_WORDS = {"en": ["original", "new", "official", "pro", "store", "2025"], "de": ["original", "neu", "shop", "pro"],
              "fr": ["original", "nouveau", "pro"], "es": ["original", "nuevo", "pro"], "it": ["originale", "nuovo", "pro"],
              "pl": ["oryginalny", "nowy", "pro"], "pt": ["original", "novo", "pro"], "ru": ["оригинал", "новый", "про", "шоп"]}


def registered_for(g, brand, lang):
    ms = [m for m in brand["marks"] if usable(m, lang)]
    return g.rng.choice(ms) if ms else None


def langs_for(brand, family):
    sc = brand["script"]
    native = NATIVE_LANGS[sc]
    if family == "transliteration":
        return list(brand["translit"].keys())
    if family == "compound":
        return ["de"] if sc == "latin" and " " not in brand["marks"][0] else []
    if family == "inflection":
        if sc == "cyrillic":
            return ["ru"]
        if sc != "latin":
            return []
        m = brand["marks"][0]
        out = []
        if " " not in m and not m[-1].isdigit():
            out.append("en")
            if not m.endswith(("S", "X", "Z")):
                out.append("de")
        if pl_gen(m):
            out.append("pl")
        return out
    if family in ("glued",):
        return [l for l in native if l in SPACED] if sc in ("latin", "cyrillic") else []
    if family in ("case", "homoglyph"):
        return native if sc in ("latin", "cyrillic") else []
    if family in ("leetspeak", "fullwidth"):
        return native if sc == "latin" else []
    if family == "typo":
        m = brand["marks"][0]
        if sc == "latin" and (len(m) < 5 or any(c.isdigit() for c in m)):
            return []
        return native if sc != "han" else []
    if family == "traditional":
        return ["zh", "ja"] if brand.get("traditional") else []
    if family == "homophone":
        return ["zh"] if brand.get("homophone") else []
    if family == "kana-variant":
        return ["ja", "ja", "zh"] if sc == "kana" else []
    return native


def make_infringing(g, brand, family):
    r = g.rng
    langs = langs_for(brand, family)
    if not langs:
        return False
    lang = r.choice(langs)
    cat = brand["cat"]
    m = registered_for(g, brand, lang) if family != "transliteration" else None
    if family not in ("transliteration",) and m is None:
        return False
    if family in ("case", "homoglyph", "leetspeak", "fullwidth", "typo", "glued", "compound", "inflection"):
        # use the brand's primary mark in its own script for the script-specific evasions
        m = brand["marks"][0] if usable(brand["marks"][0], lang) else m
    noun = None
    f = None
    if family == "exact":
        f = m
    elif family == "case":
        f = case_variant(r, m)
    elif family == "spacing":
        f = spacing_variant(r, m)
    elif family == "homoglyph":
        f = homoglyph_variant(r, m)
    elif family == "leetspeak":
        f = leet_variant(r, m)
    elif family == "fullwidth":
        f = fullwidth_variant(r, m)
    elif family == "invisible":
        f = invisible_variant(r, m)
    elif family == "typo":
        f = typo_variant(r, brand, m)
    elif family == "glued":
        base = r.choice([m, title_case(m), m.lower()]) if " " not in m else r.choice([m.replace(" ", ""), title_case(m).replace(" ", "")])
        if r.random() < 0.5:
            first = CATS[cat][lang].split(" ")[0]
            f = base + r.choice([first, first.capitalize(), first.lower()])
            noun = " ".join(CATS[cat][lang].split(" ")[1:])
        else:
            w = r.choice(GLUE_WORDS[lang])
            f = r.choice([w + base, base + w, w.capitalize() + base, "#" + base.lower(), base + "Store" if lang == "en" else w + base])
    elif family == "compound":
        base = r.choice([title_case(m), m])
        f = base + r.choice(["-", "-", ""]) + COMPOUND[cat]
        noun = ""
    elif family == "inflection":
        if lang == "ru":
            forms = RU_FORMS[m]
            f = r.choice([forms["gen"], forms["ins"]] + forms["other"])
        elif lang == "pl":
            f = r.choice(pl_gen(r.choice([m, title_case(m)])))
        elif lang == "en":
            f = r.choice([m, title_case(m)]) + r.choice(["'s", "’s"])
        else:
            f = r.choice([m, title_case(m)]) + "s"
        tmpl = r.choice(INFL_TEMPL[lang])
        title = tmpl.format(f=f, noun=CATS[cat][lang], spec=r.choice(g.specs(lang, cat)))
        title = g.cap(title, lang)
        if r.random() < 0.3:
            title += " " + r.choice(COLORS[lang])
        desc = g.desc(lang, cat, extra_sentences=[g.mention(lang, cat, f)] if r.random() < 0.3 else ())
        g.emit(lang, cat, title, desc, "infringing", brand["name"], family, "title")
        return True
    elif family == "transliteration":
        f = r.choice(brand["translit"][lang])
        if brand["script"] == "latin" and r.random() < 0.2 and lang != "zh":
            f = f.upper() if script_of(f) == "cyrillic" else f
    elif family == "traditional":
        f = r.choice(brand["traditional"])
    elif family == "homophone":
        f = r.choice(brand["homophone"])
    elif family == "kana-variant":
        f = r.choice([to_hiragana(m), to_halfwidth(m)])
    elif family in ("desc-only", "desc-stuffing"):
        form = r.choice([m, m, title_case(m) if script_of(m) in ("latin", "cyrillic") else m, m.lower()])
        title = g.title(lang, cat)
        if family == "desc-only":
            desc = g.desc(lang, cat, extra_sentences=[g.mention(lang, cat, form)])
        else:
            words = [CATS[cat][lang], r.choice(COLORS[lang]), r.choice(g.specs(lang, cat)), r.choice(EXTRAS[lang]).lower(), form,
                     f"{form} {CATS[cat][lang]}", CATS[r.choice(list(CATS))][lang]]
            r.shuffle(words)
            sep = "、" if lang in ("zh", "ja") else ", "
            desc = g.desc(lang, cat) + ("" if lang in ("zh", "ja") else "\n\n") + TAGS[lang] + " " + sep.join(words)
        g.emit(lang, cat, title, desc, "infringing", brand["name"], family, "description")
        return True
    if f is None or f == "":
        return False
    cue = r.random() < 0.2
    title = g.title(lang, cat, mark=f, noun=noun, cue=cue)
    where = "title"
    extra = []
    if r.random() < 0.3:
        extra = [g.mention(lang, cat, f)]
        where = "both"
    g.emit(lang, cat, title, g.desc(lang, cat, extra_sentences=extra), "infringing", brand["name"], family, where)
    return True


# ---------------------------------------------------------------------------------------------------------------
# copies of registered texts

DEBRAND = {
    "Veltrano": [("The VELTRANO Aria", "This machine")], "Briskell": [("Briskell Tempo trainers", "our trainers")],
    "Zentriq": [("ZENTRIQ Halo headphones", "These headphones")], "North Lantern": [("the North Lantern Ember", "this lantern")],
    "VRX7": [("the VRX7 arms", "the arms")], "Talluk": [("Der Talluk Fjellstig", "Dieser Rucksack")],
    "Velesta": [("Крем ВЕЛЕСТА Северное сияние", "Этот крем")], "Xinghe": [("星禾智能电饭煲", "本款智能电饭煲")],
    "Kazamiru": [("カザミルの速乾ドライヤー", "当店の速乾ドライヤー")], "Floraven": [("Floraven Nuit d'Orangers", "Ce parfum")],
}
SHIPPING = {
    "en": "Shipping: dispatched within 1-2 business days. Returns: 30 days, buyer pays return postage. Please leave feedback if you are happy!",
    "de": "Versand: innerhalb von 1-2 Werktagen. Rückgabe: 30 Tage, Rücksendekosten trägt der Käufer. Wir freuen uns über Ihre Bewertung!",
    "fr": "Expédition sous 1 à 2 jours ouvrés. Retours : 30 jours, frais de retour à la charge de l'acheteur. Merci de laisser un avis !",
    "ru": "Доставка: отправка в течение 1-2 рабочих дней. Возврат: 30 дней, обратную доставку оплачивает покупатель. Оставьте отзыв!",
    "zh": "发货说明：付款后48小时内发货。退换说明：七天无理由退换，退货运费由买家承担。满意请给五星好评！",
    "ja": "発送について：ご入金確認後1〜2営業日以内に発送します。返品：30日以内、返送料はお客様負担となります。評価をいただけると嬉しいです！",
}


def sentences(text, lang):
    if lang in ("zh", "ja"):
        return [s for s in re.split(r"(?<=。)", text) if s]
    return re.split(r"(?<=[.!?])\s+", text)


def join(sents, lang):
    return ("" if lang in ("zh", "ja") else " ").join(sents)


def debrand(name, text):
    for a, b in DEBRAND[name]:
        text = text.replace(a, b)
    return text


def light_edit(r, sents, lang):
    sents = list(sents)
    if len(sents) > 3:
        i = r.randrange(len(sents) - 1)
        sents[i], sents[i + 1] = sents[i + 1], sents[i]
    out = []
    for s in sents:
        s = re.sub(r"\d+", lambda mm: str(int(mm.group()) + r.choice([0, 0, 1, -1, 2])) if r.random() < 0.5 else mm.group(), s)
        if lang not in ("zh", "ja"):
            ws = s.split(" ")
            ws = [w for w in ws if r.random() > 0.06 or len(ws) < 5]
            s = " ".join(ws)
        elif r.random() < 0.3 and len(s) > 12:
            k = r.randrange(2, len(s) - 6)
            s = s[:k] + s[k + 2:]
        out.append(s)
    if r.random() < 0.5 and len(out) > 3:
        out.pop(r.randrange(len(out)))
    return out


def make_copy(g, brand_name, family):
    r = g.rng
    lang, text = TEXTS[brand_name]
    brand = next(b for b in BRANDS if b["name"] == brand_name)
    cat = brand["cat"]
    sents = sentences(text, lang)
    if family == "copy-verbatim":
        body = text
    elif family == "copy-debranded":
        body = debrand(brand_name, text)
    elif family == "copy-partial":
        k = max(2, int(len(sents) * r.uniform(0.45, 0.7)))
        i = r.randrange(0, len(sents) - k + 1)
        part = sents[i:i + k]
        body = join(part, lang)
        if r.random() < 0.5:
            body = debrand(brand_name, body)
    elif family == "copy-edited":
        body = join(light_edit(r, sentences(debrand(brand_name, text) if r.random() < 0.6 else text, lang), lang), lang)
    else:  # copy-embedded
        before = g.desc(lang, cat, n=r.randint(2, 4))
        after = SHIPPING.get(lang, SHIPPING["en"])
        core = debrand(brand_name, text) if r.random() < 0.5 else text
        sep = "\n\n"
        body = before + sep + core + sep + after
    if family != "copy-embedded" and r.random() < 0.4:
        body = body + ("\n\n" if r.random() < 0.5 else " ") + SHIPPING.get(lang, SHIPPING["en"])
    title = g.title(lang, cat)
    g.emit(lang, cat, title, body, "copy", brand_name, family, "description")


# ---------------------------------------------------------------------------------------------------------------
# fair use


CASEABLE = {"headphones", "drone", "powerbank", "smartwatch", "speaker", "drawtab", "camera", "knife", "lantern", "hairdryer", "pen",
            "drill", "espresso"}


def make_fair(g, brand, family):
    r = g.rng
    accs = CAT_ACC.get(brand["cat"], [])
    if not accs or family == "case-for" and brand["cat"] not in CASEABLE:
        return False
    sc = brand["script"]
    langs = {"latin": LANGS, "cyrillic": ["ru", "ru", "ru", "en"], "han": ["zh", "zh", "en"], "kana": ["ja", "ja", "zh", "en"]}[sc]
    lang = r.choice(langs)
    m = registered_for(g, brand, lang)
    if m is None:
        return False
    if script_of(m) == "latin" and r.random() < 0.5:
        m = title_case(m)
    acc = ACC[r.choice(accs)][lang]
    m_gen = m_ins = m
    if lang == "ru" and script_of(m) == "cyrillic":
        forms = RU_FORMS[brand["marks"][0]]
        tc = r.random() < 0.5
        m_gen = title_case(forms["gen"]) if tc else forms["gen"]
        m_ins = title_case(forms["ins"]) if tc else forms["ins"]
    t = FAIR[lang][family].format(m=m, m_gen=m_gen, m_ins=m_ins, acc=acc, noun=CATS[brand["cat"]][lang])
    t = g.cap(t, lang)
    if r.random() < 0.6:
        t += " " + r.choice([r.choice(COLORS[lang]), r.choice(EXTRAS[lang]), g.model()])
    t = re.sub(r"\s+", " ", t).strip()
    extra = []
    if r.random() < 0.35:
        extra = [FAIR[lang][r.choice(["compatible", "for", "fits"])].format(m=m, m_gen=m_gen, m_ins=m_ins, acc=acc,
                                                                         noun=CATS[brand["cat"]][lang]) + ("。" if lang in ("zh", "ja") else ".")]
        extra[0] = g.cap(extra[0], lang)
    g.emit(lang, brand["cat"], t, g.desc(lang, brand["cat"], extra_sentences=extra), "fair-use", brand["name"], family, "title")
    return True


# ---------------------------------------------------------------------------------------------------------------
# innocent


# innocent senses of counterfeit-cue words ("AAA batteries", "1:12 scale", "museum replica") only where they fit
CUE_OK = {"figurine", "ornament", "lantern", "bikelight", "dashcam", "blocks", "plush"}


def make_hard(g, entry):
    r = g.rng
    family, lang, tmpl, cat = entry
    x = r.choice([r.choice(g.specs(lang, cat)), r.choice(COLORS[lang]), r.choice(EXTRAS[lang]), ""])
    title = re.sub(r"\s+", " ", tmpl.format(x=x)).strip()
    if r.random() < 0.25 and cat in CUE_OK:
        title += " " + r.choice(INNOCENT_CUES[lang])
    desc = g.desc(lang, cat)
    if r.random() < 0.3:
        # repeat the look-alike phrase in the description
        desc = re.sub(r"\s*\{x\}", "", tmpl).strip() + ("。" if lang in ("zh", "ja") else ". ") + desc
    g.emit(lang, cat, title, desc, "innocent", None, family, "title")


def make_plain(g, family):
    r = g.rng
    lang = r.choice(LANGS)
    if family == "same-goods":
        cat = r.choice([b["cat"] for b in BRANDS])
    else:
        cat = r.choice([c for c in CATS if c not in {b["cat"] for b in BRANDS}])
    title = g.title(lang, cat)
    if r.random() < 0.25 and cat in CUE_OK:
        title += " " + r.choice(INNOCENT_CUES[lang])
    g.emit(lang, cat, title, g.desc(lang, cat), "innocent", None, family, "-")


# ---------------------------------------------------------------------------------------------------------------
# registry


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def goods_keywords(cat):
    seen, out = set(), []
    for lang in LANGS:
        k = CATS[cat][lang]
        if k.lower() not in seen:
            seen.add(k.lower())
            out.append(k)
    return out


def write_registry(out, rng):
    rights, brands = [], []
    os.makedirs(os.path.join(out, "texts"), exist_ok=True)
    for i, b in enumerate(BRANDS):
        marks = []
        for j, m in enumerate(b["marks"]):
            sc = script_of(m)
            jur = b["jur"] if j == 0 else {"kana": "JP", "han": "CN", "cyrillic": "RU", "latin": "US"}[sc]
            if j > 0 and sc == "kana":
                jur = "JP"
            num = 10000000 + rng.randrange(89999999)
            rid = f"tm-{jur.lower()}-{num}"
            rights.append({"id": rid, "type": "trademark", "registration": f"{jur} {num}", "jurisdiction": jur,
                           "classes": [b["cls"]], "goods": goods_keywords(b["cat"]), "holder": f"{b['name']} Holdings Ltd.",
                           "expires": f"20{rng.randint(31, 36)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"})
            marks.append({"text": m, "right": rid})
        entry = {"name": b["name"], "marks": marks}
        if b["name"] in TEXTS:
            lang, text = TEXTS[b["name"]]
            cid = f"c-{slug(b['name'])}-copy"
            rights.append({"id": cid, "type": "copyright", "registration": f"TX {rng.randint(1, 9)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
                           "jurisdiction": "US"})
            path = f"texts/{slug(b['name'])}-copy.txt"
            with open(os.path.join(out, path), "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
            entry["texts"] = [{"id": f"{slug(b['name'])}-copy", "path": path, "right": cid}]
        entry["price_floor"] = {"amount": int(BASE_PRICE[b["cat"]] * 0.6), "currency": "USD"}
        entry["authorized_sellers"] = [f"{slug(b['name'])}-official"]
        brands.append(entry)
    reg = {"owner": "Held-out Brands Collective (invented)", "rights": rights, "brands": brands}
    try:
        import yaml
        text = yaml.safe_dump(reg, allow_unicode=True, sort_keys=False, width=200)
    except ImportError:
        text = json.dumps(reg, ensure_ascii=False, indent=1)  # JSON is YAML
    with open(os.path.join(out, "registry.yaml"), "w", encoding="utf-8") as fh:
        fh.write("# Invented brands for an independent text-matching evaluation (make_set3.py). All rights are fictitious.\n")
        fh.write(text)


# ---------------------------------------------------------------------------------------------------------------

INFRINGING = {"exact": 60, "case": 45, "spacing": 55, "homoglyph": 55, "leetspeak": 30, "fullwidth": 25, "invisible": 25, "typo": 65,
              "glued": 40, "compound": 20, "inflection": 50, "transliteration": 60, "traditional": 12, "homophone": 15,
              "kana-variant": 25, "desc-only": 45, "desc-stuffing": 40}
COPIES = {"copy-verbatim": 20, "copy-debranded": 25, "copy-partial": 25, "copy-edited": 25, "copy-embedded": 15}
FAIR_N = 235
SAME_GOODS_N = 120
PLAIN_N = 80
HARD_REPEATS = (1, 3)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    g = Gen(a.seed)
    r = g.rng
    write_registry(a.out, random.Random(a.seed * 7919 + 1))
    for fam, n in INFRINGING.items():
        made, tries = 0, 0
        cands = [b for b in BRANDS if langs_for(b, fam)]
        while made < n and tries < n * 50:
            tries += 1
            # cycle through eligible brands so every brand is represented
            b = cands[(made + r.randrange(3)) % len(cands)] if r.random() < 0.5 else r.choice(cands)
            if make_infringing(g, b, fam):
                made += 1
    for fam, n in COPIES.items():
        names = list(TEXTS)
        for i in range(n):
            make_copy(g, names[i % len(names)] if i < len(names) else r.choice(names), fam)
    fams = list(FAIR["en"])
    made = 0
    while made < FAIR_N:
        if make_fair(g, r.choice(BRANDS), fams[made % len(fams)]):
            made += 1
    for e in HARD:
        for _ in range(r.randint(*HARD_REPEATS)):
            make_hard(g, e)
    for _ in range(SAME_GOODS_N):
        make_plain(g, "same-goods")
    for _ in range(PLAIN_N):
        make_plain(g, "plain")

    # shuffle order, renumber ids so ids say nothing about the kind
    items = g.listings
    r.shuffle(items)
    with open(os.path.join(a.out, "dump.jsonl"), "w", encoding="utf-8") as d, \
            open(os.path.join(a.out, "labels.jsonl"), "w", encoding="utf-8") as lab, \
            open(os.path.join(a.out, "meta.jsonl"), "w", encoding="utf-8") as met:
        for i, (rec, label, meta) in enumerate(items):
            lid = str(810001 + i * 7 + r.randrange(7))
            rec["listing_id"] = lid
            rec["url"] = f"https://{rec['marketplace']}.example/item/{lid}"
            label["listing_id"] = meta["listing_id"] = lid
            d.write(json.dumps(rec, ensure_ascii=False) + "\n")
            lab.write(json.dumps(label, ensure_ascii=False) + "\n")
            met.write(json.dumps(meta, ensure_ascii=False) + "\n")

    # summary
    lines = [f"listings: {len(items)}  (seed {a.seed})"]
    by_kind = collections.Counter(m["kind"] for _, _, m in items)
    lines.append("by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    for kind in ["infringing", "copy", "fair-use", "innocent"]:
        c = collections.Counter(m["family"] for _, _, m in items if m["kind"] == kind)
        lines.append(f"{kind} by family: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    c = collections.Counter(m["lang"] for _, _, m in items)
    lines.append("by language: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    for kind in ["infringing", "copy", "fair-use", "innocent"]:
        c = collections.Counter(m["lang"] for _, _, m in items if m["kind"] == kind)
        lines.append(f"{kind} by language: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    c = collections.Counter(m["brand"] for _, _, m in items if m["brand"])
    lines.append("by brand (non-innocent): " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    with open(os.path.join(a.out, "SUMMARY.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
