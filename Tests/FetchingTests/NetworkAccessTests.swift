import Fetching
import Foundation
import TestSupport
import Testing

/// The fetch policy against server-side request forgery: a listing's URL must not reach the run's own network by
/// any spelling, name, redirect or credential, and what a user opens is opened exactly.
@Suite struct NetworkAccessTests {
    static func bytes(_ text: String) throws -> [UInt8] {
        try #require(IPNetwork(text)).address
    }

    @Test(arguments: [
        "127.0.0.1", "127.255.0.7", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "100.64.0.1", "169.254.169.254", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::", "::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2001:db8::1",
    ])
    func everyNonPublicAddressIsRefused(address: String) throws {
        #expect(NetworkAccess.publicOnly.refusal(of: try Self.bytes(address)) != nil)
    }

    @Test(arguments: ["8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:1.1.1.1"])
    func publicUnicastIsAllowed(address: String) throws {
        #expect(NetworkAccess.publicOnly.refusal(of: try Self.bytes(address)) == nil)
    }

    @Test(arguments: [
        "0x7f000001", "2130706433", "0", "127.1", "0177.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "localhost",
    ])
    func oddSpellingsOfLocalHostsAreRefusedBeforeAnyRequest(host: String) {
        #expect(NetworkAccess.publicOnly.refusal(ofHost: host) != nil)
    }

    @Test func openedHostsAndNetworksAreOpenedExactly() throws {
        let access = NetworkAccess(
            allowedHosts: ["CDN.internal"], allowedNetworks: [try #require(IPNetwork("10.20.0.0/16"))])
        #expect(access.allowsEveryAddress(forHost: "cdn.internal"))
        #expect(!access.allowsEveryAddress(forHost: "other.internal"))
        #expect(access.refusal(of: try Self.bytes("10.20.3.4")) == nil)
        #expect(access.refusal(of: try Self.bytes("::ffff:10.20.3.4")) == nil)
        #expect(access.refusal(of: try Self.bytes("10.21.0.1")) != nil)
        #expect(access.refusal(of: try Self.bytes("127.0.0.1")) != nil)
        for bad in ["10.0.0.0/33", "10.0.0/8", "fd00::/129", "host", "1.2.3.4/-1", ""] {
            #expect(IPNetwork(bad) == nil, "\(bad) parsed")
        }
    }

    /// URLs a listing could carry to reach a server on this machine: none of them may send a request to it.
    @Test func hostileURLsNeverReachALocalServer() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/secret", .respond(status: 200, body: Data("internal".utf8)))
        let port = try #require(server.url("/").port)
        let fetcher = ImageFetcher(cacheFolder: nil, policy: ImageFetcherTests.policy { $0.access = .publicOnly })
        let references = [
            "http://127.0.0.1:\(port)/secret", "http://localhost:\(port)/secret", "http://[::1]:\(port)/secret",
            "http://0x7f000001:\(port)/secret", "http://2130706433:\(port)/secret", "http://0:\(port)/secret",
            "http://[::ffff:127.0.0.1]:\(port)/secret", "http://user:pass@127.0.0.1:\(port)/secret",
            "http://127.1:\(port)/secret",
        ]
        for reference in references {
            let url = try #require(URL(string: reference))
            let error = try ImageFetcherTests.failure(await fetcher.fetch(url))
            #expect(error.category.hasPrefix("refused-"), "\(reference): \(error)")
        }
        #expect(server.requestCount("/secret") == 0)
    }

    /// An opened host redirecting to an address that is not opened: the second hop is refused, by the check on the
    /// address connected to (a name that resolves to loopback) as well as on the literal.
    @Test func aRedirectToALocalAddressIsRefusedOnItsHop() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let port = try #require(server.url("/").port)
        server.route("/secret", .respond(status: 200, body: Data("internal".utf8)))
        server.route("/to-name", .redirect(to: "http://localhost.:\(port)/secret"))
        server.route("/to-literal", .redirect(to: "http://127.0.0.2:\(port)/secret"))
        server.route("/to-credentials", .redirect(to: "http://a:b@127.0.0.1:\(port)/secret"))
        let fetcher = ImageFetcher(cacheFolder: nil, policy: ImageFetcherTests.policy())
        for path in ["/to-name", "/to-literal", "/to-credentials"] {
            let error = try ImageFetcherTests.failure(await fetcher.fetch(server.url(path)))
            #expect(error.category.hasPrefix("refused-"), "\(path): \(error)")
            #expect(server.requestCount(path) == 1)
        }
        #expect(server.requestCount("/secret") == 0)
    }

    /// A name of this machine from the hosts file (not a `localhost` name, which is refused by name already).
    static let loopbackName: String? = {
        guard let hosts = try? String(contentsOfFile: "/etc/hosts", encoding: .utf8) else { return nil }
        for line in hosts.split(separator: "\n") {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.first == "127.0.0.1" else { continue }
            if let name = fields.dropFirst().first(where: { !$0.hasPrefix("localhost") }) { return String(name) }
        }
        return nil
    }()

    /// The check on the connected address alone (no literal to see): a name that resolves to loopback.
    @Test(.enabled(if: loopbackName != nil, "no loopback name in /etc/hosts"))
    func aNameResolvingToLoopbackIsRefusedWhereTheConnectionIsMade() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let port = try #require(server.url("/").port)
        server.route("/secret", .respond(status: 200, body: Data("internal".utf8)))
        let name = try #require(Self.loopbackName)
        let fetcher = ImageFetcher(cacheFolder: nil, policy: ImageFetcherTests.policy { $0.access = .publicOnly })
        let url = try #require(URL(string: "http://\(name):\(port)/secret"))
        let error = try ImageFetcherTests.failure(await fetcher.fetch(url))
        #expect(error.category == "refused-address" && error.message.contains("127.0.0.1"), "\(error)")
        #expect(server.requestCount("/secret") == 0)
        // The same name opened with --allow-network 127.0.0.0/8 is fetched.
        let opened = ImageFetcher(
            cacheFolder: nil,
            policy: ImageFetcherTests.policy {
                $0.access = NetworkAccess(allowedNetworks: [IPNetwork("127.0.0.0/8")].compactMap { $0 })
            })
        #expect(try await opened.fetch(url).get().bytes == Data("internal".utf8))
    }
}
