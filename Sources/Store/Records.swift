public import GRDB

/// One nightly run.
public struct RunRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "runs"

    public enum Status: String, Sendable, Codable {
        case running
        case completed
        case failed
    }

    public var id: String
    /// ISO 8601, from the clock the caller passes in.
    public var startedAt: String
    public var finishedAt: String?
    public var toolVersion: String
    /// The run's parameters as JSON (sorted keys).
    public var parameters: String
    public var registrySHA256: String
    public var dumpSHA256: String
    public var status: Status
    /// Counts of listings, images, bad lines, failures by reason, findings, as JSON.
    public var counts: String?

    public init(
        id: String, startedAt: String, finishedAt: String? = nil, toolVersion: String, parameters: String,
        registrySHA256: String, dumpSHA256: String, status: Status = .running, counts: String? = nil
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.toolVersion = toolVersion
        self.parameters = parameters
        self.registrySHA256 = registrySHA256
        self.dumpSHA256 = dumpSHA256
        self.status = status
        self.counts = counts
    }

    enum CodingKeys: String, CodingKey {
        case id, startedAt = "started_at", finishedAt = "finished_at", toolVersion = "tool_version", parameters
        case registrySHA256 = "registry_sha256", dumpSHA256 = "dump_sha256", status, counts
    }
}

/// The fingerprints of an image, keyed by the SHA-256 of its bytes: the same bytes are never decoded twice.
public struct FingerprintRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "images"

    public var sha256: String
    public var format: String
    public var width: Int
    public var height: Int
    /// `fast` or `exact`: which hashing path produced them.
    public var path: String
    public var pdq: String
    public var quality: Int
    public var dhash: String
    /// All eight dihedral PDQ hashes as JSON (variant name → hex; `original` equals `pdq`).
    public var dihedral: String

    public init(
        sha256: String, format: String, width: Int, height: Int, path: String, pdq: String, quality: Int,
        dhash: String, dihedral: String
    ) {
        self.sha256 = sha256
        self.format = format
        self.width = width
        self.height = height
        self.path = path
        self.pdq = pdq
        self.quality = quality
        self.dhash = dhash
        self.dihedral = dihedral
    }
}

/// A listing as last seen, identified by marketplace and listing id across nights.
public struct ListingRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "listings"

    public var marketplace: String
    public var listingID: String
    public var sellerID: String?
    public var firstRun: String
    public var lastRun: String
    /// The record exactly as dumped on the last night.
    public var raw: String

    public init(
        marketplace: String, listingID: String, sellerID: String?, firstRun: String, lastRun: String, raw: String
    ) {
        self.marketplace = marketplace
        self.listingID = listingID
        self.sellerID = sellerID
        self.firstRun = firstRun
        self.lastRun = lastRun
        self.raw = raw
    }

    enum CodingKeys: String, CodingKey {
        case marketplace, listingID = "listing_id", sellerID = "seller_id", firstRun = "first_run"
        case lastRun = "last_run", raw
    }
}

/// One image reference of a listing on one night: the bytes it led to, or why it failed.
public struct ListingImageRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "listing_images"

    public var runID: String
    public var marketplace: String
    public var listingID: String
    public var position: Int
    public var reference: String
    public var sha256: String?
    public var failureCategory: String?
    public var failureMessage: String?

    public init(
        runID: String, marketplace: String, listingID: String, position: Int, reference: String, sha256: String?,
        failureCategory: String? = nil, failureMessage: String? = nil
    ) {
        self.runID = runID
        self.marketplace = marketplace
        self.listingID = listingID
        self.position = position
        self.reference = reference
        self.sha256 = sha256
        self.failureCategory = failureCategory
        self.failureMessage = failureMessage
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", marketplace, listingID = "listing_id", position, reference, sha256
        case failureCategory = "failure_category", failureMessage = "failure_message"
    }
}

/// A finding: one listing, brand and right, with its score, status and signals.
public struct FindingRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "findings"

    public var findingID: String
    public var marketplace: String
    public var listingID: String
    public var brand: String
    public var score: Double
    public var severity: String
    public var status: String
    public var firstRun: String
    public var lastRun: String
    /// The finding as `findings.jsonl` writes it.
    public var json: String

    public init(
        findingID: String, marketplace: String, listingID: String, brand: String, score: Double, severity: String,
        status: String, firstRun: String, lastRun: String, json: String
    ) {
        self.findingID = findingID
        self.marketplace = marketplace
        self.listingID = listingID
        self.brand = brand
        self.score = score
        self.severity = severity
        self.status = status
        self.firstRun = firstRun
        self.lastRun = lastRun
        self.json = json
    }

    enum CodingKeys: String, CodingKey {
        case findingID = "finding_id", marketplace, listingID = "listing_id", brand, score, severity, status
        case firstRun = "first_run", lastRun = "last_run", json
    }
}

/// Something of a run that went wrong without stopping it: a bad dump line, an image that would not decode.
public struct FailureRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "failures"

    public var runID: String
    /// `dump-line`, `image`, ...
    public var kind: String
    /// The dump line, when the failure has one.
    public var line: Int?
    /// What failed: an image reference, a listing id.
    public var subject: String
    /// A stable reason name (`truncated`, `not-json`, ...), for counting.
    public var category: String
    public var message: String

    public init(runID: String, kind: String, line: Int?, subject: String, category: String, message: String) {
        self.runID = runID
        self.kind = kind
        self.line = line
        self.subject = subject
        self.category = category
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", kind, line, subject, category, message
    }
}
