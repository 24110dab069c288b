import Evidence
import Findings
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Store

/// The workbench's pages, files and JSON API. Every handler answers with a response (errors as JSON or text), so
/// the security headers of `GuardMiddleware` go on every one.
struct Routes: Sendable {
    let workbench: Workbench
    let access: Access

    /// At most this many findings per page of the queue.
    static let pageLimit = 500

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in Reply.html(Pages.queue(csrf: access.csrf)) }
        router.get("/filing") { _, _ in Reply.html(Pages.filing(csrf: access.csrf)) }
        router.get("/static/app.js") { _, _ in
            Reply.bytes(Data(Assets.script.utf8), type: "text/javascript; charset=utf-8")
        }
        router.get("/static/app.css") { _, _ in Reply.bytes(Data(Assets.style.utf8), type: "text/css; charset=utf-8") }
        router.get("/api/queue") { request, _ in answer { try queue(request) } }
        router.get("/finding/:id") { _, context in
            answer {
                let id = try context.parameters.require("id")
                return Reply.html(try findingPage(id))
            }
        }
        router.get("/finding/:id/picture/:n") { _, context in
            answer {
                let id = try context.parameters.require("id")
                guard let n = context.parameters.get("n", as: Int.self), (1...999).contains(n),
                    let data = try workbench.bagData(findingID: id)
                else { return Reply.text(.notFound, "no such picture") }
                return Reply.file(workbench.inside(data.appendingPathComponent("side-by-side-\(n).png")))
            }
        }
        // A bag's own documents (the claim chart and the pictures it shows), looked up among the files the bag
        // holds: the request's path is a key into that listing, never a path opened as such.
        router.get("/finding/:id/bag/**") { request, context in
            answer {
                let id = try context.parameters.require("id")
                let prefix = "/finding/\(id)/bag/"
                guard let data = try workbench.bagData(findingID: id), request.uri.path.hasPrefix(prefix),
                    let key = String(request.uri.path.dropFirst(prefix.count)).removingPercentEncoding,
                    let url = workbench.listing(of: data)[key]
                else { return Reply.text(.notFound, "no such file in the bag") }
                return Reply.file(url, policy: Reply.documentPolicy)
            }
        }
        router.get("/exports/:channel/:n") { _, context in
            answer {
                guard let channel = ExportChannel(rawValue: try context.parameters.require("channel")),
                    let n = context.parameters.get("n", as: Int.self)
                else { return Reply.text(.notFound, "no such export file") }
                let files = workbench.exportFiles(channel)
                guard files.indices.contains(n) else { return Reply.text(.notFound, "no such export file") }
                return Reply.file(files[n].url)
            }
        }
        router.post("/api/decide") { request, context in
            await answerAsync {
                let body = try await decode(DecideBody.self, request, context)
                let decision = try decision(body.decision)
                let written: [ReviewRecord]
                if let filter = body.filter {
                    guard let expected = body.expected else {
                        throw WorkbenchError.badRequest("a bulk decision names the count it was shown (expected)")
                    }
                    written = try workbench.decide(
                        filter: filter, expected: expected, decision: decision, reason: body.reason)
                } else {
                    written = try workbench.decide(
                        ids: body.ids ?? [], decision: decision, reason: body.reason, seen: body.seen ?? [:])
                }
                return Reply.json(
                    DecideReply(
                        decision: decision.rawValue, written: written.count, ids: written.map(\.findingID),
                        revisions: Dictionary(written.map { ($0.findingID, $0.id ?? 0) }) { a, _ in a }))
            }
        }
        router.post("/api/export") { request, context in
            await answerAsync {
                let body = try await decode([String: String].self, request, context)
                guard let name = body["channel"], let channel = ExportChannel(rawValue: name) else {
                    throw WorkbenchError.badRequest("expected a channel: alibaba-ipp, amazon, ebay-vero, temu, …")
                }
                let (result, _) = try workbench.export(channel)
                let files = workbench.exportFiles(channel).enumerated().map { index, file in
                    ExportReply.File(path: file.path, href: "/exports/\(channel.rawValue)/\(index)")
                }
                return Reply.json(
                    ExportReply(
                        channel: channel.rawValue, candidates: result.candidates, exported: result.exported.count,
                        refused: result.refused, warnings: result.warnings,
                        issues: result.issues.map {
                            ExportReply.Issue(
                                finding: $0.findingID, level: $0.level.rawValue, check: $0.check.rawValue,
                                message: $0.message)
                        }, files: files))
            }
        }
    }

    // MARK: Handlers

    private func queue(_ request: Request) throws -> Response {
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        let filter = QueueFilter(query: query)
        let offset = query["offset"].flatMap(Int.init) ?? 0
        let limit = min(Self.pageLimit, query["limit"].flatMap(Int.init) ?? 100)
        let (night, items) = try workbench.queue()
        return Reply.json(QueuePage(night: night, items: items, filter: filter, offset: offset, limit: limit))
    }

    private func findingPage(_ id: String) throws -> String {
        guard Workbench.isFindingID(id) else { throw WorkbenchError.notFound("no finding \(id)") }
        let (store, _) = try workbench.store()
        guard let finding = try store.finding(id: id) else { throw WorkbenchError.notFound("no finding \(id)") }
        let raw = try store.currentVersion(marketplace: finding.marketplace, listingID: finding.listingID)?.version
            .raw
        let listing = ListingSummary(
            raw: raw ?? "{}", marketplace: finding.marketplace, listingID: finding.listingID)
        let review = try store.reviewStates()[id]
        let nights = try store.nights(ofFinding: id)
        let runs = Dictionary(try store.runs().map { ($0.id, $0) }) { a, _ in a }
        let ledger = try store.sellerLedger()
        let seller = ledger.sellers.first { $0.marketplace == finding.marketplace && $0.sellerID == finding.sellerID }
        let cluster = seller?.cluster.flatMap { name in ledger.clusters.first { $0.id == name } }
        let data = try workbench.bagData(findingID: id)
        let bagFiles = data.map { workbench.listing(of: $0) } ?? [:]
        return Pages.finding(
            FindingView(
                finding: finding, listing: listing, review: review, nights: nights, runs: runs, seller: seller,
                cluster: cluster, bagFiles: bagFiles.keys.sorted()),
            csrf: access.csrf)
    }

    private func decision(_ name: String) throws -> ReviewRecord.Decision {
        guard let decision = ReviewRecord.Decision(rawValue: name) else {
            throw WorkbenchError.badRequest("decision \(name): expected confirmed, dismissed or withdrawn")
        }
        return decision
    }

    private func decode<T: Decodable>(
        _ type: T.Type, _ request: Request, _ context: BasicRequestContext
    )
        async throws -> T
    {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw WorkbenchError.badRequest("the body is not the JSON expected")
        }
    }

    private func answer(_ body: () throws -> Response) -> Response {
        do { return try body() } catch { return failure(error) }
    }

    private func answerAsync(_ body: () async throws -> Response) async -> Response {
        do { return try await body() } catch { return failure(error) }
    }

    private func failure(_ error: any Error) -> Response {
        switch error {
        case WorkbenchError.notFound(let message): Reply.error(.notFound, message)
        case WorkbenchError.badRequest(let message): Reply.error(.badRequest, message)
        case WorkbenchError.conflict(let message): Reply.error(.conflict, message)
        case let error as StoreError:
            switch error.cause {
            case .notFound: Reply.error(.notFound, String(describing: error))
            case .diskFull, .io, .notAStateFile: Reply.error(.internalServerError, String(describing: error))
            case .inUse, .conflict, .other: Reply.error(.conflict, String(describing: error))
            }
        default: Reply.error(.internalServerError, String(describing: error))
        }
    }
}

struct DecideBody: Decodable {
    var ids: [String]?
    var filter: QueueFilter?
    var expected: Int?
    /// Per named finding, the latest decision id the page showed (`QueueItem.revision`).
    var seen: [String: Int64]?
    var decision: String
    var reason: String?
}

struct DecideReply: Encodable {
    var decision: String
    var written: Int
    var ids: [String]
    /// Each finding's new latest decision id, for the page to send with its next decision.
    var revisions: [String: Int64]
}

struct ExportReply: Encodable {
    struct Issue: Encodable {
        var finding: String
        var level: String
        var check: String
        var message: String
    }
    struct File: Encodable {
        var path: String
        var href: String
    }
    var channel: String
    var candidates: Int
    var exported: Int
    var refused: Int
    var warnings: Int
    var issues: [Issue]
    var files: [File]
}
