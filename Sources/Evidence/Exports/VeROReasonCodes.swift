public import Foundation

/// eBay VeRO reason codes, as `--vero-reason-codes` gives them: the response of `getVeroReasonCodes` saved as it
/// is, or (the older shape) an object naming a code id for each of Proofmark's symbolic reasons.
///
/// The response shape read is the one eBay documents for `getVeroReasonCodes` (VeRO API v1, spec 1.0.0,
/// `VeroReasonCodeDetailResponse`): `{"veroReasonCodes": [{"marketplaceId": "EBAY_US", "reasonCodeDetails":
/// [{"veroReasonCodeId": "…", "briefText": "…", "detailedText": "…"}]}]}`. That v2 returns the same shape is
/// assumed, not verified (the v2 response schema could not be read; see the eBay export's FORMAT.md).
///
/// From a response, a finding's code is chosen on its marketplace by the words of each code's `briefText`
/// (`rules`): exactly one code must match, else the finding is refused with the candidates named, and a file of the
/// older shape, where a person names the code, settles it (given beside the response, its codes win).
public struct VeROReasonCodes: Sendable, Hashable {
    /// One reason code of one eBay marketplace.
    public struct Code: Sendable, Hashable {
        public var id: String
        public var briefText: String
    }

    /// eBay marketplace id (`EBAY_US`) → its codes, in the file's order.
    public var catalogue: [String: [Code]]
    /// Symbolic reason → code id, from the older shape (any marketplace).
    public var chosen: [String: String]

    public init(catalogue: [String: [Code]] = [:], chosen: [String: String] = [:]) {
        self.catalogue = catalogue
        self.chosen = chosen
    }

    /// Adds `other`'s codes: a response's to the catalogue, named ones to `chosen` (the later file wins a reason).
    public mutating func merge(_ other: VeROReasonCodes) {
        catalogue.merge(other.catalogue) { $0 + $1 }
        chosen.merge(other.chosen) { $1 }
    }

    /// Whether no code was given at all (no `--vero-reason-codes`).
    public var isEmpty: Bool { catalogue.isEmpty && chosen.isEmpty }

    /// Proofmark's symbolic VeRO reasons (`ExportItem.veroReason`).
    public static let reasons = [
        "copyright-image", "copyright-text", "design-patent", "trademark-counterfeit", "trademark-listing-use",
    ]

    /// Which codes a symbolic reason may take: every word in `all` and none in `none` appear in the code's
    /// `briefText` (lower-cased). Proofmark's own rule, not eBay's: eBay publishes no mapping.
    static let rules: [String: (all: [[String]], none: [String])] = [
        "trademark-counterfeit": ([["counterfeit"]], []),
        "trademark-listing-use": ([["trademark"]], ["counterfeit", "importation", "patent", "copyright"]),
        "copyright-image": ([["copyright"], ["image", "photo", "picture"]], []),
        "copyright-text": ([["copyright"], ["text", "description"]], ["image", "photo", "picture"]),
        "design-patent": ([["patent"]], []),
    ]

    /// eBay's marketplace id for a dump's marketplace (eBay's `MarketplaceIdEnum` values), nil when not an eBay
    /// marketplace Proofmark knows.
    public static func marketplaceID(for marketplace: String) -> String? {
        var name = marketplace.lowercased()
        if name.hasPrefix("www.") { name.removeFirst(4) }
        return [
            "ebay": "EBAY_US", "ebay.com": "EBAY_US", "ebay.ca": "EBAY_CA", "ebay.co.uk": "EBAY_GB",
            "ebay.com.au": "EBAY_AU", "ebay.de": "EBAY_DE", "ebay.fr": "EBAY_FR", "ebay.it": "EBAY_IT",
            "ebay.es": "EBAY_ES", "ebay.nl": "EBAY_NL",
        ][name]
    }

    /// What choosing a code for one finding came to.
    public enum Resolution: Sendable, Hashable {
        /// The code to file, and its brief text when it came from a response.
        case code(id: String, briefText: String?)
        /// No code file was given: the report carries the symbolic reason for a person to replace.
        case placeholder
        /// No code could be chosen; the message says why.
        case unresolved(String)
    }

    /// The code for a symbolic `reason` on `marketplace`.
    public func resolve(reason: String, marketplace: String) -> Resolution {
        if let id = chosen[reason] {
            return .code(id: id, briefText: nil)
        }
        if isEmpty { return .placeholder }
        if catalogue.isEmpty {
            return .unresolved("--vero-reason-codes names no code for \(reason)")
        }
        guard let market = Self.marketplaceID(for: marketplace) else {
            return .unresolved("\(marketplace) is not an eBay marketplace Proofmark maps to an eBay marketplace id")
        }
        guard let codes = catalogue[market], !codes.isEmpty else {
            return .unresolved("the getVeroReasonCodes response has no codes for \(market)")
        }
        guard let rule = Self.rules[reason] else { return .unresolved("unknown VeRO reason \(reason)") }
        let matches = codes.filter { code in
            let text = code.briefText.lowercased()
            return rule.all.allSatisfy { words in words.contains { text.contains($0) } }
                && !rule.none.contains { text.contains($0) }
        }
        if matches.count == 1 { return .code(id: matches[0].id, briefText: matches[0].briefText) }
        let why =
            matches.isEmpty
            ? "no \(market) reason code's brief text fits \(reason)"
            : "\(matches.count) \(market) reason codes fit \(reason) ("
                + matches.map { "\($0.id): \($0.briefText)" }.joined(separator: "; ") + ")"
        return .unresolved(
            why + "; name the code in a {\"\(reason)\": \"<id>\"} file given as another --vero-reason-codes")
    }
}

/// A `--vero-reason-codes` file that is neither shape, naming the file and the place in it.
public struct VeROReasonCodesError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}

extension VeROReasonCodes {
    /// Reads a `--vero-reason-codes` file (`path` names it in errors).
    public init(data: Data, path: String) throws(VeROReasonCodesError) {
        func fail(_ message: String) -> VeROReasonCodesError { VeROReasonCodesError(path: path, message: message) }
        let expected =
            "expected the response of getVeroReasonCodes ({\"veroReasonCodes\": [...]}) as eBay returns it, or an "
            + "object naming a code id for each reason (" + Self.reasons.joined(separator: ", ") + ")"
        guard let parsed = try? JSONSerialization.jsonObject(with: data) else {
            throw fail("not JSON; " + expected)
        }
        guard let object = parsed as? [String: Any] else { throw fail(expected) }
        func text(_ value: Any?) -> String? {
            switch value {
            case let string as String: string
            // JSON's true and false come back as NSNumbers of type "c" (a 0 or a 1 does not).
            case let number as NSNumber: String(cString: number.objCType) == "c" ? nil : number.stringValue
            default: nil
            }
        }
        if let list = object["veroReasonCodes"] {
            guard let sites = list as? [Any] else { throw fail("veroReasonCodes: expected an array; " + expected) }
            var catalogue: [String: [Code]] = [:]
            for (index, site) in sites.enumerated() {
                let place = "veroReasonCodes[\(index)]"
                guard let site = site as? [String: Any] else { throw fail("\(place): expected an object") }
                guard let market = text(site["marketplaceId"]), !market.isEmpty else {
                    throw fail("\(place).marketplaceId: missing")
                }
                // The v1 schema makes reasonCodeDetails an array; one object is read as a list of one.
                let details: [Any] =
                    switch site["reasonCodeDetails"] {
                    case let array as [Any]: array
                    case let one as [String: Any]: [one]
                    case nil: []
                    default: throw fail("\(place).reasonCodeDetails: expected an array")
                    }
                for (number, detail) in details.enumerated() {
                    let at = "\(place).reasonCodeDetails[\(number)]"
                    guard let detail = detail as? [String: Any] else { throw fail("\(at): expected an object") }
                    guard let id = text(detail["veroReasonCodeId"]), !id.isEmpty else {
                        throw fail("\(at).veroReasonCodeId: missing")
                    }
                    catalogue[market, default: []].append(Code(id: id, briefText: text(detail["briefText"]) ?? ""))
                }
            }
            self.init(catalogue: catalogue)
            return
        }
        var chosen: [String: String] = [:]
        for key in object.keys.sorted() {
            guard Self.reasons.contains(key) else { throw fail("\(key): not a VeRO reason; " + expected) }
            guard let id = text(object[key]), !id.isEmpty else { throw fail("\(key): expected a code id") }
            chosen[key] = id
        }
        self.init(chosen: chosen)
    }
}
