import Findings
import Foundation
import Review
import Store
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One night over part of the samples (the first six listings of each marketplace), run once per test process by
/// the real `proofmark run`, with a hostile title in listing 10001 (which has a finding). Each test gets its own
/// copy of the outputs (`out/state.sqlite`, `out/bundles/`, ...), so tests neither share decisions nor wait on a
/// night each.
final class ReviewNight: Sendable {
    static let hostileTitle = #"<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> ACME original"#
    static let now = "2026-11-28T02:00:00Z"
    let folder: TemporaryFolder
    let out: URL

    var state: String { out.appendingPathComponent("state.sqlite").path }

    init() async throws {
        let original = try await Self.shared.value
        folder = try TemporaryFolder()
        out = folder.url.appendingPathComponent("out")
        try FileManager.default.copyItem(at: original.out, to: out)
    }

    private init(folder: TemporaryFolder, out: URL) {
        self.folder = folder
        self.out = out
    }

    private static let shared = Task { () throws -> ReviewNight in
        let fixture = try NightFixture()
        var perMarketplace: [String: Int] = [:]
        let lines = try fixture.sampleLines().compactMap { line -> String? in
            guard let data = line.data(using: .utf8),
                let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                let marketplace = object["marketplace"] as? String
            else { return nil }
            perMarketplace[marketplace, default: 0] += 1
            if NightFixture.listingID(of: line) == "10001" {
                return NightFixture.editing(line) { $0["title"] = hostileTitle }
            }
            return perMarketplace[marketplace, default: 0] <= 6 ? line : nil
        }
        let dump = try fixture.writeDump("hostile.jsonl", lines: lines)
        let out = fixture.folder.url.appendingPathComponent("out")
        let outcome = try await CommandRunner.proofmark([
            "run", "--registry", fixture.registry.path, "--dump", dump.path, "--out", out.path, "--jobs", "2",
            "--now", now,
        ])
        guard outcome.status == 0 else { throw ProbeError("proofmark run failed: \(outcome.standardError)") }
        return ReviewNight(folder: fixture.folder, out: out)
    }

    /// A copy of the night's outputs beside it (the same state, for comparing two ways of deciding).
    func copy(_ name: String) throws -> URL {
        let target = folder.url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: out, to: target)
        return target
    }

    /// The latest night's findings, worst first, as the state file has them.
    func findingsWorstFirst() throws -> [FindingRecord] {
        let store = try StateStore(path: state)
        let runID = try #require(try store.runs().last { $0.status == .completed }?.id)
        var findings: [FindingRecord] = []
        try store.forEachFindingWorstFirst(ofNight: runID) { finding, _ in findings.append(finding) }
        return findings
    }
}

/// A review server running in this process on a free port, with a known token and clock.
struct RunningServer: Sendable {
    static let token = "test-token-0123456789"
    static let clock = Date(timeIntervalSince1970: 1_796_116_800)  // 2026-12-01T09:20:00Z
    let url: URL
    let port: Int
    let task: Task<Void, any Error>

    static func start(
        state: String, out: URL, reviewer: String = "ana", exportsFolder: URL? = nil, names: [String] = []
    ) async throws -> RunningServer {
        let configuration = ReviewServer.Configuration(
            statePath: state, outputFolder: out, exportsFolder: exportsFolder, names: names, port: 0,
            reviewer: reviewer,
            clock: { clock }, accessToken: token)
        let (stream, continuation) = AsyncStream<URL>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await ReviewServer.run(configuration) { url in
                continuation.yield(url)
                continuation.finish()
            }
        }
        for await url in stream {
            return RunningServer(url: url, port: url.port ?? 0, task: task)
        }
        _ = try await task.value
        throw ProbeError("the server stopped before it listened")
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// The session cookie, from trading the token.
    func signIn() async throws -> String {
        let reply = try await get("/?token=\(Self.token)")
        #expect(reply.status == 303)
        let setCookie = try #require(reply.header("set-cookie"))
        return String(try #require(setCookie.split(separator: ";").first))
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> HTTPProbe.Reply {
        try await HTTPProbe.send(port: port, method: "GET", path: path, headers: headers)
    }

    /// A POST as the page makes it: the cookie, the page's CSRF token, this server's Origin, a JSON body.
    func post(
        _ path: String, json: [String: Any], cookie: String?, csrf: String?, origin: String? = nil,
        contentType: String = "application/json"
    ) async throws -> HTTPProbe.Reply {
        var headers = ["Content-Type": contentType, "Origin": origin ?? "http://127.0.0.1:\(port)"]
        if let cookie { headers["Cookie"] = cookie }
        if let csrf { headers["X-CSRF-Token"] = csrf }
        let body = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        return try await HTTPProbe.send(port: port, method: "POST", path: path, headers: headers, body: body)
    }

    /// The CSRF token the queue page carries.
    func csrf(cookie: String) async throws -> String {
        let page = try await get("/", headers: ["Cookie": cookie]).text
        let marker = #"<meta name="csrf-token" content=""#
        let start = try #require(page.range(of: marker)).upperBound
        let end = try #require(page[start...].firstIndex(of: "\""))
        return String(page[start..<end])
    }
}

struct ProbeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A plain HTTP/1.1 client over a socket, so that a test sets every header itself (no cookie jar, no redirects,
/// no Origin of its own) and sees every byte the server sends.
enum HTTPProbe {
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    static func send(
        port: Int, method: String, path: String, headers: [String: String] = [:], body: Data = Data()
    ) async throws -> Reply {
        try await CommandRunner.onOwnThread {
            try exchange(port: port, method: method, path: path, headers: headers, body: body)
        }
    }

    private static func exchange(
        port: Int, method: String, path: String, headers: [String: String], body: Data
    ) throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProbeError("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw ProbeError("connect: \(errno)") }
        var head = "\(method) \(path) HTTP/1.1\r\n"
        var all = headers
        if all["Host"] == nil { all["Host"] = "127.0.0.1:\(port)" }
        all["Connection"] = "close"
        all["Content-Length"] = String(body.count)
        for (name, value) in all.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let request = Data(head.utf8) + body
        var sent = 0
        while sent < request.count {
            let n = request.withUnsafeBytes { bytes in
                bytes.baseAddress.map { write(fd, $0 + sent, request.count - sent) } ?? -1
            }
            guard n > 0 else { throw ProbeError("write: \(errno)") }
            sent += n
        }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { throw ProbeError("no HTTP response") }
        let lines = String(decoding: response[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let fields = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var payload = Data(response[split.upperBound...])
        if fields.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased() == "chunked" }) {
            payload = dechunk(payload)
        }
        return Reply(status: status, headers: fields, body: payload)
    }

    private static func dechunk(_ data: Data) -> Data {
        var output = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            if size == 0 { break }
            let start = lineEnd.upperBound
            let end = rest.index(start, offsetBy: size)
            output.append(rest[start..<end])
            rest = rest[rest.index(end, offsetBy: 2)...]
        }
        return output
    }
}
