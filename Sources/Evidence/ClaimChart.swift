import Findings
import Foundation
import Store

/// A finding's claim chart: each accused element of the listing in a row against the registered right it infringes,
/// with the evidence for that row (ARCHITECTURE.md, "Output folder": `data/claim-chart.html`).
///
/// One self-contained page: inline CSS with print rules (it prints to PDF from a browser), no script, and a
/// Content-Security-Policy that lets it load nothing but the bundle's own image files. Every piece of dump text is
/// escaped; URLs become links only when they are `http(s)`. The page is byte-identical for the same inputs: the
/// time it names is passed in, never read from the clock.
public enum ClaimChart {
    /// The bundle-relative file names (relative to the chart's folder, `/`-separated) of one image signal's pictures:
    /// the registered asset, the listing's image, and the side-by-side PNG when there is one.
    public typealias ImageFiles = (registered: String, suspect: String, sideBySide: String?)

    /// The claim chart of `evidence` as an HTML page.
    ///
    /// - Parameters:
    ///   - images: per suspect image reference (an image signal's `image`, as dumped), the files that show it. An
    ///     image row whose reference is missing says the bundle holds no picture for it.
    ///   - generatedAt: when the chart is made (ISO 8601), printed in its footer.
    public static func html(for evidence: FindingEvidence, images: [String: ImageFiles], generatedAt: String) -> String
    {
        let finding = evidence.finding
        let listing = evidence.listing
        let right = evidence.right
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Claim chart \(HTML.escape(finding.findingID))</title>
            <style>\(style)</style>
            </head><body>
            <header><h1>Claim chart</h1>
            <p class="lede">Listing <bdi>\(HTML.escape(listing.listingID))</bdi> on <bdi>\(HTML.escape(listing.marketplace))\
            </bdi> against <bdi>\(HTML.escape(right.registration))</bdi> (<bdi>\(HTML.escape(finding.brand))</bdi>, \
            on behalf of <bdi>\(HTML.escape(evidence.owner))</bdi>)</p></header>

            """
        page += "<section><h2>Accused listing</h2>\n<table class=\"facts\">\n"
        page += fact("Finding", text(finding.findingID))
        page += fact(
            "Status",
            "\(text(finding.status.rawValue)), \(text(finding.severity.rawValue)), score \(score(finding.score)); first seen "
                + "\(text(finding.firstSeen)), last seen \(text(finding.lastSeen))")
        page += fact("Brand", text(finding.brand))
        page += fact("Marketplace", text(listing.marketplace))
        page += fact("Listing", text(listing.listingID))
        page += fact("URL", link(listing.url))
        page += fact("Captured", text(listing.capturedAt))
        page += fact("Title", text(listing.title))
        page += fact("Price", [listing.price, listing.currency].compactMap { $0 }.map(text).joined(separator: " "))
        var seller = text(listing.sellerName)
        if let id = listing.sellerID { seller += " (seller id \(text(id)))" }
        page += fact("Seller", seller)
        if listing.sellerURL != nil { page += fact("Seller page", link(listing.sellerURL)) }
        page += "</table></section>\n"

        page += "<section><h2>Registered right</h2>\n<table class=\"facts\">\n"
        page += fact("Right", text(right.id))
        page += fact("Type", text(right.type))
        page += fact("Registration", text(right.registration))
        page += fact("Jurisdiction", text(right.jurisdiction))
        page += fact("Holder", text(right.holder))
        page += fact("Expires", text(right.expires))
        if let certificate = right.certificate { page += fact("Certificate", text(certificate.lastPathComponent)) }
        page += "</table></section>\n"

        page += """
            <section><h2>Accused elements</h2>
            <table class="chart"><thead><tr><th class="n">#</th><th class="el">Accused element</th>\
            <th class="rt">Right asserted</th><th>Evidence</th></tr></thead><tbody>

            """
        let asserted =
            "\(text(right.registration))<br><span class=\"quiet\">\(text(right.type)), "
            + "\(text(right.jurisdiction))</span>"
        if evidence.elements.isEmpty {
            page += "<tr><td colspan=\"4\">No accused element is recorded for this finding.</td></tr>\n"
        }
        for (index, element) in evidence.elements.enumerated() {
            let (name, proof) = element.claimChartRow(listing: listing, images: images, texts: evidence.registeredTexts)
            page += "<tr><td class=\"n\">\(index + 1)</td><td>\(name)</td><td>\(asserted)</td><td>\(proof)</td></tr>\n"
        }
        page += """
            </tbody></table></section>
            <footer>Made by Proofmark on <bdi>\(HTML.escape(generatedAt))</bdi> from the listing as captured and the \
            registry of <bdi>\(HTML.escape(evidence.owner))</bdi>.</footer>
            </body></html>

            """
        return page
    }

    static func imageEvidence(_ signal: AccusedElement.ImageSignal, files: ImageFiles?) -> String {
        var cell = ""
        if let files {
            if let sideBySide = files.sideBySide.flatMap(HTML.relativeURL) {
                cell += "<figure class=\"wide\"><img src=\"\(sideBySide)\" alt=\"Registered image and listing image, "
                cell += "side by side\"><figcaption>Registered (left), listing (right)</figcaption></figure>"
            } else {
                cell += "<div class=\"pair\">"
                cell += figure(files.registered, caption: "Registered: " + HTML.escape(signal.asset))
                cell += figure(files.suspect, caption: "Listing: " + HTML.escape(signal.image))
                cell += "</div>"
            }
        } else {
            cell += "<p class=\"quiet\">The bundle holds no picture for this image.</p>"
        }
        var measures = ["Algorithm \(text(signal.algorithm))"]
        if let distance = signal.distance { measures.append("distance \(distance) bits") }
        if let inliers = signal.inliers { measures.append("\(inliers) inliers") }
        if let transform = signal.transform { measures.append("transform \(text(transform))") }
        if let region = signal.region, region.count == 4 {
            measures.append("region x \(region[0]), y \(region[1]), \(region[2]) × \(region[3]) px")
        }
        return cell + "<p>" + measures.joined(separator: "; ") + ".</p>"
    }

    private static func figure(_ file: String, caption: String) -> String {
        guard let source = HTML.relativeURL(file) else {
            return "<figure><p class=\"quiet\">(no picture)</p><figcaption>\(caption)</figcaption></figure>"
        }
        return "<figure><img src=\"\(source)\" alt=\"\"><figcaption>\(caption)</figcaption></figure>"
    }

    /// The field's text with the mark's span highlighted. The span is in `Character`s of the field's text, as
    /// `WordMarkFinder` counts them, so the text is cut at the same grapheme boundaries.
    static func wordMarkEvidence(_ signal: AccusedElement.WordMarkSignal, listing: ListingSummary) -> String {
        let field: String? =
            switch signal.field {
            case "title": listing.title
            case "description": listing.description
            default: nil
            }
        let how = "Found <bdi class=\"v\">\(HTML.escape(signal.found))</bdi> (\(text(signal.how)))"
        guard let field else {
            return "<p>\(how); the listing's \(text(fieldName(signal.field))) is not in the captured listing.</p>"
        }
        let characters = Array(field)
        guard signal.span.count == 2, signal.span[0] >= 0, signal.span[0] < signal.span[1],
            signal.span[1] <= characters.count
        else {
            let span = signal.span.map(String.init).joined(separator: "–")
            return "<blockquote>\(HTML.escape(field))</blockquote><p>\(how) at characters \(span), which lie outside "
                + "the text as captured: the text is shown without a highlight.</p>"
        }
        let start = signal.span[0]
        let end = signal.span[1]
        let marked = String(characters[start..<end])
        var cell =
            "<blockquote>\(HTML.escape(String(characters[..<start])))<mark>\(HTML.escape(marked))</mark>"
            + "\(HTML.escape(String(characters[end...])))</blockquote><p>\(how) at characters \(start + 1)–\(end) of "
            + "\(characters.count).</p>"
        if marked != signal.found {
            cell +=
                "<p class=\"warn\">The captured text reads <bdi class=\"v\">\(HTML.escape(marked))</bdi> there, "
                + "not what was found: the listing may have changed since.</p>"
        }
        return cell
    }

    /// Measures, then each field of the listing and the registered text with the copied passages highlighted.
    static func textCopyEvidence(
        _ signal: AccusedElement.TextCopySignal, listing: ListingSummary, source: String?
    ) -> String {
        var measures: [String] = []
        measures.append(signal.similarity.map { "Similarity \(percent($0))" } ?? "Similarity not recorded")
        if let containment = signal.containment { measures.append("\(percent(containment)) of the registered text") }
        if let method = signal.method { measures.append("method \(text(method))") }
        var cell = "<p>" + measures.joined(separator: "; ") + ".</p>"
        let fields = signal.passages.map(\.field).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for field in fields {
            let value: String? =
                switch field {
                case "title": listing.title
                case "description": listing.description
                default: nil
                }
            guard let value else { continue }
            let spans = signal.passages.filter { $0.field == field }.map(\.span)
            cell += "<p class=\"quiet\">Listing \(text(fieldName(field))):</p>"
            cell += "<blockquote>\(highlighted(value, spans: spans))</blockquote>"
        }
        if let source {
            cell += "<p class=\"quiet\">Registered text <bdi class=\"v\">\(HTML.escape(signal.text))</bdi>:</p>"
            cell += "<blockquote>\(highlighted(source, spans: signal.passages.map(\.sourceSpan)))</blockquote>"
        }
        return cell
    }

    /// A cue: counterfeit talk supports the claim; nominative phrasing warns that the use may be fair.
    static func contextRow(_ signal: AccusedElement.ContextSignal, listing: ListingSummary) -> (String, String) {
        let counterfeit = signal.cue == .counterfeit
        let name =
            (counterfeit ? "Counterfeit cue " : "Nominative phrasing ")
            + "<bdi class=\"v\">\(HTML.escape(signal.phrase))</bdi> in the \(text(fieldName(signal.field)))"
        let value: String? =
            switch signal.field {
            case "title": listing.title
            case "description": listing.description
            default: nil
            }
        var cell = value.map { "<blockquote>\(highlighted($0, spans: [signal.span]))</blockquote>" } ?? ""
        cell +=
            counterfeit
            ? "<p>The listing presents the goods as imitations of the brand's.</p>"
            : "<p class=\"warn\">The listing names the mark to say what the product fits or works with: probable "
                + "nominative fair use. This finding is reported at low severity and is not by itself evidence of "
                + "infringement.</p>"
        return (name, cell)
    }

    /// `value` escaped, with each valid `[start, end)` Character span (non-overlapping after sorting) in `<mark>`.
    public static func highlighted(_ value: String, spans: [[Int]]) -> String {
        let characters = Array(value)
        var html = ""
        var position = 0
        let valid = spans.filter { $0.count == 2 && $0[0] >= 0 && $0[0] < $0[1] && $0[1] <= characters.count }
            .sorted { $0[0] < $1[0] }
        for span in valid where span[0] >= position {
            html += HTML.escape(String(characters[position..<span[0]]))
            html += "<mark>\(HTML.escape(String(characters[span[0]..<span[1]])))</mark>"
            position = span[1]
        }
        return html + HTML.escape(String(characters[position...]))
    }

    private static func fact(_ label: String, _ value: String) -> String {
        "<tr><th>\(label)</th><td>\(value.isEmpty ? "<span class=\"quiet\">not given</span>" : value)</td></tr>\n"
    }

    /// Dump text as element content, isolated so a right-to-left override in it cannot reorder what follows.
    static func text(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "" }
        return "<bdi>\(HTML.escape(value))</bdi>"
    }

    private static func link(_ url: String?) -> String {
        guard let url else { return "" }
        guard let href = HTML.webLink(url) else { return text(url) }
        return "<a class=\"x\" href=\"\(href)\" rel=\"noopener noreferrer\">\(HTML.escape(url))</a>"
    }

    static func fieldName(_ field: String) -> String {
        field == "title" || field == "description" ? field : field + " field"
    }

    static func score(_ value: Double) -> String { String(format: "%.2f", value) }

    private static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }

    /// Nothing but the bundle's own files: no script, no font, no request to any host.
    static let contentSecurityPolicy =
        "default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

    private static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;margin:24px auto;\
        max-width:1100px;padding:0 16px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #ccc}
        .lede{margin:0;color:#333}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;vertical-align:top;padding:6px 8px;border:1px solid #ccc;overflow-wrap:anywhere}
        .facts th{width:9em;background:#f4f4f4;font-weight:600}
        .chart thead th{background:#eee}.chart .n{width:2em}.chart .el{width:22%}.chart .rt{width:16%}
        bdi{unicode-bidi:isolate}.v{font-weight:600}.quiet{color:#666}.warn{color:#a40000}
        figure{margin:0 0 6px}.pair{display:flex;gap:8px}.pair figure{flex:1 1 0;min-width:0}
        img{max-width:100%;max-height:260px;border:1px solid #ddd;background:#fafafa}
        .wide img{max-height:300px}
        figcaption{font-size:12px;color:#555;overflow-wrap:anywhere}
        blockquote{margin:0 0 6px;padding:6px 8px;background:#f7f7f7;border-left:3px solid #bbb;white-space:pre-wrap}
        mark{background:#ffe14d;color:#000;padding:0 1px;outline:1px solid #c9a800}
        footer{margin-top:24px;font-size:12px;color:#555}
        a{color:#0645ad}
        @page{size:A4;margin:14mm}
        @media print{body{margin:0;max-width:none;padding:0;font-size:10pt}
        tr,figure,blockquote{break-inside:avoid}thead{display:table-header-group}
        a{color:inherit;text-decoration:none}img{max-height:200px}
        mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """
}
