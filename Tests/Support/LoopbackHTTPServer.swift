internal import Dispatch
public import Foundation
internal import Glibc
internal import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 at an ephemeral port, for tests of HTTP clients: POSIX sockets, one thread
/// accepting and one thread per connection, every response followed by closing the connection.
///
/// Tests give each path a ``Behaviour`` (answer, hold until released, send part of a body, oversize, redirect,
/// revalidate, fail N times, never answer), read back how many requests each path got and what they carried, and how
/// many requests were outstanding at once. Unknown paths get a 404. Call ``stop()`` when done (a `defer` right after
/// creating it): it ends every connection, including the ones that never answer, and waits for the threads.
///
/// Nothing here is timed: a test that needs requests to overlap, or a clock to move while a request is under way,
/// holds the answers (``Behaviour/held(then:)``), waits for the requests to arrive (``waitForRequests(_:count:)``,
/// ``waitForHeld(count:)``) and releases them (``release(_:)``), so the sequence it checks is the same however slowly
/// any thread runs. A client's timeout is made to fire by a server that never completes its answer
/// (``Behaviour/neverAnswer``, ``Behaviour/partial(body:sentBytes:)``), never by one that is merely slow.
///
/// `Sendable` without `@unchecked`: the socket numbers are constants and everything that changes lives in one
/// `Mutex`.
public final class LoopbackHTTPServer: Sendable {
    /// How the body of a response is delimited.
    public enum Framing: Sendable {
        case contentLength
        case chunked
        /// No length: the body ends when the server closes the connection.
        case connectionClose
    }

    /// What the server does with a request for a path.
    public indirect enum Behaviour: Sendable {
        /// Answers at once.
        case respond(status: Int, headers: [String: String] = [:], body: Data = Data())
        /// Holds the request unanswered until the test calls ``release(_:)`` or ``releaseAll()``, then behaves as
        /// `then` (gives up if the client hangs up or the server stops first).
        case held(then: Behaviour)
        /// A `200` declaring the whole of `body`, of which only the first `sentBytes` are sent; then the connection
        /// is held, never completed, until the client hangs up or the server stops.
        case partial(body: Data, sentBytes: Int)
        /// A `200` whose body is `bytes` long, framed as asked; stops early when the client hangs up.
        case oversized(bytes: Int, framing: Framing)
        /// `status` with `Location: location` (a path on this server or an absolute URL).
        case redirect(to: String, status: Int = 302)
        /// `200` with the validators given, or `304` when the request's `If-None-Match` names `etag` or its
        /// `If-Modified-Since` equals `lastModified`.
        case revalidating(etag: String?, lastModified: String?, body: Data)
        /// The first `times` requests to the path get `status`, later ones behave as `then`.
        case failing(times: Int, status: Int, headers: [String: String] = [:], then: Behaviour)
        /// Reads the request and never answers, until the client hangs up or the server stops.
        case neverAnswer
    }

    /// A request as the server received it. Header names are lowercased.
    public struct Request: Sendable {
        public let method: String
        public let target: String
        public let headers: [String: String]
    }

    private struct State {
        var routes: [String: Behaviour] = [:]
        var requests: [String: [Request]] = [:]
        var open: Set<Int32> = []
        /// Connections accepted whose answer has not started.
        var outstanding: Set<Int32> = []
        var mostOutstanding = 0
        /// Connections held by ``Behaviour/held(then:)`` and not released yet, with their request's target.
        var holding: [Int32: String] = [:]
        var watchers: [Watcher] = []
        var nextWatcher = 0
        var threads = 0
        var stopped = false
    }

    /// A test waiting for the server's state to satisfy `condition`.
    private struct Watcher {
        let id: Int
        let condition: @Sendable (State) -> Bool
        let continuation: CheckedContinuation<Bool, Never>
    }

    /// The port the server listens on.
    public let port: Int
    private let listener: Int32
    private let state = Mutex(State())

    /// Starts listening on 127.0.0.1 at a port the kernel picks.
    public init() throws {
        let socketNumber = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketNumber >= 0 else { throw ServerError.socket("socket", errno) }
        var yes: Int32 = 1
        setsockopt(socketNumber, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socketNumber, generic, length) == 0 && listen(socketNumber, 128) == 0
                    && getsockname(socketNumber, generic, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(socketNumber)
            throw ServerError.socket("bind/listen", code)
        }
        listener = socketNumber
        port = Int(UInt16(bigEndian: address.sin_port))
        state.withLock { $0.threads = 1 }
        Thread.detachNewThread { [self] in acceptConnections() }
    }

    /// `http://127.0.0.1:<port><path>`; `path` begins with "/" and may carry a query.
    public func url(_ path: String) -> URL {
        guard path.hasPrefix("/"), let url = URL(string: "http://127.0.0.1:\(port)\(path)") else {
            preconditionFailure("not a path: \(path)")
        }
        return url
    }

    /// Sets (or replaces) what requests for `path` get. The path includes any query string.
    public func route(_ path: String, _ behaviour: Behaviour) {
        state.withLock { $0.routes[path] = behaviour }
    }

    /// The requests received for `path`, oldest first.
    public func requests(_ path: String) -> [Request] {
        state.withLock { $0.requests[path] ?? [] }
    }

    /// How many requests `path` received.
    public func requestCount(_ path: String) -> Int {
        requests(path).count
    }

    /// How many requests are held now (``Behaviour/held(then:)``, not yet released).
    public var heldCount: Int {
        state.withLock { $0.holding.count }
    }

    /// Lets every request to `path` held now go on to its `then` behaviour. Requests arriving later are held again.
    public func release(_ path: String) {
        change { state in state.holding = state.holding.filter { $0.value != path } }
    }

    /// Lets every request held now go on.
    public func releaseAll() {
        change { state in state.holding = [:] }
    }

    /// Returns once `path` has received at least `count` requests.
    public func waitForRequests(_ path: String, count: Int) async throws {
        try await waitUntil("\(count) requests to \(path)") { $0.requests[path, default: []].count >= count }
    }

    /// Returns once at least `count` requests are held at the same time.
    public func waitForHeld(count: Int) async throws {
        try await waitUntil("\(count) requests held at once") { $0.holding.count >= count }
    }

    /// Returns once the server's state satisfies `condition`. A safety net, not a measurement: when that has not
    /// happened after ``patience`` (a client that never sends the request waited for), it throws instead of letting
    /// the test hang.
    private func waitUntil(_ what: String, _ condition: @escaping @Sendable (State) -> Bool) async throws {
        let met = await withCheckedContinuation { continuation in
            let id = state.withLock { state -> Int? in
                if condition(state) { return nil }
                state.nextWatcher += 1
                state.watchers.append(
                    Watcher(id: state.nextWatcher, condition: condition, continuation: continuation))
                return state.nextWatcher
            }
            guard let id else { return continuation.resume(returning: true) }
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.patience) { [self] in
                // Still waiting (not woken by a change): give up on this one.
                let expired = state.withLock { state -> Watcher? in
                    guard let index = state.watchers.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.watchers.remove(at: index)
                }
                expired?.continuation.resume(returning: false)
            }
        }
        guard met else { throw ServerError.gaveUpWaiting(what) }
    }

    /// How long ``waitForRequests(_:count:)`` and ``waitForHeld(count:)`` wait before they give up: far longer than
    /// any request takes to arrive on a loaded machine, so reaching it means the request is not coming.
    public static let patience: DispatchTimeInterval = .seconds(900)

    /// Changes the state and wakes the watchers whose condition now holds.
    @discardableResult
    private func change<T>(_ body: (inout State) -> T) -> T {
        let (result, ready) = state.withLock { state -> (T, [Watcher]) in
            let result = body(&state)
            let (met, unmet) = Self.partition(&state)
            state.watchers = unmet
            return (result, met)
        }
        for watcher in ready { watcher.continuation.resume(returning: true) }
        return result
    }

    /// Takes the watchers out of `state`, split by whether their condition holds now.
    private static func partition(_ state: inout State) -> (met: [Watcher], unmet: [Watcher]) {
        let watchers = state.watchers
        state.watchers = []
        let snapshot = state
        return (watchers.filter { $0.condition(snapshot) }, watchers.filter { !$0.condition(snapshot) })
    }

    /// The most requests outstanding at the same time: a connection counts from its accept until the server starts
    /// sending its answer (or the connection ends), the span in which its client is still waiting.
    ///
    /// Not until the connection closes: a client may see a whole response and start its next request before the
    /// server's thread gets to close the connection it just answered, and counting that overlap would report a
    /// limit broken that the client kept.
    public var mostSimultaneousRequests: Int {
        state.withLock { $0.mostOutstanding }
    }

    /// Ends every connection and stops listening; returns when every server thread has finished (or after 5 s).
    public func stop() {
        let open = state.withLock { state -> Set<Int32> in
            state.stopped = true
            return state.open
        }
        // shutdown, not close: each descriptor is closed by the thread that owns it, so none is reused early.
        shutdown(listener, Int32(SHUT_RDWR))
        for descriptor in open { shutdown(descriptor, Int32(SHUT_RDWR)) }
        let deadline = Date().addingTimeInterval(5)
        while state.withLock({ $0.threads }) > 0, Date() < deadline { usleep(2_000) }
    }

    private func acceptConnections() {
        defer {
            close(listener)
            state.withLock { $0.threads -= 1 }
        }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let admitted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.open.insert(connection)
                state.outstanding.insert(connection)
                state.mostOutstanding = max(state.mostOutstanding, state.outstanding.count)
                state.threads += 1
                return true
            }
            guard admitted else {
                close(connection)
                return
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer {
            shutdown(connection, Int32(SHUT_RDWR))
            close(connection)
            state.withLock { state in
                state.open.remove(connection)
                state.outstanding.remove(connection)
                state.threads -= 1
            }
        }
        guard let request = readRequest(connection) else { return }
        let (behaviour, count) = change { state -> (Behaviour?, Int) in
            state.requests[request.target, default: []].append(request)
            let behaviour = state.routes[request.target]
            // Held from the moment the request is counted, so a test that saw it arrive can release it.
            if case .held = behaviour { state.holding[connection] = request.target }
            return (behaviour, state.requests[request.target, default: []].count)
        }
        perform(behaviour ?? .respond(status: 404, body: Data("no route\n".utf8)), request, count, connection)
    }

    private func perform(_ behaviour: Behaviour, _ request: Request, _ count: Int, _ connection: Int32) {
        switch behaviour {
        case .respond(let status, let headers, let body):
            answering(connection)
            _ = send(connection, head(status, headers.merging(["Content-Length": "\(body.count)"]) { $1 }) + body)
        case .held(let then):
            while state.withLock({ $0.holding[connection] != nil }) {
                // The wait's length only bounds how soon a release is noticed.
                guard waitWhileConnected(connection, for: .milliseconds(5)) else {
                    change { state in state.holding[connection] = nil }
                    return
                }
            }
            perform(then, request, count, connection)
        case .partial(let body, let sentBytes):
            answering(connection)
            guard send(connection, head(200, ["Content-Length": "\(body.count)"])),
                send(connection, body.prefix(max(0, min(sentBytes, body.count - 1))))
            else { return }
            while waitWhileConnected(connection, for: .seconds(3600)) {}
        case .oversized(let bytes, let framing):
            sendOversized(bytes, framing, connection)
        case .redirect(let location, let status):
            perform(.respond(status: status, headers: ["Location": location]), request, count, connection)
        case .revalidating(let etag, let lastModified, let body):
            var headers: [String: String] = [:]
            headers["ETag"] = etag
            headers["Last-Modified"] = lastModified
            let etagMatches = etag != nil && request.headers["if-none-match"]?.contains(etag ?? "") == true
            let dateMatches = lastModified != nil && request.headers["if-modified-since"] == lastModified
            let notModified = request.headers["if-none-match"] != nil ? etagMatches : dateMatches
            if notModified {
                answering(connection)
                _ = send(connection, head(304, headers))
            } else {
                perform(.respond(status: 200, headers: headers, body: body), request, count, connection)
            }
        case .failing(let times, let status, let headers, let then):
            let failure = Behaviour.respond(status: status, headers: headers, body: Data("failure \(count)\n".utf8))
            perform(count <= times ? failure : then, request, count, connection)
        case .neverAnswer:
            while waitWhileConnected(connection, for: .seconds(3600)) {}
        }
    }

    private func sendOversized(_ bytes: Int, _ framing: Framing, _ connection: Int32) {
        let piece = Data(repeating: 0x5a, count: 16 << 10)
        var headers: [String: String] = [:]
        switch framing {
        case .contentLength: headers["Content-Length"] = "\(bytes)"
        case .chunked: headers["Transfer-Encoding"] = "chunked"
        case .connectionClose: break
        }
        answering(connection)
        guard send(connection, head(200, headers)) else { return }
        var sent = 0
        while sent < bytes {
            let chunk = piece.prefix(bytes - sent)
            let framed =
                framing == .chunked
                ? Data("\(String(chunk.count, radix: 16))\r\n".utf8) + chunk + Data("\r\n".utf8) : Data(chunk)
            guard send(connection, framed) else { return }
            sent += chunk.count
        }
        if framing == .chunked { _ = send(connection, Data("0\r\n\r\n".utf8)) }
    }

    /// The answer on `connection` starts now: its request is no longer outstanding.
    private func answering(_ connection: Int32) {
        _ = state.withLock { $0.outstanding.remove(connection) }
    }

    private func head(_ status: Int, _ headers: [String: String]) -> Data {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Data((text + "\r\n").utf8)
    }

    /// Reads up to the end of the request's header; `nil` if the client hangs up first or sends nonsense.
    private func readRequest(_ connection: Int32) -> Request? {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end = Array("\r\n\r\n".utf8)
        while received.firstRange(of: end) == nil {
            guard received.count < 64 << 10 else { return nil }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received += buffer[0..<count]
        }
        let lines = String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Request(method: String(parts[0]), target: String(parts[1]), headers: headers)
    }

    /// Sends all of `data`; `false` when the client has gone.
    private func send(_ connection: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                // MSG_NOSIGNAL: a client that hung up must give EPIPE here, not kill the test process.
                let sent = Glibc.send(
                    connection, raw.baseAddress?.advanced(by: offset), raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// Waits `duration`; `false` as soon as the client hangs up or the server stops.
    private func waitWhileConnected(_ connection: Int32, for duration: Duration) -> Bool {
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline {
            let left = deadline - ContinuousClock.now
            let milliseconds = Int32(
                min(1_000, max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            )
            var descriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 {
                // Readable: either bytes (discarded; clients here send nothing after the request) or the end of the
                // stream, which means the peer closed or the server shut the socket down.
                var scratch = [UInt8](repeating: 0, count: 1024)
                let count = recv(connection, &scratch, scratch.count, Int32(MSG_DONTWAIT))
                if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) { return false }
            }
            if state.withLock({ $0.stopped }) { return false }
        }
        return true
    }

    private static func reason(_ status: Int) -> String {
        [
            200: "OK", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
            307: "Temporary Redirect", 308: "Permanent Redirect", 404: "Not Found", 429: "Too Many Requests",
            500: "Internal Server Error", 503: "Service Unavailable",
        ][status] ?? "Status"
    }

    /// A socket call failed while starting the server.
    public enum ServerError: Error, CustomStringConvertible {
        case socket(String, Int32)
        /// What a test waited for did not happen within ``LoopbackHTTPServer/patience``.
        case gaveUpWaiting(String)

        public var description: String {
            switch self {
            case .socket(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            case .gaveUpWaiting(let what): "gave up waiting for \(what)"
            }
        }
    }
}
