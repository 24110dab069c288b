import Fetching
import Foundation
import TestSupport
import Testing

/// The fetcher's revalidation cache, night after night: each night is a new `ImageFetcher` on the same folder.
@Suite struct FetchCacheTests {
    static let lastModified = "Wed, 21 Oct 2026 07:28:00 GMT"

    static func night(_ cache: TemporaryFolder, _ url: URL) async -> Result<FetchedImage, FetchError> {
        await ImageFetcher(cacheFolder: cache.url, policy: ImageFetcherTests.policy()).fetch(url)
    }

    @Test func aLaterNightRevalidatesWithTheETagAndUsesTheCachedBytesOn304() async throws {
        try await ImageFetcherTests.withServer { server in
            let cache = try TemporaryFolder()
            server.route("/a.jpg", .revalidating(etag: "\"v1\"", lastModified: nil, body: ImageFetcherTests.image))
            let first = try await Self.night(cache, server.url("/a.jpg")).get()
            let second = try await Self.night(cache, server.url("/a.jpg")).get()
            #expect(first.origin == .network && second.origin == .revalidated)
            #expect(second.bytes == ImageFetcherTests.image && second.etag == "\"v1\"")
            #expect(server.requests("/a.jpg").map { $0.headers["if-none-match"] } == [nil, "\"v1\""])
        }
    }

    @Test func aLaterNightRevalidatesWithLastModifiedWhenThereIsNoETag() async throws {
        try await ImageFetcherTests.withServer { server in
            let cache = try TemporaryFolder()
            server.route(
                "/b.jpg", .revalidating(etag: nil, lastModified: Self.lastModified, body: ImageFetcherTests.image))
            _ = try await Self.night(cache, server.url("/b.jpg")).get()
            let second = try await Self.night(cache, server.url("/b.jpg")).get()
            #expect(second.origin == .revalidated && second.bytes == ImageFetcherTests.image)
            #expect(second.lastModified == Self.lastModified)
            #expect(server.requests("/b.jpg").map { $0.headers["if-modified-since"] } == [nil, Self.lastModified])
        }
    }

    @Test func aRedirectedImageIsRevalidatedAtItsFinalURL() async throws {
        try await ImageFetcherTests.withServer { server in
            let cache = try TemporaryFolder()
            server.route("/short", .redirect(to: "/long/g.jpg"))
            server.route("/long/g.jpg", .revalidating(etag: "\"g1\"", lastModified: nil, body: ImageFetcherTests.image))
            _ = try await Self.night(cache, server.url("/short")).get()
            let second = try await Self.night(cache, server.url("/short")).get()
            #expect(second.origin == .revalidated && second.url == server.url("/long/g.jpg"))
            #expect(server.requests("/long/g.jpg").map { $0.headers["if-none-match"] } == [nil, "\"g1\""])
        }
    }

    @Test func theValidatorsGoToTheFirstHopAndTheCachedFinalURLOnly() async throws {
        try await ImageFetcherTests.withServer { server in
            let cache = try TemporaryFolder()
            server.route("/short", .redirect(to: "/middle"))
            server.route("/middle", .redirect(to: "/long/h.jpg"))
            server.route("/long/h.jpg", .revalidating(etag: "\"h1\"", lastModified: nil, body: ImageFetcherTests.image))
            _ = try await Self.night(cache, server.url("/short")).get()
            let second = try await Self.night(cache, server.url("/short")).get()
            #expect(second.origin == .revalidated)
            #expect(server.requests("/short").map { $0.headers["if-none-match"] } == [nil, "\"h1\""])
            #expect(server.requests("/middle").map { $0.headers["if-none-match"] } == [nil, nil])
            #expect(server.requests("/long/h.jpg").map { $0.headers["if-none-match"] } == [nil, "\"h1\""])
        }
    }

    @Test func aChangedResourceReplacesTheCachedBytes() async throws {
        try await ImageFetcherTests.withServer { server in
            let cache = try TemporaryFolder()
            let changed = Data("a different picture".utf8)
            server.route("/c.jpg", .revalidating(etag: "\"v1\"", lastModified: nil, body: ImageFetcherTests.image))
            _ = try await Self.night(cache, server.url("/c.jpg")).get()
            server.route("/c.jpg", .revalidating(etag: "\"v2\"", lastModified: nil, body: changed))
            let second = try await Self.night(cache, server.url("/c.jpg")).get()
            let third = try await Self.night(cache, server.url("/c.jpg")).get()
            #expect(second.origin == .network && second.bytes == changed && second.etag == "\"v2\"")
            #expect(third.origin == .revalidated && third.bytes == changed)
            #expect(server.requests("/c.jpg").map { $0.headers["if-none-match"] } == [nil, "\"v1\"", "\"v2\""])
        }
    }

    @Test func aFailureTonightIsNotHiddenByYesterdaysCopy() async throws {
        try await ImageFetcherTests.withServer { server in
            let cache = try TemporaryFolder()
            server.route("/d.jpg", .revalidating(etag: "\"v1\"", lastModified: nil, body: ImageFetcherTests.image))
            _ = try await Self.night(cache, server.url("/d.jpg")).get()
            server.route("/d.jpg", .respond(status: 500))
            let error = try ImageFetcherTests.failure(await Self.night(cache, server.url("/d.jpg")))
            #expect(error.category == "http-500")
        }
    }

    @Test func aDamagedCachedCopyIsFetchedAgainInFull() async throws {
        try await ImageFetcherTests.withServer { server in
            let cache = try TemporaryFolder()
            server.route("/e.jpg", .revalidating(etag: "\"v1\"", lastModified: nil, body: ImageFetcherTests.image))
            _ = try await Self.night(cache, server.url("/e.jpg")).get()
            let bodies = try #require(FileManager.default.enumerator(at: cache.url, includingPropertiesForKeys: nil))
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "body" }
            #expect(bodies.count == 1)
            for body in bodies {
                var damaged = ImageFetcherTests.image
                damaged[100] ^= 0xff
                try damaged.write(to: body)
            }
            let second = try await Self.night(cache, server.url("/e.jpg")).get()
            #expect(second.origin == .network && second.bytes == ImageFetcherTests.image)
            #expect(server.requests("/e.jpg").map { $0.headers["if-none-match"] } == [nil, "\"v1\"", nil])
        }
    }

    @Test func responsesWithoutValidatorsAreNotCached() async throws {
        try await ImageFetcherTests.withServer { server in
            let cache = try TemporaryFolder()
            server.route("/f.jpg", .respond(status: 200, body: ImageFetcherTests.image))
            _ = try await Self.night(cache, server.url("/f.jpg")).get()
            let second = try await Self.night(cache, server.url("/f.jpg")).get()
            #expect(second.origin == .network)
            #expect(server.requests("/f.jpg").map { $0.headers["if-none-match"] } == [nil, nil])
        }
    }
}
