import Foundation
import TestSupport
import Testing

/// Runs the built `proofmark run` on `Samples/night`, then `proofmark report` on its state, and checks the page.
@Suite struct ReportCommandTests {
    static let night = Fixtures.samples.appendingPathComponent("night")

    @Test func theReportOfTheSampleNightListsEveryFindingOffline() async throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("out")
        let run = try await CommandRunner.proofmark([
            "run", "--registry", Self.night.appendingPathComponent("registry.yaml").path, "--dump",
            Self.night.appendingPathComponent("dump.jsonl").path, "--out", out.path, "--jobs", "2", "--now",
            "2026-11-28T02:00:00Z",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let state = out.appendingPathComponent("state.sqlite").path
        let report = try await CommandRunner.proofmark(["report", "--state", state, "--out", out.path])
        #expect(report.status == 0, "\(report.standardError)")
        let file = out.appendingPathComponent("report/index.html")
        #expect(report.standardOutput.hasPrefix("wrote \(file.path): run r-20261128T020000Z-"))

        let findings = try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        #expect(!findings.isEmpty)
        #expect(report.standardOutput.contains("\(findings.count) findings (\(findings.count) new, 0 ongoing"))
        let page = try String(contentsOf: file, encoding: .utf8)
        for finding in findings {
            let id = try #require(finding["finding_id"] as? String)
            #expect(page.contains("<tr id=\"\(id)\" "), "\(id) missing")
        }
        #expect(page.components(separatedBy: "<tr id=\"f-").count - 1 == findings.count)
        #expect(page.components(separatedBy: "<svg ").count - 1 == 2)
        // Nothing is loaded from a host: the only web addresses are listing links.
        for src in page.components(separatedBy: " src=\"").dropFirst() {
            #expect(!src.hasPrefix("http") && !src.hasPrefix("//"))
        }

        // Written again from the same state: the same bytes.
        let again = try await CommandRunner.proofmark(["report", "--state", state, "--out", out.path])
        #expect(again.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == page)
    }

    @Test func aMissingStateFileOrRunExitsNonZeroNamingIt() async throws {
        let folder = try TemporaryFolder()
        let missing = folder.url.appendingPathComponent("nope.sqlite").path
        let outcome = try await CommandRunner.proofmark(["report", "--state", missing, "--out", folder.url.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(missing))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
