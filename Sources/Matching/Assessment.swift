public import Findings
public import Foundation

/// What a listing showed for one brand: the signals a finding rests on.
public struct Evidence: Sendable, Hashable {
    public var images: [ImageMatch]
    public var marks: [MarkMatch]
    /// Registered texts copied into the listing.
    public var copies: [TextCopyMatch] = []
    /// Counterfeit and fair-use cues of the listing; they weigh only beside a mark or a copy (`Scorer+Text.swift`).
    public var context: [ContextMatch] = []
    /// The listing's price and the brand's floor, when the price is below it in the same currency.
    public var priceBelowFloor: (price: Decimal, floor: Decimal)?

    public init(images: [ImageMatch] = [], marks: [MarkMatch] = [], priceBelowFloor: (Decimal, Decimal)? = nil) {
        self.images = images
        self.marks = marks
        self.priceBelowFloor = priceBelowFloor.map { (price: $0.0, floor: $0.1) }
    }

    public static func == (lhs: Evidence, rhs: Evidence) -> Bool {
        lhs.images == rhs.images && lhs.marks == rhs.marks && lhs.copies == rhs.copies && lhs.context == rhs.context
            && lhs.priceBelowFloor?.price == rhs.priceBelowFloor?.price
            && lhs.priceBelowFloor?.floor == rhs.priceBelowFloor?.floor
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(images)
        hasher.combine(marks)
        hasher.combine(copies)
        hasher.combine(context)
        hasher.combine(priceBelowFloor?.price)
        hasher.combine(priceBelowFloor?.floor)
    }

    /// Whether there is anything to report: an image, a mark or a copied text (a low price or a cue alone is no
    /// infringement).
    public var isEmpty: Bool { images.isEmpty && marks.isEmpty && copies.isEmpty }
}

/// A finding's score in 0...1 and its severity.
public struct Assessment: Sendable, Hashable {
    public var score: Double
    public var severity: Severity
}

/// Turns evidence into a score and a severity.
///
/// Each signal has a strength in 0...1: an image match its `ImageMatch.strength` (`ImageMatcher.strength`: 1 for
/// identical hashes, 0.55 at the threshold, a third of that when a low-information image's match is untrusted), the
/// text's strongest mark and each copied text (`Scorer+Text.swift`), a price below the brand's floor 0.2 (counted
/// only beside an image or a mark). The score is their noisy-OR, 1 − Π(1 − strength): it grows with every added or stronger signal and
/// never passes 1. Severity is `serious` for a trusted image match of strength 0.75 or more (within about 17 bits
/// for whole pictures), for a mark in the title at a price below the floor, or for a score of 0.9 or more;
/// `moderate` from 0.6; `low` below. Text signals (marks by how they were found, copied texts, counterfeit and
/// fair-use cues) enter through `textStrengths(_:)` and `adjustedForText(_:evidence:)` in `Scorer+Text.swift`.
/// The default `--min-score` of 0.5 is calibrated with `proofmark robustness` (`Docs/design-image-matching.md`).
public enum Scorer {
    public static func assess(_ evidence: Evidence) -> Assessment {
        guard !evidence.isEmpty else { return Assessment(score: 0, severity: .low) }
        var strengths = evidence.images.map(\.strength)
        strengths += textStrengths(evidence)
        if evidence.priceBelowFloor != nil { strengths.append(0.2) }
        let score = 1 - strengths.reduce(1) { $0 * (1 - $1) }
        let closeImage = evidence.images.contains { $0.trusted && $0.strength >= ImageMatcher.seriousStrength }
        let cheapMarkInTitle =
            evidence.priceBelowFloor != nil && evidence.marks.contains { $0.field == "title" && !$0.isWeak }
        let severity: Severity =
            closeImage || cheapMarkInTitle || score >= 0.9 ? .serious : score >= 0.6 ? .moderate : .low
        return adjustedForText(
            Assessment(score: (score * 10_000).rounded() / 10_000, severity: severity), evidence: evidence)
    }
}
