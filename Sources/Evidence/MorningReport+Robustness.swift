import Foundation

extension MorningReport {
    /// Where the morning report looks for the matcher's latest robustness measurement: `proofmark robustness --out
    /// OUT/robustness` writes it there.
    static let robustnessFile = "robustness/robustness.json"

    /// The "Matcher robustness" section: recall per family of edits at the minimum score and at 1% and 0.1% false
    /// positives, and the text harness's figures, from `proofmark robustness`'s JSON. Empty when there is no such
    /// file; a note when it cannot be read (the rest of the report stands). Every value from the file is escaped.
    static func robustness(_ data: Data?) -> String {
        guard let data else { return "" }
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return "<section class=\"robustness\"><h2>Matcher robustness</h2>"
                + "<p class=\"q\">\(HTML.escape(robustnessFile)) could not be read.</p></section>\n"
        }
        func percent(_ value: Any?) -> String {
            guard let number = value as? Double ?? (value as? Int).map(Double.init) else { return "–" }
            return String(format: "%.1f%%", number * 100)
        }
        func text(_ value: Any?) -> String { HTML.escape(value.map { "\($0)" } ?? "–") }
        var html = "<section class=\"robustness\"><h2>Matcher robustness</h2>\n<p class=\"q\">"
        html += "\(text(json["registered_images"])) registered images, \(text(json["negatives"])) negatives ("
        html += "\(text(json["negatives_source"]))), \(text(json["edited_pictures"])) edited pictures, seed "
        html += "\(text(json["seed"])); false positives at min-score \(text(json["min_score"])): "
        html += "\(percent(json["false_positive_rate_at_min_score"])).</p>\n"
        html += "<table><thead><tr><th>Edits</th><th>at min-score</th><th>at 1% FP</th><th>at 0.1% FP</th>"
        html += "<th>target at 1% FP</th></tr></thead><tbody>\n"
        let families = json["families"] as? [String: Any] ?? [:]
        for name in ["photometric", "dihedral", "geometric", "composite"] {
            let family = families[name] as? [String: Any] ?? [:]
            html += "<tr><td>\(HTML.escape(name))</td><td>\(percent(family["recall_at_min_score"]))</td>"
            html += "<td>\(percent(family["recall_at_1pct_fp"]))</td><td>\(percent(family["recall_at_0_1pct_fp"]))</td>"
            html += "<td>\(percent(family["target_at_1pct_fp"]))</td></tr>\n"
        }
        html += "<tr><td>all images</td><td>\(percent(json["recall_at_min_score"]))</td>"
        html += "<td>\(percent(json["recall_at_1pct_fp"]))</td><td>\(percent(json["recall_at_0_1pct_fp"]))</td>"
        html += "<td></td></tr>\n"
        if let textReport = json["text"] as? [String: Any] {
            html += "<tr><td>word marks and copied texts</td><td>\(percent(textReport["recall"]))</td>"
            html += "<td colspan=\"3\">false positives \(percent(textReport["false_positive_rate"])), fair use "
            html += "flagged \(percent(textReport["fair_use_flagged_rate"])), copied texts found "
            html += "\(percent(textReport["copy_recall"]))</td></tr>\n"
        }
        html += "</tbody></table></section>\n"
        return html
    }
}
