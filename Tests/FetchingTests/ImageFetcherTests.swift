import Foundation
import TestSupport
import Testing

@testable import Fetching

/// `ImageFetcher` against a real HTTP server on loopback, one behaviour per test.
///
/// Nothing here depends on how fast a thread runs: answers come at once or are held until the test releases them,
/// the timeouts that must not fire are generous, a timeout that must fire does so against a server that never
/// completes its answer, and retries, backoff and the total timeout are counted on a ``TestFetchClock``.
@Suite struct ImageFetcherTests {
    static let image = Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31) })

    /// Generous timeouts (no answer here is slow unless a test makes it never come), a 64 KiB cap, three redirects,
    /// two retries after 20 ms, then 40 ms; the loopback server's host opened.
    static func policy(_ change: (inout FetchPolicy) -> Void = { _ in }) -> FetchPolicy {
        var policy = FetchPolicy(
            maximumConcurrentRequests: 8, maximumConcurrentRequestsPerHost: 8, requestTimeout: .seconds(120),
            totalTimeout: .seconds(600), maximumBytes: 64 << 10, maximumRedirects: 3, retries: 2,
            backoff: .milliseconds(20), userAgent: FetchPolicy.userAgent(version: "0.0-test"),
            access: NetworkAccess(allowedHosts: ["127.0.0.1"]))
        change(&policy)
        return policy
    }

    /// A fetcher on `clock`, which skips every backoff wait.
    static func fetcher(_ clock: TestFetchClock, _ change: (inout FetchPolicy) -> Void = { _ in }) -> ImageFetcher {
        ImageFetcher(cacheFolder: nil, policy: policy(change), clock: clock)
    }

    static func withServer(_ body: (LoopbackHTTPServer) async throws -> Void) async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        try await body(server)
    }

    static func failure(_ result: Result<FetchedImage, FetchError>) throws -> FetchError {
        guard case .failure(let error) = result else {
            Issue.record("expected a failure, got \(result)")
            throw CancellationError()
        }
        return error
    }

    @Test func successReturnsTheBodyAndItsValidators() async throws {
        try await Self.withServer { server in
            server.route(
                "/a.jpg",
                .respond(status: 200, headers: ["ETag": "\"v1\"", "Content-Type": "image/jpeg"], body: Self.image))
            let image = try await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/a.jpg"))
                .get()
            #expect(image.bytes == Self.image && image.origin == .network && image.attempts == 1)
            #expect(image.url == server.url("/a.jpg") && image.etag == "\"v1\"" && image.contentType == "image/jpeg")
            let request = try #require(server.requests("/a.jpg").first)
            #expect(request.headers["user-agent"] == "Proofmark/0.0-test (+brand-protection crawler)")
            #expect(request.headers["accept"]?.hasPrefix("image/") == true)
        }
    }

    @Test func serverErrorsAreRetriedWithDoublingBackoffUntilOneSucceeds() async throws {
        try await Self.withServer { server in
            server.route("/flaky", .failing(times: 2, status: 500, then: .respond(status: 200, body: Self.image)))
            let clock = TestFetchClock()
            let image = try await Self.fetcher(clock).fetch(server.url("/flaky")).get()
            #expect(image.bytes == Self.image && image.attempts == 3)
            #expect(server.requestCount("/flaky") == 3)
            #expect(clock.waits == [.milliseconds(20), .milliseconds(40)])
        }
    }

    @Test func aPersistentServerErrorFailsAfterEveryRetryNamingTheStatus() async throws {
        try await Self.withServer { server in
            server.route("/down", .respond(status: 500))
            let clock = TestFetchClock()
            let error = try Self.failure(await Self.fetcher(clock).fetch(server.url("/down")))
            #expect(error.category == "http-500" && error.attempts == 3)
            #expect(server.requestCount("/down") == 3)
            #expect(clock.waits.count == 2)
        }
    }

    @Test(arguments: [("7", Duration.seconds(7)), ("0", .milliseconds(20))])
    func rateLimitingIsRetriedAfterTheDelayTheServerAsks(retryAfter: String, wait: Duration) async throws {
        try await Self.withServer { server in
            server.route(
                "/busy",
                .failing(
                    times: 1, status: 429, headers: ["Retry-After": retryAfter],
                    then: .respond(status: 200, body: Self.image)))
            let clock = TestFetchClock()
            let image = try await Self.fetcher(clock).fetch(server.url("/busy")).get()
            #expect(image.attempts == 2 && server.requestCount("/busy") == 2)
            // Never less than the backoff.
            #expect(clock.waits == [wait])
        }
    }

    @Test func aRetryAfterDateIsMeasuredAgainstTheClock() async throws {
        try await Self.withServer { server in
            let clock = TestFetchClock(origin: Date(timeIntervalSince1970: 1_796_000_000))
            // 1_796_000_030 s after the epoch: 30 s after the clock's origin.
            server.route(
                "/busy",
                .failing(
                    times: 1, status: 503, headers: ["Retry-After": "Mon, 30 Nov 2026 00:53:50 GMT"],
                    then: .respond(status: 200, body: Self.image)))
            let image = try await Self.fetcher(clock).fetch(server.url("/busy")).get()
            #expect(image.attempts == 2)
            #expect(clock.waits == [.seconds(30)])
        }
    }

    @Test(arguments: ["1200", "Fri, 31 Dec 2100 23:59:59 GMT"])
    func aRetryAfterPastTheTotalTimeoutGivesUpAtOnce(retryAfter: String) async throws {
        try await Self.withServer { server in
            server.route("/later", .respond(status: 503, headers: ["Retry-After": retryAfter]))
            let clock = TestFetchClock()
            let error = try Self.failure(await Self.fetcher(clock).fetch(server.url("/later")))
            #expect(error.category == "http-503" && error.attempts == 1)
            #expect(error.message.contains("asked to wait"))
            #expect(server.requestCount("/later") == 1)
            #expect(clock.waits.isEmpty)
        }
    }

    @Test func notFoundIsNotRetried() async throws {
        try await Self.withServer { server in
            let error = try Self.failure(
                await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/missing.jpg")))
            #expect(error.category == "http-404" && error.attempts == 1)
            #expect(server.requestCount("/missing.jpg") == 1)
        }
    }

    /// The answer is held until the fetch has given up: libcurl's timeout (real time: 200 ms) must fire, however
    /// late, since nothing else can end the attempt.
    @Test func aResponseSlowerThanTheRequestTimeoutTimesOut() async throws {
        try await Self.withServer { server in
            server.route("/slow", .held(then: .respond(status: 200, body: Self.image)))
            let fetcher = Self.fetcher(TestFetchClock()) {
                $0.requestTimeout = .milliseconds(200)
                $0.retries = 0
            }
            let error = try Self.failure(await fetcher.fetch(server.url("/slow")))
            server.release("/slow")
            #expect(error.category == "timeout" && error.attempts == 1)
            #expect(error.message.contains("request timeout"))
        }
    }

    @Test func aBodyThatStopsBeforeItsEndTimesOut() async throws {
        try await Self.withServer { server in
            server.route("/stalled", .partial(body: Self.image, sentBytes: 1000))
            let fetcher = Self.fetcher(TestFetchClock()) {
                $0.requestTimeout = .milliseconds(200)
                $0.retries = 0
            }
            let error = try Self.failure(await fetcher.fetch(server.url("/stalled")))
            #expect(error.category == "timeout" && error.attempts == 1)
        }
    }

    /// Each attempt is held at the server while the clock moves 250 s, as if the server had taken that long, then
    /// answered 500. Attempt 1 runs 0–250 s, waits 10 s; attempt 2 runs 260–510 s, waits 20 s; attempt 3 runs
    /// 530–780 s: past the 600 s total timeout, so no fourth, although ten retries are allowed.
    @Test func slowFailuresAreRetriedOnlyWithinTheTotalTimeout() async throws {
        try await Self.withServer { server in
            server.route("/slow", .held(then: .respond(status: 500)))
            let clock = TestFetchClock()
            let fetcher = Self.fetcher(clock) {
                $0.requestTimeout = .seconds(300)
                $0.totalTimeout = .seconds(600)
                $0.retries = 10
                $0.backoff = .seconds(10)
            }
            let fetch = Task { await fetcher.fetch(server.url("/slow")) }
            for attempt in 1...3 {
                try await server.waitForRequests("/slow", count: attempt)
                clock.advance(by: .seconds(250))
                if attempt == 3 {
                    // A fourth attempt, were one made, is answered at once rather than held.
                    server.route("/slow", .respond(status: 500))
                }
                server.release("/slow")
            }
            let error = try Self.failure(await fetch.value)
            #expect(error.category == "http-500" && error.attempts == 3, "\(error)")
            #expect(error.message.contains("the next retry would start too late, past the total timeout"))
            #expect(clock.waits == [.seconds(10), .seconds(20)])
            #expect(server.requestCount("/slow") == 3)
        }
    }

    /// An attempt gets no more than what is left of the total timeout: after 58 s of the 60, the second attempt's
    /// timeout is the 1 s left (real time, against a server that never answers), reported as the total timeout's,
    /// and no third attempt follows.
    @Test func anAttemptNeverOutlastsTheTotalTimeout() async throws {
        try await Self.withServer { server in
            server.route("/hang", .held(then: .respond(status: 503)))
            let clock = TestFetchClock()
            let fetcher = Self.fetcher(clock) {
                $0.requestTimeout = .seconds(300)
                $0.totalTimeout = .seconds(60)
                $0.retries = 10
                $0.backoff = .seconds(1)
            }
            let fetch = Task { await fetcher.fetch(server.url("/hang")) }
            try await server.waitForRequests("/hang", count: 1)
            clock.advance(by: .seconds(58))
            server.route("/hang", .neverAnswer)
            server.release("/hang")
            let error = try Self.failure(await fetch.value)
            #expect(error.category == "timeout" && error.attempts == 2, "\(error)")
            #expect(error.message.contains("before the total timeout of \(Duration.seconds(60)) ran out"), "\(error)")
            #expect(clock.waits == [.seconds(1)])
            #expect(server.requestCount("/hang") == 2)
        }
    }

    @Test(arguments: [LoopbackHTTPServer.Framing.contentLength, .chunked, .connectionClose])
    func aBodyOverTheCapIsRefused(framing: LoopbackHTTPServer.Framing) async throws {
        try await Self.withServer { server in
            server.route("/huge", .oversized(bytes: 8 << 20, framing: framing))
            let error = try Self.failure(
                await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/huge")))
            #expect(error.category == "too-large" && error.attempts == 1)
            #expect(error.message.contains(framing == .contentLength ? "declares" : "sent more than"))
        }
    }

    @Test func aRedirectIsFollowedAndTheFinalURLReported() async throws {
        try await Self.withServer { server in
            server.route("/old.jpg", .redirect(to: "/new.jpg", status: 301))
            server.route("/new.jpg", .respond(status: 200, body: Self.image))
            let image = try await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/old.jpg"))
                .get()
            #expect(image.bytes == Self.image && image.url == server.url("/new.jpg"))
            #expect(server.requestCount("/old.jpg") == 1 && server.requestCount("/new.jpg") == 1)
        }
    }

    @Test func aRedirectChainLongerThanTheLimitIsRefused() async throws {
        try await Self.withServer { server in
            for hop in 1...4 { server.route("/hop\(hop)", .redirect(to: "/hop\(hop + 1)")) }
            server.route("/hop5", .respond(status: 200, body: Self.image))
            let fetcher = ImageFetcher(cacheFolder: nil, policy: Self.policy())
            let error = try Self.failure(await fetcher.fetch(server.url("/hop1")))
            #expect(error.category == "too-many-redirects" && error.attempts == 1)
            #expect(server.requestCount("/hop4") == 1 && server.requestCount("/hop5") == 0)
            // Three redirects are within the limit.
            #expect(try await fetcher.fetch(server.url("/hop2")).get().url == server.url("/hop5"))
        }
    }

    @Test func aRedirectLoopIsRefused() async throws {
        try await Self.withServer { server in
            server.route("/loop", .redirect(to: "/loop"))
            let error = try Self.failure(
                await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/loop")))
            #expect(error.category == "too-many-redirects")
            #expect(server.requestCount("/loop") == 4)
        }
    }

    @Test func aRedirectToAnotherSchemeIsRefused() async throws {
        try await Self.withServer { server in
            server.route("/away", .redirect(to: "ftp://127.0.0.1/image.jpg"))
            let error = try Self.failure(
                await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/away")))
            #expect(error.category == "unsupported-scheme")
        }
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://example.com/a.jpg", "data:image/png;base64,AAAA"])
    func schemesOtherThanHTTPAreRefusedWithoutARequest(reference: String) async throws {
        let url = try #require(URL(string: reference))
        let error = try Self.failure(await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(url))
        #expect(error.category == "unsupported-scheme" && error.attempts == 0)
    }

    @Test func theTransportIsLibcurl() {
        #expect(ImageFetcher.transportVersion.hasPrefix("libcurl/"))
    }

    @Test func cookiesAreNeitherKeptNorSent() async throws {
        try await Self.withServer { server in
            server.route(
                "/c", .respond(status: 200, headers: ["Set-Cookie": "session=tracked; Path=/"], body: Self.image))
            let fetcher = ImageFetcher(cacheFolder: nil, policy: Self.policy())
            _ = try await fetcher.fetch(server.url("/c")).get()
            _ = try await fetcher.fetch(server.url("/c")).get()
            #expect(server.requests("/c").map { $0.headers["cookie"] } == [nil, nil])
        }
    }
}

/// How `ImageFetcher` behaves under concurrent callers: the limits, shared requests, cancellation.
@Suite struct ImageFetcherConcurrencyTests {
    /// Fetches `count` different URLs at once from a server that holds every answer until as many requests as the
    /// limits allow have arrived, then releases them, round after round; returns how many requests the server had
    /// outstanding at the same time. Each round waits for the limit to fill, so the limit is reached whatever the
    /// load; a request beyond it would be counted.
    static func mostSimultaneousRequests(
        fetching count: Int, overall: Int, perHost: Int
    ) async throws -> Int {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        for index in 0..<count {
            server.route("/\(index)", .held(then: .respond(status: 200, body: ImageFetcherTests.image)))
        }
        let fetcher = ImageFetcherTests.fetcher(TestFetchClock()) {
            $0.maximumConcurrentRequests = overall
            $0.maximumConcurrentRequestsPerHost = perHost
        }
        let fetches = Task {
            await withTaskGroup(of: Bool.self) { group in
                for index in 0..<count {
                    group.addTask { (try? await fetcher.fetch(server.url("/\(index)")).get()) != nil }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
        }
        let limit = min(overall, perHost)
        var released = 0
        while released < count {
            let round = min(limit, count - released)
            try await server.waitForHeld(count: round)
            server.releaseAll()
            released += round
        }
        #expect(await fetches.value == count)
        return server.mostSimultaneousRequests
    }

    @Test func theOverallLimitBoundsSimultaneousRequests() async throws {
        #expect(try await Self.mostSimultaneousRequests(fetching: 12, overall: 3, perHost: 8) == 3)
    }

    @Test func thePerHostLimitBoundsSimultaneousRequestsToOneHost() async throws {
        #expect(try await Self.mostSimultaneousRequests(fetching: 12, overall: 8, perHost: 2) == 2)
    }

    @Test func concurrentFetchesOfOneURLShareOneRequest() async throws {
        try await ImageFetcherTests.withServer { server in
            server.route("/same.jpg", .held(then: .respond(status: 200, body: ImageFetcherTests.image)))
            let fetcher = ImageFetcherTests.fetcher(TestFetchClock())
            let url = server.url("/same.jpg")
            let fetches = Task {
                await withTaskGroup(of: Data?.self) { group in
                    for _ in 0..<5 { group.addTask { try? await fetcher.fetch(url).get().bytes } }
                    return await group.reduce(into: []) { $0.append($1) }
                }
            }
            // The answer is held until all five callers wait for the one request.
            try await server.waitForRequests("/same.jpg", count: 1)
            while await fetcher.shared.callers(of: url.absoluteString) < 5 { await Task.yield() }
            server.release("/same.jpg")
            #expect(await fetches.value == Array(repeating: ImageFetcherTests.image, count: 5))
            #expect(server.requestCount("/same.jpg") == 1)
        }
    }

    /// Cancelled while its request is under way (the server has it and never answers): the fetch ends as
    /// `cancelled`, not after the 120 s request timeout, which is the only other way it could end.
    @Test func cancellingTheCallerEndsItsFetchAtOnce() async throws {
        try await ImageFetcherTests.withServer { server in
            server.route("/hang", .neverAnswer)
            let fetcher = ImageFetcherTests.fetcher(TestFetchClock())
            let task = Task { await fetcher.fetch(server.url("/hang")) }
            try await server.waitForRequests("/hang", count: 1)
            task.cancel()
            let error = try ImageFetcherTests.failure(await task.value)
            #expect(error.category == "cancelled")
            // The fetcher still works afterwards, for the same URL too.
            server.route("/hang", .respond(status: 200, body: ImageFetcherTests.image))
            #expect(try await fetcher.fetch(server.url("/hang")).get().bytes == ImageFetcherTests.image)
        }
    }
}
