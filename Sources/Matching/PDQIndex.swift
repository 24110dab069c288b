public import PerceptualHash

/// A registered image as the matcher sees it: which brand and right it rests on, and its PDQ hashes.
public struct RegisteredImage: Sendable, Hashable {
    public var assetID: String
    public var brand: String
    public var right: String
    /// The eight dihedral PDQ hashes of the registered image.
    public var dihedral: [PDQVariant: PDQHash]
    public var quality: Int

    public init(assetID: String, brand: String, right: String, dihedral: [PDQVariant: PDQHash], quality: Int) {
        self.assetID = assetID
        self.brand = brand
        self.right = right
        self.dihedral = dihedral
        self.quality = quality
    }
}

/// A suspect image whose PDQ hash is close to a registered image under one of its dihedral variants.
public struct ImageMatch: Sendable, Hashable {
    public var assetID: String
    public var brand: String
    public var right: String
    /// Differing bits between the suspect's hash and the closest variant of the registered image.
    public var distance: Int
    /// How the suspect is turned relative to the registered image.
    public var variant: PDQVariant

    public init(assetID: String, brand: String, right: String, distance: Int, variant: PDQVariant) {
        self.assetID = assetID
        self.brand = brand
        self.right = right
        self.distance = distance
        self.variant = variant
    }

    /// The transform's name as findings write it (`identity`, `mirror`, `rot90`, ...).
    public var transformName: String { variant.transformName }
}

extension PDQVariant {
    /// The name findings and `proofmark compare` give the transform this variant matches through (`identity`,
    /// `mirror`, `flip-vertical`, `rot90`, `rot180`, `rot270`, `transpose`, `transverse`).
    public var transformName: String {
        switch self {
        case .original: "identity"
        case .flipy: "mirror"
        case .flipx: "flip-vertical"
        case .rot90: "rot90"
        case .rot180: "rot180"
        case .rot270: "rot270"
        case .flipPlus1: "transpose"
        case .flipMinus1: "transverse"
        }
    }
}

/// Whole-image PDQ matching against the registered images and their dihedral variants.
///
/// The first, honest matcher of the nightly run: a suspect matches a registered image when its hash is within
/// `threshold` bits of one of the image's eight dihedral hashes (the reference's suggested threshold for
/// near-duplicates is 31 of 256). Query cost is a popcount scan, O(registered images × 8); fine for the few
/// thousand assets of a brand registry. The image-robustness issue replaces it with multi-index hashing behind
/// the same interface.
public struct PDQIndex: Sendable {
    /// PDQ's usual near-duplicate threshold.
    public static let defaultThreshold = 31

    public let images: [RegisteredImage]

    public init(_ images: [RegisteredImage]) {
        self.images = images
    }

    /// Every registered image within `threshold` bits of `suspect` under some variant, closest first (ties by
    /// asset id, so results are deterministic). Images of PDQ quality 0 (flat or tiny) never match.
    public func matches(for suspect: PDQHash, quality: Int, threshold: Int = defaultThreshold) -> [ImageMatch] {
        guard quality > 0 else { return [] }
        var found: [ImageMatch] = []
        for image in images where image.quality > 0 {
            var best: (distance: Int, variant: PDQVariant)?
            for variant in PDQVariant.allCases {
                guard let hash = image.dihedral[variant] else { continue }
                let distance = suspect.distance(to: hash)
                if distance <= threshold, distance < (best?.distance ?? Int.max) {
                    best = (distance, variant)
                }
            }
            if let best {
                found.append(
                    ImageMatch(
                        assetID: image.assetID, brand: image.brand, right: image.right, distance: best.distance,
                        variant: best.variant))
            }
        }
        return found.sorted { ($0.distance, $0.assetID) < ($1.distance, $1.assetID) }
    }
}
