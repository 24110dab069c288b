import Base
public import Foundation

/// The report's files, written by Base's `DurableFile` (a reader sees the old file or the whole new one), their
/// failures reported as `ReportError`s.
public enum AtomicFileWriter {
    /// Writes what `produce` appends, piece by piece (memory stays bounded), then renames into place.
    public static func write(
        to url: URL, _ produce: (_ append: (String) throws -> Void) throws -> Void
    ) throws(ReportError) {
        do {
            try DurableFile.write(to: url, produce)
        } catch {
            throw ReportError(writing: url.path, error)
        }
    }

    /// Writes `bytes` to `url` atomically. Not flushed to disk before the rename: for files made again from their
    /// source whenever they are missing (thumbnails), where a flush per file would cost more than making them.
    static func writeUnflushed(_ bytes: [UInt8], to url: URL) throws(ReportError) {
        do {
            try DurableFile.write(bytes, to: url, flush: .byCaller)
        } catch {
            throw ReportError(writing: url.path, error)
        }
    }
}
