public import Imaging
public import PerceptualHash

/// A registered image as the matcher sees it: which brand and right it rests on, and the hashes of its views.
public struct RegisteredImage: Sendable, Hashable {
    public var assetID: String
    public var brand: String
    public var right: String
    /// The views of `ViewPlanner.referenceViews(of:)`, `.whole` first.
    public var views: [HashedView]
    public var information: InformationContent

    public init(
        assetID: String, brand: String, right: String, views: [HashedView], information: InformationContent
    ) {
        self.assetID = assetID
        self.brand = brand
        self.right = right
        self.views = views
        self.information = information
    }

    /// The whole picture's PDQ quality.
    public var quality: Int { views.first?.quality ?? 0 }
}

/// A suspect image as the matcher sees it.
public struct SuspectImage: Sendable, Hashable {
    /// The whole picture (its eight dihedral hashes are not needed: the index holds the registered side's) and the
    /// views of `ViewPlanner.suspectViews(of:)`, with regions in the image's pixels.
    public var views: [HashedView]
    public var information: InformationContent

    public init(views: [HashedView], information: InformationContent) {
        self.views = views
        self.information = information
    }
}

/// How a suspect image was found to show a registered image.
public struct ImageMatch: Sendable, Hashable {
    public var assetID: String
    public var brand: String
    public var right: String
    /// `pdq` (whole pictures), `pdq+trim`, `pdq+crop`, `pdq+rotation`, `pdq+panel`, `pdq+content`, or `features`.
    public var algorithm: String
    /// Differing PDQ bits, for hash matches.
    public var distance: Int?
    /// Keypoint correspondences that agree on one transform, for feature matches.
    public var inliers: Int?
    /// How the suspect is turned relative to the registered image.
    public var variant: PDQVariant
    /// The registered view that matched (`whole`, `trim`, `crop-left-25`, `rotate+5`, ...).
    public var referenceView: String
    /// The suspect view that matched (`whole`, `trim`, `panel-2-of-3`, `scene`, ...).
    public var suspectView: String
    /// Where the registered image sits in the suspect image, in the suspect's pixels.
    public var region: PixelRect?
    /// Whether a hash-only match on a low-information image stands without geometric confirmation (false: it is
    /// reported at reduced strength; see `ImageMatcher`).
    public var trusted: Bool
    /// This signal's strength in 0...1 (`ImageMatcher.strength`).
    public var strength: Double

    public init(
        assetID: String, brand: String, right: String, algorithm: String, distance: Int?, inliers: Int?,
        variant: PDQVariant, referenceView: String, suspectView: String, region: PixelRect?, trusted: Bool,
        strength: Double
    ) {
        self.assetID = assetID
        self.brand = brand
        self.right = right
        self.algorithm = algorithm
        self.distance = distance
        self.inliers = inliers
        self.variant = variant
        self.referenceView = referenceView
        self.suspectView = suspectView
        self.region = region
        self.trusted = trusted
        self.strength = strength
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
