import Foundation
import TestSupport
import Testing

/// Four shards run as separate processes, then merged, night after night: the merged findings must be those of a
/// single run over the same dumps.
@Suite struct ShardCommandTests {
    static func run(_ fixture: NightFixture, dump: URL, out: URL, now: String, shard: String? = nil) async throws {
        var arguments = [
            "run", "--registry", fixture.registry.path, "--dump", dump.path, "--out", out.path, "--jobs", "1",
            "--now", now,
        ]
        if let shard { arguments += ["--shard", shard] }
        let outcome = try await CommandRunner.proofmark(arguments)
        #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
    }

    @Test func fourShardsMergedGiveTheFindingsOfOneRunNightAfterNight() async throws {
        let fixture = try NightFixture()
        let lines = try fixture.sampleLines()
        // Night 2: two listings gone, one of them relisted by its seller under a new id.
        var second = lines.filter { !["10001", "10002"].contains(NightFixture.listingID(of: $0)) }
        if let taken = lines.first(where: { NightFixture.listingID(of: $0) == "10001" }) {
            second.append(NightFixture.editing(taken) { $0["listing_id"] = "10001r" })
        }
        let nights = [
            ("2026-11-29T02:00:00Z", fixture.dump),
            ("2026-11-30T02:00:00Z", try fixture.writeDump("night2.jsonl", lines: second)),
        ]
        let root = fixture.folder.url
        for (night, (now, dump)) in nights.enumerated() {
            try await Self.run(fixture, dump: dump, out: root.appendingPathComponent("single"), now: now)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for k in 1...4 {
                    group.addTask {
                        try await Self.run(
                            fixture, dump: dump, out: root.appendingPathComponent("shard-\(k)"), now: now,
                            shard: "\(k)/4")
                    }
                }
                try await group.waitForAll()
            }
            let merged = root.appendingPathComponent("merged")
            let merge = try await CommandRunner.proofmark(
                ["merge", "--into", root.appendingPathComponent("merged.sqlite").path, "--out", merged.path]
                    + (1...4).map { root.appendingPathComponent("shard-\($0)/state.sqlite").path })
            #expect(merge.status == 0, "\(merge.standardError)")
            let single = try String(
                contentsOf: root.appendingPathComponent("single/findings.jsonl"), encoding: .utf8)
            let combined = try String(contentsOf: merged.appendingPathComponent("findings.jsonl"), encoding: .utf8)
            #expect(single == combined, "night \(night + 1): merged findings differ from a single run's")
            #expect(!single.isEmpty)
            if night == 1 {
                #expect(combined.contains("\"status\":\"relisted\"") && combined.contains("\"status\":\"resolved\""))
            }
            let counts = { (folder: String) throws -> NSDictionary? in
                let run =
                    try JSONSerialization.jsonObject(
                        with: Data(contentsOf: root.appendingPathComponent("\(folder)/run.json"))) as? [String: Any]
                return run?["counts"] as? NSDictionary
            }
            #expect(try counts("single") == counts("merged"))
        }
    }

    @Test func aMergeGathersEveryShardsFailuresInDumpOrder() async throws {
        let fixture = try NightFixture()
        let root = fixture.folder.url
        // Broken lines between listings, and listings whose images fail to read, of several sellers.
        var lines: [String] = []
        for (index, line) in try fixture.sampleLines().enumerated() {
            lines.append(line)
            if index % 3 == 0 { lines.append("{not json \(index)") }
            if index % 4 == 1 {
                lines.append(
                    NightFixture.editing(line) { object in
                        object["listing_id"] = "broken-\(index)"
                        object["images"] = ["images/missing-\(index)-a.jpg", "images/missing-\(index)-b.jpg"]
                    })
            }
        }
        let dump = try fixture.writeDump("failing.jsonl", lines: lines)
        let now = "2026-11-29T02:00:00Z"
        try await Self.run(fixture, dump: dump, out: root.appendingPathComponent("single"), now: now)
        for k in 1...3 {
            try await Self.run(
                fixture, dump: dump, out: root.appendingPathComponent("shard-\(k)"), now: now, shard: "\(k)/3")
        }
        let merged = root.appendingPathComponent("merged")
        let merge = try await CommandRunner.proofmark(
            ["merge", "--into", root.appendingPathComponent("merged.sqlite").path, "--out", merged.path]
                + (1...3).map { root.appendingPathComponent("shard-\($0)/state.sqlite").path })
        #expect(merge.status == 0, "\(merge.standardError)")

        let failures = { (folder: String) throws -> String in
            try String(
                contentsOf: root.appendingPathComponent("\(folder)/failures.jsonl"), encoding: .utf8)
        }
        let single = try failures("single")
        let shardLines = try (1...3).map { try failures("shard-\($0)").split(separator: "\n").count }
        #expect(shardLines.filter { $0 > 0 }.count >= 2, "the failures fall in several shards: \(shardLines)")
        // Every shard's failures, in the order one run over the whole dump writes them.
        #expect(try failures("merged") == single)
        let count = single.split(separator: "\n").count
        #expect(count == shardLines.reduce(0, +) && count > 10)
        #expect(merge.standardOutput.contains("\(count) failures to"), "\(merge.standardOutput)")
        #expect(!merge.standardError.contains("warning"), "\(merge.standardError)")
    }

    @Test func aMergeWithAShardMissingOrGivenTwiceIsRefused() async throws {
        let fixture = try NightFixture()
        let root = fixture.folder.url
        for k in 1...2 {
            try await Self.run(
                fixture, dump: fixture.dump, out: root.appendingPathComponent("shard-\(k)"),
                now: "2026-11-29T02:00:00Z", shard: "\(k)/3")
        }
        let states = (1...2).map { root.appendingPathComponent("shard-\($0)/state.sqlite").path }
        let missing = try await CommandRunner.proofmark(
            ["merge", "--into", root.appendingPathComponent("m.sqlite").path] + states)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("shard 3/3 is missing"))
        let twice = try await CommandRunner.proofmark(
            ["merge", "--into", root.appendingPathComponent("m.sqlite").path, states[0], states[0], states[1]])
        #expect(twice.status == 1)
        #expect(twice.standardError.contains("given twice"))
        let single = root.appendingPathComponent("single")
        try await Self.run(fixture, dump: fixture.dump, out: single, now: "2026-11-29T02:00:00Z")
        let notShard = try await CommandRunner.proofmark(
            [
                "merge", "--into", root.appendingPathComponent("m.sqlite").path,
                single.appendingPathComponent("state.sqlite").path,
            ])
        #expect(notShard.status == 1)
        #expect(notShard.standardError.contains("is not the state of one shard"))
    }
}
