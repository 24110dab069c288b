public import Foundation

/// The bytes of a listing image fetched over http(s), with where they came from.
public struct FetchedImage: Sendable, Hashable {
    /// Where tonight's bytes came from.
    public enum Origin: String, Sendable, Hashable {
        /// A full `200` response tonight.
        case network
        /// The server answered tonight's conditional request with `304 Not Modified`: the bytes are the cached copy
        /// it confirmed is still current.
        case revalidated
    }

    /// The body, exactly as served (after any `Content-Encoding` was undone).
    public var bytes: Data
    /// The URL the bytes were served from, after redirects.
    public var url: URL
    public var origin: Origin
    /// The entity tag the server gave, as sent (quotes and any `W/` kept).
    public var etag: String?
    /// The `Last-Modified` the server gave, as sent.
    public var lastModified: String?
    /// The `Content-Type` the server gave; informative only, since decoding sniffs the format from the bytes.
    public var contentType: String?
    /// HTTP attempts made, retries included (redirects within an attempt do not count).
    public var attempts: Int
    /// Why the bytes could not be kept in the cache, when they could not; the fetch itself succeeded.
    public var cacheProblem: String?

    public init(
        bytes: Data, url: URL, origin: Origin, etag: String? = nil, lastModified: String? = nil,
        contentType: String? = nil, attempts: Int = 1, cacheProblem: String? = nil
    ) {
        self.bytes = bytes
        self.url = url
        self.origin = origin
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.attempts = attempts
        self.cacheProblem = cacheProblem
    }
}
