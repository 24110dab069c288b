public import Findings
import Foundation
import Store

extension SideBySide {
    /// The caption of an image signal's side-by-side picture: which finding, which side is which, the registered
    /// right it rests on, how it matched (algorithm, distance or inliers, transform) and the score, and the listing's
    /// title when it has one. The evidence bundle writer passes these lines to `render`; the text is plain ASCII
    /// except what the listing and registry supply.
    public static func caption(for evidence: FindingEvidence, signal: AccusedElement.ImageSignal) -> [String] {
        let finding = evidence.finding
        let listing = evidence.listing
        let right = evidence.right
        var lines: [String] = []
        var first = "Finding \(finding.findingID)"
        if let captured = listing.capturedAt { first += ", captured \(captured)" }
        lines.append(first)
        lines.append(
            "Left: registered asset \(signal.asset). Right: \(listing.marketplace) listing \(listing.listingID), "
                + "image \(signal.image).")
        var registration = "Right: \(right.registration) (\(right.type) \(right.id)"
        if let jurisdiction = right.jurisdiction { registration += ", \(jurisdiction)" }
        if let holder = right.holder { registration += ", held by \(holder)" }
        lines.append(registration + ")")
        var match = ["Match: \(signal.algorithm)"]
        if let distance = signal.distance { match.append("distance \(distance)") }
        if let inliers = signal.inliers { match.append("\(inliers) inliers") }
        if let transform = signal.transform { match.append("transform \(transform)") }
        match.append("score " + String(format: "%.2f", finding.score))
        lines.append(match.joined(separator: ", "))
        if let title = listing.title { lines.append("Title: \(title)") }
        return lines
    }

    /// `line` broken into rows of at most `columns` characters: at the last space that fits, or mid-word when a word
    /// is longer than a row. Spaces inside a row are kept; spaces at a break are dropped. After `maximumRows` rows,
    /// the last row ends with `...` if text was left over. Tabs count as spaces. O(characters).
    public static func wrap(_ line: some StringProtocol, columns: Int, maximumRows: Int) -> [String] {
        precondition(columns >= 1 && maximumRows >= 1, "a caption row holds at least one character")
        var rest = Substring(line.replacingOccurrences(of: "\t", with: " "))
        var rows: [String] = []
        while true {
            if rest.count <= columns {
                rows.append(String(rest))
                return rows
            }
            var breakAt = rest.index(rest.startIndex, offsetBy: columns)
            let candidate = rest[...breakAt]
            var resume = breakAt
            if let space = candidate.lastIndex(of: " "), space > rest.startIndex {
                breakAt = space
                resume = space
            }
            let row = rest[..<breakAt].trimmingSuffix(while: { $0 == " " })
            rest = rest[resume...].drop { $0 == " " }
            if rest.isEmpty {
                rows.append(String(row))
                return rows
            }
            if rows.count + 1 == maximumRows {
                // Text is left over: the last row says so, cut short enough for the three dots.
                rows.append(
                    columns > 3 ? String(row.prefix(columns - 3)) + "..." : String(repeating: ".", count: columns))
                return rows
            }
            rows.append(String(row))
        }
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[..<end]
    }
}
