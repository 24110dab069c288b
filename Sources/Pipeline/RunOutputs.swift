import Findings
import Foundation
import Imaging
import Store

/// The files a run writes, rebuilt from the state file alone: `findings.jsonl` and `run.json`.
///
/// Everything comes from the state file (the run's record, its failures, the findings it reports), so a resumed
/// run, a run whose outputs were interrupted, and a merge of shards all write the same files a single uninterrupted
/// run writes. Both are streamed and replaced atomically.
enum RunOutputs {
    /// Writes `findings.jsonl` (unless the run failed) and then `run.json`, and returns the number of findings.
    static func write(runID: String, store: StateStore, to folder: URL) throws(RunError) -> Int {
        let run: RunRecord
        do {
            guard let found = try store.run(id: runID) else {
                throw RunError.state("\(store.path): run \(runID) is not in the state file")
            }
            run = found
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError.state(String(describing: error))
        }
        var reported = 0
        if run.status == .completed {
            let reviews = try NightlyRun.state { try store.reviewStates() }
            try AtomicFile.write(to: folder.appendingPathComponent("findings.jsonl")) { append in
                try store.forEachFinding(reportedBy: runID) { finding in
                    try append(finding.finding(review: reviews[finding.findingID]).jsonLine + "\n")
                    reported += 1
                }
            }
        }
        try AtomicFile.write(to: folder.appendingPathComponent("run.json")) { append in
            try writeRunJSON(run, store: store, append: append)
        }
        return reported
    }

    /// `run.json`: an object with sorted keys; its lists of bad records and failed images (the first few of each
    /// reason) stream from the file.
    private static func writeRunJSON(
        _ run: RunRecord, store: StateStore, append: (String) throws -> Void
    ) throws {
        func stored(_ text: String?, or fallback: JSON) -> JSON { text.map(JSON.verbatim) ?? fallback }
        var members: [String: JSON] = [
            "run_id": .string(run.id), "tool_version": .string(run.toolVersion), "status": .string(run.status.rawValue),
            "libraries": .string(ImageDecoder.libraryVersions), "started_at": .string(run.startedAt),
            "parameters": .verbatim(run.parameters), "inputs": stored(run.inputs, or: [:]),
            "counts": stored(run.counts, or: [:]), "registry_warnings": stored(run.warnings, or: []),
            "timings_seconds": stored(run.timings, or: [:]), "attempts": .integer(run.attempts),
        ]
        if let shard = run.shard { members["shard"] = .string(shard) }
        // The lists below hold the first few of each reason; failures.jsonl has every one, and the counts say how many.
        members["failures_file"] = .string(FailureLog.fileName)
        members["failure_examples_per_reason"] = .integer(Tally.examplesPerReason)
        // Warnings about the field mapping ride in the counts; run.json shows them on their own.
        if let text = run.counts, case .object(var counts)? = JSON(parsing: text),
            let warnings = counts.removeValue(forKey: "mapping_warnings")
        {
            members["counts"] = .object(counts)
            members["mapping_warnings"] = warnings
        }
        let streamed: [String: FailureRecord.Kind] = [
            "bad_records": .dumpRecord, "failed_images": .image, "bundle_problems": .bundle,
        ]
        try append("{")
        for (index, key) in (Array(members.keys) + Array(streamed.keys)).sorted().enumerated() {
            try append((index > 0 ? "," : "") + JSON.string(key).text + ":")
            if let value = members[key] {
                try append(value.text)
                continue
            }
            guard let kind = streamed[key] else { continue }
            try append("[")
            var first = true
            try store.forEachFailure(runID: run.id, kind: kind) { failure in
                let item: JSON =
                    switch kind {
                    case .dumpRecord: ["line": .integer(failure.line ?? 0), "reason": .string(failure.message)]
                    case .image:
                        [
                            "listing": .string(failure.listing ?? ""), "reference": .string(failure.reference ?? ""),
                            "reason": .string(failure.category), "message": .string(failure.message),
                        ]
                    case .bundle:
                        ["listing": .string(failure.listing ?? ""), "message": .string(failure.message)]
                    }
                try append((first ? "" : ",") + item.text)
                first = false
            }
            try append("]")
        }
        try append("}\n")
    }
}
