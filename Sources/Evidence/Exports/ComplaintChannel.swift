import Foundation
import Store

/// One complaint channel: its name, the marketplaces it files for, its limits and rules, the fields and checks a
/// finding must pass before filing through it, how its files are written, and what its FORMAT.md says.
///
/// Each channel is one file in `Exports/Channels/` holding a type that conforms, and one line in
/// `ExportChannel.registered`; nothing else names a channel. `Exporter` and `PrefilingChecks` run every channel the
/// same way: the candidates are the findings on marketplaces it serves and rights it carries; the checks common to
/// every channel run, then the channel's own (`requiredFields`, `channelIssues`); what passes goes to `files`,
/// sorted (marketplace, right, URL, finding id).
protocol ComplaintChannel: Sendable {
    /// The channel's name on the command line (`--channel`), in the review workbench and as its folder under
    /// `exports/`: lower-case, `-` between words (`ebay-vero`).
    var id: String { get }
    /// The channel's name for people (`eBay VeRO`).
    var displayName: String { get }
    /// The marketplaces whose findings go through this channel, with the trademark and design jurisdictions each
    /// acts on (`ExportChannel.marketplaceTable` is made of these); empty for a channel that takes any marketplace
    /// (`serves(marketplace:)` says so).
    var marketplaces: [MarketplaceRule] { get }
    /// Listings per complaint, batch or report; nil where the channel sets none.
    var limit: Int? { get }
    /// Whether one notice may rest on rights of different types (trademark and copyright).
    var allowsMixedIPTypes: Bool { get }
    /// Whether notices are grouped by right, so that a listing's findings under rights of different types go in
    /// different notices whatever the rule on mixing (no `mixed-ip-types` warning then).
    var groupsNoticesByRight: Bool { get }

    /// The right types the channel carries (`trademark`, `copyright`, `design-patent`); findings on others are not
    /// candidates for it. Default: every type.
    func accepts(rightKind: String) -> Bool
    /// Whether findings on `marketplace` are filed through this channel. Default: the marketplace is one of
    /// `marketplaces`.
    func serves(marketplace: String) -> Bool
    /// The trademark and design jurisdictions a finding on `marketplace` may rest on; nil when any will do.
    /// Default: the marketplace's `MarketplaceRule` (nil when it names `*`, or when the marketplace is unknown).
    func acceptedJurisdictions(marketplace: String) -> Set<String>?
    /// Who acts on a filing for `marketplace`, as the wrong-jurisdiction check names it. Default: the marketplace.
    func authority(marketplace: String) -> String
    /// The fields the channel cannot file without, by name, with the item's value (empty or nil: refused as
    /// missing).
    func requiredFields(_ item: ExportItem) -> [(name: String, value: String?)]
    /// The channel's own pre-filing issues for `item`, after the common ones. Default: none.
    func channelIssues(
        _ item: ExportItem, options: PrefilingChecks.Options
    ) -> [(check: PrefilingIssue.Check, level: PrefilingIssue.Level, message: String)]
    /// What a person should know about an export before filing it, beyond the findings' issues (printed by
    /// `proofmark export`). Default: nothing.
    func notes(_ result: Exporter.Result, options: Exporter.Options) -> [String]
    /// The export's files for `items` (every one passed the checks), sorted by marketplace, right, URL and finding
    /// id. FORMAT.md and prefiling-checks.csv are added by `Exporter`.
    func files(_ items: [ExportItem], _ context: ChannelExport.Context) -> [ExportFile]
    /// The channel's FORMAT.md: the form or API its files follow, sources, what is checked and what is left to do.
    func format(codes: VeROReasonCodes) -> ChannelFormat
}

/// Marketplace names (lower-case, `www.` dropped) and the trademark and design jurisdictions their complaint
/// channel acts on: ISO country codes, `EU` for EU-wide registrations, `*` for any.
struct MarketplaceRule: Sendable {
    var names: [String]
    var jurisdictions: Set<String>

    init(_ names: [String], _ jurisdictions: Set<String>) {
        self.names = names
        self.jurisdictions = jurisdictions
    }
}

/// A channel filed as one complaint per marketplace and right, listing the accused URLs (Alibaba IPP, Temu): each
/// listing needs its URL and the right's registration, the files are `ChannelExport.complaintsPerRight`, and the
/// channel itself says only whom it serves, its limit and its FORMAT.md text.
protocol PerRightComplaintChannel: ComplaintChannel {
    static var filingFormat: ChannelFormat { get }
}

extension PerRightComplaintChannel {
    func requiredFields(_ item: ExportItem) -> [(name: String, value: String?)] {
        [("url", item.listing.url), ("registration", item.right?.registration)]
    }

    func files(_ items: [ExportItem], _ context: ChannelExport.Context) -> [ExportFile] {
        ChannelExport.complaintsPerRight(self, items)
    }

    func format(codes: VeROReasonCodes) -> ChannelFormat { Self.filingFormat }
}

extension ComplaintChannel {
    func accepts(rightKind: String) -> Bool { true }

    func serves(marketplace: String) -> Bool { ExportChannel.entry(for: marketplace)?.channel.rawValue == id }

    func acceptedJurisdictions(marketplace: String) -> Set<String>? {
        guard let entry = ExportChannel.entry(for: marketplace) else { return nil }
        return entry.jurisdictions.contains("*") ? nil : entry.jurisdictions
    }

    func authority(marketplace: String) -> String { marketplace }

    func channelIssues(
        _ item: ExportItem, options: PrefilingChecks.Options
    ) -> [(check: PrefilingIssue.Check, level: PrefilingIssue.Level, message: String)] { [] }

    func notes(_ result: Exporter.Result, options: Exporter.Options) -> [String] { [] }
}
