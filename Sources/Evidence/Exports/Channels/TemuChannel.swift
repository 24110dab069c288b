import Foundation
import Store

/// Temu's IP Portal: one complaint per marketplace and right, at most 200 URLs each
/// (`ChannelExport.complaintsPerRight`).
struct TemuChannel: PerRightComplaintChannel {
    let id = "temu"
    let displayName = "Temu IP Portal"
    let marketplaces = [MarketplaceRule(["temu", "temu.com"], ["US", "EU", "GB", "CA", "AU"])]
    let limit: Int? = 200
    let allowsMixedIPTypes = false
    let groupsNoticesByRight = true

    static let filingFormat = ChannelFormat(
        title: "Temu IP Portal complaints (temu)",
        follows:
            "Follows the report contents Temu's Intellectual Property Policy (US, last updated 2025-04-27) asks of "
            + "a notice filed through its Intellectual Property Infringement Report Portal (IP Portal). Temu "
            + "publishes no bulk-upload template: the files are Proofmark's own layout, one complaint per right.",
        sources: [
            ChannelFormat.Source(
                title: "Temu Intellectual Property Policy",
                address: "https://www.temu.com/intellectual-property-policy.html"),
            ChannelFormat.Source(
                title: "Temu UK/EU Intellectual Property Policy",
                address: "https://www.temu.com/uk/intellectual-property-policy.html"),
        ],
        files: [
            "`complaints.csv`: one row per complaint (right, registration, holder, reason, URL count).",
            "`<complaint>-urls.txt`: the complaint's listing URLs, one per line.",
            "`listings.csv`: every listing of every complaint, with where it infringes (product, image, text), "
                + "test-buy order ids and the finding it comes from.",
            ChannelFormat.prefilingFile,
        ],
        checked: [
            "A report identifies the right (registration number), the type of infringement (on the product, the "
                + "packaging, the detail page's images or its text), the links, supporting documents such as "
                + "test-purchase order ids, contact details, and a good-faith statement; it is sworn under penalty "
                + "of perjury (Temu IP Policy, section 1).",
            "Temu may not remove listings that are fair use, such as showing compatibility (UK/EU policy): the "
                + "pre-filing checks refuse fair-use wording with no copied image.",
        ],
        notVerified: [
            "200 listings per complaint, all on the same right: from a third-party guide, not from Temu's pages.",
            "Packaging is not told apart from the product: Proofmark's `product` covers both.",
        ],
        byHand: [
            "Sign in to the IP Portal (a Temu account is needed) and register the right with its proof of "
                + "ownership.",
            "For each row of complaints.csv: paste the URLs of its urls.txt, choose the type of infringement per "
                + "listings.csv, add test-buy order ids and evidence from the bundles.",
            "Give contact details and make the good-faith and accuracy statements yourself: Proofmark makes none.",
        ])
}

extension ExportChannel {
    /// Temu IP Portal complaints (`temu`).
    public static let temu = ExportChannel(TemuChannel())
}
