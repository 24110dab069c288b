/// How ``ImageFetcher`` treats the servers it fetches listing images from: how many requests at once, how long
/// to wait, how much to accept, and when to try again.
///
/// The defaults suit a nightly crawl of marketplace CDNs: a few polite connections per host, generous timeouts
/// for slow regions, and a size cap well above any product photo.
public struct FetchPolicy: Sendable, Hashable {
    /// Requests in flight at once across all hosts.
    public var maximumConcurrentRequests: Int
    /// Requests in flight at once to one host (scheme, host and port), for politeness.
    public var maximumConcurrentRequestsPerHost: Int
    /// How long one attempt may take, from sending the request (connecting included) to the last body byte,
    /// redirects included.
    public var requestTimeout: Duration
    /// How long one URL may take across all its attempts, redirects and backoff waits, counted from the start of
    /// its first attempt (time queued behind the concurrency limits before that does not count).
    public var totalTimeout: Duration
    /// The largest body accepted, checked against `Content-Length` before the body and again while it streams (a
    /// chunked or undeclared body is cut off as soon as it passes the cap).
    public var maximumBytes: Int
    /// Redirects followed within one attempt; one more is refused as `too-many-redirects`.
    public var maximumRedirects: Int
    /// Extra attempts after a 5xx, a 429, a timeout or a dropped connection. Other failures are not retried.
    public var retries: Int
    /// The wait before the first retry, doubled before each later one. A `Retry-After` on a 429 or 503 lengthens
    /// the wait; a wait that would end past the total timeout is not made and the failure is returned at once.
    public var backoff: Duration
    /// The `User-Agent` every request carries.
    public var userAgent: String
    /// The addresses connections may be made to: public unicast only unless hosts or networks are opened.
    public var access: NetworkAccess

    public init(
        maximumConcurrentRequests: Int = 8,
        maximumConcurrentRequestsPerHost: Int = 4,
        requestTimeout: Duration = .seconds(20),
        totalTimeout: Duration = .seconds(60),
        maximumBytes: Int = 32 << 20,
        maximumRedirects: Int = 5,
        retries: Int = 2,
        backoff: Duration = .seconds(1),
        userAgent: String = FetchPolicy.userAgent(version: nil),
        access: NetworkAccess = .publicOnly
    ) {
        self.access = access
        self.maximumConcurrentRequests = maximumConcurrentRequests
        self.maximumConcurrentRequestsPerHost = maximumConcurrentRequestsPerHost
        self.requestTimeout = requestTimeout
        self.totalTimeout = totalTimeout
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
        self.retries = retries
        self.backoff = backoff
        self.userAgent = userAgent
    }

    /// The policy of a night's two fetch settings (`proofmark run --fetch-concurrency --fetch-timeout`):
    /// `concurrency` requests at once, half of them (at least one) to one host; `timeoutSeconds` per URL across its
    /// attempts, each attempt taking at most 20 seconds of it.
    public init(concurrency: Int, timeoutSeconds: Double, access: NetworkAccess) {
        self.init(
            maximumConcurrentRequests: concurrency, maximumConcurrentRequestsPerHost: max(1, concurrency / 2),
            requestTimeout: .milliseconds(Int(min(20, timeoutSeconds) * 1000)),
            totalTimeout: .milliseconds(Int(timeoutSeconds * 1000)), access: access)
    }

    /// `Proofmark/<version> (+brand-protection crawler)`, or without the version when it is `nil`.
    public static func userAgent(version: String?) -> String {
        "Proofmark\(version.map { "/" + $0 } ?? "") (+brand-protection crawler)"
    }

    /// The limits clamped to workable values, so that a zero or negative setting cannot stall or disable fetching.
    var normalized: FetchPolicy {
        var policy = self
        policy.maximumConcurrentRequests = max(1, maximumConcurrentRequests)
        policy.maximumConcurrentRequestsPerHost = max(
            1, min(maximumConcurrentRequestsPerHost, policy.maximumConcurrentRequests))
        policy.maximumBytes = max(0, maximumBytes)
        policy.maximumRedirects = max(0, maximumRedirects)
        policy.retries = max(0, retries)
        policy.backoff = max(.zero, backoff)
        return policy
    }
}
