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
        let stream = try Stream(url)
        do {
            try produce { text in try stream.append(text) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.content(error)
        }
        try stream.writePending()
        Checkpoint.outputBeforeRename.reached()
        try stream.finish()
    }

    /// Writes `bytes` to `url` atomically.
    public static func write(_ bytes: some DataProtocol, to url: URL, flush: Flush = .now) throws(Failure) {
        let stream = try Stream(url)
        try stream.append(bytes)
        try stream.finish(flush: flush)
    }

    /// A file written piece by piece, put in place whole by ``finish(flush:)``: until then its bytes go to a
    /// temporary file beside it (buffered, 1 MiB at a time), which is removed if the stream is dropped unfinished.
    /// Not for use from several threads at once.
    public final class Stream {
        public let url: URL
        private let temporary: URL
        private let handle: FileHandle
        private var pending = Data()
        private var isOpen = true
        private var finished = false

        /// Creates the temporary file for `url`.
        public init(_ url: URL) throws(Failure) {
            self.url = url
            temporary = url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                let handle = FileHandle(forWritingAtPath: temporary.path)
            else {
                try? FileManager.default.removeItem(at: temporary)
                throw .disk(path: url.path, cause: CocoaError(.fileWriteNoPermission))
            }
            self.handle = handle
        }

        deinit {
            guard !finished else { return }
            if isOpen { try? handle.close() }
            try? FileManager.default.removeItem(at: temporary)
        }

        /// Appends `text` as UTF-8.
        public func append(_ text: String) throws(Failure) {
            try append(Data(text.utf8))
        }

        /// Appends `bytes`.
        public func append(_ bytes: some DataProtocol) throws(Failure) {
            pending.append(contentsOf: bytes)
            if pending.count >= 1 << 20 { try writePending() }
        }

        /// Writes what is buffered to the temporary file.
        func writePending() throws(Failure) {
            guard !pending.isEmpty else { return }
            do {
                try handle.write(contentsOf: pending)
            } catch {
                throw .disk(path: url.path, cause: error)
            }
            pending.removeAll(keepingCapacity: true)
        }

        /// Writes what is left, flushes it to disk (with `.now`), renames it into place and flushes the folder.
        public func finish(flush: Flush = .now) throws(Failure) {
            do {
                try writePending()
                if flush == .now { try handle.synchronize() }
                isOpen = false
                try handle.close()
            } catch let failure as Failure {
                throw failure
            } catch {
                throw .disk(path: url.path, cause: error)
            }
            // rename(2) replaces the target atomically within one file system.
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw .disk(
                    path: url.path, cause: CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason]))
            }
            finished = true
            if flush == .now {
                let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if folder >= 0 {
                    fsync(folder)
                    close(folder)
                }
            }
        }
    }
}
