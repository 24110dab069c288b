import Foundation
import Store

/// Amazon Brand Registry's Report a Violation tool: notices.csv, batches of one store and one IP type, at most 50
/// listings each.
struct AmazonChannel: ComplaintChannel {
    let id = "amazon"
    let displayName = "Amazon Brand Registry"
    let marketplaces =
        [
            MarketplaceRule(["amazon", "amazon.com"], ["US"]), MarketplaceRule(["amazon.ca"], ["CA"]),
            MarketplaceRule(["amazon.com.mx"], ["MX"]), MarketplaceRule(["amazon.co.uk"], ["GB"]),
            MarketplaceRule(["amazon.co.jp"], ["JP"]), MarketplaceRule(["amazon.com.au"], ["AU"]),
        ]
        + [
            ("de", "DE"), ("fr", "FR"), ("it", "IT"), ("es", "ES"), ("nl", "NL"), ("se", "SE"), ("pl", "PL"),
            ("com.be", "BE"),
        ].map { MarketplaceRule(["amazon.\($0)"], ["EU", $1]) }
    let limit: Int? = 50
    /// Amazon takes one IP type per notice.
    let allowsMixedIPTypes = false
    let groupsNoticesByRight = false

    func requiredFields(_ item: ExportItem) -> [(name: String, value: String?)] {
        [("asin", item.asin), ("url", item.listing.url)]
    }

    func files(_ items: [ExportItem], _ context: ChannelExport.Context) -> [ExportFile] { Self.notices(items) }

    func format(codes: VeROReasonCodes) -> ChannelFormat { Self.filingFormat }

    /// notices.csv: one row per listing, in batches of one marketplace and IP type of at most `limit` listings.
    static func notices(_ items: [ExportItem]) -> [ExportFile] {
        var rows: [[String]] = []
        for ((marketplace, ipType), group) in ChannelExport.grouped(items, by: { [$0.finding.marketplace, $0.ipType] })
            .map({
                (($0.0[0], $0.0[1]), $0.1)
            })
        {
            let byListing = ChannelExport.grouped(group) { $0.finding.listingID }
            for (index, chunk) in ChannelExport.chunks(byListing, of: ExportChannel.amazon.limit).enumerated() {
                let batch = "amazon-\(ChannelExport.slug(marketplace))-\(ChannelExport.slug(ipType))-\(index + 1)"
                for (_, findings) in chunk {
                    let first = findings[0]
                    let places = ["product", "image", "text"].filter { place in
                        findings.contains { $0.whereInfringes.contains(place) }
                    }
                    rows.append([
                        batch, marketplace, ipType, first.asin ?? "", first.listing.url ?? "",
                        Set(findings.compactMap { $0.right?.registration }).sorted().joined(separator: "; "),
                        places.joined(separator: "; "),
                        Set(findings.flatMap(\.testBuyOrderIDs)).sorted().joined(separator: "; "),
                        first.finding.sellerID ?? "", first.listing.sellerName ?? "",
                        findings.map(\.reason).joined(separator: " / "),
                        findings.map(\.findingID).joined(separator: "; "),
                    ])
                }
            }
        }
        return [
            ExportFile(
                path: "notices.csv",
                contents: CSV.document(
                    header: [
                        "batch", "marketplace", "ip_type", "asin", "url", "registrations", "where_infringes",
                        "test_buy_order_ids", "seller_id", "seller_name", "reason", "finding_ids",
                    ], rows: rows))
        ]
    }

    static let filingFormat = ChannelFormat(
        title: "Amazon Brand Registry notices (amazon)",
        follows:
            "Follows Amazon's Report a Violation tool (Brand Registry) and the Report Infringement form of each "
            + "Amazon store. Amazon publishes no bulk-upload template: notices.csv is Proofmark's own layout, one "
            + "batch per store and IP type, to enter into the tool.",
        sources: [
            ChannelFormat.Source(
                title: "Report Infringement form (amazon.com)", address: "https://www.amazon.com/report/infringement")
        ],
        files: [
            "`notices.csv`: one row per listing (ASIN, URL, registrations, where it infringes, test-buy order ids, "
                + "seller), grouped into batches of one store and one IP type.",
            ChannelFormat.prefilingFile,
        ],
        checked: [
            "Nothing against Amazon's own pages: none describing the form's fields or limits could be read for "
                + "this review."
        ],
        notVerified: [
            "50 listings per report, a form per Amazon store, and a trademark that must cover the store's country: "
                + "from a law firm's note on the form, not from Amazon's own pages (the pre-filing jurisdiction "
                + "check applies the last).",
            "One IP type per notice, and the form's choices for where a listing infringes (product, image, text): "
                + "Proofmark's reading of the tool, not re-checked against Amazon's current form.",
        ],
        byHand: [
            "Sign in to Brand Registry (enrolment and a registered trademark per store are needed).",
            "For each batch: open Report a Violation, choose the IP type, enter the ASINs, choose where each "
                + "infringes, give the registration and the test-buy order ids, add evidence from the bundles.",
            "Submit, and keep Amazon's case id beside the batch.",
        ])
}

extension ExportChannel {
    /// Amazon Brand Registry notices (`amazon`).
    public static let amazon = ExportChannel(AmazonChannel())
}
