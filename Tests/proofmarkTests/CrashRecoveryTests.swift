import Foundation
import Store
import TestSupport
import Testing

/// `kill -9` at random points of a run, each followed by a rerun of the same command: the outputs and the state
/// must be exactly those of an uninterrupted run.
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

    @Test func aRunKilledAtTenRandomPointsIsFinishedByARerunAsIfUninterrupted() async throws {
        let fixture = try NightFixture()
        let dump = try Self.bigDump(fixture)
        let reference = fixture.folder.url.appendingPathComponent("reference")
        let started = Date()
        let whole = try await CommandRunner.proofmark(Self.arguments(fixture, dump: dump, out: reference))
        let duration = Date().timeIntervalSince(started)
        try #require(whole.status == 0, "\(whole.standardError)")
        let findings = try Data(contentsOf: reference.appendingPathComponent("findings.jsonl"))
        let record = try Self.runRecord(reference)
        let runID = try #require(record["run_id"] as? String)
        let counts = try Self.stateCounts(reference, runID: runID)

        var random = SplitMix64(seed: 20_261_129)
        var killedMidRun = 0
        // How long a whole run takes now. Under the full test suite the reference run shares two cores with every
        // other suite, and the trials often run when most of those have finished, several times faster: kill points
        // scaled to the reference alone then land after most trials have ended. A trial that ends before its kill
        // point has timed a whole run under today's load, and corrects the estimate.
        var wholeRun = duration
        for trial in 0..<10 {
            let out = fixture.folder.url.appendingPathComponent("trial-\(trial)")
            // Spread over a whole run's first 80%: a trial may run faster than the estimate.
            let delay = wholeRun * (0.02 + 0.78 * random.nextUnit())
            let process = Process()
            process.executableURL = try CommandRunner.proofmarkURL()
            process.arguments = Self.arguments(fixture, dump: dump, out: out)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let launched = Date()
            try process.run()
            let killAt = launched.addingTimeInterval(delay)
            while process.isRunning, Date() < killAt { try await Task.sleep(for: .milliseconds(10)) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            } else {
                wholeRun = min(wholeRun, Date().timeIntervalSince(launched))
            }
            try await CommandRunner.onOwnThread { process.waitUntilExit() }
            if process.terminationReason == .uncaughtSignal { killedMidRun += 1 }

            let rerun = try await CommandRunner.proofmark(Self.arguments(fixture, dump: dump, out: out))
            #expect(rerun.status == 0, "trial \(trial) (killed after \(delay) s): \(rerun.standardError)")
            #expect(
                try Data(contentsOf: out.appendingPathComponent("findings.jsonl")) == findings,
                "trial \(trial): findings differ after a kill at \(delay) s")
            #expect(try Self.runRecord(out) == record, "trial \(trial): run.json differs after a kill at \(delay) s")
            #expect(try Self.stateCounts(out, runID: runID) == counts, "trial \(trial): state rows differ")
        }
        // Most kills must land while the run is working, or this test proves little.
        #expect(killedMidRun >= 5, "only \(killedMidRun) of 10 runs were killed before they finished")
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

/// A small seeded generator (SplitMix64, Steele et al. 2014), so the kill points are the same on every run.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
