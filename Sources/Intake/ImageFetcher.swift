internal import Dispatch
public import Foundation

#if canImport(FoundationNetworking)
    internal import FoundationNetworking
#endif

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
/// Transport is Foundation's URLSession (on Linux, swift-corelibs-foundation over libcurl): only http and https,
/// no cookies sent or stored, no URLCache, no credential store. Timeouts, the size cap and the redirect limit are
/// enforced here rather than left to URLSession, whose Linux timeouts count whole seconds. Proxies: corelibs does not
/// apply `connectionProxyDictionary`, and libcurl reads `http_proxy`, `https_proxy`, `all_proxy` and `no_proxy`
/// (lowercase; of the uppercase forms only `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY`) from the environment, so an
/// environment proxy applies to every fetch.
public final class ImageFetcher: Sendable {
    public let policy: FetchPolicy
    private let cache: FetchCache?
    private let session: URLSession
    private let delegate: SessionDelegate
    private let limiter: RequestLimiter
    private let shared = SharedFetches()

    /// A fetcher keeping its revalidation cache in `cacheFolder` (created when first needed), or none when `nil`.
    public init(cacheFolder: URL?, policy: FetchPolicy = FetchPolicy()) {
        let policy = policy.normalized
        self.policy = policy
        cache = cacheFolder.map { FetchCache(folder: $0) }
        limiter = RequestLimiter(
            overall: policy.maximumConcurrentRequests, perHost: policy.maximumConcurrentRequestsPerHost)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCredentialStorage = nil
        // The limiter enforces the per-host limit (libcurl would queue excess requests while their timers run);
        // libcurl's own limit is only a backstop.
        configuration.httpMaximumConnectionsPerHost = policy.maximumConcurrentRequests
        // Backstops only: the fetcher's own timers end attempts first.
        configuration.timeoutIntervalForRequest = Self.seconds(policy.requestTimeout).rounded(.up) + 5
        configuration.timeoutIntervalForResource = Self.seconds(policy.totalTimeout).rounded(.up) + 5
        delegate = SessionDelegate()
        let queue = OperationQueue()
        queue.name = "Proofmark.ImageFetcher"
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    deinit {
        // The session holds its delegate until invalidated.
        session.invalidateAndCancel()
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
                let reason = HTTPURLResponse.localizedString(forStatusCode: status)
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
        var request = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData,
            timeoutInterval: Self.seconds(policy.requestTimeout).rounded(.up) + 5)
        request.httpMethod = "GET"
        request.httpShouldHandleCookies = false
        request.setValue(policy.userAgent, forHTTPHeaderField: "User-Agent")
        // Only what Proofmark decodes; other image types still come if a server insists.
        request.setValue("image/webp,image/png,image/jpeg;q=0.9,image/*;q=0.5", forHTTPHeaderField: "Accept")
        if let cached {
            if let etag = cached.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
            if let date = cached.lastModified { request.setValue(date, forHTTPHeaderField: "If-Modified-Since") }
        }
        let task = session.dataTask(with: request)
        let transfer = HTTPTransfer(
            task: task,
            limits: TransferLimits(
                maximumBytes: policy.maximumBytes, maximumRedirects: policy.maximumRedirects,
                conditionalTarget: cached.flatMap { URL(string: $0.finalURL) }))
        delegate.register(transfer, for: task)
        defer { delegate.forget(task) }
        return await transfer.run(
            timeout: timeout,
            timeoutFailure: AttemptFailure(category: "timeout", message: timeoutMessage, retryable: true))
    }

    /// A `200`: kept in the cache when it can be revalidated later, and returned.
    private func store(_ answer: HTTPAnswer, for url: URL, attempts: Int) -> FetchedImage {
        let finalURL = answer.finalURL ?? url
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
            bytes: bytes, url: answer.finalURL ?? URL(string: entry.finalURL) ?? url, origin: .revalidated,
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

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
