import Crypto
import Foundation

/// Writes a file so that a reader sees the old version or the new one, never half of it: a temporary file in the
/// same folder, flushed to disk, then a rename, then the folder flushed, so that a power cut or a reboot leaves the
/// old file or the whole new one too.
enum AtomicFile {
    static func write(_ text: String, to url: URL) throws(RunError) {
        try write(to: url) { append in try append(text) }
    }

    /// Writes what `produce` appends, piece by piece (memory stays bounded), then renames into place.
    static func write(to url: URL, _ produce: (_ append: (String) throws -> Void) throws -> Void) throws(RunError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission)
            }
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
                try handle.synchronize()
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
            let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw RunError.output(path: url.path, message: (error as NSError).localizedDescription)
        }
    }
}

/// SHA-256 over data given in pieces.
struct StreamingSHA256 {
    private var hasher = SHA256()

    mutating func update(_ data: Data) { hasher.update(data: data) }

    func finalize() -> String { Digest.hex(hasher.finalize()) }
}
