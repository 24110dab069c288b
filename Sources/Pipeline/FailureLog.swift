import Findings
import Foundation

/// `failures.jsonl`: every bad record, failed image and image reference left out of a run, one JSON object a line,
/// in dump order, written as the run goes.
///
/// A dump of a million broken lines gives a million lines here and no more than counts and a few examples each in
/// `run.json` and in the state file, so neither they nor the run's memory grow with the failures. The lines go to a
/// temporary file in the output folder, renamed into place once the dump is read: a run interrupted before that
/// leaves the last complete file, and the resumed run, which reads the whole dump again, writes it anew.
final class FailureLog {
    /// The file's name in the output folder.
    static let fileName = "failures.jsonl"

    let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private let dumpPath: String
    private var pending = Data()
    /// The first write that failed: reported by ``finish()``, so that tallying never stops on it.
    private var failure: String?
    private var finished = false

    init(folder: URL, dumpPath: String) throws(RunError) {
        url = folder.appendingPathComponent(Self.fileName)
        temporary = folder.appendingPathComponent(".\(Self.fileName).partial")
        self.dumpPath = dumpPath
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw RunError.output(path: temporary.path, message: "cannot be created")
        }
        self.handle = handle
    }

    deinit {
        try? handle.close()
        if !finished { try? FileManager.default.removeItem(at: temporary) }
    }

    /// A dump record that is not a listing.
    func badRecord(line: Int, reason: String, message: String) {
        append([
            "file": .string(dumpPath), "line": .integer(line), "kind": "bad-record", "reason": .string(reason),
            "message": .string(message),
        ])
    }

    /// An image of a listing that failed.
    func failedImage(line: Int, listing: String, reference: String, position: Int, reason: String, message: String) {
        append([
            "file": .string(dumpPath), "line": .integer(line), "kind": "failed-image", "listing": .string(listing),
            "reference": .string(reference), "position": .integer(position), "reason": .string(reason),
            "message": .string(message),
        ])
    }

    /// Image references of a listing left out, of one reason (``ImageSelection``).
    func skippedImages(line: Int, listing: String, reason: String, count: Int) {
        append([
            "file": .string(dumpPath), "line": .integer(line), "kind": "skipped-images", "listing": .string(listing),
            "reason": .string(reason), "count": .integer(count),
        ])
    }

    private func append(_ object: JSON) {
        guard failure == nil else { return }
        pending.append(contentsOf: (object.text + "\n").utf8)
        if pending.count >= 1 << 20 { flush() }
    }

    private func flush() {
        do {
            try handle.write(contentsOf: pending)
        } catch {
            failure = (error as NSError).localizedDescription
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, flushes it to disk and renames the file into place.
    func finish() throws(RunError) {
        flush()
        do {
            try handle.synchronize()
        } catch {
            failure = failure ?? (error as NSError).localizedDescription
        }
        if let failure { throw RunError.output(path: url.path, message: failure) }
        guard rename(temporary.path, url.path) == 0 else {
            throw RunError.output(path: url.path, message: String(cString: strerror(errno)))
        }
        finished = true
    }
}
