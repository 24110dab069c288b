public import Foundation
public import Imaging

extension MorningReport {
    /// Writes a finding's report thumbnail (`outputFolder/report/thumbs/<finding_id>.png`) from its bag's first
    /// side-by-side picture while that is still in memory, once the bag is in place: the report then finds it newer
    /// than its source and keeps it, instead of decoding the PNG again. The bytes are those the report would make
    /// from the file (PNG is lossless, the shrinking the same). Nothing is written for a finding id that cannot be a
    /// file name; a thumbnail that cannot be written is left to the report to make.
    public static func writeThumbnail(of picture: Image, findingID: String, outputFolder: URL) {
        guard Thumbnails.isSafeFileName(findingID) else { return }
        let folder = outputFolder.appendingPathComponent("report").appendingPathComponent("thumbs")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
            let bytes = try? PNGEncoder.encode(Thumbnails.shrunk(picture))
        else { return }
        try? AtomicFileWriter.writeUnflushed(bytes, to: folder.appendingPathComponent(findingID + ".png"))
    }
}
