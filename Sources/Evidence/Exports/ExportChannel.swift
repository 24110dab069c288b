/// A marketplace's complaint channel, its limits, and which marketplaces and jurisdictions it serves.
///
/// Marketplaces in dumps are free strings; `marketplaceTable` maps the known ones (lower-cased, `www.` dropped) to
/// a channel and to the jurisdictions whose trademark and design registrations that marketplace acts on. Copyright
/// has no such check: under the Berne Convention a work is protected in every member state without registration.
public enum ExportChannel: String, Sendable, CaseIterable {
    case alibabaIPP = "alibaba-ipp"
    case amazon
    case ebayVeRO = "ebay-vero"
    case temu
    case scheduleA = "schedule-a"
    case dmca

    /// Listings per complaint (alibaba-ipp, temu: URLs per complaint per right), per batch (amazon), per report
    /// (ebay-vero); nil where the channel sets none.
    public var limit: Int? {
        switch self {
        case .alibabaIPP: 300
        case .amazon: 50
        case .ebayVeRO: 150
        case .temu: 200
        case .scheduleA, .dmca: nil
        }
    }

    /// Whether one notice may rest on rights of different types (trademark and copyright). Amazon takes one IP
    /// type per notice; alibaba-ipp and temu complaints are per right, DMCA notices per work, so one type each.
    public var allowsMixedIPTypes: Bool {
        switch self {
        case .ebayVeRO, .scheduleA: true
        case .alibabaIPP, .amazon, .temu, .dmca: false
        }
    }

    /// Whether the channel groups its notices by right (alibaba-ipp, temu, dmca), so that a listing's findings
    /// under rights of different types go in different notices whatever the channel's rule on mixing.
    public var groupsNoticesByRight: Bool {
        switch self {
        case .alibabaIPP, .temu, .dmca: true
        case .amazon, .ebayVeRO, .scheduleA: false
        }
    }

    /// The right types the channel carries: DMCA notices are for copyright only; findings on other rights are not
    /// candidates for it.
    public func accepts(rightKind: String) -> Bool {
        self == .dmca ? rightKind == "copyright" : true
    }

    /// Whether findings on `marketplace` are filed through this channel. Schedule A complaints and DMCA notices
    /// take listings of any marketplace.
    public func serves(marketplace: String) -> Bool {
        switch self {
        case .scheduleA, .dmca: true
        default: Self.entry(for: marketplace)?.channel == self
        }
    }

    /// The trademark and design jurisdictions a finding on `marketplace` filed through this channel may rest on;
    /// nil when any will do (`*`), or when the marketplace is not in the table (`isKnown` tells which).
    public func acceptedJurisdictions(marketplace: String) -> Set<String>? {
        if self == .scheduleA { return ["US"] }  // a US court
        guard let entry = Self.entry(for: marketplace) else { return nil }
        return entry.jurisdictions.contains("*") ? nil : entry.jurisdictions
    }

    /// Whether the marketplace is in `marketplaceTable`.
    public static func isKnown(marketplace: String) -> Bool { entry(for: marketplace) != nil }

    /// One row of the marketplace table.
    public struct MarketplaceEntry: Sendable, Hashable {
        public var marketplace: String
        public var channel: ExportChannel
        /// ISO country codes, `EU` for EU-wide registrations, `*` for any.
        public var jurisdictions: Set<String>
    }

    /// Marketplace → channel and accepted trademark/design jurisdictions; this table is the contract.
    public static let marketplaceTable: [MarketplaceEntry] = {
        var table: [MarketplaceEntry] = []
        func add(_ names: [String], _ channel: ExportChannel, _ jurisdictions: Set<String>) {
            for name in names {
                table.append(MarketplaceEntry(marketplace: name, channel: channel, jurisdictions: jurisdictions))
            }
        }
        add(["amazon", "amazon.com"], .amazon, ["US"])
        add(["amazon.ca"], .amazon, ["CA"])
        add(["amazon.com.mx"], .amazon, ["MX"])
        add(["amazon.co.uk"], .amazon, ["GB"])
        add(["amazon.co.jp"], .amazon, ["JP"])
        add(["amazon.com.au"], .amazon, ["AU"])
        for (domain, country) in [
            ("de", "DE"), ("fr", "FR"), ("it", "IT"), ("es", "ES"), ("nl", "NL"), ("se", "SE"), ("pl", "PL"),
            ("com.be", "BE"),
        ] {
            add(["amazon.\(domain)"], .amazon, ["EU", country])
        }
        add(["ebay", "ebay.com"], .ebayVeRO, ["US"])
        add(["ebay.ca"], .ebayVeRO, ["CA"])
        add(["ebay.co.uk"], .ebayVeRO, ["GB"])
        add(["ebay.com.au"], .ebayVeRO, ["AU"])
        for (domain, country) in [("de", "DE"), ("fr", "FR"), ("it", "IT"), ("es", "ES"), ("nl", "NL")] {
            add(["ebay.\(domain)"], .ebayVeRO, ["EU", country])
        }
        // Alibaba.com and AliExpress sell across borders; IPP acts on registrations of any jurisdiction. Taobao,
        // Tmall and 1688 sell in mainland China.
        add(["alibaba", "alibaba.com", "aliexpress", "aliexpress.com"], .alibabaIPP, ["*"])
        add(["taobao", "tmall", "1688"], .alibabaIPP, ["CN"])
        add(["temu", "temu.com"], .temu, ["US", "EU", "GB", "CA", "AU"])
        return table
    }()

    static func entry(for marketplace: String) -> MarketplaceEntry? {
        var name = marketplace.lowercased()
        if name.hasPrefix("www.") { name.removeFirst(4) }
        return marketplaceTable.first { $0.marketplace == name }
    }
}
