internal import Foundation

/// Which network addresses the fetcher may connect to: by default public unicast addresses only.
///
/// A dump is text an attacker can write, so an image URL must not make a nightly run read the company's own network
/// (server-side request forgery). The check runs on the address each connection is actually made to, after name
/// resolution and on every redirect hop (see `CFetch`'s socket hook), so a name that resolves to a private address,
/// or resolves differently the second time (DNS rebinding), is refused all the same. Refused by default:
/// - IPv4: `0.0.0.0/8` (unspecified, "this network"), `10/8`, `172.16/12`, `192.168/16` (private, RFC 1918),
///   `100.64/10` (shared CGNAT space, RFC 6598), `127/8` (loopback), `169.254/16` (link-local, where cloud metadata
///   services answer), `192.0.0/24`, `192.0.2/24`, `198.18/15`, `198.51.100/24`, `203.0.113/24` (IETF and
///   documentation ranges), `224/4` (multicast), `240/4` and the broadcast address (RFC 6890);
/// - IPv6: everything outside `2000::/3` (so `::`, `::1`, `fc00::/7` unique-local, `fe80::/10` link-local,
///   `ff00::/8` multicast, and the deprecated IPv4-compatible `::/96`), `2001:db8::/32` (documentation) and
///   `2001::/32` (Teredo, which tunnels to an address it hides); an IPv4-mapped (`::ffff:0:0/96`), NAT64
///   (`64:ff9b::/96`) or 6to4 (`2002::/16`) address is judged by the IPv4 address it carries (RFC 4291, RFC 6890).
///
/// A user opens what is meant with ``allowedHosts`` (a URL host, compared exactly, may reach any address) and
/// ``allowedNetworks`` (CIDR ranges any host may reach), e.g. an internal CDN or a test server on loopback.
public struct NetworkAccess: Sendable, Hashable {
    /// URL hosts (lowercased, IPv6 without brackets) allowed to connect to any address.
    public var allowedHosts: Set<String>
    /// Ranges any URL may connect to.
    public var allowedNetworks: [IPNetwork]

    public init(allowedHosts: Set<String> = [], allowedNetworks: [IPNetwork] = []) {
        self.allowedHosts = Set(allowedHosts.map { Self.normalizedHost($0) })
        self.allowedNetworks = allowedNetworks
    }

    /// Public unicast addresses only.
    public static let publicOnly = NetworkAccess()

    /// Whether `host` (a URL's host) is open to every address.
    public func allowsEveryAddress(forHost host: String) -> Bool {
        allowedHosts.contains(Self.normalizedHost(host))
    }

    /// Why a connection to `address` (4 or 16 bytes, network order) is refused, or `nil` when it is allowed.
    public func refusal(of address: [UInt8]) -> String? {
        guard address.count == 4 || address.count == 16 else { return "an address of an unknown family" }
        if allowedNetworks.contains(where: { $0.contains(address) }) { return nil }
        guard let kind = Self.nonPublicKind(address) else { return nil }
        return "\(Self.text(address)) is \(kind)"
    }

    /// Why `host`, when it is an address literal in any spelling the resolver accepts (`0x7f000001`, `2130706433`,
    /// `0`, `127.1`, `[::ffff:127.0.0.1]`), or a `localhost` name, is refused before anything is sent; `nil`
    /// otherwise. The connection check stands behind this one; this one also holds when a proxy connects for us.
    public func refusal(ofHost host: String) -> String? {
        let name = Self.normalizedHost(host)
        if allowsEveryAddress(forHost: name) { return nil }
        if name == "localhost" || name.hasSuffix(".localhost") || name == "localhost." {
            return "\(host) names this machine (loopback)"
        }
        guard let address = Self.addressLiteral(name) else { return nil }
        return refusal(of: address)
    }

    static func normalizedHost(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        return name
    }

    /// The bytes of an IPv4 literal as `inet_aton` reads it (the resolver's own rules: one to four parts, each
    /// decimal, octal or hex), or of an IPv6 literal.
    static func addressLiteral(_ name: String) -> [UInt8]? {
        var v4 = in_addr()
        if !name.contains(":"), inet_aton(name, &v4) != 0 {
            return withUnsafeBytes(of: v4.s_addr) { Array($0) }
        }
        var v6 = in6_addr()
        let withoutZone = name.split(separator: "%", maxSplits: 1).first.map(String.init) ?? name
        if inet_pton(AF_INET6, withoutZone, &v6) == 1 {
            return withUnsafeBytes(of: v6) { Array($0) }
        }
        return nil
    }

    /// What kind of non-public address `address` is; `nil` for public unicast.
    static func nonPublicKind(_ address: [UInt8]) -> String? {
        if address.count == 4 { return nonPublicKindV4(address) }
        let prefix96 = address[0..<12]
        if prefix96.elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]) {
            return nonPublicKindV4(Array(address[12...])).map { "an IPv4-mapped form of \($0)" }
        }
        if prefix96.elementsEqual([0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]) {
            return nonPublicKindV4(Array(address[12...])).map { "a NAT64 form of \($0)" }
        }
        if address[0] == 0x20, address[1] == 0x02 {
            return nonPublicKindV4(Array(address[2..<6])).map { "a 6to4 form of \($0)" }
        }
        if address.allSatisfy({ $0 == 0 }) { return "the unspecified address" }
        if address[0..<15].allSatisfy({ $0 == 0 }), address[15] == 1 { return "a loopback address" }
        if prefix96.allSatisfy({ $0 == 0 }) { return "an IPv4-compatible address (deprecated)" }
        if address[0] == 0xff { return "a multicast address" }
        if address[0] == 0xfe, address[1] & 0xc0 == 0x80 { return "a link-local address" }
        if address[0] == 0xfe, address[1] & 0xc0 == 0xc0 { return "a site-local address (deprecated)" }
        if address[0] & 0xfe == 0xfc { return "a unique-local (private) address" }
        if address[0] == 0x20, address[1] == 0x01, address[2] == 0x0d, address[3] == 0xb8 {
            return "a documentation address"
        }
        if address[0] == 0x20, address[1] == 0x01, address[2] == 0, address[3] == 0 { return "a Teredo address" }
        if address[0] & 0xe0 != 0x20 { return "not a global unicast address" }
        return nil
    }

    private static func nonPublicKindV4(_ a: [UInt8]) -> String? {
        switch (a[0], a[1], a[2]) {
        case (0, _, _): return "an unspecified (\"this network\") address"
        case (10, _, _), (172, 16...31, _), (192, 168, _): return "a private address"
        case (100, 64...127, _): return "a shared (CGNAT) address"
        case (127, _, _): return "a loopback address"
        case (169, 254, _): return "a link-local address"
        case (192, 0, 0), (192, 0, 2), (198, 18...19, _), (198, 51, 100), (203, 0, 113):
            return "a reserved or documentation address"
        case (224...239, _, _): return "a multicast address"
        case (240...255, _, _): return "a reserved or broadcast address"
        default: return nil
        }
    }

    /// `address` as text (dotted quad, or RFC 5952 IPv6).
    static func text(_ address: [UInt8]) -> String {
        if address.count == 4 { return address.map(String.init).joined(separator: ".") }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written = address.withUnsafeBytes { bytes in
            inet_ntop(AF_INET6, bytes.baseAddress, &buffer, socklen_t(buffer.count))
        }
        guard written != nil else { return address.map { String($0, radix: 16) }.joined(separator: ":") }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// An IPv4 or IPv6 range in CIDR notation (`10.0.0.0/8`, `fd00::/8`; an address alone is one address).
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// 4 or 16 bytes, the bits past the prefix cleared.
    public let address: [UInt8]
    public let prefixLength: Int

    /// `nil` when `text` is not an address with an optional `/prefix` within the family's bits.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let name = NetworkAccess.normalizedHost(String(parts[0]))
        // Only the plain spellings here: a user's range is read as written.
        var bytes: [UInt8]
        var v4 = in_addr()
        var v6 = in6_addr()
        if !name.contains(":"), inet_pton(AF_INET, name, &v4) == 1 {
            bytes = withUnsafeBytes(of: v4.s_addr) { Array($0) }
        } else if name.contains(":"), inet_pton(AF_INET6, name, &v6) == 1 {
            bytes = withUnsafeBytes(of: v6) { Array($0) }
        } else {
            return nil
        }
        var length = bytes.count * 8
        if parts.count == 2 {
            guard let given = Int(parts[1]), (0...length).contains(given), parts[1].allSatisfy(\.isASCII) else {
                return nil
            }
            length = given
        }
        for index in bytes.indices {
            let kept = max(0, min(8, length - index * 8))
            bytes[index] &= kept == 0 ? 0 : UInt8(truncatingIfNeeded: 0xff << (8 - kept))
        }
        address = bytes
        prefixLength = length
    }

    /// Whether `other` (4 or 16 bytes) lies in the range; an IPv4-mapped IPv6 address counts as its IPv4 address.
    public func contains(_ other: [UInt8]) -> Bool {
        var candidate = other
        if address.count == 4, other.count == 16,
            other[0..<12].elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])
        {
            candidate = Array(other[12...])
        }
        guard candidate.count == address.count else { return false }
        for index in address.indices {
            let kept = max(0, min(8, prefixLength - index * 8))
            let mask: UInt8 = kept == 0 ? 0 : UInt8(truncatingIfNeeded: 0xff << (8 - kept))
            if candidate[index] & mask != address[index] { return false }
        }
        return true
    }

    public var description: String { "\(NetworkAccess.text(address))/\(prefixLength)" }
}
