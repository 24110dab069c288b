import Findings
import Foundation

/// What a harness run measured: per edit, the best score each positive got for its own registered image and each
/// negative's best score against any; and what follows from them.
public struct RobustnessReport: Sendable {
    public struct Result: Sendable, Hashable {
        public var edit: RobustnessEdit
        public var positive: Bool
        public var score: Double
        /// A positive whose best match was another registered image.
        public var wrongAsset: Bool
        public var algorithm: String?
        /// The registered image or negative edited.
        public var item: String
        /// The registered image of the best match, and the views that matched.
        public var matched: String?
        /// Fingerprinting (decode included) and matching, on one thread.
        public var milliseconds: Double
        /// Whether hashes left doubt and a second look (content views, local features) was taken.
        public var usedSecondLook: Bool

        public init(
            edit: RobustnessEdit, positive: Bool, score: Double, wrongAsset: Bool, algorithm: String?, item: String,
            matched: String?, milliseconds: Double, usedSecondLook: Bool = false
        ) {
            self.usedSecondLook = usedSecondLook
            self.edit = edit
            self.positive = positive
            self.score = score
            self.wrongAsset = wrongAsset
            self.algorithm = algorithm
            self.item = item
            self.matched = matched
            self.milliseconds = milliseconds
        }
    }

    /// An input left out, and why.
    public struct Skipped: Sendable, Hashable {
        public var item: String
        public var reason: String
    }

    public var cases: [Result]
    public var assets: Int
    public var negatives: Int
    public var negativesSource: String
    public var minimumScore: Double
    public var indexedHashes: Int
    public var seed: UInt64
    public var skipped: [Skipped]
    /// The text section, when the registry has marks or texts.
    public var text: TextRobustnessReport?

    public init(
        cases: [Result], assets: Int, negatives: Int, negativesSource: String, minimumScore: Double,
        indexedHashes: Int, seed: UInt64, skipped: [Skipped], text: TextRobustnessReport? = nil
    ) {
        self.text = text
        self.cases = cases
        self.assets = assets
        self.negatives = negatives
        self.negativesSource = negativesSource
        self.minimumScore = minimumScore
        self.indexedHashes = indexedHashes
        self.seed = seed
        self.skipped = skipped
    }

    var positives: [Result] { cases.filter(\.positive) }
    var negativeResults: [Result] { cases.filter { !$0.positive } }

    /// The lowest score threshold at which at most `rate` of the negatives score at or above it.
    public func threshold(falsePositiveRate rate: Double) -> Double {
        let scores = negativeResults.map(\.score).filter { $0 > 0 }.sorted(by: >)
        let allowed = Int((Double(negativeResults.count) * rate).rounded(.down))
        // Any threshold above the (allowed + 1)-th highest negative score admits at most `allowed` of them.
        guard allowed < scores.count else { return Double.leastNonzeroMagnitude }
        return scores[allowed].nextUp
    }

    /// The share of `results` found at `threshold`.
    static func recall(_ results: [Result], at threshold: Double) -> Double {
        guard !results.isEmpty else { return 0 }
        return Double(results.filter { $0.score >= threshold && $0.score > 0 }.count) / Double(results.count)
    }

    /// The share of negatives at or above `threshold`.
    public func falsePositiveRate(at threshold: Double) -> Double {
        let negatives = negativeResults
        guard !negatives.isEmpty else { return 0 }
        return Double(negatives.filter { $0.score >= threshold && $0.score > 0 }.count) / Double(negatives.count)
    }

    /// Recall of all positives, or of one edit's, at `threshold`.
    public func recall(edit: RobustnessEdit? = nil, at threshold: Double) -> Double {
        Self.recall(positives.filter { edit == nil || $0.edit == edit }, at: threshold)
    }

    public func recall(family: RobustnessEdit.Family, at threshold: Double) -> Double {
        Self.recall(positives.filter { $0.edit.family == family }, at: threshold)
    }

    /// Mean milliseconds per suspect picture (all of them, or those hashes decided or left to features).
    public func meanMilliseconds(usedSecondLook: Bool? = nil) -> Double {
        let chosen = cases.filter { usedSecondLook == nil || $0.usedSecondLook == usedSecondLook }
        return chosen.isEmpty ? 0 : chosen.reduce(0) { $0 + $1.milliseconds } / Double(chosen.count)
    }

    /// The report as text, one line per edit, then the families and the totals.
    public var textLines: [String] {
        let at1 = threshold(falsePositiveRate: 0.01)
        let at01 = threshold(falsePositiveRate: 0.001)
        func percent(_ value: Double) -> String { String(format: "%5.1f%%", value * 100) }
        var lines = [
            "Image robustness: \(assets) registered images, \(negatives) negatives (\(negativesSource)), "
                + "\(cases.count) edited pictures, seed \(seed)",
            "edit                    family        at min-score \(minimumScore)   at 1% FP   at 0.1% FP",
        ]
        for edit in RobustnessEdit.allCases {
            let name = edit.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0)
            let family = edit.family.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
            lines.append(
                "\(name)\(family)\(percent(recall(edit: edit, at: minimumScore)))            "
                    + "\(percent(recall(edit: edit, at: at1)))     \(percent(recall(edit: edit, at: at01)))")
        }
        for family in RobustnessEdit.Family.allCases {
            let name = ("family " + family.rawValue).padding(toLength: 38, withPad: " ", startingAt: 0)
            lines.append(
                "\(name)\(percent(recall(family: family, at: minimumScore)))            "
                    + "\(percent(recall(family: family, at: at1)))     \(percent(recall(family: family, at: at01)))"
                    + "   (target \(Int(family.target * 100))% at 1% FP)")
        }
        lines.append(
            "overall recall".padding(toLength: 38, withPad: " ", startingAt: 0)
                + "\(percent(recall(at: minimumScore)))            \(percent(recall(at: at1)))     "
                + "\(percent(recall(at: at01)))")
        lines.append(
            "false positives at min-score \(minimumScore): \(percent(falsePositiveRate(at: minimumScore))) of "
                + "\(negativeResults.count) edited negatives; score thresholds for 1% FP: "
                + String(format: "%.4f", at1) + ", for 0.1% FP: " + String(format: "%.4f", at01))
        let wrong = positives.filter(\.wrongAsset).count
        lines.append(
            "positives whose best match was another registered image: \(wrong); mean time per picture "
                + String(format: "%.2f ms", meanMilliseconds())
                + " (decode, fingerprint and match, one thread): "
                + String(format: "%.2f ms", meanMilliseconds(usedSecondLook: false))
                + " for the \(cases.filter { !$0.usedSecondLook }.count) hashes decided, "
                + String(format: "%.2f ms", meanMilliseconds(usedSecondLook: true))
                + " for the \(cases.filter(\.usedSecondLook).count) left to a second look (content views, local features)"
        )
        let worst = negativeResults.filter { $0.score >= minimumScore && $0.score > 0 }.sorted {
            ($1.score, $0.item, $0.edit.rawValue) < ($0.score, $1.item, $1.edit.rawValue)
        }
        if !worst.isEmpty {
            lines.append("negatives matched at min-score (worst first, at most 20):")
            lines += worst.prefix(20).map {
                "  \($0.item) (\($0.edit.rawValue)): " + String(format: "%.4f", $0.score)
                    + " \($0.algorithm ?? "") \($0.matched ?? "")"
            }
        }
        if let text {
            lines.append("")
            lines += text.lines
        }
        if !skipped.isEmpty {
            lines.append("skipped \(skipped.count):")
            lines += skipped.map { "  \($0.item): \($0.reason)" }
        }
        return lines
    }

    /// The report as JSON (sorted keys; rates rounded to 4 places).
    public var json: String {
        let at1 = threshold(falsePositiveRate: 0.01)
        let at01 = threshold(falsePositiveRate: 0.001)
        func rounded(_ value: Double) -> JSON { .double((value * 10_000).rounded() / 10_000) }
        var edits: [String: JSON] = [:]
        for edit in RobustnessEdit.allCases {
            let results = positives.filter { $0.edit == edit }
            var algorithms: [String: JSON] = [:]
            for result in results where result.score >= minimumScore {
                let name = result.algorithm ?? "none"
                if case .integer(let count)? = algorithms[name] {
                    algorithms[name] = .integer(count + 1)
                } else {
                    algorithms[name] = .integer(1)
                }
            }
            edits[edit.rawValue] = [
                "family": .string(edit.family.rawValue), "positives": .integer(results.count),
                "recall_at_min_score": rounded(recall(edit: edit, at: minimumScore)),
                "recall_at_1pct_fp": rounded(recall(edit: edit, at: at1)),
                "recall_at_0_1pct_fp": rounded(recall(edit: edit, at: at01)),
                "negatives": .integer(negativeResults.filter { $0.edit == edit }.count),
                "false_positives_at_min_score": .integer(
                    negativeResults.filter { $0.edit == edit && $0.score >= minimumScore && $0.score > 0 }.count),
                "found_by": .object(algorithms),
            ]
        }
        var families: [String: JSON] = [:]
        for family in RobustnessEdit.Family.allCases {
            families[family.rawValue] = [
                "target_at_1pct_fp": rounded(family.target),
                "recall_at_min_score": rounded(recall(family: family, at: minimumScore)),
                "recall_at_1pct_fp": rounded(recall(family: family, at: at1)),
                "recall_at_0_1pct_fp": rounded(recall(family: family, at: at01)),
            ]
        }
        let object: JSON = [
            "registered_images": .integer(assets), "negatives": .integer(negatives),
            "negatives_source": .string(negativesSource), "edited_pictures": .integer(cases.count),
            "indexed_hashes": .integer(indexedHashes), "seed": .string(String(seed)),
            "min_score": .double(minimumScore),
            "false_positive_rate_at_min_score": rounded(falsePositiveRate(at: minimumScore)),
            "threshold_at_1pct_fp": rounded(at1), "threshold_at_0_1pct_fp": rounded(at01),
            "recall_at_min_score": rounded(recall(at: minimumScore)), "recall_at_1pct_fp": rounded(recall(at: at1)),
            "recall_at_0_1pct_fp": rounded(recall(at: at01)),
            "wrong_asset_positives": .integer(positives.filter(\.wrongAsset).count),
            "mean_milliseconds_per_picture": rounded(meanMilliseconds()),
            "mean_milliseconds_decided_by_hashes": rounded(meanMilliseconds(usedSecondLook: false)),
            "mean_milliseconds_with_second_look": rounded(meanMilliseconds(usedSecondLook: true)),
            "pictures_with_second_look": .integer(cases.filter(\.usedSecondLook).count),
            "edits": .object(edits), "families": .object(families),
            "skipped": .array(skipped.map { ["item": .string($0.item), "reason": .string($0.reason)] }),
            "text": text.map { .verbatim($0.json) } ?? .null,
            // Every edited picture's outcome, so a user can see which of their images fail which edit.
            "pictures": .array(
                cases.map { result in
                    var object: [String: JSON] = [
                        "item": .string(result.item), "edit": .string(result.edit.rawValue),
                        "positive": .bool(result.positive), "score": rounded(result.score),
                    ]
                    if let algorithm = result.algorithm { object["algorithm"] = .string(algorithm) }
                    if let matched = result.matched { object["matched"] = .string(matched) }
                    return .object(object)
                }),
        ]
        return object.text
    }
}
