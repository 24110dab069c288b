import Base
import Foundation
import Store

/// One file of an export: its path under the channel's folder, and its text.
public struct ExportFile: Sendable, Hashable {
    public var path: String
    public var contents: String
}

/// The files of one channel's export, grouped and split to the channel's limits (`ExportChannel.limit`).
///
/// Every grouping is sorted (marketplace, right, URL, finding id), so the same findings give the same files.
/// CSVs go through `CSV` (BOM, CRLF, quoted, formula-neutralised); URL lists are plain text, one per line; eBay's
/// reports are VeRO API request bodies (`VeROReport`). Each channel's FORMAT.md (`ChannelFormat`) says which form,
/// template or API version the files follow, and what a person still has to do.
enum ChannelExport {
    struct Context {
        var generatedAt: String
        /// Where the findings' bundles are (`OUT/bundles`), for Schedule A's exhibit index.
        var bundlesFolder: URL?
        /// eBay's VeRO reason codes (`--vero-reason-codes`).
        var veroReasonCodes: VeROReasonCodes
        /// The registry's owner, for notices.
        var owner: String
    }

    static func files(_ channel: ExportChannel, _ items: [ExportItem], _ context: Context) -> [ExportFile] {
        let items = items.sorted { (key($0), $0.findingID) < (key($1), $1.findingID) }
        return switch channel {
        case .alibabaIPP, .temu: complaintsPerRight(channel, items)
        case .amazon: amazon(items)
        case .ebayVeRO: ebay(items, context)
        case .scheduleA: scheduleA(items, context)
        case .dmca: DMCANotice.files(items, context)
        }
    }

    private static func key(_ item: ExportItem) -> String {
        "\(item.finding.marketplace)\n\(item.finding.right)\n\(item.listing.url ?? "")"
    }

    /// `value` made safe as one file name component.
    static func slug(_ value: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        let mapped = String(value.lowercased().map { allowed.contains($0) ? $0 : "_" })
        return mapped.hasPrefix(".") ? "_" + mapped.dropFirst() : mapped
    }

    static func chunks<T>(_ list: [T], of size: Int?) -> [[T]] {
        guard let size, size > 0 else { return list.isEmpty ? [] : [list] }
        return stride(from: 0, to: list.count, by: size).map { Array(list[$0..<min($0 + size, list.count)]) }
    }

    /// Groups in first-seen order of their key (the items are sorted, so the groups are too).
    static func grouped<K: Hashable>(_ items: [ExportItem], by key: (ExportItem) -> K) -> [(K, [ExportItem])] {
        var order: [K] = []
        var groups: [K: [ExportItem]] = [:]
        for item in items {
            let k = key(item)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(item)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    // MARK: - alibaba-ipp, temu: per right, at most `limit` URLs per complaint

    private static func complaintsPerRight(_ channel: ExportChannel, _ items: [ExportItem]) -> [ExportFile] {
        var files: [ExportFile] = []
        var complaints: [[String]] = []
        var listings: [[String]] = []
        for ((marketplace, rightID), group) in grouped(items, by: { [$0.finding.marketplace, $0.finding.right] })
            .map({ (($0.0[0], $0.0[1]), $0.1) })
        {
            // One URL once per complaint, even when two brands' findings rest on the same right.
            var seen: Set<String> = []
            let unique = group.filter { seen.insert($0.listing.url ?? "").inserted }
            for (index, chunk) in chunks(unique, of: channel.limit).enumerated() {
                let id = "\(channel.rawValue)-\(slug(marketplace))-\(slug(rightID))-\(index + 1)"
                let right = chunk[0].right
                let urls = chunk.compactMap(\.listing.url)
                files.append(ExportFile(path: "\(id)-urls.txt", contents: urls.joined(separator: "\n") + "\n"))
                complaints.append([
                    id, marketplace, rightID, chunk[0].ipType, right?.registration ?? "", right?.jurisdiction ?? "",
                    right?.holder ?? "", complaintReason(chunk), String(urls.count), "\(id)-urls.txt",
                ])
                for item in chunk {
                    listings.append([
                        id, item.listing.url ?? "", item.finding.listingID, item.finding.sellerID ?? "",
                        item.listing.sellerName ?? "", item.reason, item.whereInfringes.joined(separator: "; "),
                        item.testBuyOrderIDs.joined(separator: "; "), item.findingID,
                    ])
                }
            }
        }
        files.append(
            ExportFile(
                path: "complaints.csv",
                contents: CSV.document(
                    header: [
                        "complaint", "marketplace", "right_id", "ip_type", "registration", "jurisdiction", "holder",
                        "reason", "urls", "urls_file",
                    ], rows: complaints)))
        files.append(
            ExportFile(
                path: "listings.csv",
                contents: CSV.document(
                    header: [
                        "complaint", "url", "listing_id", "seller_id", "seller_name", "reason", "where_infringes",
                        "test_buy_order_ids", "finding_id",
                    ],
                    rows: listings)))
        return files
    }

    /// A complaint's reason: the right, and how many listings show each kind of evidence.
    static func complaintReason(_ items: [ExportItem]) -> String {
        guard let first = items.first else { return "" }
        let registration = first.right?.registration ?? first.finding.right
        var counts: [String: Int] = [:]
        for item in items {
            for place in item.whereInfringes { counts[place, default: 0] += 1 }
        }
        let head =
            switch first.ipType {
            case "copyright": "Unauthorised copies of the work registered as \(registration)"
            case "design-patent": "Products infringing design patent \(registration)"
            default: "Unauthorised use of the trademark registered as \(registration)"
            }
        let detail = [
            ("product", "sold below the genuine price or as replicas"), ("image", "copying registered images"),
            ("text", "using the mark or registered text"),
        ].compactMap { place, words in counts[place].map { "\($0) \(words)" } }
        let listings = items.count == 1 ? "1 listing" : "\(items.count) listings"
        return head + " on \(listings)" + (detail.isEmpty ? "" : ": " + detail.joined(separator: ", "))
    }

    // MARK: - amazon: one IP type per notice, at most 50 listings per batch

    private static func amazon(_ items: [ExportItem]) -> [ExportFile] {
        var rows: [[String]] = []
        for ((marketplace, ipType), group) in grouped(items, by: { [$0.finding.marketplace, $0.ipType] }).map({
            (($0.0[0], $0.0[1]), $0.1)
        }) {
            let byListing = grouped(group) { $0.finding.listingID }
            for (index, chunk) in chunks(byListing, of: ExportChannel.amazon.limit).enumerated() {
                let batch = "amazon-\(slug(marketplace))-\(slug(ipType))-\(index + 1)"
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

    // MARK: - ebay-vero: VeRO report request bodies, at most `VeROReport.maxItems` listings each

    private static func ebay(_ items: [ExportItem], _ context: Context) -> [ExportFile] {
        var files: [ExportFile] = []
        var rows: [[String]] = []
        for (marketplace, group) in grouped(items, by: \.finding.marketplace) {
            let entries = VeROReport.entries(group, codes: context.veroReasonCodes)
            for (index, chunk) in chunks(entries, of: VeROReport.maxItems).enumerated() {
                let name = "report-\(slug(marketplace))-\(index + 1).json"
                files.append(ExportFile(path: name, contents: VeROReport.body(chunk)))
                for entry in chunk {
                    for item in entry.items {
                        var text = ""
                        if case .code(_, let brief?) = context.veroReasonCodes.resolve(
                            reason: item.veroReason, marketplace: item.finding.marketplace)
                        {
                            text = brief
                        }
                        rows.append([
                            name, entry.itemID, item.veroReason, entry.reasonCodeID, text, item.listing.url ?? "",
                            item.finding.sellerID ?? "", item.listing.sellerName ?? "", item.reason, item.findingID,
                        ])
                    }
                }
            }
        }
        files.append(
            ExportFile(
                path: "items.csv",
                contents: CSV.document(
                    header: [
                        "report", "item_id", "reason", "vero_reason_code_id", "reason_code_text", "url", "seller_id",
                        "seller_name", "message", "finding_id",
                    ], rows: rows)))
        return files
    }

    // MARK: - schedule-a: defendants sheet and an exhibit index per defendant

    private static func scheduleA(_ items: [ExportItem], _ context: Context) -> [ExportFile] {
        let defendants = grouped(items) { [$0.finding.marketplace, $0.finding.sellerID ?? ""] }.sorted {
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
}
