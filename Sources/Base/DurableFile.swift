import FaultInjection
public import Foundation

/// Writes a file so that a reader sees the old version or the new one, never half of it: a temporary file in the
/// same folder, flushed to disk, renamed into place, then the folder flushed, so that a crash, a power cut or a
/// reboot leaves the old file or the whole new one. Every output file Proofmark writes goes through here.
public enum DurableFile {
    /// Why a file was not written: what its producer threw (kept as it was, for the caller to tell a state file it
    /// could not read from a full disk), or the file system's refusal, with its cause.
    public enum Failure: Error, CustomStringConvertible {
        case content(any Error)
        case disk(path: String, cause: any Error)

        public var description: String {
            switch self {
            case .content(let error): "\(error)"
            case .disk(let path, let cause): "\(path): \((cause as NSError).localizedDescription)"
            }
        }
    }

    /// Whether the file's bytes are flushed before the rename.
    public enum Flush: Sendable {
        /// Flushed before the rename, and the folder after it.
        case now
        /// Not flushed here: the caller flushes the whole file system afterwards (`syncfs`, as bags are), or the
        /// file is made again from its source whenever it is missing (thumbnails), where a flush per file would cost
        /// more than making it.
        case byCaller
    }

    /// Writes what `produce` appends, piece by piece (memory stays bounded), then renames into place.
    public static func write(
        to url: URL, _ produce: (_ append: (String) throws -> Void) throws -> Void
    ) throws(Failure) {
        try replace(url, flush: .now) { handle in
            var pending = Data()
            do {
                try produce { text in
                    pending.append(contentsOf: text.utf8)
                    if pending.count >= 1 << 20 {
                        try handle.write(contentsOf: pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                throw Failure.content(error)
            }
            try handle.write(contentsOf: pending)
            Checkpoint.outputBeforeRename.reached()
        }
    }

    /// Writes `bytes` to `url` atomically.
    public static func write(_ bytes: some DataProtocol, to url: URL, flush: Flush = .now) throws(Failure) {
        try replace(url, flush: flush) { handle in try handle.write(contentsOf: bytes) }
    }

    private static func replace(_ url: URL, flush: Flush, _ fill: (FileHandle) throws -> Void) throws(Failure) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try fill(handle)
                if flush == .now { try handle.synchronize() }
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            // rename(2) replaces the target atomically within one file system.
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
            }
            if flush == .now {
                let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if folder >= 0 {
                    fsync(folder)
                    close(folder)
                }
            }
        } catch let failure as Failure {
            try? FileManager.default.removeItem(at: temporary)
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .disk(path: url.path, cause: error)
        }
    }
}
