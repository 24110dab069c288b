import Findings
import Foundation
import Pipeline
import Store
import TestSupport
import Testing

/// Several nights replayed on the sample registry: listings removed, changed, relisted under a new id, and back.
@Suite struct HistoryTests {
    static let day: TimeInterval = 86_400
    static let first = Date(timeIntervalSince1970: 1_796_000_000)

    static func configuration(_ fixture: NightFixture, dump: URL, out: URL, night: Int) -> RunConfiguration {
        RunConfiguration(
            registryPath: fixture.registry.path, dumpPath: dump.path, outputFolder: out, jobs: 2,
            now: first.addingTimeInterval(Double(night) * day), toolVersion: "test")
    }

    /// `findings.jsonl` as objects grouped by listing id (a listing may infringe several rights).
    static func findings(_ out: URL) throws -> [String: [[String: Any]]] {
        let text = try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
        var byListing: [String: [[String: Any]]] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            byListing[try #require(object["listing_id"] as? String), default: []].append(object)
        }
        return byListing
    }

    /// The values of `key` in a listing's findings, sorted.
    static func values(_ findings: [String: [[String: Any]]], _ listing: String, _ key: String) -> [String] {
        (findings[listing] ?? []).map { $0[key] as? String ?? "-" }.sorted()
    }

    @Test func nightsReplayedGiveResolvedRelistedAndVersionedHistory() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        let lines = try fixture.sampleLines()
        let night1 = try await NightlyRun.run(Self.configuration(fixture, dump: fixture.dump, out: out, night: 0))
        #expect(night1.findingsByStatus["new"] == night1.reportedFindings)
        let before = try Self.findings(out)
        let taken = Self.values(before, "10001", "finding_id")
        let gone = Self.values(before, "10002", "finding_id")
        #expect(!taken.isEmpty && !gone.isEmpty)

        // Night 2: 10001 is taken down and relisted by its seller as 10001r; 10002 is gone; 10003 changes its title.
        guard let line10001 = lines.first(where: { NightFixture.listingID(of: $0) == "10001" }) else {
            Issue.record("the sample dump has no listing 10001")
            return
        }
        var night2Lines = lines.filter { !["10001", "10002"].contains(NightFixture.listingID(of: $0)) }
        night2Lines.append(NightFixture.editing(line10001) { $0["listing_id"] = "10001r" })
        night2Lines = night2Lines.map { line in
            NightFixture.listingID(of: line) == "10003"
                ? NightFixture.editing(line) { $0["title"] = "New acme style item, now with free shipping" } : line
        }
        let dump2 = try fixture.writeDump("night2.jsonl", lines: night2Lines)
        let night2 = try await NightlyRun.run(Self.configuration(fixture, dump: dump2, out: out, night: 1))
        let after = try Self.findings(out)
        #expect(Set(Self.values(after, "10001", "status")) == ["resolved"])
        #expect(Set(Self.values(after, "10001", "resolution")) == ["listing-gone"])
        #expect(Set(Self.values(after, "10002", "status")) == ["resolved"])
        #expect(Set(Self.values(after, "10001r", "status")) == ["relisted"])
        #expect(Self.values(after, "10001r", "relisted_from") == taken)
        #expect(Set(Self.values(after, "10003", "status")) == ["ongoing"])
        #expect(Self.values(after, "10003", "first_seen") == Self.values(before, "10003", "first_seen"))
        #expect(Self.values(after, "10003", "last_seen") != Self.values(before, "10003", "last_seen"))
        #expect(night2.findingsByStatus["resolved"] == taken.count + gone.count)
        #expect(night2.findingsByStatus["relisted"] == taken.count && night2.findingsByStatus["new"] == 0)

        // The listing that changed has two versions; what it said on night 1 is still there.
        let store = try StateStore(path: out.appendingPathComponent("state.sqlite").path)
        let versions = try store.versions(marketplace: "temu", listingID: "10003")
        #expect(versions.count == 2)
        #expect(versions.first?.raw.contains("now with free shipping") == false)
        #expect(versions.last?.raw.contains("now with free shipping") == true)
        let unchanged = try store.versions(marketplace: "ebay", listingID: "10015")
        #expect(unchanged.count <= 1)

        // Night 3: 10002 is back under its own id.
        let dump3 = try fixture.writeDump(
            "night3.jsonl", lines: night2Lines + lines.filter { NightFixture.listingID(of: $0) == "10002" })
        _ = try await NightlyRun.run(Self.configuration(fixture, dump: dump3, out: out, night: 2))
        let third = try Self.findings(out)
        #expect(Set(Self.values(third, "10002", "status")) == ["relisted"])
        #expect(Self.values(third, "10002", "finding_id") == gone)
        #expect(Set(Self.values(third, "10001r", "status")) == ["ongoing"])
        #expect(third["10001"] == nil)  // resolved on an earlier night: no longer reported
        let nights = try store.nights(ofFinding: try #require(gone.first))
        #expect(nights.map(\.status) == [.new, .resolved, .relisted])
    }

    @Test func aSecondNightOnAnUnchangedDumpReadsNoImageAndChangesNothing() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        _ = try await NightlyRun.run(Self.configuration(fixture, dump: fixture.dump, out: out, night: 0))
        let first = try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
        let second = try await NightlyRun.run(Self.configuration(fixture, dump: fixture.dump, out: out, night: 1))
        let text = try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
        #expect(second.findingsByStatus["ongoing"] == second.reportedFindings)
        // Only status and last_seen moved.
        func normalised(_ text: String) throws -> [NSDictionary] {
            try text.split(separator: "\n").map { line in
                var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                object["status"] = nil
                object["last_seen"] = nil
                return object as NSDictionary
            }
        }
        #expect(try normalised(first) == normalised(text))
        #expect(!first.contains("\"status\":\"ongoing\"") && !text.contains("\"status\":\"new\""))
        let store = try StateStore(path: out.appendingPathComponent("state.sqlite").path)
        let run = try #require(try store.run(id: second.runID))
        #expect(run.counts?.contains("\"images_decoded\":0") == true)
        // An image file rewritten with other bytes under the same name is read and fingerprinted again.
        let image = fixture.night.appendingPathComponent("images/acme-copy-none.jpg")
        let replacement = fixture.night.appendingPathComponent("images/zolta-copy-none.jpg")
        try FileManager.default.removeItem(at: image)
        try FileManager.default.copyItem(at: replacement, to: image)
        let third = try await NightlyRun.run(Self.configuration(fixture, dump: fixture.dump, out: out, night: 2))
        // Its Acme photo finding is gone (the bytes are now Zolta's); Zolta's photo is found instead.
        #expect(third.findingsByStatus["resolved", default: 0] >= 1)
        #expect(third.findingsByStatus["new", default: 0] >= 1)
        let run3 = try #require(try store.run(id: third.runID))
        #expect(run3.counts?.contains("\"images_decoded\":0") == true)  // the bytes were fingerprinted before
    }

    @Test func aRunOnAStateInUseIsRefused() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        let lock = try StateLock(statePath: out.appendingPathComponent("state.sqlite").path)
        await #expect {
            try await NightlyRun.run(Self.configuration(fixture, dump: fixture.dump, out: out, night: 0))
        } throws: { error in
            "\(error)".contains("another proofmark process is using this state file")
        }
        withExtendedLifetime(lock) {}
    }

    @Test func shardsFromTheSchedulersEnvironment() throws {
        #expect(try Shard.fromEnvironment([:]) == nil)
        #expect(
            try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0", "PROOFMARK_SHARD_COUNT": "4"])
                == Shard(index: 1, count: 4))
        #expect(
            try Shard.fromEnvironment([
                "SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_COUNT": "3",
            ]) == Shard(index: 3, count: 3))
        #expect(throws: ShardError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1"]) }
        #expect(throws: ShardError.self) {
            try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "4", "PROOFMARK_SHARD_COUNT": "4"])
        }
        #expect(throws: ShardError.self) {
            try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "2"])
        }
        #expect(Shard("2/4") == Shard(index: 2, count: 4))
        #expect(Shard("0/4") == nil && Shard("5/4") == nil && Shard("2") == nil)
    }
}
