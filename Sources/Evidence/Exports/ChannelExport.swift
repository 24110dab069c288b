import Base
import Foundation
import Store

/// One file of an export: its path under the channel's folder, and its text.
public struct ExportFile: Sendable, Hashable {
    public var path: String
    public var contents: String
}

/// What the channels' writers share: the context, the sort, grouping and splitting to a channel's limit
/// (`ComplaintChannel.limit`), file-name slugs, and the complaints per right alibaba-ipp and temu both file.
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

    /// The channel's files for `items`, sorted first (marketplace, right, URL, finding id) so that every channel
    /// groups them in the same order.
    static func files(_ channel: ExportChannel, _ items: [ExportItem], _ context: Context) -> [ExportFile] {
        let items = items.sorted { (key($0), $0.findingID) < (key($1), $1.findingID) }
        return channel.implementation.files(items, context)
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

    // MARK: - complaints per right (alibaba-ipp, temu), at most `limit` URLs per complaint

    /// One complaint per marketplace and right, at most `channel.limit` URLs each: complaints.csv, a URL list per
    /// complaint, listings.csv.
    static func complaintsPerRight(_ channel: any ComplaintChannel, _ items: [ExportItem]) -> [ExportFile] {
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
                let id = "\(channel.id)-\(slug(marketplace))-\(slug(rightID))-\(index + 1)"
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
}
