import FaultInjection
public import Foundation
import Store

/// Writes a file so that a reader sees the old version or the new one, never half of it: a temporary file in the
/// same folder, flushed to disk, then renamed into place, then the folder flushed, so that a crash, a power cut or a
/// reboot leaves the old file or the whole new one. Every output file of a run and of the report is written here.
public enum AtomicFileWriter {
    /// Writes what `produce` appends, piece by piece (memory stays bounded), then renames into place.
    public static func write(
        to url: URL, _ produce: (_ append: (String) throws -> Void) throws -> Void
    ) throws(ReportError) {
        try replace(url) { temporary in
            let handle = try FileHandle(forWritingTo: temporary)
            var pending = Data()
            do {
                try produce { text in
                    pending.append(contentsOf: text.utf8)
                    if pending.count >= 1 << 20 {
                        try handle.write(contentsOf: pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                try handle.write(contentsOf: pending)
                Checkpoint.outputBeforeRename.reached()
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
        }
    }

    /// Writes `bytes` to `url` atomically. Not flushed to disk before the rename: for files made again from their
    /// source whenever they are missing (thumbnails), where a flush per file would cost more than making them.
    static func writeUnflushed(_ bytes: [UInt8], to url: URL) throws(ReportError) {
        try replace(url) { temporary in
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: bytes)
        }
    }

    private static func replace(_ url: URL, _ fill: (URL) throws -> Void) throws(ReportError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            try fill(temporary)
            // rename(2) replaces the target atomically within one file system.
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
            }
            let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            // What the content's producer threw (a state file that cannot be read) is its own error.
            switch error {
            case let error as ReportError: throw error
            case let error as StoreError: throw ReportError.state(error)
            default: throw ReportError.output(path: url.path, message: (error as NSError).localizedDescription)
            }
        }
    }
}
