import Findings
import Foundation
import Store

extension MorningReport {
    /// Renders one finding as one table row of the report: lean (no inline style, optional end tags left out, a
    /// lazily loaded thumbnail) so that 10,000 of them open quickly.
    struct RowWriter: Sendable {
        /// `OUT/bundles`, where a finding's bundle folder and claim chart are looked for.
        let bundles: URL?
        /// The same folder as a relative URL from `report/` (`../bundles`), escaped for an attribute.
        let bundlesHref: String?
        /// Review decisions by finding (the state file's as it stands now).
        var reviews: [String: ReviewState] = [:]

        /// About how tall a row is on screen, in CSS pixels: its thumbnail, or two or three lines of text.
        static func estimatedHeight(_ thumbnail: Thumbnails.Outcome) -> Int {
            switch thumbnail {
            case .kept(_, _, let height), .made(_, _, let height): max(60, height + 10)
            case .none, .failed: 60
            }
        }

        /// Longest title shown; the claim chart shows it whole.
        static let titleLimit = 300

        func row(_ finding: FindingRecord, listingRaw: String?, thumbnail: Thumbnails.Outcome) -> String {
            let listing = listingRaw.map {
                ListingSummary(raw: $0, marketplace: finding.marketplace, listingID: finding.listingID)
            }
            let severity = finding.severity.rawValue
            var row = "<tr id=\"\(HTML.escape(finding.findingID))\" class=\"\(severity)\" "
            row += "data-b=\"\(HTML.escape(finding.brand))\" "
            row += "data-s=\"\(finding.status.rawValue)\" data-m=\"\(HTML.escape(finding.marketplace))\">"
            row += "<td>\(severity)<td class=\"r\">\(ClaimChart.score(finding.score))"
            row += "<td>\(finding.status.rawValue)\(statusDetail(finding))\(decision(reviews[finding.findingID]))"
            row += "<td>\(HTML.escape(finding.brand))"
            row += "<td><bdi>\(HTML.escape(finding.marketplace))</bdi><br>"
            row += "<span class=\"q\">\(HTML.escape(finding.listingID))</span>"
            row += "<td>\(title(listing, url: finding.url))"
            row += "<td>\(seller(listing, sellerID: finding.sellerID))"
            row += "<td class=\"r\">\(price(listing))"
            row += "<td>\(signals(finding, listing: listing))"
            row += "<td class=\"t\">\(image(thumbnail))"
            row += "<td>\(links(finding.findingID))\n"
            return row
        }

        private func statusDetail(_ finding: FindingRecord) -> String {
            if let resolution = finding.resolution {
                return "<br><span class=\"q\">\(HTML.escape(resolution))</span>"
            }
            if let from = finding.relistedFrom {
                return "<br><span class=\"q\">from \(HTML.escape(from))</span>"
            }
            if finding.status == .ongoing {
                return "<br><span class=\"q\">since \(HTML.escape(String(finding.firstSeen.prefix(10))))</span>"
            }
            return ""
        }

        /// The review decision in force, or the one new evidence reopened.
        private func decision(_ review: ReviewState?) -> String {
            if let current = review?.current {
                return
                    "<br><b>\(current.decision.rawValue)</b> <span class=\"q\">by \(HTML.escape(current.reviewer))</span>"
            }
            if let previous = review?.previous {
                return "<br><span class=\"q\">was \(previous.decision.rawValue) by \(HTML.escape(previous.reviewer)); "
                    + "reopened: \(HTML.escape(previous.lapsedBecause ?? ""))</span>"
            }
            return ""
        }

        private func title(_ listing: ListingSummary?, url: String?) -> String {
            let link = (listing?.url ?? url).flatMap(HTML.webLink)
            guard let title = listing?.title else {
                guard let link else { return "<span class=\"q\">no title</span>" }
                return "<a class=\"x\" href=\"\(link)\" rel=\"noopener noreferrer\">listing</a>"
            }
            let shown = title.count > Self.titleLimit ? String(title.prefix(Self.titleLimit)) + "…" : title
            guard let link else { return HTML.escape(shown) }
            return "<a class=\"x\" href=\"\(link)\" rel=\"noopener noreferrer\">\(HTML.escape(shown))</a>"
        }

        private func seller(_ listing: ListingSummary?, sellerID: String?) -> String {
            let id = listing?.sellerID ?? sellerID
            guard let name = listing?.sellerName else { return id.map(HTML.escape) ?? "" }
            guard let id, id != name else { return HTML.escape(name) }
            return "<bdi>\(HTML.escape(name))</bdi><br><span class=\"q\">\(HTML.escape(id))</span>"
        }

        private func price(_ listing: ListingSummary?) -> String {
            guard let price = listing?.price else { return "" }
            guard let currency = listing?.currency else { return HTML.escape(price) }
            return "\(HTML.escape(price)) \(HTML.escape(currency))"
        }

        /// Each signal in a few words: what was found, and its strength.
        private func signals(_ finding: FindingRecord, listing: ListingSummary?) -> String {
            let elements = finding.signals
            guard !elements.isEmpty else { return "<span class=\"q\">none recorded</span>" }
            return elements.map(\.reportSummary).joined(separator: "<br>")
        }

        private func image(_ thumbnail: Thumbnails.Outcome) -> String {
            switch thumbnail {
            case .kept(let file, let width, let height), .made(let file, let width, let height):
                guard let source = HTML.relativeURL("thumbs/" + file) else { return "" }
                // The filter script sets `src` from `data-src` as a chunk nears the viewport: browsers that load
                // every image, `loading="lazy"` or not (headless Chromium does, for screenshots), would otherwise
                // fetch all 10,000 thumbnails while the page opens. Without script, <noscript> shows them.
                let size = "width=\"\(width)\" height=\"\(height)\" loading=\"lazy\" alt=\"\""
                return "<img data-src=\"\(source)\" \(size)><noscript><img src=\"\(source)\" \(size)></noscript>"
            case .failed: return "<span class=\"q\">no picture (unreadable)</span>"
            case .none: return "<span class=\"q\">no picture</span>"
            }
        }

        /// The finding's id, and links to its bundle and claim chart when they exist.
        private func links(_ findingID: String) -> String {
            var cell = "<span class=\"q\">\(HTML.escape(findingID))</span>"
            guard let bundles, let bundlesHref, Thumbnails.isSafeFileName(findingID) else { return cell }
            let folder = bundles.appendingPathComponent(findingID)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
            else { return cell }
            let href = bundlesHref + "/" + findingID + "/"
            cell += "<br><a href=\"\(href)\">bundle</a>"
            let chart = folder.appendingPathComponent("data/claim-chart.html")
            if FileManager.default.fileExists(atPath: chart.path) {
                cell += " · <a href=\"\(href)data/claim-chart.html\">claim chart</a>"
            }
            return cell
        }
    }
}
