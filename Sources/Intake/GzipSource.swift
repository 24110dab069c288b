import CZlib

/// Decompresses a gzip stream (all its members, as `cat a.gz b.gz` makes) chunk by chunk through zlib.
///
/// The one place where Intake touches zlib, and the only unsafe pointers in Intake. The `z_stream` lives in a
/// class that ends it in `deinit`.
struct GzipSource: ByteSource {
    private final class Inflater {
        var stream = z_stream()
        var isOpen = false

        init() throws(DumpError) {
            // 15 window bits + 16: expect a gzip header and trailer.
            let status = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw DumpError.corruptCompression(path: "", reason: "zlib init \(status)") }
            isOpen = true
        }

        deinit {
            if isOpen { inflateEnd(&stream) }
        }
    }

    private var input: any ByteSource
    private let inflater: Inflater
    private var pending: [UInt8] = []
    private var finished = false
    private var memberEnded = false
    private let path: String

    init(_ input: some ByteSource, path: String) throws(DumpError) {
        self.input = input
        self.path = path
        do {
            inflater = try Inflater()
        } catch {
            throw DumpError.corruptCompression(path: path, reason: "cannot start zlib")
        }
    }

    mutating func nextChunk() throws(DumpError) -> [UInt8]? {
        while !finished {
            if pending.isEmpty {
                guard let chunk = try input.nextChunk() else {
                    // The input ended: fine between members, damage inside one.
                    if memberEnded { return nil }
                    throw DumpError.corruptCompression(path: path, reason: "the file ends inside compressed data")
                }
                pending = chunk
            }
            if memberEnded {
                // Another member follows: start it afresh.
                guard inflateReset(&inflater.stream) == Z_OK else {
                    throw DumpError.corruptCompression(path: path, reason: "cannot restart zlib")
                }
                memberEnded = false
            }
            var output = [UInt8](repeating: 0, count: FileSource.chunkSize)
            let inflater = self.inflater
            let (status, consumed, produced) = pending.withUnsafeMutableBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    inflater.stream.next_in = source.baseAddress
                    inflater.stream.avail_in = UInt32(source.count)
                    inflater.stream.next_out = target.baseAddress
                    inflater.stream.avail_out = UInt32(target.count)
                    let status = inflate(&inflater.stream, Z_NO_FLUSH)
                    return (
                        status, source.count - Int(inflater.stream.avail_in),
                        target.count - Int(inflater.stream.avail_out)
                    )
                }
            }
            pending.removeFirst(consumed)
            switch status {
            case Z_STREAM_END:
                memberEnded = true
                if pending.isEmpty, produced == 0 { continue }
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                let message = self.inflater.stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw DumpError.corruptCompression(path: path, reason: message)
            }
            if produced > 0 { return Array(output[0..<produced]) }
            if status == Z_BUF_ERROR && consumed == 0 && !pending.isEmpty {
                throw DumpError.corruptCompression(path: path, reason: "no progress")
            }
        }
        return nil
    }
}
