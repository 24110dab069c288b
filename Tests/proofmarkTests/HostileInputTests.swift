import Foundation
import TestSupport
import Testing

/// Nonsense options and special files: each ends at once with a message naming what is wrong, never a trap, a
/// hang, an NSError dump, or a silently new state.
@Suite struct HostileInputTests {
    enum Case: String, CaseIterable {
        case jobsHuge, jobsNegative, fetchConcurrencyHuge, fetchTimeoutInfinite, fetchTimeoutHuge, fetchTimeoutNaN
        case dumpFIFO, dumpDevZero, dumpDirectory, registryFIFO, outEmpty, emptyState, badNetwork
    }

    @Test(arguments: Case.allCases)
    func endsWithAMessageNamingTheProblem(hostile: Case) async throws {
        let fixture = try NightFixture()
        let root = fixture.folder.url
        let out = root.appendingPathComponent("out")
        var options = ["--registry": fixture.registry.path, "--dump": fixture.dump.path, "--out": out.path]
        var extra: [String] = []
        let expected: String
        switch hostile {
        case .jobsHuge:
            extra = ["--jobs", "9223372036854775807"]
            expected = "--jobs must be between"
        case .jobsNegative:
            extra = ["--jobs", "-1"]
            expected = "--jobs must be between"
        case .fetchConcurrencyHuge:
            extra = ["--fetch-concurrency", "9223372036854775807"]
            expected = "--fetch-concurrency must be between"
        case .fetchTimeoutInfinite:
            extra = ["--fetch-timeout", "inf"]
            expected = "--fetch-timeout must be between"
        case .fetchTimeoutHuge:
            extra = ["--fetch-timeout", "1e20"]
            expected = "--fetch-timeout must be between"
        case .fetchTimeoutNaN:
            extra = ["--fetch-timeout", "nan"]
            expected = "--fetch-timeout must be between"
        case .dumpFIFO, .registryFIFO:
            let fifo = root.appendingPathComponent("fifo")
            #expect(mkfifo(fifo.path, 0o600) == 0)
            options[hostile == .dumpFIFO ? "--dump" : "--registry"] = fifo.path
            expected = "is not a regular file"
        case .dumpDevZero:
            let link = root.appendingPathComponent("zero.jsonl")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/zero")
            options["--dump"] = link.path
            expected = "is not a regular file"
        case .dumpDirectory:
            options["--dump"] = root.path
            expected = "is a directory"
        case .outEmpty:
            options["--out"] = ""
            expected = "--out is empty"
        case .emptyState:
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try Data().write(to: out.appendingPathComponent("state.sqlite"))
            expected = "is empty (0 bytes)"
        case .badNetwork:
            extra = ["--allow-network", "10.0.0.0/99"]
            expected = "--allow-network 10.0.0.0/99"
        }
        let arguments = ["run"] + options.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] } + extra
        let outcome = try await CommandRunner.proofmark(arguments)
        #expect(outcome.status == 1 || outcome.status == 64, "\(hostile): status \(outcome.status)")
        #expect(outcome.standardError.contains(expected), "\(hostile): \(outcome.standardError)")
        #expect(!outcome.standardError.contains("NSCocoaErrorDomain") && !outcome.standardError.contains("Fatal"))
        if hostile == .emptyState {
            let size =
                try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("state.sqlite").path)[
                    .size] as? Int
            #expect(size == 0)  // left as it was, for someone to restore
        }
    }
}
