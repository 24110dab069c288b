import Evidence
import Foundation
import Imaging

/// The pictures and pages inside a bundle.
enum EvidenceRenderers {
    /// The picture height side-by-sides are drawn at.
    static let height = 360

    /// A side-by-side PNG of the registered asset and the suspect image, the signal's region outlined on the
    /// suspect. Both are decoded as stored (no EXIF rotation: the region is in the stored pixels the hash saw), at a
    /// JPEG DCT scale that keeps them above the picture's height; nil when either no longer decodes.
    static let sideBySide: EvidenceBundle.SideBySideRenderer = { signal, registered, suspect, caption in
        let options = DecodingOptions(minimumShortSide: height, appliesOrientation: false)
        guard let left = try? ImageDecoder.decode(registered, options: options),
            let right = try? ImageDecoder.decode(suspect, options: options)
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
        let picture = SideBySide.render(
            registered: left.image, suspect: right.image, region: region, caption: caption, height: height)
        return (try? PNGEncoder.encode(picture)).map { Data($0) }
    }

    /// The claim chart (`ClaimChart`), with the bag's pictures.
    static let claimChart: EvidenceBundle.ClaimChartRenderer = { evidence, pictures, date in
        ClaimChart.html(
            for: evidence, images: pictures.mapValues { ($0.registered, $0.suspect, $0.sideBySide) }, generatedAt: date)
    }
}
