import FaultInjection
import Foundation
import Store
import TestSupport
import Testing

/// A run stopped dead at named points of its work (`PROOFMARK_FAULT`, which kills the process there as `kill -9`
/// would), each followed by a rerun of the same command: the outputs and the state must be exactly those of an
/// uninterrupted run.
@Suite struct CrashRecoveryTests {
    /// The sample night four times over under other listing ids: enough batches (of 8) to be killed in the middle.
    static func bigDump(_ fixture: NightFixture) throws -> URL {
        var lines: [String] = []
        for copy in 0..<4 {
            for line in try fixture.sampleLines() {
                lines.append(
                    NightFixture.listingID(of: line) == nil
                        ? line : NightFixture.editing(line) { $0["listing_id"] = "\($0["listing_id"] ?? "")-c\(copy)" })
            }
        }
        return try fixture.writeDump("big.jsonl", lines: lines)
    }

    static func arguments(_ fixture: NightFixture, dump: URL, out: URL) -> [String] {
        [
            "run", "--registry", fixture.registry.path, "--dump", dump.path, "--out", out.path, "--jobs", "2",
            "--batch-size", "8", "--now", "2026-11-29T02:00:00Z",
        ]
    }

    /// run.json without what differs between any two runs: wall times and the number of attempts.
    static func runRecord(_ out: URL) throws -> NSDictionary {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                as? [String: Any])
        object["timings_seconds"] = nil
        object["attempts"] = nil
        return object as NSDictionary
    }

    /// Row counts that a duplicate write would inflate.
    static func stateCounts(_ out: URL, runID: String) throws -> [Int] {
        let store = try StateStore(path: out.appendingPathComponent("state.sqlite").path)
        return [
            try store.findings(reportedBy: runID).count, try store.failures(runID: runID).count,
            try store.listingCount(),
        ]
    }

    /// Every file under `bundles/` (the bags, and no half-built folder left beside them), by relative path.
    static func bundleFiles(_ out: URL) throws -> [String: Data] {
        let bundles = out.appendingPathComponent("bundles")
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: bundles, includingPropertiesForKeys: nil))
        for case let file as URL in enumerator where !file.hasDirectoryPath {
            let path = String(file.path.dropFirst(bundles.path.count))
            files[path] = try Data(contentsOf: file)
        }
        return files
    }

    /// Where the trials stop, as `PROOFMARK_FAULT` names them (see `Checkpoint`): each trial is one or more runs
    /// stopped in turn (the second stops the rerun of the first), then a rerun that must finish as if nothing had
    /// happened. Every kind of work a run does is cut somewhere: state batches, the transaction that completes the
    /// night, bags before and after their rename and before their keys are recorded, the report and output files
    /// before their rename, and the outputs before the state records them.
    static let trials: [[String]] = [
        ["batch-written:1"], ["batch-written:3"], ["completing"], ["bag-before-rename:1"], ["bag-written:2"],
        ["bags-recorded"], ["output-before-rename:2"], ["outputs-written"], ["batch-written:2", "bag-before-rename:2"],
    ]

    /// Each trial stops the run at a named checkpoint, a deterministic point of its work (not a timer, whose point
    /// would move with the machine's load), then reruns it.
    @Test func aRunStoppedAtEveryCheckpointIsFinishedByARerunAsIfUninterrupted() async throws {
        let fixture = try NightFixture()
        let dump = try Self.bigDump(fixture)
        let reference = fixture.folder.url.appendingPathComponent("reference")
        let whole = try await CommandRunner.proofmark(Self.arguments(fixture, dump: dump, out: reference))
        try #require(whole.status == 0 && whole.signal == nil, "\(whole.standardError)")
        let findings = try Data(contentsOf: reference.appendingPathComponent("findings.jsonl"))
        let record = try Self.runRecord(reference)
        let runID = try #require(record["run_id"] as? String)
        let counts = try Self.stateCounts(reference, runID: runID)
        let bags = try Self.bundleFiles(reference)
        #expect(bags.count > 10)

        for (number, faults) in Self.trials.enumerated() {
            let trial = faults.joined(separator: " then ")
            let out = fixture.folder.url.appendingPathComponent("trial-\(number)")
            for fault in faults {
                let stopped = try await CommandRunner.proofmark(
                    Self.arguments(fixture, dump: dump, out: out),
                    environment: [Checkpoint.environmentVariable: fault])
                #expect(
                    stopped.signal == SIGKILL && stopped.standardError.contains("stopped at \(fault)"),
                    "\(trial): the run was not stopped at \(fault): \(stopped.status) \(stopped.standardError)")
            }
            let rerun = try await CommandRunner.proofmark(Self.arguments(fixture, dump: dump, out: out))
            #expect(rerun.status == 0 && rerun.signal == nil, "\(trial): \(rerun.standardError)")
            #expect(
                try Data(contentsOf: out.appendingPathComponent("findings.jsonl")) == findings,
                "\(trial): findings differ")
            #expect(try Self.runRecord(out) == record, "\(trial): run.json differs")
            #expect(try Self.stateCounts(out, runID: runID) == counts, "\(trial): state rows differ")
            #expect(try Self.bundleFiles(out) == bags, "\(trial): bags differ")
        }
    }

    @Test func rerunningACompletedRunRewritesTheSameOutputs() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        let first = try await CommandRunner.proofmark(Self.arguments(fixture, dump: fixture.dump, out: out))
        try #require(first.status == 0, "\(first.standardError)")
        let findings = try Data(contentsOf: out.appendingPathComponent("findings.jsonl"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("findings.jsonl"))
        let again = try await CommandRunner.proofmark(Self.arguments(fixture, dump: fixture.dump, out: out))
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.contains("already complete"))
        #expect(try Data(contentsOf: out.appendingPathComponent("findings.jsonl")) == findings)
    }
}
