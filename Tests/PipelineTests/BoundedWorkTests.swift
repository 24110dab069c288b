import Foundation
import Pipeline
import Store
import TestSupport
import Testing

/// One line of input cannot ask for unbounded work: a listing's images are worked on once each and at most a set
/// number of them, the rest counted by reason; a dump of broken lines costs a line each in `failures.jsonl`, and
/// only counts and a few examples in `run.json` and the state file.
@Suite struct BoundedWorkTests {
    static func runJSON(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("run.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aListingsImagesAreWorkedOnOnceEachAndAtMostTheLimit() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        let first = try #require(try fixture.sampleLines().first)
        // The same image 200 times, by one name, by another spelling of it, and its bytes under a second name.
        try FileManager.default.copyItem(
            at: fixture.night.appendingPathComponent("images/acme-copy-none.jpg"),
            to: fixture.night.appendingPathComponent("images/same-bytes.jpg"))
        let repeated = NightFixture.editing(first) { object in
            object["images"] =
                Array(repeating: "images/acme-copy-none.jpg", count: 198)
                + ["./images/acme-copy-none.jpg", "images/same-bytes.jpg"]
        }
        // Thirty distinct images, past a limit of 24 (none of them exists, so each kept one fails to read).
        let many = NightFixture.editing(first) { object in
            object["listing_id"] = "many"
            object["images"] = (0..<30).map { "images/missing-\($0).jpg" }
        }
        var configuration = HistoryTests.configuration(
            fixture, dump: try fixture.writeDump("repeated.jsonl", lines: [repeated, many]), out: out, night: 0)
        configuration.maximumImagesPerListing = 24
        let summary = try await NightlyRun.run(configuration)

        #expect(summary.images == 1 + 24)
        #expect(
            summary.skippedImagesByReason == [
                "duplicate-reference": 198, "duplicate-image": 1, "over-image-limit": 6,
            ])
        let counts = try #require(try Self.runJSON(out)["counts"] as? [String: Any])
        #expect(counts["images_skipped"] as? Int == 205)
        #expect((counts["skipped_images_by_reason"] as? [String: Int])?["over-image-limit"] == 6)
        #expect(counts["images_failed"] as? Int == 24)
        // One side-by-side per matched registered image, not one per reference.
        let bundles = out.appendingPathComponent("bundles")
        let pictures = try FileManager.default.subpathsOfDirectory(atPath: bundles.path).filter {
            $0.hasSuffix(".png") && $0.contains("side-by-side")
        }
        #expect(!pictures.isEmpty && pictures.count <= 2, "\(pictures)")
    }

    @Test func failuresStreamToTheirOwnFileWithCountsAndExamplesElsewhere() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        let good = try fixture.sampleLines().prefix(3)
        // 150 broken lines of three kinds, and one listing whose 30 images all fail to read.
        var lines = Array(good)
        for index in 0..<50 {
            lines += ["{not json \(index)", "[\(index)]", "{\"title\": \"no marketplace \(index)\"}"]
        }
        lines.append(
            NightFixture.editing(try #require(good.first)) { object in
                object["listing_id"] = "broken-images"
                object["images"] = (0..<30).map { "images/missing-\($0).jpg" }
            })
        var configuration = HistoryTests.configuration(
            fixture, dump: try fixture.writeDump("broken.jsonl", lines: lines), out: out, night: 0)
        configuration.maximumBadShare = 1
        configuration.maximumImagesPerListing = 30
        let summary = try await NightlyRun.run(configuration)
        #expect(summary.badRecords == 150 && summary.failedImages == 30)

        // Every failure, one line each, naming the file, the line and the reason.
        let text = try String(contentsOf: out.appendingPathComponent("failures.jsonl"), encoding: .utf8)
        let failures = try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(failures.count == 180)
        #expect(failures.allSatisfy { ($0["file"] as? String)?.hasSuffix("broken.jsonl") == true })
        let first = try #require(failures.first)
        #expect(first["line"] as? Int == 4 && first["reason"] as? String == "invalid-json")
        let reasons = Dictionary(grouping: failures) { $0["reason"] as? String ?? "" }.mapValues(\.count)
        #expect(reasons == ["invalid-json": 50, "not-an-object": 50, "invalid-fields": 50, "unreadable": 30])

        // run.json: the counts, and at most the first 20 of each reason.
        let run = try Self.runJSON(out)
        let counts = try #require(run["counts"] as? [String: Any])
        #expect(
            counts["bad_records_by_reason"] as? [String: Int] == [
                "invalid-json": 50, "not-an-object": 50, "invalid-fields": 50,
            ])
        #expect((run["bad_records"] as? [Any])?.count == 60)
        #expect((run["failed_images"] as? [Any])?.count == 20)
        #expect(run["failures_file"] as? String == "failures.jsonl")

        // The state keeps the same few examples, not a row per failure.
        let store = try StateStore(path: out.appendingPathComponent("state.sqlite").path)
        #expect(try store.failures(runID: summary.runID).count == 80)
    }
}
