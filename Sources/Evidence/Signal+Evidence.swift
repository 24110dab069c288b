public import Findings
import Foundation

/// What each kind of signal says in the evidence Proofmark writes: its claim chart row, its words in the morning
/// report and on the review workbench, where it infringes and what it proves in a complaint.
///
/// Every per-kind wording of the Evidence module (and of the workbench, which shows the same) is in this one file, so
/// that a new `Signal` case makes the compiler name this file and `Findings/Signal.swift`, and nothing else.
extension Signal {
    /// The claim chart's row for the signal: the accused element's name and its evidence cell, as HTML
    /// (`ClaimChart`).
    func claimChartRow(
        listing: ListingSummary, images: [String: ClaimChart.ImageFiles], texts: [String: String]
    ) -> (String, String) {
        switch self {
        case .image(let signal):
            let name =
                "Registered image <bdi class=\"v\">\(HTML.escape(signal.asset))</bdi> in the listing's image "
                + "<bdi class=\"v\">\(HTML.escape(signal.image))</bdi>"
            return (name, ClaimChart.imageEvidence(signal, files: images[signal.image]))
        case .wordMark(let signal):
            let name =
                "Word mark <bdi class=\"v\">\(HTML.escape(signal.mark))</bdi> in the \(ClaimChart.text(ClaimChart.fieldName(signal.field)))"
            return (name, ClaimChart.wordMarkEvidence(signal, listing: listing))
        case .textCopy(let signal):
            let name = "Registered text <bdi class=\"v\">\(HTML.escape(signal.text))</bdi> copied into the listing"
            return (name, ClaimChart.textCopyEvidence(signal, listing: listing, source: texts[signal.text]))
        case .price(let signal):
            let currency = listing.currency.map { " " + HTML.escape($0) } ?? ""
            let proof =
                "Listed at <strong>\(signal.price)\(currency)</strong>; the brand's floor for genuine goods is "
                + "<strong>\(signal.floor)\(currency)</strong>."
            return ("Price below the brand's floor", proof)
        case .context(let signal):
            return ClaimChart.contextRow(signal, listing: listing)
        }
    }

    /// The signal in a few words for the morning report's row, as HTML: what was found, and its strength.
    var reportSummary: String {
        switch self {
        case .image(let signal):
            var words = "image <b>\(HTML.escape(signal.asset))</b>"
            if let distance = signal.distance { words += " \(HTML.escape(signal.algorithm)) \(distance)" }
            if let inliers = signal.inliers { words += " \(HTML.escape(signal.algorithm)) \(inliers) inliers" }
            if let transform = signal.transform, transform != "identity" {
                words += " \(HTML.escape(transform))"
            }
            return words
        case .wordMark(let signal):
            var words = "mark <b>\(HTML.escape(signal.mark))</b>"
            if signal.found != signal.mark { words += " as <bdi>\(HTML.escape(signal.found))</bdi>" }
            return words + " in \(HTML.escape(signal.field)) (\(HTML.escape(signal.how)))"
        case .textCopy(let signal):
            let similarity = signal.similarity.map { String(format: " %.0f%%", $0 * 100) } ?? ""
            return "text <b>\(HTML.escape(signal.text))</b>\(similarity)"
        case .price(let signal):
            return "price \(signal.price) &lt; floor \(signal.floor)"
        case .context(let signal):
            let meaning = signal.cue == .counterfeit ? "counterfeit cue" : "probable fair use"
            return "\(meaning) “\(HTML.escape(signal.phrase))” in \(HTML.escape(signal.field))"
        }
    }

    /// The signal as one item of the workbench's signal list, as HTML (`proofmark serve`'s finding page).
    public var workbenchItem: String {
        func format(_ value: Double) -> String { String(format: "%.3f", value) }
        switch self {
        case .image(let signal):
            var item = "<li>image: \(HTML.escape(signal.asset)) in \(HTML.escape(signal.image)) ("
            item += "\(HTML.escape(signal.algorithm))"
            if let distance = signal.distance { item += ", distance \(distance)" }
            item += ", \(HTML.escape(signal.transform ?? "identity"))"
            if let inliers = signal.inliers { item += ", \(inliers) inliers" }
            if let region = signal.region { item += ", region \(region.map(String.init).joined(separator: ","))" }
            return item + ")</li>"
        case .wordMark(let signal):
            return "<li>word mark <b>\(HTML.escape(signal.mark))</b> as “<bdi>\(HTML.escape(signal.found))</bdi>” "
                + "in the \(HTML.escape(signal.field)) (\(HTML.escape(signal.how)))</li>"
        case .textCopy(let signal):
            var item = "<li>copied text \(HTML.escape(signal.text))"
            if let similarity = signal.similarity { item += ", similarity \(format(similarity))" }
            if let containment = signal.containment { item += ", containment \(format(containment))" }
            return item + ", \(signal.passages.count) passage\(signal.passages.count == 1 ? "" : "s")</li>"
        case .price(let signal):
            return "<li class=\"price\">price <b>\(signal.price)</b> against the floor <b>\(signal.floor)</b></li>"
        case .context(let signal):
            return "<li>context: \(HTML.escape(signal.cue.rawValue)) “<bdi>\(HTML.escape(signal.phrase))</bdi>” in the "
                + "\(HTML.escape(signal.field))</li>"
        }
    }

    /// Where the signal shows the listing infringes, as Amazon's form asks (`ExportItem.whereInfringes`): `image`,
    /// `text` (a mark or copied text), `product` (a price below the floor, on a trademark); nil when it shows none
    /// by itself (context cues are read as a whole, from `ExportItem.contextCues`).
    func infringementPlace(ipType: String) -> String? {
        switch self {
        case .image: "image"
        case .wordMark, .textCopy: "text"
        case .price: ipType == "trademark" ? "product" : nil
        case .context: nil
        }
    }

    /// What the signal proves, in a complaint's reason (`ExportItem.reason`); nil for context cues, which the
    /// reason states once.
    var complaintEvidence: String? {
        switch self {
        case .image(let image):
            "registered image \(image.asset) copied"
                + (image.transform.map { $0 == "identity" ? "" : " (\($0))" } ?? "")
        case .wordMark(let mark): "mark \(mark.mark) in the \(mark.field)"
        case .textCopy(let text): "registered text \(text.text) copied"
        case .price(let price): "price \(price.price) below the brand's floor \(price.floor)"
        case .context: nil
        }
    }
}
