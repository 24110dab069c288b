internal import Foundation
internal import Synchronization

/// One URL's fetch: its attempts, the waits between them, the cache, and the one outcome it ends with.
///
/// Everything that is timed runs off Swift concurrency's pool: each attempt and the decision after it on one of the
/// fetcher's transfer threads, the backoff wait on the fetcher's clock (a private dispatch queue in production), the
/// hand-off to the next attempt through the callback-based ``RequestLimiter``. Only ``run()``'s start and its result
/// involve the awaiting task. So the total timeout and the retries measure the network and the server, not how long
/// CPU-bound work elsewhere in the process (decoding, hashing) kept the pool's few threads busy: on a loaded machine,
/// waiting for the pool between attempts had cost URLs their retries.
///
/// The state is one `Mutex`; no lock is held while a closure of another object runs, except that `cancel()` and
/// `requestSlot` call into the limiter and the handle (whose locks never call back here).
final class URLFetch: Sendable {
    typealias Outcome = Result<FetchedImage, FetchError>

    /// What every fetch of one fetcher shares.
    struct Context: Sendable {
        var policy: FetchPolicy
        var cache: FetchCache?
        var limiter: RequestLimiter
        var threads: TransferThreads
        /// What the total timeout is measured on and the backoff waits on.
        var clock: any FetchClock
    }

    private enum Phase {
        /// Between steps, on the thread that is taking the next one.
        case deciding
        /// Waiting for a slot; the limiter's id.
        case queued(Int)
        /// An attempt under way on this handle.
        case running(CurlHandle)
        /// Backing off before the next attempt.
        case waiting
        case finished
    }

    private struct State {
        var phase = Phase.deciding
        var cancelled = false
        var attempts = 0
        var backoff: Duration
        /// The end of the total timeout on the context's clock, fixed when the first attempt starts.
        var deadline: Duration?
        var cached: FetchCache.Entry?
        var continuation: CheckedContinuation<Outcome, Never>?
    }

    let url: URL
    private let host: String
    private let context: Context
    private let state: Mutex<State>
    private var clock: any FetchClock { context.clock }

    /// A fetch of `url` (http or https, with a host).
    init(url: URL, context: Context) {
        self.url = url
        self.context = context
        let scheme = url.scheme?.lowercased() ?? "http"
        host = "\(scheme)://\(url.host?.lowercased() ?? ""):\(url.port ?? (scheme == "https" ? 443 : 80))"
        state = Mutex(State(backoff: context.policy.backoff, cached: context.cache?.entry(for: url)))
    }

    /// Fetches, and waits for the outcome. Cancelling the calling task ends the fetch at once: a running attempt
    /// is woken, a wait is cut short.
    func run() async -> Outcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let cancelled = state.withLock { state -> Bool in
                    state.continuation = continuation
                    guard !state.cancelled else { return true }
                    requestSlot(&state)
                    return false
                }
                if cancelled { fail("cancelled", "the fetch was cancelled") }
            }
        } onCancel: {
            cancel()
        }
    }

    // MARK: - Steps

    /// Queues for a slot; the attempt starts on a transfer thread once the limiter admits it.
    private func requestSlot(_ state: inout State) {
        let threads = context.threads
        state.phase = .queued(
            context.limiter.acquire(host: host) { [self] in
                threads.submit { [self] handle in attempt(on: handle) }
            })
    }

    private enum Start {
        case attempt(HTTPTransfer, CurlHandle)
        case stop(category: String, message: String)
    }

    /// On a transfer thread, holding a slot: one attempt, then what follows it.
    private func attempt(on handle: CurlHandle?) {
        let policy = context.policy
        let start = state.withLock { state -> Start in
            guard !state.cancelled else { return .stop(category: "cancelled", message: "the fetch was cancelled") }
            guard let handle else {
                return .stop(
                    category: "connection", message: CurlHandle.unavailableReason ?? "libcurl could not be initialised")
            }
            let now = clock.now
            let end = state.deadline ?? now + policy.totalTimeout
            state.deadline = end
            let budget = end - now
            guard budget > .zero else {
                return .stop(category: "timeout", message: "the total timeout of \(policy.totalTimeout) ran out")
            }
            state.attempts += 1
            handle.arm()
            state.phase = .running(handle)
            return .attempt(HTTPTransfer(plan: plan(cached: state.cached, budget: budget)), handle)
        }
        switch start {
        case .stop(let category, let message):
            context.limiter.release(host: host)
            fail(category, message)
        case .attempt(let transfer, let handle):
            let outcome = transfer.perform(on: handle, clock: clock)
            context.limiter.release(host: host)
            decide(after: outcome)
        }
    }

    /// What an attempt's outcome leads to: the result, another attempt at once, or one after a wait.
    private func decide(after outcome: AttemptOutcome) {
        let (cancelled, attempts, cached, backoff, deadline) = state.withLock { state in
            state.phase = .deciding
            return (state.cancelled, state.attempts, state.cached, state.backoff, state.deadline ?? clock.now)
        }
        guard !cancelled else { return fail("cancelled", "the fetch was cancelled") }
        let policy = context.policy
        let problem: AttemptFailure
        var retryAfter: Duration?
        switch outcome {
        case .failure(let attemptFailure):
            problem = attemptFailure
        case .response(let answer) where answer.status == 200 || answer.status == 203:
            return finish(.success(store(answer, attempts: attempts)))
        case .response(let answer) where answer.status == 304 && cached != nil:
            if let entry = cached, let image = revalidated(answer, entry: entry, attempts: attempts) {
                return finish(.success(image))
            }
            // The cached copy is damaged or gone: ask again without validators (this does not use a retry).
            context.cache?.remove(url: url)
            return proceed { state in
                state.cached = nil
                requestSlot(&state)
            }
        case .response(let answer):
            let status = answer.status
            problem = AttemptFailure(
                category: "http-\(status)",
                message: "the server answered \(status) (\(HTTPStatus.reasonPhrase(status)))",
                retryable: status == 429 || (500...599).contains(status))
            if status == 429 || status == 503 {
                retryAfter = answer.retryAfter.flatMap { ImageFetcher.retryAfter($0, now: clock.date) }
            }
        }
        guard problem.retryable, attempts <= policy.retries else { return fail(problem.category, problem.message) }
        let wait = max(backoff, retryAfter ?? .zero)
        guard clock.now + wait < deadline else {
            let why = retryAfter.map { "the server asked to wait \($0)" } ?? "the next retry would start too late"
            return fail(problem.category, "\(problem.message); \(why), past the total timeout")
        }
        proceed { state in state.phase = .waiting }
        clock.schedule(after: wait) { [self] in
            proceed { state in
                // A cancel during the wait has finished the fetch already.
                guard case .waiting = state.phase else { return }
                state.backoff *= 2
                requestSlot(&state)
            }
        }
    }

    /// Runs `step` on the state unless the fetch was cancelled meanwhile, which ends it instead.
    private func proceed(_ step: (inout State) -> Void) {
        let cancelled = state.withLock { state -> Bool in
            if case .finished = state.phase { return false }
            guard !state.cancelled else { return true }
            step(&state)
            return false
        }
        if cancelled { fail("cancelled", "the fetch was cancelled") }
    }

    /// The caller's task was cancelled: stop whatever the fetch is doing.
    private func cancel() {
        let finishNow = state.withLock { state -> Bool in
            state.cancelled = true
            switch state.phase {
            case .queued(let id):
                // Not admitted yet: no slot to give back. Admitted already: the attempt sees the flag.
                return context.limiter.cancel(id)
            case .running(let handle):
                handle.cancel()
                return false
            case .waiting:
                return true
            case .deciding, .finished:
                return false
            }
        }
        if finishNow { fail("cancelled", "the fetch was cancelled") }
    }

    private func fail(_ category: String, _ message: String) {
        let attempts = state.withLock { $0.attempts }
        finish(.failure(FetchError(url: url.absoluteString, category: category, message: message, attempts: attempts)))
    }

    /// Hands `outcome` to the waiting task, unless an outcome was handed over already.
    private func finish(_ outcome: Outcome) {
        let continuation = state.withLock { state -> CheckedContinuation<Outcome, Never>? in
            if case .finished = state.phase { return nil }
            state.phase = .finished
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: outcome)
    }

    // MARK: - Requests and the cache

    /// The attempt's request: conditional when a cached copy exists.
    private func plan(cached: FetchCache.Entry?, budget: Duration) -> HTTPTransfer.Plan {
        let policy = context.policy
        let timeout = min(policy.requestTimeout, budget)
        let timeoutMessage =
            timeout < policy.requestTimeout
            ? "no complete response before the total timeout of \(policy.totalTimeout) ran out"
            : "no complete response within the request timeout of \(policy.requestTimeout)"
        var validators: [String] = []
        if let cached {
            if let etag = cached.etag { validators.append("If-None-Match: \(etag)") }
            if let date = cached.lastModified { validators.append("If-Modified-Since: \(date)") }
        }
        return HTTPTransfer.Plan(
            url: url, userAgent: Self.headerValue(policy.userAgent),
            // Only what Proofmark decodes; other image types still come if a server insists.
            headers: ["Accept: image/webp,image/png,image/jpeg;q=0.9,image/*;q=0.5"],
            // A value from a damaged cache file must not smuggle in header lines.
            validators: validators.filter { $0 == Self.headerValue($0) },
            conditionalTarget: cached?.finalURL, maximumBytes: policy.maximumBytes,
            maximumRedirects: policy.maximumRedirects, timeout: timeout,
            timeoutFailure: AttemptFailure(category: "timeout", message: timeoutMessage, retryable: true),
            access: policy.access)
    }

    /// A `200`: kept in the cache when it can be revalidated later, and returned.
    private func store(_ answer: HTTPAnswer, attempts: Int) -> FetchedImage {
        var image = FetchedImage(
            bytes: answer.body, url: answer.finalURL, origin: .network, etag: answer.etag,
            lastModified: answer.lastModified, contentType: answer.contentType, attempts: attempts)
        guard let cache = context.cache else { return image }
        guard answer.etag != nil || answer.lastModified != nil else {
            cache.remove(url: url)
            return image
        }
        do {
            try cache.store(
                url: url, finalURL: answer.finalURL, etag: answer.etag, lastModified: answer.lastModified,
                contentType: answer.contentType, bytes: answer.body)
        } catch {
            image.cacheProblem = "not cached: \(error.localizedDescription)"
        }
        return image
    }

    /// A `304` to a conditional request: the cached bytes, or `nil` when they no longer check out.
    private func revalidated(_ answer: HTTPAnswer, entry: FetchCache.Entry, attempts: Int) -> FetchedImage? {
        guard let cache = context.cache, let bytes = cache.body(for: url, entry: entry) else { return nil }
        var image = FetchedImage(
            bytes: bytes, url: answer.finalURL, origin: .revalidated, etag: answer.etag ?? entry.etag,
            lastModified: answer.lastModified ?? entry.lastModified, contentType: entry.contentType,
            attempts: attempts)
        do {
            try cache.updateValidators(url: url, entry: entry, etag: answer.etag, lastModified: answer.lastModified)
        } catch {
            image.cacheProblem = "validators not updated: \(error.localizedDescription)"
        }
        return image
    }

    /// `value` without the characters that would end a header line.
    private static func headerValue(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" })
    }
}
