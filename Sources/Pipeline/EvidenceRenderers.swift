import Evidence
import Findings
import Foundation
import Imaging
import Synchronization

/// The pictures and pages inside a bundle.
enum EvidenceRenderers {
    /// The picture height side-by-sides are drawn at.
    static let height = 360

    /// How pictures are decoded for side-by-sides: as stored (no EXIF rotation: the region is in the stored pixels
    /// the hash saw), at a JPEG DCT scale that keeps them above the picture's height.
    static let decoding = DecodingOptions(minimumShortSide: height, appliesOrientation: false)

    /// Draws the side-by-side picture of an image signal: (signal, registered asset's bytes, suspect image's bytes,
    /// caption) in, the picture out, nil when it cannot be drawn.
    typealias PictureRenderer =
        @Sendable (_ signal: AccusedElement.ImageSignal, _ registered: Data, _ suspect: Data, _ caption: [String]) ->
        Image?

    /// The side-by-side picture of the registered asset and the suspect image (PNG-encoded into the bag), the
    /// signal's region outlined on the suspect; nil when either no longer decodes. Registered assets are decoded
    /// through `pictures`, so each is decoded once for all the bags of a night, whatever the number of findings it
    /// is in.
    static func sideBySide(pictures: DecodedPictures) -> PictureRenderer {
        { signal, registered, suspect, caption in
            guard let left = pictures.decoded(key: signal.asset, bytes: registered),
                let right = try? ImageDecoder.decode(suspect, options: decoding)
            else { return nil }
            var region: PixelRect?
            if let box = signal.region, box.count == 4, box[2] > 0, box[3] > 0 {
                // The region is in the image's full-size pixels; the decode may be scaled down.
                let full = right.source.width > 0 ? right.source.width : right.image.width
                let scale = Double(right.image.width) / Double(max(1, full))
                region = PixelRect(
                    x: Int((Double(box[0]) * scale).rounded(.down)), y: Int((Double(box[1]) * scale).rounded(.down)),
                    width: max(1, Int((Double(box[2]) * scale).rounded())),
                    height: max(1, Int((Double(box[3]) * scale).rounded())))
            }
            return SideBySide.render(
                registered: left, suspect: right.image, region: region, caption: caption, height: height)
        }
    }

    /// The claim chart (`ClaimChart`), with the bag's pictures.
    static let claimChart: EvidenceBundle.ClaimChartRenderer = { evidence, pictures, date in
        ClaimChart.html(
            for: evidence, images: pictures.mapValues { ($0.registered, $0.suspect, $0.sideBySide) }, generatedAt: date)
    }
}

/// Pictures decoded for evidence (`EvidenceRenderers.decoding`), kept for one night so that a registered asset in
/// many findings is decoded once, not once a bag.
///
/// An entry is found by its key (an asset id) and used only when its bytes are those asked for, so a key reused for
/// other bytes decodes them afresh. Bounded by `budget` bytes of pixels: past it, the entry used longest ago goes.
/// Two bags asking for the same picture at the same moment may both decode it; the pixels are the same either way.
final class DecodedPictures: Sendable {
    private struct Entry {
        var bytes: Data
        var image: Image?
        var lastUse: Int
    }

    private struct Contents {
        var entries: [String: Entry] = [:]
        var size = 0
        var clock = 0
    }

    private let budget: Int
    private let contents = Mutex(Contents())

    /// - Parameter budget: the most pixel bytes kept (256 MiB by default: a hundred 2,000 px photos decoded whole).
    init(budget: Int = 256 << 20) {
        self.budget = budget
    }

    /// The picture `bytes` decode to, nil when they do not decode (remembered too).
    func decoded(key: String, bytes: Data) -> Image? {
        let cached: Image?? = contents.withLock { contents in
            guard var entry = contents.entries[key], entry.bytes == bytes else { return nil }
            contents.clock += 1
            entry.lastUse = contents.clock
            contents.entries[key] = entry
            return .some(entry.image)
        }
        if let cached { return cached }
        let image = try? ImageDecoder.decode(bytes, options: EvidenceRenderers.decoding).image
        let cost = image?.pixels.count ?? 0
        guard cost <= budget else { return image }
        contents.withLock { contents in
            if let old = contents.entries[key] { contents.size -= old.image?.pixels.count ?? 0 }
            contents.clock += 1
            contents.entries[key] = Entry(bytes: bytes, image: image, lastUse: contents.clock)
            contents.size += cost
            while contents.size > budget,
                let oldest = contents.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
            {
                contents.size -= oldest.value.image?.pixels.count ?? 0
                contents.entries[oldest.key] = nil
            }
        }
        return image
    }
}
