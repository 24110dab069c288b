import Evidence
import Findings
import Foundation
import Pipeline
import Store
import Synchronization

/// What the workbench does, apart from HTTP: reads the queue and a finding, records decisions through the same Store
/// path as `proofmark review` (`StateStore.recordReview`), runs exports as `proofmark export` does, and finds the
/// files it may serve (only inside the output folder, by finding id or by position in a listing it made itself).
final class Workbench: Sendable {
    let configuration: ReviewServer.Configuration
    private let cache = Mutex<Cache?>(nil)

    private struct Cache: Sendable {
        var inode: UInt64
        var store: StateStore
        var snapshot: QueueSnapshot?
    }

    init(_ configuration: ReviewServer.Configuration) {
        self.configuration = configuration
    }

    /// The state file, opened anew when the file at the path changed (a merge writes a new one).
    func store() throws -> (StateStore, QueueSnapshot) {
        var info = stat()
        guard stat(configuration.statePath, &info) == 0 else {
            throw WorkbenchError.notFound("\(configuration.statePath): no such state file")
        }
        let inode = UInt64(info.st_ino)
        if let cached = cache.withLock({ $0 }), cached.inode == inode, let snapshot = cached.snapshot,
            snapshot.runID == (try cached.store.runs().last(where: { $0.status == .completed })?.id)
        {
            return (cached.store, snapshot)
        }
        let store = try cache.withLock { cache in
            if let cache, cache.inode == inode { return cache.store }
            return try StateStore(path: configuration.statePath)
        }
        let snapshot = try QueueSnapshot.load(store)
        cache.withLock { $0 = Cache(inode: inode, store: store, snapshot: snapshot) }
        return (store, snapshot)
    }

    /// The latest night's findings with their review state now, in the report's order.
    func queue() throws -> (runID: String?, items: [QueueItem]) {
        let (store, snapshot) = try store()
        let states = try store.reviewStates()
        let items = snapshot.items.map { item in
            var item = item
            if let state = states[item.id] {
                item.review = state.queueName
                item.reviewer = state.current?.decision == .withdrawn ? nil : state.current?.reviewer
                item.reason = state.current?.decision == .withdrawn ? nil : state.current?.reason
                item.revision = state.latestID
            }
            return item
        }
        return (snapshot.runID, items)
    }

    /// Records a decision on named findings, as `proofmark review ID... --confirm|--dismiss|--undo` would; with
    /// `seen` (the latest decision id the page showed for each), only when none has changed since.
    func decide(
        ids: [String], decision: ReviewRecord.Decision, reason: String?, seen: [String: Int64] = [:]
    ) throws -> [ReviewRecord] {
        guard !ids.isEmpty else { throw WorkbenchError.badRequest("no finding named") }
        let reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let time = NightlyRun.timestamp(configuration.clock(), compact: false)
        return try StateStore.recordReview(
            statePath: configuration.statePath, StateStore.ReviewSelection(findingIDs: ids, seen: seen),
            decision: decision,
            reviewer: configuration.reviewer, reason: reason, at: time)
    }

    /// Records a decision on every finding the filter selects, when it still selects `expected` of them (what the
    /// analyst was shown); otherwise nothing is written.
    func decide(
        filter: QueueFilter, expected: Int, decision: ReviewRecord.Decision, reason: String?
    ) throws
        -> [ReviewRecord]
    {
        let ids = try queue().items.filter(filter.matches).map(\.id)
        guard ids.count == expected else {
            throw WorkbenchError.conflict(
                "the filters now select \(ids.count) findings, not the \(expected) shown: nothing was recorded")
        }
        return try decide(ids: ids, decision: decision, reason: reason)
    }

    /// Runs the pre-filing checks and writes one channel's export files, exactly as `proofmark export --channel`
    /// does with its defaults (bundles from the output folder, the clock for the filing day).
    func export(_ channel: ExportChannel) throws -> (Exporter.Result, URL) {
        let (store, _) = try store()
        let time = NightlyRun.timestamp(configuration.clock(), compact: false)
        let result = try Exporter.prepare(
            store: store, channel: channel,
            options: Exporter.Options(
                today: String(time.prefix(10)), generatedAt: time,
                bundlesFolder: configuration.outputFolder.appendingPathComponent("bundles")))
        let folder = try Exporter.write(result, into: configuration.exportsFolder)
        return (result, folder)
    }

    // MARK: Files, only from the output folder

    /// A finding id as the state file writes them (`f-` and lowercase hex); anything else names no file.
    static func isFindingID(_ id: String) -> Bool {
        id.hasPrefix("f-") && id.count <= 80
            && id.dropFirst(2).allSatisfy { $0.isASCII && ($0.isNumber || ("a"..."z").contains($0)) }
    }

    /// A finding's bundle `data/` folder, when the finding is in the state file and its bag is there.
    func bagData(findingID: String) throws -> URL? {
        guard Self.isFindingID(findingID), try store().0.finding(id: findingID) != nil else { return nil }
        let folder = configuration.outputFolder.appendingPathComponent("bundles").appendingPathComponent(findingID)
            .appendingPathComponent("data")
        return inside(folder)
    }

    /// The files under `folder` (recursively), by path relative to it, that resolve inside the output folder.
    func listing(of folder: URL) -> [String: URL] {
        guard let folder = inside(folder),
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [])
        else { return [:] }
        var files: [String: URL] = [:]
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                let resolved = inside(url), resolved.path.hasPrefix(base)
            else { continue }
            files[String(resolved.path.dropFirst(base.count))] = resolved
        }
        return files
    }

    /// `url` with symbolic links resolved, when that is inside the output folder (or the exports folder).
    func inside(_ url: URL) -> URL? {
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL
        for root in [configuration.outputFolder, configuration.exportsFolder] {
            let base = root.resolvingSymlinksInPath().standardizedFileURL.path
            if resolved.path == base || resolved.path.hasPrefix(base.hasSuffix("/") ? base : base + "/") {
                return resolved
            }
        }
        return nil
    }

    /// One channel's export files as written, in path order.
    func exportFiles(_ channel: ExportChannel) -> [(path: String, url: URL)] {
        listing(of: configuration.exportsFolder.appendingPathComponent(channel.rawValue))
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

enum WorkbenchError: Error, CustomStringConvertible {
    case notFound(String)
    case badRequest(String)
    case conflict(String)

    var description: String {
        switch self {
        case .notFound(let message), .badRequest(let message), .conflict(let message): message
        }
    }
}
