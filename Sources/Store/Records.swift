public import Foundation
public import GRDB

/// One nightly run (or one shard's part of a night).
public struct RunRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "runs"

    public enum Status: String, Sendable, Codable {
        /// Started, not yet finished: a rerun of the same command resumes it.
        case running
        /// Findings and history are final; `outputsAt` says whether its files were written too.
        case completed
        /// Stopped on purpose (a mostly-bad dump): no findings and no history change.
        case failed
        /// Interrupted, then superseded by a run over different inputs; its staged work was dropped.
        case abandoned
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
    /// What `run.json` says about the inputs (paths, hashes, format), as JSON.
    public var inputs: String?
    /// The registry's warnings, as a JSON array of texts.
    public var warnings: String?
    /// Wall time per stage, as JSON.
    public var timings: String?
    /// Everything that decides a run's results (inputs' hashes, scoring parameters, shard): a rerun with the same
    /// key resumes an interrupted run instead of starting another night.
    public var resumeKey: String?
    /// `K/N` for one shard of a sharded night, nil for a whole night.
    public var shard: String?
    /// How many times the run was started: more than 1 when it was resumed after an interruption.
    public var attempts: Int
    /// When `findings.jsonl` and `run.json` were last written for this run.
    public var outputsAt: String?

    public init(
        id: String, startedAt: String, finishedAt: String? = nil, toolVersion: String, parameters: String,
        registrySHA256: String, dumpSHA256: String, status: Status = .running, counts: String? = nil,
        inputs: String? = nil, warnings: String? = nil, timings: String? = nil, resumeKey: String? = nil,
        shard: String? = nil, attempts: Int = 1, outputsAt: String? = nil
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
        self.inputs = inputs
        self.warnings = warnings
        self.timings = timings
        self.resumeKey = resumeKey
        self.shard = shard
        self.attempts = attempts
        self.outputsAt = outputsAt
    }

    enum CodingKeys: String, CodingKey {
        case id, startedAt = "started_at", finishedAt = "finished_at", toolVersion = "tool_version", parameters
        case registrySHA256 = "registry_sha256", dumpSHA256 = "dump_sha256", status, counts, inputs, warnings
        case timings, resumeKey = "resume_key", shard, attempts, outputsAt = "outputs_at"
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
    /// The fingerprinting algorithm's version: a stored fingerprint of another version is computed again.
    public var version: Int
    /// The run that computed it (nil for registered assets and fingerprints from schema v1).
    public var firstRun: String?
    /// The views beyond the whole picture and what the picture says, as JSON (Pipeline's `FingerprintCodec`).
    public var views: String
    /// The registry's feature key (`Pipeline`'s) the local-feature verdict below was reached against; nil when
    /// features were never checked.
    public var featureKey: String?
    /// What local features found against that registry, as text (`Pipeline`'s `FeatureVerdictCodec`).
    public var featureMatches: String?

    public init(
        sha256: String, format: String, width: Int, height: Int, path: String, pdq: String, quality: Int,
        dhash: String, dihedral: String, version: Int, firstRun: String? = nil, views: String = "{}",
        featureKey: String? = nil, featureMatches: String? = nil
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
        self.version = version
        self.firstRun = firstRun
        self.views = views
        self.featureKey = featureKey
        self.featureMatches = featureMatches
    }

    enum CodingKeys: String, CodingKey {
        case sha256, format, width, height, path, pdq, quality, dhash, dihedral, version, firstRun = "first_run", views,
            featureKey = "feature_key", featureMatches = "feature_matches"
    }

    /// Decoded by column name without `Decodable`: a repeat night reads one per image.
    public init(row: Row) {
        sha256 = row["sha256"]
        format = row["format"]
        width = row["width"]
        height = row["height"]
        path = row["path"]
        pdq = row["pdq"]
        quality = row["quality"]
        dhash = row["dhash"]
        dihedral = row["dihedral"]
        version = row["version"]
        firstRun = row["first_run"]
        views = row["views"] ?? "{}"
        featureKey = row["feature_key"]
        featureMatches = row["feature_matches"]
    }
}

/// What local features found in an image against one registry (its feature key).
public struct FeatureVerdict: Sendable, Hashable {
    public var sha256: String
    public var featureKey: String
    public var matches: String

    public init(sha256: String, featureKey: String, matches: String) {
        self.sha256 = sha256
        self.featureKey = featureKey
        self.matches = matches
    }
}

/// A registered image's views (a grid of crops and turns) and local features, keyed by the SHA-256 of its bytes.
public struct AssetViewsRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "asset_views"

    public var sha256: String
    /// The algorithm's version: views of another version are computed again.
    public var version: Int
    /// The views and what the picture says, as JSON (Pipeline's `FingerprintCodec`).
    public var views: String
    public var features: Data?

    public init(sha256: String, version: Int, views: String, features: Data?) {
        self.sha256 = sha256
        self.version = version
        self.views = views
        self.features = features
    }
}

/// What a file looked like to `stat(2)` when its bytes had a given SHA-256, so that an unchanged file is not read
/// again on the next night. Any write to a file changes its ctime, which no user call can set back.
public struct FileStatRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "file_stats"

    public var path: String
    public var device: Int64
    public var inode: Int64
    public var size: Int64
    public var modifiedNanoseconds: Int64
    public var changedNanoseconds: Int64
    public var sha256: String

    public init(
        path: String, device: Int64, inode: Int64, size: Int64, modifiedNanoseconds: Int64,
        changedNanoseconds: Int64, sha256: String
    ) {
        self.path = path
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedNanoseconds = changedNanoseconds
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey {
        case path, device, inode, size, modifiedNanoseconds = "mtime_ns", changedNanoseconds = "ctime_ns", sha256
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
    /// The record exactly as dumped on the last night it was seen.
    public var raw: String
    /// Its current version (see `ListingVersionRecord`).
    public var version: Int

    public init(
        marketplace: String, listingID: String, sellerID: String?, firstRun: String, lastRun: String, raw: String,
        version: Int = 1
    ) {
        self.marketplace = marketplace
        self.listingID = listingID
        self.sellerID = sellerID
        self.firstRun = firstRun
        self.lastRun = lastRun
        self.raw = raw
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case marketplace, listingID = "listing_id", sellerID = "seller_id", firstRun = "first_run"
        case lastRun = "last_run", raw, version
    }
}

/// What a listing said over a stretch of nights: a new version starts whenever its title, description, price,
/// seller or images (references or bytes) change, so evidence can show what it said on any night it was seen.
public struct ListingVersionRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "listing_versions"

    public var marketplace: String
    public var listingID: String
    public var version: Int
    /// SHA-256 of the fields that make a version (empty for versions carried over from schema v1).
    public var contentSHA256: String
    public var firstRun: String
    public var lastRun: String
    /// The record exactly as dumped on the first night of this version.
    public var raw: String

    public init(
        marketplace: String, listingID: String, version: Int, contentSHA256: String, firstRun: String,
        lastRun: String, raw: String
    ) {
        self.marketplace = marketplace
        self.listingID = listingID
        self.version = version
        self.contentSHA256 = contentSHA256
        self.firstRun = firstRun
        self.lastRun = lastRun
        self.raw = raw
    }

    enum CodingKeys: String, CodingKey {
        case marketplace, listingID = "listing_id", version, contentSHA256 = "content_sha256"
        case firstRun = "first_run", lastRun = "last_run", raw
    }
}

/// One image reference of a listing version: the bytes it led to, or nil when it failed that night.
public struct ListingImageRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "listing_version_images"

    public var marketplace: String
    public var listingID: String
    public var version: Int
    public var position: Int
    public var reference: String
    public var sha256: String?

    public init(
        marketplace: String, listingID: String, version: Int, position: Int, reference: String, sha256: String?
    ) {
        self.marketplace = marketplace
        self.listingID = listingID
        self.version = version
        self.position = position
        self.reference = reference
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey {
        case marketplace, listingID = "listing_id", version, position, reference, sha256
    }
}

/// A listing seen tonight, with what makes its version, handed to the state file in a batch.
public struct ListingSighting: Sendable {
    public var marketplace: String
    public var listingID: String
    public var sellerID: String?
    public var raw: String
    /// SHA-256 of the fields that make a version.
    public var contentSHA256: String
    /// The image references in dump order, with the SHA-256 of the bytes each led to tonight.
    public var images: [(reference: String, sha256: String?)]

    public init(
        marketplace: String, listingID: String, sellerID: String?, raw: String, contentSHA256: String,
        images: [(reference: String, sha256: String?)]
    ) {
        self.marketplace = marketplace
        self.listingID = listingID
        self.sellerID = sellerID
        self.raw = raw
        self.contentSHA256 = contentSHA256
        self.images = images
    }
}
