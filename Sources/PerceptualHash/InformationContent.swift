public import Imaging

/// How much an image has to say, for deciding whether a hash match alone may be trusted.
///
/// Global hashes collide where pictures are mostly flat: logos and cut-outs on white, icons, banners of one or two
/// colours. Their hashes encode little more than the layout of a blob, and unrelated blobs land within PDQ's
/// threshold of each other. Such images are told apart by their 64×64 PDQ downsample (already computed, so the
/// test is free): `nearBlank` when nine tenths of it sit within a few levels of one value, `twoTone` when nine
/// tenths sit near two values, `lowQuality` when PDQ's own quality is under 50 (the reference's advice for
/// "too featureless to match on"). The matcher never reports such an image on a hash alone
/// (`Matching.ImageMatcher`).
public enum InformationContent: String, Sendable, Hashable, CaseIterable, Codable {
    case ordinary
    case lowQuality = "low-quality"
    case nearBlank = "near-blank"
    case twoTone = "two-tone"

    /// Whether a hash-only match on this image needs another kind of evidence before it is believed.
    public var needsVerification: Bool { self != .ordinary }

    /// The quality under which PDQ's reference advises against matching.
    public static let minimumQuality = 50

    /// Classifies an image from its PDQ downsample and quality.
    public init(downsampled: LumaPlane?, quality: Int) {
        guard let downsampled else {
            self = .nearBlank
            return
        }
        var histogram = [Int](repeating: 0, count: 64)
        for value in downsampled.values {
            histogram[min(63, max(0, Int(value) / 4))] += 1
        }
        let total = downsampled.values.count
        // Mass within ±2 bins (±8 levels, a JPEG's noise around a flat colour) of bin `centre`.
        func mass(around centre: Int) -> Int {
            (max(0, centre - 2)...min(63, centre + 2)).reduce(0) { $0 + histogram[$1] }
        }
        let masses = (0..<64).map(mass(around:))
        let first = masses.indices.max { masses[$0] < masses[$1] } ?? 0
        if masses[first] * 10 >= total * 9 {
            self = .nearBlank
            return
        }
        let second = masses.indices.filter { abs($0 - first) > 4 }.max { masses[$0] < masses[$1] }
        if let second, (masses[first] + masses[second]) * 10 >= total * 9 {
            self = .twoTone
            return
        }
        self = quality < Self.minimumQuality ? .lowQuality : .ordinary
    }
}
