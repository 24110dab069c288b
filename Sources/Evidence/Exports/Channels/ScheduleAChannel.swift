import Base
import Foundation
import Store

/// "Schedule A" complaints in a US district court: defendants.csv (one Doe per seller and marketplace) and an
/// exhibit index per defendant, for listings of any marketplace on US registrations.
struct ScheduleAChannel: ComplaintChannel {
    let id = "schedule-a"
    let displayName = "Schedule A (US court)"
    let marketplaces: [MarketplaceRule] = []
    let limit: Int? = nil
    let allowsMixedIPTypes = true
    let groupsNoticesByRight = false

    func serves(marketplace: String) -> Bool { true }

    /// A US court acts on US registrations.
    func acceptedJurisdictions(marketplace: String) -> Set<String>? { ["US"] }

    func authority(marketplace: String) -> String { "a US court" }

    func requiredFields(_ item: ExportItem) -> [(name: String, value: String?)] {
        [
            ("seller_id", item.finding.sellerID), ("seller_name", item.listing.sellerName),
            ("seller_url", item.listing.sellerURL), ("url", item.listing.url),
            ("registration", item.right?.registration),
        ]
    }

    func files(_ items: [ExportItem], _ context: ChannelExport.Context) -> [ExportFile] {
        Self.defendants(items, context)
    }

    func format(codes: VeROReasonCodes) -> ChannelFormat { Self.filingFormat }

    /// defendants.csv, most accused listings first, and `exhibits/doe-N.csv` per defendant.
    static func defendants(_ items: [ExportItem], _ context: ChannelExport.Context) -> [ExportFile] {
        let defendants = ChannelExport.grouped(items) { [$0.finding.marketplace, $0.finding.sellerID ?? ""] }.sorted {
            let a = Set($0.1.map(\.finding.listingID)).count
            let b = Set($1.1.map(\.finding.listingID)).count
            return a != b ? a > b : $0.0.lexicographicallyPrecedes($1.0)
        }
        var files: [ExportFile] = []
        var rows: [[String]] = []
        for (index, (key, accused)) in defendants.enumerated() {
            let doe = index + 1
            let first = accused[0]
            var urls: [String] = []
            for url in accused.compactMap(\.listing.url) where !urls.contains(url) { urls.append(url) }
            let registrations = Set(accused.compactMap { $0.right?.registration }).sorted()
            let shipping = accused.compactMap(\.shipsToUS)
            let shipsToUS = shipping.isEmpty ? "unknown" : shipping.contains(true) ? "yes" : "no"
            let currencies = Set(accused.compactMap(\.listing.currency)).sorted()
            rows.append([
                String(doe), first.listing.sellerName ?? "", key[1], key[0], first.listing.sellerURL ?? "",
                String(urls.count), urls.joined(separator: "\n"), registrations.joined(separator: "; "), shipsToUS,
                currencies.joined(separator: "; "), "exhibits/doe-\(doe).csv",
            ])
            var exhibits: [[String]] = []
            for (number, item) in accused.enumerated() {
                let bundle = "bundles/\(item.findingID)"
                var tagManifest = ""
                if let folder = context.bundlesFolder {
                    let file = folder.appendingPathComponent(item.findingID).appendingPathComponent(
                        "tagmanifest-sha256.txt")
                    if let data = FileManager.default.contents(atPath: file.path) {
                        tagManifest = Hashing.sha256Hex(data)
                    }
                }
                exhibits.append([
                    "\(doe)-\(number + 1)", item.findingID, item.listing.url ?? "", item.finding.listingID,
                    item.right?.registration ?? "", item.finding.right, item.listing.capturedAt ?? "", bundle,
                    tagManifest,
                ])
            }
            files.append(
                ExportFile(
                    path: "exhibits/doe-\(doe).csv",
                    contents: CSV.document(
                        header: [
                            "exhibit", "finding_id", "listing_url", "listing_id", "registration", "right_id",
                            "captured_at", "bundle", "bundle_tagmanifest_sha256",
                        ], rows: exhibits)))
        }
        files.append(
            ExportFile(
                path: "defendants.csv",
                contents: CSV.document(
                    header: [
                        "doe", "seller_alias", "seller_id", "marketplace", "store_url", "accused_listings",
                        "listing_urls", "asserted_registrations", "ships_to_us", "currency", "exhibit_index",
                    ], rows: rows)))
        return files
    }

    static let filingFormat = ChannelFormat(
        title: "Schedule A defendants (schedule-a)",
        follows:
            "Follows the practice of \"Schedule A\" complaints in US district courts (most of them in the Northern "
            + "District of Illinois): defendants named by seller alias and store in a schedule to the complaint, "
            + "with exhibits per defendant. No court publishes a form for it: defendants.csv and the exhibit "
            + "indexes are Proofmark's own layout, for counsel to turn into the schedule and exhibits.",
        sources: [
            ChannelFormat.Source(
                title: "N.D. Ill. Local Rules", address: "https://www.ilnd.uscourts.gov/LocalRules.aspx"),
            ChannelFormat.Source(
                title: "Fed. R. Civ. P. 20 (joinder)", address: "https://www.law.cornell.edu/rules/frcp/rule_20"),
        ],
        files: [
            "`defendants.csv`: one Doe per seller and marketplace, most accused listings first, with alias, store "
                + "URL, listing URLs, asserted US registrations, whether it ships to the US, currency.",
            "`exhibits/doe-<n>.csv`: the defendant's exhibits, one per listing, each naming its evidence bundle and "
                + "the SHA-256 of the bundle's tag manifest (when the bundles folder is at hand).",
            ChannelFormat.prefilingFile,
        ],
        checked: [
            "Nothing: no court publishes a Schedule A form to check the files against."
        ],
        notVerified: [
            "Only US registrations are asserted: Proofmark's rule for a US court (the pre-filing jurisdiction "
                + "check).",
            "The schedule's columns: judges' standing orders differ, and none was checked for this export.",
            "Whether the defendants may be joined in one action (Rule 20) is counsel's call; Proofmark only groups "
                + "by seller.",
        ],
        byHand: [
            "Counsel drafts the complaint and decides joinder, sealing and the schedule's form under the assigned "
                + "judge's standing order.",
            "Turn defendants.csv into the schedule, and the exhibit indexes into exhibits (screenshots and "
                + "side-by-side pictures are in the bundles; verify each with proofmark verify).",
        ])
}

extension ExportChannel {
    /// Schedule A defendants and exhibit indexes (`schedule-a`).
    public static let scheduleA = ExportChannel(ScheduleAChannel())
}
