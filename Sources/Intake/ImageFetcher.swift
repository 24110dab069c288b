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
/// Transport is libcurl (through the CFetch target), one blocking transfer at a time on each of up to
/// `maximumConcurrentRequests` threads of the fetcher's own, outside Swift concurrency's pool; each thread keeps
/// its connections, DNS cache and TLS sessions for its next transfers. Only http and https are spoken (libcurl is
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
public final class ImageFetcher: Sendable {
    public let policy: FetchPolicy
    private let cache: FetchCache?
    private let threads: TransferThreads
    private let limiter: RequestLimiter
    private let shared = SharedFetches()

    /// A fetcher keeping its revalidation cache in `cacheFolder` (created when first needed), or none when `nil`.
    public init(cacheFolder: URL?, policy: FetchPolicy = FetchPolicy()) {
        let policy = policy.normalized
        self.policy = policy
        cache = cacheFolder.map { FetchCache(folder: $0) }
        limiter = RequestLimiter(
            overall: policy.maximumConcurrentRequests, perHost: policy.maximumConcurrentRequestsPerHost)
        // As many threads as requests may be in flight: the limiter admits no more attempts than that.
        threads = TransferThreads(limit: policy.maximumConcurrentRequests)
    }

    deinit {
        // Every attempt has finished by now (each holds the fetcher while it waits); the threads end.
        threads.stop()
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
        let scheme = url.scheme?.lowercased() ?? "http"
        let host = "\(scheme)://\(url.host?.lowercased() ?? ""):\(url.port ?? (scheme == "https" ? 443 : 80))"
        let clock = ContinuousClock()
        var deadline: ContinuousClock.Instant?
        var attempts = 0
        var backoff = policy.backoff
        var cached = cache?.entry(for: url)
        func failure(_ category: String, _ message: String) -> Result<FetchedImage, FetchError> {
            .failure(FetchError(url: url.absoluteString, category: category, message: message, attempts: attempts))
        }
        while true {
            guard await limiter.acquire(host: host) else { return failure("cancelled", "the fetch was cancelled") }
            let start = clock.now
            let end = deadline ?? start + policy.totalTimeout
            deadline = end
            let budget = end - start
            guard budget > .zero else {
                await limiter.release(host: host)
                return failure("timeout", "the total timeout of \(policy.totalTimeout) ran out")
            }
            attempts += 1
            let timeout = min(policy.requestTimeout, budget)
            let timeoutMessage =
                timeout < policy.requestTimeout
                ? "no complete response before the total timeout of \(policy.totalTimeout) ran out"
                : "no complete response within the request timeout of \(policy.requestTimeout)"
            let outcome = await attempt(url, cached: cached, timeout: timeout, timeoutMessage: timeoutMessage)
            await limiter.release(host: host)
            guard !Task.isCancelled else { return failure("cancelled", "the fetch was cancelled") }

            let problem: AttemptFailure
            var retryAfter: Duration?
            switch outcome {
            case .failure(let attemptFailure):
                problem = attemptFailure
            case .response(let answer) where answer.status == 200 || answer.status == 203:
                return .success(store(answer, for: url, attempts: attempts))
            case .response(let answer) where answer.status == 304 && cached != nil:
                if let entry = cached, let image = revalidated(answer, for: url, entry: entry, attempts: attempts) {
                    return .success(image)
                }
                // The cached copy is damaged or gone: ask again without validators (this does not use a retry).
                cache?.remove(url: url)
                cached = nil
                continue
            case .response(let answer):
                let status = answer.status
                let reason = Self.reasonPhrase(status)
                problem = AttemptFailure(
                    category: "http-\(status)", message: "the server answered \(status) (\(reason))",
                    retryable: status == 429 || (500...599).contains(status))
                if status == 429 || status == 503 {
                    retryAfter = answer.retryAfter.flatMap { Self.retryAfter($0, now: Date()) }
                }
            }
            guard problem.retryable, attempts <= policy.retries else {
                return failure(problem.category, problem.message)
            }
            let wait = max(backoff, retryAfter ?? .zero)
            guard clock.now + wait < end else {
                let why =
                    retryAfter.map { "the server asked to wait \($0)" } ?? "the next retry would start too late"
                return failure(problem.category, "\(problem.message); \(why), past the total timeout")
            }
            try? await Task.sleep(for: wait)
            guard !Task.isCancelled else { return failure("cancelled", "the fetch was cancelled") }
            backoff *= 2
        }
    }

    /// One HTTP attempt, conditional when a cached copy exists.
    private func attempt(
        _ url: URL, cached: FetchCache.Entry?, timeout: Duration, timeoutMessage: String
    ) async -> AttemptOutcome {
        var validators: [String] = []
        if let cached {
            if let etag = cached.etag { validators.append("If-None-Match: \(etag)") }
            if let date = cached.lastModified { validators.append("If-Modified-Since: \(date)") }
        }
        let transfer = HTTPTransfer(
            plan: HTTPTransfer.Plan(
                url: url, userAgent: Self.headerValue(policy.userAgent),
                // Only what Proofmark decodes; other image types still come if a server insists.
                headers: ["Accept: image/webp,image/png,image/jpeg;q=0.9,image/*;q=0.5"],
                // A value from a damaged cache file must not smuggle in header lines.
                validators: validators.filter { $0 == Self.headerValue($0) },
                conditionalTarget: cached?.finalURL, maximumBytes: policy.maximumBytes,
                maximumRedirects: policy.maximumRedirects, timeout: timeout,
                timeoutFailure: AttemptFailure(category: "timeout", message: timeoutMessage, retryable: true)))
        return await transfer.run(on: threads)
    }

    /// `value` without the characters that would end a header line.
    private static func headerValue(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" })
    }

    /// A `200`: kept in the cache when it can be revalidated later, and returned.
    private func store(_ answer: HTTPAnswer, for url: URL, attempts: Int) -> FetchedImage {
        let finalURL = answer.finalURL
        var image = FetchedImage(
            bytes: answer.body, url: finalURL, origin: .network, etag: answer.etag,
            lastModified: answer.lastModified, contentType: answer.contentType, attempts: attempts)
        guard let cache else { return image }
        guard answer.etag != nil || answer.lastModified != nil else {
            cache.remove(url: url)
            return image
        }
        do {
            try cache.store(
                url: url, finalURL: finalURL, etag: answer.etag, lastModified: answer.lastModified,
                contentType: answer.contentType, bytes: answer.body)
        } catch {
            image.cacheProblem = "not cached: \(error.localizedDescription)"
        }
        return image
    }

    /// A `304` to a conditional request: the cached bytes, or `nil` when they no longer check out.
    private func revalidated(
        _ answer: HTTPAnswer, for url: URL, entry: FetchCache.Entry, attempts: Int
    ) -> FetchedImage? {
        guard let cache, let bytes = cache.body(for: url, entry: entry) else { return nil }
        var image = FetchedImage(
            bytes: bytes, url: answer.finalURL, origin: .revalidated,
            etag: answer.etag ?? entry.etag, lastModified: answer.lastModified ?? entry.lastModified,
            contentType: entry.contentType, attempts: attempts)
        do {
            try cache.updateValidators(url: url, entry: entry, etag: answer.etag, lastModified: answer.lastModified)
        } catch {
            image.cacheProblem = "validators not updated: \(error.localizedDescription)"
        }
        return image
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

    /// The reason phrase RFC 9110 §15 gives `status`, lowercased, or "an unassigned status".
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 300: "multiple choices"
        case 301: "moved permanently"
        case 302: "found"
        case 303: "see other"
        case 304: "not modified"
        case 305: "use proxy"
        case 307: "temporary redirect"
        case 308: "permanent redirect"
        case 400: "bad request"
        case 401: "unauthorized"
        case 402: "payment required"
        case 403: "forbidden"
        case 404: "not found"
        case 405: "method not allowed"
        case 406: "not acceptable"
        case 407: "proxy authentication required"
        case 408: "request timeout"
        case 409: "conflict"
        case 410: "gone"
        case 411: "length required"
        case 412: "precondition failed"
        case 413: "content too large"
        case 414: "URI too long"
        case 415: "unsupported media type"
        case 416: "range not satisfiable"
        case 417: "expectation failed"
        case 421: "misdirected request"
        case 422: "unprocessable content"
        case 426: "upgrade required"
        case 429: "too many requests"
        case 431: "request header fields too large"
        case 451: "unavailable for legal reasons"
        case 500: "internal server error"
        case 501: "not implemented"
        case 502: "bad gateway"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        case 505: "HTTP version not supported"
        default: "an unassigned status"
        }
    }
}
