import Foundation
import Glibc

/// A new folder filled with files through its descriptor (`mkdirat(2)`, `openat(2)`, `write(2)`), for bags: one
/// path lookup for the folder, then each file and subfolder relative to it, and no flush per file.
///
/// Nothing here is flushed to disk: the bag is renamed into place whole, and the caller that records a bag as made
/// flushes first (the nightly run flushes the bundles' file system once, before its state file records the bags'
/// keys). Foundation's `Data.write(to:)` flushed every file, some 15 a bag, which cost more wall time than making the
/// bag on a busy disk.
final class BagFolder {
    private let descriptor: Int32
    private let path: String
    private var folders: Set<String> = []

    /// Creates the folder at `path` (which must not exist) and opens it.
    init(creating path: String) throws(EvidenceError) {
        self.path = path
        guard mkdir(path, 0o777) == 0 else { throw Self.error(path, "cannot create the folder") }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.error(path, "cannot open the folder") }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Writes `bytes` as the new file `relativePath` (`/`-separated, already checked safe), creating its folders.
    func write(_ bytes: Data, to relativePath: String) throws(EvidenceError) {
        var components = relativePath.split(separator: "/").map(String.init)
        components.removeLast()
        var folder = ""
        for component in components {
            folder += folder.isEmpty ? component : "/" + component
            guard !folders.contains(folder) else { continue }
            guard mkdirat(descriptor, folder, 0o777) == 0 || errno == EEXIST else {
                throw Self.error(path + "/" + folder, "cannot create the folder")
            }
            folders.insert(folder)
        }
        let file = openat(descriptor, relativePath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard file >= 0 else { throw Self.error(path + "/" + relativePath, "cannot create the file") }
        defer { close(file) }
        let written: Bool = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }  // no bytes
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(file, base + offset, raw.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard written else { throw Self.error(path + "/" + relativePath, "cannot write the file") }
    }

    private static func error(_ path: String, _ message: String) -> EvidenceError {
        EvidenceError(path: path, message: "\(message): \(String(cString: strerror(errno)))")
    }
}
