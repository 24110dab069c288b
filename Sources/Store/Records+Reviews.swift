public import Findings
import Foundation
public import GRDB

/// An analyst's decision on a finding: who, when, why, and the evidence it was made on.
///
/// Decisions are kept in order and never rewritten, except that a dismissal which later evidence reopens is marked
/// lapsed (`lapsedRun`, `lapsedBecause`). A finding's current decision is its latest one, unless that one lapsed.
public struct ReviewRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "reviews"

    public typealias Decision = ReviewDecision

    public var id: Int64?
    public var findingID: String
    public var decision: Decision
    public var reviewer: String
    public var reason: String?
    /// ISO 8601, from the clock the caller passes in.
    public var decidedAt: String
    /// The finding's severity when decided.
    public var severity: Severity
    /// The finding's evidence when decided, as `ReviewEvidence.keys` names it (a JSON array, sorted).
    public var evidence: String
    /// SHA-256 of `evidence` and `severity`, to show and compare.
    public var evidenceSHA256: String
    /// The run whose evidence reopened this dismissal, and what was new.
    public var lapsedRun: String?
    public var lapsedBecause: String?

    public init(
        id: Int64? = nil, findingID: String, decision: Decision, reviewer: String, reason: String?,
        decidedAt: String, severity: Severity, evidence: String, evidenceSHA256: String, lapsedRun: String? = nil,
        lapsedBecause: String? = nil
    ) {
        self.id = id
        self.findingID = findingID
        self.decision = decision
        self.reviewer = reviewer
        self.reason = reason
        self.decidedAt = decidedAt
        self.severity = severity
        self.evidence = evidence
        self.evidenceSHA256 = evidenceSHA256
        self.lapsedRun = lapsedRun
        self.lapsedBecause = lapsedBecause
    }

    enum CodingKeys: String, CodingKey {
        case id, findingID = "finding_id", decision, reviewer, reason, decidedAt = "decided_at", severity, evidence
        case evidenceSHA256 = "evidence_sha256", lapsedRun = "lapsed_run", lapsedBecause = "lapsed_because"
    }
}

/// Where a finding stands with its reviewers: the decision in force, or the earlier one new evidence reopened.
public struct ReviewState: Sendable, Hashable {
    /// The decision in force (the latest one, when it has not lapsed).
    public var current: ReviewRecord?
    /// The latest decision, when new evidence reopened it: shown beside a finding that came back as `new`.
    public var previous: ReviewRecord?

    public init(current: ReviewRecord?, previous: ReviewRecord?) {
        self.current = current
        self.previous = previous
    }

    /// From a finding's latest decision.
    public init(latest: ReviewRecord?) {
        if let latest, latest.lapsedRun != nil {
            self.init(current: nil, previous: latest)
        } else {
            self.init(current: latest, previous: nil)
        }
    }

    public var isConfirmed: Bool { current?.decision == .confirmed }
    public var isDismissed: Bool { current?.decision == .dismissed }
}

extension ReviewRecord {
    /// The evidence keys the decision was made on (`ReviewEvidence`), read from `evidence`.
    public var evidenceKeys: [String] { (try? CanonicalJSON.decode([String].self, from: evidence)) ?? [] }

    /// The decision as a finding shows it.
    public var review: Review {
        Review(
            decision: decision, reviewer: reviewer, decidedAt: decidedAt, evidenceSHA256: evidenceSHA256,
            reason: reason, reopenedBy: lapsedRun, reopenedBecause: lapsedBecause)
    }
}

/// A registered right as the latest run's registry declared it (`registry_rights`).
public struct RegisteredRightRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "registry_rights"

    public var id: String
    /// `trademark`, `copyright` or `design-patent`.
    public var kind: String
    public var registration: String
    public var jurisdiction: String?
    /// The right's holder, or the registry's owner when the right names none.
    public var holder: String?
    /// `YYYY-MM-DD`: the last day it is in force.
    public var expires: String?
    /// Nice classes as a JSON array.
    public var classes: String
    /// The registry's owner.
    public var owner: String

    public init(
        id: String, kind: String, registration: String, jurisdiction: String?, holder: String?, expires: String?,
        classes: String, owner: String
    ) {
        self.id = id
        self.kind = kind
        self.registration = registration
        self.jurisdiction = jurisdiction
        self.holder = holder
        self.expires = expires
        self.classes = classes
        self.owner = owner
    }

    enum CodingKeys: String, CodingKey {
        case id = "right_id", kind, registration, jurisdiction, holder, expires, classes, owner
    }
}

/// A seller a brand authorises: their listings never become exportable findings.
public struct AuthorizedSeller: Sendable, Hashable {
    public var brand: String
    public var sellerID: String

    public init(brand: String, sellerID: String) {
        self.brand = brand
        self.sellerID = sellerID
    }
}

/// A finding as review and export see it: the finding, its listing as last dumped, and its review state.
public struct ReviewedFinding: Sendable {
    public var finding: FindingRecord
    /// The listing's current version as dumped (nil when the state file holds none).
    public var listingRaw: String?
    public var review: ReviewState
}
