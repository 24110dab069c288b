#!/usr/bin/env python3
"""Scans every registered word mark against the common words of each language: how many ordinary words a naive
matcher would flag, and why Proofmark's matcher (`TextScan`, the same `TextMatcher` and Scorer as `proofmark run`)
does not.

    python3 Benchmarks/text/common_word_scan.py REGISTRY.yaml [REGISTRY.yaml ...] [--top 50000] [--no-build]

For each language (wordfreq's top N words of en, es, de, fr, it, pt, ru, zh, ja) and each mark, a word is a naive
hit when, case-folded and NFKC-normalised, it contains the mark (substring search, as most keyword monitors do), or
is one edit away from it (Damerau-Levenshtein, marks of five characters or more), or has the same UTS #39 skeleton.
Each naive hit is written as a listing title on its own ("{word}") and inside an ordinary title
("New {word} 2024"), run through TextScan, and classified by what the matcher made of it:

- strong: a finding at or above `--threshold` (default 0.5, the default --min-score): the matcher would flag it;
- weak: a finding below it (a Han or kana mark cutting through a word, an ordinary-word mark off its goods);
- none, and why: `inside a word` (the mark is buried in a longer word written in one script and case),
  `common word` (one edit away but the word itself is common: the edit guard), `other script` (a common word wholly
  in another script than the mark), `exact word` (the word IS the mark: a mark that is an ordinary word; listed).
Prints one table per registry and the strong hits themselves, which are the cases to look at.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS = os.path.dirname(HERE)
LANGUAGES = ["en", "es", "de", "fr", "it", "pt", "ru", "zh", "ja"]


def fold(text):
    return unicodedata.normalize("NFKC", text).casefold()


def one_edit(a, b):
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]]
                                   and a[diffs[1]] == b[diffs[0]])
    if len(a) < len(b):
        a, b = b, a
    return any(a[:i] + a[i + 1:] == b for i in range(len(a)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("registries", nargs="+")
    parser.add_argument("--top", type=int, default=50000)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--show", type=int, default=20, help="strong hits to print per registry")
    parser.add_argument("--scratch-path", default=os.path.join(BENCHMARKS, ".build"))
    arguments = parser.parse_args()
    import wordfreq
    import yaml

    sys.path.insert(0, HERE)
    from text_peers import skeleton_table

    table = skeleton_table()

    def skeleton(text):
        return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFD", fold(text))).casefold()

    words = {language: [w for w in wordfreq.top_n_list(language, arguments.top) if any(c.isalpha() for c in w)]
             for language in LANGUAGES}
    if not arguments.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "TextScan", "--package-path", BENCHMARKS,
                        "--scratch-path", arguments.scratch_path], check=True, stdout=subprocess.DEVNULL)
    scan = os.path.join(arguments.scratch_path, "release", "TextScan")
    common = {fold(w) for language in LANGUAGES for w in words[language]}

    for path in arguments.registries:
        registry = yaml.safe_load(open(path, encoding="utf-8"))
        marks = [(brand["name"], str(mark["text"])) for brand in registry.get("brands", [])
                 for mark in brand.get("marks", []) or []]
        cases = []  # (language, brand, mark, word, reason)
        for language in LANGUAGES:
            for word in words[language]:
                folded = fold(word)
                for brand, mark in marks:
                    m = fold(mark)
                    if m in folded:
                        reason = "contains"
                    elif len(m) >= 5 and one_edit(folded, m):
                        reason = "one edit"
                    elif skeleton(word) == skeleton(mark) and folded != m:
                        reason = "confusable"
                    else:
                        continue
                    cases.append((language, brand, mark, word, reason))
        folder = tempfile.mkdtemp(prefix="proofmark-words-")
        dump = os.path.join(folder, "dump.jsonl")
        with open(dump, "w", encoding="utf-8") as handle:
            for index, (language, brand, mark, word, reason) in enumerate(cases):
                for variant, title in (("alone", word), ("titled", f"New {word} 2024")):
                    handle.write(json.dumps({"listing_id": f"{index}-{variant}", "title": title, "description": ""},
                                            ensure_ascii=False) + "\n")
        output = os.path.join(folder, "found.jsonl")
        subprocess.run([scan, os.path.abspath(path), dump, output, "--repeats", "1"], check=True,
                       capture_output=True)
        found = {}
        for line in open(output, encoding="utf-8"):
            row = json.loads(line)
            found[row["listing_id"]] = row["brands"]
        tally = collections.defaultdict(collections.Counter)
        strong = []
        for index, (language, brand, mark, word, reason) in enumerate(cases):
            best = None
            for variant in ("alone", "titled"):
                hit = found.get(f"{index}-{variant}", {}).get(brand)
                if hit and (best is None or hit["score"] > best["score"]):
                    best = hit
            if best and best["score"] >= arguments.threshold:
                verdict = "strong"
                strong.append((language, mark, word, reason, best["score"], best["how"]))
            elif best:
                verdict = "weak"
            elif fold(word) == fold(mark):
                verdict = "none: exact word"
            elif reason == "contains":
                verdict = "none: inside a word"
            elif reason == "one edit":
                verdict = "none: common word" if fold(word) in common else "none: not a typo"
            else:
                verdict = "none: other script"
            tally[language][(reason, verdict)] += 1
        print(f"\n{path}: {len(marks)} marks, top {arguments.top} words of {', '.join(LANGUAGES)}")
        keys = sorted({key for counter in tally.values() for key in counter})
        print("language | naive hits | " + " | ".join(f"{reason} → {verdict}" for reason, verdict in keys))
        totals = collections.Counter()
        for language in LANGUAGES:
            counter = tally[language]
            totals.update(counter)
            print(" | ".join([language, str(sum(counter.values()))] + [str(counter[key]) for key in keys]))
        print(" | ".join(["all", str(sum(totals.values()))] + [str(totals[key]) for key in keys]))
        print(f"strong hits ({len(strong)}):")
        for language, mark, word, reason, score, how in strong[:arguments.show]:
            print(f"  {language} {mark!r} in {word!r} ({reason}): score {score}, {how}")
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
