import Foundation
public import GRDB

/// An analyst's decision on a finding: who, when, why, and the evidence it was made on.
///
/// Decisions are kept in order and never rewritten, except that a dismissal which later evidence reopens is marked
/// lapsed (`lapsedRun`, `lapsedBecause`). A finding's current decision is its latest one, unless that one lapsed.
public struct ReviewRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "reviews"

    public enum Decision: String, Sendable, Codable, CaseIterable {
        case confirmed
        case dismissed
        /// Takes back the decision before it (an analyst's undo): the finding is open again, unreviewed. Kept like
        /// every decision, so the record shows what was decided and taken back, by whom and when.
        case withdrawn
    }

    public var id: Int64?
    public var findingID: String
    public var decision: Decision
    public var reviewer: String
    public var reason: String?
    /// ISO 8601, from the clock the caller passes in.
    public var decidedAt: String
    /// The finding's severity when decided.
    public var severity: String
    /// The finding's evidence when decided, as `ReviewEvidence.keys` names it (a JSON array, sorted).
    public var evidence: String
    /// SHA-256 of `evidence` and `severity`, to show and compare.
    public var evidenceSHA256: String
    /// The run whose evidence reopened this dismissal, and what was new.
    public var lapsedRun: String?
    public var lapsedBecause: String?

    public init(
        id: Int64? = nil, findingID: String, decision: Decision, reviewer: String, reason: String?,
        decidedAt: String, severity: String, evidence: String, evidenceSHA256: String, lapsedRun: String? = nil,
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

/// What counts as a finding's evidence for review decisions: a dismissal stands until tonight's evidence has
/// something the decision did not see.
///
/// The evidence is a set of keys taken from the finding's signals, and its severity:
/// - `image ASSET TRANSFORM` for each image signal (a registered image found, and how it was transformed);
/// - `word-mark MARK FIELD` for each word mark (a mark, and the field it was found in);
/// - `text-copy TEXT` for each copied registered text;
/// - `context counterfeit` when the listing's own words call it a counterfeit (issue 5's context signals).
///
/// Prices, distances and scores are not keys: they move night to night without new evidence; a change that
/// matters moves the severity. A dismissal reopens when tonight has a key the decision did not have, or a higher
/// severity (`low` < `moderate` < `serious`). Fewer keys or a lower severity never reopen one.
public enum ReviewEvidence {
    /// The sorted, distinct evidence keys of a JSON array of signals; unknown kinds are skipped.
    public static func keys(signals json: String) -> [String] {
        guard let list = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]] else {
            return []
        }
        var keys: Set<String> = []
        for signal in list {
            func text(_ key: String) -> String {
                switch signal[key] {
                case let value as String: value
                case let value as NSNumber: value.stringValue
                default: ""
                }
            }
            switch text("kind") {
            case "image":
                keys.insert("image \(text("asset")) \(signal["transform"] == nil ? "identity" : text("transform"))")
            case "word-mark": keys.insert("word-mark \(text("mark")) \(text("field"))")
            case "text-copy": keys.insert("text-copy \(text("text"))")
            case "context" where text("cue") == "counterfeit": keys.insert("context counterfeit")
            default: break
            }
        }
        return keys.sorted()
    }

    /// The rank of a severity: higher is worse; unknown severities rank lowest.
    public static func rank(_ severity: String) -> Int {
        ["low", "moderate", "serious"].firstIndex(of: severity) ?? -1
    }

    /// What tonight's evidence has that the decision's did not, as a sentence; nil when nothing is new.
    public static func news(decided: ReviewRecord, keys tonight: [String], severity: String) -> String? {
        let before = Set(
            (try? JSONSerialization.jsonObject(with: Data(decided.evidence.utf8))) as? [String] ?? [])
        var news = tonight.filter { !before.contains($0) }.map { "new \($0)" }
        if rank(severity) > rank(decided.severity) { news.append("severity \(decided.severity) → \(severity)") }
        return news.isEmpty ? nil : news.joined(separator: "; ")
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
