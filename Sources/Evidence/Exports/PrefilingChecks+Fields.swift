import Foundation
import Store

extension PrefilingChecks {
    /// The fields of `item` that listing text (or the registry) puts into an export's lines and cells, by name.
    static func exportedFields(_ item: ExportItem) -> [(name: String, value: String)] {
        var fields: [(String, String?)] = [
            ("marketplace", item.finding.marketplace), ("listing_id", item.finding.listingID),
            ("seller_id", item.finding.sellerID), ("brand", item.finding.brand), ("right", item.finding.right),
            ("url", item.listing.url), ("seller_url", item.listing.sellerURL), ("seller_name", item.listing.sellerName),
            ("title", item.listing.title), ("asin", item.asin), ("item_id", item.itemID),
            ("registration", item.right?.registration), ("holder", item.right?.holder),
        ]
        fields += item.testBuyOrderIDs.map { ("test_buy_order_id", $0) }
        return fields.compactMap { name, value in value.map { (name, $0) } }
    }

    /// Why a field cannot be filed as it is: a control character (a CR or LF would add a line of its own to a URL
    /// list or a notice, and no channel's field needs one), or, for a URL field, not an absolute http(s) URL with a
    /// host as RFC 3986 reads it (`javascript:`, `data:`, `https:/\evil.example`, credentials). `nil` when it is fine.
    static func unsafeFieldProblem(name: String, value: String) -> String? {
        if let bad = value.unicodeScalars.first(where: isLineBreakingOrControl) {
            return "\(name) holds a control character (U+\(String(bad.value, radix: 16, uppercase: true)))"
        }
        guard name == "url" || name == "seller_url", !value.isEmpty else { return nil }
        return urlProblem(value).map { "\(name) \($0)" }
    }

    /// Why `text` is not a URL a complaint may carry, or `nil`.
    static func urlProblem(_ text: String) -> String? {
        // URLComponents parses by RFC 3986 and refuses what it does not allow (a backslash, spaces, ...).
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return "is not a URL (RFC 3986)"
        }
        guard scheme == "http" || scheme == "https" else { return "is a \(scheme): URL; only http(s) is filed" }
        guard let host = components.host, !host.isEmpty, text.lowercased().hasPrefix(scheme + "://") else {
            return "has no host"
        }
        if components.user != nil || components.password != nil { return "carries credentials" }
        return nil
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    static func isLineBreakingOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
