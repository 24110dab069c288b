import Base
public import Findings
import Foundation
import GRDB

extension StateStore {
    /// Which findings a review applies to: named ones, or those matching every given filter.
    public struct ReviewSelection: Sendable {
        public var findingIDs: [String]
        public var brand: String?
        public var sellerID: String?
        public var minimumScore: Double?
        /// For findings decided from what a page showed (`serve`): the id of the latest decision shown for each
        /// (0 when none was). When one has changed since (another tab, another reviewer, `proofmark review`), the
        /// review records nothing and says which, so a decision is never made over one its maker did not see.
        public var seen: [String: Int64]

        public init(
            findingIDs: [String] = [], brand: String? = nil, sellerID: String? = nil, minimumScore: Double? = nil,
            seen: [String: Int64] = [:]
        ) {
            self.findingIDs = findingIDs
            self.brand = brand
            self.sellerID = sellerID
            self.minimumScore = minimumScore
            self.seen = seen
        }

        var hasFilter: Bool { brand != nil || sellerID != nil || minimumScore != nil }
    }

    /// Records `decision` on the selected findings, in one transaction, and returns the decisions written (in
    /// finding id order).
    ///
    /// Named findings must all exist (an unknown id fails the whole review, naming it); filters select the findings
    /// not resolved whose brand, seller and score match. Each decision records the finding's evidence and severity
    /// as they stand, which later nights compare with theirs (`ReviewEvidence`).
    public func review(
        _ selection: ReviewSelection, decision: ReviewRecord.Decision, reviewer: String, reason: String?,
        at time: String
    ) throws(StoreError) -> [ReviewRecord] {
        try write { db in
            var findings: [FindingRecord] = []
            for id in selection.findingIDs {
                guard let finding = try FindingRecord.fetchOne(db, key: id) else {
                    throw StoreError(path: path, message: "no finding \(id) in the state file", cause: .notFound)
                }
                findings.append(finding)
            }
            if selection.hasFilter {
                var conditions = ["status != 'resolved'"]
                var arguments: StatementArguments = []
                if let brand = selection.brand {
                    conditions.append("brand = ?")
                    arguments += [brand]
                }
                if let seller = selection.sellerID {
                    conditions.append("seller_id = ?")
                    arguments += [seller]
                }
                if let score = selection.minimumScore {
                    conditions.append("score >= ?")
                    arguments += [score]
                }
                findings += try FindingRecord.fetchAll(
                    db, sql: "SELECT * FROM findings WHERE " + conditions.joined(separator: " AND "),
                    arguments: arguments)
            }
            var seen: Set<String> = []
            let unique = findings.filter { seen.insert($0.findingID).inserted }.sorted {
                $0.findingID < $1.findingID
            }
            for (id, shown) in selection.seen.sorted(by: { $0.key < $1.key }) {
                let latest = try ReviewRecord.fetchOne(
                    db, sql: "SELECT * FROM reviews WHERE finding_id = ? ORDER BY id DESC LIMIT 1", arguments: [id])
                guard (latest?.id ?? 0) == shown else {
                    let now = latest.map { "\($0.decision.rawValue) by \($0.reviewer) at \($0.decidedAt)" } ?? "none"
                    throw StoreError(
                        path: path,
                        message: "\(id) was decided elsewhere since it was shown (latest decision: \(now)); "
                            + "nothing was recorded: look again and decide", cause: .conflict)
                }
            }
            var written: [ReviewRecord] = []
            for finding in unique {
                let keys = ReviewEvidence.keys(finding.signals)
                let evidence = Self.jsonArray(keys)
                var record = ReviewRecord(
                    findingID: finding.findingID, decision: decision, reviewer: reviewer, reason: reason,
                    decidedAt: time, severity: finding.severity, evidence: evidence,
                    evidenceSHA256: Self.sha256Hex(evidence + "\n" + finding.severity.rawValue))
                try db.execute(
                    sql: """
                        INSERT INTO reviews (finding_id, decision, reviewer, reason, decided_at, severity, evidence,
                            evidence_sha256)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        record.findingID, record.decision.rawValue, record.reviewer, record.reason, record.decidedAt,
                        record.severity.rawValue, record.evidence, record.evidenceSHA256,
                    ])
                record.id = db.lastInsertedRowID
                written.append(record)
            }
            return written
        }
    }

    /// Every finding's review state (findings never reviewed are absent).
    public func reviewStates() throws(StoreError) -> [String: ReviewState] {
        try read { db in
            var states: [String: ReviewState] = [:]
            for record in try ReviewRecord.fetchAll(db, sql: Self.latestReviewsSQL) {
                states[record.findingID] = ReviewState(latest: record)
            }
            return states
        }
    }

    /// Every decision ever recorded, oldest first (what a merge carries forward).
    public func allReviews() throws(StoreError) -> [ReviewRecord] {
        try read { db in try ReviewRecord.order(Column("id")).fetchAll(db) }
    }

    /// Writes decisions as they are, keeping their order (a merge carrying them forward from the previous file).
    public func insert(_ reviews: [ReviewRecord]) throws(StoreError) {
        try write { db in
            for review in reviews {
                try db.execute(
                    sql: """
                        INSERT INTO reviews (id, finding_id, decision, reviewer, reason, decided_at, severity,
                            evidence, evidence_sha256, lapsed_run, lapsed_because)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        review.id, review.findingID, review.decision.rawValue, review.reviewer, review.reason,
                        review.decidedAt, review.severity.rawValue, review.evidence, review.evidenceSHA256,
                        review.lapsedRun,
                        review.lapsedBecause,
                    ])
            }
        }
    }

    /// The findings not resolved, each with its listing as last dumped and its review state, by finding id.
    public func openFindingsWithReviews() throws(StoreError) -> [ReviewedFinding] {
        try read { db in
            var latest: [String: ReviewRecord] = [:]
            for record in try ReviewRecord.fetchAll(db, sql: Self.latestReviewsSQL) {
                latest[record.findingID] = record
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.*, v.raw AS listing_raw FROM findings f
                    LEFT JOIN listings l ON l.marketplace = f.marketplace AND l.listing_id = f.listing_id
                    LEFT JOIN listing_versions v ON v.marketplace = l.marketplace AND v.listing_id = l.listing_id
                        AND v.version = l.version
                    WHERE f.status != 'resolved' ORDER BY f.finding_id
                    """)
            return try rows.map { row in
                let finding = try FindingRecord(row: row)
                return ReviewedFinding(
                    finding: finding, listingRaw: row["listing_raw"],
                    review: ReviewState(latest: latest[finding.findingID]))
            }
        }
    }

    /// Reopens the dismissals that tonight's evidence goes beyond, for the findings `runID` saw: the decision is
    /// marked lapsed (naming what was new) and the finding becomes `new` again, on tonight's row too. Returns the
    /// findings reopened. `complete(...)` does this for a run's staged findings; a merge calls it for the latest
    /// night after carrying decisions forward.
    @discardableResult
    public func reopenDismissals(seenIn runID: String) throws(StoreError) -> [String] {
        try write { db in try Self.reopenDismissals(runID: runID, staged: false, db) }
    }

    static func reopenDismissals(runID: String, staged: Bool, _ db: Database) throws -> [String] {
        let source =
            staged
            ? "SELECT finding_id, signals, severity FROM run_findings WHERE run_id = ?"
            : "SELECT finding_id, signals, severity FROM findings WHERE last_run = ? AND status != 'resolved'"
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.*, s.signals AS tonight_signals, s.severity AS tonight_severity FROM (\(source)) s
                JOIN reviews r ON r.finding_id = s.finding_id
                    AND r.id = (SELECT max(id) FROM reviews WHERE finding_id = s.finding_id)
                WHERE r.decision = 'dismissed' AND r.lapsed_run IS NULL
                ORDER BY s.finding_id
                """, arguments: [runID])
        var reopened: [String] = []
        for row in rows {
            let decided = try ReviewRecord(row: row)
            let stored: String = row["tonight_severity"]
            guard let severity = Severity(rawValue: stored) else {
                throw StoreError(path: "", message: "finding \(decided.findingID): unknown severity \(stored)")
            }
            let signals = try Signal.list(row["tonight_signals"] as String)
            guard
                let news = ReviewEvidence.news(
                    decidedKeys: decided.evidenceKeys, decidedSeverity: decided.severity,
                    keys: ReviewEvidence.keys(signals), severity: severity)
            else { continue }
            try db.execute(
                sql: "UPDATE reviews SET lapsed_run = ?, lapsed_because = ? WHERE id = ?",
                arguments: [runID, news, decided.id])
            try db.execute(
                sql: "UPDATE findings SET status = 'new' WHERE finding_id = ?", arguments: [decided.findingID])
            try db.execute(
                sql: "UPDATE finding_nights SET status = 'new' WHERE finding_id = ? AND run_id = ?",
                arguments: [decided.findingID, runID])
            reopened.append(decided.findingID)
        }
        return reopened
    }

    /// Each finding's latest decision.
    static let latestReviewsSQL = """
        SELECT r.* FROM reviews r WHERE r.id = (SELECT max(id) FROM reviews WHERE finding_id = r.finding_id)
        ORDER BY r.finding_id
        """

    /// Evidence keys as stored and hashed: a JSON array in the bytes `JSONSerialization` wrote before the one JSON
    /// writer (`/` as `\/`), so the SHA-256 of every decision already recorded still matches.
    static func jsonArray(_ strings: [String]) -> String {
        JSON.array(strings.map(JSON.string)).text(layout: .compactEscapingSlashes)
    }

    static func sha256Hex(_ text: String) -> String { Hashing.sha256Hex(Data(text.utf8)) }
}
