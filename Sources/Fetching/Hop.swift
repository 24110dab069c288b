internal import Foundation

/// One HTTP GET without following redirects: the unit the transport performs. An attempt is one or more hops.
enum Hop {
    /// What to send.
    struct Request: Sendable {
        var url: String
        var userAgent: String
        /// Extra header lines, "Name: value", none containing CR or LF.
        var headers: [String]
        /// The whole hop, connecting included.
        var timeout: Duration
        /// The largest `200`/`203` body accepted.
        var maximumBytes: Int
        /// Why a connection to an address (4 or 16 bytes) is refused, `nil` to allow it; asked for every connection
        /// the hop opens (to the host or a proxy). `nil` allows every address.
        var addressRefusal: (@Sendable ([UInt8]) -> String?)? = nil
    }

    /// How a hop ended without a complete response.
    enum Failure: Sendable {
        case timeout
        case tooLargeDeclared
        case tooLargeStreamed
        /// The host or proxy could not be resolved, or refused the connection.
        case connectFailed
        /// The connection broke after it was made.
        case connectionLost
        case tls
        case badResponse
        case cancelled
        case unsupportedScheme
        case invalidURL
        case other
        /// Every address the hop would have connected to was refused by `addressRefusal`.
        case addressRefused
    }

    /// What came back.
    struct Result: Sendable {
        /// `nil` for a complete response (of any status).
        var failure: Failure?
        /// The response's status; 0 when no status line arrived.
        var status: Int
        /// Body bytes received, kept or not.
        var receivedBytes: Int
        var headers: HTTPHeaderBlock
        /// Where a 3xx points, resolved against the request's URL by libcurl.
        var redirectURL: String?
        /// The body of a `200` or `203`; empty otherwise.
        var body: Data
        /// libcurl's reason, when `failure` is set.
        var message: String
    }
}

/// A response's header block as received: the status line, then `Name: value` lines.
struct HTTPHeaderBlock: Sendable {
    private var fields: [(name: String, value: String)] = []

    init(_ text: String) {
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\r\n" || $0 == "\n" })
            .dropFirst()
        {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields.append((name, value))
        }
    }

    /// The first field named `name` (case-insensitive), trimmed.
    subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name == key }?.value
    }
}
