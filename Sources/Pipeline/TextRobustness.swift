import Findings
import Foundation
public import Intake
import Matching
import TextFingerprint

/// What the text robustness harness measured (`TextRobustness.run`).
public struct TextRobustnessReport: Sendable, Hashable {
    /// Recall of one evasion family: listings generated, listings whose brand was found.
    public struct Family: Sendable, Hashable {
        public var name: String
        public var cases: Int
        public var found: Int
        public var recall: Double { cases == 0 ? 1 : Double(found) / Double(cases) }
        /// Up to three listings missed, for the analyst to look at.
        public var missed: [String]
    }

    /// Per evasion family, in `TextRobustness.families` order.
    public var families: [Family]
    /// Innocent listings (ordinary words containing a mark, near words, ordinary titles) and how many were flagged.
    public var innocents: Int
    public var falsePositives: Int
    /// Up to three innocent listings that were flagged, and what was found in them.
    public var falsePositiveExamples: [String] = []
    /// Fair-use listings and how many were flagged as infringement (a finding not marked probable fair use).
    public var fairUse: Int
    public var fairUseFlagged: Int
    /// Copied descriptions (whole, and a few sentences embedded) and how many were found.
    public var copies: Int
    public var copiesFound: Int
    public var seed: UInt64

    public var falsePositiveRate: Double { innocents == 0 ? 0 : Double(falsePositives) / Double(innocents) }
    public var fairUseFlaggedRate: Double { fairUse == 0 ? 0 : Double(fairUseFlagged) / Double(fairUse) }
    public var copyRecall: Double { copies == 0 ? 1 : Double(copiesFound) / Double(copies) }
    /// Recall over every infringing listing of every family.
    public var recall: Double {
        let cases = families.reduce(0) { $0 + $1.cases }
        return cases == 0 ? 1 : Double(families.reduce(0) { $0 + $1.found }) / Double(cases)
    }

    /// The report as text lines, for a terminal.
    public var lines: [String] {
        var lines = ["text robustness (seed \(seed))"]
        for family in families {
            lines.append(
                "  \(family.name.padding(toLength: 17, withPad: " ", startingAt: 0)) recall \(Self.percent(family.recall)) "
                    + "(\(family.found)/\(family.cases))")
        }
        lines.append("  overall recall    \(Self.percent(recall))")
        lines.append(
            "  false positives   \(Self.percent(falsePositiveRate)) (\(falsePositives)/\(innocents) innocent listings)")
        lines += falsePositiveExamples.map { "    flagged: \($0)" }
        lines.append(
            "  fair use flagged  \(Self.percent(fairUseFlaggedRate)) (\(fairUseFlagged)/\(fairUse) fair-use listings)")
        lines.append("  copied texts      recall \(Self.percent(copyRecall)) (\(copiesFound)/\(copies))")
        return lines
    }

    /// The report as one JSON object with sorted keys (byte-stable for the same registry, word list and seed).
    public var json: String {
        JSON.object([
            "seed": .string(String(seed)), "recall": .double(Self.rounded(recall)),
            "families": .array(
                families.map { family in
                    [
                        "name": .string(family.name), "cases": .integer(family.cases), "found": .integer(family.found),
                        "recall": .double(Self.rounded(family.recall)),
                        "missed": .array(family.missed.map(JSON.string)),
                    ]
                }),
            "innocents": .integer(innocents), "false_positives": .integer(falsePositives),
            "false_positive_examples": .array(falsePositiveExamples.map(JSON.string)),
            "false_positive_rate": .double(Self.rounded(falsePositiveRate)), "fair_use": .integer(fairUse),
            "fair_use_flagged": .integer(fairUseFlagged),
            "fair_use_flagged_rate": .double(Self.rounded(fairUseFlaggedRate)),
            "copies": .integer(copies), "copies_found": .integer(copiesFound),
            "copy_recall": .double(Self.rounded(copyRecall)),
        ]).text
    }

    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1_000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// A robustness harness for text evidence: generates evasions of the registry's own marks, innocent look-alikes
/// from a word list, nominative (fair-use) listings and copied descriptions, runs the text matcher on them, and
/// reports recall per evasion family, the false-positive rate on innocents, the share of fair use flagged as
/// infringement and the recall of copied descriptions. Deterministic for a registry, word list and seed.
public enum TextRobustness {
    /// The evasion families, in report order.
    public static let families = [
        "exact", "glued", "spaced", "confusable", "leet", "edit", "han", "description-only", "cue-laden",
    ]

    /// The shipped list of common words (wordfreq, nine languages; `Scripts/generate_text_tables.py`), which the
    /// `edit` matches also avoid.
    public static var defaultWordList: [String] { CommonWords.all }

    /// Runs the harness. The registry's texts are read from their files.
    public static func run(
        registry: Registry, wordList: [String] = defaultWordList, seed: UInt64
    ) throws(RunError) -> TextRobustnessReport {
        let texts = try NightlyRun.loadProtectedTexts(registry)
        let marks = registry.brands.flatMap { brand in
            brand.marks.map {
                RegisteredMark(
                    brand: brand.name, text: $0.text, right: $0.right, exclusions: $0.exclusions,
                    goods: registry.right($0.right)?.goods ?? [])
            }
        }
        let matcher = TextMatcher(marks: marks, texts: texts)
        var generator = TextCaseGenerator(seed: seed, wordList: wordList)
        var report = TextRobustnessReport(
            families: [], innocents: 0, falsePositives: 0, fairUse: 0, fairUseFlagged: 0, copies: 0, copiesFound: 0,
            seed: seed)
        for family in families {
            var result = TextRobustnessReport.Family(name: family, cases: 0, found: 0, missed: [])
            for mark in marks {
                for listing in generator.evasions(of: mark.text, family: family) {
                    let evidence = matcher.match(listing.fields)
                    var found = evidence.marks.contains { $0.brand == mark.brand }
                    if family == "cue-laden" {
                        found = found && Scorer.assess(Self.evidence(evidence, brand: mark.brand)).severity == .serious
                    }
                    result.cases += 1
                    if found {
                        result.found += 1
                    } else if result.missed.count < 3 {
                        result.missed.append(listing.summary)
                    }
                }
            }
            report.families.append(result)
        }
        for listing in generator.innocents(marks: marks.map(\.text)) {
            let evidence = matcher.match(listing.fields)
            report.innocents += 1
            // A weak hit (a Han mark cutting through a word) scores below every plain use: not a false positive.
            if evidence.marks.contains(where: { !$0.isWeak }) || !evidence.copies.isEmpty {
                report.falsePositives += 1
                if report.falsePositiveExamples.count < 3 {
                    let found =
                        evidence.marks.map { "\($0.mark)=\($0.found) (\($0.how))" } + evidence.copies.map(\.text)
                    report.falsePositiveExamples.append(listing.summary + " → " + found.joined(separator: ", "))
                }
            }
        }
        for mark in marks {
            for listing in generator.fairUse(of: mark.text) {
                let evidence = matcher.match(listing.fields)
                report.fairUse += 1
                let flagged =
                    evidence.marks.contains { $0.brand == mark.brand }
                    && !Scorer.isProbableFairUse(Self.evidence(evidence, brand: mark.brand))
                if flagged { report.fairUseFlagged += 1 }
            }
        }
        for text in texts {
            for listing in generator.copies(of: text.content) {
                let evidence = matcher.match(listing.fields)
                report.copies += 1
                if evidence.copies.contains(where: { $0.text == text.id }) { report.copiesFound += 1 }
            }
        }
        return report
    }

    static func evidence(_ text: TextEvidence, brand: String) -> Evidence {
        var evidence = Evidence(marks: text.marks.filter { $0.brand == brand })
        evidence.copies = text.copies.filter { $0.brand == brand }
        evidence.context = text.context
        return evidence
    }
}
