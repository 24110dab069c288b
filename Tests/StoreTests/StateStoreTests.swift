import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

@Suite struct StateStoreTests {
    static func run(_ id: String, key: String = "k", startedAt: String = "2026-11-29T01:00:00Z") -> RunRecord {
        RunRecord(
            id: id, startedAt: startedAt, toolVersion: "0.1.0", parameters: "{}", registrySHA256: "aa",
            dumpSHA256: "bb", resumeKey: key)
    }

    static func fingerprint(_ sha: String, pdq: String = String(repeating: "0", count: 64)) -> FingerprintRecord {
        FingerprintRecord(
            sha256: sha, format: "jpeg", width: 10, height: 20, path: "fast", pdq: pdq, quality: 90,
            dhash: "0000000000000000", dihedral: "{}", version: 1)
    }

    static func sighting(
        _ id: String, seller: String? = "s", raw: String = "{}", images: [String] = ["abc"]
    )
        -> ListingSighting
    {
        ListingSighting(
            marketplace: "m", listingID: id, sellerID: seller, raw: raw, contentSHA256: raw + images.joined(),
            images: images.enumerated().map { ("\($0.offset).jpg", $0.element) })
    }

    static func staged(
        _ id: String, listing: String, score: Double, run: String, seller: String? = "s"
    )
        -> StagedFinding
    {
        StagedFinding(
            runID: run, findingID: id, marketplace: "m", listingID: listing, sellerID: seller, url: nil, brand: "Acme",
            right: "tm-1", score: score, severity: .serious, signals: [])
    }

    /// Runs one night: `listings` seen with `findings` staged, then completed.
    static func night(
        _ store: StateStore, _ id: String, day: Int, listings: [ListingSighting], findings: [StagedFinding]
    ) throws -> [FindingRecord.Status: Int] {
        let stamp = "2026-11-\(day)T01:00:00Z"
        guard case .fresh = try store.start(run(id, key: id, startedAt: stamp)) else {
            Issue.record("night \(id) did not start fresh")
            return [:]
        }
        var batch = StateStore.Batch()
        batch.fingerprints = [fingerprint("abc"), fingerprint("def", pdq: "f" + String(repeating: "0", count: 63))]
        batch.sightings = listings
        batch.findings = findings
        try store.write(batch, runID: id)
        return try store.complete(runID: id, seenAt: stamp, finishedAt: stamp, timings: "{}") { _ in "{}" }
    }

    @Test func aBatchIsWrittenAndReadBackAcrossReopening() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("out/state.sqlite").path
        do {
            let store = try StateStore(path: path)
            _ = try store.start(Self.run("r1"))
            var batch = StateStore.Batch()
            batch.fingerprints = [Self.fingerprint("abc")]
            batch.sightings = [Self.sighting("1")]
            batch.findings = [
                Self.staged("f-b", listing: "1", score: 0.5, run: "r1"),
                Self.staged("f-a", listing: "1", score: 0.9, run: "r1"),
            ]
            batch.failures = [
                FailureRecord(runID: "r1", kind: .dumpRecord, line: 7, category: "bad-record", message: "x")
            ]
            try store.write(batch, runID: "r1")
            try store.complete(runID: "r1", seenAt: "t", finishedAt: "t", timings: "{}") { _ in "{\"listings\":1}" }
        }
        let reopened = try StateStore(path: path)
        #expect(try reopened.fingerprint(sha256: "abc")?.quality == 90)
        #expect(try reopened.fingerprint(sha256: "nope") == nil)
        #expect(try reopened.findings(reportedBy: "r1").map(\.findingID) == ["f-a", "f-b"])
        #expect(try reopened.findings(reportedBy: "r1").map(\.status) == [.new, .new])
        #expect(try reopened.failures(runID: "r1").map(\.line) == [7])
        let run = try #require(try reopened.run(id: "r1"))
        #expect(run.status == .completed && run.counts == "{\"listings\":1}")
        #expect(try reopened.listingCount() == 1)
    }

    @Test func findingsMoveThroughNewOngoingResolvedAndRelisted() throws {
        let folder = try TemporaryFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
        let a = Self.sighting("A")
        let b = Self.sighting("B", images: ["def"])
        let first = try Self.night(
            store, "r1", day: 1, listings: [a, b],
            findings: [
                Self.staged("f-a", listing: "A", score: 0.9, run: "r1"),
                Self.staged("f-b", listing: "B", score: 0.8, run: "r1"),
            ])
        #expect(first == [.new: 2])
        // Night 2: A is gone; B stays but no longer carries evidence.
        let second = try Self.night(store, "r2", day: 2, listings: [b], findings: [])
        #expect(second == [.resolved: 2])
        #expect(try store.finding(id: "f-a")?.resolution == "listing-gone")
        #expect(try store.finding(id: "f-b")?.resolution == "evidence-gone")
        #expect(try store.findings(reportedBy: "r2").count == 2)
        // Night 3: A comes back.
        let third = try Self.night(
            store, "r3", day: 3, listings: [a], findings: [Self.staged("f-a", listing: "A", score: 0.9, run: "r3")])
        #expect(third == [.relisted: 1])
        let relisted = try #require(try store.finding(id: "f-a"))
        #expect(relisted.resolvedRun == nil && relisted.firstRun == "r1" && relisted.lastRun == "r3")
        #expect(try store.findings(reportedBy: "r3").map(\.findingID) == ["f-a"])
        let fourth = try Self.night(
            store, "r4", day: 4, listings: [a], findings: [Self.staged("f-a", listing: "A", score: 0.9, run: "r4")])
        #expect(fourth == [.ongoing: 1])
        #expect(try store.nights(ofFinding: "f-a").map(\.status) == [.new, .resolved, .relisted, .ongoing])
        #expect(try store.nights(ofFinding: "f-a").map(\.runID) == ["r1", "r2", "r3", "r4"])
    }

    @Test func aNewListingOfTheSameSellerShowingAResolvedFindingsImageIsRelisted() throws {
        let folder = try TemporaryFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
        _ = try Self.night(
            store, "r1", day: 1, listings: [Self.sighting("A")],
            findings: [Self.staged("f-a", listing: "A", score: 0.9, run: "r1")])
        // Taken down and relisted the same night under a new id; another seller's copy is merely new.
        let second = try Self.night(
            store, "r2", day: 2, listings: [Self.sighting("A2"), Self.sighting("X", seller: "other")],
            findings: [
                Self.staged("f-a2", listing: "A2", score: 0.9, run: "r2"),
                Self.staged("f-x", listing: "X", score: 0.9, run: "r2", seller: "other"),
            ])
        #expect(second == [.resolved: 1, .relisted: 1, .new: 1])
        #expect(try store.finding(id: "f-a2")?.relistedFrom == "f-a")
        #expect(try store.finding(id: "f-x")?.status == .new)
    }

    @Test func aListingThatChangesGetsANewVersionAndAnUnchangedOneDoesNot() throws {
        let folder = try TemporaryFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
        _ = try Self.night(
            store, "r1", day: 1, listings: [Self.sighting("A", raw: "{\"title\":\"one\"}")], findings: [])
        _ = try Self.night(
            store, "r2", day: 2, listings: [Self.sighting("A", raw: "{\"title\":\"one\"}")], findings: [])
        _ = try Self.night(
            store, "r3", day: 3, listings: [Self.sighting("A", raw: "{\"title\":\"two\"}")], findings: [])
        let versions = try store.versions(marketplace: "m", listingID: "A")
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.map(\.raw) == ["{\"title\":\"one\"}", "{\"title\":\"two\"}"])
        #expect(versions.map(\.lastRun) == ["r2", "r3"])
        #expect(try store.listing(marketplace: "m", listingID: "A")?.version == 2)
    }

    @Test func anInterruptedRunIsResumedAndOneWithOtherInputsIsAbandoned() throws {
        let folder = try TemporaryFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
        _ = try store.start(Self.run("r1", key: "tonight"))
        var batch = StateStore.Batch()
        batch.findings = [Self.staged("f-1", listing: "1", score: 0.5, run: "r1")]
        batch.failures = [FailureRecord(runID: "r1", kind: .dumpRecord, line: 3, category: "bad-record", message: "x")]
        try store.write(batch, runID: "r1")
        // The same command again, at a later clock: the same run, failures about to be recorded anew.
        let again = try store.start(Self.run("r9", key: "tonight", startedAt: "2026-11-29T05:00:00Z"))
        guard case .resumed(let resumed) = again else {
            Issue.record("expected a resumed run, got \(again)")
            return
        }
        #expect(resumed.id == "r1" && resumed.attempts == 2 && resumed.startedAt == "2026-11-29T01:00:00Z")
        #expect(try store.failures(runID: "r1").isEmpty)
        // Another night's inputs supersede it.
        guard case .fresh = try store.start(Self.run("r2", key: "tomorrow")) else {
            Issue.record("expected a fresh run")
            return
        }
        #expect(try store.run(id: "r1")?.status == .abandoned)
        try store.complete(runID: "r2", seenAt: "t", finishedAt: "t", timings: "{}") { _ in "{}" }
        #expect(try store.findings(reportedBy: "r2").isEmpty)
        // A completed run whose outputs were not marked written is handed back for its outputs only.
        guard case .completed(let done) = try store.start(Self.run("r3", key: "tomorrow")) else {
            Issue.record("expected the completed run")
            return
        }
        #expect(done.id == "r2")
        try store.markOutputsWritten(runID: "r2", at: "t")
        guard case .fresh = try store.start(Self.run("r3", key: "tomorrow")) else {
            Issue.record("a completed run with its outputs is a past night: expected a fresh run")
            return
        }
    }

    @Test func aSecondHolderOfTheLockIsRefusedUntilTheFirstLetsGo() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("state.sqlite").path
        var first: StateLock? = try StateLock(statePath: path)
        let error = #expect(throws: StoreError.self) { _ = try StateLock(statePath: path) }
        #expect(error?.message.contains("another proofmark process") == true)
        withExtendedLifetime(first) {}
        first = nil
        _ = try StateLock(statePath: path)
    }

    @Test func aVersion1StateFileIsMigratedWithItsFindings() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("state.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try StateStore.migrator.migrate(queue, upTo: "v1: runs, listings, images, findings, failures")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO runs VALUES ('r1', '2026-11-28T01:00:00Z', '2026-11-28T01:10:00Z', '0.1.0', '{}',
                            'aa', 'bb', 'completed', '{}');
                        INSERT INTO listings VALUES ('m', '1', 's', 'r1', 'r1', '{"title":"x"}');
                        INSERT INTO listing_images VALUES ('r1', 'm', '1', 0, 'a.jpg', 'abc', NULL, NULL);
                        INSERT INTO findings VALUES ('f-1', 'm', '1', 'Acme', 0.9, 'serious', 'new', 'r1', 'r1',
                            '{"finding_id":"f-1","rights":["tm-1"],"seller_id":"s","signals":[{"floor":40,"kind":"price","price":12.5}],"status":"new"}');
                        INSERT INTO failures (run_id, kind, line, subject, category, message)
                            VALUES ('r1', 'image', 4, 'm/1 b.jpg', 'truncated', 'cut');
                        """)
            }
        }
        let store = try StateStore(path: path)
        let finding = try #require(try store.finding(id: "f-1"))
        #expect(
            finding.right == "tm-1" && finding.sellerID == "s"
                && finding.signals == [.price(.init(price: 12.5, floor: 40))])
        #expect(finding.firstSeen == "2026-11-28T01:00:00Z")
        #expect(try store.failures(runID: "r1").map(\.reference) == ["b.jpg"])
        #expect(try store.versions(marketplace: "m", listingID: "1").count == 1)
        #expect(try store.run(id: "r1")?.outputsAt == "2026-11-28T01:10:00Z")
    }

    @Test func anUnopenableStateFileIsAnErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("this is not a database", to: "state.sqlite")
        let error = #expect(throws: StoreError.self) { _ = try StateStore(path: file.path) }
        #expect(error?.path == file.path)
    }
}
