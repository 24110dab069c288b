import Foundation
import Imaging
import Intake
import Matching
import Store

/// Counts and collects what a run saw, in dump order, and hands finished work to the state file in batches.
struct Tally {
    let runID: String
    let builder: FindingBuilder
    let configuration: RunConfiguration
    var records = 0
    var listings = 0
    var images = 0
    var decodedImages = 0
    var cachedImages = 0
    var authorizedSkipped = 0
    var findings = 0
    var bySeverity: [String: Int] = [:]
    var byBrand: [String: [String: Int]] = [:]
    var badRecords: [DumpProblem] = []
    var failedImages: [(listing: String, reference: String, category: String, message: String)] = []
    private var batch = StateStore.Batch()
    private var batchedListings = 0

    init(runID: String, builder: FindingBuilder, configuration: RunConfiguration) {
        self.runID = runID
        self.builder = builder
        self.configuration = configuration
    }

    func progress(fractionRead: Double) -> RunProgress {
        RunProgress(
            records: records, listings: listings, images: images, findings: findings, badRecords: badRecords.count,
            failedImages: failedImages.count, fractionRead: fractionRead)
    }

    mutating func add(_ problem: DumpProblem) {
        records += 1
        badRecords.append(problem)
        batch.failures.append(
            FailureRecord(
                runID: runID, kind: "dump-record", line: problem.line, subject: "line \(problem.line)",
                category: "bad-record", message: problem.reason))
    }

    mutating func add(_ outcome: ListingOutcome, store: StateStore) throws(StoreError) {
        records += 1
        listings += 1
        let listing = outcome.listing
        let key = "\(listing.marketplace)/\(listing.listingID)"
        batch.listings.append(
            ListingRecord(
                marketplace: listing.marketplace, listingID: listing.listingID, sellerID: listing.sellerID,
                firstRun: runID, lastRun: runID, raw: listing.raw))
        for image in outcome.images {
            images += 1
            if let record = image.newFingerprint {
                decodedImages += 1
                batch.fingerprints.append(record)
            } else if image.sha256 != nil, image.failure == nil {
                cachedImages += 1
            }
            if let failure = image.failure {
                failedImages.append((key, image.reference, failure.category, failure.message))
                batch.failures.append(
                    FailureRecord(
                        runID: runID, kind: "image", line: listing.line, subject: "\(key) \(image.reference)",
                        category: failure.category, message: failure.message))
            }
            batch.listingImages.append(
                ListingImageRecord(
                    runID: runID, marketplace: listing.marketplace, listingID: listing.listingID,
                    position: image.position, reference: image.reference, sha256: image.sha256,
                    failureCategory: image.failure?.category, failureMessage: image.failure?.message))
        }
        let runID = self.runID
        let built = builder.findings(for: outcome) { id in
            // Seen on an earlier night; this run's own findings (a resumed run's too) are new.
            guard let first = try? store.firstRun(ofFinding: id) else { return false }
            return first != runID
        }
        authorizedSkipped += built.authorized
        for finding in built.findings where finding.assessment.score >= configuration.minimumScore {
            findings += 1
            bySeverity[finding.assessment.severity.rawValue, default: 0] += 1
            byBrand[finding.brand, default: [:]][finding.assessment.severity.rawValue, default: 0] += 1
            batch.findings.append(
                FindingRecord(
                    findingID: finding.id, marketplace: listing.marketplace, listingID: listing.listingID,
                    brand: finding.brand, score: finding.assessment.score,
                    severity: finding.assessment.severity.rawValue,
                    status: finding.status, firstRun: runID, lastRun: runID, json: finding.json))
        }
        batchedListings += 1
        if batchedListings >= configuration.batchSize { try flush(store: store) }
    }

    mutating func flush(store: StateStore) throws(StoreError) {
        try store.write(batch)
        batch = StateStore.Batch()
        batchedListings = 0
    }

    var counts: JSON {
        var byReason: [String: JSON] = [:]
        for failure in failedImages {
            if case .integer(let count) = byReason[failure.category] ?? .integer(0) {
                byReason[failure.category] = .integer(count + 1)
            }
        }
        return [
            "records": .integer(records), "listings": .integer(listings), "bad_records": .integer(badRecords.count),
            "images": .integer(images), "images_decoded": .integer(decodedImages),
            "images_cached": .integer(cachedImages), "images_failed": .integer(failedImages.count),
            "failed_images_by_reason": .object(byReason),
            "authorized_seller_matches_skipped": .integer(authorizedSkipped), "findings": .integer(findings),
            "findings_by_severity": .object(bySeverity.mapValues { .integer($0) }),
            "findings_by_brand": .object(byBrand.mapValues { .object($0.mapValues { .integer($0) }) }),
        ]
    }

    func report(
        registry: (path: String, sha256: String), dump: (path: String, sha256: String, reader: ListingDump),
        warnings: [RegistryIssue], parameters: JSON, timings: [String: Double], status: String, startedAt: String
    ) -> String {
        let object: JSON = [
            "run_id": .string(runID), "tool_version": .string(configuration.toolVersion), "status": .string(status),
            "libraries": .string(ImageDecoder.libraryVersions),
            "started_at": .string(startedAt), "parameters": parameters,
            "inputs": [
                "registry": ["path": .string(registry.path), "sha256": .string(registry.sha256)],
                "dump": [
                    "path": .string(dump.path), "sha256": .string(dump.sha256),
                    "format": .string(dump.reader.format.rawValue), "compressed": .bool(dump.reader.isCompressed),
                ],
            ],
            "counts": counts,
            "registry_warnings": .array(warnings.map { .string($0.description) }),
            "bad_records": .array(badRecords.map { ["line": .integer($0.line), "reason": .string($0.reason)] }),
            "failed_images": .array(
                failedImages.map {
                    [
                        "listing": .string($0.listing), "reference": .string($0.reference),
                        "reason": .string($0.category), "message": .string($0.message),
                    ]
                }),
            "timings_seconds": .object(timings.mapValues { .double(($0 * 1000).rounded() / 1000) }),
        ]
        return object.text
    }
}
