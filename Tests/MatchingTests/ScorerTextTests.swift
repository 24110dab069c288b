import Findings
import Matching
import Testing

@Suite struct ScorerTextTests {
    let matcher = TextMatcher(
        marks: [RegisteredMark(brand: "Zolta", text: "ZOLTA", right: "tm-z")],
        texts: [])

    func assess(_ title: String) -> (TextEvidence, Assessment) {
        let found = matcher.match([("title", title)])
        var evidence = Evidence(marks: found.marks)
        evidence.copies = found.copies
        evidence.context = found.context
        return (found, Scorer.assess(evidence))
    }

    @Test(arguments: [
        "Case compatible with ZOLTA Z5", "Silikonhülle für ZOLTA Z5", "Чехол для ZOLTA Z5", "ZOLTA Z5対応 ケース",
        "适用于ZOLTA Z5手机壳", "Funda para ZOLTA Z5", "Replacement strap for Z0LTA watch",
        "Band works for ZOLTA watches", "Cinturino compatibile ZOLTA Z5", "Чехол совместимый ZOLTA Z5",
        "Funda compatibles con ZOLTA Z5", "Lacets gris, s'adapte aux modèles ZOLTA", "Schnürsenkel, passt zu ZOLTA",
        "ZOLTA无人机专用电池", "ZOLTA 腕時計対応 交換バンド", "Стельки, подходит к ZOLTA",
    ])
    func nominativeUseIsLowAndCapped(title: String) {
        let (found, assessment) = assess(title)
        #expect(!found.marks.isEmpty)
        #expect(found.context.contains { $0.cue == "fair-use" })
        #expect(assessment.severity == .low && assessment.score <= Scorer.fairUseScoreCap)
    }

    @Test(arguments: ["ZOLTA sneakers AAA replica", "ZOLTA 高仿 运动鞋", "Z0LTA 1:1 mirror quality", "ZOLTA dupe for less"])
    func counterfeitCuesMakeItSerious(title: String) {
        let (found, assessment) = assess(title)
        #expect(found.context.contains { $0.cue == "counterfeit" })
        #expect(assessment.severity == .serious && assessment.score >= 0.9)
    }

    @Test(arguments: [
        "ZOLTA sneakers, 100% authentic, not a replica", "ZOLTA Sneaker, keine Fälschung", "ZOLTA 正品 不是高仿",
    ])
    func deniedCounterfeitCuesAreNoCues(title: String) {
        #expect(!assess(title).0.context.contains { $0.cue == "counterfeit" })
    }

    @Test(arguments: ["ZOLTA Haarspange. Material: Leder.", "ZOLTA 运动鞋 男女同款", "ZOLTA 情侶同款 T恤"])
    func ordinaryWordingIsNoCounterfeitCue(title: String) {
        #expect(!assess(title).0.context.contains { $0.cue == "counterfeit" })
    }

    @Test func aProductWordBetweenTheMarkAndForMenIsNoFairUse() {
        #expect(!assess("ZOLTA运动鞋男用").0.context.contains { $0.cue == "fair-use" })
    }

    @Test func cuesAloneAreNoEvidence() {
        let found = matcher.match([("title", "AAA replica sneakers compatible with everything")])
        #expect(found.marks.isEmpty && found.context.isEmpty)
    }

    @Test func theWordForCountsOnlyRightBeforeTheMark() {
        #expect(assess("ZOLTA running shoes for men").0.context.isEmpty)
        #expect(assess("Strap for the ZOLTA watch").0.context.map(\.phrase) == ["for the"])
    }

    @Test func aMisspeltMarkWeighsLessThanTheMark() {
        #expect(assess("Zolte sneakers").1.score < assess("ZOLTA sneakers").1.score)
    }
}
