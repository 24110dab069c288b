import Findings
public import Foundation
import Store

/// Combines the state files of the N shards of sharded nights into one state file, as if one machine had run every
/// night (`proofmark merge`).
///
/// Shard runs are named `<night's run id>-KofN`; the merged file holds one run per night under the night's id, with
/// the shards' counts added up, and every shard's listings, findings and their history. The merge refuses, naming
/// the file and the night, when a shard is missing or given twice, when the files are not shards of one sharding, or
/// when a shard's night is unfinished or missing: findings from an incomplete set would look like takedowns.
/// The merged file is written anew from the shards each time (each shard keeps its own history), so the merge is a
/// pure function of the shard files and of the review decisions, which are made on the merged file and carried
/// forward from the file it replaces.
public enum ShardMerge {
    public struct Summary: Sendable {
        public var nights: [String]
        public var latestNight: String?
        public var reportedFindings: Int?
        /// The merged `failures.jsonl`, when outputs were written.
        public var failures: MergedFailures?
    }

    public static func merge(
        shards paths: [String], into target: String, outputFolder: URL?
    ) throws(RunError) -> Summary {
        guard !paths.isEmpty else { throw RunError.merge("no shard state files given") }
        var shards: [(path: String, shard: Shard, runs: [RunRecord])] = []
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { throw RunError.merge("\(path): no such file") }
            let runs = try NightlyRun.state { try StateStore(path: path).runs() }
            let labels = Set(runs.map(\.shard))
            guard labels.count == 1, let label = labels.first, let text = label, let shard = Shard(text) else {
                throw RunError.merge(
                    runs.isEmpty
                        ? "\(path): holds no run" : "\(path): is not the state of one shard (its runs: \(labels))")
            }
            shards.append((path, shard, runs))
        }
        let count = shards[0].shard.count
        for entry in shards where entry.shard.count != count {
            throw RunError.merge("\(entry.path) is shard \(entry.shard) but \(shards[0].path) is of \(count) shards")
        }
        for index in 1...count {
            let holders = shards.filter { $0.shard.index == index }
            if holders.isEmpty { throw RunError.merge("shard \(index)/\(count) is missing") }
            if holders.count > 1 {
                throw RunError.merge("shard \(index)/\(count) is given twice: \(holders.map(\.path))")
            }
        }
        guard shards.count == count else { throw RunError.merge("expected \(count) shard files, got \(shards.count)") }
        shards.sort { $0.shard.index < $1.shard.index }

        // Nights: every shard run under its night's id.
        var nights: [String: [(shard: Shard, run: RunRecord)]] = [:]
        var renames: [[String: String]] = Array(repeating: [:], count: shards.count)
        for (position, entry) in shards.enumerated() {
            for run in entry.runs {
                let suffix = entry.shard.runIDSuffix
                let night = run.id.hasSuffix(suffix) ? String(run.id.dropLast(suffix.count)) : run.id
                nights[night, default: []].append((entry.shard, run))
                renames[position][run.id] = night
            }
        }
        var merged: [RunRecord] = []
        for (night, parts) in nights.sorted(by: { $0.key < $1.key }) {
            let live = parts.filter { $0.run.status != .abandoned }
            if live.isEmpty {
                merged.append(combine(night: night, parts.map(\.run), status: .abandoned))
                continue
            }
            for entry in shards where !live.contains(where: { $0.shard == entry.shard }) {
                throw RunError.merge(
                    "night \(night) is missing from shard \(entry.shard) (\(entry.path)): run that shard for the night")
            }
            for part in live where part.run.status == .running {
                throw RunError.merge(
                    "shard \(part.shard)'s run \(part.run.id) did not finish: rerun that shard's command to finish it")
            }
            let statuses = Set(live.map(\.run.status))
            guard statuses.count == 1, let status = statuses.first else {
                throw RunError.merge("the shards of night \(night) ended differently: \(statuses.map(\.rawValue))")
            }
            guard Set(live.map(\.run.registrySHA256)).count == 1 else {
                throw RunError.merge("the shards of night \(night) were run with different registries")
            }
            merged.append(combine(night: night, live.map(\.run), status: status))
        }

        let lock = try NightlyRun.state { try StateLock(statePath: target) }
        // No review may write into the file being replaced: it waits for the merge, and the merge for a review that
        // is writing.
        let reviewsLock = try NightlyRun.state { try StateLock(reviewsOf: target, for: .merge) }
        defer { withExtendedLifetime((lock, reviewsLock)) {} }
        // Review decisions are made on the merged file, not on the shards: they are carried forward from the file
        // being replaced.
        var reviews: [ReviewRecord] = []
        if FileManager.default.fileExists(atPath: target) {
            reviews = try NightlyRun.state { try StateStore(path: target).allReviews() }
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        let store = try NightlyRun.state { try StateStore(path: target) }
        try NightlyRun.state { try store.insert(merged) }
        for (position, entry) in shards.enumerated() {
            try NightlyRun.state { try store.copyShard(at: entry.path, runs: renames[position]) }
        }
        let latest = merged.filter { $0.status != .abandoned }.max { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        if !reviews.isEmpty {
            try NightlyRun.state { try store.insert(reviews) }
            // Dismissals whose evidence grew since: as a single run's night would have reopened them.
            if let latest, latest.status == .completed {
                _ = try NightlyRun.state { try store.reopenDismissals(seenIn: latest.id) }
            }
        }
        var reported: Int?
        var failures: MergedFailures?
        if let outputFolder, let latest {
            do {
                try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
            } catch {
                throw RunError.output(path: outputFolder.path, message: (error as NSError).localizedDescription)
            }
            // The shards' failures of the night (bad records, failed and left-out images) beside its run.json.
            failures = try mergeFailures(
                shards.enumerated().compactMap { position, entry in
                    renames[position].first { $0.value == latest.id }.map {
                        ShardFailures(shard: entry.shard, statePath: entry.path, runID: $0.key)
                    }
                }, into: outputFolder)
            reported = try RunOutputs.write(runID: latest.id, store: store, to: outputFolder)
            try NightlyRun.state { try store.markOutputsWritten(runID: latest.id, at: latest.finishedAt ?? "") }
        }
        return Summary(
            nights: merged.map(\.id), latestNight: latest?.id, reportedFindings: reported, failures: failures)
    }

    /// One night's run made of its shards' runs: counts added up, the longest stage times, the first shard's inputs.
    private static func combine(night: String, _ runs: [RunRecord], status: RunRecord.Status) -> RunRecord {
        let first = runs[0]
        var counts: JSON?
        var timings: [String: JSON] = [:]
        for run in runs {
            if let text = run.counts, let value = JSON(parsing: text) {
                counts = counts.map { JSON.sum($0, value) } ?? value
            }
            if let text = run.timings, case .object(let stages)? = JSON(parsing: text) {
                timings.merge(stages) { a, b in
                    if case .double(let x) = a, case .double(let y) = b { .double(max(x, y)) } else { a }
                }
            }
        }
        var parameters = first.parameters
        if case .object(var object)? = JSON(parsing: first.parameters) {
            object["shard"] = nil
            object["merged_shards"] = .integer(runs.count)
            parameters = JSON.object(object).text
        }
        return RunRecord(
            id: night, startedAt: first.startedAt, finishedAt: runs.compactMap(\.finishedAt).max(),
            toolVersion: first.toolVersion, parameters: parameters, registrySHA256: first.registrySHA256,
            dumpSHA256: first.dumpSHA256, status: status, counts: counts?.text, inputs: first.inputs,
            warnings: first.warnings, timings: JSON.object(timings).text, resumeKey: nil, shard: nil,
            attempts: runs.map(\.attempts).max() ?? 1, outputsAt: nil)
    }
}
