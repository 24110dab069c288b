public import Findings
public import Foundation
public import GRDB

/// A finding: one listing, brand and right, with its score, signals and history across nights.
public struct FindingRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "findings"

    public typealias Status = FindingStatus

    public var findingID: String
    public var marketplace: String
    public var listingID: String
    public var sellerID: String?
    public var url: String?
    public var brand: String
    public var right: String
    public var score: Double
    public var severity: Severity
    public var status: Status
    public var firstRun: String
    public var lastRun: String
    /// The start times of the first and the last run that saw it (ISO 8601).
    public var firstSeen: String
    public var lastSeen: String
    /// The run that found it gone, while it is resolved.
    public var resolvedRun: String?
    /// `listing-gone` or `evidence-gone`, while it is resolved.
    public var resolution: String?
    /// The resolved finding this one relists, when another listing of the same seller brought its images back.
    public var relistedFrom: String?
    /// The signals, stored as a JSON column in their canonical coding (`CanonicalJSON`).
    public var signals: [Signal]

    public init(
        findingID: String, marketplace: String, listingID: String, sellerID: String?, url: String?, brand: String,
        right: String, score: Double, severity: Severity, status: Status, firstRun: String, lastRun: String,
        firstSeen: String, lastSeen: String, resolvedRun: String? = nil, resolution: String? = nil,
        relistedFrom: String? = nil, signals: [Signal]
    ) {
        self.findingID = findingID
        self.marketplace = marketplace
        self.listingID = listingID
        self.sellerID = sellerID
        self.url = url
        self.brand = brand
        self.right = right
        self.score = score
        self.severity = severity
        self.status = status
        self.firstRun = firstRun
        self.lastRun = lastRun
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.resolvedRun = resolvedRun
        self.resolution = resolution
        self.relistedFrom = relistedFrom
        self.signals = signals
    }

    enum CodingKeys: String, CodingKey {
        case findingID = "finding_id", marketplace, listingID = "listing_id", sellerID = "seller_id", url, brand
        case right = "right_id", score, severity, status, firstRun = "first_run", lastRun = "last_run", firstSeen =
            "first_seen"
        case lastSeen = "last_seen", resolvedRun = "resolved_run", resolution, relistedFrom = "relisted_from"
        case signals
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { CanonicalJSONEncoder() }
}

/// A finding as tonight's run assessed it, held apart until the night is complete so that history changes all at
/// once, and an interrupted run leaves yesterday's history as it was.
public struct StagedFinding: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "run_findings"

    public var runID: String
    public var findingID: String
    public var marketplace: String
    public var listingID: String
    public var sellerID: String?
    public var url: String?
    public var brand: String
    public var right: String
    public var score: Double
    public var severity: Severity
    public var signals: [Signal]

    public init(
        runID: String, findingID: String, marketplace: String, listingID: String, sellerID: String?, url: String?,
        brand: String, right: String, score: Double, severity: Severity, signals: [Signal]
    ) {
        self.runID = runID
        self.findingID = findingID
        self.marketplace = marketplace
        self.listingID = listingID
        self.sellerID = sellerID
        self.url = url
        self.brand = brand
        self.right = right
        self.score = score
        self.severity = severity
        self.signals = signals
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", findingID = "finding_id", marketplace, listingID = "listing_id"
        case sellerID = "seller_id", url, brand, right = "right_id", score, severity, signals
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { CanonicalJSONEncoder() }
}

/// What a finding was on one night: its status, score, and the listing version that night.
public struct FindingNightRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "finding_nights"

    public var findingID: String
    public var runID: String
    public var status: FindingRecord.Status
    public var score: Double
    public var severity: Severity
    public var listingVersion: Int?

    public init(
        findingID: String, runID: String, status: FindingRecord.Status, score: Double, severity: Severity,
        listingVersion: Int?
    ) {
        self.findingID = findingID
        self.runID = runID
        self.status = status
        self.score = score
        self.severity = severity
        self.listingVersion = listingVersion
    }

    enum CodingKeys: String, CodingKey {
        case findingID = "finding_id", runID = "run_id", status, score, severity, listingVersion = "listing_version"
    }
}

/// Something of a run that went wrong without stopping it: a bad dump record, an image that would not decode.
public struct FailureRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "failures"

    public enum Kind: String, Sendable, Codable {
        case dumpRecord = "dump-record"
        case image
        /// An evidence bundle that could not be made.
        case bundle
    }

    public var runID: String
    public var kind: Kind
    /// The dump line of the record (for an image, of its listing).
    public var line: Int?
    /// `marketplace/listing_id`, for an image.
    public var listing: String?
    /// The image reference as dumped, and its position in the listing.
    public var reference: String?
    public var position: Int?
    /// A stable reason name (`truncated`, `bad-record`, `timeout`, ...), for counting.
    public var category: String
    public var message: String

    public init(
        runID: String, kind: Kind, line: Int?, listing: String? = nil, reference: String? = nil,
        position: Int? = nil, category: String, message: String
    ) {
        self.runID = runID
        self.kind = kind
        self.line = line
        self.listing = listing
        self.reference = reference
        self.position = position
        self.category = category
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", kind, line, listing, reference, position, category, message
    }
}

/// What one finding's bag is made of, as the state file knows it (`StateStore.bundleInputs(runID:)`).
public struct BundleInput: Sendable {
    public var finding: FindingRecord
    /// The listing as dumped on the first night of its current version.
    public var listingRaw: String
    /// The current version's image references and the SHA-256 of the bytes each led to.
    public var images: [ListingImageRecord]
}
