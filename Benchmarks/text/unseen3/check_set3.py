#!/usr/bin/env python3
"""Sanity checks for a make_set3.py folder: files parse, ids line up, brands exist, and a naive matcher's view
(NFKC + casefold + invisible characters removed, substring) per kind and family."""
import collections, json, os, sys, unicodedata
import yaml
d = sys.argv[1]
reg = yaml.safe_load(open(os.path.join(d, "registry.yaml"), encoding="utf-8"))
rights = {r["id"] for r in reg["rights"]}
names = {b["name"] for b in reg["brands"]}
marks = {}
for b in reg["brands"]:
    for m in b["marks"]:
        assert m["right"] in rights
        marks.setdefault(b["name"], []).append(m["text"])
    for t in b.get("texts", []):
        assert t["right"] in rights and os.path.exists(os.path.join(d, t["path"])), t
dump = [json.loads(l) for l in open(os.path.join(d, "dump.jsonl"), encoding="utf-8")]
labels = [json.loads(l) for l in open(os.path.join(d, "labels.jsonl"), encoding="utf-8")]
assert len(dump) == len(labels) and len({x["listing_id"] for x in dump}) == len(dump)
byid = {x["listing_id"]: x for x in dump}
for l in labels:
    assert set(l) == {"listing_id", "kind", "brand", "family"} and l["listing_id"] in byid
    assert l["kind"] in ("infringing", "innocent", "fair-use", "copy")
    assert (l["brand"] is None) == (l["kind"] == "innocent") and (l["brand"] is None or l["brand"] in names), l
norm = lambda s: "".join(c for c in unicodedata.normalize("NFKC", s).casefold() if c not in "\u200b\u200c\u200d\u2060\u00ad")
hit = collections.Counter(); tot = collections.Counter(); inno_hits = []
for l in labels:
    x = byid[l["listing_id"]]
    text = norm(x["title"] + " \n " + x.get("description", ""))
    key = (l["kind"], l["family"])
    tot[key] += 1
    found = [b for b, ms in marks.items() if any(norm(m) in text for m in ms)]
    if l["kind"] == "innocent":
        if found:
            hit[key] += 1; inno_hits.append((l["family"], found, x["title"]))
    elif l["brand"] in found:
        hit[key] += 1
print(f"OK: {len(dump)} listings, {len(reg['brands'])} brands, {sum(len(v) for v in marks.values())} marks, {len(rights)} rights")
print("naive NFKC-casefold substring matcher (share of listings where the labelled brand's mark is found; for innocents: any mark):")
for k in sorted(tot):
    print(f"  {k[0]:10s} {k[1]:16s} {hit[k]:4d}/{tot[k]:4d}")
print("innocent listings containing a registered mark as a substring:")
for f, b, t in inno_hits[:40]:
    print("  ", f, b, t)
