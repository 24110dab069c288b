import Fetching
import Foundation
import TestSupport
import Testing

/// `ImageFetcher` against a real HTTP server on loopback, one behaviour per test, with short timeouts.
@Suite(.highPriority) struct ImageFetcherTests {
    static let image = Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31) })

    /// Short timeouts and backoff, a 64 KiB cap, three redirects, two retries; the loopback server's host opened.
    static func policy(_ change: (inout FetchPolicy) -> Void = { _ in }) -> FetchPolicy {
        var policy = FetchPolicy(
            maximumConcurrentRequests: 8, maximumConcurrentRequestsPerHost: 8, requestTimeout: .milliseconds(300),
            totalTimeout: .seconds(3), maximumBytes: 64 << 10, maximumRedirects: 3, retries: 2,
            backoff: .milliseconds(20), userAgent: FetchPolicy.userAgent(version: "0.0-test"),
            access: NetworkAccess(allowedHosts: ["127.0.0.1"]))
        change(&policy)
        return policy
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

    @Test func serverErrorsAreRetriedUntilOneSucceeds() async throws {
        try await Self.withServer { server in
            server.route("/flaky", .failing(times: 2, status: 500, then: .respond(status: 200, body: Self.image)))
            let image = try await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/flaky"))
                .get()
            #expect(image.bytes == Self.image && image.attempts == 3)
            #expect(server.requestCount("/flaky") == 3)
        }
    }

    @Test func aPersistentServerErrorFailsAfterEveryRetryNamingTheStatus() async throws {
        try await Self.withServer { server in
            server.route("/down", .respond(status: 500))
            let error = try Self.failure(
                await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/down")))
            #expect(error.category == "http-500" && error.attempts == 3)
            #expect(server.requestCount("/down") == 3)
        }
    }

    @Test func rateLimitingIsRetriedAfterTheDelayTheServerAsks() async throws {
        try await Self.withServer { server in
            server.route(
                "/busy",
                .failing(
                    times: 1, status: 429, headers: ["Retry-After": "0"], then: .respond(status: 200, body: Self.image))
            )
            let image = try await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/busy")).get()
            #expect(image.attempts == 2 && server.requestCount("/busy") == 2)
        }
    }

    @Test(arguments: ["120", "Fri, 31 Dec 2100 23:59:59 GMT"])
    func aRetryAfterPastTheTotalTimeoutGivesUpAtOnce(retryAfter: String) async throws {
        try await Self.withServer { server in
            server.route("/later", .respond(status: 503, headers: ["Retry-After": retryAfter]))
            let error = try Self.failure(
                await ImageFetcher(cacheFolder: nil, policy: Self.policy()).fetch(server.url("/later")))
            #expect(error.category == "http-503" && error.attempts == 1)
            #expect(error.message.contains("asked to wait"))
            #expect(server.requestCount("/later") == 1)
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

    @Test func aResponseSlowerThanTheRequestTimeoutTimesOut() async throws {
        try await Self.withServer { server in
            server.route("/slow", .delay(.seconds(2), then: .respond(status: 200, body: Self.image)))
            let fetcher = ImageFetcher(cacheFolder: nil, policy: Self.policy { $0.retries = 0 })
            let error = try Self.failure(await fetcher.fetch(server.url("/slow")))
            #expect(error.category == "timeout" && error.attempts == 1)
            #expect(error.message.contains("request timeout"))
        }
    }

    @Test func aBodyTrickledPastTheRequestTimeoutTimesOut() async throws {
        try await Self.withServer { server in
            server.route("/trickle", .trickle(body: Self.image, chunkSize: 300, interval: .milliseconds(100)))
            let fetcher = ImageFetcher(cacheFolder: nil, policy: Self.policy { $0.retries = 0 })
            let error = try Self.failure(await fetcher.fetch(server.url("/trickle")))
            #expect(error.category == "timeout")
        }
    }

    @Test func aServerThatNeverAnswersIsRetriedAndBoundedByTheTotalTimeout() async throws {
        try await Self.withServer { server in
            server.route("/hang", .neverAnswer)
            let fetcher = ImageFetcher(
                cacheFolder: nil,
                policy: Self.policy {
                    $0.requestTimeout = .milliseconds(200)
                    $0.totalTimeout = .milliseconds(800)
                    $0.retries = 10
                })
            let started = ContinuousClock.now
            let error = try Self.failure(await fetcher.fetch(server.url("/hang")))
            #expect(ContinuousClock.now - started < .seconds(3))
            #expect(error.category == "timeout" && error.message.contains("total timeout"), "\(error)")
            // At most 4 attempts fit in the total timeout; a busy machine may fit fewer, but more than one.
            #expect((2...4).contains(error.attempts), "\(error)")
            #expect(server.requestCount("/hang") >= 2)
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
@Suite(.highPriority) struct ImageFetcherConcurrencyTests {
    /// Fetches `count` different slow URLs at once and returns how many requests the server had outstanding at the
    /// same time.
    static func mostSimultaneousRequests(
        fetching count: Int, overall: Int, perHost: Int
    ) async throws -> Int {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        for index in 0..<count {
            server.route(
                "/\(index)", .delay(.milliseconds(100), then: .respond(status: 200, body: ImageFetcherTests.image)))
        }
        let fetcher = ImageFetcher(
            cacheFolder: nil,
            policy: ImageFetcherTests.policy {
                $0.maximumConcurrentRequests = overall
                $0.maximumConcurrentRequestsPerHost = perHost
                $0.requestTimeout = .seconds(5)
                $0.totalTimeout = .seconds(10)
            })
        let successes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<count {
                group.addTask { (try? await fetcher.fetch(server.url("/\(index)")).get()) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == count)
        return server.mostSimultaneousRequests
    }

    @Test func theOverallLimitBoundsSimultaneousRequests() async throws {
        let most = try await Self.mostSimultaneousRequests(fetching: 12, overall: 3, perHost: 8)
        #expect(most <= 3)
        #expect(most >= 2)
    }

    @Test func thePerHostLimitBoundsSimultaneousRequestsToOneHost() async throws {
        let most = try await Self.mostSimultaneousRequests(fetching: 12, overall: 8, perHost: 2)
        #expect(most <= 2)
        #expect(most >= 2)
    }

    @Test func concurrentFetchesOfOneURLShareOneRequest() async throws {
        try await ImageFetcherTests.withServer { server in
            server.route(
                "/same.jpg", .delay(.milliseconds(150), then: .respond(status: 200, body: ImageFetcherTests.image)))
            let fetcher = ImageFetcher(cacheFolder: nil, policy: ImageFetcherTests.policy())
            let images = await withTaskGroup(of: Data?.self) { group in
                for _ in 0..<5 { group.addTask { try? await fetcher.fetch(server.url("/same.jpg")).get().bytes } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(images == Array(repeating: ImageFetcherTests.image, count: 5))
            #expect(server.requestCount("/same.jpg") == 1)
        }
    }

    @Test func cancellingTheCallerEndsItsFetchAtOnce() async throws {
        try await ImageFetcherTests.withServer { server in
            server.route("/hang", .neverAnswer)
            let fetcher = ImageFetcher(
                cacheFolder: nil,
                policy: ImageFetcherTests.policy {
                    $0.requestTimeout = .seconds(30)
                    $0.totalTimeout = .seconds(60)
                })
            let started = ContinuousClock.now
            let task = Task { await fetcher.fetch(server.url("/hang")) }
            try await Task.sleep(for: .milliseconds(150))
            task.cancel()
            let error = try ImageFetcherTests.failure(await task.value)
            #expect(error.category == "cancelled")
            #expect(ContinuousClock.now - started < .seconds(5))
            // The fetcher still works afterwards, for the same URL too.
            server.route("/hang", .respond(status: 200, body: ImageFetcherTests.image))
            #expect(try await fetcher.fetch(server.url("/hang")).get().bytes == ImageFetcherTests.image)
        }
    }
}
