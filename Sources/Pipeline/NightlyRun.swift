public import Foundation
import Imaging
public import Intake
import Matching
import PerceptualHash
import Store

/// What a completed run produced.
public struct RunSummary: Sendable {
    public var runID: String
    public var records: Int
    public var listings: Int
    public var badRecords: Int
    public var images: Int
    public var failedImages: Int
    /// Findings at or above the minimum score, written to `findings.jsonl`.
    public var reportedFindings: Int
    public var findingsBySeverity: [String: Int]
    public var registryWarnings: [RegistryIssue]
}

/// One nightly run: registry and dump in, findings and a run record out (DESIGN.md, "Data flow").
///
/// The dump is streamed; listings are processed `jobs` at a time in a bounded task group and their results are
/// taken back in dump order, so what is written does not depend on `jobs` or on timing. Work reaches the state
/// file in batches. A bad record or an image that fails is recorded, counted and reported, never an abort; only a
/// registry that does not validate, an unreadable dump, a state file that cannot be written, or a mostly-bad dump
/// stops the run.
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
        let loaded: RegistryLoader.Loaded
        do {
            loaded = try RegistryLoader.load(path: configuration.registryPath, today: LocalDate(configuration.now))
        } catch {
            throw RunError.registry(error)
        }
        let registry = loaded.registry
        let registryHash = try fileSHA256(configuration.registryPath)
        let dumpHash = try fileSHA256(configuration.dumpPath)
        let assets = try fingerprintAssets(registry)
        lap("registry")

        let store: StateStore
        do {
            store = try StateStore(path: configuration.statePath)
        } catch {
            throw RunError.state(error.description)
        }
        let runID = "r-" + timestamp(configuration.now, compact: true) + "-" + dumpHash.prefix(8)
        let parameters: JSON = [
            "jobs": .integer(configuration.jobs), "min_score": .double(configuration.minimumScore),
            "mapping": .object(configuration.mapping.columns.mapValues { .string($0) }),
            "state": .string(configuration.statePath), "max_bad_share": .double(configuration.maximumBadShare),
        ]
        try state {
            try store.begin(
                RunRecord(
                    id: runID, startedAt: timestamp(configuration.now, compact: false),
                    toolVersion: configuration.toolVersion, parameters: parameters.text,
                    registrySHA256: registryHash, dumpSHA256: dumpHash))
        }

        let dump: ListingDump
        do {
            dump = try ListingDump(path: configuration.dumpPath, mapping: configuration.mapping)
        } catch {
            throw RunError.dump(error)
        }
        let processor = ListingProcessor(
            resolver: ImageResolver(
                dumpFolder: URL(fileURLWithPath: configuration.dumpPath).deletingLastPathComponent()),
            index: PDQIndex(assets),
            marks: WordMarkFinder(
                registry.brands.flatMap { brand in
                    brand.marks.map { RegisteredMark(brand: brand.name, text: $0.text, right: $0.right) }
                }),
            store: store)
        var tally = Tally(runID: runID, builder: FindingBuilder(registry: registry), configuration: configuration)

        do {
            try await withThrowingTaskGroup(of: (Int, ListingOutcome).self) { group in
                var next = 0  // sequence number of the next listing submitted
                var received = 0  // results taken from the group
                var emitted = 0  // results tallied, in dump order
                var waiting: [Int: ListingOutcome] = [:]
                func receive() async throws {
                    guard let (sequence, outcome) = try await group.next() else { return }
                    waiting[sequence] = outcome
                    received += 1
                }
                func emitReady() throws {
                    while let ready = waiting.removeValue(forKey: emitted) {
                        try tally.add(ready, store: store)
                        emitted += 1
                        progress(tally.progress(fractionRead: dump.fractionRead))
                    }
                }
                while let record = try dump.next() {
                    try Task.checkCancellation()
                    switch record {
                    case .problem(let problem):
                        tally.add(problem)
                    case .listing(let listing):
                        if next - received >= configuration.jobs { try await receive() }
                        let sequence = next
                        group.addTask { (sequence, processor.process(listing)) }
                        next += 1
                        // Tallying the finished ones now overlaps with the listing just submitted.
                        try emitReady()
                    }
                }
                while received < next {
                    try await receive()
                    try emitReady()
                }
            }
            try tally.flush(store: store)
        } catch let error as DumpError {
            throw RunError.dump(error)
        } catch let error as StoreError {
            throw RunError.state(error.description)
        } catch {
            throw RunError.state(String(describing: error))
        }
        lap("listings")

        let records = tally.records
        let mostlyBad =
            records >= configuration.minimumRecordsForBadShare
            && Double(tally.badRecords.count) > configuration.maximumBadShare * Double(records)
        var reported = 0
        if !mostlyBad {
            // Streamed from the state file, so memory does not grow with the number of findings.
            try AtomicFile.write(to: output.appendingPathComponent("findings.jsonl")) { append in
                try store.forEachFinding(lastSeenIn: runID) { finding in
                    try append(finding.json + "\n")
                    reported += 1
                }
            }
        }
        lap("outputs")
        let report = tally.report(
            registry: (configuration.registryPath, registryHash), dump: (configuration.dumpPath, dumpHash, dump),
            warnings: loaded.warnings, parameters: parameters, timings: timings,
            status: mostlyBad ? "failed" : "completed", startedAt: timestamp(configuration.now, compact: false))
        try AtomicFile.write(report + "\n", to: output.appendingPathComponent("run.json"))
        try state {
            try store.finish(
                runID: runID, at: timestamp(configuration.now, compact: false),
                status: mostlyBad ? .failed : .completed, counts: tally.counts.text)
        }
        if mostlyBad {
            throw RunError.mostlyBad(
                bad: tally.badRecords.count, records: records, threshold: configuration.maximumBadShare)
        }
        return RunSummary(
            runID: runID, records: records, listings: tally.listings, badRecords: tally.badRecords.count,
            images: tally.images, failedImages: tally.failedImages.count, reportedFindings: reported,
            findingsBySeverity: tally.bySeverity, registryWarnings: loaded.warnings)
    }

    // MARK: - Steps

    /// The registered images' fingerprints; an asset that does not decode makes the registry invalid.
    private static func fingerprintAssets(_ registry: Registry) throws(RunError) -> [RegisteredImage] {
        var images: [RegisteredImage] = []
        var issues: [RegistryIssue] = []
        for brand in registry.brands {
            for asset in brand.assets {
                do {
                    let fingerprint = try Fingerprinter.fingerprint(contentsOfFile: asset.file.path, path: .fast)
                    images.append(
                        RegisteredImage(
                            assetID: asset.id, brand: brand.name, right: asset.right,
                            dihedral: fingerprint.pdqDihedral, quality: fingerprint.quality))
                } catch {
                    issues.append(
                        RegistryIssue(
                            severity: .error, file: registry.file.path, line: nil, column: nil,
                            field: "asset \(asset.id)", message: error.message))
                }
            }
        }
        guard issues.isEmpty else { throw RunError.registry(RegistryError(issues: issues)) }
        return images
    }

    /// SHA-256 of a file, read in chunks.
    private static func fileSHA256(_ path: String) throws(RunError) -> String {
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            var hasher = StreamingSHA256()
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(chunk) }
            return hasher.finalize()
        } catch {
            throw RunError.dump(.unreadable(path: path, reason: (error as NSError).localizedDescription))
        }
    }

    /// Runs state-file work, reporting its failure as the run's.
    private static func state<T>(_ body: () throws -> T) throws(RunError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw RunError.state(error.description)
        } catch {
            throw RunError.state(String(describing: error))
        }
    }

    static func timestamp(_ date: Date, compact: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let day = "\(pad(c.year, 4))\(compact ? "" : "-")\(pad(c.month))\(compact ? "" : "-")\(pad(c.day))"
        let time = "\(pad(c.hour))\(compact ? "" : ":")\(pad(c.minute))\(compact ? "" : ":")\(pad(c.second))"
        return "\(day)T\(time)Z"
    }
}
