import Fetching
import Foundation
import Intake
import Pipeline
import Store
import TestSupport
import Testing

/// Listings whose images are URLs, served by a real HTTP server on loopback that misbehaves in every way the
/// fetcher must survive.
///
/// The request timeout is real time (libcurl's), so it is generous for the answers that come (4 s for a loopback
/// server that answers at once), and the two that must time out never complete: one never answers, one stops in the
/// middle of its body. The total timeout (60 s) is far from reached, so the retry of the 503 always happens.
@Suite struct ImageURLTests {
    @Test func imagesAreFetchedFailuresRecordedPerImageAndTheNextNightRevalidates() async throws {
        let fixture = try NightFixture()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let acme = try Data(contentsOf: fixture.night.appendingPathComponent("images/acme-copy-none.jpg"))
        let zolta = try Data(contentsOf: fixture.night.appendingPathComponent("images/zolta-copy-none.jpg"))
        server.route("/good.jpg", .revalidating(etag: "\"v1\"", lastModified: nil, body: acme))
        server.route(
            "/flaky.jpg",
            .failing(times: 1, status: 503, then: .revalidating(etag: "\"z1\"", lastModified: nil, body: zolta)))
        server.route("/moved.jpg", .redirect(to: "/good.jpg"))
        server.route("/gone.jpg", .respond(status: 404))
        server.route("/huge.jpg", .oversized(bytes: 4 << 20, framing: .chunked))
        server.route("/slow.jpg", .partial(body: acme, sentBytes: acme.count / 2))
        server.route("/never.jpg", .neverAnswer)
        let names = ["good", "flaky", "moved", "gone", "huge", "slow", "never"]
        let lines = names.enumerated().map { index, name in
            """
            {"marketplace":"web","listing_id":"u\(index)","title":"Item \(index)","seller_id":"s-\(index)",\
            "images":["\(server.url("/\(name).jpg").absoluteString)"]}
            """
        }
        let dump = try fixture.writeDump("urls.jsonl", lines: lines)
        let out = fixture.folder.url.appendingPathComponent("out")
        var configuration = RunConfiguration(
            registryPath: fixture.registry.path, dumpPath: dump.path, outputFolder: out, jobs: 2,
            now: Date(timeIntervalSince1970: 1_796_000_000), toolVersion: "test",
            fetchPolicy: FetchPolicy(
                maximumConcurrentRequests: 4, requestTimeout: .seconds(4), totalTimeout: .seconds(60),
                maximumBytes: 1 << 20, retries: 1, backoff: .milliseconds(50),
                access: NetworkAccess(allowedNetworks: [try #require(IPNetwork("127.0.0.0/8"))])))

        let first = try await NightlyRun.run(configuration)
        #expect(first.images == 7 && first.failedImages == 4)
        let findings = try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
        for listing in ["u0", "u1", "u2"] {
            #expect(findings.contains("\"listing_id\":\"\(listing)\""), "no finding for \(listing)")
        }
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                as? [String: Any])
        let failed = try #require(run["failed_images"] as? [[String: Any]])
        let reasons = Dictionary(
            uniqueKeysWithValues: failed.map { ($0["listing"] as? String ?? "", $0["reason"] as? String ?? "") })
        #expect(reasons == ["web/u3": "http-404", "web/u4": "too-large", "web/u5": "timeout", "web/u6": "timeout"])
        #expect(server.requestCount("/flaky.jpg") == 2)  // a 503, then the retry
        #expect(server.requestCount("/gone.jpg") == 1)  // a 404 is not retried

        // The next night asks again, conditionally, and decodes nothing.
        configuration.now = configuration.now.addingTimeInterval(86_400)
        _ = try await NightlyRun.run(configuration)
        let conditional = server.requests("/good.jpg").dropFirst(1)
        #expect(conditional.contains { $0.headers["if-none-match"] == "\"v1\"" })
        let second = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                as? [String: Any])
        let counts = try #require(second["counts"] as? [String: Any])
        #expect(counts["images_decoded"] as? Int == 0)
        let store = try StateStore(path: out.appendingPathComponent("state.sqlite").path)
        #expect(try store.findings(reportedBy: try #require(second["run_id"] as? String)).count >= 3)
    }
}
