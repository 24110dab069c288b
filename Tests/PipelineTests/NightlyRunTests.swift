import Foundation
import Intake
import Pipeline
import TestSupport
import Testing

@Suite struct NightlyRunTests {
    static let samples = Fixtures.samples.appendingPathComponent("night")
    static let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-29

    static func configuration(out: URL, dump: String = "dump.jsonl", jobs: Int) -> RunConfiguration {
        RunConfiguration(
            registryPath: samples.appendingPathComponent("registry.yaml").path,
            dumpPath: samples.appendingPathComponent(dump).path, outputFolder: out, jobs: jobs, now: now,
            toolVersion: "test")
    }

    @Test func findingsAreTheSameWhateverTheNumberOfJobs() async throws {
        let folder = try TemporaryFolder()
        let one = folder.url.appendingPathComponent("one")
        let four = folder.url.appendingPathComponent("four")
        let first = try await NightlyRun.run(Self.configuration(out: one, jobs: 1))
        let second = try await NightlyRun.run(Self.configuration(out: four, jobs: 4))
        let a = try String(contentsOf: one.appendingPathComponent("findings.jsonl"), encoding: .utf8)
        let b = try String(contentsOf: four.appendingPathComponent("findings.jsonl"), encoding: .utf8)
        #expect(a == b)
        #expect(first.reportedFindings == second.reportedFindings && first.reportedFindings > 30)
        #expect(first.runID == second.runID)
    }

    /// Bags are made several at a time, registered views built across threads and decoded assets shared between
    /// bags: none of it may show in the bytes.
    @Test func bagsAndThumbnailsAreByteIdenticalWhateverTheNumberOfJobs() async throws {
        let folder = try TemporaryFolder()
        let one = folder.url.appendingPathComponent("one")
        let four = folder.url.appendingPathComponent("four")
        _ = try await NightlyRun.run(Self.configuration(out: one, jobs: 1))
        _ = try await NightlyRun.run(Self.configuration(out: four, jobs: 4))
        for tree in ["bundles", "report/thumbs"] {
            let a = try Self.files(under: one.appendingPathComponent(tree))
            let b = try Self.files(under: four.appendingPathComponent(tree))
            #expect(a.keys.sorted() == b.keys.sorted())
            #expect(a.keys.contains { $0.hasSuffix(".png") })
            for (path, bytes) in a where b[path] != bytes {
                Issue.record("\(tree)/\(path) differs between --jobs 1 and --jobs 4")
            }
        }
        let pictures = try Self.files(under: one.appendingPathComponent("bundles")).keys
            .filter { $0.contains("/data/side-by-side-") }
        #expect(pictures.count >= 30)

        // Thumbnails are made from the pictures in memory as bags are made; the report makes them from the bags'
        // PNGs when they are missing. Both ways give the same bytes.
        let thumbs = one.appendingPathComponent("report/thumbs")
        let inMemory = try Self.files(under: thumbs)
        try FileManager.default.removeItem(at: thumbs)
        let again = try await NightlyRun.run(Self.configuration(out: one, jobs: 1))
        #expect(again.start == "already-completed")
        #expect(try Self.files(under: thumbs) == inMemory)
    }

    /// Every regular file below `folder`, by its path relative to it.
    static func files(under folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        for case let path as String in walker {
            var isFolder: ObjCBool = false
            let full = root + "/" + path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
        }
        return files
    }

    @Test func csvAndJSONLOfTheSameListingsGiveTheSameFindings() async throws {
        let folder = try TemporaryFolder()
        let json = folder.url.appendingPathComponent("json")
        let csv = folder.url.appendingPathComponent("csv")
        _ = try await NightlyRun.run(Self.configuration(out: json, jobs: 2))
        _ = try await NightlyRun.run(Self.configuration(out: csv, dump: "dump.csv", jobs: 2))
        func ids(_ folder: URL) throws -> [String] {
            try String(contentsOf: folder.appendingPathComponent("findings.jsonl"), encoding: .utf8)
                .split(separator: "\n").map { line in
                    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    return object?["finding_id"] as? String ?? ""
                }
        }
        #expect(try ids(json) == ids(csv))
    }

    @Test func theSecondNightReusesFingerprintsAndMarksFindingsOngoing() async throws {
        let folder = try TemporaryFolder()
        var configuration = Self.configuration(out: folder.url, jobs: 2)
        _ = try await NightlyRun.run(configuration)
        configuration.now = Self.now.addingTimeInterval(86_400)
        _ = try await NightlyRun.run(configuration)
        let run =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.url.appendingPathComponent("run.json"))) as? [String: Any]
        let counts = try #require(run?["counts"] as? [String: Any])
        #expect(counts["images_decoded"] as? Int == 0)
        #expect((counts["images_cached"] as? Int ?? 0) > 90)
        let findings = try String(contentsOf: folder.url.appendingPathComponent("findings.jsonl"), encoding: .utf8)
        #expect(findings.contains("\"status\":\"ongoing\"") && !findings.contains("\"status\":\"new\""))
    }

    @Test func aMostlyBadDumpStopsBeforeWritingFindings() async throws {
        let folder = try TemporaryFolder()
        var lines = ""
        for index in 0..<30 {
            lines += index % 3 == 0 ? "{\"marketplace\":\"m\",\"listing_id\":\"\(index)\"}\n" : "junk\n"
        }
        let dump = try folder.write(lines, to: "bad/dump.jsonl")
        var configuration = Self.configuration(out: folder.url.appendingPathComponent("out"), jobs: 2)
        configuration.dumpPath = dump.path
        await #expect {
            try await NightlyRun.run(configuration)
        } throws: { error in
            guard case RunError.mostlyBad(let bad, let records, _) = error else { return false }
            return bad == 20 && records == 30
        }
        let out = folder.url.appendingPathComponent("out")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("findings.jsonl").path))
        let run = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(run.contains("\"status\":\"failed\""))
    }

    @Test func anInvalidRegistryStopsTheRunBeforeAnyWork() async throws {
        let folder = try TemporaryFolder()
        let registry = try folder.write("owner: x\nbrands:\n  - name: A\n    colour: red\n", to: "registry.yaml")
        var configuration = Self.configuration(out: folder.url.appendingPathComponent("out"), jobs: 1)
        configuration.registryPath = registry.path
        await #expect {
            try await NightlyRun.run(configuration)
        } throws: { error in
            guard case RunError.registry(let registryError) = error else { return false }
            return registryError.errors.first?.field == "brands[0].colour"
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/state.sqlite").path))
    }
}
