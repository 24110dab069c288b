internal import Dispatch
internal import Foundation
internal import Synchronization

#if canImport(FoundationNetworking)
    internal import FoundationNetworking
#endif

/// How one HTTP attempt ended.
enum AttemptOutcome: Sendable {
    /// A final response (not a redirect that was followed), with its body when it was a `200`.
    case response(HTTPAnswer)
    case failure(AttemptFailure)
}

/// The parts of a final response the fetcher uses.
struct HTTPAnswer: Sendable {
    var status: Int
    /// Where the response came from, after redirects, when URLSession says.
    var finalURL: URL?
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
}

/// The limits one attempt runs under.
struct TransferLimits: Sendable {
    var maximumBytes: Int
    var maximumRedirects: Int
    /// Where the cached copy was served from: the conditional headers are kept on a redirect only to there.
    var conditionalTarget: URL?
}

/// One attempt: a URLSession data task, the body it streams, and the single outcome it ends with.
///
/// The outcome is decided once, by whichever comes first: the task completing, the size cap or the redirect limit
/// (judged in delegate callbacks), the attempt's timer, or the caller's cancellation. Later events are ignored, so
/// nothing depends on how corelibs URLSession reports a task cancelled halfway. Every `URLSessionTask.cancel()` is
/// sent from a global dispatch queue, never from a Swift cancellation handler or while a lock is held: on Linux,
/// `cancel()` waits for the session's work queue, and doing that under the task's status lock deadlocks
/// (swift-corelibs-foundation issue 5412).
final class HTTPTransfer: Sendable {
    private struct State {
        var body = Data()
        var redirects = 0
        var finished = false
        var outcome: AttemptOutcome?
        var continuation: CheckedContinuation<AttemptOutcome, Never>?
        var timer: DispatchWorkItem?
    }

    let limits: TransferLimits
    private let task: URLSessionDataTask
    private let state = Mutex(State())

    init(task: URLSessionDataTask, limits: TransferLimits) {
        self.task = task
        self.limits = limits
    }

    /// Starts the task and waits for its outcome, giving up after `timeout` with `timeoutFailure`.
    func run(timeout: Duration, timeoutFailure: AttemptFailure) async -> AttemptOutcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> AttemptOutcome? in
                    if let outcome = state.outcome { return outcome }
                    state.continuation = continuation
                    // A dispatch timer, not a sleeping task: it fires on time even when CPU-bound work (decoding,
                    // hashing) keeps every thread of the Swift concurrency pool busy.
                    // Weak: a cancelled work item stays queued until its deadline, and must not keep the body alive.
                    let timer = DispatchWorkItem { [weak self] in self?.abort(.failure(timeoutFailure)) }
                    state.timer = timer
                    DispatchQueue.global().asyncAfter(deadline: .now() + Self.dispatchInterval(timeout), execute: timer)
                    return nil
                }
                if let ready {
                    continuation.resume(returning: ready)
                } else {
                    task.resume()
                }
            }
        } onCancel: {
            DispatchQueue.global().async { [self] in
                abort(.failure(Self.cancelled))
            }
        }
    }

    /// Ends the attempt with `outcome` (unless it has ended) and stops the task.
    func abort(_ outcome: AttemptOutcome) {
        finish(outcome)
        cancelTask()
    }

    /// Stops the task; what it reports afterwards is ignored.
    private func cancelTask() {
        let task = self.task
        DispatchQueue.global().async { task.cancel() }
    }

    /// Ends the attempt with `outcome` unless it has ended already.
    func finish(_ outcome: AttemptOutcome) {
        let continuation = state.withLock { state -> CheckedContinuation<AttemptOutcome, Never>? in
            guard !state.finished else { return nil }
            state.finished = true
            state.outcome = outcome
            state.body = Data()
            state.timer?.cancel()
            state.timer = nil
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: outcome)
    }

    /// The response's header is in. Anything but a `200` or `203` is the outcome already (its body is not wanted);
    /// a declared body over the cap is refused before any of it arrives.
    func received(response: URLResponse) {
        guard let http = response as? HTTPURLResponse else { return }
        guard http.statusCode == 200 || http.statusCode == 203 else {
            finish(.response(Self.answer(http, url: http.url ?? task.currentRequest?.url, body: Data())))
            // A 304 has no body and completes at once; letting it keeps the connection for the next request.
            if http.statusCode != 304 { cancelTask() }
            return
        }
        let declared = http.expectedContentLength
        if declared > limits.maximumBytes {
            abort(.failure(Self.tooLarge("declares \(declared) bytes", limits: limits)))
        }
    }

    /// Appends a piece of the body, refusing the transfer as soon as the body passes the cap.
    func received(data: Data) {
        let total = state.withLock { state -> Int? in
            guard !state.finished else { return nil }
            guard state.body.count + data.count <= limits.maximumBytes else { return state.body.count + data.count }
            state.body.append(data)
            return nil
        }
        if let total {
            abort(.failure(Self.tooLarge("sent more than \(total - data.count) bytes", limits: limits)))
        }
    }

    /// Decides a redirect: the request to follow, or `nil` to stop (the attempt has then ended).
    func redirect(to request: URLRequest) -> URLRequest? {
        let count = state.withLock { state -> Int in
            state.redirects += 1
            return state.redirects
        }
        guard let target = request.url else { return nil }
        guard count <= limits.maximumRedirects else {
            let message = "more than \(limits.maximumRedirects) redirects (the last to \(target.absoluteString))"
            abort(.failure(AttemptFailure(category: "too-many-redirects", message: message, retryable: false)))
            return nil
        }
        let scheme = target.scheme?.lowercased()
        guard scheme == "http" || scheme == "https" else {
            let message = "redirected to \(target.absoluteString); only http and https are fetched"
            abort(.failure(AttemptFailure(category: "unsupported-scheme", message: message, retryable: false)))
            return nil
        }
        var next = request
        if target != limits.conditionalTarget {
            // The validators belong to the cached copy's URL; elsewhere they would only confuse the server.
            next.setValue(nil, forHTTPHeaderField: "If-None-Match")
            next.setValue(nil, forHTTPHeaderField: "If-Modified-Since")
        }
        return next
    }

    /// The task ended: a final response with the body received, or an error.
    func completed(response: URLResponse?, error: (any Error)?) {
        if let error {
            finish(.failure(Self.failure(for: error)))
            return
        }
        guard let http = response as? HTTPURLResponse else {
            finish(
                .failure(AttemptFailure(category: "bad-response", message: "not an HTTP response", retryable: false)))
            return
        }
        let body = state.withLock { $0.body }
        finish(.response(Self.answer(http, url: http.url ?? task.currentRequest?.url, body: body)))
    }

    private static func answer(_ http: HTTPURLResponse, url: URL?, body: Data) -> HTTPAnswer {
        HTTPAnswer(
            status: http.statusCode, finalURL: url, body: body,
            etag: http.value(forHTTPHeaderField: "ETag"),
            lastModified: http.value(forHTTPHeaderField: "Last-Modified"),
            contentType: http.value(forHTTPHeaderField: "Content-Type"),
            retryAfter: http.value(forHTTPHeaderField: "Retry-After"))
    }

    static let cancelled = AttemptFailure(category: "cancelled", message: "the fetch was cancelled", retryable: false)

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow, nanoseconds.partialValue < Int64(Int.max) else { return .never }
        return .nanoseconds(max(0, Int(nanoseconds.partialValue + attoseconds / 1_000_000_000)))
    }

    private static func tooLarge(_ what: String, limits: TransferLimits) -> AttemptFailure {
        AttemptFailure(
            category: "too-large", message: "the body \(what), over the cap of \(limits.maximumBytes) bytes",
            retryable: false)
    }

    /// The category of a URLSession error (the NSURLError codes corelibs maps libcurl's results to).
    static func failure(for error: any Error) -> AttemptFailure {
        let code = (error as? URLError)?.code
        let detail = (error as NSError).localizedDescription
        switch code {
        case .timedOut?:
            return AttemptFailure(category: "timeout", message: "timed out: \(detail)", retryable: true)
        case .networkConnectionLost?:
            return AttemptFailure(category: "connection", message: "connection lost: \(detail)", retryable: true)
        case .cannotFindHost?, .dnsLookupFailed?, .cannotConnectToHost?, .notConnectedToInternet?:
            return AttemptFailure(category: "connection", message: detail, retryable: false)
        case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?,
            .serverCertificateNotYetValid?, .serverCertificateHasUnknownRoot?, .clientCertificateRejected?,
            .clientCertificateRequired?:
            return AttemptFailure(category: "tls", message: detail, retryable: false)
        case .httpTooManyRedirects?:
            return AttemptFailure(category: "too-many-redirects", message: detail, retryable: false)
        case .dataLengthExceedsMaximum?:
            return AttemptFailure(category: "too-large", message: detail, retryable: false)
        case .badURL?, .unsupportedURL?:
            return AttemptFailure(category: "invalid-url", message: detail, retryable: false)
        case .cancelled?:
            return cancelled
        case .badServerResponse?, .cannotParseResponse?, .cannotDecodeRawData?, .cannotDecodeContentData?:
            return AttemptFailure(category: "bad-response", message: detail, retryable: false)
        default:
            return AttemptFailure(category: "connection", message: detail, retryable: false)
        }
    }
}
