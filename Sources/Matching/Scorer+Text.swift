/// How text signals enter a finding's score and severity.
///
/// Strengths (combined with the image and price strengths by the Scorer's noisy-OR):
/// - a word mark: 0.6 in the title, 0.4 elsewhere, times 0.75 when found only through one edit (a misspelling is
///   weaker evidence than the mark itself); several marks of one right count once per field;
/// - a copied text: 0.5 + 0.4 × containment (the share of the registered text taken), at least 0.6 when 30 or more
///   words are copied.
/// Context (cues count only beside a mark or a copy, never alone):
/// - a counterfeit cue ("replica", "AAA", "1:1", 高仿, ...) makes the finding `serious` and its score at least 0.9;
/// - nominative phrasing ("compatible with", "for ZOLTA", 适用于, ...) without a counterfeit cue, a copied text or an
///   image within 16 bits makes it probable fair use: severity `low` and the score capped at 0.5, the default
///   `--min-score`, so the finding is still reported (the analyst sees it, last among text findings) while
///   complaint exports, seeing its `fair-use` context signal and `low` severity, never treat it as infringement by
///   itself.
extension Scorer {
    /// The cap on the score of a probable fair use.
    public static let fairUseScoreCap = 0.5

    /// The strengths of the text signals of `evidence`.
    public static func textStrengths(_ evidence: Evidence) -> [Double] {
        var strongest: [String: Double] = [:]
        for mark in evidence.marks {
            let base = mark.field == "title" ? 0.6 : 0.4
            let strength = mark.how == "edit" ? base * 0.75 : base
            strongest[mark.field] = max(strongest[mark.field] ?? 0, strength)
        }
        var strengths = strongest.keys.sorted().compactMap { strongest[$0] }
        strengths += evidence.copies.map { copy in
            let strength = 0.5 + 0.4 * copy.containment
            return copy.copiedWords >= 30 ? max(strength, 0.6) : strength
        }
        return strengths
    }

    /// Whether `evidence` reads as nominative use: a fair-use cue, no counterfeit cue, no copied text and no close
    /// image.
    public static func isProbableFairUse(_ evidence: Evidence) -> Bool {
        evidence.context.contains { $0.cue == "fair-use" } && !evidence.context.contains { $0.cue == "counterfeit" }
            && evidence.copies.isEmpty
            && !evidence.images.contains { $0.trusted && $0.strength >= ImageMatcher.seriousStrength }
    }

    /// The assessment after context cues: counterfeit talk raises it, nominative phrasing caps it.
    public static func adjustedForText(_ assessment: Assessment, evidence: Evidence) -> Assessment {
        guard !evidence.marks.isEmpty || !evidence.copies.isEmpty else { return assessment }
        var adjusted = assessment
        if evidence.context.contains(where: { $0.cue == "counterfeit" }) {
            adjusted.severity = .serious
            adjusted.score = max(adjusted.score, 0.9)
        } else if isProbableFairUse(evidence) {
            adjusted.severity = .low
            adjusted.score = min(adjusted.score, fairUseScoreCap)
        }
        return adjusted
    }
}
