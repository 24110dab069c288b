public import Imaging

/// How close two images are by their perceptual hashes: PDQ at the best of the eight dihedral variants, plain PDQ,
/// both PDQ qualities and dHash. What `proofmark compare` prints.
///
/// The first image plays the registered asset and the second the suspect, as in the matcher: the suspect's hash is
/// compared with each dihedral hash of the registered image, so `variant` says how the suspect is turned relative
/// to the registered image. Cost: two PDQ hashes (O(pixels) each) and eight popcounts.
public struct ImageComparison: Sendable, Hashable {
    /// Differing PDQ bits between the suspect and the closest dihedral variant of the registered image, 0...256.
    public var distance: Int
    /// The variant at `distance`; ties go to the first in `PDQVariant.allCases` (`.original` first).
    public var variant: PDQVariant
    /// Differing PDQ bits between the two images as they are, 0...256.
    public var plainDistance: Int
    /// PDQ quality of the registered image, 0...100.
    public var registeredQuality: Int
    /// PDQ quality of the suspect image, 0...100.
    public var suspectQuality: Int
    /// Differing dHash bits, 0...64 (dHash has no dihedral variants).
    public var dhashDistance: Int

    /// Compares two hashed images.
    public init(registered: PDQ.Result, suspect: PDQ.Result) {
        var best = (distance: Int.max, variant: PDQVariant.original)
        for variant in PDQVariant.allCases {
            let distance = suspect.hash.distance(to: registered.dihedral[variant] ?? registered.hash)
            if distance < best.distance { best = (distance, variant) }
        }
        distance = best.distance
        variant = best.variant
        plainDistance = suspect.hash.distance(to: registered.hash)
        registeredQuality = registered.quality
        suspectQuality = suspect.quality
        // As `Fingerprinter` computes it: dHash of PDQ's 64×64 downsample; images too small for PDQ get zero.
        let registeredDHash = registered.downsampled.map(DHash.init) ?? DHash(value: 0)
        let suspectDHash = suspect.downsampled.map(DHash.init) ?? DHash(value: 0)
        dhashDistance = registeredDHash.distance(to: suspectDHash)
    }

    /// Hashes and compares two images.
    public init(registered: Image, suspect: Image) {
        self.init(registered: PDQ.hash(registered), suspect: PDQ.hash(suspect))
    }
}
