internal import Foundation

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

/// One attempt: a GET and the redirects it leads to, performed on a transfer thread's handle, and the single
/// outcome it ends with.
///
/// Redirects are followed here, hop by hop, rather than by libcurl: each hop's target is checked (scheme, count)
/// before anything is sent to it, and the conditional headers go to the first hop and to a hop whose URL is the
/// cached copy's final URL, nowhere else. libcurl would send custom headers to every hop on the same host, where
/// validators of another URL's copy could earn a wrong `304`. The hops share the attempt's timeout; cancelling the
/// handle ends the hop under way and refuses the next.
struct HTTPTransfer: Sendable {
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
        /// Which addresses each hop may connect to.
        var access: NetworkAccess = .publicOnly
    }

    let plan: Plan

    /// The redirect statuses followed (RFC 9110 §15.4); the method stays GET on all of them.
    private static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Runs the attempt on the calling thread (blocking it) with `handle`; the hops share `plan.timeout` as `clock`
    /// measures it.
    func perform(on handle: CurlHandle, clock: any FetchClock) -> AttemptOutcome {
        let deadline = clock.now + plan.timeout
        var target = plan.url.absoluteString
        var targetURL = plan.url
        var redirects = 0
        while true {
            let left = deadline - clock.now
            guard left > .zero else { return .failure(plan.timeoutFailure) }
            if let refusal = Self.refusal(of: targetURL, raw: target, access: plan.access) { return .failure(refusal) }
            let conditional = redirects == 0 || target == plan.conditionalTarget
            var request = Hop.Request(
                url: target, userAgent: plan.userAgent,
                headers: plan.headers + (conditional ? plan.validators : []), timeout: left,
                maximumBytes: plan.maximumBytes)
            let access = plan.access
            if !access.allowsEveryAddress(forHost: targetURL.host ?? "") {
                request.addressRefusal = { address in
                    access.refusal(of: address).map { reason in "not fetched: \(reason)" }
                }
            }
            let result = handle.perform(request)
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

    /// Why a hop to `url` is refused before anything is sent: credentials in the URL (a listing must not make the
    /// run log in anywhere), or a host that is a non-public address literal or a `localhost` name. The address the
    /// hop then connects to is checked again by the socket hook.
    static func refusal(of url: URL, raw: String, access: NetworkAccess) -> AttemptFailure? {
        // The authority as any parser would see it: after "scheme:" and the slashes (either way round), up to the
        // first "/", "\\", "?" or "#". An "@" there is userinfo, whatever Foundation makes of it.
        let afterScheme = raw.drop { $0 != ":" }.dropFirst().drop { $0 == "/" || $0 == "\\" }
        let authority = afterScheme.prefix { !"/\\?#".contains($0) }
        if url.user != nil || url.password != nil || authority.contains("@") {
            return AttemptFailure(
                category: "refused-credentials", message: "not fetched: the URL carries credentials", retryable: false)
        }
        if let reason = access.refusal(ofHost: url.host ?? String(authority)) {
            return AttemptFailure(category: "refused-address", message: "not fetched: \(reason)", retryable: false)
        }
        return nil
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
        case .addressRefused:
            return AttemptFailure(category: "refused-address", message: result.message, retryable: false)
        }
    }
}
