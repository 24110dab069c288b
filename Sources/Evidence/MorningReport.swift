public import Foundation
public import Store

/// The morning report, `OUT/report/index.html`: what a run found, worst first, in one page that opens offline.
///
/// At the top, a summary: findings per status, brand, marketplace and severity, a score histogram and the nightly
/// trend as inline SVG; then the repeat offenders (the worst sellers of `StateStore.sellerLedger()` and their
/// clusters, as the state file stands now) and, when `proofmark robustness --out OUT/robustness` has been run, the
/// matcher's measured recall on the registry's own images. Below, one table row per finding, by severity, then
/// score, then finding id: brand, status, listing (title, link), seller, price, signals, a thumbnail of its
/// side-by-side image and links to its bundle and claim chart, in chunks of 100 rows that the browser lays out only
/// as they scroll into view, so that 10,000 findings open in well under two seconds. Filters by brand, status and
/// marketplace are a short inline script; without it the whole table reads as it is. Every piece of dump text is
/// escaped, and a Content-Security-Policy lets the page load nothing but its own thumbnails and run nothing but its
/// own script, so it makes no request to any host.
///
/// The page streams from the state file (two passes over the night's findings, as they stood that night) and is
/// written atomically; memory does not grow with the number of findings. It is byte-identical for the same state and bundles: it names the
/// run's times, never the clock's.
public enum MorningReport {
    /// Writes `outputFolder/report/index.html` and its thumbnails (`report/thumbs/<finding_id>.png`).
    ///
    /// - Parameters:
    ///   - runID: the run to report; nil for the latest completed run.
    ///   - bundlesFolder: where the findings' bundles are (`OUT/bundles`); a finding whose folder exists there is
    ///     linked, and its first side-by-side PNG gives its thumbnail. Nil: no links, no thumbnails.
    public static func write(
        store: StateStore, runID: String?, outputFolder: URL, bundlesFolder: URL?
    ) throws(ReportError) -> ReportSummary {
        let runs: [RunRecord]
        var tally = ReportTally()
        let run: RunRecord
        let ledger: SellerLedger
        let reviews: [String: ReviewState]
        do {
            runs = try store.runs()
            run = try select(runID, from: runs, statePath: store.path)
            try store.forEachFindingWorstFirst(ofNight: run.id) { finding, _ in tally.add(finding) }
            ledger = try store.sellerLedger()
            reviews = try store.reviewStates()
        } catch let error as ReportError {
            throw error
        } catch let error as StoreError {
            throw ReportError.state(error)
        } catch {
            throw ReportError.state(StoreError(path: store.path, message: "\(error)"))
        }

        let reportFolder = outputFolder.appendingPathComponent("report")
        let thumbsFolder = reportFolder.appendingPathComponent("thumbs")
        do {
            try FileManager.default.createDirectory(at: thumbsFolder, withIntermediateDirectories: true)
        } catch {
            throw ReportError.output(path: thumbsFolder.path, message: (error as NSError).localizedDescription)
        }
        let thumbnails = Thumbnails(folder: thumbsFolder, bundles: bundlesFolder)
        let rows = RowWriter(
            bundles: bundlesFolder,
            bundlesHref: bundlesFolder.flatMap { HTML.relativeURL(relativePath(from: reportFolder, to: $0)) },
            reviews: reviews)
        var summary = ReportSummary(
            runID: run.id, reportFile: reportFolder.appendingPathComponent("index.html"), findings: tally.total,
            byStatus: tally.byStatus, bySeverity: tally.bySeverity.mapValues { $0.values.reduce(0, +) })

        try AtomicFileWriter.write(to: summary.reportFile) { append in
            try append(
                page(
                    run: run, tally: tally, nights: nights(runs, through: run),
                    offenders: offenders(ledger)
                        + robustness(try? Data(contentsOf: outputFolder.appendingPathComponent(robustnessFile)))))
            var pending: [(FindingRecord, String?)] = []
            // Thumbnails are made a batch at a time on every core; rows keep their order.
            // Rows go out in chunks, each its own table that the browser lays out only when it scrolls near
            // (`content-visibility: auto`): one table of 10,000 rows takes seconds to lay out before the first
            // paint. Thumbnails are made a chunk at a time on every core; rows keep their order.
            func flush() throws {
                guard !pending.isEmpty else { return }
                let outcomes = thumbnails.outcomes(for: pending.map(\.0.findingID))
                try append(chunkStart(estimatedHeight: outcomes.reduce(0) { $0 + RowWriter.estimatedHeight($1) }))
                for ((finding, raw), outcome) in zip(pending, outcomes) {
                    switch outcome {
                    case .made: summary.thumbnailsMade += 1
                    case .kept: summary.thumbnailsKept += 1
                    case .failed(let message):
                        summary.thumbnailFailureCount += 1
                        if summary.thumbnailFailures.count < ReportSummary.failuresKept {
                            summary.thumbnailFailures.append("\(finding.findingID): \(message)")
                        }
                    case .none: break
                    }
                    try append(rows.row(finding, listingRaw: raw, thumbnail: outcome))
                }
                try append(chunkEnd)
                pending.removeAll(keepingCapacity: true)
            }
            try store.forEachFindingWorstFirst(ofNight: run.id) { finding, raw in
                pending.append((finding, raw))
                if pending.count >= rowsPerChunk { try flush() }
            }
            try flush()
            try append(pageEnd)
        }
        return summary
    }

    /// The run to report: the one named, or the latest completed one.
    static func select(_ runID: String?, from runs: [RunRecord], statePath: String) throws(ReportError) -> RunRecord {
        guard let runID else {
            guard let latest = runs.last(where: { $0.status == .completed }) else {
                throw ReportError.noCompletedRun(statePath: statePath)
            }
            return latest
        }
        guard let run = runs.first(where: { $0.id == runID }) else {
            throw ReportError.runNotFound(statePath: statePath, runID: runID)
        }
        guard run.status == .completed else {
            throw ReportError.runNotCompleted(statePath: statePath, runID: runID, status: run.status.rawValue)
        }
        return run
    }

    /// The nights of the trend: completed runs up to and including `run`, the last `trendNights` of them, with their
    /// findings per status as their counts recorded them.
    static func nights(_ runs: [RunRecord], through run: RunRecord) -> [Night] {
        guard let end = runs.firstIndex(where: { $0.id == run.id }) else { return [] }
        let completed = runs[...end].filter { $0.status == .completed }
        return completed.suffix(trendNights).map { run in
            var byStatus: [String: Int] = [:]
            if let text = run.counts,
                let counts = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
                let statuses = counts["findings_by_status"] as? [String: Any]
            {
                for (status, value) in statuses {
                    if let number = value as? NSNumber { byStatus[status] = number.intValue }
                }
            }
            return Night(runID: run.id, startedAt: run.startedAt, byStatus: byStatus)
        }
    }

    static let trendNights = 30

    /// Rows per chunk of the findings table.
    static let rowsPerChunk = 100

    /// `folder` as a relative path from `base` (both folders), `/`-separated (`../bundles`).
    static func relativePath(from base: URL, to folder: URL) -> String {
        let from = base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let path = Array(repeating: "..", count: from.count - common) + to[common...]
        return path.joined(separator: "/")
    }
}

/// What `MorningReport.write` wrote.
public struct ReportSummary: Sendable, Hashable {
    /// The run reported.
    public var runID: String
    /// `OUT/report/index.html`.
    public var reportFile: URL
    /// Findings in the report.
    public var findings: Int
    /// Findings per status (`new`, `ongoing`, `relisted`, `resolved`).
    public var byStatus: [String: Int]
    /// Findings per severity.
    public var bySeverity: [String: Int]
    /// Thumbnails made now, and found up to date.
    public var thumbnailsMade = 0
    public var thumbnailsKept = 0
    /// Side-by-side images that gave no thumbnail (their rows show none), and why for the first few.
    public var thumbnailFailureCount = 0
    public var thumbnailFailures: [String] = []

    static let failuresKept = 20
}
