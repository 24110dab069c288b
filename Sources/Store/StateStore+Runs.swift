public import Findings
import GRDB

extension StateStore {
    /// How a run starts against what the state file already holds.
    public enum RunStart: Sendable, Equatable {
        /// A new run: nothing of it was stored before.
        case fresh(RunRecord)
        /// An interrupted run with the same inputs, taken up again under its own id and clock.
        case resumed(RunRecord)
        /// A run with the same inputs that completed but whose output files may not all have been written: only
        /// the outputs are left to do.
        case completed(RunRecord)
    }

    /// Starts `candidate`, or takes up the interrupted run it repeats.
    ///
    /// A run is identified by its `resumeKey` (inputs' hashes, scoring parameters, shard). When the file holds an
    /// unfinished run with the same key, that run is resumed (same id, same clock); an unfinished run with another
    /// key is marked abandoned and its staged work dropped, since tonight's inputs supersede it. A completed run with
    /// the same key whose outputs were never marked written is returned so its outputs can be written.
    public func start(_ candidate: RunRecord) throws(StoreError) -> RunStart {
        try write { db throws -> RunStart in
            if let existing = try RunRecord.fetchOne(db, key: candidate.id) {
                switch existing.status {
                case .running where existing.resumeKey == candidate.resumeKey:
                    return .resumed(try Self.resume(existing, db))
                case .completed where existing.resumeKey == candidate.resumeKey:
                    return .completed(existing)
                case .completed:
                    throw StoreError(
                        path: path,
                        message: "run \(candidate.id) already completed with other inputs or parameters; "
                            + "give this run a later clock (--now)")
                case .running, .failed, .abandoned:
                    try Self.dropWork(of: candidate.id, db)
                    try candidate.update(db)
                    return .fresh(candidate)
                }
            }
            let unfinished = try RunRecord.filter(Column("status") == RunRecord.Status.running.rawValue)
                .order(Column("started_at").desc).fetchAll(db)
            for run in unfinished {
                if run.resumeKey == candidate.resumeKey { return .resumed(try Self.resume(run, db)) }
                try Self.dropWork(of: run.id, db)
                try db.execute(sql: "UPDATE runs SET status = 'abandoned' WHERE id = ?", arguments: [run.id])
            }
            if let pending = try RunRecord.filter(
                Column("status") == RunRecord.Status.completed.rawValue && Column("outputs_at") == nil
                    && Column("resume_key") == candidate.resumeKey
            ).order(Column("started_at").desc).fetchOne(db) {
                return .completed(pending)
            }
            try candidate.insert(db)
            return .fresh(candidate)
        }
    }

    private static func resume(_ run: RunRecord, _ db: Database) throws -> RunRecord {
        var resumed = run
        resumed.attempts += 1
        try resumed.update(db)
        // The whole dump is read again, so its failures are recorded again; staged findings are upserts.
        try db.execute(sql: "DELETE FROM failures WHERE run_id = ?", arguments: [run.id])
        return resumed
    }

    private static func dropWork(of runID: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM run_findings WHERE run_id = ?", arguments: [runID])
        try db.execute(sql: "DELETE FROM failures WHERE run_id = ?", arguments: [runID])
    }

    /// Folds a run's staged findings into history and marks the run completed, all in one transaction.
    ///
    /// Findings not seen tonight become `resolved` (`listing-gone` when the listing left the dump, `evidence-gone`
    /// when it is still there but no longer matches); then each staged finding is `new`, `ongoing`, or `relisted`
    /// (it was resolved, or it is a new listing of the same seller and brand showing an image of a resolved
    /// finding's listing: the same bytes or a PDQ distance of at most `relistDistance`); a dismissed finding whose
    /// evidence grew is `new` again (`reopenDismissals(seenIn:)`). One row per finding and
    /// night goes to `finding_nights`. `counts` receives the number of findings per status and returns the run's
    /// counts as JSON. Returns those numbers.
    @discardableResult
    public func complete(
        runID: String, seenAt: String, finishedAt: String, timings: String, relistDistance: Int = 31,
        holding held: [MarketplaceShrink] = [], counts: ([FindingRecord.Status: Int]) -> String
    ) throws(StoreError) -> [FindingRecord.Status: Int] {
        let heldJSON =
            "["
            + held.map { "\"" + $0.marketplace.unicodeScalars.map(Self.jsonEscaped).joined() + "\"" }
            .joined(separator: ",") + "]"
        return try write { db in
            try Self.recordMarketplaces(runID: runID, held: held, db)
            // Set-based SQL: a night completes tens of thousands of findings, and one statement over them all
            // costs a fraction of one round trip per finding. Only findings new tonight are looked at one by one,
            // for relisting.
            let arguments: StatementArguments = ["run": runID, "seen": seenAt, "held": heldJSON]
            // Gone tonight: their night is recorded, then they are resolved.
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO finding_nights (finding_id, run_id, status, score, severity, listing_version)
                    SELECT f.finding_id, :run, 'resolved', f.score, f.severity, l.version
                    FROM findings f
                    LEFT JOIN listings l ON l.marketplace = f.marketplace AND l.listing_id = f.listing_id
                    WHERE f.status != 'resolved' AND NOT EXISTS
                        (SELECT 1 FROM run_findings s WHERE s.run_id = :run AND s.finding_id = f.finding_id)
                    AND NOT (f.marketplace IN (SELECT value FROM json_each(:held)) AND NOT EXISTS
                        (SELECT 1 FROM listings h WHERE h.marketplace = f.marketplace
                            AND h.listing_id = f.listing_id AND h.last_run = :run));
                    UPDATE findings SET status = 'resolved', resolved_run = :run,
                        resolution = CASE WHEN EXISTS (SELECT 1 FROM listings l WHERE l.marketplace = findings.marketplace
                            AND l.listing_id = findings.listing_id AND l.last_run = :run)
                            THEN 'evidence-gone' ELSE 'listing-gone' END
                    WHERE status != 'resolved' AND NOT EXISTS
                        (SELECT 1 FROM run_findings s WHERE s.run_id = :run AND s.finding_id = findings.finding_id)
                    AND NOT (findings.marketplace IN (SELECT value FROM json_each(:held)) AND NOT EXISTS
                        (SELECT 1 FROM listings h WHERE h.marketplace = findings.marketplace
                            AND h.listing_id = findings.listing_id AND h.last_run = :run));
                    """, arguments: arguments)
            // Seen before: ongoing, or relisted when they had been resolved.
            try db.execute(
                sql: """
                    UPDATE findings SET seller_id = s.seller_id, url = s.url, score = s.score, severity = s.severity,
                        status = CASE WHEN findings.status = 'resolved' THEN 'relisted' ELSE 'ongoing' END,
                        last_run = :run, last_seen = :seen, resolved_run = NULL, resolution = NULL,
                        signals = s.signals
                    FROM run_findings s WHERE s.run_id = :run AND s.finding_id = findings.finding_id
                    """, arguments: arguments)
            // New tonight, unless they relist a resolved finding of the same seller.
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO findings (finding_id, marketplace, listing_id, seller_id, url, brand, right_id, score,
                        severity, status, first_run, last_run, first_seen, last_seen, relisted_from, signals)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let fresh = try StagedFinding.fetchAll(
                db,
                sql: """
                    SELECT * FROM run_findings s WHERE s.run_id = ?
                    AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.finding_id = s.finding_id) ORDER BY s.finding_id
                    """, arguments: [runID])
            for s in fresh {
                let relistedFrom = try Self.relistedFinding(for: s, within: relistDistance, db)
                let status: FindingRecord.Status = relistedFrom == nil ? .new : .relisted
                try insert.execute(arguments: [
                    s.findingID, s.marketplace, s.listingID, s.sellerID, s.url, s.brand, s.right, s.score,
                    s.severity.rawValue, status.rawValue, runID, runID, seenAt, seenAt, relistedFrom,
                    Signal.text(s.signals),
                ])
            }
            // Dismissed findings whose evidence grew tonight come back as new, their decision kept as lapsed.
            _ = try Self.reopenDismissals(runID: runID, staged: true, db)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO finding_nights (finding_id, run_id, status, score, severity, listing_version)
                    SELECT s.finding_id, :run, f.status, s.score, s.severity, l.version
                    FROM run_findings s JOIN findings f ON f.finding_id = s.finding_id
                    LEFT JOIN listings l ON l.marketplace = s.marketplace AND l.listing_id = s.listing_id
                    WHERE s.run_id = :run
                    """, arguments: arguments)
            var tally: [FindingRecord.Status: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT status, count(*) FROM finding_nights WHERE run_id = ? GROUP BY status",
                arguments: [runID])
            {
                if let status = FindingRecord.Status(rawValue: row[0]) { tally[status] = row[1] }
            }
            try db.execute(sql: "DELETE FROM run_findings WHERE run_id = ?", arguments: [runID])
            try db.execute(
                sql: """
                    UPDATE runs SET status = 'completed', finished_at = ?, counts = ?, timings = ? WHERE id = ?
                    """, arguments: [finishedAt, counts(tally), timings, runID])
            return tally
        }
    }

    /// Marks a run failed (a mostly-bad dump): its staged findings are dropped and history does not move.
    public func fail(runID: String, finishedAt: String, counts: String, timings: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM run_findings WHERE run_id = ?", arguments: [runID])
            try db.execute(
                sql: "UPDATE runs SET status = 'failed', finished_at = ?, counts = ?, timings = ? WHERE id = ?",
                arguments: [finishedAt, counts, timings, runID])
        }
    }

    /// Replaces a run's counts and its failures of one kind (the evidence step's, which run after the night is
    /// complete and again when an interrupted run is finished), in one transaction.
    public func amend(
        runID: String, counts: String, timings: String? = nil, failures kind: FailureRecord.Kind,
        _ failures: [FailureRecord]
    ) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE runs SET counts = ? WHERE id = ?", arguments: [counts, runID])
            if let timings {
                try db.execute(sql: "UPDATE runs SET timings = ? WHERE id = ?", arguments: [timings, runID])
            }
            try db.execute(
                sql: "DELETE FROM failures WHERE run_id = ? AND kind = ?", arguments: [runID, kind.rawValue])
            for failure in failures {
                try db.execute(
                    sql: """
                        INSERT INTO failures (run_id, kind, line, listing, reference, position, category, message)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        failure.runID, failure.kind.rawValue, failure.line, failure.listing, failure.reference,
                        failure.position, failure.category, failure.message,
                    ])
            }
        }
    }

    /// Records that the run's output files were written.
    public func markOutputsWritten(runID: String, at time: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE runs SET outputs_at = ? WHERE id = ?", arguments: [time, runID])
        }
    }

    /// The resolved finding a new finding relists: same marketplace, seller and brand (or the same listing under
    /// another right), whose listing showed an image with the same bytes or a PDQ hash within `distance`.
    private static func relistedFinding(
        for staged: StagedFinding, within distance: Int, _ db: Database
    ) throws
        -> String?
    {
        // Two indexed lookups (by listing, by seller), not one OR that SQLite would answer with a scan per finding.
        let candidates = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT finding_id, listing_id FROM (
                        SELECT finding_id, listing_id, right_id FROM findings
                        WHERE marketplace = ?1 AND listing_id = ?3 AND brand = ?2 AND status = 'resolved'
                        UNION
                        SELECT finding_id, listing_id, right_id FROM findings
                        WHERE marketplace = ?1 AND seller_id = ?4 AND brand = ?2 AND status = 'resolved')
                    ORDER BY right_id = ?5 DESC, finding_id
                    """),
            arguments: [staged.marketplace, staged.brand, staged.listingID, staged.sellerID, staged.right])
        guard !candidates.isEmpty else { return nil }
        let mine = try images(marketplace: staged.marketplace, listingID: staged.listingID, db)
        guard !mine.isEmpty else { return nil }
        for candidate in candidates {
            let theirs = try images(marketplace: staged.marketplace, listingID: candidate["listing_id"], db)
            for a in mine {
                for b in theirs where a.sha256 == b.sha256 || PDQHex.distance(a.pdq, b.pdq) <= distance {
                    return candidate["finding_id"]
                }
            }
        }
        return nil
    }

    /// The images of a listing's current version that were read, with their PDQ hashes.
    private static func images(
        marketplace: String, listingID: String, _ db: Database
    ) throws -> [(sha256: String, pdq: String)] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT i.sha256, m.pdq FROM listings l
                    JOIN listing_version_images i
                        ON i.marketplace = l.marketplace AND i.listing_id = l.listing_id AND i.version = l.version
                    JOIN images m ON m.sha256 = i.sha256
                    WHERE l.marketplace = ? AND l.listing_id = ?
                    """), arguments: [marketplace, listingID]
        ).map { ($0[0], $0[1]) }
    }
}

/// Hamming distance between PDQ hashes written as 64 hex digits, without depending on the hashing module.
enum PDQHex {
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == 64, y.count == 64 else { return Int.max }
        var total = 0
        for i in 0..<64 {
            guard let p = nibble(x[i]), let q = nibble(y[i]) else { return Int.max }
            total += (p ^ q).nonzeroBitCount
        }
        return total
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
