import Foundation

/// Bytes read in chunks, so that a dump of any size is never held whole.
protocol ByteSource {
    /// The next chunk, or nil at the end.
    mutating func nextChunk() throws(DumpError) -> [UInt8]?
}

/// How many bytes of a file have been read, shared with whoever reports progress.
final class ReadCounter: @unchecked Sendable {
    // @unchecked: only the reading thread writes; readers of `bytes` for progress tolerate a stale value.
    var bytes = 0
}

/// A file read 256 KiB at a time.
struct FileSource: ByteSource {
    static let chunkSize = 256 << 10
    let handle: FileHandle
    let path: String
    let size: Int
    let counter = ReadCounter()

    init(path: String) throws(DumpError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw DumpError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw DumpError.unreadable(path: path, reason: "not a regular file")
        }
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw DumpError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        self.path = path
        size = Int(status.st_size)
    }

    mutating func nextChunk() throws(DumpError) -> [UInt8]? {
        do {
            guard let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty else { return nil }
            counter.bytes += data.count
            return [UInt8](data)
        } catch {
            throw DumpError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// Why a dump cannot be read at all (bad records are `DumpProblem`s, not errors).
public enum DumpError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case corruptCompression(path: String, reason: String)
    case missingHeader(path: String)
    case badHeader(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read the dump: \(reason)"
        case .corruptCompression(let path, let reason): "\(path): the gzip data is damaged: \(reason)"
        case .missingHeader(let path): "\(path): the CSV dump has no header row"
        case .badHeader(let path, let reason): "\(path): bad CSV header: \(reason)"
        }
    }
}
