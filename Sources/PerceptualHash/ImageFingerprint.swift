public import Foundation
public import Imaging

/// Which decode feeds the hashes.
public enum HashingPath: String, Sendable, Hashable, CaseIterable, Codable {
    /// JPEGs are decoded by libjpeg at a reduced DCT scale (1/2, 1/4 or 1/8, keeping the shorter side at or above
    /// `Fingerprinter.fastMinimumShortSide`), which skips most of the IDCT, upsampling and colour-conversion work:
    /// about twice as fast as `.exact` on product photos. The PDQ hash drifts from the exact one by what any
    /// reduction costs PDQ (a true 2×2 box average drifts as much; the 64×64 samples alias differently): on the
    /// conformance vectors at most 6 bits (the tests hold them to `Fingerprinter.fastPathToleranceBits`), on 100
    /// product-size JPEGs (`Benchmarks/peers/crosscheck.py`) a median of 6, 94 of 100 within 10 and at most 22,
    /// well inside PDQ's usual match threshold of 31. PNG and WebP have no cheaper decode, so they are always
    /// bit-identical, as are JPEGs under 512 pixels on the shorter side (decoded at full size).
    case fast
    /// Full-size decode with libjpeg's accurate integer IDCT and fancy upsampling, the pixels Pillow gives the
    /// reference: PDQ is bit-identical to facebook/ThreatExchange's implementation (as run by `pdqhash`).
    case exact
}

/// The fingerprints of one image file.
public struct ImageFingerprint: Sendable, Hashable {
    /// The file's format.
    public var format: ImageFormat
    /// The size the file declares (as stored, before EXIF orientation).
    public var width: Int
    /// The size the file declares (as stored, before EXIF orientation).
    public var height: Int
    /// The EXIF orientation the file carries. Hashes are of the pixels as stored, like the reference's; the
    /// picture as displayed hashes to `pdqDihedral[PDQVariant(orientation.transformToDisplay)]`.
    public var orientation: ExifOrientation
    /// The PDQ hash of the pixels as stored.
    public var pdq: PDQHash
    /// PDQ quality, 0...100.
    public var quality: Int
    /// All eight PDQ dihedral hashes (`.original` is `pdq`).
    public var pdqDihedral: [PDQVariant: PDQHash]
    /// The 64-bit dHash.
    public var dhash: DHash
    /// The path that produced these hashes.
    public var path: HashingPath
    /// The DCT scale the JPEG was decoded at (1 on the exact path and for PNG).
    public var scaleDenominator: Int
    /// The suspect-side views beyond the whole picture (`ViewPlanner.suspectViews(of:)`), regions in the pixels as
    /// stored; only their `.original` hash is kept.
    public var views: [HashedView]
    /// Whether the picture says enough for a hash match alone to be trusted.
    public var information: InformationContent
}

/// Decodes image bytes and computes their fingerprints.
public enum Fingerprinter {
    /// The fast path decodes JPEGs at the smallest DCT scale that keeps the shorter side at least this long.
    ///
    /// PDQ blurs and samples to 64×64. Measured on the 36 conformance JPEGs (RGB decode, accurate IDCT), the
    /// worst drift from the exact hash was 44 bits with a 128-pixel minimum (1/8 scale is coarser than PDQ's own
    /// tent filter), 14 with 192, 6 with 256 and 4 with 320. Decoding to libjpeg's Y channel instead of RGB was
    /// barely faster but drifted up to 36 bits on saturated or featureless images, so the fast path keeps RGB.
    public static let fastMinimumShortSide = 256

    /// How far the fast path's PDQ may drift from the exact path's, in bits; the conformance tests enforce it.
    public static let fastPathToleranceBits = 10

    /// Fingerprints an image held in memory.
    public static func fingerprint(
        _ bytes: some ContiguousBytes, path: HashingPath = .fast,
        maximumPixelCount: Int = DecodingOptions.defaultMaximumPixelCount
    ) throws(ImageDecodingError) -> ImageFingerprint {
        let decoded = try ImageDecoder.decodeLuma(
            bytes, options: options(for: path, maximumPixelCount: maximumPixelCount))
        return fingerprint(decoded, path: path)
    }

    /// Reads and fingerprints the file at `filePath`; errors carry the path.
    public static func fingerprint(
        contentsOfFile filePath: String, path: HashingPath = .fast,
        maximumPixelCount: Int = DecodingOptions.defaultMaximumPixelCount
    ) throws(ImageDecodingError) -> ImageFingerprint {
        let decoded = try ImageDecoder.decodeLuma(
            contentsOfFile: filePath, options: options(for: path, maximumPixelCount: maximumPixelCount))
        return fingerprint(decoded, path: path)
    }

    /// The decoding options each path uses.
    public static func options(for path: HashingPath, maximumPixelCount: Int) -> DecodingOptions {
        switch path {
        case .exact:
            DecodingOptions(maximumPixelCount: maximumPixelCount, appliesOrientation: false)
        case .fast:
            DecodingOptions(
                maximumPixelCount: maximumPixelCount, minimumShortSide: fastMinimumShortSide,
                appliesOrientation: false)
        }
    }

    /// The views of a registered image (`ViewPlanner.referenceViews(of:)`), what its picture says, and its
    /// luminance (for local features), from a full decode of the file (registered images are few and matter most,
    /// so they get the exact pixels).
    public static func referenceViews(
        contentsOfFile filePath: String, maximumPixelCount: Int = DecodingOptions.defaultMaximumPixelCount
    ) throws(ImageDecodingError) -> (views: [HashedView], information: InformationContent, luma: LumaPlane) {
        let image = try ImageDecoder.decode(
            contentsOfFile: filePath,
            options: DecodingOptions(maximumPixelCount: maximumPixelCount, appliesOrientation: false)
        ).image
        return referenceViews(of: image)
    }

    /// The views, information content and luminance of a registered image already decoded (as stored).
    public static func referenceViews(
        of image: Image
    ) -> (views: [HashedView], information: InformationContent, luma: LumaPlane) {
        let luma = image.luma()
        let whole = PDQ.hash(luma)
        return (
            ViewPlanner.referenceViews(of: image),
            InformationContent(downsampled: whole.downsampled, quality: whole.quality), luma
        )
    }

    /// Fingerprints an image held in memory and keeps the luminance it was computed from (at the decoded scale,
    /// `scaleDenominator`), for work that needs the pixels afterwards (local features).
    public static func fingerprintKeepingLuma(
        _ bytes: some ContiguousBytes, path: HashingPath = .fast,
        maximumPixelCount: Int = DecodingOptions.defaultMaximumPixelCount
    ) throws(ImageDecodingError) -> (fingerprint: ImageFingerprint, luma: LumaPlane) {
        let decoded = try ImageDecoder.decodeLuma(
            bytes, options: options(for: path, maximumPixelCount: maximumPixelCount))
        let luma = decoded.luma
        return (fingerprint(decoded, path: path), luma)
    }

    private static func fingerprint(_ decoded: consuming DecodedLuma, path: HashingPath) -> ImageFingerprint {
        let source = decoded.source
        let luma = decoded.luma
        let scale = source.scaleDenominator
        let views = ViewPlanner.suspectViews(of: luma).map { view in
            // Regions in the pixels as stored, whatever scale the JPEG was decoded at.
            var stored = view
            stored.region =
                view.region.scaled(by: scale).clipped(toWidth: source.width, height: source.height) ?? view.region
            return stored
        }
        let result = PDQ.hash(consume luma)
        // dHash on PDQ's 64×64 downsample rather than on the full image: the same gradients at a fraction of
        // the cost. Every hashable image has one; images under PDQ's minimum size get the zero dHash.
        let dhash = result.downsampled.map(DHash.init) ?? DHash(value: 0)
        return ImageFingerprint(
            format: source.format,
            width: source.width,
            height: source.height,
            orientation: source.orientation,
            pdq: result.hash,
            quality: result.quality,
            pdqDihedral: result.dihedral,
            dhash: dhash,
            path: path,
            scaleDenominator: source.scaleDenominator,
            views: views,
            information: InformationContent(downsampled: result.downsampled, quality: result.quality))
    }
}
