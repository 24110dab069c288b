import Base
import Evidence
import FaultInjection
import Fetching
import Findings
public import Foundation
import Imaging
public import Intake
import Matching
import PerceptualHash
public import Store

/// What a run produced, from its counts in the state file.
public struct RunSummary: Sendable {
    public var runID: String
    /// `fresh`, `resumed` (an interrupted run was finished), or `already-completed` (only outputs were written).
    public var start: String
    public var records: Int
    public var listings: Int
    public var badRecords: Int
    public var images: Int
    public var failedImages: Int
    /// Image references left out of their listing (the same image again, or past the per-listing limit), by reason.
    public var skippedImagesByReason: [String: Int] = [:]
    /// Lines written to `findings.jsonl`: findings seen tonight at or above the minimum score, and those found gone.
    public var reportedFindings: Int
    public var findingsBySeverity: [String: Int]
    public var findingsByStatus: [String: Int]
    public var registryWarnings: [RegistryIssue]
    /// How the dump fitted its field mapping (`run.json`'s `mapping_warnings`): rules that matched nothing in most
    /// records, values left out of fields, variables not given.
    public var mappingWarnings: [String] = []
    /// Marketplaces whose dump shrank far below the last completed night; `shrinkAccepted` says whether their
    /// absent listings were resolved as `listing-gone` (`--accept-shrink`) or left as they were.
    public var shrunkMarketplaces: [MarketplaceShrink] = []
    public var shrinkAccepted = false
}

/// One nightly run: registry and dump in, findings and a run record out (ARCHITECTURE.md, "Data flow").
///
/// The dump is streamed; listings are processed `jobs` at a time in a bounded task group and their results are
/// taken back in dump order, so what is written does not depend on `jobs` or on timing. Work reaches the state
/// file in batches and tonight's findings are staged, then folded into history in one transaction when the whole
/// dump is done; outputs are then rebuilt from the state file. A run killed at any point is finished by running the
/// same command again: the interrupted run is found by its inputs and resumed under its own id and clock, and its
/// outputs come out as an uninterrupted run's would. A bad record or an image that fails is recorded, counted and
/// reported, never an abort; only a registry that does not validate, an unreadable dump, a state file that cannot
/// be written or is in use, or a mostly-bad dump stops the run.
public enum NightlyRun {
    public static func run(
        _ configuration: RunConfiguration, progress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) async throws(RunError) -> RunSummary {
        var timings: [String: Double] = [:]
        let clock = ContinuousClock()
        var mark = clock.now
        func lap(_ stage: String) {
            let now = clock.now
            let elapsed = mark.duration(to: now)
            timings[stage] = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            mark = now
        }

        let output = configuration.outputFolder
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw RunError.output(path: output.path, message: (error as NSError).localizedDescription)
        }
        // The registry, validated before any work starts.
        var loaded = try loadRegistry(
            configuration.registryPath, on: configuration.now, roots: configuration.registryRoots)
        let registryHash = try fileSHA256(configuration.registryPath)
        // The registered texts, read now: a missing or unreadable text stops the run before any work, and their
        // contents decide whether an interrupted run may resume.
        let protectedTexts = try loadProtectedTexts(loaded.registry)
        let textsHash = Hashing.sha256Hex(
            Data(
                protectedTexts.map { "\($0.id)\n\(Hashing.sha256Hex(Data($0.content.utf8)))" }.joined(separator: "\n")
                    .utf8))
        let dumpHash = try fileSHA256(configuration.dumpPath)
        let dump: ListingDump
        do {
            dump = try ListingDump(path: configuration.dumpPath, mapping: configuration.mapping)
        } catch {
            throw RunError.dump(error)
        }

        // A signing key that does not load stops the run before any work, not after it.
        var signer: BagSigner?
        if let key = configuration.signingKey {
            do {
                signer = try BagSigner(contentsOf: key)
            } catch {
                throw RunError.evidence(error.description)
            }
        }
        // Held until the run returns: a second run on the same state is refused, not interleaved.
        let lock = try state { try StateLock(statePath: configuration.statePath) }
        let outputLock = try state { try StateLock(outputFolder: configuration.outputFolder) }
        defer { withExtendedLifetime((lock, outputLock)) {} }
        let store = try state { try StateStore(path: configuration.statePath) }

        var parameters: [String: JSON] = [
            "jobs": .integer(configuration.jobs), "min_score": .double(configuration.minimumScore),
            "mapping": .object(configuration.mapping.columns.mapValues { .string($0) }),
            "max_bad_share": .double(configuration.maximumBadShare),
        ]
        // Only when given, so that a run without them records the parameters it always did.
        if let profile = configuration.mapping.profile { parameters["format"] = .string(profile) }
        if !configuration.mapping.variables.isEmpty {
            parameters["mapping_variables"] = .object(configuration.mapping.variables.mapValues { .string($0) })
        }
        var decisive: [String: JSON] = [
            "dump": .string(dumpHash), "registry": .string(registryHash), "min_score": parameters["min_score"] ?? .null,
            "mapping": parameters["mapping"] ?? .null, "max_bad_share": parameters["max_bad_share"] ?? .null,
            "fingerprints": .integer(FingerprintCodec.version),
            "reference_views": .integer(FingerprintCodec.referenceVersion),
            "second_look": .integer(FingerprintCodec.featureVersion), "texts": .string(textsHash),
        ]
        for key in ["format", "mapping_variables"] { if let value = parameters[key] { decisive[key] = value } }
        if let shard = configuration.shard {
            parameters["shard"] = .string(shard.description)
            decisive["shard"] = .string(shard.description)
        }
        let inputs: JSON = [
            "registry": [
                "path": .string(configuration.registryPath), "sha256": .string(registryHash),
                "texts_sha256": .string(textsHash),
            ],
            "dump": [
                "path": .string(configuration.dumpPath), "sha256": .string(dumpHash),
                "format": .string(dump.format.rawValue), "compressed": .bool(dump.isCompressed),
            ],
        ]
        let candidate = RunRecord(
            id: "r-" + timestamp(configuration.now, compact: true) + "-" + dumpHash.prefix(8)
                + (configuration.shard?.runIDSuffix ?? ""),
            startedAt: timestamp(configuration.now, compact: false), toolVersion: configuration.toolVersion,
            parameters: JSON.object(parameters).text, registrySHA256: registryHash, dumpSHA256: dumpHash,
            inputs: inputs.text, warnings: JSON.array(loaded.warnings.map { .string($0.description) }).text,
            resumeKey: Hashing.sha256Hex(Data(JSON.object(decisive).text.utf8)), shard: configuration.shard?.description
        )

        let run: RunRecord
        let start: String
        switch try state({ try store.start(candidate) }) {
        case .completed(let completed):
            // Interrupted after the night was complete: only its evidence and files are left to write.
            try await writeEvidence(
                of: completed, store: store, registry: loaded.registry, signer: signer, configuration: configuration)
            let reported = try RunOutputs.write(runID: completed.id, store: store, to: output)
            try state { try store.markOutputsWritten(runID: completed.id, at: completed.finishedAt ?? "") }
            return summary(of: completed, start: "already-completed", reported: reported, warnings: loaded.warnings)
        case .fresh(let fresh):
            (run, start) = (fresh, "fresh")
        case .resumed(let resumed):
            (run, start) = (resumed, "resumed")
        }
        // A resumed run keeps its own clock: its day judges expired rights.
        let runDate = date(fromTimestamp: run.startedAt) ?? configuration.now
        if LocalDate(runDate) != LocalDate(configuration.now) {
            loaded = try loadRegistry(configuration.registryPath, on: runDate, roots: configuration.registryRoots)
        }
        let registry = loaded.registry
        // The rights and authorised sellers as of tonight, for exports and their pre-filing checks.
        try state {
            try store.recordRegistry(
                rights: registry.rights.map { right in
                    RegisteredRightRecord(
                        id: right.id, kind: right.kind.rawValue, registration: right.registration,
                        jurisdiction: right.jurisdiction, holder: right.holder ?? registry.owner,
                        expires: right.expires?.description,
                        classes: JSON.array(right.classes.map { .integer($0) }).text, owner: registry.owner)
                },
                authorizedSellers: registry.brands.flatMap { brand in
                    brand.authorizedSellers.map { AuthorizedSeller(brand: brand.name, sellerID: $0) }
                })
        }
        let matcher = try RegisteredViews.matcher(registry, store: store, jobs: configuration.jobs)
        lap("registry")

        let processor = ListingProcessor(
            resolver: ImageResolver(
                dumpFolder: URL(fileURLWithPath: configuration.dumpPath).deletingLastPathComponent()),
            index: matcher,
            text: TextMatcher(
                marks: registry.brands.flatMap { brand in
                    brand.marks.map {
                        RegisteredMark(
                            brand: brand.name, text: $0.text, right: $0.right, exclusions: $0.exclusions,
                            goods: registry.right($0.right)?.goods ?? [])
                    }
                }, texts: protectedTexts),
            builder: FindingBuilder(registry: registry), store: store,
            fetcher: ImageFetcher(cacheFolder: configuration.imageCacheFolder, policy: configuration.fetchPolicy),
            cpu: WorkLimiter(limit: configuration.jobs),
            evidenceImages: configuration.outputFolder.appendingPathComponent("evidence-images"),
            maximumImages: configuration.maximumImagesPerListing)
        let failureLog = try FailureLog(folder: output, dumpPath: configuration.dumpPath)
        var tally = Tally(runID: run.id, configuration: configuration, failureLog: failureLog)
        let shard = configuration.shard
        let writer = BatchWriter(store: store, runID: run.id)
        // Records in flight: the CPU work is bounded by the cooperative thread pool anyway; the extra ones let
        // image fetches wait on the network while others decode.
        let inFlight = configuration.jobs + configuration.fetchPolicy.maximumConcurrentRequests
        // What a record came to; worked out off the reading loop, tallied back in dump order.
        enum Work: Sendable {
            case listing(ListingOutcome)
            case problem(DumpProblem)
            /// Another shard's listing.
            case elsewhere
        }
        do {
            try await withThrowingTaskGroup(of: (Int, Work).self) { group in
                var next = 0  // sequence number of the next record submitted
                var received = 0  // results taken from the group
                var emitted = 0  // results tallied, in dump order
                var waiting: [Int: Work] = [:]
                func receive() async throws {
                    guard let (sequence, work) = try await group.next() else { return }
                    waiting[sequence] = work
                    received += 1
                }
                func emitReady() async throws {
                    while let ready = waiting.removeValue(forKey: emitted) {
                        switch ready {
                        case .listing(let outcome):
                            if let full = tally.add(outcome) { try await writer.submit(full) }
                        case .problem(let problem):
                            tally.add(problem, owned: shard?.owns(line: problem.line) ?? true)
                        case .elsewhere:
                            tally.skip()
                        }
                        emitted += 1
                        progress(tally.progress(fractionRead: dump.fractionRead))
                    }
                }
                // The loop only reads; records are interpreted (JSON, CSV fields) and processed in the group.
                while let record = try dump.nextUnparsed() {
                    try Task.checkCancellation()
                    if next - received >= inFlight { try await receive() }
                    let sequence = next
                    group.addTask {
                        switch record.parse() {
                        case .problem(let problem): return (sequence, .problem(problem))
                        case .listing(let listing):
                            guard shard?.owns(listing) ?? true else { return (sequence, .elsewhere) }
                            return (sequence, .listing(await processor.process(listing)))
                        }
                    }
                    next += 1
                    // Tallying the finished ones now overlaps with the record just submitted.
                    try await emitReady()
                }
                while received < next {
                    try await receive()
                    try await emitReady()
                }
            }
            try await writer.submit(tally.takeBatch())
            try await writer.drain()
            try failureLog.finish()
        } catch let error as RunError {
            throw error
        } catch let error as DumpError {
            throw RunError.dump(error)
        } catch let error as StoreError {
            throw RunError.state(error.description)
        } catch {
            throw RunError.state(String(describing: error))
        }
        lap("listings")

        // Judged from few records too when the last completed night was large: three bad lines after a night of
        // thousands are a failed export, not a small night.
        let lastNight = try state { try store.listingsOfLastCompletedRun(before: run.id) }
        let mostlyBad =
            max(tally.dumpRecords, lastNight) >= configuration.minimumRecordsForBadShare
            && Double(tally.dumpBadRecords) > configuration.maximumBadShare * Double(tally.dumpRecords)
        if !mostlyBad {
            tally.shrinks = try state {
                try store.shrunkMarketplaces(runID: run.id, minimumShare: configuration.minimumShareOfLastNight)
            }
            tally.shrinkAccepted = configuration.acceptShrink
        }
        let held = tally.shrinkAccepted ? [] : tally.shrinks
        let finishedAt = timestamp(runDate, compact: false)
        let timingsText = JSON.object(timings.mapValues { .double(($0 * 1000).rounded() / 1000) }).text
        if mostlyBad {
            try state {
                try store.fail(
                    runID: run.id, finishedAt: finishedAt, counts: tally.counts().text, timings: timingsText)
            }
        } else {
            try state {
                try store.complete(
                    runID: run.id, seenAt: run.startedAt, finishedAt: finishedAt, timings: timingsText, holding: held
                ) { byStatus in
                    Checkpoint.completing.reached()
                    return tally.counts(byStatus: byStatus).text
                }
            }
        }
        Checkpoint.completed.reached()
        if !mostlyBad, let completed = try state({ try store.run(id: run.id) }) {
            try await writeEvidence(
                of: completed, store: store, registry: registry, signer: signer, configuration: configuration)
            lap("evidence")
        }
        let reported = try RunOutputs.write(runID: run.id, store: store, to: output)
        Checkpoint.outputsWritten.reached()
        try state { try store.markOutputsWritten(runID: run.id, at: finishedAt) }
        if mostlyBad {
            throw RunError.mostlyBad(
                bad: tally.dumpBadRecords, records: tally.dumpRecords, threshold: configuration.maximumBadShare)
        }
        let finished = try state { try store.run(id: run.id) } ?? run
        return summary(of: finished, start: start, reported: reported, warnings: loaded.warnings)
    }

    // MARK: - Steps

    /// Writes the bundles of the findings `run` saw, records what came of it in the run's counts and failures, and
    /// writes the morning report.
    private static func writeEvidence(
        of run: RunRecord, store: StateStore, registry: Registry, signer: BagSigner?,
        configuration: RunConfiguration
    ) async throws(RunError) {
        let output = configuration.outputFolder
        let bundles = output.appendingPathComponent("bundles")
        do {
            try FileManager.default.createDirectory(at: bundles, withIntermediateDirectories: true)
            // Bags half-built by an interrupted run (a bag is renamed into place only when complete).
            for name in try FileManager.default.contentsOfDirectory(atPath: bundles.path)
            where name.hasPrefix(".") && (name.hasSuffix(".tmp") || name.hasSuffix(".old")) {
                try? FileManager.default.removeItem(at: bundles.appendingPathComponent(name))
            }
        } catch {
            throw RunError.output(path: bundles.path, message: (error as NSError).localizedDescription)
        }
        let step = BundleStep(
            store: store, registry: registry,
            resolver: ImageResolver(
                dumpFolder: URL(fileURLWithPath: configuration.dumpPath).deletingLastPathComponent()),
            evidenceImages: output.appendingPathComponent("evidence-images"), bundles: bundles,
            run: BundleMaterial.Run(
                id: run.id, date: String(run.startedAt.prefix(10)), toolVersion: run.toolVersion,
                registrySHA256: run.registrySHA256, dumpSHA256: run.dumpSHA256),
            signer: signer, jobs: configuration.jobs,
            sideBySide: EvidenceRenderers.sideBySide(pictures: DecodedPictures()),
            outputFolder: output, claimChart: EvidenceRenderers.claimChart)
        let clock = ContinuousClock()
        let started = clock.now
        let summary: BundleStep.Summary
        do {
            summary = try await step.write(runID: run.id)
        } catch {
            throw RunError.state(error.description)
        }
        var counts: [String: JSON] = [:]
        if let text = run.counts, case .object(let object)? = JSON(parsing: text) { counts = object }
        counts["bundles_written"] = .integer(summary.written)
        counts["bundles_unchanged"] = .integer(summary.unchanged)
        counts["bundles_failed"] = .integer(summary.problems.count)
        let failures = summary.problems.map {
            FailureRecord(runID: run.id, kind: .bundle, line: nil, category: "bundle", message: $0)
        }
        // The morning report, from the state file and the bags.
        do {
            _ = try MorningReport.write(store: store, runID: run.id, outputFolder: output, bundlesFolder: bundles)
        } catch {
            throw RunError.output(path: output.appendingPathComponent("report").path, message: "\(error)")
        }
        // Its wall time joins the run's stage times (rounded to the millisecond, as the others).
        var timings: [String: JSON] = [:]
        if let text = run.timings, case .object(let object)? = JSON(parsing: text) { timings = object }
        let elapsed = started.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        timings["evidence"] = .double((seconds * 1000).rounded() / 1000)
        try state {
            try store.amend(
                runID: run.id, counts: JSON.object(counts).text, timings: JSON.object(timings).text, failures: .bundle,
                failures)
        }
    }

    private static func loadRegistry(
        _ path: String, on date: Date, roots: [URL]
    ) throws(RunError) -> RegistryLoader.Loaded {
        do {
            return try RegistryLoader.load(path: path, today: LocalDate(date), allowedRoots: roots)
        } catch {
            throw RunError.registry(error)
        }
    }

    private static func summary(
        of run: RunRecord, start: String, reported: Int, warnings: [RegistryIssue]
    ) -> RunSummary {
        var counts: [String: JSON] = [:]
        if let text = run.counts, case .object(let object)? = JSON(parsing: text) { counts = object }
        func integer(_ key: String) -> Int { if case .integer(let value)? = counts[key] { value } else { 0 } }
        func table(_ key: String) -> [String: Int] {
            guard case .object(let object)? = counts[key] else { return [:] }
            return object.compactMapValues { if case .integer(let value) = $0 { value } else { nil } }
        }
        return RunSummary(
            runID: run.id, start: start, records: integer("records"), listings: integer("listings"),
            badRecords: integer("bad_records"), images: integer("images"), failedImages: integer("images_failed"),
            skippedImagesByReason: table("skipped_images_by_reason"),
            reportedFindings: reported, findingsBySeverity: table("findings_by_severity"),
            findingsByStatus: table("findings_by_status"), registryWarnings: warnings,
            mappingWarnings: {
                guard case .array(let list)? = counts["mapping_warnings"] else { return [] }
                return list.compactMap { if case .string(let text) = $0 { text } else { nil } }
            }(),
            shrunkMarketplaces: shrinks(counts["shrunk_marketplaces"]),
            shrinkAccepted: shrinks(counts["shrunk_marketplaces"]).isEmpty ? false : shrinkAccepted(counts))
    }

    private static func shrinks(_ json: JSON?) -> [MarketplaceShrink] {
        guard case .array(let items)? = json else { return [] }
        return items.compactMap { item in
            guard case .object(let object) = item, case .string(let marketplace)? = object["marketplace"],
                case .integer(let tonight)? = object["listings"],
                case .integer(let last)? = object["last_completed_listings"],
                case .string(let run)? = object["last_completed_run"]
            else { return nil }
            return MarketplaceShrink(marketplace: marketplace, tonight: tonight, lastNight: last, lastRunID: run)
        }
    }

    private static func shrinkAccepted(_ counts: [String: JSON]) -> Bool {
        guard case .array(let items)? = counts["shrunk_marketplaces"], case .object(let first)? = items.first,
            case .bool(let accepted)? = first["listing_gone_resolved"]
        else { return false }
        return accepted
    }

    /// SHA-256 of a file, read in chunks.
    /// The contents of every registered text (UTF-8), in registry order.
    static func loadProtectedTexts(_ registry: Registry) throws(RunError) -> [ProtectedText] {
        var texts: [ProtectedText] = []
        var issues: [RegistryIssue] = []
        for brand in registry.brands {
            for text in brand.texts {
                guard let data = FileManager.default.contents(atPath: text.file.path),
                    let content = String(data: data, encoding: .utf8)
                else {
                    issues.append(
                        RegistryIssue(
                            severity: .error, file: registry.file.path, line: nil, column: nil,
                            field: "brands[\(brand.name)].texts[\(text.id)]",
                            message: "cannot read \(text.file.path) as UTF-8 text"))
                    continue
                }
                texts.append(ProtectedText(brand: brand.name, id: text.id, right: text.right, content: content))
            }
        }
        guard issues.isEmpty else { throw RunError.registry(RegistryError(issues: issues)) }
        return texts
    }

    private static func fileSHA256(_ path: String) throws(RunError) -> String {
        do {
            return try Hashing.sha256Hex(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RunError.dump(.unreadable(path: path, reason: (error as NSError).localizedDescription))
        }
    }

    /// Runs state-file work, reporting its failure as the run's.
    static func state<T>(_ body: () throws -> T) throws(RunError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw RunError.state(error.description)
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError.state(String(describing: error))
        }
    }

    /// `date` in UTC to the second: `2026-11-30T02:00:00Z`, or `20261130T020000Z` when `compact` (run ids).
    public static func timestamp(_ date: Date, compact: Bool) -> String { Timestamp.string(date, compact: compact) }

    /// Reads back what `timestamp(_:compact: false)` wrote (and any ISO 8601 UTC time to the second).
    public static func date(fromTimestamp text: String) -> Date? { Timestamp.date(text) }
}
