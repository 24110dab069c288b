/// How serious a finding is, for sorting the morning's work: `low` < `moderate` < `serious` (`Scorer` decides it).
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case low
    case moderate
    case serious

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Worst first, as reports and summaries list them.
    public static let worstFirst: [Severity] = allCases.reversed()
}

/// Where a finding stands in its history across nights.
public enum FindingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// First seen tonight.
    case new
    /// Seen on an earlier night and again tonight.
    case ongoing
    /// Resolved on an earlier night, back tonight: the same listing, or another listing of the same seller showing
    /// the same images (`relistedFrom` names the resolved finding).
    case relisted
    /// Gone tonight: the listing left the dump, or no longer carries the evidence (`resolution` says which).
    case resolved
}

/// An analyst's decision.
public enum ReviewDecision: String, Sendable, Hashable, Codable, CaseIterable {
    case confirmed
    case dismissed
    /// Takes back the decision before it (an analyst's undo): the finding is open again, unreviewed. Kept like
    /// every decision, so the record shows what was decided and taken back, by whom and when.
    case withdrawn
}

/// A review decision as a finding shows it: who decided what, when, why, and on which evidence.
public struct Review: Sendable, Hashable, Codable {
    public var decision: ReviewDecision
    public var reviewer: String
    /// ISO 8601.
    public var decidedAt: String
    /// SHA-256 of the evidence keys and severity the decision was made on (`ReviewEvidence`).
    public var evidenceSHA256: String
    public var reason: String?
    /// The run whose evidence reopened this dismissal, and what was new.
    public var reopenedBy: String?
    public var reopenedBecause: String?

    public init(
        decision: ReviewDecision, reviewer: String, decidedAt: String, evidenceSHA256: String, reason: String? = nil,
        reopenedBy: String? = nil, reopenedBecause: String? = nil
    ) {
        self.decision = decision
        self.reviewer = reviewer
        self.decidedAt = decidedAt
        self.evidenceSHA256 = evidenceSHA256
        self.reason = reason
        self.reopenedBy = reopenedBy
        self.reopenedBecause = reopenedBecause
    }

    enum CodingKeys: String, CodingKey {
        case decision, reviewer, decidedAt = "decided_at", evidenceSHA256 = "evidence_sha256", reason
        case reopenedBy = "reopened_by", reopenedBecause = "reopened_because"
    }
}

/// A finding as `findings.jsonl` has it, one a line: one listing, brand and right, its score, severity and signals,
/// its history across nights, and the review decision in force.
///
/// Written with `CanonicalJSON` (compact; members in key order); the schema, with an example, is in
/// `ARCHITECTURE.md` ("The finding"), which a test checks against this type.
public struct Finding: Sendable, Hashable, Codable {
    public var findingID: String
    public var marketplace: String
    public var listingID: String
    public var sellerID: String?
    public var url: String?
    public var brand: String
    /// The registered rights the finding rests on (one today).
    public var rights: [String]
    /// 0...1, rounded to four places.
    public var score: Double
    public var severity: Severity
    public var status: FindingStatus
    public var signals: [Signal]
    /// The start times of the first and the last night that saw it (ISO 8601).
    public var firstSeen: String
    public var lastSeen: String
    /// The evidence bundle's folder, relative to the output folder (`bundles/<finding_id>`).
    public var bundle: String
    /// `listing-gone` or `evidence-gone`, while it is resolved.
    public var resolution: String?
    /// The resolved finding this one relists.
    public var relistedFrom: String?
    /// The decision in force, and a dismissal that new evidence reopened.
    public var review: Review?
    public var previousReview: Review?

    public init(
        findingID: String, marketplace: String, listingID: String, sellerID: String?, url: String?, brand: String,
        rights: [String], score: Double, severity: Severity, status: FindingStatus, signals: [Signal],
        firstSeen: String, lastSeen: String, bundle: String, resolution: String? = nil, relistedFrom: String? = nil,
        review: Review? = nil, previousReview: Review? = nil
    ) {
        self.findingID = findingID
        self.marketplace = marketplace
        self.listingID = listingID
        self.sellerID = sellerID
        self.url = url
        self.brand = brand
        self.rights = rights
        self.score = score
        self.severity = severity
        self.status = status
        self.signals = signals
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.bundle = bundle
        self.resolution = resolution
        self.relistedFrom = relistedFrom
        self.review = review
        self.previousReview = previousReview
    }

    enum CodingKeys: String, CodingKey {
        case findingID = "finding_id", marketplace, listingID = "listing_id", sellerID = "seller_id", url, brand
        case rights, score, severity, status, signals, firstSeen = "first_seen", lastSeen = "last_seen", bundle
        case resolution, relistedFrom = "relisted_from", review, previousReview = "previous_review"
    }

    /// The finding as one line of `findings.jsonl` (no newline).
    public var jsonLine: String {
        // Strings, numbers and enums only: the encoder has nothing to refuse.
        (try? CanonicalJSON.text(self)) ?? "{}"
    }
}
