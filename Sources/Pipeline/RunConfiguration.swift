public import Fetching
public import Foundation
public import Intake

/// Everything one nightly run needs, passed in: no global configuration, and the clock is a parameter.
public struct RunConfiguration: Sendable {
    public var registryPath: String
    public var dumpPath: String
    public var outputFolder: URL
    /// The state file; `OUT/state.sqlite` by default.
    public var statePath: String
    /// Listings processed at once.
    public var jobs: Int
    /// Findings scoring at least this are reported; 0 reports every listing with any candidate.
    public var minimumScore: Double
    public var mapping: FieldMapping
    /// The run's time: it names the run and judges expired rights.
    public var now: Date
    public var toolVersion: String
    /// A dump with more bad records than this share (and at least `minimumRecordsForBadShare` records) stops the
    /// run before findings are written: it is more likely the wrong file or a broken crawler than tonight's data.
    public var maximumBadShare: Double
    public var minimumRecordsForBadShare: Int
    /// A marketplace whose listings tonight are fewer than this share of the last completed night's (same shard)
    /// resolves none of its findings as `listing-gone`, unless ``acceptShrink`` says the shrink is real.
    public var minimumShareOfLastNight = 0.5
    /// The dump really holds far fewer listings than last night (`--accept-shrink`): findings of listings absent
    /// tonight are resolved as `listing-gone` whatever the shrink.
    public var acceptShrink = false
    /// The most distinct images of one listing worked on; the rest are counted as skipped (`over-image-limit`).
    public var maximumImagesPerListing = 24
    /// Folders outside the registry's own that its asset, text and certificate paths may name (`--registry-root`).
    public var registryRoots: [URL] = []
    /// Listings written to the state file per transaction.
    public var batchSize: Int
    /// The part of the dump this run processes, when one night is shared among machines.
    public var shard: Shard?
    /// Where images fetched by URL are kept for revalidation on later nights; `OUT/image-cache` by default.
    public var imageCacheFolder: URL
    /// How images are fetched by URL: concurrency, timeouts, size cap, redirects, retries.
    public var fetchPolicy: FetchPolicy
    /// The Ed25519 private key (PEM) that signs every bundle's tag manifest; unsigned bundles without it.
    public var signingKey: URL?

    public init(
        registryPath: String, dumpPath: String, outputFolder: URL, statePath: String? = nil,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, minimumScore: Double = 0.5,
        mapping: FieldMapping = FieldMapping(), now: Date, toolVersion: String, maximumBadShare: Double = 0.5,
        minimumRecordsForBadShare: Int = 20, batchSize: Int = 256, shard: Shard? = nil,
        imageCacheFolder: URL? = nil, fetchPolicy: FetchPolicy = FetchPolicy(), signingKey: URL? = nil
    ) {
        self.registryPath = registryPath
        self.dumpPath = dumpPath
        self.outputFolder = outputFolder
        self.statePath = statePath ?? outputFolder.appendingPathComponent("state.sqlite").path
        self.jobs = max(1, jobs)
        self.minimumScore = minimumScore
        self.mapping = mapping
        self.now = now
        self.toolVersion = toolVersion
        self.maximumBadShare = maximumBadShare
        self.minimumRecordsForBadShare = minimumRecordsForBadShare
        self.batchSize = max(1, batchSize)
        self.shard = shard
        self.imageCacheFolder = imageCacheFolder ?? outputFolder.appendingPathComponent("image-cache")
        var policy = fetchPolicy
        if policy.userAgent == FetchPolicy.userAgent(version: nil) {
            policy.userAgent = FetchPolicy.userAgent(version: toolVersion)
        }
        self.fetchPolicy = policy
        self.signingKey = signingKey
    }
}

/// Why a run could not run (per-item failures are data in `run.json`, not errors).
public enum RunError: Error, Sendable, CustomStringConvertible {
    case registry(RegistryError)
    case dump(DumpError)
    case state(String)
    case mostlyBad(bad: Int, records: Int, threshold: Double)
    case output(path: String, message: String)
    case merge(String)
    case evidence(String)

    public var description: String {
        switch self {
        case .registry(let error): "\(error)"
        case .dump(let error): "\(error)"
        case .state(let message): "state file: \(message)"
        case .mostlyBad(let bad, let records, let threshold):
            "\(bad) of \(records) dump records are bad (over \(Int(threshold * 100))%): no findings written; "
                + "check the dump and the column mapping (run.json lists every bad line)"
        case .output(let path, let message): "\(path): cannot write: \(message)"
        case .merge(let message): "merge: \(message)"
        case .evidence(let message): "evidence: \(message)"
        }
    }
}

/// How far a run has got, for a progress display.
public struct RunProgress: Sendable {
    public var records: Int
    public var listings: Int
    public var images: Int
    public var findings: Int
    public var badRecords: Int
    public var failedImages: Int
    /// How much of the dump file has been read, 0...1.
    public var fractionRead: Double
}
