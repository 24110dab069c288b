internal import Foundation
internal import Synchronization

/// How one HTTP attempt ended.
enum AttemptOutcome: Sendable {
    /// A final response (not a redirect that was followed), with its body when it was a `200` or `203`.
    case response(HTTPAnswer)
    case failure(AttemptFailure)
}

/// The parts of a final response the fetcher uses.
struct HTTPAnswer: Sendable {
    var status: Int
    /// Where the response came from, after redirects.
    var finalURL: URL
    var body: Data
    var etag: String?
    var lastModified: String?
    var contentType: String?
    var retryAfter: String?
}

/// Why an attempt failed, and whether another attempt may do better.
struct AttemptFailure: Sendable {
    var category: String
    var message: String
    var retryable: Bool

    static let cancelled = AttemptFailure(category: "cancelled", message: "the fetch was cancelled", retryable: false)
}

/// One attempt: a GET and the redirects it leads to, run on one of the fetcher's transfer threads, and the single
/// outcome it ends with.
///
/// Redirects are followed here, hop by hop, rather than by libcurl: each hop's target is checked (scheme, count)
/// before anything is sent to it, and the conditional headers go to the first hop and to a hop whose URL is the
/// cached copy's final URL, nowhere else. libcurl would send custom headers to every hop on the same host, where
/// validators of another URL's copy could earn a wrong `304`. The hops share the attempt's timeout.
///
/// The async caller waits for the thread to finish even when cancelled (cancelling wakes the transfer at once), so
/// an attempt holds its slot in the fetcher's limits exactly as long as it uses a connection and a thread.
final class HTTPTransfer: Sendable {
    /// What the attempt sends, and its limits.
    struct Plan: Sendable {
        var url: URL
        var userAgent: String
        /// Header lines sent on every hop.
        var headers: [String]
        /// `If-None-Match` / `If-Modified-Since` lines, sent on the first hop and to `conditionalTarget` only.
        var validators: [String]
        /// Where the cached copy was served from.
        var conditionalTarget: String?
        var maximumBytes: Int
        var maximumRedirects: Int
        /// The whole attempt, redirects included.
        var timeout: Duration
        /// What running out of `timeout` is reported as.
        var timeoutFailure: AttemptFailure
    }

    private struct State {
        var cancelled = false
        /// The handle of the thread running the attempt, while it runs.
        var handle: CurlHandle?
        var continuation: CheckedContinuation<AttemptOutcome, Never>?
    }

    let plan: Plan
    private let state = Mutex(State())

    init(plan: Plan) {
        self.plan = plan
    }

    /// Runs the attempt on one of `threads` and waits for its outcome.
    func run(on threads: TransferThreads) async -> AttemptOutcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                state.withLock { $0.continuation = continuation }
                threads.submit { [self] handle in perform(on: handle) }
            }
        } onCancel: {
            // Only a flag, a short lock and libcurl's cancel (an atomic store and socket shutdowns): nothing here
            // waits for the transfer.
            state.withLock { state in
                state.cancelled = true
                state.handle?.cancel()
            }
        }
    }

    /// On a transfer thread: the hops, then the outcome handed to the waiting task.
    private func perform(on handle: CurlHandle?) {
        let started = state.withLock { state -> Bool in
            guard !state.cancelled, let handle else { return false }
            handle.arm()
            state.handle = handle
            return true
        }
        let outcome: AttemptOutcome
        if started, let handle {
            outcome = hops(handle)
        } else if handle == nil {
            outcome = .failure(
                AttemptFailure(category: "connection", message: "libcurl could not be initialised", retryable: false))
        } else {
            outcome = .failure(.cancelled)
        }
        let continuation = state.withLock { state -> CheckedContinuation<AttemptOutcome, Never>? in
            state.handle = nil
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: outcome)
    }

    /// The redirect statuses followed (RFC 9110 §15.4); the method stays GET on all of them.
    private static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    private func hops(_ handle: CurlHandle) -> AttemptOutcome {
        let clock = ContinuousClock()
        let deadline = clock.now + plan.timeout
        var target = plan.url.absoluteString
        var targetURL = plan.url
        var redirects = 0
        while true {
            let left = deadline - clock.now
            guard left > .zero else { return .failure(plan.timeoutFailure) }
            let conditional = redirects == 0 || target == plan.conditionalTarget
            let result = handle.perform(
                Hop.Request(
                    url: target, userAgent: plan.userAgent,
                    headers: plan.headers + (conditional ? plan.validators : []), timeout: left,
                    maximumBytes: plan.maximumBytes))
            if let failure = result.failure { return .failure(attemptFailure(failure, result)) }
            guard Self.redirectStatuses.contains(result.status),
                let next = result.redirectURL ?? Self.resolve(result.headers["Location"], against: targetURL)
            else {
                return .response(
                    HTTPAnswer(
                        status: result.status, finalURL: targetURL, body: result.body,
                        etag: result.headers["ETag"], lastModified: result.headers["Last-Modified"],
                        contentType: result.headers["Content-Type"], retryAfter: result.headers["Retry-After"]))
            }
            redirects += 1
            guard redirects <= plan.maximumRedirects else {
                let message = "more than \(plan.maximumRedirects) redirects (the last to \(next))"
                return .failure(AttemptFailure(category: "too-many-redirects", message: message, retryable: false))
            }
            guard let nextURL = URL(string: next) else {
                let message = "redirected to \(next), which is not a valid URL"
                return .failure(AttemptFailure(category: "invalid-url", message: message, retryable: false))
            }
            let scheme = nextURL.scheme?.lowercased()
            guard scheme == "http" || scheme == "https" else {
                let message = "redirected to \(next); only http and https are fetched"
                return .failure(AttemptFailure(category: "unsupported-scheme", message: message, retryable: false))
            }
            target = next
            targetURL = nextURL
        }
    }

    /// A `Location` libcurl did not resolve (it does so only for a response it read to the end).
    private static func resolve(_ location: String?, against base: URL) -> String? {
        guard let location, !location.isEmpty else { return nil }
        return URL(string: location, relativeTo: base)?.absoluteURL.absoluteString
    }

    private func attemptFailure(_ failure: Hop.Failure, _ result: Hop.Result) -> AttemptFailure {
        let cap = plan.maximumBytes
        switch failure {
        case .timeout:
            return plan.timeoutFailure
        case .tooLargeDeclared:
            let declared = result.headers["Content-Length"].map { "declares \($0) bytes" } ?? "declares too many bytes"
            return AttemptFailure(
                category: "too-large", message: "the body \(declared), over the cap of \(cap) bytes", retryable: false)
        case .tooLargeStreamed:
            return AttemptFailure(
                category: "too-large", message: "the body sent more than the cap of \(cap) bytes", retryable: false)
        case .connectFailed:
            return AttemptFailure(category: "connection", message: result.message, retryable: false)
        case .connectionLost:
            return AttemptFailure(
                category: "connection", message: "connection lost: \(result.message)", retryable: true)
        case .tls:
            return AttemptFailure(category: "tls", message: result.message, retryable: false)
        case .badResponse:
            return AttemptFailure(category: "bad-response", message: result.message, retryable: false)
        case .cancelled:
            return .cancelled
        case .unsupportedScheme:
            return AttemptFailure(category: "unsupported-scheme", message: result.message, retryable: false)
        case .invalidURL:
            return AttemptFailure(category: "invalid-url", message: result.message, retryable: false)
        case .other:
            return AttemptFailure(category: "connection", message: result.message, retryable: false)
        }
    }
}
