import Foundation
import GRDB

/// The state of nightly runs in one SQLite file: runs, listings, image fingerprints keyed by content, findings and
/// per-item failures (DESIGN.md, `Store`).
///
/// GRDB's `DatabasePool` gives the file one writer connection and WAL journaling, so readers (the report, exports)
/// never block the night's writes; callers hand writes over in batches, each one transaction. The schema evolves
/// through named migrations, applied on open.
public final class StateStore: Sendable {
    private let pool: DatabasePool

    /// Opens (creating if needed) the state file at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(5)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(path: path, message: String(describing: error))
        }
    }

    /// Everything a batch of work writes, committed together.
    public struct Batch: Sendable {
        public var fingerprints: [FingerprintRecord] = []
        public var listings: [ListingRecord] = []
        public var listingImages: [ListingImageRecord] = []
        public var findings: [FindingRecord] = []
        public var failures: [FailureRecord] = []

        public init() {}

        public var isEmpty: Bool {
            fingerprints.isEmpty && listings.isEmpty && listingImages.isEmpty && findings.isEmpty && failures.isEmpty
        }
    }

    /// Records the start of a run (or finds it again when an interrupted run is resumed under the same id).
    public func begin(_ run: RunRecord) throws(StoreError) {
        try write { db in
            if try RunRecord.fetchOne(db, key: run.id) == nil { try run.insert(db) }
        }
    }

    /// Marks a run finished with its counts.
    public func finish(
        runID: String, at finishedAt: String, status: RunRecord.Status, counts: String
    ) throws(StoreError) {
        try write { db in
            guard var run = try RunRecord.fetchOne(db, key: runID) else { return }
            run.finishedAt = finishedAt
            run.status = status
            run.counts = counts
            try run.update(db)
        }
    }

    /// Writes a batch in one transaction. Fingerprints already stored are kept; listings, listing images and
    /// findings replace earlier rows with the same key (so a resumed run writes no duplicates), and listings and
    /// findings keep the run they were first seen in.
    public func write(_ batch: Batch) throws(StoreError) {
        guard !batch.isEmpty else { return }
        // Cached statements and SQL upserts: a night writes hundreds of thousands of rows.
        try write { db in
            let fingerprint = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO images (sha256, format, width, height, path, pdq, quality, dhash, dihedral)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for r in batch.fingerprints {
                try fingerprint.execute(arguments: [
                    r.sha256, r.format, r.width, r.height, r.path, r.pdq, r.quality, r.dhash, r.dihedral,
                ])
            }
            let listing = try db.cachedStatement(
                sql: """
                    INSERT INTO listings (marketplace, listing_id, seller_id, first_run, last_run, raw)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (marketplace, listing_id) DO UPDATE
                    SET seller_id = excluded.seller_id, last_run = excluded.last_run, raw = excluded.raw
                    """)
            for r in batch.listings {
                try listing.execute(arguments: [r.marketplace, r.listingID, r.sellerID, r.firstRun, r.lastRun, r.raw])
            }
            let image = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO listing_images (run_id, marketplace, listing_id, position, reference,
                        sha256, failure_category, failure_message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for r in batch.listingImages {
                try image.execute(arguments: [
                    r.runID, r.marketplace, r.listingID, r.position, r.reference, r.sha256, r.failureCategory,
                    r.failureMessage,
                ])
            }
            let finding = try db.cachedStatement(
                sql: """
                    INSERT INTO findings (finding_id, marketplace, listing_id, brand, score, severity, status,
                        first_run, last_run, json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (finding_id) DO UPDATE
                    SET score = excluded.score, severity = excluded.severity, status = excluded.status,
                        last_run = excluded.last_run, json = excluded.json
                    """)
            for r in batch.findings {
                try finding.execute(arguments: [
                    r.findingID, r.marketplace, r.listingID, r.brand, r.score, r.severity, r.status, r.firstRun,
                    r.lastRun, r.json,
                ])
            }
            let failure = try db.cachedStatement(
                sql: "INSERT INTO failures (run_id, kind, line, subject, category, message) VALUES (?, ?, ?, ?, ?, ?)")
            for r in batch.failures {
                try failure.execute(arguments: [r.runID, r.kind, r.line, r.subject, r.category, r.message])
            }
        }
    }

    /// The stored fingerprints of the image with these bytes, if any night has decoded it.
    public func fingerprint(sha256: String) throws(StoreError) -> FingerprintRecord? {
        try read { db in
            try FingerprintRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM images WHERE sha256 = ?"), arguments: [sha256])
        }
    }

    /// The run a finding was first seen in, if it has been seen.
    public func firstRun(ofFinding id: String) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT first_run FROM findings WHERE finding_id = ?"), arguments: [id])
        }
    }

    public func run(id: String) throws(StoreError) -> RunRecord? {
        try read { db in try RunRecord.fetchOne(db, key: id) }
    }

    /// Findings last seen in `runID`, in the order of `findings.jsonl`: score descending, then finding id.
    public func findings(lastSeenIn runID: String) throws(StoreError) -> [FindingRecord] {
        try read { db in try Self.findingsRequest(lastSeenIn: runID).fetchAll(db) }
    }

    /// Visits the findings last seen in `runID` one at a time, in `findings.jsonl` order, without loading them all.
    public func forEachFinding(
        lastSeenIn runID: String, _ body: (FindingRecord) throws -> Void
    ) throws(StoreError) {
        try read { db in
            let cursor = try Self.findingsRequest(lastSeenIn: runID).fetchCursor(db)
            while let finding = try cursor.next() { try body(finding) }
        }
    }

    /// The findings of a run in `findings.jsonl` order: score descending, then finding id.
    private static func findingsRequest(lastSeenIn runID: String) -> QueryInterfaceRequest<FindingRecord> {
        FindingRecord.filter(Column("last_run") == runID).order(Column("score").desc, Column("finding_id"))
    }

    public func failures(runID: String) throws(StoreError) -> [FailureRecord] {
        try read { db in
            try FailureRecord.filter(Column("run_id") == runID).order(Column("id")).fetchAll(db)
        }
    }

    public func listing(marketplace: String, listingID: String) throws(StoreError) -> ListingRecord? {
        try read { db in try ListingRecord.fetchOne(db, key: ["marketplace": marketplace, "listing_id": listingID]) }
    }

    public func listingCount() throws(StoreError) -> Int {
        try read { db in try ListingRecord.fetchCount(db) }
    }

    // MARK: - Plumbing

    private func write(_ body: (Database) throws -> Void) throws(StoreError) {
        do {
            try pool.write { db in try body(db) }
        } catch {
            throw StoreError(path: pool.path, message: String(describing: error))
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch {
            throw StoreError(path: pool.path, message: String(describing: error))
        }
    }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, listings, images, findings, failures") { db in
            try db.create(table: "runs") { table in
                table.primaryKey("id", .text)
                table.column("started_at", .text).notNull()
                table.column("finished_at", .text)
                table.column("tool_version", .text).notNull()
                table.column("parameters", .text).notNull()
                table.column("registry_sha256", .text).notNull()
                table.column("dump_sha256", .text).notNull()
                table.column("status", .text).notNull()
                table.column("counts", .text)
            }
            try db.create(table: "images") { table in
                table.primaryKey("sha256", .text)
                table.column("format", .text).notNull()
                table.column("width", .integer).notNull()
                table.column("height", .integer).notNull()
                table.column("path", .text).notNull()
                table.column("pdq", .text).notNull()
                table.column("quality", .integer).notNull()
                table.column("dhash", .text).notNull()
                table.column("dihedral", .text).notNull()
            }
            try db.create(table: "listings") { table in
                table.column("marketplace", .text).notNull()
                table.column("listing_id", .text).notNull()
                table.column("seller_id", .text)
                table.column("first_run", .text).notNull().references("runs")
                table.column("last_run", .text).notNull().references("runs")
                table.column("raw", .text).notNull()
                table.primaryKey(["marketplace", "listing_id"])
            }
            try db.create(table: "listing_images") { table in
                table.column("run_id", .text).notNull().references("runs")
                table.column("marketplace", .text).notNull()
                table.column("listing_id", .text).notNull()
                table.column("position", .integer).notNull()
                table.column("reference", .text).notNull()
                table.column("sha256", .text)
                table.column("failure_category", .text)
                table.column("failure_message", .text)
                table.primaryKey(["run_id", "marketplace", "listing_id", "position"])
            }
            try db.create(table: "findings") { table in
                table.primaryKey("finding_id", .text)
                table.column("marketplace", .text).notNull()
                table.column("listing_id", .text).notNull()
                table.column("brand", .text).notNull()
                table.column("score", .double).notNull()
                table.column("severity", .text).notNull()
                table.column("status", .text).notNull()
                table.column("first_run", .text).notNull().references("runs")
                table.column("last_run", .text).notNull().references("runs")
                table.column("json", .text).notNull()
            }
            try db.create(index: "findings_by_run", on: "findings", columns: ["last_run", "score"])
            try db.create(table: "failures") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("run_id", .text).notNull().references("runs")
                table.column("kind", .text).notNull()
                table.column("line", .integer)
                table.column("subject", .text).notNull()
                table.column("category", .text).notNull()
                table.column("message", .text).notNull()
            }
        }
        return migrator
    }()
}

/// The state file cannot be opened, migrated, read or written.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
