import Findings
import Foundation
import Review
import Store
import TestSupport
import Testing

/// `proofmark serve`'s HTTP layer, over a real night's outputs: who may use it, what it serves, and that its
/// decisions and exports are those of `proofmark review` and `proofmark export`.
@Suite struct ReviewServerTests {
    @Test func theTokenIsTradedForAStrictHttpOnlyCookieAndIsRequiredOtherwise() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out)
        defer { Task { await server.stop() } }
        #expect(server.url.absoluteString == "http://127.0.0.1:\(server.port)/?token=\(RunningServer.token)")

        #expect(try await server.get("/").status == 401)
        #expect(try await server.get("/api/queue").status == 401)
        #expect(try await server.get("/?token=wrong").status == 401)
        #expect(try await server.get("/", headers: ["Cookie": "proofmark_session=guess"]).status == 401)

        let signIn = try await server.get("/?token=\(RunningServer.token)")
        #expect(signIn.status == 303 && signIn.header("location") == "/")
        let setCookie = try #require(signIn.header("set-cookie"))
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
        let cookie = try await server.signIn()
        let page = try await server.get("/", headers: ["Cookie": cookie])
        #expect(page.status == 200)
        let policy = try #require(page.header("content-security-policy"))
        #expect(policy.contains("default-src 'self'") && policy.contains("script-src 'self'"))
        #expect(!policy.contains("unsafe-inline"))
        // The page's only script is its file: no inline script for the policy to refuse.
        #expect(page.text.components(separatedBy: "<script").count == 2)
        #expect(page.text.contains(#"<script src="/static/app.js" defer></script>"#))
        #expect(try await server.get("/static/app.js", headers: ["Cookie": cookie]).status == 200)

        // A name that is not this server's (DNS rebinding) is refused even with the cookie.
        let rebound = try await server.get("/", headers: ["Cookie": cookie, "Host": "evil.example:\(server.port)"])
        #expect(rebound.status == 421)
    }

    /// Served beyond loopback, the server answers by the names it is given (`--name`) and still by no other; a
    /// wildcard address without a name is refused before anything listens.
    @Test func aServerOnTheNetworkAnswersOnlyByItsNames() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out, names: ["Review.Example.Test"])
        defer { Task { await server.stop() } }
        #expect(server.url.host?.lowercased() == "review.example.test")
        let named = try await server.get(
            "/?token=\(RunningServer.token)", headers: ["Host": "review.example.test:\(server.port)"])
        #expect(named.status == 303)
        let other = try await server.get(
            "/?token=\(RunningServer.token)", headers: ["Host": "evil.example:\(server.port)"])
        #expect(other.status == 421 && other.text.contains("review.example.test:\(server.port)"))

        let wildcard = ReviewServer.Configuration(
            statePath: night.state, outputFolder: night.out, host: "0.0.0.0", reviewer: "ana")
        #expect(ReviewServer.problem(with: wildcard)?.contains("--name") == true)
        var named2 = wildcard
        named2.names = ["review.example.test"]
        #expect(ReviewServer.problem(with: named2) == nil)
        named2.names = ["review.example.test:8080"]
        #expect(ReviewServer.problem(with: named2)?.contains("without a port") == true)
    }

    @Test func aPostWithoutCookieCSRFTokenOrOurOriginChangesNothing() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out)
        defer { Task { await server.stop() } }
        let cookie = try await server.signIn()
        let csrf = try await server.csrf(cookie: cookie)
        let id = try #require(try night.findingsWorstFirst().first?.findingID)
        let body: [String: Any] = ["ids": [id], "decision": "confirmed"]

        // One digit changed (never to itself: a random token starts with "0" one time in sixteen).
        let forged = (csrf.hasPrefix("0") ? "1" : "0") + csrf.dropFirst()
        let attempts = [
            try await server.post("/api/decide", json: body, cookie: nil, csrf: csrf),
            try await server.post("/api/decide", json: body, cookie: cookie, csrf: nil),
            try await server.post("/api/decide", json: body, cookie: cookie, csrf: forged),
            try await server.post(
                "/api/decide", json: body, cookie: cookie, csrf: csrf, origin: "http://evil.example"),
            try await server.post("/api/decide", json: body, cookie: cookie, csrf: csrf, origin: "null"),
            try await server.post(
                "/api/decide", json: body, cookie: cookie, csrf: csrf, contentType: "text/plain"),
            try await server.post(
                "/api/export", json: ["channel": "amazon"], cookie: cookie, csrf: csrf,
                origin: "http://127.0.0.1:1"),
        ]
        #expect(attempts.map(\.status) == [401, 403, 403, 403, 403, 415, 403])
        #expect(try StateStore(path: night.state).allReviews().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: night.out.appendingPathComponent("exports").path))

        // The same request from the page itself is recorded.
        let accepted = try await server.post("/api/decide", json: body, cookie: cookie, csrf: csrf)
        #expect(accepted.status == 200, "\(accepted.text)")
        #expect(try StateStore(path: night.state).allReviews().map(\.findingID) == [id])
    }

    @Test func noPathInARequestServesAFileOutsideTheBag() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out)
        defer { Task { await server.stop() } }
        let cookie = try await server.signIn()
        let findings = try night.findingsWorstFirst()
        let id = try #require(
            findings.first {
                FileManager.default.fileExists(
                    atPath: night.out.appendingPathComponent("bundles/\($0.findingID)/data/side-by-side-1.png").path)
            }?.findingID)
        // A link planted in the bag, pointing out of the output folder, is not served either.
        let secret = night.folder.url.appendingPathComponent("secret.txt")
        try Data("top secret".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(
            at: night.out.appendingPathComponent("bundles/\(id)/data/leak.txt"), withDestinationURL: secret)

        let picture = try await server.get("/finding/\(id)/picture/1", headers: ["Cookie": cookie])
        #expect(picture.status == 200 && picture.header("content-type") == "image/png")
        #expect(picture.body.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let chart = try await server.get("/finding/\(id)/bag/claim-chart.html", headers: ["Cookie": cookie])
        #expect(chart.status == 200)
        #expect(chart.header("content-security-policy")?.contains("script-src 'none'") == true)

        let hostile = [
            "/finding/\(id)/picture/../../../state.sqlite", "/finding/\(id)/picture/-1",
            "/finding/\(id)/picture/1%2F..%2F..%2F..%2Fstate.sqlite", "/finding/..%2F..%2Fstate.sqlite/picture/1",
            "/finding/\(id)/bag/../../../state.sqlite", "/finding/\(id)/bag/%2e%2e/%2e%2e/%2e%2e/state.sqlite",
            "/finding/\(id)/bag/..%2F..%2F..%2Fstate.sqlite", "/finding/\(id)/bag//etc/passwd",
            "/finding/\(id)/bag/leak.txt", "/finding/f-0000000000000000/picture/1", "/exports/amazon/0",
            "/exports/..%2F..%2Fstate.sqlite/0", "/exports/amazon/-1", "/static/../state.sqlite",
            "/state.sqlite", "/finding/\(id)/bag/%2Fetc%2Fpasswd",
        ]
        for path in hostile {
            let reply = try await server.get(path, headers: ["Cookie": cookie])
            #expect(reply.status != 200, "\(path)")
            #expect(!reply.text.contains("SQLite format") && !reply.text.contains("top secret"), "\(path)")
            #expect(!reply.text.contains("root:"), "\(path)")
        }
    }

    @Test func aHostileTitleIsEscapedInThePageAndDataInTheQueue() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out)
        defer { Task { await server.stop() } }
        let cookie = try await server.signIn()
        let finding = try #require(try night.findingsWorstFirst().first { $0.listingID == "10001" })
        let page = try await server.get("/finding/\(finding.findingID)", headers: ["Cookie": cookie])
        #expect(page.status == 200)
        #expect(!page.text.contains("<script>window.pwned") && !page.text.contains("<img src=x"))
        #expect(page.text.contains("&lt;script&gt;window.pwned=2&lt;/script&gt;"))
        #expect(page.text.components(separatedBy: "<script").count == 2)

        let queue = try await server.get("/api/queue?limit=500", headers: ["Cookie": cookie])
        #expect(queue.header("content-type") == "application/json")
        let object = try #require(try JSONSerialization.jsonObject(with: queue.body) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.contains { $0["title"] as? String == ReviewNight.hostileTitle })
    }

    @Test func theQueueIsTheReportsOrderFilteredCountedAndPaged() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out)
        defer { Task { await server.stop() } }
        let cookie = try await server.signIn()
        let findings = try night.findingsWorstFirst()
        #expect(findings.count > 6)

        func page(_ query: String) async throws -> [String: Any] {
            let reply = try await server.get("/api/queue?\(query)", headers: ["Cookie": cookie])
            #expect(reply.status == 200)
            return try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
        }
        func ids(_ object: [String: Any]) -> [String] {
            (object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        let all = try await page("limit=500")
        #expect(ids(all) == findings.map(\.findingID))
        #expect(all["total"] as? Int == findings.count && all["matching"] as? Int == findings.count)

        let first = try await page("offset=0&limit=4")
        let second = try await page("offset=4&limit=4")
        #expect(ids(first) + ids(second) == Array(findings.map(\.findingID).prefix(8)))

        let brand = try #require(findings.last?.brand)
        let severity = try #require(findings.first?.severity)
        let filtered = try await page("brand=\(brand)&severity=\(severity)&min_score=0.5&limit=500")
        let expected = findings.filter { $0.brand == brand && $0.severity == severity && $0.score >= 0.5 }
        #expect(ids(filtered) == expected.map(\.findingID))
        let counts = try #require(filtered["counts"] as? [String: [String: Int]])
        #expect(counts["brand"] == (expected.isEmpty ? [:] : [brand: expected.count]))
        #expect(counts["review"] == (expected.isEmpty ? [:] : ["unreviewed": expected.count]))
    }

    /// What the page records is what `proofmark review` records: the same rows, field for field, on two copies of
    /// one night (confirm; dismiss with a reason; undo).
    @Test func aDecisionEqualsWhatProofmarkReviewWrites() async throws {
        let night = try await ReviewNight()
        let twin = try night.copy("twin")
        let twinState = twin.appendingPathComponent("state.sqlite").path
        let server = try await RunningServer.start(state: night.state, out: night.out, reviewer: "ana")
        defer { Task { await server.stop() } }
        let cookie = try await server.signIn()
        let csrf = try await server.csrf(cookie: cookie)
        let findings = try night.findingsWorstFirst()
        let (a, b) = (findings[0].findingID, findings[1].findingID)
        let now = "2026-12-01T09:20:00Z"

        let steps: [([String: Any], [String])] = [
            (["ids": [a], "decision": "confirmed"], [a, "--confirm"]),
            (
                ["ids": [b], "decision": "dismissed", "reason": "authorised reseller"],
                [b, "--dismiss", "--reason", "authorised reseller"]
            ),
            (["ids": [a], "decision": "withdrawn"], [a, "--undo"]),
        ]
        for (json, arguments) in steps {
            let reply = try await server.post("/api/decide", json: json, cookie: cookie, csrf: csrf)
            #expect(reply.status == 200, "\(reply.text)")
            let outcome = try await CommandRunner.proofmark(
                ["review", "--state", twinState, "--reviewer", "ana", "--now", now] + arguments)
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        let served = try StateStore(path: night.state).allReviews()
        let typed = try StateStore(path: twinState).allReviews()
        #expect(served.count == 3)
        #expect(served == typed)
        #expect(served.map(\.decision) == [.confirmed, .dismissed, .withdrawn])
        #expect(try StateStore(path: night.state).reviewStates()[a]?.isConfirmed == false)
    }

    @Test func aBulkDecisionRecordsOnlyTheCountItShowed() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out)
        defer { Task { await server.stop() } }
        let cookie = try await server.signIn()
        let csrf = try await server.csrf(cookie: cookie)
        let findings = try night.findingsWorstFirst()
        let brand = try #require(findings.first?.brand)
        let selected = findings.filter { $0.brand == brand }

        let stale = try await server.post(
            "/api/decide", json: ["filter": ["brand": brand], "expected": selected.count + 1, "decision": "confirmed"],
            cookie: cookie, csrf: csrf)
        #expect(stale.status == 409)
        #expect(try StateStore(path: night.state).allReviews().isEmpty)

        let bulk = try await server.post(
            "/api/decide", json: ["filter": ["brand": brand], "expected": selected.count, "decision": "confirmed"],
            cookie: cookie, csrf: csrf)
        #expect(bulk.status == 200, "\(bulk.text)")
        let reviews = try StateStore(path: night.state).allReviews()
        #expect(Set(reviews.map(\.findingID)) == Set(selected.map(\.findingID)))
        #expect(reviews.allSatisfy { $0.decision == .confirmed && $0.reviewer == "ana" })
    }

    /// While a merge holds the state file's review lock, neither the page nor `proofmark review` records anything
    /// (each says so), and both do once it is released.
    @Test func noDecisionIsWrittenWhileAMergeReplacesTheStateFile() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out)
        defer { Task { await server.stop() } }
        let cookie = try await server.signIn()
        let csrf = try await server.csrf(cookie: cookie)
        let id = try #require(try night.findingsWorstFirst().first?.findingID)
        let body: [String: Any] = ["ids": [id], "decision": "confirmed"]

        var merge: StateLock? = try StateLock(reviewsOf: night.state, for: .merge)
        let refused = try await server.post("/api/decide", json: body, cookie: cookie, csrf: csrf)
        #expect(refused.status == 409 && refused.text.contains("a merge is replacing this state file"))
        let typed = try await CommandRunner.proofmark(["review", "--state", night.state, id, "--confirm"])
        #expect(typed.status == 1 && typed.standardError.contains("a merge is replacing this state file"))
        #expect(try StateStore(path: night.state).allReviews().isEmpty)
        withExtendedLifetime(merge) {}
        merge = nil

        let accepted = try await server.post("/api/decide", json: body, cookie: cookie, csrf: csrf)
        #expect(accepted.status == 200)
        #expect(try StateStore(path: night.state).allReviews().count == 1)
    }

    /// Two tabs on one queue (or two analysts): neither blocks the other, and a decision made over a finding the
    /// other has decided since the page showed it is refused, naming the decision in force, instead of silently
    /// replacing it. Looked at again, it is recorded.
    @Test func aSecondTabNeitherBlocksNorIsSilentlyOverruled() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out, reviewer: "ana")
        defer { Task { await server.stop() } }
        let (tabA, tabB) = (try await server.signIn(), try await server.signIn())
        let (csrfA, csrfB) = (try await server.csrf(cookie: tabA), try await server.csrf(cookie: tabB))
        func revisions(_ cookie: String) async throws -> [String: Int64] {
            let reply = try await server.get("/api/queue?limit=500", headers: ["Cookie": cookie])
            let object = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
            let items = try #require(object["items"] as? [[String: Any]])
            return Dictionary(
                uniqueKeysWithValues: items.map {
                    ($0["id"] as? String ?? "", ($0["revision"] as? Int).map(Int64.init) ?? -1)
                })
        }
        let findings = try night.findingsWorstFirst()
        let (x, y) = (findings[0].findingID, findings[1].findingID)
        let shownA = try await revisions(tabA)
        #expect(shownA[x] == 0 && shownA[y] == 0)

        // Tab B confirms x; tab A, still showing x unreviewed, dismisses it: refused, nothing written.
        let confirmed = try await server.post(
            "/api/decide", json: ["ids": [x], "seen": [x: 0], "decision": "confirmed"], cookie: tabB, csrf: csrfB)
        #expect(confirmed.status == 200, "\(confirmed.text)")
        let stale = try await server.post(
            "/api/decide", json: ["ids": [x], "seen": [x: 0], "decision": "dismissed", "reason": "parody"],
            cookie: tabA, csrf: csrfA)
        #expect(stale.status == 409)
        #expect(stale.text.contains("\(x) was decided elsewhere") && stale.text.contains("confirmed by ana"))
        #expect(try StateStore(path: night.state).allReviews().map(\.decision) == [.confirmed])

        // A review writing at this moment (another tab, `proofmark review`) does not refuse tab A's decision on y.
        let writing = try StateLock(reviewsOf: night.state, for: .review)
        let other = try await server.post(
            "/api/decide", json: ["ids": [y], "seen": [y: 0], "decision": "confirmed"], cookie: tabA, csrf: csrfA)
        #expect(other.status == 200, "\(other.text)")
        withExtendedLifetime(writing) {}

        // Tab A reloads, sees x confirmed, and its dismissal now counts.
        let reloaded = try await revisions(tabA)
        let current = try #require(reloaded[x])
        #expect(current > 0)
        let again = try await server.post(
            "/api/decide", json: ["ids": [x], "seen": [x: current], "decision": "dismissed", "reason": "parody"],
            cookie: tabA, csrf: csrfA)
        #expect(again.status == 200, "\(again.text)")
        let states = try StateStore(path: night.state).reviewStates()
        #expect(states[x]?.current?.decision == .dismissed && states[y]?.current?.decision == .confirmed)
        #expect(try StateStore(path: night.state).allReviews().count == 3)
    }

    /// The Filing page's export writes the very files `proofmark export` writes for the same decisions and clock.
    @Test func anExportFromThePageEqualsProofmarkExport() async throws {
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out)
        defer { Task { await server.stop() } }
        let cookie = try await server.signIn()
        let csrf = try await server.csrf(cookie: cookie)
        let amazon = try night.findingsWorstFirst().filter { $0.marketplace == "amazon" }.map(\.findingID)
        #expect(amazon.count >= 2)
        let decided = try await server.post(
            "/api/decide", json: ["ids": amazon, "decision": "confirmed"], cookie: cookie, csrf: csrf)
        #expect(decided.status == 200)
        let twin = try night.copy("twin")

        let reply = try await server.post("/api/export", json: ["channel": "amazon"], cookie: cookie, csrf: csrf)
        #expect(reply.status == 200, "\(reply.text)")
        let object = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
        let files = try #require(object["files"] as? [[String: String]])
        #expect(files.contains { $0["path"] == "notices.csv" })
        #expect((object["exported"] as? Int ?? 0) > 0)

        let outcome = try await CommandRunner.proofmark([
            "export", "--state", twin.appendingPathComponent("state.sqlite").path, "--channel", "amazon",
            "--now", "2026-12-01T09:20:00Z", "--out", twin.appendingPathComponent("exports").path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        for file in files {
            let path = try #require(file["path"])
            let served = try await server.get(try #require(file["href"]), headers: ["Cookie": cookie])
            let typed = try Data(contentsOf: twin.appendingPathComponent("exports/amazon/\(path)"))
            #expect(served.body == typed, "\(path)")
        }
    }
}
