import Findings

/// How text signals enter a finding's score and severity (`Docs/design-text-evidence.md`, "Score and severity").
///
/// The levels order the evidence, so that one threshold separates infringement from the rest:
/// - a counterfeit cue ("replica", "AAA", "1:1", 高仿, ...) beside a mark that is not weak, or beside a copied text:
///   `serious`, score at least 0.9;
/// - a copied registered text: 0.8 + 0.15 × containment (the share of the registered text taken);
/// - a plain use of a mark, by how strong it is: exact in the title 0.75; evaded in the title (glued,
///   inflected, spaced, confusable, leet) 0.7; one edit in the title 0.65; only in the description 0.6, 0.55 through one edit. A
///   coined mark on a listing naming none of its right's goods loses 0.05. Several marks of one right count once:
///   the strongest;
/// - a weak hit, 0.3: a Han or kana mark cutting through a word (致优 in 精致优雅), or a mark that is an ordinary word
///   (APPLE, SHELL) on a listing naming none of the goods its right covers;
/// - probable fair use, a nominative cue ("compatible with", "for ZOLTA", 适用于, ...) without a counterfeit cue, a
///   copied text or an image within 16 bits: severity `low` and the score capped at 0.2, below every plain use and
///   every weak hit, so that innocent look-alikes set any threshold above it. Below the default `--min-score` of
///   0.5, such a finding is kept only by a lower `--min-score`; exports never treat a finding with a `fair-use`
///   context signal and `low` severity as infringement by itself.
/// The text strength then joins the image and price strengths in the Scorer's noisy-OR (`Scorer.assess`).
extension Scorer {
    /// The cap on the score of a probable fair use.
    public static let fairUseScoreCap = 0.2

    /// The strength of a weak hit (`MarkMatch.isWeak`).
    public static let weakMarkStrength = 0.3

    /// The strength of one mark occurrence (see the type's summary).
    public static func markStrength(_ mark: MarkMatch) -> Double {
        if mark.isWeak { return weakMarkStrength }
        let inTitle = mark.field == "title"
        var strength: Double =
            switch mark.how {
            case "exact": inTitle ? 0.75 : 0.6
            case "edit": inTitle ? 0.65 : 0.55
            default: inTitle ? 0.7 : 0.6
            }
        if mark.goods == .outside { strength -= 0.05 }
        return strength
    }

    /// The strength of a copied registered text.
    public static func copyStrength(_ copy: TextCopyMatch) -> Double { 0.8 + 0.15 * copy.containment }

    /// The strengths of the text signals of `evidence`: the strongest mark, and each copied text.
    public static func textStrengths(_ evidence: Evidence) -> [Double] {
        let marks = evidence.marks.map(markStrength).max().map { [$0] } ?? []
        return marks + evidence.copies.map(copyStrength)
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
        let counterfeit = evidence.context.contains { $0.cue == "counterfeit" }
        if counterfeit, evidence.marks.contains(where: { !$0.isWeak }) || !evidence.copies.isEmpty {
            adjusted.severity = .serious
            adjusted.score = max(adjusted.score, 0.9)
        } else if !counterfeit, isProbableFairUse(evidence) {
            adjusted.severity = .low
            adjusted.score = min(adjusted.score, fairUseScoreCap)
        }
        return adjusted
    }
}
