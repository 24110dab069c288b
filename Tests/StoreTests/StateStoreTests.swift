import Foundation
import Store
import TestSupport
import Testing

@Suite struct StateStoreTests {
    static func run(_ id: String) -> RunRecord {
        RunRecord(
            id: id, startedAt: "2026-11-29T01:00:00Z", toolVersion: "0.1.0", parameters: "{}",
            registrySHA256: "aa", dumpSHA256: "bb")
    }

    static func fingerprint(_ sha: String) -> FingerprintRecord {
        FingerprintRecord(
            sha256: sha, format: "jpeg", width: 10, height: 20, path: "fast", pdq: String(repeating: "0", count: 64),
            quality: 90, dhash: "0000000000000000", dihedral: "{}")
    }

    static func finding(_ id: String, score: Double, run: String) -> FindingRecord {
        FindingRecord(
            findingID: id, marketplace: "m", listingID: id, brand: "Acme", score: score, severity: "serious",
            status: "new", firstRun: run, lastRun: run, json: "{\"finding_id\":\"\(id)\"}")
    }

    @Test func aBatchIsWrittenAndReadBackAcrossReopening() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("out/state.sqlite").path
        do {
            let store = try StateStore(path: path)
            try store.begin(Self.run("r1"))
            var batch = StateStore.Batch()
            batch.fingerprints = [Self.fingerprint("abc")]
            batch.listings = [
                ListingRecord(marketplace: "m", listingID: "1", sellerID: "s", firstRun: "r1", lastRun: "r1", raw: "{}")
            ]
            batch.listingImages = [
                ListingImageRecord(
                    runID: "r1", marketplace: "m", listingID: "1", position: 0, reference: "a.jpg", sha256: "abc"),
                ListingImageRecord(
                    runID: "r1", marketplace: "m", listingID: "1", position: 1, reference: "b.jpg", sha256: nil,
                    failureCategory: "truncated", failureMessage: "damaged JPEG"),
            ]
            batch.findings = [Self.finding("f-b", score: 0.5, run: "r1"), Self.finding("f-a", score: 0.9, run: "r1")]
            batch.failures = [
                FailureRecord(
                    runID: "r1", kind: "dump-line", line: 7, subject: "line 7", category: "not-json", message: "x")
            ]
            try store.write(batch)
            try store.finish(runID: "r1", at: "2026-11-29T01:05:00Z", status: .completed, counts: "{\"listings\":1}")
        }
        let reopened = try StateStore(path: path)
        #expect(try reopened.fingerprint(sha256: "abc")?.quality == 90)
        #expect(try reopened.fingerprint(sha256: "nope") == nil)
        #expect(try reopened.findings(lastSeenIn: "r1").map(\.findingID) == ["f-a", "f-b"])
        #expect(try reopened.failures(runID: "r1").map(\.line) == [7])
        let run = try #require(try reopened.run(id: "r1"))
        #expect(run.status == .completed && run.counts == "{\"listings\":1}")
        #expect(try reopened.listingCount() == 1)
    }

    @Test func rewritingTheSameKeysLeavesNoDuplicatesAndKeepsFirstSeen() throws {
        let folder = try TemporaryFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
        try store.begin(Self.run("r1"))
        try store.begin(Self.run("r1"))  // a resumed run begins again
        try store.begin(Self.run("r2"))
        var first = StateStore.Batch()
        first.fingerprints = [Self.fingerprint("abc")]
        first.listings = [
            ListingRecord(marketplace: "m", listingID: "1", sellerID: "s", firstRun: "r1", lastRun: "r1", raw: "old")
        ]
        first.findings = [Self.finding("f-1", score: 0.5, run: "r1")]
        try store.write(first)
        try store.write(first)
        var second = StateStore.Batch()
        second.fingerprints = [Self.fingerprint("abc")]
        second.listings = [
            ListingRecord(marketplace: "m", listingID: "1", sellerID: "s2", firstRun: "r2", lastRun: "r2", raw: "new")
        ]
        var moved = Self.finding("f-1", score: 0.7, run: "r2")
        moved.firstRun = "r1"
        second.findings = [moved]
        try store.write(second)
        #expect(try store.listingCount() == 1)
        let listing = try #require(try store.listing(marketplace: "m", listingID: "1"))
        #expect(listing.firstRun == "r1" && listing.lastRun == "r2" && listing.raw == "new" && listing.sellerID == "s2")
        #expect(try store.findings(lastSeenIn: "r1").isEmpty)
        #expect(try store.findings(lastSeenIn: "r2").map(\.score) == [0.7])
    }

    @Test func anUnopenableStateFileIsAnErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("this is not a database", to: "state.sqlite")
        let error = #expect(throws: StoreError.self) { _ = try StateStore(path: file.path) }
        #expect(error?.path == file.path)
    }
}
