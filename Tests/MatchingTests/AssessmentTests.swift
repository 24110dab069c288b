import Findings
import Foundation
import Matching
import PerceptualHash
import Testing

@Suite struct ScorerTests {
    static func image(_ distance: Int) -> ImageMatch {
        ImageMatch(
            assetID: "logo", brand: "Acme", right: "tm-1", algorithm: "pdq", distance: distance, inliers: nil,
            variant: .original, referenceView: "whole", suspectView: "whole", region: nil, trusted: true,
            strength: ImageMatcher.strength(distance: distance, threshold: ImageMatcher.wholeThreshold, trusted: true))
    }

    static func mark(_ field: String) -> MarkMatch {
        MarkMatch(brand: "Acme", mark: "ACME", right: "tm-1", found: "ACME", field: field, span: 0..<4, how: "exact")
    }

    @Test func noImageOrMarkIsNoFinding() {
        let cheapOnly = Scorer.assess(Evidence(priceBelowFloor: (Decimal(5), Decimal(40))))
        #expect(cheapOnly.score == 0)
    }

    @Test func scoreGrowsWithEveryAddedOrStrongerSignal() {
        let weakImage = Scorer.assess(Evidence(images: [Self.image(30)])).score
        let strongImage = Scorer.assess(Evidence(images: [Self.image(4)])).score
        let imageAndMark = Scorer.assess(Evidence(images: [Self.image(30)], marks: [Self.mark("title")])).score
        let all = Scorer.assess(
            Evidence(images: [Self.image(30)], marks: [Self.mark("title")], priceBelowFloor: (Decimal(5), Decimal(40)))
        ).score
        #expect(weakImage < strongImage)
        #expect(weakImage < imageAndMark && imageAndMark < all && all <= 1)
        #expect(Scorer.assess(Evidence(images: [Self.image(0)])).score == 1)
    }

    @Test func severityFollowsTheStrongestEvidence() {
        #expect(Scorer.assess(Evidence(images: [Self.image(10)])).severity == .serious)
        // A mark only in the description (keyword stuffing) scores 0.6 since issue 17: moderate, below the title.
        #expect(Scorer.assess(Evidence(marks: [Self.mark("description")])).severity == .moderate)
        #expect(
            Scorer.assess(Evidence(marks: [Self.mark("description")])).score
                < Scorer.assess(Evidence(marks: [Self.mark("title")])).score)
        #expect(Scorer.assess(Evidence(marks: [Self.mark("title")])).severity == .moderate)
        #expect(
            Scorer.assess(Evidence(marks: [Self.mark("title")], priceBelowFloor: (Decimal(5), Decimal(40)))).severity
                == .serious)
    }
}
