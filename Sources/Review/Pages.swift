import Evidence
import Findings
import Foundation
import Store

/// What the finding page shows.
struct FindingView {
    var finding: FindingRecord
    var listing: ListingSummary
    var review: ReviewState?
    var nights: [FindingNightRecord]
    var runs: [String: RunRecord]
    var seller: SellerLedgerEntry?
    var cluster: SellerCluster?
    /// The bag's `data/` files, relative paths.
    var bagFiles: [String]
}

/// The workbench's HTML. Pages carry no inline script or style (the Content-Security-Policy allows neither): the
/// behaviour is `/static/app.js`, the look `/static/app.css`. Every piece of dump text goes through `HTML.escape`.
enum Pages {
    static func shell(
        title: String, page: String, csrf: String, body: String, finding: String? = nil, revision: Int64 = 0
    ) -> String {
        var attributes = "data-page=\"\(page)\""
        if let finding {
            attributes += " data-finding=\"\(HTML.escape(finding))\" data-revision=\"\(revision)\""
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="csrf-token" content="\(HTML.escape(csrf))">
            <title>\(HTML.escape(title))</title>
            <link rel="stylesheet" href="/static/app.css">
            <script src="/static/app.js" defer></script>
            </head><body \(attributes)>
            <nav><a href="/">Queue</a> <a href="/filing">Filing</a> <span id="status" role="status"></span></nav>
            \(body)
            </body></html>
            """
    }

    static func queue(csrf: String) -> String {
        let filters = [
            ("brand", "Brand"), ("status", "Status"), ("marketplace", "Marketplace"), ("severity", "Severity"),
            ("review", "Review"),
        ].map { name, label in
            "<label>\(label) <select id=\"f-\(name)\" data-filter=\"\(name)\"><option value=\"\">all</option></select></label>"
        }.joined(separator: "\n")
        let body = """
            <header><h1>Morning review <span id="night"></span></h1>
            <form id="filters">
            \(filters)
            <label>Score ≥ <input id="f-min_score" data-filter="min_score" type="number" min="0" max="1" step="0.05"></label>
            </form>
            <p id="counts"></p>
            <p class="bulk"><button id="bulk-confirm" type="button">Confirm all filtered…</button>
            <button id="bulk-dismiss" type="button">Dismiss all filtered…</button>
            <span id="bulk-panel" hidden><span id="bulk-question"></span>
            <button id="bulk-yes" type="button">Yes</button> <button id="bulk-no" type="button">No</button></span></p>
            <p class="keys">j/k move · Enter open · c confirm · d dismiss · u undo</p>
            </header>
            <div id="dismiss-dialog" hidden>
            <label>Why dismiss? <select id="reason-select">
            \(reasons.map { "<option>\(HTML.escape($0))</option>" }.joined())
            <option value="">other (type below)</option></select></label>
            <input id="reason-text" type="text" maxlength="500" placeholder="reason">
            <button id="dismiss-ok" type="button">Dismiss</button> <button id="dismiss-cancel" type="button">Cancel</button>
            </div>
            <table id="queue"><thead><tr><th>Severity<th>Score<th>Status<th>Brand<th>Marketplace<th>Listing
            <th>Title<th>Price<th>Seller<th>Review</tr></thead><tbody></tbody></table>
            <p class="pager"><button id="prev" type="button">← previous</button> <span id="page"></span>
            <button id="next" type="button">next →</button></p>
            """
        return shell(title: "Proofmark review", page: "queue", csrf: csrf, body: body)
    }

    /// The short list of dismissal reasons (free text is offered too).
    static let reasons = [
        "authorised reseller", "genuine product", "not our mark", "nominative or fair use", "duplicate listing",
    ]

    static func filing(csrf: String) -> String {
        let buttons = ExportChannel.allCases.map {
            "<button type=\"button\" class=\"export\" data-channel=\"\($0.rawValue)\" id=\"export-\($0.rawValue)\">"
                + "\($0.rawValue)</button>"
        }.joined(separator: " ")
        let body = """
            <h1>Filing</h1>
            <p>Runs the pre-filing checks on the confirmed findings and writes the channel's files, as
            <code>proofmark export --channel</code> does.</p>
            <p>\(buttons)</p>
            <section id="export-result"></section>
            """
        return shell(title: "Proofmark filing", page: "filing", csrf: csrf, body: body)
    }

    static func finding(_ view: FindingView, csrf: String) -> String {
        let finding = view.finding
        let id = HTML.escape(finding.findingID)
        let elements = finding.signals
        var body = "<h1>Finding <code>\(id)</code></h1>\n"
        body += "<p class=\"facts\">\(HTML.escape(finding.severity.rawValue)) · score \(format(finding.score)) · "
        body += "\(HTML.escape(finding.status.rawValue)) · \(HTML.escape(finding.brand)) · "
        body += "\(HTML.escape(finding.marketplace)) listing <bdi>\(HTML.escape(finding.listingID))</bdi> · right "
        body += "\(HTML.escape(finding.right))</p>\n"
        body += "<p class=\"decision\" id=\"decision\">\(decisionText(view.review))</p>\n"
        body += "<p><button id=\"confirm\" type=\"button\">Confirm (c)</button> "
        body += "<button id=\"dismiss\" type=\"button\">Dismiss (d)</button> "
        body += "<button id=\"undo\" type=\"button\">Undo (u)</button></p>\n"
        body += """
            <div id="dismiss-dialog" hidden><label>Why dismiss? <select id="reason-select">
            \(reasons.map { "<option>\(HTML.escape($0))</option>" }.joined())
            <option value="">other (type below)</option></select></label>
            <input id="reason-text" type="text" maxlength="500" placeholder="reason">
            <button id="dismiss-ok" type="button">Dismiss</button> <button id="dismiss-cancel" type="button">Cancel</button>
            </div>

            """

        // Pictures: each image signal's side-by-side (suspect and registered, the matched region outlined).
        body += "<h2>Pictures</h2>\n<div class=\"pictures\">"
        var imageNumber = 0
        for element in elements {
            guard case .image(let signal) = element else { continue }
            imageNumber += 1
            var caption = "\(signal.asset) · \(signal.algorithm)"
            if let distance = signal.distance { caption += " · distance \(distance)" }
            if let transform = signal.transform { caption += " · \(transform)" }
            if let inliers = signal.inliers { caption += " · \(inliers) inliers" }
            let file = "side-by-side-\(imageNumber).png"
            if view.bagFiles.contains(file) {
                body +=
                    "<figure><img src=\"/finding/\(id)/picture/\(imageNumber)\" alt=\"side by side \(imageNumber)\">"
            } else {
                body += "<figure><p class=\"quiet\">no side-by-side picture in the bag</p>"
            }
            body += "<figcaption>\(HTML.escape(caption))</figcaption></figure>"
        }
        if imageNumber == 0 { body += "<p class=\"quiet\">no image signal</p>" }
        body += "</div>\n"

        // Signals, and the listing's text with marks and copied passages highlighted.
        body += "<h2>Signals</h2>\n<ul class=\"signals\">"
        var spans: [String: [[Int]]] = [:]
        for element in elements {
            for (field, span) in element.listingSpans { spans[field, default: []].append(span) }
            body += element.workbenchItem
        }
        body += "</ul>\n<h2>Listing</h2>\n<table class=\"listing\">"
        body += row("Title", ClaimChart.highlighted(view.listing.title ?? "", spans: spans["title"] ?? []))
        body += row(
            "Description", ClaimChart.highlighted(view.listing.description ?? "", spans: spans["description"] ?? []))
        let price = [view.listing.price, view.listing.currency].compactMap { $0 }.joined(separator: " ")
        body += row("Price", HTML.escape(price))
        body += row(
            "Seller",
            HTML.escape([view.listing.sellerName, finding.sellerID].compactMap { $0 }.joined(separator: " · ")))
        if let url = finding.url ?? view.listing.url {
            body += row(
                "Address",
                HTML.webLink(url).map { "<a href=\"\($0)\" rel=\"noopener noreferrer\">\(HTML.escape(url))</a>" }
                    ?? HTML.escape(url))
        }
        body += "</table>\n"

        // History across nights.
        body += "<h2>History</h2>\n<table class=\"history\"><tr><th>Night<th>Status<th>Score<th>Severity<th>Version"
        for night in view.nights {
            let started = view.runs[night.runID]?.startedAt ?? night.runID
            body += "<tr><td>\(HTML.escape(started))<td>\(HTML.escape(night.status.rawValue))<td>"
            body +=
                "\(format(night.score))<td>\(HTML.escape(night.severity.rawValue))<td>\(night.listingVersion.map(String.init) ?? "")"
        }
        body += "</table>\n"

        // The seller's record.
        body += "<h2>Seller</h2>\n"
        if let seller = view.seller {
            body += "<p>\(seller.strikes) strike\(seller.strikes == 1 ? "" : "s") · \(seller.confirmed) confirmed · "
            body += "\(seller.dismissed) dismissed · \(seller.findings) findings · \(seller.relists) relists"
            if let cluster = view.cluster {
                body +=
                    " · cluster \(HTML.escape(cluster.id)) (\(HTML.escape(cluster.sellers.joined(separator: ", "))))"
            }
            body += "</p>\n"
        } else {
            body += "<p class=\"quiet\">no seller record</p>\n"
        }

        // The bag.
        body += "<h2>Evidence</h2>\n<p>"
        if view.bagFiles.contains("claim-chart.html") {
            body += "<a id=\"claim-chart\" href=\"/finding/\(id)/bag/claim-chart.html\">claim chart</a> · "
        }
        body += "\(view.bagFiles.count) files in the bag</p>\n<ul class=\"bag\">"
        for file in view.bagFiles {
            let href = file.split(separator: "/").map {
                String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
            }.joined(separator: "/")
            body += "<li><a href=\"/finding/\(id)/bag/\(HTML.escape(href))\">\(HTML.escape(file))</a></li>"
        }
        body += "</ul>\n"
        return shell(
            title: "Finding \(finding.findingID)", page: "finding", csrf: csrf, body: body, finding: finding.findingID,
            revision: view.review?.latestID ?? 0)
    }

    static func decisionText(_ review: ReviewState?) -> String {
        guard let current = review?.current, current.decision != .withdrawn else { return "Not reviewed." }
        var text = "\(current.decision.rawValue.capitalized) by \(HTML.escape(current.reviewer)) at "
        text += HTML.escape(current.decidedAt)
        if let reason = current.reason { text += ": \(HTML.escape(reason))" }
        return text
    }

    private static func row(_ label: String, _ html: String) -> String {
        "<tr><th>\(label)</th><td><bdi>\(html)</bdi></td></tr>"
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
