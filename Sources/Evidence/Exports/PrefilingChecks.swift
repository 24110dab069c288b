import Findings
import Foundation
public import Store

/// One thing wrong with filing a finding through a channel, naming the finding and the reason.
public struct PrefilingIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Check: String, Sendable, CaseIterable {
        /// An analyst dismissed it.
        case dismissed
        /// Nobody confirmed it (a warning with `--include-unreviewed`).
        case unreviewed
        /// The seller is on the brand's allow-list.
        case authorisedSeller = "authorised-seller"
        /// The right expired before the filing day.
        case rightExpired = "right-expired"
        /// The right's jurisdiction is not one the marketplace (or court) acts on.
        case wrongJurisdiction = "wrong-jurisdiction"
        /// One listing has findings of several IP types where one notice may hold only one: split into notices.
        case mixedIPTypes = "mixed-ip-types"
        /// The listing's words suggest nominative fair use ("compatible with") and no image was copied.
        case fairUse = "fair-use"
        /// Something the channel requires is missing (URL, ASIN, seller, registration, the right itself, eBay's
        /// reason code).
        case missingField = "missing-field"
        /// A field is longer than the channel takes: shortened with a warning (a message), or refused (a number).
        case fieldLimit = "field-limit"
        /// A field listing text could use to steer the export: a control character (CR, LF, ...) anywhere, or a URL
        /// that is not an absolute http(s) URL with a host.
        case unsafeField = "unsafe-field"
    }

    public enum Level: String, Sendable {
        /// The finding is left out of the export.
        case refuse
        /// The finding is exported; a person should look.
        case warn
    }

    public var findingID: String
    public var check: Check
    public var level: Level
    public var message: String

    public var description: String { "\(level.rawValue): \(findingID): \(check.rawValue): \(message)" }
}

/// The checks made before anything is exported (`proofmark export`, and alone with `--check`).
///
/// Each candidate finding (not resolved, on a marketplace the channel serves) is checked in turn; a `refuse` issue
/// keeps it out of the export, a `warn` issue lets it through. The checks, in order: dismissed; not confirmed
/// (refused, or a warning with `includeUnreviewed`); authorised seller (the registry's allow-list); right missing
/// from the registry, expired on `today`, or of a jurisdiction the marketplace does not act on (trademarks and
/// design patents; see `ExportChannel.marketplaceTable`; a Schedule A court is a US court); fair-use phrasing (a `context` signal with cue `fair-use`) and no image signal; a
/// listing with findings of several IP types on a channel that allows one per notice and groups notices by listing
/// (amazon; a warning: they are split);
/// a field listing text could steer the export with (a control character, or a URL that is not http(s) with a
/// host); a required field missing; for ebay-vero, no reason code to be chosen from `--vero-reason-codes`, or a field over
/// the request's limit (`VeROReport`).
public enum PrefilingChecks {
    public struct Options: Sendable {
        public var includeUnreviewed: Bool
        /// The filing day, `YYYY-MM-DD`: a right whose `expires` is before it has expired.
        public var today: String

        /// eBay's VeRO reason codes (ebay-vero): a finding whose code cannot be chosen is refused.
        public var veroReasonCodes: VeROReasonCodes

        public init(
            includeUnreviewed: Bool = false, today: String, veroReasonCodes: VeROReasonCodes = VeROReasonCodes()
        ) {
            self.includeUnreviewed = includeUnreviewed
            self.today = today
            self.veroReasonCodes = veroReasonCodes
        }
    }

    /// The issues of `items` for `channel`, in item order then check order, and the items that may be filed.
    public static func run(
        _ items: [ExportItem], channel: ExportChannel, authorizedSellers: Set<AuthorizedSeller>, options: Options
    ) -> (passing: [ExportItem], issues: [PrefilingIssue]) {
        var issues: [PrefilingIssue] = []
        var passing: [ExportItem] = []
        var typesByListing: [String: Set<String>] = [:]
        if !channel.allowsMixedIPTypes, !channel.groupsNoticesByRight {
            for item in items where item.right != nil {
                typesByListing[listingKey(item), default: []].insert(item.ipType)
            }
        }
        for item in items {
            var found: [PrefilingIssue] = []
            func add(_ check: PrefilingIssue.Check, _ level: PrefilingIssue.Level, _ message: String) {
                found.append(PrefilingIssue(findingID: item.findingID, check: check, level: level, message: message))
            }
            let review = item.review
            if let current = review.current, current.decision == .dismissed {
                add(
                    .dismissed, .refuse,
                    "dismissed by \(current.reviewer) on \(current.decidedAt)"
                        + (current.reason.map { " (\($0))" } ?? ""))
            } else if !review.isConfirmed {
                let why =
                    review.previous.map {
                        "reopened by new evidence after it was \($0.decision.rawValue) (\($0.lapsedBecause ?? ""))"
                    } ?? "not reviewed"
                add(
                    .unreviewed, options.includeUnreviewed ? .warn : .refuse,
                    "\(why); confirm it with proofmark review"
                        + (options.includeUnreviewed ? " (included: --include-unreviewed)" : ""))
            }
            if let seller = item.finding.sellerID,
                authorizedSellers.contains(AuthorizedSeller(brand: item.finding.brand, sellerID: seller))
            {
                add(.authorisedSeller, .refuse, "seller \(seller) is authorised to sell \(item.finding.brand)")
            }
            if let right = item.right {
                if let expires = right.expires, expires < options.today {
                    add(.rightExpired, .refuse, "right \(right.id) (\(right.registration)) expired on \(expires)")
                }
                if right.kind != "copyright",
                    let accepted = channel.acceptedJurisdictions(marketplace: item.finding.marketplace),
                    !accepted.contains(right.jurisdiction ?? "")
                {
                    let place = channel.implementation.authority(marketplace: item.finding.marketplace)
                    add(
                        .wrongJurisdiction, .refuse,
                        "right \(right.id) is a \(right.jurisdiction ?? "jurisdiction-less") \(right.kind); "
                            + "\(place) acts on \(accepted.sorted().joined(separator: ", ")) registrations")
                }
            } else {
                add(
                    .missingField, .refuse,
                    "right \(item.finding.right) is not in the state file's registry snapshot (the latest registry dropped "
                        + "it, or no night has run with this version yet)")
            }
            if item.contextCues.contains(.fairUse), !item.hasImageSignal {
                add(
                    .fairUse, .refuse,
                    "the listing's wording suggests nominative fair use (e.g. \"compatible with\") and no image "
                        + "was copied")
            }
            if let types = typesByListing[listingKey(item)], types.count > 1 {
                add(
                    .mixedIPTypes, .warn,
                    "listing \(item.finding.marketplace)/\(item.finding.listingID) has \(types.sorted().joined(separator: " and ")) "
                        + "findings; \(channel.rawValue) takes one IP type per notice, so they go in separate notices")
            }
            for (name, value) in exportedFields(item) {
                if let problem = unsafeFieldProblem(name: name, value: value) { add(.unsafeField, .refuse, problem) }
            }
            for field in missingFields(item, channel: channel) {
                add(.missingField, .refuse, "\(field) is missing, and \(channel.rawValue) requires it")
            }
            for (check, level, message) in channel.implementation.channelIssues(item, options: options) {
                add(check, level, message)
            }
            issues += found
            if !found.contains(where: { $0.level == .refuse }) { passing.append(item) }
        }
        return (passing, issues)
    }

    /// The fields a channel requires that the item lacks (`ComplaintChannel.requiredFields`).
    static func missingFields(_ item: ExportItem, channel: ExportChannel) -> [String] {
        channel.implementation.requiredFields(item).filter { field in
            (field.value ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }.map(\.name)
    }

    static func listingKey(_ item: ExportItem) -> String { "\(item.finding.marketplace)\n\(item.finding.listingID)" }
}
