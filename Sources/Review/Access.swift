import Base
import Findings
import Foundation

/// Who may use the workbench, and how a request proves it.
///
/// The server binds to loopback by default, but every other program on the machine (and any web page a browser
/// opens, through DNS rebinding or a cross-site form) can reach a loopback port; so:
/// - a random access token, printed at start in the URL to open, is required once (`?token=`) and then exchanged
///   for a session cookie (HttpOnly, SameSite=Strict), so the token leaves the address bar and the history;
/// - the Host header must name the server itself (a rebound DNS name does not);
/// - every state-changing request (POST) must carry the CSRF token of the page (`X-CSRF-Token`, which a cross-site
///   form cannot set) and an Origin header naming the server itself, with a JSON body.
///
/// The secrets are 256 bits from the system's generator (`SystemRandomNumberGenerator`: getrandom(2) on Linux),
/// compared in constant time. (OWASP's cross-site request forgery prevention cheat sheet: synchronizer token,
/// Origin verification, SameSite cookies.)
struct Access: Sendable {
    static let cookieName = "proofmark_session"
    static let csrfHeader = "X-CSRF-Token"

    let accessToken: String
    let session: String
    let csrf: String

    init(accessToken: String? = nil) {
        self.accessToken = accessToken ?? Self.randomToken()
        session = Self.randomToken()
        csrf = Self.randomToken()
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hashing.hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Equal strings, in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// The session id a `Cookie` header carries, if any.
    static func sessionCookie(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix(cookieName + "=") { return String(pair.dropFirst(cookieName.count + 1)) }
        }
        return nil
    }

    var setCookie: String { "\(Self.cookieName)=\(session); Path=/; HttpOnly; SameSite=Strict" }
}

/// The addresses the server answers as: `host:port`, each `--name` with the port, and on loopback `127.0.0.1`,
/// `localhost` and `[::1]`. Nothing else: a DNS name rebound to this address is refused.
struct Origins: Sendable {
    let hosts: Set<String>

    init(host: String, names extra: [String] = [], port: Int) {
        var names: Set<String> = Set(
            ([host] + extra).map { $0.contains(":") && !$0.hasPrefix("[") ? "[\($0.lowercased())]" : $0.lowercased() })
        if ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) {
            names.formUnion(["127.0.0.1", "localhost", "[::1]"])
        }
        hosts = Set(names.map { "\($0):\(port)" })
    }

    /// A Host header naming this server.
    func acceptsHost(_ value: String?) -> Bool {
        guard let value else { return false }
        return hosts.contains(value.lowercased())
    }

    /// An Origin header naming this server (`http://host:port`).
    func acceptsOrigin(_ value: String?) -> Bool {
        guard let value, value.hasPrefix("http://") else { return false }
        return hosts.contains(String(value.dropFirst("http://".count)).lowercased())
    }
}
