/// A complaint channel, by name: one of `registered`, each a `ComplaintChannel` in its own file of
/// `Exports/Channels/`.
///
/// Marketplaces in dumps are free strings; `marketplaceTable` maps the known ones (lower-cased, `www.` dropped) to
/// a channel and to the jurisdictions whose trademark and design registrations that marketplace acts on (each
/// channel's `marketplaces`). Copyright has no such check: under the Berne Convention a work is protected in every
/// member state without registration.
public struct ExportChannel: Sendable, Hashable, RawRepresentable, CaseIterable, CustomStringConvertible {
    /// Every channel, in the order they are listed (`--channel`'s help and errors, the review workbench). A new
    /// channel is a new file in `Exports/Channels/` and one line here.
    static let registered: [ExportChannel] = [.alibabaIPP, .amazon, .ebayVeRO, .temu, .scheduleA, .dmca]

    let implementation: any ComplaintChannel

    init(_ implementation: any ComplaintChannel) { self.implementation = implementation }

    public static var allCases: [ExportChannel] { registered }

    /// The registered channel named `rawValue` (`amazon`, `ebay-vero`, ...); nil for any other name.
    public init?(rawValue: String) {
        guard let channel = Self.registered.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = channel
    }

    /// The channel's name on the command line and as its exports folder.
    public var rawValue: String { implementation.id }
    public var description: String { rawValue }
    /// The channel's name for people.
    public var displayName: String { implementation.displayName }

    public static func == (a: ExportChannel, b: ExportChannel) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Listings per complaint (alibaba-ipp, temu: URLs per complaint per right), per batch (amazon), per report
    /// (ebay-vero); nil where the channel sets none.
    public var limit: Int? { implementation.limit }

    /// Whether one notice may rest on rights of different types (trademark and copyright).
    public var allowsMixedIPTypes: Bool { implementation.allowsMixedIPTypes }

    /// Whether the channel groups its notices by right, so that a listing's findings under rights of different
    /// types go in different notices whatever the channel's rule on mixing.
    public var groupsNoticesByRight: Bool { implementation.groupsNoticesByRight }

    /// The right types the channel carries: DMCA notices are for copyright only; findings on other rights are not
    /// candidates for it.
    public func accepts(rightKind: String) -> Bool { implementation.accepts(rightKind: rightKind) }

    /// Whether findings on `marketplace` are filed through this channel.
    public func serves(marketplace: String) -> Bool { implementation.serves(marketplace: marketplace) }

    /// The trademark and design jurisdictions a finding on `marketplace` filed through this channel may rest on;
    /// nil when any will do (`*`), or when the marketplace is not in the table (`isKnown` tells which).
    public func acceptedJurisdictions(marketplace: String) -> Set<String>? {
        implementation.acceptedJurisdictions(marketplace: marketplace)
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

    /// Marketplace → channel and accepted trademark/design jurisdictions, from every channel's `marketplaces`;
    /// this table is the contract.
    public static let marketplaceTable: [MarketplaceEntry] = registered.flatMap { channel in
        channel.implementation.marketplaces.flatMap { rule in
            rule.names.map { MarketplaceEntry(marketplace: $0, channel: channel, jurisdictions: rule.jurisdictions) }
        }
    }

    static func entry(for marketplace: String) -> MarketplaceEntry? {
        var name = marketplace.lowercased()
        if name.hasPrefix("www.") { name.removeFirst(4) }
        return marketplaceTable.first { $0.marketplace == name }
    }
}
