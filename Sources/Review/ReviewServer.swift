import Evidence
import Findings
public import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Store
import Synchronization

/// `proofmark serve`: the review workbench, a local web page over the state file and the night's outputs (issue 20).
///
/// The queue of the latest night's findings (worst first, filtered, paged as JSON), one finding at a time with its
/// pictures and signals, decisions through `proofmark review`'s own Store path, and exports per channel through
/// `proofmark export`'s own library calls. Safe by default (`Access`): loopback, an access token, a session cookie,
/// CSRF and Origin checks, a Content-Security-Policy that runs only the page's own script file, every piece of dump
/// text escaped, and files served only from the output folder, by finding id or by position, never by a path the
/// request names.
public enum ReviewServer {
    public struct Configuration: Sendable {
        public var statePath: String
        /// The night's outputs (`bundles/`, `report/`): the only folder files are served from, with `exportsFolder`.
        public var outputFolder: URL
        /// Where exports are written (`OUT/exports`, as `proofmark export` writes beside an `out/state.sqlite`).
        public var exportsFolder: URL
        public var host: String
        /// The names the server also answers as (its Host and Origin checks), for a `host` other than loopback: the
        /// name analysts type (`review.example.internal`). The first is the one printed.
        public var names: [String]
        /// 0 picks a free port (`ready` is told which).
        public var port: Int
        /// Who decides: recorded with every decision.
        public var reviewer: String
        /// The decisions' and exports' clock.
        public var clock: @Sendable () -> Date
        /// The access token to require; nil draws a random one (tests pass their own).
        public var accessToken: String?

        public init(
            statePath: String, outputFolder: URL, exportsFolder: URL? = nil, host: String = "127.0.0.1",
            names: [String] = [], port: Int = 8080, reviewer: String,
            clock: @escaping @Sendable () -> Date = { Date() },
            accessToken: String? = nil
        ) {
            self.statePath = statePath
            self.outputFolder = outputFolder
            self.exportsFolder = exportsFolder ?? outputFolder.appendingPathComponent("exports")
            self.host = host
            self.names = names
            self.port = port
            self.reviewer = reviewer
            self.clock = clock
            self.accessToken = accessToken
        }
    }

    /// Serves until the task running it is cancelled. `ready` gets the address to open, access token included,
    /// once the server listens (with the port it chose for port 0).
    public static func run(
        _ configuration: Configuration, ready: @escaping @Sendable (URL) -> Void
    ) async throws {
        guard FileManager.default.fileExists(atPath: configuration.statePath) else {
            throw WorkbenchError.notFound("\(configuration.statePath): no such state file")
        }
        let access = Access(accessToken: configuration.accessToken)
        let workbench = Workbench(configuration)
        let port = PortBox()
        let router = Router(context: BasicRequestContext.self)
        router.add(
            middleware: GuardMiddleware(
                access: access, host: configuration.host, names: configuration.names, port: port))
        Routes(workbench: workbench, access: access).add(to: router)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? configuration.port
                port.set(bound)
                let name = configuration.names.first ?? configuration.host
                let host = name.contains(":") ? "[\(name)]" : name
                if let url = URL(string: "http://\(host):\(bound)/?token=\(access.accessToken)") { ready(url) }
            },
            logger: Self.logger)
        try await app.run()
    }
}

extension ReviewServer {
    /// Hummingbird's logger, at warnings: its "Server started" info line would repeat on stderr what `ready` prints.
    static var logger: Logger {
        var logger = Logger(label: "proofmark.serve")
        logger.logLevel = .warning
        return logger
    }

    /// Why a configuration cannot serve, before anything listens: a wildcard or outside address with no name the
    /// analysts will open it by (the Host check would refuse every request made by that name).
    public static func problem(with configuration: Configuration) -> String? {
        // One colon is a port (an IPv6 address has several); a slash, query or user part is a URL, not a name.
        for name in configuration.names
        where name.isEmpty || name.contains(where: { " /?#@".contains($0) }) || name.count(where: { $0 == ":" }) == 1 {
            return "--name \(name): expected a host name or address, without a port or path"
        }
        if ["0.0.0.0", "::", "[::]"].contains(configuration.host) && configuration.names.isEmpty {
            return "--host \(configuration.host) listens on every address; say the name analysts open it by with "
                + "--name (e.g. --name review.example.internal), which the server checks every request's Host against"
        }
        return nil
    }
}

/// The port the server listens on, known once it runs.
final class PortBox: Sendable {
    private let value = Mutex(0)
    func set(_ port: Int) { value.withLock { $0 = port } }
    var port: Int { value.withLock { $0 } }
}

/// Security headers on every response, the Host check, the token-for-cookie exchange, and the CSRF and Origin
/// checks of state-changing requests (`Access`).
struct GuardMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let access: Access
    let host: String
    let names: [String]
    let port: PortBox

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await check(request, context: context, next: next)
        Reply.secure(&response.headers)
        return response
    }

    private func check(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let origins = Origins(host: host, names: names, port: port.port)
        guard origins.acceptsHost(request.head.authority) else {
            return Reply.text(
                .misdirectedRequest, "this server answers only as " + origins.hosts.sorted().joined(separator: ", "))
        }
        let session = Access.sessionCookie(request.headers[.cookie])
        let signedIn = session.map { Access.same($0, access.session) } ?? false
        if !signedIn {
            let token = request.uri.queryParameters.get("token")
            guard request.method == .get, let token, Access.same(token, access.accessToken) else {
                return Reply.text(
                    .unauthorized, "open the address proofmark serve printed (with its ?token=) to sign in")
            }
            // The token for a cookie; the address bar loses the token.
            var response = Response(status: .seeOther)
            response.headers[.location] = request.uri.path == "/" ? "/" : Reply.localPath(request.uri.path)
            response.headers[.setCookie] = access.setCookie
            return response
        }
        if request.method != .get && request.method != .head {
            guard origins.acceptsOrigin(request.headers[.origin]) else {
                return Reply.text(.forbidden, "refused: the request does not come from this page (Origin)")
            }
            guard let csrf = request.headers[.csrfToken], Access.same(csrf, access.csrf)
            else {
                return Reply.text(.forbidden, "refused: the request carries no valid CSRF token; reload the page")
            }
            guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
                return Reply.text(.unsupportedMediaType, "refused: expected a JSON body")
            }
        }
        return try await next(request, context)
    }
}

/// Building responses.
enum Reply {
    /// `default-src 'self'`: the page's own script file, style sheet and pictures, nothing inline, nothing from
    /// elsewhere, never framed.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    /// Documents of a bag (the claim chart): their own inline styles, no script at all.
    static let documentPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static func secure(_ headers: inout HTTPFields) {
        if headers[.contentSecurityPolicy] == nil {
            headers[.contentSecurityPolicy] = contentSecurityPolicy
        }
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "no-referrer"
        headers[.xFrameOptions] = "DENY"
        headers[.cacheControl] = "no-store"
    }

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        bytes(Data((message + "\n").utf8), type: "text/plain; charset=utf-8", status: status)
    }

    static func html(_ page: String) -> Response { bytes(Data(page.utf8), type: "text/html; charset=utf-8") }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return bytes(data, type: "application/json", status: status)
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(["error": message], status: status)
    }

    static func bytes(_ data: Data, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func file(_ url: URL?, policy: String? = nil) -> Response {
        guard let url, let data = FileManager.default.contents(atPath: url.path) else {
            return text(.notFound, "no such file")
        }
        var response = bytes(data, type: mediaType(url.pathExtension))
        if let policy { response.headers[.contentSecurityPolicy] = policy }
        if !["png", "jpg", "jpeg", "webp", "gif", "html"].contains(url.pathExtension.lowercased()) {
            response.headers[.contentDisposition] = "attachment"
        }
        return response
    }

    static func mediaType(_ suffix: String) -> String {
        switch suffix.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "gif": "image/gif"
        case "html": "text/html; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        default: "text/plain; charset=utf-8"
        }
    }

    /// A path of this site only (`/` and plain characters): never a redirect elsewhere.
    static func localPath(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//"),
            path.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-_.".contains($0)) })
        else { return "/" }
        return path
    }
}

extension HTTPField.Name {
    /// Headers HTTPTypes does not name (each a valid field name, so the fallback is never taken).
    static let csrfToken = HTTPField.Name(Access.csrfHeader) ?? .authorization
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .xContentTypeOptions
    static let xFrameOptions = HTTPField.Name("X-Frame-Options") ?? .xContentTypeOptions
}
