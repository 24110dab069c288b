import ArgumentParser
import Fetching
import Findings
import Foundation
import Intake
import Pipeline

/// `proofmark run`: one night's work, registry and dump in, findings and a run record out.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Match tonight's listings against the registry and write findings.",
        discussion: """
            Writes OUT/findings.jsonl (score descending, then finding id) and OUT/run.json (versions, parameters, \
            input hashes, counts, every bad dump record and failed image, timings), and keeps history in the state \
            file. Progress goes to stderr, a short summary to stdout. Exit status: 0 when the run completed, \
            findings or not; 1 when it could not run (invalid registry, unreadable dump, mostly-bad dump, state \
            file or output not writable).
            """
    )

    @Option(help: "The registry file (YAML).")
    var registry: String

    @Option(
        help: ArgumentHelp(
            "A folder outside the registry's own that its asset, text and certificate paths may name "
                + "(repeatable). By default they must stay inside the registry's folder.", valueName: "folder"))
    var registryRoot: [String] = []

    @Option(help: "Tonight's listing dump: JSONL or CSV, optionally gzip-compressed.")
    var dump: String

    @Option(help: "The output folder.")
    var out: String

    @Option(help: "The state file (default: OUT/state.sqlite).")
    var state: String?

    @Option(parsing: .unconditional, help: "Listings processed at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Report findings scoring at least this (0...1; 0 reports every candidate).")
    var minScore: Double = 0.5

    @Option(
        help: ArgumentHelp(
            "Where the dump comes from: \(BuiltInProfile.all.map(\.name).joined(separator: ", ")), or proofmark "
                + "(fields under Proofmark's own names).",
            discussion: "Without it, a dump whose first record lacks marketplace and listing_id is recognised from "
                + "that record's keys when it can be, and the guess is printed. The profiles are the mapping files "
                + "in Profiles/.",
            valueName: "source"))
    var format: String?

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Map a field: --map title=product_name, --map price=price.value, --map marketplace=\"'ebay'\" "
                + "(repeatable; replaces the rule of --format or --map-file for that field).",
            valueName: "field=expression"))
    var mappings: [String] = []

    @Option(
        help: "A mapping file: one field = expression a line, # comments (see the README, \"Mapping a new source\").")
    var mapFile: String?

    @Option(
        name: .customLong("map-var"),
        help: ArgumentHelp(
            "A value for $NAME in mapping expressions, e.g. --map-var shop=acme-outlet.example (repeatable).",
            valueName: "name=value"))
    var mapVariables: [String] = []

    @Option(
        help: ArgumentHelp(
            "Process shard K of N (1 <= K <= N) of the dump into its own state; see `proofmark merge`.",
            discussion: "Without it, a Kubernetes Indexed Job (JOB_COMPLETION_INDEX with PROOFMARK_SHARD_COUNT) or a "
                + "Slurm array (SLURM_ARRAY_TASK_ID, _MIN, _COUNT) names the shard. Give every shard of one night "
                + "the same --now.",
            valueName: "K/N"))
    var shard: String?

    /// The run's clock: give every shard of one night the same value.
    @OptionGroup var clock: ClockOption

    @Option(help: "Where images fetched by URL are cached for revalidation on later nights (default: OUT/image-cache).")
    var imageCache: String?

    @Option(parsing: .unconditional, help: "Image URLs fetched at once (at most half of them from one host).")
    var fetchConcurrency: Int = 8

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The most time one image URL may take, retries included.", valueName: "seconds"))
    var fetchTimeout: Double = 60

    @Option(
        help: ArgumentHelp(
            "An image URL host that may be fetched from whatever address it resolves to, e.g. an internal CDN "
                + "(repeatable). By default only public addresses are fetched.", valueName: "host"))
    var allowHost: [String] = []

    @Option(
        help: ArgumentHelp(
            "An address range image URLs may be fetched from, e.g. 10.20.0.0/16 or a proxy's address "
                + "(repeatable).", valueName: "CIDR"))
    var allowNetwork: [String] = []

    @Option(help: "An Ed25519 private key (PEM) that signs every evidence bundle; see `proofmark keygen`.")
    var signingKey: String?

    @Flag(
        help: ArgumentHelp(
            "Tonight's dump really holds far fewer listings of a marketplace than the last completed night: "
                + "resolve the absent listings' findings as listing-gone all the same."))
    var acceptShrink = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The most distinct images of one listing that are fetched, decoded and matched; the rest are counted as "
                + "skipped in run.json.", valueName: "count"))
    var maxImagesPerListing: Int = 24

    @Option(help: .hidden)
    var batchSize: Int = 256

    func validate() throws {
        try validateFiles()
        guard (1...RunCommand.maximumJobs).contains(jobs) else {
            throw ValidationError("--jobs must be between 1 and \(RunCommand.maximumJobs)")
        }
        guard (1...10_000).contains(maxImagesPerListing) else {
            throw ValidationError("--max-images-per-listing must be between 1 and 10000")
        }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard \(shard): expected K/N with 1 <= K <= N, e.g. --shard 2/4")
        }
        guard (1...100_000).contains(batchSize) else {
            throw ValidationError("--batch-size must be between 1 and 100000")
        }
        guard (1...RunCommand.maximumJobs).contains(fetchConcurrency) else {
            throw ValidationError("--fetch-concurrency must be between 1 and \(RunCommand.maximumJobs)")
        }
        // A day at most: the value becomes whole milliseconds, and `inf`, `nan` or 1e20 must not trap there.
        guard fetchTimeout.isFinite, fetchTimeout >= 0.001, fetchTimeout <= 86_400 else {
            throw ValidationError("--fetch-timeout must be between 0.001 and 86400 seconds")
        }
        for network in allowNetwork where IPNetwork(network) == nil {
            throw ValidationError(
                "--allow-network \(network): expected an address range such as 10.0.0.0/8 or fd00::/8")
        }
        for host in allowHost where host.isEmpty || host.contains(where: { $0 == "/" || $0 == "@" || $0.isWhitespace })
        {
            throw ValidationError("--allow-host \(host): expected a host name or address, e.g. cdn.internal")
        }
    }

    /// The field mapping in its layers: the profile (`--format`, or recognised from the first record when nothing
    /// else is given), then `--map-file`, then `--map`, with `--map-var` values.
    func fieldMapping() throws -> FieldMapping {
        var profile: BuiltInProfile?
        if let format, format != "proofmark" {
            guard let named = BuiltInProfile.named(format) else {
                throw ValidationError(
                    "--format \(format): unknown (formats: "
                        + (BuiltInProfile.all.map(\.name) + ["proofmark"]).joined(separator: ", ") + ")")
            }
            profile = named
        } else if format == nil, mappings.isEmpty, mapFile == nil, let first = try? ListingDump.firstRecord(path: dump)
        {
            if let detected = BuiltInProfile.detect(first) {
                FileHandle.standardError.write(
                    Data(
                        ("proofmark run: the dump's first record looks like \(detected.name): reading it with --format "
                            + "\(detected.name) (give --format to choose another, or --format proofmark for none)\n")
                            .utf8))
                profile = detected
            } else if first["marketplace"] == nil || first["listing_id"] == nil {
                let keys = first.keys.sorted()
                FileHandle.standardError.write(
                    Data(
                        ("proofmark run: warning: the dump's first record has no marketplace or listing_id and looks "
                            + "like no built-in profile (its keys: \(keys.prefix(12).joined(separator: ", "))"
                            + (keys.count > 12 ? ", ..." : "") + "); give --format, --map-file or --map\n").utf8))
            }
        }
        do {
            var mapping = try profile?.mapping() ?? FieldMapping()
            if let mapFile {
                let text: String
                do {
                    text = try String(contentsOfFile: mapFile, encoding: .utf8)
                } catch {
                    throw ValidationError(
                        "cannot read --map-file \(mapFile): \((error as NSError).localizedDescription)")
                }
                mapping = mapping.overridden(by: try FieldMapping(text: text, file: mapFile))
            }
            mapping = mapping.overridden(by: try FieldMapping(entries: mappings))
            for entry in mapVariables {
                let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw ValidationError("--map-var \(entry): expected name=value")
                }
                mapping.variables[parts[0].hasPrefix("$") ? String(parts[0].dropFirst()) : parts[0]] = parts[1]
            }
            for warning in mapping.warnings {
                FileHandle.standardError.write(Data("proofmark run: warning: \(warning)\n".utf8))
            }
            return mapping
        } catch let error as FieldMappingError {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let mapping = try fieldMapping()
        var selectedShard = shard.flatMap(Shard.init)
        if selectedShard == nil {
            do {
                selectedShard = try Shard.fromEnvironment(ProcessInfo.processInfo.environment)
            } catch {
                throw ValidationError(error.description)
            }
        }
        var configuration = RunConfiguration(
            registryPath: registry, dumpPath: dump, outputFolder: URL(fileURLWithPath: out), statePath: state,
            jobs: jobs, minimumScore: minScore, mapping: mapping,
            now: clock.date, toolVersion: ProofmarkVersion.current,
            batchSize: batchSize, shard: selectedShard, imageCacheFolder: imageCache.map { URL(fileURLWithPath: $0) },
            fetchPolicy: FetchPolicy(
                concurrency: fetchConcurrency, timeoutSeconds: fetchTimeout,
                access: NetworkAccess(
                    allowedHosts: Set(allowHost), allowedNetworks: allowNetwork.compactMap(IPNetwork.init))),
            signingKey: signingKey.map { URL(fileURLWithPath: $0) })
        configuration.acceptShrink = acceptShrink
        configuration.registryRoots = registryRoot.map { URL(fileURLWithPath: $0) }
        configuration.maximumImagesPerListing = maxImagesPerListing
        let display = ProgressDisplay()
        do {
            let summary = try await NightlyRun.run(configuration) { progress in display.update(progress) }
            display.finish()
            for warning in summary.registryWarnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
            for warning in summary.mappingWarnings {
                FileHandle.standardError.write(Data("proofmark run: mapping: \(warning)\n".utf8))
            }
            for line in Self.shrinkWarnings(summary) { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
            if !summary.skippedImagesByReason.isEmpty {
                let reasons = summary.skippedImagesByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                FileHandle.standardError.write(
                    Data(
                        ("warning: \(summary.skippedImagesByReason.values.reduce(0, +)) image references left out of "
                            + "their listings (\(reasons.joined(separator: ", "))): the same image named again, or "
                            + "more than --max-images-per-listing \(maxImagesPerListing); see run.json\n").utf8))
            }
            let severities = Severity.worstFirst.map(\.rawValue).compactMap { severity in
                summary.findingsBySeverity[severity].map { "\($0) \(severity)" }
            }
            let statuses = FindingStatus.allCases.map(\.rawValue).compactMap { status in
                summary.findingsByStatus[status].flatMap { $0 > 0 ? "\($0) \(status)" : nil }
            }
            let how = ["resumed": " (resumed after an interruption)", "already-completed": " (already complete)"]
            print(
                "run \(summary.runID)\(how[summary.start] ?? ""): \(summary.listings) listings, \(summary.images) "
                    + "images, \(summary.reportedFindings) findings"
                    + (severities.isEmpty ? "" : " (\(severities.joined(separator: ", ")))")
                    + (statuses.isEmpty ? "" : "; \(statuses.joined(separator: ", "))"))
            if summary.badRecords > 0 || summary.failedImages > 0 {
                print(
                    "skipped: \(summary.badRecords) bad dump records, \(summary.failedImages) images that failed "
                        + "(each listed in \(out)/failures.jsonl)")
            }
            print(
                "wrote \(out)/findings.jsonl, \(out)/run.json, the evidence bundles in \(out)/bundles and the report "
                    + "\(out)/report/index.html")
        } catch {
            display.finish()
            FileHandle.standardError.write(Data("proofmark run: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Progress on stderr: a live line on a terminal, a plain line every five seconds otherwise (cron logs).
final class ProgressDisplay: @unchecked Sendable {
    // @unchecked: every access to the mutable state below holds `lock`.
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let started = Date()
    private var lastShown = Date.distantPast
    private var shownLive = false

    func update(_ progress: RunProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= (isTerminal ? 0.2 : 5) else { return }
        lastShown = now
        let elapsed = max(0.001, now.timeIntervalSince(started))
        let rate = Double(progress.listings) / elapsed
        var line =
            "\(progress.listings) listings, \(progress.images) images, \(progress.findings) findings, "
            + "\(progress.badRecords) bad records, \(progress.failedImages) failed images, "
            + String(format: "%.0f listings/s", rate)
        let fraction = progress.fractionRead
        if fraction > 0.01 {
            let remaining = Int((elapsed * (1 - fraction) / fraction).rounded())
            line += String(format: ", %d%%, ETA %d:%02d", Int(fraction * 100), remaining / 60, remaining % 60)
        }
        if isTerminal {
            let width = 20
            let filled = Int(fraction * Double(width))
            let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            FileHandle.standardError.write(Data("\r\u{1B}[K\(bar)\(line)".utf8))
            shownLive = true
        } else {
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shownLive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
