import Findings
import Foundation
import Store
import TestSupport
import Testing

/// Review decisions through the real `proofmark run`, night after night, and through sharded nights' merges.
@Suite struct ReviewCommandTests {
    static func run(_ fixture: NightFixture, dump: URL, out: URL, now: String, shard: String? = nil) async throws {
        var arguments = [
            "run", "--registry", fixture.registry.path, "--dump", dump.path, "--out", out.path, "--jobs", "2",
            "--now", now,
        ]
        if let shard { arguments += ["--shard", shard] }
        let outcome = try await CommandRunner.proofmark(arguments)
        #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
    }

    static func findings(_ out: URL) throws -> [String: [String: Any]] {
        let text = try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
        var byID: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            byID[try #require(object["finding_id"] as? String)] = object
        }
        return byID
    }

    static func review(_ arguments: [String]) async throws {
        let outcome = try await CommandRunner.proofmark(["review"] + arguments)
        #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
    }

    /// Amazon listing 10006 has the ACME mark in its title and no copied image: dismissed on night 1, it stays
    /// dismissed on night 2 (same evidence); on night 3 its listing shows the Acme logo, and it comes back as new
    /// with the dismissal shown. A confirmed finding stays confirmed throughout, and is the one exported.
    @Test func aDismissalHoldsUntilTheEvidenceGrowsNightAfterNight() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        let state = out.appendingPathComponent("state.sqlite").path
        try await Self.run(fixture, dump: fixture.dump, out: out, now: "2026-11-28T02:00:00Z")
        let first = try Self.findings(out)
        let dismissed = try #require(
            first.first {
                $0.value["listing_id"] as? String == "10006" && $0.value["rights"] as? [String] == ["tm-us-5123456"]
            }?
            .key)
        let confirmed = try #require(first.first { $0.value["listing_id"] as? String == "10001" }?.key)
        try await Self.review([
            "--state", state, dismissed, "--dismiss", "--reason", "parody shop", "--reviewer", "ana", "--now",
            "2026-11-28T09:00:00Z",
        ])
        try await Self.review([
            "--state", state, confirmed, "--confirm", "--reviewer", "bo", "--now", "2026-11-28T09:05:00Z",
        ])

        try await Self.run(fixture, dump: fixture.dump, out: out, now: "2026-11-29T02:00:00Z")
        let second = try Self.findings(out)
        let held = try #require(second[dismissed])
        #expect(held["status"] as? String == "ongoing")
        let review = try #require(held["review"] as? [String: Any])
        #expect(review["decision"] as? String == "dismissed" && review["reviewer"] as? String == "ana")
        #expect(
            review["reason"] as? String == "parody shop" && review["decided_at"] as? String == "2026-11-28T09:00:00Z")
        #expect((second[confirmed]?["review"] as? [String: Any])?["decision"] as? String == "confirmed")

        // Night 3: the listing now shows the Acme logo as well.
        let lines = try fixture.sampleLines().map { line in
            NightFixture.listingID(of: line) == "10006"
                ? NightFixture.editing(line) {
                    $0["images"] = ($0["images"] as? [String] ?? []) + ["images/acme-logo-none.jpg"]
                }
                : line
        }
        let third = try fixture.writeDump("night3.jsonl", lines: lines)
        try await Self.run(fixture, dump: third, out: out, now: "2026-11-30T02:00:00Z")
        let after = try Self.findings(out)
        let back = try #require(after[dismissed])
        #expect(back["status"] as? String == "new")
        #expect(back["review"] == nil)
        let previous = try #require(back["previous_review"] as? [String: Any])
        #expect(previous["decision"] as? String == "dismissed" && previous["reason"] as? String == "parody shop")
        #expect((previous["reopened_because"] as? String)?.contains("image acme-logo") == true)
        #expect((after[confirmed]?["review"] as? [String: Any])?["decision"] as? String == "confirmed")

        // Only the confirmed finding is exported; the reopened one waits for a person.
        let export = try await CommandRunner.proofmark([
            "export", "--state", state, "--channel", "amazon", "--now", "2026-11-30T09:00:00Z",
        ])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(
            export.standardError.contains("\(dismissed): unreviewed: reopened by new evidence after it was dismissed"))
        let notices = try String(
            contentsOf: out.appendingPathComponent("exports/amazon/notices.csv"), encoding: .utf8)
        let rows = try RFC4180Reader.table(notices)
        #expect(rows.map { $0["finding_ids"] ?? "" } == [confirmed])
    }

    @Test func decisionsOnAMergedStateSurviveTheNextNightsMerge() async throws {
        let fixture = try NightFixture()
        let root = fixture.folder.url
        let merged = root.appendingPathComponent("merged.sqlite").path
        func night(_ now: String, dump: URL) async throws {
            for k in 1...2 {
                try await Self.run(
                    fixture, dump: dump, out: root.appendingPathComponent("shard-\(k)"), now: now, shard: "\(k)/2")
            }
            let merge = try await CommandRunner.proofmark(
                ["merge", "--into", merged, "--out", root.appendingPathComponent("out").path]
                    + (1...2).map { root.appendingPathComponent("shard-\($0)/state.sqlite").path })
            #expect(merge.status == 0, "\(merge.standardError)")
        }
        try await night("2026-11-28T02:00:00Z", dump: fixture.dump)
        let first = try Self.findings(root.appendingPathComponent("out"))
        // The word-mark finding of 10006 (its cropped photo is a finding of its own, under the photos' copyright);
        // night 3 adds the logo, registered under the same trademark.
        let dismissed = try #require(
            first.first {
                $0.value["listing_id"] as? String == "10006"
                    && ($0.value["rights"] as? [String]) == ["tm-us-5123456"]
            }?.key)
        try await Self.review([
            "--state", merged, dismissed, "--dismiss", "--reviewer", "ana", "--now", "2026-11-28T09:00:00Z",
        ])
        try await Self.review(["--state", merged, "--confirm", "--brand", "Zolta", "--reviewer", "bo"])

        try await night("2026-11-29T02:00:00Z", dump: fixture.dump)
        let second = try Self.findings(root.appendingPathComponent("out"))
        #expect((second[dismissed]?["review"] as? [String: Any])?["decision"] as? String == "dismissed")
        #expect(second[dismissed]?["status"] as? String == "ongoing")
        let zolta = second.values.filter { $0["brand"] as? String == "Zolta" && $0["status"] as? String != "resolved" }
        #expect(!zolta.isEmpty)
        #expect(zolta.allSatisfy { ($0["review"] as? [String: Any])?["decision"] as? String == "confirmed" })

        // Night 3 adds the logo to the dismissed listing: the merge reopens it as a single run would.
        let lines = try fixture.sampleLines().map { line in
            NightFixture.listingID(of: line) == "10006"
                ? NightFixture.editing(line) {
                    $0["images"] = ($0["images"] as? [String] ?? []) + ["images/acme-logo-none.jpg"]
                }
                : line
        }
        try await night("2026-11-30T02:00:00Z", dump: try fixture.writeDump("night3.jsonl", lines: lines))
        let third = try Self.findings(root.appendingPathComponent("out"))
        #expect(third[dismissed]?["status"] as? String == "new")
        #expect((third[dismissed]?["previous_review"] as? [String: Any])?["decision"] as? String == "dismissed")
    }

    /// A merge replacing the state file waits for a review that is writing its decisions, then carries them into
    /// the merged file: a decision recorded during a merge is never lost with the file the merge replaces. The test
    /// holds the review lock as `proofmark review` does, sees the merge blocked on it in `/proc/locks` (no timer),
    /// writes the decision, and lets go.
    @Test func aMergeWaitsForAReviewBeingWrittenAndCarriesIt() async throws {
        let fixture = try NightFixture()
        let root = fixture.folder.url
        let merged = root.appendingPathComponent("merged.sqlite").path
        let out = root.appendingPathComponent("out")
        func shards(_ now: String) async throws {
            for k in 1...2 {
                try await Self.run(
                    fixture, dump: fixture.dump, out: root.appendingPathComponent("shard-\(k)"), now: now,
                    shard: "\(k)/2")
            }
        }
        func merge() async throws -> CommandRunner.Outcome {
            try await CommandRunner.proofmark(
                ["merge", "--into", merged, "--out", out.path]
                    + (1...2).map { root.appendingPathComponent("shard-\($0)/state.sqlite").path })
        }
        try await shards("2026-11-28T02:00:00Z")
        let first = try await merge()
        #expect(first.status == 0, "\(first.standardError)")
        let id = try #require(try Self.findings(out).keys.sorted().first)
        try await shards("2026-11-29T02:00:00Z")

        var review: StateLock? = try StateLock(reviewsOf: merged, for: .review)
        let merging = Task { try await merge() }
        try await Self.waitForABlockedLock(on: merged + ".reviews.lock")
        do {
            let store = try StateStore(path: merged)
            _ = try store.review(
                StateStore.ReviewSelection(findingIDs: [id]), decision: .confirmed, reviewer: "ana", reason: nil,
                at: "2026-11-29T09:00:00Z")
        }
        withExtendedLifetime(review) {}
        review = nil

        let second = try await merging.value
        #expect(second.status == 0, "\(second.standardError)")
        let reviews = try StateStore(path: merged).allReviews()
        #expect(reviews.map(\.findingID) == [id] && reviews.map(\.decision) == [.confirmed])
        let decided = try #require(try Self.findings(out)[id]?["review"] as? [String: Any])
        #expect(decided["decision"] as? String == "confirmed" && decided["reviewer"] as? String == "ana")
    }

    /// Returns once some process waits for the `flock` on `path` (a line `N: -> FLOCK ...` naming its inode in
    /// `/proc/locks`); gives up after ten minutes, which only a merge that never waits reaches.
    static func waitForABlockedLock(on path: String) async throws {
        var info = stat()
        try #require(stat(path, &info) == 0, "no lock file \(path)")
        let inode = ":\(info.st_ino) "
        for _ in 0..<30_000 {
            let locks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
            if locks.split(separator: "\n").contains(where: { $0.contains("-> FLOCK") && $0.contains(inode) }) {
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("nothing waited for the lock on \(path)")
    }

    @Test func aReviewNeedsOneDecisionAndKnownFindings() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        try await Self.run(fixture, dump: fixture.dump, out: out, now: "2026-11-28T02:00:00Z")
        let state = out.appendingPathComponent("state.sqlite").path
        let both = try await CommandRunner.proofmark(["review", "--state", state, "f-x", "--confirm", "--dismiss"])
        #expect(both.status != 0)
        let unknown = try await CommandRunner.proofmark(["review", "--state", state, "f-nope", "--confirm"])
        #expect(unknown.status == 1 && unknown.standardError.contains("no finding f-nope"))
        let none = try await CommandRunner.proofmark(["review", "--state", state, "--confirm", "--seller", "nobody"])
        #expect(none.status == 1 && none.standardError.contains("no finding matches"))
    }
}
