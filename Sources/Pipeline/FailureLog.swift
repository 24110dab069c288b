import Base
import Findings
import Foundation

/// `failures.jsonl`: every bad record, failed image and image reference left out of a run, one JSON object a line,
/// in dump order, written as the run goes.
///
/// A dump of a million broken lines gives a million lines here and no more than counts and a few examples each in
/// `run.json` and in the state file, so neither they nor the run's memory grow with the failures. The lines go to a
/// temporary file in the output folder (``DurableFile/Stream``), renamed into place once the dump is read: a run
/// interrupted before that leaves the last complete file, and the resumed run, which reads the whole dump again,
/// writes it anew.
final class FailureLog {
    /// The file's name in the output folder.
    static let fileName = "failures.jsonl"

    var url: URL { file.url }
    private let file: DurableFile.Stream
    private let dumpPath: String
    /// The first write that failed: reported by ``finish()``, so that tallying never stops on it.
    private var failure: String?

    init(folder: URL, dumpPath: String) throws(RunError) {
        // What a killed run left half-written: the output folder is locked by this run, so no other writes there.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".\(Self.fileName).") && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        do {
            file = try DurableFile.Stream(folder.appendingPathComponent(Self.fileName))
        } catch {
            throw RunError.output(path: folder.appendingPathComponent(Self.fileName).path, message: "cannot be created")
        }
        self.dumpPath = dumpPath
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
        do {
            try file.append(object.text + "\n")
        } catch {
            failure = Self.message(error)
        }
    }

    /// Writes what is left, flushes it to disk and renames the file into place (``DurableFile/Stream``).
    func finish() throws(RunError) {
        if let failure { throw RunError.output(path: url.path, message: failure) }
        do {
            try file.finish()
        } catch {
            throw RunError.output(path: url.path, message: Self.message(error))
        }
    }

    private static func message(_ failure: DurableFile.Failure) -> String {
        switch failure {
        case .disk(_, let cause): (cause as NSError).localizedDescription
        case .content(let error): "\(error)"
        }
    }
}
