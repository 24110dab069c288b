import Crypto
import Foundation

/// Writes a file so that a reader sees the old version or the new one, never half of it: a temporary file in the
/// same folder, then a rename.
enum AtomicFile {
    static func write(_ text: String, to url: URL) throws(RunError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces the target atomically within one file system.
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
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

    func finalize() -> String { JSONText.sha256Hex(Data(hasher.finalize())) }
}
