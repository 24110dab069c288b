public import Imaging

/// A registered image found in a suspect image by local features and verified geometrically.
public struct GeometricMatch: Sendable, Hashable {
    /// The registered image's id.
    public var id: String
    /// Correspondences consistent with `transform` (position, orientation and scale of both keypoints).
    public var inliers: Int
    /// Tentative correspondences the descriptor matching found for this image, before geometry.
    public var matches: Int
    /// Whether the suspect shows the registered image mirrored left–right.
    public var mirrored: Bool
    /// How much larger the registered image appears in the suspect (suspect pixels per registered pixel).
    public var scale: Double
    /// Rotation of the registered image in the suspect, degrees in (−180, 180], clockwise on screen.
    public var rotationDegrees: Double
    /// Registered-image pixel coordinates to suspect pixel coordinates (a similarity, with a mirror first when
    /// `mirrored`).
    public var transform: AffineTransform
    /// Where the registered image sits in the suspect: the bounding box of its transformed corners, clipped to
    /// the suspect, in the suspect's pixels.
    public var region: PixelRect

    public init(
        id: String, inliers: Int, matches: Int, mirrored: Bool, scale: Double, rotationDegrees: Double,
        transform: AffineTransform, region: PixelRect
    ) {
        self.id = id
        self.inliers = inliers
        self.matches = matches
        self.mirrored = mirrored
        self.scale = scale
        self.rotationDegrees = rotationDegrees
        self.transform = transform
        self.region = region
    }

    /// Inliers over tentative correspondences: near 1 for a clean copy, low for a coincidence.
    public var inlierRatio: Double { matches == 0 ? 0 : Double(inliers) / Double(matches) }
}
