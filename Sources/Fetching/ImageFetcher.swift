public import Foundation

/// Fetches listing images referenced by http(s) URLs, politely and within bounds, keeping a revalidation cache.
///
/// Safe to call from many tasks at once: the policy's concurrency limits hold across all of them, and concurrent
/// fetches of the same URL share one request. Each URL gets at most `retries + 1` attempts (retrying 5xx, 429,
/// timeouts and dropped connections with doubling backoff, honouring `Retry-After`), all within the total timeout;
/// every failure comes back as a ``FetchError`` naming its category.
///
/// With a cache folder, a response carrying an `ETag` or `Last-Modified` is kept on disk, and the next fetch of the
/// URL (typically the next night) sends `If-None-Match` / `If-Modified-Since`: a `304` returns the cached bytes as
/// ``FetchedImage/Origin/revalidated``, a `200` replaces them (RFC 9110 §13.1, RFC 9111 §4.3). When tonight's
/// request fails, the cached copy is not used: evidence must be what the server serves tonight.
///
/// Transport is libcurl (through the CFetch target, which loads the system's libcurl.so.4 at first use, so building
/// needs no libcurl headers; where it cannot be loaded, every fetch fails with the reason), one blocking transfer at a time on each of up to
/// `maximumConcurrentRequests` threads of the fetcher's own, outside Swift concurrency's pool; each thread keeps
/// its connections, DNS cache and TLS sessions for its next transfers. The retries, backoff waits and limits run
/// outside the pool too (see `URLFetch`), so CPU-bound work in the process does not eat into a URL's timeouts. Only http and https are spoken (libcurl is
/// told so too); no cookie engine, no `.netrc`, no HTTP cache. TLS certificates are verified against libcurl's CA
/// bundle (on Debian, `/etc/ssl/certs/ca-certificates.crt`). Redirects are followed by the fetcher, hop by hop (see
/// `HTTPTransfer`). Every content encoding libcurl can undo is offered and undone; the size cap counts decoded
/// bytes.
///
/// Proxies come from the environment, which libcurl reads for every new connection: `http_proxy` for http URLs
/// (lowercase only: libcurl ignores `HTTP_PROXY`, which a CGI client can set), `https_proxy`, else `HTTPS_PROXY`,
/// for https URLs, and when the scheme's variable is unset, `all_proxy`, else `ALL_PROXY`. `no_proxy`, else
/// `NO_PROXY`, lists the hosts to reach directly: names (a name also covers its subdomains), IP addresses, CIDR
/// ranges (libcurl 7.86 and later), or `*` for all; loopback addresses are not exempt unless listed. An empty
/// variable counts as unset. A proxy URL may name its scheme (`http://`, `https://`, `socks5h://`, ...) and carry
/// credentials.
///
/// Only public unicast addresses are connected to unless ``FetchPolicy/access`` opens more (see ``NetworkAccess``):
/// the address is judged as the connection is made, on every hop, so a listing's URL cannot reach the run's own
/// network by a name, a redirect or an odd spelling of an address. URLs carrying credentials are refused. With a
/// proxy, the connection judged is the one to the proxy, so a proxy on a private address must be opened with
/// ``NetworkAccess/allowedNetworks``; the URL's host is then still refused when it is a non-public address literal
/// or a `localhost` name, but a name the proxy resolves is judged by the proxy alone: a proxy used for fetching
/// should enforce its own egress rules.
public final class ImageFetcher: Sendable {
    public let policy: FetchPolicy
    private let context: URLFetch.Context
    /// Internal for the tests, which wait for concurrent callers to join one request.
    let shared = SharedFetches()

    /// A fetcher keeping its revalidation cache in `cacheFolder` (created when first needed), or none when `nil`.
    public convenience init(cacheFolder: URL?, policy: FetchPolicy = FetchPolicy()) {
        self.init(cacheFolder: cacheFolder, policy: policy, clock: SystemFetchClock())
    }

    /// A fetcher whose total timeout, backoff waits and `Retry-After` dates follow `clock` (the tests' own clock).
    init(cacheFolder: URL?, policy: FetchPolicy, clock: any FetchClock) {
        let policy = policy.normalized
        self.policy = policy
        context = URLFetch.Context(
            policy: policy, cache: cacheFolder.map { FetchCache(folder: $0) },
            limiter: RequestLimiter(
                overall: policy.maximumConcurrentRequests, perHost: policy.maximumConcurrentRequestsPerHost),
            // As many threads as requests may be in flight: the limiter admits no more attempts than that.
            threads: TransferThreads(limit: policy.maximumConcurrentRequests), clock: clock)
    }

    deinit {
        // Every fetch has finished by now (each holds the fetcher while it runs); the threads end.
        context.threads.stop()
    }

    /// The transport's library as it reports itself at run time, e.g. `libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13`.
    public static var transportVersion: String {
        CurlHandle.libraryVersion
    }

    /// Tonight's bytes of the image at `url`, or why they could not be had.
    public func fetch(_ url: URL) async -> Result<FetchedImage, FetchError> {
        let scheme = url.scheme?.lowercased()
        guard scheme == "http" || scheme == "https" else {
            return .failure(
                FetchError(
                    url: url.absoluteString, category: "unsupported-scheme",
                    message: "\(scheme ?? "a URL without a scheme") is not fetched; only http and https are",
                    attempts: 0))
        }
        guard url.host?.isEmpty == false else {
            return .failure(
                FetchError(url: url.absoluteString, category: "invalid-url", message: "no host", attempts: 0))
        }
        let cancelled: @Sendable () -> Result<FetchedImage, FetchError> = {
            .failure(
                FetchError(
                    url: url.absoluteString, category: "cancelled", message: "the fetch was cancelled", attempts: 0))
        }
        return await shared.outcome(for: url.absoluteString, cancelled: cancelled) { [self] in
            await perform(url)
        }
    }

    /// The attempts for one URL: limits, retries, backoff, the cache.
    private func perform(_ url: URL) async -> Result<FetchedImage, FetchError> {
        await URLFetch(url: url, context: context).run()
    }

    /// `Retry-After` as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); `nil` when it is neither.
    static func retryAfter(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return .milliseconds(max(0, Int(date.timeIntervalSince(now) * 1000)))
    }
}
