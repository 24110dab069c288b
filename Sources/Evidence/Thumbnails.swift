import Foundation
import Imaging
import Synchronization

/// The report's thumbnails: each finding's first side-by-side PNG (`bundles/<finding_id>/data/side-by-side-<n>.png`),
/// shrunk to `width` pixels wide into `report/thumbs/<finding_id>.png`, so a report over 10,000 findings stays light.
///
/// A thumbnail is made only when it is missing or older than its source, so a repeat report decodes nothing.
struct Thumbnails: Sendable {
    /// What a finding's thumbnail turned out to be.
    enum Outcome: Sendable, Equatable {
        /// No bundle, or no side-by-side PNG in it.
        case none
        /// An up-to-date thumbnail was there already.
        case kept(file: String, width: Int, height: Int)
        /// Made now.
        case made(file: String, width: Int, height: Int)
        /// The side-by-side PNG could not be read, decoded or shrunk, or the thumbnail not written.
        case failed(String)
    }

    static let width = 240

    /// `report/thumbs`.
    let folder: URL
    /// `OUT/bundles`, when bundles are looked for.
    let bundles: URL?

    /// The thumbnails of `findingIDs`, in order, made on up to `ProcessInfo.activeProcessorCount` threads.
    func outcomes(for findingIDs: [String]) -> [Outcome] {
        let results = Mutex([Outcome](repeating: .none, count: findingIDs.count))
        let work = { @Sendable (index: Int) in
            let outcome = self.outcome(for: findingIDs[index])
            results.withLock { $0[index] = outcome }
        }
        if findingIDs.count > 1 {
            DispatchQueue.concurrentPerform(iterations: findingIDs.count, execute: work)
        } else {
            for index in findingIDs.indices { work(index) }
        }
        return results.withLock { $0 }
    }

    /// The thumbnail of one finding.
    func outcome(for findingID: String) -> Outcome {
        guard let bundles, Self.isSafeFileName(findingID) else { return .none }
        let data = bundles.appendingPathComponent(findingID).appendingPathComponent("data")
        guard let source = Self.firstSideBySide(in: data) else { return .none }
        let name = findingID + ".png"
        let thumbnail = folder.appendingPathComponent(name)
        if let made = Self.modificationDate(thumbnail), let original = Self.modificationDate(source), made >= original,
            let size = Self.pngSize(thumbnail)
        {
            return .kept(file: name, width: size.width, height: size.height)
        }
        do {
            let small = Self.shrunk(try ImageDecoder.decode(contentsOfFile: source.path).image)
            try AtomicFileWriter.writeUnflushed(try PNGEncoder.encode(small), to: thumbnail)
            return .made(file: name, width: small.width, height: small.height)
        } catch {
            // A stale thumbnail would show a picture the evidence no longer holds.
            try? FileManager.default.removeItem(at: thumbnail)
            return .failed("\(source.path): \(error)")
        }
    }

    /// `picture` shrunk to the thumbnails' width (kept as it is when narrower), keeping its aspect ratio.
    static func shrunk(_ picture: Image) -> Image {
        let height = max(1, (picture.height * width + picture.width / 2) / picture.width)
        return picture.width > width ? picture.resized(width: width, height: height) : picture
    }

    /// The first `side-by-side-<n>.png` of a bundle's data folder, by `n` (then by name).
    static func firstSideBySide(in folder: URL) -> URL? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        let candidates = names.filter { $0.hasPrefix("side-by-side-") && $0.hasSuffix(".png") }
        func number(_ name: String) -> Int {
            Int(name.dropFirst("side-by-side-".count).dropLast(".png".count)) ?? Int.max
        }
        let first = candidates.min { (number($0), $0) < (number($1), $1) }
        return first.map { folder.appendingPathComponent($0) }
    }

    /// Whether `name` can be a file or folder name as it is: a finding id from the state file is used in paths only
    /// when it is letters, digits, `.`, `_` and `-`, not starting with a dot.
    static func isSafeFileName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "."), name.utf8.count <= 200 else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default: false
            }
        }
    }

    private static func modificationDate(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }

    /// Width and height from a PNG's IHDR chunk (bytes 16 to 23), without decoding it.
    static func pngSize(_ url: URL) -> (width: Int, height: Int)? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 24), header.count == 24,
            header.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        else { return nil }
        let bytes = [UInt8](header)
        func integer(_ offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let width = integer(16)
        let height = integer(20)
        return width > 0 && height > 0 ? (width, height) : nil
    }
}
