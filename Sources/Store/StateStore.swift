import Findings
import Foundation
import GRDB

/// The state of nightly runs in one SQLite file: runs, listings and their versions, image fingerprints keyed by
/// content, findings with their history, and per-item failures (ARCHITECTURE.md, "State file").
///
/// GRDB's `DatabasePool` gives the file one writer connection and WAL journaling, so readers (the report, exports)
/// never block the night's writes; callers hand writes over in batches, each one transaction. A night's findings
/// are staged in `run_findings` and folded into history by `complete(...)` in one transaction, so a run killed at
/// any moment leaves the previous night's history intact and can be resumed. The schema evolves through named
/// migrations, applied on open.
public final class StateStore: Sendable {
    let pool: DatabasePool
    public let path: String

    /// How much of the state file SQLite maps into memory (none), and the page caches of the writing and of each
    /// reading connection: together they bound the memory the state file costs, whatever its size.
    static let mappedBytes = 0
    static let writerCacheKiB = 32 << 10
    static let readerCacheKiB = 8 << 10

    /// Opens (creating if needed) the state file at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        self.path = path
        // SQLite takes an empty file for a new database: reviews and history would be gone without a word.
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            if attributes[.type] as? FileAttributeType != .typeRegular {
                throw StoreError(
                    path: path, message: "is not a regular file, so it cannot be a Proofmark state file",
                    cause: .notAStateFile)
            }
            if (attributes[.size] as? Int) == 0 {
                throw StoreError(
                    path: path,
                    message: "is empty (0 bytes), not a Proofmark state file: its history is not there. Restore it "
                        + "from a backup, or move it away to start a new state", cause: .notAStateFile)
            }
        }
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(5)
            configuration.prepareDatabase { db in
                // Memory stays flat in the size of the state: every page of a mapped file that a night touches
                // counts in the process's resident memory, once per connection that maps it (the writer and up to
                // five readers), and each connection keeps its own page cache, so 1 GiB maps and 64 MiB caches grew
                // with the night (issue 19). No map, then: pages are read with read(2) into caches whose sum is
                // bounded, the writer's, which inserts every listing, larger than the readers' point lookups. In WAL
                // mode a sync at checkpoints rather than at every commit (a crash still leaves a consistent file; the
                // run resumes from its last committed batch).
                let cacheKiB = db.configuration.readonly ? Self.readerCacheKiB : Self.writerCacheKiB
                try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes); PRAGMA cache_size = -\(cacheKiB)")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(path: path, wrapping: error)
        }
    }

    /// Everything a batch of work writes, committed together.
    public struct Batch: Sendable {
        public var fingerprints: [FingerprintRecord] = []
        public var fileStats: [FileStatRecord] = []
        public var sightings: [ListingSighting] = []
        public var findings: [StagedFinding] = []
        public var failures: [FailureRecord] = []
        public var assetViews: [AssetViewsRecord] = []
        /// Local-feature verdicts reached tonight for images already fingerprinted.
        public var featureVerdicts: [FeatureVerdict] = []

        public init() {}

        public var isEmpty: Bool {
            fingerprints.isEmpty && fileStats.isEmpty && sightings.isEmpty && findings.isEmpty && failures.isEmpty
                && assetViews.isEmpty && featureVerdicts.isEmpty
        }
    }

    /// Writes a batch of `runID`'s work in one transaction. Every write is an upsert keyed by what it describes, so
    /// a resumed run that writes the same batch again leaves no duplicate.
    public func write(_ batch: Batch, runID: String) throws(StoreError) {
        guard !batch.isEmpty else { return }
        // Cached statements and SQL upserts: a night writes hundreds of thousands of rows.
        try write { db in
            let fingerprint = try db.cachedStatement(
                sql: """
                    INSERT INTO images (sha256, format, width, height, path, pdq, quality, dhash, dihedral, version,
                        first_run, views, feature_key, feature_matches)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (sha256) DO UPDATE SET format = excluded.format, width = excluded.width,
                        height = excluded.height, path = excluded.path, pdq = excluded.pdq,
                        quality = excluded.quality, dhash = excluded.dhash, dihedral = excluded.dihedral,
                        version = excluded.version, first_run = excluded.first_run, views = excluded.views,
                        feature_key = excluded.feature_key, feature_matches = excluded.feature_matches
                    WHERE images.version != excluded.version
                    """)
            for r in batch.fingerprints {
                try fingerprint.execute(arguments: [
                    r.sha256, r.format, r.width, r.height, r.path, r.pdq, r.quality, r.dhash, r.dihedral, r.version,
                    r.firstRun, r.views, r.featureKey, r.featureMatches,
                ])
            }
            let verdict = try db.cachedStatement(
                sql: "UPDATE images SET feature_key = ?, feature_matches = ? WHERE sha256 = ?")
            for r in batch.featureVerdicts {
                try verdict.execute(arguments: [r.featureKey, r.matches, r.sha256])
            }
            let stat = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO file_stats (path, device, inode, size, mtime_ns, ctime_ns, sha256)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            for r in batch.fileStats {
                try stat.execute(arguments: [
                    r.path, r.device, r.inode, r.size, r.modifiedNanoseconds, r.changedNanoseconds, r.sha256,
                ])
            }
            for views in batch.assetViews { try views.save(db) }
            for sighting in batch.sightings { try Self.record(sighting, runID: runID, db) }
            let finding = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO run_findings (run_id, finding_id, marketplace, listing_id, seller_id, url,
                        brand, right_id, score, severity, signals)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for r in batch.findings {
                try finding.execute(arguments: [
                    r.runID, r.findingID, r.marketplace, r.listingID, r.sellerID, r.url, r.brand, r.right, r.score,
                    r.severity.rawValue, Signal.text(r.signals),
                ])
            }
            let failure = try db.cachedStatement(
                sql: """
                    INSERT INTO failures (run_id, kind, line, listing, reference, position, category, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for r in batch.failures {
                try failure.execute(arguments: [
                    r.runID, r.kind.rawValue, r.line, r.listing, r.reference, r.position, r.category, r.message,
                ])
            }
        }
    }

    /// Records that a listing was seen in `runID`: a new version when what it says changed since its current
    /// version, else the current version's last night moves on.
    private static func record(_ sighting: ListingSighting, runID: String, _ db: Database) throws {
        let key: StatementArguments = [sighting.marketplace, sighting.listingID]
        let current = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT l.version, v.content_sha256, v.first_run FROM listings l
                    JOIN listing_versions v
                        ON v.marketplace = l.marketplace AND v.listing_id = l.listing_id AND v.version = l.version
                    WHERE l.marketplace = ? AND l.listing_id = ?
                    """), arguments: key)
        var version = 1
        if let current {
            let number: Int = current[0]
            if current[1] == sighting.contentSHA256 {
                try db.cachedStatement(
                    sql: """
                        UPDATE listings SET seller_id = ?, last_run = ?, raw = ? WHERE marketplace = ? AND listing_id = ?
                        """
                ).execute(arguments: [sighting.sellerID, runID, sighting.raw] + key)
                try db.cachedStatement(
                    sql:
                        "UPDATE listing_versions SET last_run = ? WHERE marketplace = ? AND listing_id = ? AND version = ?"
                ).execute(arguments: [runID] + key + [number])
                return
            }
            // A version this same run created (before an interruption) is replaced, not followed by another.
            let firstRun: String = current[2]
            version = firstRun == runID ? number : number + 1
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO listings (marketplace, listing_id, seller_id, first_run, last_run, raw, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (marketplace, listing_id) DO UPDATE
                SET seller_id = excluded.seller_id, last_run = excluded.last_run, raw = excluded.raw,
                    version = excluded.version
                """
        ).execute(arguments: key + [sighting.sellerID, runID, runID, sighting.raw, version])
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO listing_versions (marketplace, listing_id, version, content_sha256, first_run,
                    last_run, raw)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: key + [version, sighting.contentSHA256, runID, runID, sighting.raw])
        try db.cachedStatement(
            sql: "DELETE FROM listing_version_images WHERE marketplace = ? AND listing_id = ? AND version = ?"
        ).execute(arguments: key + [version])
        let image = try db.cachedStatement(
            sql: """
                INSERT INTO listing_version_images (marketplace, listing_id, version, position, reference, sha256)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        for (position, reference) in sighting.images.enumerated() {
            try image.execute(arguments: key + [version, position, reference.reference, reference.sha256])
        }
    }

    // MARK: - Reads

    /// The stored fingerprints of the image with these bytes, if any night has decoded it.
    public func fingerprint(sha256: String) throws(StoreError) -> FingerprintRecord? {
        try readOneStatement { db in
            try FingerprintRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM images WHERE sha256 = ?"), arguments: [sha256])
        }
    }

    /// A registered image's stored views, by the SHA-256 of its bytes.
    public func assetViews(sha256: String) throws(StoreError) -> AssetViewsRecord? {
        try readOneStatement { db in
            try AssetViewsRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM asset_views WHERE sha256 = ?"), arguments: [sha256])
        }
    }

    /// The stored fingerprint of the file at `path`, when the file is unchanged since its bytes were hashed: the
    /// stat cache and the fingerprint in one indexed lookup (the common case of a repeat night).
    public func fingerprint(ofUnchangedFile stat: FileStatRecord) throws(StoreError) -> FingerprintRecord? {
        try readOneStatement { db in
            try FingerprintRecord.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT i.* FROM file_stats s JOIN images i ON i.sha256 = s.sha256
                        WHERE s.path = ? AND s.device = ? AND s.inode = ? AND s.size = ? AND s.mtime_ns = ?
                            AND s.ctime_ns = ?
                        """),
                arguments: [
                    stat.path, stat.device, stat.inode, stat.size, stat.modifiedNanoseconds, stat.changedNanoseconds,
                ])
        }
    }

    /// What `stat(2)` said about the file at `path` when its bytes were last read, and their SHA-256.
    public func fileStat(path: String) throws(StoreError) -> FileStatRecord? {
        try read { db in
            try FileStatRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM file_stats WHERE path = ?"), arguments: [path])
        }
    }

    public func run(id: String) throws(StoreError) -> RunRecord? {
        try read { db in try RunRecord.fetchOne(db, key: id) }
    }

    /// Every run, oldest first.
    public func runs() throws(StoreError) -> [RunRecord] {
        try read { db in try RunRecord.order(Column("started_at"), Column("id")).fetchAll(db) }
    }

    public func finding(id: String) throws(StoreError) -> FindingRecord? {
        try read { db in try FindingRecord.fetchOne(db, key: id) }
    }

    /// The findings a run reports: those it saw, and those it found gone, in the order of `findings.jsonl`
    /// (score descending, then finding id).
    public func findings(reportedBy runID: String) throws(StoreError) -> [FindingRecord] {
        var all: [FindingRecord] = []
        try forEachFinding(reportedBy: runID) { all.append($0) }
        return all
    }

    /// Visits the findings a run reports one at a time, in `findings.jsonl` order, without loading them all.
    public func forEachFinding(
        reportedBy runID: String, _ body: (FindingRecord) throws -> Void
    ) throws(StoreError) {
        try read { db in
            let cursor = try FindingRecord.fetchCursor(
                db,
                sql: """
                    SELECT * FROM findings WHERE last_run = ?1 OR resolved_run = ?1
                    ORDER BY score DESC, finding_id
                    """, arguments: [runID])
            while let finding = try cursor.next() { try body(finding) }
        }
    }

    /// A finding's nights, oldest first.
    public func nights(ofFinding id: String) throws(StoreError) -> [FindingNightRecord] {
        try read { db in
            try FindingNightRecord.fetchAll(
                db,
                sql: """
                    SELECT n.* FROM finding_nights n JOIN runs r ON r.id = n.run_id
                    WHERE n.finding_id = ? ORDER BY r.started_at, r.id
                    """, arguments: [id])
        }
    }

    /// Visits a run's failures of one kind in dump order (line, then image position).
    public func forEachFailure(
        runID: String, kind: FailureRecord.Kind, _ body: (FailureRecord) throws -> Void
    ) throws(StoreError) {
        try read { db in
            let cursor = try FailureRecord.fetchCursor(
                db,
                sql: "SELECT * FROM failures WHERE run_id = ? AND kind = ? ORDER BY line, position, id",
                arguments: [runID, kind.rawValue])
            while let failure = try cursor.next() { try body(failure) }
        }
    }

    public func failures(runID: String) throws(StoreError) -> [FailureRecord] {
        try read { db in
            try FailureRecord.filter(Column("run_id") == runID).order(Column("line"), Column("position"), Column("id"))
                .fetchAll(db)
        }
    }

    public func listing(marketplace: String, listingID: String) throws(StoreError) -> ListingRecord? {
        try read { db in try ListingRecord.fetchOne(db, key: ["marketplace": marketplace, "listing_id": listingID]) }
    }

    /// A listing's versions, oldest first.
    public func versions(marketplace: String, listingID: String) throws(StoreError) -> [ListingVersionRecord] {
        try read { db in
            try ListingVersionRecord.filter(Column("marketplace") == marketplace && Column("listing_id") == listingID)
                .order(Column("version")).fetchAll(db)
        }
    }

    /// A listing's current version (what it said when last seen) and that version's image references.
    public func currentVersion(
        marketplace: String, listingID: String
    ) throws(StoreError) -> (version: ListingVersionRecord, images: [ListingImageRecord])? {
        try read { db in
            guard
                let version = try ListingVersionRecord.fetchOne(
                    db,
                    sql: """
                        SELECT v.* FROM listing_versions v JOIN listings l ON l.marketplace = v.marketplace
                            AND l.listing_id = v.listing_id AND l.version = v.version
                        WHERE l.marketplace = ? AND l.listing_id = ?
                        """, arguments: [marketplace, listingID])
            else { return nil }
            let images = try ListingImageRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM listing_version_images WHERE marketplace = ? AND listing_id = ? AND version = ?
                    ORDER BY position
                    """, arguments: [marketplace, listingID, version.version])
            return (version, images)
        }
    }

    /// What a run's bags are made of, for every finding the run saw: the finding, its listing's current version
    /// (as dumped) and that version's images; two queries for the whole run. Only the images of listings with a
    /// finding are read: memory follows the night's findings, not its listings (issue 19: reading the images of every
    /// listing seen tonight was most of the end-of-run peak, 0.4 kB a listing).
    public func bundleInputs(runID: String) throws(StoreError) -> [BundleInput] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.*, v.raw AS version_raw, v.version AS version_number FROM findings f
                    JOIN listings l ON l.marketplace = f.marketplace AND l.listing_id = f.listing_id
                    JOIN listing_versions v ON v.marketplace = l.marketplace AND v.listing_id = l.listing_id
                        AND v.version = l.version
                    WHERE f.last_run = ? ORDER BY f.finding_id
                    """, arguments: [runID])
            var images: [String: [ListingImageRecord]] = [:]
            let cursor = try ListingImageRecord.fetchCursor(
                db,
                sql: """
                    SELECT i.* FROM listing_version_images i
                    JOIN listings l ON l.marketplace = i.marketplace AND l.listing_id = i.listing_id
                        AND l.version = i.version
                    WHERE l.last_run = :run AND (l.marketplace, l.listing_id) IN
                        (SELECT marketplace, listing_id FROM findings WHERE last_run = :run)
                    ORDER BY i.marketplace, i.listing_id, i.position
                    """, arguments: ["run": runID])
            while let image = try cursor.next() {
                images["\(image.marketplace)\n\(image.listingID)", default: []].append(image)
            }
            return try rows.map { row in
                let finding = try FindingRecord(row: row)
                return BundleInput(
                    finding: finding, listingRaw: row["version_raw"],
                    images: images["\(finding.marketplace)\n\(finding.listingID)"] ?? [])
            }
        }
    }

    /// The evidence key of every bag made so far, by finding.
    public func bundleKeys() throws(StoreError) -> [String: String] {
        try read { db in
            var keys: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT finding_id, evidence_key FROM bundles") {
                keys[row[0]] = row[1]
            }
            return keys
        }
    }

    /// How many bags a run made (a run resumed after an interruption counts those it made before it too).
    public func bundleCount(madeIn runID: String) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM bundles WHERE run_id = ?", arguments: [runID]) ?? 0
        }
    }

    /// Records the evidence keys of bags just made.
    public func recordBundles(_ bags: [(findingID: String, evidenceKey: String)], runID: String) throws(StoreError) {
        guard !bags.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO bundles (finding_id, evidence_key, run_id) VALUES (?, ?, ?)")
            for bag in bags { try statement.execute(arguments: [bag.findingID, bag.evidenceKey, runID]) }
        }
    }

    public func listingCount() throws(StoreError) -> Int {
        try read { db in try ListingRecord.fetchCount(db) }
    }

    // MARK: - Plumbing

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write { db in try body(db) }
        } catch {
            throw StoreError(path: path, wrapping: error)
        }
    }

    /// A read of one SELECT statement, without the transaction `read` opens around it: SQLite runs a single
    /// statement against one snapshot anyway, and per-image lookups on a repeat night spent most of their time
    /// beginning and ending those transactions.
    func readOneStatement<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.unsafeRead { db in try body(db) }
        } catch {
            throw StoreError(path: path, wrapping: error)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch {
            throw StoreError(path: path, wrapping: error)
        }
    }
}

/// The state file cannot be opened, migrated, read or written, or refuses what was asked of it.
///
/// `cause` says which, for a caller that acts on it (wait and retry when the file is in use, stop the night when the
/// disk is full, ask for a backup when the file is not a state file); `message` says it to a person.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a caller can act on it.
    public enum Cause: String, Sendable, Hashable {
        /// Another process holds the file (its lock, or SQLite's, past the busy timeout).
        case inUse = "in-use"
        /// The disk (or the file system's quota) is full.
        case diskFull = "disk-full"
        /// The file is not a Proofmark state file, or is damaged: empty, not SQLite, corrupt, or not a regular file.
        case notAStateFile = "not-a-state-file"
        /// The operating system failed a read or write (I/O error, permission).
        case io
        /// A decision was made over one its maker did not see (`ReviewSelection.seen`).
        case conflict
        /// What was asked names something the file does not hold (an unknown finding id, a missing file).
        case notFound = "not-found"
        /// Anything else (SQL errors, a merge's refusal), named in the message.
        case other
    }

    public var path: String
    public var message: String
    public var cause: Cause

    public init(path: String, message: String, cause: Cause = .other) {
        self.path = path
        self.message = message
        self.cause = cause
    }

    /// An error of SQLite (through GRDB) or of the system while using the state file, with its cause kept.
    init(path: String, wrapping error: any Error) {
        if let error = error as? StoreError {
            self = error
            return
        }
        self.init(path: path, message: String(describing: error), cause: Self.cause(of: error))
    }

    /// The cause of a SQLite result code (primary code: extended codes carry it in their low byte).
    static func cause(of error: any Error) -> Cause {
        guard let error = error as? DatabaseError else { return .other }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL: return .diskFull
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .inUse
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notAStateFile
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY: return .io
        default: return .other
        }
    }

    public var description: String { "\(path): \(message)" }
}
