/// What counts as a finding's evidence for review decisions: a dismissal stands until tonight's evidence has
/// something the decision did not see.
///
/// The evidence is a set of keys taken from the finding's signals, and its severity:
/// - `image ASSET TRANSFORM` for each image signal (a registered image found, and how it was transformed);
/// - `word-mark MARK FIELD` for each word mark (a mark, and the field it was found in);
/// - `text-copy TEXT` for each copied registered text;
/// - `context counterfeit` when the listing's own words call it a counterfeit (issue 5's context signals).
///
/// Prices, distances and scores are not keys: they move night to night without new evidence; a change that
/// matters moves the severity. A dismissal reopens when tonight has a key the decision did not have, or a higher
/// severity (`low` < `moderate` < `serious`). Fewer keys or a lower severity never reopen one.
public enum ReviewEvidence {
    /// The key a signal contributes, if any (`Signal.reviewEvidenceKey`, beside the kind it reads).
    public static func key(_ signal: Signal) -> String? { signal.reviewEvidenceKey }

    /// The sorted, distinct evidence keys of a finding's signals.
    public static func keys(_ signals: [Signal]) -> [String] {
        Set(signals.compactMap(key)).sorted()
    }

    /// What tonight's evidence has that the decision's did not, as a sentence; nil when nothing is new. `decided`
    /// are the decision's keys and severity.
    public static func news(
        decidedKeys: [String], decidedSeverity: Severity, keys tonight: [String], severity: Severity
    ) -> String? {
        let before = Set(decidedKeys)
        var news = tonight.filter { !before.contains($0) }.map { "new \($0)" }
        if severity > decidedSeverity { news.append("severity \(decidedSeverity.rawValue) → \(severity.rawValue)") }
        return news.isEmpty ? nil : news.joined(separator: "; ")
    }
}
