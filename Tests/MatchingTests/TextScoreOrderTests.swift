import Matching
import Testing

/// The text score orders the evidence (`Scorer+Text.swift`): fair use < weak hits < description only < evaded in the
/// title < exact in the title < a copied text or a counterfeit cue.
@Suite struct TextScoreOrderTests {
    let matcher = TextMatcher(
        marks: [
            RegisteredMark(brand: "Zolta", text: "ZOLTA", right: "tm-z"),
            RegisteredMark(brand: "Zhiyou", text: "致优", right: "tm-y"),
            RegisteredMark(brand: "Shell", text: "SHELL", right: "tm-s", goods: ["fuel", "motor oil", "lubricants"]),
            RegisteredMark(brand: "Zolta", text: "SILKARA", right: "tm-k", goods: ["scarves"]),
        ],
        texts: [
            ProtectedText(
                brand: "Zolta", id: "copy", right: "c-z",
                content: "A three-layer membrane keeps rain out while letting steam escape on steep climbs. "
                    + "Every seam is taped by hand in our workshop and tested under a shower for an hour.")
        ])

    /// The best finding score per brand, one finding per right as `proofmark run` makes them.
    func score(_ title: String, _ description: String = "Fast shipping.", brand: String = "Zolta") -> Double {
        let found = matcher.match([("title", title), ("description", description)])
        let marks = found.marks.filter { $0.brand == brand }
        let copies = found.copies.filter { $0.brand == brand }
        var best = 0.0
        for right in Set(marks.map(\.right) + copies.map(\.right)) {
            var evidence = Evidence(marks: marks.filter { $0.right == right })
            evidence.copies = copies.filter { $0.right == right }
            evidence.context = found.context
            best = max(best, Scorer.assess(evidence).score)
        }
        return best
    }

    @Test func levelsOrderTheEvidence() {
        let fairUse = score("Case compatible with ZOLTA X2")
        let weak = score("精致优雅连衣裙", brand: "Zhiyou")
        let descriptionEdit = score("Running shoes", "Like Zolte, only cheaper.")
        let descriptionOnly = score("Running shoes", "Style like ZOLTA. Fast shipping.")
        let titleEdit = score("Zolte running shoes")
        let evaded = score("Z0LTA running shoes")
        let exact = score("ZOLTA running shoes")
        let exactTwice = score("ZOLTA running shoes", "ZOLTA quality.")
        let copied = score(
            "Rain jacket",
            "A three-layer membrane keeps rain out while letting steam escape on steep climbs. Every seam is taped "
                + "by hand in our workshop and tested under a shower for an hour.")
        let counterfeit = score("ZOLTA running shoes AAA replica")
        #expect(fairUse > 0 && fairUse < weak)
        #expect(weak < descriptionEdit)
        #expect(descriptionEdit < descriptionOnly)
        #expect(descriptionOnly < titleEdit)
        #expect(titleEdit < evaded)
        #expect(evaded < exact)
        #expect(exact == exactTwice)
        #expect(exactTwice < copied)
        #expect(exact < counterfeit && counterfeit >= 0.9)
    }

    @Test(arguments: [
        "Case compatible with ZOLTA X2", "Replacement band for ZOLTA watch", "Funda compatible con ZOLTA X2",
        "适用于ZOLTA X2手机壳", "ZOLTA X2対応 ケース",
    ])
    func fairUseRanksBelowEveryPlainUse(title: String) {
        #expect(score(title) < score("Running shoes", "Zolte."))
    }

    @Test func aCounterfeitCueBesideAWeakHitRaisesNothing() {
        #expect(score("精致优雅连衣裙 高仿", brand: "Zhiyou") == Scorer.weakMarkStrength)
    }

    @Test func anOrdinaryWordMarkIsStrongOnlyOnItsGoods() {
        let beach = score("Sea shell necklace, beach jewellery", brand: "Shell")
        let oil = score("SHELL motor oil 5W-30, 4 litres", brand: "Shell")
        #expect(beach == Scorer.weakMarkStrength)
        #expect(oil == 0.75)
        let found = matcher.match([("title", "Sea shell necklace")])
        #expect(found.marks.map(\.goods) == [.outside] && found.marks.allSatisfy(\.isWeak))
    }

    @Test func aCoinedMarkOffItsGoodsStaysAPlainUse() {
        let off = score("SILKARA running shoes")
        #expect(off < score("SILKARA silk scarves") && off > score("Running shoes", "Style like ZOLTA."))
    }
}
