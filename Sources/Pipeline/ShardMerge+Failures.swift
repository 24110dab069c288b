import Findings
import Foundation

extension ShardMerge {
    /// What became of the shards' `failures.jsonl` in a merge's output folder.
    public struct MergedFailures: Sendable {
        /// Lines written to the merged `failures.jsonl`.
        public var lines = 0
        /// Shards whose failures file of the night was not found, each with why: their failures are not in the
        /// merged file (each one is said on standard error by `proofmark merge`).
        public var missing: [String] = []
    }

    /// One shard's failures file of the night being written: `failures.jsonl` in the folder its state file is in
    /// (`proofmark run --shard K/N --out DIR` keeps both there), taken only when the `run.json` beside it is of
    /// `runID`, the shard's run of that night.
    struct ShardFailures {
        var shard: Shard
        var statePath: String
        var runID: String
    }

    /// Writes `failures.jsonl` into `folder` from the shards' files: every line of every shard, in dump order (by
    /// the line number each one names; a dump line belongs to one shard, so this is the order one unsharded run
    /// writes). Streams: a line per shard is held at a time.
    static func mergeFailures(_ shards: [ShardFailures], into folder: URL) throws(RunError) -> MergedFailures {
        var merged = MergedFailures()
        var readers: [(shard: Shard, reader: LineReader)] = []
        for entry in shards {
            let shardFolder = URL(fileURLWithPath: entry.statePath).deletingLastPathComponent()
            let file = shardFolder.appendingPathComponent(FailureLog.fileName)
            let runJSON = shardFolder.appendingPathComponent("run.json")
            guard let data = FileManager.default.contents(atPath: runJSON.path),
                case .object(let run)? = JSON(parsing: String(decoding: data, as: UTF8.self)),
                case .string(let runID)? = run["run_id"]
            else {
                merged.missing.append("shard \(entry.shard): no run.json beside \(entry.statePath)")
                continue
            }
            guard runID == entry.runID else {
                merged.missing.append(
                    "shard \(entry.shard): \(file.path) is of run \(runID), not of its run \(entry.runID)")
                continue
            }
            guard let reader = LineReader(path: file.path) else {
                merged.missing.append("shard \(entry.shard): cannot read \(file.path)")
                continue
            }
            readers.append((entry.shard, reader))
        }
        var heads: [(line: Int, text: String)?] = []
        func next(_ index: Int) throws(RunError) -> (line: Int, text: String)? {
            guard let text = try readers[index].reader.next() else { return nil }
            guard case .object(let object)? = JSON(parsing: text), case .integer(let line)? = object["line"] else {
                throw RunError.merge(
                    "\(readers[index].reader.path): line \(readers[index].reader.lineNumber) is not a failure record")
            }
            return (line, text)
        }
        for index in readers.indices { heads.append(try next(index)) }
        try AtomicFile.write(to: folder.appendingPathComponent(FailureLog.fileName)) { append in
            // The shards are few: the smallest head is found by a scan, ties going to the lower shard.
            while true {
                var smallest: Int?
                for (index, head) in heads.enumerated() {
                    guard let head else { continue }
                    if let best = smallest, let current = heads[best], current.line <= head.line { continue }
                    smallest = index
                }
                guard let index = smallest, let head = heads[index] else { break }
                try append(head.text + "\n")
                merged.lines += 1
                heads[index] = try next(index)
            }
        }
        return merged
    }
}

/// The lines of a file, read in chunks: memory holds a chunk and a line, whatever the file's size.
final class LineReader {
    let path: String
    /// The number of the line last returned (1-based).
    private(set) var lineNumber = 0
    private let handle: FileHandle
    /// Bytes read and not yet returned start at `position`.
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.path = path
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its line feed; nil at the end. A last line without a line feed is a line.
    func next() throws(RunError) -> String? {
        while true {
            if let end = buffer[position...].firstIndex(of: 0x0A) {
                defer { position = end + 1 }
                lineNumber += 1
                return String(decoding: buffer[position..<end], as: UTF8.self)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                lineNumber += 1
                return String(decoding: buffer[position...], as: UTF8.self)
            }
            do {
                let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
                buffer.removeFirst(position)
                position = 0
                if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
            } catch {
                throw RunError.merge("\(path): \((error as NSError).localizedDescription)")
            }
        }
    }
}
