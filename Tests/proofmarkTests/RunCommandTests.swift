import Foundation
import TestSupport
import Testing

/// Runs the built `proofmark run` on `Samples/night` and checks what it must and must not find.
@Suite struct RunCommandTests {
    static let night = Fixtures.samples.appendingPathComponent("night")

    struct Expected: Decodable {
        let must: [[String?]]
        let mustNot: [[String?]]
        enum CodingKeys: String, CodingKey {
            case must
            case mustNot = "must_not"
        }
    }

    @Test func theSampleNightFindsTheInfringersAndLeavesTheRestAlone() async throws {
        let folder = try TemporaryFolder()
        let outcome = try await CommandRunner.proofmark([
            "run", "--registry", Self.night.appendingPathComponent("registry.yaml").path, "--dump",
            Self.night.appendingPathComponent("dump.jsonl").path, "--out", folder.url.path, "--jobs", "2",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("99 listings"))
        let findings = try String(contentsOf: folder.url.appendingPathComponent("findings.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        let found = Set(findings.map { "\($0["marketplace"] ?? "")/\($0["listing_id"] ?? "")/\($0["brand"] ?? "")" })
        let listings = Set(findings.map { "\($0["marketplace"] ?? "")/\($0["listing_id"] ?? "")" })
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Self.night.appendingPathComponent("expected.json")))
        for must in expected.must {
            #expect(found.contains("\(must[0] ?? "")/\(must[1] ?? "")/\(must[2] ?? "")"), "missing \(must)")
        }
        for mustNot in expected.mustNot {
            #expect(!listings.contains("\(mustNot[0] ?? "")/\(mustNot[1] ?? "")"), "unexpected \(mustNot)")
        }
        // Stable order: score descending, then finding id.
        let order = findings.map { (-(($0["score"] as? Double) ?? 0), $0["finding_id"] as? String ?? "") }
        #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 })
        // Every bad record and failed image is accounted for.
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("run.json")))
                as? [String: Any])
        #expect((run["bad_records"] as? [Any])?.count == 2)
        let failed = try #require(run["failed_images"] as? [[String: Any]])
        let files = failed.filter { ($0["reference"] as? String)?.hasPrefix("https://") == false }
        #expect(Set(files.compactMap { $0["reason"] as? String }) == ["truncated", "refused-reference", "unreadable"])
        // The sample's one image URL names a host that does not exist: fetched, and failed (how depends on the
        // machine's network: no resolver, no such host, ...), but recorded.
        let urls = failed.filter { ($0["reference"] as? String)?.hasPrefix("https://") == true }
        #expect(urls.count == 1 && (urls.first?["reason"] as? String ?? "").isEmpty == false)
    }

    /// libcurl is loaded at run time: without it, each image URL fails with the reason, and the night goes on.
    @Test func imageURLsFailAloneWhenLibcurlCannotBeLoaded() async throws {
        let folder = try TemporaryFolder()
        let outcome = try await CommandRunner.proofmark(
            [
                "run", "--registry", Self.night.appendingPathComponent("registry.yaml").path, "--dump",
                Self.night.appendingPathComponent("dump.jsonl").path, "--out", folder.url.path,
            ], environment: ["PROOFMARK_LIBCURL": "/nonexistent/libcurl.so.4"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("99 listings"))
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("run.json")))
                as? [String: Any])
        let failed = try #require(run["failed_images"] as? [[String: Any]])
        let urls = failed.filter { ($0["reference"] as? String)?.hasPrefix("https://") == true }
        #expect(urls.count == 1)
        let message = urls.first?["message"] as? String ?? ""
        #expect(message.contains("libcurl could not be loaded"), "\(urls)")
        #expect(message.contains("/nonexistent/libcurl.so.4"))
        let findings = try String(contentsOf: folder.url.appendingPathComponent("findings.jsonl"), encoding: .utf8)
        #expect(!findings.isEmpty)
    }

    @Test func aBrokenRegistryExitsNonZeroNamingFileAndLine() async throws {
        let folder = try TemporaryFolder()
        let registry = try folder.write("owner: x\nbrands:\n  - name: A\n    colour: red\n", to: "registry.yaml")
        let outcome = try await CommandRunner.proofmark([
            "run", "--registry", registry.path, "--dump", Self.night.appendingPathComponent("dump.jsonl").path, "--out",
            folder.url.appendingPathComponent("out").path,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("\(registry.path):4:"))
        #expect(outcome.standardError.contains("unknown key \"colour\""))
    }

    @Test func mappedColumnsLetAnotherCrawlersCSVRun() async throws {
        let folder = try TemporaryFolder()
        let csv = try String(contentsOf: Self.night.appendingPathComponent("dump.csv"), encoding: .utf8)
        let renamed = csv.replacingOccurrences(
            of: "marketplace,listing_id,url,captured_at,title", with: "site,sku,url,captured_at,product_name")
        let dump = try folder.write(renamed, to: "other.csv")
        try FileManager.default.copyItem(
            at: Self.night.appendingPathComponent("images"), to: folder.url.appendingPathComponent("images"))
        let outcome = try await CommandRunner.proofmark([
            "run", "--registry", Self.night.appendingPathComponent("registry.yaml").path, "--dump", dump.path, "--out",
            folder.url.appendingPathComponent("out").path, "--map", "marketplace=site", "--map", "listing_id=sku",
            "--map", "title=product_name",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("99 listings"))
        let findings = try String(
            contentsOf: folder.url.appendingPathComponent("out/findings.jsonl"), encoding: .utf8)
        let run = try String(contentsOf: folder.url.appendingPathComponent("out/run.json"), encoding: .utf8)
        #expect(findings.split(separator: "\n").count >= 35, "\(run.prefix(2000))")
    }
}
