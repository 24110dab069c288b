import Findings
import Foundation
import Imaging
import Intake
import Matching
import Store

/// Counts what a run saw, in dump order, and gathers its work into batches for the state file.
///
/// Only counts live here. Every bad record, failed image and left-out image reference goes to `failures.jsonl`
/// (``FailureLog``) as it is tallied; the state file keeps, with the rest of the batch, only the first
/// ``examplesPerReason`` of each reason, which `run.json` lists beside the counts. So neither memory, nor the
/// state, nor `run.json` grows with the number of failures.
struct Tally {
    /// Failures of one kind and reason kept in the state file and listed in `run.json`.
    static let examplesPerReason = 20

    let runID: String
    let configuration: RunConfiguration
    /// Every record of the dump, whichever shard it belongs to: whether the dump is mostly bad is judged on these,
    /// so that all shards and a single run decide alike.
    var dumpRecords = 0
    var dumpBadRecords = 0
    /// This run's share (the whole dump unless sharded).
    var records = 0
    var listings = 0
    var badRecords = 0
    var images = 0
    var decodedImages = 0
    var cachedImages = 0
    var failedImages = 0
    var failedImagesByReason: [String: Int] = [:]
    /// Image references left out of their listing (``ImageSelection``), by reason.
    var skippedImagesByReason: [String: Int] = [:]
    var authorizedSkipped = 0
    var findings = 0
    var bySeverity: [String: Int] = [:]
    /// Marketplaces that shrank far below the last completed night, and whether the shrink was accepted.
    var shrinks: [MarketplaceShrink] = []
    var shrinkAccepted = false
    var byBrand: [String: [String: Int]] = [:]
    var mapping: MappingTally
    var badRecordsByReason: [String: Int] = [:]
    private var batch = StateStore.Batch()
    private var batchedListings = 0
    private let failureLog: FailureLog?
    /// Failures kept in the state file so far, by kind and reason.
    private var examples: [String: Int] = [:]

    init(runID: String, configuration: RunConfiguration, failureLog: FailureLog? = nil) {
        self.runID = runID
        self.configuration = configuration
        self.failureLog = failureLog
        mapping = MappingTally(mapping: configuration.mapping)
    }

    /// Whether a failure of this kind and reason is one of the first few, kept in the state file as an example.
    private mutating func isExample(_ kind: FailureRecord.Kind, _ reason: String) -> Bool {
        let key = "\(kind.rawValue)/\(reason)"
        let kept = examples[key, default: 0]
        guard kept < Self.examplesPerReason else { return false }
        examples[key] = kept + 1
        return true
    }

    func progress(fractionRead: Double) -> RunProgress {
        RunProgress(
            records: records, listings: listings, images: images, findings: findings, badRecords: badRecords,
            failedImages: failedImages, fractionRead: fractionRead)
    }

    /// A bad record; `owned` says whether this run reports it (always, unless sharded).
    mutating func add(_ problem: DumpProblem, owned: Bool) {
        dumpRecords += 1
        dumpBadRecords += 1
        guard owned else { return }
        records += 1
        badRecords += 1
        badRecordsByReason[problem.category, default: 0] += 1
        failureLog?.badRecord(line: problem.line, reason: problem.category, message: problem.reason)
        if isExample(.dumpRecord, problem.category) {
            batch.failures.append(
                FailureRecord(
                    runID: runID, kind: .dumpRecord, line: problem.line, category: problem.category,
                    message: problem.reason))
        }
    }

    /// A listing of another shard: counted towards the dump's size only.
    mutating func skip() {
        dumpRecords += 1
    }

    /// Tallies a listing; returns a batch to write when one is full.
    mutating func add(_ outcome: ListingOutcome) -> StateStore.Batch? {
        dumpRecords += 1
        records += 1
        listings += 1
        let listing = outcome.listing
        mapping.add(listing)
        skippedImagesByReason.merge(outcome.skippedImages, uniquingKeysWith: +)
        let key = "\(listing.marketplace)/\(listing.listingID)"
        for (reason, count) in outcome.skippedImages.sorted(by: { $0.key < $1.key }) {
            failureLog?.skippedImages(line: listing.line, listing: key, reason: reason, count: count)
        }
        for image in outcome.images {
            images += 1
            if var record = image.newFingerprint {
                decodedImages += 1
                record.firstRun = runID
                batch.fingerprints.append(record)
            } else if image.fingerprintRun == runID, image.failure == nil {
                decodedImages += 1
            } else if image.sha256 != nil, image.failure == nil {
                cachedImages += 1
            }
            if let stat = image.fileStat { batch.fileStats.append(stat) }
            if let verdict = image.featureVerdict { batch.featureVerdicts.append(verdict) }
            if let failure = image.failure {
                failedImages += 1
                failedImagesByReason[failure.category, default: 0] += 1
                failureLog?.failedImage(
                    line: listing.line, listing: key, reference: image.reference, position: image.position,
                    reason: failure.category, message: failure.message)
                if isExample(.image, failure.category) {
                    batch.failures.append(
                        FailureRecord(
                            runID: runID, kind: .image, line: listing.line, listing: key, reference: image.reference,
                            position: image.position, category: failure.category, message: failure.message))
                }
            }
        }
        batch.sightings.append(
            ListingSighting(
                marketplace: listing.marketplace, listingID: listing.listingID, sellerID: listing.sellerID,
                raw: listing.storedText, contentSHA256: outcome.contentSHA256,
                images: outcome.images.map { ($0.reference, $0.failure == nil ? $0.sha256 : nil) }))
        authorizedSkipped += outcome.authorized
        for finding in outcome.findings where finding.assessment.score >= configuration.minimumScore {
            findings += 1
            bySeverity[finding.assessment.severity.rawValue, default: 0] += 1
            byBrand[finding.brand, default: [:]][finding.assessment.severity.rawValue, default: 0] += 1
            batch.findings.append(
                StagedFinding(
                    runID: runID, findingID: finding.id, marketplace: listing.marketplace,
                    listingID: listing.listingID, sellerID: listing.sellerID, url: listing.url, brand: finding.brand,
                    right: finding.right, score: finding.assessment.score,
                    severity: finding.assessment.severity, signals: finding.signals))
        }
        batchedListings += 1
        return batchedListings >= configuration.batchSize ? takeBatch() : nil
    }

    /// What is waiting to be written, handed over.
    mutating func takeBatch() -> StateStore.Batch {
        defer {
            batch = StateStore.Batch()
            batchedListings = 0
        }
        return batch
    }

    /// The run's counts for `run.json`, with the number of findings per status once the night is complete.
    func counts(byStatus: [FindingRecord.Status: Int] = [:]) -> JSON {
        var statuses: [String: JSON] = [:]
        for status in FindingRecord.Status.allCases { statuses[status.rawValue] = .integer(byStatus[status] ?? 0) }
        var counts: [String: JSON] = [
            "records": .integer(records), "listings": .integer(listings), "bad_records": .integer(badRecords),
            "images": .integer(images), "images_decoded": .integer(decodedImages),
            "images_cached": .integer(cachedImages), "images_failed": .integer(failedImages),
            "bad_records_by_reason": .object(badRecordsByReason.mapValues { .integer($0) }),
            "failed_images_by_reason": .object(failedImagesByReason.mapValues { .integer($0) }),
            "authorized_seller_matches_skipped": .integer(authorizedSkipped), "findings": .integer(findings),
            "findings_by_severity": .object(bySeverity.mapValues { .integer($0) }),
            "findings_by_brand": .object(byBrand.mapValues { .object($0.mapValues { .integer($0) }) }),
            "findings_by_status": .object(statuses),
            "shrunk_marketplaces": .array(
                shrinks.map { shrink in
                    [
                        "marketplace": .string(shrink.marketplace), "listings": .integer(shrink.tonight),
                        "last_completed_listings": .integer(shrink.lastNight),
                        "last_completed_run": .string(shrink.lastRunID),
                        "listing_gone_resolved": .bool(shrinkAccepted),
                    ]
                }),
        ]
        if !skippedImagesByReason.isEmpty {
            counts["images_skipped"] = .integer(skippedImagesByReason.values.reduce(0, +))
            counts["skipped_images_by_reason"] = .object(skippedImagesByReason.mapValues { .integer($0) })
        }
        // Only when there are any, so that a dump that fits its mapping writes the counts it always did.
        let warnings = mapping.warnings
        if !warnings.isEmpty { counts["mapping_warnings"] = .array(warnings.map { .string($0) }) }
        return .object(counts)
    }
}
